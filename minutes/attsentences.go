package minutes

import (
	"regexp"
	"strings"
)

// Attendance told in sentences: who chaired ("took the Chair", "called
// the meeting to order", "Election of Chairman"), who was present ("Board
// members present were …"), apologies and substitutions in the narrative,
// and who moved or voted on motions (members do).

var (
	// The chair told in the narrative, the person before the words: "Cllr
	// K. Denholm took the Chair", "Mayor Ilse Brandt in the chair", "Cr Lee
	// presided", "Committee Chair Brandt called the meeting to order", "Cllr
	// Penn opened the meeting".
	reChairBefore = regexp.MustCompile(`(?i)(?:\s(?:took|assumed|resumed|was\s+in|occupied)\s+the\s+chair\b|[^\s(]\s+in\s+the\s+chair\b|[\w)],?\s+presided\b|\s+called\s+(?:the|this)\s+(?:\S+\s+){0,10}?to\s+order\b|\s+(?:opened|convened)\s+the\s+meeting\b|\s+declared\s+the\s+meeting\s+open\b)`)
	// … and the person after them: "The Meeting was Chaired by John
	// Slater", "called to order at 7:02 pm by Mayor Petra Lind".
	// The gate's words: "presided" is cut to "ided", as a case-blind "s"
	// also matches the long s "ſ", which the gate's ASCII test does not.
	reChairNameAfter = gated(`(?i)\b(?:chaired\s+by|presided\s+over\s+by|called\s+to\s+order\s+(?:at\s+\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s+)?by)\s+`,
		"chaired", "ided", "called")
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
	reElectedChair = gated(`(?i)\s(?:be|was|is|were|being)\s+(?:duly\s+|unanimously\s+|re-?)*(?:elected|appointed|chosen|nominated)\s+(?:as\s+)?(?:to\s+(?:take\s+)?)?(?:the\s+)?(?:new\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|president|convenor|convener)\b`,
		"chair", "mayor", "cathaoirleach", "ident", "conven") // the office; "president" cut short of its "s" (see reChairNameAfter)
	// An item of that name.
	reElectionTitle = regexp.MustCompile(`(?i)^(?:to\s+)?(?:elect(?:ion\s+of)?|appoint(?:ment\s+of)?)\s+(?:the\s+|a\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|convenor|convener)\b(?:\s+for\s+\S+)?$`)
	// "Election of Chairman for 2023/24: Cllr Evans, proposed by …".
	reElectionOf = gated(`(?i)\belection\s+of\s+(?:the\s+)?(?:chair(?:man|person|woman)?|mayor|cathaoirleach|president|convenor|convener)\b(?:\s+for\s+\S+)?\s*(?::|–|-)\s*`, "election")
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
	if strings.Count(low, ".") >= 2 {
		low = strings.ReplaceAll(low, ".", "") // "P.C.S.O."
	}
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
// Brandt" → "Brandt", "The Chair, Cllr K. Denholm," → "K. Denholm". It returns
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
// received from Mrs C Bell", substitutions, "Cllr K. Denholm took the Chair".
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
		subs := hasAny(text, "ubstitut", "eserve", "eputis", "eputiz")
		for _, re := range []*regexp.Regexp{reSubSent, reSubSent2} {
			if !subs {
				break // no substitution is told: the patterns need one of those words
			}
			var found [][]string
			if re == reSubSent {
				found = subSentMatches(text)
			} else {
				found = re.FindAllStringSubmatch(text, -1)
			}
			for _, mm := range found {
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

var (
	// reMover finds who moved, seconded or voted: "Motion by Gary Mantay,
	// second by Janet Keough", "Moved: Cr Veitch", "supported by Treasurer
	// Ostrander", "proposed by Cllr. W. Loynton".
	// The gate's words are the pattern's, cut short of an "s" (a
	// case-blind "s" also matches the long s "ſ", which the gate's
	// ASCII test does not).
	reMoverAfter = gated(`(?i)\b(?:moved|proposed|seconded|supported|motion|second|2nd|prop\.?)(?:\s*:\s*|\s+by\s+)`,
		"moved", "prop", "econd", "upported", "motion", "2nd")
	// … "Cllr Evans proposed & Cllr Shewell seconded".
	reMoverBefore = gatedCased(`\s(?:proposed|seconded|moved)\b`, []string{"proposed", "seconded", "moved"})
	// … and the roll call of votes: "Ayes - Krueger, Hollis, Ostrander".
	reVotes = gated(`(?i)\b(?:ayes?|yeas?|nays?|noes|voting\s+(?:aye|yes|in\s+favou?r))\s*(?::|-|–)\s*([^.;]{1,200})`,
		"aye", "yea", "nay", "noe", "voting")
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
// Tallwood", "The following directors were present: …".
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

// reArrived finds who came or went during the meeting: "Cllr Kay Eade
// arrived at 7.45pm", "PCSO Roger Anthony joined the meeting", "Cllr Pym
// left the meeting after item 6". They attended.
var reArrived = regexp.MustCompile(`\s(?:arrived|joined\s+the\s+meeting|left\s+the\s+meeting|re-?joined\s+the\s+meeting|entered\s+the\s+meeting)\b`)

// arrivals reads the councillors and officers the narrative says arrived,
// joined or left the meeting: a councillor is a member present, an
// officer or the police in attendance. Others (a member of the public)
// are left out.
func (r *attReader) arrivals(text string) {
	if !hasAny(text, "arrived", "joined the meeting", "left the meeting", "entered the meeting") {
		return
	}
	for _, loc := range reArrived.FindAllStringIndex(text, 20) {
		head := text[max(0, loc[0]-80):loc[0]]
		if k := strings.LastIndexAny(head, ".;:"); k >= 0 && !isInitials(strings.Trim(lastWord(head[:k+1]), ".")) && len(lastWord(head[:k+1])) > 2 {
			head = head[k+1:]
		}
		head = strings.TrimSpace(head)
		n, officer := titledNameBefore(head)
		if n == "" || r.a.knows(n) || r.a.expands(n) {
			continue
		}
		title := strings.ToLower(firstWord(head))
		switch {
		case officer || title == "pcso" || title == "pc" || title == "p.c.s.o." || title == "sgt" || title == "insp":
			r.entry(roleInAttendance, n)
		case reCouncillorTitle.MatchString(head):
			r.entry(rolePresent, n)
		}
	}
}

var reCouncillorTitle = regexp.MustCompile(`^(?i:c(?:ll|li|il)rs?\.?|councillors?|crs?\.?)\s+[A-Z]`)

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
// guests Marv and Sue Tallwood". A plural word ("supervisors", "guests")
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
