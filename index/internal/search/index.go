// Package search is the library's bleve index, derived from the store: the
// mapping and the one function that makes a document (mapping.go), the
// search box's grammar (grammar.go), every query (query.go), and the index
// on disk (index.go). It knows nothing of SQL: what it indexes comes as
// store.FeedDoc, and committees are resolved by the caller.
package search

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/minutebook/minutebook/index/internal/store"
)

// Keys of the values the index keeps in bleve's internal storage.
var (
	keyGeneration = []byte("minutebook:generation") // the store generation the index reflects
	keyMapping    = []byte("minutebook:mapping")    // MappingVersion
	keyLibrary    = []byte("minutebook:library")    // the store's library_id
)

// batchDocs is how many documents go in one bleve batch. bleve analyses
// a batch at once, holding every token of it (with positions, for
// highlighting): batches of 2,000 took building the index of 4,500
// meetings to 190 MB of heap; of 500, to under 70 MB, and no slower.
const batchDocs = 500

// ErrLocked says another process holds the index's files (bolt's lock
// did not come free within a second).
var ErrLocked = errors.New("the search index's files are locked by another process")

// Index is an open bleve index.
type Index struct {
	idx    bleve.Index
	onDisk bool   // scorch persists its segments (not an index in memory)
	facets facets // the segments' facet tables, and counts kept (facets.go)
}

// Create makes an empty index at path ("" keeps it in memory), deleting
// whatever is there, stamped for the library libraryID at generation 0.
func Create(path, libraryID string) (*Index, error) {
	if path != "" {
		if err := os.RemoveAll(path); err != nil {
			return nil, err
		}
	}
	idx, err := bleve.NewUsing(path, NewMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	b := idx.NewBatch()
	b.SetInternal(keyMapping, []byte(strconv.Itoa(MappingVersion)))
	b.SetInternal(keyLibrary, []byte(libraryID))
	b.SetInternal(keyGeneration, []byte("0"))
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, err
	}
	return &Index{idx: idx, onDisk: path != ""}, nil
}

// Open opens the index at path for the library libraryID and returns the
// store generation it reflects. It fails with fs.ErrNotExist when there is
// none, ErrLocked when another process holds it, and otherwise, with why
// set, when it must be rebuilt: damaged, of another MappingVersion, or of
// another library.
func Open(path, libraryID string) (ix *Index, gen int64, why string, err error) {
	idx, err := openBleve(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, 0, "", err
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, 0, "", ErrLocked
	case err != nil:
		return nil, 0, fmt.Sprintf("the search index could not be opened (%v)", err), err
	}
	if v, _ := idx.GetInternal(keyMapping); string(v) != strconv.Itoa(MappingVersion) {
		why = fmt.Sprintf("the search index has mapping version %q and this minutebook uses %d", v, MappingVersion)
	} else if id, _ := idx.GetInternal(keyLibrary); string(id) != libraryID {
		why = "the search index belongs to another library"
	} else if g, err := idx.GetInternal(keyGeneration); err != nil {
		why = fmt.Sprintf("the search index could not be read (%v)", err)
	} else {
		gen, _ = strconv.ParseInt(string(g), 10, 64)
	}
	if why != "" {
		idx.Close()
		return nil, 0, why, errors.New(why)
	}
	return &Index{idx: idx, onDisk: true}, gen, "", nil
}

// openBleve opens an existing index, never waiting more than a second on
// bolt's lock, and turning a panic over damaged files into an error.
func openBleve(path string) (idx bleve.Index, err error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		if _, err2 := os.Stat(path); errors.Is(err2, fs.ErrNotExist) {
			return nil, err2
		}
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": "1s"})
}

// Close closes the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// Bleve is the bleve index itself, for benchmarks that compare with it.
func (ix *Index) Bleve() bleve.Index { return ix.idx }

// Update re-indexes the meetings whose IDs replace names (each one's
// documents deleted first, so that what a re-parse dropped goes) and adds
// the documents feed gives (feed may be nil), in batches of batchDocs;
// with gen >= 0, it records in the last batch that the index reflects
// store generation gen.
func (ix *Index) Update(ctx context.Context, replace []string, feed func(put func(store.FeedDoc) error) error, gen int64) error {
	defer ix.facets.changed()
	b := ix.idx.NewBatch()
	flush := func(force bool) error {
		if b.Size() == 0 || (!force && b.Size() < batchDocs) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		err := ix.idx.Batch(b)
		// A fresh batch, not b.Reset(): scorch may still be reading the
		// one just given to it from its own goroutines (a data race
		// under -race when it was reset and refilled).
		b = ix.idx.NewBatch()
		return err
	}
	for _, id := range replace {
		q := query.NewTermQuery(id)
		q.SetField("meeting")
		res, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 100000, 0, false))
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			b.Delete(h.ID)
		}
	}
	if feed != nil {
		err := feed(func(d store.FeedDoc) error {
			if err := b.Index(d.ID, Document(d)); err != nil {
				return err
			}
			return flush(false)
		})
		if err != nil {
			return err
		}
	}
	if gen >= 0 {
		b.SetInternal(keyGeneration, []byte(strconv.FormatInt(gen, 10)))
	}
	return flush(true)
}

// Counts are how many documents the index holds: of meetings, and of
// records and items.
func (ix *Index) Counts(ctx context.Context) (meetings, others uint64, err error) {
	n, err := ix.idx.DocCount()
	if err != nil {
		return 0, 0, err
	}
	res, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(keyword("kind", string(DocMeeting)), 0, 0, false))
	if err != nil {
		return 0, 0, err
	}
	return res.Total, n - res.Total, nil
}
