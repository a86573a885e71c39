package index

import (
	"context"
	"github.com/minutebook/minutebook/minutes"
	"slices"
	"strings"
	"testing"
)

// A council given at import fills in minutes that name none, is kept with
// the document through a re-parse and a second Library on the folder, and
// does not replace a council the minutes name.
func TestImportCouncil(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	unnamed := harrow()
	unnamed.Council = ""
	res, err := l.ImportWith(ctx, unnamed.Source.Name, encode(unnamed), ImportOptions{Council: " Ashby  Parish Council "})
	if err != nil {
		t.Fatal(err)
	}
	named := laterHarrow("2022-01-11", false)
	res2, err := l.ImportWith(ctx, named.Source.Name, encode(named), ImportOptions{Council: "Ashby Parish Council"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warningsText(res2.Warnings), "not used") {
		t.Errorf("no warning that the minutes name another council: %+v", res2.Warnings)
	}
	councilOf := func(l *Library, id string) string {
		t.Helper()
		m, err := l.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return m.Council
	}
	if got := councilOf(l, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("council %q, want the one given at import", got)
	}
	if got := councilOf(l, res2.MeetingID); got != "Harrow Council" {
		t.Errorf("council %q, want the minutes' own", got)
	}
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	if got := councilOf(l, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("after reparse: council %q, want the one given at import", got)
	}
	l2 := openLib(t, dir)
	if got := councilOf(l2, res.MeetingID); got != "Ashby Parish Council" {
		t.Errorf("second library: council %q", got)
	}
}

func warningsText(ws []minutes.Warning) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Msg + "\n")
	}
	return b.String()
}

func TestMatchCouncil(t *testing.T) {
	all := []string{"Ashby Parish Council", "Corby Town Council", "Brackley Town Council", "City of Portland", "Portland City Council"}
	for _, tc := range []struct{ typed, want, err string }{
		{"ashby parish council", "Ashby Parish Council", ""},
		{"Brack", "Brackley Town Council", ""},
		{"parish", "Ashby Parish Council", ""},
		{"portland city", "Portland City Council", ""},
		{"town council", "", "could be any of"},
		{"Daventry", "", "it holds"},
	} {
		got, err := matchCouncil(all, tc.typed)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.typed, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Contains(got, tc.want) {
			t.Errorf("%q: %q, %v; want %q", tc.typed, got, err, tc.want)
		}
	}
	if _, err := matchCouncil(nil, "Ashby"); err == nil || !strings.Contains(err.Error(), "--council") {
		t.Errorf("empty library: %v", err)
	}
}

// Due and search keep to one council when asked; councils whose
// committees share names stay apart.
func TestCouncilFilter(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, twoCouncils()...)
	all, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01")})
	if err != nil {
		t.Fatal(err)
	}
	one, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), Council: "city of portland"})
	if err != nil {
		t.Fatal(err)
	}
	if len(one) == 0 || len(one) != len(all) {
		t.Fatalf("due for Portland: %d of %d records (every open record is Portland's)", len(one), len(all))
	}
	for _, r := range one {
		if !strings.Contains(r.Council, "Portland") {
			t.Errorf("record %s of %q on the board for Portland", r.ID, r.Council)
		}
	}
	none, err := l.Due(ctx, DueQuery{AsOf: date("2022-07-01"), Council: "des moines"})
	if err != nil {
		t.Fatal(err)
	}
	if len(none) != 0 {
		t.Errorf("due for Des Moines: %d records, want none (its meetings set nothing)", len(none))
	}
	if _, err := l.Due(ctx, DueQuery{Council: "Nowhere"}); err == nil {
		t.Error("an unknown council is not an error")
	}
	res, err := l.Search(ctx, SearchQuery{Council: "City of Portland", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal("no hits for City of Portland")
	}
	for _, h := range res.Hits {
		m, err := l.Meeting(ctx, h.MeetingID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Council, "Portland") {
			t.Errorf("hit %s is of %q", h.ID, m.Council)
		}
	}
	everything, err := l.Search(ctx, SearchQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if everything.Total <= res.Total {
		t.Errorf("the council filter kept %d of %d hits", res.Total, everything.Total)
	}
}

// CommitteesOfCouncil keeps one council's committees, by the council rule
// (any case, a unique part of the name, spellings of one council
// together); an unknown or ambiguous council is an error naming them.
func TestCommitteesOfCouncil(t *testing.T) {
	cs := []Committee{
		{Key: "cabinet", Name: "Cabinet", Council: "London Borough of Harrow"},
		{Key: "osc", Name: "Overview and Scrutiny Committee", Council: "Harrow Council"},
		{Key: "cabinet-brent", Name: "Cabinet", Council: "Brent Council"},
		{Key: "pc", Name: "Parish Council", Council: ""},
	}
	for _, tc := range []struct {
		typed string
		want  []string // keys; nil with err set
		err   string
	}{
		{"", []string{"cabinet", "osc", "cabinet-brent", "pc"}, ""},
		{"harrow", []string{"cabinet", "osc"}, ""},
		{"BRENT COUNCIL", []string{"cabinet-brent"}, ""},
		{"  brent ", []string{"cabinet-brent"}, ""},
		{"council", nil, "could be any of these councils"},
		{"Wexcombe", nil, "it holds: Brent Council; Harrow Council; London Borough of Harrow"},
	} {
		got, err := CommitteesOfCouncil(cs, tc.typed)
		var keys []string
		for _, c := range got {
			keys = append(keys, c.Key)
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CommitteesOfCouncil(%q) = %v, %v; want an error with %q", tc.typed, keys, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(keys, tc.want) {
			t.Errorf("CommitteesOfCouncil(%q) = %v, %v; want %v", tc.typed, keys, err, tc.want)
		}
	}
}
