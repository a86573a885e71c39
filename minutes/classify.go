package minutes

import (
	"regexp"
	"strings"
)

// Stage 8b: is this minutes at all?
//
// Minutes record a meeting: who attended and what was decided, under
// numbered or headed items. An agenda lists business to come ("To
// receive…") and records no outcome; a press report narrates a meeting in
// prose; a flyer or news item has neither. classify weighs the evidence
// and explains a refusal.

var (
	reMinutesTitle = regexp.MustCompile(`(?i)\b(minutes|summary\s+of\b.*\bmeeting|record\s+of\s+(?:decisions|proceedings)|proceedings\s+(?:of|at))\b`)
	reAgendaTitle  = regexp.MustCompile(`(?i)^(?:.*\b)?(agenda|notice\s+of\s+meeting|summons)\b`)
	reAgendaVerb   = regexp.MustCompile(`(?i)^(?:\d+[.)]?\s+|\([a-z]\)\s+)?to\s+(?:receive|consider|note|approve|agree|discuss|confirm)\b`)
	// An outcome recorded in a line. ("The meeting closed" is gated by its
	// verbs: "meeting" is in most lines.)
	reOutcome = gated(`(?i)\b(resolved|agreed|carried|moved\s+by|seconded|decision:|noted\s+the|it\s+was\s+noted|apologies\s+(?:were|had been)\s+received|the\s+meeting\s+(?:closed|ended|concluded)|adjourned\s+at|(?:was|were)\s+(?:unanimously\s+)?(?:approved|accepted|adopted|supported)|approved\s+(?:&|and)\s+signed|signed\s+as\s+(?:a\s+)?(?:true|correct)|approval\s+recommended|approved\s+for\s+payment)\b`,
		"resol", "agreed", "carried", "moved", "second", "decision", "noted", "apolog", "closed", "ended", "concluded", "adjourn", "approv", "accepted", "adopted", "supported", "signed")
)

// classify returns a reason the document is not minutes, or "".
func classify(lines []line, items []*rawItem, m *Meeting) string {
	top := len(lines)
	if top > 40 {
		top = 40
	}
	score := 0
	title := false
	for _, l := range lines[:top] {
		if len(l.Text) < 200 && reMinutesTitle.MatchString(l.Text) {
			title = true
		}
	}
	agenda := false
	for _, l := range lines[:top] {
		if len(l.Text) < 80 && reAgendaTitle.MatchString(l.Text) && !reMinutesTitle.MatchString(l.Text) {
			agenda = true
		}
	}
	a := m.Attendance
	people := len(a.Present) + len(a.Apologies) + len(a.InAttendance)
	if a.Chair != "" {
		people++
	}
	agendaVerbs := 0
	for _, l := range lines {
		if i := strings.Index(l.low(), "to "); i >= 0 && i < 8 && reAgendaVerb.MatchString(l.Text) {
			agendaVerbs++
		}
	}
	// Outcomes are counted only as far as the tests below look: three, or
	// one more than the agenda's verbs.
	outcomes, enough := 0, max(3, agendaVerbs+1)
	for _, l := range lines {
		if outcomes >= enough {
			break
		}
		if reOutcome.MatchString(l.Text) {
			outcomes++
		}
	}
	records, told := 0, 0
	for _, it := range m.Items {
		for _, r := range append(it.Resolutions, it.Actions...) {
			if r.narrative {
				told++ // read from running text: weaker evidence
			}
		}
		for _, r := range it.Resolutions {
			if !r.narrative {
				records++
			}
		}
		for _, r := range it.Actions {
			if !r.narrative {
				records++
			}
		}
	}
	if title {
		score += 2
	}
	switch {
	case people >= 2:
		score += 2
	case people == 1: // "Clerk: Deborah Lacey" in a newsletter is not an attendance list
		score++
	}
	if len(items) >= 2 {
		score++
	}
	if records > 0 {
		score += 2
	}
	if outcomes >= 3 {
		score++
	}
	if told >= 3 && records == 0 {
		score++
	}
	if agenda && !title {
		score -= 2
	}
	if agendaVerbs > outcomes && agendaVerbs >= 3 {
		score -= 2
	}
	if m.Date.IsZero() {
		score--
	}
	// The meeting's own course, told as it happened: "called the meeting
	// to order at 2:01 p.m." … "adjourned the meeting at 2:40 p.m." An
	// agenda gives only the times the meeting is to start.
	proceedings := m.End != "" && calledToOrder(lines)
	if proceedings {
		score++
	}
	switch {
	case score >= 4 && (records > 0 || people > 0 || outcomes >= 2 || proceedings):
		return ""
	case agenda || agendaVerbs > outcomes:
		return "it reads as an agenda: it lists business to come but records no attendance or decisions"
	case len(items) == 0 && people == 0:
		return "it has no attendance, no numbered or headed items and no recorded decisions (a news story, report or letter?)"
	default:
		return "it records no attendance and no decisions in the form minutes take"
	}
}

// openingStems are the verbs reOpening needs, for a cheap test first.
var openingStems = newAnyOf("called", "convened", "declared", "commenced", "opened")

// calledToOrder reports whether the minutes record the meeting being
// opened at a time: "The Chair called the meeting to order at 7:02
// p.m.", "declared the meeting open at 9.00am".
func calledToOrder(lines []line) bool {
	for _, l := range lines {
		low := l.low()
		if !openingStems.in(low) {
			continue
		}
		if loc := reOpening.FindStringIndex(l.Text); loc != nil && !strings.Contains(strings.ToLower(l.Text[loc[0]:loc[1]]), "commencing") {
			if _, ok := clockAfter(firstN(l.Text[loc[1]:], 90)); ok {
				return true
			}
		}
	}
	return false
}

func lowerHas(s, sub string) bool {
	if foldsAsLower(s) {
		return containsFoldASCII(s, sub) // sub is lower case ASCII
	}
	return strings.Contains(strings.ToLower(s), sub)
}
