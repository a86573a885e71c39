package minutes

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 1b: text to normalised lines.
//
// Extracted text carries the marks of its journey: page breaks, running
// headers and footers, page numbers, Markdown escapes, lines that are
// blank-separated throughout, words split at line ends, bullets on lines
// of their own, letter-spaced headings. normalise removes them and keeps
// each line's number in the input so warnings can point at it.

// line is one normalised line. No is its 1-based line number in the input.
type line struct {
	Text string
	No   int
	// Raw is the line as printed, sanitised but with its spacing and tabs
	// kept: tables are read from the columns it shows.
	Raw string
	// tok is the lexer's reading of the line (lex.go); nil until lex runs.
	tok *token
}

func (l line) blank() bool { return l.Text == "" }

// low is the line's text in lower case: the lexer's, once it has run.
func (l line) low() string {
	if l.tok != nil {
		return l.tk().Low
	}
	return strings.ToLower(l.Text)
}

var (
	reGap         = regexp.MustCompile(`\s{2,}`)
	reMdLink      = regexp.MustCompile(`^\[[^\]]*\]\([^)]*\)$`)
	reMdEscape    = regexp.MustCompile(`\\([\\.\-*_#()\[\]!+>|` + "`" + `])`)
	reHTMLComment = regexp.MustCompile(`<!--.*?-->`)
	rePageOf      = regexp.MustCompile(`(?i)^(page|tudalen|p\.)\s*\d+\s*((of|o|/)\s*\d+)?$`)
	rePageDash    = regexp.MustCompile(`^[-–—]\s*\d{1,3}\s*[-–—]$`)
	reBareNum     = regexp.MustCompile(`^\d{1,3}$`)
	reRule        = regexp.MustCompile(`^[-=_*~.•]{3,}$`)
	reLetterSpace = regexp.MustCompile(`\b(?:[A-Z] ){3,}[A-Z]\b`)
	reInitialsFt  = regexp.MustCompile(`(?i)^(chair(man|person)?'?s?'? ?(initials|signature)|initials)\b.{0,30}$`)
	rePDFIcon     = regexp.MustCompile(`(?i)\s*pdf\s+icon\s+pdf\s+[\d.]+\s*[km]b`)
	reHeaderish   = regexp.MustCompile(`(?i)\b(?:page|minutes|tudalen|signed|initials|continued|cont'd)\b|#\s+of\s+#|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)
	// Running headers and footers run into the text of raw PDF lines:
	// "… (Y-5) 184349  1 of 18", "January 12, 2011  2 of 18 *43 …",
	// "Minutes – April 21, 2020 – Page 2".
	rePageInLine  = regexp.MustCompile(`(?i)(?:\b(?:` + monthNames + `)\.?\s+\d{1,2},?\s+\d{4}\s{2,}\d{1,3}\s+of\s+\d{1,3}\b|\s{2,}\d{1,3}\s+of\s+\d{1,3}\s*$|\bminutes\s+[-–]\s+(?:` + monthNames + `)\.?\s+\d{1,2},?\s+\d{4}\s+[-–]\s+page\s+\d{1,3}\b)`)
	reWebResidue  = regexp.MustCompile(`(?i)^(?:skip\s+to\s+(?:main\s+)?content|share\s+this\s+(?:item|page)|print\s+this\s+page|pdf\s+icon\b.*|view\s+directions|view\s+the\s+(?:reasons|background|declarations).*|download\s+.*\b(?:pdf|kb|mb)\b.*|(?:pdf|doc|docx)\s+\d+\s*(?:kb|mb)|back\s+to\s+top|cookie.*|accept\s+(?:all\s+)?cookies)$`)
	reScannedNote = regexp.MustCompile(`(?i)^scanned page.{0,60}$`)
	reSignedFoot  = regexp.MustCompile(`(?i)^signed[ _.:]*(\.{3,}|_{3,}).{0,60}$`)
)

// compoundPrefixes keep their hyphen when a word is split after them at a
// line end ("Sub-" + "Committee", "co-" + "opted").
var compoundPrefixes = map[string]bool{
	"sub": true, "co": true, "non": true, "pre": true, "self": true, "cross": true, "well": true,
	"long": true, "short": true, "part": true, "full": true, "mid": true, "multi": true, "anti": true,
	"post": true, "inter": true, "vice": true, "ex": true, "re": true, "high": true, "low": true,
	"year": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"follow": true, "cul": true, "de": true, "on": true, "off": true, "out": true, "under": true,
	"over": true, "decision": true, "in": true, "age": true, "anti-social": true, "e": true,
}

// normalise turns decoded text into clean lines.
func normalise(text string) []line {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text, tags := unwrap(text)
	text = strings.ReplaceAll(text, "\uf0b7", "•") // Symbol-font bullet from PDF converters
	text = strings.ReplaceAll(text, "\uf0a7", "•")
	if strings.Contains(text, "<!--") {
		text = reHTMLComment.ReplaceAllString(text, "") // (which copies the whole text, even with nothing to replace)
	}

	raw := strings.Split(text, "\n")
	lines := make([]line, 0, len(raw))
	for i, physical := range raw {
		// An HTML fragment kept as text: its breaks and paragraphs are
		// lines, all numbered as the line of the file they are on.
		pieces := []string{physical}
		if tags || strings.IndexByte(physical, '&') >= 0 {
			pieces = strings.Split(unwrapHTML(physical, tags), "\n")
		}
		for _, s := range pieces {
			lines = appendPhysical(lines, s, i+1)
		}
	}
	lines = unpipeItemTables(lines)
	lines = dropFurniture(lines)
	lines = dropDocumentLists(lines)
	lines = collapseDoubleSpacing(lines)
	lines = joinSplitWords(lines)
	lines = mergeBullets(lines)
	lines = joinLoneCapitals(lines)
	return squeezeBlanks(lines)
}

// reOCRResolved finds "resolved" as OCR misreads it at a line's start:
// "Reso1ved", "RES0LVED", "Reso|ved", "RESOLVEO".
var reOCRResolved = regexp.MustCompile(`^((?:[Ii]t\s+was\s+)?)([Rr][Ee3][Ss5][Oo0][Ll1|Ii][Vv][Ee3][DdOo0])\b`)

// fixOCRMarker mends an OCR-damaged RESOLVED at the start of a line, so
// that the lexer sees the marker it is.
func fixOCRMarker(s string) string {
	m := reOCRResolved.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	w := s[m[4]:m[5]]
	if strings.EqualFold(w, "resolved") {
		return s
	}
	fixed := "Resolved"
	if strings.ToUpper(w) == w {
		fixed = "RESOLVED"
	}
	return s[:m[4]] + fixed + s[m[5]:]
}

// appendPhysical adds the lines one line of the input makes.
func appendPhysical(lines []line, s string, no int) []line {
	// Very long lines with many double-space gaps are several lines
	// run together (raw PDF text): split them at the gaps.
	if len(s) > 160 && strings.Count(s, "  ") >= 3 {
		for _, part := range keepNumbersWithText(reGap.Split(s, -1)) {
			for _, piece := range splitRunOnItems(part) {
				if t := cleanLine(piece); t != "" {
					lines = append(lines, line{Text: t, No: no})
				}
			}
		}
		return lines
	}
	// A form feed starts a new page: keep it as a marker line.
	for {
		j := strings.IndexByte(s, '\f')
		if j < 0 {
			break
		}
		if t := cleanLine(s[:j]); t != "" {
			lines = append(lines, line{Text: t, No: no})
		}
		lines = append(lines, line{Text: "\f", No: no})
		s = s[j+1:]
	}
	if !mayRunOn(s) {
		return appendPiece(lines, s, no) // (most lines: no slice of pieces)
	}
	for _, piece := range splitRunOnItems(s) {
		lines = appendPiece(lines, piece, no)
	}
	return lines
}

// appendPiece adds the lines one piece of a physical line makes: the
// text, split where a decision starts inside it, and an owner column.
func appendPiece(lines []line, piece string, no int) []line {
	cell := ""
	if text, owner, ok := ownerColumn(piece); ok {
		piece, cell = text, owner
	}
	raw := rawLine(piece)
	if text := cleanLine(piece); !mayHaveInlineMarker(text) {
		lines = append(lines, line{Text: text, No: no, Raw: raw})
	} else {
		for _, part := range splitInlineMarkers(text) {
			lines = append(lines, line{Text: part, No: no, Raw: raw})
		}
	}
	if cell != "" {
		lines = append(lines, line{Text: cell, No: no})
	}
	return lines
}

// cleanLine sanitises one line, strips Markdown dressing and collapses
// runs of spaces.
func cleanLine(s string) string {
	s = Sanitize(strings.ReplaceAll(s, "\t", " "))
	if strings.Contains(s, "  ") && strings.Contains(s, " of ") || (strings.Contains(s, "Page") || strings.Contains(s, "page")) && strings.Contains(s, "inutes") {
		s = rePageInLine.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "") // Markdown bold
	}
	if strings.Contains(s, "__") && !strings.Contains(s, "___") {
		s = strings.ReplaceAll(s, "__", "") // but keep signature lines: "Signed ______"
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = reMdEscape.ReplaceAllString(s, "$1")
	}
	s = collapseSpaces(s)
	if s != "" && (s[0] == 'R' || s[0] == 'r' || s[0] == 'I') {
		s = fixOCRMarker(s)
	}
	if strings.HasPrefix(s, "#") {
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	}
	s = strings.TrimPrefix(s, "> ") // Markdown quote
	if strings.Contains(s, "pdf icon") {
		s = strings.TrimSpace(rePDFIcon.ReplaceAllString(s, ""))
	}
	if s != "" && len(s) < 200 && (s[0] == '[' && reMdLink.MatchString(s) || inLower(residueStart, firstWord(s)) && (reScannedNote.MatchString(s) || reWebResidue.MatchString(s)) || strings.Count(s, " > ") >= 2) {
		return "" // converter notes, web-page chrome, breadcrumbs
	}
	if letterSpaced(s) && reLetterSpace.MatchString(s) {
		s = reLetterSpace.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, " ", "") })
	}
	return s
}

// dropFurniture removes page breaks, page numbers, rules and running
// headers and footers (short lines that repeat on many pages).
func dropFurniture(lines []line) []line {
	pages := 1
	// breaks[i] counts the page breaks before line i.
	breaks := make([]int, len(lines)+1)
	for i, l := range lines {
		breaks[i+1] = breaks[i]
		if l.Text == "\f" || l.Text == "---" {
			pages++
			breaks[i+1]++
		}
	}
	// Running headers and footers: the same short line (digits ignored)
	// three or more times, on at least a third of the pages.
	nearBreak := func(i int) bool {
		// A break within five lines either side.
		return breaks[min(len(lines), i+6)] > breaks[max(0, i-5)] || i >= len(lines)-3
	}
	// Running headers and footers repeat at page breaks. A line that
	// repeats elsewhere ("That Council:", "COUNCIL RESOLUTION 2023/110")
	// is the document's own structure, not furniture.
	count, atBreak := map[string]int{}, map[string]int{}
	keys := make([]string, len(lines))
	for i, l := range lines {
		if k := furnitureKey(l.Text); k != "" {
			keys[i] = k
			count[k]++
			if nearBreak(i) {
				atBreak[k]++
			}
		}
	}
	headerish := map[string]bool{} // reHeaderish on each key, asked once
	repeated := func(i int) bool {
		k := keys[i]
		if k == "" || count[k] < 3 {
			return false
		}
		if pages >= 3 {
			return atBreak[k]*3 >= count[k]*2 && count[k]*3 >= pages
		}
		// No page breaks to go by.
		h, ok := headerish[k]
		if !ok {
			h = reHeaderish.MatchString(k)
			headerish[k] = h
		}
		return h
	}
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		t := l.Text
		switch {
		case t == "\f" || t == "---" || reRule.MatchString(t):
			out = dropBlanksBeforeBreak(out)
			continue
		case len(t) < 100 && maybeFooter(t) && (rePageOf.MatchString(t) || rePageDash.MatchString(t) || reInitialsFt.MatchString(t) || reSignedFoot.MatchString(t)),
			len(t) <= 3 && reBareNum.MatchString(t) && nearBreak(i),
			repeated(i):
			// Page furniture: like a page break, it does not end a
			// paragraph that runs on across it.
			out = dropBlanksBeforeBreak(out)
			continue
		}
		out = append(out, l)
	}
	return out
}

var reDocListEntry = regexp.MustCompile(`(?i)(?:,\s+item\s+\d+[a-z]?|\.(?:pdf|docx?))$`)

// dropDocumentLists removes a web page's "Additional documents:" list: the
// label and the attachment names under it ("Appendix A - Timetable, item 12").
func dropDocumentLists(lines []line) []line {
	out := make([]line, 0, len(lines))
	inList := false
	for _, l := range lines {
		switch {
		case strings.EqualFold(strings.TrimSuffix(l.Text, ":"), "additional documents"):
			inList = true
			continue
		case inList && reDocListEntry.MatchString(l.Text):
			continue
		case inList && l.Text == "":
			continue
		}
		inList = false
		out = append(out, l)
	}
	return out
}

// maybeFooter is a cheap test for the page-furniture patterns.
func maybeFooter(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case '-', 0xe2, 'P', 'p', 'T', 't', 'C', 'c', 'I', 'i', 'S', 's':
		return true
	}
	return false
}

// dropBlanksBeforeBreak drops the blank lines at the end of out when the
// text before them runs on: a page break inside a sentence is not a
// paragraph break.
func dropBlanksBeforeBreak(out []line) []line {
	k := len(out)
	for k > 0 && out[k-1].blank() {
		k--
	}
	if k > 0 && !endsSentence(out[k-1].Text) {
		return out[:k]
	}
	return out
}

// furnitureKey is the line with digits folded, for spotting repeats; ""
// for lines that cannot be furniture.
func furnitureKey(s string) string {
	if s == "" || len(s) > 90 || s == "\f" {
		return ""
	}
	var k string
	if isASCII(s) {
		k = lowerFoldDigits(s)
	} else {
		k = foldDigits(strings.ToLower(s))
	}
	// Headings that repeat for a reason are not furniture.
	switch k {
	case "#", "#.", "resolved:", "resolved", "agreed", "carried", "noted", "chair", "chairman", "•", "o", "-", "(#)", "action", "reply:", "(item #)", "(item #a)", "(item #b)":
		return ""
	}
	if strings.HasPrefix(k, "(item ") {
		return ""
	}
	if len(k) < 4 {
		return ""
	}
	return k
}

// reRunOnItem finds an item number run into the text before it in raw
// PDF text: "… (Y-5) CONFIRMED *42 Accept and appropriate …".
var reRunOnItem = regexp.MustCompile(`\s(\*?(?:S-)?\d{1,3})\s[A-Z][a-z]`)

// mayRunOn is a cheap test before splitRunOnItems: a line run together
// is long and has words.
func mayRunOn(s string) bool { return len(s) >= 100 && strings.Contains(s, " ") }

// splitRunOnItems splits a run-together line before each item number that
// follows an outcome in capitals or a closing bracket.
func splitRunOnItems(s string) []string {
	if !mayRunOn(s) {
		return []string{s}
	}
	var out []string
	start := 0
	for _, m := range reRunOnItem.FindAllStringSubmatchIndex(s, -1) {
		before := strings.TrimSpace(s[start:m[0]])
		if before == "" {
			continue
		}
		last, w := before[len(before)-1], lastWord(before)
		if last == ')' || len(w) >= 4 && strings.ToUpper(w) == w && (last >= 'A' && last <= 'Z' || last >= '0' && last <= '9') {
			out = append(out, s[start:m[2]])
			start = m[2]
		}
	}
	return append(out, s[start:])
}

// residueStart are the first words of web-page and converter residue.
var residueStart = map[string]bool{"scanned": true, "skip": true, "share": true, "print": true, "pdf": true, "view": true,
	"download": true, "doc": true, "docx": true, "back": true, "cookie": true, "cookies": true, "accept": true}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// rawLine keeps a line's layout for table reading: sanitised, tabs kept.
func rawLine(s string) string {
	if !strings.Contains(s, "  ") && strings.IndexByte(s, '\t') < 0 && strings.IndexByte(s, '|') < 0 {
		return ""
	}
	return strings.TrimRight(Sanitize(s), " ")
}

// reInlineMarker finds a decision that starts after another sentence on
// the same line: "Cllr Penrose (work). It was resolved to accept …".
var reInlineMarker = regexp.MustCompile(`[.;:!?]["')”’]*\s+((?:It\s+was\s+(?:unanimously\s+)?(?:resolved|RESOLVED|agreed|AGREED))|RESOLVED\b|Resolved(?:\s*:|\s+that\b|\s+to\b)|AGREED\b|DECISION\s*:|Decision\s*:)`)

// mayHaveInlineMarker is a cheap test before splitInlineMarkers: the
// line is long enough and holds a marker's word.
func mayHaveInlineMarker(s string) bool {
	return len(s) >= 20 && (hasMarkerWord(s) || strings.Contains(s, "ESOLVED"))
}

// splitInlineMarkers puts a decision that starts mid-line on a line of
// its own, so that the decision reader sees it at a line start.
func splitInlineMarkers(s string) []string {
	if !mayHaveInlineMarker(s) {
		return []string{s}
	}
	var out []string
	for n := 0; n < 8; n++ {
		loc := reInlineMarker.FindStringSubmatchIndex(s)
		if loc == nil || loc[2] < 10 {
			break
		}
		out = append(out, strings.TrimSpace(s[:loc[2]]))
		s = s[loc[2]:]
	}
	return append(out, s)
}

// keepNumbersWithText joins a minute number split off at a gap to the
// text after it: "3074.   Clarification re boundary changes:  Cllr …"
// is one heading, not a number and a heading.
func keepNumbersWithText(parts []string) []string {
	out := parts[:0:0]
	for i := 0; i < len(parts); i++ {
		p := strings.TrimSpace(parts[i])
		if i+1 < len(parts) && p != "" && len(p) <= 12 && reLoneNumber.MatchString(p) && !strings.HasSuffix(p, ")") {
			out = append(out, p+" "+strings.TrimSpace(parts[i+1]))
			i++
			continue
		}
		out = append(out, parts[i])
	}
	return out
}

// collapseSpaces trims s and turns each run of spaces (including no-break
// and typographic spaces) into one space.
func collapseSpaces(s string) string {
	if simpleSpaces(s) {
		return strings.TrimSpace(s)
	}
	return collapseRuns(s)
}

// collapseRuns is collapseSpaces the long way, rune by rune.
func collapseRuns(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == 0xa0 || (r >= 0x2000 && r <= 0x200a) || r == 0x202f || r == 0x3000 {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// simpleSpaces reports whether collapseSpaces need only trim s: it has
// only single ASCII spaces inside it, no tab and no no-break or
// typographic space. A line with a curly quote or a dash in it is simple
// too, unless it starts or ends in some other Unicode space (which
// strings.TrimSpace would trim and collapseSpaces keeps) or is not UTF-8.
func simpleSpaces(s string) bool {
	wide := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\t':
			return false
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			return false
		case c == 0xc2 || c == 0xe2 || c == 0xe3:
			if collapsedSpaceAt(s[i:]) {
				return false
			}
			wide = true
		}
	}
	if !wide {
		return true
	}
	if !utf8.ValidString(s) {
		return false
	}
	t := strings.TrimPrefix(strings.TrimSuffix(s, " "), " ")
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return t == "" || !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// collapsedSpaceAt reports whether s starts with one of the spaces
// collapseSpaces collapses beyond ASCII: U+00A0, U+2000–U+200A, U+202F,
// U+3000.
func collapsedSpaceAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 0xa0 || r >= 0x2000 && r <= 0x200a || r == 0x202f || r == 0x3000
}

// lowerFoldDigits is foldDigits(strings.ToLower(s)) for a short line in
// ASCII, in one pass and one allocation.
func lowerFoldDigits(s string) string {
	var buf [96]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if len(b) == 0 || b[len(b)-1] != '#' || i == 0 || s[i-1] < '0' || s[i-1] > '9' {
				b = append(b, '#')
			}
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// foldDigits replaces each run of digits with "#".
func foldDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if len(b) == 0 || b[len(b)-1] != '#' || i == 0 || s[i-1] < '0' || s[i-1] > '9' {
				b = append(b, '#')
			}
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// letterSpaced reports cheaply whether s may hold a letter-spaced word
// ("R E S O L V E D"): four single capitals in a row.
func letterSpaced(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		single := s[i] >= 'A' && s[i] <= 'Z' && (i == 0 || s[i-1] == ' ') && (i+1 == len(s) || s[i+1] == ' ')
		switch {
		case single:
			run++
			if run >= 4 {
				return true
			}
		case s[i] != ' ':
			run = 0
		}
	}
	return false
}

// hyphenEnd returns the word before a hyphen that ends s ("recom-" →
// "recom"), or "" when s does not end in a word split by a hyphen.
func hyphenEnd(s string) string {
	if len(s) < 3 || s[len(s)-1] != '-' {
		return ""
	}
	i := len(s) - 1
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	if len(s)-1-i < 2 {
		return ""
	}
	return s[i : len(s)-1]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func endsSentence(s string) bool {
	s = strings.TrimRight(s, ` "'”’)`)
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', ':', ';', '!', '?':
		return true
	}
	return false
}

// collapseDoubleSpacing undoes converters that put a blank line after
// every line: when most lines are followed by a blank, single blanks are
// line separators, not paragraph breaks.
func collapseDoubleSpacing(lines []line) []line {
	text, followed := 0, 0
	for i, l := range lines {
		if l.blank() {
			continue
		}
		text++
		if i+1 < len(lines) && lines[i+1].blank() {
			followed++
		}
	}
	if text < 12 || followed*10 < text*7 {
		return lines
	}
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		if l.blank() && i > 0 && !lines[i-1].blank() && i+1 < len(lines) && !lines[i+1].blank() {
			// A single blank: keep it only where a paragraph plausibly ends.
			if !endsSentence(lines[i-1].Text) || startsLower(lines[i+1].Text) {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// joinSplitWords repairs words split at line ends: "recom-" + "mendation"
// becomes "recommendation"; "Sub-" + "Committee" keeps its hyphen.
func joinSplitWords(lines []line) []line {
	for i := 0; i+1 < len(lines); i++ {
		w := hyphenEnd(lines[i].Text)
		if w == "" || lines[i+1].blank() {
			continue
		}
		next := lines[i+1].Text
		word, rest, _ := strings.Cut(next, " ")
		if word == "" || !unicode.IsLetter([]rune(word)[0]) {
			continue
		}
		head := strings.ToLower(w)
		if startsLower(word) && !compoundPrefixes[lastWord(head)] {
			lines[i].Text = strings.TrimSuffix(lines[i].Text, "-") + word
		} else {
			lines[i].Text += word
		}
		lines[i+1].Text = strings.TrimSpace(rest)
	}
	return lines
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// bulletGlyphs are lines that are only a list marker, left behind when a
// PDF puts the glyph on its own line.
var bulletGlyphs = map[string]bool{"•": true, "●": true, "▪": true, "■": true, "◦": true, "o": true, "": true, "-": true, "–": true, "*": true, "·": true, "e": true, "»": true, "➢": true, "✓": true}

// mergeBullets joins a lone bullet glyph to the text that follows it.
func mergeBullets(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if bulletGlyphs[l.Text] && l.Text != "" {
			j := i + 1
			for j < len(lines) && lines[j].blank() && j-i < 4 {
				j++
			}
			if j < len(lines) && !lines[j].blank() && !bulletGlyphs[lines[j].Text] {
				lines[j].Text = "• " + lines[j].Text
				lines[j].No = l.No
				i = j - 1
				continue
			}
			continue
		}
		out = append(out, l)
	}
	return out
}

// squeezeBlanks keeps at most one blank line in a row and none at the ends.
func squeezeBlanks(lines []line) []line {
	out := make([]line, 0, len(lines))
	for _, l := range lines {
		if l.blank() && (len(out) == 0 || out[len(out)-1].blank()) {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1].blank() {
		out = out[:len(out)-1]
	}
	return out
}

// joinLoneCapitals mends a word whose first letter an HTML or PDF
// converter put on a line of its own: "I" / "t was proposed" → "It was
// proposed".
func joinLoneCapitals(lines []line) []line {
	for i := 0; i+1 < len(lines); i++ {
		t := lines[i].Text
		if len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z' && t != "I" || t == "I" && i+1 < len(lines) && strings.HasPrefix(lines[i+1].Text, "t ") {
			if next := lines[i+1].Text; next != "" && startsLower(next) {
				lines[i+1].Text = t + next
				lines[i].Text = ""
			}
		}
	}
	return lines
}

// ownerColumn splits a line whose right-hand column, set off by a wide gap,
// is an action's owner: "The village sign has faded.          GW / 31 Jul"
// → the paragraph, and "GW / 31 Jul" as the owner line under it.
func ownerColumn(s string) (text, owner string, ok bool) {
	i := strings.LastIndex(s, "     ")
	if i < 0 || i < 20 {
		return s, "", false
	}
	text, owner = strings.TrimRight(s[:i], " "), strings.TrimSpace(s[i:])
	if owner == "" || strings.Contains(owner, "  ") || len(strings.Fields(text)) < 4 || strings.Contains(strings.TrimSpace(text), "     ") {
		return s, "", false // one gap only: a table's columns are not an owner cell
	}
	if !isOwnerLine(cleanLine(owner)) {
		return s, "", false
	}
	return text, owner, true
}
