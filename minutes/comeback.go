package minutes

import "strings"

// Coming back: how minutes say a matter is due back to the body. A
// follow-up names where it comes back — a meeting ("the next meeting",
// "the July meeting", "a special meeting on 26 November"), the body ("to
// the Committee", "before Cabinet"), an agenda ("add to the September
// agenda") — and how: something is brought, reported, presented,
// considered, deferred, held over, carried forward, or someone is invited
// to attend; or the body asks to be kept informed, or for future reports
// to show something. The reader scores that evidence as the task reader
// does, and a sentence that only looks back ("considered at the last
// meeting") or states the next meeting's date is not one.

// comeBackVerbs move a matter to a later meeting of the body.
var comeBackVerbs = wordSet(
	"report", "reports", "reported", "reporting", "update", "updates", "updated", "bring", "brings", "brought", "bringing",
	"present", "presents", "presented", "submit", "submitted", "consider", "considered", "considering", "discuss",
	"discussed", "defer", "deferred", "deferring", "postpone", "postponed", "adjourn", "adjourned", "return", "returns",
	"returned", "revisit", "revisited", "review", "reviewed", "come", "coming", "follow", "feature", "include", "included",
	"add", "added", "adding", "place", "placed", "put", "list", "listed", "table", "tabled", "attend", "invite", "invited",
	"re-examine", "reconsider", "reconsidered", "resubmit", "resubmitted", "circulate", "circulated", "provide", "provided",
	"show", "look", "looked", "see", "receive", "received", "hear", "heard", "examine", "scrutinise", "scrutinize", "explain",
	"re-listed", "relisted", "listed", "co-opted", "appointed", "elected",
)

// carriedPhrases move an item on with no verb from the list: "carried
// forward to", "held over to", "kept informed", "brought back".
var carriedPhrases = [][]string{
	{"defer", "until"}, {"deferred", "until"}, {"delay", "final", "consideration"}, {"continued", "to"},
	{"date", "of", "hearing"}, {"public", "hearing", "on"}, {"hearing", "set", "for"}, {"set", "a", "hearing"},
	{"carried", "forward"}, {"carry", "forward"}, {"held", "over"}, {"hold", "over"}, {"holding", "over"},
	{"kept", "informed"}, {"keep", "the", "committee", "informed"}, {"kept", "updated"}, {"kept", "up", "to", "date"},
	{"come", "back"}, {"came", "back"}, {"comes", "back"}, {"brought", "back"}, {"report", "back"}, {"reported", "back"}, {"will", "follow"},
	{"would", "follow"}, {"future", "reports"}, {"future", "updates"}, {"next", "report"}, {"next", "annual", "report"},
	{"next", "update"}, {"further", "report"}, {"further", "update"}, {"progress", "report"}, {"fuller", "report"},
}

// keptInformed are the ways a body asks to hear more, with or without a
// date: each is a follow-up on its own.
var keptInformed = [][]string{
	{"kept", "informed"}, {"kept", "updated"}, {"kept", "up", "to", "date"}, {"keep", "the", "committee", "informed"},
	{"keep", "members", "informed"}, {"keep", "members", "updated"}, {"like", "to", "see", "the"}, {"reported", "back"},
	{"report", "back"}, {"will", "follow"}, {"would", "follow"}, {"lie", "on", "the", "table"},
}

// carriedFrom and keptInformedFrom are the phrases by their first word.
var carriedFrom, keptInformedFrom = phrasesByFirst(carriedPhrases), phrasesByFirst(keptInformed)

// lookBack are the words that put a meeting in the past: "at the last
// meeting", "the previous meeting", "minutes of the meeting".
var lookBack = wordSet("last", "previous", "prior", "preceding", "earlier")

// comeBackScore weighs how surely a sentence sends a matter back to the
// body, and says why when the evidence is thin.
func comeBackScore(m *Meeting, s string) (float64, string) {
	return comeBackScoreWords(m, splitWords(s))
}

// comeBackScoreWords is comeBackScore on a sentence already split.
func comeBackScoreWords(m *Meeting, ws []word) (float64, string) {
	if len(ws) < 2 {
		return 0, ""
	}
	var target, verb, phrase, future float64
	why := ""
	for i := 0; i < len(ws); i++ {
		w := ws[i].low
		switch {
		case w == "meeting" || w == "meetings" || w == "meets":
			if dueBefore(ws, i) {
				continue // "circulate the papers before the next meeting": a task's due date
			}
			t := meetingTarget(ws, i)
			if t > 0 && m != nil && monthJustPast(ws, i, m.Date) && !hasFuture(ws) {
				return 0, "" // "attended the September meeting" in November: a meeting behind
			}
			if t > target {
				target = t
			} else if t < 0 {
				return 0, "" // "at the last meeting", "minutes of the meeting"
			}
			if t > 0 && i > 1 && (ws[i-2].low == "at" || ws[i-2].low == "for" || ws[i-2].low == "to" || i > 2 && (ws[i-3].low == "at" || ws[i-3].low == "for")) {
				verb = max(verb, 1) // "… will be co-opted at the December meeting", "re-listed for the January meeting"
			}
		case w == "agenda" || w == "agendas":
			if i > 0 && (ws[i-1].low == "next" || ws[i-1].low == "future" || ws[i-1].low == "later" || ws[i-1].low == "following" || monthOf(ws[i-1].low) != 0 && len(ws[i-1].low) >= 3) {
				target = max(target, 2)
			}
		case w == "i" && i+1 < len(ws) && (ws[i+1].low == "will" || ws[i+1].low == "would" || ws[i+1].low == "shall"):
			return 0, "" // "I will ask at the next meeting …": a notice of question, quoted
		case bodyWord(w):
			if i > 0 && (ws[i-1].low == "to" || ws[i-1].low == "before" || ws[i-1].low == "the" && i > 1 && (ws[i-2].low == "to" || ws[i-2].low == "before")) && !(i+1 < len(ws) && (ws[i+1].low == "members" || ws[i+1].low == "member")) {
				if m == nil || sameBody(m.Committee, ws[i].text) || w == "committee" || w == "board" || w == "panel" {
					target = max(target, 1.5)
				}
			}
		case comeBackVerbs[w]:
			if i+1 < len(ws) && (ws[i+1].low == "that" || ws[i+1].low == "on") && (w == "reported" || w == "reports" || w == "explained" || w == "presented" || w == "confirmed") {
				break // "The Director reported that …": the report is being made now
			}
			verb = max(verb, 1)
		case w == "will" || w == "would" || w == "shall" || w == "asked" || w == "requested" || w == "agreed" || w == "deferred" ||
			w == "resolved" || w == "asks" || w == "requests" || w == "expected":
			future = 0.5
		case w == "to" && i+1 < len(ws) && (ws[i+1].low == "be" || comeBackVerbs[ws[i+1].low]):
			future = 0.5
		case w == "months" || w == "weeks" || w == "month" || w == "year" || w == "months’" || w == "months'":
			// "in six months", "within 3 months", "next month" — not "in the
			// months ahead".
			if _, n := countWord(ws[i-min(i, 1)].low); i > 1 && (ws[i-2].low == "in" || ws[i-2].low == "within") && n || i > 0 && ws[i-1].low == "next" {
				target = max(target, 1.5)
			}
		case (w == "in" || w == "during") && i+1 < len(ws) && m != nil && !m.Date.IsZero() && yearAhead(ws[i+1].low, m.Date.Year) && hasFuture(ws) && !askedBefore(ws):
			target = max(target, 1.5) // "a new document would be presented in 2025"
		case (w == "in" || w == "by" || w == "during") && i+1 < len(ws) && monthOf(ws[i+1].low) != 0 && len(ws[i+1].low) >= 3 && ws[i+1].low != "may" && hasFuture(ws) && !askedBefore(ws):
			target = max(target, 1.5) // "report to Council in March"
		case (w == "report" || w == "reports" || w == "update" || w == "updates" || w == "review") && i > 0:
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				switch ws[k].low {
				case "next", "future", "annual", "yearly", "quarterly", "monthly", "six-monthly", "half-yearly", "regular", "further", "progress", "fuller":
					phrase = max(phrase, 1.5) // "future quarterly reports include …", "a yearly update"
				}
			}
		}
		if phraseAt(carriedFrom, ws, i) {
			phrase = max(phrase, 1.5)
		}
		if phraseAt(keptInformedFrom, ws, i) {
			phrase = 2.5 // "asked to be kept informed of progress": comes back, when there is progress
		}
	}
	if target == 0 && phrase == 0 {
		return 0, ""
	}
	if askedBefore(ws) && !hasFuture(ws) {
		return 0, "" // "… as requested by the Committee in November": done now
	}
	score := target + verb + phrase + future
	if pastOnly(ws) {
		score -= 1.5
	}
	if target == 0 {
		why = "no meeting or date given"
	}
	return score, why
}

// comeBackVeto reports whether a sentence that reads as coming back is
// about a meeting behind or another body's: "referred to the presentation
// at the November meeting" (in a December meeting), "at their next
// meeting", "as requested by the Committee in November".
func comeBackVeto(m *Meeting, s string) bool {
	return comeBackVetoWords(m, splitWords(s))
}

// comeBackVetoWords is comeBackVeto on a sentence already split.
func comeBackVetoWords(m *Meeting, ws []word) bool {
	if askedBefore(ws) && !hasFuture(ws) {
		return true
	}
	for i, w := range ws {
		if w.low != "meeting" && w.low != "meetings" {
			continue
		}
		if t := meetingTarget(ws, i); t == 0 && i > 0 && !aheadElsewhere(ws, i) {
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				if thisMeeting[ws[k].low] {
					break // "tonight's meeting": this one, not another body's
				}
				if ws[k].low == "their" || strings.HasSuffix(ws[k].low, "'s") || strings.HasSuffix(ws[k].low, "’s") {
					return true
				}
			}
		}
		if m != nil && monthJustPast(ws, i, m.Date) && !hasFuture(ws) {
			return true
		}
	}
	return false
}

// thisMeeting are the words that name the meeting being minuted:
// "tonight's meeting", "today's meeting".
var thisMeeting = wordSet("tonight's", "tonight’s", "today's", "today’s", "this", "evening's", "evening’s")

// aheadElsewhere reports whether the sentence names a meeting ahead other
// than the one at word i: "not present at tonight's meeting … deferred to
// the next meeting".
func aheadElsewhere(ws []word, i int) bool {
	for j, w := range ws {
		if j != i && (w.low == "meeting" || w.low == "meetings") && meetingTarget(ws, j) > 0 {
			return true
		}
	}
	return false
}

// Weights for coming back: a follow-up is kept at comeBackKeep, and with
// low confidence below comeBackSure.
const (
	comeBackKeep = 3.0
	comeBackSure = 3.5
)

// dueBefore reports whether the meeting at word i is named as a deadline —
// "before the next meeting", "ahead of the June meeting", "by the July
// meeting", "prior to …", "in advance of …", "b4 next meeting".
func dueBefore(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch ws[k].low {
		case "before", "b4", "prior", "ahead", "advance", "by", "until", "till":
			return !(ws[k].low == "by" && k+1 < len(ws) && ws[k+1].low == "the" && k+2 < len(ws) && bodyWord(ws[k+2].low)) // "considered by the Council …"
		case "at", "to", "for", "on":
			return false
		}
	}
	return false
}

// monthJustPast reports whether the meeting at word i is named by a month
// in the three before the meeting's own: "the September meeting" in a
// November meeting is the one that has been.
func monthJustPast(ws []word, i int, d Date) bool {
	if d.IsZero() {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		mo := monthOf(ws[k].low)
		if mo == 0 || len(ws[k].low) < 3 {
			continue
		}
		if k+1 < len(ws) && ws[k+1].text[0] >= '0' && ws[k+1].text[0] <= '9' {
			return false // a year: placed by the year
		}
		back := (int(d.Month) - int(mo) + 12) % 12
		return back >= 1 && back <= 3
	}
	return false
}

// askedBefore reports whether a sentence points back to an earlier
// request: "as requested by the Committee in November", "which the
// Committee had asked to see in January".
func askedBefore(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].low == "as" && (ws[i+1].low == "requested" || ws[i+1].low == "agreed" || ws[i+1].low == "asked") {
			return true
		}
		if ws[i].low == "had" && (ws[i+1].low == "asked" || ws[i+1].low == "requested") {
			return true
		}
	}
	return false
}

// hasFuture reports whether a sentence looks ahead: "will", "to be",
// "deferred to", "carried forward".
func hasFuture(ws []word) bool {
	for i, w := range ws {
		switch w.low {
		case "will", "would", "shall", "defer", "deferred", "forward", "postponed", "asked", "requested",
			"resolved", "agreed", "recommended", "asks", "requests", "expected", "starting":
			return true // "RESOLVED that the Director report to Council in March"
		case "to":
			if i+1 < len(ws) && ws[i+1].low == "be" {
				return true
			}
		}
	}
	return false
}

// meetingTarget scores the meeting named at word i: 2 for a meeting ahead
// ("the next meeting", "its July meeting", "a special meeting on 26
// November", "a future meeting"), -1 for one behind ("the last meeting"),
// 0 for one that is neither.
func meetingTarget(ws []word, i int) float64 {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := ws[k].low
		switch {
		case lookBack[w]:
			return -1
		case w == "their" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"):
			return 0 // "at their next meeting", "at the Group's next meeting": another body's
		case w == "next" || w == "following" || w == "future" || w == "subsequent" || w == "later" || w == "special" || w == "forthcoming" || w == "upcoming":
			return 2
		case monthOf(w) != 0 && len(w) >= 3 && w != "may" || w == "may" && k > 0 && ws[k-1].low == "the":
			return 2
		case w == "of" || w == "minutes":
			if w == "minutes" {
				return -1
			}
		}
	}
	// "the meeting on 26 November".
	if i+2 < len(ws) && (ws[i+1].low == "on" || ws[i+1].low == "in") && (monthOf(ws[i+2].low) != 0 || ws[i+2].text[0] >= '0' && ws[i+2].text[0] <= '9') {
		return 1.5
	}
	return 0
}

// yearAhead reports whether w is a year from the meeting's own to five
// years on: "in 2025".
func yearAhead(w string, meetingYear int) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	y := 0
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
		y = y*10 + int(w[k]-'0')
	}
	return y >= meetingYear && y <= meetingYear+5
}

func bodyWord(w string) bool {
	switch w {
	case "committee", "board", "panel", "cabinet", "council", "forum", "sub-committee", "partnership", "authority", "commission", "assembly":
		return true
	}
	return false
}

// pastOnly reports whether the sentence tells of something done ("were
// presented at the November meeting", "had been considered") with nothing
// still to come.
func pastOnly(ws []word) bool {
	past, ahead := false, false
	for i, w := range ws {
		switch w.low {
		case "was", "were", "had", "has", "have":
			for k := i + 1; k < len(ws) && k <= i+2; k++ {
				if n := ws[k].low; strings.HasSuffix(n, "ed") || n == "been" || n == "brought" || n == "held" || n == "given" || n == "taken" {
					past = true
				}
			}
		case "will", "would", "shall", "asked", "requested", "agreed", "deferred", "defer", "next", "future", "further":
			ahead = true
		case "to":
			ahead = ahead || i+1 < len(ws) && (ws[i+1].low == "be" || comeBackVerbs[ws[i+1].low])
		}
	}
	return past && !ahead
}
