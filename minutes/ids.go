package minutes

import (
	"strconv"
	"strings"
	"unicode"
)

// Record IDs are short, readable and stable: the same minutes parsed again
// give the same IDs, and clerks type them. A record ID is
//
//	<committee>-<date>-<minute>-<kind><n>     osc-2021-12-14-188-r2
//
// where committee is the committee's initials (or its one significant
// word), minute is the item number made safe ("12(b)" → "12b",
// "PL/44/23" → "pl-44-23"; "i3" for the third item when unnumbered), kind
// is r, a or f, and n counts that kind within the item from 1.

// ID returns the meeting's ID: "osc-2021-12-14".
func (m *Meeting) ID() string {
	date := m.Date.String()
	if date == "" {
		date = "undated"
		if len(m.Source.Hash) >= 8 {
			date += "-" + m.Source.Hash[:8]
		}
	}
	body := m.Committee
	if m.idBody != "" {
		body = m.idBody
	}
	id := CommitteeSlug(body) + "-" + date
	if m.Decision && len(m.Items) > 0 {
		id += "-d" + initials(m.Items[0].Title, 8)
	}
	return id
}

// initials returns the lower-case initials of s's words, at most n.
func initials(s string, n int) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if a := asciiOnly(w); a != "" && b.Len() < n {
			b.WriteByte(a[0])
		}
	}
	return b.String()
}

// ItemID returns the ID of the meeting's i'th item: "osc-2021-12-14-188".
func (m *Meeting) ItemID(i int) string {
	return m.ID() + "-" + minuteSlug(m.Items[i].Number, i)
}

// assignIDs gives every record its ID.
func (m *Meeting) assignIDs() {
	seen := map[string]int{}
	for i := range m.Items {
		it := &m.Items[i]
		base := m.ItemID(i)
		if n := seen[base]; n > 0 { // the same number printed twice
			base += "-" + strconv.Itoa(n+1)
		}
		seen[m.ItemID(i)]++
		for j := range it.Resolutions {
			it.Resolutions[j].ID = base + "-r" + strconv.Itoa(j+1)
			it.Resolutions[j].Kind = KindResolution
		}
		for j := range it.Actions {
			it.Actions[j].ID = base + "-a" + strconv.Itoa(j+1)
			it.Actions[j].Kind = KindAction
		}
		for j := range it.FollowUps {
			it.FollowUps[j].ID = base + "-f" + strconv.Itoa(j+1)
			it.FollowUps[j].Kind = KindFollowUp
		}
	}
}

var slugStop = map[string]bool{"and": true, "of": true, "the": true, "for": true, "&": true, "a": true, "on": true, "in": true, "to": true}

// CommitteeSlug abbreviates a committee's name for IDs:
// "Overview and Scrutiny Committee" → "osc", "Cabinet" → "cabinet".
func CommitteeSlug(name string) string {
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !slugStop[strings.ToLower(w)] {
			words = append(words, strings.ToLower(w))
		}
	}
	switch len(words) {
	case 0:
		return "meeting"
	case 1:
		w := asciiOnly(words[0])
		if len(w) > 12 {
			w = w[:12]
		}
		if w == "" {
			return "meeting"
		}
		return w
	}
	var b strings.Builder
	for _, w := range words {
		if a := asciiOnly(w); a != "" {
			b.WriteByte(a[0])
		}
	}
	if b.Len() == 0 {
		return "meeting"
	}
	return b.String()
}

func asciiOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func minuteSlug(number string, i int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(number) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '(' || r == ')':
			// "12(b)" → "12b"
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "i" + strconv.Itoa(i+1)
	}
	return b.String()
}
