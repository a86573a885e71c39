package minutes

import (
	"regexp"
	"strings"
)

// Stage 8a: declarations of interest made at the meeting.

var (
	reDeclared  = regexp.MustCompile(`(?i)(?:^|[.;]\s*|\b)((?:(?:cllr|councillor|cr|mr|mrs|ms|dr)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:,[^,]{0,120},)?\s+(?:declared|declares|disclosed|registered)\s+(?:an?\s+|their\s+|his\s+|her\s+)?((?:non-?\s?pecuniary|disclosable\s+pecuniary|pecuniary|personal|prejudicial|other\s+registrable|non-registrable|significant|conflict\s+of|private)\s*)?(?:and\s+\w+\s+)?interest`)
	reDeclItems = regexp.MustCompile(`(?i)\b(?:agenda\s+)?items?\s+(\d{1,3}[a-z]?(?:\s*(?:/|,|and|&)\s*\d{1,3}[a-z]?)*)`)
	// declaredVerbs are the verbs one of which reDeclared needs.
	declaredVerbs = newAnyOf("declared", "declares", "disclosed", "registered")
	reMinuteRef   = regexp.MustCompile(`(?i)\bminutes?\s+(?:no\.?\s*)?(\d{1,4}(?:\s*(?:/|,|and|&)\s*\d{1,4})*)`)
)

// findDeclarations reads "Councillor X declared a non-pecuniary interest
// in item 7" sentences.
func findDeclarations(m *Meeting, it *rawItem) []Declaration {
	var out []Declaration
	lastItems := ""
	for _, s := range sentences(it.lines, nil) {
		low := strings.ToLower(s.text)
		if !strings.Contains(low, "item") && !strings.Contains(low, "minute") && !strings.Contains(low, "interest") {
			continue
		}
		if mm := reDeclItems.FindStringSubmatch(s.text); mm != nil {
			lastItems = strings.ReplaceAll(mm[1], " ", "")
		} else if mm := reMinuteRef.FindStringSubmatch(s.text); mm != nil {
			lastItems = strings.ReplaceAll(mm[1], " ", "")
		}
		if !strings.Contains(low, "interest") {
			continue
		}
		if !declaredVerbs.in(low) && !strings.Contains(s.text, "ſ") {
			continue // reDeclared needs one (a long s folds to "s" in the pattern, not in low)
		}
		for _, loc := range reDeclared.FindAllStringSubmatchIndex(s.text, -1) {
			mm := make([]string, len(loc)/2)
			for k := range mm {
				if loc[2*k] >= 0 {
					mm[k] = s.text[loc[2*k]:loc[2*k+1]]
				}
			}
			// The declaration's own words: from the member's name on.
			text := strings.TrimSpace(s.text[loc[2]:])
			member := m.Attendance.fullName(mm[1])
			if member == "" {
				continue
			}
			kind := strings.ToLower(strings.TrimSpace(mm[2]))
			kind = strings.Join(strings.Fields(strings.Replace(kind, "nonpecuniary", "non-pecuniary", 1)), " ")
			if kind == "non pecuniary" {
				kind = "non-pecuniary"
			}
			if kind == "" {
				kind = "other"
			}
			out = append(out, Declaration{Member: member, Interest: kind, Items: lastItems, Text: text})
		}
	}
	return out
}
