package index

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

func TestFitsName(t *testing.T) {
	tests := []struct {
		short, full string
		want        bool
	}{
		{"JB", "Jane Birch", true},
		{"PWh", "Paul Wheelhouse", true},
		{"PW", "Paul Wheelhouse", true},
		{"PWa", "Paul Wheelhouse", false},
		{"JB", "John Anthony Birch", false},
		{"J. Birch", "Jane Birch", true},
		{"J Birch", "Jane Birch", true},
		{"T Birch", "Jane Birch", false},
		{"Birch", "Jane Birch", true},
		{"Birch", "Jane Birchall", false},
		{"JB", "Jane", false},
		{"jb", "Jane Birch", false},
	}
	for _, tt := range tests {
		if got := fitsName(tt.short, tt.full); got != tt.want {
			t.Errorf("fitsName(%q, %q) = %v, want %v", tt.short, tt.full, got, tt.want)
		}
	}
}

func TestSplitOwners(t *testing.T) {
	for in, want := range map[string]string{
		"Cllr Ames/Clerk": "Cllr Ames|Clerk", "JB and TR": "JB|TR", "Clerk": "Clerk", "": "", "A, B & C": "A|B|C",
	} {
		if got := strings.Join(SplitOwners(in), "|"); got != want {
			t.Errorf("SplitOwners(%q) = %q, want %q", in, got, want)
		}
	}
}

// peopleMeeting is a meeting of the Parks committee of Oakford with an
// attendance list, a declaration and actions owned by initials, a
// surname and a role.
func peopleMeeting(council, committee, d string) *minutes.Meeting {
	m := &minutes.Meeting{Council: council, Committee: committee, Date: date(d),
		Source: minutes.Source{Name: committee + "-" + d + ".txt"},
		Attendance: minutes.Attendance{Chair: "Cllr Jane Birch", Present: []string{"Cllr Jane Birch", "Councillor Tom Reid MBE"},
			InAttendance: []string{"the Clerk"}, Apologies: []string{"Dr Ann Lee"}, Absent: []string{"Mr Sam Hart"}},
		Items: []minutes.Item{{Number: "1", Title: "Play areas", Body: "Play areas.",
			Declarations: []minutes.Declaration{{Member: "Cllr Reid", Interest: "personal", Items: "1", Text: "Cllr Reid lives next to the park."}},
			Actions: []minutes.Record{
				{Text: "JB to write to the contractor.", Owner: "JB", Due: date("2022-03-01"), Target: minutes.DateTarget()},
				{Text: "Clerk to order signs.", Owner: "Clerk"},
				{Text: "Cllr Reid and the Clerk to walk the site.", Owner: "Reid and Clerk", Due: date("2022-12-01"), Target: minutes.DateTarget()},
			}}}}
	assignTestIDs(m)
	return m
}

func TestLibraryPeople(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, peopleMeeting("Oakford Town Council", "Parks Committee", "2022-01-10"),
		peopleMeeting("Elmley Parish Council", "Finance Committee", "2022-02-10"))
	ps, err := l.People(ctx, PeopleQuery{AsOf: date("2022-07-01")})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Person{}
	var order []string
	for _, p := range ps {
		got[p.Name] = p
		order = append(order, p.Name)
	}
	if want := "Ann Lee|Jane Birch|Sam Hart|Tom Reid|Clerk"; strings.Join(order, "|") != want {
		t.Fatalf("people = %q, want %q", strings.Join(order, "|"), want)
	}
	jb := got["Jane Birch"]
	if jb.Open != 2 || jb.Overdue != 2 || jb.Meetings != 2 || len(jb.Committees) != 2 || strings.Join(jb.Aliases, ",") != "JB" {
		t.Errorf("Jane Birch = %+v, want 2 open (JB in each council), 2 overdue, 2 meetings, 2 committees, alias JB", jb)
	}
	if c := got["Clerk"]; !c.Role || c.Open != 4 || len(c.Committees) != 0 {
		t.Errorf("Clerk = %+v, want a role owning 4 open records, on no committee", c)
	}
	if r := got["Tom Reid"]; r.Open != 2 || r.Overdue != 0 {
		t.Errorf("Tom Reid = %+v, want 2 open, none overdue", r)
	}
	if al := got["Ann Lee"]; len(al.Committees) != 0 || al.Meetings != 2 {
		t.Errorf("Ann Lee = %+v: apologies are not sitting on a committee", al)
	}

	parks, err := l.People(ctx, PeopleQuery{Committee: "Parks", AsOf: date("2022-07-01")})
	if err != nil || len(parks) != 2 {
		t.Errorf("People(Parks) = %v, %v; want Jane Birch and Tom Reid", parks, err)
	}

	d, err := l.Person(ctx, "cllr birch", date("2022-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Records) != 2 || len(d.Attendance) != 2 || d.Attendance[0].As != "chair" {
		t.Errorf("Person(cllr birch) = %+v", d)
	}
	r, err := l.Person(ctx, "Reid", date("2022-07-01"))
	if err != nil || len(r.Declarations) != 2 || r.Declarations[0].Interest != "personal" {
		t.Errorf("Person(Reid) declarations = %+v, %v", r, err)
	}

	for _, tt := range []struct {
		typed string
		want  string // "" for an error
	}{
		{"Jane Birch", "Jane Birch"}, {"JANE", "Jane Birch"}, {"Councillor Jane Birch", "Jane Birch"}, {"JB", "Jane Birch"},
		{"birch", "Jane Birch"}, {"clerk", "Clerk"}, {"Nobody", ""}, {"", ""},
	} {
		p, err := MatchPerson(ps, tt.typed)
		if p.Name != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("MatchPerson(%q) = %q, %v; want %q", tt.typed, p.Name, err, tt.want)
		}
	}
	ps = append(ps, Person{Name: "Jane Bloggs"})
	var amb *AmbiguousError
	if _, err := MatchPerson(ps, "jane b"); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("MatchPerson(jane b) = %v, want ambiguity listing both Janes", err)
	}

	// The clerk's owner wins over the parsed one.
	due, _ := l.Due(ctx, DueQuery{AsOf: date("2022-07-01")})
	mine, err := l.OwnerRecords(ctx, "Ann Lee", due)
	if err != nil || len(mine) != 0 {
		t.Fatalf("OwnerRecords(Ann Lee) = %v, %v; want none", mine, err)
	}
	id := due[0].ID
	if _, err := l.Update(ctx, id, Change{Owner: ptr("Dr Ann Lee")}); err != nil {
		t.Fatal(err)
	}
	due, _ = l.Due(ctx, DueQuery{AsOf: date("2022-07-01")})
	if mine, err = l.OwnerRecords(ctx, "lee", due); err != nil || len(mine) != 1 || mine[0].ID != id {
		t.Errorf("after the clerk gave it to Ann Lee: OwnerRecords(lee) = %v, %v", mine, err)
	}
	// A second process sees the same people.
	l2 := openLib(t, dir)
	ps2, err := l2.People(ctx, PeopleQuery{AsOf: date("2022-07-01")})
	if err != nil || len(ps2) != 5 {
		t.Errorf("second Library: %d people, %v", len(ps2), err)
	}
}

func TestMergeSplitPeople(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	m := peopleMeeting("Oakford Town Council", "Parks Committee", "2022-01-10")
	m.Attendance.InAttendance = append(m.Attendance.InAttendance, "Mrs J. Burch") // a misspelling
	mustImport(t, l, m)
	names := func(l *Library) map[string]Person {
		t.Helper()
		ps, err := l.People(ctx, PeopleQuery{AsOf: date("2022-07-01")})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]Person{}
		for _, p := range ps {
			out[p.Name] = p
		}
		return out
	}
	if _, ok := names(l)["J. Burch"]; !ok {
		t.Fatalf("J. Burch should be listed apart before a merge: %v", names(l))
	}
	p, err := l.MergePeople(ctx, "Jane Birch", "J. Burch", "one person", "clerk")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Aliases, ",") != "J. Burch,JB" || p.Open != 1 {
		t.Errorf("merged = %+v, want aliases J. Burch and JB, 1 open", p)
	}
	if _, err := l.MergePeople(ctx, "Jane Birch", "Burch", "", "clerk"); err == nil {
		t.Errorf("merging a person into themself: no error")
	}
	// JB is not Jane Birch after all.
	if p, err = l.SplitPerson(ctx, "Jane Birch", "jb", "JB is John Bell", "clerk"); err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Aliases, ",") != "J. Burch" || p.Open != 0 {
		t.Errorf("after the split = %+v, want alias J. Burch only, no open records", p)
	}
	for _, bad := range [][2]string{{"Jane Birch", "Jane Birch"}, {"Jane Birch", "Tom Reid"}, {"Nobody", "JB"}} {
		if _, err := l.SplitPerson(ctx, bad[0], bad[1], "", "clerk"); err == nil {
			t.Errorf("SplitPerson(%q, %q): no error", bad[0], bad[1])
		}
	}
	check := func(what string, l *Library, open int) {
		t.Helper()
		got := names(l)
		if jb, ok := got["JB"]; !ok || jb.Open != open {
			t.Errorf("%s: JB = %+v (present %v), want alone with %d open", what, jb, ok, open)
		}
		if p := got["Jane Birch"]; strings.Join(p.Aliases, ",") != "J. Burch" {
			t.Errorf("%s: Jane Birch = %+v, want J. Burch merged in", what, p)
		}
		if _, ok := got["J. Burch"]; ok {
			t.Errorf("%s: J. Burch listed apart", what)
		}
	}
	check("after the corrections", l, 1)
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a re-parse", l, 1)
	mustImport(t, l, peopleMeeting("Oakford Town Council", "Parks Committee", "2022-02-10"))
	if jb := names(l)["JB"]; jb.Open != 2 {
		t.Errorf("a new import: JB = %+v, want 2 open", jb)
	}
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	l2 := openLib(t, dir)
	check("in a second Library", l2, 2)
	cs, err := l2.PeopleCorrections(ctx)
	if err != nil || len(cs) != 2 || !cs[0].Merge || cs[1].Merge || cs[1].Note != "JB is John Bell" || cs[1].Who != "clerk" {
		t.Errorf("history = %+v, %v", cs, err)
	}
}
