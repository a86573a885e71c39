package minutes

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// ParseBytes is Parse on bytes already in memory.
func ParseBytes(data []byte, opt Options) (m *Meeting, err error) {
	// The parser must never take the program down: a bug on a strange
	// document becomes an error that names the document.
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("minutes: internal error parsing %s: %v", nameOr(opt.Name), r)
		}
	}()
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(data)) > max {
		return nil, reject(ErrTooLarge, "it is over "+itoaSize(max))
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, reject(ErrEmpty, "there is no text in it")
	}
	sum := sha256.Sum256(data)
	m = &Meeting{Source: Source{Name: Sanitize(opt.Name), Hash: hex.EncodeToString(sum[:])}}

	text, legacy, err := decode(data)
	if err != nil {
		return nil, err
	}
	if legacy {
		m.warn(0, "the text is not UTF-8; it was read as Windows-1252")
	}
	if fixed, ok := repairMojibake(text); ok {
		text = fixed
		m.warn(0, "repaired mis-encoded characters (such as â€™ for ’)")
	}
	lines := normalise(text)
	if len(lines) == 0 {
		return nil, reject(ErrEmpty, "there is no text in it")
	}
	if dm := readDecisionPage(m, lines); dm != nil {
		m.assignIDs()
		return dm, nil
	}
	end := findEnd(lines)
	if end < len(lines) {
		if n := countText(lines[end:]); n > 5 {
			m.warn(lines[end].No, strconv.Itoa(n)+" lines after the chair's signature (appendices) were not read as minutes")
		}
	}
	header, raw, _ := segment(lines, end)
	readHeader(m, lines[:end], headerEnd(header, lines), text)
	applyKnown(m, opt)
	readAttendance(m, header, raw)
	m.NextMeeting = findNextMeeting(m, raw, lines[:end])
	m.futureMeetings = findFutureMeetings(m, raw)
	// Minutes that mark decisions (RESOLVED, AGREED:, carried motions)
	// are read by their markers. Minutes that do not — many parish and
	// town councils write "it was agreed to …" in running text — have
	// their decisions read from the narrative instead.
	narrative := countMarkers(raw) < 2
	for _, r := range raw {
		it := buildItem(m, r)
		if narrative {
			addNarrativeDecisions(&it, r)
		}
		m.Items = append(m.Items, it)
	}
	if reason := classify(lines[:end], raw, m); reason != "" {
		if !opt.KnownMinutes {
			return nil, reject(ErrNotMinutes, reason)
		}
		m.warn(0, "published as minutes, but "+reason)
	}
	if m.Date.IsZero() {
		m.warn(0, "no meeting date found")
	}
	if m.Committee == "" {
		m.warn(0, "no committee name found")
	}
	if len(m.Items) == 0 {
		m.warn(0, "no items found")
	}
	m.assignIDs()
	return m, nil
}

func nameOr(s string) string {
	if s == "" {
		return "the document"
	}
	return s
}

func (m *Meeting) warn(line int, msg string) {
	if len(m.Warnings) < 100 {
		m.Warnings = append(m.Warnings, Warning{Line: line, Msg: msg})
	}
}

func countText(ls []line) int {
	n := 0
	for _, l := range ls {
		if l.Text != "" {
			n++
		}
	}
	return n
}

// headerEnd is the index in lines just after the header's last line.
func headerEnd(header, lines []line) int {
	if len(header) == 0 {
		return 0
	}
	last := header[len(header)-1].No
	for i, l := range lines {
		if l.No > last {
			return i
		}
	}
	return len(lines)
}

// buildItem reads one item's records.
func buildItem(m *Meeting, r *rawItem) Item {
	it := Item{Number: r.number, Title: Sanitize(r.title), Line: r.line}
	var body []string
	for _, l := range r.lines {
		body = append(body, l.Text)
	}
	it.Body = strings.TrimSpace(strings.Join(body, "\n"))
	it.Exempt = r.exempt || mayBeExempt(it.Title+" "+firstN(it.Body, 600)) && (reExempt.MatchString(it.Title) || reExempt.MatchString(firstN(it.Body, 600)))
	res, used := findResolutions(r)
	if len(res) == 0 && r.consent {
		// Enacted on the consent calendar: the item itself is the decision.
		text := r.title
		if len(r.lines) > 0 {
			text = strings.TrimSpace(r.title + " " + joinText(r.lines[:paragraphEnd(r.lines)]))
		}
		res = []Record{{Text: text, Line: r.line}}
	}
	it.Resolutions = res
	tabled, tableSpans := findActionTables(m, r)
	used = append(used, tableSpans...)
	it.Actions = append(tabled, findActions(m, r, used)...)
	// Actions written into a resolution: "That the Clerk write to …".
	var resSentences []sentence
	for _, rec := range res {
		resSentences = append(resSentences, sentence{text: rec.Text, no: rec.Line})
	}
	for _, s := range resSentences {
		if o := reOwnerTo.FindStringSubmatch(strings.TrimPrefix(s.text, "That ")); o != nil {
			it.Actions = append(it.Actions, Record{Text: s.text, Owner: cleanOwner(o[1]), Line: s.no})
		}
	}
	it.Actions = dedupeRecords(it.Actions)
	fromRes := findFollowUps(m, resSentences, true)
	narrative := findFollowUps(m, sentences(r.lines, used), false)
	it.FollowUps = dedupeFollowUps(fromRes, narrative)
	if lowerHas(it.Body, "interest") {
		it.Declarations = findDeclarations(m, r)
	}
	return it
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// findNextMeeting reads the next meeting's date: an item about it, or a
// sentence that states it.
func findNextMeeting(m *Meeting, items []*rawItem, lines []line) Date {
	after := func(d Date) bool { return m.Date.IsZero() || d.After(m.Date) }
	for _, it := range items {
		if !lowerHas(it.title, "next meeting") && !lowerHas(it.title, "future meeting") && !lowerHas(it.title, "date of next") {
			continue
		}
		if ds := findDates(it.title+" "+joinText(it.lines), false); len(ds) > 0 {
			for _, d := range ds {
				if after(d.Date) {
					return d.Date
				}
			}
		}
	}
	for _, l := range lines {
		low := strings.ToLower(l.Text)
		i := strings.Index(low, "next meeting")
		if i < 0 {
			continue
		}
		for _, d := range findDates(l.Text[i:], false) {
			if after(d.Date) {
				return d.Date
			}
		}
	}
	return Date{}
}

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

// paragraphEnd is the index of the first blank line in ls, or len(ls).
func paragraphEnd(ls []line) int {
	for i, l := range ls {
		if l.Text == "" {
			return i
		}
	}
	return len(ls)
}

// findFutureMeetings lists the later meeting dates an item about future
// meetings gives ("Dates of future meetings", "Date of next meeting").
func findFutureMeetings(m *Meeting, items []*rawItem) []Date {
	var out []Date
	for _, it := range items {
		low := strings.ToLower(it.title)
		if !strings.Contains(low, "meeting") || !(strings.Contains(low, "future") || strings.Contains(low, "next") || strings.Contains(low, "dates")) {
			continue
		}
		for _, d := range findDates(joinText(it.lines), false) {
			if m.Date.IsZero() || d.Date.After(m.Date) {
				out = append(out, d.Date)
			}
		}
	}
	return out
}

// mayBeExempt is a cheap test before reExempt: the words it looks for.
func mayBeExempt(s string) bool {
	return containsAny(strings.ToLower(s), []string{"press", "public", "12a", "exempt", "closed session", "camera", "confidential", "part"})
}
