package index

import (
	"context"
	"time"

	"github.com/minutebook/minutebook/index/internal/search"
)

// Search runs a full-text search: q.Text in the search box's grammar (see
// the search package: every word must match; "quoted phrases", -not, OR,
// word*, and field:value for kind, committee, council, status, owner, year, title,
// text, minute and the attendance fields present, apologies and absent),
// words stemmed with the English analyser, with q's filters. Excerpts mark
// the matched words.
func (l *Library) Search(ctx context.Context, q SearchQuery) (*SearchResult, error) {
	p := search.Params{
		Text: q.Text, Committee: q.Committee, Kind: q.Kind, Status: string(q.Status), Year: q.Year,
		From: q.From, To: q.To, Limit: q.Limit, Offset: q.Offset, Facets: q.Facets, IncludeRejected: q.IncludeRejected,
		Committees: func(typed string) ([]string, error) { return l.committeeKeys(ctx, typed) },
		Council:    q.Council,
		Councils: func(typed string) (string, error) {
			c, err := l.matchCouncil(ctx, typed)
			return c.Key, err
		},
	}
	if q.Owner != "" {
		ids, err := l.ownedIDs(ctx, q.Owner) // people.go
		if err != nil {
			return nil, err
		}
		p.IDs = ids
	}
	start := time.Now()
	req, err := search.Request(p)
	if err != nil {
		return nil, err
	}
	var res *search.Result
	err = l.withIndex(ctx, func(ix *search.Index) error {
		var err error
		res, err = ix.Run(ctx, req)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := l.nameCouncils(ctx, res); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// nameCouncils gives the hits and the council facet of res the councils'
// names in place of the keys the index holds.
func (l *Library) nameCouncils(ctx context.Context, res *search.Result) error {
	if res == nil {
		return nil
	}
	need := len(res.Facets["council"]) > 0
	for _, h := range res.Hits {
		need = need || h.Council != ""
	}
	if !need {
		return nil
	}
	cs, err := l.Councils(ctx)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(cs))
	for _, c := range cs {
		names[c.Key] = c.Name
	}
	name := func(key string) string {
		if n, ok := names[key]; ok {
			return n
		}
		return key
	}
	for i := range res.Hits {
		if res.Hits[i].Council != "" {
			res.Hits[i].Council = name(res.Hits[i].Council)
		}
	}
	for i := range res.Facets["council"] {
		res.Facets["council"][i].Value = name(res.Facets["council"][i].Value)
	}
	return nil
}

// withIndex runs fn on the search index once it reflects the store,
// acquiring it first if need be. Searches run side by side; catching up
// excludes them.
func (l *Library) withIndex(ctx context.Context, fn func(*search.Index) error) error {
	gen, err := l.Generation(ctx)
	if err != nil {
		return err
	}
	l.imu.RLock()
	if h := l.search; h != nil && h.gen == gen {
		defer l.imu.RUnlock()
		return fn(h.ix)
	}
	l.imu.RUnlock()
	l.imu.Lock()
	defer l.imu.Unlock()
	if err := l.acquire(ctx, true); err != nil {
		return err
	}
	return fn(l.search.ix)
}
