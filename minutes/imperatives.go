package minutes

import "strings"

// opensWithOwner reports whether a sentence opens with someone who could
// be given a task: an office ("Clerk", "RFO", "Chair"), initials ("JS",
// "GD") or a titled name ("Cllr Parker"). Telegraphic minutes set tasks
// with the owner and a bare verb and nothing else: "Clerk send email.",
// "Clerk ask for fuller report on proposed works.", "GD enquire with the
// school." — no "to", "will" or "asked" for mayAct's cheap test to find,
// so such sentences go to the task reader on this evidence instead.
func opensWithOwner(s string) bool {
	ws := strings.Fields(s)
	for len(ws) > 0 && paragraphLabel(ws[0]) {
		ws = ws[1:]
	}
	if len(ws) < 3 {
		return false // an owner, a verb and what it acts on
	}
	first := strings.ToLower(strings.Trim(ws[0], ".,:;()"))
	if first == "the" {
		ws = ws[1:]
		first = strings.ToLower(strings.Trim(ws[0], ".,:;()"))
	}
	owner := ownerRoles[first] && !selfBody(first) && !pluralOwners[first] || honorifics[first] || isInitials(strings.Trim(ws[0], ".,:;()"))
	if !owner {
		return false
	}
	// The owner's words run to the first word in lower case: that word
	// is the task's verb, bare ("send", not "sends", "sent" or "is").
	for k := 1; k < len(ws) && k <= 4; k++ {
		if w := ws[k]; startsLower(w) {
			v := strings.Trim(w, ".,:;")
			return taskVerbs[v] && !notVerbs[v] && !strings.HasSuffix(v, "ed") && !strings.HasSuffix(v, "ing")
		}
	}
	return false
}

// pluralOwners are the owners that are many people: "Members agree",
// "Staff note" are the body's views, not a task set in a few words.
var pluralOwners = wordSet("members", "councillors", "officers", "staff", "all", "everyone", "governors", "trustees",
	"directors", "commissioners", "supervisors")
