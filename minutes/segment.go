package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Stage 3: finding the items.
//
// Every line that could open an item is a candidate: a number with a
// heading on the same line ("7. Apologies", "PL/44/23 Land at …",
// "96-2 APPROVING AGENDA"), or a number alone on its line whose heading
// comes later (PDF extraction displaces numbers, even into the previous
// item's resolution). Candidates are grouped by numbering scheme, and the
// chain that reads most like a run of minute numbers (mostly +1 steps,
// headings that look like headings) wins. Numbered paragraphs inside items
// ("1. Mr Petrie provided an update") break the run and are left as text.

type candidate struct {
	idx     int    // line index of the number
	title   int    // line index of the heading (== idx when on the same line)
	number  string // as printed, without trailing punctuation
	heading string
	scheme  string // shape of the number, plus any fixed prefix
	shape   string // the number's shape: "9", "PL/9/9", "9.9"
	nums    []int  // its numeric parts
	major   int    // the parts that stay the same along a chain
	key     int    // last numeric component
	sub     int    // letter suffix: 12(b) → 2
	quality float64
	// weight scales the bonus for a +1 step to or from this candidate: a
	// number alone on its line ("272.") counts fully even when its heading
	// was not found; a numbered paragraph counts as much as it reads like
	// a heading.
	weight float64
	// consent is set for "*42" and "(*12-427)": items so marked were
	// enacted together on the consent calendar.
	consent bool
	// bodyAt, when set, is the line where the item's text starts: after
	// a heading wrapped over lines, or on the heading's last line when a
	// sentence starts inside it.
	bodyAt int
}

var (
	// A number on its own line: "180.", "7", "12(b)", "5.1", "PL/44/23".
	reLoneNumber = regexp.MustCompile(`^(?:(?i:minute|item|agenda item)\s+)?(` + numberPattern + `)\s*[.):]?$`)
	// A number and a heading on one line.
	reNumberHeading = regexp.MustCompile(`^(?:(?i:minute|item|agenda item)\s+(?:no\.?\s*)?)?\*?(?:\(\*?(\d{2}-\d{3,4}[A-Z]?)\)|(` + numberPattern + `)(?:\)|\.(?:\s|$)|:|\s*[-–—]\s|\s))\s*(.+)$`)
	// The same, fused: "1.Adoption of Minutes".
	reNumberFused = regexp.MustCompile(`^(\d{1,4})\.([A-Z][A-Za-z].+)$`)
	// A numbered resolution with its movers: "R2020-78 L. Moore, J. Scott:".
	reMotionNumber = regexp.MustCompile(`^([A-Z]{1,2}\d{2,4}\s?-\s?\d{1,4})\s+(?:[A-Z]\.\s*[A-Z][\w'’-]+,?\s*){1,3}:`)
	// A Roman or lettered section: "IX. BOARD COMMENTS", "A. Call to
	// Order", "XIV." alone.
	reSectionNumber = regexp.MustCompile(`^((?:X{0,3})(?:IX|IV|V?I{0,3})|[A-Z])\.(?:\s+(\S.*))?$`)
	// "(Item 4)" under a heading, as Modern.gov prints it.
	reItemRef = regexp.MustCompile(`^\((?i:item)\s+(\d{1,3}[a-z]?)\)$`)
)

const numberPattern = `\d{1,2}-\d{1,4}` + // 96-1
	`|\d{1,2}-[A-Z]` + // 3-A (agenda section 3, item A)
	`|\d{1,4}\([a-z0-9]{1,3}\)` + // 12(b)
	`|\d{1,3}(?:\.\d{1,3}){1,2}` + // 5.1, 12.1.3, 19.09.01
	`|\d{1,4}/\d{1,2}/\d{1,4}` + // 15/03/7 (year/month/item)
	`|\d{2,4}/\d{1,4}` + // 24/031
	`|[A-Z]{1,5}[/.]\d{1,4}(?:/\d{2,4})?` + // PL/44/23, C.312
	`|[A-Z]{2,5} \d{1,4}/\d{1,4}` + // HWB 23/34
	`|\d{1,4}[a-z]?` // 180, 7a

// parseNumber splits a minute number into its shape ("9", "PL/9/9",
// "9.9.9"), its numeric parts and any letter suffix (12(b) → 2).
func parseNumber(num string) (shape string, nums []int, sub int, ok bool) {
	num = strings.TrimRight(num, ".")
	var b strings.Builder
	for i := 0; i < len(num); {
		c := num[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(num) && num[j] >= '0' && num[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(num[i:j])
			nums = append(nums, n)
			b.WriteByte('9')
			i = j
		case c >= 'A' && c <= 'Z' && i == len(num)-1 && i >= 2 && num[i-1] == '-' && num[i-2] >= '0' && num[i-2] <= '9':
			sub = int(c-'A') + 1 // "3-A", "3-B": the items of section 3
			i++
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c)
			i++
		case c >= 'a' && c <= 'z':
			sub = int(c-'a') + 1
			i++
		case c == '(' || c == ')':
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(nums) == 0 {
		return "", nil, 0, false
	}
	shape = b.String()
	if strings.Contains(num, "(") && len(nums) == 2 { // 12(1): numbered sub-part
		nums, sub = nums[:1], nums[1]
		shape = "9"
	}
	return shape, nums, sub, true
}

// keyed sets a candidate's major and key for one reading of its number:
// which numeric part counts up from item to item. The other parts must
// stay the same along a chain (the year in PL/44/23, the meeting in
// 19.09.01), except for two-part dotted numbers (5.1, 5.2, 6.1).
func isDotted(shape string) bool {
	for i := 0; i < len(shape); i++ {
		if shape[i] != '9' && shape[i] != '.' {
			return false
		}
	}
	return true
}

func (c *candidate) keyed(part int) bool {
	if part >= len(c.nums) {
		return false
	}
	c.key, c.major = c.nums[part], 0
	if c.scheme == "dotted" {
		return true // compared level by level by stepDotted
	}
	for i, n := range c.nums {
		if i != part {
			c.major = c.major*1000 + n
		}
	}
	return true
}

// findCandidates lists every line that could open an item, up to end.
func findCandidates(lines []line, end int) []candidate {
	var cands []candidate
	toc := tableOfContents(lines, end)
	wrap := newWrapContext(lines, end)
	for i := 0; i < end && len(cands) < 5000; i++ {
		t := lines[i].Text
		tok := lines[i].tk()
		if t == "" || len(t) > 400 || toc[i] {
			continue
		}
		refAt := i + 1
		if refAt < end && lines[refAt].Text == "" {
			refAt++
		}
		if refAt < end && lines[refAt].tk().Kind == tokItemRef && !tok.Numeric && headingQuality(t) > 0 {
			// An unnumbered heading over "(Item 4)": the agenda number
			// is the only number printed.
			ref := lines[refAt].tk().Number
			start := i
			if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) && headingQuality(lines[i-1].Text) > 0 &&
				(i < 2 || lines[i-2].Text == "" || endsSentence(lines[i-2].Text) || lines[i-2].tk().Numeric) {
				start = i - 1
			}
			if j := len(cands) - 1; j >= 0 && (cands[j].title == start || cands[j].title == i) && cands[j].scheme != "item" {
				continue // a numbered heading already took it
			}
			c, _ := newCandidate(ref, start)
			c.scheme, c.title, c.heading, c.quality = "item", start, joinText(lines[start:i+1]), 1.5
			cands = append(cands, c)
			continue
		}
		switch tok.Kind {
		case tokNumber:
			for _, c := range readings(tok.Number, i) {
				c.title, c.heading = findDisplacedHeading(wrap, i)
				c.weight = 1
				if j := nextText(lines, i, end); c.title < 0 && j > 0 && j <= i+2 {
					if h, ok := rollCallLine(lines[j]); ok {
						// "1." / "ROLL CALL: Present: Brooks, Coleman …": the
						// roll call is the item, the attendance its text.
						c.title, c.heading, c.bodyAt = j, h, j
					}
				}
				if c.title < 0 {
					c.quality = 0.1 // a number with no heading: maybe a paragraph label
					c.title = i
					c.weight = -1 // decided below, from its neighbours
				} else {
					c.quality = max(headingQuality(c.heading), 0.5)
				}
				cands = append(cands, c)
			}
			continue
		case tokMotion:
			// "R2020-78 L. Moore, J. Scott: That we …": a council that
			// numbers its resolutions and prints no other headings.
			c, ok := newCandidate(tok.Number, i)
			if ok {
				c.heading = cutHeading(motionText(t))
				c.title, c.quality, c.scheme = i, 0.7, "motion"
				if len(c.heading) > 100 {
					c.heading = strings.TrimSpace(c.heading[:strings.LastIndexByte(c.heading[:100], ' ')]) + "…"
				}
				cands = append(cands, c)
			}
			continue
		}
		if tok.Number == "" || tok.Rest == "" {
			continue
		}
		for _, c := range readings(tok.Number, i) {
			if c, ok := sameLineHeading(c, wrap, i, tok); ok {
				cands = append(cands, c)
			}
		}
	}
	pairStackedNumbers(cands, lines, end)
	return cands
}

// pairStackedNumbers gives headings to minute numbers that a PDF's
// number column put in a stack of their own ("1" "2" "3" "5" "6", then
// "Police Report" / its text / "Open Forum" / its text …): the stack's
// numbers take, in order, the headings that follow it, each heading
// being a short title line after the text of the one before.
func pairStackedNumbers(cands []candidate, lines []line, end int) {
	for k := 0; k < len(cands); {
		j := k
		for j+1 < len(cands) && lines[cands[j].idx].tk().Kind == tokNumber &&
			lines[cands[j+1].idx].tk().Kind == tokNumber && cands[j+1].idx-cands[j].idx <= 2 && topNumber(cands[j+1]) > topNumber(cands[j]) && cands[j+1].scheme == cands[k].scheme {
			j++
		}
		if j-k+1 < 3 {
			k = j + 1
			continue
		}
		heads := stackHeadings(lines, cands[j].idx+1, end, j-k+1)
		if len(heads) == j-k+1 {
			for n, h := range heads {
				c := &cands[k+n]
				c.title, c.heading, c.weight = h, cutHeading(lines[h].Text), 1
				c.quality = max(headingQuality(c.heading), 0.5)
			}
		}
		k = j + 1
	}
}

// stackHeadings finds n headings from line from on: short title lines,
// each after the text of the heading before it; none past the next
// number.
func stackHeadings(lines []line, from, end, n int) []int {
	var out []int
	body := true // a heading may come first
	for i := from; i < end && i < from+400 && len(out) < n; i++ {
		t := lines[i].Text
		if t == "" {
			continue
		}
		tok := lines[i].tk()
		if tok.Number != "" {
			break
		}
		if body && !tok.Bullet && countWords(t) <= 8 && headingQuality(t) >= 0.9 && !endsWithAny(t, ".,;") && !presentLabel(lines[i]) &&
			!(countWords(t) == 1 && i+1 < end && headingQuality(lines[i+1].Text) >= 0.9 && !isBody(lines[i+1].Text)) {
			out = append(out, i)
			body = false
			continue
		}
		body = true
	}
	return out
}

// sameLineHeading completes a candidate whose heading is on its own line
// ("7. Apologies for Absence"), or reports that the line is no heading.
// reNumberColumn is a line laid out as a table's number column and title
// column: the number, a wide gap, the title ("6.1         Finance").
var reNumberColumn = regexp.MustCompile(`^\s*\S{1,12}\s{4,}\S`)

// columnTitle joins a short title set in a narrow column to the lines it
// wraps onto ("6            Report" / "Section", "6.2         Quarterly" /
// "Financial Report"): title-case lines, no sentence, up to two of them,
// ending at a number, a label, a line in capitals under a title that is
// not ("PURPOSE") or a blank. It returns the title and its last line (i
// when nothing wraps).
func columnTitle(wrap *wrapContext, rest string, i int) (string, int) {
	if !reNumberColumn.MatchString(wrap.lines[i].Raw) || len(strings.Fields(rest)) > 4 || endsWithAny(rest, ".!?;:") || !titleLike(strings.Fields(rest)) {
		return rest, i
	}
	title, last := rest, i
	for k := i + 1; k <= i+2 && k < wrap.end; k++ {
		l := wrap.lines[k]
		t, tok := l.Text, l.tk()
		words := strings.Fields(t)
		if t == "" || tok.Number != "" || tok.Numeric || tok.Part != "" || tok.IsLabel || tok.Marker || tok.Bullet || tok.Kind == tokMotion ||
			len(words) > 10 || endsWithAny(t, ".!?;:,") || inCapitals(t) && !inCapitals(title) || clauseLike(words) ||
			!titleLike(words) || wrap.repeats[strings.ToLower(t)] >= 3 || loneWords[strings.ToLower(strings.Trim(t, ".: "))] {
			break // "None.": the item's text
		}
		if !startsLower(t) && k+1 < wrap.end && startsLower(wrap.lines[k+1].Text) {
			break // "The Chairman" / "welcomed everyone …": a sentence starts
		}
		title, last = title+" "+t, k
	}
	return title, last
}

// titleWraps reports whether a numbered line's short title goes on, in
// title case, on the next line, as a title set in a narrow column of a
// table wraps ("6.1         Finance" / "and Planning Committee Work
// Programme Update"): a heading, not a paragraph whose sentence runs on.
func titleWraps(wrap *wrapContext, rest string, i int) bool {
	if endsSentence(rest) || len(strings.Fields(rest)) > 4 || !titleLike(strings.Fields(rest)) {
		return false
	}
	next := strings.Fields(wrap.lines[i+1].Text)
	return len(next) >= 2 && titleLike(next) && !endsSentence(wrap.lines[i+1].Text) && wrap.continues(rest, i+1, false)
}

func sameLineHeading(c candidate, wrap *wrapContext, i int, tok *token) (candidate, bool) {
	lines, end := wrap.lines, wrap.end
	c.consent = tok.Consent
	rest := strings.TrimSpace(stripEnumerators(tok.Rest))
	q := headingQuality(rest)
	if c.consent && q > 0 && q < 0.8 {
		q = 0.8 // "*43 Authorize a $285,000 grant …": a consent item, however long
	}
	if q == 0 && strings.ContainsAny(c.shape, "-/") && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		q = 0.6 // "96-137 1528 Carpenter (vacant)": a reference number is clear enough
	}
	if q == 0 {
		return c, false
	}
	// A numbered paragraph reads on: its line runs into the next,
	// or it is a clause ("Jo Carpenter, Participation Manager,").
	if i+1 < end && lines[i+1].Text != "" && (startsLower(lines[i+1].Text) && lines[i+1].tk().Part == "" && !titleWraps(wrap, rest, i) || !endsSentence(rest) && strings.Count(rest, ", ") >= 1 && len(strings.Fields(rest)) > 6 && !c.consent) {
		q *= 0.5
	}
	if strings.HasSuffix(rest, ",") {
		q *= 0.5
	}
	if c.scheme == "letter" && endsSentence(rest) && len(strings.Fields(rest)) > 4 {
		q *= 0.5 // "J. Bloggs reported that …": an initial, not a section
	}
	c.title, c.heading, c.quality = i, cutHeading(rest), q
	// "2443. Proposed Pavilion Lean-to: The Sports Club have been" /
	// "in touch …": the text after the colon runs on into the next
	// line, so it is the item's text, not the rest of its heading.
	if k := strings.Index(rest, ": "); k > 0 && k < 120 && !endsSentence(rest) && i+1 < end && runsOnTo(lines[i+1]) &&
		(startsLower(lines[i+1].Text) || !titleLike(strings.Fields(rest[k+2:])) || endsWithAny(rest, "–-,") || trailingFunctionWord(lastWord(rest)) || strings.Contains(rest[k+2:], ":-")) {
		c.heading = cutHeading(rest[:k])
	}
	if c.heading == "" {
		return c, false
	}
	if c.heading == strings.TrimRight(rest, ".,;:–- ") {
		c.heading, c.bodyAt = wrap.extendCut(rest, i)
		if h, last := columnTitle(wrap, rest, i); last > i && last+1 > c.bodyAt {
			c.heading, c.bodyAt = cutHeading(h), last+1
		}
		if c.consent && c.bodyAt > i {
			// A consent item's heading is its decision: its lines stay
			// the item's text.
			c.bodyAt = i + 1
		}
	}
	if i+1 < end && lines[i+1].tk().Kind == tokItemRef {
		c.quality += 0.5
	}
	return c, true
}

// readings are the candidates a number can make: one, or two for a
// letter that is also a Roman numeral ("C." is the third lettered section
// or the hundredth; "I." the ninth or the first).
func readings(num string, i int) []candidate {
	if len(num) > 0 && num[0] >= 'A' && num[0] <= 'Z' && strings.Trim(num, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		var out []candidate
		if v := romanNumeral(num); v > 0 {
			c, _ := newCandidate("1", i)
			c.number, c.scheme, c.shape, c.nums, c.key, c.major = num, "roman", "I", []int{v}, v, 0
			out = append(out, c)
		}
		if len(num) == 1 {
			c, _ := newCandidate("1", i)
			k := int(num[0]-'A') + 1
			c.number, c.scheme, c.shape, c.nums, c.key, c.major = num, "letter", "A", []int{k}, k, 0
			out = append(out, c)
		}
		return out
	}
	if c, ok := newCandidate(num, i); ok {
		return []candidate{c}
	}
	return nil
}

// romanNumeral reads a Roman numeral up to XXXIX, or returns 0.
func romanNumeral(s string) int {
	m := reSectionNumber.FindStringSubmatch(s + ".")
	if m == nil || m[1] != s {
		return 0
	}
	digit := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		}
		return 0
	}
	v := 0
	for i := 0; i < len(s); i++ {
		d := digit(s[i])
		if i+1 < len(s) && digit(s[i+1]) > d {
			v -= d
		} else {
			v += d
		}
	}
	return v
}

// runsOnTo reports whether next continues the sentence of the line
// before it: it is running text, not a heading, label or list entry.
func runsOnTo(next line) bool {
	t := next.Text
	if t == "" {
		return false
	}
	tok := next.tk()
	if tok.Number != "" || tok.IsLabel || tok.Marker || tok.Bullet || tok.Kind == tokTableRow || tok.Kind == tokSignature {
		return false
	}
	return startsLower(t) || tok.Words >= 6
}

// weighHeadless decides how much a number with no heading of its own
// counts: alone, it is a minute number displaced from its heading
// ("272." after a page number); stacked with other bare numbers a few
// lines apart, it is one of a list's labels that PDF extraction pulled
// away from their text.
func weighHeadless(cands []candidate) {
	for k := range cands {
		if cands[k].weight >= 0 {
			continue
		}
		stacked := k > 0 && cands[k].idx-cands[k-1].idx <= 4 && cands[k-1].title == cands[k-1].idx ||
			k+1 < len(cands) && cands[k+1].idx-cands[k].idx <= 4 && cands[k+1].title == cands[k+1].idx
		cands[k].weight = 1
		if stacked {
			// A label, or a cell of a table of figures: it joins a
			// chain only where it bridges real minute numbers.
			cands[k].weight, cands[k].quality = 0.1, -0.2
		}
	}
}

func newCandidate(num string, i int) (candidate, bool) {
	shape, nums, sub, ok := parseNumber(num)
	if !ok {
		return candidate{}, false
	}
	// Years alone are not minute numbers.
	if shape == "9" && nums[0] > 1900 && nums[0] < 2100 {
		return candidate{}, false
	}
	scheme := shape
	if isDotted(shape) {
		scheme = "dotted" // 5, 5.1, 9.1.1: one hierarchy, compared level by level
	}
	c := candidate{idx: i, number: strings.TrimRight(num, "."), scheme: scheme, shape: shape, nums: nums, sub: sub}
	c.keyed(len(nums) - 1)
	return c, true
}

// reAppRef is a planning application or decision reference at the start
// of a heading: "23/00418/OUT – Land north of …", "24/00108 - Budget".
var reAppRef = regexp.MustCompile(`^\d{2,4}/\d{2,6}(?:/[A-Z]{2,5})?\s`)

var reMonthStart = regexp.MustCompile(`^(?i)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?`)

var reEnumerator = regexp.MustCompile(`^(?:[IVX]{1,4}\.\s+|\([a-z]{1,2}\)\s+|\([ivx]{1,4}\)\s+|[a-z]\)\s+|\d{1,3}\.\s+)+`)

// stripEnumerators removes list labels before a heading: "I. (a) Title".
func stripEnumerators(s string) string { return reEnumerator.ReplaceAllString(s, "") }

// cutHeading trims a same-line heading at the start of its text: "ROLL
// CALL: Present: …" → "ROLL CALL"; "Apologies. None received." → "Apologies".
func cutHeading(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ": "); i > 0 && i < 120 && colonStartsBody(s[i+2:]) {
		s = s[:i]
	} else if i := strings.Index(s, ":- "); i > 0 && i < 120 {
		s = s[:i] // "Reports from Sub-Committees:- Finance …"
	} else {
		s = strings.TrimRight(s, ":-– ")
	}
	if i := strings.Index(s, ". "); i > 0 && i < 160 && !abbrevBefore(s, i) {
		s = s[:i]
	}
	// "Apologies – Cllr Paul Hythe (holiday).", "Minutes – the minutes of
	// 21st May were approved": a short heading run into its text.
	if i := dashBefore(s); i > 0 && dashStartsBody(s[i:]) {
		s = s[:i]
	}
	if len(s) > 160 {
		cut := strings.LastIndexByte(s[:160], ' ')
		if cut < 40 {
			cut = 160
		}
		s = s[:cut]
	}
	return strings.TrimRight(strings.TrimSpace(s), ".,;:–- ")
}

// colonStartsBody reports whether the text after a heading's colon is the
// item's text rather than the rest of the heading ("Enforcement: Licensing
// and Enforcement Update" is one heading).
func colonStartsBody(rest string) bool {
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	if len(words) > 8 || startsLower(rest) || markerStart(rest) {
		return true
	}
	// What a heading's second part never holds: a finished sentence
	// ("Police Report: Attached."), an amount ("Financial Report: BMM A/C
	// £6,079.51"), a date ("Date of next meeting: 26th March 2018"), or
	// people ("Apologies for absence: Cllr Pocock").
	if endsWithAny(rest, ".!?") || strings.ContainsAny(rest, "£$€") || len(findDates(rest, false)) > 0 || reDayMonth.MatchString(rest) {
		return true
	}
	if personTitles[strings.ToLower(strings.Trim(words[0], ".,"))] {
		return true
	}
	switch strings.ToLower(strings.Trim(words[0], ":,.")) {
	case "present", "moved", "motion", "none", "nil", "noted", "resolved", "agreed", "that", "carried", "see":
		return true
	}
	return false
}

// dashBefore is the index of the " – " or " - " that follows a short
// heading at the start of s, or -1.
func dashBefore(s string) int {
	for _, d := range []string{" – ", " — ", " - "} {
		if i := strings.Index(s, d); i > 0 && countWords(s[:i]) <= 6 {
			return i
		}
	}
	return -1
}

// dashStartsBody reports whether the text after a heading's dash (" –
// …") is the item's text: lower case, a finished sentence, an amount, or
// people. (A heading's own second part — "Notice of Motion – Twinning
// Association Funding" — is none of these.)
func dashStartsBody(rest string) bool {
	rest = strings.TrimSpace(strings.TrimLeft(rest, " –—-"))
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	sentence := endsWithAny(rest, ".!?")
	return startsLower(rest) && (sentence || len(words) >= 6) || sentence && len(words) >= 3 || strings.ContainsAny(rest, "£$€") ||
		personTitles[strings.ToLower(strings.Trim(words[0], ".,"))] || markerStart(rest)
}

// personTitles are the words that open a person's name in minutes.
var personTitles = wordSet("cllr", "cllrs", "councillor", "councillors", "cr", "crs", "mr", "mrs", "ms", "miss", "dr", "rev", "revd")

func abbrevBefore(s string, i int) bool {
	w := lastWord(s[:i])
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "no", "cllr", "cr", "rev", "jr", "inc", "co", "ltd", "vs", "v", "e.g", "i.e", "etc", "a", "b", "c", "d":
		return true
	}
	return len(w) == 1
}

// headingQuality scores how much text looks like an item heading: 1 for
// a clear heading, less for a sentence, 0 for something that is not one.
func headingQuality(s string) float64 {
	if s == "" {
		return 0
	}
	first := []rune(s)[0]
	if !(startsUpper(s) || first == '\'' || first == '"' || first == '‘' || first == '“' || reAppRef.MatchString(s)) {
		return 0
	}
	if reMonthStart.MatchString(s) {
		return 0 // "14 December 2021" is a date, not minute 14
	}
	head := cutHeading(s)
	words := strings.Fields(head)
	if len(words) == 0 {
		return 0
	}
	if len(words) > 25 {
		return 0.2 // a long agenda title, or a paragraph
	}
	if markerStart(s) {
		return 0.2 // "1. RESOLVED that …" is a numbered resolution, not an item
	}
	if w := strings.ToLower(strings.Trim(words[0], ",;:")); decidesVerbs[w] && (len(words) == 1 || decisionRunOn(words[1])) {
		return 0.2 // "1. Receives and notes the report", "2. Agrees" (wrapped): a part of a decision
	}
	// A heading does not end on "the", "of" or "to": that line runs on.
	if trailingFunctionWord(words[len(words)-1]) {
		return 0.3
	}
	caps, titled := 0, 0
	for _, w := range words {
		if startsUpper(w) || (w[0] >= '0' && w[0] <= '9') {
			titled++
		}
		if strings.ToUpper(w) == w {
			caps++
		}
	}
	switch {
	case caps == len(words) && len(words) <= 15:
		return 1
	case len(words) <= 4:
		return 0.9
	case titled*2 >= len(words) && len(words) <= 14:
		return 1
	case len(words) <= 10:
		return 0.6
	}
	return 0.35
}

// decisionRunOn reports whether the word after a decision verb carries the
// decision on: "Notes that …", "Agrees to …", "Receives and notes",
// "Approves the" — not "Notes of the Forum", a heading.
func decisionRunOn(w string) bool {
	switch strings.ToLower(w) {
	case "that", "the", "to", "and", "in", "a", "an", "its", "this", "these", "all", "with", "on", "for":
		return true
	}
	return false
}

// findDisplacedHeading finds the heading that belongs to a number alone on
// line i: the first line, within reach, that starts a block, looks like a
// heading and is followed by body text (or by "(Item N)"). It returns -1
// when there is none.
func findDisplacedHeading(wrap *wrapContext, i int) (int, string) {
	lines, end := wrap.lines, wrap.end
	// The line under the number, when it is plainly a heading (perhaps
	// wrapped) and what follows is the item's text, a list or a gap
	// ("X." / "Discussion Item" / "• Draft FasTracks Report").
	if j := nextText(lines, i, end); j > 0 && j <= i+2 && !itemRefWithin(lines, j, end) {
		joined, last := wrap.extend(lines[j].Text, j)
		if headingQuality(joined) >= 0.9 && !isLabel(lines[j].Text) && !presentLabel(lines[j]) && !endsWithAny(joined, ".,;") && (len(strings.Fields(joined)) >= 2 || strings.ToUpper(joined) == joined) {
			k := last + 1
			if k < end && lines[k].Text == "" {
				k++ // one blank line (a dropped link) may come between
			}
			if k < end && (isBody(lines[k].Text) || lines[k].tk().Bullet || lines[k].tk().IsLabel || lines[k].tk().Marker) {
				return j, cutHeading(joined)
			}
		}
	}
	j, h := displacedHeading(lines, i, end)
	if j >= 0 && h == strings.TrimRight(lines[j].Text, ".,;:–- ") {
		h, _ = wrap.extendCut(lines[j].Text, j)
	}
	return j, h
}

func displacedHeading(lines []line, i, end int) (int, string) {
	limit := i + 80
	if limit > end {
		limit = end
	}
	first := -1
	for j := i + 1; j < limit; j++ {
		t := lines[j].Text
		if t == "" {
			continue
		}
		if j > i+1 && lines[j].tk().Numeric {
			break // the next number: this one has no heading of its own
		}
		if first < 0 {
			first = j
		}
		if !blockStart(lines, j, i) || isLabel(t) || presentLabel(lines[j]) || strings.HasPrefix(t, "•") {
			continue
		}
		// "(Item 4)" after a heading of one to three lines.
		if startsUpper(t) || headingQuality(t) >= 0.5 {
			for k := j + 1; k < j+4 && k < end; k++ {
				if lines[k].tk().Kind == tokItemRef {
					return j, joinText(lines[j:k])
				}
				if lines[k].Text == "" {
					break
				}
			}
		}
		if headingQuality(t) < 0.5 || endsWithAny(t, ",;") {
			continue
		}
		next := j + 1
		if next < end && lines[next].Text == "" && next+1 < end {
			next++ // one blank line (a dropped link) may come between
		}
		if next < end && isBody(lines[next].Text) {
			return j, cutHeading(t)
		}
	}
	// Nothing followed by body text: a number directly above a heading
	// still takes it.
	if first == i+1 || (first > 0 && first <= i+2) {
		// "1" / "ITEMS" / "Police Report" / "No police officers …": a
		// column's header between the number and its heading.
		if k := first + 1; countWords(lines[first].Text) == 1 && k+1 < end && lines[k].Text != "" && headingQuality(lines[k].Text) >= 0.9 && isBody(lines[k+1].Text) && !presentLabel(lines[k]) {
			return k, cutHeading(lines[k].Text)
		}
		if t := lines[first].Text; headingQuality(t) >= 0.5 && !isLabel(t) && !presentLabel(lines[first]) {
			return first, cutHeading(t)
		}
	}
	return -1, ""
}

// presentLabel reports whether a line is a label of those present
// ("PRESENT", "In attendance"): attendance, never an item's heading
// ("Apologies" may be either).
func presentLabel(l line) bool {
	tok := l.tk()
	return tok.IsLabel && (tok.Label == rolePresent || tok.Label == roleInAttendance || tok.Label == roleChair)
}

// itemRefWithin reports whether "(Item 4)" follows a heading of one to
// three lines starting at j.
func itemRefWithin(lines []line, j, end int) bool {
	for k := j + 1; k < j+4 && k < end; k++ {
		if lines[k].tk().Kind == tokItemRef {
			return true
		}
		if lines[k].Text == "" {
			return false
		}
	}
	return false
}

// nextText is the index of the first non-blank line after i, or -1.
func nextText(lines []line, i, end int) int {
	for j := i + 1; j < end; j++ {
		if lines[j].Text != "" {
			return j
		}
	}
	return -1
}

// blockStart reports whether line j starts a block: the line before is
// blank, the number itself, or ends a sentence.
func blockStart(lines []line, j, numIdx int) bool {
	if j == 0 {
		return true
	}
	prev := lines[j-1].Text
	return prev == "" || j-1 == numIdx || endsSentence(prev) || lines[j-1].tk().Kind == tokItemRef
}

// isBody reports whether s reads as running text under a heading.
func isBody(s string) bool {
	if s == "" {
		return false
	}
	if s == "Minutes:" || s == "Decision:" {
		return true // ModernGov prints "Minutes:" under each heading
	}
	if markerStart(s) || reItemRef.MatchString(s) {
		return true
	}
	words := strings.Fields(s)
	return len(words) >= 6 || (len(words) >= 2 && endsSentence(s))
}

func isLabel(s string) bool {
	return strings.HasSuffix(s, ":") && len(strings.Fields(s)) <= 5
}

func endsWithAny(s, chars string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(chars, r)
}

func joinText(ls []line) string {
	var parts []string
	for _, l := range ls {
		if l.Text != "" {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " ")
}

// bestChain picks the run of candidates that reads most like minute
// numbers. It returns them in document order.
func bestChain(cands []candidate) []candidate {
	groups := map[string][]int{}
	var order []string
	for i, c := range cands {
		if _, ok := groups[c.scheme]; !ok {
			order = append(order, c.scheme)
		}
		groups[c.scheme] = append(groups[c.scheme], i)
	}
	var best []candidate
	bestScore := 0.0
	var all [][]candidate
	for _, g := range order {
		idx := groups[g]
		parts := len(cands[idx[0]].nums)
		if parts == 0 || g == "dotted" {
			parts = 1
		}
		for part := parts - 1; part >= 0; part-- {
			ok := true
			for _, i := range idx {
				if len(cands[i].nums) > 0 && !cands[i].keyed(part) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			chain, score := chainOf(cands, idx)
			all = append(all, chain)
			if score > bestScore+1e-9 || (score > bestScore-1e-9 && len(chain) > len(best)) {
				best, bestScore = chain, score
			}
		}
	}
	if len(best) == 1 && bestScore < 1.5 {
		return nil
	}
	return outerChain(best, all)
}

// outerChain prefers, to a chain whose numbering starts again several
// times, a chain of another scheme that opens a section before each
// restart: "VII. DISCUSSION AND ACTION ITEMS" / "1." "2." … "VIII.
// INFORMATION ITEMS" / "1." "2." …: the sections are the items, their
// numbered business part of them.
func outerChain(best []candidate, all [][]candidate) []candidate {
	var restarts []int
	for k := 1; k < len(best); k++ {
		if topNumber(best[k]) < topNumber(best[k-1]) {
			restarts = append(restarts, k)
		}
	}
	if len(restarts) < 2 {
		return best
	}
	var outer []candidate
	for _, c := range all {
		if len(c) < 3 || c[0].scheme == best[0].scheme || len(c) <= len(outer) {
			continue
		}
		ok := true
		for k := 1; k < len(c) && ok; k++ {
			ok = topNumber(c[k]) >= topNumber(c[k-1])
		}
		for _, r := range restarts {
			if !ok {
				break
			}
			opens := false
			for _, o := range c {
				if o.title > best[r-1].title && o.title < best[r].title {
					opens = true
					break
				}
			}
			ok = opens
		}
		if ok {
			outer = c
		}
	}
	if outer != nil {
		return outer
	}
	return best
}

// topNumber is the number that counts at a candidate's top level: the 5
// of 5.2, the key of other schemes.
func topNumber(c candidate) int {
	if c.scheme == "dotted" && len(c.nums) > 0 {
		return c.nums[0]
	}
	return c.key
}

// chainOf runs the dynamic programme over one scheme's candidates.
func chainOf(cands []candidate, idx []int) ([]candidate, float64) {
	n := len(idx)
	if n > 1500 {
		idx, n = idx[:1500], 1500
	}
	score := make([]float64, n)
	prev := make([]int, n)
	length := make([]int, n)
	for i := 0; i < n; i++ {
		c := cands[idx[i]]
		score[i], prev[i], length[i] = c.quality, -1, 1
		lo := i - 200
		if lo < 0 {
			lo = 0
		}
		for j := lo; j < i; j++ {
			t := step(cands[idx[j]], c)
			if t <= -9 && length[j] == 1 && c.key <= 2 && cands[idx[j]].key > c.key && cands[idx[j]].major == c.major {
				t = -0.5 // the first number misprinted or misread: "4." for "1." in OCR
			}
			if t <= -9 {
				continue
			}
			if t > 0 {
				// A run of +1 steps counts for as much as its lines look
				// like headings: numbered paragraphs also count 1, 2, 3.
				t *= min(1, c.weightOr(), cands[idx[j]].weightOr())
			}
			if s := score[j] + c.quality + t; s > score[i] {
				score[i], prev[i], length[i] = s, j, length[j]+1
			}
		}
	}
	end, top := -1, 0.0
	for i := range score {
		if score[i] > top {
			end, top = i, score[i]
		}
	}
	var chain []candidate
	for i := end; i >= 0; i = prev[i] {
		chain = append(chain, cands[idx[i]])
	}
	for l, r := 0, len(chain)-1; l < r; l, r = l+1, r-1 {
		chain[l], chain[r] = chain[r], chain[l]
	}
	return chain, top
}

// step scores moving from minute a to minute b.
func step(a, b candidate) float64 {
	if b.title <= a.title && b.idx <= a.title {
		return -10 // b's heading must come after a's
	}
	if a.scheme == "dotted" && b.scheme == "dotted" {
		return stepDotted(a, b)
	}
	if a.major != b.major {
		if b.major == a.major+1 && b.key <= 1 {
			return 0.8 // 5.3 → 6.1
		}
		return -10
	}
	d := b.key - a.key
	switch {
	case d == 1 && b.sub == 0:
		return 1
	case d == 1 && b.sub == 1:
		return 0.8
	case d == 0 && b.sub == a.sub+1:
		return 0.8 // 12(a) → 12(b)
	case d == 0:
		return repeated(a, b)
	case d >= 2 && d <= 4:
		return 0.3
	case d > 4 && d <= 40:
		if b.quality >= 0.95 {
			return -0.6 // a clear heading after a gap: items were skipped
		}
		return -1
	case d < 0 && b.key <= 1 && b.quality >= 0.9:
		return -4 // numbering restarts: rare, and needs a run after it to pay
	}
	return -10
}

// repeated scores a number printed twice in a row: a slip of the clerk's
// ("3078. Any Other Business" then "3078. Date of next meeting") when
// both are clear headings, different and on lines of their own; anything
// else (a heading repeated on the next page, a paragraph number) is not
// a step.
func repeated(a, b candidate) float64 {
	if a.sub != b.sub || a.quality < 0.9 || b.quality < 0.9 || a.title == a.idx != (b.title == b.idx) || strings.EqualFold(a.heading, b.heading) || len(strings.Fields(b.heading)) > 8 {
		return -10
	}
	return -0.5
}

// stepDotted scores moving between hierarchical numbers, level by level:
// 5 → 6 and 9.1.1 → 9.1.2 are natural next steps, 5 → 5.1 descends,
// 9.1.2 → 9.2.1 and 9.3.1 → 10 climb back up.
func stepDotted(a, b candidate) float64 {
	k := 0
	for k < len(a.nums) && k < len(b.nums) && a.nums[k] == b.nums[k] {
		k++
	}
	switch {
	case k == len(a.nums) && k == len(b.nums):
		if b.sub == a.sub+1 {
			return 0.8 // 12(a) → 12(b)
		}
		return repeated(a, b)
	case k == len(a.nums): // b goes deeper: 5 → 5.1
		if b.nums[k] == 1 && len(b.nums) == k+1 {
			return 0.8
		}
		return -10
	case k == len(b.nums): // b is a prefix of a: 5.1 → 5
		return -10
	}
	d := b.nums[k] - a.nums[k]
	rest := 0
	for _, n := range b.nums[k+1:] {
		if n > 1 {
			rest++
		}
	}
	switch {
	case d < 0:
		if k == 0 && b.nums[0] <= 1 && b.quality >= 0.9 {
			return -4 // numbering restarts
		}
		return -10
	case d == 1 && rest == 0:
		return 1
	case d == 1:
		return 0.3
	case d >= 2 && d <= 4:
		return 0.3
	case d > 4 && d <= 40:
		return -1
	}
	return -10
}

var reContents = regexp.MustCompile(`(?i)^(?:table\s+of\s+)?(?:contents|index(?:\s+of\s+items)?)$`)

// tableOfContents marks the lines of a contents list ("CONTENTS" then
// "1 Apologies for Absence 1" …): they repeat the items but are not items.
func tableOfContents(lines []line, end int) map[int]bool {
	toc := map[int]bool{}
	for i := 0; i < end && i < 200; i++ {
		if !reContents.MatchString(lines[i].Text) {
			continue
		}
		for j := i + 1; j < end && j < i+80; j++ {
			t := lines[j].Text
			if t == "" {
				if j > i+2 {
					break
				}
				continue
			}
			toc[j] = true
		}
	}
	return toc
}

func (c candidate) weightOr() float64 {
	if c.weight > 0 {
		return c.weight
	}
	return c.quality
}

var functionWords = map[string]bool{"the": true, "of": true, "to": true, "and": true, "for": true, "in": true, "a": true,
	"an": true, "with": true, "on": true, "by": true, "at": true, "that": true, "from": true, "or": true, "as": true, "be": true}

func trailingFunctionWord(w string) bool { return functionWords[strings.ToLower(w)] }
