package minutes

import (
	"regexp"
	"strings"
)

// Decisions in running text. Many councils record what they decided
// without a RESOLVED marker: "The payments schedule was approved", "The
// Council agreed to fund an inspection", "Prop. AG, 2nd BH – all agreed",
// "It was proposed by Cllr A, seconded by Cllr B and unanimously agreed
// that …", "Cllr Quennell was elected Chair". The reader scores each
// sentence's evidence: a decision verb in the passive, the body as the
// subject of agreeing or resolving, a proposer and seconder, an outcome
// ("all agreed", "carried"); a plain "noted", an opinion ("Members agreed
// that the repairs were urgent") and a task ("agreed that the Clerk would
// write") are not decisions.

// decisionParticiples are what a body does to a matter it decides.
var decisionParticiples = wordSet("approved", "accepted", "adopted", "agreed", "ratified", "endorsed", "confirmed",
	"re-adopted", "readopted", "supported", "granted", "carried", "passed", "elected", "re-elected", "appointed",
	"re-appointed", "co-opted", "reappointed", "awarded", "authorised", "authorized", "resolved", "rejected", "refused",
	"declined", "deferred", "upheld", "dismissed", "signed", "received", "allocated", "donated", "renewed", "continued")

// decisionVerbs follow the body when it decides: "the Council agreed to
// fund", "Members resolved that", "the Board approved the return".
var decisionVerbs = wordSet("agreed", "resolved", "decided", "voted", "approved", "accepted", "adopted", "endorsed",
	"ratified", "confirmed", "supported", "authorised", "authorized", "determined", "elected", "appointed", "unanimously")

// deciders are the subjects that decide: the body and its members.
var deciders = wordSet("council", "committee", "board", "panel", "cabinet", "members", "councillors", "meeting", "pc",
	"cc", "tc", "forum", "commission", "trustees", "directors", "it", "all", "everyone", "we", "assembly", "executive",
	"sub-committee", "group", "authority")

var (
	reProposer = gated(`(?i)\b(?:prop(?:\.|osed)?|moved|proposer)\b`, "prop", "moved")
	reSeconder = gated(`(?i)\b(?:2nd|seconded|sec\.|seconder)\b`, "2nd", "second", "sec.")
	reOutcome2 = regexp.MustCompile(`(?i)\b(?:all\s+(?:agreed|in\s+favour|in\s+agreement)|unanimously|agreed|carried|approved|accepted|resolved|adopted|passed|in\s+favour)\b`)
	reNegated  = gated(`(?i)\b(?:not\s+(?:seconded|agreed|approved|carried|accepted|supported)|no\s+seconder|lost|defeated|withdrawn|fell|failed|rejected\s+the\s+(?:motion|proposal))\b`, "not", "seconder", "lost", "defeated", "withdrawn", "fell", "failed", "rejected")
)

// Weights for a decision in running text.
const (
	decisionKeep = 2.0
	decisionSure = 3.0
)

// decisionScore weighs how surely a sentence records a decision of the
// body, and says why when the evidence is thin.
func decisionScore(m *Meeting, s string) (float64, string) {
	ws := m.wordsOf(s)
	if len(ws) < 1 {
		return 0, ""
	}
	low := strings.ToLower(s)
	// (The vetoes, a lost motion and another meeting's decision, are
	// asked after the evidence is weighed: most sentences have none, and
	// the patterns cost more than the weighing.)
	score := 0.0
	why := ""
	// "Approved", "Agreed.", "Carried unanimously", "Approved – PWh
	// Seconded – KC": an outcome opening the sentence.
	switch ws[0].low {
	case "approved", "agreed", "accepted", "adopted", "carried", "resolved", "ratified", "endorsed", "supported":
		score = 3
	}
	for i := 1; i < len(ws) && score < 3; i++ {
		w := ws[i].low
		// "… was approved", "… were unanimously accepted", "… be adopted".
		itAgreed := i+1 < len(ws) && (ws[i+1].low == "that" || ws[i+1].low == "to") && (ws[0].low == "it" || i > 2 && ws[i-2].low == "it")
		if !itAgreed && decisionParticiples[w] && (isBe(ws[i-1].low) || i > 1 && isBe(ws[i-2].low) && isAdverb(ws[i-1].low)) {
			// ("It was agreed that …", "It was agreed to …" are read below,
			// with what follows.)
			if w == "confirmed" && !strings.Contains(low, "minutes") && !strings.Contains(low, "record") && !strings.Contains(low, "appointment") {
				continue // "It was confirmed that the work is in hand": information, not a decision
			}
			if w == "received" || w == "signed" || w == "continued" || w == "deferred" {
				if !strings.Contains(low, "approved") && !strings.Contains(low, "agreed") && !strings.Contains(low, "true record") && !strings.Contains(low, "correct record") {
					continue // "a letter was received", "the work continued"
				}
			}
			if ws[i-1].low == "be" || ws[i-1].low == "been" {
				continue // "should be approved", "had been dismissed": not a decision recorded here
			}
			score = max(score, 2.5)
		}
		// "The Council agreed to fund …", "Members resolved that …",
		// "It was unanimously agreed to adopt …", "All agreed the notes
		// were accurate".
		if decisionVerbs[w] && w != "unanimously" {
			subj := ws[i-1].low
			if isAdverb(subj) && i > 1 {
				subj = ws[i-2].low
			}
			if subj == "was" && i > 1 && ws[i-2].low == "it" || subj == "was" && i > 2 && isAdverb(ws[i-2].low) && ws[i-3].low == "it" {
				subj = "it"
			}
			if deciders[subj] || subj == "councillors" {
				next := ""
				if i+1 < len(ws) {
					next = ws[i+1].low
				}
				switch {
				case next == "to" && i+2 < len(ws) && (taskVerbs[ws[i+2].low] || ws[i+2].low == "continue") && !decisionOnlyVerbs[ws[i+2].low] && !spendVerbs[ws[i+2].low] && w == "agreed" && (subj == "it" || subj == "was"):
					// "It was agreed to explore …", "… to ask two Councillors
					// to check …", "… to continue monitoring the bins": a task
					// for someone, read as an action.
				case next == "to" || next == "not" || next == "unanimously" || next == "on" || next == "the" || next == "this" || next == "all" || next == "a" || next == "an":
					score = max(score, 2.5)
				case next == "that":
					if agreedThatDecides(ws, i+1, w == "decided" || w == "resolved") {
						score = max(score, 2.5)
					}
				case next == "":
					score = max(score, 2) // "All agreed."
				}
			}
		}
	}
	// "Both payments approved.", "All approved for payment.", "… Anchor
	// Inn – approved.", "Approval recommended.": a short outcome.
	if n := len(ws); n <= 7 && score < 3 {
		for _, w := range ws {
			if decisionParticiples[w.low] && w.low != "received" && w.low != "signed" && w.low != "continued" && w.low != "deferred" {
				score = max(score, 2.5)
			}
		}
	}
	if n := len(ws); n > 1 && score < 3 && (ws[n-2].text == "–" || ws[n-2].text == "-" || ws[n-2].punct == ',') {
		switch ws[n-1].low {
		case "approved", "supported", "agreed", "accepted", "refused", "rejected", "objection", "objections":
			score = 3 // a planning list: "DC/2018/00185 – New signage – approved."
		}
	}
	if strings.HasPrefix(low, "approval recommended") || strings.HasSuffix(strings.TrimRight(low, ". "), "approval recommended") {
		score = max(score, 3)
	}
	// "Director Nicholson made the motion to approve …", "Cllr A moved
	// that …": a motion, decided when its outcome follows.
	if i := strings.Index(low, "made the motion to "); i >= 0 || strings.Contains(low, "made a motion to ") {
		score = max(score, 2)
		if why == "" {
			why = "a motion made; its outcome is not in the same sentence"
		}
	}
	// A proposer and a seconder: "Prop. AG, 2nd BH", "proposed by Cllr A,
	// seconded by Cllr B", "AR proposed … and RD seconded this".
	if reProposer.MatchString(s) && reSeconder.MatchString(s) {
		score += 1
		if reOutcome2.MatchString(s) {
			score += 1
		}
		if score < decisionKeep {
			score = decisionKeep
			why = "proposed and seconded, no outcome recorded"
		}
	}
	if score == 0 {
		return 0, ""
	}
	if reNegated.MatchString(s) && !strings.Contains(low, "carried") {
		return 0, "" // a lost or withdrawn motion
	}
	if reOtherMeeting.MatchString(s) {
		return 0, "" // another meeting's decision, reported
	}
	if onlyNoted(low) {
		return 0, ""
	}
	if score < decisionSure && why == "" {
		why = "a decision read from running text"
	}
	return score, why
}

// moverLeadOff takes a motion's movers off the front of its text:
// "Committee Resolution Moved: Cr Ames Seconded: Cr Lee That the report be
// received" → "That the report be received".
func moverLeadOff(text string) string {
	low := strings.ToLower(text)
	if !strings.Contains(low, "moved") && !strings.Contains(low, "proposed") && !strings.Contains(low, "seconded") {
		return text
	}
	for _, that := range []string{" That ", " THAT ", " “That ", " \"That ", " ‘That ", " 'That "} {
		if i := strings.Index(text, that); i > 0 && i < 160 && reSeconder.MatchString(text[:i]) {
			return strings.Trim(strings.TrimSpace(text[i:]), "“”\"'‘’")
		}
	}
	return text
}

// spendVerbs commit the body's money or support: "agreed to purchase a
// wreath", "agreed to donate £50" decide, as well as set a task.
var spendVerbs = wordSet("purchase", "buy", "donate", "pay", "fund", "grant", "give", "award", "spend", "contribute", "support", "sponsor", "hire", "accept")

// agreedThatDecides reports whether the clause after "agreed that" (word
// k is "that") is a decision — "that a £100 donation be made", "that the
// grant be accepted" — rather than a task ("that the Clerk would write")
// or an opinion ("that the repairs were urgent").
func agreedThatDecides(ws []word, k int, decided bool) bool {
	for j := k + 1; j < len(ws) && j <= k+14; j++ {
		switch ws[j].low {
		case "be":
			return true
		case "should", "would", "shall", "will":
			// "decided that there should be more emphasis": the body's
			// decision; "agreed that the Clerk should write": a task.
			if !decided {
				return false
			}
			_, from, s := ownerBefore(ws, j, &Attendance{})
			return s == 0 || from > k+3
		case "could", "might", "was", "were", "is", "are", "had", "has", "have":
			return false
		}
		if ws[j].punct == '.' || ws[j].punct == ';' {
			break
		}
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "was", "were", "is", "are", "be", "been", "being":
		return true
	}
	return false
}

func isAdverb(w string) bool {
	switch w {
	case "unanimously", "duly", "formally", "also", "then", "therefore", "further", "again", "all", "subsequently", "finally", "now", "thereby", "hereby", "nem", "con":
		return true
	}
	return false
}

// onlyNoted reports whether all a sentence records is that something was
// noted, received or discussed: not a decision.
func onlyNoted(low string) bool {
	if !(strings.Contains(low, "noted") || strings.Contains(low, "received") || strings.Contains(low, "discussed")) {
		return false
	}
	for _, w := range []string{"approved", "agreed", "accepted", "adopted", "resolved", "carried", "decided", "elected", "appointed", "signed", "true record", "correct record"} {
		if strings.Contains(low, w) {
			return false
		}
	}
	return true
}

// findDecisions reads the decisions an item records in running text,
// outside the spans its marked resolutions took. Minutes that mark their
// decisions (formal) record them by marker: an item there with a marked
// resolution has no others in its narrative (the proposer and seconder,
// "this was carried" belong to the marked one), and an item with none needs
// strong evidence.
func findDecisions(m *Meeting, it *Item, r *rawItem, used []span, formal bool) {
	keep := decisionKeep
	if formal {
		if len(it.Resolutions) > 0 {
			return
		}
		keep = decisionSure
	}
	have := func(text string) bool {
		f := foldText(text)
		for _, res := range it.Resolutions {
			g := foldText(res.Text)
			if g != "" && (strings.Contains(f, g) || strings.Contains(g, f)) {
				return true
			}
		}
		return false
	}
	ss := sentences(r.lines, used)
	for k, s := range ss {
		score, why := decisionScore(m, s.text)
		if score < keep || have(s.text) || have(moverLeadOff(s.text)) {
			continue
		}
		if k+1 < len(ss) && reNegated.MatchString(ss[k+1].text) && len(strings.Fields(ss[k+1].text)) <= 6 {
			continue // "That the fee be waived." / "Defeated."
		}
		if n := len(it.Resolutions); n > 0 && k > 0 && len(strings.Fields(s.text)) <= 12 && reProposer.MatchString(s.text) && reSeconder.MatchString(s.text) &&
			it.Resolutions[n-1].Line >= ss[k-1].no && have(ss[k-1].text) {
			// "… it was resolved to set the precept at £9,850. Prop JW 2nd
			// NK, 4 for, 1 against.": who moved the decision just read, and
			// its vote, are part of it.
			it.Resolutions[n-1].Text = tidyRecordText(it.Resolutions[n-1].Text + " " + s.text)
			continue
		}
		if len(strings.Fields(s.text)) <= 7 && k > 0 && (have(ss[k-1].text) || have(moverLeadOff(ss[k-1].text))) {
			continue // "Carried." after the motion already read
		}
		text := s.text
		// "Prop. KT, 2nd RS." / "All agreed.": the outcome alone says
		// little; the sentence before says what was agreed.
		if len(strings.Fields(text)) <= 6 && k > 0 && ss[k-1].no >= s.no-3 && !have(ss[k-1].text) {
			if ps, _ := decisionScore(m, ss[k-1].text); ps < decisionKeep {
				text = ss[k-1].text + " " + text
			}
		}
		rec := Record{Text: tidyRecordText(moverLeadOff(text)), Line: s.no, narrative: true}
		if score < decisionSure {
			rec.unsure(why)
		}
		it.Resolutions = append(it.Resolutions, rec)
	}
	it.Resolutions = dedupeContained(dedupeRecords(it.Resolutions))
}
