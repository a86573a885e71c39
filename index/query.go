package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/minutebook/minutebook/minutes"
)

// ErrBadQuery wraps a search the library cannot read.
var ErrBadQuery = errors.New("cannot read the search")

// minWildcardPrefix is how many letters a wildcard or regular expression
// must start with: shorter ones would expand to most of the index.
const minWildcardPrefix = 3

// hitFields are the stored fields a hit is shown with.
var hitFields = []string{"kind", "committee", "meeting", "date", "minute", "title", "status"}

// Search runs a full-text search: q.Text in the search box's grammar
// (ParseSearch: every word must match; "quoted phrases", -not, OR,
// field:value, word*), words stemmed with the English analyser, with q's
// filters. Excerpts mark the matched words.
func (l *Library) Search(ctx context.Context, q SearchQuery) (*SearchResult, error) {
	start := time.Now()
	req, err := l.searchRequest(ctx, q)
	if err != nil {
		return nil, err
	}
	var res *bleve.SearchResult
	err = l.withIndex(ctx, func(idx bleve.Index) error {
		var err error
		res, err = idx.SearchInContext(ctx, req)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	if q.Facets {
		out.Facets = map[string][]FacetCount{}
		for _, name := range facetFields {
			out.Facets[name] = []FacetCount{}
		}
		if f := res.Facets["facet"]; f != nil && f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				name, value, ok := strings.Cut(t.Term, ":")
				if _, known := out.Facets[name]; ok && known {
					out.Facets[name] = append(out.Facets[name], FacetCount{Value: value, Count: t.Count})
				}
			}
		}
		sort.Slice(out.Facets["year"], func(i, j int) bool { return out.Facets["year"][i].Value > out.Facets["year"][j].Value })
	}
	out.Took = time.Since(start)
	return out, nil
}

// withIndex runs fn on the search index once it reflects the store,
// acquiring it first if need be. Searches run side by side; catching up
// excludes them.
func (l *Library) withIndex(ctx context.Context, fn func(bleve.Index) error) error {
	gen, err := l.Generation(ctx)
	if err != nil {
		return err
	}
	l.imu.RLock()
	if si := l.search; si != nil && si.gen == gen {
		defer l.imu.RUnlock()
		return fn(si.idx)
	}
	l.imu.RUnlock()
	l.imu.Lock()
	defer l.imu.Unlock()
	if err := l.acquire(ctx, true); err != nil {
		return err
	}
	return fn(l.search.idx)
}

// searchRequest builds the bleve request for q: the one place queries are
// made. The text is read by ParseSearch: every clause must match.
func (l *Library) searchRequest(ctx context.Context, q SearchQuery) (*bleve.SearchRequest, error) {
	var must, mustNot []query.Query
	text := strings.TrimSpace(q.Text)
	parsed, err := ParseSearch(text)
	if err != nil {
		return nil, err
	}
	scored := false // the text has words to rank by, not only filters
	for _, c := range parsed.Clauses {
		var any []query.Query
		for _, t := range c.Any {
			tq, words, err := l.termQuery(ctx, t)
			if err != nil {
				return nil, fmt.Errorf("%w %q: %v", ErrBadQuery, text, err)
			}
			if tq != nil {
				any = append(any, tq)
				scored = scored || words
			}
		}
		var cq query.Query
		switch len(any) {
		case 0:
			continue // only words every text has ("the"): no condition
		case 1:
			cq = any[0]
		default:
			cq = query.NewDisjunctionQuery(any)
		}
		if c.Not {
			mustNot = append(mustNot, cq)
		} else {
			must = append(must, cq)
		}
	}
	if q.Committee != "" {
		cq, err := l.committeeQuery(ctx, q.Committee)
		if err != nil {
			return nil, err
		}
		must = append(must, cq)
	}
	kinds := parsed.Fielded("kind")
	if q.Kind != "" {
		k, ok := ParseDocKind(q.Kind)
		if !ok {
			return nil, fmt.Errorf("%w: kind %q: want resolution, action, followup, item or meeting", ErrBadQuery, q.Kind)
		}
		must = append(must, termQuery("kind", string(k)))
		kinds = append(kinds, q.Kind)
	}
	if !scored && !slices.ContainsFunc(kinds, func(k string) bool { d, _ := ParseDocKind(k); return d == DocMeeting }) {
		// Browsing (no words): records and items. Meetings' attendance
		// is found by the names in it, or asked for with kind:meeting.
		mustNot = append(mustNot, termQuery("kind", string(DocMeeting)))
	}
	if q.Status != "" {
		s, ok := ParseStatus(string(q.Status))
		if !ok {
			return nil, fmt.Errorf("%w: status %q: want open, in progress, done or dropped", ErrBadQuery, q.Status)
		}
		must = append(must, termQuery("status", string(s)))
	}
	if q.Year != 0 {
		must = append(must, termQuery("year", strconv.Itoa(q.Year)))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		var from, to time.Time
		if !q.From.IsZero() {
			from = q.From.Time()
		}
		if !q.To.IsZero() {
			to = q.To.Time()
		}
		yes := true
		dq := query.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
		dq.SetField("date")
		must = append(must, dq)
	}
	var root query.Query
	switch len(must) {
	case 0:
		root = query.NewMatchAllQuery()
	case 1:
		root = must[0]
	default:
		root = query.NewConjunctionQuery(must)
	}
	if len(mustNot) > 0 {
		b := query.NewBooleanQuery([]query.Query{root}, nil, mustNot)
		root = b
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(root, limit, max(q.Offset, 0), false)
	req.Fields = hitFields
	req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	req.Highlight.AddField("text")
	req.Highlight.AddField("title")
	if !scored {
		req.SortBy([]string{"-date", "_id"})
	}
	if q.Facets {
		addFacets(req)
	}
	return req, nil
}

// termQuery is the query for one term of a search, and whether it is words
// to rank hits by (not a filter); nil when the term says nothing (a word
// every text has).
func (l *Library) termQuery(ctx context.Context, t Term) (query.Query, bool, error) {
	switch t.Field {
	case "kind":
		k, ok := ParseDocKind(t.Value)
		if !ok {
			return nil, false, fmt.Errorf("kind:%s: want resolution, action, followup, item or meeting", t.Value)
		}
		return termQuery("kind", string(k)), false, nil
	case "committee":
		q, err := l.committeeQuery(ctx, t.Value)
		return q, false, err
	case "status":
		s, ok := ParseStatus(t.Value)
		if !ok {
			return nil, false, fmt.Errorf("status:%s: want open, in-progress, done or dropped", t.Value)
		}
		return termQuery("status", string(s)), false, nil
	case "year", "minute":
		return termQuery(t.Field, t.Value), false, nil
	case "":
		if !t.Phrase && !strings.ContainsAny(t.Value, "*?~^/") && len(englishAnalyzer().Analyze([]byte(t.Value))) == 0 {
			return nil, false, nil
		}
	}
	raw := t.Raw
	if t.Field == "" && !t.Phrase {
		raw = escapeQueryString(raw)
	}
	uq, err := query.NewQueryStringQuery(raw).Parse()
	if err != nil {
		return nil, false, fmt.Errorf("%v; put phrases in double quotes", err)
	}
	if uq, err = checkQuery(uq); err != nil {
		return nil, false, err
	}
	return uq, true, nil
}

// committeeQuery matches the documents of the committees typed names
// (MatchCommittees).
func (l *Library) committeeQuery(ctx context.Context, typed string) (query.Query, error) {
	keys, err := l.committeeKeys(ctx, typed)
	if err != nil {
		return nil, err
	}
	var any []query.Query
	for _, k := range keys {
		any = append(any, termQuery("committee_key", k))
	}
	if len(any) == 1 {
		return any[0], nil
	}
	return query.NewDisjunctionQuery(any), nil
}

// escapeQueryString escapes the characters bleve's query-string syntax
// would read as syntax in a plain word ("10:30", "(b)"), keeping the
// wildcards, fuzziness and boosts a person types on purpose.
func escapeQueryString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`:()[]{}!&|=<>\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// addFacets asks for counts by committee, kind, year and status, all read
// from the one facet field.
func addFacets(req *bleve.SearchRequest) {
	req.AddFacet("facet", bleve.NewFacetRequest("facet", 1000))
}

func termQuery(field, term string) query.Query {
	t := query.NewTermQuery(term)
	t.SetField(field)
	return t
}

// checkQuery refuses wildcards and regular expressions that start with
// fewer than minWildcardPrefix letters, lower-cases wildcards (the index
// holds lower-case terms), makes every word of a match query required
// ("fly-tipping" is two words), and turns a quoted phrase that is one word
// once stop words are left out ("further report") into a plain word
// search, which gives the same hits without reading every position. It
// returns the query to run.
func checkQuery(q query.Query) (query.Query, error) {
	var err error
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *sub != nil {
				if *sub, err = checkQuery(*sub); err != nil {
					return nil, err
				}
			}
		}
	case *query.ConjunctionQuery:
		for i := range q.Conjuncts {
			if q.Conjuncts[i], err = checkQuery(q.Conjuncts[i]); err != nil {
				return nil, err
			}
		}
	case *query.DisjunctionQuery:
		for i := range q.Disjuncts {
			if q.Disjuncts[i], err = checkQuery(q.Disjuncts[i]); err != nil {
				return nil, err
			}
		}
	case *query.WildcardQuery:
		q.Wildcard = strings.ToLower(q.Wildcard)
		if literalPrefix(q.Wildcard) < minWildcardPrefix {
			return nil, fmt.Errorf("%q: give at least %d letters before * or ?", q.Wildcard, minWildcardPrefix)
		}
	case *query.PrefixQuery:
		q.Prefix = strings.ToLower(q.Prefix)
		if literalPrefix(q.Prefix) < minWildcardPrefix {
			return nil, fmt.Errorf("%q: give at least %d letters before *", q.Prefix, minWildcardPrefix)
		}
	case *query.RegexpQuery:
		if literalPrefix(q.Regexp) < minWildcardPrefix {
			return nil, fmt.Errorf("/%s/: a regular expression must start with at least %d letters", q.Regexp, minWildcardPrefix)
		}
	case *query.MatchPhraseQuery:
		if q.Analyzer == "" && q.Fuzziness == 0 && len(englishAnalyzer().Analyze([]byte(q.MatchPhrase))) <= 1 {
			m := query.NewMatchQuery(q.MatchPhrase)
			m.FieldVal, m.BoostVal = q.FieldVal, q.BoostVal
			m.SetOperator(query.MatchQueryOperatorAnd)
			return m, nil
		}
	case *query.MatchQuery:
		// "fly-tipping" is two words to the analyser: both must match.
		q.SetOperator(query.MatchQueryOperatorAnd)
	}
	return q, nil
}

var englishAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	return buildMapping().AnalyzerNamed(en.AnalyzerName)
})

func literalPrefix(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n++
	}
	return n
}

func toHit(h *search.DocumentMatch) Hit {
	str := func(name string) string {
		s, _ := h.Fields[name].(string)
		return s
	}
	hit := Hit{ID: h.ID, Kind: str("kind"), Committee: str("committee"), MeetingID: str("meeting"), Minute: str("minute"),
		Title: str("title"), Status: Status(str("status")), Score: h.Score}
	if d := str("date"); len(d) >= 10 {
		hit.MeetingDate, _ = minutes.ParseISODate(d[:10])
	}
	frag := ""
	if f := h.Fragments["text"]; len(f) > 0 {
		frag = f[0]
	}
	if !strings.Contains(frag, markOpen) {
		if f := h.Fragments["title"]; len(f) > 0 && strings.Contains(f[0], markOpen) && frag == "" {
			frag = f[0]
		}
	}
	hit.Excerpt = spans(frag)
	return hit
}
