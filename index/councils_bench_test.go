package index

import (
	"context"
	"testing"

	"github.com/minutebook/minutebook/index/synth"
)

// BenchmarkCouncilFilter is what --council costs on the 4,500-meeting
// synthetic library (one council, so the filter keeps everything): the
// due board warm, and a search with facets, each with and without it.
func BenchmarkCouncilFilter(b *testing.B) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	// What naming councils adds to every search's hits and facets.
	b.Run("councils", func(b *testing.B) {
		for b.Loop() {
			if cs, err := l.Councils(ctx); err != nil || len(cs) != 1 {
				b.Fatal(cs, err)
			}
		}
	})
	for _, council := range []string{"", "borset"} {
		name := "all"
		if council != "" {
			name = "council"
		}
		b.Run("due-warm/"+name, func(b *testing.B) {
			if _, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01"), Council: council}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01"), Council: council}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("search-facets/"+name, func(b *testing.B) {
			for b.Loop() {
				res, err := l.Search(ctx, SearchQuery{Text: "report", Council: council, Facets: true})
				if err != nil || len(res.Facets["council"]) != 1 || res.Facets["council"][0].Value != synth.Council {
					b.Fatalf("%+v, %v", res, err)
				}
			}
		})
	}
}
