package moderngov

import (
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// The service lists a meeting's members and officers with a role
// ("Chair", "Committee Member", "Officer") and, once the clerk has
// recorded it, their attendance ("Present", "Apologies", "Absent";
// "Expected" until then). What it records fills the attendance where the
// minutes' own text gives none, and is checked against the text where it
// does.

type attendanceKind int

const (
	unrecorded attendanceKind = iota
	present
	apologies
	absent
)

// recorded reads an attendance value.
func recorded(s string) attendanceKind {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "apolog"):
		return apologies
	case strings.Contains(s, "absent"), strings.Contains(s, "did not attend"), strings.Contains(s, "not present"):
		return absent
	case strings.Contains(s, "present"), strings.Contains(s, "attended"), strings.Contains(s, "in attendance"):
		return present
	}
	return unrecorded // "Expected", "", "Unknown"
}

// isChair reports whether a role is the chair (not the vice-chair).
func isChair(role string) bool {
	r := strings.ToLower(role)
	return (strings.HasPrefix(r, "chair") || strings.Contains(r, " chair")) && !strings.Contains(r, "vice")
}

// isMember reports whether a role sits on the committee, rather than
// attending it (officers, other councillors, guests).
func isMember(role string) bool {
	r := strings.ToLower(role)
	if r == "" {
		return true
	}
	for _, w := range []string{"officer", "in attendance", "attending", "guest", "adviser", "advisor", "clerk", "observer", "witness", "presenter"} {
		if strings.Contains(r, w) {
			return false
		}
	}
	return true
}

// nameKey is how names are matched: surname and first initial, lower case
// ("Basil Curley", "B. Curley" and "Cllr B Curley" are one person).
func nameKey(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '.' || r == ',' })
	if len(words) == 0 {
		return ""
	}
	return words[0][:1] + " " + words[len(words)-1]
}

// mergeAttendance fills or checks m's attendance from the service's
// attendees.
func mergeAttendance(m *minutes.Meeting, people []BundleAttendee) {
	var chair string
	var members, attending, sent, away []string
	for _, p := range people {
		name := minutes.PersonName(p.Name)
		if name == "" {
			continue
		}
		switch recorded(p.Attendance) {
		case present:
			switch {
			case isChair(p.Role) && chair == "":
				chair = name
			case isMember(p.Role):
				members = append(members, name)
			default:
				attending = append(attending, name)
			}
		case apologies:
			sent = append(sent, name)
		case absent:
			away = append(away, name)
		}
	}
	if chair == "" && len(members) == 0 && len(attending) == 0 && len(sent) == 0 && len(away) == 0 {
		return // nothing recorded yet
	}
	a := &m.Attendance
	there := keys(append(append(append([]string{a.Chair}, a.Present...), a.InAttendance...), substitutes(a.Substitutes)...))
	textGivesPresence := a.Chair != "" || len(a.Present) > 0
	switch {
	case !textGivesPresence:
		if a.Chair == "" {
			a.Chair = chair
		}
		a.Present = append(a.Present, members...)
	default:
		var missing []string
		for _, n := range append([]string{chair}, members...) {
			if n != "" && !there[nameKey(n)] {
				missing = append(missing, n)
			}
		}
		if len(missing) > 0 {
			warn(m, "the council's site records %s as present; the minutes do not list them", listNames(missing))
		}
	}
	if len(a.InAttendance) == 0 {
		a.InAttendance = append(a.InAttendance, attending...)
	}
	if len(a.Apologies) == 0 {
		a.Apologies = append(a.Apologies, sent...)
	} else {
		check(m, sent, keys(a.Apologies), "as sending apologies")
	}
	if len(a.Absent) == 0 {
		a.Absent = append(a.Absent, away...)
	} else {
		check(m, away, keys(a.Absent), "as absent")
	}
	// Someone the site records as away whom the minutes list as there.
	var both []string
	for _, n := range append(append([]string{}, sent...), away...) {
		if there[nameKey(n)] {
			both = append(both, n)
		}
	}
	if len(both) > 0 && textGivesPresence {
		warn(m, "the council's site records %s as not present; the minutes list them as present", listNames(both))
	}
}

func check(m *minutes.Meeting, names []string, have map[string]bool, as string) {
	var missing []string
	for _, n := range names {
		if !have[nameKey(n)] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		warn(m, "the council's site records %s %s; the minutes do not", listNames(missing), as)
	}
}

func warn(m *minutes.Meeting, format string, args ...any) {
	m.Warnings = append(m.Warnings, minutes.Warning{Msg: fmt.Sprintf(format, args...)})
}

func keys(names []string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		if k := nameKey(n); k != "" {
			out[k] = true
		}
	}
	return out
}

func substitutes(subs []minutes.Substitution) []string {
	var out []string
	for _, s := range subs {
		out = append(out, s.Substitute)
	}
	return out
}

func listNames(names []string) string {
	if len(names) > 6 {
		return strings.Join(names[:6], ", ") + fmt.Sprintf(" and %d others", len(names)-6)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
