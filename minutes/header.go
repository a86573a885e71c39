package minutes

import (
	"regexp"
	"strings"
	"unicode"
)

// Stage 2: the header — council, committee, meeting date and times.

var (
	reCouncil     = regexp.MustCompile(`(?i)\b((?:(?:london\s+)?borough\s+of\s+|city\s+of\s+|county\s+of\s+|township\s+of\s+|town\s+of\s+|village\s+of\s+|municipality\s+of\s+|shire\s+of\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:\s+(?:city|county|borough|district|town|parish|community|regional|shire)\s+council)?|[A-Z][\w'’-]+(?:(?:\s+and|\s+&)?\s+[A-Z][\w'’-]+){0,4}\s+(?:city\s+and\s+county|county|borough|district|town|parish|community|city|regional|shire|metropolitan\s+borough|unitary)?\s*council)\b`)
	reMinutesOf   = regexp.MustCompile(`(?i)\bminutes\s+of\s+(?:the\s+|a\s+)?(?:proceedings\s+(?:at|of)\s+(?:the\s+)?)?(?:(?:special|extraordinary|ordinary|regular|monthly|annual|virtual|remote|adjourned|reconvened)\s+)*(?:(?:meeting|session)s?\s+(?:of\s+(?:the\s+)?)?)?(.+?)(?:\s+held\b|\s+at\b|\s+on\b|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\s+\d|,|\.|$)`)
	reMeetingOf   = regexp.MustCompile(`(?i)^(?:a\s+)?(?:(?:special|extraordinary|ordinary|regular|monthly|annual|virtual|remote)\s+)*meeting\s+of\s+(?:the\s+)?(.+?)(?:\s+(?:was\s+)?held\b|\s+on\b|,|$)`)
	reBodyWord    = regexp.MustCompile(`(?i)\b(committee|sub-committee|board|panel|cabinet|council|forum|commission|executive|group|assembly|authority|partnership|district)\b`)
	reTitleNoise  = regexp.MustCompile(`(?i)^(minutes|summary|draft|public|confidential|agenda|record of decisions|decisions)\b`)
	reHeldOn      = regexp.MustCompile(`(?i)\b(held|meeting|minutes|on|date)\b`)
	rePrevMinutes = regexp.MustCompile(`(?i)(minutes of|previous|last meeting|meeting held on|next meeting|adopted|approved)\W*$`)
	reStart       = regexp.MustCompile(`(?i)(?:commenced|began|started|opened|open|called\s+to\s+order|convened|start(?:ed)?|meeting\s+commenced)\s+(?:at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs)?)`)
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
	m.Committee = findCommittee(lines[:top])
	m.Council = findCouncil(lines[:top], m.Committee)
	// A meeting of the full council: "Des Moines City Council" is both the
	// council and the body that met. Record IDs keep the short form
	// ("City Council", "Council") they have always had.
	if mm := reWholeCouncil.FindStringSubmatch(m.Committee); mm != nil && (mm[1] == "" && len(strings.Fields(m.Committee)) >= 2 && !councilTypes[strings.ToLower(strings.Fields(m.Committee)[0])] || mm[1] != "" && len(strings.Fields(m.Committee)) >= 3) {
		if m.Council == "" {
			m.Council = m.Committee
		}
		m.idBody = strings.TrimSpace(titleCase(mm[1] + " Council"))
		m.Committee = m.Council
	}
	if m.Committee == "" && m.Council != "" {
		m.idBody = "Council"
		if strings.Contains(strings.ToLower(m.Council), "city council") {
			m.idBody = "City Council"
		}
		m.Committee = m.Council
	}
	m.Date = findMeetingDate(lines[:top], lines)
	for _, l := range lines[:top] {
		if m.Start == "" {
			if mm := reStart.FindStringSubmatch(l.Text); mm != nil {
				m.Start, _ = parseClock(mm[1])
			}
		}
	}
	if m.Start == "" {
		for _, l := range lines[:top] {
			if ds := findDates(l.Text, false); len(ds) > 0 && ds[0].Date == m.Date {
				// "… on Tuesday 12 May 2015 at 9.00 a.m.", or the time first:
				// "MINUTES OF MEETING 8pm WEDNESDAY 19 NOVEMBER 2008".
				if mm := reHeaderTime.FindStringSubmatch(l.Text[ds[0].End:]); mm != nil {
					m.Start, _ = parseClock(mm[1])
					break
				}
				if mm := reHeaderTime.FindStringSubmatch(l.Text[:ds[0].Start]); mm != nil {
					m.Start, _ = parseClock(mm[1])
					break
				}
			}
		}
	}
	// The end time is usually at the end: "The meeting closed at 8.42 pm".
	stop := len(lines) - 400 // the closing time is near the end
	if stop < 0 {
		stop = 0
	}
	for i := len(lines) - 1; i >= stop && m.End == ""; i-- {
		t := lines[i].Text
		low := strings.ToLower(t)
		if !containsAny(low, []string{"close", "adjourn", "ended", "concluded", "terminated", "finished"}) {
			continue
		}
		if mm := reEnd.FindStringSubmatch(t); mm != nil {
			m.End, _ = parseClock(mm[1])
		} else if mm := reEndBefore.FindStringSubmatch(t); mm != nil {
			m.End, _ = parseClock(mm[1])
		}
		if m.Start == "" {
			if mm := reStart.FindStringSubmatch(t); mm != nil {
				m.Start, _ = parseClock(mm[1])
			}
		}
	}
	m.End = afterStart(m.Start, m.End)
	_ = all
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
func findCommittee(lines []line) string {
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
		if name := tidyBody(m[1]); validBody(name) {
			return name
		}
	}
	for _, l := range lines {
		if m := reMinutesOf.FindStringSubmatch(l.Text); m != nil {
			if name := tidyBody(m[1]); validBody(name) {
				return name
			}
		}
	}

	for _, l := range lines {
		if m := reMeetingOf.FindStringSubmatch(l.Text); m != nil {
			if name := tidyBody(m[1]); name != "" && reBodyWord.MatchString(name) && len(name) < 90 {
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
			if name := tidyBody(p); validBody(name) {
				return name
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
		if c := reCouncil.FindString(t); c != "" && len(c) >= len(t)-1 {
			continue // the council's own name
		}
		title = append(title, t)
		if len(title) == 3 {
			break
		}
	}
	if len(title) > 0 {
		name := tidyBody(strings.Join(title, " "))
		if reBodyWord.MatchString(name) && len(name) < 90 {
			return name
		}
	}
	for _, l := range lines {
		t := l.Text
		if len(t) < 70 && !isLabel(t) && !endsSentence(t) && reBodyWord.MatchString(t) && headingQuality(t) >= 0.9 && reCouncil.FindString(t) != t {
			return tidyBody(t)
		}
	}
	return ""
}

// tidyBody trims and title-cases a body's name.
var reWholeCouncil = regexp.MustCompile(`(?i)^[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3}?\s+(city|town|county|parish|community|district|borough|shire|township|village|regional|metropolitan borough|city and county)?\s*council$`)

var councilTypes = map[string]bool{"city": true, "town": true, "county": true, "parish": true, "community": true, "district": true, "borough": true, "shire": true, "township": true, "village": true, "regional": true, "metropolitan": true}

var (
	reDashSep  = regexp.MustCompile(`\s+[-–—]\s+`)
	reNotABody = regexp.MustCompile(`(?i)^(?:held|at|in|on|of|the\s+meeting)\b|\b(?:chamber|hall|room|offices|held)\b`)
)

// validBody reports whether name reads as the name of a council body.
func validBody(name string) bool {
	return name != "" && len(name) < 90 && reBodyWord.MatchString(name) && !reNotABody.MatchString(name)
}

var reMeetingSuffix = regexp.MustCompile(`(?i)\s+(?:meeting|minutes)$`)

var reCouncilOf = regexp.MustCompile(`(?i)^(?:the\s+)?council\s+of\s+the\s+(city|town|county|village|borough|township)\s+of\s+.+$`)

func tidyBody(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,.:;-–"))
	s = reMeetingSuffix.ReplaceAllString(s, "")
	if m := reCouncilOf.FindStringSubmatch(s); m != nil {
		return titleCase(m[1]) + " Council" // "Council of the City of Portland" → "City Council"
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

var reCouncilNoise = regexp.MustCompile(`(?i)^(?:(?:summary|minutes|draft|agenda|report|record|notes|proceedings)\s+(?:of\s+)?(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)+`)

// findCouncil finds the council's name in the header.
func findCouncil(lines []line, committee string) string {
	for _, l := range lines {
		for _, c := range reCouncil.FindAllString(l.Text, -1) {
			c = strings.TrimSpace(c)
			low := strings.ToLower(c)
			if strings.HasPrefix(low, "the council") || low == "council" || strings.HasPrefix(low, "minutes") || reNotCouncil.MatchString(low) {
				continue
			}
			if c == strings.ToUpper(c) {
				c = titleCase(c)
			}
			// "Summary of Des Moines City Council", "Minutes of Ayton
			// Community Council": the document's title around the name.
			if loc := reCouncilNoise.FindStringIndex(c); loc != nil {
				c = strings.TrimSpace(c[loc[1]:])
			}
			if strings.EqualFold(c, committee) && !strings.HasSuffix(strings.ToLower(c), "council") || len(strings.Fields(c)) < 2 {
				continue
			}
			return strings.TrimPrefix(c, "The ")
		}
	}
	return ""
}

// findMeetingDate picks the meeting's date: the first date in the header
// that is not the date of previous minutes or of the next meeting.
func findMeetingDate(head, all []line) Date {
	us := false
	var fallback Date
	for _, l := range head {
		for _, d := range findDates(l.Text, us) {
			before := l.Text[:d.Start]
			if rePrevMinutes.MatchString(before) {
				continue
			}
			if reHeldOn.MatchString(l.Text) || strings.TrimSpace(l.Text[:d.Start]) == "" || len(l.Text) < 60 {
				return d.Date
			}
			if fallback.IsZero() {
				fallback = d.Date
			}
		}
	}
	if !fallback.IsZero() {
		return fallback
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
				return d.Date
			}
		}
	}
	// A date in the document's first lines, then anywhere before the end.
	limit := len(all)
	if limit > 200 {
		limit = 200
	}
	for _, l := range all[:limit] {
		for _, d := range findDates(l.Text, us) {
			if !rePrevMinutes.MatchString(l.Text[:d.Start]) {
				return d.Date
			}
		}
	}
	return Date{}
}
