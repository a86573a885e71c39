package search

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facet counts (committee, kind, year, status) are counted here rather
// than by bleve. bleve reads every hit's facet field from its doc
// values, decompressing them as it goes: over a search that finds half
// the library ("report") that was three quarters of the search's time.
// Here each segment of the index (immutable once written) is read once
// into a table of its documents' facet values, kept while the segment
// lives; a search's facets are then a walk over its hits (the query's own
// searcher, unscored, on the second core while bleve finds the page of
// hits) adding up table entries. And the counts of a query are kept
// until the index changes: paging through results, or the TUI asking
// again, counts nothing. The counts are bleve's, in bleve's order
// (TestFacetsAsBleve).

// facets is an Index's facet tables and the counts kept.
type facets struct {
	mu     sync.Mutex
	values []string          // facet values ("kind:action"), by number
	number map[string]uint16 // and their numbers
	tables map[uint64]*facetTable

	counts map[string][]int // query (as JSON) → count by value number
}

// maxKeptCounts bounds how many queries' counts are kept.
const maxKeptCounts = 64

// facetTable is one segment's documents' facet values: those of local
// document n are vals[start[n]:start[n+1]].
type facetTable struct {
	start []uint32
	vals  []uint16
}

// errNoTables says the index is not one whose segments can be read
// (another kind of bleve index): bleve counts the facets.
var errNoTables = errors.New("facets: not a scorch index")

// changed forgets the counts kept: the index has changed.
func (f *facets) changed() {
	f.mu.Lock()
	f.counts = nil
	f.mu.Unlock()
}

// count returns the facet counts of the hits of q, by value, in the
// order bleve gives them (count, most first, then value).
func (f *facets) count(ctx context.Context, idx bleve.Index, q query.Query) ([]FacetCount, error) {
	key, err := json.Marshal(q)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	counts, ok := f.counts[string(key)]
	f.mu.Unlock()
	if !ok {
		if counts, err = f.countHits(ctx, idx, q); err != nil {
			return nil, err
		}
		f.mu.Lock()
		if f.counts == nil || len(f.counts) >= maxKeptCounts {
			f.counts = map[string][]int{}
		}
		f.counts[string(key)] = counts
		f.mu.Unlock()
	}
	f.mu.Lock()
	out := make([]FacetCount, 0, len(counts))
	for v, n := range counts {
		if n > 0 {
			out = append(out, FacetCount{Value: f.values[v], Count: n})
		}
	}
	f.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out[:min(len(out), facetSize)], nil
}

// countHits walks the hits of q and counts their facet values.
func (f *facets) countHits(ctx context.Context, idx bleve.Index, q query.Query) ([]int, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errNoTables
	}
	segs := snap.Segments()
	offsets := make([]uint64, len(segs)) // as the snapshot numbers its documents
	tables := make([]*facetTable, len(segs))
	var running uint64
	for i, ss := range segs {
		offsets[i] = running
		running += ss.Segment().Count()
		if tables[i], err = f.table(ss); err != nil {
			return nil, err
		}
	}
	f.forget(segs)

	s, err := q.Searcher(bsearch.ContextWithTermSearchersCounter(ctx), r, idx.Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0)}
	f.mu.Lock()
	counts := make([]int, len(f.values))
	f.mu.Unlock()
	seg := 0
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		num := binary.BigEndian.Uint64(dm.IndexInternalID)
		if seg >= len(offsets) || num < offsets[seg] || seg+1 < len(offsets) && num >= offsets[seg+1] {
			seg = sort.Search(len(offsets), func(i int) bool { return offsets[i] > num }) - 1
		}
		sctx.DocumentMatchPool.Put(dm)
		if seg < 0 {
			continue
		}
		t, local := tables[seg], num-offsets[seg]
		if local+1 >= uint64(len(t.start)) {
			continue
		}
		for _, v := range t.vals[t.start[local]:t.start[local+1]] {
			counts[v]++
		}
	}
	return counts, nil
}

// table returns the facet table of a segment, reading it the first time.
func (f *facets) table(ss *scorch.SegmentSnapshot) (*facetTable, error) {
	f.mu.Lock()
	t, ok := f.tables[ss.Id()]
	f.mu.Unlock()
	if ok {
		return t, nil
	}
	dvv, ok := ss.Segment().(segment.DocValueVisitable)
	if !ok {
		return nil, errNoTables
	}
	n := ss.Segment().Count()
	t = &facetTable{start: make([]uint32, 0, n+1), vals: make([]uint16, 0, 4*n)}
	fields := []string{"facet"}
	var state segment.DocVisitState
	var visitErr error
	f.mu.Lock()
	defer f.mu.Unlock()
	visit := func(field string, term []byte) {
		if field != "facet" {
			return
		}
		v, ok := f.number[string(term)]
		if !ok {
			if len(f.values) >= 1<<16-1 {
				visitErr = errors.New("facets: too many facet values")
				return
			}
			v = uint16(len(f.values))
			f.values = append(f.values, string(term))
			if f.number == nil {
				f.number = map[string]uint16{}
			}
			f.number[string(term)] = v
		}
		t.vals = append(t.vals, v)
	}
	for doc := range n {
		t.start = append(t.start, uint32(len(t.vals)))
		var err error
		if state, err = dvv.VisitDocValues(doc, fields, index.DocValueVisitor(visit), state); err != nil {
			return nil, err
		}
		if visitErr != nil {
			return nil, visitErr
		}
	}
	t.start = append(t.start, uint32(len(t.vals)))
	if f.tables == nil {
		f.tables = map[uint64]*facetTable{}
	}
	f.tables[ss.Id()] = t
	return t, nil
}

// forget drops the tables of segments the index no longer has.
func (f *facets) forget(live []*scorch.SegmentSnapshot) {
	ids := make(map[uint64]bool, len(live))
	for _, ss := range live {
		ids[ss.Id()] = true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for id := range f.tables {
		if !ids[id] {
			delete(f.tables, id)
		}
	}
}

// facetResult is the facets of a result from counts in bleve's order:
// each field's values, years newest first.
func facetResult(counts []FacetCount) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for _, name := range facetFields {
		out[name] = []FacetCount{}
	}
	for _, c := range counts {
		name, value, ok := strings.Cut(c.Value, ":")
		if _, known := out[name]; ok && known {
			out[name] = append(out[name], FacetCount{Value: value, Count: c.Count})
		}
	}
	sort.Slice(out["year"], func(i, j int) bool { return out["year"][i].Value > out["year"][j].Value })
	return out
}
