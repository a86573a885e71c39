package minutes

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attendance, one person at a time: a list entry read into a name and
// the notes about them (chair, officer, another council, initials), the
// names cleaned of titles, and names matched against the attendance
// (surnames, initials, initials given for owners).

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

// reMayorProTem matches the deputy mayor's US title before a name.
var reMayorProTem = regexp.MustCompile(`(?i)^(?:the\s+)?mayor\s+pro[\s-]*tem(?:pore)?\b`)

var reOfficeFirst = regexp.MustCompile(`^(?i:the\s+)?((?:(?:Council|Board|Committee|Shire|Town|City|Village)\s+)?(?i:(?:deputy|vice)[- ]?)?(?:Chair(?:man|person|woman)?|CHAIR(?:MAN|PERSON|WOMAN)?|Presiding\s+Member|Cathaoirleach|Convenor|Convener|Provost|President|Reeve|Leader))\s+(.+)$`)

// readEntry reads one person's entry in a list, with the notes about
// them: "Rob Boyd (Chair)", "The Vice-Chairman (Councillor Idris Moyle)",
// "Chairperson Aroha Kerr", "Cllr P Ames, Cathaoirleach", "Flynn (A)".
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
	// An office printed before the name: "Chairperson Aroha Kerr",
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
	if reMayorProTem.MatchString(outside) {
		// "Mayor Pro Tem Dutta": the deputy, who chairs only when the
		// minutes say so.
		e.mayor, e.civic, e.deputy = false, true, true
	}
	if isRolePhrase(outside) && !reHonorific.MatchString(outside) {
		// "Operations Superintendent Dan Mackie": the office, then the
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

// chairAfterName turns ", Presiding" after a name into a note, outside
// brackets only: "Mayor Adams, Presiding; …" → "Mayor Adams (Presiding); …".
func chairAfterName(text string) string {
	if strings.Contains(text, "(") {
		return text
	}
	return reChairAfter.ReplaceAllString(text, " ($1)")
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

// fullName expands a surname ("Okonjo") to the full name the attendance
// gives ("Adaeze Nkem Okonjo"), when exactly one name ends with it. It
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

// shareSurnames gives a lone first name the surname of the full name it
// is paired with, in a list of full names: "Marv and Sue Tallwood" →
// "Marv Tallwood", "Sue Tallwood". Surname-only lists are left alone.
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
