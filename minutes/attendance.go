package minutes

import (
	"regexp"
	"strings"
	"unicode"
)

// Stage 4: attendance. Labels ("Present:", "Apologies", "In attendance
// (Councillors):") switch a state; the names after a label, on its line or
// the lines below, go to that role. Two-column PDF layouts, where a label
// and its names come out on separate lines, read the same way.

type role int

var roleNames = [...]string{roleNone: "none", roleChair: "chair", rolePresent: "present", roleInAttendance: "in attendance",
	roleApologies: "apologies", roleAbsent: "absent", roleSubstitutes: "substitutes"}

func (r role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "?"
}

const (
	roleNone role = iota
	roleChair
	rolePresent
	roleInAttendance
	roleApologies
	roleAbsent
	roleSubstitutes
)

var reLabel = regexp.MustCompile(`(?i)^(?:` +
	`(?P<chair>(?:present\s+)?in\s+the\s+chair|chair(?:man|person|woman)?|presiding(?:\s+officer)?|cathaoirleach|mayor)` +
	`|(?P<att>(?:also|others?)\s+(?:present|in\s+attendance)|(?:(?:officers?|officials?|staff|others?|advisers?|guests?)(?:\s+and\s+(?:others?|guests?|advisers?))?\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?|officers?(?:\s+(?:present|in\s+attendance))?|officials?(?:\s+(?:present|in\s+attendance))?|staff(?:\s+present)?|council\s+staff|attending|advisers?|clerk)` +
	`|(?P<apol>apologies(?:\s+for\s+absence)?(?:\s+and\s+(?:substitut\w+|reserve\s+members?|reserves|absences?))?(?:\s+(?:were\s+)?received(?:\s+from)?)?|apologies\s+received|regrets)` +
	`|(?P<absent>absent(?:\s+members)?|not\s+present)` +
	`|(?P<subs>substitutes?(?:\s+members?)?|reserves?(?:\s+members?)?)` +
	`|(?P<present>(?:deputy|vice)[- ]chair(?:man|person|woman)?|(?:committee|board|panel|co-opted|voting|independent|cabinet|statutory)\s+members?(?:\s+(?:present|in\s+attendance))?|those\s+present(?:\s+were)?|(?:members?|councillors?|council\s+members?)(?:\s+(?:present|in\s+attendance))?|present|roll\s+call(?:\s*:\s*present)?|attendance|councillors)` +
	`)(?:\s*\([^)]{0,40}\))?(?:\s+(?:via|by|at)\s+[^:]{1,40})?\s*(?::-?|-|–)\s*(.*)$`)

// Labels without a colon, alone on their line ("Present", "Apologies").
var reBareLabel = regexp.MustCompile(`(?i)^(present|apologies(?:\s+for\s+absence)?|absent|in\s+attendance|also\s+present|officers\s+present|members\s+present|councillors\s+present)$`)

var (
	reHonorific      = regexp.MustCompile(`(?i)^(?:(?:the\s+)?(?:deputy\s+)?(?:lord\s+)?mayor|(?:county|district|borough|parish|town|city|community)\s+(?:councillors?|cllrs?\.?)|councillors?|cllrs?\.?|crs?\.?|mr\.?|mrs\.?|ms\.?|miss|mx\.?|dr\.?|doctor|rev(?:erend|d)?\.?|the|professor|prof\.?|sir|dame|lord|lady|alderman|aldermen|council\s*members?|councilmembers?|commissioners?|father|fr\.?|canon|hon\.?|honourable|senator|deputy|supervisor|trustee|vice[- ]mayor|reeve|deputy\s+reeve|her\s+worship|his\s+worship)\s+`)
	rePostNom        = regexp.MustCompile(`(?:,?\s+(?:MBE|OBE|CBE|JP|MP|TD|MEP|DL|BEM|QC|KC|MLA|MSP|MS|FRICS|PhD))+$`)
	reParen          = regexp.MustCompile(`\s*\(([^)]*)\)`)
	reNotName        = regexp.MustCompile(`(?i)^(?:there\b|this\b|these\b|it\b|all\b|none|nil|n/a|no\s+apologies|none\s+received|no\s+one|for\s+minute|for\s+item|apologies|members|officers|councillors|present|the\s+meeting|all\s+members|as\s+follows|see\s+)`)
	reNameSplit      = regexp.MustCompile(`\s*(?:,|;|\s+and\s+|\s+&\s+)\s*`)
	reApolSent       = regexp.MustCompile(`(?i)\bapolog(?:y|ies)\b(?:[^.]{0,80}?\s)?(?:from|of|on\s+behalf\s+of)\s+`)
	reApolSent2      = regexp.MustCompile(`(?i)^(?:apologies\s+(?:for\s+absence\s+)?(?:from|received\s+from)|apologies:?)\s+([^.]+)`)
	reSubSent        = regexp.MustCompile(`(?:(?i:cllr|councillor|cr|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})\s+(?i:(?:attended|was\s+present|sat)(?:\s+the\s+meeting)?\s+as\s+(?:a\s+)?(?:substitute|reserve)\s+(?:member\s+)?for|substituted\s+for|was\s+substituting\s+for|substituting\s+for|deputised\s+for)\s+(?:(?i:cllr|councillor|cr|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})`)
	reSubSent2       = regexp.MustCompile(`(?:(?i:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3}),?\s+(?i:who\s+was\s+substituted\s+by)\s+(?:(?i:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})`)
	reSubParen       = regexp.MustCompile(`(?i)^(.+?)\s*\((?:as\s+)?(?:substitute|reserve|sub)\s+(?:member\s+)?for\s+(.+?)\)$`)
	reDigits         = regexp.MustCompile(`\d`)
	reChairAfter     = regexp.MustCompile(`(?i),\s*(presiding|in\s+the\s+chair|cathaoirleach|chair(?:man|person)?)\b`)
	reAttendanceItem = regexp.MustCompile(`(?i)\b(attendance|present|roll\s+call|apologies)\b`)
	rePostNomOnly    = regexp.MustCompile(`^(?:MBE|OBE|CBE|JP|MP|TD|T\.D\.|MEP|DL|BEM|QC|KC|MLA|MSP|FRICS|PhD|BL|MCC)$`)
	reNoteIsName     = regexp.MustCompile(`^(?:Mr|Ms|Mrs|Miss|Dr|Cllr|Councillor|Supt|Sgt|Insp)\.?\s+[A-Z]`)
	reOtherLabel     = regexp.MustCompile(`^[A-Z][\w ]{2,30}:\s+(.+)$`)
	reRelClause      = regexp.MustCompile(`\s+(?:who|whose|which|was|were|has|had|is|are)\b.*$`)
	reApolPrefix     = regexp.MustCompile(`(?i)^.{0,80}?\bapologies\s+(?:for\s+absence\s+)?(?:(?:were|had\s+been|have\s+been)\s+\w+\s+)?(?:from|of)\s+`)
	reColumnGap      = regexp.MustCompile(`\s{3,}`)
	reGapLabel       = regexp.MustCompile(`^\s*(\S[^:]{0,30}?)\s{3,}(\S.*)$`)
	reNarrates       = regexp.MustCompile(`(?i)\b(?:attended|arrived|left|joined|was|were|substituted|sat)\b`)
	reMayor          = regexp.MustCompile(`^(?:(?i:the)\s+)?(?:Lord\s+)?(?:Mayor|MAYOR)\s+[A-Z]`)
	reNameDashRole   = regexp.MustCompile(`^([^,–]{3,60}?)\s+[–—-]\s+([A-Z].*)$`)
	reRoleSuffix     = regexp.MustCompile(`\s+[-–—]\s+.*$`)
)

// nameParticles are the lower-case words that belong inside names.
var nameParticles = map[string]bool{"ap": true, "ab": true, "de": true, "la": true, "le": true, "du": true, "di": true, "del": true,
	"della": true, "van": true, "von": true, "der": true, "den": true, "da": true, "dos": true, "bin": true, "bint": true, "ni": true,
	"nic": true, "mac": true, "y": true, "and": true}

// cleanName strips honorifics, post-nominals and notes from a name.
// It returns "" when what is left is not a name.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " .,;:–-•"))
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "and "), "& "), "from ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, " and"), " &")
	s = reParen.ReplaceAllString(s, "")
	s = reRoleSuffix.ReplaceAllString(s, "")
	for i := 0; i < 4; i++ {
		t := reHonorific.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = rePostNom.ReplaceAllString(s, "")
	if rePostNomOnly.MatchString(s) {
		return ""
	}
	s = strings.TrimSpace(strings.Trim(s, " .,;:"))
	if s == "" || reNotName.MatchString(s) || reDigits.MatchString(s) {
		return ""
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return ""
	}
	for _, w := range words {
		if w == "of" || w == "at" || w == "the" || w == "for" || strings.HasSuffix(w, ":") {
			return "" // a role ("Clerk of the Council"), not a name
		}
		if !startsUpper(w) && !nameParticles[w] && !camelName(w) {
			return ""
		}
	}
	return s
}

// readAttendance reads the attendance from the header lines, and from
// sentences in the first items (apologies, substitutions).
func readAttendance(m *Meeting, header []line, items []*rawItem) {
	a := &m.Attendance
	cur := roleNone
	mayor := "" // a mayor listed as present chairs when no one else is named
	pending := ""
	var add func(r role, text string)
	add = func(r role, text string) {
		text = chairAfterName(text)
		// "Director of Service (Mr. K. Lehane), Senior Engineer (Ms. …)":
		// when the names are in the brackets, read only the brackets.
		if notes := reParen.FindAllStringSubmatch(text, -1); len(notes) >= 2 {
			named := 0
			for _, n := range notes {
				if reNoteIsName.MatchString(strings.TrimSpace(n[1])) {
					named++
				}
			}
			if named*2 > len(notes) {
				// Parts with a name in brackets give that name; other
				// parts count only when they are a titled name
				// ("Councillor G. Mitchell"), not a role ("Environment").
				for _, part := range splitNames(text) {
					if mm := reParen.FindStringSubmatch(part); mm != nil && reNoteIsName.MatchString(strings.TrimSpace(mm[1])) {
						add(r, mm[1])
					} else if reHonorific.MatchString(strings.TrimSpace(part)) {
						add(r, strings.TrimSpace(part))
					}
				}
				return
			}
		}
		// A block may run into sentences ("… from Councillor Joanna
		// Kirkbride. Councillor Nasreen Akhtar attended as reserve …"):
		// read each sentence, and leave the ones that narrate to the
		// sentence readers below.
		if sents := splitNameSentences(text); len(sents) > 1 {
			for _, s := range sents {
				if !reNarrates.MatchString(s) {
					add(r, s)
				}
			}
			return
		}
		text = reApolPrefix.ReplaceAllString(text, "")
		if r == roleSubstitutes {
			// "Councillor Sheila Hebblethwaite for Councillor Gerald Pym"
			for _, part := range splitNames(text) {
				if sub, mem, ok := strings.Cut(part, " for "); ok {
					if sub, mem = cleanName(sub), cleanName(mem); sub != "" && mem != "" {
						a.Substitutes = appendSub(a.Substitutes, mem, sub)
					}
				}
			}
			return
		}
		for _, part := range splitNames(text) {
			part = reRelClause.ReplaceAllString(part, "")
			note := ""
			if mm := reParen.FindStringSubmatch(part); mm != nil {
				note = strings.TrimSpace(mm[1])
			}
			if sm := reSubParen.FindStringSubmatch(part); sm != nil {
				sub, mem := cleanName(sm[1]), cleanName(sm[2])
				if sub != "" && mem != "" {
					a.Substitutes = appendSub(a.Substitutes, mem, sub)
					a.Present = appendName(a.Present, sub)
				}
				continue
			}
			// "District Manager (Mr. C. Fahy)": the name is in the brackets.
			if reNoteIsName.MatchString(note) {
				part = note
				note = ""
			}
			chair := r == roleChair || chairNote(note) || strings.HasSuffix(strings.ToLower(strings.TrimSpace(part)), "cathaoirleach")
			part = strings.TrimSuffix(strings.TrimSpace(part), "Cathaoirleach")
			name := cleanName(part)
			if name == "" {
				continue
			}
			if r == rolePresent && mayor == "" && reMayor.MatchString(strings.TrimSpace(part)) {
				mayor = name
			}
			switch {
			case chair && a.Chair == "":
				a.Chair = name
			case chair || r == rolePresent:
				if name != a.Chair {
					a.Present = appendName(a.Present, name)
				}
			case r == roleInAttendance:
				a.InAttendance = appendName(a.InAttendance, name)
			case r == roleApologies:
				a.Apologies = appendName(a.Apologies, name)
			case r == roleAbsent:
				a.Absent = appendName(a.Absent, name)
			}
		}
	}
	// The attendance may sit in an item of its own ("Record of
	// attendance", "Roll call"): read those items' lines too.
	for k, it := range items {
		if k > 3 {
			break
		}
		if reAttendanceItem.MatchString(it.title) {
			// The title works as a label: "Apologies" starts the apologies.
			header = append(append(header[:len(header):len(header)], line{}, line{Text: lastPart(it.title) + ":"}), it.lines...)
		}
	}
	skip := -1
	// Each label's names are gathered into a block and read once the
	// block ends, so that names wrapped over lines come out whole.
	var block []string
	flush := func() {
		if cur != roleNone && len(block) > 0 {
			add(cur, joinBlock(block))
		}
		block = block[:0]
	}
	for i, l := range header {
		t := l.Text
		if t == "" || i <= skip {
			continue
		}
		// A label broken over two lines: "Apologies" / "received:".
		if pending != "" {
			t = pending + " " + t
			pending = ""
		}
		// A label set off by spaces in layout text: "Chairperson    Cr X".
		if l.Raw != "" {
			if mm := reGapLabel.FindStringSubmatch(l.Raw); mm != nil {
				if _, _, ok := matchLabel(mm[1] + ":"); ok {
					t = mm[1] + ": " + mm[2]
				}
			}
		}
		if r, rest, ok := matchLabel(t); ok {
			flush()
			if l.No > 0 {
				m.trace.note(l.No, "attendance label: %s", r)
			}
			cur = r
			if rest != "" {
				block = append(block, rest)
			}
			continue
		}
		if i+1 < len(header) && len(strings.Fields(t)) <= 3 && !strings.Contains(t, ":") && strings.HasSuffix(header[i+1].Text, ":") && len(strings.Fields(header[i+1].Text)) <= 3 {
			if _, _, ok := matchLabel(t + " " + header[i+1].Text); ok {
				pending = t
				continue
			}
		}
		if cur == roleNone || len(t) > 300 {
			continue
		}
		// A label we do not know ("OIREACHTAS MEMBERS :", "GARDA
		// NOMINATIONS:") still ends the block before it.
		if strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 4 {
			flush()
			continue
		}
		if isProse(t) {
			flush()
			cur = roleNone // the attendance block has ended
			continue
		}
		// An unknown label before names ("Parish representatives: Mrs
		// Jennifer Lumb"): keep the role, drop the label.
		if mm := reOtherLabel.FindStringSubmatch(t); mm != nil {
			flush()
			block = append(block, mm[1])
			continue
		}
		// "Councillor Priya Raman – Chair, Cabinet Member for …": one
		// person a line, their role after the dash.
		if mm := reNameDashRole.FindStringSubmatch(t); mm != nil && cleanName(mm[1]) != "" {
			flush()
			add(cur, mm[1]+" ("+strings.NewReplacer("(", " ", ")", " ").Replace(mm[2])+")")
			continue
		}
		// Names in columns ("Farida Begum      Gareth Lowe") are a list.
		if l.Raw != "" && strings.TrimSpace(l.Raw) != "" && reColumnGap.MatchString(strings.TrimSpace(l.Raw)) && !strings.Contains(t, ":") {
			t = collapseSpaces(reColumnGap.ReplaceAllString(strings.TrimSpace(l.Raw), ", ")) + "," // a row ends its names
		}
		block = append(block, t)
	}
	flush()
	// Sentences: "Apologies were received from Mrs C Bell." and substitutions.
	scan := func(text string) {
		for _, loc := range reApolSent.FindAllStringIndex(text, -1) {
			rest := text[loc[1]:]
			if len(rest) > 300 {
				rest = rest[:300]
			}
			add(roleApologies, untilSentenceEnd(rest))
		}
		for _, re := range []*regexp.Regexp{reSubSent, reSubSent2} {
			for _, mm := range re.FindAllStringSubmatch(text, -1) {
				sub, mem := cleanName(mm[1]), cleanName(mm[2])
				if re == reSubSent2 {
					sub, mem = mem, sub
				}
				if sub != "" && mem != "" {
					a.Substitutes = appendSub(a.Substitutes, mem, sub)
				}
			}
		}
	}
	scan(joinText(header))
	for k, it := range items {
		if k > 4 {
			break
		}
		body := joinText(it.lines)
		scan(body)
		if strings.Contains(strings.ToLower(it.title), "apolog") {
			for _, l := range it.lines {
				if mm := reApolSent2.FindStringSubmatch(l.Text); mm != nil && len(a.Apologies) == 0 {
					add(roleApologies, mm[1])
				}
			}
		}
		if strings.Contains(strings.ToLower(it.title), "reserve") || strings.Contains(strings.ToLower(it.title), "substitut") {
			readSubstituteTable(a, it.lines)
		}
		if strings.Contains(strings.ToLower(it.title), "roll call") || (len(a.Present) == 0 && k < 2) {
			for _, l := range it.lines {
				if r, rest, ok := matchLabel(l.Text); ok && r == rolePresent && rest != "" {
					add(r, rest)
				}
			}
		}
	}
	// A substitute sat: count them present; the member they replaced sent
	// apologies or was absent, not present.
	for _, s := range a.Substitutes {
		if s.Substitute != a.Chair {
			a.Present = appendName(a.Present, s.Substitute)
		}
	}
	// The chair is listed once, as chair.
	if a.Chair == "" && mayor != "" {
		a.Chair = mayor
	}
	a.Present = removeName(a.Present, a.Chair)
}

// chairNote reports whether a note after a name says its holder chaired
// the meeting: "(Chairman)", "(Leader of the Council, in the Chair)",
// "(Shire President, Presiding Member)" — but not "(Vice-Chair)" or
// "(Chair of the Overview and Scrutiny Committee)".
func chairNote(note string) bool {
	low := strings.ToLower(strings.TrimSpace(note))
	if low == "" || strings.Contains(low, "vice") || strings.Contains(low, "deputy") {
		return false
	}
	if strings.Contains(low, "in the chair") || strings.Contains(low, "presiding") || strings.Contains(low, "cathaoirleach") {
		return true
	}
	for _, part := range strings.Split(low, ",") {
		switch strings.TrimSpace(part) {
		case "chair", "chairman", "chairperson", "chairwoman", "mayor":
			return true
		}
	}
	return false
}

// chairAfterName turns ", Presiding" after a name into a note, outside
// brackets only: "Mayor Adams, Presiding; …" → "Mayor Adams (Presiding); …".
func chairAfterName(text string) string {
	if strings.Contains(text, "(") {
		return text
	}
	return reChairAfter.ReplaceAllString(text, " ($1)")
}

// lastPart is the last of a bilingual title's parts: "Ymddiheuriadau /
// Apologies" → "Apologies".
func lastPart(title string) string {
	if i := strings.LastIndex(title, " / "); i >= 0 {
		return title[i+3:]
	}
	return title
}

// isProse reports whether a line is running text rather than names: it
// has many words in lower case.
func isProse(t string) bool {
	lower := 0
	for _, w := range strings.Fields(t) {
		if startsLower(w) && !nameParticles[w] {
			lower++
		}
	}
	return lower >= 6
}

// joinBlock joins a label's lines into one list. A list written with
// commas wraps anywhere, so its lines join with a space unless the next
// line starts a new name; a list without commas has a name a line.
func joinBlock(lines []string) string {
	commas := false
	for _, l := range lines {
		commas = commas || strings.Contains(l, ",")
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			switch {
			case endsWithAny(prev, ",;"), continuesName(prev, l):
				b.WriteString(" ")
			case len(prev) > 2 && prev[len(prev)-1] == '.' && prev[len(prev)-2] >= 'a' && prev[len(prev)-2] <= 'z':
				b.WriteString(", ") // a sentence ended: "… and James Scott."
			case !commas, reHonorific.MatchString(l), endsWithAny(prev, ")"), strings.Contains(prev, " – ") || strings.Contains(prev, " - "):
				b.WriteString(", ")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// continuesName reports whether next carries on a name that t breaks off:
// t ends in a capitalised word with no comma, and next starts with a lone
// capitalised word before its first comma (or is that word alone).
func continuesName(t, next string) bool {
	if t == "" || next == "" || endsWithAny(t, ",;:)") || strings.HasSuffix(t, " and") || endsSentence(t) {
		return false
	}
	if _, _, ok := matchLabel(next); ok {
		return false
	}
	if !startsUpper(lastWord(t)) {
		return false
	}
	chunk, _, _ := strings.Cut(reParen.ReplaceAllString(next, ""), ",")
	chunk = strings.TrimRight(strings.TrimSpace(chunk), ".;")
	return chunk != "" && !strings.Contains(chunk, " ") && startsUpper(chunk) && strings.ToUpper(chunk) != chunk
}

// matchLabel recognises an attendance label and returns what follows it.
func matchLabel(t string) (role, string, bool) {
	r, rest, ok := matchLabel1(t)
	if !ok {
		// Bilingual labels: "Cadeirydd / Chair: …", "Yn bresennol / Present:".
		if i, j := strings.Index(t, " / "), strings.IndexByte(t, ':'); i > 0 && (j < 0 || i < j) && i < 50 {
			return matchLabel1(t[i+3:])
		}
	}
	return r, rest, ok
}

func matchLabel1(t string) (role, string, bool) {
	if reBareLabel.MatchString(t) {
		return labelRole(strings.ToLower(t)), "", true
	}
	mm := reLabel.FindStringSubmatch(t)
	if mm == nil {
		return roleNone, "", false
	}
	rest := strings.TrimSpace(mm[len(mm)-1])
	for i, name := range reLabel.SubexpNames() {
		if mm[i] == "" || name == "" {
			continue
		}
		switch name {
		case "chair":
			return roleChair, rest, true
		case "att":
			return roleInAttendance, rest, true
		case "apol":
			return roleApologies, rest, true
		case "absent":
			return roleAbsent, rest, true
		case "subs":
			return roleSubstitutes, rest, true
		case "present":
			if strings.HasPrefix(strings.ToLower(rest), "present:") {
				rest = strings.TrimSpace(rest[len("present:"):])
			}
			return rolePresent, rest, true
		}
	}
	return roleNone, "", false
}

func labelRole(s string) role {
	switch {
	case strings.HasPrefix(s, "apolog"):
		return roleApologies
	case strings.HasPrefix(s, "absent"):
		return roleAbsent
	case strings.Contains(s, "attendance"), strings.HasPrefix(s, "also"), strings.HasPrefix(s, "officers"):
		return roleInAttendance
	}
	return rolePresent
}

// readSubstituteTable reads "Ordinary Member / Reserve Member" tables whose
// names come out in pairs.
func readSubstituteTable(a *Attendance, lines []line) {
	var names []string
	inTable := false
	for _, l := range lines {
		low := strings.ToLower(l.Text)
		if strings.Contains(low, "ordinary member") || strings.Contains(low, "reserve member") && !strings.Contains(low, "resolved") {
			inTable = true
			continue
		}
		if !inTable || l.Text == "" {
			continue
		}
		if n := cleanName(l.Text); n != "" {
			names = append(names, n)
		}
	}
	for i := 0; i+1 < len(names); i += 2 {
		a.Substitutes = appendSub(a.Substitutes, names[i], names[i+1])
	}
}

func splitNames(s string) []string {
	// Keep "(Chairman)" notes with their names: split outside brackets.
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 {
			if loc := reNameSplit.FindStringIndex(s[i:]); loc != nil && loc[0] == 0 && loc[1] > 0 {
				out = append(out, s[start:i])
				i += loc[1] - 1
				start = i + 1
			}
		}
	}
	out = append(out, s[start:])
	return out
}

func appendName(list []string, name string) []string {
	for _, n := range list {
		if strings.EqualFold(n, name) {
			return list
		}
	}
	return append(list, name)
}

func removeName(list []string, name string) []string {
	if name == "" {
		return list
	}
	out := list[:0]
	for _, n := range list {
		if !strings.EqualFold(n, name) {
			out = append(out, n)
		}
	}
	return out
}

func appendSub(list []Substitution, member, sub string) []Substitution {
	for _, s := range list {
		if strings.EqualFold(s.Member, member) && strings.EqualFold(s.Substitute, sub) {
			return list
		}
	}
	return append(list, Substitution{Member: member, Substitute: sub})
}

// fullName expands a surname ("Marikar") to the full name the attendance
// gives ("Kairul Kareema Marikar"), when exactly one name ends with it.
func (a *Attendance) fullName(s string) string {
	s = cleanName(s)
	if s == "" {
		return ""
	}
	var found string
	all := append(append(append([]string{a.Chair}, a.Present...), a.InAttendance...), a.Apologies...)
	for _, n := range all {
		if n == "" {
			continue
		}
		if strings.EqualFold(n, s) {
			return n
		}
		if strings.HasSuffix(strings.ToLower(n), " "+strings.ToLower(s)) {
			if found != "" && found != n {
				return s
			}
			found = n
		}
	}
	if found != "" {
		return found
	}
	return s
}

// untilSentenceEnd cuts s at the first full stop that ends a sentence, not
// one after an initial ("T. Gilligan") or a title ("Mr.").
func untilSentenceEnd(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		w := lastWord(s[:i])
		if len(w) == 1 || reHonorific.MatchString(w+" ") {
			continue
		}
		return s[:i]
	}
	return s
}

// splitNameSentences splits s into sentences at full stops that end one
// (not after an initial or a title).
func splitNameSentences(s string) []string {
	var out []string
	for {
		head := untilSentenceEnd(s)
		if len(head) >= len(s) {
			break
		}
		out = append(out, head)
		s = strings.TrimSpace(s[len(head)+1:])
		if len(out) > 20 {
			break
		}
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// camelName reports whether w is a name that starts in lower case but
// carries a capital soon after: "deHaan", "van't", "d'Arcy".
func camelName(w string) bool {
	for i, r := range w {
		if i > 4 {
			break
		}
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
