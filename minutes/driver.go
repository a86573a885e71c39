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
	m = &Meeting{Source: Source{Name: Sanitize(opt.Name), Hash: hex.EncodeToString(sum[:])}, trace: opt.Trace}

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
	lex(lines)
	if m.trace != nil {
		m.trace.start(lines)
	}
	if dm := readDecisionPage(m, lines); dm != nil {
		m.assignIDs()
		return dm, nil
	}
	end := findEnd(lines)
	second := secondMeeting(lines, 0, end)
	if second < end {
		warnSecondMeeting(m, lines, second)
		end = second
	}
	if end < len(lines) {
		m.trace.note(lines[end].No, "the minutes end here (signature or appendix); nothing after is read")
		if n := countText(lines[end:]); n > 5 {
			m.warn(lines[end].No, strconv.Itoa(n)+" lines after the chair's signature (appendices) were not read as minutes")
		}
	}
	header, raw, chain := segment(lines, end)
	if m.trace != nil {
		for _, c := range chain {
			if c.idx != c.title {
				m.trace.note(lines[c.idx].No, "number of item %s (its heading is below)", c.number)
			}
			m.trace.note(lines[c.title].No, "item %s heading %q (scheme %s, quality %.2f)", c.number, c.heading, c.scheme, c.quality)
		}
	}
	readHeader(m, lines[:end], headerEnd(header, lines), text)
	applyKnown(m, opt)
	readAttendance(m, header, raw)
	m.NextMeeting = findNextMeeting(m, raw, lines[:end])
	if m.NextMeeting.IsZero() && end < len(lines) {
		// After the signature ("Next regular meeting: July 8, 2024"), or
		// in the minutes of a second meeting that follow.
		stop := end + 40
		if second < len(lines) {
			stop = second + 200
		}
		m.NextMeeting = findNextMeeting(m, nil, lines[end:min(len(lines), stop)])
	}
	m.futureMeetings = findFutureMeetings(m, raw)
	// Minutes that mark decisions (RESOLVED, AGREED:, carried motions)
	// are formal: their decisions are read by their markers, and the
	// narrative adds only what is clearly a decision. Many parish and town
	// councils write "it was agreed to …" in running text instead.
	formal := countMarkers(raw) >= 2
	m.words = map[string][]word{} // the items' sentences, split once (wordsOf)
	for _, r := range raw {
		m.Items = append(m.Items, buildItem(m, r, formal))
	}
	m.words = nil
	if reason := classify(lines[:end], raw, m); reason != "" {
		if !opt.KnownMinutes {
			m.trace.note(0, "refused: %s", reason)
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
	m.warnUnsure()
	m.trace.records(m)
	m.trace = nil
	return m, nil
}

// warnUnsure lists the records read with low confidence among the
// meeting's warnings, each with its reason, so that a clerk reviews them.
func (m *Meeting) warnUnsure() {
	for _, it := range m.Items {
		for _, r := range it.Records() {
			if r.Low() {
				m.warn(r.Line, "unsure of "+string(r.Kind)+" "+r.ID+": "+r.Why)
			}
		}
	}
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
	// The header's lines are the document's (one token each): find the
	// last by identity, since one line of the file may make many lines
	// (an HTML fragment on one line).
	if tok := header[len(header)-1].tok; tok != nil {
		for i := range lines {
			if lines[i].tok == tok {
				return i + 1
			}
		}
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
func buildItem(m *Meeting, r *rawItem, formal bool) Item {
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
	// Decisions told in running text: "The payments were approved", "Prop.
	// AG, 2nd BH – all agreed", "The Council agreed to fund …".
	findDecisions(m, &it, r, used, formal)
	it.Resolutions = dropStems(it.Resolutions)
	res = it.Resolutions
	tabled, tableSpans := findActionTables(m, r)
	used = append(used, tableSpans...)
	// The sentences outside the resolutions and tables: the actions' and
	// the follow-ups' (neither changes them).
	rest := sentences(r.lines, used)
	it.Actions = append(tabled, actionsIn(m, rest)...)
	// Actions written into a resolution: "That the Clerk write to …".
	var resSentences []sentence
	for _, rec := range res {
		resSentences = append(resSentences, sentence{text: rec.Text, no: rec.Line})
	}
	for _, s := range resSentences {
		// "That the Clerk write to …", "… and that the Head of Highways
		// be requested to contact …", "calls on the Roads Department to
		// carry out a survey": a decision that sets someone a task.
		bare := strings.TrimLeft(s.text, "\"“‘' ")
		bare = strings.TrimPrefix(strings.TrimPrefix(bare, "That "), "that ")
		it.Actions = append(it.Actions, taskRecords(m, "that "+bare, s.no, s.text, nil)...)
	}
	it.Actions = dedupeActions(dedupeRecords(it.Actions))
	fromRes := findFollowUps(m, resSentences, true)
	narrative := findFollowUps(m, rest, false)
	if listed := agendaItems(m, r); len(listed) > 0 {
		// The list's own heading line is not another follow-up.
		kept := narrative[:0]
		for _, f := range narrative {
			if !reAgendaList.MatchString(f.Text) {
				kept = append(kept, f)
			}
		}
		narrative = append(kept, listed...)
	}
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
	return exemptStems.lowerIn(s)
}

var exemptStems = newFoldAnyOf("press", "public", "12a", "exempt", "closed session", "camera", "confidential", "part")

// dropStems drops a resolution that is only the opening of its parts
// ("That Council:", "RESOLVED that the Committee:"): the parts are the
// decisions, the opening decides nothing.
func dropStems(res []Record) []Record {
	kept := res[:0]
	for _, r := range res {
		t := strings.TrimSpace(r.Text)
		if strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 6 && len(res) > 1 {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}
