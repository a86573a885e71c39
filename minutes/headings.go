package minutes

import (
	"strings"
	"unicode"
)

// Headings that wrap. A long heading runs on to the next line or two
// ("7. REVIEW OF THE HOUSING ALLOCATIONS POLICY AND" / "TENANCY STRATEGY
// 2024/29"), and web pages scraped at a fixed width break even short ones
// ("2 Declarations" / "of Conflicts of Interest"). A line continues the
// heading above it when it cannot stand alone (it starts in lower case,
// or the heading ends on "and", "of", "–"), when both are in capitals, or,
// in a document that plainly wraps its headings or for a heading long
// enough to have reached the margin, when it is a title-like fragment
// followed by the item's text. Lines that recur through the document
// ("Committee Resolution", "Moved:") are its furniture, never a heading's
// tail.

// wrapContext holds what the wrap rules need to know about the whole
// document.
type wrapContext struct {
	lines   []line
	end     int
	repeats map[string]int // short lines by how often they occur
	wrappy  bool           // the document's headings visibly wrap
}

func newWrapContext(lines []line, end int) *wrapContext {
	w := &wrapContext{lines: lines, end: end, repeats: map[string]int{}}
	for i := 0; i < end; i++ {
		if t := lines[i].Text; t != "" && len(t) <= 60 {
			w.repeats[strings.ToLower(t)]++
		}
	}
	// Evidence that headings wrap: numbered headings whose next line
	// plainly continues them.
	n := 0
	for i := 0; i+1 < end && n < 2; i++ {
		// Short headings broken after a word or two ("2 Declarations" /
		// "of Conflicts of Interest"): numbered paragraphs that run on
		// are no evidence.
		tok := lines[i].tk()
		if tok.Kind != tokHeading || tok.Rest == "" || countWords(tok.Rest) > 3 {
			continue
		}
		if next := lines[i+1].Text; (startsLower(next) || inCapitals(tok.Rest) && inCapitals(next)) && !endsWithAny(next, ".;,") && w.continues(tok.Rest, i+1, false) {
			n++
		}
	}
	w.wrappy = n >= 2
	return w
}

// extend returns the heading that starts with head on line j, joined with
// the lines that continue it, and the index of its last line.
func (w *wrapContext) extend(head string, j int) (string, int) {
	last := j
	for k := j + 1; k < w.end && k <= j+3 && len(strings.Fields(head)) < 30; k++ {
		if !w.continues(head, k, true) {
			break
		}
		head = strings.TrimSpace(head + " " + w.lines[k].Text)
		last = k
	}
	return strings.TrimRight(head, ":-– "), last
}

// extendCut is extend followed by cutHeading: the heading as it reads,
// and the line the item's text starts on (0 when the heading is its own
// line). When a sentence starts inside a continuation line ("… for 1996.
// Moved by Flagg …") the lines after the first stay the item's text, as
// they were printed.
func (w *wrapContext) extendCut(head string, j int) (string, int) {
	joined, last := w.extend(head, j)
	h := cutHeading(joined)
	if last == j {
		return h, 0
	}
	if len(h) < len(joined)-1 {
		return h, j + 1
	}
	return h, last + 1
}

// continues reports whether line k carries on the heading head (which
// ends the line before it). weak allows the title-like fragment rule.
func (w *wrapContext) continues(head string, k int, weak bool) bool {
	if k >= w.end {
		return false
	}
	l := w.lines[k]
	t := l.Text
	if t == "" || len(t) > 120 || w.repeats[strings.ToLower(t)] >= 3 {
		return false
	}
	tok := l.tk()
	if tok.Number != "" || tok.Numeric || tok.Part != "" || tok.IsLabel || tok.Marker || tok.Bullet || tok.ActionTag || tok.Banner || tok.Signature ||
		tok.Kind == tokTableRow || tok.Kind == tokItemRef || tok.Kind == tokDate || tok.Kind == tokMotion {
		return false
	}
	if strings.HasPrefix(t, "(") || isLabel(t) {
		return false // "(Key Decision – Ref. KD/25/004)", "Minutes:"
	}
	words := strings.Fields(t)
	hw := strings.Fields(head)
	if len(hw) == 0 || len(words) > 16 {
		return false
	}
	sentence := endsWithAny(t, ".!?;")
	last := hw[len(hw)-1]
	switch {
	case endsWithAny(head, ".!?;"):
		return false
	case startsLower(t):
		// "of Conflicts of Interest", "anti-social behaviour in the town
		// centre" — but not a sentence that runs on below a heading ("the
		// committee would like to see …", "vice-chair to speak to …").
		tail := words
		if i := strings.Index(t, ". "); i > 0 {
			tail = strings.Fields(t[:i]) // the heading ends where a sentence does
		}
		return !sentence && len(tail) <= 12 && !clauseLike(tail)
	case sentence:
		return false
	case trailingFunctionWord(last) || endsWithAny(head, "–-&/,"):
		return true
	case isDigits(last) && reMonthStart.MatchString(t):
		return true // "Replacements for the 22" / "February 2019 …"
	}
	if !unicode.IsLetter([]rune(t)[0]) && !strings.ContainsRune("‘“'\"", []rune(t)[0]) {
		return false // "7-A 2019-6401": a reference under a section heading
	}
	if inCapitals(head) && inCapitals(t) && len(words) <= 12 {
		return true
	}
	if !weak || headingQuality(t) < 0.9 || inCapitals(head) != inCapitals(t) || !titleLike(words) || strings.HasSuffix(head, ")") ||
		len(words) == 1 && loneWords[strings.ToLower(strings.Trim(t, ".:"))] {
		return false
	}
	if c := strings.LastIndex(t, ", "); c >= 0 && !strings.Contains(t[c+2:], " ") && startsUpper(t[c+2:]) {
		return false // "Te Pou Whakarae, Pieri": names running on
	}
	if !w.wrappy && len(hw) < 5 {
		return false
	}
	// A title-like fragment ends the heading only when what follows is
	// not another such line: the item's text, a label, a number.
	if k+1 < w.end {
		next := w.lines[k+1]
		nt := next.Text
		if startsLower(nt) {
			return false // "The Chairman" / "welcomed everyone …": a sentence
		}
		if nt != "" && w.repeats[strings.ToLower(nt)] < 3 && next.tk().Number == "" && !next.tk().IsLabel && !next.tk().Marker &&
			headingQuality(nt) >= 0.9 && !endsWithAny(nt, ".!?;:") && len(strings.Fields(nt)) <= 6 {
			return false
		}
	}
	return true
}

// auxiliaries are the words of a clause, not of a heading's tail.
var auxiliaries = wordSet("would", "will", "should", "shall", "can", "could", "may", "might", "must", "was", "were", "is", "are",
	"has", "have", "had", "did", "does", "do", "be", "been", "being")

// clauseLike reports whether words read as a clause: an auxiliary, or
// "to" and a verb ("to speak").
func clauseLike(words []string) bool {
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if auxiliaries[lw] {
			return true
		}
		if lw == "to" && i+1 < len(words) && startsLower(words[i+1]) && !smallWords[strings.ToLower(words[i+1])] && !functionWords[strings.ToLower(words[i+1])] {
			return true
		}
	}
	return false
}

// loneWords stand on a line of their own under a heading as its whole
// text: "None", "Noted", "Carried".
var loneWords = wordSet("none", "nil", "noted", "carried", "agreed", "approved", "resolved", "deferred", "received", "attached",
	"n/a", "na", "lost", "withdrawn", "adopted", "accepted", "declined", "tabled")

// titleLike reports whether most words are capitalised, as in a title
// ("Government Act Compliance – Planning and Accountability").
func titleLike(words []string) bool {
	titled, n := 0, 0
	for _, w := range words {
		if functionWords[strings.ToLower(w)] || !unicode.IsLetter([]rune(w)[0]) && !unicode.IsDigit([]rune(w)[0]) {
			continue
		}
		n++
		if startsUpper(w) || unicode.IsDigit([]rune(w)[0]) {
			titled++
		}
	}
	return n > 0 && titled*5 >= n*4
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// inCapitals reports whether s has letters and none of them is lower case.
func inCapitals(s string) bool {
	letters := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters = true
		case r > 0x7f && strings.ToLower(string(r)) != string(r):
			letters = true
		case r > 0x7f && strings.ToUpper(string(r)) != string(r):
			return false
		}
	}
	return letters
}
