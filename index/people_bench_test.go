package index

import (
	"context"
	"testing"
)

// BenchmarkPeople lists the people of the synthetic library, and the
// due board of one owner (`due --owner`), warm: the second and later runs.
func BenchmarkPeople(b *testing.B) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	ps, err := l.People(ctx, PeopleQuery{AsOf: date("2019-06-01")})
	if err != nil || len(ps) == 0 {
		b.Fatalf("People: %d, %v", len(ps), err)
	}
	owner := ps[0].Name
	for _, p := range ps {
		if p.Open > ps[0].Open {
			owner = p.Name
		}
	}
	b.Run("people", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.People(ctx, PeopleQuery{AsOf: date("2019-06-01")}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(ps)), "people")
	})
	all, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")})
	if err != nil {
		b.Fatal(err)
	}
	// owner-filter is what --owner adds to the board: Due's own cost is
	// BenchmarkDue's.
	b.Run("owner-filter", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.OwnerRecords(ctx, owner, all); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("due-owner", func(b *testing.B) {
		var n int
		for b.Loop() {
			rs, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")})
			if err == nil {
				rs, err = l.OwnerRecords(ctx, owner, rs)
			}
			if err != nil {
				b.Fatal(err)
			}
			n = len(rs)
		}
		b.ReportMetric(float64(n), "records")
	})
}
