package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// facetIndex is an index on disk of n documents in several segments
// (batches of batchDocs, some meetings indexed again), with facet values
// of every field and some documents without some.
func facetIndex(t *testing.T, n int) *Index {
	t.Helper()
	ix, err := Create(filepath.Join(t.TempDir(), "index"), "lib")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	rnd := rand.New(rand.NewPCG(3, 4))
	committees := []string{"Cabinet", "Overview and Scrutiny Committee", "Planning Committee", "Licensing Sub-Committee", "Audit <and> \"Governance\""}
	kinds := []string{"resolution", "action", "followup", "item", "meeting"}
	statuses := []minutes.Status{"", "open", "in progress", "done", "dropped", store.StatusRejected}
	words := strings.Fields("report budget fly tipping enforcement housing damp repairs school places licence air quality consultation plan")
	var meetings []*store.FeedMeeting
	for i := range n / 20 {
		c := committees[rnd.IntN(len(committees))]
		date := fmt.Sprintf("%d-%02d-%02d", 2011+rnd.IntN(15), 1+rnd.IntN(12), 1+rnd.IntN(28))
		if i%37 == 0 {
			date = "" // no date, no year
		}
		meetings = append(meetings, &store.FeedMeeting{ID: fmt.Sprintf("m%d", i), Committee: c, CommitteeKey: strings.ToLower(c[:3]), Date: date})
	}
	doc := func(i int) store.FeedDoc {
		var text []string
		for range 3 + rnd.IntN(8) {
			text = append(text, words[rnd.IntN(len(words))])
		}
		k := kinds[rnd.IntN(len(kinds))]
		d := store.FeedDoc{ID: fmt.Sprintf("d%d", i), Kind: k, Meeting: meetings[i%len(meetings)], Title: text[0] + " " + text[1], Text: strings.Join(text, " ")}
		if k == "action" || k == "followup" {
			d.Status = statuses[rnd.IntN(len(statuses))]
		}
		return d
	}
	ctx := context.Background()
	for from := 0; from < n; from += n / 4 {
		err := ix.Update(ctx, nil, func(put func(store.FeedDoc) error) error {
			for i := from; i < min(n, from+n/4); i++ {
				if err := put(doc(i)); err != nil {
					return err
				}
			}
			return nil
		}, -1)
		if err != nil {
			t.Fatal(err)
		}
	}
	// Some documents replaced (deleted in their old segments).
	err = ix.Update(ctx, []string{"m1", "m2", "m3"}, func(put func(store.FeedDoc) error) error {
		for i := 0; i < 60; i++ {
			if err := put(doc(i * 7)); err != nil {
				return err
			}
		}
		return nil
	}, -1)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestFacetsAsBleve: the facets counted from the segments' tables are
// bleve's, on every kind of query the search box makes.
func TestFacetsAsBleve(t *testing.T) {
	ix := facetIndex(t, 9000)
	ctx := context.Background()
	keys := func(typed string) ([]string, error) { return []string{strings.ToLower(typed[:3])}, nil }
	for _, p := range []Params{
		{Text: "report"}, {Text: "fly-tipping"}, {Text: `"air quality"`}, {Text: "consult*"}, {Text: "housing -repairs"},
		{Text: "budget OR licence"}, {Text: ""}, {Text: "", Committee: "Cabinet"}, {Text: "report", Kind: "action"},
		{Text: "plan", Status: "open"}, {Text: "school", Year: 2019}, {Text: "report", From: minutes.Date{Year: 2015, Month: 1, Day: 1}, To: minutes.Date{Year: 2018, Month: 12, Day: 31}},
		{Text: "report", IncludeRejected: true}, {Text: "status:rejected"}, {Text: "kind:meeting"}, {Text: "nothingmatchesthis"},
		{Text: "report", Offset: 40, Limit: 5},
	} {
		p.Facets, p.Committees = true, keys
		req, err := Request(p)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		for round := range 2 { // counted, then kept
			got, err := ix.Run(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			want, err := ix.run(ctx, req, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			got.Took, want.Took = 0, 0
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q %+v (round %d):\n got %v\nwant %v", p.Text, p, round, got.Facets, want.Facets)
			}
		}
	}
}
