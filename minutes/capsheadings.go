package minutes

import (
	"strings"
	"unicode"
)

// Headings in capitals with no number. Many minutes number their business
// but print the procedural sections between the numbered items in
// capitals on a line of their own, with no number: CALL TO ORDER, ROLL
// CALL, PUBLIC COMMENT, CONSENT CALENDAR, NEW BUSINESS, ADJOURNMENT (US and
// Canadian councils and boards above all, but parish and community
// councils that number nothing write their headings the same way). A
// clerk lists such a heading as an item, number "", when nothing numbered
// comes under it; a heading over numbered items is a banner over them
// (CONSENT CALENDAR over the consent items), not business of its own.
//
// The evidence that a capitals line is a heading: it is short and not a
// sentence, it stands alone (a blank line or the end of a sentence or of a
// list row before it), text in ordinary case follows it, it is not a
// table cell, a motion's parts ("CARRIED.", "MOVED BY: …", "AYES: 5"), a
// name, a date, or a page header repeated down the document, and the
// document prints more than one heading in this shape.

// capsShape reports whether line i, on its own, has the shape of a
// heading in capitals, and returns the heading without its trailing
// punctuation ("MATTERS ARISING." → "MATTERS ARISING", "ROLL CALL –" →
// "ROLL CALL").
func capsShape(w *wrapContext, i int) (string, bool) {
	l := w.lines[i]
	t := l.Text
	if t == "" || len(t) > 80 {
		return "", false
	}
	tok := l.tk()
	if tok.Number != "" || tok.Numeric || tok.Part != "" || tok.Marker || tok.Bullet || tok.ActionTag || tok.Banner || tok.Signature || tok.SignLine ||
		tok.Label != 0 || reMoreAttendance.MatchString(t) || tok.Cells >= 2 || tok.Kind == tokTableRow || tok.Kind == tokMotion || tok.Kind == tokDate || tok.Kind == tokItemRef {
		return "", false
	}
	if strings.Contains(strings.TrimSpace(l.Raw), "   ") || strings.Contains(l.Raw, "\t") {
		return "", false // a cell of a table laid out in columns
	}
	h := strings.TrimSpace(strings.TrimRight(t, " :.-–—"))
	if !inCapitals(h) || w.repeats[strings.ToLower(t)] >= 3 {
		return "", false
	}
	words := strings.Fields(h)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(h, ";!?|") || strings.Contains(h, ". ") {
		return "", false
	}
	// A word of three letters or more: not a postcode or a reference
	// ("SA19 6AX", "E/40070").
	word := false
	for _, wd := range words {
		if n := len([]rune(strings.Trim(wd, ",’'"))); n >= 3 && strings.IndexFunc(strings.Trim(wd, ",’'"), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) < 0 {
			word = true
		}
	}
	if !word || !unicode.IsLetter([]rune(h)[0]) || clauseLike(words) {
		return "", false // "MEMBERS OF THE PUBLIC ARE WELCOME TO ATTEND": a sentence
	}
	low := strings.ToLower(h)
	first := strings.Trim(strings.ToLower(words[0]), ".,:")
	if loneWords[low] || recordLabels[low] || motionLine(low) || namesMeeting(low) {
		return "", false
	}
	if (personTitles[first] || personTitles[strings.TrimSuffix(first, "s")] || memberTitles[first] || memberTitles[strings.TrimSuffix(first, "s")] || civicOffices[first]) &&
		!hasTitle(low, procedureHeadings) && !hasTitle(low, sectionWords) {
		return "", false // "COUNCILLOR ANA LOWE": a name, not "COMMISSIONER COMMUNICATIONS"
	}
	if len(findDates(h, false)) > 0 && len(words) <= 5 {
		return "", false
	}
	return h, true
}

// motionLine reports whether a line (lower case) is a part of a motion or
// its vote rather than a heading: "carried.", "motion carried",
// "carried unanimously", "moved by: …", "seconded", "ayes: 5 nays: 0",
// "no objections".
func motionLine(low string) bool {
	words := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return true
	}
	if motionOpeners[words[0]] {
		return true // "MOVED BY: …", "SECONDED: …", "CARRIED 5-0"
	}
	for _, w := range words {
		if !motionWords[w] && !functionWords[w] && !smallWords[w] {
			return false
		}
	}
	return true
}

// standsAlone reports whether line i starts a block of its own: the first
// line, after a blank line, after a sentence or a list row, but not the
// run-on of the line above (which ends on "the", a comma or a hyphen, or
// is itself in capitals: a wrapped heading).
func standsAlone(w *wrapContext, i int) bool {
	if i == 0 || w.lines[i-1].Text == "" || w.lines[i].No-w.lines[i-1].No > 1 && !inCapitals(w.lines[i-1].Text) {
		return true
	}
	prev := w.lines[i-1].Text
	if endsSentence(prev) {
		return true
	}
	if endsWithAny(prev, ",-–&/(:") {
		return false
	}
	if inCapitals(prev) {
		// Two lines in capitals: the second carries on the first
		// ("REVIEW OF THE HOUSING POLICY" / "AND TENANCY STRATEGY") unless
		// the first is a motion's part ("CARRIED", "NO OBJECTIONS").
		return motionLine(strings.ToLower(prev))
	}
	ws := strings.Fields(prev)
	return len(ws) > 0 && !trailingFunctionWord(ws[len(ws)-1])
}

// textFollows reports whether what follows a heading ending on line last
// is the item's text in ordinary case: a sentence, "None.", a label, a
// list, a name ("Pastor Ada Kern"), or nothing more at all.
func textFollows(w *wrapContext, last int) bool {
	j := nextText(w.lines, last, w.end)
	if j < 0 {
		return true
	}
	t := w.lines[j].Text
	tok := w.lines[j].tk()
	if tok.IsLabel || tok.Marker || tok.Bullet || isBody(t) || loneWords[strings.ToLower(strings.Trim(t, ".: "))] {
		return true
	}
	if tok.Number != "" || tok.Numeric || tok.Part != "" || tok.Kind == tokTableRow || tok.Kind == tokHeading {
		return false // "(A)", "2552 HUBBELL AVE": a list or a table, not the item's text
	}
	return !inCapitals(t) && countWords(t) >= 2 && startsUpper(t)
}

// namesMeeting reports whether a heading in capitals is the document's
// title, naming the body and the meeting: "MINUTES OF THE SPECIAL CITY
// COUNCIL MEETING", "SUMMARY OF HOLTBY TOWN BOARD MEETING".
func namesMeeting(low string) bool {
	if strings.HasPrefix(low, "minutes") && countWords(low) > 1 {
		return true
	}
	return strings.Contains(low, "meeting") && !strings.Contains(low, "next") && hasTitle(low, institutionWords)
}

// capsHeadings finds the headings in capitals with no number between from
// and end: each with the index of its line and of its last (wrapped)
// line. It returns nil unless there are at least two, or the one names a
// step of the meeting's procedure ("ROLL CALL", "ADJOURNMENT"): one
// capitals line alone is no evidence of how a document heads its business.
func capsHeadings(w *wrapContext, from int) []candidate {
	var out []candidate
	for i := from; i < w.end; i++ {
		h, ok := capsShape(w, i)
		if !ok || !standsAlone(w, i) {
			continue
		}
		last := i
		for k := i + 1; k < w.end && k <= i+2; k++ {
			// "ORAL COMMUNICATIONS," / "NON-AGENDA": capitals run on.
			next, ok := capsShape(w, k)
			if !ok || w.lines[k].No-w.lines[k-1].No > 1 || len(strings.Fields(h+" "+next)) > 12 || !endsWithAny(h, ",-–&/") && !trailingFunctionWord(lastWord(h)) {
				break
			}
			h, last = h+" "+next, k
		}
		if !textFollows(w, last) {
			continue
		}
		out = append(out, candidate{idx: i, title: i, bodyAt: last + 1, heading: h, scheme: "heading", quality: 1})
		i = last
	}
	if len(out) < 2 && !(len(out) == 1 && hasTitle(out[0].heading, procedureHeadings)) {
		return nil
	}
	return out
}

// interleaveHeadings adds to a chain of numbered items the headings in
// capitals with no number that head business of their own between and
// after them: a heading is an item when no numbered item comes between it
// and the next such heading (or the end); one over numbered items is their
// banner and is left out. Among numbered items only the steps of the
// meeting's procedure (procedureHeadings: ROLL CALL, PUBLIC COMMENT,
// ADJOURNMENT …) are taken: other capitals lines there are as often the
// headings of an item's parts, a letterhead or a table.
func interleaveHeadings(lines []line, chain []candidate, end int) []candidate {
	if len(chain) < 2 {
		return chain
	}
	// When the numbered items themselves are headed in capitals, a
	// capitals line without a number is a heading inside an item
	// ("OFFICER'S RECOMMENDATION", "APPLICATIONS RECEIVED"), not a level
	// of its own.
	inCaps := 0
	for _, c := range chain {
		if inCapitals(c.heading) {
			inCaps++
		}
	}
	if inCaps*2 > len(chain) || contentsList(lines, chain) {
		return chain
	}
	w := newWrapContext(lines, end)
	caps := capsHeadings(w, chain[0].title)
	if caps == nil {
		return chain
	}
	taken := map[int]bool{} // the chain's own heading lines
	starts := make([]int, 0, len(chain))
	for _, c := range chain {
		from, to := min(c.idx, c.title), max(c.title, c.bodyAt-1)
		for k := from; k <= to; k++ {
			taken[k] = true
		}
		starts = append(starts, from)
	}
	var add []candidate
	for k, h := range caps {
		if taken[h.idx] || hasTitle(h.heading, reportParts) || !hasTitle(h.heading, procedureHeadings) {
			continue
		}
		stop := end
		if k+1 < len(caps) {
			stop = caps[k+1].idx
		}
		// Numbered items before the next heading: a banner over them, when
		// they follow at once or the heading names a section
		// ("CONSENT CALENDAR", "NEW BUSINESS"); otherwise the text after the
		// heading is its own and the numbered items follow it
		// ("INVOCATION" / "Pastor Ada Kern" / "1. ROLL CALL").
		banner := false
		for _, s := range starts {
			if s > h.idx && s < stop {
				banner = !ownText(lines, h.bodyAt, s) || hasTitle(h.heading, sectionWords)
				break
			}
		}
		if !banner {
			add = append(add, h)
		}
	}
	if len(add) == 0 {
		return chain
	}
	out := append(append([]candidate(nil), chain...), add...)
	sortByTitle(out)
	return out
}

// sortByTitle orders candidates by their heading's line.
func sortByTitle(cs []candidate) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].title < cs[j-1].title; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// ownText reports whether lines from..to hold text of a heading's own
// before the numbered items that follow it: a line that is not a number, a
// numbered or lettered line ("1. Resolution ordering construction of the
// following:") or page furniture.
func ownText(lines []line, from, to int) bool {
	for i := from; i < to && i < len(lines); i++ {
		tok := lines[i].tk()
		if lines[i].Text == "" || tok.Number != "" || tok.Numeric || tok.Part != "" || tok.Banner || tok.Kind == tokDate {
			continue
		}
		return true
	}
	return false
}

// headingsAfterAgenda reads minutes printed after their agenda when the
// agenda numbers its business and the minutes head the same business in
// capitals with no number ("4. Public Comment (3 minutes per speaker)" in
// the agenda, "PUBLIC COMMENT" over its minute below): the numbered chain
// is a list with no text between its lines, and the capitals headings
// after it, each over text, repeat its titles. It returns the minutes'
// headings, or nil when the document is not so laid out.
func headingsAfterAgenda(lines []line, chain []candidate, end int) []candidate {
	if len(chain) < 3 {
		return nil
	}
	last := chain[len(chain)-1]
	if !contentsList(lines, chain) {
		return nil // the numbered items have text of their own
	}
	w := newWrapContext(lines, end)
	caps := capsHeadings(w, last.title+1)
	if len(caps) < 3 {
		return nil
	}
	repeated := 0
	for _, h := range caps {
		for _, c := range chain {
			if sameTitle(h.heading, c.heading) {
				repeated++
				break
			}
		}
	}
	if repeated*2 < len(caps) || repeated*2 < len(chain) {
		return nil
	}
	return caps
}

// sameTitle reports whether two headings name the same business: most of
// the shorter one's words are in the longer ("PUBLIC COMMENT" and "Public
// Comment (3 minutes per speaker)", "APPROVAL OF THE MINUTES" and
// "Approval of Minutes").
func sameTitle(a, b string) bool {
	words := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !functionWords[w] && !smallWords[w] {
				out[w] = true
			}
		}
		return out
	}
	wa, wb := words(a), words(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	in := 0
	for w := range wa {
		if wb[w] {
			in++
		}
	}
	return in*3 >= len(wa)*2
}

// contentsList reports whether the numbered items read as a list of
// headings with no text between them (an agenda or contents printed
// before the minutes), not as items of business.
func contentsList(lines []line, chain []candidate) bool {
	if len(chain) < 3 {
		return false
	}
	bare := 0
	for k := 0; k+1 < len(chain); k++ {
		if !bodyBetween(lines, chain[k], chain[k+1].idx) {
			bare++
		}
	}
	return bare*5 >= (len(chain)-1)*4
}

// motionPart reports whether a line records a motion's mover, seconder or
// vote rather than heading anything: "Moved Cr Tane Rewiri / Seconded Cr
// Ana Holt", "MOVED BY: Commissioner Orton", "Proposed: Cllr Bowen",
// "CARRIED.", "Carried unanimously", "Ayes: 5  Nays: 0".
func motionPart(t string) bool {
	low := strings.ToLower(strings.TrimSpace(t))
	words := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "proposed", "seconded", "moved":
		// "Proposed: Cllr Bowen", "Moved by Cr Lowe", not "Proposed
		// Budget 2025/26" or "Moved Items".
		return len(words) > 1 && (words[1] == "by" || strings.ContainsAny(low[:min(len(low), len(words[0])+2)], ":–-")) || reMotionMover.MatchString(t)
	}
	if len(words) > 8 {
		return false
	}
	return motionLine(low) && (motionOpeners[words[0]] || containsAny(low, []string{"carried", "lost", "defeated", "ayes", "nays", "noes", "yeas", "unanimous"}))
}

// reMotionMover matches a mover or seconder named after the word:
// "Moved Cr Tane Rewiri", "Seconded Councillor Ngata".
var reMotionMover = gated(`(?i)^(?:moved|seconded|proposed)\s+(?:by\s+)?(?:cr|crs|cllr|councillor|councilor|councilmember|commissioner|trustee|director|supervisor|alderman|mayor|mr|mrs|ms|dr)\b`, "moved", "seconded", "proposed")

// rollCallHeading reports whether the label on line i heads the attendance
// as an item of the minutes rather than listing names: "ROLL CALL –" with
// the "Present:" and "Absent:" lists under it.
func rollCallHeading(lines []line, i, end int) bool {
	h := strings.ToLower(strings.TrimRight(lines[i].Text, " :.-–—"))
	if h != "roll call" || lines[i].tk().LabelRest != "" {
		return false
	}
	j := nextText(lines, i, end)
	return j > 0 && lines[j].tk().IsLabel && lines[j].tk().Label != 0
}

// rollCallLine reports whether a line opens with a roll call label and
// runs on into the attendance ("ROLL CALL: Present: Brooks, Coleman"),
// and returns the label as a heading.
func rollCallLine(l line) (string, bool) {
	k := strings.IndexByte(l.Text, ':')
	if k <= 0 || strings.TrimSpace(l.Text[k+1:]) == "" {
		return "", false
	}
	h := strings.TrimSpace(l.Text[:k])
	if !strings.EqualFold(h, "roll call") {
		return "", false
	}
	return h, true
}
