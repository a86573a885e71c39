package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Stage 2: the header — council, committee, meeting date and times.

var (
	reCouncil     = regexp.MustCompile(`(?i)\b((?:(?:london\s+)?borough\s+of\s+|city\s+of\s+|county\s+of\s+|township\s+of\s+|town\s+of\s+|village\s+of\s+|municipality\s+of\s+|shire\s+of\s+)\pL[\pL\pN_'’-]+(?:\s+\pL[\pL\pN_'’-]+){0,3}(?:\s+(?:city|county|borough|district|town|parish|community|regional|shire)\s+council)?|\pL[\pL\pN_'’-]+(?:(?:\s+and|\s+&)?\s+\pL[\pL\pN_'’-]+){0,4}\s+(?:city\s+and\s+county|county|borough|district|town|parish|community|city|regional|shire|metropolitan\s+borough|unitary)?\s*council)\b`)
	reMinutesOf   = regexp.MustCompile(`(?i)\bminutes\s+of\s+(?:the\s+|a\s+)?(?:proceedings\s+(?:at|of)\s+(?:the\s+)?)?(?:(?:special|extraordinary|ordinary|regular|monthly|annual|virtual|remote|adjourned|reconvened)\s+)*(?:(?:meeting|session)s?\s+(?:of\s+(?:the\s+)?)?)?(.+?)(?:\s+held\b|\s+at\b|\s+on\b|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\s+\d|,|\.|$)`)
	reMeetingOf   = regexp.MustCompile(`(?i)^(?:a\s+)?(?:(?:special|extraordinary|ordinary|regular|monthly|annual|virtual|remote)\s+)*meeting\s+of\s+(?:the\s+)?(.+?)(?:\s+(?:was\s+)?held\b|\s+on\b|,|$)`)
	reBodyWord    = regexp.MustCompile(`(?i)\b(committee|sub-committee|board|panel|cabinet|council|forum|commission|executive|group|assembly|authority|partnership|district)\b`)
	reTitleNoise  = regexp.MustCompile(`(?i)^(minutes|summary|draft|public|confidential|agenda|record of decisions|decisions)\b`)
	reHeldOn      = regexp.MustCompile(`(?i)\b(held|meeting|minutes|on|date)\b`)
	rePrevMinutes = regexp.MustCompile(`(?i)(minutes of|previous|last meeting|meeting held on|next meeting|adopted|approved)\W*$`)
	reStart       = gated(`(?i)(?:commenced|began|started|opened|open|called\s+to\s+order|convened|start(?:ed)?|meeting\s+commenced)\s+(?:at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs)?)`, "commenc", "began", "start", "open", "order", "conven")
	reEnd         = regexp.MustCompile(`(?i)(?:closed|ended|concluded|adjourn(?:ed)?|terminated|finished|close)\s+(?:at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs)?)`)
	reEndBefore   = regexp.MustCompile(`(?i)\bat\s+(\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?)?),?\s+(?:the\s+)?(?:council|meeting|committee|board|panel|chair)\s+(?:was\s+)?(?:adjourned|closed|ended|concluded)`)
	reNotCouncil  = regexp.MustCompile(`\b(?:meeting|held|committee|minutes|proceedings|in\s+the|of\s+the\s+council|board|panel)\b`)
	reHeaderTime  = regexp.MustCompile(`(?i)\b(?:at\s+)?(\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?)|\d{1,2}\s*[ap]\.?m\.?)`)
)

// readHeader fills in the meeting's council, committee, date and times
// from the lines before the first item, falling back to the whole text.
func readHeader(m *Meeting, lines []line, head int, all string) {
	top := head
	if top > 60 {
		top = 60
	}
	if top < 12 && len(lines) > 12 {
		top = 12
	}
	if top > len(lines) {
		top = len(lines)
	}
	title := withoutLinkMarks(lines[:top])
	m.Committee = findCommittee(title, head)
	m.Council = findCouncil(title, m.Committee)
	// "City of Carrow Planning Board": the authority and its board.
	if place, body, ok := authorityAndBody(m.Committee); ok {
		if m.Council == "" || strings.EqualFold(m.Council, m.Committee) {
			m.Council = place
		}
		m.Committee = body
	} else if place, body, ok := authorityAndBody(m.Council); ok && m.Committee == "" {
		m.Council, m.Committee = place, body // "CITY OF CARROW FALLS CITY COUNCIL" alone
	}
	if m.Council == "" {
		for i, l := range lines[:top] {
			if i > 12 {
				break
			}
			if a := authorityName(l.Text); a != "" && !strings.EqualFold(a, m.Committee) {
				m.Council = a
				break
			}
		}
	}

	// A meeting of the full council: "Eastbrook City Council" is both the
	// council and the body that met. Record IDs keep the short form
	// ("City Council", "Council") they have always had.
	if mm := reWholeCouncil.FindStringSubmatch(m.Committee); mm != nil && (mm[1] == "" && len(strings.Fields(m.Committee)) >= 2 && !councilTypes[strings.ToLower(strings.Fields(m.Committee)[0])] || mm[1] != "" && len(strings.Fields(m.Committee)) >= 3) {
		if m.Council == "" {
			m.Council = m.Committee
		}
		m.idBody = strings.TrimSpace(titleCase(mm[1] + " Council"))
		if !strings.Contains(strings.ToLower(m.Council), " of ") {
			m.Committee = m.Council // "Westhaven City Council" stays itself beside "City of Westhaven"
		}
	}
	// A meeting of the council itself: "MINUTES OF THE ORDINARY MEETING
	// OF COUNCIL" under "SHIRE OF MALLEE DOWNS". Record IDs keep the
	// short form they have always had.
	if m.Council != "" && genericCouncil(m.Committee) {
		if m.idBody == "" {
			m.idBody = m.Committee
		}
		m.Committee = m.Council
	}
	if m.Committee == "" && m.Council != "" {
		m.idBody = "Council"
		if strings.Contains(strings.ToLower(m.Council), "city council") {
			m.idBody = "City Council"
		}
		m.Committee = m.Council
	}
	if m.Council == "" {
		// No heading names the council, but the text (its page headers
		// too) does, again and again: "That Tararua Regional Council: …", "Carrow City
		// and County Council will …". Said with a warning: it is read,
		// not printed as the minutes' title.
		if c := mentionedCouncil(textLines(all), m.Committee); c != "" {
			m.Council = c
			m.warn(0, "council "+c+" read from the text: no heading names it")
		}
	}
	var why string
	m.Date, why = findMeetingDate(lines[:top], lines, m.Source.Name)
	if why != "" {
		m.warn(0, why)
	}
	m.Start, m.End = findTimes(lines, top, m.Date)
}

// openedStems and closedStems are cheap tests for the words that open
// and close a meeting, before the patterns.
var (
	openedStems = newFoldAnyOf("order", "conven", "open", "commenc", "start", "began")
	closedStems = newFoldAnyOf("close", "adjourn", "ended", "concluded", "terminated", "finished", "rose")
)

// councilCues are what a line naming a council holds: "Council" or the
// " of " of "City of …" (authorityOf), found in one pass.
var councilCues = newAnyOf("ouncil", "OUNCIL", " of ", " OF ")

// textLines are the lines of the whole text, running headers and footers
// still in: a page header naming the council is evidence of it too.
func textLines(all string) []line {
	ts := strings.Split(all, "\n")
	out := make([]line, 0, len(ts))
	for i, t := range ts {
		out = append(out, line{Text: t, No: i + 1})
	}
	return out
}

var (
	// Where minutes say the meeting began: "called the meeting to order
	// at 7:00 p.m.", "convened the meeting at 7:06 p.m.", "declared the
	// meeting open at 9.00am", "commencing at 9.30am".
	reOpening = gated(`(?i)\b(?:called\b[^.;]{0,60}?\bto\s+order|convened\b|declared\s+the\s+meeting\s+open|opened\s+the\s+meeting|(?:meeting|session)\s+(?:was\s+)?(?:commenced|began|opened|started|open)|commencing|commenced\s+at|time\s+of\s+commencement)`, "order", "conven", "open", "commenc", "began", "start")
	// Where they say it ended: "The meeting closed at 8.42 pm", "adjourned
	// the meeting at 8:18 p.m.", "brought the meeting to a close at 8.35pm",
	// "That the meeting be adjourned. Time: 8:23 p.m.".
	reClosing = regexp.MustCompile(`(?i)\b(?:closed|ended|concluded|adjourn(?:ed|s)?|terminated|finished|to\s+a\s+close|closure|rose)\b`)
	// "Time: 10.15am", "Time of meeting: 7.30pm".
	reTimeLabel = regexp.MustCompile(`(?i)^(?:time|time\s+of\s+meeting|start\s+time|meeting\s+time)\s*:\s*(.{0,40})$`)
	// "2.00 pm – 4.10 pm": the meeting's span in the header.
	reTimeSpan = regexp.MustCompile(`(?i)\b(\d{1,2}[.:]\d{2}\s*[ap]\.?\s?m\.?|\d{1,2}\s*[ap]\.?\s?m\.?)\s*(?:[-–—]|to|until)\s*(\d{1,2}[.:]\d{2}\s*[ap]\.?\s?m\.?|\d{1,2}\s*[ap]\.?\s?m\.?)`)
	// "6. 55pm": a space in a time after its point.
	reSpacedTime = regexp.MustCompile(`(?i)\b(\d{1,2})\.\s(\d{2})\s*([ap]\.?\s?m)`)
)

// clockAfter is the first time of day in s: "7:00 p.m.", "19.30",
// "8pm" (a bare number is not a time).
func clockAfter(s string) (string, bool) {
	if strings.Contains(s, ". ") {
		s = reSpacedTime.ReplaceAllString(s, "$1.$2$3")
	}
	for _, loc := range reTime.FindAllStringIndex(s, 4) {
		if c, ok := parseClock(s[loc[0]:loc[1]]); ok {
			// "12.05.2025" is a date, not five past twelve.
			if loc[1] < len(s) && (s[loc[1]] == '.' || s[loc[1]] == '/') && loc[1]+1 < len(s) && s[loc[1]+1] >= '0' && s[loc[1]+1] <= '9' {
				continue
			}
			return c, true
		}
	}
	return "", false
}

// findTimes reads when the meeting started and ended. The start is the
// call to order when the minutes record it (the header gives the
// advertised time), else the time the header gives with the meeting's
// date, a "Time:" label or the header's span ("2.00 pm – 4.10 pm"). The
// end is the latest closing the last part of the minutes records — a
// meeting adjourned into a closed session ends when that session closes.
func findTimes(lines []line, top int, date Date) (start, end string) {
	spanEnd := ""
	// The call to order, early in the minutes.
	limit := min(len(lines), max(top+80, len(lines)/3))
	for i, l := range lines[:limit] {
		t := l.Text
		if !openedStems.lowerIn(t) {
			continue
		}
		if loc := reOpening.FindStringIndex(t); loc != nil {
			rest := firstN(t[loc[1]:], 90)
			if len(rest) < 40 && i+1 < limit {
				rest += " " + firstN(lines[i+1].Text, 40) // "… to order at" / "7:00 p.m."
			}
			if c, ok := clockAfter(rest); ok {
				start = c
				break
			}
		}
	}
	if start == "" {
		for i, l := range lines[:top] {
			t := l.Text
			if mm := reTimeLabel.FindStringSubmatch(t); mm != nil {
				rest := mm[1]
				if strings.TrimSpace(rest) == "" && i+1 < top {
					rest = lines[i+1].Text
				}
				if c, ok := clockAfter(rest); ok {
					start = c
					break
				}
			}
		}
	}
	if start == "" {
		for _, l := range lines[:top] {
			if mm := reTimeSpan.FindStringSubmatch(l.Text); mm != nil && len(findDates(l.Text, false)) > 0 {
				start, _ = parseClock(mm[1])
				spanEnd, _ = parseClock(mm[2])
				break
			}
		}
	}
	if start == "" {
		for i, l := range lines[:top] {
			t := l.Text
			next := ""
			if i+1 < top {
				next = lines[i+1].Text
			}
			ds := findDates(t, false)
			if len(ds) == 0 || ds[0].Date != date {
				// "ON Thursday, 28" / "February 2019 AT 9.00am".
				if next == "" {
					continue
				}
				t, next = t+" "+next, ""
				if ds = findDates(t, false); len(ds) == 0 || ds[0].Date != date {
					continue
				}
			}
			// "… on Tuesday 12 May 2015 at 9.00 a.m.", or the time first:
			// "MINUTES OF MEETING 8pm WEDNESDAY 19 NOVEMBER 2008", or on the
			// line below: "… held on Monday 10 March 2025" / "at 7.00pm in …".
			if mm := reHeaderTime.FindStringSubmatch(t[ds[0].End:]); mm != nil {
				start, _ = parseClock(mm[1])
				break
			}
			if mm := reHeaderTime.FindStringSubmatch(t[:ds[0].Start]); mm != nil {
				start, _ = parseClock(mm[1])
				break
			}
			if low := strings.ToLower(next); strings.HasPrefix(low, "at ") || strings.HasPrefix(low, "commencing") || strings.HasPrefix(low, "time") {
				if mm := reHeaderTime.FindStringSubmatch(firstN(next, 40)); mm != nil {
					start, _ = parseClock(mm[1])
					break
				}
			}
		}
	}
	if start == "" {
		for _, l := range lines[:top] {
			if mm := reStart.FindStringSubmatch(l.Text); mm != nil {
				start, _ = parseClock(mm[1])
				break
			}
		}
	}
	// The closing, in the last part of the minutes ("(Note: The meeting,
	// having commenced at 7.00 pm, closed at 9.16 pm)" may give both).
	from := max(min(len(lines)*2/3, len(lines)-40), len(lines)-400, 0)
	if start == "" {
		for _, l := range lines[from:] {
			if loc := reOpening.FindStringIndex(l.Text); loc != nil {
				if c, ok := clockAfter(firstN(l.Text[loc[1]:], 90)); ok {
					start = c
					break
				}
			}
		}
	}
	for i := len(lines) - 1; i >= from; i-- {
		t := lines[i].Text
		if !closedStems.lowerIn(t) {
			continue
		}
		var c string
		if mm := reEndBefore.FindStringSubmatch(t); mm != nil {
			c, _ = parseClock(mm[1])
		} else if loc := reClosing.FindStringIndex(t); loc != nil {
			c, _ = clockAfter(firstN(t[loc[1]:], 90))
			if c == "" && i+1 < len(lines) && len(t)-loc[1] < 30 {
				c, _ = clockAfter(firstN(lines[i+1].Text, 40)) // "closed at" / "9.05pm"
			}
		}
		if c == "" {
			continue
		}
		c = afterStart(start, c)
		if c > end && (start == "" || c > start) {
			end = c
		}
	}
	if end == "" {
		end = spanEnd
	}
	if end == "" && start != "" {
		// "The meeting commenced at 2.00 pm and ended at 4.10 pm." early on.
		for _, l := range lines[:limit] {
			if loc := reOpening.FindStringIndex(l.Text); loc != nil {
				rest := l.Text[loc[1]:]
				if c := reClosing.FindStringIndex(rest); c != nil {
					if e, ok := clockAfter(firstN(rest[c[1]:], 60)); ok {
						end = e
						break
					}
				}
			}
		}
	}
	return start, afterStart(start, end)
}

var reNextMeeting = regexp.MustCompile(`(?i)\bnext\s+(?:[\pL'’]+\s+){0,2}?(?:meeting|session)\b|\bmeet\s+again\b|\bdate\s+of\s+(?:the\s+)?next\b`)

// findNextMeeting reads the next meeting's date: an item about it, or a
// sentence that states it ("The next meeting will be held on …", "Next
// regular meeting: July 8, 2024", "… to meet again on October 22").
func findNextMeeting(m *Meeting, items []*rawItem, lines []line) Date {
	after := func(d Date) bool { return m.Date.IsZero() || d.After(m.Date) }
	for _, it := range items {
		if !lowerHas(it.title, "next meeting") && !lowerHas(it.title, "future meeting") && !lowerHas(it.title, "date of next") && !reNextMeeting.MatchString(it.title) {
			continue
		}
		text := it.title + " " + joinText(it.lines)
		for _, d := range append(findDates(text, false), findYearless(text, m.Date)...) {
			if after(d.Date) {
				return d.Date
			}
		}
	}
	// Sentences that state it: the last one counts ("… was scheduled for
	// 7th June. … the next meeting would take place instead on 26th
	// April").
	var last Date
	for i, l := range lines {
		low := strings.ToLower(l.Text)
		if !strings.Contains(low, "next") && !strings.Contains(low, "again") {
			continue
		}
		loc := reNextMeeting.FindStringIndex(l.Text)
		if loc == nil || strings.HasSuffix(strings.TrimSpace(low[:loc[0]]), "their") {
			continue // "at their next meeting": another body's
		}
		t := l.Text[loc[0]:]
		if len(t) < 60 && i+1 < len(lines) {
			t += " " + firstN(lines[i+1].Text, 80) // "… is scheduled for" / "Thursday, February 20, 2025"
		}
		if len(l.Text) < 80 {
			// "Tuesday, 6 August 2019 (next Māori Committee Meeting)."
			t += " " + l.Text[:loc[0]]
		}
		for _, d := range append(findDates(t, false), findYearless(t, m.Date)...) {
			if after(d.Date) {
				last = d.Date
				break
			}
		}
	}
	return last
}

// afterStart puts an end time printed without am/pm after the start: a
// meeting that began at 19:30 and "closed at 8.32" closed at 20:32.
func afterStart(start, end string) string {
	if len(start) != 5 || len(end) != 5 || end >= start {
		return end
	}
	h := atoiSafe(end[:2])
	if h >= 12 {
		return end
	}
	later := pad2(h+12) + end[2:]
	if later > start {
		return later
	}
	return end
}

// findCommittee reads the body's name from the header lines.
func findCommittee(lines []line, head int) string {
	// "MINUTES OF PROCEEDINGS AT MONTHLY MEETING OF THE METROPOLITAN
	// DISTRICT OF" / "LIMERICK HELD IN …": the phrase wraps.
	var joined strings.Builder
	for _, l := range lines {
		if len(joined.String()) > 600 {
			break
		}
		joined.WriteString(l.Text + " ")
	}
	if m := reMinutesOf.FindStringSubmatch(joined.String()); m != nil {
		if name := tidyBody(m[1]); validBody(name) && plausibleBody(name) {
			return name
		}
	}
	for _, l := range lines {
		if m := reMinutesOf.FindStringSubmatch(l.Text); m != nil {
			if name := tidyBody(m[1]); validBody(name) && plausibleBody(name) {
				return name
			}
		}
	}

	for i, l := range lines {
		if i >= head && head > 0 {
			break // "Meeting of Resilience Forum on 22nd April" in an item
		}
		if startsLower(l.Text) {
			continue // "…The next / meeting of the Council will be held …": a sentence run on
		}
		if m := reMeetingOf.FindStringSubmatch(l.Text); m != nil {
			if name := tidyBody(m[1]); name != "" && reBodyWord.MatchString(name) && len(name) < 90 && plausibleBody(name) {
				return name
			}
		}
	}
	// "REGULAR MEETING OF THE" / "CITY OF ALAMEDA PLANNING BOARD": the
	// phrase wraps.
	for i := 0; i+1 < len(lines) && i < 12; i++ {
		if lines[i].Text == "" || startsLower(lines[i].Text) || !strings.HasSuffix(strings.ToLower(strings.TrimSpace(lines[i].Text)), " of the") && !strings.HasSuffix(strings.ToLower(strings.TrimSpace(lines[i].Text)), " of") {
			continue
		}
		if m := reMeetingOf.FindStringSubmatch(lines[i].Text + " " + lines[i+1].Text); m != nil {
			if name := tidyBody(m[1]); name != "" && reBodyWord.MatchString(name) && len(name) < 90 && plausibleBody(name) {
				return name
			}
		}
	}
	// ModernGov: "Environment Scrutiny Committee - Tuesday, 15th
	// September, 2026 7.00 pm".
	// A running header: "Wexbridge Borough Council – Environment and
	// Community Safety Scrutiny Committee – 28 April 2026".
	for _, l := range lines {
		parts := reDashSep.Split(l.Text, -1)
		if len(parts) < 2 || len(findDates(parts[len(parts)-1], false)) == 0 {
			continue
		}
		for _, p := range parts[:len(parts)-1] {
			if c := reCouncil.FindString(p); c != "" && len(c) >= len(strings.TrimSpace(p))-1 {
				continue // the council's own name
			}
			if name := tidyBody(p); validBody(name) && plausibleBody(name) {
				return name
			}
		}
	}
	// "MINUTES" / "Audit Committee": the body under the document's name.
	for i := 0; i+1 < len(lines) && i < 40; i++ {
		if !reMinutesWord.MatchString(lines[i].Text) {
			continue
		}
		for j := i + 1; j < len(lines) && j < i+3; j++ {
			if t := lines[j].Text; t != "" {
				if name := tidyBody(t); validBody(name) && plausibleBody(name) && len(findDates(t, false)) == 0 && !isLabel(t) && authorityName(t) == "" {
					return name
				}
				break
			}
		}
	}
	// A title block: "Overview and Scrutiny" / "Committee" / "Minutes",
	// or "KENT COUNTY COUNCIL" / "CABINET". Lines that name the council
	// itself are not the committee.
	var title []string
	for i, l := range lines {
		t := l.Text
		if i > 14 || isLabel(t) || len(t) > 80 {
			break
		}
		if t == "" {
			continue
		}
		if len(findDates(t, false)) > 0 || (endsSentence(t) && !strings.HasSuffix(t, ":")) {
			if len(title) > 0 {
				break
			}
			continue
		}
		if reTitleNoise.MatchString(t) {
			if len(title) > 0 && reBodyWord.MatchString(strings.Join(title, " ")) || len(strings.Fields(t)) > 3 {
				break // the title ends where "Minutes of the meeting held …" begins
			}
			continue
		}
		if c := reCouncil.FindString(t); c != "" && len(c) >= len(t)-1 || authorityName(t) != "" {
			continue // the council's own name
		}
		title = append(title, t)
		if len(title) == 3 {
			break
		}
	}
	if len(title) > 0 {
		name := tidyBody(strings.Join(title, " "))
		if reBodyWord.MatchString(name) && len(name) < 90 && plausibleBody(name) {
			return name
		}
	}
	for _, l := range lines {
		t := l.Text
		if len(t) < 70 && !isLabel(t) && !l.tk().IsLabel && !endsSentence(t) && reBodyWord.MatchString(t) && headingQuality(t) >= 0.9 && reCouncil.FindString(t) != t && authorityName(t) == "" {
			if name := tidyBody(t); plausibleBody(name) {
				return name
			}
		}
	}
	return ""
}

var (
	// An authority's own name on a line of its own: "SHIRE OF MALLEE
	// DOWNS", "THE CORPORATION OF THE TOWNSHIP OF NORTH ARDELL", "BRENNAN
	// TOWNSHIP", "CLEARBROOK VALLEY WATER DISTRICT", "Regional
	// Transportation District".
	reAuthority = regexp.MustCompile(`(?i)^(?:the\s+)?(?:corporation\s+of\s+(?:the\s+)?)?((?:city|town|township|village|county|borough|shire|municipality|district|parish|state|city\s+and\s+county)\s+of\s+[\pL'’.\- ]{2,40}|[\pL'’.&\- ]{2,50}\s+(?:township|water\s+district|fire\s+district|fire\s+protection\s+district|transportation\s+district|transit\s+district|sanitation\s+district|school\s+district|regional\s+district|utility\s+district|shire|borough|county|municipality|authority))$`)
	reBodyNoun  = regexp.MustCompile(`(?i)\b(?:committee|sub-committee|board|panel|cabinet|commission|forum|group|assembly|partnership|minutes|meeting|agenda|trustees|directors)\b`)
	// "City of Carrow Planning Board": the authority, then its body.
	reAuthorityBody = regexp.MustCompile(`^((?i:city|town|township|village|county|borough|shire|municipality)\s+(?i:of)\s+(?:[A-Z][\pL'’.-]*\s+){1,3}?)((?:[A-Z][\pL'’.-]*\s+){0,4}(?i:board|committee|commission|panel|council|authority|trust)s?)$`)
)

// authorityName is the authority a line names on its own, title-cased,
// or "".
func authorityName(t string) string {
	t = strings.TrimSpace(strings.Trim(t, "*#_ "))
	if len(t) > 80 || t == "" || reBodyNoun.MatchString(t) || len(findDates(t, false)) > 0 || endsWithAny(t, ".:;,") {
		return ""
	}
	m := reAuthority.FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1])
	if strings.ToUpper(name) == name {
		name = titleCase(name)
	}
	return name
}

// genericCouncil reports whether a body's name is only a kind of council
// ("Council", "Parish Council", "Ordinary Council", "Full Council"): the
// meeting is the council's own, and its name is the council's.
func genericCouncil(name string) bool {
	low := strings.ToLower(strings.TrimSpace(name))
	ws := strings.Fields(low)
	if len(ws) == 0 || ws[len(ws)-1] != "council" {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if !councilTypes[w] && !meetingKinds[w] && w != "full" && w != "the" {
			return false
		}
	}
	return true
}

// meetingKinds are the words that say what kind of meeting it was.
var meetingKinds = map[string]bool{"ordinary": true, "special": true, "extraordinary": true, "annual": true, "regular": true,
	"monthly": true, "adjourned": true, "statutory": true, "budget": true, "emergency": true, "reconvened": true}

// tidyBody trims and title-cases a body's name.
var reWholeCouncil = regexp.MustCompile(`(?i)^[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3}?\s+(city|town|county|parish|community|district|borough|shire|township|village|regional|metropolitan borough|city and county)?\s*council$`)

var councilTypes = map[string]bool{"city": true, "town": true, "county": true, "parish": true, "community": true, "district": true, "borough": true, "shire": true, "township": true, "village": true, "regional": true, "metropolitan": true}

var (
	reDashSep  = regexp.MustCompile(`\s+[-–—]\s+`)
	reNotABody = regexp.MustCompile(`(?i)^(?:held|at|in|on|of|the\s+meeting)\b|\b(?:chamber|hall|room|offices|held)\b`)
)

// plausibleBody reports whether a name read as the body's could be one:
// a name, not a sentence run into the heading ("Council will be held at
// the Village Hall", OCR's "he1d" too), a list of who attended ("Jo Bell
// Cllr Ann Ray (West Ward)") or a link's footnote marker. A name that is
// not is left unread (the header says so) rather than shown as garbage.
func plausibleBody(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > 12 || strings.ContainsAny(name, "[]{}|") {
		return false
	}
	for _, w := range ws {
		low := ocrLetters(strings.ToLower(strings.Trim(w, ",.;:()'’\"")))
		if sentenceVerbs[low] || personTitles[low] && !strings.HasSuffix(low, "s") {
			return false
		}
	}
	return true
}

// sentenceVerbs are the verbs that make a line a sentence rather than a
// name: a body's name has none of them.
var sentenceVerbs = wordSet("will", "would", "shall", "should", "was", "were", "is", "are", "been", "being", "be", "held", "took", "met", "has", "had")

// validBody reports whether name reads as the name of a council body.
func validBody(name string) bool {
	return name != "" && len(name) < 90 && reBodyWord.MatchString(name) && !reNotABody.MatchString(name) && properName(name)
}

var (
	reMinutesWord   = regexp.MustCompile(`(?i)^(?:(?:approved|draft|unconfirmed|confirmed)\s+)?minutes$`)
	reMeetingSuffix = regexp.MustCompile(`(?i)\s+(?:meeting|minutes)$`)
	reWeekdayTail   = regexp.MustCompile(`(?i)[,\s–—-]+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
	// "… Agm", "… A.G.M", "… Meeting Report", "… Approved": what the
	// document calls itself after the body's name.
	reMeetingTail = regexp.MustCompile(`(?i)(?:\s+(?:a\.?g\.?m\.?|annual\s+general\s+meeting|meeting\s+report|report|approved|draft|minutes|(?:ordinary|special|extraordinary|regular|monthly|annual)(?:\s+meeting)?))+$`)
)

var reCouncilOf = regexp.MustCompile(`(?i)^(?:the\s+)?council\s+of\s+the\s+(city|town|county|village|borough|township)\s+of\s+([\pL'’.\- ]+?)(?:,.*)?$`)

// reLinkMark is a link's footnote number that a web page's text keeps
// before the link's words: "[1]City of Carrow".
var reLinkMark = regexp.MustCompile(`^\s*\[\d{1,3}\]\s*`)

// withoutLinkMarks is the lines with the link marks at their starts
// taken off (a copy: the items keep their text as it is).
func withoutLinkMarks(lines []line) []line {
	out, copied := lines, false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l.Text), "[") && reLinkMark.MatchString(l.Text) {
			if !copied {
				out, copied = append([]line(nil), lines...), true
			}
			out[i].Text = reLinkMark.ReplaceAllString(l.Text, "")
		}
	}
	return out
}

func tidyBody(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,.:;-–*#_"))
	// "Licensing and Regulatory Committee, Tuesday, 18th March, 2025",
	// "CORPORATE PARENTING PANEL– 29 October 2024": the date is not part
	// of the name.
	if ds := findDates(s, false); len(ds) > 0 && ds[0].Start > 3 {
		s = s[:ds[0].Start]
	}
	if loc := reWeekdayTail.FindStringIndex(s); loc != nil && loc[0] > 3 {
		s = s[:loc[0]]
	}
	s = strings.TrimSpace(strings.Trim(s, " ,.:;-–—*"))
	s = reMeetingSuffix.ReplaceAllString(s, "")
	s = reMeetingTail.ReplaceAllString(s, "")
	s = reMeetingSuffix.ReplaceAllString(s, "")
	if m := reCouncilOf.FindStringSubmatch(s); m != nil {
		// "Council of the City of Westhaven" → "Westhaven City Council"
		return strings.TrimSpace(titleCase(strings.TrimSpace(m[2])+" "+m[1]) + " Council")
	}
	s = reTitleNoise.ReplaceAllString(s, "")
	s = strings.TrimSpace(s)
	for _, p := range []string{"of ", "the "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
		}
	}
	s = strings.TrimPrefix(s, "The ")
	if s == strings.ToUpper(s) {
		s = titleCase(s)
	}
	return strings.TrimSpace(s)
}

var smallWords = map[string]bool{"and": true, "of": true, "the": true, "for": true, "in": true, "on": true, "at": true, "to": true, "a": true, "&": true}

// titleCase turns "OVERVIEW AND SCRUTINY COMMITTEE" into "Overview and
// Scrutiny Committee".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && smallWords[w] {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		for j := 1; j < len(r); j++ {
			if (r[j-1] == '-' || r[j-1] == '’' || r[j-1] == '\'') && j+1 < len(r) {
				if r[j-1] == '-' || j == 2 {
					r[j] = unicode.ToUpper(r[j])
				}
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// reCouncilLead is what a sentence puts before a council's name: "of",
// "the", "at", "held at the".
var reCouncilLead = regexp.MustCompile(`(?i)^(?:(?:of|the|at|held|in|by|from|to|and|for)\s+)+`)

// properName reports whether every word of a name, but its small words,
// starts with a capital (or the whole name is in capitals).
func properName(s string) bool {
	if strings.ToUpper(s) == s {
		return true
	}
	for _, w := range strings.Fields(s) {
		if smallWords[strings.ToLower(w)] || w == "&" {
			continue
		}
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

var reCouncilNoise = regexp.MustCompile(`(?i)^(?:(?:summary|minutes|draft|agenda|report|record|notes|proceedings)\s+(?:of\s+)?(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)+`)

// findCouncil finds the council's name in the header.
// Evidence for a council named only in the text: it is named at least
// mentionedMin times and at least mentionedLead times as often as any
// other council the text names.
const (
	mentionedMin  = 3
	mentionedLead = 2
)

// mentionedCouncil is the council a text without a heading for it names
// most, when it clearly leads every other council named; "" otherwise.
func mentionedCouncil(lines []line, committee string) string {
	// "City of Carrow" and "Carrow City Council" are one council: they
	// are counted together, under the form with "Council" in it named
	// most.
	counts := map[string]int{} // by the name's own words
	forms := map[string]map[string]int{}
	var order []string
	seen := map[string][]string{} // each text's names, read once: page headers repeat
	for _, l := range lines {
		if !councilCues.in(l.Text) || !strings.Contains(l.Text, "ouncil") && !strings.Contains(l.Text, "OUNCIL") && !authorityOf(l.Text) {
			continue
		}
		w := councilWindows(l.Text)
		names, ok := seen[w]
		if !ok {
			names = councilNames(w, committee)
			seen[w] = names
		}
		for _, c := range names {
			k := councilKey(c)
			if counts[k] == 0 {
				order = append(order, k)
				forms[k] = map[string]int{}
			}
			counts[k]++
			forms[k][c]++
		}
	}
	best, second := "", 0
	for _, k := range order {
		switch n := counts[k]; {
		case best == "" || n > counts[best]:
			second = max(second, counts[best])
			best = k
		case n > second:
			second = n
		}
	}
	if best == "" || counts[best] < mentionedMin || counts[best] < mentionedLead*second {
		return ""
	}
	name, n := "", 0
	for _, k := range order {
		if k != best {
			continue
		}
		for f, c := range forms[k] {
			withCouncil := strings.Contains(strings.ToLower(f), "council")
			if name == "" || withCouncil && !strings.Contains(strings.ToLower(name), "council") || withCouncil == strings.Contains(strings.ToLower(name), "council") && (c > n || c == n && f < name) {
				name, n = f, c
			}
		}
	}
	return name
}

// properTail cuts a council's name from the words of the sentence before
// it, which the pattern takes in too: "The Garda thanked Carrow City
// Council" → "Carrow City Council"; "City of Carrow" stays whole.
func properTail(c string) string {
	ws := strings.Fields(c)
	cut := -1
	for i, w := range ws {
		if startsLower(w) && w != "and" && w != "of" && w != "&" {
			cut = i
		}
	}
	if cut < 0 || cut == len(ws)-1 {
		return c
	}
	ws = ws[cut+1:]
	for len(ws) > 1 && (ws[0] == "of" || ws[0] == "and" || ws[0] == "&") {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// councilWindows cuts a long line down to the words before each
// "Council" in it (where a council's name is), so that the pattern runs
// on a few words, not the line; a line naming an authority by "City of …"
// is kept whole.
func councilWindows(s string) string {
	if len(s) < 120 || authorityOf(s) {
		return s
	}
	var b strings.Builder
	for from := 0; ; {
		i := strings.Index(s[from:], "ouncil")
		if j := strings.Index(s[from:], "OUNCIL"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			break
		}
		end := from + i + len("ouncil")
		start := max(0, end-90)
		for start > 0 && start < end && s[start-1] != ' ' {
			start++ // begin at a word
		}
		if b.Len() > 0 {
			b.WriteString(" ; ")
		}
		b.WriteString(s[start:end])
		from = end
	}
	return b.String()
}

// authorityOf is a cheap test for "City of …", "Borough of …" and the
// like, the council names reCouncil reads without the word "Council".
func authorityOf(s string) bool {
	// The next " of " and " OF " at or after from, each found again only
	// once passed: a line without one is not searched again for it.
	lo, up := indexFrom(s, " of ", 0), indexFrom(s, " OF ", 0)
	for lo >= 0 || up >= 0 {
		at := lo
		if at < 0 || up >= 0 && up < at {
			at = up
		}
		w := at
		for w > 0 && s[w-1] != ' ' {
			w--
		}
		if inLower(authorityWords, s[w:at]) {
			return true
		}
		from := at + 4
		if lo >= 0 && lo < from {
			lo = indexFrom(s, " of ", from)
		}
		if up >= 0 && up < from {
			up = indexFrom(s, " OF ", from)
		}
	}
	return false
}

// indexFrom is the index of sub in s at or after from, -1 when there is
// none.
func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

var authorityWords = wordSet("city", "borough", "county", "town", "township", "village", "shire", "municipality")

// councilKey is a council's name without the words every council's name
// has: "City of Carrow" and "Carrow City Council" are both "carrow".
func councilKey(name string) string {
	var ws []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "city", "of", "council", "the", "and", "county", "town", "borough", "district", "shire", "township", "village", "municipality":
			continue
		}
		ws = append(ws, strings.Trim(w, ".,'’"))
	}
	if len(ws) == 0 {
		return strings.ToLower(name)
	}
	return strings.Join(ws, " ")
}

func findCouncil(lines []line, committee string) string {
	for _, l := range lines {
		// A council in brackets is someone's ("Cllr Bo Tait (Eastfield
		// Council)"), not the meeting's.
		t := reBracketed.ReplaceAllString(l.Text, " ")
		if cs := councilNames(t, committee); len(cs) > 0 {
			return cs[0]
		}
	}
	return ""
}

// authorityAndBody splits "City of Carrow Planning Board" into the
// authority and its body; "City of Carrow Falls City Council" keeps the
// place's words until the kind of council the body is.
func authorityAndBody(name string) (place, body string, ok bool) {
	mm := reAuthorityBody.FindStringSubmatch(name)
	if mm == nil {
		return "", "", false
	}
	place, body = strings.TrimSpace(mm[1]), strings.TrimSpace(mm[2])
	if bm := reKindCouncil.FindStringSubmatch(body); bm != nil {
		place, body = place+" "+bm[1], bm[2]
	}
	if body == strings.ToUpper(body) {
		body = titleCase(body)
	}
	return place, body, true
}

var reKindCouncil = regexp.MustCompile(`^(.+?)\s+((?i:city|town|village|county|borough|township)\s+(?i:council))$`)

var reBracketed = regexp.MustCompile(`\([^()]*\)`)

// councilNames are the councils' proper names a line gives, tidied:
// "Minutes of Fernhill Community Council" → "Fernhill Community Council".
func councilNames(text, committee string) []string {
	var out []string
	{
		for _, c := range reCouncil.FindAllString(text, -1) {
			c = strings.TrimSpace(c)
			// "Summary of Eastbrook City Council", "Minutes of Fernhill
			// Community Council": the document's title around the name.
			if loc := reCouncilNoise.FindStringIndex(c); loc != nil {
				c = strings.TrimSpace(c[loc[1]:])
			}
			c = strings.TrimSpace(reCouncilLead.ReplaceAllString(c, ""))
			c = properTail(c)
			low := strings.ToLower(c)
			if strings.HasPrefix(low, "the council") || low == "council" || strings.HasPrefix(low, "minutes") || reNotCouncil.MatchString(low) {
				continue
			}
			// A council's name is a proper name: "associated with the
			// application the Council", "letter to the Borough Council"
			// are sentences; "Ordinary Council" is a kind of meeting.
			if !properName(c) || meetingKinds[strings.ToLower(firstWord(c))] || genericCouncil(c) {
				continue
			}
			if c == strings.ToUpper(c) {
				c = titleCase(c)
			}
			if strings.EqualFold(c, committee) && !strings.HasSuffix(strings.ToLower(c), "council") || len(strings.Fields(c)) < 2 {
				continue
			}
			out = append(out, strings.TrimPrefix(c, "The "))
		}
	}
	return out
}

// findMeetingDate picks the meeting's date: the first date in the header
// that is not the date of previous minutes or of the next meeting; else a
// date in the file's name ("2024-10-28 minutes.txt", "20241028.pdf");
// else, unsure, the first date in the text.
func findMeetingDate(head, all []line, name string) (Date, string) {
	us := false
	var fallback Date
	for _, l := range head {
		title := reMinutesOpening.MatchString(l.Text) || reMeetingOf.MatchString(l.Text)
		for _, d := range findDates(l.Text, us) {
			before := l.Text[:d.Start]
			// "Minutes of a Board meeting held on 4th March, 2025" is
			// the document's title; "the minutes of the meeting held on
			// …" further down are the previous meeting's.
			if rePrevMinutes.MatchString(before) && !(title && !rePrevious.MatchString(before)) {
				continue
			}
			if reHeldOn.MatchString(l.Text) || strings.TrimSpace(l.Text[:d.Start]) == "" || len(l.Text) < 60 {
				return d.Date, ""
			}
			if fallback.IsZero() {
				fallback = d.Date
			}
		}
	}
	if !fallback.IsZero() {
		return fallback, ""
	}
	// A date broken over two lines: "Wednesday 8" / "November 2023".
	for i := 0; i+1 < len(head); i++ {
		a, b := head[i].Text, head[i+1].Text
		if a == "" || b == "" {
			continue
		}
		joined := a + " " + b
		for _, d := range findDates(joined, us) {
			if d.Start < len(a) && d.End > len(a) && !rePrevMinutes.MatchString(joined[:d.Start]) {
				return d.Date, ""
			}
		}
	}
	if d := nameDate(name); !d.IsZero() {
		return d, "the meeting date " + d.String() + " is the file name's: the minutes do not state it"
	}
	// A date in the document's first lines, then anywhere before the end.
	limit := len(all)
	if limit > 200 {
		limit = 200
	}
	for _, l := range all[:limit] {
		for _, d := range findDates(l.Text, us) {
			if !rePrevMinutes.MatchString(l.Text[:d.Start]) {
				if ym, ok := nameMonth(name); ok && (d.Date.Year != ym.Year || d.Date.Month != ym.Month) {
					return Date{}, "" // the file is named for another month
				}
				return d.Date, "the meeting date " + d.Date.String() + " is a guess: the first date in the text (line " + strconv.Itoa(l.No) + ")"
			}
		}
	}
	return Date{}, ""
}

var (
	rePrevious  = regexp.MustCompile(`(?i)\b(?:previous|last|preceding|approv|confirm|adopt|sign|accept)`)
	reNameDate  = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})[-_. ]?(0[1-9]|1[0-2])[-_. ]?(0[1-9]|[12]\d|3[01])(?:\D|$)|(?:^|\D)(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d{2})(?:\D|$)`)
	reNameMonth = regexp.MustCompile(`(?:^|\D)((?:19|20)\d{2})[-_.](0[1-9]|1[0-2])(?:\D|$)`)
)

// nameDate is the date a file's name gives, day first where the year is
// last ("14-12-2021 minutes.pdf"), or the zero Date.
func nameDate(name string) Date {
	mm := reNameDate.FindStringSubmatch(name)
	if mm == nil {
		return Date{}
	}
	y, mo, d := mm[1], mm[2], mm[3]
	if y == "" {
		y, mo, d = mm[6], mm[5], mm[4]
	}
	v, ok := validDate(atoiSafe(y), time.Month(atoiSafe(mo)), atoiSafe(d))
	if !ok {
		return Date{}
	}
	return v
}

// nameMonth is the year and month a file's name gives without a day
// ("…-agm-2016-05.txt").
func nameMonth(name string) (Date, bool) {
	if !nameDate(name).IsZero() {
		return Date{}, false
	}
	mm := reNameMonth.FindStringSubmatch(name)
	if mm == nil {
		return Date{}, false
	}
	return Date{atoiSafe(mm[1]), time.Month(atoiSafe(mm[2])), 1}, true
}
