package minutes

import (
	"regexp"
	"strings"
)

// A ModernGov "Decision details" page records one decision of one body
// (Cabinet, a committee, an officer) rather than a whole meeting:
//
//	Decision details
//	Highways Maintenance Programme 2024/25
//	Decision Maker: Cabinet
//	Decision:
//	a. That the programme be approved.
//	Date of decision: 18/06/2024
//
// It is read as a meeting of the decision maker on the date of decision
// with a single item.

var (
	reDecisionPage  = regexp.MustCompile(`(?i)^(?:decision\s+details|details\s+of\s+(?:the\s+)?decision)$`)
	reDecisionField = regexp.MustCompile(`(?i)^(decision\s+maker|date\s+of\s+decision|decision\s+date|meeting|decision\s+status|is\s+key\s+decision\??|publication\s+date|purpose|lead\s+member|lead\s+officer|wards\s+affected|contact)\s*:\s*(.*)$`)
)

// readDecisionPage returns the meeting a decision page records, or nil
// when the lines are not such a page.
func readDecisionPage(m *Meeting, lines []line) *Meeting {
	top := -1
	for i, l := range lines {
		if i > 8 {
			break
		}
		if reDecisionPage.MatchString(l.Text) {
			top = i
			break
		}
	}
	if top < 0 {
		return nil
	}
	fields := map[string]string{}
	for _, l := range lines {
		if mm := reDecisionField.FindStringSubmatch(l.Text); mm != nil {
			fields[strings.ToLower(strings.Join(strings.Fields(mm[1]), " "))] = mm[2]
		}
	}
	maker := fields["decision maker"]
	if maker == "" {
		return nil
	}
	m.Committee = tidyBody(maker)
	m.Decision = true
	for _, k := range []string{"date of decision", "decision date", "meeting"} {
		if ds := findDates(fields[k], false); len(ds) > 0 {
			m.Date = ds[0].Date
			break
		}
	}
	it := &rawItem{line: lines[top].No}
	for _, l := range lines[top+1:] {
		if it.title == "" && l.Text != "" {
			it.title, it.line = l.Text, l.No
			continue
		}
		if it.title != "" {
			it.lines = append(it.lines, l)
		}
	}
	if it.title == "" {
		return nil
	}
	m.Items = []Item{buildItem(m, it, true)}
	if len(m.Items[0].Resolutions) == 0 {
		return nil
	}
	return m
}
