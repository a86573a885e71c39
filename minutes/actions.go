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

// findActions reads the item's actions from its sentences.
func findActions(m *Meeting, it *rawItem, skip []span) []Record {
	var out []Record
	for _, s := range sentences(it.lines, skip) {
		text := s.text
		if !mayAct(text) {
			continue
		}
		var owner string
		matched := false
		low := strings.ToLower(text)
		switch {
		case strings.HasPrefix(low, "action") && reActionTag.MatchString(text):
			mm := reActionTag.FindStringSubmatch(text)
			text = mm[1]
			if ts := findTasks(text, &m.Attendance); len(ts) > 0 && ts[0].owner != "" {
				owner = ts[0].owner
			} else if len(strings.Fields(text)) <= 4 {
				// "Action: Clerk" after the sentence it belongs to.
				if len(out) > 0 && out[len(out)-1].Owner == "" {
					out[len(out)-1].Owner = m.Attendance.expandInitials(text)
					continue
				}
				owner, text = text, s.prev
			}
			matched = text != ""
		case strings.Contains(low, "action") && reActionEnd.MatchString(text) && !strings.HasPrefix(low, "no action"):
			mm := reActionEnd.FindStringSubmatchIndex(text)
			owner = text[mm[2]:mm[3]]
			text = strings.TrimSpace(text[:mm[0]])
			matched = len(text) > 10
		}
		if !matched {
			out = append(out, taskRecords(m, text, s.no, "")...)
			continue
		}
		owner = strings.TrimSpace(strings.TrimRight(owner, ".,;"))
		if reGenericOwner.MatchString(owner) || strings.HasPrefix(strings.ToLower(owner), "in response") {
			owner = ""
		}
		owner = m.Attendance.expandInitials(owner)
		rec := Record{Text: tidyRecordText(text), Owner: cleanOwner(owner), Line: s.no}
		actionDue(m, &rec, text)
		out = append(out, rec)
	}
	return dedupeRecords(out)
}

// taskRecords makes an action of each task a sentence sets. whole, when
// set, is the text the record keeps (a resolution's, read with a "that"
// in front so that "That the Clerk write …" reads as a task).
func taskRecords(m *Meeting, text string, no int, whole string) []Record {
	ts := findTasks(text, &m.Attendance)
	var out []Record
	for _, t := range ts {
		if t.score < taskKeep {
			continue
		}
		clause := text
		if whole != "" {
			clause = whole
		} else if len(ts) > 1 {
			if c := strings.TrimSpace(text[t.from:t.to]); len(strings.Fields(c)) >= 3 {
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

// tidyOwner tidies an owner as the text gives it: honorifics off,
// initials and surnames expanded from the attendance ("JB" → "Jane
// Birch", "Cllr Manley" → "Trevor Manley").
func tidyOwner(m *Meeting, owner string) string {
	owner = strings.TrimSpace(strings.TrimRight(owner, ".,;"))
	if owner == "" || reGenericOwner.MatchString(owner) {
		return ""
	}
	owner = m.Attendance.expandInitials(owner)
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
			rec.Target = "date"
		}
	}
	if rec.Due.IsZero() {
		dueFromWords(m, rec, text)
	}
	if d := reDueBy.FindString(text); d != "" {
		if ds := findDates(d, false); len(ds) > 0 {
			rec.Due, rec.Target = ds[0].Date, "date"
		} else if mm := reMonthYear.FindStringSubmatch(d); mm != nil {
			y := atoiSafe(mm[2])
			rec.Due, rec.Target = EndOfMonth(y, monthOf(mm[1])), "date"
		}
	}
}

// mayAct is a cheap test that a sentence could be an action.
func mayAct(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"action", " to ", "undert", "would", "will", "asked", "request", "shall", "instruct", "authori", "invite", "urge", " call"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

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
			out = append(out, sentence{s, prev, curNo})
		}
	}
	for i, l := range ls {
		if l.Text == "" || inSkip(i) {
			flush()
			continue
		}
		t, tok := l.Text, l.tk()
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
			if (r >= 'A' && r <= 'Z') || r == '(' || s[i] == ';' {
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
			if g != f && strings.Contains(f, g) || g == f && j < i {
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

var reDueWords = regexp.MustCompile(`(?i)\b(?:by|before|on|for|ahead\s+of|in\s+time\s+for|at)\s+(?:the\s+)?(?:(?:end\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:` + monthNames + `)\b|(?:next|following)\s+(?:meeting|mtg)\b|(?:` + monthNames + `)(?:'s|’s)?\s+(?:meeting|mtg)\b|end\s+of\s+(?:` + monthNames + `)\b)`)

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
		rec.Due, rec.Target, rec.DueMeeting = m.NextMeeting, "next", "the next meeting"
		return
	case strings.Contains(low, "end of"):
		for _, w := range strings.Fields(low) {
			if mo := monthOf(strings.Trim(w, ".,")); mo != 0 && len(w) >= 3 {
				y := m.Date.Year
				if mo < m.Date.Month {
					y++
				}
				if !m.Date.IsZero() {
					rec.Due, rec.Target = EndOfMonth(y, mo), "date"
				}
				return
			}
		}
	}
	rest := text[loc[0]:]
	if ds := findDates(rest, false); len(ds) > 0 && ds[0].Start < len(phrase)+6 {
		rec.Due, rec.Target = ds[0].Date, "date"
		return
	}
	if ds := findYearless(phrase, m.Date); len(ds) > 0 {
		rec.Due, rec.Target = ds[0].Date, "date"
		return
	}
	if strings.Contains(low, "meeting") || strings.Contains(low, "mtg") {
		resolveDue(m, rec, phrase)
	}
}
