package minutes

import (
	"regexp"
	"strings"
)

// Stage 6: actions — what someone undertook or was asked to do.

var (
	reUndertook    = regexp.MustCompile(`(?i)\b(undertook|undertakes|agreed|offered|promised|committed|was\s+asked|were\s+asked|is\s+to|was\s+to|would)\s+to\s+(write|circulate|provide|send|investigate|look\s+into|contact|arrange|report\s+back|follow\s+up|check|share|liaise|speak|meet|obtain|seek|chase|update|review|confirm|clarify|explore|consider|raise|pass|forward|email|circulate|find\s+out)\b`)
	reProvided     = regexp.MustCompile(`(?i)\b(?:would|will|to|should)\s+be\s+(?:provided|circulated|sent|shared|made\s+available|forwarded|supplied|emailed|given|reported\s+back)\s+to\s+(?:all\s+)?(?:the\s+)?(?:members|committee\s+members|the\s+committee|committee|councillors|board\s+members|the\s+board|the\s+panel|panel\s+members|members\s+of\s+the\s+(?:committee|board|panel))\b`)
	reSentTo       = regexp.MustCompile(`(?i)\basked\s+for\s+.{0,60}?\s+to\s+be\s+(?:sent|provided|forwarded|emailed|passed)\s+to\s+(?:her|him|them|the\s+officer)\b`)
	reActionTag    = regexp.MustCompile(`(?i)^(?:action(?:\s+by|\s+point|\s+required)?|actions?)\s*[:\-–—]\s*(.*)$`)
	reActionEnd    = regexp.MustCompile(`(?i)[.;]?\s*(?:action(?:\s+by)?\s*[:\-–—]\s*|[-–—]\s*action\s*[:\-–—]?\s*)([A-Z][\w'’&/ .-]{1,40})\.?$`)
	reOwnerTo      = regexp.MustCompile(`^(?:The\s+)?((?:Clerk|Chair(?:man|person)?|Town\s+Clerk|Parish\s+Clerk|RFO|Treasurer|Secretary|CAO|Mayor|Cllrs?\.?\s+[A-Z][\w'’-]+|Councillors?\s+[A-Z][\w'’-]+|[A-Z]{2,4}|(?:[A-Z][a-z]+\s+){0,3}(?:Officer|Manager|Director|Head|Engineer|Planner|Superintendent|Chief|Commander|Lead|Auditor|Executive|Solicitor|Treasurer|Adviser|Advisor|Inspector|Coordinator|Co-ordinator|Department|Team|Counsel|Attorney|Clerk)(?:\s+(?:of|for)\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3})?))\s+to\s+(?:[a-z]+)\b`)
	reDueBy        = regexp.MustCompile(`(?i)\bby\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:` + monthNames + `)\.?\s+\d{4}\b|\bby\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`)
	reSubject      = regexp.MustCompile(`(?:^|[,;:]\s*|\b(?:that|and|but|In\s+response,?|response,)\s+)((?:the|The|an|An|a|A)\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]*){0,5}|officers?|[a-z]+\s+officer)\s+(?:undertook|agreed|offered|promised|committed|was\s+asked|would|will|is\s+to|asked)\b`)
	reGenericOwner = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?(?:officers?|member|members|it|he|she|they|this|there|committee|council|meeting)$`)
)

// actionsIn reads the actions in an item's sentences ss (those outside
// its resolutions and action tables).
func actionsIn(m *Meeting, ss []sentence) []Record {
	var out []Record
	for si, s := range ss {
		text := s.text
		before := ss[:si]
		if !mayAct(text) && !opensWithOwner(text) && s.owner == "" {
			continue
		}
		var owner string
		var tagDue Date
		matched := false
		low := strings.ToLower(text)
		switch {
		case strings.HasPrefix(low, "action") && reActionTag.MatchString(text):
			mm := reActionTag.FindStringSubmatch(text)
			text = mm[1]
			if ts := findTasks(text, &m.Attendance); len(ts) > 0 && ts[0].owner != "" {
				owner = ts[0].owner
			} else if len(strings.Fields(text)) <= 4 {
				// "Action: Clerk" after the sentence it belongs to, perhaps
				// with its date ("Action: Clerk   By: 22/04/25").
				who, due := splitOwnerLine(m, text)
				if len(out) > 0 && out[len(out)-1].Owner == "" {
					out[len(out)-1].Owner = m.Attendance.expandInitials(who)
					if !due.IsZero() && out[len(out)-1].Due.IsZero() {
						out[len(out)-1].Due, out[len(out)-1].Target = due, DateTarget()
					}
					continue
				}
				owner, text, tagDue = who, s.prev, due
			}
			matched = text != ""
		case strings.Contains(low, "action") && reActionEnd.MatchString(text) && !strings.HasPrefix(low, "no action"):
			mm := reActionEnd.FindStringSubmatchIndex(text)
			owner = text[mm[2]:mm[3]]
			text = strings.TrimSpace(text[:mm[0]])
			matched = len(text) > 10
		}
		if !matched && s.owner != "" {
			// A paragraph with an owner line under it is an action, even a
			// status line ("The survey was still ongoing." / "Clerk").
			recs := taskRecords(m, text, s.no, "", before)
			owner, due := splitOwnerLine(m, s.owner)
			if len(recs) == 0 {
				recs = []Record{{Text: tidyRecordText(text), Line: s.no, narrative: true}}
			}
			for k := range recs {
				if recs[k].Owner == "" || len(recs) == 1 {
					recs[k].Owner = tidyOwner(m, owner)
				}
				if recs[k].Due.IsZero() && !due.IsZero() {
					recs[k].Due, recs[k].Target = due, DateTarget()
				}
				recs[k].Confidence, recs[k].Why = "", ""
			}
			out = append(out, recs...)
			continue
		}
		if !matched {
			recs := taskRecords(m, text, s.no, "", before)
			if len(recs) == 1 && s.prev != "" && refersBack(text) {
				// "RB agreed to pursue this.", "JS to advise.": the task is
				// the sentence before; keep both, as a clerk would copy them.
				recs[0].Text = tidyRecordText(s.prev + " " + recs[0].Text)
			}
			out = append(out, recs...)
			continue
		}
		owner = strings.TrimSpace(strings.TrimRight(owner, ".,;"))
		if reGenericOwner.MatchString(owner) || strings.HasPrefix(strings.ToLower(owner), "in response") {
			owner = ""
		}
		owner = m.Attendance.expandInitials(owner)
		rec := Record{Text: tidyRecordText(text), Owner: cleanOwner(owner), Line: s.no}
		actionDue(m, &rec, text)
		if rec.Due.IsZero() && !tagDue.IsZero() {
			rec.Due, rec.Target = tagDue, DateTarget()
		}
		out = append(out, rec)
	}
	return dedupeRecords(out)
}

// taskRecords makes an action of each task a sentence sets. whole, when
// set, is the text the record keeps (a resolution's, read with a "that"
// in front so that "That the Clerk write …" reads as a task). before are
// the item's sentences before this one, where "he" or "she" is named.
func taskRecords(m *Meeting, text string, no int, whole string, before []sentence) []Record {
	ts := readTaskWords(text, m.wordsOf(text), &m.Attendance, whole != "")
	var out []Record
	for _, t := range ts {
		if t.pronoun && !(t.link == "would" && presenting(text, t)) {
			// "He will survey the trees": the person the item last named
			// as the one speaking or reporting.
			if o := antecedent(before, &m.Attendance); o != "" {
				t.owner, t.score = o, t.score-ownerPronoun+ownerPlain
			}
		}
		if t.score < taskKeep {
			continue
		}
		clause := text
		if whole != "" {
			clause = whole
		} else if len(ts) > 1 {
			if c := strings.TrimSpace(text[t.from:t.to]); len(strings.Fields(c)) >= 4 {
				clause = c
			}
		}
		// A task read from running text is weak evidence that the
		// document is minutes at all (agendas and reports set tasks too).
		rec := Record{Text: tidyRecordText(clause), Owner: tidyOwner(m, t.owner), Line: no, narrative: true}
		if t.score < taskSure {
			rec.unsure(t.why)
		}
		actionDue(m, &rec, clause)
		out = append(out, rec)
	}
	return out
}

// presenting reports whether a "would" task is the speaker's part in the
// meeting itself ("She would report on the action plan", "he would give
// an overview"), not something to do after it ("she would report it to
// the Countryside Access Team").
func presenting(text string, t task) bool {
	if !presentingVerbs[t.verbLow] {
		return false
	}
	if t.verbLow != "report" && t.verbLow != "update" {
		return true
	}
	ws := splitWords(text)
	for k, w := range ws {
		if w.low == t.verbLow && k+1 < len(ws) {
			switch ws[k+1].low {
			case "on", "about", "that", "members", "the":
				return true
			}
			return false
		}
	}
	return true
}

// antecedentReach is how many sentences back "he" or "she" is looked up.
const antecedentReach = 3

// antecedent finds who "he" or "she" stands for: the subject of the
// nearest earlier sentence that opens with a person or an office ("Cllr
// Ives gave the tree warden's report. He will survey …"). Bodies and
// "all" are not antecedents; "" when none is near enough.
func antecedent(before []sentence, att *Attendance) string {
	for k := len(before) - 1; k >= 0 && k >= len(before)-antecedentReach; k-- {
		ws := splitWords(before[k].text)
		for len(ws) > 0 && paragraphLabel(ws[0].text) {
			ws = ws[1:]
		}
		if len(ws) < 2 {
			continue
		}
		o, _, sc := subjectOf(ws, len(ws), att)
		if sc >= ownerPlain && o != "" && !selfBody(o) && !strings.EqualFold(o, "all") && !strings.EqualFold(o, "everyone") {
			return o
		}
	}
	return ""
}

// refersBack reports whether a task sentence says too little on its own:
// "RB agreed to pursue this.", "JS to advise.", "Clerk to action."
func refersBack(text string) bool {
	ws := strings.Fields(strings.ToLower(strings.TrimRight(text, ".")))
	if len(ws) <= 4 {
		return true
	}
	if len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		switch strings.Trim(w, ".,;") {
		case "this", "it", "these", "them", "accordingly", "same", "matter":
			return true
		}
	}
	return false
}

// tidyOwner tidies an owner as the text gives it: honorifics off,
// initials and surnames expanded from the attendance ("JB" → "Jane
// Birch", "Cllr Manley" → "Trevor Manley").
func tidyOwner(m *Meeting, owner string) string {
	owner = strings.TrimSpace(strings.TrimRight(owner, ".,;"))
	if owner == "" || reGenericOwner.MatchString(owner) {
		return ""
	}
	owner = m.Attendance.expandInitials(owner)
	switch strings.ToLower(owner) {
	case "all", "all members", "all councillors", "all cllrs", "everyone", "all present":
		return "All"
	}
	o := cleanOwner(owner)
	if n := cleanName(o); n != "" && !isRolePhrase(o) && !ownerRoles[strings.ToLower(o)] {
		o = m.Attendance.fullName(o)
	}
	return o
}

// actionDue reads when an action is due: "within ten working days", "by
// 30 June 2025", "by the next meeting".
func actionDue(m *Meeting, rec *Record, text string) {
	if mm := reDueInN.FindStringSubmatch(text); mm != nil && !m.Date.IsZero() {
		// "within ten working days", "within two weeks"
		if n, ok := countWord(mm[1]); ok {
			unit := strings.ToLower(mm[2])
			switch {
			case strings.HasPrefix(unit, "working"):
				rec.Due = m.Date.AddWorkingDays(n)
			case strings.HasPrefix(unit, "week"):
				rec.Due = m.Date.AddDays(7 * n)
			case strings.HasPrefix(unit, "month"):
				rec.Due = m.Date.AddMonths(n)
			default:
				rec.Due = m.Date.AddDays(n)
			}
			rec.Target = DateTarget()
		}
	}
	if rec.Due.IsZero() && !m.Date.IsZero() {
		low := strings.ToLower(text)
		switch {
		case strings.Contains(low, "end of the month") || strings.Contains(low, "end of this month") || strings.Contains(low, "month end") || strings.Contains(low, "month's end") || strings.Contains(low, "month’s end"):
			rec.Due, rec.Target = EndOfMonth(m.Date.Year, m.Date.Month), DateTarget()
		case strings.Contains(low, "within a fortnight") || strings.Contains(low, "in a fortnight") || strings.Contains(low, "within two weeks' time"):
			rec.Due, rec.Target = m.Date.AddDays(14), DateTarget()
		}
	}
	if rec.Due.IsZero() {
		dueFromWords(m, rec, text)
	}
	if d := reDueBy.FindString(text); d != "" {
		if ds := findDates(d, false); len(ds) > 0 {
			rec.Due, rec.Target = ds[0].Date, DateTarget()
		} else if mm := reMonthYear.FindStringSubmatch(d); mm != nil {
			y := atoiSafe(mm[2])
			rec.Due, rec.Target = EndOfMonth(y, monthOf(mm[1])), DateTarget()
		}
	}
}

// splitOwnerLine reads an owner line: who, and when when it says ("TR /
// 15 Mar", "Clerk 31 May 2024", "Clerk / next mtg").
func splitOwnerLine(m *Meeting, line string) (string, Date) {
	var due Date
	owner := line
	if ds := findDates(line, false); len(ds) > 0 {
		due, owner = ds[0].Date, line[:ds[0].Start]
	} else if ds := findYearless(line, m.Date); len(ds) > 0 {
		due, owner = ds[0].Date, line[:ds[0].Start]
	} else if i := strings.Index(strings.ToLower(line), "next m"); i >= 0 {
		due, owner = m.NextMeeting, line[:i]
	}
	owner = strings.TrimSpace(strings.Trim(strings.TrimSpace(owner), "/–-,"))
	// "Clerk   By:", "JT due": the word that introduced the date.
	if f := strings.Fields(owner); len(f) > 1 {
		switch strings.ToLower(strings.TrimRight(f[len(f)-1], ":")) {
		case "by", "due", "date", "deadline", "before":
			owner = strings.TrimSpace(strings.Trim(strings.Join(f[:len(f)-1], " "), "/–-,"))
		}
	}
	return owner, due
}

// mayAct is a cheap test that a sentence could be an action.
func mayAct(s string) bool { return actStems.lowerIn(s) }

var actStems = newFoldAnyOf("action", " to ", "undert", "would", "will", "asked", "request", "shall", "instruct", "authori", "invite", "urge", " call")

func cleanOwner(o string) string {
	o = strings.TrimSpace(o)
	if n := cleanName(o); n != "" && n != o && len(strings.Fields(o)) <= 4 {
		if low := strings.ToLower(o); strings.HasPrefix(low, "cllr") || strings.HasPrefix(low, "councillor") || strings.HasPrefix(low, "mr") || strings.HasPrefix(low, "ms") || strings.HasPrefix(low, "mrs") || strings.HasPrefix(low, "dr") {
			return n
		}
	}
	o = strings.TrimPrefix(strings.TrimPrefix(o, "The "), "the ")
	return o
}

func atoiSafe(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// sentence is a sentence of an item's text, outside its resolutions.
type sentence struct {
	text string
	prev string // the sentence before, for "Action: Clerk" tags
	no   int
	// owner is an owner line printed under the sentence's paragraph
	// ("Clerk", "TR / 15 Mar", "Cllr Ames/Clerk"): an "Action by" column
	// flattened into the text.
	owner string
}

// sentences splits the item's text (outside the skipped spans) into
// sentences, keeping bullet points and tagged lines apart.
func sentences(ls []line, skip []span) []sentence {
	inSkip := func(i int) bool {
		for _, s := range skip {
			if i >= s.from && i < s.to {
				return true
			}
		}
		return false
	}
	var out []sentence
	var cur strings.Builder
	curNo := 0
	flush := func() {
		text := strings.TrimSpace(cur.String())
		cur.Reset()
		for _, s := range splitSentences(text) {
			prev := ""
			if len(out) > 0 {
				prev = out[len(out)-1].text
			}
			out = append(out, sentence{text: s, prev: prev, no: curNo})
		}
	}
	for i, l := range ls {
		if l.Text == "" || inSkip(i) {
			flush()
			continue
		}
		t, tok := l.Text, l.tk()
		if statusStamp(t) {
			flush() // "Approved Meeting Minutes" atop a page: no part of a sentence
			continue
		}
		if tok.Kind == tokOwnerLine {
			// "Clerk" / "TR / 15 Mar" under a paragraph: its owner.
			flush()
			if n := len(out); n > 0 && out[n-1].owner == "" && out[n-1].no >= l.No-12 && endsSentence(out[n-1].text) {
				out[n-1].owner = t
			}
			continue
		}
		if tok.Bullet || tok.ActionTag || tok.Part != "" {
			flush()
			t = strings.TrimSpace(strings.TrimPrefix(t, "•"))
		}
		if cur.Len() == 0 {
			curNo = l.No
		} else {
			cur.WriteByte(' ')
		}
		cur.WriteString(t)
		if tok.ActionTag && (tok.EndsSentence || tok.Words <= 4) {
			flush() // "Action: Clerk" closes the sentence before it
		}
	}
	flush()
	return out
}

// splitSentences splits at ". " or "; " before a capital or bullet.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == ';' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			r := s[i+2]
			if (r >= 'A' && r <= 'Z') || r == '(' || s[i] == ';' || s[i] == '.' && listLabelAt(s[i+2:]) {
				if s[i] == '.' && abbrevBefore(s, i) {
					continue
				}
				out = append(out, strings.TrimSpace(s[start:i+1]))
				start = i + 2
			}
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// listLabelAt reports whether s opens with a list label: "ii. It was …",
// "b) Members …".
func listLabelAt(s string) bool {
	j := 0
	for j < len(s) && j < 5 && (s[j] >= 'a' && s[j] <= 'z') {
		j++
	}
	if j == 0 || j >= len(s) || s[j] != '.' && s[j] != ')' {
		return false
	}
	label := s[:j]
	return (j == 1 || strings.Trim(label, "ivx") == "") && j+2 < len(s) && s[j+1] == ' ' && s[j+2] >= 'A' && s[j+2] <= 'Z'
}

var reParaNumber = regexp.MustCompile(`^(?:\d{1,2}\.|\(\d{1,2}\)|\d{1,2}\))\s+`)

// tidyRecordText trims list punctuation from a record's text.
func tidyRecordText(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "•"))
	s = reParaNumber.ReplaceAllString(s, "") // "2. The Head of …" → "The Head of …"
	s = strings.TrimSpace(strings.TrimSuffix(s, ";"))
	return s
}

var (
	undertookWords = []string{"undert", "agreed", "offered", "promised", "committed", "asked", "is to", "was to", "would to"}
	providedWords  = []string{"member", "committee", "councillor", "board", "panel"}
)

// containsAny reports whether s contains any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dedupeActions drops an action whose text holds another's with the same
// owner: the same task read from a motion and from the sentence inside it.
// The shorter, more exact text is kept.
func dedupeActions(recs []Record) []Record {
	out := recs[:0:0]
	for i, r := range recs {
		f := foldText(r.Text)
		dup := false
		for j, o := range recs {
			if i == j || o.Owner != r.Owner {
				continue
			}
			g := foldText(o.Text)
			if g != f && strings.Contains(f, g) || g == f && j < i && (o.Line == r.Line || len(strings.Fields(r.Text)) > 8) {
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

var reDueWords = gated(`(?i)(?:\b(?:by|before|b4|on|for|ahead\s+of|in\s+time\s+for|in\s+advance\s+of|prior\s+to|at|to|until|later\s+than)|[-–])\s+(?:the\s+)?(?:(?:end\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:`+monthNames+`)\b|(?:next|following)\s+(?:meeting|mtg)\b|(?:`+monthNames+`)(?:'s|’s)?(?:\s+\d{4})?\s+(?:meeting|mtg)\b|end\s+of\s+(?:`+monthNames+`)\b|(?:committee|council|board)\s+next\s+meets\b)`, "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "meet", "mtg")

// dueFromWords reads the due dates an action gives in words: "by 21st
// August", "before the next meeting", "by Friday 6 June 2025", "before
// the end of May", "for October's meeting".
func dueFromWords(m *Meeting, rec *Record, text string) {
	loc := reDueWords.FindStringIndex(text)
	if loc == nil {
		return
	}
	phrase := text[loc[0]:loc[1]]
	low := strings.ToLower(phrase)
	switch {
	case strings.Contains(low, "next") || strings.Contains(low, "following"):
		rec.Due, rec.Target, rec.DueMeeting = m.NextMeeting, NextTarget(), "the next meeting"
		return
	case strings.Contains(low, "meeting") || strings.Contains(low, "mtg"):
		// "before October's meeting", "before the June 2025 meeting"
		for _, w := range strings.Fields(strings.NewReplacer("'s", "", "’s", "").Replace(low)) {
			if mo := monthOf(strings.Trim(w, ".,")); mo != 0 && len(w) >= 3 {
				y := m.Date.Year
				if ds := reMonthYear.FindStringSubmatch(phrase); ds != nil {
					y = atoiSafe(ds[2])
				} else if mo < m.Date.Month {
					y++
				}
				if m.Date.IsZero() {
					return
				}
				rec.DueMeeting = strings.TrimSpace(phrase)
				rec.Target = MonthTarget(y, mo)
				rec.Due, rec.Provisional = EndOfMonth(y, mo), true
				if d, ok := m.knownMeetingIn(y, mo); ok {
					rec.Due, rec.Provisional = d, false
				}
				return
			}
		}
	case strings.Contains(low, "end of"):
		for _, w := range strings.Fields(low) {
			if mo := monthOf(strings.Trim(w, ".,")); mo != 0 && len(w) >= 3 {
				y := m.Date.Year
				if mo < m.Date.Month {
					y++
				}
				if !m.Date.IsZero() {
					rec.Due, rec.Target = EndOfMonth(y, mo), DateTarget()
				}
				return
			}
		}
	}
	rest := text[loc[0]:]
	if ds := findDates(rest, false); len(ds) > 0 && ds[0].Start < len(phrase)+6 {
		rec.Due, rec.Target = ds[0].Date, DateTarget()
		return
	}
	if ds := findYearless(phrase, m.Date); len(ds) > 0 {
		rec.Due, rec.Target = ds[0].Date, DateTarget()
		return
	}
	if strings.Contains(low, "meeting") || strings.Contains(low, "mtg") {
		resolveDue(m, rec, phrase)
	}
}
