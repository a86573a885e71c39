package minutes

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// rawItem is an item as segmentation found it: heading and body lines.
type rawItem struct {
	number  string
	title   string
	line    int // input line number of the heading
	lines   []line
	consent bool // marked with an asterisk: enacted as part of a consent calendar
	exempt  bool // under a "PART II – EXEMPT ITEMS" banner
}

var (
	// The chair's signature ends the minutes; what follows is appendices.
	reSignature       = regexp.MustCompile(`(?i)^(?:\(signed\)|signed\b(?:\s+by)?|chair(?:man|person)?'?s?\s+signature|signature\s+of\s+(?:the\s+)?chair|certified\s+(?:as\s+)?(?:a\s+)?(?:true|correct)|confirmed\s+as\s+a\s+(?:true|correct)(?:\s+and\s+(?:true|correct|accurate))?\s+record|for\s+a\s+discussion\s+of\s+agenda\s+items|closed\s+caption\s+(?:file|transcript)|by\s+[A-Z][\w.'’ -]{2,40}\s+clerk\s+of\s+(?:the\s+)?council)`)
	reTranscriptStart = regexp.MustCompile(`(?i)^(?:for\s+a\s+discussion\s+of\s+agenda\s+items|closed\s+caption\s+(?:file|transcript)\b|verbatim\s+transcript\b|transcript\s+of\s+(?:the\s+)?(?:proceedings|meeting))`)
	reExempt          = gated(`(?i)(press\s+and\s+(?:the\s+)?public\s+(?:be\s+|were\s+|are\s+)?excluded|exclusion\s+of\s+(?:the\s+)?press\s+and\s+public|schedule\s+12a|exempt\s+information|part\s+(?:ii|2|b)\b.{0,30}(?:exempt|confidential|private)|closed\s+session|in\s+camera|confidential\s+item)`, "exclu", "12a", "exempt", "private", "closed", "camera", "confidential")
	rePrivateBanner   = regexp.MustCompile(`(?i)^(?:part\s+(?:ii|2|b)(?:\s*[-–—:]\s*.{0,60})?|(?:exempt|confidential|restricted)\s+items?(?:\s*[-–—:]\s*.{0,60})?|private\s+(?:business|session))$`)
	rePublicBanner    = regexp.MustCompile(`(?i)^(?:part\s+(?:i|1|a)(?:\s*[-–—:]\s*.{0,60})?|unrestricted\s+items|open\s+session)$`)
	reMeetingClosed   = gated(`(?i)\b(?:meeting|council|committee)\b.{0,40}\b(?:closed|ended|concluded|adjourned|terminated)\b|\bclosed\s+at\s+\d`, "closed", "ended", "concluded", "adjourned", "terminated")
	reChairSignLine   = regexp.MustCompile(`(?i)^(?:chair(?:man|person|woman)?|cathaoirleach|mayor|presiding\s+member)$`)
	reDotsLine        = regexp.MustCompile(`^[._…\s]{5,}$`)
	reAppendix        = regexp.MustCompile(`(?i)^(?:appendix|annex|annexe)\s+[a-z0-9]{1,3}\b`)
	reBanner          = regexp.MustCompile(`(?i)^(?:resolved\s+items|recommended\s+items|part\s+(?:i{1,2}|1|2|a|b)(?:\s*[-–:].*)?|unrestricted\s+items|exempt\s+items|restricted\s+items|open\s+session|items?\s+for\s+(?:decision|information)|consent\s+agenda.*)$`)
)

// findEnd returns the index of the line that ends the minutes (the chair's
// signature), or len(lines).
func findEnd(lines []line) int {
	// A transcript or caption file appended after the record ("For a
	// discussion of agenda items, please consult the following Closed
	// Caption File") ends the minutes wherever it starts.
	for i := len(lines) / 30; i < len(lines); i++ {
		if t := lines[i].Text; len(t) < 160 && opensWith(t, "fFcCvVtT") && reTranscriptStart.MatchString(t) {
			return i
		}
	}
	min := len(lines) / 8
	closed := false // "The meeting closed at …" has been seen
	for i := min; i < len(lines); i++ {
		t, tok := lines[i].Text, lines[i].tk()
		if !closed && mayClose(tok.Low) && reMeetingClosed.MatchString(t) {
			closed = true
		}
		// "……………" / "CHAIR" under the last item, or an appendix once the
		// meeting has closed.
		if tok.SignLine && i > len(lines)/3 && i > 0 && (lines[i-1].Text == "" || reDotsLine.MatchString(lines[i-1].Text)) {
			return i
		}
		if closed && reAppendix.MatchString(t) {
			return i
		}
		// "Reeve:        Clerk-Treasurer:", "Mayor:" / "CAO-Clerk:": the
		// signature block's labels, with the statutory notes after them.
		if i > len(lines)/2 && signatureLabels(t) {
			return i
		}
		if !tok.Signature {
			continue
		}
		// A signature starts a block: a phrase inside a sentence ("be
		// confirmed as a true and correct record") is not one.
		if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) {
			continue
		}
		// "… the minutes of the last meeting were correct." / "Signed by
		// the Chair": the previous minutes were signed, the meeting goes on.
		if i > 0 && signsPreviousMinutes(lines[i-1].Text) && i < len(lines)*2/3 || headingsFollow(lines, i) {
			continue
		}
		// "Signed ____ Dated …" footers repeat on every page and were
		// dropped already; what is left is the real signature.
		return i
	}
	return len(lines)
}

// headingsFollow reports whether numbered business goes on after line i
// ("… unanimously agreed to approve the Document." / "Signed by the
// Chair" / "9A. …" / "10. ANNUAL RETURN"): what was signed was a
// document, not the minutes.
func headingsFollow(lines []line, i int) bool {
	top := func(tok *token) int {
		if tok.Kind != tokHeading || headingQuality(tok.Rest) < 0.9 || countWords(tok.Rest) > 10 {
			return -1
		}
		if _, nums, _, ok := parseNumber(tok.Number); ok {
			return nums[0]
		}
		return -1
	}
	// The number of the last heading before the signature …
	last := -1
	for j := i - 1; j >= 0 && j > i-300 && last < 0; j-- {
		last = top(lines[j].tk())
	}
	if last < 0 {
		return false
	}
	// … and the minutes' numbering going on after it (an appendix
	// numbers from 1 again).
	n := 0
	for j := i + 1; j < len(lines) && j < i+150 && n < 2; j++ {
		if k := top(lines[j].tk()); k >= last && k <= last+5 {
			n++
			last = k
		}
	}
	return n >= 2
}

// signatureLabels reports whether a line is only office labels waiting
// for a signature: "Reeve:   Clerk-Treasurer:", "Mayor:", "Interim
// CAO-Clerk-Treasurer:".
func signatureLabels(t string) bool {
	if len(t) > 80 || !strings.HasSuffix(t, ":") {
		return false
	}
	for _, part := range strings.SplitAfter(t, ":") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		office := strings.TrimSuffix(part, ":")
		if !strings.HasSuffix(part, ":") || countWords(office) > 3 || !(hasTitle(strings.ReplaceAll(office, "-", " "), officerTitles) || hasTitle(office, memberTitles) || hasTitle(office, chairWords)) {
			return false
		}
	}
	return true
}

// signsPreviousMinutes reports whether a sentence records the previous
// minutes being approved, so that the signature under it is theirs.
func signsPreviousMinutes(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "minutes") && containsAny(low, []string{"approved", "correct", "confirmed", "agreed", "true record", "adopted", "accepted"})
}

// mayClose is a cheap test before reMeetingClosed.
func mayClose(low string) bool {
	return strings.Contains(low, "close") || strings.Contains(low, "ended") || strings.Contains(low, "conclu") || strings.Contains(low, "adjourn") || strings.Contains(low, "terminat")
}

// segment splits the lines into the header and the items.
func segment(lines []line, end int) (header []line, items []*rawItem, chain []candidate) {
	cands := findCandidates(lines, end)
	// An agenda or summons printed before the minutes: its numbered
	// business is not the minutes' items.
	start := minutesStart(lines, end)
	if start > 0 {
		k := 0
		for k < len(cands) && cands[k].idx < start {
			k++
		}
		cands = cands[k:]
	}
	cands = dropContentsLists(cands, lines)
	weighHeadless(cands)
	chain = foldParagraphs(rescueStrays(bestChain(cands), cands, lines), lines)
	chain = nestBusiness(chain, cands, lines, end)
	chain = letteredBusiness(chain, lines, end)
	if len(chain) < 2 {
		if alt := unnumberedHeadings(lines, end); len(alt) >= 2 || len(chain) == 0 {
			// A lone numbered heading among them is a heading too: one the
			// chain kept, or a clear heading line of its own over text.
			lone := chain
			if len(lone) == 0 && len(alt) >= 2 {
				lone = loneNumberedHeading(cands, lines, end)
			}
			if len(lone) == 1 && len(alt) >= 2 && !slices.ContainsFunc(alt, func(c candidate) bool { return c.title == lone[0].title }) {
				alt = append(alt, lone[0])
				sortByTitle(alt)
			}
			chain = alt
		}
	}
	if alt := headingsAfterAgenda(lines, chain, end); alt != nil {
		chain = alt
	}
	if len(chain) >= 2 && chain[0].scheme != "heading" {
		// "Disclosure of pecuniary interest: None." / "OPEN FORUM" between
		// the attendance and the first numbered item: business too.
		chain = append(leadingHeadings(lines, start, chain[0].idx), chain...)
		// "ROLL CALL", "ADJOURNMENT" between and after the numbered items.
		chain = interleaveHeadings(lines, chain, end)
	}
	if len(chain) == 0 {
		return lines[:end], nil, nil
	}
	numberLine := map[int]bool{}
	for _, c := range chain {
		if c.idx != c.title {
			numberLine[c.idx] = true
		}
	}
	// Headings of the business inside an item ("A. Fire Station Roof",
	// "6.1 Public Works Report") stand apart from the paragraphs around
	// them, as they do on the page.
	inChain := map[int]bool{}
	for _, c := range chain {
		inChain[c.title] = true
	}
	subStart, subEnd := map[int]bool{}, map[int]bool{}
	for _, c := range cands {
		if !inChain[c.title] && c.title == c.idx && c.quality >= 0.9 && len(strings.Fields(c.heading)) <= 12 && !endsWithAny(lines[c.idx].Text, ".;,") {
			subStart[c.idx] = true
			last := c.idx
			if c.bodyAt > c.idx+1 {
				last = c.bodyAt - 1 // a wrapped heading: "6.1 Finance" / "and Planning …"
			}
			subEnd[last] = true
		}
	}
	keep := func(from, to int) []line {
		var out []line
		for i := from; i < to && i < end; i++ {
			if numberLine[i] || lines[i].tk().Banner {
				continue
			}
			if subStart[i] && len(out) > 0 && out[len(out)-1].Text != "" {
				out = append(out, line{No: lines[i].No})
			}
			out = append(out, lines[i])
			if subEnd[i] && i+1 < to && lines[i+1].Text != "" {
				out = append(out, line{No: lines[i].No})
			}
		}
		return out
	}
	headEnd := chain[0].title
	if c := chain[0]; c.idx < c.title && c.title-c.idx <= 3 {
		headEnd = c.idx // "1" / "ITEMS" / "Police Report": the column header is not the attendance's
	}
	header = keep(start, headEnd)
	// A "PART II" / "EXEMPT ITEMS" banner makes the items after it exempt,
	// until a "PART I" banner says otherwise.
	exemptAt := func(from, to int) (seen, exempt bool) {
		for i := max(from, 0); i < to && i < end; i++ {
			switch lines[i].tk().Private {
			case 1:
				seen, exempt = true, true
			case -1:
				seen, exempt = true, false
			}
		}
		return seen, exempt
	}
	inPrivate := false
	prevTitle := 0
	for k, c := range chain {
		if seen, ex := exemptAt(prevTitle, c.title); seen {
			inPrivate = ex
		}
		prevTitle = c.title + 1
		next := end
		if k+1 < len(chain) {
			next = chain[k+1].title
		}
		bodyStart := c.title + 1
		if c.scheme == "motion" {
			// A numbered resolution is its own item: its line is the text.
			// It prints no heading: its title is empty, its text the motion.
			items = append(items, &rawItem{number: c.number, line: lines[c.title].No, lines: keep(c.title, next), exempt: inPrivate})
			continue
		}
		if c.bodyAt > c.title || c.bodyAt == c.title && c.idx < c.title {
			items = append(items, &rawItem{number: c.number, title: c.heading, line: lines[c.title].No, consent: c.consent, exempt: inPrivate, lines: keep(c.bodyAt, next)})
			continue
		}
		if c.idx == c.title && c.scheme != "item" {
			// The heading's own line may carry text after the heading:
			// "96-2 APPROVING AGENDA: Moved by …".
			rest := restAfterHeading(lines[c.title].Text, c.heading)
			if rest != "" {
				items = append(items, &rawItem{number: c.number, title: c.heading, line: lines[c.title].No, consent: c.consent, exempt: inPrivate,
					lines: append([]line{{Text: rest, No: lines[c.title].No}}, keep(bodyStart, next)...)})
				continue
			}
		}
		for bodyStart < next && bodyStart < len(lines) && (lines[bodyStart].tk().Kind == tokItemRef || strings.Contains(c.heading, lines[bodyStart].Text) && lines[bodyStart].Text != "") {
			bodyStart++
		}
		items = append(items, &rawItem{number: c.number, title: c.heading, line: lines[c.title].No, consent: c.consent, exempt: inPrivate, lines: keep(bodyStart, next)})
	}
	return header, items, chain
}

var reMoreAttendance = regexp.MustCompile(`(?i)\b(?:present|apologies|apology|regrets|absent|attendance|attending|visitors)\b`)

// recordLabels introduce a record or a part of one, not a matter of
// business: "Disposition: Accepted", "Motion: …", "Purpose: …".
var recordLabels = wordSet("disposition", "decision", "resolution", "resolved", "motion", "action", "actions", "outcome", "result", "vote",
	"moved", "seconded", "carried", "purpose", "recommendation", "recommendations", "note", "notes", "reason", "reasons", "summary", "background",
	"time", "date", "venue", "place", "location", "chair", "chairman", "clerk", "minutes", "agenda", "reply", "response", "answer", "question")

var reInlineHeading = regexp.MustCompile(`^([A-Z][^:]{1,60}?):(?:\s+(\S.*))?$`)

// leadingHeadings finds the unnumbered business minutes record between
// the attendance and their first numbered item: a heading alone on its
// line over its text ("OPEN FORUM", "Election of Chairman"), or run into
// it after a colon ("Disclosure of pecuniary interest: None.",
// "Staff Reports: Dave Yemm, Operations Superintendent …"). Without an
// attendance list to start from, the lines before the first item are the
// document's title, and nothing is taken.
func leadingHeadings(lines []line, from, to int) []candidate {
	last := -1
	var out []candidate
	for i := from; i < to; i++ {
		if lines[i].tk().IsLabel {
			if last < 0 && rollCallHeading(lines, i, to) {
				// "ROLL CALL –" over "Present:" / "Absent:": the roll call
				// is an item, and the attendance its text.
				out = append(out, candidate{idx: i, title: i, heading: strings.TrimRight(lines[i].Text, " :.-–—"), scheme: "heading", quality: 1})
			}
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	w := newWrapContext(lines, to)
	// The attendance runs on in lists of names ("Via Zoom: Lisa McLenon
	// and Marie Wardman, Aecom.").
	i := last + 1
	for i < to && lines[i].Text != "" {
		if reInlineHeading.MatchString(lines[i].Text) && !nameList(lines[i].Text) && endsSentence(lines[i-1].Text) && !strings.HasSuffix(lines[i-1].Text, ":") {
			break // "Disclosure of pecuniary interest: None." straight after
		}
		i++
	}
	listUnder := false // the lines under "Committee Reports:" are its list
	for ; i < to; i++ {
		t := lines[i].Text
		tok := lines[i].tk()
		if t == "" {
			listUnder = false
			continue
		}
		if h, ok := capsShape(w, i); ok && standsAlone(w, i) && textFollows(w, i) {
			// "AGENDA CHANGES" / "None.", "ORAL COMMUNICATIONS, NON-AGENDA";
			// not "AGENDA ITEMS" straight over the first numbered item, its
			// banner.
			if j := nextText(lines, i, len(lines)); j != to && !(j >= 0 && lines[j].tk().Kind == tokHeading) {
				out = append(out, candidate{idx: i, title: i, heading: h, scheme: "heading", quality: 1})
			}
			continue
		}
		if tok.IsLabel || tok.Marker || tok.Number != "" || tok.Bullet || tok.Kind == tokTableRow || tok.Kind == tokDate {
			continue
		}
		if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) {
			continue
		}
		if listUnder && !reInlineHeading.MatchString(t) {
			continue
		}
		if personTitles[strings.ToLower(strings.Trim(firstWord(t), ".,"))] || reMoreAttendance.MatchString(t) {
			continue // a name, or more of the attendance ("Staff and visitors present:")
		}
		head := ""
		if m := reInlineHeading.FindStringSubmatch(t); m != nil {
			h := strings.TrimSpace(m[1])
			next := nextText(lines, i, to)
			if countWords(h) <= 6 && headingQuality(h) >= 0.9 && !strings.ContainsAny(h, ",.") && !recordLabels[strings.ToLower(h)] && (m[2] != "" || next > 0 && isBody(lines[next].Text)) {
				head = h
			}
		} else if countWords(t) <= 8 && headingQuality(t) >= 0.9 && !endsWithAny(t, ".,;!?") && !strings.Contains(t, ",") && !loneWords[strings.ToLower(t)] &&
			(inCapitals(t) && countWords(t) >= 1 || countWords(t) >= 2 && titleLike(strings.Fields(t))) {
			if next := nextText(lines, i, to); next > 0 && isBody(lines[next].Text) {
				head = t
			}
		}
		if head != "" {
			out = append(out, candidate{idx: i, title: i, heading: head, scheme: "heading", quality: 1})
			listUnder = strings.HasSuffix(t, ":")
		}
	}
	return out
}

// nameList reports whether s (after a label) lists two or more names:
// "Via Zoom: Lisa McLenon and Marie Wardman, Aecom.".
func nameList(s string) bool {
	if m := reInlineHeading.FindStringSubmatch(s); m != nil {
		s = m[2]
	}
	parts := strings.FieldsFunc(strings.TrimRight(s, "."), func(r rune) bool { return r == ',' || r == ';' || r == '&' })
	var chunks []string
	for _, p := range parts {
		for _, q := range strings.Split(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				chunks = append(chunks, q)
			}
		}
	}
	if len(chunks) < 2 {
		return false
	}
	named := 0
	for _, c := range chunks {
		if ws := strings.Fields(c); len(ws) <= 4 && titleLike(ws) {
			named++
		}
	}
	return named*5 >= len(chunks)*3
}

// rescueStrays puts back into the chain the clear headings whose numbers
// break the run: an item taken out of order ("1, 2, 7, 3"), a number
// mistyped ("6.4.11" among "16.4.n"), one printed twice. Each must be
// numbered like the chain's own items (the same scheme, depth and
// punctuation), head its own line, and stand alone: numbered lists (a run
// of +1 steps) and cross-references ("3778 - Llandogo Play Area") stay
// text.
func rescueStrays(chain, cands []candidate, lines []line) []candidate {
	if len(chain) < 3 {
		return chain
	}
	inChain := map[int]bool{}
	styles := map[string]int{}
	for _, c := range chain {
		inChain[c.title] = true
		styles[numberStyle(lines[c.idx].Text, c.number)]++
	}
	style, best := "", 0
	for k, v := range styles {
		if v > best {
			style, best = k, v
		}
	}
	if best*5 < len(chain)*4 {
		return chain // no one way of numbering to go by
	}
	scheme, depth := chain[0].scheme, len(chain[0].nums)
	var strays []candidate
	for k, c := range cands {
		if inChain[c.title] || c.scheme != scheme || len(c.nums) != depth || c.title != c.idx || c.quality < 0.9 ||
			countWords(c.heading) > 10 || numberStyle(lines[c.idx].Text, c.number) != style || c.title < chain[0].title || c.title > chain[len(chain)-1].title {
			continue
		}
		// Not one of a list: no neighbour outside the chain one step away.
		listed := false
		for j := max(k-2, 0); j < min(k+3, len(cands)); j++ {
			o := cands[j]
			if j != k && !inChain[o.title] && o.scheme == scheme && abs(o.idx-c.idx) < 40 && abs(topNumber(o)-topNumber(c)) == 1 {
				listed = true
			}
		}
		if !listed {
			strays = append(strays, c)
		}
	}
	if len(strays) == 0 || len(strays)*4 > len(chain) {
		return chain
	}
	out := append(append([]candidate(nil), chain...), strays...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].title < out[j].title })
	return out
}

// numberStyle is how a minute number is set off from its heading: ".",
// ")", ":", "-" or " ".
func numberStyle(t, number string) string {
	i := strings.Index(t, number)
	if i < 0 {
		return ""
	}
	rest := t[i+len(number):]
	switch {
	case rest == "":
		return ""
	case strings.HasPrefix(rest, "."), strings.HasPrefix(rest, ")"), strings.HasPrefix(rest, ":"):
		return rest[:1]
	case strings.HasPrefix(strings.TrimLeft(rest, " "), "-"), strings.HasPrefix(strings.TrimLeft(rest, " "), "–"):
		return "-"
	}
	return " "
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// foldParagraphs takes sub-items out of the chain: the x.1, x.2 … (and
// x.1.1 …) under an item x or x.0 are part of item x when they read as
// paragraphs of it ("4.2 Clerk to report the blocked gully …"), or when
// item x has business of its own before them. Under a bare section
// heading — "8 GENERAL ITEMS" followed at once by "8.1 Dog Control
// Policy", "8.2 …" — the headed sub-items are the business, and a clerk
// lists each of them after the section. Numbers with no parent item in
// the chain stay items.
func foldParagraphs(chain []candidate, lines []line) []candidate {
	if len(chain) < 3 {
		return chain
	}
	parent := map[int]int{} // top-level numbers x (or x.0) → index in the chain
	for i, c := range chain {
		if c.scheme != "dotted" {
			return chain
		}
		if len(c.nums) == 1 || len(c.nums) == 2 && c.nums[1] == 0 {
			if _, seen := parent[c.nums[0]]; !seen {
				parent[c.nums[0]] = i
			}
		}
	}
	// A section is bare when no text comes between its heading and its
	// first sub-item; its sub-items are business when each is a heading
	// with text of its own under it. A run of sub-headings with nothing
	// between them ("4.1 Minutes of …", "4.2 Warrant List", "4.3 …" and
	// then one motion for all) is the section's list, and folds.
	bare := map[int]bool{}
	for n, i := range parent {
		if i+1 >= len(chain) || !isSub(chain[i+1], n) || bodyBetween(lines, chain[i], chain[i+1].idx) {
			continue
		}
		business := true
		for j := i + 1; j < len(chain) && isSub(chain[j], n); j++ {
			end := len(lines)
			if j+1 < len(chain) {
				end = chain[j+1].idx
			}
			if paragraphLike(chain[j], lines) || !bodyBetween(lines, chain[j], end) {
				business = false
				break
			}
		}
		bare[n] = business
	}
	out := chain[:0:0]
	for _, c := range chain {
		if isSub(c, c.nums[0]) {
			if _, ok := parent[c.nums[0]]; ok && !bare[c.nums[0]] {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// nestBusiness lists the business under bare Roman or lettered sections:
// "VII. DISCUSSION AND ACTION ITEMS" with no text of its own, then "1.
// Operations Plan Report Card", "2. Retail Rate Analysis" (or "A.", "B.")
// each with its own text, are items after the section, as a clerk lists
// them (the dotted x.1 under x is foldParagraphs' part). The business
// must be numbered from the first (1 or A), one step at a time, each a
// heading rather than a sentence; a list of headings with nothing between
// them (a consent calendar's) stays the section's.
func nestBusiness(chain, cands []candidate, lines []line, end int) []candidate {
	var out []candidate
	for k, sec := range chain {
		out = append(out, sec)
		if sec.scheme != "roman" && sec.scheme != "letter" {
			continue
		}
		stop := end
		if k+1 < len(chain) {
			stop = chain[k+1].idx
		}
		if run := businessRun(sec, cands, lines, stop); run != nil {
			out = append(out, run...)
		}
	}
	return out
}

// businessRun finds the numbered business between section sec and line
// stop, or nil when the section has text of its own or none qualifies.
func businessRun(sec candidate, cands []candidate, lines []line, stop int) []candidate {
	from := max(sec.title, sec.bodyAt-1)
	byScheme := map[string][]candidate{}
	for _, c := range cands {
		if c.idx <= from || c.idx >= stop || c.scheme == sec.scheme || len(c.nums) != 1 || c.sub != 0 {
			continue
		}
		byScheme[c.scheme] = append(byScheme[c.scheme], c)
	}
	var best []candidate
	for _, cs := range byScheme {
		if len(cs) < 2 && !(len(cs) == 1 && cs[0].scheme == "dotted") || topNumber(cs[0]) != 1 {
			// (One lettered heading alone may be an initial: "A. Lowe".)
			continue
		}
		ok := true
		for j, c := range cs {
			next := stop
			if j+1 < len(cs) {
				next = cs[j+1].idx
			}
			t := lines[c.title].Text
			if topNumber(c) != j+1 || c.quality < 0.9 || countWords(c.heading) > 12 || endsWithAny(t, ".;,") || !bodyBetween(lines, c, next) {
				ok = false
				break
			}
		}
		if ok && len(cs) > len(best) {
			best = cs
		}
	}
	if best == nil || bodyBetween(lines, sec, best[0].idx) {
		return nil
	}
	return best
}

// isSub reports whether c is numbered as a sub-item of n: n.1, n.2.3, not
// n or n.0.
func isSub(c candidate, n int) bool {
	return len(c.nums) >= 2 && c.nums[0] == n && !(len(c.nums) == 2 && c.nums[1] == 0)
}

// bodyBetween reports whether any line after c's heading and before end
// is text of the item rather than its heading or the page's furniture.
func bodyBetween(lines []line, c candidate, end int) bool {
	if c.bodyAt > 0 && c.bodyAt <= c.title {
		return true // a sentence starts on the heading's own line
	}
	from := c.title + 1
	if c.bodyAt > from {
		from = c.bodyAt
	}
	for i := from; i < end && i < len(lines); i++ {
		if tok := lines[i].tk(); tok.Banner {
			continue
		}
		if isBody(lines[i].Text) {
			return true
		}
	}
	return false
}

// paragraphLike reports whether a numbered line reads as a paragraph:
// its text runs on as a sentence rather than naming a subject.
func paragraphLike(c candidate, lines []line) bool {
	t := lines[c.idx].Text
	if c.title != c.idx {
		return false // a number alone, its heading below: a heading
	}
	words := len(strings.Fields(t))
	return endsSentence(t) && words > 3 || words > 9 || c.quality < 0.7
}

// restAfterHeading is the text on a heading's line after the heading.
func restAfterHeading(t, heading string) string {
	i := strings.Index(t, heading)
	if i < 0 {
		return ""
	}
	rest := strings.TrimSpace(t[i+len(heading):])
	rest = strings.TrimSpace(strings.TrimLeft(rest, ".:–-"))
	return rest
}

// unnumberedHeadings finds items in minutes that do not number them:
// short heading lines, in capitals or title case, that start a block and
// are followed by text.
func unnumberedHeadings(lines []line, end int) []candidate {
	var out []candidate
	// The lines above the attendance are the document's title ("Ayton
	// Community Council", "MINUTES OF THE …"), unless one heads the
	// attendance itself ("ROLL CALL").
	label := -1
	for i := 0; i < end && i < 40; i++ {
		if lines[i].tk().IsLabel && lines[i].tk().Label != 0 {
			label = i
			break
		}
	}
	w := newWrapContext(lines, end)
	for i := 0; i < end; i++ {
		t := lines[i].Text
		if tok := lines[i].tk(); t == "" || len(t) > 90 || tok.IsLabel || tok.Banner {
			continue
		}
		if i < label && !(reAttendanceItem.MatchString(t) && nextText(lines, i, end) == label) {
			continue
		}
		// A heading in capitals stands out even after a list row with no
		// full stop ("xv) Fields in Trust. Noted" / "BUDGET REVIEW"), and
		// may carry one ("MATTERS ARISING.").
		if h, ok := capsShape(w, i); ok && standsAlone(w, i) && textFollows(w, i) {
			out = append(out, candidate{idx: i, title: i, heading: h, scheme: "heading", quality: 1})
			continue
		}
		// A motion's mover, seconder and vote are its parts ("Moved Cr
		// Rewiri / Seconded Cr Holt", "CARRIED"), and the motion ends
		// before the next heading as a sentence does.
		if motionPart(t) {
			continue
		}
		if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) && !motionPart(lines[i-1].Text) {
			continue
		}
		words := strings.Fields(strings.TrimSuffix(t, ":"))
		if len(words) == 0 || len(words) > 9 || headingQuality(t) < 0.9 || endsWithAny(t, ".,;") || loneWords[strings.ToLower(t)] {
			continue
		}
		if strings.HasSuffix(t, ":") && len(words) > 4 {
			continue
		}
		// Followed by text (possibly after a blank line).
		j := i + 1
		if j < end && lines[j].Text == "" {
			j++
		}
		if j >= end || !isBody(lines[j].Text) && !motionPart(lines[j].Text) {
			continue
		}
		if len(findDates(t, false)) > 0 && len(words) <= 5 {
			continue
		}
		out = append(out, candidate{idx: i, title: i, heading: strings.TrimSuffix(t, ":"), scheme: "heading", quality: 1})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

var reLetteredHeading = regexp.MustCompile(`^\(?([a-z])\)\s+(\S.*)$`)

// letteredBusiness lists the business under bare numbered sections
// lettered (a), (b) …: "5. Housing Directorate" with no text of its own,
// then "(a) Part 8 Procedure – Six Houses at Mill Road" and its text,
// "(b) …" and its text, are items 5(a), 5(b) after the section, as a
// clerk lists them. The letters must run from (a), each a title (its
// words capitalised) over text of its own rather than a sentence or a
// note.
func letteredBusiness(chain []candidate, lines []line, end int) []candidate {
	var out []candidate
	for k, sec := range chain {
		out = append(out, sec)
		if sec.scheme == "motion" || sec.scheme == "heading" || sec.number == "" {
			continue
		}
		stop := end
		if k+1 < len(chain) {
			stop = min(chain[k+1].idx, chain[k+1].title)
		}
		from := max(sec.title, sec.bodyAt-1)
		j := nextText(lines, from, stop)
		var run []candidate
		for j > 0 && j < stop {
			m := reLetteredHeading.FindStringSubmatch(lines[j].Text)
			if m == nil || int(m[1][0]-'a') != len(run) || endsSentence(m[2]) || countWords(m[2]) > 25 || !startsUpper(m[2]) || !titleLike(strings.Fields(m[2])) {
				break
			}
			body := nextText(lines, j, stop)
			if body < 0 || !isBody(lines[body].Text) || reLetteredHeading.MatchString(lines[body].Text) {
				break
			}
			run = append(run, candidate{idx: j, title: j, number: sec.number + "(" + m[1] + ")", heading: cutHeading(m[2]), scheme: "heading", quality: 1, bodyAt: j + 1})
			// The next lettered heading, after this one's text.
			next := -1
			for i := body; i < stop; i++ {
				if mm := reLetteredHeading.FindStringSubmatch(lines[i].Text); mm != nil && int(mm[1][0]-'a') == len(run) {
					next = i
					break
				}
			}
			j = next
		}
		if len(run) >= 2 {
			out = append(out, run...)
		}
	}
	return out
}

// loneNumberedHeading returns the one numbered heading of minutes that
// head their other business without numbers ("3. Library Hours" among
// "ANY OTHER BUSINESS" and "ADJOURNMENT"): a short heading that is its
// line's whole text, over text of its own. It returns nil when there is
// not exactly one.
func loneNumberedHeading(cands []candidate, lines []line, end int) []candidate {
	var out []candidate
	for _, c := range cands {
		if c.idx != c.title || c.quality < 0.9 || c.scheme == "motion" || c.scheme == "item" || countWords(c.heading) > 8 {
			continue
		}
		t := lines[c.idx].Text
		if restAfterHeading(t, c.heading) != "" || endsWithAny(t, ".,;") {
			continue // "10. C.C.C. had confirmed receipt …": a numbered paragraph
		}
		if j := nextText(lines, c.idx, end); j < 0 || !isBody(lines[j].Text) {
			continue
		}
		out = append(out, c)
	}
	if len(out) != 1 {
		return nil
	}
	return out
}
