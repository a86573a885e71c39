package minutes

import (
	"strings"
	"unicode"
)

// ReadPerson reads a name as attendance lists, owners and declarations
// give it ("Cllr Mrs J. Birch MBE", "the Clerk", "JB") and returns the
// name to list it under, with honorifics, titles and post-nominals off
// (the same vocabulary the attendance parser strips), and whether it is
// a role ("Clerk", "RFO", "Head of Highways", "Chair", "All") rather
// than a person. It returns "" for text that is neither. It is pure:
// the same text gives the same answer.
func ReadPerson(s string) (name string, role bool) {
	s = strings.Join(strings.Fields(Sanitize(s)), " ")
	s = strings.Trim(s, " .,;:–-•")
	if s == "" || len(s) > 200 {
		return "", false
	}
	low := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(s, "The "), "the "))
	switch low {
	case "all", "all members", "all councillors", "all cllrs", "everyone", "all present":
		return "All", true
	}
	if ownerRoles[low] || isRolePhrase(low) && cleanName(s) == "" {
		return titleRole(strings.TrimPrefix(strings.TrimPrefix(s, "The "), "the ")), true
	}
	if isInitials(s) {
		return strings.ReplaceAll(s, ".", ""), false
	}
	n := cleanName(s)
	if n != "" && !isRolePhrase(n) && !officeWords(n) {
		switch strings.ToLower(n) {
		case "no", "none", "nil", "n/a":
			return "", false // "Apologies: None"
		}
		return n, false
	}
	if isRolePhrase(s) || officeWords(s) {
		return titleRole(strings.TrimPrefix(strings.TrimPrefix(s, "The "), "the ")), true
	}
	return "", false
}

// officeWords reports whether s is an office's title-case words ending
// in an officer's title ("Enforcement Team Leader", "Youth Parliament
// Representative").
func officeWords(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) && !nameParticles[w] && w != "of" && w != "for" && w != "the" {
			return false
		}
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:()"))
	return officerTitles[last] || roleNouns[last] || ownerRoles[last] || last == "representative" || last == "leader"
}

// titleRole gives a role's first letter a capital ("clerk" → "Clerk")
// and keeps the rest as written ("RFO", "Head of Highways").
func titleRole(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// PersonKey folds a name for comparison: case, dots and spacing off
// ("J.  Birch" and "j birch" give "j birch").
func PersonKey(name string) string {
	name = strings.ReplaceAll(strings.ToLower(name), ".", " ")
	return strings.Join(strings.Fields(name), " ")
}
