package minutes

import (
	"strings"
)

// The vocabulary: the words councils use for the people and offices that
// attend and act, the verbs of doing, deciding and reporting back. Every
// stage that reads attendance, owners, actions, decisions or follow-ups
// asks here, so a word learnt once is known everywhere. Lists hold lower
// case words; multi-word entries are matched as phrases.

// officerTitles are words that make a phrase an office or job rather than
// a person's name: "Clerk", "Head of Highways", "Borough Commander",
// "Responsible Financial Officer". An attendance entry whose role is one of
// them is an officer (in attendance), not a member present.
var officerTitles = wordSet(
	"clerk", "deputy clerk", "town clerk", "parish clerk", "proper officer", "minute taker", "minute-taker", "minutes secretary",
	"rfo", "responsible financial officer", "treasurer", "finance officer", "accountant", "auditor", "internal auditor",
	"secretary", "administrator", "assistant", "officer", "officers", "manager", "director", "head", "chief", "executive",
	"engineer", "planner", "surveyor", "solicitor", "lawyer", "counsel", "attorney", "advisor", "adviser", "consultant",
	"coordinator", "co-ordinator", "superintendent", "inspector", "sergeant", "constable", "pcso", "police", "commander",
	"analyst", "lead officer", "specialist", "ranger", "caretaker", "lengthsman", "technician", "facilitator",
	"scrutiny officer", "committee officer", "cao", "ceo", "cfo", "coo", "gm",
	"general manager", "chief executive", "chief officer", "city manager", "town manager", "city attorney", "city clerk",
	"deputy city manager", "staff", "guest", "presenter", "observer",
	"press", "reporter", "journalist", "public", "member of the public", "members of the public",
	"trainee", "apprentice", "volunteer", "contractor", "employee", "visitor", "cpo", "garda", "gardaí",
)

// memberTitles are roles that members hold: an entry noted with one is a
// member present, however official it sounds ("Portfolio Holder for Parks",
// "Vice-Chair", "Leader of the Council").
var memberTitles = wordSet(
	"chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice chair", "vice-chairman", "vice chairman",
	"vice-chairperson", "deputy chair", "deputy chairman", "deputy chairperson", "mayor", "deputy mayor", "lord mayor",
	"deputy lord mayor", "leader", "deputy leader", "portfolio holder", "cabinet member", "executive member", "member",
	"councillor", "cllr", "alderman", "reeve", "deputy reeve", "president", "vice-president", "cathaoirleach",
	"leas-chathaoirleach", "presiding member", "convenor", "convener", "provost", "trustee", "commissioner",
	"supervisor", "selectman", "town board member", "co-opted", "co-opted member", "independent member", "lay member",
	"ward", "division", "group leader", "spokesperson",
)

// chairWords are the offices that chair a meeting ("Vice-" and "Deputy"
// forms do not: they are checked before these).
var chairWords = wordSet("cadeirydd", "chair", "chairman", "chairperson", "chairwoman", "presiding", "presiding member", "presiding officer",
	"cathaoirleach", "in the chair", "convenor", "convener", "president", "mayor", "reeve", "provost")

// decidesVerbs are the verbs a numbered decision opens with when a body's
// resolution lists what it does: "That the Council: 1. Receives and notes
// the report; 2. Agrees in principle …". A numbered line that opens with
// one is a part of a decision, not a heading.
var decidesVerbs = wordSet("receives", "notes", "agrees", "approves", "adopts", "endorses", "confirms", "requests", "recommends",
	"resolves", "authorises", "authorizes", "delegates", "accepts", "supports", "instructs", "directs", "welcomes",
	"acknowledges", "appoints", "rejects", "refers", "commends", "declares", "recognises", "recognizes", "affirms",
	"ratifies", "reaffirms", "invites", "asks", "calls", "thanks", "waives", "excludes", "determines", "grants", "refuses")

// inLower reports set[strings.ToLower(w)]; a short word in ASCII is
// lowered on the stack, not copied to the heap.
func inLower(set map[string]bool, w string) bool {
	if len(w) > 24 || !isASCII(w) {
		return set[strings.ToLower(w)]
	}
	var b [24]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set[string(b[:len(w)])]
}

// wordSet makes a set of lower-case words and phrases.
func wordSet(words ...string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}

// hasTitle reports whether phrase (any case) holds one of set's words or
// phrases as whole words.
func hasTitle(phrase string, set map[string]bool) bool {
	words := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-' || r == '\'' || r == '’' || r >= 0xc0)
	})
	for i := range words {
		if set[words[i]] {
			return true
		}
		if i+1 < len(words) && set[words[i]+" "+words[i+1]] {
			return true
		}
		if i+2 < len(words) && set[words[i]+" "+words[i+1]+" "+words[i+2]] {
			return true
		}
	}
	return false
}

// isChairRole reports whether a role or note says its holder chaired the
// meeting: "Chair", "Chairman", "(presiding)", "in the Chair",
// "Cathaoirleach" — but not "Vice-Chair", "Deputy Chairman" or "Chair of
// the Overview and Scrutiny Committee" (chair of another body).
func isChairRole(note string) bool {
	low := strings.ToLower(strings.TrimSpace(strings.Trim(note, "()[] ")))
	if strings.Contains(low, "in the chair") || strings.Contains(low, "presiding") {
		return true // "Vice-Chair, in the Chair": the deputy chaired
	}
	if low == "" || strings.Contains(low, "vice") || strings.Contains(low, "deputy") || strings.Contains(low, "leas") {
		return false
	}
	if strings.Contains(low, "cathaoirleach") {
		return true
	}
	for _, part := range strings.FieldsFunc(low, func(r rune) bool { return r == ',' || r == '/' }) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "the "))
		// "Board President", "Committee Chair", "Shire President".
		for _, q := range []string{"board ", "committee ", "council ", "shire ", "panel ", "commission ", "meeting "} {
			part = strings.TrimPrefix(part, q)
		}
		switch part {
		case "chair", "chairman", "chairperson", "chairwoman", "mayor", "convenor", "convener", "reeve", "provost", "president", "cadeirydd":
			return true
		}
	}
	return false
}

// isOfficerRole reports whether a role names an officer, employee or
// visitor rather than a member: "Clerk", "Head of Planning", "PCSO",
// "Director of Public Health" — unless it is a member's office too
// ("Vice-Chair", "Portfolio Holder for Finance").
func isOfficerRole(role string) bool {
	if role == "" {
		return false
	}
	low := strings.ToLower(role)
	if strings.HasPrefix(low, "chair of ") || strings.HasPrefix(low, "member for ") {
		return false
	}
	if hasTitle(low, memberTitles) && !strings.Contains(low, "officer") && !strings.Contains(low, "clerk") {
		return false
	}
	return hasTitle(low, officerTitles)
}

// roleNouns are the job words that end or head an office's name: a phrase
// holding one ("Parks and Open Spaces Manager", "Head of Planning") is a
// role, not a person's name.
var roleNouns = wordSet("officer", "officers", "manager", "director", "engineer", "planner", "clerk", "secretary", "treasurer",
	"administrator", "coordinator", "co-ordinator", "superintendent", "inspector", "sergeant", "constable", "commander",
	"solicitor", "advisor", "adviser", "consultant", "auditor", "accountant", "executive", "technician", "analyst",
	"specialist", "surveyor", "lawyer", "attorney", "counsel", "rfo", "pcso", "ceo", "cao", "cfo", "chief", "assistant")

// isRolePhrase reports whether s names an office rather than a person:
// "Parks and Open Spaces Manager", "Head of Private Sector Housing",
// "Clerk", "Director of Public Health".
func isRolePhrase(s string) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	if low == "" {
		return false
	}
	for _, p := range []string{"head of ", "chief of ", "director of ", "leader of ", "member for ", "portfolio holder", "cabinet member"} {
		if strings.HasPrefix(low, p) || strings.HasPrefix(low, "the "+p) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return r == ' ' || r == '-' || r == '/' }) {
		if roleNouns[strings.Trim(w, ".,;:()")] {
			return true
		}
	}
	return false
}

// deptWords name what a department or service does ("Asset Management",
// "Corporate Services"): words that are not in people's names.
var deptWords = wordSet("management", "services", "service", "planning", "development", "operations", "assets", "asset",
	"partnerships", "partnership", "infrastructure", "regulation", "engagement", "community", "communities", "corporate",
	"strategic", "strategy", "finance", "financial", "governance", "environment", "environmental", "transport", "housing",
	"policy", "resources", "support", "delivery", "programme", "program", "projects", "project", "public", "health",
	"safety", "works", "waters", "water", "roads", "highways", "parks", "leisure", "culture", "education", "children",
	"adults", "social", "care", "economic", "economy", "regeneration", "property", "estates", "legal", "democratic",
	"customer", "digital", "technology", "information", "communications", "marketing", "events", "recreation", "facilities",
	"maintenance", "construction", "design", "traffic", "travel", "building", "licensing", "enforcement", "emergency",
	"fire", "police", "policing", "planning", "land", "district", "region", "regional", "county", "city", "town", "village")

// institutionWords end the name of a body, not a person: "County Council",
// "Planning Committee", "Water Authority", "Acme Ltd". A list entry that
// ends in one is an organisation.
var institutionWords = wordSet("council", "councils", "committee", "committees", "authority", "authorities", "board",
	"department", "dept", "ltd", "limited", "plc", "inc", "llc", "llp", "association", "society", "partnership",
	"group", "trust", "agency", "office", "team", "unit", "forum", "panel", "commission", "federation", "union",
	"club", "school", "college", "university", "church", "hospital", "centre", "center", "project", "company", "district")

// headingWords are the words of document headings and table headers that
// a flattened layout can leave among the names: "AGENDA", "Items Action",
// "Minute Item Discussion".
var headingWords = wordSet("agenda", "item", "items", "action", "actions", "minute", "minutes", "discussion",
	"resolution", "resolutions", "resolved", "report", "reports", "matters", "arising", "business", "notes",
	"proclamations", "announcements", "orders", "special", "consent", "calendar", "changes", "open", "closed",
	"session", "none", "nil", "welcome", "apologies", "declarations", "interest", "interests", "correspondence",
	"finance", "planning", "other", "any", "date", "next", "meeting", "title", "status", "name", "role", "risk",
	"waste", "recycling", "zoning", "resources", "members", "member", "attendees", "attendee", "staff", "officers",
	"chair", "present", "absent", "call", "order", "roll", "pledge", "allegiance", "adjournment", "prayer", "opening",
	"approved", "seconded", "proposed", "moved", "carried", "agreed", "noted", "reserve", "reserves", "substitute", "substitutes", "denotes", "category")

// notNameWord reports whether w (any case) is a word that appears in the
// names of offices, departments, bodies and headings but hardly ever in a
// person's name.
func notNameWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,;:()'’"))
	switch w {
	case "parks", "waters", "land", "hall":
		return false // also surnames
	}
	return deptWords[w] || institutionWords[w] || headingWords[w] || roleNouns[w]
}

// partyNotes are the party labels printed after members' names ("(Lab)",
// "(LD)", "(Ind)"): a note about the member, not another body.
var partyNotes = wordSet("lab", "labour", "con", "conservative", "ld", "lib dem", "libdem", "liberal democrat", "snp",
	"pc", "plaid cymru", "ind", "independent", "grn", "green", "ukip", "reform", "sf", "ff", "fg", "sdlp", "dup", "uup",
	"alliance", "res", "ra", "lab/co-op", "lab co-op")

// civicOffices are the civic heads who preside over their council's
// meetings, or stand in for the one who does: listed first, they chair
// when no one else is named.
var civicOffices = wordSet("mayor", "deputy mayor", "lord mayor", "reeve", "deputy reeve", "warden", "provost", "president",
	"shire president", "cathaoirleach", "leas-chathaoirleach", "chairperson", "deputy chairperson")

// viceChairs are the offices of a chair's deputy.
var viceChairs = wordSet("vice-chair", "vice chair", "vice-chairman", "vice chairman", "vice-chairperson", "vice chairperson",
	"deputy chair", "deputy chairman", "deputy chairperson", "vice-president", "vice president", "vice-convenor", "vice convenor")

// motionWords are the words of a motion's parts and its vote, printed on
// lines of their own in many minutes: "MOVED BY:", "SECONDED", "CARRIED
// UNANIMOUSLY", "AYES: 5 NAYS: 0", "MOTION LOST", "NO OBJECTIONS". A line
// made of them (or opening with one) is part of the record, never a
// heading.
var motionWords = wordSet("moved", "mover", "seconded", "seconder", "proposed", "proposer", "carried", "lost", "defeated",
	"failed", "passed", "withdrawn", "unanimous", "unanimously", "ayes", "aye", "nays", "nay", "noes", "yeas", "yes", "no", "abstain",
	"abstained", "abstention", "abstentions", "absent", "against", "for", "motion", "vote", "votes", "voting", "result", "objection",
	"objections", "opposed", "recorded", "declared", "resolution", "amendment", "amended", "as", "by", "nil",
	"none", "agreed", "approved")

// motionOpeners open a line that records a motion's mover, seconder or
// vote, whatever follows: "MOVED BY: Cr Ana Lowe", "CARRIED 6-1".
var motionOpeners = wordSet("moved", "mover", "seconded", "seconder", "proposer", "carried", "ayes", "nays", "noes", "yeas")

// sectionWords name a section of the agenda that holds items of its own,
// not a matter of business: a heading in capitals with one of them over
// numbered items is their banner ("CONSENT CALENDAR", "UNFINISHED
// BUSINESS", "PUBLIC HEARINGS", "REPORTS OF COMMITTEES").
var sectionWords = wordSet("consent", "calendar", "agenda", "business", "items", "matters", "reports", "hearings", "communications",
	"resolutions", "ordinances", "bylaws", "by-laws", "orders", "presentations", "proclamations", "petitions", "delegations",
	"deputations", "correspondence", "motions", "appointments", "applications", "section", "part")

// reportParts head the parts of a report or of a decision inside an item,
// never an item of their own: "OFFICER'S RECOMMENDATION", "COUNCIL
// RESOLUTION", "BACKGROUND", "FINANCIAL IMPLICATIONS", "VOTING
// REQUIREMENT".
var reportParts = wordSet("recommendation", "recommendations", "resolution", "decision", "background",
	"purpose", "summary", "implications", "implication", "attachment", "attachments", "requirement", "requirements", "consultation",
	"reason", "reasons", "conclusion", "conclusions", "options", "officer's", "officer’s", "recommended", "resolved", "motion",
	"amendment", "disclosure", "declaration", "risk", "risks", "context", "proposal", "issues", "analysis", "outcome")

// procedureHeadings name the steps of a meeting's procedure that minutes
// head as items of their own, numbered or not: "CALL TO ORDER", "ROLL
// CALL", "PUBLIC COMMENT", "ANY OTHER BUSINESS", "ADJOURNMENT".
var procedureHeadings = wordSet("call to order", "roll call", "pledge", "allegiance", "invocation", "prayer", "prayers", "karakia",
	"welcome", "apologies", "public comment", "public comments", "public forum", "open forum", "public participation",
	"public question", "public questions", "question time", "adjournment", "adjourn", "adjourned", "closed session",
	"executive session", "in camera", "announcements", "other business", "correspondence", "matters arising",
	"declarations", "conflicts", "confirmation of minutes", "approval of minutes", "agenda changes", "approval of agenda",
	"adoption of agenda", "meeting closed", "closure", "close of meeting", "next meeting", "date of next meeting", "recess",
	"communications", "referrals")
