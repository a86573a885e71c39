package clerkeval

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

func sp(s string) *string { return &s }

func TestTokensAndDice(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		toks []string
		dice float64
	}{
		{"RESOLVED: That the report be NOTED.", "that the report be noted", []string{"resolved", "that", "the", "report", "be", "noted"}, 2 * 5.0 / 11},
		{"Māori   Standing—Committee", "maori standing committee", []string{"maori", "standing", "committee"}, 1},
		{"£1,250.00 approved", "1 250 00 approved", []string{"1", "250", "00", "approved"}, 1},
		{"the the the", "the", []string{"the", "the", "the"}, 0.5}, // multisets: one "the" in common
		{"", "", nil, 0},
		{"Clerk to write", "", []string{"clerk", "to", "write"}, 0},
	} {
		if got := Tokens(tc.a); strings.Join(got, "|") != strings.Join(tc.toks, "|") {
			t.Errorf("Tokens(%q) = %q, want %q", tc.a, got, tc.toks)
		}
		if got := Dice(Tokens(tc.a), Tokens(tc.b)); math.Abs(got-tc.dice) > 1e-9 {
			t.Errorf("Dice(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.dice)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"Cllr John Smith MBE", "john smith"},
		{"Councillor Ann Brook (Chair)", "ann brook"},
		{"Flynn (A)", "a flynn"},
		{"Dr. J.K. Orme", "j k orme"},
		{"Mr", "mr"}, // a lone honorific stays: it is all there is
		{"Cr P Bailey (Proxy – HBRC)", "p bailey"},
		{"Mrs  Ōrewa  Tāne", "orewa tane"},
		{"Board Member Ronald Curtis", "ronald curtis"},
	} {
		if got := strings.Join(NameTokens(tc.in), " "); got != tc.want {
			t.Errorf("NameTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"John Smith", "Cllr John Smith", true},
		{"J Smith", "John Smith", true},
		{"J. K. Orme", "John Orme", true},
		{"Smith", "John Smith", true},
		{"John Smith", "Jane Smith", false},
		{"John Smith", "John Smyth", false},
		{"Flynn (A)", "Anne Flynn", true},
		{"Flynn (A)", "Rory Flynn", false},
		{"", "John Smith", false},
	} {
		if got := NamesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("NamesMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNormalNumber(t *testing.T) {
	for in, want := range map[string]string{
		"4": "4", "4.": "4", "04": "4", "12(b)": "12.b", "23/046": "23.46", "4.1": "4.1",
		"Item 15/03/1": "15.3.1", "III": "iii", "0": "0", "": "", "Minute 188": "188", "3-A": "3.a",
	} {
		if got := normalNumber(in); got != want {
			t.Errorf("normalNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOwnerRight(t *testing.T) {
	for _, tc := range []struct {
		want *string
		got  string
		ok   bool
	}{
		{nil, "", true},
		{nil, "Clerk", false},
		{sp("Clerk"), "", false},
		{sp("Clerk"), "the Clerk", true},
		{sp("Clerk"), "Parish Clerk", true},
		{sp("Jane Birch"), "Cllr Jane Birch", true},
		{sp("Head of Highways"), "Head of Planning", false},
		{sp("Clerk"), "Clerks", false}, // whole words only
	} {
		if got := ownerRight(tc.want, tc.got); got != tc.ok {
			t.Errorf("ownerRight(%v, %q) = %v, want %v", str(tc.want), tc.got, got, tc.ok)
		}
	}
}

const goodClerk = `{
  "notes": "",
  "reject": false,
  "meeting": {"council": "Ayton Community Council", "committee": "Ayton Community Council",
              "date": "2008-07-08", "start": "19:30", "end": null, "next_meeting": null},
  "attendance": {"chair": "Ann Example", "present": ["Ann Example"], "in_attendance": [],
                 "apologies": [], "absent": [], "substitutes": [{"member": "A B", "substitute": "C D"}]},
  "items": [
    {"number": "1", "title": "Apologies", "exempt": false,
     "resolutions": [{"text": "That the minutes be approved."}],
     "actions": [{"text": "Clerk to write.", "owner": "Clerk", "due": null}],
     "followups": [{"text": "a report to the next meeting", "due": null, "due_meeting": "next meeting"}]}
  ]
}`

func TestDecode(t *testing.T) {
	if _, err := Decode([]byte(goodClerk)); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, tc := range []struct {
		name, from, to, err string
	}{
		{"unknown key", `"notes": ""`, `"notes": "", "extra": 1`, "unknown field"},
		{"unknown nested key", `"exempt": false`, `"exempt": false, "exmpt": true`, "unknown field"},
		{"missing key", `"end": null, `, ``, "meeting.end: missing"},
		{"missing record key", `"owner": "Clerk", `, ``, "items[0].actions[0].owner: missing"},
		{"null list", `"apologies": []`, `"apologies": null`, "attendance.apologies: want a list"},
		{"null records", `"resolutions": [{"text": "That the minutes be approved."}]`, `"resolutions": null`, "items[0].resolutions: want a list"},
		{"bad date", `"2008-07-08"`, `"08/07/2008"`, "meeting.date"},
		{"bad due", `"owner": "Clerk", "due": null`, `"owner": "Clerk", "due": "June"`, "items[0].actions[0].due"},
		{"bad time", `"19:30"`, `"7.30pm"`, "meeting.start"},
		{"blank text", `"Clerk to write."`, `"  "`, "actions[0].text: blank"},
		{"blank owner", `"owner": "Clerk"`, `"owner": ""`, "owner: blank"},
		{"blank name", `"present": ["Ann Example"]`, `"present": [""]`, "present[0]: blank"},
		{"no number or title", `"number": "1", "title": "Apologies"`, `"number": "", "title": ""`, "neither number nor title"},
		{"wrong type", `"exempt": false`, `"exempt": "no"`, "cannot unmarshal"},
		{"trailing data", "\n  ]\n}", "\n  ]\n} {}", "data after"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(goodClerk, tc.from, tc.to, 1)
			if in == goodClerk {
				t.Fatalf("replacement %q not found", tc.from)
			}
			_, err := Decode([]byte(in))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want one containing %q", err, tc.err)
			}
		})
	}
	// A reject file needs only "reject".
	if c, err := Decode([]byte(`{"notes": "an agenda", "reject": true}`)); err != nil || !c.Reject {
		t.Errorf("minimal reject: %v %v", c, err)
	}
	if _, err := Decode([]byte(`{"notes": "x"}`)); err == nil {
		t.Error("a file without reject was accepted")
	}
	if _, err := Decode([]byte(`{"reject": true, "items": [{"number": "1"}]}`)); err == nil {
		t.Error("a reject file with items was accepted")
	}
}

// meetingOf builds a parsed meeting for the scoring tests.
func meetingOf(items ...minutes.Item) *minutes.Meeting {
	return &minutes.Meeting{
		Council: "Ayton Community Council", Committee: "Ayton Community Council",
		Date: minutes.MakeDate(2008, 7, 8), Start: "19:30",
		Attendance: minutes.Attendance{Chair: "Ann Example", Present: []string{"Bob Other"}},
		Items:      items,
	}
}

func clerkOf(items ...Item) *Clerk {
	return &Clerk{
		Meeting: Facts{Council: sp("Ayton Community Council"), Committee: sp("Ayton Community Council"),
			Date: sp("2008-07-08"), Start: sp("19:30")},
		Attendance: Attendance{Chair: sp("Ann Example"), Present: []string{"Ann Example", "Bob Other"},
			InAttendance: []string{}, Apologies: []string{}, Absent: []string{}, Substitutes: []Substitute{}},
		Items: items,
	}
}

func res(text string) minutes.Record { return minutes.Record{Kind: minutes.KindResolution, Text: text} }

func TestScorePerfect(t *testing.T) {
	want := clerkOf(Item{Number: "1", Title: "Accounts",
		Resolutions: []Resolution{{"That the accounts for 2007/08 be approved."}},
		Actions:     []Action{{Text: "Clerk to send the accounts to the auditor.", Owner: sp("Clerk"), Due: sp("2008-07-31")}},
		FollowUps:   []FollowUp{{Text: "a report be brought to the September meeting", Due: sp("2008-09-30")}},
	})
	got := meetingOf(minutes.Item{Number: "1.", Title: "ACCOUNTS",
		Resolutions: []minutes.Record{res("RESOLVED: That the accounts for 2007/08 be approved.")},
		Actions:     []minutes.Record{{Text: "The Clerk to send the accounts to the auditor", Owner: "the Clerk", Due: minutes.MakeDate(2008, 7, 31)}},
		FollowUps:   []minutes.Record{{Text: "a report be brought to the September meeting", Due: minutes.MakeDate(2008, 9, 30)}},
	})
	r := Score(want, got, nil)
	if o := r.Overall(); o != 1 {
		t.Errorf("overall = %v, want 1; diffs:\n%v", o, r.Diffs)
	}
	if r.TitlesExact != 1 || r.ResolutionsInItem != 1 || r.ActionsInItem != 1 || r.FollowUpsInItem != 1 {
		t.Errorf("titles/in-item = %d %d %d %d", r.TitlesExact, r.ResolutionsInItem, r.ActionsInItem, r.FollowUpsInItem)
	}
	if r.Owners != (Tally{1, 1}) || r.ActionDues != (Tally{1, 1}) || r.FollowUpDues != (Tally{1, 1}) {
		t.Errorf("owner/due tallies %v %v %v", r.Owners, r.ActionDues, r.FollowUpDues)
	}
	// The chair is counted in present on both sides, once.
	if r.Present != (Counts{2, 2, 2}) || r.Chair != (Counts{1, 1, 1}) {
		t.Errorf("present %v chair %v", r.Present, r.Chair)
	}
	if len(r.Diffs) != 0 {
		t.Errorf("diffs on a perfect parse: %v", r.Diffs)
	}
}

func TestScoreMatching(t *testing.T) {
	want := clerkOf(
		Item{Number: "1", Title: "Minutes", Resolutions: []Resolution{{"That the minutes of the meeting held on 3 June be approved."}}},
		Item{Number: "2", Title: "Planning", Actions: []Action{
			{Text: "Clerk to write to the highways department about the pothole.", Owner: sp("Clerk")},
			{Text: "Jane Birch to obtain three quotes for the bench.", Owner: sp("Jane Birch"), Due: sp("2008-08-05")},
		}},
	)
	got := meetingOf(
		// The resolution landed in item 2: matched, but not in the right item.
		minutes.Item{Number: "1", Title: "Minutes"},
		minutes.Item{Number: "2", Title: "Planning",
			Resolutions: []minutes.Record{res("That the minutes of the meeting held on 3 June be approved.")},
			Actions: []minutes.Record{
				// Two parses of the first action: only one can match.
				{Text: "Clerk to write to the highways department about the pothole.", Owner: "Chair"},
				{Text: "Clerk to write to the highways department.", Owner: "Clerk"},
				{Text: "Members discussed the weather at length."},
			}},
		minutes.Item{Number: "3", Title: "Any other business"},
	)
	r := Score(want, got, nil)
	if r.Items != (Counts{2, 3, 2}) {
		t.Errorf("items %v", r.Items)
	}
	if r.Resolutions != (Counts{1, 1, 1}) || r.ResolutionsInItem != 0 {
		t.Errorf("resolutions %v in item %d", r.Resolutions, r.ResolutionsInItem)
	}
	if r.Actions != (Counts{2, 3, 1}) || r.ActionsInItem != 1 {
		t.Errorf("actions %v in item %d", r.Actions, r.ActionsInItem)
	}
	// Best pair first: the exact copy wins, and its owner is wrong.
	if r.Owners != (Tally{0, 1}) {
		t.Errorf("owners %v", r.Owners)
	}
	kinds := map[string]int{}
	for _, d := range r.Diffs {
		kinds[d.What+" "+d.Kind]++
	}
	for k, n := range map[string]int{"missed action": 1, "spurious action": 2, "spurious item": 1, "wrong owner": 1} {
		if kinds[k] != n {
			t.Errorf("%d %q diffs, want %d (all: %v)", kinds[k], k, n, r.Diffs)
		}
	}
	p, rc := r.Actions.Precision(), r.Actions.Recall()
	if math.Abs(p-1.0/3) > 1e-9 || rc != 0.5 {
		t.Errorf("actions P/R %v/%v", p, rc)
	}
}

func TestScoreItems(t *testing.T) {
	want := clerkOf(
		Item{Number: "3787", Title: "Planning"},
		Item{Number: "3787", Title: "Correspondence"},
		Item{Number: "", Title: "Welcome and introductions"},
		Item{Number: "5", Title: "Finance"},
	)
	got := meetingOf(
		minutes.Item{Number: "3787", Title: "Correspondence received"},
		minutes.Item{Number: "3787", Title: "Planning"},
		minutes.Item{Number: "", Title: "Welcome and Introductions"},
		minutes.Item{Number: "6", Title: "Finance"}, // numbers differ: no match on title
	)
	r := Score(want, got, nil)
	if r.Items != (Counts{4, 4, 3}) || r.TitlesExact != 2 {
		t.Errorf("items %v, titles exact %d; diffs %v", r.Items, r.TitlesExact, r.Diffs)
	}
}

func TestScoreFacts(t *testing.T) {
	want := clerkOf()
	want.Meeting.Committee = sp("Planning Committee")
	want.Meeting.End = nil
	want.Meeting.NextMeeting = sp("2008-08-05")
	got := meetingOf()
	got.Committee = "Planning Committee of Ayton"     // Dice 0.67: right
	got.End = "21:00"                                 // expected null: wrong
	got.Council = "Ayton Community Council (Borders)" // Dice 0.86: right
	r := Score(want, got, nil)
	right := map[string]bool{}
	for _, f := range r.Facts {
		right[f.Name] = f.Right
	}
	wantRight := map[string]bool{"council": true, "committee": true, "date": true, "start": true, "end": false, "next_meeting": false}
	if !reflect.DeepEqual(right, wantRight) {
		t.Errorf("facts %v, want %v", right, wantRight)
	}
	// Nothing expected, nothing parsed: only attendance and facts count.
	if o, w := r.Overall(), (1+4.0/6)/2; math.Abs(o-w) > 1e-9 {
		t.Errorf("overall %v, want %v", o, w)
	}
}

func TestScoreRejects(t *testing.T) {
	rejectErr := &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "an agenda"}
	notMinutes := &Clerk{Reject: true}
	if r := Score(notMinutes, nil, rejectErr); r.Overall() != 1 || !r.RejectRight {
		t.Errorf("refused not-minutes: %v", r.Overall())
	}
	if r := Score(notMinutes, meetingOf(), nil); r.Overall() != 0 || r.RejectRight {
		t.Errorf("parsed not-minutes: %v", r.Overall())
	}
	if r := Score(notMinutes, nil, &minutes.RejectError{Kind: minutes.ErrEmpty}); r.RejectRight {
		t.Error("an empty-document error counted as refusing not-minutes")
	}
	want := clerkOf(Item{Number: "1", Title: "Minutes", Resolutions: []Resolution{{"That the minutes be approved."}}})
	r := Score(want, nil, rejectErr)
	if r.Overall() != 0 || r.RejectRight || r.Items != (Counts{1, 0, 0}) || r.Resolutions.Recall() != 0 {
		t.Errorf("refused minutes: overall %v items %v", r.Overall(), r.Items)
	}
	for _, f := range r.Facts {
		if f.Right {
			t.Errorf("fact %s right on a refused document", f.Name)
		}
	}
	if r := Score(want, nil, errors.New("boom")); r.Overall() != 0 {
		t.Errorf("failed parse: %v", r.Overall())
	}
}

func TestScoreAttendance(t *testing.T) {
	want := clerkOf()
	want.Attendance.Present = []string{"Ann Example", "Bob Other", "Flynn (A)", "Flynn (R)"}
	want.Attendance.Apologies = []string{"Carol Third"}
	want.Attendance.InAttendance = []string{"Jo Clerk"}
	got := meetingOf()
	got.Attendance = minutes.Attendance{
		Chair:     "Cllr Ann Example",
		Present:   []string{"B Other", "Rory Flynn", "Flynn"},
		Apologies: []string{"Jo Clerk"},
	}
	r := Score(want, got, nil)
	// Present: Ann (chair), Bob, and both Flynns (Rory to (R), the bare
	// Flynn to (A)).
	if r.Present != (Counts{4, 4, 4}) {
		t.Errorf("present %v: %v", r.Present, r.Diffs)
	}
	if r.Apologies != (Counts{1, 1, 0}) || r.InAttendance != (Counts{1, 0, 0}) || !r.Absent.Empty() {
		t.Errorf("apologies %v in attendance %v absent %v", r.Apologies, r.InAttendance, r.Absent)
	}
	if a := r.Attendance(); a != (Counts{7, 6, 5}) {
		t.Errorf("attendance %v", a)
	}
}

func TestTotals(t *testing.T) {
	perfect := Score(clerkOf(), meetingOf(), nil)
	empty := Score(clerkOf(Item{Number: "1", Title: "A"}), nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes})
	reject := Score(&Clerk{Reject: true}, nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes})
	var b strings.Builder
	tot := WriteTable(&b, []Scored{{"a", perfect}, {"b", empty}, {"c", reject}})
	if tot.Docs != 3 || math.Abs(tot.Mean()-(perfect.Overall()+0+1)/3) > 1e-9 {
		t.Errorf("docs %d mean %v", tot.Docs, tot.Mean())
	}
	if tot.Rejects != (Tally{1, 1}) || tot.Items != (Counts{1, 0, 0}) || tot.Facts != (Tally{6, 12}) {
		t.Errorf("rejects %v items %v facts %v", tot.Rejects, tot.Items, tot.Facts)
	}
	out := b.String()
	for _, s := range []string{"| a | 1.000 |", "| b | 0.000 |", "| c | 1.000 | not minutes: refused", "**Overall (mean of 3 documents): 0.667**"} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
}
