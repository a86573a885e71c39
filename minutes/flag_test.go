package minutes

import (
	"encoding/json"
	"testing"
)

func d(s string) Date {
	v, err := ParseISODate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestTargetText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Target
	}{
		{"", Target{}},
		{"date", DateTarget()},
		{"next", NextTarget()},
		{"month:2022-06", MonthTarget(2022, 6)},
		{"offset:6m", OffsetTarget(6, Months)},
		{"offset:2w", OffsetTarget(2, Weeks)},
		{"offset:10wd", OffsetTarget(10, WorkingDays)},
		{"offset:28d", OffsetTarget(28, Days)},
	} {
		got, err := ParseTarget(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseTarget(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
		if s := tc.want.String(); s != tc.in {
			t.Errorf("%+v.String() = %q, want %q", tc.want, s, tc.in)
		}
		b, _ := json.Marshal(tc.want)
		var back Target
		if err := json.Unmarshal(b, &back); err != nil || back != tc.want {
			t.Errorf("JSON %s read back as %+v, %v", b, back, err)
		}
	}
	for _, bad := range []string{"month:2022", "month:June", "offset:6y", "offset:m", "soon"} {
		if got, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want an error", bad, got)
		}
	}
}

func TestCalendar(t *testing.T) {
	cal := NewCalendar([]HeldMeeting{
		{Date: d("2021-12-14"), Next: d("2022-01-11")}, // stated, and no later meeting held: counts
		{Date: d("2021-09-14"), Next: d("2021-10-12")}, // stated, but the library holds 2021-10-14: does not count
		{Date: d("2021-10-14")},
		{Date: Date{}, Next: d("2030-01-01")}, // undated: ignored
	})
	got := ""
	for _, x := range cal.Dates() {
		got += x.String() + " "
	}
	if want := "2021-09-14 2021-10-14 2021-12-14 2022-01-11 "; got != want {
		t.Errorf("dates = %s, want %s", got, want)
	}
	if x, ok := cal.After(d("2021-12-14")); !ok || x != d("2022-01-11") {
		t.Errorf("After = %s %v", x, ok)
	}
	if _, ok := cal.After(d("2022-01-11")); ok {
		t.Error("After the last meeting found one")
	}
	if x, ok := cal.In(2021, 10); !ok || x != d("2021-10-14") {
		t.Errorf("In October = %s %v", x, ok)
	}
	if _, ok := cal.In(2021, 11); ok {
		t.Error("In November found a meeting")
	}
	if _, ok := (Calendar{}).After(d("2000-01-01")); ok {
		t.Error("the zero calendar knows a meeting")
	}
}

// TestFlagOf is the flag rule's table: every flag, and each way a due date
// is worked out.
func TestFlagOf(t *testing.T) {
	// The committee met on 14 December and 11 January, and its minutes say
	// it meets next on 8 March.
	cal := NewCalendar([]HeldMeeting{{Date: d("2021-12-14")}, {Date: d("2022-01-11"), Next: d("2022-03-08")}})
	dec := d("2021-12-14")
	action := func(due string) Tracked {
		return Tracked{Kind: KindAction, MeetingDate: dec, Due: dateOrZero(due), Target: DateTarget()}
	}
	followUp := func(due string, target Target, provisional bool) Tracked {
		return Tracked{Kind: KindFollowUp, MeetingDate: dec, Due: dateOrZero(due), Target: target, Provisional: provisional}
	}
	with := func(r Tracked, f func(*Tracked)) Tracked { f(&r); return r }
	for _, tc := range []struct {
		name        string
		r           Tracked
		asOf        string
		flag        Flag
		due         string
		provisional bool
	}{
		{"resolution", Tracked{Kind: KindResolution, MeetingDate: dec}, "2022-01-01", FlagResolution, "", false},
		{"action past due", action("2022-01-05"), "2022-01-06", FlagOverdue, "2022-01-05", false},
		{"action due today is not late", action("2022-01-06"), "2022-01-06", FlagDueNext, "2022-01-06", false},
		{"action due at the next meeting", action("2022-01-11"), "2022-01-06", FlagDueNext, "2022-01-11", false},
		{"action due after the next meeting, within 30 days", action("2022-02-01"), "2022-01-06", FlagDueSoon, "2022-02-01", false},
		{"action due in 30 days exactly", action("2022-02-05"), "2022-01-06", FlagDueSoon, "2022-02-05", false},
		{"action due later", action("2022-06-01"), "2022-01-06", FlagUpcoming, "2022-06-01", false},
		{"action undated", action(""), "2022-01-06", FlagUndated, "", false},
		{"no meeting known after as-of: soon", action("2022-03-20"), "2022-03-09", FlagDueSoon, "2022-03-20", false},
		{"action done", with(action("2021-12-20"), func(r *Tracked) { r.Status = StatusDone }), "2022-01-06", FlagDone, "2021-12-20", false},
		{"action dropped", with(action(""), func(r *Tracked) { r.Status = StatusDropped }), "2022-01-06", FlagDone, "", false},
		{"in progress is still open", with(action("2022-01-05"), func(r *Tracked) { r.Status = StatusInProgress }), "2022-01-06", FlagOverdue, "2022-01-05", false},

		{"follow-up past a stated date: overdue", followUp("2022-01-05", DateTarget(), false), "2022-01-06", FlagOverdue, "2022-01-05", false},
		{"follow-up with no target, past due: overdue", followUp("2022-01-05", Target{}, false), "2022-01-06", FlagOverdue, "2022-01-05", false},
		{"named month, meeting known: resolved", followUp("2022-01-31", MonthTarget(2022, 1), true), "2022-01-06", FlagDueNext, "2022-01-11", false},
		{"named month, meeting known, passed", followUp("2022-01-31", MonthTarget(2022, 1), true), "2022-01-20", FlagSlipped, "2022-01-11", false},
		{"named month, stated meeting", followUp("2022-03-31", MonthTarget(2022, 3), true), "2022-01-20", FlagDueNext, "2022-03-08", false},
		{"named month, no meeting known: provisional", followUp("2022-06-30", MonthTarget(2022, 6), true), "2022-07-01", FlagSlipped, "2022-06-30", true},
		{"next meeting, resolved from the calendar", followUp("", NextTarget(), false), "2022-01-06", FlagDueNext, "2022-01-11", false},
		{"next meeting, passed", followUp("", NextTarget(), false), "2022-02-01", FlagSlipped, "2022-01-11", false},
		{"next meeting, nothing known: undated", Tracked{Kind: KindFollowUp, Target: NextTarget(), MeetingDate: d("2022-03-08")}, "2022-03-09", FlagUndated, "", false},
		{"offset stands, and names no meeting: overdue", followUp("2022-06-14", OffsetTarget(6, Months), false), "2022-07-01", FlagOverdue, "2022-06-14", false},
		{"clerk's date on a follow-up due at a meeting: slipped when passed", with(followUp("2022-01-31", MonthTarget(2022, 1), true), func(r *Tracked) {
			r.Due, r.DueSet = d("2022-01-15"), true
		}), "2022-01-20", FlagSlipped, "2022-01-15", false},
		{"clerk's date stands over the target", with(followUp("2022-01-31", MonthTarget(2022, 1), true), func(r *Tracked) {
			r.Due, r.DueSet = d("2022-04-01"), true
		}), "2022-01-20", FlagUpcoming, "2022-04-01", false},
		{"returned on or before as-of", with(followUp("2022-01-11", NextTarget(), false), func(r *Tracked) { r.ReturnedAt = d("2022-01-11") }),
			"2022-02-01", FlagReturned, "2022-01-11", false},
		{"returned after as-of: not yet", with(followUp("2022-01-11", NextTarget(), false), func(r *Tracked) { r.ReturnedAt = d("2022-03-08") }),
			"2022-02-01", FlagSlipped, "2022-01-11", false},
		{"an action is never returned", with(action("2022-01-05"), func(r *Tracked) { r.ReturnedAt = d("2022-01-05") }),
			"2022-01-06", FlagOverdue, "2022-01-05", false},
		{"done beats returned", with(followUp("2022-01-11", NextTarget(), false), func(r *Tracked) {
			r.ReturnedAt, r.Status = d("2022-01-11"), StatusDone
		}), "2022-02-01", FlagDone, "2022-01-11", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FlagOf(tc.r, cal, d(tc.asOf))
			if got.Flag != tc.flag || got.Due.String() != tc.due || got.Provisional != tc.provisional {
				t.Errorf("FlagOf = %q due %s provisional %v; want %q due %s provisional %v",
					got.Flag, got.Due, got.Provisional, tc.flag, tc.due, tc.provisional)
			}
		})
	}
}

func dateOrZero(s string) Date {
	if s == "" {
		return Date{}
	}
	return d(s)
}

func TestStatusAndFlagLabels(t *testing.T) {
	for in, want := range map[string]Status{"in progress": StatusInProgress, "In-Progress": StatusInProgress, "Done": StatusDone,
		"completed": StatusDone, "withdrawn": StatusDropped, "open": StatusOpen} {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := ParseStatus(""); ok {
		t.Error(`ParseStatus("") is ok`)
	}
	if _, ok := ParseStatus("maybe"); ok {
		t.Error(`ParseStatus("maybe") is ok`)
	}
	if FlagDueNext.Label() != "due at next meeting" || FlagOverdue.Label() != "overdue" || StatusInProgress.Label() != "in progress" ||
		Status("").Label() != "open" || KindFollowUp.Label() != "follow-up" || KindAction.Label() != "action" {
		t.Error("labels")
	}
	for v, want := range map[any]string{FlagResolution: "null", FlagDueNext: `"due_next_meeting"`, Status(""): "null", StatusDone: `"done"`} {
		if b, err := json.Marshal(v); err != nil || string(b) != want {
			t.Errorf("JSON of %#v = %s, want %s", v, b, want)
		}
	}
	for i, f := range FlagOrder {
		if f.Rank() != i {
			t.Errorf("%s rank %d", f, f.Rank())
		}
	}
}
