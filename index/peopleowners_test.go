package index

import (
	"context"
	"strings"
	"testing"
)

func TestRecordOwners(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, peopleMeeting("Oakford Town Council", "Parks Committee", "2022-01-10"))
	recs, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), IncludeClosed: true})
	if err != nil {
		t.Fatal(err)
	}
	owners, err := l.RecordOwners(ctx, append(recs, Record{ID: "none", Owner: ""}))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range recs {
		got[r.Owner] = strings.Join(owners[r.ID], "|")
	}
	want := map[string]string{"JB": "Jane Birch", "Clerk": "Clerk", "Reid and Clerk": "Tom Reid|Clerk"}
	for o, w := range want {
		if got[o] != w {
			t.Errorf("owner %q: RecordOwners gives %q, want %q", o, got[o], w)
		}
	}
	if _, ok := owners["none"]; ok {
		t.Errorf("a record with no owner has owners %q", owners["none"])
	}
}

// BenchmarkRecordOwners is what the TUI's owner chooser asks when it
// opens on the whole due board of the synthetic library (closed records
// too, as the board loads them), warm.
func BenchmarkRecordOwners(b *testing.B) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	recs, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01"), IncludeClosed: true})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.RecordOwners(ctx, recs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := l.RecordOwners(ctx, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(recs)), "records")
}
