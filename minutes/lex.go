package minutes

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Stage 1c: the lexer. Each normalised line is read once into a token: what
// kind of line it is (a minute number, a numbered heading, an attendance
// label, a decision marker, a numbered part, a bullet, a table row, a
// banner, the chair's signature …) with the parts the later stages need
// (the number and the heading after it, the label's role and the names
// after it, the text after a marker) and cheap facts about its shape (lower
// case, word count, how it starts and ends). The stages ask the token; none
// of them runs a line-shape pattern of its own on a document line.
//
// A line can be several things at once: "1. RESOLVED that …" is a numbered
// line and a decision marker, "Chair: Cllr A" is a label and may start an
// attendance block. The token keeps every reading; Kind is the one a person
// would name first, for the trace.

// tokKind is the kind of a line, as the lexer first reads it.
type tokKind uint8

const (
	tokBlank     tokKind = iota
	tokText              // running text
	tokNumber            // a minute number alone: "180.", "7", "PL/44/23"
	tokHeading           // a number and a heading: "7. Apologies for Absence"
	tokItemRef           // "(Item 4)" under an unnumbered heading
	tokMotion            // a numbered resolution with its movers: "R2020-78 L. Moore, J. Scott:"
	tokLabel             // an attendance label: "Present:", "Apologies for absence –"
	tokMarker            // a decision marker at the line's start: "RESOLVED –", "It was AGREED that"
	tokPart              // a numbered part: "(1) …", "b) …"
	tokBullet            // "• …"
	tokActionTag         // "Action: …", "ACTION BY: Clerk"
	tokOwnerLine         // a line that only names who acts: "Clerk", "TR / 15 Mar", "ALL"
	tokTableRow          // cells separated by pipes or tabs
	tokBanner            // "PART II – EXEMPT ITEMS", "Resolved items"
	tokSignature         // the chair's signature, where the minutes end
	tokDate              // a date alone: "14 December 2021", "Tuesday 3rd May 2022"
)

var tokNames = [...]string{
	tokBlank: "blank", tokText: "text", tokNumber: "number", tokHeading: "heading", tokItemRef: "item-ref",
	tokMotion: "motion", tokLabel: "label", tokMarker: "marker", tokPart: "part", tokBullet: "bullet",
	tokActionTag: "action-tag", tokOwnerLine: "owner-line", tokTableRow: "table-row", tokBanner: "banner",
	tokSignature: "signature", tokDate: "date",
}

func (k tokKind) String() string {
	if int(k) < len(tokNames) {
		return tokNames[k]
	}
	return "?"
}

// token is one line as the lexer read it.
type token struct {
	Kind  tokKind
	Low   string // the text in lower case
	Words int    // number of words

	// Shape.
	StartsUpper, StartsLower, EndsSentence bool

	// Numbered lines. Number is the minute number as printed (without
	// trailing punctuation) of a tokNumber or tokHeading line; Rest is the
	// text after the number on a heading line.
	Number, Rest string
	// Consent marks "*42 …" and "(*12-427) …": consent-calendar items.
	Consent bool
	// Numeric is set for a line that is only a number or a list label
	// ("180.", "3)", "12(b)"): it may be a minute number or a paragraph's.
	Numeric bool

	// Label is the attendance role of a label line and LabelRest the names
	// after it on the same line.
	Label     role
	IsLabel   bool
	LabelRest string

	// Marker is set when the line opens a decision.
	Marker bool
	// Part is the label of a numbered part ("1", "a", "ii") when the line
	// starts with one.
	Part string

	Bullet    bool
	ActionTag bool   // "Action: …"
	ActionFor string // the text after an action tag
	Banner    bool   // a section banner (see reBanner)
	Private   int8   // +1 a banner that starts exempt business, -1 one that ends it
	Signature bool   // the chair's signature line ("Signed …", "Chairman")
	SignLine  bool   // a bare "Chair" / "Chairman" under dots: a signature block
	Cells     int    // number of cells when the raw line is a piped or tabbed row

	// read is set once the line has been read into the token (tk).
	read bool
}

// lexLine reads one normalised line. raw is the line with its layout kept
// (tabs, runs of spaces, pipes), "" when it has none.
func lexLine(text, raw string) token {
	var t token
	if text == "" {
		return t
	}
	t.Kind = tokText
	t.Low = strings.ToLower(text)
	t.Words = countWords(text)
	t.StartsUpper, t.StartsLower = startsUpper(text), startsLower(text)
	t.EndsSentence = endsSentence(text)
	if strings.HasPrefix(text, "•") {
		t.Bullet = true
		t.Kind = tokBullet
	}
	if raw != "" && (strings.Contains(raw, "|") || strings.Contains(raw, "\t")) {
		if cs, _ := cells(raw); len(cs) >= 2 {
			t.Cells = len(cs)
			t.Kind = tokTableRow
		}
	}
	lexNumber(&t, text)
	if mayBeLabel(text) {
		if r, rest, ok := matchLabel(text); ok {
			t.IsLabel, t.Label, t.LabelRest = true, r, rest
			if t.Kind == tokText || t.Kind == tokTableRow {
				t.Kind = tokLabel
			}
		}
	}
	if markerStart(text) && !agreedTask(t.Low) {
		t.Marker = true
		if t.Kind != tokHeading || headingQuality(t.Rest) < 0.5 {
			t.Kind = tokMarker
		}
	}
	if m := submatchIf(mayBePartLabel(text), rePartLabel, text); m != nil {
		t.Part = strings.ToLower(m[1] + m[2])
		if t.Kind == tokText {
			t.Kind = tokPart
		}
	}
	if tagged := strings.TrimSpace(strings.TrimPrefix(text, "•")); len(tagged) >= 6 && equalFoldASCII(tagged[:6], "action") {
		if m := reActionTag.FindStringSubmatch(tagged); m != nil {
			t.ActionTag, t.ActionFor = true, m[1]
			t.Kind = tokActionTag
		}
	}
	if mayBeBanner(t.Low) {
		switch {
		case rePrivateBanner.MatchString(text):
			t.Private = 1
		case rePublicBanner.MatchString(text):
			t.Private = -1
		}
		if reBanner.MatchString(text) {
			t.Banner = true
		}
		if t.Banner || t.Private != 0 {
			t.Kind = tokBanner
		}
	}
	if opensWith(text, "cCmMpP") && reChairSignLine.MatchString(text) {
		t.SignLine = true
	}
	if t.Kind == tokText && isOwnerLine(text) && !t.SignLine {
		t.Kind = tokOwnerLine
	}
	if len(text) <= 80 && !t.StartsLower && (opensWith(text, "(sScCfFbB") || text[0] >= utf8.RuneSelf) && reSignature.MatchString(text) {
		t.Signature = true
		t.Kind = tokSignature
	}
	return t
}

// agreedTask reports whether a line that opens like a decision ("It was
// agreed that …", "Members agreed that …") records a task, a matter
// coming back or an opinion instead: "It was agreed that the Clerk would
// write …", "… that the plan would come back in June", "… that the meeting
// had been useful". Only "agreed that <something> be <done>" decides.
func agreedTask(low string) bool {
	i := strings.Index(low, "agreed")
	if i < 0 || i > 40 || strings.HasPrefix(low, "agreed") || strings.HasPrefix(low, "resolved") {
		return false
	}
	head := low[:i]
	if strings.Contains(head, "resolved") || strings.Contains(head, "decision") {
		return false
	}
	rest := strings.TrimSpace(low[i+len("agreed"):])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, "unanimously"))
	if !strings.HasPrefix(rest, "that ") {
		// "It was agreed RB would collect the keys": no "that".
		ws := splitWords(rest)
		return len(ws) > 2 && (ws[1].low == "would" || ws[1].low == "should" || ws[1].low == "will" || len(ws) > 3 && (ws[2].low == "would" || ws[2].low == "should" || ws[2].low == "will"))
	}
	return !agreedThatDecides(splitWords(rest), 0, false)
}

// isOwnerLine reports whether a line only names who acts, as an "Action
// by" column prints it: "Clerk", "TR", "TR / 15 Mar", "Cllr P. Ames/Clerk",
// "ALL", "RB GD", "Clerk 31 May 2024", "Clerk / next mtg".
func isOwnerLine(text string) bool {
	if len(text) > 50 || strings.ContainsAny(text, ".;:?!") && !strings.Contains(text, "Cllr.") && !reInitialDots.MatchString(text) {
		return false
	}
	head := firstWord(text)
	if i := strings.IndexAny(head, "/&,+"); i > 0 {
		head = head[:i]
	}
	head = strings.Trim(head, "().,")
	first := strings.ToLower(head)
	if !(isInitials(head) || ownerLineRoles[first] || first == "cllr" || first == "councillor" || first == "cr") {
		return false // an owner line opens with one
	}
	rest := text
	if ds := findDates(rest, false); len(ds) > 0 {
		if ds[0].End < len(rest)-1 {
			return false
		}
		rest = rest[:ds[0].Start]
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '/' || r == '&' || r == ',' || r == '+' })
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	owners := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		low := strings.ToLower(strings.Trim(w, "()"))
		switch {
		case low == "and":
		case isInitials(strings.Trim(w, "().")) && strings.ToUpper(w[:1]) == w[:1] && !(len(w) == 4 && strings.ToUpper(w) == w) && !capsWords[low]:
			owners++
		case ownerLineRoles[low]:
			owners++
		case low == "cllr" || low == "cllr." || low == "councillor" || low == "cr":
			// "Cllr P. Ames": the title and the name after it.
			if i+1 >= len(words) {
				return false
			}
			for i+1 < len(words) && startsUpper(words[i+1]) && !ownerLineRoles[strings.ToLower(words[i+1])] {
				i++
			}
			owners++
		case low == "next" || low == "mtg" || low == "meeting" || low == "asap" || low == "ongoing" || monthOf(low) != 0 && len(low) >= 3:
			// "next mtg", "15 Mar": when
		case low != "" && low[0] >= '0' && low[0] <= '9' && len(low) <= 4:
		default:
			return false
		}
	}
	return owners > 0
}

var reInitialDots = regexp.MustCompile(`\b[A-Z]\.\s?[A-Z]`)

// capsWords are words printed in capitals that are not initials: "LOST",
// "CARRIED", "NIL".
var capsWords = wordSet("lost", "nil", "none", "noted", "agreed", "carried", "yes", "no", "n/a", "na", "tbc", "tba", "and", "or", "the", "for", "see")

// ownerLineRoles are the offices an "Action by" column names.
var ownerLineRoles = wordSet("clerk", "rfo", "chair", "chairman", "chairperson", "vice-chair", "treasurer", "secretary",
	"all", "everyone", "members", "officer", "officers", "cao", "ceo", "mayor", "lengthsman", "warden", "staff")

// lexNumber reads a line that opens with a minute number: alone
// ("180."), with its heading ("7. Apologies", "1.Adoption of Minutes"),
// as a numbered motion ("R2020-78 L. Moore, J. Scott: That …") or as an
// agenda reference under a heading ("(Item 4)").
func lexNumber(t *token, text string) {
	if len(text) > 400 {
		return
	}
	c := text[0]
	if !(c >= '0' && c <= '9' || c == '*' || c == '(' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
		return
	}
	if c == '(' {
		if m := reItemRef.FindStringSubmatch(text); m != nil {
			t.Kind, t.Number = tokItemRef, m[1]
			return
		}
	}
	if c >= 'A' && c <= 'Z' && len(text) >= 2 && (text[1] == '.' || len(text) > 2 && text[1] >= 'A' && text[1] <= 'Z') {
		// "IX. BOARD COMMENTS", "A. Call to Order", "B." alone: Roman
		// and lettered sections, always with their full stop.
		if m := reSectionNumber.FindStringSubmatch(text); m != nil {
			if m[2] == "" {
				t.Kind, t.Number, t.Numeric = tokNumber, m[1], true
			} else {
				t.Kind, t.Number, t.Rest = tokHeading, m[1], m[2]
			}
			return
		}
	}
	// Every pattern below needs a digit; the number and heading patterns
	// need the line to open as a number does (numberLead), the motion
	// pattern one or two capitals and a digit ("R2020-78"), the fused
	// one a digit.
	lead := numberLead(text)
	motion := c >= 'A' && c <= 'Z' && len(text) > 2 && (isDigit(text[1]) || text[1] >= 'A' && text[1] <= 'Z' && isDigit(text[2]))
	if !lead && !motion && !isDigit(c) || !hasDigit(text) {
		return
	}
	// A number alone is at most five words: "Agenda item HWB 23/34 ."
	lone := lead && t.Words <= 5
	// ("1)" alone is a paragraph label: minute numbers end in a full
	// stop or nothing.)
	if m := submatchIf(lone, reLoneNumber, text); m != nil {
		t.Numeric = true
		if !strings.HasSuffix(text, ")") {
			t.Kind, t.Number = tokNumber, m[1]
			return
		}
	}
	if m := submatchIf(motion, reMotionNumber, text); m != nil {
		t.Kind, t.Number = tokMotion, strings.ReplaceAll(m[1], " ", "")
		return
	}
	if m := submatchIf(c >= '0' && c <= '9', reNumberFused, text); m != nil {
		t.Kind, t.Number, t.Rest = tokHeading, m[1], m[2]
		return
	}
	if m := submatchIf(lead, reNumberHeading, text); m != nil {
		t.Kind, t.Number, t.Rest = tokHeading, m[1]+m[2], m[3]
		t.Consent = strings.HasPrefix(text, "*") || strings.HasPrefix(text, "(*")
		if reMonthStart.MatchString(t.Rest) {
			t.Kind = tokDate // "14 December 2021" is a date, not minute 14
		}
	}
}

// numberLead reports whether text opens as reLoneNumber and
// reNumberHeading need: with a digit, "*" or "(", a prefix they allow
// ("Minute", "Item", "Agenda item", any case), or the capitals of a
// lettered number followed by "/", "." or a space ("PL/44", "C.312",
// "HWB 23/34"). It is a necessary condition, not a reading.
func numberLead(text string) bool {
	if text == "" {
		return false
	}
	if c := text[0]; c >= '0' && c <= '9' || c == '*' || c == '(' {
		return true
	}
	for _, p := range []string{"minute", "item", "agenda item"} {
		if len(text) >= len(p) && equalFoldASCII(text[:len(p)], p) {
			return true
		}
	}
	n := 0
	for n < len(text) && n < 6 && text[n] >= 'A' && text[n] <= 'Z' {
		n++
	}
	if n == 0 || n > 5 || n+1 >= len(text) || text[n+1] < '0' || text[n+1] > '9' {
		return false
	}
	return text[n] == '/' || text[n] == '.' || text[n] == ' ' && n >= 2
}

// mayBePartLabel is a cheap test before rePartLabel: a part's label
// ("(1)", "b)", "ii.", "(iv)") closes with "." or ")" within its first six
// bytes.
func mayBePartLabel(text string) bool {
	head := text[:min(len(text), 6)]
	return strings.IndexByte(head[min(len(head), 1):], '.') >= 0 || strings.IndexByte(head[min(len(head), 1):], ')') >= 0
}

// opensWith reports whether text's first byte is one of bytes: a cheap
// test before a pattern anchored at the line's start (the first letters
// of its words in both cases; a pattern that ignores case can also open
// with a non-ASCII letter that folds to "s" or "k", which callers allow
// where it matters).
func opensWith(text, bytes string) bool {
	return text != "" && strings.IndexByte(bytes, text[0]) >= 0
}

// submatchIf is re.FindStringSubmatch(s) when ok, nil without running re
// when not.
func submatchIf(ok bool, re *regexp.Regexp, s string) []string {
	if !ok {
		return nil
	}
	return re.FindStringSubmatch(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// lex gives every line its token, read the first time a stage asks for
// it (tk) and kept: most minutes end at the chair's signature and the
// appendices after it are never asked about.
func lex(lines []line) {
	toks := make([]token, len(lines))
	for i := range lines {
		lines[i].tok = &toks[i]
	}
}

// tk is the line's token: the one the lexer keeps for it, read now if no
// stage has asked before, or, for a line a stage made up ("RESOLVED that
// …" with its marker taken off), a fresh reading.
func (l line) tk() *token {
	if l.tok != nil {
		if !l.tok.read {
			*l.tok = lexLine(l.Text, l.Raw)
			l.tok.read = true
		}
		return l.tok
	}
	t := lexLine(l.Text, l.Raw)
	return &t
}

// mayBeLabel is a cheap test before the label patterns: a label is short
// alone on its line, or ends in a colon or dash within its first words.
func mayBeLabel(text string) bool {
	if len(text) <= 45 {
		return true
	}
	head := text
	if len(head) > 90 {
		head = head[:90]
	}
	// (strings.ContainsAny with the non-ASCII dash walks rune by rune.)
	return strings.IndexByte(head, ':') >= 0 || strings.IndexByte(head, '-') >= 0 || strings.Contains(head, "–")
}

// mayBeBanner is a cheap test before the banner patterns: the words that
// start one.
func mayBeBanner(low string) bool {
	for _, w := range []string{"part", "resolved", "recommended", "unrestricted", "exempt", "confidential", "restricted", "private", "open", "items", "item", "consent"} {
		if strings.HasPrefix(low, w) {
			return true
		}
	}
	return false
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
