package minutes

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 4: attendance. Labels ("Present:", "Apologies", "In attendance
// (Councillors):") switch a state; the names after a label, on its line or
// the lines below, go to that role. Two-column PDF layouts, where a label
// and its names come out on separate lines, read the same way.

type role int

var roleNames = [...]string{roleNone: "none", roleChair: "chair", rolePresent: "present", roleInAttendance: "in attendance",
	roleApologies: "apologies", roleAbsent: "absent", roleSubstitutes: "substitutes"}

// String names the role, for the trace.
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
	`|(?P<present>(?:deputy|vice)[- ]chair(?:man|person|woman)?|those\s+attending|record\s+of\s+attendance|attendance\s+record|sederunt|(?:council|board|committee|commission|panel|trustees|directors)\s+present|(?:elected|appointed|ordinary|full|voting)\s+members?(?:\s+present)?|(?:committee|board|panel|co-opted|voting|independent|cabinet|statutory)\s+members?(?:\s+(?:present|in\s+attendance))?|those\s+present(?:\s+were)?|(?:members?|councillors?|council\s+members?)(?:\s+(?:present|in\s+attendance))?|present|roll\s+call(?:\s*:\s*present)?|attendance|councillors)` +
	`)(?:\s*\([^)]{0,40}\))?(?:\s+(?:via|by|at)\s+[^:]{1,40})?\s*(?::-?|-|–)\s*(.*)$`)

// Labels without a colon, alone on their line ("Present", "Apologies").
var reBareLabel = regexp.MustCompile(`(?i)^(present|apologies(?:\s+for\s+absence)?|absent|in\s+attendance|also\s+present|officers\s+present|members\s+present|councillors\s+present|roll\s+call|sederunt)$`)

var (
	reHonorific      = regexp.MustCompile(`(?i)^(?:(?:the\s+)?(?:deputy\s+)?(?:lord\s+)?mayor|(?:county|district|borough|parish|town|city|community)\s+(?:councillors?|c(?:ll|li|il|l1|1l)rs?\.?)|councillors?|c(?:ll|li|il|l1|1l)rs?\.?|crs?\.?|mr\.?|mrs\.?|ms\.?|miss|mx\.?|dr\.?|doctor|rev(?:erend|d)?\.?|the|professor|prof\.?|sir|dame|lord|lady|alderman|aldermen|council\s*members?|councilmembers?|commissioners?|father|fr\.?|canon|hon\.?|honourable|senator|minister|deputy|supervisors?|trustees?|directors?|cyng(?:horydd|horwyr)?\.?(?:\s*/)?|vice[- ]mayor|reeve|deputy\s+reeve|her\s+worship|his\s+worship|sgt\.?|sergeant|insp\.?|inspector|chief\s+inspector|supt\.?|superintendent|chief\s+superintendent|pc|const\.?|constable|pcso)\s+`)
	rePostNom        = regexp.MustCompile(`(?:,?\s+(?:MBE|OBE|CBE|JP|MP|TD|MEP|DL|BEM|QC|KC|MLA|MSP|MS|FRICS|PhD))+$`)
	reParen          = regexp.MustCompile(`\s*\(([^)]*)\)`)
	reNotName        = regexp.MustCompile(`(?i)^(?:there\b|this\b|these\b|it\b|all\b|none|nil|n/a|no\s+apologies|none\s+received|no\s+one|for\s+minute|for\s+item|apologies|members|officers|councillors|present|the\s+meeting|all\s+members|as\s+follows|see\s+)`)
	reNameSplit      = regexp.MustCompile(`\s*(?:,|;|\s+and\s+|\s+&\s+)\s*`)
	reApolSent       = regexp.MustCompile(`(?i)\bapolog(?:y|ies)\b(?:[^.]{0,80}?\s)?(?:from|of|on\s+behalf\s+of)\s+`)
	reApolSent2      = regexp.MustCompile(`(?i)^(?:apologies\s+(?:for\s+absence\s+)?(?:from|received\s+from)|apologies:?)\s+([^.]+)`)
	reSubSent        = regexp.MustCompile(`(?:(?i:cllr|councillor|cr|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})\s+(?i:(?:attended|was\s+present|sat)(?:\s+the\s+meeting)?\s+as\s+(?:a\s+)?(?:substitute|reserve)\s+(?:member\s+)?for|substituted\s+for|was\s+substituting\s+for|substituting\s+for|deputised\s+for)\s+(?:(?i:cllr|councillor|cr|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})`)
	reSubSent2       = regexp.MustCompile(`(?:(?i:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3}),?\s+(?i:who\s+was\s+substituted\s+by)\s+(?:(?i:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?((?:[A-Z]\.|[A-Z][\w'’-]+)(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})`)
	reSubParen       = regexp.MustCompile(`(?i)^(.+?)\s*\((?:(?:as\s+)?(?:substitute|reserve|sub)\s+(?:member\s+)?)?for\s+([^)]+)\)`)
	reDigits         = regexp.MustCompile(`\d`)
	reChairAfter     = regexp.MustCompile(`(?i),\s*(presiding|in\s+the\s+chair|cathaoirleach|chair(?:man|person)?)\b`)
	reAttendanceItem = regexp.MustCompile(`(?i)\b(attendance|attending|attendees|present|roll\s+call|apologies|sederunt)\b`)
	rePostNomOnly    = regexp.MustCompile(`^(?:MBE|OBE|CBE|JP|MP|TD|T\.D\.|MEP|DL|BEM|QC|KC|MLA|MSP|FRICS|PhD|BL|MCC)$`)
	reNoteIsName     = regexp.MustCompile(`^(?:Mr|Ms|Mrs|Miss|Mx|Dr|Cllr|Councillor|Cr|Supt|Sgt|Insp|Rev|Revd|Prof|Sir|Dame|Canon|Father|Fr)\.?\s+[A-Z]`)
	reOtherLabel     = regexp.MustCompile(`^[A-Z][\w ]{2,30}:\s+(.+)$`)
	reRelClause      = regexp.MustCompile(`\s+(?:who|whose|which|was|were|has|had|is|are|be|been|being|tabled|accepted|received|noted|sent)\b.*$`)
	reApolPrefix     = regexp.MustCompile(`(?i)^.{0,80}?\bapologies\s+(?:for\s+absence\s+)?(?:(?:were|had\s+been|have\s+been)\s+\w+\s+)?(?:from|of)\s+`)
	reColumnGap      = regexp.MustCompile(`\s{3,}`)
	// "The Chair (Councillor Ines Marlow)", "His Worship the Mayor (Cllr
	// Don Pell)": an office and its holder, opening a members' list.
	reOfficeHolderLine = regexp.MustCompile(`^(?:His\s+Worship\s+|Her\s+Worship\s+)?(?:[Tt]he\s+)?(?:Lord\s+|Deputy\s+|Vice[- ])?(?:Mayor|Chair(?:man|person|woman)?|Provost|Cathaoirleach|President|Leader(?:\s+of\s+the\s+Council)?|Civic\s+Head)(?:\s+of\s+the\s+Council)?\s*\((?:Councillor|Cllr\.?|Cr\.?)\s+[A-Z]`)
	reInlineLabel      = regexp.MustCompile(`(?:^|[\s,;])((?:Present|PRESENT|Apologies|APOLOGIES|Absent|ABSENT|Also\s+[Pp]resent|In\s+[Aa]ttendance|IN\s+ATTENDANCE|Officers|Staff|Board\s+[Mm]embers|Committee\s+[Mm]embers|Council\s+[Mm]embers|Regrets)(?:\s+[a-z]+){0,3}\s*:)`)
	reNameStatus       = regexp.MustCompile(`(?i)^([^,;:–—]{3,60}?)\s*(?:[–—:]|\s-)\s*(present|absent|excused|remote|virtual|apologies|late|in person)\.?$`)
	reCollarNo         = regexp.MustCompile(`^((?i:pc|pcso|sgt|ps|dc|ds|insp|const\.?|constable|sergeant|officer))\s+\d{2,6}\s+`)
	reApolAs           = regexp.MustCompile(`(?i)\s(?:(?:is|be|was|were|are|been)\s+(?:tabled|noted|received|accepted|recorded|sent|given)\s+as\s+(?:an?\s+)?apolog|(?:(?:had|has|have)\s+)?(?:sent|tendered|offered|submitted|forwarded|given|sends)\s+(?:his|her|their|an?)\s+apolog)`)
	reGapLabel         = regexp.MustCompile(`^\s*(\S[^:]{0,30}?)\s{3,}(\S.*)$`)
	reNarrates         = regexp.MustCompile(`(?i)\b(?:attended|arrived|left|joined|was|were|substituted|sat|presided|chaired|welcomed|opened|declared|took|called)\b`)
	reMayor            = regexp.MustCompile(`^(?:(?i:the)\s+)?(?:Lord\s+)?(?:Mayor|MAYOR)\s+[A-Z]`)
	reNameDashRole     = regexp.MustCompile(`^([^,–]{3,60}?)\s+[–—-]\s+([A-Z].*)$`)
	reRoleSuffix       = regexp.MustCompile(`\s+[-–—]\s+.*$`)
)

// nameParticles are the lower-case words that belong inside names.
var nameParticles = map[string]bool{"ap": true, "ab": true, "de": true, "la": true, "le": true, "du": true, "di": true, "del": true,
	"della": true, "van": true, "von": true, "der": true, "den": true, "da": true, "dos": true, "bin": true, "bint": true, "ni": true,
	"nic": true, "mac": true, "y": true, "and": true, "te": true, "ter": true, "ten": true, "des": true, "al": true, "el": true,
	"ibn": true, "an": true, "dei": true, "degli": true, "vom": true, "zu": true, "zum": true, "af": true, "av": true}

// cleanName strips honorifics, post-nominals and notes from a name.
// It returns "" when what is left is not a name.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " .,;:–-•"))
	if strings.IndexByte(s, ' ') > 0 && reDigits.MatchString(s) {
		s = reCollarNo.ReplaceAllString(s, "$1 ") // "PC 1234 F Ford"
	}
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
	notName := 0
	for _, w := range words {
		if w == "of" || w == "at" || w == "the" || w == "for" || strings.HasSuffix(w, ":") {
			return "" // a role ("Clerk of the Council"), not a name
		}
		if !startsUpper(w) && !nameParticles[w] && !camelName(w) {
			return ""
		}
		if notNameWord(w) {
			notName++
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return "" // "The Mayor's Chaplain", "Mayor's Cadets"
		}
		switch strings.ToLower(w) {
		case "minutes", "agenda", "resolved", "apologies", "meeting", "items":
			return "" // a heading run into the list
		}
	}
	if len(words) == 1 && (memberTitles[strings.ToLower(strings.TrimSuffix(s, "s"))] || reHonorific.MatchString(s+" ")) {
		return "" // "Trustees", "Councillors": a title with no name
	}
	lastLow := strings.ToLower(words[len(words)-1])
	if len(words) >= 2 && notName >= len(words)-1 && (roleNouns[lastLow] || memberTitles[lastLow] || officerTitles[lastLow]) {
		return "" // "Enforcement Team Leader": an office's words
	}
	if notName == len(words) || institutionWords[lastLow] {
		return "" // "Economic Development", "County Council": a body or a role's words
	}
	return s
}

// readAttendance reads who attended: the label blocks of the header, the
// attendance items among the first items ("Apologies", "Roll call"), the
// sentences that report apologies, substitutions and who took the chair,
// and, when the header names no one, an attendance section at the foot of
// the minutes.
func readAttendance(m *Meeting, header []line, items []*rawItem) {
	r := &attReader{m: m, a: &m.Attendance, items: items, perList: map[int]int{}, offices: map[int]bool{}}
	next := func(k int) *rawItem {
		if k < len(items) {
			return items[k]
		}
		return nil
	}
	r.blocks(withTakenList(header, next(0)))
	// The attendance may sit in an item of its own ("Record of
	// attendance", "Roll call"): its title works as a label.
	for k, it := range items {
		if k > 3 {
			break
		}
		if reAttendanceItem.MatchString(it.title) {
			label := line{Text: lastPart(it.title) + ":"}
			r.blocks(append([]line{{}, label}, withTakenList(it.lines, next(k+1))...))
		} else if hasAttendanceLabel(it.lines) {
			r.blocks(withTakenList(it.lines, next(k+1))) // "Roll Call:" inside the call to order
		}
	}
	r.sentences(header, items)
	if len(r.a.Present) == 0 || len(r.a.Present) == 1 && r.a.Present[0] == r.a.Chair {
		r.footer(items) // nothing but the chair's name above the items
	}
	r.finish()
}

// attReader is the attendance state machine. Its state is the role of the
// block being read: a label sets it, and the lines after the label are
// that role's names until the block ends (another label, running text).
// A block's lines are read as one list when it ends, so that names
// wrapped over lines come out whole.
type attReader struct {
	m     *Meeting
	a     *Attendance
	role  role
	block []string
	// queue holds the roles of labels printed in a row with no names
	// ("Present:" / "Apologies:" / "In attendance:" and then three lists,
	// as two-column PDFs come out): each later list takes the next role.
	queue   []role
	perLine bool   // the queued lists come one a line
	mayor   string // a mayor listed as present
	// first is the first person a present list names, and firstCivic is
	// set when they hold a civic office: they chair when no one else is
	// named.
	first       string
	firstCivic  bool
	firstDeputy bool   // the first is a deputy ("(Deputy Mayor)"): no one is taken for the chair
	chair       string // "Cllr K. Dando took the Chair"
	// members is set while the block's label says its names are members
	// ("Board members present:", "Councillors:"): then a role after a
	// name ("– Director of Public Health") does not make them an officer.
	members bool
	// unpaired holds the name lines still waiting for their initials, and
	// pairs the name lines that got them: a table of names and initials
	// comes out of a PDF as a run of names and then a run of initials
	// ("Rob Boyd" … "Paul Wheelhouse", then "RB" … "PWh"), or one line
	// each by turns.
	unpaired []string
	pairs    []initialsPair
	// roleColumn is set when the list's heading gives a role column
	// ("Organisation / Role"): a row's cells after the name are notes.
	// lastCols are where the last row's cells start, so that a cell
	// wrapped onto the next line is known.
	roleColumn bool
	lastCols   []int
	// listNo counts the lists read (each label starts one); perList
	// counts the people each present list placed, and others holds
	// the councillors of other councils placed there for now: they are in
	// attendance unless most of their list are such (a joint committee's
	// members, each from their own council) or they move motions.
	listNo  int
	perList map[int]int
	others  []placed
	// demoted holds the people a present list gives an officer's title
	// ("Clerk Nancy Hollis"): in attendance, unless they move, second or
	// vote on motions as members do.
	demoted []string
	// bearers are the treasurers and secretaries among the demoted, and
	// offices the lists that give members their offices ("(Chair)",
	// "(Vice Chair)"): there a treasurer is a member too.
	bearers []placed
	offices map[int]bool
	items   []*rawItem
}

// placed is a person a list placed for now, and the list.
type placed struct {
	name string
	list int
}

// initialsPair is a person's line in an attendance list and the initials
// the list gives them.
type initialsPair struct{ line, initials string }

// blocks reads label blocks from lines.
func (r *attReader) blocks(lines []line) {
	r.role, r.queue, r.roleColumn, r.lastCols, r.perLine = roleNone, nil, false, nil, false
	pending, carry := "", ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.Text
		// A title or an initial left alone on its line, the rest of the
		// name on the next: "Cr" / "K Price – NCC", "L" / "Young – WDC".
		if carry != "" && t != "" {
			t = carry + " " + t
			if l.Raw != "" {
				l.Raw = carry + " " + strings.TrimLeft(l.Raw, " ")
			}
			carry = ""
		}
		if r.role != roleNone && i+1 < len(lines) && lines[i+1].Text != "" && loneNameStart(t) {
			carry = t
			continue
		}
		if t == "" {
			if len(r.queue) > 0 && len(r.block) > 0 {
				r.flush()
				r.role, r.queue = r.queue[0], r.queue[1:]
			}
			continue
		}
		// A label broken over two lines: "Apologies" / "received:".
		if pending != "" {
			t = pending + " " + t
			pending = ""
		}
		if strings.Contains(t, "|") {
			// "Also present: | Dr Omar Hale | Director of Public Health":
			// the rows below give a name and a role too.
			if cs, _ := cells(t); len(cs) == 3 && strings.HasSuffix(cs[0], ":") && isRoleCell(cs[2]) && !isRoleCell(cs[1]) {
				r.roleColumn = true
			}
		}
		t = unpipe(t)
		// A table of attendees, one a row: "Name | Role | Attendance".
		if strings.Contains(l.Raw, "|") || strings.Contains(l.Raw, "   ") {
			if end, ok := r.attendeeTable(lines[i:]); ok {
				r.flush()
				i += end
				r.role, r.queue = roleNone, nil
				continue
			}
		}
		// A label set off by spaces in layout text: "Chairperson    Cr X".
		// Labels side by side over their columns: "Present:        In
		// attendance:", then "Cllr D Yeo (Chair)     J Crane (Clerk)".
		if end, ok := r.labelColumns(lines, i); ok {
			r.flush()
			i = end
			r.role, r.queue = roleNone, nil
			continue
		}
		if _, heading := groupHeading(l.Raw, t); l.Raw != "" && !heading {
			if mm := reGapLabel.FindStringSubmatch(l.Raw); mm != nil {
				if lrl, _, ok := matchLabel(mm[1] + ":"); ok {
					// "Councillors     Laoise Moran     Present": a label
					// cell, then a name and its status.
					if cs := reColumnGap.Split(strings.TrimSpace(mm[2]), -1); len(cs) >= 2 {
						if st, ok := attendanceStatus(cs[len(cs)-1]); ok && readEntry(cs[0]).name != "" {
							r.flush()
							r.role, r.queue = lrl, nil
							r.listNo++
							r.entry(st, cs[0])
							continue
						}
					}
					t = mm[1] + ": " + mm[2]
				}
			}
		}
		tok := l.tk()
		lr, rest, isLabel := tok.Label, tok.LabelRest, tok.IsLabel
		if t != l.Text {
			lr, rest, isLabel = matchLabel(t)
		}
		// A numbered label in the header: "1. Those Attending: Cllr J
		// Lowe (Chairman), …".
		if !isLabel && tok.Kind == tokHeading && tok.Rest != "" {
			if r2, rest2, ok := matchLabel(tok.Rest); ok && rest2 != "" {
				lr, rest, isLabel, t = r2, rest2, true, tok.Rest
			}
		}
		if isLabel && len(r.block) > 0 {
			if prev := r.block[len(r.block)-1]; strings.LastIndexByte(prev, '(') > strings.LastIndexByte(prev, ')') {
				isLabel = false // "(Area Education" / "Officer – West Kent)": a note goes on
			}
		}
		if isLabel {
			r.flush()
			if l.No > 0 {
				r.m.trace.note(l.No, "attendance label: %s", lr)
			}
			r.role, r.queue = lr, nil
			r.listNo++
			r.members = labelNamesMembers(t[:len(t)-len(rest)])
			if rest != "" && loneNameStart(rest) && i+1 < len(lines) && lines[i+1].Text != "" {
				carry = rest // "In Attendance:   J" / "Palmer – CE"
			} else if rest != "" {
				r.block = append(r.block, rest)
			} else if run, last := labelRun(lines, i); len(run) > 1 {
				r.role, r.queue = run[0], run[1:]
				r.perLine = labelRunLines(lines, last, len(run))
				i = last
			}
			continue
		}
		if i+1 < len(lines) && len(strings.Fields(t)) <= 3 && !strings.Contains(t, ":") && strings.HasSuffix(lines[i+1].Text, ":") && len(strings.Fields(lines[i+1].Text)) <= 3 {
			if _, _, ok := matchLabel(t + " " + lines[i+1].Text); ok {
				pending = t
				continue
			}
		}
		// A table printed one cell a line: "Attendee Name" / "Karen
		// Benker" / … / "Title" / … / "Status" / "Present" / ….
		if end, ok := r.cellTable(lines, i); ok {
			r.flush()
			i = end
			r.role, r.queue = roleNone, nil
			continue
		}
		// A heading over a group of people, with no colon: "BOARD OF
		// DIRECTORS", "MANAGEMENT AND STAFF", "Other Attendees", "Board
		// Members     Organisation / Role".
		g, ok := groupHeading(l.Raw, t)
		if ok {
			if title := rosterAbove(lines, i); title > 0 {
				// The body's roster in a letterhead: read on from the
				// minutes' title.
				r.flush()
				r.role, r.queue = roleNone, nil
				i = title - 1
				continue
			}
		}
		if ok && nextIsName(lines, i) {
			r.flush()
			if l.No > 0 {
				r.m.trace.note(l.No, "attendance heading: %s", g.role)
			}
			r.role, r.queue, r.members, r.roleColumn = g.role, nil, g.members, g.roleColumn
			r.listNo++
			continue
		}
		if r.role == roleNone {
			// "Staff and visitors present: …": a label we do not know
			// whose words say it lists people.
			if i := strings.IndexByte(t, ':'); (l.No > 0 || !strings.Contains(t, "/")) && i > 0 && i < 40 && len(strings.Fields(t[:i])) <= 5 && hasAny(strings.ToLower(t[:i]), "present", "attendance", "attending", "apolog", "absent", "staff", "visitors", "officers", "officials", "councillors", "members") && !motionLabel(t[:i]) {
				r.role = guessRole(t[:i], rolePresent)
				r.members = labelNamesMembers(t[:i])
				r.listNo++
				if rest := strings.TrimSpace(t[i+1:]); rest != "" {
					r.block = append(r.block, rest)
				}
				continue
			}
			// "The Chair (Councillor Ines Marlow) (presiding) …": an
			// office-holder line opens the members' list with no label.
			if reOfficeHolderLine.MatchString(t) {
				r.role = rolePresent
				r.listNo++
			} else {
				continue
			}
		}
		if len(t) > 300 {
			continue
		}
		// A row's role cell wrapped onto a line of its own, under the
		// role column: "                    Resources".
		if r.lastCols != nil && continuesCell(l.Raw, r.lastCols) {
			continue
		}
		r.lastCols = nil
		// The rest of the last row after a dash: "– NCC".
		if strings.HasPrefix(t, "– ") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "— ") {
			if n := len(r.block); n > 0 {
				r.block[n-1] += " " + t
			}
			continue
		}
		// A heading in capitals that names no one ends the list:
		// "AGENDA ITEMS", "CALL TO ORDER".
		if strings.ToUpper(t) == t && len(t) >= 4 && !strings.ContainsAny(t, ",;()") && len(strings.Fields(t)) <= 5 && allHeadingWords(t) {
			r.flush()
			r.role, r.queue = roleNone, nil
			continue
		}
		// A column of initials beside the names: each goes with the
		// oldest name still without its initials.
		if initialsLine(t) {
			if len(r.unpaired) > 0 {
				r.pairs = append(r.pairs, initialsPair{r.unpaired[0], t})
				r.unpaired = r.unpaired[1:]
			}
			continue
		}
		// A sentence ends the list: "The Meeting was Chaired by Kenny
		// Combe." (the sentence readers read it).
		if narrativeLine(t) && (len(r.block) == 0 || endsSentence(r.block[len(r.block)-1]) || startsProse(t) || labelWordStart(t) || ownSubject(t)) {
			r.flush()
			r.role, r.queue = roleNone, nil
			continue
		}
		// A label we do not know ("OIREACHTAS MEMBERS :", "Parish
		// representatives:") ends the block before it; its names take the
		// role its words suggest, or stay with the current one.
		if strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 4 {
			r.flush()
			if motionLabel(strings.TrimSuffix(t, ":")) {
				r.role, r.queue = roleNone, nil
				continue
			}
			r.role = guessRole(strings.TrimSuffix(t, ":"), r.role)
			r.listNo++
			continue
		}
		if isProse(t) || len(r.block) > 0 && endsSentence(r.block[len(r.block)-1]) && startsProse(t) {
			r.flush()
			r.role, r.queue = roleNone, nil // the attendance block has ended
			continue
		}
		// An unknown label before names ("Parish representatives: Mrs
		// Jennifer Lumb"): the label's words may say the role.
		if mm := reOtherLabel.FindStringSubmatch(t); mm != nil {
			r.flush()
			if motionLabel(t[:strings.IndexByte(t, ':')]) {
				r.role, r.queue = roleNone, nil // "Moved: Cr Veitch": a motion, not a list
				continue
			}
			r.role = guessRole(t[:strings.IndexByte(t, ':')], r.role)
			r.listNo++
			r.block = append(r.block, mm[1])
			continue
		}
		// "Councillor Priya Raman – Chair, Cabinet Member for …": one
		// person a line, their role after the dash.
		// A roll call: "Commissioner Diaz – present", "Chair Grant: absent".
		if mm := reNameStatus.FindStringSubmatch(t); mm != nil && readEntry(mm[1]).name != "" {
			if st, ok := attendanceStatus(mm[2]); ok {
				r.flush()
				r.entry(st, mm[1])
				continue
			}
		}
		if mm := reNameDashRole.FindStringSubmatch(t); mm != nil && len(rowCells(l.Raw, t)) < 2 {
			if cleanName(mm[1]) != "" {
				r.flush()
				r.add(r.role, mm[1]+" ("+strings.NewReplacer("(", " ", ")", " ").Replace(mm[2])+")")
				continue
			}
			if isRolePhrase(mm[1]) && personShaped(mm[2]) {
				// The office, then the name: "Head of Planning – Dan Evans".
				r.flush()
				r.add(r.role, mm[2]+" ("+strings.NewReplacer("(", " ", ")", " ").Replace(mm[1])+")")
				continue
			}
		}
		// A row of cells: a name and its role or initials ("Petra Vane
		// (PV)     Vice-Chair"), or names side by side ("Farida Begum
		// Gareth Lowe").
		if cs := rowCells(l.Raw, t); len(cs) >= 2 {
			r.flush()
			r.lastCols = cellStarts(l.Raw)
			// A status in the last cell: "Laoise Moran     Present",
			// "Councillors     Dara Kenny     Absent".
			if st, ok := attendanceStatus(cs[len(cs)-1]); ok {
				var name string
				var notes []string
				for _, c := range cs[:len(cs)-1] {
					switch {
					case name == "" && readEntry(c).name != "" && !isRoleCell(c):
						name = c
					case name != "":
						notes = append(notes, c)
					}
				}
				if name != "" {
					if len(notes) > 0 {
						name += " (" + flattenNote(strings.Join(notes, ", ")) + ")"
					}
					r.entry(st, name)
					continue
				}
			}
			// A name wrapped in its cell: "Mrs Gea Blythe (substitute
			// for" / "Ms Ola Ade)".
			if strings.LastIndexByte(cs[0], '(') > strings.LastIndexByte(cs[0], ')') && i+1 < len(lines) {
				if next := lines[i+1]; next.Text != "" && strings.Contains(next.Text, ")") && !reColumnGap.MatchString(strings.TrimSpace(next.Raw)) {
					cs[0] += " " + next.Text
					i++
				}
			}
			if note := cellNotes(cs[1:]); (note != "" || r.roleColumn) && readEntry(cs[0]).name != "" {
				r.add(r.role, cs[0]+" ("+flattenNote(strings.Join(cs[1:], ", "))+")")
			} else {
				r.add(r.role, strings.Join(cs, ", "))
			}
			continue
		}
		r.block = append(r.block, t)
		r.awaitInitials(t)
		if r.perLine && len(r.queue) > 0 {
			r.flush()
			r.role, r.queue = r.queue[0], r.queue[1:]
		}
	}
	r.flush()
	r.role, r.queue = roleNone, nil
}

// awaitInitials notes a list line that names one person, so that a column
// of initials printed after it can be paired with it; a line that carries
// its initials already ("Jim Fullarton (SBC) JF") is paired at once.
func (r *attReader) awaitInitials(t string) {
	outside := collapseSpaces(reParen.ReplaceAllString(t, " "))
	if strings.ContainsAny(outside, ",;") || strings.Contains(outside, " and ") || len(strings.Fields(outside)) < 2 {
		return
	}
	if w := strings.Fields(outside); len(w) >= 3 && isInitials(w[len(w)-1]) && strings.ToUpper(w[len(w)-1]) == w[len(w)-1] {
		r.pairs = append(r.pairs, initialsPair{t, w[len(w)-1]})
		return
	}
	r.unpaired = append(r.unpaired, t)
}

// initialsLine reports whether a line holds only a person's initials, as
// a table's initials column prints them: "RB", "PWh", "J.K.", or an OCR'd
// "/R" with a letter lost.
func initialsLine(t string) bool {
	if strings.Contains(t, " ") || len(t) < 2 || len(t) > 5 {
		return false
	}
	if isInitials(t) {
		return true
	}
	caps, junk := 0, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= 'A' && c <= 'Z':
			caps++
		case c == '/' || c == '|' || c == '?':
			junk++
		default:
			return false
		}
	}
	return caps >= 1 && junk >= 1 && caps+junk <= 4
}

// narrativeLine reports whether a line under an attendance label is a
// sentence about the meeting rather than names: "The Meeting was Chaired
// by Kenny Combe.", "Cllr Dunn arrived at 7.40 pm."
func narrativeLine(t string) bool {
	outside := reParen.ReplaceAllString(t, " ")
	if strings.Count(outside, ",") >= 2 || len(strings.Fields(outside)) < 4 {
		return false
	}
	return reNarrates.MatchString(outside) && (endsSentence(t) || startsProse(t))
}

// startsProse reports whether a line opens a sentence rather than a name:
// "The Mayor opened …", "Circulated (a) …", "It was …".
func startsProse(t string) bool {
	w := strings.ToLower(firstWord(t))
	switch w {
	case "the", "it", "at", "in", "there", "this", "circulated", "members", "council", "following", "after", "before", "on", "minutes":
		return true
	}
	return false
}

// labelRun finds labels printed in a row with no names after them, their
// lists following in the same order ("Present:" / "Apologies:" / "In
// attendance:" then three blocks of names): it returns the roles and the
// index of the run's last label, or nil when the labels at i are not such
// a run. A label that heads sub-labels ("Present:" over "Chair:" and
// "Councillors:") is not one.
func labelRun(lines []line, i int) ([]role, int) {
	var run []role
	last := i
	seen := map[role]bool{}
	for j := i; j < len(lines) && j < i+12; j++ {
		t := lines[j].tk()
		if t.Kind == tokBlank {
			continue
		}
		if !t.IsLabel || t.LabelRest != "" {
			break
		}
		if t.Label == roleChair || seen[t.Label] {
			return nil, i
		}
		seen[t.Label] = true
		run = append(run, t.Label)
		last = j
	}
	if len(run) < 2 {
		return nil, i
	}
	// As many lists as labels must follow, separated by blank lines, or
	// one a line.
	if labelRunLines(lines, last, len(run)) {
		return run, last
	}
	groups, in := 0, false
	for j := last + 1; j < len(lines); j++ {
		t := lines[j].tk()
		if t.Kind == tokBlank {
			in = false
			continue
		}
		if t.IsLabel || isProse(lines[j].Text) {
			break
		}
		if !in {
			groups++
			in = true
		}
	}
	if groups < len(run) {
		return nil, i
	}
	return run, last
}

// labelRunLines reports whether the lists after a run of labels come one
// a line, with no blank lines between them: "Present:" / "Apologies:" /
// "In attendance:" then "Cllrs Rowe (Chair), Sim, Tait" / "Cllr Ure" /
// "Mrs V. Wade (Clerk)".
func labelRunLines(lines []line, last, n int) bool {
	count := 0
	for j := last + 1; j < len(lines); j++ {
		t := lines[j].tk()
		if t.Kind == tokBlank {
			if count > 0 {
				break
			}
			continue
		}
		if t.IsLabel || isProse(lines[j].Text) {
			break
		}
		first := lines[j].Text
		if k := strings.IndexAny(first, ",;"); k > 0 {
			first = first[:k]
		}
		if readEntry(first).name == "" {
			return false // "Declarations of Interest": a heading, not a list
		}
		count++
	}
	return count == n
}

// labelNamesMembers reports whether a label says its names are members:
// "Board members present", "Councillors", "Co-opted members".
func labelNamesMembers(label string) bool {
	low := strings.ToLower(label)
	return strings.Contains(low, "member") || strings.Contains(low, "councillor") || strings.Contains(low, "director") || strings.Contains(low, "trustee")
}

// guessRole is the role an unknown label's words suggest ("Staff and
// visitors", "Elected Members", "Parish representatives"), or def.
func guessRole(label string, def role) role {
	low := strings.ToLower(label)
	switch {
	case strings.Contains(low, "apolog"):
		return roleApologies
	case strings.Contains(low, "absent"):
		return roleAbsent
	case strings.HasPrefix(low, "("):
		return def // "In attendance" / "(Councillors):": the label goes on
	case strings.Contains(low, "member") || strings.Contains(low, "councillor"):
		if def == roleNone || def == roleChair {
			return rolePresent
		}
		return def
	case isOfficerRole(low) || strings.Contains(low, "visitor") || strings.Contains(low, "attendance"):
		return roleInAttendance
	}
	return def
}

// unpipe reads a flattened table row as text: "| Present: | Cllr A
// Strood (Chair), Cllr B Keast |" → "Present: Cllr A Strood (Chair), Cllr
// B Keast"; "Chair: | Councillor Ivo Penn" → "Chair: Councillor Ivo Penn".
func unpipe(t string) string {
	if !strings.Contains(t, "|") {
		return t
	}
	var cells []string
	for _, c := range strings.Split(t, "|") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return ""
	}
	if strings.HasSuffix(cells[0], ":") {
		return cells[0] + " " + strings.Join(cells[1:], ", ")
	}
	return strings.Join(cells, "   ") // cells, for rowCells
}

// rowCells splits a line laid out in columns (runs of three or more
// spaces in the raw line, or the cells unpipe left) into its cells; nil
// when it is not such a line.
func rowCells(raw, t string) []string {
	src := ""
	switch {
	case strings.Contains(t, "   "):
		src = t
	case raw != "" && reColumnGap.MatchString(strings.TrimSpace(raw)) && !strings.Contains(t, ":"):
		src = strings.TrimSpace(raw)
	default:
		return nil
	}
	var out []string
	for _, c := range reColumnGap.Split(src, -1) {
		if c = collapseSpaces(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// cellNotes joins the cells after a name when they are its role or
// initials ("Vice-Chair", "PV", "Portfolio Holder for Parks and
// Leisure"), and returns "" when they are names of their own.
func cellNotes(cells []string) string {
	for _, c := range cells {
		if !isRoleCell(c) {
			return ""
		}
	}
	return strings.Join(cells, ", ")
}

// isRoleCell reports whether a table cell holds a role or initials rather
// than a name.
func isRoleCell(c string) bool {
	if isInitials(strings.Trim(c, "()")) {
		return true
	}
	if reHonorific.MatchString(c) && personShaped(c) {
		return false // "Cllr Rufus Kane": a person beside a person
	}
	if hasTitle(c, memberTitles) || hasTitle(c, officerTitles) {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(c)) {
		if w == "for" || w == "of" || w == "the" {
			return true
		}
	}
	return false
}

// isInitials reports whether s is a person's initials: "RB", "PWh",
// "J.K.", two to four letters, capitals first.
func isInitials(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 4 || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	caps := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= 'a' && c <= 'z':
		default:
			return false
		}
	}
	return caps >= 2
}

// flush reads the lines of the block being read as one list of its role.
func (r *attReader) flush() {
	if r.role != roleNone && len(r.block) > 0 {
		r.add(r.role, joinBlock(r.block))
	}
	r.block = r.block[:0]
}

// add reads a list of names in role: "Councillors A Brook (Chair), C Frey
// and D Gale", "The Chairman (Councillor Rowan Tate) (presiding)",
// "Director of Service (Mr. K. Lehane)".
func (r *attReader) add(rl role, text string) {
	if strings.ToLower(text) == text && strings.ContainsAny(text, "abcdefghijklmnopqrstuvwxyz") {
		text = titleNames(text) // "cllr tegwen howells in the chair, cllrs gareth bowen"
	}
	text = chairAfterName(text)
	// A block may run into sentences ("… from Councillor Joanna
	// Kirkbride. Councillor Nasreen Akhtar attended as reserve …"): read
	// each sentence, and leave the ones that narrate to the sentence
	// readers.
	if sents := splitNameSentences(text); len(sents) > 1 {
		for _, s := range sents {
			// A sentence may open with a label of its own: "… Liz Moe.
			// Council Members absent: Ned Orr. Staff present: …".
			if srl, rest, ok := sentenceLabel(s); ok {
				rl = srl
				s = rest
			} else if reNarrates.MatchString(s) {
				continue
			}
			r.add(rl, s)
		}
		return
	}
	// A label inside the list: "… & Cllr. S. Gillett Present: Vicky
	// Bright, Clerk", "President Sullivan, Board Members: Cavanaugh, …".
	if loc := reInlineLabel.FindStringSubmatchIndex(text); loc != nil && loc[0] > 0 {
		if lrl, rest, ok := matchLabel(text[loc[2]:]); ok {
			head := strings.TrimRight(strings.TrimSpace(text[:loc[0]]), ",;")
			if lrl == rolePresent && (rl == rolePresent || rl == roleChair) {
				lrl = rl // "Board Members:" goes on with the same list
			}
			r.add(rl, head)
			members := r.members
			r.members = labelNamesMembers(text[loc[2]:loc[3]])
			r.add(lrl, rest)
			r.members = members
			return
		}
	}
	text = reApolPrefix.ReplaceAllString(text, "")
	if rl == roleSubstitutes {
		// "Councillor Sheila Hebblethwaite for Councillor Gerald Pym"
		for _, part := range splitNames(text) {
			if sub, mem, ok := strings.Cut(part, " for "); ok {
				if sub, mem = cleanName(sub), cleanName(mem); sub != "" && mem != "" {
					r.a.Substitutes = appendSub(r.a.Substitutes, mem, sub)
				}
			}
		}
		return
	}
	parts := splitPairedNotes(splitRunOnNames(splitNames(text)))
	if namesInBrackets(parts) {
		// "Director of Service (Mr. K. Lehane), Senior Engineer, Roads
		// and Traffic (Mr. J. Gannon)": the names are in the brackets,
		// and the words between them are the offices. A run of names
		// that starts with a title ("Councillors Ana Brook, Ciaran Frey")
		// is read as names.
		run := false
		for _, part := range parts {
			mm := reParen.FindStringSubmatch(part)
			switch {
			case mm != nil && noteIsName(mm[1], reParen.ReplaceAllString(part, " ")):
				r.entry(rl, part)
				run = false
			case reHonorific.MatchString(strings.TrimSpace(part)) && cleanName(part) != "":
				r.entry(rl, part)
				run = true
			case run:
				r.entry(rl, part)
			}
		}
		return
	}
	for k := 0; k < len(parts); k++ {
		part := parts[k]
		// "Mark Hand, MCC Highways", "Vicky Bright, Clerk": a body or an
		// office after a name, set off by a comma, is a note about them.
		if k+1 < len(parts) && appositionNote(parts[k+1]) && cleanName(part) != "" && !strings.Contains(part, "(") {
			part += " (" + strings.NewReplacer("(", " ", ")", " ").Replace(parts[k+1]) + ")"
			k++
		}
		r.entry(rl, part)
	}
}

// appositionNote reports whether a list part is a body or an office
// that describes the name before it ("MCC Highways", "Clerk", "North
// Star Family Support Project") rather than a person or a standalone
// office ("the Clerk", "3 members of the public").
func appositionNote(p string) bool {
	p = strings.TrimRight(strings.TrimSpace(p), ".")
	if p == "" || reHonorific.MatchString(p) || !startsUpper(p) {
		return false
	}
	if acronymNote(p) && len(firstWord(p)) >= 3 {
		rest := strings.Fields(p)[1:]
		all := true
		for _, w := range rest {
			all = all && notNameWord(w)
		}
		if all {
			return true // "NCC", "XCC Highways"
		}
	}
	switch strings.ToLower(firstWord(p)) {
	case "district", "ward", "division", "precinct", "zone", "area", "region", "riding", "seat":
		return len(strings.Fields(p)) <= 3 // "District G", "Ward 4": the seat they hold
	}
	if cleanName(p) != "" {
		return false
	}
	switch strings.ToLower(firstWord(p)) {
	case "the", "a", "an", "and", "all", "members", "member", "public", "press", "no", "none", "nil":
		return false
	}
	words := strings.Fields(p)
	if len(words) > 6 {
		return false
	}
	return acronymNote(p) || institutionWords[strings.ToLower(words[len(words)-1])] || isOfficerRole(p) || isRolePhrase(p)
}

// splitPairedNotes splits an office held by two people named in one
// bracket: "Senior Engineers (Mr. M. Rook and Mr. L. Bane)" → one entry
// each.
func splitPairedNotes(parts []string) []string {
	var out []string
	for _, p := range parts {
		mm := reParen.FindStringSubmatchIndex(p)
		if mm == nil || !strings.Contains(p[mm[2]:mm[3]], " and ") && !strings.Contains(p[mm[2]:mm[3]], " & ") {
			out = append(out, p)
			continue
		}
		note := p[mm[2]:mm[3]]
		office := strings.TrimSpace(p[:mm[0]] + " " + p[mm[1]:])
		a, b, ok := strings.Cut(strings.Replace(note, " & ", " and ", 1), " and ")
		if !ok || !noteIsName(a, office) || !noteIsName(b, office) {
			out = append(out, p)
			continue
		}
		out = append(out, office+" ("+strings.TrimSpace(a)+")", office+" ("+strings.TrimSpace(b)+")")
	}
	return out
}

// namesInBrackets reports whether a list gives most of its people's names
// in brackets after their offices.
func namesInBrackets(parts []string) bool {
	notes, named := 0, 0
	for _, p := range parts {
		outside := reParen.ReplaceAllString(p, " ")
		for _, mm := range reParen.FindAllStringSubmatch(p, -1) {
			notes++
			if noteIsName(mm[1], outside) {
				named++
			}
		}
	}
	return notes >= 2 && named*2 > notes
}

// noteIsName reports whether a note in brackets is the person's name and
// the words outside it their office: "Development Manager (T. Leverton)",
// "Chief Executive (Nicola Brandt)", "The Mayor (Councillor Jo Penhale)".
// A titled name in brackets always is; a bare one is when what is outside
// is an office rather than a name.
func noteIsName(note, outside string) bool {
	note, outside = strings.TrimSpace(note), collapseSpaces(strings.TrimSpace(outside))
	if reNoteIsName.MatchString(note) {
		return !reNoteIsName.MatchString(outside)
	}
	if !personShaped(note) {
		return false
	}
	return outside != "" && (isRolePhrase(outside) || cleanName(outside) == "" || hasTitle(outside, memberTitles) || hasTitle(outside, officerTitles))
}

// personShaped reports whether s reads as a person's name on its own: two
// to five words, capitalised, none of them an office's or a body's
// ("T. Leverton", "Lorna Quigley", "Kiri Te Awa") — not "Vice-Chair",
// "Cabinet Member", "SBC".
func personShaped(s string) bool {
	if strings.ContainsAny(s, ",;()") {
		return false
	}
	n := cleanName(s)
	if n == "" || n != strings.TrimSpace(s) && !reHonorific.MatchString(s) {
		return false
	}
	words := strings.Fields(n)
	if len(words) < 2 || len(words) > 5 || onlyInitials(n) {
		return false
	}
	if isRolePhrase(n) || hasTitle(n, memberTitles) || hasTitle(n, officerTitles) || isChairRole(n) {
		return false
	}
	for _, w := range words {
		if notNameWord(w) {
			return false
		}
	}
	return true
}

// entry places one person of a list.
func (r *attReader) entry(rl role, part string) {
	a := r.a
	if k := strings.LastIndexByte(part, ')'); k >= 0 {
		part = part[:k+1] + reRelClause.ReplaceAllString(part[k+1:], "") // "Cllr Boyd (no apology received)"
	} else {
		part = reRelClause.ReplaceAllString(part, "")
	}
	if sm := reSubParen.FindStringSubmatch(part); sm != nil {
		if sub, mem := cleanName(sm[1]), cleanName(sm[2]); sub != "" && mem != "" {
			a.Substitutes = appendSub(a.Substitutes, mem, sub)
			a.Present = appendName(a.Present, sub)
			return
		}
	}
	e := readEntry(part)
	if e.name == "" {
		return
	}
	if e.initials != "" {
		a.setInitials(e.initials, e.name)
	}
	member := rl == rolePresent || rl == roleChair
	if member && (e.chair || e.vice) {
		r.offices[r.listNo] = true
	}
	if rl == rolePresent && r.mayor == "" && e.mayor {
		r.mayor = e.name
	}
	if rl == rolePresent && r.first == "" && len(a.Present) == 0 {
		r.first, r.firstCivic, r.firstDeputy = e.name, e.mayor || e.civic, e.deputy
	}
	switch {
	case rl == roleChair || member && e.chair:
		if a.Chair == "" {
			a.Chair = e.name
		}
		a.Present = appendName(a.Present, e.name)
		r.perList[r.listNo]++
	case rl == rolePresent && e.officer && !r.members:
		// An officer listed among those present: the Clerk, a council
		// officer, the police. Members only are present.
		a.InAttendance = appendName(a.InAttendance, e.name)
		r.demoted = append(r.demoted, e.name)
		r.perList[r.listNo]++
		if e.bearer {
			r.bearers = append(r.bearers, placed{e.name, r.listNo})
		}
	case rl == rolePresent && r.otherBody(e):
		// A councillor of another council: in attendance, unless most
		// of the list are (finish decides).
		a.Present = appendName(a.Present, e.name)
		r.perList[r.listNo]++
		r.others = append(r.others, placed{e.name, r.listNo})
	case rl == rolePresent:
		a.Present = appendName(a.Present, e.name)
		r.perList[r.listNo]++
	case rl == roleInAttendance:
		a.InAttendance = appendName(a.InAttendance, e.name)
	case rl == roleApologies:
		a.Apologies = appendName(a.Apologies, e.name)
	case rl == roleAbsent:
		a.Absent = appendName(a.Absent, e.name)
	}
}

// attEntry is one person as a list gives them.
type attEntry struct {
	name    string
	chair   bool // noted as chairing: "(Chair)", "(presiding)", "Chairperson X", "…, Cathaoirleach"
	officer bool // noted with an officer's role: "(Clerk)", "– Head of Planning"
	mayor   bool // "Mayor X"
	civic   bool // noted with a civic office: "(Deputy Mayor)", "Reeve X"
	// body is the other council the entry sits on: "SBC" in "Michael
	// Cook (SBC)", "county" in "County Cllr Webb".
	body     string
	initials string // "PV" in "Petra Vane (PV)"
	// bearer is set for a treasurer or secretary: a member holding the
	// office when the list gives its other members their offices too
	// ("(Chair)", "(Vice Chair)").
	bearer bool
	vice   bool // "(Vice Chair)", "(Deputy Chairman)"
	deputy bool // a deputy's office: "(Deputy Mayor)", "Vice-Chair"
}

var reOfficeFirst = regexp.MustCompile(`^(?i:the\s+)?((?:(?:Council|Board|Committee|Shire|Town|City|Village)\s+)?(?i:(?:deputy|vice)[- ]?)?(?:Chair(?:man|person|woman)?|CHAIR(?:MAN|PERSON|WOMAN)?|Presiding\s+Member|Cathaoirleach|Convenor|Convener|Provost|President|Reeve|Leader))\s+(.+)$`)

// readEntry reads one person's entry in a list, with the notes about
// them: "Rob Boyd (Chair)", "The Vice-Chairman (Councillor Idris Moyle)",
// "Chairperson Aroha Kent", "Cllr P Ames, Cathaoirleach", "Flynn (A)".
func readEntry(part string) attEntry {
	var e attEntry
	part = strings.TrimSpace(part)
	var notes []string
	for _, mm := range reParen.FindAllStringSubmatch(part, -1) {
		notes = append(notes, strings.TrimSpace(mm[1]))
	}
	outside := collapseSpaces(reParen.ReplaceAllString(part, " "))
	// An office before a name in brackets: "The Chairman (Councillor
	// Rowan Tate) (presiding)", "District Manager (Mr. C. Fahy)".
	for k, n := range notes {
		if noteIsName(n, outside) {
			notes = append(append(append([]string{}, notes[:k]...), notes[k+1:]...), outside)
			outside = n
			break
		}
	}
	// An office printed before the name: "Chairperson Aroha Kent",
	// "Deputy Mayor Sam Rua".
	if mm := reOfficeFirst.FindStringSubmatch(outside); mm != nil && cleanName(mm[2]) != "" && startsUpper(mm[2]) {
		notes = append(notes, mm[1])
		outside = mm[2]
	}
	if low := strings.ToLower(outside); strings.HasSuffix(low, " in the chair") || strings.HasSuffix(low, " presiding") {
		k := strings.LastIndex(low, " in the chair")
		if k < 0 {
			k = strings.LastIndex(low, " presiding")
		}
		notes = append(notes, "in the chair")
		outside = strings.TrimSpace(outside[:k])
	}
	if strings.HasSuffix(strings.ToLower(outside), "cathaoirleach") {
		notes = append(notes, "Cathaoirleach")
		outside = strings.TrimSpace(outside[:len(outside)-len("cathaoirleach")])
	}
	// A role after the name and initials, with nothing to set them off:
	// "Oren Pask OP Chair", "Ada Shaw AS Vice Chair".
	outside, tail := splitTrailingRole(outside)
	if tail != "" {
		notes = append(notes, tail)
	}
	// A note after a dash: "Cllr Martin Storey - NCC", "Pauline Angus
	// –Interim Clerk".
	if mm := reDashNote.FindStringSubmatch(outside); mm != nil && cleanName(mm[1]) != "" {
		notes = append(notes, mm[2])
		outside = mm[1]
	} else if mm != nil && isRolePhrase(mm[1]) && personShaped(mm[2]) {
		notes = append(notes, mm[1]) // "Chief Executive – Alan Bright"
		outside = mm[2]
	}
	// A body's acronym before the name: "TAG A Redgrave".
	if w := strings.Fields(outside); len(w) >= 3 && len(w[0]) >= 3 && acronymNote(w[0]) && strings.ToUpper(w[0]) == w[0] && cleanName(strings.Join(w[1:], " ")) != "" && !reHonorific.MatchString(outside) {
		notes = append(notes, w[0])
		outside = strings.Join(w[1:], " ")
	}
	// A councillor of another council: "County Cllr Webb", "District
	// Councillor A Lowe".
	if mm := reBodyPrefix.FindStringSubmatch(outside); mm != nil {
		e.body = strings.ToLower(mm[1])
	} else if mm := rePlaceCllr.FindStringSubmatch(outside); mm != nil && !reHonorific.MatchString(mm[1]+" ") {
		// "Cornwall Cllr Peter Hocking": a councillor of the place's
		// council.
		e.body = strings.ToLower(mm[1])
		outside = strings.TrimSpace(outside[len(mm[1]):])
	}
	e.mayor = reMayor.MatchString(outside)
	if isRolePhrase(outside) && !reHonorific.MatchString(outside) {
		// "Operations Superintendent Dan MacInnis": the office, then the
		// name; "Parks and Open Spaces Manager": an office, no name.
		name, ok := nameAfterRole(outside)
		if !ok {
			return e
		}
		notes = append(notes, strings.TrimSpace(strings.TrimSuffix(outside, name)))
		outside = name
		e.officer = true
	}
	if onlyInitials(outside) {
		return e // "O.P.P.", "RB": initials are not a name
	}
	// "Ben Rudd BR": a member's initials after their name.
	if w := strings.Fields(outside); len(w) >= 3 && isInitials(w[len(w)-1]) && strings.ToUpper(w[len(w)-1]) == w[len(w)-1] {
		outside = strings.Join(w[:len(w)-1], " ")
	}
	name := cleanName(outside)
	if name == "" || memberTitles[strings.ToLower(name)] || officerTitles[strings.ToLower(name)] {
		return e // no name, or an office alone ("the Mayor", "Clerk")
	}
	// "Flynn (A)", "Flynn (R)": a letter that tells two members apart is
	// part of the name.
	for _, n := range notes {
		if len(n) == 1 && n[0] >= 'A' && n[0] <= 'Z' && !strings.Contains(name, " ") {
			name += " (" + n + ")"
		}
	}
	e.name = name
	for _, n := range notes {
		switch {
		case isChairRole(n):
			e.chair = true
		case hasTitle(n, viceChairs):
			e.vice, e.deputy = true, true
		case hasTitle(n, civicOffices):
			e.civic = true
			low := strings.ToLower(n)
			e.deputy = strings.Contains(low, "deputy") || strings.Contains(low, "vice")
		case isOfficerRole(n):
			e.officer = true
			switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(n, "Hon. "), "Hon ")) {
			case "treasurer", "secretary":
				e.bearer = true // an office a member may hold
			}
		case acronymNote(n):
			switch {
			case fitsInitials(n, name):
				e.initials = n // "Petra Vane (PV)"
			case partyNotes[strings.ToLower(n)] || rePostNomOnly.MatchString(n):
			default:
				e.body = n // "Michael Cook (SBC)": a member of another council
			}
		}
	}
	return e
}

var (
	reDashNote   = regexp.MustCompile(`^(.+?)\s[-–—]\s?(\S.*)$`)
	rePlaceCllr  = regexp.MustCompile(`^([A-Z][a-z]{2,})\s+(?:Councillors?|Cllrs?\.?|Crs?\.?)\s+[A-Z]`)
	reBodyPrefix = regexp.MustCompile(`(?i)^(county|district|borough|city|regional|unitary|ward|division|divisional)\s+(?:councillors?|c(?:ll|li|il|l1|1l)rs?\.?|crs?\.?|members?)\s`)
)

// acronymNote reports whether a note is an acronym in capitals: "SBC",
// "NCC", "PV", "MCC Highways" — the initials of a person or a body.
func acronymNote(n string) bool {
	w := strings.Fields(n)
	if len(w) == 0 {
		return false
	}
	a := strings.ReplaceAll(w[0], ".", "")
	if len(a) < 2 || len(a) > 6 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if !(a[i] >= 'A' && a[i] <= 'Z' || i > 0 && a[i] >= 'a' && a[i] <= 'z' && len(w) == 1 && isInitials(a)) {
			return false
		}
	}
	return true
}

// otherBody reports whether an entry is a member of another council
// than the one that met: "(SBC)" after the name, or "County Cllr" before
// it at a community council's meeting (but not at the county's own).
func (r *attReader) otherBody(e attEntry) bool {
	if e.body == "" {
		return false
	}
	own := strings.ToLower(r.m.Council + " " + r.m.Committee)
	switch e.body {
	case "county", "district", "borough", "city", "regional", "unitary":
		return !strings.Contains(own, e.body)
	case "ward", "division", "divisional":
		return true
	}
	return !strings.Contains(own, e.body) // "Cornwall Cllr" at a parish council
}

// onlyInitials reports whether s is initials and nothing else: "RB",
// "O.P.P.", "J. K." — but not "S May".
func onlyInitials(s string) bool {
	words := strings.Fields(strings.ReplaceAll(s, ".", ". "))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		w = strings.TrimRight(w, ".")
		if len(w) > 1 && !isInitials(w) {
			return false
		}
	}
	return true
}

// nameAfterRole finds a person's name after an office: "Technology
// Administrator John-Paul Negrinotti" → "John-Paul Negrinotti".
func nameAfterRole(s string) (string, bool) {
	words := strings.Fields(s)
	last := -1
	for i, w := range words {
		if isRolePhrase(w) {
			last = i
		}
	}
	rest := words[last+1:]
	if last < 0 || len(rest) < 2 || len(rest) > 4 {
		return "", false
	}
	for _, w := range rest {
		if !startsUpper(w) || deptWords[strings.ToLower(w)] {
			return "", false // "Group Manager Asset Management": a department, not a name
		}
	}
	name := strings.Join(rest, " ")
	return name, cleanName(name) != ""
}

var reTrailingRole = regexp.MustCompile(`^(.*?[a-z].*?)(?:\s+[A-Z][A-Za-z]{1,3})?\s+((?:Vice[- ]|Deputy\s+)?(?:Chair(?:man|person|woman)?|Clerk|Treasurer|Secretary|Mayor))$`)

// splitTrailingRole takes a role (and the initials before it) off the end
// of a name: "Oren Pask OP Chair" → "Oren Pask", "Chair".
func splitTrailingRole(s string) (string, string) {
	mm := reTrailingRole.FindStringSubmatch(s)
	if mm == nil || cleanName(mm[1]) == "" || len(strings.Fields(cleanName(mm[1]))) < 2 {
		return s, ""
	}
	return mm[1], mm[2]
}

var rePersonTitle = regexp.MustCompile(`^(?:Cllr\.?|Councillor|Cr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+[A-Z]`)

var reHonorificAt = regexp.MustCompile(`\s(?:Cllr\.?|Councillor|Cr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+[A-Z]`)

// splitRunOnNames splits a list written without separators ("Cllr Oren
// Pask OP Chair Cllr Ada Shaw AS Vice Chair") before each honorific.
func splitRunOnNames(parts []string) []string {
	var out []string
	for _, p := range parts {
		locs := reHonorificAt.FindAllStringIndex(p, -1)
		if len(locs) == 0 || !rePersonTitle.MatchString(p) || strings.Count(p, " ") < 4 {
			out = append(out, p)
			continue
		}
		start := 0
		for _, l := range locs {
			if strings.Count(p[:l[0]], "(") > strings.Count(p[:l[0]], ")") {
				continue // inside a note: "(substitute for Ms Olu Ade)"
			}
			out = append(out, p[start:l[0]])
			start = l[0] + 1
		}
		out = append(out, p[start:])
	}
	return out
}

var (
	// The chair told in the narrative, the person before the words: "Cllr
	// K. Dando took the Chair", "Mayor Ilse Brandt in the chair", "Cr Lee
	// presided", "Committee Chair Buzek called the meeting to order", "Cllr
	// Penn opened the meeting".
	reChairBefore = regexp.MustCompile(`(?i)(?:\s(?:took|assumed|resumed|was\s+in|occupied)\s+the\s+chair\b|[^\s(]\s+in\s+the\s+chair\b|[\w)],?\s+presided\b|\s+called\s+(?:the|this)\s+(?:\S+\s+){0,10}?to\s+order\b|\s+(?:opened|convened)\s+the\s+meeting\b|\s+declared\s+the\s+meeting\s+open\b)`)
	// … and the person after them: "The Meeting was Chaired by John
	// Slater", "called to order at 7:02 pm by Mayor Petra Lind".
	reChairNameAfter = regexp.MustCompile(`(?i)\b(?:chaired\s+by|presided\s+over\s+by|called\s+to\s+order\s+(?:at\s+\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s+)?by)\s+`)
)

// chairInText finds who the narrative says chaired the meeting, or "".
func chairInText(text string) string {
	low := strings.ToLower(text)
	if !hasAny(low, "chaired by", "presid", " the chair", "to order", "opened the meeting", "convened the meeting", "declared the meeting") {
		if strings.Contains(low, "elect") {
			return electedChair(text)
		}
		return ""
	}
	for _, loc := range reChairNameAfter.FindAllStringIndex(text, 4) {
		if n := nameAfter(text[loc[1]:]); n != "" {
			return n
		}
	}
	for _, loc := range reChairBefore.FindAllStringIndex(text, 4) {
		end := loc[0]
		if text[end] != ' ' && text[end] != ',' {
			end++ // the pattern's first character is the name's last
		}
		if n := nameBefore(text[:end]); n != "" {
			return n
		}
	}
	if strings.Contains(low, "elect") {
		return electedChair(text)
	}
	return ""
}

var (
	// "Councillor Richardson be elected Chair", "Cllr X was duly
	// elected Chairman for the year".
	reElectedChair = regexp.MustCompile(`(?i)\s(?:be|was|is|were|being)\s+(?:duly\s+|unanimously\s+|re-?)*(?:elected|appointed|chosen|nominated)\s+(?:as\s+)?(?:to\s+(?:take\s+)?)?(?:the\s+)?(?:new\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|president|convenor|convener)\b`)
	// An item of that name.
	reElectionTitle = regexp.MustCompile(`(?i)^(?:to\s+)?(?:elect(?:ion\s+of)?|appoint(?:ment\s+of)?)\s+(?:the\s+|a\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|convenor|convener)\b(?:\s+for\s+\S+)?$`)
	// "Election of Chairman for 2023/24: Cllr Evans, proposed by …".
	reElectionOf = regexp.MustCompile(`(?i)\belection\s+of\s+(?:the\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|president|convenor|convener)\b(?:\s+for\s+\S+)?\s*(?::|–|-)\s*`)
)

// electedChair finds the chair the meeting elected, who chairs it from
// then on: "RESOLVED that Councillor Richardson be elected Chair",
// "Election of Chairman: Cllr. Ros Crisp was proposed by …". Not the
// chair of another body ("… elected Chair of the Planning Committee").
func electedChair(text string) string {
	for _, loc := range reElectedChair.FindAllStringIndex(text, 3) {
		if strings.HasPrefix(strings.TrimSpace(text[loc[1]:]), "of ") {
			continue
		}
		if n := nameBeforeTitles(text[:loc[0]]); n != "" {
			return n
		}
	}
	for _, loc := range reElectionOf.FindAllStringIndex(text, 3) {
		if n := nameAfterTitles(text[loc[1]:]); n != "" {
			return n
		}
	}
	return ""
}

// chairTitle reports whether w is a word of an office or a title that
// stands before a name ("Chair", "President", "Cllr", "Mayor"), and
// whether that office is an officer's ("Clerk", "Secretary").
func chairTitle(w string) (title, officer bool) {
	low := strings.ToLower(strings.Trim(w, ".,;:"))
	if officerTitles[low] || roleNouns[low] {
		return true, true
	}
	if memberTitles[low] || chairWords[low] || reHonorific.MatchString(low+" ") {
		return true, false
	}
	switch low {
	case "vice", "first", "second", "acting", "committee", "board", "council", "crs", "cllrs", "councillors", "chairman's", "the":
		return true, false
	}
	return false, false
}

// nameBefore reads the person's name that ends s: "… Committee Chair
// Buzek" → "Buzek", "The Chair, Cllr K. Dando," → "K. Dando". It returns
// "" when an officer is named ("Clerk Linda Britton") or no name is there.
func nameBefore(s string) string {
	n, officer := titledNameBefore(s)
	if officer {
		return ""
	}
	return n
}

// nameBeforeTitles is nameBefore for any person, officers too.
func nameBeforeTitles(s string) string {
	n, _ := titledNameBefore(s)
	return n
}

// titledNameBefore reads the name that ends s, and whether an officer's
// title stands before it.
func titledNameBefore(s string) (string, bool) {
	s = strings.TrimRight(s, " ,")
	if strings.HasSuffix(s, ")") {
		if k := strings.LastIndexByte(s, '('); k >= 0 {
			s = s[:k] // "Cllr Maeve Cullinan (Cathaoirleach)"
		}
	}
	words := strings.Fields(s)
	if len(words) > 12 {
		words = words[len(words)-12:]
	}
	var name []string
	officer := false
	for k := len(words) - 1; k >= 0 && len(name) < 5; k-- {
		w := words[k]
		trimmed := strings.TrimRight(w, ",;")
		if trimmed != w && len(name) > 0 {
			break // a comma before the name ends it
		}
		if t, off := chairTitle(trimmed); t {
			officer = off
			break
		}
		if strings.HasSuffix(trimmed, ".") && !isInitials(strings.Trim(trimmed, ".")) && len(strings.Trim(trimmed, ".")) > 1 {
			break // a sentence ended
		}
		if !startsUpper(trimmed) && !nameParticles[trimmed] {
			break
		}
		name = append([]string{trimmed}, name...)
	}
	for len(name) > 0 && nameParticles[name[0]] {
		name = name[1:]
	}
	return cleanName(strings.Join(name, " ")), officer
}

// nameAfter reads the person's name that starts s, after any titles:
// "Mayor Petra Lind at 7 pm" → "Petra Lind"; "" after an officer's
// title.
func nameAfter(s string) string {
	n, officer := titledNameAfter(s)
	if officer {
		return ""
	}
	return n
}

// nameAfterTitles is nameAfter for any person, officers too.
func nameAfterTitles(s string) string {
	n, _ := titledNameAfter(s)
	return n
}

// titledNameAfter reads the name that starts s, and whether an officer's
// title stands before it.
func titledNameAfter(s string) (string, bool) {
	if len(s) > 120 {
		s = s[:120]
	}
	words := strings.Fields(s)
	var name []string
	officer := false
	for k, w := range words {
		if k > 8 {
			break
		}
		trimmed := strings.TrimRight(w, ",;:.")
		if len(name) == 0 {
			if t, off := chairTitle(trimmed); t {
				officer = officer || off
				continue
			}
		}
		if !startsUpper(trimmed) && !(len(name) > 0 && nameParticles[trimmed]) {
			break
		}
		name = append(name, trimmed)
		if trimmed != w && !(strings.HasSuffix(w, ".") && (len(trimmed) == 1 || strings.Contains(trimmed, "."))) {
			break // "…John Slater." / "…Lind,"
		}
		if len(name) == 5 {
			break
		}
	}
	return cleanName(strings.Join(name, " ")), officer
}

// sentences reads what the minutes say in running text: "Apologies were
// received from Mrs C Bell", substitutions, "Cllr K. Dando took the Chair".
func (r *attReader) sentences(header []line, items []*rawItem) {
	a := r.a
	scan := func(text string, early bool) {
		for _, loc := range reApolSent.FindAllStringIndex(text, -1) {
			rest := text[loc[1]:]
			if len(rest) > 300 {
				rest = rest[:300]
			}
			r.add(roleApologies, untilSentenceEnd(rest))
		}
		// "That Dr Roger Maaka is tabled as an apology".
		if strings.Contains(text, " as a") || strings.Contains(text, " apolog") {
			for _, loc := range reApolAs.FindAllStringIndex(text, 4) {
				if n := nameBeforeTitles(text[:loc[0]]); n != "" {
					r.a.Apologies = appendName(r.a.Apologies, n)
				}
			}
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
		if r.chair == "" {
			r.chair = chairInText(text)
		}
		r.presentSentences(text, early)
	}
	scan(joinText(header), true)
	for k, it := range items {
		if k > 4 {
			break
		}
		scan(joinText(it.lines), k < 2 || reAttendanceItem.MatchString(it.title))
		title := strings.ToLower(it.title)
		// An item "Election of Chairman": the one elected chairs.
		if r.chair == "" && reElectionTitle.MatchString(it.title) {
			text := joinText(it.lines)
			if n := electedChair(text); n != "" {
				r.chair = n
			} else if n := nameAfterTitles(text); n != "" && !strings.Contains(strings.ToLower(text), "deferred") {
				r.chair = n
			}
		}
		if strings.Contains(title, "apolog") {
			for _, l := range it.lines {
				if mm := reApolSent2.FindStringSubmatch(l.Text); mm != nil && len(a.Apologies) == 0 {
					r.add(roleApologies, mm[1])
				}
			}
		}
		if strings.Contains(title, "reserve") || strings.Contains(title, "substitut") {
			readSubstituteTable(a, it.lines)
		}
	}
}

// footer reads an attendance section printed after the items, as web
// pages do: a "Present:" paragraph or an "Attendee | Role | Attendance"
// table in the last items' lines.
func (r *attReader) footer(items []*rawItem) {
	for k := len(items) - 1; k >= 0 && k >= len(items)-3; k-- {
		ls := items[k].lines
		for i, l := range ls {
			t := l.tk()
			g, isGroup := groupHeading(l.Raw, l.Text)
			if t.IsLabel && (t.Label == rolePresent || t.Label == roleChair) || isGroup && g.role == rolePresent && nextIsName(ls, i) {
				r.blocks(ls[i:])
				return
			}
			if attendeeTable(ls[i:], r) {
				return
			}
		}
	}
}

// attendeeTable reads an "Attendee | Role | Attendance" table starting at
// ls[0], when there is one.
func attendeeTable(ls []line, r *attReader) bool {
	_, ok := r.attendeeTable(ls)
	return ok
}

// attendeeTable reads an "Attendee | Role | Attendance" table starting at
// ls[0], one person a row, and returns the index of its last row.
func (r *attReader) attendeeTable(ls []line) (int, bool) {
	head := strings.ToLower(unpipe(ls[0].Text))
	if !(strings.Contains(head, "attendee") || strings.HasPrefix(head, "name") || strings.HasPrefix(head, "member")) || !hasAny(head, "attendance", "status", "present") || len(head) > 80 {
		return 0, false
	}
	found, end := false, 0
	for k, l := range ls[1:] {
		if l.Text == "" {
			continue
		}
		cs := rowCells(l.Raw, unpipe(l.Text))
		if len(cs) < 2 {
			break
		}
		end = k + 1
		status := strings.ToLower(cs[len(cs)-1])
		role := strings.Join(cs[1:len(cs)-1], ", ")
		name := cs[0]
		if role != "" {
			name += " (" + role + ")"
		}
		switch {
		case strings.Contains(status, "apolog"):
			r.entry(roleApologies, name)
		case strings.Contains(status, "absent"):
			r.entry(roleAbsent, name)
		case strings.Contains(status, "substitute"):
			r.entry(rolePresent, name)
		case strings.Contains(status, "present") || strings.Contains(status, "attend") || strings.Contains(status, "expected"):
			if strings.Contains(strings.ToLower(role), "officer") || strings.Contains(strings.ToLower(role), "in attendance") || isOfficerRole(role) {
				r.entry(roleInAttendance, name)
			} else {
				r.entry(rolePresent, name)
			}
		default:
			continue
		}
		found = true
	}
	return end, found
}

// finish settles what the lists imply: a substitute sat, so is present;
// the chair is a member present; a mayor chairs when no one else is named.
func (r *attReader) finish() {
	a := r.a
	r.settleOthers()
	for _, p := range r.pairs {
		if !isInitials(p.initials) {
			continue // "/R": initials an OCR damaged
		}
		if e := readEntry(p.line); e.name != "" {
			a.setInitials(p.initials, e.name)
		}
	}
	for _, s := range a.Substitutes {
		a.Present = appendName(a.Present, s.Substitute)
	}
	if a.Chair == "" && r.chair != "" {
		c := r.chair
		if onlyInitials(c) {
			c = a.expandInitials(strings.ReplaceAll(c, ".", "")) // "chaired by JS"
		}
		if !onlyInitials(c) {
			a.Chair = a.fullName(c)
			// "Cllr. P. Harries took the Chair" of a list that has
			// "Peter Harries": the list's name for them.
			for _, n := range a.Present {
				if sameInitialled(strings.ToLower(n), strings.ToLower(a.Chair)) {
					a.Chair = n
					break
				}
			}
		}
	}
	if a.Chair == "" && r.firstDeputy {
		r.mayor = "" // a deputy listed first: the mayor after them may not be chairing
	}
	if a.Chair == "" && r.first != "" && r.firstCivic && !r.firstDeputy {
		// No one is named chair: the civic head listed first presides
		// ("Mayor X, Councillors …", "Cr Ian Sharp (Deputy Mayor), Mayor
		// Alex Walker, …").
		a.Chair = r.first
	}
	if a.Chair == "" && r.mayor != "" {
		a.Chair = r.mayor // the mayor presides over the council
	}
	if a.Chair != "" {
		// The chair is a member present, listed first.
		a.Present = append([]string{a.Chair}, removeName(a.Present, a.Chair)...)
		a.InAttendance = removeName(a.InAttendance, a.Chair)
	}
	a.Present = dropSurnameTwins(a.Present)
	a.InAttendance = dropSurnameTwins(a.InAttendance)
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
	parts := strings.Split(title, " / ")
	if len(parts) > 2 {
		// "Record of Attendance / Apologies / Leave of Absence": several
		// lists under one heading; the first that says who attended
		// heads the names that come before any label.
		for _, p := range parts {
			if rl, _, ok := matchLabel(strings.TrimSpace(p) + ":"); ok && rl == rolePresent {
				return p
			}
		}
	}
	return parts[len(parts)-1]
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
			case endsWithAny(prev, ",;"), continuesName(prev, l), strings.LastIndexByte(prev, '(') > strings.LastIndexByte(prev, ')'):
				b.WriteString(" ")
			case len(prev) > 2 && prev[len(prev)-1] == '.' && prev[len(prev)-2] >= 'a' && prev[len(prev)-2] <= 'z':
				b.WriteString(", ") // a sentence ended: "… and James Scott."
			case !commas, reHonorific.MatchString(l), endsWithAny(prev, ")"), strings.Contains(prev, " – ") || strings.Contains(prev, " - "), isRolePhrase(firstWord(l)), strings.HasPrefix(strings.ToLower(l), "members of the public"):
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

// matchLabel1 is matchLabel for one language's label.
func matchLabel1(t string) (role, string, bool) {
	if reBareLabel.MatchString(t) {
		return labelRole(strings.ToLower(t)), "", true
	}
	if w := ocrLabelWord(t); w != "" {
		return labelRole(w), "", true
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

// labelRole is the role of a bare label ("apologies", "also present").
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

// splitNames cuts a list into its people.
func splitNames(s string) []string {
	// Keep "(Chairman)" notes with their names: split outside brackets,
	// at commas, semicolons, " and " and " & ". A role split at its "and"
	// ("Parks and Open Spaces Manager") is put back together.
	var out []string
	var joins []bool // joins[k]: part k+1 was split from part k at "and"/"&"
	depth, start := 0, 0
	cut := func(end, next int, and bool) {
		out = append(out, strings.TrimSpace(s[start:end]))
		joins = append(joins, and)
		start = next
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')':
			if depth > 0 {
				depth--
			}
			// "D Richardson (Chair) R Healey": a name after a note — not
			// after a nickname ("Charles (Charlie) Lambert").
			if depth == 0 && i+2 < len(s) && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
				open := strings.LastIndexByte(s[:i], '(')
				next := s[i+2:]
				if open >= 0 && (isRoleCell(s[open+1:i]) || isChairRole(s[open+1:i]) || strings.HasPrefix(next, "The ") || reHonorific.MatchString(next) && !strings.HasPrefix(next, "(")) {
					cut(i+1, i+2, false)
				}
			}
		case depth > 0:
		case c == ',' || c == ';':
			cut(i, i+1, false)
		case c == ' ' && strings.HasPrefix(s[i:], " and "):
			cut(i, i+5, true)
			i += 4
		case c == ' ' && strings.HasPrefix(s[i:], " & "):
			cut(i, i+3, true)
			i += 2
		}
	}
	out = append(out, strings.TrimSpace(s[start:]))
	merged := out[:1]
	for k := 1; k < len(out); k++ {
		last := merged[len(merged)-1]
		if joins[k-1] && isRolePhrase(out[k]) && !isRolePhrase(last) && !strings.ContainsAny(last+out[k], "()") && cleanName(last) != "" && !reHonorific.MatchString(last) {
			merged[len(merged)-1] = last + " and " + out[k]
			continue
		}
		// "Scanlan, (Chairperson), Collins": a note set off by a comma.
		if p := strings.TrimSpace(out[k]); strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") && last != "" {
			merged[len(merged)-1] = last + " " + p
			continue
		}
		merged = append(merged, out[k])
	}
	return merged
}

// appendName adds name to list unless it is there (in any case).
func appendName(list []string, name string) []string {
	for _, n := range list {
		if strings.EqualFold(n, name) {
			return list
		}
	}
	return append(list, name)
}

// removeName takes name out of list (in any case).
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

// appendSub adds a substitution unless it is there.
func appendSub(list []Substitution, member, sub string) []Substitution {
	for _, s := range list {
		if strings.EqualFold(s.Member, member) && strings.EqualFold(s.Substitute, sub) {
			return list
		}
	}
	return append(list, Substitution{Member: member, Substitute: sub})
}

// fullName expands a surname ("Marikar") to the full name the attendance
// gives ("Kairul Kareema Marikar"), when exactly one name ends with it. It
// returns the name cleaned of titles, or "" when s is not a name.
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
	// "J. Davies" for "Joseph Davies": one name with those initials (a
	// name given in full stays as it is).
	if strings.Contains(s, " ") && len(strings.Trim(firstWord(s), ".")) == 1 {
		low := strings.ToLower(s)
		for _, n := range all {
			if n != "" && n != found && sameInitialled(strings.ToLower(n), low) {
				if found != "" {
					return s
				}
				found = n
			}
		}
		if found != "" {
			return found
		}
	}
	return s
}

// empty reports whether the attendance names no one.
func (a *Attendance) empty() bool {
	return a.Chair == "" && len(a.Present) == 0 && len(a.InAttendance) == 0 && len(a.Apologies) == 0 && len(a.Absent) == 0
}

// knows reports whether s is a name the attendance lists, in full or as a
// surname.
func (a *Attendance) knows(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, list := range [][]string{{a.Chair}, a.Present, a.InAttendance, a.Apologies, a.Absent} {
		for _, n := range list {
			n = strings.ToLower(n)
			if n != "" && (n == s || strings.HasSuffix(n, " "+s) || sameInitialled(n, s)) {
				return true
			}
		}
	}
	return false
}

// sameInitialled reports whether two lower-case names are one person's,
// one with initials for the other's first names: "l game" and "lesley
// game", "j. k. orme" and "jan orme".
func sameInitialled(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 2 || len(wb) < 2 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	return wa[0][0] == wb[0][0] && (len(strings.Trim(wa[0], ".")) == 1 || len(strings.Trim(wb[0], ".")) == 1)
}

// untilSentenceEnd cuts s at the first full stop that ends a sentence, not
// one after an initial ("T. Gilligan") or a title ("Mr.").
func untilSentenceEnd(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		w := strings.TrimLeft(lastWord(s[:i]), "([")
		if len(w) == 1 || reHonorific.MatchString(w+" ") || isInitials(w) || strings.Count(s[:i], "(") > strings.Count(s[:i], ")") {
			continue // an initial, a title, or inside brackets
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

// expands reports whether fullName makes more of s than s: a surname the
// attendance gives in full.
func (a *Attendance) expands(s string) bool {
	n := a.fullName(s)
	return n != "" && n != s
}

// setInitials records the initials a list gives a person.
func (a *Attendance) setInitials(ini, name string) {
	if a.initials == nil {
		a.initials = map[string]string{}
	}
	if old, ok := a.initials[ini]; ok && old != name {
		a.initials[ini] = "" // two people with the same initials: neither
		return
	}
	a.initials[ini] = name
}

// expandInitials turns initials ("DB", "PWh", "MCa") into the person they
// stand for: the one the attendance list gives them to, or the one person
// present or in attendance whose name they fit.
func (a *Attendance) expandInitials(s string) string {
	// "PO and TB", "LB/MT", "GD & KC": each part its own person.
	if len(s) <= 24 && strings.ContainsAny(s, " /&,") {
		parts := strings.FieldsFunc(strings.ReplaceAll(s, " and ", "/"), func(r rune) bool { return r == '/' || r == '&' || r == ',' || r == ' ' })
		if len(parts) >= 2 {
			var names []string
			for _, p := range parts {
				n := a.expandInitials(p)
				if n == p {
					return s // a part the attendance cannot expand: leave it all
				}
				names = append(names, n)
			}
			return strings.Join(names, " and ")
		}
	}
	if len(s) < 2 || len(s) > 4 || !isInitials(s) || strings.ContainsAny(s, " .") {
		return s
	}
	if n, ok := a.initials[s]; ok {
		if n == "" {
			return s
		}
		return n
	}
	var found string
	for _, n := range append(append([]string{a.Chair}, a.Present...), a.InAttendance...) {
		if n == "" || n == found || !fitsInitials(s, n) {
			continue
		}
		if found != "" {
			return s // two people fit: leave the initials as written
		}
		found = n
	}
	if found != "" {
		return found
	}
	return s
}

// fitsInitials reports whether ini are the initials of name: the first
// letters of its words ("RB" Rob Boyd, "JPS" John Paul Smith), of the
// first and last words ("JS" John Paul Smith), with a hyphenated surname's
// parts ("JNL" J Nicholas-Letch), or a first initial and the surname's
// first letters ("PWh" Paul Wheelhouse, "MCa" Margaret Carey).
func fitsInitials(ini, name string) bool {
	var words []string
	for _, w := range strings.Fields(strings.ReplaceAll(name, ".", ". ")) {
		if w = strings.Trim(w, ".,()"); w != "" && startsUpper(w) {
			words = append(words, w)
		}
	}
	if len(words) < 2 {
		return false
	}
	first := func(w string) string { r, _ := utf8.DecodeRuneInString(w); return string(unicode.ToUpper(r)) }
	var all, hyph strings.Builder
	for _, w := range words {
		all.WriteString(first(w))
		for _, p := range strings.Split(w, "-") {
			if p != "" {
				hyph.WriteString(first(p))
			}
		}
	}
	last := words[len(words)-1]
	cands := []string{all.String(), hyph.String(), first(words[0]) + first(last)}
	if len(ini) >= 3 && ini[len(ini)-1] >= 'a' && ini[len(ini)-1] <= 'z' {
		// "PWh": the capital letters, then the surname's next letters.
		k := strings.IndexFunc(ini, func(r rune) bool { return r >= 'a' && r <= 'z' })
		caps, tail := ini[:k], ini[k:]
		lastRest := strings.ToLower(strings.TrimPrefix(last, last[:1]))
		if len(caps) >= 2 && strings.HasPrefix(lastRest, tail) {
			ini = caps
		} else {
			return false
		}
	}
	for _, c := range cands {
		if c == ini {
			return true
		}
	}
	return false
}

// settleOthers places the people a present list placed for now: the
// councillors of other councils go to in attendance unless most of their
// list are such; those who move, second or vote on motions are members
// whatever their title.
func (r *attReader) settleOthers() {
	a := r.a
	if len(r.others) == 0 && len(r.demoted) == 0 && len(r.bearers) == 0 {
		return
	}
	var movers map[string]bool
	moves := func(name string) bool {
		if movers == nil {
			movers = motionNames(r.items)
		}
		return movers[strings.ToLower(lastWord(name))]
	}
	perList := map[int]int{}
	for _, o := range r.others {
		perList[o.list]++
	}
	for _, o := range r.others {
		if perList[o.list]*2 > r.perList[o.list] || strings.EqualFold(o.name, a.Chair) || moves(o.name) {
			continue
		}
		a.Present = removeName(a.Present, o.name)
		a.InAttendance = appendName(a.InAttendance, o.name)
	}
	for _, b := range r.bearers {
		if r.offices[b.list] {
			a.InAttendance = removeName(a.InAttendance, b.name)
			a.Present = appendName(a.Present, b.name)
		}
	}
	for _, d := range r.demoted {
		if moves(d) && !strings.EqualFold(d, a.Chair) {
			a.InAttendance = removeName(a.InAttendance, d)
			a.Present = appendName(a.Present, d)
		}
	}
}

var (
	// reMover finds who moved, seconded or voted: "Motion by Gary Mantay,
	// second by Janet Keough", "Moved: Cr Veitch", "supported by Treasurer
	// Ostrander", "proposed by Cllr. W. Loynton".
	reMoverAfter = regexp.MustCompile(`(?i)\b(?:moved|proposed|seconded|supported|motion|second|2nd|prop\.?)(?:\s*:\s*|\s+by\s+)`)
	// … "Cllr Evans proposed & Cllr Shewell seconded".
	reMoverBefore = regexp.MustCompile(`\s(?:proposed|seconded|moved)\b`)
	// … and the roll call of votes: "Ayes - Krueger, Hollis, Ostrander".
	reVotes = regexp.MustCompile(`(?i)\b(?:ayes?|yeas?|nays?|noes|voting\s+(?:aye|yes|in\s+favou?r))\s*(?::|-|–)\s*([^.;]{1,200})`)
)

// motionNames gathers the surnames (lower case) of the people the items
// say moved, seconded or voted on motions.
func motionNames(items []*rawItem) map[string]bool {
	out := map[string]bool{}
	addName := func(n string) {
		if n != "" && !onlyInitials(n) {
			out[strings.ToLower(lastWord(n))] = true
		}
	}
	for _, it := range items {
		text := joinText(it.lines)
		low := strings.ToLower(text)
		if !strings.Contains(low, "move") && !strings.Contains(low, "second") && !strings.Contains(low, "propos") && !strings.Contains(low, "motion") && !strings.Contains(low, "aye") && !strings.Contains(low, "yea") && !strings.Contains(low, "support") {
			continue
		}
		for _, loc := range reMoverAfter.FindAllStringIndex(text, -1) {
			addName(nameAfterTitles(text[loc[1]:]))
		}
		for _, loc := range reMoverBefore.FindAllStringIndex(text, -1) {
			addName(nameBeforeTitles(text[:loc[0]]))
		}
		for _, mm := range reVotes.FindAllStringSubmatch(text, -1) {
			for _, p := range splitNames(mm[1]) {
				addName(cleanName(p))
			}
		}
	}
	return out
}

var (
	// "Board members present were supervisors Dick Dillon, …", "Also
	// present were guests …", "Those present were …", "Present were …".
	rePresentSent = regexp.MustCompile(`(?i)(?:^|[.;:]\s+|\b(also|others?|staff|officers?|guests?|visitors?|board\s+members?|members?|directors?|councillors?|commissioners?|trustees?|supervisors?|those)\s+|\b)(?:present|in\s+attendance|attending)\s+(?:were|was|included)\s*:?\s+`)
	// "PCSO Sara Clipperton was present for part of the meeting", "Cllr
	// Dunn was also in attendance".
	reWasPresent = regexp.MustCompile(`\s(?:was|were)\s+(also\s+)?(?:present|in\s+attendance)\b`)
	// "The following directors were present in the Boardroom: …".
	reFollowingPresent = regexp.MustCompile(`(?i)\bthe\s+following\s+(\w+(?:\s+\w+)?\s+)?(?:were|was)\s+(present|in\s+attendance)\b[^:.]{0,40}:\s*`)
)

// presentSentences reads attendance told in sentences: "Board members
// present were supervisors Dick Dillon, Janet Keough, and Gary Mantay,
// treasurer Ray Barnes, clerk Linda Britton and guests Marv and Sue
// Forbragd", "The following directors were present: …".
func (r *attReader) presentSentences(text string, early bool) {
	low := strings.ToLower(text)
	if !strings.Contains(low, "present") && !strings.Contains(low, "attend") {
		return
	}
	if hasAny(low, "present were", "present was", "present included", "attendance were", "attendance was", "attendance included", "attending were", "attending was") {
		r.presentWere(text)
	}
	if early && hasAny(low, "was present", "were present", "also present", "in attendance") {
		r.wasPresent(text) // not deep in the minutes: a visitor to one item
	}
	if strings.Contains(low, "the following") {
		r.followingPresent(text)
	}
}

// presentWere reads "Board members present were …", "Also present were …".
func (r *attReader) presentWere(text string) {
	for _, mm := range rePresentSent.FindAllStringSubmatchIndex(text, 6) {
		who := ""
		if mm[2] >= 0 {
			who = strings.ToLower(text[mm[2]:mm[3]])
		}
		rl := rolePresent
		switch {
		case who == "" && mm[0] > 0 && text[mm[0]] != '.' && text[mm[0]] != ';' && text[mm[0]] != ':' && !startsUpper(text[mm[0]:]):
			continue // "… who were present were …": not a list's lead-in
		case who == "also" || who == "others" || who == "other" || strings.HasPrefix(who, "staff") || strings.HasPrefix(who, "officer") || strings.HasPrefix(who, "guest") || strings.HasPrefix(who, "visitor"):
			rl = roleInAttendance
		}
		if strings.Contains(strings.ToLower(text[mm[0]:mm[1]]), "attend") && who == "" {
			rl = roleInAttendance
		}
		r.roleWordList(rl, text[mm[1]:])
	}
}

// wasPresent reads "PCSO Sara Clipperton was present for part of the
// meeting", "A, B and C were in attendance".
func (r *attReader) wasPresent(text string) {
	for _, mm := range reWasPresent.FindAllStringSubmatchIndex(text, 6) {
		// The subject: back to the sentence's start, a name or a list
		// of names ("Sarah Hale, Lee Game and Dan Bride were in
		// attendance virtually").
		head := text[max(0, mm[0]-200):mm[0]]
		if k := strings.LastIndex(head, ". "); k >= 0 {
			head = head[k+2:]
		}
		var names []string
		officer := false
		for _, p := range splitNames(head) {
			n, off := titledNameBefore(p)
			if n == "" || len(strings.Fields(p)) > len(strings.Fields(n))+2 {
				names = nil
				break
			}
			names, officer = append(names, n), officer || off
		}
		if len(names) == 0 {
			if n, off := titledNameBefore(head); n != "" {
				names, officer = []string{n}, off
			}
		}
		rl := rolePresent
		if officer || mm[2] >= 0 || strings.Contains(strings.ToLower(text[mm[0]:mm[1]]), "attendance") {
			rl = roleInAttendance
		}
		for _, n := range names {
			if !r.a.knows(n) {
				r.entry(rl, n)
			}
		}
	}
}

// followingPresent reads "The following directors were present: …".
func (r *attReader) followingPresent(text string) {
	for _, mm := range reFollowingPresent.FindAllStringSubmatchIndex(text, 4) {
		rl := rolePresent
		who := ""
		if mm[2] >= 0 {
			who = strings.ToLower(text[mm[2]:mm[3]])
		}
		if strings.Contains(strings.ToLower(text[mm[4]:mm[5]]), "attendance") || isOfficerRole(who) || strings.Contains(who, "guest") {
			rl = roleInAttendance
		}
		r.roleWordList(rl, text[mm[1]:])
	}
}

// roleWordList reads a list in a sentence whose people carry their roles
// in lower case before their names: "supervisors Dick Dillon, Janet
// Keough, and Gary Mantay, treasurer Ray Barnes, clerk Linda Britton and
// guests Marv and Sue Forbragd". A plural word ("supervisors", "guests")
// goes on to the names after it; a singular office ("treasurer") is the
// next name's.
func (r *attReader) roleWordList(rl role, s string) {
	if len(s) > 400 {
		s = s[:400]
	}
	s = chairAfterName(untilSentenceEnd(s))
	if strings.Count(s, " ") > 60 {
		return
	}
	cur := rl
	var parts []string
	var roles []role
	for _, part := range splitNames(s) {
		part = strings.TrimSpace(part)
		for {
			w := firstWord(part)
			if w == "" || !startsLower(w) {
				break
			}
			low := strings.ToLower(w)
			switch {
			case low == "guests" || low == "guest" || low == "visitors" || low == "staff" || low == "officers" || low == "residents":
				cur = roleInAttendance
			case low == "supervisors" || low == "directors" || low == "trustees" || low == "councillors" || low == "commissioners" || low == "members" || low == "councilmembers" || low == "aldermen":
				cur = rl
			case officerTitles[low] || roleNouns[low]:
				part = w + " " + strings.TrimSpace(part[len(w):]) // "treasurer Ray Barnes": the office is the name's
				w = ""
			case memberTitles[low]:
			default:
				w = "" // a word of the sentence: leave the part as it is
			}
			if w == "" {
				break
			}
			part = strings.TrimSpace(part[len(w):])
		}
		parts, roles = append(parts, part), append(roles, cur)
	}
	for k, part := range shareSurnames(parts) {
		if cleanName(part) == "" && readEntry(part).name == "" {
			continue
		}
		r.entry(roles[k], part)
	}
}

// shareSurnames gives a lone first name the surname of the full name it
// is paired with, in a list of full names: "Marv and Sue Forbragd" →
// "Marv Forbragd", "Sue Forbragd". Surname-only lists are left alone.
func shareSurnames(parts []string) []string {
	full, n := 0, 0
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			n++
		}
		if len(strings.Fields(cleanName(p))) >= 2 {
			full++
		}
	}
	if full*2 <= n {
		return parts
	}
	out := append([]string(nil), parts...)
	for k := 0; k+1 < len(out); k++ {
		w := strings.Fields(out[k])
		next := strings.Fields(cleanName(out[k+1]))
		if len(w) == 1 && startsUpper(w[0]) && cleanName(w[0]) != "" && len(next) == 2 {
			out[k] = w[0] + " " + next[1]
		}
	}
	return out
}

// group is what a heading over a group of people says of them.
type group struct {
	role       role
	members    bool // the heading says they are members ("Board Members")
	roleColumn bool // a second heading cell names a role column
}

// groupHeading reads a heading over a group of people that has no colon:
// "BOARD OF DIRECTORS", "SAN JUAN WATER DISTRICT MANAGEMENT AND STAFF",
// "Other Attendees", "Elected Members", "Board Members     Organisation /
// Role". It must be short, in capitals or title case, and end in words
// that name a group.
func groupHeading(raw, t string) (group, bool) {
	var g group
	head := t
	if cs := rowCells(raw, t); len(cs) >= 2 {
		head = cs[0]
		switch strings.ToLower(head) {
		case "name", "names", "attendee", "attendees", "member", "members":
			// "Name     Role": the roles below say who is a member.
			head = "Attendees"
		}
		for _, c := range cs[1:] {
			low := strings.ToLower(c)
			for _, w := range []string{"role", "title", "organisation", "organization", "position", "representing", "office", "designation"} {
				if strings.Contains(low, w) {
					g.roleColumn = true
				}
			}
		}
		if !g.roleColumn {
			return g, false
		}
	}
	if strings.ContainsAny(head, ":;,.()0123456789") || len(head) > 70 {
		return g, false
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 8 {
		return g, false
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "and", "the", "&":
			continue
		case "minutes", "meeting", "agenda", "items", "item":
			return g, false
		}
		if !startsUpper(w) {
			return g, false
		}
	}
	low := strings.ToLower(head)
	has := func(ends ...string) bool {
		for _, e := range ends {
			if low == e || strings.HasSuffix(low, " "+e) {
				return true
			}
		}
		return false
	}
	switch {
	case has("other attendees", "others present", "guests", "visitors", "staff", "officers", "officials", "advisers", "advisors", "in attendance", "also present", "also attending", "others attending", "staff present", "officers present", "officials present"):
		g.role = roleInAttendance
	case has("absent", "members absent", "not present"):
		g.role = roleAbsent
	case has("apologies", "apologies for absence"):
		g.role = roleApologies
	case has("attendees", "attendance", "attendance record", "record of attendance", "board of directors", "directors", "members", "councillors", "trustees", "commissioners", "members present", "present"):
		g.role = rolePresent
		g.members = strings.Contains(low, "member") || strings.Contains(low, "councillor") || strings.Contains(low, "director") || strings.Contains(low, "trustee") || strings.Contains(low, "commissioner")
	default:
		return g, false
	}
	return g, true
}

// nextIsName reports whether the first line after lines[i] (past blank
// lines) starts with a person's name: a heading over names, not a title.
func nextIsName(lines []line, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		t := lines[j].Text
		if t == "" {
			continue
		}
		if tk := lines[j].tk(); tk.IsLabel || tk.Kind == tokHeading || isProse(t) {
			return false
		}
		first := t
		if cs := rowCells(lines[j].Raw, t); len(cs) >= 2 {
			first = cs[0]
		}
		return readEntry(first).name != ""
	}
	return false
}

// rosterAbove finds the minutes' title when it comes after line i (its
// index, or 0): a list of people above it is a letterhead's roster of the
// body (all its members), not who attended.
func rosterAbove(lines []line, i int) int {
	for j := i + 1; j < len(lines) && j < i+30; j++ {
		tk := lines[j].tk()
		if tk.Kind == tokHeading {
			return 0
		}
		if tk.Words > 0 && tk.Words <= 6 && !tk.IsLabel && !reDigits.MatchString(tk.Low) && (tk.Low == "minutes" || strings.HasPrefix(tk.Low, "minutes of") || strings.HasSuffix(tk.Low, " minutes")) {
			return j
		}
	}
	return 0
}

// cellStarts returns where the cells of a laid-out row start in raw.
func cellStarts(raw string) []int {
	if raw == "" {
		return nil
	}
	var out []int
	in, gap := false, 3
	for i := 0; i < len(raw); i++ {
		if raw[i] == ' ' {
			gap++
			in = false
			continue
		}
		if !in && (gap >= 3 || len(out) == 0) {
			out = append(out, i)
		}
		in, gap = true, 0
	}
	return out
}

// continuesCell reports whether a raw line is only the wrapped end of a
// cell after the first: it is indented to where a later cell of the row
// above starts.
func continuesCell(raw string, cols []int) bool {
	if raw == "" || len(cols) < 2 {
		return false
	}
	indent := len(raw) - len(strings.TrimLeft(raw, " "))
	if indent < 8 {
		return false
	}
	for _, c := range cols[1:] {
		if indent >= c-2 && indent <= c+2 {
			return true
		}
	}
	return false
}

// flattenNote makes a note safe to put in brackets after a name: its own
// brackets become commas ("Leader of the Council (Chair)" → "Leader of the
// Council, Chair").
func flattenNote(n string) string {
	n = strings.NewReplacer(" (", ", ", "(", "", ")", "").Replace(n)
	return collapseSpaces(n)
}

// loneNameStart reports whether a line holds only the start of a name:
// a title ("Cr", "Cllr", "Mrs") or an initial ("L", "J.").
func loneNameStart(t string) bool {
	if strings.Contains(t, " ") || len(t) > 8 {
		return false
	}
	if len(strings.TrimRight(t, ".")) == 1 {
		return t[0] >= 'A' && t[0] <= 'Z'
	}
	return reHonorific.MatchString(t+" ") && !strings.HasPrefix(strings.ToLower(t), "the")
}

// allHeadingWords reports whether every word of t is a heading's:
// "AGENDA ITEMS", "CALL TO ORDER", "PLEDGE OF ALLEGIANCE".
func allHeadingWords(t string) bool {
	for _, w := range strings.Fields(strings.ToLower(t)) {
		switch w {
		case "of", "the", "to", "and", "&":
			continue
		}
		if !headingWords[w] {
			return false
		}
	}
	return true
}

var reClock = regexp.MustCompile(`^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?$`)

// attendanceStatus reads a status cell: "Present", "Remote", "Absent",
// "Excused".
func attendanceStatus(t string) (role, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "present", "remote", "virtual", "in person", "in-person", "attended", "late", "online", "yes", "y", "p", "present (remote)", "present remotely", "arrived late":
		return rolePresent, true
	case "absent", "no", "n", "a", "not present", "absent - unexcused", "unexcused":
		return roleAbsent, true
	case "excused", "apologies", "apology", "regrets", "absent - excused", "excused absence", "absent (excused)", "leave of absence":
		return roleApologies, true
	}
	return roleNone, false
}

// cellTable reads an attendance table whose cells come out one a line,
// as some boards' PDFs print them: a header ("Attendee Name", "Title",
// "Status", "Arrived") and then the names, titles, statuses and times in
// runs. Names and statuses are paired in order, and titles when there
// are as many. It returns the index of the table's last line.
func (r *attReader) cellTable(lines []line, i int) (int, bool) {
	switch strings.ToLower(lines[i].Text) {
	case "attendee name", "attendee", "name", "member", "member name", "board member", "director", "attendees":
	default:
		return i, false
	}
	hasStatus := false
	for j := i + 1; j < len(lines) && j < i+12; j++ {
		switch strings.ToLower(lines[j].Text) {
		case "status", "attendance":
			hasStatus = true
		}
	}
	if !hasStatus {
		return i, false
	}
	var names, titles []string
	var statuses []role
	end, misses := i, 0
	for j := i + 1; j < len(lines); j++ {
		t := lines[j].Text
		if t == "" {
			continue
		}
		low := strings.ToLower(t)
		tk := lines[j].tk()
		switch {
		case low == "title" || low == "role" || low == "position" || low == "office" || low == "status" || low == "attendance" || low == "arrived" || low == "departed" || low == "left" || low == "time":
		case reClock.MatchString(low):
		default:
			if st, ok := attendanceStatus(t); ok {
				statuses = append(statuses, st)
				break
			}
			if tk.Kind == tokHeading || isProse(t) || endsSentence(t) && tk.Words > 5 {
				j = len(lines)
				continue
			}
			if isRoleCell(t) || seatTitle(t) {
				titles = append(titles, t)
				break
			}
			if readEntry(t).name != "" {
				names = append(names, t)
				break
			}
			misses++
			if misses > 2 {
				j = len(lines)
				continue
			}
		}
		end = j
	}
	if len(names) == 0 || len(statuses) != len(names) && len(statuses) != 0 {
		return i, false
	}
	if lines[i].No > 0 {
		r.m.trace.note(lines[i].No, "attendance table, one cell a line: %d people", len(names))
	}
	r.listNo++
	for k, n := range names {
		rl := rolePresent
		if len(statuses) > 0 {
			rl = statuses[k]
		}
		part := n
		if len(titles) == len(names) && !seatTitle(titles[k]) {
			part += " (" + flattenNote(titles[k]) + ")"
		}
		r.entry(rl, part)
	}
	return end, true
}

// seatTitle reports whether a title names the seat a member holds:
// "Director, District I", "Member for Ward 4", "Councillor, North Ward".
func seatTitle(t string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r == ' ' || r == ',' }) {
		switch w {
		case "district", "ward", "division", "precinct", "seat", "riding", "at-large", "constituency":
			return true
		}
	}
	return false
}

// hasAttendanceLabel reports whether an item's first lines hold an
// attendance label that opens a list ("Roll Call – Determination of
// Quorum", "Present:"), or a table of attendees.
func hasAttendanceLabel(ls []line) bool {
	for k, l := range ls {
		if k > 12 {
			break
		}
		if tk := l.tk(); tk.IsLabel && tk.Label != roleChair && tk.Label != roleInAttendance || strings.EqualFold(l.Text, "attendee name") {
			return true
		}
	}
	return false
}

// ocrLabelWord mends a label word alone on its line that OCR has damaged
// by one character: "PRESE/T" → "present", "Apo1ogies" → "apologies".
func ocrLabelWord(t string) string {
	t = strings.TrimRight(t, ":")
	if len(t) < 6 || len(t) > 10 || strings.Contains(t, " ") {
		return ""
	}
	for _, w := range []string{"present", "apologies", "absent"} {
		if len(w) != len(t) {
			continue
		}
		diff := 0
		for i := 0; i < len(t); i++ {
			c := t[i] | 0x20
			if c == w[i] {
				continue
			}
			if t[i] >= 'A' && t[i] <= 'Z' || t[i] >= 'a' && t[i] <= 'z' {
				diff = 2 // a different letter: another word
				break
			}
			diff++
		}
		if diff == 1 {
			return w
		}
	}
	return ""
}

// motionLabel reports whether a label opens a motion or business rather
// than a list of people: "Moved", "Seconded", "Proposed by", "Committee
// Resolution", "Staff Reports".
func motionLabel(label string) bool {
	low := strings.ToLower(strings.TrimSpace(label))
	// "Staff Reports", "Committee Reports", "Disclosure of interest":
	// business, not a list of people.
	if hasAny(low, "report", "update", "business", "matters", "correspondence", "declaration", "disclosure", "interest", "minutes", "agenda", "item") {
		return true
	}
	for _, w := range []string{"moved", "seconded", "proposed", "prop", "second", "2nd", "carried", "resolution", "resolved", "motion", "amendment", "vote", "for", "against", "abstain", "abstentions"} {
		if low == w || strings.HasPrefix(low, w+" ") || strings.HasSuffix(low, " "+w) {
			return true
		}
	}
	return false
}

// hasAny reports whether s holds any of the needles.
func hasAny(s string, needles ...string) bool {
	for _, n := range needles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// withTakenList gives back the list that the item reader took for the
// next item's heading: when ls ends in a label with nothing after it
// ("Present:") and the next item's heading reads as names ("Commissioners
// Schwartz, Shabazz, Tilos and Chair"), the heading and its lines follow
// the label.
func withTakenList(ls []line, next *rawItem) []line {
	if next == nil || next.title == "" {
		return ls
	}
	last := len(ls) - 1
	for last >= 0 && ls[last].Text == "" {
		last--
	}
	if last < 0 {
		return ls
	}
	if tk := ls[last].tk(); !tk.IsLabel || tk.LabelRest != "" {
		return ls
	}
	first := next.title
	if i := strings.IndexAny(first, ",;"); i > 0 {
		first = first[:i]
	}
	if readEntry(first).name == "" || isProse(next.title) {
		return ls
	}
	out := append(append([]line(nil), ls...), line{Text: next.title, No: next.line})
	return append(out, next.lines...)
}

// labelWordStart reports whether a line opens with a word of the
// attendance labels: "Apologies for absence were received from …".
func labelWordStart(t string) bool {
	if !startsUpper(t) {
		return false // "… Councillor Geoffrey Lund" / "substituted for …"
	}
	low := strings.ToLower(t)
	for _, w := range []string{"apolog", "present", "absent", "also present", "in attendance", "substitut", "regrets"} {
		if strings.HasPrefix(low, w) {
			return true
		}
	}
	return false
}

// sentenceLabel reads a label that opens a sentence inside a list: a
// known one ("Apologies: …") or one whose words say the role ("Council
// Members absent: …", "Staff present: …").
func sentenceLabel(s string) (role, string, bool) {
	if rl, rest, ok := matchLabel(s); ok && rest != "" {
		return rl, rest, true
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 40 || len(strings.Fields(s[:i])) > 5 {
		return roleNone, "", false
	}
	label := strings.ToLower(s[:i])
	if !hasAny(label, "present", "absent", "apolog", "attendance", "staff", "officer", "regrets", "excused") {
		return roleNone, "", false
	}
	rl := guessRole(s[:i], rolePresent)
	if strings.Contains(label, "staff") || strings.Contains(label, "officer") {
		rl = roleInAttendance
	}
	return rl, strings.TrimSpace(s[i+1:]), true
}

// ownSubject reports whether a sentence names its own subject in full
// before its verb ("Board President Hal Ridley presided."), so that it
// does not carry on a name broken off on the line above ("… and Nancy" /
// "Sayer who was substituted by …").
func ownSubject(t string) bool {
	loc := reNarrates.FindStringIndex(t)
	if loc == nil || loc[0] == 0 {
		return false
	}
	return len(strings.Fields(nameBeforeTitles(t[:loc[0]]))) >= 2
}

// dropSurnameTwins drops a surname given alone when the list also names
// that one person in full: "Carla Ruiz" (from "Mayor Carla Ruiz called the
// meeting to order") and "Ruiz" (from the roll call).
func dropSurnameTwins(list []string) []string {
	var out []string
	for _, n := range list {
		if !strings.Contains(n, " ") {
			twins := 0
			for _, m := range list {
				if m != n && strings.HasSuffix(strings.ToLower(m), " "+strings.ToLower(n)) {
					twins++
				}
			}
			if twins == 1 {
				continue
			}
		}
		out = append(out, n)
	}
	return out
}

// labelColumns reads labels printed side by side over their columns
// ("Present:              In attendance:") and the rows under them, each
// cell going to the label above it. It returns the index of the last row.
func (r *attReader) labelColumns(lines []line, i int) (int, bool) {
	raw := lines[i].Raw
	if raw == "" || !reColumnGap.MatchString(strings.TrimSpace(raw)) {
		return i, false
	}
	starts := cellStarts(raw)
	cs := reColumnGap.Split(strings.TrimSpace(raw), -1)
	if len(cs) < 2 || len(cs) != len(starts) {
		return i, false
	}
	roles := make([]role, len(cs))
	for k, c := range cs {
		rl, rest, ok := matchLabel(strings.TrimSpace(c))
		if !ok || rest != "" {
			return i, false
		}
		roles[k] = rl
	}
	r.listNo++
	end := i
	for j := i + 1; j < len(lines); j++ {
		l := lines[j]
		if l.Text == "" {
			if end > i {
				break
			}
			continue
		}
		if tk := l.tk(); tk.IsLabel || tk.Kind == tokHeading || isProse(l.Text) {
			break
		}
		rowRaw := l.Raw
		if rowRaw == "" {
			rowRaw = l.Text
		}
		rowStarts := cellStarts(rowRaw)
		rowCellsText := reColumnGap.Split(strings.TrimSpace(rowRaw), -1)
		if len(rowStarts) != len(rowCellsText) {
			break
		}
		for k, c := range rowCellsText {
			col := 0
			for m, st := range starts {
				if rowStarts[k] >= st-2 {
					col = m
				}
			}
			r.add(roles[col], collapseSpaces(c))
		}
		end = j
	}
	return end, end > i
}

// titleNames capitalises a list printed all in lower case, as some web
// pages and OCR give it, so that its names read as names: "cllr tegwen
// howells in the chair, cllrs gareth bowen" → "Cllr Tegwen Howells in the
// chair, Cllrs Gareth Bowen". Small words and particles stay as they are.
func titleNames(s string) string {
	words := strings.Fields(s)
	for k, w := range words {
		switch strings.Trim(w, ",;.()") {
		case "in", "the", "chair", "of", "and", "for", "at", "on", "by", "was", "were", "presiding", "vice", "deputy", "from", "with":
			continue
		}
		if nameParticles[w] {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		if r == '(' && len(w) > 1 {
			r2, n2 := utf8.DecodeRuneInString(w[1:])
			words[k] = "(" + string(unicode.ToUpper(r2)) + w[1+n2:]
			continue
		}
		words[k] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}
