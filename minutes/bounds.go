package minutes

import (
	"regexp"
	"strconv"
	"strings"
)

// Where the minutes begin and end inside a file that holds more than one
// thing: the agenda or summons printed before the minutes (its numbered
// business is not the minutes' items), a contents list that repeats the
// items' headings, and a second meeting's minutes after the first's.

var (
	// The opening of a set of minutes: "MINUTES OF THE MEETING OF …",
	// "Minutes of the Annual Meeting of the Parish Council held …",
	// "Draft minutes of …".
	reMinutesOpening = regexp.MustCompile(`(?i)^(?:(?:draft|approved|unconfirmed|confirmed|signed)\s+)?minutes\s+of\s+(?:the\s+|a\s+|an\s+)?\S`)
	// A meeting's own banner: "ANNUAL MEETING", "Ordinary Meeting of the
	// Council", "EXTRAORDINARY MEETING".
	reMeetingBanner = regexp.MustCompile(`(?i)^(?:the\s+)?(?:annual|ordinary|extraordinary|special|regular|monthly|adjourned|statutory|budget)(?:\s+(?:general|parish|council|town|board))?\s+meeting\b.{0,80}$`)
	// What an agenda or summons says of itself.
	reAgendaMark = gated(`(?i)^(?:agenda|the\s+agenda|agenda\s+for\s+.{0,60}|notice\s+of\s+(?:the\s+)?meeting.{0,60})$|\b(?:hereby\s+summoned|you\s+are\s+(?:hereby\s+)?summoned|summons\s+to\s+attend|notice\s+is\s+hereby\s+given)\b`, "agenda", "notice", "summon")
)

// minutesStart is the index of the line that opens the minutes when an
// agenda or summons is printed before them ("AGENDA" / "1. To receive
// apologies" … then "MINUTES OF THE MEETING OF …"), or 0.
func minutesStart(lines []line, end int) int {
	limit := end * 2 / 3
	agenda := -1
	for i := 0; i < limit; i++ {
		t := lines[i].Text
		if t == "" || len(t) > 200 {
			continue
		}
		if agenda < 0 {
			if len(t) < 120 && reAgendaMark.MatchString(t) {
				agenda = i
			}
			continue
		}
		if i > agenda+2 && reMinutesOpening.MatchString(t) {
			// The agenda must have listed business between the two.
			numbered := 0
			for k := agenda + 1; k < i; k++ {
				if tok := lines[k].tk(); tok.Number != "" {
					numbered++
				}
			}
			if numbered >= 2 {
				return i
			}
			return 0
		}
	}
	return 0
}

// dropContentsLists removes candidates that form a list of headings with
// no text between them — an agenda or contents list — when the same
// numbers open items again further on ("I. Call to Order" … "XV.
// Adjourn", then "I. CALL TO ORDER" with its minute). A list that is not
// repeated stays: it may be the minutes themselves, headings only.
func dropContentsLists(cands []candidate, lines []line) []candidate {
	drop := map[int]bool{}
	byScheme := map[string][]int{}
	for k, c := range cands {
		byScheme[c.scheme] = append(byScheme[c.scheme], k)
	}
	for _, idx := range byScheme {
		for a := 0; a < len(idx); {
			b := a
			for b+1 < len(idx) && adjacent(lines, cands[idx[b]].title, cands[idx[b+1]].idx) && topNumber(cands[idx[b+1]]) > topNumber(cands[idx[b]]) {
				b++
			}
			if b-a+1 >= 3 {
				later := map[string]bool{}
				for _, k := range idx[b+1:] {
					later[cands[k].number] = true
				}
				again := 0
				for _, k := range idx[a : b+1] {
					if later[cands[k].number] {
						again++
					}
				}
				if again*5 >= (b-a+1)*3 {
					for _, k := range idx[a : b+1] {
						drop[k] = true
					}
				}
			}
			a = b + 1
		}
	}
	if len(drop) == 0 {
		return cands
	}
	out := cands[:0:0]
	for k, c := range cands {
		if !drop[k] {
			out = append(out, c)
		}
	}
	return out
}

// adjacent reports whether only blank lines lie between line a and line b.
func adjacent(lines []line, a, b int) bool {
	if b <= a {
		return false
	}
	for i := a + 1; i < b; i++ {
		if lines[i].Text != "" {
			return false
		}
	}
	return true
}

// secondMeeting finds where a second meeting's minutes begin in a file
// that holds two ("… Meeting closed at 6.55pm." then "ORDINARY MEETING" /
// "Present: …" / "3503. Police Reports"), or returns end. The first
// meeting must have closed (a closing time or a signature) before the
// second opens with its own banner or title and its own attendance.
func secondMeeting(lines []line, from, end int) int {
	closed := false
	for i := from; i < end; i++ {
		t := lines[i].Text
		if t == "" {
			continue
		}
		if !closed {
			if reMeetingClosed.MatchString(t) || lines[i].tk().Signature {
				closed = true
			}
			continue
		}
		if len(t) > 200 || !(reMinutesOpening.MatchString(t) || reMeetingBanner.MatchString(t)) {
			continue
		}
		// Its own attendance within a few lines.
		for k := i + 1; k < end && k < i+12; k++ {
			if tok := lines[k].tk(); tok.IsLabel && (tok.Label == rolePresent || tok.Label == roleChair) {
				return i
			}
		}
	}
	return end
}

// warnSecondMeeting says that a file's second meeting was not read.
func warnSecondMeeting(m *Meeting, lines []line, at int) {
	no := lines[at].No
	m.warn(no, "a second meeting's minutes start at line "+strconv.Itoa(no)+" ("+strings.TrimSpace(firstN(lines[at].Text, 60))+"); only the first meeting was read — split the file to import the other")
}
