package minutes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tasks: how minutes set someone something to do. A task is a clause with
// someone to act (an owner: the Clerk, "JB", "Cllr Smith", the Head of
// Highways) and a verb of doing, joined by the words councils use for it —
// "Clerk to write to …", "Cllr Dee will contact …", "The Clerk was asked to
// …", "It was agreed that the Chair would …", "that the Head of Highways be
// requested to contact …", "asked the Estates Manager to fence …" — or a
// passive promise with no one named: "A letter would be sent to all
// tenants". Each reading is scored from the strength of its evidence (how
// surely the subject is an owner, how surely the next word is a verb of
// doing); a weak reading is kept with low confidence and a reason.

// word is one word of a sentence.
type word struct {
	text  string // as printed, punctuation trimmed
	low   string
	start int // byte offset in the sentence
	end   int
	// punct is the punctuation that followed the word (",", ";", ":", ".").
	punct byte
}

// splitWords splits a sentence into words, keeping where each was.
func splitWords(s string) []word {
	out := make([]word, 0, strings.Count(s, " ")+1)
	// A sentence in ASCII is lowered once and its words cut from that;
	// other text word by word, as lowering can change its lengths.
	lower := ""
	if isASCII(s) {
		lower = strings.ToLower(s)
	}
	i := 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			raw := s[i:j]
			w := word{start: i, end: j}
			if (raw[0] == '(' || raw[0] == '[') && len(out) > 0 && out[len(out)-1].punct == 0 {
				out[len(out)-1].punct = '(' // "… Christmas tree (Clerk to pass …": the bracket ends the clause before it
			}
			t := strings.TrimLeft(raw, "(\"'“‘[*")
			w.start += len(raw) - len(t)
			trimmed := strings.TrimRight(t, ".,;:!?)\"'”’]*")
			if trimmed != t {
				rest := t[len(trimmed):]
				for k := 0; k < len(rest); k++ {
					if c := rest[k]; c == ',' || c == ';' || c == ':' || c == '.' || c == ')' {
						w.punct = c
						break
					}
				}
			}
			w.text = trimmed
			w.end = w.start + len(trimmed)
			if lower != "" {
				w.low = ocrLetters(lower[w.start:w.end])
			} else {
				w.low = ocrLetters(strings.ToLower(trimmed))
			}
			if w.text != "" {
				out = append(out, w)
			}
		}
		i = j
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordsOf is splitWords(s), split once per parse while the parse keeps
// them (m.words). The words are shared: callers must not change them.
func (m *Meeting) wordsOf(s string) []word {
	if m == nil || m.words == nil {
		return splitWords(s)
	}
	ws, ok := m.words[s]
	if !ok {
		ws = splitWords(s)
		m.words[s] = ws
	}
	return ws
}

// ocrLetters reads a 1 or 0 between two letters as the l or o that OCR
// took it for: "C1erk wou1d" → "clerk would". Road numbers ("A10",
// "B1234") and dates keep their digits.
func ocrLetters(low string) string {
	first := -1
	for k := 1; k+1 < len(low); k++ {
		if (low[k] == '1' || low[k] == '0') && isASCIILetter(low[k-1]) && isASCIILetter(low[k+1]) {
			first = k
			break
		}
	}
	if first < 0 {
		return low // (most words: no copy)
	}
	b := []byte(low)
	for k := first; k+1 < len(b); k++ {
		if (b[k] == '1' || b[k] == '0') && isASCIILetter(b[k-1]) && isASCIILetter(b[k+1]) {
			if b[k] == '1' {
				b[k] = 'l'
			} else {
				b[k] = 'o'
			}
		}
	}
	return string(b)
}

// task is one task a sentence sets.
type task struct {
	owner     string
	from, to  int // byte span of the clause in the sentence
	why       string
	score     float64
	passive   bool   // no one named: "a letter would be sent"
	ownerFrom int    // word index where the owner starts
	verb      int    // word index of the verb of doing; -1 for a passive
	link      string // the words joining owner and verb ("to", "will", "agreed to"); "" for a bare verb
	// pronoun marks an owner given as "he" or "she" that the sentence
	// itself does not name: the one named before is to act (antecedent).
	pronoun bool
	verbLow string // the verb of doing, lower case; "" for a passive
}

// Evidence weights for a task reading. A reading is kept when its score
// reaches taskKeep, and kept with low confidence below taskSure.
const (
	taskKeep = 2.5
	taskSure = 3.0

	ownerStrong  = 2.0 // a role ("Clerk"), initials known to the attendance, a titled name
	ownerPlain   = 1.5 // a capitalised name
	ownerWeak    = 1.0 // an unknown set of capitals
	ownerPronoun = 0.5 // "he", "she", "they": someone named before

	verbKnown   = 1.5 // a verb of doing from the vocabulary
	verbUnknown = 0.5 // a lower-case word in the verb's place

	linkSure = 0.5 // "to", "undertook to", "was asked to": words that only set tasks ("will" sets plans too)

	passivePromise = 2.5 // "a letter would be sent": a promise with no one named, kept with low confidence
)

// pastAlike are verbs of doing whose past is their bare form: "Cllr Ames
// set out the reasons", "The Chairman put the motion" tell what was done,
// so without a "to" or "will" they are not read as a task.
var pastAlike = wordSet("set", "put", "read", "let", "cut", "hit", "shut", "spread", "cost", "quit", "upset")

// modalLinks join an owner to a verb of doing: "Clerk will contact",
// "JS agreed to attend", "Cllr Dee offered to organise".
var modalLinks = [][]string{
	{"to"}, {"will"}, {"would"}, {"shall"}, {"should"}, {"must"},
	{"is", "to"}, {"are", "to"}, {"was", "to"}, {"were", "to"},
	{"will", "also"}, {"would", "also"}, {"to", "also"}, {"will", "then"}, {"would", "then"},
	{"agreed", "to"}, {"has", "agreed", "to"}, {"have", "agreed", "to"}, {"kindly", "agreed", "to"}, {"also", "agreed", "to"},
	{"undertook", "to"}, {"undertakes", "to"}, {"offered", "to"}, {"has", "offered", "to"}, {"kindly", "offered", "to"},
	{"volunteered", "to"}, {"promised", "to"}, {"committed", "to"}, {"intends", "to"}, {"is", "going", "to"},
	{"was", "asked", "to"}, {"were", "asked", "to"}, {"has", "been", "asked", "to"}, {"have", "been", "asked", "to"},
	{"is", "asked", "to"}, {"are", "asked", "to"}, {"will", "be", "asked", "to"},
	{"was", "requested", "to"}, {"were", "requested", "to"}, {"is", "requested", "to"},
	{"be", "asked", "to"}, {"be", "requested", "to"}, {"be", "instructed", "to"}, {"be", "authorised", "to"}, {"be", "authorized", "to"},
	{"be", "invited", "to"}, {"be", "delegated", "to"}, {"be", "tasked", "with"}, {"be", "directed", "to"},
	{"be", "authorised", "and", "directed", "to"}, {"be", "authorized", "and", "directed", "to"},
	{"was", "tasked", "with"}, {"were", "tasked", "with"}, {"needs", "to"}, {"need", "to"}, {"will", "need", "to"},
	{"would", "need", "to"}, {"is", "to", "be", "asked", "to"}, {"agreed", "that", "they", "would"},
	{"has", "kindly", "offered", "to"}, {"has", "kindly", "agreed", "to"}, {"kindly", "volunteered", "to"},
	{"has", "volunteered", "to"}, {"was", "going", "to"},
}

// modalLinksFrom is modalLinks by their first word: readTasks tries at a
// word only the links that can start there.
var modalLinksFrom = phrasesByFirst(modalLinks)

// phrasesByFirst indexes phrases by their first word, each list in the
// order given.
func phrasesByFirst(phrases [][]string) map[string][][]string {
	by := map[string][][]string{}
	for _, p := range phrases {
		by[p[0]] = append(by[p[0]], p)
	}
	return by
}

// phraseAt reports whether one of the indexed phrases starts at word i.
func phraseAt(by map[string][][]string, ws []word, i int) bool {
	if i >= len(ws) {
		return false
	}
	for _, p := range by[ws[i].low] {
		if matchAt(ws, i, p) {
			return true
		}
	}
	return false
}

// askVerbs put a task on someone named after them: "asked the Clerk to
// write", "authorise the Mayor to sign", "calls on the Roads Department to
// carry out".
var askVerbs = wordSet("asked", "asks", "ask", "requested", "requests", "request", "instructed", "instructs", "instruct",
	"directed", "directs", "direct", "authorised", "authorises", "authorise", "authorized", "authorizes", "authorize",
	"invited", "invites", "invite", "delegated", "delegates", "delegate", "reminded", "tasked",
	"mandated", "empowered", "charged",
	// The -ing forms open US decisions: "authorizing the General Manager to
	// execute the agreement", "directing staff to prepare …".
	"authorising", "authorizing", "directing", "instructing", "requesting", "asking", "inviting", "delegating")

// taskVerbs are verbs of doing: what owners are set to do.
var taskVerbs = wordSet(
	"write", "contact", "arrange", "obtain", "order", "seek", "check", "enquire", "inquire", "investigate", "circulate", "send", "provide",
	"prepare", "draft", "liaise", "chase", "repair", "replace", "organise", "organize", "book", "meet", "report", "update",
	"review", "follow", "look", "speak", "email", "e-mail", "ask", "request", "confirm", "clarify", "find", "consult",
	"publish", "install", "remove", "renew", "purchase", "buy", "pay", "apply", "submit", "inform", "notify", "advise",
	"respond", "reply", "visit", "inspect", "monitor", "get", "put", "place", "erect", "fence", "cut", "clear", "invite",
	"approach", "raise", "pursue", "progress", "action", "source", "procure", "set", "forward", "pass", "share", "explore",
	"consider", "discuss", "examine", "assess", "evaluate", "identify", "research", "draw", "produce", "compile", "collate",
	"collect", "distribute", "deliver", "display", "post", "advertise", "promote", "print", "design", "plan", "schedule",
	"attend", "represent", "present", "bring", "return", "take", "make", "issue", "give", "lodge", "file", "register",
	"sign", "complete", "carry", "undertake", "implement", "introduce", "establish", "develop", "agree", "negotiate",
	"secure", "obtain", "tidy", "paint", "clean", "sweep", "mow", "trim", "plant", "fix", "mend", "move", "open", "close",
	"test", "measure", "survey", "map", "record", "keep", "maintain", "continue", "chase", "remind", "press",
	"lobby", "petition", "highlight", "flag", "escalate", "refer", "direct", "allocate", "transfer", "reimburse",
	"invoice", "bank", "cancel", "postpone", "defer", "re-advertise", "readvertise", "reapply", "resubmit", "re-submit",
	"recruit", "appoint", "train", "brief", "support", "help", "assist", "coordinate", "co-ordinate", "oversee", "manage",
	"lead", "host", "run", "hold", "convene", "canvass", "poll", "survey", "quote", "cost", "price", "budget", "fund",
	"donate", "award", "grant", "purchase", "hire", "lease", "rent", "insure", "audit", "verify", "validate", "approve",
	"seek", "enquire", "inquire", "query", "telephone", "phone", "ring", "call", "text", "message", "reply", "answer",
	"draught", "redraft", "amend", "revise", "correct", "finalise", "finalize", "complete", "circulate", "upload", "link",
	"set", "sort", "resolve", "address", "tackle", "deal", "handle", "treat", "spray", "strim", "prune", "fell", "repaint",
	"re-paint", "refurbish", "restore", "rectify", "install", "fit", "supply", "stock", "empty", "replenish",
	"thank", "acknowledge", "chase", "pursue", "explore", "act", "liaise", "query", "check", "investigate",
	"ensure", "execute", "enter", "tender", "engage", "commission", "notify", "expedite", "draw",
	"let", "revert",
)

// taskParticiples are the passive forms of the verbs of doing: "a letter
// would be sent", "details will be included", "to be posted on the website".
var taskParticiples = wordSet(
	"sent", "circulated", "provided", "forwarded", "put", "placed", "posted", "published", "advertised", "included",
	"arranged", "organised", "organized", "contacted", "written", "emailed", "e-mailed", "ordered", "purchased", "installed",
	"repaired", "replaced", "removed", "cleared", "cut", "checked", "investigated", "raised", "passed", "added", "obtained",
	"sought", "requested", "updated", "reviewed", "prepared", "drafted", "displayed", "erected", "fixed", "chased",
	"followed", "made", "issued", "given", "distributed", "submitted", "returned", "paid", "completed",
	"carried", "undertaken", "progressed", "pursued", "approached", "invited", "informed", "notified", "asked", "sent",
	"delivered", "produced", "booked", "renewed", "amended", "revised", "corrected", "finalised", "finalized", "uploaded",
	"rectified", "resolved", "addressed", "dealt", "tackled", "actioned", "raised", "reported", "shared",
	"collected", "compiled", "collated", "printed", "designed", "planned", "scheduled", "sorted", "cleaned", "swept",
	"mowed", "mown", "trimmed", "planted", "painted", "repainted", "refurbished", "restored", "fitted", "supplied", "tested",
	"inspected", "surveyed", "measured", "lodged", "filed", "registered", "investigated", "explored",
	"consulted", "canvassed", "costed", "priced", "quoted", "donated", "hired", "leased", "insured", "audited",
	"verified", "emptied", "replenished", "sprayed", "strimmed", "pruned", "felled", "moved", "opened", "closed", "fenced",
	"signed", "set", "certified", "commissioned", "notified", "tendered", "obtained",
)

// notVerbs are words that cannot follow an owner's "to" as a verb of
// doing: "the Clerk to the Council", "Members to date".
var notVerbs = wordSet("the", "a", "an", "this", "that", "these", "those", "all", "any", "be", "date", "council", "committee",
	"board", "members", "member", "him", "her", "them", "it", "its", "their", "his", "our", "my", "your", "whom", "which",
	"what", "whether", "there", "here", "no", "not", "and", "or", "but", "for", "of", "in", "on", "at", "by", "with", "from",
	"have", "has", "had", "been", "being", "is", "are", "was", "were", "become", "do", "does", "did", "like", "thank",
	"say", "mention", "agree", "express", "december", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "mr", "mrs", "ms", "dr", "cllr", "councillor", "continue")

// taskStoppers turn a modal into a wish, a condition or a description:
// "would like to", "would be happy to", "will not".
var taskStoppers = [][]string{
	{"would", "like"}, {"would", "welcome"}, {"would", "be", "happy"}, {"would", "be", "grateful"}, {"would", "be", "pleased"},
	{"would", "be", "interested"}, {"would", "be", "able"}, {"will", "be", "able"}, {"would", "not"}, {"will", "not"},
	{"would", "have"}, {"will", "have"}, {"should", "have"}, {"would", "be", "willing"}, {"will", "be", "held"},
	{"would", "be", "held"}, {"would", "be", "needed"}, {"will", "be", "needed"}, {"would", "be", "required"},
}

// ownerPronouns are subjects that stand for an owner named elsewhere.
var ownerPronouns = wordSet("he", "she", "they")

// genericSubjects are subjects that are not owners: "It would …", "This
// will …", "The report would …".
var genericSubjects = wordSet("it", "this", "that", "there", "these", "those", "which", "what", "who", "report", "item",
	"matter", "issue", "meeting", "minutes", "work", "works", "scheme", "project", "money", "funding", "cost", "costs")

// honorifics open a person's name: "cllr ellis", "Mrs Reid".
var honorifics = wordSet("cllr", "councillor", "cr", "mr", "mrs", "ms", "miss", "dr", "rev", "revd")

// officeModifiers qualify an office: "deputy clerk", "acting town clerk".
var officeModifiers = wordSet("deputy", "assistant", "acting", "senior", "interim", "chief", "principal", "parish", "town",
	"county", "city", "borough", "district", "village", "finance", "planning", "project", "locum")

func isLetters(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isASCIILetter(s[k]) && s[k] != '-' && s[k] != '\'' {
			return false
		}
	}
	return s != ""
}

// ownerRoles are the offices that are given tasks, one or two words
// (the rest of a longer office is picked up around them): "Clerk", "RFO",
// "Chair", "Head of Highways", "Borough Commander".
var ownerRoles = wordSet("clerk", "rfo", "chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice-chairman",
	"treasurer", "secretary", "mayor", "deputy mayor", "leader", "cao", "ceo", "officer", "officers", "manager", "director",
	"head", "engineer", "planner", "superintendent", "chief", "commander", "lead", "auditor", "executive", "solicitor",
	"adviser", "advisor", "inspector", "coordinator", "co-ordinator", "department", "team", "counsel", "attorney",
	"administrator", "surveyor", "staff", "members", "councillors", "council", "board", "committee", "panel", "group",
	"all", "everyone", "president", "reeve", "warden", "ranger", "lengthsman", "caretaker", "contractor", "police",
	"pcso", "constable", "sergeant", "governors", "trustees", "directors", "commissioners", "supervisors",
	"commissioner", "governor", "trustee", "supervisor", "member", "councillor", "alderman",
	"portfolio holder", "cabinet member", "city manager", "city attorney", "city clerk", "town clerk", "parish clerk",
	"chief executive", "monitoring officer", "proper officer", "working group", "sub-committee", "task group")

// ownerBefore reads the owner that ends at word k-1 (the words before a
// task's link): "the Clerk", "JB", "Cllr P. Ames and the Clerk", "the
// Head of Highways". It returns the owner as written (honorifics kept for
// cleanOwner to take off), the index of its first word, and the strength
// of the reading (0 when the words are not an owner).
func ownerBefore(ws []word, k int, att *Attendance) (string, int, float64) {
	if k <= 0 {
		return "", k, 0
	}
	// Walk back over the owner's words to a clause boundary.
	i := k - 1
	if ws[i].punct != 0 && ws[i].punct != ')' {
		return "", k, 0 // "…, to" — the comma ends the subject
	}
	start := i
	for j := i; j >= 0 && i-j < 8; j-- {
		w := ws[j]
		if j < i && w.punct != 0 && w.punct != '.' && w.punct != ')' {
			break // ", the Clerk to …": the owner starts after the comma
		}
		if j < i && w.punct == '.' && !isInitialWord(w.text) && !isTitleWord(w.low) {
			break
		}
		if (w.low == "and" || w.low == "&") && j > 0 && j < i && ws[j-1].punct == 0 && (startsUpper(ws[j-1].text) || ownerRoles[ws[j-1].low]) {
			start = j // "GH and LM", "Parks and Open Spaces Manager"
			continue
		}
		if isClauseWord(w.low) || w.text == "-" || w.text == "–" || w.text == "—" || w.text == ":" {
			break // "Fernhill Flood Risk - HL undertook …": the owner starts after the dash
		}
		start = j
	}
	words := ws[start:k]
	// Trim leading articles.
	for len(words) > 0 && (words[0].low == "the" || words[0].low == "a" || words[0].low == "an" || words[0].low == "our") {
		words = words[1:]
		start++
	}
	if len(words) == 0 {
		return "", k, 0
	}
	if !ownerPhrase(words) {
		return "", k, 0
	}
	text := joinWords(words)
	if len(words) == 1 {
		w := words[0]
		switch {
		case ownerPronouns[w.low]:
			return "", start, ownerPronoun
		case genericSubjects[w.low]:
			return "", k, 0
		case ownerRoles[w.low]:
			return w.text, start, ownerStrong
		case isInitials(w.text) && strings.ToUpper(w.text[:1]) == w.text[:1]:
			if att.expandInitials(w.text) != w.text {
				return w.text, start, ownerStrong
			}
			if strings.ToUpper(w.text) == w.text && (len(w.text) <= 2 || att.empty()) {
				return w.text, start, ownerPlain // "JB", unknown to the attendance
			}
			if strings.ToUpper(w.text) == w.text && len(w.text) <= 3 {
				return w.text, start, ownerPronoun // "SBC", "BHA": another body, most likely
			}
			return "", k, 0
		case startsUpper(w.text) && (att.expands(w.text) || att.knows(w.text)):
			return w.text, start, ownerStrong // a surname the attendance knows
		}
		if startsUpper(w.text) && start == 0 && k < len(ws) && modalAfter(ws, k) && !genericSubjects[w.low] && !sentenceOpeners[w.low] {
			return w.text, start, ownerWeak + 0.5 // "Gavin will get more information": a first name
		}
		return "", k, 0 // one capitalised word: "Pleased", "Thanks", "Looking"
	}
	// Compound owners: "GH and LM", "Cllr P. Ames and the Clerk", "RB/GD".
	if parts := splitOwnerList(text); len(parts) > 1 {
		best := 10.0
		for _, p := range parts {
			pw := splitWords(p)
			_, _, s := ownerBefore(pw, len(pw), att)
			if s < best {
				best = s
			}
		}
		if best >= ownerPlain {
			return text, start, best
		}
	}
	// A titled name: "Cllr Smith", "Councillor Dee", "Mr Quance".
	if isTitleWord(words[0].low) && len(words) >= 2 && len(words) <= 5 {
		return text, start, ownerStrong
	}
	// An office: "Parish Clerk", "Head of Highways", "Parks Officer",
	// "Portfolio Holder for Transport", "Borough Commander".
	if roleHead(words) && len(words) <= 7 {
		return text, start, ownerStrong
	}
	// A capitalised name of one to three words: not a thing's name
	// ("Council's Accommodation Strategy", "Action Plan").
	if len(words) <= 3 {
		all := true
		for _, w := range words {
			if !startsUpper(w.text) || genericSubjects[w.low] || thingWords[strings.TrimSuffix(strings.TrimSuffix(w.low, "'s"), "’s")] || strings.HasSuffix(w.low, "'s") || strings.HasSuffix(w.low, "’s") {
				all = false
			}
		}
		if all {
			if att.expands(text) || att.knows(text) {
				return text, start, ownerStrong
			}
			return text, start, ownerPlain
		}
	}
	return "", k, 0
}

// ownerAfter reads an owner that starts at word i ("… by the Clerk.").
func ownerAfter(ws []word, i int, att *Attendance) (string, float64) {
	if i < len(ws) && ws[i].low == "the" {
		i++ // "… by the Clerk"
	}
	var sub []word
	for j := i; j < len(ws) && j < i+6; j++ {
		w := ws[j]
		stop := w.punct != 0
		w.punct = 0
		sub = append(sub, w)
		if stop {
			break
		}
	}
	for n := len(sub); n > 0; n-- {
		if o, from, s := ownerBefore(sub[:n], n, att); s >= ownerPlain && from == 0 {
			return o, s
		}
	}
	return "", 0
}

// ownerPhrase reports whether words can be an owner: a name or an office
// in capitals ("Head of Highways", "Jane Birch"), or the words of an office
// in any case ("the clerk", "officers") joined by "of", "for" and "and" —
// not a clause ("Committee discussed the new approach", "Members wanted").
func ownerPhrase(words []word) bool {
	role := false
	for i, w := range words {
		switch {
		case w.low == "of" || w.low == "for" || w.low == "and" || w.low == "&" || w.low == "the" || w.low == "de" || w.low == "van" || w.low == "von":
			if i == 0 || i == len(words)-1 {
				return false
			}
		case ownerRoles[w.low] || ownerPronouns[w.low]:
			role = true
		case officeModifiers[w.low] && i+1 < len(words) && (ownerRoles[words[i+1].low] || officeModifiers[words[i+1].low]):
			// "the deputy clerk", "the acting town clerk"
		case i == 0 && honorifics[w.low] && len(words) > 1 && len(words) <= 3,
			i > 0 && honorifics[words[0].low] && len(words) <= 3 && isLetters(w.low) && !isClauseWord(w.low):
			// "cllr ellis", "councillor mary dee": a titled name in lower case
		case startsUpper(w.text) || strings.ContainsAny(w.text, "/&") || w.text[0] >= '0' && w.text[0] <= '9' && false:
		default:
			return false
		}
	}
	_ = role
	return true
}

// roleHead reports whether an office is the head of the phrase: its last
// word ("Parks Officer", "Borough Commander"), or the word before "of" or
// "for" ("Head of Highways", "Portfolio Holder for Transport").
func roleHead(words []word) bool {
	last := words[len(words)-1].low
	if ownerRoles[last] || len(words) >= 2 && ownerRoles[words[len(words)-2].low+" "+last] {
		return true
	}
	for i := 1; i < len(words); i++ {
		if words[i].low == "of" || words[i].low == "for" {
			if ownerRoles[words[i-1].low] || i >= 2 && ownerRoles[words[i-2].low+" "+words[i-1].low] {
				return i+1 < len(words) && startsUpper(words[i+1].text)
			}
		}
	}
	return false
}

// thingWords name documents, plans and schemes: a phrase with one is not
// a person ("Action Plan", "Accommodation Strategy").
var thingWords = wordSet("strategy", "plan", "plans", "report", "reports", "programme", "program", "policy", "scheme",
	"project", "fund", "funds", "budget", "document", "act", "bill", "list", "register", "survey", "review", "order",
	"application", "grant", "contract", "agreement", "framework", "assessment", "statement", "accounts", "precept",
	"audit", "website", "newsletter", "flier", "flyer", "leaflet", "letter", "email", "minutes", "agenda", "item",
	"road", "lane", "street", "hall", "park", "centre", "center", "school", "church", "bridge", "field", "green")

// modalAfter reports whether the words at k promise: "will", "would",
// "agreed to", "undertook to", "offered to".
func modalAfter(ws []word, k int) bool {
	switch ws[k].low {
	case "will", "would", "shall", "undertook", "agreed", "offered", "promised", "volunteered":
		return true
	}
	return false
}

// sentenceOpeners are capitalised words that open sentences and are not
// names: "Also will …", "Members would …".
var sentenceOpeners = wordSet("also", "members", "councillors", "officers", "staff", "everyone", "all", "some", "many",
	"this", "that", "these", "those", "it", "there", "here", "we", "they", "he", "she", "i", "you", "one", "each", "any",
	"no", "none", "nobody", "someone", "somebody", "which", "what", "who", "when", "where", "why", "how", "if", "then")

// splitOwnerList splits "GH and LM", "RB/GD", "Cllr Ames & the Clerk".
func splitOwnerList(s string) []string {
	for _, sep := range []string{" and ", " & ", "/", ", "} {
		if strings.Contains(s, sep) {
			var out []string
			for _, p := range strings.Split(s, sep) {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return nil
}

// isClauseWord reports whether a word starts a clause, so that an owner
// cannot reach back past it: "that", "and", "when", "if", "but" …
func isClauseWord(low string) bool {
	if askVerbs[low] {
		return true
	}
	switch low {
	case "that", "when", "if", "but", "so", "because", "as", "while", "whilst", "where", "which", "who", "whom",
		"agreed", "resolved", "decided", "noted", "asked", "requested", "ask", "asks", "request", "requests", "invite",
		"invited", "instruct", "instructed", "authorise", "authorised", "authorize", "authorized", "urge", "urged",
		"and", "then", "also", "further", "meanwhile",
		"therefore", "however", "action", "actions", "said", "stated", "reported", "confirmed", "explained", "suggested",
		"proposed", "seconded", "following", "after", "before", "until", "once", "since", "although", "though", "unless":
		return true
	}
	return false
}

func isTitleWord(low string) bool {
	switch strings.TrimRight(low, ".") {
	case "cllr", "cllrs", "councillor", "councillors", "cr", "mr", "mrs", "ms", "miss", "dr", "county", "district", "cyng", "cynghorydd",
		"borough", "parish", "town", "city", "rev", "revd", "reverend", "sgt", "pc", "insp", "supt", "director", "member",
		"commissioner", "trustee", "alderman", "mayor", "deputy", "vice", "president", "chairman", "chair":
		return true
	}
	return false
}

// isInitialWord is a single capital, or dotted initials: "P", "J.K".
func isInitialWord(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// matchAt reports whether the words at i spell phrase.
func matchAt(ws []word, i int, phrase []string) bool {
	if i+len(phrase) > len(ws) {
		return false
	}
	for k, p := range phrase {
		if ws[i+k].low != p {
			return false
		}
		if k < len(phrase)-1 && ws[i+k].punct != 0 {
			return false // "will, in time, …": a comma inside the link breaks it
		}
	}
	return true
}

// verbAt scores the word at i as a verb of doing.
func verbAt(ws []word, i int) float64 {
	if i >= len(ws) {
		return 0
	}
	w := ws[i].low
	if w == "have" && haveReady(ws, i) {
		return verbKnown // "Town Clerk to have the quotes in hand by the July meeting"
	}
	if !startsLower(ws[i].text) && strings.ToUpper(ws[i].text) != ws[i].text && taskVerbs[w] && !notVerbs[w] && !motionVerbs[w] && i > 0 && ws[i-1].low == "to" && titleCased(ws) {
		return verbKnown - 0.5 // "Authorize the City Manager to Execute all Required Documents"
	}
	if notVerbs[w] || !startsLower(ws[i].text) || motionVerbs[w] {
		return 0
	}
	if taskVerbs[w] {
		return verbKnown
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		return 0
	}
	return verbUnknown
}

// findTasks reads every task a sentence sets, strongest readings first
// where two overlap.
func findTasks(s string, att *Attendance) []task { return readTasks(s, att, false) }

// readTasks is findTasks; decision marks a decision's text, where the body
// itself as subject ("That Council approve …") is deciding, not tasked.
func readTasks(s string, att *Attendance, decision bool) []task {
	return readTaskWords(s, splitWords(s), att, decision)
}

// readTaskWords is readTasks on the sentence s already split into ws.
func readTaskWords(s string, ws []word, att *Attendance, decision bool) []task {
	// "4.3 Clerk to renew the lease", "(b) JB to …", "ii) …": a paragraph
	// number is not part of the owner.
	for len(ws) > 0 && paragraphLabel(ws[0].text) {
		ws = ws[1:]
	}
	if len(ws) < 2 {
		return nil
	}
	var out []task
	add := func(t task) {
		for _, o := range out {
			if t.ownerFrom == o.ownerFrom {
				return
			}
		}
		if t.ownerFrom >= 0 && selfBody(t.owner) && (decision || t.link == "") && !(t.verb >= 0 && bodyActs[ws[t.verb].low]) {
			return // "That Council approve …": the body's decision, not a task for someone
		}
		if t.ownerFrom >= 0 && t.verb >= 0 && selfBody(t.owner) && comeBackVerbs[ws[t.verb].low] {
			return // "The Committee will consider the review in January": its own business to come, a follow-up
		}
		if t.verb >= 0 && comesBackTask(ws, t.verb) {
			return // "the CEO to report back to Council in six months": a follow-up, not an action
		}
		if t.verb >= 0 {
			t.verbLow = ws[t.verb].low
		}
		out = append(out, t)
	}
	for i := 0; i < len(ws); i++ {
		// "asked the Clerk to write", "authorise the Mayor to sign".
		// (Not when the asking is itself the task: "undertook to ask the
		// Highways Authority to review …" is the officer's task.)
		callsOn := (ws[i].low == "calls" || ws[i].low == "call" || ws[i].low == "called") && i+1 < len(ws) && (ws[i+1].low == "on" || ws[i+1].low == "upon")
		asked := askVerbs[ws[i].low] || callsOn
		if asked && i > 1 && (ws[i-1].low == "to" || ws[i-1].low == "would" || ws[i-1].low == "will") && ws[i-2].punct == 0 && !(i == 2 && ws[0].low == "that") {
			asked = false // "undertook to ask the Highways Authority to …": the asking is the task ("that to direct staff to …" opens a decision)
		}
		if asked && i > 0 && ws[i-1].text == "To" {
			asked = false
		}
		if asked {
			for j := i + 2; j < len(ws) && j <= i+9; j++ {
				if ws[j].low == "to" && ws[j-1].punct == 0 {
					owner, from, os := ownerBefore(ws, j, att)
					if os == 0 || from <= i {
						// The owner is what lies between the asking and its
						// "to": "calls on the Roads Department to …".
						lo := i + 1
						if callsOn {
							lo++
						}
						owner, from, os = ownerBefore(ws[lo:j], j-lo, att)
						from += lo
					}
					if os == 0 || from <= i {
						break
					}
					if vs := verbAt(ws, j+1); vs > 0 {
						add(task{owner: owner, from: ws[i].start, ownerFrom: from, verb: j + 1, score: os + vs + linkSure, why: lowWhy(os, vs)})
					}
					break
				}
				if ws[j].punct == '.' || ws[j].punct == ';' {
					break
				}
			}
		}
		// "<owner> <link> <verb>".
		for _, link := range modalLinksFrom[ws[i].low] {
			if !matchAt(ws, i, link) {
				continue
			}
			if stopped(ws, i) {
				break
			}
			owner, from, os := ownerBefore(ws, i, att)
			if os == 0 && i > 1 && ws[i-1].low == "who" && ws[i-2].punct == ',' {
				// "referred to the Cabinet Member for Environment, who will
				// respond": the one named before "who".
				cut := append([]word(nil), ws[:i-1]...)
				cut[len(cut)-1].punct = 0
				owner, from, os = ownerBefore(cut, i-1, att)
			}
			if os == 0 && i >= 2 && isDash(ws[i-1].text) {
				// "KB – to get the noticeboard key cut"
				owner, from, os = ownerBefore(ws, i-1, att)
			}
			if os == 0 && i >= 2 && ws[i-1].punct == 0 && !isDash(ws[i-1].text) {
				// "Website the council pages are out of date Clerk to
				// update them": a line run on without its full stop; the
				// office or initials just before the link.
				owner, from, os = runOnOwner(ws, i, att)
			}
			if os == 0 && i == 1 && lowerInitials(ws[0].text) {
				// "mj to contact the football club": initials typed in lower case
				owner, from, os = strings.ToUpper(ws[0].text), 0, ownerPlain
			}
			if os == 0 && i > 2 && ws[i-1].punct == ',' {
				// "Ms Ní Bhriain, Senior Executive Officer, will revert":
				// the name before the office set off by commas.
				owner, from, os = appositiveOwner(ws, i, att)
			}
			shared := false
			if os == 0 && i > 0 && (ws[i-1].low == "and" || ws[i-1].low == "but") {
				// "The CEO took the question on notice and will respond":
				// the sentence's subject acts.
				owner, from, os = subjectOf(ws, i, att)
				shared = os > 0
			}
			if os == ownerPronoun {
				// "The Engineer indicated that he would bring …": the one
				// who said it.
				if o, f, s := subjectOf(ws, from, att); s > ownerPronoun {
					owner, os = o, s
					_ = f
				}
			}
			if (strings.EqualFold(owner, "all") || strings.EqualFold(owner, "everyone")) && from > 0 && ws[from-1].punct == 0 {
				break // "she urged all to send in comments": an appeal, not a task ("ALL to check …" opens a clause)
			}
			if os == 0 {
				// "that the Clerk approach Biomass": a subjunctive task
				// after "agreed/resolved that" is read below.
				break
			}
			if askedOf(ws, from) {
				break // "undertook to ask the Highways Authority to review": the asking is the task
			}
			vs := verbAt(ws, i+len(link))
			if (link[0] == "would" || link[0] == "could" || link[0] == "should") && reportedSpeech(ws, from) && !committed(ws, i) && (link[0] != "would" || vs < verbKnown || selfBody(owner) || mayHappen(ws, i) || os < ownerPlain && !(os == ownerPronoun && owner == "")) {
				break // "she felt that it would help": reported, with nothing due and no verb of doing
			}
			if link[len(link)-1] == "with" {
				vs = verbKnown // "tasked with preparing …"
			}
			if vs == 0 {
				break
			}
			ls := 0.0
			if link[0] == "to" || link[0] == "undertook" || link[0] == "agreed" || link[0] == "offered" || link[0] == "be" || len(link) > 1 {
				ls = linkSure
			} else if selfBody(owner) {
				os = ownerPlain // "Council would encounter …": the body's plans, not a task, unless the verb says so
			}
			t := task{owner: owner, from: ws[from].start, ownerFrom: from, verb: i + len(link), link: strings.Join(link, " "), score: os + vs + ls, why: lowWhy(os, vs),
				pronoun: os == ownerPronoun && owner == "" && (ws[from].low == "he" || ws[from].low == "she")}
			if shared && (link[0] == "will" || link[0] == "would" || link[0] == "shall") && !selfBody(owner) && slices.ContainsFunc(out, func(t task) bool { return t.owner == owner }) {
				// "AR will pursue a definitive map and will chase up the
				// bridges": a second task of the same owner, its own clause.
				t.from, t.ownerFrom = ws[i].start, -2000-i
			}
			add(t)
			break
		}
		// "agreed that the Clerk approach Biomass", "resolved that the
		// Chair write to …": the owner and a bare verb after "that".
		if ws[i].low == "that" && (i == 0 || subjunctiveAfter[ws[i-1].low]) {
			for j := i + 2; j < len(ws) && j <= i+8; j++ {
				vs := verbAt(ws, j)
				if vs < verbKnown && thirdPerson(ws[j]) && !askVerbs[ws[j].low] && ws[j].low != "calls" {
					vs = verbKnown // "request that the Leader writes to …", "that the Town Clerk arranges …"
				}
				if vs < verbKnown {
					if ws[j].punct != 0 {
						break
					}
					continue
				}
				owner, from, os := ownerBefore(ws, j, att)
				if selfReview(owner, ws[j].low) {
					break // "asked that the Committee look at the results again": it comes back, a follow-up
				}
				if os >= ownerPlain && from == i+1 || os >= ownerPlain && from == i+2 && ws[i+1].low == "the" {
					add(task{owner: owner, from: ws[from].start, ownerFrom: from, verb: j, score: os + vs, why: lowWhy(os, vs)})
				}
				break
			}
		}
		// "a letter would be sent", "to be posted on the website",
		// "will also be advertised", "is to be rectified by CGM".
		if ws[i].low == "be" && i+1 < len(ws) && ws[i-min(i, 1)].punct == 0 {
			pp := i + 1
			if pp < len(ws) && (ws[pp].low == "also" || ws[pp].low == "then" || ws[pp].low == "duly") {
				pp++
			}
			if pp >= len(ws) || !taskParticiples[ws[pp].low] || !passiveFuture(ws, i) {
				continue
			}
			if ws[pp].low == "signed" && (lowerHas(ws[0].low, "minutes") || sentenceHas(ws, "minutes", "record")) {
				continue // "the minutes … be signed by the Chair": the record approved, not a task
			}
			if ws[pp].low == "set" && !(pp+1 < len(ws) && ws[pp+1].low == "up") {
				continue // "be set at £241.17": a figure fixed ("would be set up": a group formed)
			}
			if comesBackWords[ws[pp].low] && (committed(ws, pp) || comesBackTask(ws, pp)) || ws[pp].low == "added" && comesBackTask(ws, pp) || ws[pp].low == "provided" && comesBackTask(ws, pp) {
				continue // "would be reported to the Committee": a follow-up, not an action
			}
			if stopped(ws, i-1) || conditional(ws, i) {
				continue
			}
			if (ws[i-1].low == "would" || i > 1 && ws[i-2].low == "would" && ws[i-1].low == "also") && !committed(ws, i) && !indefiniteSubject(ws, i) {
				continue // "leaflets would be sent to residents": a plan described ("A reminder would be sent" sets one thing done)
			}
			owner, os := "", 0.0
			for j := pp + 1; j+1 < len(ws) && j <= pp+8; j++ {
				if ws[j].low == "by" {
					owner, os = ownerAfter(ws, j+1, att)
					break
				}
				if ws[j].punct != 0 {
					break
				}
			}
			t := task{owner: owner, from: 0, ownerFrom: -1 - i, verb: -1, score: passivePromise + os*0.5, passive: owner == ""}
			if owner == "" {
				t.why = "no one is named to do it"
			}
			add(t)
			// "… signed by the Chair and returned to the auditor by the
			// Clerk": a second deed, with its own doer.
			for j := pp + 1; j+1 < len(ws) && j <= pp+10; j++ {
				if ws[j].punct == '.' || ws[j].punct == ';' {
					break
				}
				if ws[j].low != "and" || !taskParticiples[ws[j+1].low] || ws[j-1].punct == 0 && owner == "" {
					continue
				}
				second, s2 := "", 0.0
				for k := j + 2; k+1 < len(ws) && k <= j+10; k++ {
					if ws[k].low == "by" {
						second, s2 = ownerAfter(ws, k+1, att)
						break
					}
					if ws[k].punct == '.' || ws[k].punct == ';' {
						break
					}
				}
				if second != "" && second != owner {
					add(task{owner: second, from: ws[j+1].start, ownerFrom: -1 - (j + 1), verb: -1, score: passivePromise + s2*0.5})
				}
				break
			}
		}
	}
	// "Clerk reply with TCC's available dates", "Clerk ask Cllr Ashman
	// if …": an office opening the sentence with a bare verb of doing.
	if len(ws) >= 3 {
		for k := 1; k <= 3 && k < len(ws); k++ {
			if startsLower(ws[k].text) && (!taskVerbs[ws[k].low] || pastAlike[ws[k].low]) {
				break // the owner's words end at the first in lower case, and that one is no bare verb of doing ("looks forward", "set out")
			}
			if !taskVerbs[ws[k].low] || ws[k-1].punct != 0 {
				continue
			}
			owner, from, os := ownerBefore(ws, k, att)
			opens := from == 0 || from == 1 && ws[0].low == "the" // "The Chair write to …"
			office := ownerRoles[strings.ToLower(strings.TrimPrefix(owner, "The "))] && !pluralOwners[strings.ToLower(owner)]
			titled := honorifics[ws[from].low] && k-from <= 3 // "Cllr Parker chase …"
			// Initials the attendance does not know are weak evidence:
			// such a task is kept, unsure, for the clerk to confirm.
			if opens && (os >= ownerStrong && (office || titled || isInitials(owner)) || os >= ownerWeak && isInitials(owner)) {
				score, why := os+verbKnown, lowWhy(os, verbKnown)
				if !office && score >= taskSure {
					// A name and a bare verb may be a report with its "-ed"
					// lost ("Cllr Parker attend the conference on 16th
					// October"): kept, for the clerk to confirm.
					score, why = taskSure-0.25, "a name and a bare verb, with no \"to\" or \"will\": a task or a report of one"
				}
				add(task{owner: owner, from: 0, ownerFrom: from, verb: k, link: "", score: score, why: why})
			}
			break
		}
	}
	// "It was agreed to purchase a wreath", "It was agreed to ask two
	// Councillors to check …": the body agrees to do something, and no one
	// is named — a task for the clerk to see done (the decision reader
	// records the decision too).
	for i := 0; i+3 < len(ws); i++ {
		if ws[i].low == "agreed" && ws[i+1].low == "to" && i >= 2 && ws[i-1].low == "was" && (ws[i-2].low == "it" || i >= 3 && isAdverb(ws[i-2].low) && ws[i-3].low == "it") {
			v := ws[i+2].low
			if (taskVerbs[v] || v == "continue" && i+3 < len(ws) && strings.HasSuffix(ws[i+3].low, "ing")) && !decisionOnlyVerbs[v] && !askVerbs[v] {
				add(task{owner: "", from: 0, ownerFrom: -1000 - i, verb: i + 2, link: "agreed to", score: passivePromise, why: "no one is named to do it", passive: true})
			}
		}
	}
	// "Delegate authority to the Director of Public Health to …",
	// "delegates to the Chief Executive authority to sign …": the one
	// given the authority is to act on it.
	for i := 0; i+2 < len(ws); i++ {
		if !delegateWords[ws[i].low] || ws[i].punct != 0 && ws[i].low != "delegated" {
			continue
		}
		k := i + 1
		if ws[k].low == "authority" || ws[k].low == "powers" || ws[k].low == "power" {
			k++
		}
		if k+1 >= len(ws) || ws[k].low != "to" {
			continue
		}
		k++
		if ws[k].low == "the" {
			k++
		}
		if owner, os := ownerAfter(ws, k, att); os >= ownerPlain {
			add(task{owner: owner, from: ws[i].start, ownerFrom: k, verb: -1, link: "delegate", score: os + verbKnown, why: lowWhy(os, verbKnown)})
		}
	}
	// "Cllr Mawdsley is arranging a call", "the Clerk is obtaining quotes",
	// "Officers will be carrying out a further consultation".
	for i := 1; i+1 < len(ws); i++ {
		at := i
		if (ws[i].low == "will" || ws[i].low == "would") && ws[i+1].low == "be" && i+2 < len(ws) {
			i++
		}
		if (ws[i].low == "is" || ws[i].low == "are" || i > at) && strings.HasSuffix(ws[i+1].low, "ing") && taskVerbs[ingStem(ws[i+1].low)] && !(i > at && (presentingVerbs[ingStem(ws[i+1].low)] || ingStem(ws[i+1].low) == "attend")) {
			if owner, from, os := ownerBefore(ws, at, att); i > at && os >= ownerPlain {
				add(task{owner: owner, from: ws[from].start, ownerFrom: from, verb: i + 1, link: "will be", score: os + verbKnown, why: lowWhy(os, verbKnown)})
				continue
			}
		}
		if i > at {
			i = at
			continue
		}
		if (ws[i].low == "is" || ws[i].low == "are") && strings.HasSuffix(ws[i+1].low, "ing") && taskVerbs[ingStem(ws[i+1].low)] {
			if owner, from, os := ownerBefore(ws, i, att); os >= ownerPlain {
				add(task{owner: owner, from: ws[from].start, ownerFrom: from, verb: i + 1, link: "is", score: os + verbKnown, why: lowWhy(os, verbKnown)})
			}
		}
	}
	// Each task's clause runs to the start of the next one.
	for k := range out {
		out[k].to = len(s)
	}
	if len(out) > 1 {
		sortTasks(out)
		for k := 0; k+1 < len(out); k++ {
			if out[k+1].from > out[k].from {
				out[k].to = trimClauseEnd(s, out[k+1].from)
			}
		}
	}
	return out
}

// delegateWords hand a decision to someone to carry out.
var delegateWords = wordSet("delegate", "delegates", "delegating", "delegated")

// presentingVerbs are what a speaker does at the meeting itself: "She
// would report on the action plan" introduces her talk, not a task.
var presentingVerbs = wordSet("report", "present", "update", "brief", "explain", "outline", "introduce", "give", "speak", "talk", "describe", "summarise", "summarize", "take")

// indefiniteSubject reports whether the passive at word i has for subject
// the noun phrase that opens the sentence with "a" or "an": "A reminder
// would be sent", "A working party would be set up" — one new thing to
// be done — and not "A Member asked how this matter would be resolved".
func indefiniteSubject(ws []word, i int) bool {
	if len(ws) == 0 || ws[0].low != "a" && ws[0].low != "an" || i > 7 {
		return false
	}
	for j := 1; j < i-1; j++ {
		if ws[j].punct != 0 || isClauseWord(ws[j].low) || askVerbs[ws[j].low] || strings.HasSuffix(ws[j].low, "ed") {
			return false
		}
		switch ws[j].low {
		case "how", "whether", "said", "says", "asked", "felt", "thought", "suggested":
			return false
		}
	}
	return true
}

// sentenceHas reports whether any of the words is one of the sentence's.
func sentenceHas(ws []word, words ...string) bool {
	for _, w := range ws {
		for _, x := range words {
			if w.low == x {
				return true
			}
		}
	}
	return false
}

// determiners open a noun phrase: "will have the culvert cleared".
var determiners = wordSet("the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "all", "some", "new")

// bodyActs are what a body decides to do itself that someone must then
// do for it: "That the Committee write to the Minister …".
var bodyActs = wordSet("write", "send", "contact", "lobby", "petition", "invite", "engage", "seek")

// thirdPerson reports whether w is a verb of doing in its -s form
// ("writes", "arranges", "ensures"), as decisions put it: "that the Town
// Clerk arranges the signage".
func thirdPerson(w word) bool {
	if !startsLower(w.text) || !strings.HasSuffix(w.low, "s") || len(w.low) < 5 {
		return false
	}
	stem := strings.TrimSuffix(w.low, "s")
	if taskVerbs[stem] && !motionVerbs[stem] {
		return true
	}
	stem = strings.TrimSuffix(stem, "e")
	return (strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "ss") || strings.HasSuffix(stem, "x")) && taskVerbs[stem]
}

// titleCased reports whether most of a sentence's words are capitalised,
// as in the title of a US agenda item.
func titleCased(ws []word) bool {
	upper, n := 0, 0
	for _, w := range ws {
		if len(w.low) <= 3 {
			continue // "to", "the", "of", "all"
		}
		n++
		if !startsLower(w.text) {
			upper++
		}
	}
	return n >= 3 && upper*3 >= n*2
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// runOnOwner reads an owner of one or two words — an office ("Clerk",
// "Parish Clerk"), known initials or a titled name — ending at word i-1
// after words in lower case that cannot be part of it.
func runOnOwner(ws []word, i int, att *Attendance) (string, int, float64) {
	for n := 1; n <= 2 && i-n > 0; n++ {
		if !startsLower(ws[i-n-1].text) || ws[i-n-1].low == "the" || ws[i-n-1].low == "and" || askVerbs[ws[i-n-1].low] {
			continue
		}
		sub := ws[i-n : i]
		if !startsUpper(sub[0].text) {
			continue // "commits officers to acknowledge": the sentence's own words, not a new clause
		}
		if objectVerbs[ws[i-n-1].low] {
			return "", i, 0 // "to enable Council to carry out", "for the Board to authorize": its object, not a new clause
		}
		o, from, sc := ownerBefore(sub, n, att)
		if selfBody(o) || bodyWord(strings.ToLower(o)) {
			return "", i, 0
		}
		if sc >= ownerStrong && from == 0 && (ownerRoles[strings.ToLower(o)] || roleHead(sub) || isInitials(o) || isTitleWord(sub[0].low)) {
			return o, i - n, sc
		}
	}
	return "", i, 0
}

// objectVerbs take an object and a "to" after it: "enable Council to
// act", "for the Board to decide", "wants staff to check".
var objectVerbs = wordSet("enable", "enables", "allow", "allows", "allowed", "help", "helps", "require", "requires", "required",
	"permit", "permits", "for", "encourage", "encourages", "encouraged", "want", "wants", "wanted", "expect", "expects",
	"expected", "need", "needs", "urge", "urges", "urged", "invite", "invites", "get", "got", "leave", "left", "cause", "force",
	"forced", "persuade", "tell", "told", "remind", "reminded", "ask", "asked", "wish", "wished", "like", "prefer", "empower",
	"commits", "commit", "oblige", "obliges", "obliged", "entitle", "entitles", "entitled", "mandate", "mandates")

// lowerInitials reports whether w is two or three letters of initials
// typed in lower case ("mj", "kb") rather than a short word.
func lowerInitials(w string) bool {
	if len(w) < 2 || len(w) > 3 || !isLetters(w) || strings.ToLower(w) != w {
		return false
	}
	switch w {
	case "up", "go", "so", "as", "is", "me", "us", "on", "in", "it", "to", "do", "be", "we", "he", "no", "or", "an", "at", "by",
		"of", "if", "my", "am", "ok", "oh", "and", "the", "has", "had", "was", "are", "how", "now", "due", "not", "yet", "who",
		"all", "one", "two", "way", "day", "set", "put", "get", "got", "try", "new", "old", "any", "see", "say", "let",
		"key", "use", "own", "far", "out", "off", "too", "you", "she", "her", "his", "its", "our", "may", "can", "did", "per",
		"vat", "etc", "re", "cc":
		return false
	}
	return true
}

// appositiveOwner reads "<name>, <office>," ending at word i-1: the name
// is the owner, the office between the commas describes them.
func appositiveOwner(ws []word, i int, att *Attendance) (string, int, float64) {
	for c := i - 2; c >= 0 && c >= i-7; c-- {
		if ws[c].punct != ',' {
			continue
		}
		office := append([]word(nil), ws[c+1:i]...)
		office[len(office)-1].punct = 0
		if !roleHead(office) {
			return "", i, 0
		}
		cut := append([]word(nil), ws[:c+1]...)
		cut[c].punct = 0
		if o, from, s := ownerBefore(cut, c+1, att); s >= ownerPlain {
			return o, from, s
		}
		return "", i, 0
	}
	return "", i, 0
}

// askedOf reports whether the owner at word from is someone a task asks:
// "… to ask the County Highways Authority to review", "To ask the District
// Manager to install …" — their doing is not this body's action.
func askedOf(ws []word, from int) bool {
	k := from - 1
	if k >= 0 && ws[k].low == "the" {
		k--
	}
	return k >= 1 && askVerbs[ws[k].low] && (ws[k-1].low == "to" || ws[k-1].low == "will" || ws[k-1].low == "would")
}

// subjunctiveAfter are the words after which "that <owner> <verb>" sets
// a task: "agreed that the Clerk approach Biomass", "resolved that the
// Chair write to the Minister", "and that the Treasurer pay …".
var subjunctiveAfter = wordSet("agreed", "resolved", "requested", "request", "requests", "decided", "asked", "asks", "and",
	"directed", "instructed", "recommended", "recommends", "proposed", "moved", "ordered", "determined")

// selfReview reports whether a task is the body's own business at a
// later meeting — "the Committee look at …", "Members consider …" — which
// makes it a follow-up rather than an action.
func selfReview(owner, verb string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(owner, "the "), "The ")) {
	case "committee", "board", "panel", "council", "cabinet", "members", "meeting", "sub-committee", "forum":
	default:
		return false
	}
	switch verb {
	case "look", "consider", "review", "discuss", "receive", "revisit", "return", "reconsider", "see", "examine", "scrutinise", "note":
		return true
	}
	return false
}

// subjectOf reads the owner that opens the sentence, before word limit:
// "The CEO took the question on notice and will respond" → "The CEO".
func subjectOf(ws []word, limit int, att *Attendance) (string, int, float64) {
	for k := 1; k < limit && k <= 8; k++ {
		if startsLower(ws[k].text) && !ownerRoles[ws[k].low] && ws[k].low != "of" && ws[k].low != "for" && ws[k].low != "and" && ws[k].low != "the" {
			o, from, s := ownerBefore(ws, k, att)
			if from == 0 || from == 1 && ws[0].low == "the" {
				return o, from, s
			}
			return "", limit, 0
		}
	}
	return "", limit, 0
}

// paragraphLabel reports whether a word is a paragraph's number or
// label: "4.3", "12", "(b)", "ii)", "a.".
func paragraphLabel(w string) bool {
	w = strings.Trim(w, "().")
	if w == "" {
		return true
	}
	if len(w) <= 4 && strings.Trim(w, "ivx") == "" {
		return true
	}
	if len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' {
		return true
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// haveReady reports whether "have" at i is a task: "to have the quotes in
// hand", "will have the proposal to Members", "to have the accounts ready".
func haveReady(ws []word, i int) bool {
	for j := i + 1; j < len(ws) && j <= i+8; j++ {
		if j > i+1 && taskParticiples[ws[j].low] && determiners[ws[i+1].low] {
			return true // "will have the culvert cleared"
		}
		switch ws[j].low {
		case "ready", "hand", "done", "completed", "prepared", "available", "finished", "signed":
			return true
		case "to":
			if j+1 < len(ws) && (ws[j+1].low == "the" || ws[j+1].low == "members" || ws[j+1].low == "all") {
				return true
			}
		}
	}
	return false
}

// motionVerbs are what a mover moves, not a task: "Moved by Vlassis to
// adopt", "Cllr Ames to approve".
var motionVerbs = wordSet("adopt", "approve", "accept", "receive", "note", "endorse", "ratify", "defer", "table", "concur")

// decisionOnlyVerbs decide without setting anyone a task: "agreed to
// approve", "agreed to support", "agreed to defer".
var decisionOnlyVerbs = wordSet("approve", "adopt", "accept", "note", "support", "defer", "endorse", "ratify", "recommend",
	"refuse", "reject", "object", "grant", "confirm", "agree", "receive", "consider", "discuss", "review", "keep", "hold",
	"postpone", "continue", "allow", "permit", "retain", "maintain", "leave", "wait", "abandon", "decline", "oppose")

// ingStem is the verb an -ing form comes from: "arranging" → "arrange",
// "obtaining" → "obtain", "chasing" → "chase", "getting" → "get".
func ingStem(w string) string {
	b := strings.TrimSuffix(w, "ing")
	if taskVerbs[b] {
		return b
	}
	if taskVerbs[b+"e"] {
		return b + "e"
	}
	if len(b) > 2 && b[len(b)-1] == b[len(b)-2] && taskVerbs[b[:len(b)-1]] {
		return b[:len(b)-1]
	}
	return b
}

// passiveFuture reports whether the "be" at i is a promise: "will be",
// "would be", "is to be", "to be", "should be", "needs to be".
func passiveFuture(ws []word, i int) bool {
	if i == 0 {
		return false
	}
	// "requested that a copy … be shared", "asked that the figures be
	// circulated": a request that something be done.
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		if ws[j].low == "that" && (j == 0 || ws[j-1].low == "requested" || ws[j-1].low == "asked" || ws[j-1].low == "agreed" || ws[j-1].low == "resolved" || ws[j-1].low == "and") {
			return true // "That a letter be sent", "… and that the complaint be forwarded"
		}
		if ws[j].punct == '.' || ws[j].punct == ';' {
			break
		}
	}
	switch ws[i-1].low {
	case "will", "would", "shall", "also":
		return true
	case "to":
		// "To be signed by the Chair", "Appeal; to be posted on the
		// website", "The accounts are to be certified": at a clause's
		// start or after "is/are"; not "the requirement … to be raised",
		// "was going to be completed".
		if i < 2 {
			return true
		}
		prev := ws[i-2]
		if prev.punct == ';' || prev.punct == ':' || prev.text == "–" || prev.text == "-" || prev.low == "is" || prev.low == "are" {
			return true
		}
		if prev.low == "need" && i >= 3 && (ws[i-3].low == "will" || ws[i-3].low == "shall") {
			return true // "the hedge will need to be cut back" (not "would need to be", "needs to be": a need described)
		}
		// "asked for details to be sent to her", "requested that the
		// figures be circulated": a request that something be done.
		for j := i - 2; j >= 0 && j >= i-10; j-- {
			if (ws[j].low == "for" && j > 0 && (ws[j-1].low == "asked" || ws[j-1].low == "called")) || ws[j].low == "requested" || ws[j].low == "requests" {
				return true
			}
		}
	}
	return false
}

// comesBackWords are the participles of something coming back to the
// body: with the body as destination they make a follow-up.
var comesBackWords = wordSet("reported", "presented", "brought", "submitted", "considered", "returned", "tabled", "discussed", "reviewed", "given", "invited")

// comesBackTask reports whether the verb at v brings something back to
// the body itself — "to report back to Council", "provide a written
// response to the Committee", "bring the figures to the next meeting" —
// which makes the task a follow-up. Information sent to Members ("provide
// Members with a timetable") stays an action.
func comesBackTask(ws []word, v int) bool {
	switch ws[v].low {
	case "report", "update", "present", "bring", "return", "submit", "provide", "give", "come", "table", "reconsider", "revisit",
		"reported", "presented", "brought", "returned", "submitted", "provided", "given", "tabled", "added", "considered",
		"invited", "attend":
	default:
		return false
	}
	for j := v + 1; j < len(ws) && j <= v+20; j++ {
		switch ws[j].low {
		case "council", "committee", "board", "panel", "cabinet", "forum", "sub-committee":
			if j+1 < len(ws) && (ws[j+1].low == "members" || ws[j+1].low == "member") {
				return false // "to Panel members": information for Members, an action
			}
			if ws[j-1].low == "to" || ws[j-1].low == "the" && ws[j-2].low == "to" || ws[j-1].low == "this" || ws[j-1].low == "its" {
				return true
			}
		case "meeting":
			for k := j - 1; k >= v && k >= j-4; k-- {
				if w := ws[k].low; w == "next" || w == "following" || w == "future" || w == "council" || w == "committee" || w == "board" || monthOf(w) != 0 && len(w) >= 3 {
					return true
				}
			}
			return false
		}
		if ws[j].punct == '.' || ws[j].punct == ';' {
			break
		}
	}
	return false
}

// reportedSpeech reports whether the clause at word from reports what
// someone said: "The Director stated that he would …", "she added that …".
func reportedSpeech(ws []word, from int) bool {
	for j := from - 1; j >= 0; j-- {
		switch ws[j].low {
		case "said", "says", "stated", "states", "added", "explained", "advised", "indicated", "confirmed", "reported",
			"noted", "informed", "assured", "suggested", "commented", "mentioned", "felt", "believed", "thought",
			"clarified", "responded", "replied", "remarked", "observed", "announced", "acknowledged", "hoped", "expected":
			return true
		}
	}
	return false
}

// committed reports whether a sentence ties its promise down: a date or
// time it is due ("by 3 May", "within two weeks", "before the next
// meeting", "next week"), or Members or the body to hear back ("would be
// provided to Members", "report back to the Committee").
func committed(ws []word, i int) bool {
	for j := i; j < len(ws); j++ {
		w := ws[j].low
		switch w {
		case "by", "within", "before":
			if j+1 < len(ws) && (ws[j+1].text[0] >= '0' && ws[j+1].text[0] <= '9' || monthOf(ws[j+1].low) != 0 || ws[j+1].low == "next" || ws[j+1].low == "end") {
				return true
			}
			if j+2 < len(ws) && ws[j+1].low == "the" && (ws[j+2].low == "end" || ws[j+2].low == "next" || ws[j+2].low == "following" || ws[j+2].low == "time") {
				return true
			}
		case "in", "during":
			// "in the spring", "in the new year", "in March"
			if j+1 < len(ws) && monthOf(ws[j+1].low) != 0 && len(ws[j+1].low) >= 3 {
				return true
			}
			if j+2 < len(ws) && ws[j+1].low == "the" && (ws[j+2].low == "spring" || ws[j+2].low == "summer" || ws[j+2].low == "autumn" || ws[j+2].low == "winter" || ws[j+2].low == "new" || ws[j+2].low == "coming") {
				return true
			}
		case "next", "following":
			if j+1 < len(ws) && (ws[j+1].low == "week" || ws[j+1].low == "meeting" || ws[j+1].low == "month") {
				return true
			}
		case "members", "councillors", "committee", "board", "panel", "cabinet", "council":
			if j > 0 && (ws[j-1].low == "to" || ws[j-1].low == "the" && j > 1 && ws[j-2].low == "to" || ws[j-1].low == "all" && j > 1 && ws[j-2].low == "to") {
				return true
			}
		case "back":
			if j > 0 && (ws[j-1].low == "report" || ws[j-1].low == "reported" || ws[j-1].low == "come" || ws[j-1].low == "brought") {
				return true
			}
		}
	}
	return false
}

// conditional reports whether the words before i make a promise a
// condition or a hope ("if a grant would be given …", "it was hoped that
// funding would be made available"): not something anyone is to do.
func conditional(ws []word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		switch ws[j].low {
		case "if", "whether", "unless", "hoped", "hopes", "hoping", "expected", "expects", "anticipated", "wondered":
			return true
		}
	}
	return false
}

// mayHappen reports whether a "could", "might" or "may" before word i
// makes what follows hang on it: "the thefts could be raised with him and
// he would pass the information on".
func mayHappen(ws []word, i int) bool {
	for j := 0; j < i; j++ {
		switch ws[j].low {
		case "could", "might", "may":
			return true
		}
	}
	return false
}

// selfBody reports whether an owner is the meeting's own body.
func selfBody(owner string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(owner, "the "), "The ")) {
	case "committee", "board", "panel", "council", "cabinet", "members", "meeting", "sub-committee", "forum", "pc", "cc", "councillors":
		return true
	}
	return false
}

// stopped reports whether the modal at i is a wish or a negation.
func stopped(ws []word, i int) bool {
	if i < 0 {
		return false
	}
	if i+2 < len(ws) && ws[i+1].low == "have" && determiners[ws[i+2].low] && (ws[i].low == "will" || ws[i].low == "would") {
		return false // "will have the culvert cleared": to get it done
	}
	for _, p := range taskStoppers {
		if matchAt(ws, i, p) {
			return true
		}
	}
	return false
}

func lowWhy(owner, verb float64) string {
	switch {
	case owner <= ownerWeak:
		return "the one to act is not named"
	case verb < verbKnown:
		return "not sure it is a task"
	}
	return ""
}

func sortTasks(ts []task) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].from < ts[j-1].from; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// trimClauseEnd cuts a clause before the next task's clause: "GH to check
// the hedge and LM to order the signs" → "GH to check the hedge".
func trimClauseEnd(s string, next int) int {
	head := strings.TrimRight(s[:next], " ")
	for _, sep := range []string{" and", ",", ";", " but", " while", " whilst"} {
		if strings.HasSuffix(head, sep) {
			return len(head) - len(sep)
		}
	}
	return len(head)
}
