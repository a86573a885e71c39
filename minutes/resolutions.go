package minutes

import (
	"regexp"
	"strings"
)

// Stage 5: resolutions — what the committee decided.
//
// A resolution starts at a marker at the start of a line (RESOLVED, It was
// RESOLVED, The Committee resolved:-, AGREED, DECISION, RECOMMENDED to
// Council, COUNCIL RESOLUTION 2023/112, And Resolved:) and runs while the
// text continues it. US and Canadian action minutes record decisions as
// motions instead: "Moved by X to adopt. Motion Carried 7-0", "R2020-78
// L. Moore, J. Scott: That … Carried."

var (
	reMarker = regexp.MustCompile(`^(?:(?i:and|it\s+was|it\s+is|it\s+was\s+therefore|it\s+was\s+further|the\s+(?:committee|sub-committee|board|council|cabinet|panel|forum|executive|meeting|members|authority|commission|group)\s+(?:then\s+|therefore\s+|unanimously\s+)?)\s*)?` +
		`(?:(?P<res>RESOLVED|Resolved|resolved)(?:\s+UNANIMOUSLY|\s+unanimously)?(?:\s*[:\-–—,;.]+|\s+(?:that|That|THAT|to|To)\b|\s+as\s+follows|\s*$|\s*(?:\(|“|"))` +
		`|(?P<agr>AGREED|Agreed|agreed)(?:\s+UNANIMOUSLY|\s+unanimously)?(?:\s*[:\-–—]+|\s+(?:that|That|THAT)\b|\s*$)` +
		`|(?P<dec>DECISION|Decision|DECIDED|Decided)(?:\s*[:\-–—]+(?:\s*[^\d\s]|\s*$)|\s+(?:that|That)\b)` +
		`|(?P<rec>RECOMMENDED|Recommended)(?:\s+(?:to|TO)\s+(?:the\s+)?(?:Council|COUNCIL|Cabinet|CABINET|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}))?(?:\s*[:\-–—]+|\s+(?:that|That|THAT)\b|\s*$)` +
		`|(?P<num>(?:COUNCIL\s+|Council\s+|COMMITTEE\s+|Committee\s+)?(?:RESOLUTION|Resolution)\s+(?:number\s+|no\.?\s*|No\.?\s*)?[A-Z]{0,6}[/\s-]?\d[\w/.-]*)` +
		`)`)
	reMotionTrailer = regexp.MustCompile(`(?i)^(?:(?:moved|seconded|proposed)(?:\s+by)?[:\s][^.;]*?[,;.]?\s*)+(?:(?:carried|agreed)(?:\s+unanimously)?[\s\d/.-]*)?$`)
	reUnresolved    = regexp.MustCompile(`(?i)^resolved\s+items`)
	rePartLabel     = regexp.MustCompile(`^(?:\((\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)|(\d{1,2}|[ivx]{2,4}|[a-zA-Z])[.)])\s*`)
	reInlinePart    = regexp.MustCompile(`(?:^|[\s;:,.–-])\((\d{1,2}|[ivx]{1,4}|[a-zA-Z])\)\s+`)
	reLost          = gated(`(?i)\b(?:motion\s+(?:was\s+)?(?:lost|defeated|failed|fell|withdrawn)|(?:the\s+)?(?:amendment|motion)\s+(?:was\s+)?(?:put\s+to\s+the\s+vote\s+and\s+)?(?:lost|defeated|fell|withdrawn)|^\s*(?:LOST|DEFEATED|WITHDRAWN|FELL)\b|\bwas\s+LOST\b|\bLOST\b)`, "lost", "defeated", "failed", "fell", "withdrawn")
	// reCarried finds a motion's outcome: "CARRIED", "Motion carried",
	// "(Y-5)", "… Approved." at the end. It is the pattern's branches, each
	// behind the words it needs, so that most paragraphs cost a scan.
	reCarried = newAnyGate(
		gatedCased(`\(Y-\d{1,2}\)`, []string{"(Y-"}),
		gatedCased(`\b(?:Approved|Accepted|Adopted|Ratified|Granted|Confirmed)\.\s*$`, []string{"Approved.", "Accepted.", "Adopted.", "Ratified.", "Granted.", "Confirmed."}),
		gatedCased(`\b(?:CONFIRMED|ADOPTED|APPROVED|ACCEPTED|PASSED)\b`, []string{"CONFIRMED", "ADOPTED", "APPROVED", "ACCEPTED", "PASSED"}),
		gatedCased(`\b(?:Motion|motion|MOTION)\s+(?:was\s+)?(?:Carried|carried|CARRIED|passed|Passed|adopted)\b`, []string{"Motion", "motion", "MOTION"}),
		gatedCased(`\bCARRIED\b`, []string{"CARRIED"}),
		gatedCased(`\bCarried\b(?:\s+unanimously)?\.?\s*$|^Carried\b`, []string{"Carried"}),
		gatedCased(`\bcarried\s+by\s+(?:a\s+)?(?:unanimous\s+)?(?:voice|roll\s+call|show\s+of\s+hands|majority)?\s*vote`, []string{"carried"}),
		gatedCased(`\bunanimously\s+(?:carried|agreed|adopted)\b`, []string{"unanimously"}),
		gated(`(?i:\bmotion\s+carried\b)`, "motion"),
	)
	reMotionNo = regexp.MustCompile(`^R\d{2,4}\s*-\s*\d{1,4}\s+(?:[A-Z]\.\s*[A-Z][\w'’-]+,?\s*){1,3}:\s*`)
	reReasons  = regexp.MustCompile(`(?i)^(?:reasons?\s+for\s+(?:the\s+)?(?:decision|recommendations?)|alternative\s+options|officer\s+recommendations?|recommendations?\s*:|the\s+recommendations?\s+(?:was|were|in\s+the\s+report))`)
)

// reLeadNumber is a paragraph number before a marker: "3. RESOLVED that".
var reLeadNumber = regexp.MustCompile(`^(?:\(?\d{1,2}[.)]|\([a-z]\)|[a-z][.)])\s+`)

// dropLeadNumber takes a paragraph number off the front of s: what
// reLeadNumber.ReplaceAllString(s, "") gives (the pattern is anchored, so
// there is at most one match), without copying s.
func dropLeadNumber(s string) string {
	if loc := reLeadNumber.FindStringIndex(s); loc != nil {
		return s[:loc[0]] + s[loc[1]:]
	}
	return s
}

// markerStems are the stems every decision marker contains, for a cheap
// test before the regular expressions.
var markerStems = newAnyOf("esolv", "ESOLV", "gree", "GREE", "ecision", "ECISION", "ecided", "ECIDED", "ecommend", "ECOMMEND", "esolution", "ESOLUTION")

func hasMarkerWord(s string) bool {
	if len(s) > 120 {
		s = s[:120]
	}
	return markerStems.in(s)
}

// markerStart reports whether s starts with a resolution marker.
func markerStart(s string) bool {
	if !hasMarkerWord(s) {
		return false
	}
	s = dropLeadNumber(s)
	if reUnresolved.MatchString(s) {
		return false
	}
	// A line that starts in lower case continues a sentence ("… Members\n
	// agreed that …"): only "it was resolved" opens a decision there.
	if startsLower(s) && !strings.HasPrefix(s, "it was ") {
		return false
	}
	return reMarker.MatchString(s)
}

// stripMarker removes the marker from the start of s and returns the
// decision's text ("That …", "To note …").
func stripMarker(s string) string {
	s = dropLeadNumber(s)
	loc := reMarker.FindStringIndex(s)
	if loc == nil {
		return s
	}
	m := reMarker.FindStringSubmatch(s)
	rest := s[loc[1]:]
	// "It was therefore resolved to retain …", "The Committee agreed that
	// …": a marker with a subject is part of the sentence, kept as written.
	// A bare marker ("RESOLVED:", "AGREED –", "And Resolved:") is not.
	if lead := markerLead(s[:loc[1]]); lead && strings.TrimSpace(rest) != "" && !strings.ContainsAny(strings.TrimSpace(rest)[:1], ":-–—") {
		head := strings.TrimSpace(s[:loc[1]])
		if strings.HasSuffix(head, "to") || strings.HasSuffix(head, "that") || strings.HasSuffix(head, "That") || strings.HasSuffix(head, "To") {
			return strings.TrimSpace(s)
		}
	}
	// Keep "That"/"To" as part of the decision's text.
	head := s[:loc[1]]
	for _, w := range []string{"that", "That", "THAT", "to", "To"} {
		if strings.HasSuffix(head, " "+w) {
			rest = w + rest
			break
		}
	}
	for i, name := range reMarker.SubexpNames() {
		if name == "num" && m[i] != "" {
			rest = strings.TrimLeft(rest, " :–-")
		}
	}
	return strings.TrimSpace(strings.TrimLeft(rest, " :-–—,;."))
}

// markerLead reports whether a marker opens with its subject: "It was
// resolved", "The Council unanimously agreed" — not "RESOLVED" or "And
// Resolved".
func markerLead(head string) bool {
	low := strings.ToLower(strings.TrimSpace(head))
	return strings.HasPrefix(low, "it ") || strings.HasPrefix(low, "the ")
}

// span is a run of lines within an item that a record came from.
type span struct {
	from, to int // line indexes in the item, [from, to)
}

// findResolutions returns the item's resolutions and the lines they used.
func findResolutions(it *rawItem) ([]Record, []span) {
	var recs []Record
	var used []span
	ls := it.lines
	for i := 0; i < len(ls); i++ {
		t := ls[i].Text
		if !ls[i].tk().Marker {
			continue
		}
		j := resolutionEnd(ls, i)
		text := stripMarker(t)
		block := append([]line{{Text: text, No: ls[i].No}}, ls[i+1:j]...)
		used = append(used, span{i, j})
		if lostNear(ls, i, j) {
			i = j - 1
			continue
		}
		recs = append(recs, splitParts(block)...)
		i = j - 1
	}
	// "Resolution number KBI/2023/33 / MOVED by …, SECONDED by … / CARRIED"
	// after a decision is that decision's record, not another decision.
	kept := recs[:0]
	for _, r := range recs {
		// "Moved: Cr A / Seconded: Cr B / That Council retire the
		// policy.": the movers come off, the decision stays.
		if t := moverLeadOff(r.Text); t != r.Text {
			r.Text = t
		}
		if !reMotionTrailer.MatchString(r.Text) {
			kept = append(kept, r)
		} else if strings.Contains(r.Text, "That ") || strings.Contains(r.Text, "THAT ") {
			// "COUNCIL RESOLUTION 2024/188 / Moved … Seconded … / That
			// Council receives … / CARRIED": the number, movers and
			// outcome around the motion itself.
			if t := motionText(r.Text); t != "" {
				r.Text = t
				kept = append(kept, r)
			}
		}
	}
	recs = kept
	if len(recs) == 0 {
		// A carried motion's paragraph also holds the item's actions and
		// follow-ups ("Moved by Flagg to defer to 1-15-96. City Manager to
		// provide …"), so it is not set aside from the other readers.
		recs, _ = findMotions(it)
	}
	return dedupeContained(dedupeRecords(recs)), used
}

// dedupeContained drops a record whose text holds another's whole: the
// same decision read with and without its "Moved by …" lead-in.
func dedupeContained(recs []Record) []Record {
	out := recs[:0:0]
	for i, r := range recs {
		f := foldText(r.Text)
		dup := false
		for j, o := range recs {
			if g := foldText(o.Text); i != j && g != "" && g != f && len(g)*2 > len(f) && strings.Contains(f, g) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// resolutionEnd returns the index just after the resolution starting at i.
func resolutionEnd(ls []line, i int) int {
	j := i + 1
	prev := ls[i].Text
	// Part labels continue the decision only in sequence: (1), (2) … or
	// a), b) …; a "b)" with no "a)" before it is the next paragraph.
	expect := map[string]bool{"1": true, "a": true, "i": true}
	if head := strings.TrimSpace(stripMarker(ls[i].Text)); head == "" || endsWithAny(head, ":-–") || strings.EqualFold(head, "that") {
		// Straight after the marker the parts may start anywhere:
		// "RECOMMENDED to Council – (4) … (5) …".
		expect = map[string]bool{"*": true}
	}
	// "That the Council (1) approves the scheme; / (2) approves …": a part
	// begun inside the opening line is continued on the lines below.
	if locs := reInlinePart.FindAllStringSubmatch(stripMarker(ls[i].Text), -1); len(locs) > 0 {
		last := strings.ToLower(locs[len(locs)-1][1])
		expect = map[string]bool{nextLabel(last): true}
		if last == "i" {
			expect["j"] = true
		}
	}
	seen := map[int]bool{}
	isNextPart := func(k int) bool {
		if v, ok := seen[k]; ok {
			return v // asked again for the same line
		}
		t := ls[k].Text
		if k == i {
			t = stripMarker(t)
		}
		v := nextPart(t, expect)
		seen[k] = v
		return v
	}
	isNextPart(i)
	for ; j < len(ls) && j-i < 80; j++ {
		t := ls[j].Text
		if t == "" {
			// Continue over a blank when what follows continues the text.
			k := j + 1
			for k < len(ls) && ls[k].Text == "" {
				k++
			}
			if k >= len(ls) {
				break
			}
			n, nt := ls[k].Text, ls[k].tk()
			if strings.HasSuffix(strings.TrimSpace(prev), ":") && !nt.Marker {
				continue // "… for the following reason:" / (blank) / "The proposed extension …"
			}
			if j == i+1 && strings.TrimSpace(stripMarker(ls[i].Text)) == "" {
				continue // "And Resolved:" / (blank) / "“That the draft Minutes …”"
			}
			if nt.Part != "" && isNextPart(k) || nt.StartsLower || (!endsSentence(prev) && !nt.Marker && !reReasons.MatchString(n)) || nt.Bullet {
				continue
			}
			break
		}
		tt := ls[j].tk()
		if tt.Marker || reReasons.MatchString(t) {
			break
		}
		if tt.Part != "" {
			if !isNextPart(j) && endsSentence(prev) {
				break
			}
			prev = t
			continue
		}
		if strings.HasSuffix(strings.TrimRight(prev, ` "'”’)`), ".") && (startsUpper(t) || strings.HasPrefix(t, "(")) && !strings.HasPrefix(t, "That") && !strings.HasPrefix(t, "To ") {
			break
		}
		// "… Parish Council. (Copies can be had on request)" / "Confirmation
		// has been …": a bracketed aside closed the sentence.
		if strings.HasSuffix(prev, ")") && strings.Contains(prev, ". (") && startsUpper(t) && !strings.HasPrefix(t, "That") {
			break
		}
		prev = t
	}
	return j
}

// lostNear reports whether the motion in lines [i, j) was lost.
func lostNear(ls []line, i, j int) bool {
	for k := i; k < j && k < len(ls); k++ {
		if reLost.MatchString(ls[k].Text) && !reCarried.MatchString(ls[k].Text) {
			return true
		}
	}
	return false
}

// splitParts turns a resolution's lines into one record per numbered part
// ((1), (2) / (a), (b) / 1. 2.), or one record when it has no parts.
func splitParts(block []line) []Record {
	type part struct {
		label string
		text  []string
		no    int
	}
	var stem []string
	var parts []part
	kind := ""
	expect := ""
	for _, l := range block {
		t := l.Text
		if t == "" {
			continue
		}
		if m := rePartLabel.FindStringSubmatch(t); m != nil {
			label := strings.ToLower(m[1] + m[2])
			k := labelKind(label)
			if kind == "" && (label == "1" || label == "a" || label == "i") {
				kind, expect = k, label
			}
			if k == kind && label == expect {
				parts = append(parts, part{label: label, no: l.No})
				if rest := strings.TrimSpace(t[len(m[0]):]); rest != "" {
					parts[len(parts)-1].text = append(parts[len(parts)-1].text, rest)
				}
				expect = nextLabel(label)
				continue
			}
		}
		if len(parts) > 0 {
			parts[len(parts)-1].text = append(parts[len(parts)-1].text, t)
		} else {
			stem = append(stem, t)
		}
	}
	stemText := strings.TrimSpace(strings.Join(stem, " "))
	if len(parts) >= 2 && reasonsStem(stemText) {
		// "REFUSED for the following reasons: (1) … (2) …": the reasons
		// are the decision's, not decisions of their own.
		var all []string
		for _, l := range block {
			if l.Text != "" {
				all = append(all, l.Text)
			}
		}
		return []Record{{Text: strings.TrimSpace(strings.Join(all, " ")), Line: block[0].No}}
	}
	if len(parts) < 2 {
		// Inline parts: "That (1) the report be noted; (2) …".
		all := stem
		for _, p := range parts {
			all = append(append(all, "("+p.label+")"), p.text...)
		}
		full := strings.TrimSpace(strings.Join(all, " "))
		if inl := splitInline(full); len(inl) >= 2 && !reasonsStem(full[:strings.Index(full, "(")+1]) {
			out := make([]Record, len(inl))
			for i, p := range inl {
				out[i] = Record{Part: p[0], Text: p[1], Line: block[0].No}
			}
			return out
		}
		if full == "" {
			return nil
		}
		return []Record{{Text: full, Line: block[0].No}}
	}
	out := make([]Record, 0, len(parts))
	for _, p := range parts {
		text := strings.TrimSpace(strings.Join(p.text, " "))
		if text == "" {
			continue
		}
		out = append(out, Record{Part: p.label, Text: text, Line: p.no})
	}
	_ = stemText
	return out
}

// reasonsStem reports whether a decision's opening lists reasons next:
// "That planning permission be REFUSED for the following reasons:".
func reasonsStem(stem string) bool {
	low := strings.ToLower(stem)
	return strings.Contains(low, "reason") && (strings.Contains(low, "refuse") || strings.Contains(low, "following reason") || strings.Contains(low, "reasons set out") || strings.Contains(low, "grounds"))
}

func labelKind(l string) string {
	switch {
	case l[0] >= '0' && l[0] <= '9':
		return "num"
	case l == "i" || l == "ii" || l == "iii" || l == "iv" || l == "v" || l == "vi" || l == "vii" || l == "viii" || l == "ix" || l == "x":
		return "roman"
	}
	return "alpha"
}

func nextLabel(l string) string {
	switch labelKind(l) {
	case "num":
		n := 0
		for _, c := range l {
			n = n*10 + int(c-'0')
		}
		return itoaSmall(n + 1)
	case "roman":
		romans := []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"}
		for k, r := range romans {
			if r == l && k+1 < len(romans) {
				return romans[k+1]
			}
		}
		return ""
	}
	return string(rune(l[0] + 1))
}

func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// splitInline splits "That (1) x; (2) y" into labelled parts.
func splitInline(s string) [][2]string {
	locs := reInlinePart.FindAllStringSubmatchIndex(s, -1)
	if len(locs) < 2 {
		return nil
	}
	want := strings.ToLower(s[locs[0][2]:locs[0][3]])
	// Parts start at (1), (a) or (i) — or anywhere when the text opens
	// with its label: "RESOLVED: (3) … (4) …" goes on from an earlier block.
	if want != "1" && want != "a" && want != "i" && locs[0][0] > 1 {
		return nil
	}
	if want == "i" && len(locs) > 1 && strings.ToLower(s[locs[1][2]:locs[1][3]]) == "j" {
		want = "i" // (i), (j): letters, not roman
	}
	var out [][2]string
	for k, loc := range locs {
		label := strings.ToLower(s[loc[2]:loc[3]])
		if label == "ii" && want == "j" {
			want = "ii" // (i), (ii): roman after all
		}
		if label != want {
			return nil
		}
		want = nextLabel(label)
		end := len(s)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		text := strings.TrimSpace(s[loc[1]:end])
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(text, " and"), ";"))
		out = append(out, [2]string{label, text})
	}
	return out
}

// findMotions reads decisions recorded as carried motions.
func findMotions(it *rawItem) ([]Record, []span) {
	var recs []Record
	var used []span
	ls := it.lines
	prevPara := ""
	// Paragraphs: runs of non-blank lines.
	for i := 0; i < len(ls); {
		if ls[i].Text == "" {
			i++
			continue
		}
		j := i
		for j < len(ls) && ls[j].Text != "" {
			j++
		}
		text := joinText(ls[i:j])
		i0 := i
		i = j
		if !reCarried.MatchString(text) {
			prevPara = text
			continue
		}
		// "That we pass By-Law No. 2020-19 …" / "Read a first, second and
		// third time and passed … Carried.": the motion is the paragraph
		// before its outcome.
		if !strings.Contains(text, "That ") && !strings.Contains(text, "THAT ") && strings.Contains(prevPara, "That ") {
			text = prevPara + " " + text
		}
		prevPara = ""
		// "That the Council: / 1. Receives … / 2. Agrees … / Graham/Beaven
		// CARRIED": a motion in numbered parts is a decision per part.
		if groups := motionGroups(ls[i0:j]); len(groups) > 0 && anyParts(groups) {
			for _, g := range groups {
				if parts := motionParts(g); len(parts) >= 2 {
					recs = append(recs, parts...)
					continue
				}
				for _, piece := range splitMotions(joinText(g)) {
					if t := motionText(piece); t != "" {
						recs = append(recs, Record{Text: t, Line: g[0].No})
					}
				}
			}
			used = append(used, span{i0, j})
			continue
		}
		// Several motions in one paragraph: cut at each "Carried".
		for _, piece := range splitMotions(text) {
			if t := motionText(piece); t != "" {
				recs = append(recs, Record{Text: t, Line: ls[i0].No})
			}
		}
		used = append(used, span{i0, j})
	}
	return recs, used
}

// reMovers is the movers' names a motion ends with: "Graham/Beaven".
var reMovers = regexp.MustCompile(`\s*\b[A-Z][\p{L}'’-]+\s*/\s*[A-Z][\p{L}'’-]+\s*$`)

// motionGroups cuts a paragraph's lines after each line that carries a
// motion; lines after the last outcome belong to no motion.
func motionGroups(ls []line) [][]line {
	var out [][]line
	start := 0
	for k, l := range ls {
		if mayEndMotion(l.Text) && reMotionEnd.MatchString(l.Text) {
			out = append(out, ls[start:k+1])
			start = k + 1
		}
	}
	return out
}

// mayEndMotion is a cheap test before reMotionEnd: the words it needs.
func mayEndMotion(s string) bool {
	return strings.Contains(s, "arried") || strings.Contains(s, "ARRIED") || strings.Contains(s, "(Y-")
}

// anyParts reports whether one of the motions is written in numbered
// parts.
func anyParts(groups [][]line) bool {
	for _, g := range groups {
		if len(motionParts(g)) >= 2 {
			return true
		}
	}
	return false
}

// motionParts splits a carried motion whose "That …" opening is followed
// by numbered parts into one record per part, the outcome and the movers'
// names cut from the last; nil when the motion has fewer than two parts.
func motionParts(ls []line) []Record {
	labelled := 0
	for _, l := range ls {
		if l.tk().Part != "" || l.tk().Numeric {
			labelled++
		}
	}
	if labelled < 2 {
		return nil
	}
	k := 0
	for k < len(ls) && !strings.Contains(ls[k].Text, "That ") && !strings.Contains(ls[k].Text, "THAT ") {
		k++
	}
	if k == len(ls) {
		return nil
	}
	parts := splitParts(ls[k:])
	if len(parts) < 2 || parts[0].Part == "" {
		return nil
	}
	last := &parts[len(parts)-1]
	if loc := reMotionEnd.FindStringIndex(last.Text); loc != nil {
		last.Text = strings.TrimSpace(last.Text[:loc[0]])
	}
	last.Text = strings.TrimSpace(reMovers.ReplaceAllString(last.Text, ""))
	if last.Text == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

var reMotionEnd = gatedCased(`(?:\(Y-\d{1,2}\)(?:\s+(?:\d{5,7}|[A-Z][A-Z ]+[A-Z]))?|Motion\s+(?:was\s+)?(?:Carried|carried|CARRIED)[^.]*\.?|\bCARRIED\b\.?|\bCarried(?:\s+unanimously)?\b\.?|carried\s+by\s+[^.]*vote[^.]*\.?)`, []string{"arried", "ARRIED", "(Y-"})

func splitMotions(text string) []string {
	locs := reMotionEnd.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return []string{text}
	}
	var out []string
	start := 0
	for _, l := range locs {
		out = append(out, text[start:l[1]])
		start = l[1]
	}
	return out
}

// motionText is the decision in a carried motion: its "That …" clause,
// or the motion sentence.
func motionText(s string) string {
	s = strings.TrimSpace(reMotionNo.ReplaceAllString(strings.TrimSpace(s), ""))
	if reLost.MatchString(s) && !reCarried.MatchString(s) {
		return ""
	}
	if i := strings.Index(s, "That "); i >= 0 {
		s = s[i:]
	} else if i := strings.Index(s, "THAT "); i >= 0 {
		s = s[i:]
	} else if i := strings.Index(s, "That, "); i >= 0 {
		s = s[i:] // "That, having considered all matters raised in the report, …"
	} else if i := strings.Index(s, "THAT, "); i >= 0 {
		s = s[i:]
	}
	s = strings.TrimSpace(s)
	if len(s) < 8 {
		return ""
	}
	return s
}

// dedupeRecords drops a decision printed twice (ModernGov's Decision: and
// Minutes: sections).
func dedupeRecords(recs []Record) []Record {
	seen := map[string]int{} // text → line it was first read at
	out := recs[:0]
	for _, r := range recs {
		k := foldText(r.Text)
		if k == "" {
			continue
		}
		if at, ok := seen[k]; ok {
			// A long text twice is one record printed twice; a short one
			// on another line ("Action: Clerk to contact Highways", twice
			// in one item) is the same task set again.
			if len(strings.Fields(r.Text)) > 8 || r.Line == at || r.Line == 0 {
				continue
			}
		}
		seen[k] = r.Line
		out = append(out, r)
	}
	return out
}

// foldText is text reduced for comparison: lower case, letters and digits.
func foldText(s string) string {
	var b strings.Builder
	if isASCII(s) {
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nextPart reports whether t opens the part expect allows, and moves
// expect on to the part after it.
func nextPart(t string, expect map[string]bool) bool {
	m := rePartLabel.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	label := strings.ToLower(m[1] + m[2])
	if !expect[label] && !expect["*"] {
		return false
	}
	next := nextLabel(label)
	for k := range expect {
		delete(expect, k)
	}
	expect[next] = true
	return true
}

var (
	// reNarrativeDecision finds a decision told in running text: "It was
	// resolved to pay all of the above", "All agreed this was a true
	// record", "the Councillors decided that …".
	reNarrativeDecision = regexp.MustCompile(`(?i)\b(?:it\s+was|(?:the\s+)?(?:council|councillors|committee|members|meeting|panel|board|parish\s+council|town\s+council|cabinet)|all(?:\s+members)?)\s+(?:then\s+|therefore\s+|unanimously\s+|further\s+)?(?:resolved|agreed|decided)\s+(?:unanimously\s+)?(?:to|that|on|this)\b|\b(?:agreed|approved|accepted|confirmed)\s+as\s+a\s+(?:true|correct|accurate)\s+record`)
	// reOtherMeeting is a decision of some other meeting being reported:
	// "At the Scrutiny Committee held on 29 January, Members agreed …".
	reOtherMeeting = gated(`(?i)\bat\s+(?:the|its)\s+(?:[A-Z][\w-]*\s+){0,5}(?:committee|board|cabinet|council|meeting)\s+(?:meeting\s+)?(?:held|on)\b|\bat\s+its\s+(?:\w+\s+){0,3}meeting\b|\b(?:at|following)\s+(?:the|a)\s+(?:[A-Z][\w-]*\s+){1,4}(?:Committee\s+)?Meeting\b`, "committee", "board", "cabinet", "council", "meeting")
)

// countMarkers counts the decision markers at line starts in the items.
func countMarkers(items []*rawItem) int {
	n := 0
	for _, it := range items {
		for _, l := range it.lines {
			if l.tk().Marker || hasMarkerWord(l.Text) && reCarried.MatchString(l.Text) {
				n++
			}
		}
	}
	return n
}

// addNarrativeDecisions adds the decisions an item tells in running text.
func addNarrativeDecisions(it *Item, r *rawItem) {
	have := func(text string) bool {
		f := foldText(text)
		for _, res := range it.Resolutions {
			g := foldText(res.Text)
			if g != "" && (strings.Contains(f, g) || strings.Contains(g, f)) {
				return true
			}
		}
		return false
	}
	for _, s := range sentences(r.lines, nil) {
		low := strings.ToLower(s.text)
		if !strings.Contains(low, "resolved") && !strings.Contains(low, "agreed") && !strings.Contains(low, "decided") && !strings.Contains(low, "record") {
			continue
		}
		if !reNarrativeDecision.MatchString(s.text) || reOtherMeeting.MatchString(s.text) || have(s.text) {
			continue
		}
		it.Resolutions = append(it.Resolutions, Record{Text: tidyRecordText(s.text), Line: s.no, narrative: true})
	}
	it.Resolutions = dedupeRecords(it.Resolutions)
}
