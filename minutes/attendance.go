package minutes

import (
	"regexp"
	"strings"
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

var reLabel = gated(`(?i)^(?:`+
	`(?P<chair>(?:present\s+)?in\s+the\s+chair|chair(?:man|person|woman)?|presiding(?:\s+officer)?|cathaoirleach|mayor)`+
	`|(?P<att>(?:also|others?)\s+(?:present|in\s+attendance)|(?:(?:officers?|officials?|staff|others?|advisers?|guests?)(?:\s+and\s+(?:others?|guests?|advisers?))?\s+)?in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?|officers?(?:\s+(?:present|in\s+attendance))?|officials?(?:\s+(?:present|in\s+attendance))?|staff(?:\s+present)?|council\s+staff|attending|advisers?|clerk)`+
	`|(?P<apol>apologies(?:\s+for\s+absence)?(?:\s+and\s+(?:substitut\w+|reserve\s+members?|reserves|absences?))?(?:\s+(?:were\s+)?received(?:\s+from)?)?|apologies\s+received|regrets)`+
	`|(?P<absent>absent(?:\s+members)?|not\s+present)`+
	`|(?P<subs>substitutes?(?:\s+members?)?|reserves?(?:\s+members?)?)`+
	`|(?P<present>(?:deputy|vice)[- ]chair(?:man|person|woman)?|those\s+attending|record\s+of\s+attendance|attendance\s+record|sederunt|(?:council|board|committee|commission|panel|trustees|directors|aldermen|supervisors|commissioners|councilors|councilmembers|council\s+members|selectmen|legislators)\s+present|(?:elected|appointed|ordinary|full|voting)\s+members?(?:\s+present)?|(?:committee|board|panel|co-opted|voting|independent|cabinet|statutory)\s+members?(?:\s+(?:present|in\s+attendance))?|those\s+present(?:\s+were)?|(?:members?|councillors?|council\s+members?)(?:\s+(?:present|in\s+attendance))?|present|roll\s+call(?:\s*:\s*present)?|attendance|councillors)`+
	`)(?:\s*\([^)]{0,40}\))?(?:\s+(?:via|by|at)\s+[^:]{1,40})?\s*(?::-?|-|–)\s*(.*)$`, ":", "-", "–")

// Labels without a colon, alone on their line ("Present", "Apologies").
var reBareLabel = regexp.MustCompile(`(?i)^(present|apologies(?:\s+for\s+absence)?|absent|in\s+attendance|also\s+present|officers\s+present|members\s+present|councillors\s+present|roll\s+call|sederunt)$`)

var (
	reHonorific      = regexp.MustCompile(`(?i)^(?:(?:the\s+)?mayor\s+pro[\s-]*tem(?:pore)?|(?:the\s+)?(?:deputy\s+)?(?:lord\s+)?mayor|(?:county|district|borough|parish|town|city|community)\s+(?:councillors?|c(?:ll|li|il|l1|1l)rs?\.?)|councillors?|councilors?|council(?:wo)?m[ae]n|councilpersons?|selectm[ae]n|select\s+board\s+members?|legislators?|freeholders?|c(?:ll|li|il|l1|1l)rs?\.?|crs?\.?|mr\.?|mrs\.?|ms\.?|miss|mx\.?|dr\.?|doctor|rev(?:erend|d)?\.?|the|professor|prof\.?|sir|dame|lord|lady|alderman|aldermen|council\s*members?|councilmembers?|commissioners?|father|fr\.?|canon|hon\.?|honourable|senator|minister|deputy|supervisors?|trustees?|directors?|cyng(?:horydd|horwyr)?\.?(?:\s*/)?|vice[- ]mayor|reeve|deputy\s+reeve|(?:deputy\s+)?warden|her\s+worship|his\s+worship|sgt\.?|sergeant|insp\.?|inspector|chief\s+inspector|supt\.?|superintendent|chief\s+superintendent|pc|const\.?|constable|pcso)\s+`)
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
	// Who came or went, anywhere in the minutes.
	r.arrivals(joinText(header))
	for _, it := range items {
		r.arrivals(joinText(it.lines))
	}
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
	chair       string // "Cllr K. Denholm took the Chair"
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
			if end, ok := r.markTable(lines, i); ok {
				r.flush()
				i = end
				r.role, r.queue = roleNone, nil
				continue
			}
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
		// A roll call with the answers in a column: "Supervisor Osei
		// Absent" under "Roll Call".
		if r.role != roleNone && l.Raw != "" {
			if cs := reColumnGap.Split(strings.TrimSpace(l.Raw), -1); len(cs) == 2 {
				if st, ok := attendanceStatus(cs[1]); ok && readEntry(cs[0]).name != "" {
					r.flush()
					r.entry(st, cs[0])
					continue
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
				isLabel = false // "(Area Education" / "Officer – West Wexcombe)": a note goes on
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
		// Corran." (the sentence readers read it).
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
// by Kenny Corran.", "Cllr Dunn arrived at 7.40 pm."
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
		// A label inside the list: "Chair: Ann Bell; Vice Chair: Cy Dee;
		// Members: Ed Fox, Gil Ho" — its role for the names after it.
		if i := strings.IndexByte(part, ':'); i > 0 && i < 30 {
			if lrl, rest, ok := matchLabel(part); ok && rest != "" {
				if lrl == rolePresent && rl != rolePresent {
					lrl = rl
				}
				if lrl != roleChair {
					rl = lrl
				}
				part = rest
				if lrl == roleChair {
					part += " (Chair)"
				}
			}
		}
		// "Mark Hand, MCC Highways", "Vicky Bright, Clerk": a body or an
		// office after a name, set off by a comma, is a note about them.
		if k+1 < len(parts) && appositionNote(parts[k+1]) && cleanName(part) != "" && !strings.Contains(part, "(") {
			part += " (" + strings.NewReplacer("(", " ", ")", " ").Replace(parts[k+1]) + ")"
			k++
		}
		r.entry(rl, part)
	}
}

// reRollAnswer is a member's answer to the roll, after their name:
// "Pelham – present", "Achebe – absent", "Ng: here", "Ruiz – yes",
// "Vela – excused".
var reRollAnswer = regexp.MustCompile(`(?i)^(.+?)\s*(?:[–—:-]|\s)\s*\(?(present|here|yes|aye|absent|excused|absent[\s,–-]+excused|regrets|apologies)\)?\.?$`)

// entry places one person of a list.
func (r *attReader) entry(rl role, part string) {
	a := r.a
	if rl == rolePresent {
		// A roll call answered name by name: each answer places its name.
		if m := reRollAnswer.FindStringSubmatch(strings.TrimSpace(part)); m != nil && cleanName(m[1]) != "" && !strings.ContainsAny(m[1], "–—:") {
			part = m[1]
			if st, ok := attendanceStatus(strings.NewReplacer(",", " ", "–", "-").Replace(m[2])); ok {
				rl = st // "here", "aye": present
			}
		}
	}
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
	for i, name := range reLabel.re.SubexpNames() {
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
