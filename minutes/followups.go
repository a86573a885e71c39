package minutes

import (
	"regexp"
	"strings"
	"time"
)

// Stage 7: follow-ups — what is due back to this committee, and when.

var (
	// Something comes back: a report, update or item, to a meeting or to
	// this body.
	reComeBack   = regexp.MustCompile(`(?i)\b(?:report(?:ed|s)?|update[sd]?|briefing|paper|review|item|plan|progress|details|information|proposals?|strategy|findings|results?|outcomes?|options?|evaluation|assessment|analysis)\b.{0,120}?\b(?:(?:be|been|being|to\s+be|would\s+be|will\s+be|should\s+be)\s+)?(?:submitted|brought(?:\s+back)?|presented|reported(?:\s+back)?|returned|come\s+back|coming\s+back|came\s+back|back|considered|provided|tabled|given|circulated|added|included|placed|put|listed)\s+(?:to|at|before)\s+(?:the\s+|this\s+|a\s+|an\s+|its\s+)?(?:(?:next|following|future|subsequent|later|december|january|february|march|april|may|june|july|august|september|october|november)\b[^.;]{0,40}?\bmeeting|committee|board|panel|sub-committee|cabinet|council|forum|partnership|meeting)`)
	reInTime     = regexp.MustCompile(`(?i)\b(?:report(?:ed)?|update[sd]?|review(?:ed)?|back|return(?:ed)?|considered|revisited|explanation|response)\b.{0,120}?\b(?:in|within|after)\s+(\w+)\s+(months?|weeks?|working\s+days|days)(?:['’]\s*|\s+)?(?:time)?\b`)
	reNextAgenda = regexp.MustCompile(`(?i)\b(?:items?\s+for\s+(?:the\s+)?next\s+agenda|(?:be|placed|put|included)\s+on\s+(?:the\s+)?(?:next|a\s+future|the\s+(?:` + monthNames + `)\s+\d{4})\s+agenda|deferred\s+(?:to|until)\s+the\s+next\s+meeting|carried\s+forward\s+to\s+the\s+next\s+meeting)`)
	// US council wording: "PASSED TO SECOND READING JANUARY 19, 2011",
	// "Bring back 1-15-96", "continued to February 3".
	reLaterDate = regexp.MustCompile(`(?i)\b(?:passed\s+to\s+second\s+reading|continued\s+to|bring\s+back|brought\s+back\s+on|defer(?:red)?\s+(?:to|until)|report\s+back\s+(?:on|by))\s+(?:the\s+)?(?:` + monthNames + `|\d{1,2}[-/]\d{1,2}[-/]\d{2,4})`)
	// A report or update "to the July 2023 meeting", "at the March
	// meeting", "to the next meeting", with no verb between.
	reToMeeting = regexp.MustCompile(`(?i)\b(?:report(?:ed|s)?|update[sd]?|briefing|paper|item|results?|presentation|information|proposals?|plan|review|explanation|response)\b[^.;]{0,120}?\b(?:to|at|for)\s+(?:the|its|a|their)\s+(?:next|following|future|(?:` + monthNames + `)(?:\s+\d{4})?)\s+(?:\w+\s+){0,2}?meeting`)
	// "the Committee receive a report … at its November 2023 meeting",
	// "the Committee consider the final budget at its meeting on 5 December".
	reBodyWillConsider = regexp.MustCompile(`(?i)\b(?:committee|sub-committee|board|panel|council|cabinet|members)\s+(?:will\s+|would\s+|to\s+|shall\s+|should\s+)?(?:receive|consider|review|discuss|see|have)\b[^.;]{0,160}?\bat\s+(?:its|the|their|a)\s+(?:\w+\s+){0,2}meeting`)
	reDueMonth         = gatedMonths(`(?i)\b(` + monthNames + `)\.?\s+(\d{4})\s+(?:[A-Z][a-z]+\s+){0,2}meeting|\bmeeting\s+(?:of\s+the\s+\w+(?:\s+\w+)?\s+)?(?:(?:to\s+be\s+)?held\s+)?(?:in|on|of)\s+(` + monthNames + `)\.?,?\s+(\d{4})`)
	reInMonthYear      = gatedMonths(`(?i)\b(?:in|by|during)\s+(` + monthNames + `)\.?,?\s+(\d{4})\b`)
	reInMonthNoYear    = gatedMonths(`(?i)\b(meeting\s+)?(?:in|during)\s+(` + monthNames + `)\b(?:\.|,)?(?:\s+(\d{4}))?`)
	reDueMonthNoYear   = gatedMonths(`(?i)\b(?:the\s+)?(` + monthNames + `)\s+meeting\b`)
	reDueNext          = regexp.MustCompile(`(?i)\b(?:next|following)\s+(?:scheduled\s+|ordinary\s+|regular\s+)?meeting\b`)
	reDueInN           = gated(`(?i)\b(?:in|within|after)\s+(\w+)\s+(months?|weeks?|working\s+days|days)`, "month", "wee", "day") // ("wee": a Kelvin sign folds to k)
	reOtherBody        = regexp.MustCompile(`\b(?:to|at|before)\s+(?:the\s+)?(?:next\s+)?(Cabinet|CABINET|[Ff]ull\s+[Cc]ouncil|Council|(?:[A-Z][a-z]+\s+){1,3}(?:Committee|Board|Panel))\b`)
	reNotFollow        = gated(`(?i)(?:minutes\s+of\s+the|the\s+next\s+meeting\s+(?:will|would|is|was)\s+(?:be\s+)?(?:held|scheduled|on)|date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting\s+of\s+the\s+\w+\s+(?:will|is)|previous\s+meeting|last\s+meeting|at\s+the\s+(?:next|following)\s+meeting\s+of\s+(?:the\s+)?cabinet)`, "minutes", "next", "previous", "last", "following")
)

// findFollowUps reads the follow-ups in a set of sentences. fromResolution
// marks sentences that are resolution parts.
func findFollowUps(m *Meeting, texts []sentence, fromResolution bool) []Record {
	var out []Record
	for _, s := range texts {
		t := s.text
		low := strings.ToLower(t)
		if !mayFollowUp(low) {
			continue
		}
		if firstPerson(t) {
			continue // "I will ask at the next meeting …": a notice of question or motion, quoted
		}
		if approvalFooter(low) {
			continue // "These minutes are subject to confirmation at the next meeting"
		}
		ws := m.wordsOf(t)
		if nextMeetingNotice(low) || comeBackVetoWords(m, ws) {
			continue // "Next regular meeting to be held May 5", "the meeting was adjourned at 9.10", a meeting behind
		}
		if (strings.Contains(low, "meeting") || strings.Contains(low, "minutes of")) && reNotFollow.MatchString(t) && !comesBack(strings.Split(t, "next meeting")[0]) {
			continue
		}
		// Every reading below needs something to come back to: a meeting,
		// the body, an agenda, a time, a carried phrase. The word reader
		// says so cheaply, before the patterns.
		score0, why0 := comeBackScoreWords(m, ws)
		if fromResolution && score0 > 0 && !hasFuture(ws) {
			score0 += 0.5 // a decision looks ahead: "that the Director report to Council in March"
		}
		if score0 == 0 && !strings.Contains(low, "continued") && !strings.Contains(low, "bring back") && !strings.Contains(low, "second reading") && !strings.Contains(low, "defer") {
			continue
		}
		timed := strings.Contains(low, "month") || strings.Contains(low, "week") || strings.Contains(low, "day")
		agenda := strings.Contains(low, "agenda") || strings.Contains(low, "deferred") || strings.Contains(low, "carried forward")
		later := func() bool { return reLaterDate.MatchString(t) }
		atMeeting := func() bool {
			return strings.Contains(low, "meeting") && (forward(t, reToMeeting) || forward(t, reBodyWillConsider))
		}
		score, why := 0.0, ""
		back := comesBack(t)
		if back && pastOnly(ws) {
			continue // "a written report which was added to the Board packet": done
		}
		// (Each reading is asked only when the ones before have not
		// settled it.)
		if !back && !(timed && reInTime.MatchString(t)) && !(agenda && reNextAgenda.MatchString(t)) && !later() && !atMeeting() {
			if score, why = score0, why0; score < comeBackKeep {
				continue
			}
		}
		if other := reOtherBody.FindStringSubmatch(t); other != nil && !sameBody(m.Committee, other[1]) && !strings.Contains(strings.ToLower(t), "this committee") && !comesBack(strings.Replace(t, other[0], "", 1)) {
			continue
		}
		rec := Record{Text: tidyRecordText(t), Line: s.no}
		if score > 0 && score < comeBackSure {
			rec.unsure(firstNonEmpty(why, "not sure it comes back to this body"))
		}
		resolveDue(m, &rec, t)
		out = append(out, rec)
	}
	return out
}

// dueInMonth makes a follow-up due back in month mo of year y: at the
// meeting the minutes know of in that month, else (provisionally) at the
// month's end. phrase names the meeting as the minutes do ("" for none).
func (m *Meeting) dueInMonth(rec *Record, y int, mo time.Month, phrase string) {
	if phrase != "" {
		rec.DueMeeting = phrase
	}
	rec.Target = MonthTarget(y, mo)
	rec.Due, rec.Provisional = EndOfMonth(y, mo), true
	if d, ok := m.knownMeetingIn(y, mo); ok {
		rec.Due, rec.Provisional = d, false
	}
}

// monthAhead is the year of the next month mo after the meeting's own.
func (m *Meeting) monthAhead(mo time.Month) int {
	if mo <= m.Date.Month {
		return m.Date.Year + 1
	}
	return m.Date.Year
}

// approvalFooter reports whether a sentence only says the minutes are a
// draft until the next meeting approves them: "DRAFT – to be approved at
// the next meeting", "Unconfirmed minutes – subject to approval …".
func approvalFooter(low string) bool {
	if !strings.Contains(low, "approv") && !strings.Contains(low, "confirm") {
		return false
	}
	low = strings.TrimSpace(low)
	return strings.Contains(low, "minutes") && (strings.Contains(low, "subject to") || strings.Contains(low, "until")) ||
		strings.HasPrefix(low, "draft") || strings.Contains(low, "draft until") ||
		strings.Contains(low, "unconfirmed")
}

// nextMeetingNotice reports whether a sentence only states when the next
// meeting is, or that this one closed: "Next Meeting Tuesday 12th
// November", "the next JPC meeting was scheduled to take place on 7 June",
// "Mayor Gilmore adjourned the meeting at 6:57 p.m."
func nextMeetingNotice(low string) bool {
	if strings.Contains(low, "adjourned the meeting") || strings.Contains(low, "meeting was adjourned") || strings.Contains(low, "meeting adjourned") || strings.Contains(low, "meeting be adjourned") || strings.Contains(low, "meeting closed") || strings.Contains(low, "meeting to a close") {
		return !strings.Contains(low, "defer") && !strings.Contains(low, "agenda")
	}
	i := strings.Index(low, "next")
	if i < 0 {
		return false
	}
	rest := low[i:]
	if !strings.HasPrefix(rest, "next meeting") && !strings.HasPrefix(rest, "next regular meeting") && !strings.HasPrefix(rest, "next ordinary meeting") &&
		!strings.Contains(rest[:min(len(rest), 40)], " meeting") {
		return false
	}
	for _, w := range splitWords(low[:i]) {
		if comeBackVerbs[w.low] || w.low == "agenda" || w.low == "defer" || w.low == "deferred" {
			return false // "… to be discussed at the next meeting, to be held on 5 May"
		}
	}
	for _, w := range []string{"will be held", "to be held", "is scheduled", "was scheduled", "will take place", "to take place", "is on ", "will be on", "is to be held"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	// "Next Meeting Tuesday, 12th November 2019": the phrase then a date.
	after := strings.TrimLeft(rest[strings.Index(rest, "meeting")+len("meeting"):], " :–-,")
	return len(findDates(after, false)) > 0 && strings.Index(after, findDatesFirst(after)) < 25 || monthOf(firstWord(after)) != 0 || isWeekday(firstWord(after))
}

func findDatesFirst(s string) string {
	if ds := findDates(s, false); len(ds) > 0 {
		return s[ds[0].Start:ds[0].End]
	}
	return "\x00"
}

func isWeekday(w string) bool {
	switch strings.Trim(strings.ToLower(w), ",.") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// firstPerson reports whether a sentence speaks as "I will …": quoted
// notices of questions and motions, not the minutes' own record.
func firstPerson(t string) bool {
	t = strings.TrimLeft(t, "*“\"' ")
	if strings.HasPrefix(t, "| will ") || strings.HasPrefix(t, "l will ") {
		return true // OCR's "I"
	}
	return strings.HasPrefix(t, "I will ") || strings.HasPrefix(t, "I would ") || strings.HasPrefix(t, "I shall ") ||
		strings.HasPrefix(t, "1 will ") || strings.HasPrefix(t, "! will ") || strings.Contains(t, " I will ask") || strings.Contains(t, " I will move")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

var reAgendaList = gated(`(?i)^(?:any\s+further\s+)?(?:reports?\s*/\s*)?items?\s+(?:for|to\s+be\s+included\s+on)\s+(?:the\s+)?(?:next|future)\s+(?:agenda|meeting)s?\b|^(?:future\s+agenda\s+items|items\s+for\s+future\s+agendas?|matters\s+for\s+(?:the\s+)?next\s+(?:agenda|meeting))`, "item", "matters")

// reAgendaListIn finds the same heading after a sentence, where a
// converter ran the list into the paragraph before it: "The next meeting
// is on 5 July. Items for the next meeting: • Footpaths • Play area".
var reAgendaListIn = gated(`(?i)(?:^|[.:]\s+)((?:any\s+further\s+)?items?\s+(?:for|to\s+be\s+included\s+on)\s+(?:the\s+)?(?:next|future)\s+(?:agenda|meeting)s?\s*[:\-–]\s*)\S`, "item")

// agendaItems reads a list of items for the next agenda: an item titled
// "Items for the next agenda", or such a line inside an item, and the
// lines or bullets under it. Each is a follow-up due at the next meeting.
func agendaItems(m *Meeting, it *rawItem) []Record {
	var out []Record
	ls := it.lines
	start := -1
	if reAgendaList.MatchString(strings.TrimSpace(it.title)) {
		start = 0
	}
	inline := ""
	for i := 0; i < len(ls) && start <= 0 && inline == ""; i++ {
		t := strings.TrimSpace(ls[i].Text)
		if mm := reAgendaListIn.FindStringSubmatchIndex(t); mm != nil && strings.Count(t[mm[3]:], "•") >= 2 {
			start, inline = i, t[mm[3]:] // "… 7:30pm. Items for the next meeting: • Footpath No. 1 • …"
		}
	}
	for i := 0; i < len(ls) && start < 0; i++ {
		if t := strings.TrimSpace(ls[i].Text); reAgendaList.MatchString(t) && len(t) < 80 {
			start = i + 1
			if rest := strings.TrimSpace(t[len(reAgendaList.FindString(t)):]); len(rest) > 3 {
				start = i // "Items for next agenda: play area, lights"
			}
		}
	}
	if start < 0 {
		return nil
	}
	for i := start; i < len(ls) && len(out) < 20; i++ {
		t := strings.TrimSpace(ls[i].Text)
		if i == start && inline != "" {
			t = inline
		} else if i == start && reAgendaList.MatchString(t) {
			t = strings.TrimSpace(strings.TrimLeft(t[len(reAgendaList.FindString(t)):], " :-–"))
		}
		if t == "" {
			if len(out) > 0 {
				break
			}
			continue
		}
		tok := ls[i].tk()
		if tok.Marker || len(t) > 160 || tok.IsLabel || strings.HasPrefix(strings.ToLower(t), "date of") || strings.HasPrefix(strings.ToLower(t), "the next meeting") {
			break
		}
		for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == '•' }) {
			part = strings.TrimSpace(part)
			if strings.HasPrefix(part, "- ") || strings.HasPrefix(part, "– ") || strings.HasPrefix(part, "* ") {
				part = strings.TrimSpace(part[strings.IndexByte(part, ' '):])
			}
			if part = strings.TrimSpace(strings.TrimRight(part, ".,")); len(part) > 2 {
				rec := Record{Text: tidyRecordText(part), Line: ls[i].No, DueMeeting: "the next meeting", Target: NextTarget(), Due: m.NextMeeting}
				out = append(out, rec)
			}
		}
	}
	return out
}

// mayFollowUp is a cheap test that a sentence could be a follow-up.
func mayFollowUp(low string) bool { return followUpStems.in(low) }

var followUpStems = newAnyOf("meeting", "second reading", "continued to", "defer", "submitted", "brought", "presented", "reported", "return", "back", "considered", "provided", "tabled", "given", "circulated", "month", "week", "days", "agenda", "committee", "board", "panel", "council", "cabinet", "informed", "follow", "future", "further", "held over", "forward", "year")

// sameBody reports whether a body named in the text is this committee.
func sameBody(committee, named string) bool {
	named = strings.ToLower(strings.TrimSpace(named))
	c := strings.ToLower(committee)
	switch named {
	case "committee", "board", "panel", "sub-committee", "forum":
		return true
	case "council", "full council":
		return strings.Contains(c, "council") && !strings.Contains(c, "committee")
	case "cabinet":
		return strings.Contains(c, "cabinet")
	}
	return strings.Contains(c, named) || strings.Contains(named, c)
}

// resolveDue works out when a follow-up is due from its wording and the
// meeting's date.
func resolveDue(m *Meeting, rec *Record, t string) {
	if mm := reDueMonth.FindStringSubmatch(t); mm != nil {
		mon, yr := mm[1], mm[2]
		if mon == "" {
			mon, yr = mm[3], mm[4]
		}
		y, mo := atoiSafe(yr), monthOf(mon)
		rec.DueMeeting = strings.TrimSpace(meetingPhrase(t, mm[0]))
		rec.Target = MonthTarget(y, mo)
		if d, ok := m.knownMeetingIn(y, mo); ok {
			rec.Due = d
			return
		}
		rec.Due, rec.Provisional = EndOfMonth(y, mo), true
		return
	}
	if mm := reInMonthYear.FindStringSubmatch(t); mm != nil {
		// "reported to the Committee in March 2024"
		m.dueInMonth(rec, atoiSafe(mm[2]), monthOf(mm[1]), strings.TrimSpace(mm[0]))
		return
	}
	if mm := reDueMonthNoYear.FindStringSubmatch(t); mm != nil && !m.Date.IsZero() {
		mo := monthOf(mm[1])
		m.dueInMonth(rec, m.monthAhead(mo), mo, meetingPhrase(t, mm[0]))
		return
	}
	if mm := reInMonthNoYear.FindStringSubmatch(t); mm != nil && mm[3] == "" && !m.Date.IsZero() {
		// "to Council in June", "at its meeting in May": the next such
		// month after this meeting.
		mo, phrase := monthOf(mm[2]), ""
		if mm[1] != "" {
			phrase = strings.TrimSpace(mm[0])
		}
		m.dueInMonth(rec, m.monthAhead(mo), mo, phrase)
		return
	}
	if mm := reDueInN.FindStringSubmatch(t); mm != nil && !m.Date.IsZero() {
		if n, ok := countWord(mm[1]); ok {
			unit := strings.ToLower(mm[2])
			switch {
			case strings.HasPrefix(unit, "month"):
				rec.Due, rec.Target = m.Date.AddMonths(n), OffsetTarget(n, Months)
			case strings.HasPrefix(unit, "week"):
				rec.Due, rec.Target = m.Date.AddDays(7*n), OffsetTarget(n, Weeks)
			case strings.HasPrefix(unit, "working"):
				rec.Due, rec.Target = m.Date.AddWorkingDays(n), OffsetTarget(n, WorkingDays)
			default:
				rec.Due, rec.Target = m.Date.AddDays(n), OffsetTarget(n, Days)
			}
			return
		}
	}
	if reDueNext.MatchString(t) || reNextAgenda.MatchString(t) {
		rec.DueMeeting = "the next meeting"
		rec.Target = NextTarget()
		rec.Due = m.NextMeeting
		return
	}
	if ds := findDates(t, false); len(ds) > 0 && !m.Date.IsZero() && ds[0].Date.After(m.Date) {
		rec.Due, rec.Target = ds[0].Date, DateTarget()
		return
	}
	if loc := reLaterDate.FindStringIndex(t); loc != nil && !m.Date.IsZero() {
		if d, ok := looseDate(t[loc[0]:], m.Date); ok {
			rec.Due, rec.Target = d, DateTarget()
			return
		}
	}
	// "the Council meeting on 1-15-96", "to the meeting on 9th January":
	// a date with no year, or a US dash date, after the meeting it names.
	if i := strings.Index(strings.ToLower(t), "meeting"); i >= 0 && !m.Date.IsZero() {
		if d, ok := looseDate(t[i:], m.Date); ok {
			rec.Due, rec.Target = d, DateTarget()
			return
		}
		if ds := findYearless(t[i:], m.Date); len(ds) > 0 {
			rec.Due, rec.Target = ds[0].Date, DateTarget()
		}
	}
}

// meetingPhrase returns the words naming the target meeting:
// "the June 2022 meeting of the Committee".
func meetingPhrase(t, core string) string {
	i := strings.Index(t, core)
	if i < 0 {
		return core
	}
	end := i + len(core)
	rest := t[end:]
	if strings.HasPrefix(rest, " of the ") {
		words := strings.Fields(rest)
		n := 2
		for n < len(words) && n < 5 && startsUpper(words[n]) {
			n++
		}
		if n > 2 {
			end += len(" " + strings.Join(words[:n], " "))
		}
	}
	return strings.TrimRight(t[i:end], ".,;")
}

// dedupeFollowUps keeps one follow-up per thing: when a resolution and the
// narrative both send the same matter back, the resolution's is kept.
func dedupeFollowUps(fromRes, narrative []Record) []Record {
	out := append([]Record(nil), fromRes...)
	for _, n := range narrative {
		dup := false
		for _, r := range fromRes {
			if n.Due.IsZero() || r.Due.IsZero() || absDays(n.Due, r.Due) <= 45 {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, n)
		}
	}
	return dedupeRecords(out)
}

func absDays(a, b Date) int {
	d := int(a.Time().Sub(b.Time()).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// comesBackStems are the words one of which every "comes back" phrase
// names as its destination.
var comesBackStems = newAnyOf("meeting", "committee", "board", "panel", "cabinet", "council", "forum", "partnership")

// comesBack reports whether t sends a report, update or item back to a
// meeting of this body (reComeBack), after a cheap test for the words the
// pattern needs.
func comesBack(t string) bool {
	low := strings.ToLower(t)
	if !comesBackStems.in(low) || !(strings.Contains(low, " to ") || strings.Contains(low, " at ") || strings.Contains(low, " before ")) {
		return false
	}
	if !strings.Contains(t, "ſ") && !(comeBackSubjects.in(low) && comeBackHows.in(low)) {
		return false // (a long s folds to "s" in the pattern, not in low)
	}
	return reComeBack.MatchString(t)
}

// comeBackSubjects and comeBackHows are the stems one of each of which
// reComeBack needs: what comes back ("report", "update", "plan" …) and how
// ("submitted", "brought", "back" …).
var (
	comeBackSubjects = newAnyOf("report", "update", "briefing", "paper", "review", "item", "plan", "progress", "details",
		"information", "proposal", "strategy", "findings", "result", "outcome", "option", "evaluation", "assessment", "analysis")
	comeBackHows = newAnyOf("submitted", "brought", "presented", "reported", "returned", "come", "coming", "came", "back",
		"considered", "provided", "tabled", "given", "circulated", "added", "included", "placed", "put", "listed")
)

var (
	reDashDate = regexp.MustCompile(`\b(\d{1,2})-(\d{1,2})-(\d{2}|\d{4})\b`)
	reMonthDay = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
)

// looseDate reads the dates US minutes give a deferral: "1-15-96" (month
// first) or "January 15" (the next such day after the meeting).
func looseDate(s string, meeting Date) (Date, bool) {
	if m := reDashDate.FindStringSubmatch(s); m != nil {
		mo, d, y := atoiSafe(m[1]), atoiSafe(m[2]), atoiSafe(m[3])
		if y < 100 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
		if v, ok := validDate(y, time.Month(mo), d); ok && v.After(meeting) {
			return v, true
		}
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		mo, d := monthOf(m[1]), atoiSafe(m[2])
		for y := meeting.Year; y <= meeting.Year+1; y++ {
			if v, ok := validDate(y, mo, d); ok && v.After(meeting) {
				return v, true
			}
		}
	}
	return Date{}, false
}

// knownMeetingIn returns the committee's meeting in month mo of year y
// when the minutes name it: the next meeting, or a list of future dates.
func (m *Meeting) knownMeetingIn(y int, mo time.Month) (Date, bool) {
	for _, d := range append([]Date{m.NextMeeting}, m.futureMeetings...) {
		if !d.IsZero() && d.Year == y && d.Month == mo {
			return d, true
		}
	}
	return Date{}, false
}

var rePastTense = regexp.MustCompile(`(?i)\b(?:were|was|had|has\s+been|have\s+been)\b`)

// forward reports whether re matches t in words that look ahead: "reports
// were expected at the November meeting" is history, not a follow-up.
func forward(t string, re *regexp.Regexp) bool {
	loc := re.FindStringIndex(t)
	return loc != nil && !rePastTense.MatchString(t[loc[0]:loc[1]])
}
