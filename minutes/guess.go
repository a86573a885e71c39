package minutes

import "strings"

// Guess reads a span of an item's text that a clerk marked as a record of
// kind the way the parser reads the records it finds: who the text names
// to act (an action's or follow-up's owner) and when it is due, worked out
// against the meeting m (its date, attendance and next meeting). It is
// where the clerk's form starts; the clerk's answer is what is kept.
func Guess(m *Meeting, kind Kind, text string) Record {
	rec := Record{Kind: kind, Text: strings.TrimSpace(text)}
	if kind == KindResolution || rec.Text == "" {
		return rec
	}
	var best *task
	ts := readTasks(rec.Text, &m.Attendance, false)
	for i := range ts {
		if best == nil || ts[i].score > best.score {
			best = &ts[i]
		}
	}
	if best != nil && best.owner != "" {
		rec.Owner = tidyOwner(m, best.owner)
	}
	if kind == KindAction {
		actionDue(m, &rec, rec.Text)
	} else {
		resolveDue(m, &rec, rec.Text)
	}
	return rec
}

// DueAt reads the meeting a record is due back at as a clerk names it
// ("the next meeting", "the June 2026 meeting", "March 2027"), against
// the meeting m: the record's due date, its target and whether the date
// is a stand-in (Provisional). ok is false when the words name no meeting
// or month minutebook can place.
func DueAt(m *Meeting, phrase string) (rec Record, ok bool) {
	p := strings.TrimSpace(phrase)
	if p == "" {
		return rec, false
	}
	low := strings.ToLower(p)
	if !strings.Contains(low, "meeting") && !strings.Contains(low, "mtg") {
		p += " meeting" // "June 2026" is the June 2026 meeting
	}
	resolveDue(m, &rec, "to the "+p)
	if rec.Target.IsZero() {
		return Record{}, false
	}
	rec.DueMeeting = strings.TrimSpace(phrase)
	return rec, true
}
