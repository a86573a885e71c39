package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/minutebook/minutebook/minutes"
)

// Every query the library makes is built here, from a Params.

// minWildcardPrefix is how many letters a wildcard or regular expression
// must start with: shorter ones would expand to most of the index.
const minWildcardPrefix = 3

// hitFields are the stored fields a hit is shown with.
var hitFields = []string{"kind", "committee", "council", "meeting", "date", "minute", "title", "status"}

// Params is one search: the text in the search box's grammar
// (ParseSearch) and the filters besides it.
type Params struct {
	Text string
	// Committees resolves what was typed for a committee (the Committee
	// filter, committee:…) to the keys of the committees it means.
	Committees func(typed string) ([]string, error)
	Committee  string // "" for all
	// Councils resolves what was typed for a council (the Council
	// filter, council:…) to the council's key.
	Councils func(typed string) (string, error)
	Council  string // "" for all
	Kind     string // a DocKind as typed; "" for all
	Status   string // as typed; "" for all
	Year     int
	From, To minutes.Date
	Limit    int // 0 means 20
	Offset   int
	Facets   bool
	// IncludeRejected also finds records clerks rejected (indexed with
	// the status "rejected"); status:rejected asks for them alone.
	IncludeRejected bool
	// IDs, when not nil, keeps only the documents of these IDs (the
	// records one person owns, for an owner filter); empty finds nothing.
	IDs []string
}

// statusRejected is the status a rejected record is indexed with
// (store.StatusRejected).
const statusRejected = "rejected"

// Result is one page of hits.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets map[string][]FacetCount // "committee", "council" (as Hit.Council), "kind", "year", "status"
	Took   time.Duration
}

// Hit is one search result: a record, an item or a meeting.
type Hit struct {
	ID        string  // record ID, item ID ("osc-2021-12-14-188"), or meeting ID
	Kind      DocKind // "resolution", "action", "followup", "item", "meeting"
	Committee string
	// Council is its committee's council: the council's key as the index
	// holds it, its name as the library's Search gives it; "" when not
	// known.
	Council     string
	MeetingID   string
	MeetingDate minutes.Date
	Minute      string
	Title       string         // the item's title
	Status      minutes.Status // "" for resolutions, items and meetings
	Excerpt     []Span         // a short excerpt with the matched words marked
	Score       float64
}

// FacetCount is one facet value and how many hits have it.
type FacetCount struct {
	Value string
	Count int
}

// Request builds the bleve request for p. Every clause of the text must
// match (see ParseSearch).
func Request(p Params) (*bleve.SearchRequest, error) {
	var must, mustNot []query.Query
	text := strings.TrimSpace(p.Text)
	parsed, err := ParseSearch(text)
	if err != nil {
		return nil, err
	}
	scored := false // the text has words to rank by, not only filters
	for _, c := range parsed.Clauses {
		var any []query.Query
		for _, t := range c.Any {
			tq, words, err := termQuery(p, t)
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
	if p.Committee != "" {
		cq, err := committeeQuery(p, p.Committee)
		if err != nil {
			return nil, err
		}
		must = append(must, cq)
	}
	if p.Council != "" {
		cq, err := councilQuery(p, p.Council)
		if err != nil {
			return nil, err
		}
		must = append(must, cq)
	}
	kinds := parsed.Fielded("kind")
	if p.Kind != "" {
		k, ok := ParseDocKind(p.Kind)
		if !ok {
			return nil, fmt.Errorf("%w: kind %q: want resolution, action, followup, item or meeting", ErrBadQuery, p.Kind)
		}
		must = append(must, keyword("kind", string(k)))
		kinds = append(kinds, p.Kind)
	}
	if !scored && !slices.ContainsFunc(kinds, func(k string) bool { d, _ := ParseDocKind(k); return d == DocMeeting }) {
		// Browsing (no words): records and items. Meetings' attendance
		// is found by the names in it, or asked for with kind:meeting.
		mustNot = append(mustNot, keyword("kind", string(DocMeeting)))
	}
	statuses := parsed.Fielded("status")
	if p.Status != "" {
		statuses = append(statuses, p.Status)
	}
	if !p.IncludeRejected && !slices.ContainsFunc(statuses, isRejected) {
		mustNot = append(mustNot, keyword("status", statusRejected))
	}
	if isRejected(p.Status) {
		must = append(must, keyword("status", statusRejected))
	} else if p.Status != "" {
		s, ok := minutes.ParseStatus(p.Status)
		if !ok {
			return nil, fmt.Errorf("%w: status %q: want open, in progress, done or dropped", ErrBadQuery, p.Status)
		}
		must = append(must, keyword("status", string(s)))
	}
	if p.Year != 0 {
		must = append(must, keyword("year", strconv.Itoa(p.Year)))
	}
	if !p.From.IsZero() || !p.To.IsZero() {
		var from, to time.Time
		if !p.From.IsZero() {
			from = p.From.Time()
		}
		if !p.To.IsZero() {
			to = p.To.Time()
		}
		yes := true
		dq := query.NewDateRangeInclusiveQuery(from, to, &yes, &yes)
		dq.SetField("date")
		must = append(must, dq)
	}
	if p.IDs != nil {
		ids := p.IDs
		if len(ids) == 0 {
			ids = []string{"\x00none"} // no document has this ID
		}
		must = append(must, query.NewDocIDQuery(ids))
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
		root = query.NewBooleanQuery([]query.Query{root}, nil, mustNot)
	}
	limit := p.Limit
	if limit <= 0 {
		limit = 20
	}
	req := newRequest(root, limit, max(p.Offset, 0), p.Facets)
	if !scored {
		req.SortBy([]string{"-date", "_id"})
	}
	return req, nil
}

// isRejected reports whether a status as typed asks for rejected records.
func isRejected(s string) bool { return strings.EqualFold(strings.TrimSpace(s), statusRejected) }

// newRequest is a request for root with the fields, highlighting and
// facets every search shows.
func newRequest(root query.Query, size, from int, facets bool) *bleve.SearchRequest {
	req := bleve.NewSearchRequestOptions(root, size, from, false)
	req.Fields = hitFields
	req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	req.Highlight.AddField("text")
	req.Highlight.AddField("title")
	if facets {
		// Counts by committee, kind, year and status, all read from the
		// one facet field.
		req.AddFacet("facet", bleve.NewFacetRequest("facet", facetSize))
	}
	return req
}

// facetSize is how many facet values a search counts, at most: more than
// a library has.
const facetSize = 1000

// RawRequest is text in bleve's own query-string syntax with no filters,
// shown as every search is: what benchmarks compare the library's search
// with.
func RawRequest(text string, facets bool) *bleve.SearchRequest {
	var q query.Query = query.NewMatchAllQuery()
	if text != "" {
		q = query.NewQueryStringQuery(text)
	}
	return newRequest(q, 20, 0, facets)
}

// termQuery is the query for one term of a search, and whether it is words
// to rank hits by (not a filter); nil when the term says nothing (a word
// every text has).
func termQuery(p Params, t Term) (query.Query, bool, error) {
	switch t.Field {
	case "kind":
		k, ok := ParseDocKind(t.Value)
		if !ok {
			return nil, false, fmt.Errorf("kind:%s: want resolution, action, followup, item or meeting", t.Value)
		}
		return keyword("kind", string(k)), false, nil
	case "committee":
		q, err := committeeQuery(p, t.Value)
		return q, false, err
	case "council":
		q, err := councilQuery(p, t.Value)
		return q, false, err
	case "status":
		if isRejected(t.Value) {
			return keyword("status", statusRejected), false, nil
		}
		s, ok := minutes.ParseStatus(t.Value)
		if !ok {
			return nil, false, fmt.Errorf("status:%s: want open, in-progress, done, dropped or rejected", t.Value)
		}
		return keyword("status", string(s)), false, nil
	case "year", "minute":
		return keyword(t.Field, t.Value), false, nil
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

// committeeQuery matches the documents of the committees typed names.
func committeeQuery(p Params, typed string) (query.Query, error) {
	if p.Committees == nil {
		return nil, fmt.Errorf("committee %q: no committees to match", typed)
	}
	keys, err := p.Committees(typed)
	if err != nil {
		return nil, err
	}
	var any []query.Query
	for _, k := range keys {
		any = append(any, keyword("committee_key", k))
	}
	if len(any) == 1 {
		return any[0], nil
	}
	return query.NewDisjunctionQuery(any), nil
}

// councilQuery matches the documents of the council typed names.
func councilQuery(p Params, typed string) (query.Query, error) {
	if p.Councils == nil {
		return nil, fmt.Errorf("council %q: no councils to match", typed)
	}
	key, err := p.Councils(typed)
	if err != nil {
		return nil, err
	}
	return keyword("council", key), nil
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

func keyword(field, term string) query.Query {
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
	return NewMapping().AnalyzerNamed(en.AnalyzerName)
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

// result turns bleve's result into ours, with the facets bleve counted
// when facets is set.
func result(res *bleve.SearchResult, facets bool) *Result {
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	if facets {
		var counts []FacetCount
		if f := res.Facets["facet"]; f != nil && f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets = facetResult(counts)
	}
	return out
}

func toHit(h *bsearch.DocumentMatch) Hit {
	str := func(name string) string {
		s, _ := h.Fields[name].(string)
		return s
	}
	hit := Hit{ID: h.ID, Kind: DocKind(str("kind")), Committee: str("committee"), Council: str("council"), MeetingID: str("meeting"), Minute: str("minute"),
		Title: str("title"), Status: minutes.Status(str("status")), Score: h.Score}
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

// Run runs a request Request made. Its facets are counted by the
// index's tables (facets.go) beside bleve's search for the page of hits.
func (ix *Index) Run(ctx context.Context, req *bleve.SearchRequest) (*Result, error) {
	start := time.Now()
	if len(req.Facets) == 0 {
		return ix.run(ctx, req, start)
	}
	type counted struct {
		counts []FacetCount
		err    error
	}
	ch := make(chan counted, 1)
	go func() {
		c, err := ix.facets.count(ctx, ix.idx, req.Query)
		ch <- counted{c, err}
	}()
	plain := *req
	plain.Facets = nil
	res, err := ix.idx.SearchInContext(ctx, &plain)
	fc := <-ch
	if err != nil {
		return nil, err
	}
	if errors.Is(fc.err, errNoTables) {
		return ix.run(ctx, req, start) // bleve counts them
	} else if fc.err != nil {
		return nil, fc.err
	}
	out := result(res, false)
	out.Facets = facetResult(fc.counts)
	out.Took = time.Since(start)
	return out, nil
}

// run is Run with bleve counting any facets.
func (ix *Index) run(ctx context.Context, req *bleve.SearchRequest, start time.Time) (*Result, error) {
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := result(res, len(req.Facets) > 0)
	out.Took = time.Since(start)
	return out, nil
}
