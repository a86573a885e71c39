package minutes

import (
	"regexp"
	"strings"
)

// Attendance laid out as tables: pipe and column rows, headings over
// groups of people, tables printed one cell a line, labels side by side
// over their columns, attendee tables with a status column.

// unpipe reads a flattened table row as text: "| Present: | Cllr A
// Strood (Chair), Cllr B Keast |" → "Present: Cllr A Strood (Chair), Cllr
// B Keast"; "Chair: | Councillor Ivo Penn" → "Chair: Councillor Ivo Penn".
func unpipe(t string) string {
	if !strings.Contains(t, "|") {
		return t
	}
	var cells []string
	for _, c := range strings.Split(t, "|") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return ""
	}
	if strings.HasSuffix(cells[0], ":") {
		return cells[0] + " " + strings.Join(cells[1:], ", ")
	}
	return strings.Join(cells, "   ") // cells, for rowCells
}

// rowCells splits a line laid out in columns (runs of three or more
// spaces in the raw line, or the cells unpipe left) into its cells; nil
// when it is not such a line.
func rowCells(raw, t string) []string {
	src := ""
	switch {
	case strings.Contains(t, "   "):
		src = t
	case raw != "" && reColumnGap.MatchString(strings.TrimSpace(raw)) && !strings.Contains(t, ":"):
		src = strings.TrimSpace(raw)
	default:
		return nil
	}
	var out []string
	for _, c := range reColumnGap.Split(src, -1) {
		if c = collapseSpaces(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// cellNotes joins the cells after a name when they are its role or
// initials ("Vice-Chair", "PV", "Portfolio Holder for Parks and
// Leisure"), and returns "" when they are names of their own.
func cellNotes(cells []string) string {
	for _, c := range cells {
		if !isRoleCell(c) {
			return ""
		}
	}
	return strings.Join(cells, ", ")
}

// isRoleCell reports whether a table cell holds a role or initials rather
// than a name.
func isRoleCell(c string) bool {
	if isInitials(strings.Trim(c, "()")) {
		return true
	}
	if reHonorific.MatchString(c) && personShaped(c) {
		return false // "Cllr Rufus Kane": a person beside a person
	}
	if hasTitle(c, memberTitles) || hasTitle(c, officerTitles) {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(c)) {
		if w == "for" || w == "of" || w == "the" {
			return true
		}
	}
	return false
}

// attendeeTable reads an "Attendee | Role | Attendance" table starting at
// ls[0], when there is one.
func attendeeTable(ls []line, r *attReader) bool {
	_, ok := r.attendeeTable(ls)
	return ok
}

// attendeeTable reads an "Attendee | Role | Attendance" table starting at
// ls[0], one person a row, and returns the index of its last row.
func (r *attReader) attendeeTable(ls []line) (int, bool) {
	head := strings.ToLower(unpipe(ls[0].Text))
	if !(strings.Contains(head, "attendee") || strings.HasPrefix(head, "name") || strings.HasPrefix(head, "member")) || !hasAny(head, "attendance", "status", "present") || len(head) > 80 {
		return 0, false
	}
	found, end := false, 0
	for k, l := range ls[1:] {
		if l.Text == "" {
			continue
		}
		cs := rowCells(l.Raw, unpipe(l.Text))
		if len(cs) < 2 {
			break
		}
		end = k + 1
		status := strings.ToLower(cs[len(cs)-1])
		role := strings.Join(cs[1:len(cs)-1], ", ")
		name := cs[0]
		if role != "" {
			name += " (" + role + ")"
		}
		switch {
		case strings.Contains(status, "apolog"):
			r.entry(roleApologies, name)
		case strings.Contains(status, "absent"):
			r.entry(roleAbsent, name)
		case strings.Contains(status, "substitute"):
			r.entry(rolePresent, name)
		case strings.Contains(status, "present") || strings.Contains(status, "attend") || strings.Contains(status, "expected"):
			if strings.Contains(strings.ToLower(role), "officer") || strings.Contains(strings.ToLower(role), "in attendance") || isOfficerRole(role) {
				r.entry(roleInAttendance, name)
			} else {
				r.entry(rolePresent, name)
			}
		default:
			continue
		}
		found = true
	}
	return end, found
}

// readSubstituteTable reads "Ordinary Member / Reserve Member" tables whose
// names come out in pairs.
func readSubstituteTable(a *Attendance, lines []line) {
	var names []string
	inTable := false
	for _, l := range lines {
		low := strings.ToLower(l.Text)
		if strings.Contains(low, "ordinary member") || strings.Contains(low, "reserve member") && !strings.Contains(low, "resolved") {
			inTable = true
			continue
		}
		if !inTable || l.Text == "" {
			continue
		}
		if n := cleanName(l.Text); n != "" {
			names = append(names, n)
		}
	}
	for i := 0; i+1 < len(names); i += 2 {
		a.Substitutes = appendSub(a.Substitutes, names[i], names[i+1])
	}
}

// group is what a heading over a group of people says of them.
type group struct {
	role       role
	members    bool // the heading says they are members ("Board Members")
	roleColumn bool // a second heading cell names a role column
}

// groupHeading reads a heading over a group of people that has no colon:
// "BOARD OF DIRECTORS", "SAN JUAN WATER DISTRICT MANAGEMENT AND STAFF",
// "Other Attendees", "Elected Members", "Board Members     Organisation /
// Role". It must be short, in capitals or title case, and end in words
// that name a group.
func groupHeading(raw, t string) (group, bool) {
	var g group
	head := t
	if cs := rowCells(raw, t); len(cs) >= 2 {
		head = cs[0]
		switch strings.ToLower(head) {
		case "name", "names", "attendee", "attendees", "member", "members":
			// "Name     Role": the roles below say who is a member.
			head = "Attendees"
		}
		for _, c := range cs[1:] {
			low := strings.ToLower(c)
			for _, w := range []string{"role", "title", "organisation", "organization", "position", "representing", "office", "designation"} {
				if strings.Contains(low, w) {
					g.roleColumn = true
				}
			}
		}
		if !g.roleColumn {
			return g, false
		}
	}
	if strings.ContainsAny(head, ":;,.()0123456789") || len(head) > 70 {
		return g, false
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 8 {
		return g, false
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "and", "the", "&":
			continue
		case "minutes", "meeting", "agenda", "items", "item":
			return g, false
		}
		if !startsUpper(w) {
			return g, false
		}
	}
	low := strings.ToLower(head)
	has := func(ends ...string) bool {
		for _, e := range ends {
			if low == e || strings.HasSuffix(low, " "+e) {
				return true
			}
		}
		return false
	}
	switch {
	case has("other attendees", "others present", "guests", "visitors", "staff", "officers", "officials", "advisers", "advisors", "in attendance", "also present", "also attending", "others attending", "staff present", "officers present", "officials present"):
		g.role = roleInAttendance
	case has("absent", "members absent", "not present"):
		g.role = roleAbsent
	case has("apologies", "apologies for absence"):
		g.role = roleApologies
	case has("attendees", "attendance", "attendance record", "record of attendance", "board of directors", "directors", "members", "councillors", "trustees", "commissioners", "members present", "present"):
		g.role = rolePresent
		g.members = strings.Contains(low, "member") || strings.Contains(low, "councillor") || strings.Contains(low, "director") || strings.Contains(low, "trustee") || strings.Contains(low, "commissioner")
	default:
		return g, false
	}
	return g, true
}

// nextIsName reports whether the first line after lines[i] (past blank
// lines) starts with a person's name: a heading over names, not a title.
func nextIsName(lines []line, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		t := lines[j].Text
		if t == "" {
			continue
		}
		if tk := lines[j].tk(); tk.IsLabel || tk.Kind == tokHeading || isProse(t) {
			return false
		}
		first := t
		if cs := rowCells(lines[j].Raw, t); len(cs) >= 2 {
			first = cs[0]
		}
		return readEntry(first).name != ""
	}
	return false
}

// rosterAbove finds the minutes' title when it comes after line i (its
// index, or 0): a list of people above it is a letterhead's roster of the
// body (all its members), not who attended.
func rosterAbove(lines []line, i int) int {
	for j := i + 1; j < len(lines) && j < i+30; j++ {
		tk := lines[j].tk()
		if tk.Kind == tokHeading {
			return 0
		}
		if tk.Words > 0 && tk.Words <= 6 && !tk.IsLabel && !reDigits.MatchString(tk.Low) && (tk.Low == "minutes" || strings.HasPrefix(tk.Low, "minutes of") || strings.HasSuffix(tk.Low, " minutes")) {
			return j
		}
	}
	return 0
}

// cellStarts returns where the cells of a laid-out row start in raw.
func cellStarts(raw string) []int {
	if raw == "" {
		return nil
	}
	var out []int
	in, gap := false, 3
	for i := 0; i < len(raw); i++ {
		if raw[i] == ' ' {
			gap++
			in = false
			continue
		}
		if !in && (gap >= 3 || len(out) == 0) {
			out = append(out, i)
		}
		in, gap = true, 0
	}
	return out
}

// continuesCell reports whether a raw line is only the wrapped end of a
// cell after the first: it is indented to where a later cell of the row
// above starts.
func continuesCell(raw string, cols []int) bool {
	if raw == "" || len(cols) < 2 {
		return false
	}
	indent := len(raw) - len(strings.TrimLeft(raw, " "))
	if indent < 8 {
		return false
	}
	for _, c := range cols[1:] {
		if indent >= c-2 && indent <= c+2 {
			return true
		}
	}
	return false
}

// flattenNote makes a note safe to put in brackets after a name: its own
// brackets become commas ("Leader of the Council (Chair)" → "Leader of the
// Council, Chair").
func flattenNote(n string) string {
	n = strings.NewReplacer(" (", ", ", "(", "", ")", "").Replace(n)
	return collapseSpaces(n)
}

var reClock = regexp.MustCompile(`^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?$`)

// attendanceStatus reads a status cell: "Present", "Remote", "Absent",
// "Excused".
func attendanceStatus(t string) (role, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "present", "remote", "virtual", "in person", "in-person", "attended", "late", "online", "yes", "y", "p", "present (remote)", "present remotely", "arrived late":
		return rolePresent, true
	case "absent", "no", "n", "a", "not present", "absent - unexcused", "unexcused":
		return roleAbsent, true
	case "excused", "apologies", "apology", "regrets", "absent - excused", "excused absence", "absent (excused)", "leave of absence":
		return roleApologies, true
	}
	return roleNone, false
}

// cellTable reads an attendance table whose cells come out one a line,
// as some boards' PDFs print them: a header ("Attendee Name", "Title",
// "Status", "Arrived") and then the names, titles, statuses and times in
// runs. Names and statuses are paired in order, and titles when there
// are as many. It returns the index of the table's last line.
func (r *attReader) cellTable(lines []line, i int) (int, bool) {
	switch strings.ToLower(lines[i].Text) {
	case "attendee name", "attendee", "name", "member", "member name", "board member", "director", "attendees":
	default:
		return i, false
	}
	hasStatus := false
	for j := i + 1; j < len(lines) && j < i+12; j++ {
		switch strings.ToLower(lines[j].Text) {
		case "status", "attendance":
			hasStatus = true
		}
	}
	if !hasStatus {
		return i, false
	}
	var names, titles []string
	var statuses []role
	end, misses := i, 0
	for j := i + 1; j < len(lines); j++ {
		t := lines[j].Text
		if t == "" {
			continue
		}
		low := strings.ToLower(t)
		tk := lines[j].tk()
		switch {
		case low == "title" || low == "role" || low == "position" || low == "office" || low == "status" || low == "attendance" || low == "arrived" || low == "departed" || low == "left" || low == "time":
		case reClock.MatchString(low):
		default:
			if st, ok := attendanceStatus(t); ok {
				statuses = append(statuses, st)
				break
			}
			if tk.Kind == tokHeading || isProse(t) || endsSentence(t) && tk.Words > 5 {
				j = len(lines)
				continue
			}
			if isRoleCell(t) || seatTitle(t) {
				titles = append(titles, t)
				break
			}
			if readEntry(t).name != "" {
				names = append(names, t)
				break
			}
			misses++
			if misses > 2 {
				j = len(lines)
				continue
			}
		}
		end = j
	}
	if len(names) == 0 || len(statuses) != len(names) && len(statuses) != 0 {
		return i, false
	}
	if lines[i].No > 0 {
		r.m.trace.note(lines[i].No, "attendance table, one cell a line: %d people", len(names))
	}
	r.listNo++
	for k, n := range names {
		rl := rolePresent
		if len(statuses) > 0 {
			rl = statuses[k]
		}
		part := n
		if len(titles) == len(names) && !seatTitle(titles[k]) {
			part += " (" + flattenNote(titles[k]) + ")"
		}
		r.entry(rl, part)
	}
	return end, true
}

// seatTitle reports whether a title names the seat a member holds:
// "Director, District I", "Member for Ward 4", "Councillor, North Ward".
func seatTitle(t string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r == ' ' || r == ',' }) {
		switch w {
		case "district", "ward", "division", "precinct", "seat", "riding", "at-large", "constituency":
			return true
		}
	}
	return false
}

// labelColumns reads labels printed side by side over their columns
// ("Present:              In attendance:") and the rows under them, each
// cell going to the label above it. It returns the index of the last row.
func (r *attReader) labelColumns(lines []line, i int) (int, bool) {
	raw := lines[i].Raw
	if raw == "" || !reColumnGap.MatchString(strings.TrimSpace(raw)) {
		return i, false
	}
	starts := cellStarts(raw)
	cs := reColumnGap.Split(strings.TrimSpace(raw), -1)
	if len(cs) < 2 || len(cs) != len(starts) {
		return i, false
	}
	roles := make([]role, len(cs))
	for k, c := range cs {
		rl, rest, ok := matchLabel(strings.TrimSpace(c))
		if !ok || rest != "" {
			return i, false
		}
		roles[k] = rl
	}
	r.listNo++
	end := i
	for j := i + 1; j < len(lines); j++ {
		l := lines[j]
		if l.Text == "" {
			if end > i {
				break
			}
			continue
		}
		if tk := l.tk(); tk.IsLabel || tk.Kind == tokHeading || isProse(l.Text) {
			break
		}
		rowRaw := l.Raw
		if rowRaw == "" {
			rowRaw = l.Text
		}
		rowStarts := cellStarts(rowRaw)
		rowCellsText := reColumnGap.Split(strings.TrimSpace(rowRaw), -1)
		if len(rowStarts) != len(rowCellsText) {
			break
		}
		for k, c := range rowCellsText {
			col := 0
			for m, st := range starts {
				if rowStarts[k] >= st-2 {
					col = m
				}
			}
			r.add(roles[col], collapseSpaces(c))
		}
		end = j
	}
	return end, end > i
}

// markTable reads an attendance table that marks each person under a
// status column: a header naming the statuses ("Trustee   Present
// Absent"), then a row a person with a mark ("X", "✓") under one of
// them. The mark's column is the one whose header starts nearest to it.
// It returns the index of the table's last line.
func (r *attReader) markTable(lines []line, i int) (int, bool) {
	type col struct {
		at int
		st role
	}
	var cols []col
	for k, c := range layoutCells(lines[i].Raw) {
		if k == 0 {
			continue // "Trustee", "Name", "Member"
		}
		st, ok := attendanceStatus(c.text)
		if !ok {
			return i, false
		}
		cols = append(cols, col{c.at, st})
	}
	if len(cols) < 2 {
		return i, false
	}
	last := i
	for j := i + 1; j < len(lines) && lines[j].Text != ""; j++ {
		cs := layoutCells(lines[j].Raw)
		if len(cs) != 2 || !attendanceMarks[strings.ToLower(cs[1].text)] || readEntry(cs[0].text).name == "" {
			break
		}
		best := cols[0]
		for _, c := range cols[1:] {
			if abs(c.at-cs[1].at) < abs(best.at-cs[1].at) {
				best = c
			}
		}
		r.entry(best.st, cs[0].text)
		last = j
	}
	return last, last > i
}

// attendanceMarks tick a status column.
var attendanceMarks = wordSet("x", "✓", "✔", "√", "•", "*", "y", "yes")

// layoutCell is a cell of a line laid out in columns: its text and the
// column it starts at.
type layoutCell struct {
	at   int
	text string
}

// layoutCells splits a line laid out in columns (cells set off by three
// spaces or more; a tab counts as four) into its cells.
func layoutCells(raw string) []layoutCell {
	raw = strings.ReplaceAll(raw, "\t", "    ")
	var out []layoutCell
	start, gap := -1, 0
	for k := 0; k <= len(raw); k++ {
		if k < len(raw) && raw[k] != ' ' {
			if start < 0 {
				start = k
			}
			gap = 0
			continue
		}
		gap++
		if start >= 0 && (gap >= 3 || k == len(raw)) {
			out = append(out, layoutCell{start, strings.TrimSpace(raw[start:k])})
			start = -1
		}
	}
	return out
}
