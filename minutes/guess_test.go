package minutes

import "testing"

func TestGuess(t *testing.T) {
	m := &Meeting{Date: MakeDate(2021, 12, 14), NextMeeting: MakeDate(2022, 1, 11)}
	for _, tc := range []struct {
		name  string
		kind  Kind
		text  string
		owner string
		due   Date
		tk    TargetKind
	}{
		{"an action with a date", KindAction, "The Clerk to write to the highways team by 31 January 2022.", "Clerk", MakeDate(2022, 1, 31), TargetDate},
		{"an action by the next meeting", KindAction, "The Head of Planning undertook to circulate the figures before the next meeting.", "Head of Planning", MakeDate(2022, 1, 11), TargetNext},
		{"a follow-up to a named month", KindFollowUp, "That a report be submitted to the June 2022 meeting of the Committee.", "", MakeDate(2022, 6, 30), TargetMonth},
		{"a resolution", KindResolution, "That the report be noted.", "", Date{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := Guess(m, tc.kind, tc.text)
			if g.Owner != tc.owner || g.Due != tc.due || g.Target.Kind != tc.tk || g.Kind != tc.kind {
				t.Errorf("Guess = owner %q due %s target %v; want %q %s %v", g.Owner, g.Due, g.Target, tc.owner, tc.due, tc.tk)
			}
		})
	}
}

func TestDueAt(t *testing.T) {
	m := &Meeting{Date: MakeDate(2021, 12, 14), NextMeeting: MakeDate(2022, 1, 11)}
	for phrase, want := range map[string]Date{
		"the next meeting":      MakeDate(2022, 1, 11),
		"next meeting":          MakeDate(2022, 1, 11),
		"the June 2022 meeting": MakeDate(2022, 6, 30),
		"March 2022":            MakeDate(2022, 3, 31),
	} {
		r, ok := DueAt(m, phrase)
		if !ok || r.Due != want || r.DueMeeting != phrase {
			t.Errorf("DueAt(%q) = %s %q %v, want %s", phrase, r.Due, r.DueMeeting, ok, want)
		}
	}
	if _, ok := DueAt(m, "whenever"); ok {
		t.Error("DueAt read a meeting in \"whenever\"")
	}
}
