package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// peopleLib is a library of one meeting with an attendance list and
// actions owned by initials and by a role.
func peopleLib(t *testing.T) string {
	t.Helper()
	m := harrowLike()
	m.Attendance = minutes.Attendance{Chair: "Cllr Jane Birch", Present: []string{"Cllr Jane Birch", "Cllr Sam Birch"},
		Apologies: []string{"Mrs Ann Lee"}}
	m.Items[0].Declarations = []minutes.Declaration{{Member: "Councillor Sam Birch", Interest: "personal", Items: "188", Text: "Lives nearby."}}
	m.Items[0].Actions = append(m.Items[0].Actions, minutes.Record{ID: "osc-2021-12-14-188-a2", Kind: minutes.KindAction,
		Text: "JB to write to the police.", Owner: "JB", Due: minutes.MakeDate(2022, 3, 1), Target: minutes.DateTarget()})
	return importMeetingLib(t, m)
}

func TestPeopleCommand(t *testing.T) {
	useFakeParser(t)
	lib := peopleLib(t)
	out, errOut, code := runLib(t, lib, "people")
	if code != 0 {
		t.Fatalf("people: exit %d\n%s", code, errOut)
	}
	for _, s := range []string{"NAME", "Jane Birch", "Sam Birch", "Ann Lee", "Borough Commander  role"} {
		if !strings.Contains(out, s) {
			t.Errorf("people lacks %q:\n%s", s, out)
		}
	}
	out, _, code = runLib(t, lib, "people", "--json")
	var ps []personJSON
	if err := json.Unmarshal([]byte(out), &ps); code != 0 || err != nil {
		t.Fatalf("people --json: exit %d, %v\n%s", code, err, out)
	}
	for _, p := range ps {
		if p.Name == "Jane Birch" && (p.Open != 1 || p.Overdue != 1 || p.Kind != "person" || len(p.Committees) != 1) {
			t.Errorf("Jane Birch = %+v, want one open overdue action (JB) on one committee", p)
		}
	}
	if _, errOut, code := runLib(t, lib, "people", "--committee", "nonesuch"); code == 0 {
		t.Errorf("people --committee nonesuch: exit 0, %s", errOut)
	}
}

func TestShowPersonAndDueOwner(t *testing.T) {
	useFakeParser(t)
	lib := peopleLib(t)
	tests := []struct {
		args     []string
		code     int
		want     []string
		wantNot  []string
		wantErrs []string
	}{
		{args: []string{"show", "person", "cllr jane birch"}, want: []string{"Jane Birch", "Also written: JB", "osc-2021-12-14-188-a2", "chair", "Attendance (1 meetings)"},
			wantNot: []string{"osc-2021-12-14-188-a1 "}},
		{args: []string{"show", "person", "Sam"}, want: []string{"Sam Birch", "personal", "Lives nearby.", "present"}},
		{args: []string{"show", "person", "lee"}, want: []string{"Ann Lee", "apologies"}},
		{args: []string{"show", "person", "birch"}, code: 1, wantErrs: []string{"Jane Birch, Sam Birch"}},
		{args: []string{"show", "person", "Nobody"}, code: 1, wantErrs: []string{"no one named", "minutebook people"}},
		{args: []string{"show", "people", "x"}, code: 1, wantErrs: []string{"person NAME"}},
		{args: []string{"due", "--owner", "JB"}, want: []string{"osc-2021-12-14-188-a2", "1 overdue"}, wantNot: []string{"188-a1", "188-f1"}},
		{args: []string{"due", "--owner", "borough commander"}, want: []string{"osc-2021-12-14-188-a1"}, wantNot: []string{"188-a2"}},
		{args: []string{"due", "--owner", "birch"}, code: 1, wantErrs: []string{"fits 2 people"}},
	}
	for _, tt := range tests {
		out, errOut, code := runLib(t, lib, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errOut)
			continue
		}
		for _, s := range tt.want {
			if !strings.Contains(out, s) {
				t.Errorf("%v lacks %q:\n%s", tt.args, s, out)
			}
		}
		for _, s := range tt.wantNot {
			if strings.Contains(out, s) {
				t.Errorf("%v has %q:\n%s", tt.args, s, out)
			}
		}
		for _, s := range tt.wantErrs {
			if !strings.Contains(errOut, s) {
				t.Errorf("%v: stderr lacks %q:\n%s", tt.args, s, errOut)
			}
		}
	}
	out, _, code := runLib(t, lib, "show", "person", "Jane", "--json")
	var d personDetailJSON
	if err := json.Unmarshal([]byte(out), &d); code != 0 || err != nil || len(d.Records) != 1 || len(d.Attendance) != 1 || d.Attendance[0].As != "chair" {
		t.Errorf("show person Jane --json: exit %d, %v, %+v", code, err, d)
	}
}

func TestPeopleMergeSplitCommands(t *testing.T) {
	useFakeParser(t)
	lib := peopleLib(t)
	steps := []struct {
		args []string
		code int
		want string // in stdout, or stderr when code != 0
	}{
		{[]string{"people", "merge", "Jane Birch", "Ann Lee", "--note", "one person", "--by", "clerk"}, 0, "Jane Birch: also written Ann Lee, JB"},
		{[]string{"show", "person", "lee"}, 0, "Jane Birch"},
		{[]string{"people", "merge", "Jane", "Lee"}, 1, "already one person"},
		{[]string{"people", "split", "Jane Birch"}, 1, "--from"},
		{[]string{"people", "split", "Jane Birch", "--from", "Sam Birch"}, 1, "not a spelling of Jane Birch"},
		{[]string{"people", "split", "Jane Birch", "--from", "ann lee", "--by", "clerk"}, 0, "ann lee is listed apart"},
		{[]string{"show", "person", "lee"}, 0, "Ann Lee"},
		{[]string{"people", "history"}, 0, "split Ann Lee from Jane Birch"},
		{[]string{"people", "merge", "Nobody", "Jane"}, 1, "no one named"},
	}
	for _, s := range steps {
		out, errOut, code := runLib(t, lib, s.args...)
		got := out
		if s.code != 0 {
			got = errOut
		}
		if code != s.code || !strings.Contains(got, s.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", s.args, code, s.code, s.want, out, errOut)
		}
	}
}

func TestExportOwner(t *testing.T) {
	useFakeParser(t)
	lib := peopleLib(t)
	for _, tt := range []struct {
		args     []string
		code     int
		want     string
		wantNot  string
		wantErrs string
	}{
		{args: []string{"export", "actions", "--owner", "cllr jane birch", "--format", "csv"}, want: "osc-2021-12-14-188-a2", wantNot: "188-a1"},
		{args: []string{"export", "actions", "--owner", "Borough Commander", "--format", "csv"}, want: "188-a1", wantNot: "188-a2"},
		{args: []string{"export", "actions", "--owner", "birch"}, code: 1, wantErrs: "fits 2 people"},
		{args: []string{"search", "--owner", "jb"}, want: "osc-2021-12-14-188-a2", wantNot: "188-a1"},
		{args: []string{"search", "police", "--owner", "Borough Commander"}, want: "No hits"},
		{args: []string{"search", "--owner", "birch"}, code: 1, wantErrs: "fits 2 people"},
		{args: []string{"export", "calendar", "--owner", "JB", "--as-of", "2022-01-01"}, want: "JB to write to the police", wantNot: "Officers to report"},
	} {
		out, errOut, code := runLib(t, lib, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.want) || tt.wantNot != "" && strings.Contains(out, tt.wantNot) || !strings.Contains(errOut, tt.wantErrs) {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errOut)
		}
	}
}
