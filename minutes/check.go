package minutes

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The clerk's check of draft minutes: before minutes are published, Check
// lists what will cause trouble once they are in the library — actions no
// one owns, follow-ups with no date, minute numbers that skip, names
// spelled two ways, dates that do not exist. It reads the parsed Meeting
// and, where the parser keeps nothing (an empty "RESOLVED:", a date that
// is not a date), the document's lines.

// ProblemKind names a kind of problem Check finds. The values are stable:
// scripts read them from `minutebook check --json`.
type ProblemKind string

// The kinds of problem Check reports.
const (
	ProblemActionNoOwner      ProblemKind = "action-no-owner"      // an action no one is named to do
	ProblemActionNoDue        ProblemKind = "action-no-due"        // an action with no due date
	ProblemFollowUpNoDue      ProblemKind = "followup-no-due"      // a follow-up with no meeting or date to come back to
	ProblemNextMeeting        ProblemKind = "next-meeting-undated" // "the next meeting" with no date for it
	ProblemMinuteNumber       ProblemKind = "minute-number"        // minute numbers that skip, repeat or go backwards
	ProblemEmptyResolution    ProblemKind = "resolution-empty"     // "RESOLVED:" and nothing after it
	ProblemNoChair            ProblemKind = "no-chair"             // no one is named as chairing
	ProblemNoAttendance       ProblemKind = "no-attendance"        // no list of who was present
	ProblemAttendanceConflict ProblemKind = "attendance-conflict"  // one person both present and absent
	ProblemNameSpelling       ProblemKind = "name-spelling"        // a name one letter from an attendee's
	ProblemInitials           ProblemKind = "unknown-initials"     // initials that match no attendee, or several
	ProblemDateInvalid        ProblemKind = "date-invalid"         // 31 June, 29 February 2025
	ProblemDateWeekday        ProblemKind = "date-weekday"         // "Wednesday 14 December 2021" when it was a Tuesday
	ProblemDueBeforeMeeting   ProblemKind = "due-before-meeting"   // a due date before the meeting that set it
	ProblemExemptNoReason     ProblemKind = "exempt-no-reason"     // business taken in private with no reason given
	ProblemNoMeetingDate      ProblemKind = "no-meeting-date"      // the meeting's own date is missing
	ProblemNoCommittee        ProblemKind = "no-committee"         // the committee is not named
	ProblemPlaceholder        ProblemKind = "placeholder"          // TBC, [insert date], XX left in the text
)

// ProblemKinds lists every kind in the order summaries give them.
var ProblemKinds = []ProblemKind{
	ProblemNoMeetingDate, ProblemNoCommittee, ProblemNoChair, ProblemNoAttendance, ProblemAttendanceConflict,
	ProblemMinuteNumber, ProblemEmptyResolution, ProblemActionNoOwner, ProblemActionNoDue, ProblemFollowUpNoDue,
	ProblemNextMeeting, ProblemDueBeforeMeeting, ProblemDateInvalid, ProblemDateWeekday, ProblemNameSpelling,
	ProblemInitials, ProblemExemptNoReason, ProblemPlaceholder,
}

// Problem is one thing in draft minutes a clerk should put right before
// publishing them.
type Problem struct {
	// Line is the line of the text the problem is on (1-based), or 0 when
	// it concerns the whole document.
	Line    int         `json:"line"`
	Kind    ProblemKind `json:"kind"`
	Message string      `json:"message"`
	// Record is the ID of the record the problem concerns, "" for none.
	Record string `json:"record"`
}

// Check lists the problems in one meeting's minutes: m is what Parse made
// of text, and text is the text it read (the same bytes, or the text
// extracted from a PDF, DOCX or HTML file), whose lines the problems point
// at. Problems come sorted by line; the result is never nil.
func Check(m *Meeting, text []byte) []Problem {
	c := newChecker(m, text)
	c.meeting()
	c.attendance()
	c.minuteNumbers()
	c.emptyResolutions()
	c.nextMeeting() // before records: it works out whether the next meeting is dated
	c.records()
	c.dates()
	c.names()
	c.initials()
	c.exempt()
	c.placeholders()
	return c.sorted()
}

// checker holds what the checks share: the meeting, the document's lines
// and where the minutes proper run.
type checker struct {
	m *Meeting
	// date is the meeting's date as the check trusts it: the parser's,
	// unless that is only the next meeting's date.
	date  Date
	lines []string // lines[i] is line i+1 of the text, sanitised
	// first and end bound the items, as line numbers: first is the first
	// item's heading, end the line after the last line of the minutes
	// (the chair's signature or an appendix ends them).
	first, end int
	headings   map[int]bool // lines that open an item
	repeated   map[int]bool // items (by index) whose number is printed again inside them
	// nextKnown is set when the minutes give the next meeting's date.
	nextKnown bool
	// firstNumbered is the index of the first item with a minute number;
	// minuteKey the part of the numbers that counts up.
	firstNumbered, minuteKey int
	out                      []Problem
}

func newChecker(m *Meeting, text []byte) *checker {
	s := string(text)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	c := &checker{m: m, date: m.Date, lines: make([]string, len(raw)), headings: map[int]bool{}}
	for i, l := range raw {
		c.lines[i] = collapseSpaces(Sanitize(strings.ReplaceAll(l, "\t", " ")))
	}
	c.first, c.end = 1, len(c.lines)+1
	last := 0
	for i, it := range m.Items {
		if it.Line <= 0 {
			continue
		}
		c.headings[it.Line] = true
		if i == 0 || it.Line < c.first {
			c.first = it.Line
		}
		last = max(last, it.Line)
	}
	if last > 0 {
		for n := last + 1; n <= len(c.lines); n++ {
			if reCheckEnd.MatchString(c.line(n)) {
				c.end = n
				break
			}
		}
	}
	return c
}

// reCheckEnd is a line that ends the minutes: the chair's signature, or an
// appendix after them.
var reCheckEnd = regexp.MustCompile(`(?i)^(?:\(signed\)|signed\b|chair(?:man|person|woman)?\s*[:.]?\s*[._…]{3,}|chair(?:man|person|woman)?'?s?\s+signature|(?:chair(?:man|person|woman)?|cathaoirleach|mayor|presiding\s+member)$|confirmed\s+as\s+a\s+(?:true|correct)|(?:appendix|annex|annexe)\s+[a-z0-9]{1,3}\b)`)

// line returns line n (1-based) of the text, or "".
func (c *checker) line(n int) string {
	if n < 1 || n > len(c.lines) {
		return ""
	}
	return c.lines[n-1]
}

func (c *checker) add(line int, kind ProblemKind, record, msg string) {
	c.out = append(c.out, Problem{Line: line, Kind: kind, Message: msg, Record: record})
}

func (c *checker) sorted() []Problem {
	rank := map[ProblemKind]int{}
	for i, k := range ProblemKinds {
		rank[k] = i
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return rank[a.Kind] < rank[b.Kind]
	})
	if c.out == nil {
		return []Problem{}
	}
	return c.out
}

// quote is a record's text, clipped, for a message.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 70 {
		cut := 69
		for cut > 50 && r[cut] != ' ' {
			cut--
		}
		s = strings.TrimRight(string(r[:cut]), " ,;:") + "…"
	}
	return "“" + s + "”"
}

// humanDate writes a date the way minutes do: "14 December 2021".
func humanDate(d Date) string {
	if d.IsZero() {
		return "an unknown date"
	}
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// --- the meeting itself ---------------------------------------------------

// dateInHeader reports whether the lines before the first item give d.
func (c *checker) dateInHeader(d Date) bool {
	for n := 1; n < c.first && n <= len(c.lines); n++ {
		for _, f := range findDates(c.line(n)+" "+c.line(n+1), false) {
			if f.Date == d {
				return true
			}
		}
	}
	return false
}

// onNextMeetingLine reports whether d is given as the next meeting's date.
func (c *checker) onNextMeetingLine(d Date) bool {
	for n := c.first; n < c.end && n <= len(c.lines); n++ {
		loc := reNextMeetingHead.FindStringIndex(c.line(n))
		if loc == nil {
			continue
		}
		for k := n; k <= n+3 && k < c.end; k++ {
			s := c.line(k)
			if k == n {
				s = s[loc[1]:]
			}
			for _, f := range findDates(s, false) {
				if f.Date == d {
					return true
				}
			}
		}
	}
	return false
}

// reMeetingBody names a body that meets: a heading line with one names the
// committee even when the parser could not read it.
var reMeetingBody = regexp.MustCompile(`(?i)\b(?:council|committee|sub-committee|board|commission|panel|cabinet|forum|authority|assembly|trust|partnership|executive)\b`)

func (c *checker) meeting() {
	if !c.date.IsZero() && !c.dateInHeader(c.date) && c.onNextMeetingLine(c.date) {
		// Minutes with no date of their own: the parser took the only
		// date there is, the next meeting's.
		c.date = Date{}
	}
	if c.date.IsZero() {
		c.add(0, ProblemNoMeetingDate, "", "the date of the meeting is not given (or not in a form such as “Tuesday 14 December 2021”)")
	}
	named := false
	for n := 1; n < c.first && n <= 15 && !named; n++ {
		t := c.line(n)
		named = len(t) < 120 && reMeetingBody.MatchString(t)
	}
	if c.m.Committee == "" && !named {
		c.add(0, ProblemNoCommittee, "", "the minutes do not say which committee or council met")
	}
}

// --- attendance -----------------------------------------------------------

var reAttendanceLine = regexp.MustCompile(`(?i)^(?:(?:members|councillors|those)\s+)?(?:present|attendance|roll\s+call)\b`)

func (c *checker) attendance() {
	if c.m.Decision {
		return // a page recording one decision lists no attendance
	}
	a := c.m.Attendance
	at := 0 // the attendance block's line, when there is one
	for n := 1; n < c.first && n <= len(c.lines); n++ {
		if reAttendanceLine.MatchString(c.line(n)) {
			at = n
			break
		}
	}
	// The parser may not have read a chair or a list that the minutes do
	// give ("Cllr O. Williams took the Chair", a list in columns): only
	// when the opening of the minutes shows no sign of one is it missing.
	chairSeen, listSeen := a.Chair != "", len(a.Present) > 0
	for n := 1; n <= c.openingEnd() && (!chairSeen || !listSeen); n++ {
		t := c.line(n)
		if !chairSeen && chairNamed(t) {
			chairSeen = true
		}
		if !listSeen && reAttendanceWord.MatchString(t) {
			listSeen = true
		}
	}
	switch {
	case !chairSeen && !listSeen:
		c.add(at, ProblemNoAttendance, "", "no attendance list: the minutes should say who chaired the meeting and who was present")
	case !chairSeen:
		c.add(at, ProblemNoChair, "", "no one is named as chairing the meeting (such as “Councillor A Smith (Chair)”)")
	case !listSeen && a.Chair != "":
		c.add(at, ProblemNoAttendance, "", "no list of who was present")
	}
	// The chair may or may not be repeated among those present; a name
	// twice in the list itself is a slip.
	seen := map[string]bool{}
	for _, p := range a.Present {
		k := nameKey(p)
		if k == "" {
			continue
		}
		if seen[k] {
			c.add(c.nameLine(p), ProblemAttendanceConflict, "", p+" is listed twice as present")
		}
		seen[k] = true
	}
	present := append([]string{a.Chair}, a.Present...)
	for _, list := range []struct {
		names []string
		as    string
	}{{a.Apologies, "as sending apologies"}, {a.Absent, "as absent"}} {
		for _, n := range list.names {
			for _, p := range present {
				if p == "" || !sameName(p, n) {
					continue
				}
				// The parser may have read a mover or seconder into the
				// apologies: the text itself must say it, on one line.
				if at := c.absenceLine(n); at > 0 {
					c.add(at, ProblemAttendanceConflict, "", p+" is listed as present and "+list.as)
				}
			}
		}
	}
}

var (
	reAbsenceWord = regexp.MustCompile(`(?i)\b(?:apolog|absent|absence|regrets|not\s+present)`)
	reMotionWord  = regexp.MustCompile(`(?i)\b(?:moved|seconded|proposed)\b`)
)

// absenceLine is the line that records a person's apologies or absence
// along with their name, or 0.
func (c *checker) absenceLine(name string) int {
	words := strings.Fields(name)
	last := words[len(words)-1]
	for n := 1; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		if strings.Contains(t, last) && reAbsenceWord.MatchString(t) && !reMotionWord.MatchString(t) {
			return n
		}
	}
	return 0
}

var (
	// reChairWords show who chaired: "(Chair)", "– Chairman", "took the
	// Chair", "chaired by", "presiding", "Chair:".
	reChairWords = regexp.MustCompile(`(?i)\b(?:took|taking|in)\s+the\s+chair\b|\bchaired\s+by\b|\bpresid(?:ed|ing)\b|(?:\(|[-–—,:]\s*)(?:the\s+)?(?:chair(?:man|person|woman)?|cathaoirleach|mayor|president|presiding\s+officer)\b|^(?:chair(?:man|person|woman)?|cathaoirleach|presiding\s+officer|mayor)\s*[:\-–—]`)
	// reChairTitle is a title before a name: "Chair Saxby called …",
	// "Chairman Cllr Mrs Shewell", "Mayor Arthur Davis".
	reChairTitle = regexp.MustCompile(`\b(?:Chair(?:man|person|woman)?|CHAIR(?:MAN|PERSON)?|Mayor|President|Cathaoirleach)\s+(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)*[A-Z][a-z]`)
	// reAttendanceWord shows a list of who was there.
	reAttendanceWord = regexp.MustCompile(`(?i)\b(?:present|attendees|attending|attendance|roll\s+call|members\s+of\s+the\s+(?:committee|board|panel)|board\s+of\s+directors)\b`)
)

// chairNamed reports whether a line names who chaired.
func chairNamed(t string) bool {
	return reChairWords.MatchString(t) || reChairTitle.MatchString(t)
}

// openingEnd is the last line of the minutes' opening, where attendance is
// recorded: the header and the first two items.
func (c *checker) openingEnd() int {
	end := c.end - 1
	var heads []int
	for _, it := range c.m.Items {
		if it.Line > 0 {
			heads = append(heads, it.Line)
		}
	}
	sort.Ints(heads)
	if len(heads) >= 3 {
		end = min(end, heads[2]-1, heads[0]+150)
	}
	return min(end, len(c.lines))
}

// nameLine is the first line that names a person, in the header when it
// does, else anywhere; 0 when none does.
func (c *checker) nameLine(name string) int {
	words := strings.Fields(name)
	if len(words) == 0 {
		return 0
	}
	last := words[len(words)-1]
	for n := 1; n <= len(c.lines); n++ {
		if strings.Contains(c.line(n), last) {
			return n
		}
	}
	return 0
}

// nameKey is a name for comparing: lower case, single spaces.
func nameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// sameName reports whether two attendance entries name one person: the
// same words, or the same surname with the first names' initials agreeing
// ("J Smith", "John Smith").
func sameName(a, b string) bool {
	if nameKey(a) == nameKey(b) {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 2 || len(wb) < 2 || !strings.EqualFold(wa[len(wa)-1], wb[len(wb)-1]) {
		return false
	}
	fa, fb := strings.TrimRight(wa[0], "."), strings.TrimRight(wb[0], ".")
	if len(fa) != 1 && len(fb) != 1 {
		return false // two full first names that differ: two people
	}
	return strings.EqualFold(fa[:1], fb[:1])
}

// --- minute numbers -------------------------------------------------------

// minuteNo is a minute number read for comparing: its family (the shape
// of the number with the counting digits generalised), the number that
// counts up and any letter or bracketed suffix.
type minuteNo struct {
	family string // "9", "dotted", "PL/9/9", "9-9"
	nums   []int
	sub    int
}

var reSubSuffix = regexp.MustCompile(`(?:\(([a-z]|[ivx]{1,4}|\d{1,2})\)|([a-z]))$`)

func readMinuteNo(s string) (minuteNo, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ".:")
	if strings.HasSuffix(s, ")") && !strings.Contains(s, "(") {
		s = strings.TrimSuffix(s, ")") // "7)"
	}
	var n minuteNo
	if m := reSubSuffix.FindStringSubmatchIndex(s); m != nil && m[0] > 0 {
		suf := s[m[0]:]
		suf = strings.Trim(suf, "()")
		if v, err := strconv.Atoi(suf); err == nil {
			n.sub = v
		} else if len(suf) == 1 {
			n.sub = int(suf[0]-'a') + 1
		} else {
			n.sub = romanValue(suf)
		}
		s = s[:m[0]]
	}
	var shape strings.Builder
	for i := 0; i < len(s); {
		ch := s[i]
		if ch >= '0' && ch <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			v, _ := strconv.Atoi(s[i:j])
			n.nums = append(n.nums, v)
			shape.WriteByte('9')
			i = j
			continue
		}
		shape.WriteByte(ch)
		i++
	}
	if len(n.nums) == 0 {
		return n, false
	}
	n.family = shape.String()
	if strings.Contains(n.family, ".") && strings.Trim(n.family, "9.") == "" {
		n.family = "dotted"
	}
	return n, true
}

func romanValue(s string) int {
	v := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	total := 0
	for i := 0; i < len(s); i++ {
		x := v[s[i]]
		if i+1 < len(s) && v[s[i+1]] > x {
			total -= x
		} else {
			total += x
		}
	}
	return total
}

// numberedItem is an item with a minute number the check can compare.
type numberedItem struct {
	idx  int
	no   minuteNo
	line int
	text string // the number as printed
}

func (c *checker) minuteNumbers() {
	var run []numberedItem
	for i, it := range c.m.Items {
		if it.Number == "" {
			continue
		}
		if n, ok := readMinuteNo(it.Number); ok {
			run = append(run, numberedItem{i, n, it.Line, strings.TrimRight(it.Number, ".):")})
		}
	}
	if len(run) < 2 {
		return
	}
	c.firstNumbered = run[0].idx
	key := countingPart(run)
	c.minuteKey = key
	// A run that starts again at 1 is several series (sections, a Part
	// II, lists the parser took for items): repeats across them are not
	// faults, and the restart is not one.
	restarts := false
	for k := 1; k < len(run); k++ {
		if a, b := run[k-1], run[k]; a.no.family == b.no.family && len(b.no.nums) > 0 && b.no.nums[len(b.no.nums)-1] <= 1 && b.no.sub <= 1 && len(a.no.nums) == len(b.no.nums) && a.no.nums[len(a.no.nums)-1] > 1 {
			restarts = true
		}
	}
	if !restarts {
		c.repeated = c.strayHeadings(run, key)
	}
	for k := 1; k < len(run); k++ {
		a, b := run[k-1], run[k]
		if a.no.family != b.no.family {
			continue
		}
		if restarts && b.no.nums[len(b.no.nums)-1] <= 1 {
			continue
		}
		// "3. PLAYGROUND", "3. FOOTPATHS", "5. FINANCE": two items
		// numbered alike where one number is missing after them.
		if n := a.no.nums; len(n) == 1 && equalInts(n, b.no.nums) && a.no.sub == b.no.sub && k+1 < len(run) && equalInts(run[k+1].no.nums, []int{n[0] + 2}) {
			c.add(b.line, ProblemMinuteNumber, "", "minute "+b.text+" is numbered twice (also line "+strconv.Itoa(a.line)+"); should this be "+strconv.Itoa(n[0]+1)+"?")
			k++
			continue
		}
		// "18.05.7", "1.05.8", "18.05.9": one number mistyped in a run that
		// is in order around it is one fault, said once, and the run goes
		// on from the number before it.
		if k+1 < len(run) && !c.inOrder(a, b, key) && c.inOrder(a, run[k+1], key) && !c.inOrder(b, run[k+1], key) {
			next := run[k+1]
			msg := "minute " + b.text + " is out of sequence between " + a.text + " and " + next.text
			if x, y, ok := c.counts(a, next, key); ok && y == x+2 {
				msg += ": should it be " + c.numberAt(a, x+1, key) + "?"
			}
			c.add(b.line, ProblemMinuteNumber, "", msg)
			k++
			continue
		}
		if a.no.family == "dotted" {
			c.stepDotted(a, b)
			continue
		}
		if key < 0 || !sameExcept(a.no.nums, b.no.nums, key) {
			continue
		}
		c.step(a, b, a.no.nums[key], b.no.nums[key])
	}
}

// counts is the counting numbers of two minutes of one family that differ
// only in their counting part (for dotted numbers, the last part under
// the same heads, or the first), and whether they are comparable so.
func (c *checker) counts(a, b numberedItem, key int) (x, y int, ok bool) {
	if a.no.family != b.no.family || len(a.no.nums) != len(b.no.nums) || len(a.no.nums) == 0 {
		return 0, 0, false
	}
	if a.no.family == "dotted" {
		n := len(a.no.nums)
		if sameExcept(a.no.nums, b.no.nums, n-1) {
			return a.no.nums[n-1], b.no.nums[n-1], true
		}
		if n > 1 && sameExcept(a.no.nums, b.no.nums, 0) {
			return a.no.nums[0], b.no.nums[0], true
		}
		return 0, 0, false
	}
	if key < 0 || key >= len(a.no.nums) || !sameExcept(a.no.nums, b.no.nums, key) {
		return 0, 0, false
	}
	return a.no.nums[key], b.no.nums[key], true
}

// inOrder reports whether minute b may follow minute a: the next number,
// or one or two on (a missing minute is reported on its own), or a's
// lettered part after a's.
func (c *checker) inOrder(a, b numberedItem, key int) bool {
	x, y, ok := c.counts(a, b, key)
	return ok && (y == x+1 || y == x+2 || y == x && b.no.sub > a.no.sub)
}

// numberAt writes minute a's number with its counting part k.
func (c *checker) numberAt(a numberedItem, k, key int) string {
	if a.no.family == "9" || a.no.family == "dotted" {
		return renumber(a.text, k)
	}
	return renumberPart(a.text, key, k)
}

// countingPart is the index of the numeric part that counts up from item
// to item ("PL/44/23": the 44), or -1 when no one part does.
func countingPart(run []numberedItem) int {
	var fam minuteNo
	for _, r := range run {
		if r.no.family != "dotted" {
			fam = r.no
			break
		}
	}
	if fam.family == "" {
		return -1
	}
	if len(fam.nums) == 1 {
		return 0
	}
	varying := -1
	for p := range fam.nums {
		for _, r := range run {
			if r.no.family == fam.family && len(r.no.nums) == len(fam.nums) && r.no.nums[p] != fam.nums[p] {
				if varying >= 0 && varying != p {
					return len(fam.nums) - 1
				}
				varying = p
				break
			}
		}
	}
	if varying < 0 {
		return len(fam.nums) - 1
	}
	return varying
}

// sameExcept reports whether a and b agree in every part but key.
func sameExcept(a, b []int, key int) bool {
	if len(a) != len(b) || key >= len(a) {
		return false
	}
	for i := range a {
		if i != key && a[i] != b[i] {
			return false
		}
	}
	return true
}

// step compares two consecutive minutes whose counting numbers are x, y.
func (c *checker) step(a, b numberedItem, x, y int) {
	switch {
	case y == x && b.no.sub > a.no.sub:
		// 12(a) → 12(b)
	case y == x:
		c.add(b.line, ProblemMinuteNumber, "", "minute "+b.text+" is numbered the same as the minute before it (line "+strconv.Itoa(a.line)+")")
	case y == x+1:
	case y > x+1:
		for k := x + 1; k < y; k++ {
			if c.printed(a, k) {
				return // the document has it; the parser missed its heading
			}
		}
		if y == x+2 && c.repeated[a.idx] {
			return // "3, 3, 5": the repeat is reported, with the number it should be
		}
		ren := func(k int) string {
			if a.no.family == "9" || a.no.family == "dotted" {
				return renumber(a.text, k)
			}
			return renumberPart(a.text, c.minuteKey, k)
		}
		missing := "minute " + ren(x+1) + " is"
		if y > x+2 {
			missing = "minutes " + ren(x+1) + "–" + ren(y-1) + " are"
		}
		c.add(b.line, ProblemMinuteNumber, "", missing+" missing: "+a.text+" is followed by "+b.text)
	case a.idx == c.firstNumbered && y > 0:
		// The first number is the odd one out: "4. Adoption of Minutes"
		// then "2. Disposal of Land".
		c.add(a.line, ProblemMinuteNumber, "", "minute "+a.text+" is followed by "+b.text+": should it be "+renumber(a.text, y-1)+"?")
	default:
		c.add(b.line, ProblemMinuteNumber, "", "minute "+b.text+" comes after "+a.text+": the numbers go backwards")
	}
}

// renumberPart writes a number as printed with its part-th number (from
// 0) replaced by k: renumberPart("15/03/4", 2, 5) is "15/03/5".
func renumberPart(printed string, part, k int) string {
	idx := 0
	for i := 0; i < len(printed); {
		if printed[i] < '0' || printed[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(printed) && printed[j] >= '0' && printed[j] <= '9' {
			j++
		}
		if idx == part {
			num := strconv.Itoa(k)
			for len(num) < j-i && printed[i] == '0' {
				num = "0" + num
			}
			return printed[:i] + num + printed[j:]
		}
		idx++
		i = j
	}
	return printed
}

// renumber writes number as printed with its last number replaced by k:
// renumber("18.05.7", 8) is "18.05.8".
func renumber(printed string, k int) string {
	end := len(printed)
	for end > 0 && (printed[end-1] < '0' || printed[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && printed[start-1] >= '0' && printed[start-1] <= '9' {
		start--
	}
	if start == end {
		return strconv.Itoa(k)
	}
	width := end - start
	num := strconv.Itoa(k)
	for len(num) < width && printed[start] == '0' {
		num = "0" + num // "19.09.01" → "19.09.02"
	}
	return printed[:start] + num
}

// stepDotted compares hierarchical numbers (5, 5.1, 5.2, 6) at the top
// level, and whole numbers for repeats.
func (c *checker) stepDotted(a, b numberedItem) {
	x, y := a.no.nums, b.no.nums
	if len(x) == len(y) && len(x) > 1 {
		same := true
		for i := 0; i < len(x)-1; i++ {
			same = same && x[i] == y[i]
		}
		if same {
			// "19.09.01" → "19.09.02", "5.1" → "5.2": the last part counts.
			c.step(a, b, x[len(x)-1], y[len(y)-1])
			return
		}
	}
	switch {
	case y[0] == x[0]:
		if equalInts(x, y) && a.no.sub == b.no.sub {
			c.add(b.line, ProblemMinuteNumber, "", "minute "+b.text+" is numbered the same as the minute before it (line "+strconv.Itoa(a.line)+")")
		}
	case y[0] == x[0]+1:
	case y[0] > x[0]+1:
		if len(x) == 1 && len(y) == 1 || len(x) == len(y) {
			c.step(a, b, x[0], y[0])
		}
	default:
		c.add(b.line, ProblemMinuteNumber, "", "minute "+b.text+" comes after "+a.text+": the numbers go backwards")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var (
	reLeadNo = regexp.MustCompile(`^(?:(?i:minute|item)\s+(?:no\.?\s*)?)?(\d{1,4}[a-z]?|\d{1,3}(?:\.\d{1,3}){1,2})([.):]|\s+[-–—])?\s+(\S.*)$`)
	// reStartsWithMonth is a heading that is really a date: "5 FEBRUARY
	// 2019" in a page header.
	reStartsWithMonth = regexp.MustCompile(`(?i)^(?:` + checkMonths + `)\b`)
	reMonthThenYear   = regexp.MustCompile(`(?i)^(?:` + checkMonths + `)\.?,?\s+\d`)
)

// printed reports whether the document prints minute number k of a's
// family as an item somewhere in the minutes: a line that starts with it
// ("6. Treasurer's Report", "6", "Item 6:", "(Item 6)"), or, in raw PDF
// text whose lines run on, the number after a wide gap ("  *51 Amend …").
// Then a gap in the items is the parser's, not the document's.
func (c *checker) printed(a numberedItem, k int) bool {
	num := strconv.Itoa(k)
	if a.no.family == "dotted" {
		if len(a.no.nums) < 2 {
			return false
		}
		parts := make([]string, len(a.no.nums))
		for i, v := range a.no.nums[:len(a.no.nums)-1] {
			parts[i] = strconv.Itoa(v)
		}
		parts[len(parts)-1] = num
		num = strings.Join(parts, `\.`)
	} else if a.no.family != "9" {
		// A number with a shape of its own ("15/03/5", "PL/45/23") is
		// printed wherever it stands: in a table cell, after "Item".
		token := regexp.QuoteMeta(renumberPart(a.text, c.minuteKey, k))
		re := regexp.MustCompile(`(?:^|[\s>(*])` + token + `(?:$|[\s.):<,;&])`)
		for n := c.first; n < c.end && n <= len(c.lines); n++ {
			if re.MatchString(c.line(n)) {
				return true
			}
		}
		return false
	}
	re := regexp.MustCompile(`^(?:\(?(?i:minute|item|agenda\s+item)\s+(?:no\.?\s*)?)?\*?0*` + num + `(?:[.):]|\s|$)|(?:\s{2}|\*)` + num + `\s+[A-Z]`)
	for n := c.first; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		if !strings.Contains(t, strconv.Itoa(k)) {
			continue
		}
		loc := re.FindStringIndex(t)
		if loc == nil || loc[0] > 0 && len(t) < 160 {
			continue
		}
		if rest := strings.TrimSpace(t[loc[1]:]); reMonthThenYear.MatchString(rest) {
			continue // "6 March 2024", a date
		}
		return true
	}
	return false
}

// strayHeadings finds minute headings the parser could not take as items
// because their number repeats or goes back ("36. FOOTPATHS" inside minute
// 36, "35. …" inside 37): they read as text of the item they sit in. It
// looks only where the items' own headings start with their numbers, and
// for headings printed the same way.
//
// It returns the items whose number is repeated inside them.
func (c *checker) strayHeadings(run []numberedItem, key int) map[int]bool {
	repeated := map[int]bool{}
	if run[0].no.family != "9" || key != 0 {
		return repeated
	}
	lo := run[0].no.nums[0]
	caps, numbered := 0, 0
	seps := map[string]int{}
	ownLine := map[int]bool{} // items whose heading line starts with their number
	for _, r := range run {
		if allCaps(c.m.Items[r.idx].Title) {
			caps++
		}
		if m := reLeadNo.FindStringSubmatch(c.line(r.line)); m != nil && strings.TrimRight(m[1], ".") == r.text {
			numbered++
			seps[strings.TrimSpace(m[2])]++
			ownLine[r.idx] = true
		}
	}
	if numbered*10 < len(run)*8 {
		return repeated // numbers on lines of their own, or "(Item 5)": no way to tell a stray
	}
	sep, best := "", -1
	for k, v := range seps {
		if v > best {
			sep, best = k, v
		}
	}
	capsStyle := caps*10 >= len(run)*6
	repeats := map[string]int{} // text of every line, to tell page furniture
	for _, t := range c.lines {
		if t != "" {
			repeats[t]++
		}
	}
	for k, r := range run {
		if r.no.family != "9" {
			continue
		}
		from := r.line + 1
		to := c.end
		if k+1 < len(run) {
			to = run[k+1].line
		}
		cur := r.no.nums[0]
		type stray struct {
			line, n int
			text    string
		}
		var strays []stray
		for n := from; n < to; n++ {
			t := c.line(n)
			m := reLeadNo.FindStringSubmatch(t)
			if m == nil || c.headings[n] || strings.TrimSpace(m[2]) != sep || repeats[t] > 1 {
				continue
			}
			v, ok := readMinuteNo(m[1])
			if !ok || v.family != "9" || !headingLike(m[3], capsStyle) || reStartsWithMonth.MatchString(m[3]) {
				continue
			}
			if prev := c.line(n - 1); prev != "" && !endsSentence(prev) && !allCaps(prev) {
				continue
			}
			strays = append(strays, stray{n, v.nums[0], strings.TrimRight(m[1], ".")})
		}
		for i, s := range strays {
			// Numbered paragraphs (1, 2, 3 …) are a list, not headings.
			inList := i > 0 && strays[i-1].n+1 == s.n || i+1 < len(strays) && strays[i+1].n == s.n+1
			switch {
			case inList:
			case s.n == cur && ownLine[r.idx]:
				msg := "minute " + s.text + " is numbered twice (also line " + strconv.Itoa(r.line) + ")"
				if k+1 < len(run) && run[k+1].no.nums[0] == cur+2 && len(strays) == 1 {
					msg += "; should this be " + strconv.Itoa(cur+1) + "?"
				}
				repeated[r.idx] = true
				c.add(s.line, ProblemMinuteNumber, "", msg)
			case s.n < cur && s.n >= lo && s.n > 1:
				c.add(s.line, ProblemMinuteNumber, "", "minute "+s.text+" comes after "+r.text+": the numbers go backwards")
			}
		}
	}
	return repeated
}

// headingLike reports whether s reads as an item's heading: short, no
// sentence punctuation, in capitals when the other headings are.
func headingLike(s string, caps bool) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 || len(s) > 100 || !startsUpper(s) {
		return false
	}
	if caps {
		return allCaps(s)
	}
	if endsWithAny(s, ".,;") {
		return false
	}
	upper, long := 0, 0
	for _, w := range words {
		if len(w) < 4 {
			continue
		}
		long++
		if startsUpper(w) {
			upper++
		}
	}
	return long == 0 || upper*10 >= long*6
}

// allCaps reports whether s has letters and none in lower case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// --- resolutions ----------------------------------------------------------

// reBareMarker is a decision marker that promises text and has none on its
// line: "RESOLVED:", "It was RESOLVED that", "AGREED –", "DECISION:".
var reBareMarker = regexp.MustCompile(`^(?:\d{1,2}[.)]\s+)?(?:(?i:it\s+was\s+|the\s+(?:committee|council|board|panel|cabinet)\s+)?(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION)(?:\s+UNANIMOUSLY)?(?:\s*[:\-–—]+(?:\s*(?i:that))?|\s+(?i:that))|(?:Resolved|Agreed|Decided|Recommended|Decision|(?i:it\s+was\s+)resolved)(?:\s+unanimously)?\s*[:\-–—]+(?:\s*(?i:that))?)\s*$`)

func (c *checker) emptyResolutions() {
	reported := map[int]bool{}
	for n := c.first; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		if !reBareMarker.MatchString(t) {
			continue
		}
		// What follows the marker: the next line with text.
		next := n + 1
		for next < c.end && next <= len(c.lines) && c.line(next) == "" {
			next++
		}
		nt := c.line(next)
		if next >= c.end || next > len(c.lines) || c.headings[next] || reCheckEnd.MatchString(nt) {
			c.add(n, ProblemEmptyResolution, "", "“"+strings.TrimSpace(t)+"” has no decision after it")
			reported[n] = true
		}
	}
	// A resolution the parser kept with nothing in it but "That".
	for _, it := range c.m.Items {
		for _, r := range it.Resolutions {
			if t := strings.Trim(r.Text, " .:;-–—"); (t == "" || strings.EqualFold(t, "that")) && !reported[r.Line] {
				c.add(r.Line, ProblemEmptyResolution, r.ID, "resolution has no decision in it")
			}
		}
	}
}

// --- actions and follow-ups -----------------------------------------------

// reFirstPerson opens a sentence quoted from someone ("I will ask at the
// next meeting …" in a notice of question): not the minutes' own record.
var reFirstPerson = regexp.MustCompile(`^[*"“'‘\s]*I\s+(?:will|would|shall|am|have|ask|move|propose|request)\b`)

func (c *checker) records() {
	for _, it := range c.m.Items {
		for _, r := range it.Actions {
			if reFirstPerson.MatchString(r.Text) {
				continue
			}
			if r.Owner == "" && namedSubject(r.Text) == "" {
				c.add(r.Line, ProblemActionNoOwner, r.ID, "action has no owner: "+quote(r.Text))
			}
			switch {
			case c.dueNext(r) && c.nextKnown:
				// due at the next meeting, whose date the minutes give
			case c.dueNext(r):
				// reported by nextMeeting
			case r.Due.IsZero() && !namesTime(r.Text) && !c.rowNamesTime(r):
				c.add(r.Line, ProblemActionNoDue, r.ID, "action has no due date: "+quote(r.Text))
			}
			c.dueBefore(r, "action")
		}
		for _, r := range it.FollowUps {
			if reFirstPerson.MatchString(r.Text) {
				continue
			}
			switch {
			case c.dueNext(r):
				// due at the next meeting: dated, or reported by nextMeeting
			case r.Due.IsZero() && !namesTime(r.Text):
				c.add(r.Line, ProblemFollowUpNoDue, r.ID, "follow-up names no meeting or date to come back by: "+quote(r.Text))
			}
			c.dueBefore(r, "follow-up")
		}
	}
}

var (
	// reActSubject is who an action's sentence says will act: "The Head of
	// Environmental Services agreed to …", "2. Councillor Bell undertook …".
	reActSubject = regexp.MustCompile(`^(?:\(?\d{1,2}[.)]\s+|\([a-z]\)\s+)?(?:The\s+|the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:of|for|and|&|the)?\s*[A-Z][\w'’.-]*){0,6})\s+(?:undertook|agreed|offered|promised|committed|would|will|to|was\s+asked|were\s+asked|is\s+asked|are\s+asked|(?:stated|said|confirmed|advised|indicated|explained|reported|added)\s+that\b[^.]*\b(?:would|will)\b)`)
	// reNoOne is a subject that names no one who can be chased.
	reNoOne = regexp.MustCompile(`(?i)^(?:an?\s+)?(?:officers?|members?|it|he|she|they|this|there|that|these|committee|council|meeting|board|panel|all|everyone|somebody|someone)$`)
)

// reOfficeVerb is an office with a bare verb, as parish minutes write a
// task: "Clerk contact MCC …", "Chairman write to …".
var reOfficeVerb = regexp.MustCompile(`^(?:\(?\d{1,2}[.)]\s+|\([a-z]\)\s+)?(?:The\s+|the\s+)?(Clerk|Chair(?:man|person|woman)?|RFO|Treasurer|Secretary|Mayor)\s+(?:to\s+)?[a-z]{3,}\b`)

// namedSubject is the person or role an action's text opens with, when it
// names one the parser did not take as the owner; "" otherwise.
func namedSubject(text string) string {
	if m := reOfficeVerb.FindStringSubmatch(strings.TrimSpace(text)); m != nil {
		return m[1]
	}
	m := reActSubject.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || reNoOne.MatchString(m[1]) {
		return ""
	}
	return m[1]
}

// reNamedTime is a when in a record's text: a month ("the August
// committee meeting"), a period ("within 14 days"), a weekday.
var reNamedTime = regexp.MustCompile(`(?i)\b(?:january|february|march|april|june|july|august|september|october|november|december|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d+\s+(?:working\s+)?(?:days|weeks|months|years)|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:working\s+)?(?:days|weeks|months|years)|(?:end|close)\s+of\s+(?:the\s+)?(?:month|year|quarter))\b`)

// namesTime reports whether a record's text says when, in words the
// parser did not turn into a date: then the missing due date is the
// parser's to find, not the clerk's to add.
func namesTime(t string) bool {
	return reNamedTime.MatchString(t) || len(findDates(t, false)) > 0
}

// rowNamesTime reports whether a record from a table row has a when in
// another column ("Report back | Head of Service | September 2024").
func (c *checker) rowNamesTime(r Record) bool {
	t := c.line(r.Line)
	return (strings.Contains(t, " | ") || strings.Contains(t, "   ")) && namesTime(t)
}

// reDuePhrase introduces a due date in a record's text.
var reDuePhrase = regexp.MustCompile(`(?i)\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|deadline\s+(?:of\s+)?|due(?:\s+on)?)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$`)

// dueBefore reports a record due before the meeting that set it: due at
// a meeting already held ("the June 2025 meeting"), or by a date already
// past ("by 1 March 2025"). A date the text gives for something else ("the
// minutes of the meeting on 9 January") is not a due date, whatever the
// parser made of it.
func (c *checker) dueBefore(r Record, kind string) {
	md := c.date
	if md.IsZero() {
		return
	}
	if !r.Due.IsZero() && r.Due.Before(md) && r.DueMeeting != "" && r.Target.Kind == TargetMonth {
		at := r.DueMeeting
		if !strings.HasPrefix(strings.ToLower(at), "the ") {
			at = "the " + at
		}
		c.add(r.Line, ProblemDueBeforeMeeting, r.ID, kind+" is due at “"+at+"”, before this meeting ("+humanDate(md)+"): "+quote(r.Text))
		return
	}
	for _, d := range findDates(r.Text, false) {
		if d.Date.Before(md) && reDuePhrase.MatchString(r.Text[:d.Start]) {
			c.add(r.Line, ProblemDueBeforeMeeting, r.ID, kind+" is due by "+humanDate(d.Date)+", before the meeting on "+humanDate(md)+": "+quote(r.Text))
			return
		}
	}
}

// --- the next meeting -----------------------------------------------------

var (
	reNextMeetingRef  = regexp.MustCompile(`(?i)\b(?:to|at|until|for|before|by)\s+(?:the|its|their|our)\s+(?:next|following)\s+(?:[\p{L}\p{M}'’-]+\s+){0,3}?meeting\b|\b(?:on|for|to)\s+the\s+next\s+agenda\b`)
	reNextMeetingHead = regexp.MustCompile(`(?i)\b(?:date|time|dates)\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?next\s+meeting\b|^(?:the\s+)?next\s+meeting(?:\s*[:\-–—.]|\s*$)|\bnext\s+(?:regular\s+|ordinary\s+|scheduled\s+|monthly\s+|general\s+)?meeting\s+(?:will\s+be|is|to\s+be|shall\s+be)\s+(?:held\s+)?(?:on\b)?`)
)

func (c *checker) nextMeeting() {
	next := c.m.NextMeeting
	if next.IsZero() {
		next = c.nextMeetingDate()
	}
	c.nextKnown = !next.IsZero()
	if c.nextKnown {
		return
	}
	said := map[string]bool{} // a sentence read as both an action and a follow-up is reported once
	for _, it := range c.m.Items {
		for _, r := range append(append([]Record(nil), it.Actions...), it.FollowUps...) {
			if !c.dueNext(r) || said[strconv.Itoa(r.Line)+r.Text] || reFirstPerson.MatchString(r.Text) {
				continue
			}
			said[strconv.Itoa(r.Line)+r.Text] = true
			kind := "follow-up"
			if r.Kind == KindAction {
				kind = "action"
			}
			c.add(r.Line, ProblemNextMeeting, r.ID, kind+" is due at “"+orText(r.DueMeeting, "the next meeting")+"”, but the minutes give no date for it: "+quote(r.Text))
		}
	}
}

// nextMeetingDate reads the next meeting's date where the minutes set it
// out ("Date of next meeting: Tuesday 7th October"), which the parser
// may not have read (it needs a year). It reports the next meeting's date
// as missing, or as not after this meeting.
func (c *checker) nextMeetingDate() Date {
	first := 0
	var before Date
	for n := c.first; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		loc := reNextMeetingHead.FindStringIndex(t)
		if loc == nil {
			continue
		}
		if first == 0 {
			first = n
		}
		// The date may follow on the heading's line or in the lines below.
		for k := n; k <= n+3 && k < c.end; k++ {
			if k > n && c.headings[k] {
				break
			}
			s := c.line(k)
			if k == n {
				s = s[loc[1]:]
			}
			for _, d := range c.datesNear(s) {
				if c.date.IsZero() || d.After(c.date) {
					return d
				}
				if before.IsZero() {
					before = d
				}
			}
		}
	}
	switch {
	case !before.IsZero():
		c.add(first, ProblemNextMeeting, "", "the next meeting is dated "+humanDate(before)+", which is not after this meeting ("+humanDate(c.date)+")")
	case first > 0:
		c.add(first, ProblemNextMeeting, "", "the date of the next meeting is not given")
	}
	return Date{}
}

// dueNext reports whether a record is due at the next meeting: the parser
// says so, or its text sends it there ("will be brought to the next
// meeting", "to the next available Committee meeting").
func (c *checker) dueNext(r Record) bool {
	if r.Target.Kind == TargetNext {
		return true
	}
	return r.Due.IsZero() && reNextMeetingRef.MatchString(r.Text)
}

// datesNear reads the dates in s, including those with no year ("Tuesday
// 7th October", "May 24th"): those are taken to be the next such day on or
// after the meeting.
func (c *checker) datesNear(s string) []Date {
	var out []Date
	for _, d := range findDates(s, false) {
		out = append(out, d.Date)
	}
	if len(out) > 0 {
		return out
	}
	add := func(day int, mon time.Month) {
		if mon == 0 || day < 1 || day > 31 {
			return
		}
		if c.date.IsZero() {
			out = append(out, Date{Month: mon, Day: day}) // a date, in an unknown year
			return
		}
		for y := c.date.Year; y <= c.date.Year+1; y++ {
			if d, ok := validDate(y, mon, day); ok && !d.Before(c.date) {
				out = append(out, d)
				return
			}
		}
	}
	for _, m := range reCheckDMY.FindAllStringSubmatch(s, -1) {
		add(atoiSafe(m[2]), monthOf(m[3]))
	}
	for _, m := range reCheckMDY.FindAllStringSubmatch(s, -1) {
		add(atoiSafe(m[3]), monthOf(m[2]))
	}
	return out
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// --- dates ----------------------------------------------------------------

const checkMonths = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`
const checkDays = `monday|tuesday|wednesday|thursday|friday|saturday|sunday`

var (
	// "Tuesday 14th December 2021", "31 June 2026", "the 31st day of June".
	reCheckDMY = regexp.MustCompile(`(?i)\b(?:(` + checkDays + `),?\s+)?(?:the\s+)?(\d{1,2})\s?(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?\s+(` + checkMonths + `)\b\.?(?:,?\s+(\d{4}))?`)
	// "Tuesday, December 14, 2021", "June 31, 2026".
	reCheckMDY = regexp.MustCompile(`(?i)\b(?:(` + checkDays + `),?\s+)?(` + checkMonths + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	// "31/06/2026", "29.02.2025".
	reCheckNumeric = regexp.MustCompile(`\b(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b`)
)

// seenDate stops one date on two lines (a date that straddles a line
// break is read from the join of the two) from being reported twice.
type seenDate struct {
	line int
	text string
}

func (c *checker) dates() {
	seen := map[seenDate]bool{}
	for n := 1; n <= len(c.lines) && n < c.end; n++ {
		t := c.line(n)
		if t == "" {
			continue
		}
		if strings.ContainsAny(t, "0123456789") {
			c.datesIn(n, t, len(t), seen)
		}
		// A date broken over the line end: only the ends matter.
		next := c.line(n + 1)
		if next == "" || n+1 >= c.end {
			continue
		}
		head, tail := t, next
		if len(head) > 40 {
			head = head[len(head)-40:]
			if j := strings.IndexByte(head, ' '); j >= 0 {
				head = head[j+1:]
			}
		}
		if len(tail) > 40 {
			tail = tail[:40]
		}
		if joined := head + " " + tail; strings.ContainsAny(joined, "0123456789") {
			c.datesIn(n, joined, len(head), seen) // only dates that cross the break
		}
	}
}

// hasMonth is a cheap test that s may name a month.
func hasMonth(s string) bool {
	return containsAny(strings.ToLower(s), []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
}

// datesIn checks the dates in s that start before cut (the end of line n's
// own text within s) and, when s joins two lines, end after it.
func (c *checker) datesIn(n int, s string, cut int, seen map[seenDate]bool) {
	joined := cut < len(s)
	report := func(loc []int, kind ProblemKind, msg string) {
		if loc[0] >= cut || joined && loc[1] <= cut {
			return
		}
		k := seenDate{n, strings.Join(strings.Fields(s[loc[0]:loc[1]]), " ")}
		if seen[k] {
			return
		}
		seen[k] = true
		c.add(n, kind, "", msg)
	}
	months := hasMonth(s)
	for _, m := range reCheckDMY.FindAllStringSubmatchIndex(s, -1) {
		if !months {
			break
		}
		wd, day, mon, yr := sub(s, m, 1), sub(s, m, 2), sub(s, m, 3), sub(s, m, 4)
		c.checkDate(s[m[0]:m[1]], wd, atoiSafe(day), monthOf(mon), atoiSafe(yr), func(kind ProblemKind, msg string) { report(m, kind, msg) })
	}
	for _, m := range reCheckMDY.FindAllStringSubmatchIndex(s, -1) {
		if !months {
			break
		}
		wd, mon, day, yr := sub(s, m, 1), sub(s, m, 2), sub(s, m, 3), sub(s, m, 4)
		if yr == "" && wd == "" {
			continue // "May 2" and the like: too often not a date
		}
		c.checkDate(s[m[0]:m[1]], wd, atoiSafe(day), monthOf(mon), atoiSafe(yr), func(kind ProblemKind, msg string) { report(m, kind, msg) })
	}
	for _, m := range reCheckNumeric.FindAllStringSubmatchIndex(s, -1) {
		if !strings.ContainsAny(s, "/.") {
			break
		}
		if sub(s, m, 2) != sub(s, m, 4) {
			continue // "5.1/2024" is not a date
		}
		a, b, y := atoiSafe(sub(s, m, 1)), atoiSafe(sub(s, m, 3)), atoiSafe(sub(s, m, 5))
		if y < 1900 || y > 2100 || a == 0 || b == 0 {
			continue
		}
		_, okDM := validDate(y, time.Month(b), a)
		_, okMD := validDate(y, time.Month(a), b)
		if okDM || okMD || a > 31 || b > 31 || (a > 12 && b > 12) {
			continue
		}
		text := s[m[0]:m[1]]
		report(m, ProblemDateInvalid, text+" is not a date")
	}
}

func sub(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// checkDate reports a day the month does not have, or a weekday that does
// not fall on the date.
func (c *checker) checkDate(text, weekday string, day int, mon time.Month, year int, report func(ProblemKind, string)) {
	if mon == 0 || day < 1 || day > 31 {
		return
	}
	text = strings.Join(strings.Fields(text), " ")
	y := year
	if y == 0 {
		y = 2024 // a leap year: 29 February is a date when no year is given
	}
	if y < 1800 || y > 2200 {
		return
	}
	last := EndOfMonth(y, mon).Day
	if day > last {
		in := mon.String()
		if year != 0 {
			in += " " + strconv.Itoa(year)
		}
		report(ProblemDateInvalid, "“"+text+"” is not a date: "+in+" has "+strconv.Itoa(last)+" days")
		return
	}
	if weekday == "" || year == 0 {
		return
	}
	actual := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC).Weekday()
	if !strings.EqualFold(actual.String(), weekday) {
		report(ProblemDateWeekday, "“"+text+"”: "+humanDate(Date{year, mon, day})+" is a "+actual.String())
	}
}

// --- names ----------------------------------------------------------------

var (
	// A titled name: "Councillor Hollingsworth", "Cllr P. Hollingsworth",
	// "Mrs Sarah Quayle".
	reTitledName = regexp.MustCompile(`\b(?:Councillor|Cllr\.?|Cr\.?|Mrs\.?|Mr\.?|Ms\.?|Miss|Dr\.?|Mx\.?|Director|Commissioner|Supervisor|Trustee|Alderman|Alderwoman|Board\s+Member|Council\s*[Mm]ember|Councilmember|President|Chair|Mayor)\s+((?:[A-Z]\.?\s*){0,3}(?:[A-Z][\p{Ll}’'-]+\s+)?[A-Z][\p{L}’'-]*\p{Ll}[\p{L}’'-]*)`)
	// A list after "Councillors": "Councillors Bell, Quayle and Whitlok".
	reTitledList = regexp.MustCompile(`\b(?:Councillors|Cllrs\.?|Directors|Commissioners|Supervisors|Trustees|Board\s+Members|Council\s*[Mm]embers|Councilmembers)\s+([^.;:()]{3,200})`)
	reListSplit  = regexp.MustCompile(`\s*(?:,|;|\s+and\s+|\s+&\s+)\s*`)
	reListName   = regexp.MustCompile(`^(?:[A-Z]\.?\s*){0,3}(?:[A-Z][\p{Ll}’'-]+\s+)?[A-Z][\p{L}’'-]*\p{Ll}[\p{L}’'-]*$`)
	reFirstLast  = regexp.MustCompile(`\b([A-Z][\p{Ll}’'-]+)\s+([A-Z][\p{Ll}’'-]+(?:-[A-Z][\p{Ll}]+)?)\b`)
)

// nameTitles are the words reTitledName and reTitledList start with.
var nameTitles = []string{"Councillor", "Cllr", "Cr ", "Cr.", "Mr ", "Mr.", "Mrs", "Ms ", "Ms.", "Miss ", "Dr ", "Dr.",
	"Mx ", "Mx.", "Director ", "Directors ", "Commissioner", "Supervisor", "Trustee", "Alderm", "Member ", "Members ",
	"member ", "members ", "Councilmember", "President ", "Chair ", "Mayor "}

// person is one name from the attendance lists, split for matching.
type person struct {
	name, first, last string // first is "" for an initial
}

func (c *checker) people() []person {
	a := c.m.Attendance
	all := append(append(append(append([]string{a.Chair}, a.Present...), a.InAttendance...), a.Apologies...), a.Absent...)
	for _, s := range a.Substitutes {
		all = append(all, s.Member, s.Substitute)
	}
	var out []person
	for _, n := range all {
		w := strings.Fields(n)
		if len(w) == 0 || len(w) > 5 || !personName(w) {
			continue
		}
		p := person{name: n, last: strings.Trim(w[len(w)-1], ".,")}
		if len(w) > 1 && len(strings.TrimRight(w[0], ".")) > 1 {
			p.first = w[0]
		}
		out = append(out, p)
	}
	return out
}

// roleWords are words of a role or a body, not of a person's name: the
// attendance lists of real minutes mix in "Chief Executive", "Corporate
// Support", "Māori Partnerships".
var roleWords = map[string]bool{
	"manager": true, "executive": true, "officer": true, "director": true, "council": true, "councils": true,
	"partnership": true, "partnerships": true, "support": true, "services": true, "service": true, "team": true,
	"clerk": true, "chief": true, "group": true, "engineer": true, "head": true, "planning": true, "public": true,
	"member": true, "members": true, "committee": true, "board": true, "police": true, "highways": true,
	"secretary": true, "treasurer": true, "advisor": true, "adviser": true, "solicitor": true, "lead": true,
	"coordinator": true, "co-ordinator": true, "governance": true, "democratic": true, "department": true,
	"district": true, "county": true, "borough": true, "city": true, "parish": true, "town": true, "community": true,
	"representative": true, "resident": true, "residents": true, "chair": true, "chairman": true, "chairperson": true,
	"mayor": true, "president": true, "vice": true, "deputy": true, "interim": true, "assistant": true,
}

// personName reports whether the words of an attendance entry read as a
// person's name: capitalised words of letters, none a role word.
func personName(words []string) bool {
	for _, w := range words {
		if roleWords[strings.ToLower(w)] {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// foldName is a word of a name for comparing: lower case, one apostrophe.
func foldName(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.Trim(s, ".,"), "’", "'"))
}

func (c *checker) names() {
	people := c.people()
	if len(people) == 0 {
		return
	}
	words := map[string]bool{} // every word of every attendee's name
	firsts := map[string]bool{}
	for _, p := range people {
		for _, w := range strings.Fields(p.name) {
			words[foldName(w)] = true
			for _, part := range strings.Split(w, "-") {
				words[foldName(part)] = true
			}
		}
		if p.first != "" {
			firsts[p.first] = true
		}
	}
	type finding struct {
		line  int
		msg   string
		count int
	}
	found := map[string]*finding{}
	var order []string
	consider := func(n int, name string) {
		w := strings.Fields(strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s"))
		var full []string
		for _, x := range w {
			if x = strings.Trim(x, ".,"); len(x) > 1 {
				full = append(full, x)
			}
		}
		if len(full) == 0 {
			return
		}
		last := full[len(full)-1]
		first := ""
		if len(full) > 1 {
			first = full[0]
		}
		key, msg := nameProblem(people, words, first, last)
		if key == "" {
			return
		}
		if f := found[key]; f != nil {
			f.count++
			return
		}
		found[key] = &finding{n, msg, 1}
		order = append(order, key)
	}
	// scan reads the names in s that start before cut and, when s joins
	// a line to the next, end after it: "Councillor Jon / Hartley".
	// hasTitle and hasFirst are cheap tests before the expressions.
	hasTitle := func(s string) bool { return containsAny(s, nameTitles) }
	firstList := make([]string, 0, len(firsts))
	for f := range firsts {
		firstList = append(firstList, f)
	}
	hasFirst := func(s string) bool { return containsAny(s, firstList) }
	scan := func(n int, s string, cut int) {
		ok := func(loc []int) bool { return loc[0] < cut && (cut == len(s) || loc[1] > cut) }
		if hasTitle(s) {
			for _, m := range reTitledName.FindAllStringSubmatchIndex(s, -1) {
				if ok(m) {
					consider(n, s[m[2]:m[3]])
				}
			}
			for _, m := range reTitledList.FindAllStringSubmatchIndex(s, -1) {
				if !ok(m) {
					continue
				}
				for _, part := range reListSplit.Split(s[m[2]:m[3]], -1) {
					part = strings.TrimSpace(part)
					if !reListName.MatchString(part) {
						break // the list has ended
					}
					consider(n, part)
				}
			}
		}
		if hasFirst(s) {
			for _, m := range reFirstLast.FindAllStringSubmatchIndex(s, -1) {
				if ok(m) && firsts[s[m[2]:m[3]]] {
					consider(n, s[m[2]:m[3]]+" "+s[m[4]:m[5]])
				}
			}
		}
	}
	for n := 1; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		if t == "" {
			continue
		}
		scan(n, t, len(t))
		if next := c.line(n + 1); next != "" && n+1 < c.end {
			// A name broken over the line end: only the ends matter.
			head, tail := t, next
			if len(head) > 60 {
				head = head[len(head)-60:]
			}
			if len(tail) > 60 {
				tail = tail[:60]
			}
			if j := strings.IndexByte(head, ' '); j >= 0 && len(head) < len(t) {
				head = head[j+1:] // start at a word
			}
			scan(n, head+" "+tail, len(head))
		}
	}
	for _, k := range order {
		f := found[k]
		msg := f.msg
		if f.count > 1 {
			msg += " (" + strconv.Itoa(f.count) + " times)"
		}
		c.add(f.line, ProblemNameSpelling, "", msg)
	}
}

// nameProblem compares a name from the text with the attendance list. It
// returns a key for the misspelling and a message, or "" when the name is
// as listed or is no one listed.
func nameProblem(people []person, words map[string]bool, first, last string) (string, string) {
	if utf8.RuneCountInString(last) < 3 {
		return "", ""
	}
	if words[foldName(last)] {
		// The surname is right; a full first name one letter from the
		// listed one ("Jon Anderson" for "Jan Anderson") is a misspelling.
		if first == "" {
			return "", ""
		}
		var same []person
		for _, p := range people {
			if foldName(p.last) == foldName(last) {
				if p.first == "" || foldName(p.first) == foldName(first) {
					return "", ""
				}
				same = append(same, p)
			}
		}
		var close []person
		for _, p := range same {
			if oneEditMin(foldName(first), foldName(p.first), 3) {
				close = append(close, p)
			}
		}
		if len(close) == 1 {
			return nameKey(first + " " + last), "name “" + first + " " + last + "” differs from “" + close[0].name + "” in the attendance list"
		}
		return "", ""
	}
	var close []person
	seen := map[string]bool{}
	for _, p := range people {
		if oneEdit(foldName(last), foldName(p.last)) && !seen[foldName(p.last)] {
			seen[foldName(p.last)] = true
			close = append(close, p)
		}
	}
	if len(close) != 1 {
		return "", ""
	}
	return foldName(last), "name “" + last + "” differs from “" + close[0].last + "” in the attendance list (" + close[0].name + ")"
}

// oneEdit reports whether a and b differ by exactly one letter added,
// dropped or changed, or two neighbours swapped — ignoring case. Names
// shorter than four letters only count a swap: "Lee" and "Lea" are as
// likely two people as one misspelt.
func oneEdit(a, b string) bool { return oneEditMin(a, b, 4) }

// oneEditMin is oneEdit with the shortest length at which a letter added,
// dropped or changed counts; below it only a swap does.
func oneEditMin(a, b string, minLen int) bool {
	x, y := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	if string(x) == string(y) {
		return false
	}
	short := len(x) < minLen || len(y) < minLen
	if len(x) == len(y) {
		diff := -1
		for i := range x {
			if x[i] != y[i] {
				if diff >= 0 {
					// A swap of two neighbours: "Hoskins" / "Hosknis".
					return i == diff+1 && x[diff] == y[i] && x[i] == y[diff] && equalRunes(x[i+1:], y[i+1:])
				}
				diff = i
			}
		}
		return !short
	}
	if short {
		return false
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x) != len(y)+1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	return equalRunes(x[i+1:], y[i:])
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// --- initials -------------------------------------------------------------

var (
	// "Action: JB", "ACTION – JB/KH", "Action by: JB and SQ".
	reActionInitials = regexp.MustCompile(`(?i:\baction(?:\s+by)?\s*[:\-–—]\s*)((?:[A-Z]\.?){2,4}(?:\s*(?:[,/&+]|and)\s*(?:[A-Z]\.?){2,4})*)\s*\.?\s*$`)
	reInitialsSplit  = regexp.MustCompile(`\s*(?:[,/&+]|\band\b)\s*`)
	reInitialsOnly   = regexp.MustCompile(`^(?:[A-Z]\.?){2,4}$`)
)

// roleAbbreviations are owners written in capitals that are roles, not
// people's initials.
var roleAbbreviations = map[string]bool{
	"RFO": true, "CEO": true, "CAO": true, "CFO": true, "COO": true, "DSO": true, "MO": true, "HR": true,
	"IT": true, "ICT": true, "PA": true, "ALL": true, "TBC": true, "TBA": true, "PCSO": true, "PC": true,
	"PCC": true, "LA": true, "NA": true, "AOB": true, "CC": true, "DC": true, "BC": true, "TC": true,
}

func (c *checker) initials() {
	people := c.people()
	if len(people) == 0 {
		return
	}
	known := map[string][]string{}
	for _, p := range people {
		for _, ini := range nameInitials(p.name) {
			if !containsString(known[ini], p.name) {
				known[ini] = append(known[ini], p.name)
			}
		}
	}
	// Names in the opening that the attendance lists lack (a list the
	// parser could not read) still own their initials.
	for n := 1; n <= c.openingEnd(); n++ {
		for _, m := range reFirstLast.FindAllStringSubmatch(c.line(n), -1) {
			name := m[1] + " " + m[2]
			if !personName(strings.Fields(name)) {
				continue
			}
			for _, ini := range nameInitials(name) {
				if len(known[ini]) == 0 {
					known[ini] = []string{name}
				}
			}
		}
	}
	reported := map[string]bool{}
	check := func(n int, ini, record string) {
		ini = strings.ReplaceAll(ini, ".", "")
		if roleAbbreviations[ini] || reported[ini] || c.defined(ini) {
			return
		}
		switch names := known[ini]; {
		case len(names) == 0:
			reported[ini] = true
			c.add(n, ProblemInitials, record, "initials “"+ini+"” match no one in the attendance list")
		case len(names) > 1:
			reported[ini] = true
			c.add(n, ProblemInitials, record, "initials “"+ini+"” could be "+strings.Join(names, " or "))
		}
	}
	tagged := map[int]bool{}
	for n := c.first; n < c.end && n <= len(c.lines); n++ {
		m := reActionInitials.FindStringSubmatch(c.line(n))
		if m == nil {
			continue
		}
		tagged[n] = true
		for _, ini := range reInitialsSplit.Split(strings.TrimSpace(m[1]), -1) {
			if reInitialsOnly.MatchString(ini) {
				check(n, ini, "")
			}
		}
	}
	for _, it := range c.m.Items {
		for _, r := range it.Actions {
			if reInitialsOnly.MatchString(r.Owner) && !tagged[r.Line] {
				check(r.Line, r.Owner, r.ID)
			}
		}
	}
}

// nameInitials are the ways a name's initials are written: "Mei-Ling
// Chow" is MC or MLC; "Peter John Hollingsworth" is PH or PJH.
func nameInitials(name string) []string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil
	}
	var short, long strings.Builder
	for i, w := range words {
		w = strings.Trim(w, ".,")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		r = unicode.ToUpper(r)
		if i == 0 || i == len(words)-1 {
			short.WriteRune(r)
		}
		for j, part := range strings.Split(w, "-") {
			if part == "" {
				continue
			}
			pr, _ := utf8.DecodeRuneInString(part)
			if j == 0 || unicode.IsUpper(pr) {
				long.WriteRune(unicode.ToUpper(pr))
			}
		}
	}
	out := []string{short.String()}
	if long.String() != short.String() {
		out = append(out, long.String())
	}
	return out
}

// defined reports whether the document spells an abbreviation out:
// "Responsible Financial Officer (RFO)", or a body's name in capitalised
// words whose initials it is ("Wexcombe County Council" for WCC).
func (c *checker) defined(abbr string) bool {
	needle := "(" + abbr + ")"
	for _, t := range append([]string{c.m.Council, c.m.Committee}, c.lines...) {
		if strings.Contains(t, needle) {
			return true
		}
		if len(abbr) < 3 || !strings.Contains(t, abbr[len(abbr)-1:]) {
			continue
		}
		// Runs of capitalised words: do len(abbr) of them in a row start
		// with its letters?
		words := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' })
		for i := 0; i+len(abbr) <= len(words); i++ {
			ok := true
			for j := 0; j < len(abbr) && ok; j++ {
				w := words[i+j]
				ok = w != "" && w[0] == abbr[j]
			}
			if ok {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// --- exempt business ------------------------------------------------------

var (
	// What shows that business was taken in private.
	rePrivate = regexp.MustCompile(`(?i)exclusion\s+of\s+(?:the\s+)?(?:press|public)|(?:press\s+and\s+(?:the\s+)?public|public\s+and\s+(?:the\s+)?press|the\s+public)\s+(?:be|were|was|are|being)\s+excluded|\b(?:exempt|confidential)\s+(?:appendix|appendices|annex|report|information|item|session)|\bin\s+(?:closed|private|executive)\s+session\b|\bin\s+camera\b|\b(?:move[ds]?|go|went|adjourn(?:ed|s)?|recess(?:ed|es)?|convene[ds]?|enter(?:ed|s)?|proceed(?:ed|s)?)\s+(?:in)?to\s+(?:a\s+)?(?:closed|private|executive)\s+session\b`)
	// A reason for taking it in private: the statute's paragraph, or the
	// grounds in words.
	reExemptReason = regexp.MustCompile(`(?i)schedule\s+12\s*a|\bparagraphs?\s+\d|\bpara\.?\s*\d|section\s+100\s*[a-i]?\b|section\s+\d|\bs\.?\s*\d{2,}|by\s+virtue\s+of|on\s+the\s+grounds?\b|\bbecause\b|\breasons?\b|privilege|commercially\s+sensitive|commercial\s+(?:sensitivity|confidentiality)|financial\s+or\s+business\s+affairs|personal\s+(?:information|data|details)|relating\s+to\s+(?:an?\s+|any\s+)?(?:individual|particular|the\s+financial|labour|legal|terms)|negotiations?|litigation|legal\s+advice|government\s+code|pursuant\s+to|ORS\s+192|LGOIMA|standing\s+order\s+\d|in\s+accordance\s+with|under\s+(?:the\s+)?(?:local\s+government|section|regulation)|conferring\s+with|real\s+property|personnel|employment|disciplinary|tender|contract`)
)

// reExemptBanner is a heading over business in private: "PART II",
// "EXEMPT ITEMS".
var (
	reExemptBanner = regexp.MustCompile(`(?i)^(?:part\s+(?:ii|2|b)|(?:exempt|confidential|restricted)\s+items?|private\s+(?:business|session))\b`)
	reOpenBanner   = regexp.MustCompile(`(?i)^(?:part\s+(?:i|1|a)|unrestricted\s+items|open\s+session)(?:\s*[-–—:]\s*.{0,60})?$`)
)

// mentionsPrivate reports whether text says business was taken in
// private, after a cheap test for the words rePrivate needs.
func mentionsPrivate(text string) bool {
	low := strings.ToLower(text)
	for _, w := range []string{"exclu", "exempt", "confidential", "session", "camera"} {
		for from := 0; ; {
			i := strings.Index(low[from:], w)
			if i < 0 {
				break
			}
			i += from
			// The expression looks at most this far either side of its
			// key word; lower case keeps the byte offsets of text.
			a, b := max(0, i-80), min(len(low), i+len(w)+80)
			if rePrivate.MatchString(low[a:b]) {
				return true
			}
			from = i + len(w)
		}
	}
	return false
}

func (c *checker) exempt() {
	items := c.m.Items
	// A run of business in private starts at an exempt item, or at the
	// resolution excluding the press and public, and lasts while the
	// items are exempt; one reason anywhere in the run covers it.
	type run struct {
		from, to int // item indexes, [from, to)
		reason   bool
	}
	// An item is in private when its text says so, or when it sits under
	// a "PART II" / "EXEMPT ITEMS" banner (the parser's exempt flag alone
	// also fires on "the minutes of the closed session held on …").
	private := make([]bool, len(items))
	banner := false
	next := 0 // the next item whose heading the scan has not passed
	for n := 1; n < c.end && n <= len(c.lines) && next < len(items); n++ {
		for next < len(items) && items[next].Line <= n {
			it := &items[next]
			private[next] = mentionsPrivate(it.Title+"\n"+it.Body) || it.Exempt && banner
			next++
		}
		switch t := c.line(n); {
		case reExemptBanner.MatchString(t) && len(t) < 90:
			banner = true
		case reOpenBanner.MatchString(t):
			banner = false
		}
	}
	for ; next < len(items); next++ {
		it := &items[next]
		private[next] = mentionsPrivate(it.Title+"\n"+it.Body) || it.Exempt && banner
	}
	var runs []run
	for i := 0; i < len(items); i++ {
		it := &items[i]
		text := it.Title + "\n" + it.Body
		if !private[i] {
			continue
		}
		r := run{from: i, to: i + 1, reason: reExemptReason.MatchString(text)}
		for r.to < len(items) && items[r.to].Exempt && private[r.to] || r.to < len(items) && private[r.to] && mentionsPrivate(items[r.to].Title+"\n"+items[r.to].Body) {
			r.reason = r.reason || reExemptReason.MatchString(items[r.to].Title+"\n"+items[r.to].Body)
			r.to++
		}
		// A banner before the run ("PART II – EXEMPT ITEMS (paragraph 3)")
		// may give the reason.
		if !r.reason {
			for n := it.Line - 1; n >= 1 && n >= it.Line-4; n-- {
				if c.headings[n] {
					break
				}
				if t := c.line(n); rePrivate.MatchString(t) && reExemptReason.MatchString(t) || reExemptBanner.MatchString(t) && reExemptReason.MatchString(t) {
					r.reason = true
				}
			}
		}
		runs = append(runs, r)
		i = r.to - 1
	}
	for _, r := range runs {
		if r.reason {
			continue
		}
		first := items[r.from]
		what := "item"
		if first.Number != "" {
			what = "minute " + strings.TrimRight(first.Number, ".")
		}
		if r.to-r.from > 1 {
			last := items[r.to-1]
			if first.Number != "" && last.Number != "" {
				what = "minutes " + strings.TrimRight(first.Number, ".") + "–" + strings.TrimRight(last.Number, ".")
			} else {
				what = strconv.Itoa(r.to-r.from) + " items"
			}
		}
		c.add(first.Line, ProblemExemptNoReason, "", what+" ("+quote(first.Title)+") taken in private with no reason given: cite the exempt information (such as the Schedule 12A paragraph) or the grounds")
	}
}

// --- placeholders ---------------------------------------------------------

var rePlaceholder = regexp.MustCompile(`\b(?:TBC|TBA|TBD)\b|\[[^\]]{0,30}(?i:insert|tbc|tba|tbd|to\s+follow|to\s+be\s+confirmed|name|date|xx|\?|add|check|confirm|fill)[^\]]{0,30}\]|\b(?:XX+|xx+)\b|\?{2,}`)

func (c *checker) placeholders() {
	for n := 1; n < c.end && n <= len(c.lines); n++ {
		t := c.line(n)
		if !strings.Contains(t, "TB") && !strings.Contains(t, "XX") && !strings.Contains(t, "xx") && !strings.Contains(t, "[") && !strings.Contains(t, "??") {
			continue
		}
		if m := rePlaceholder.FindString(t); m != "" {
			c.add(n, ProblemPlaceholder, "", "placeholder left in the text: “"+m+"”")
		}
	}
}
