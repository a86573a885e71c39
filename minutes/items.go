package minutes

import (
	"regexp"
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
	reExempt          = regexp.MustCompile(`(?i)(press\s+and\s+(?:the\s+)?public\s+(?:be\s+|were\s+|are\s+)?excluded|exclusion\s+of\s+(?:the\s+)?press\s+and\s+public|schedule\s+12a|exempt\s+information|part\s+(?:ii|2|b)\b.{0,30}(?:exempt|confidential|private)|closed\s+session|in\s+camera|confidential\s+item)`)
	rePrivateBanner   = regexp.MustCompile(`(?i)^(?:part\s+(?:ii|2|b)(?:\s*[-–—:]\s*.{0,60})?|(?:exempt|confidential|restricted)\s+items?(?:\s*[-–—:]\s*.{0,60})?|private\s+(?:business|session))$`)
	rePublicBanner    = regexp.MustCompile(`(?i)^(?:part\s+(?:i|1|a)(?:\s*[-–—:]\s*.{0,60})?|unrestricted\s+items|open\s+session)$`)
	reMeetingClosed   = regexp.MustCompile(`(?i)\b(?:meeting|council|committee)\b.{0,40}\b(?:closed|ended|concluded|adjourned|terminated)\b|\bclosed\s+at\s+\d`)
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
		if t := lines[i].Text; len(t) < 160 && reTranscriptStart.MatchString(t) {
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
		if !tok.Signature {
			continue
		}
		// A signature starts a block: a phrase inside a sentence ("be
		// confirmed as a true and correct record") is not one.
		if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) {
			continue
		}
		// "Signed ____ Dated …" footers repeat on every page and were
		// dropped already; what is left is the real signature.
		return i
	}
	return len(lines)
}

// mayClose is a cheap test before reMeetingClosed.
func mayClose(low string) bool {
	return strings.Contains(low, "close") || strings.Contains(low, "ended") || strings.Contains(low, "conclu") || strings.Contains(low, "adjourn") || strings.Contains(low, "terminat")
}

// segment splits the lines into the header and the items.
func segment(lines []line, end int) (header []line, items []*rawItem, chain []candidate) {
	cands := findCandidates(lines, end)
	weighHeadless(cands)
	chain = foldParagraphs(bestChain(cands), lines)
	if len(chain) < 2 {
		if alt := unnumberedHeadings(lines, end); len(alt) >= 2 || len(chain) == 0 {
			chain = alt
		}
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
	keep := func(from, to int) []line {
		var out []line
		for i := from; i < to && i < end; i++ {
			if !numberLine[i] && !lines[i].tk().Banner {
				out = append(out, lines[i])
			}
		}
		return out
	}
	header = keep(0, chain[0].title)
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
			items = append(items, &rawItem{number: c.number, title: c.heading, line: lines[c.title].No, lines: keep(c.title, next), exempt: inPrivate})
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

// foldParagraphs takes numbered paragraphs out of the chain: under an
// "x.0" heading, or when most of an item's x.1, x.2 … children read as
// sentences ("4.2 Clerk to report the blocked gully …"), the children are
// paragraphs of item x, not items of their own. Children that read as
// headings ("8.1 General Manager's Report") stay items.
func foldParagraphs(chain []candidate, lines []line) []candidate {
	if len(chain) < 3 {
		return chain
	}
	parent := map[int]int{} // chain index of each top-level number x (or x.0)
	for k, c := range chain {
		if c.scheme != "dotted" {
			return chain
		}
		if len(c.nums) == 1 || len(c.nums) == 2 && c.nums[1] == 0 {
			parent[c.nums[0]] = k
		}
	}
	type group struct {
		kids, sentences int
		zero            bool
	}
	groups := map[int]*group{}
	for _, c := range chain {
		if len(c.nums) != 2 || c.nums[1] == 0 {
			continue
		}
		p, ok := parent[c.nums[0]]
		if !ok {
			continue
		}
		g := groups[c.nums[0]]
		if g == nil {
			g = &group{zero: len(chain[p].nums) == 2}
			groups[c.nums[0]] = g
		}
		g.kids++
		if paragraphLike(c, lines) {
			g.sentences++
		}
	}
	out := chain[:0:0]
	for _, c := range chain {
		if len(c.nums) == 2 && c.nums[1] > 0 {
			if g := groups[c.nums[0]]; g != nil && (g.zero || g.sentences*5 >= g.kids*3) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
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
	for i := 0; i < end; i++ {
		t := lines[i].Text
		if tok := lines[i].tk(); t == "" || len(t) > 90 || tok.IsLabel || tok.Banner {
			continue
		}
		if i > 0 && lines[i-1].Text != "" && !endsSentence(lines[i-1].Text) {
			continue
		}
		words := strings.Fields(strings.TrimSuffix(t, ":"))
		if len(words) == 0 || len(words) > 9 || headingQuality(t) < 0.9 || endsWithAny(t, ".,;") {
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
		if j >= end || !isBody(lines[j].Text) {
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
