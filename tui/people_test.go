package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// peopleFixture is the fixture with a licensing panel whose chair owns
// actions (one with the Clerk), a member who declared an interest, one
// who sent apologies and one absent.
func peopleFixture() *fakeLib {
	lic := &minutes.Meeting{
		Council: "Harrow Council", Committee: "Licensing Panel", Date: d("2022-03-22"), NextMeeting: d("2022-06-21"),
		Attendance: minutes.Attendance{Chair: "Cllr Marilyn Ashton", Present: []string{"Cllr Marilyn Ashton", "Councillor Dan Anderson", "Keith Ferry"},
			InAttendance: []string{"the Clerk"}, Apologies: []string{"Cllr Chetna Halai"}, Absent: []string{"Mr Kanti Rabadia"}},
		Source: minutes.Source{Name: "harrow-licensing-2022-03-22.txt", Hash: "aa01"},
		Items: []minutes.Item{
			{Number: "14", Title: "Street Trading Policy",
				Body: "Cllr Anderson declared a personal interest.\n\nCllr Marilyn Ashton to meet the traders' association by 31 March 2022.\n\n" +
					"Cllr Marilyn Ashton and the Clerk to walk the market with the police by 30 June 2022.",
				Declarations: []minutes.Declaration{{Member: "Councillor Dan Anderson", Interest: "personal", Items: "14", Text: "Holds a street trading licence."}},
				Actions: []minutes.Record{
					{Text: "Cllr Marilyn Ashton to meet the traders' association by 31 March 2022.", Owner: "Cllr Marilyn Ashton",
						Due: d("2022-03-31"), Target: minutes.DateTarget(), Line: 20},
					{Text: "Cllr Marilyn Ashton and the Clerk to walk the market with the police by 30 June 2022.", Owner: "Cllr Marilyn Ashton and the Clerk",
						Due: d("2022-06-30"), Target: minutes.DateTarget(), Line: 22},
				}},
		},
	}
	f := newFixture()
	g := newFakeLib(append(fixtureMeetings(), assignIDs(lic)))
	g.returned, g.gen = f.returned, f.gen
	for id, fr := range f.recByID { // the fixture's tracking: one action done
		g.recByID[id].rec, g.recByID[id].hist = fr.rec, fr.hist
	}
	return g
}

const (
	ashtonAction = "lp-2022-03-22-14-a1"
	sharedAction = "lp-2022-03-22-14-a2"
)

// peopleScenes are the people view's states, compared with golden files
// at 80×24 (go test ./tui -run TestGoldenPeople -update rewrites them).
var peopleScenes = []struct {
	name  string
	drive func(h *harness)
}{
	{"people_list", func(h *harness) { h.keys("4") }},
	{"people_by_overdue", func(h *harness) { h.keys("4", "s", "s") }},
	{"people_find", func(h *harness) { h.keys("4", "f", "ander") }},
	{"person_page", func(h *harness) { h.send(navMsg{to: viewPeople, person: "Marilyn Ashton"}) }},
	{"person_attendance", func(h *harness) { h.send(navMsg{to: viewPeople, person: "Marilyn Ashton"}); h.keys("G") }},
	{"person_declared", func(h *harness) { h.send(navMsg{to: viewPeople, person: "Dan Anderson"}) }},
	{"due_owner_chooser", func(h *harness) { h.keys("o") }},
	{"due_narrowed", func(h *harness) { h.send(navMsg{to: viewPeople, person: "Marilyn Ashton"}); h.keys("b") }},
	{"owners_of_shared", func(h *harness) { openRecord(h, sharedAction); h.keys("O") }},
}

func TestGoldenPeople(t *testing.T) {
	for _, sc := range peopleScenes {
		t.Run(sc.name, func(t *testing.T) {
			h := newHarness(t, peopleFixture(), 80, 24, testOptions())
			sc.drive(h)
			out := h.view()
			checkFrame(t, out, 80, 24)
			golden.RequireEqual(t, out)
		})
	}
}

func TestPeopleListOpensAPerson(t *testing.T) {
	h := newHarness(t, peopleFixture(), 120, 40, testOptions())
	h.keys("4")
	if h.m.active != viewPeople {
		t.Fatalf("4 shows view %v", h.m.active)
	}
	h.contains("Marilyn Ashton", "Clerk", "role")
	for h.m.people.selectedName() != "Marilyn Ashton" {
		before := h.m.people.cur.cursor
		h.keys("j")
		if h.m.people.cur.cursor == before {
			t.Fatal("Marilyn Ashton is not on the list")
		}
	}
	h.keys("enter")
	h.contains("Marilyn Ashton · person", "sits on Licensing Panel; Overview and Scrutiny Committee",
		"OPEN ACTIONS AND FOLLOW-UPS (2, 1 overdue or slipped)", "meet the traders' association", "ATTENDANCE (3 meetings: present 3)")
	h.keys("enter") // the first open record
	if h.m.active != viewDetail || h.m.detail.id != ashtonAction {
		t.Fatalf("enter on her first record shows view %v, record %q", h.m.active, h.m.detail.id)
	}
	h.keys("esc")
	if h.m.active != viewPeople || !h.m.people.page {
		t.Fatalf("esc from the record shows view %v (page %v), want her page", h.m.active, h.m.people.page)
	}
	h.keys("G", "enter") // the oldest meeting she attended
	if h.m.active != viewMeetings || h.m.meetings.meetingID != "osc-2021-12-14" {
		t.Fatalf("enter on her attendance shows view %v, meeting %q", h.m.active, h.m.meetings.meetingID)
	}
	h.keys("4", "esc")
	if h.m.people.page {
		t.Fatal("esc on her page did not go back to the list")
	}
	h.contains("▸ Marilyn Ashton")
}

func TestPeopleAttendanceAndDeclarations(t *testing.T) {
	h := newHarness(t, peopleFixture(), 120, 40, testOptions())
	h.send(navMsg{to: viewPeople, person: "halai"}) // a surname, any case
	h.contains("Chetna Halai", "APOLOGIES", "ATTENDANCE (3 meetings: present 2, apologies 1)")
	h.send(navMsg{to: viewPeople, person: "Kanti Rabadia"})
	h.contains("ABSENT", "absent 1")
	h.send(navMsg{to: viewPeople, person: "Dan Anderson"})
	h.contains("DECLARATIONS OF INTEREST (1)", "DECLARED", "item 14 · personal: Holds a street trading licence.")
	h.keys("enter") // the declaration: its item
	if h.m.active != viewMeetings || h.m.meetings.meetingID != "lp-2022-03-22" {
		t.Fatalf("enter on a declaration shows view %v, meeting %q", h.m.active, h.m.meetings.meetingID)
	}
	h.send(navMsg{to: viewPeople, person: "Anderson"}) // Dan and Sue
	h.contains("fits 2 people", "Dan Anderson, Sue Anderson")
}

func TestOwnerJumpsToThePerson(t *testing.T) {
	h := newHarness(t, peopleFixture(), 120, 40, testOptions())
	for r, _ := h.m.due.selected(); r.ID != ashtonAction; r, _ = h.m.due.selected() {
		before := h.m.due.list.cursor
		h.keys("j")
		if h.m.due.list.cursor == before {
			t.Fatalf("%s is not on the due board", ashtonAction)
		}
	}
	h.keys("O")
	if h.m.active != viewPeople || !h.m.people.page || h.m.people.name != "Marilyn Ashton" {
		t.Fatalf("O on her action shows view %v, page %v of %q", h.m.active, h.m.people.page, h.m.people.name)
	}
	h.keys("esc")
	if h.m.active != viewDue {
		t.Fatalf("esc from the page reached by O shows view %v, want the due board", h.m.active)
	}

	// A record two people own: the list of the two, then one's page.
	openRecord(h, sharedAction)
	h.keys("O")
	h.contains("the owners of "+sharedAction, "Marilyn Ashton", "Clerk")
	if n := len(h.m.people.rows); n != 2 {
		t.Fatalf("the owners' list has %d rows, want 2", n)
	}
	h.keys("j", "enter")
	h.contains("Clerk · role")
	h.keys("esc", "esc")
	if h.m.active != viewDetail {
		t.Fatalf("esc twice from the owners' list shows view %v, want the record", h.m.active)
	}

	// A record with no owner says so and stays.
	openRecord(h, "osc-2021-12-14-188-f1")
	h.keys("O")
	if !strings.Contains(h.m.flash, "names no owner") {
		t.Fatalf("O on a record with no owner flashes %q", h.m.flash)
	}
}

func TestDueBoardOwnerIsAPerson(t *testing.T) {
	f := peopleFixture()
	h := newHarness(t, f, 120, 40, testOptions())
	// The Clerk's share of the walk counts for the Clerk, Ashton's for her.
	h.keys("o")
	h.contains("Marilyn Ashton", "2 open", "Clerk")
	for i, o := range h.m.due.board.ownerCounts() {
		if o.name == "Clerk" {
			h.keys("down")
			for range i {
				h.keys("down")
			}
			break
		}
	}
	h.keys("enter")
	if got := h.m.due.filterText(); got != "owner Clerk" {
		t.Fatalf("filter %q, want owner Clerk", got)
	}
	var ids []string
	for _, r := range h.m.due.rows {
		if !r.heading {
			ids = append(ids, h.m.due.board.recs[r.rec].ID)
		}
	}
	if len(ids) != 1 || ids[0] != sharedAction {
		t.Fatalf("the Clerk's board holds %v, want only %s", ids, sharedAction)
	}

	// b on a person's page: the whole board, narrowed to them.
	h.keys("c", "j", "enter") // one committee first
	h.send(navMsg{to: viewPeople, person: "Marilyn Ashton"})
	h.keys("b")
	if h.m.active != viewDue || h.m.due.committee != "" || h.m.due.filterText() != "owner Marilyn Ashton" {
		t.Fatalf("b shows view %v, committee %q, filter %q", h.m.active, h.m.due.committee, h.m.due.filterText())
	}
	h.contains("meet the traders", "walk the")
}

func TestPeopleFind(t *testing.T) {
	h := newHarness(t, peopleFixture(), 100, 30, testOptions())
	h.keys("4", "f", "ANDERS")
	if n := len(h.m.people.rows); n != 2 {
		t.Fatalf("\"ANDERS\" leaves %d people, want Dan and Sue Anderson", n)
	}
	h.keys("q") // typed, not quit: the prompt has the keyboard
	if h.quit || len(h.m.people.rows) != 0 {
		t.Fatalf("q in the prompt: quit %v, %d rows", h.quit, len(h.m.people.rows))
	}
	h.contains("No name holds")
	h.keys("backspace", "enter")
	if h.m.people.find.open || h.m.people.query != "ANDERS" || len(h.m.people.rows) != 2 {
		t.Fatalf("enter: prompt open %v, query %q, %d rows", h.m.people.find.open, h.m.people.query, len(h.m.people.rows))
	}
	h.contains("matching ANDERS")
	h.keys("esc")
	if h.m.active != viewPeople || h.m.people.query != "" || len(h.m.people.rows) < 10 {
		t.Fatalf("esc: view %v, query %q, %d rows", h.m.active, h.m.people.query, len(h.m.people.rows))
	}
	h.keys("f", "ashton", "enter") // one fits: her page
	if !h.m.people.page || h.m.people.name != "Marilyn Ashton" {
		t.Fatalf("enter on one fit: page %v of %q", h.m.people.page, h.m.people.name)
	}
}

func TestAttendedText(t *testing.T) {
	tests := []struct {
		a    index.Attended
		want string
	}{
		{index.Attended{MeetingID: "osc-2021-12-14", Committee: "Overview and Scrutiny Committee", As: "apologies"}, "Overview & Scrutiny · osc-2021-12-14"},
		{index.Attended{MeetingID: "lp-2022-03-22", Committee: "Licensing Panel", As: "chair"}, "chair · Licensing Panel · lp-2022-03-22"},
		{index.Attended{MeetingID: "x-2024-10-28", As: "substitute"}, "substitute · x-2024-10-28"},
		{index.Attended{MeetingID: "c-2022-01-01", Committee: "Cabinet", As: "in attendance"}, "Cabinet · c-2022-01-01"},
	}
	for _, tt := range tests {
		if got := attendedText(tt.a); got != tt.want {
			t.Errorf("attendedText(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestCommitteesText(t *testing.T) {
	tests := []struct {
		cs   []string
		want string
	}{
		{nil, ""},
		{[]string{"Overview and Scrutiny Committee"}, "Overview & Scrutiny"},
		{[]string{"", "Northwold Parish Council"}, noCommittee + "; Northwold Parish Council"},
	}
	for _, tt := range tests {
		if got := committeesText(tt.cs); got != tt.want {
			t.Errorf("committeesText(%q) = %q, want %q", tt.cs, got, tt.want)
		}
	}
}
