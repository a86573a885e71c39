package index

import (
	"fmt"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// Committees belong to councils. Every committee of the library has a key,
// unique in the library, which is the prefix of its meetings' IDs (and so
// of its items' and records' IDs): "osc" in osc-2021-12-14-188-r2.
//
// The key rule:
//
//   - A committee's key is its name's initials (minutes.CommitteeSlug):
//     "Overview and Scrutiny Committee" is "osc", "Cabinet" is "cabinet".
//     A council's committees that share initials share the key, so in a
//     library of one council the IDs are the parser's, whatever was
//     imported when.
//   - When another council already holds that key, the committee gets the
//     key followed by its council's initials: a second council's Cabinet
//     is "cabinet-brent", Des Moines' City Council "cc-dm" when Portland's
//     was imported first. Should that be taken too, a number follows
//     ("cc-dm2"). First come, first served: the key a committee got is
//     kept (in the store's committees table) through re-imports and
//     re-parses, so IDs never change once given. (A store written before
//     committees were keyed keeps every ID: each key goes to the first
//     council that used it, and councils that shared one keep sharing it.)
//   - Councils are matched by name with the words every council uses left
//     out (council, borough, city, county, district, …; see
//     store.CouncilKey):
//     "London Borough of Harrow" and "Harrow Council" are one council. A
//     local tier's word (town, parish, community, village, township) is
//     kept: "Stroud Town Council" and "Stroud District Council" are two.
//   - Minutes that do not name their council join the first committee of
//     their name when only one council has a committee of that name, or,
//     when none has, the committee holding their initials in a library
//     that knows at most one council. Otherwise they cannot be told apart
//     and get the initials and a number ("cc2"). A council named later
//     adopts a committee whose council was not known.
//   - A meeting already in the library keeps its key when it is imported
//     again or re-parsed.
//
// Everything per committee goes by key: return matching, the calendar of
// known meetings (next-meeting dates), agenda trackers and calendar
// exports.

// committeeKey is how committee names are matched: case and spacing
// ignored.
func committeeKey(name string) string { return store.NameKey(name) }

// CommitteeError says what a person typed for a committee matches no
// committee, or several where one is needed. It wraps ErrNotFound.
type CommitteeError struct {
	Typed   string
	Matches []Committee // the committees it matches: none, or several
	All     []Committee // the library's committees
	// Words is set when the typed words are in several committees' names
	// (rather than naming several councils' committees in full).
	Words bool
}

func (e *CommitteeError) Error() string {
	switch {
	case len(e.All) == 0:
		return "the library has no committees yet: import some minutes first (minutebook import PATH)"
	case len(e.Matches) == 0:
		return fmt.Sprintf("no committee matches %q: the library has no committee called %q or with those words in its name; it has %s",
			e.Typed, e.Typed, committeeList(e.All, e.All))
	case e.Words:
		return fmt.Sprintf("committee %q matches %d committees (%s): give more of the name, or the committee's key",
			e.Typed, len(e.Matches), committeeList(e.Matches, e.All))
	}
	return fmt.Sprintf("committee %q matches %d committees (%s): give the committee's key", e.Typed, len(e.Matches), committeeList(e.Matches, e.All))
}

func (e *CommitteeError) Unwrap() error { return ErrNotFound }

// MatchCommittees is the one lookup of a committee from what a person
// typed, among cs: the committee whose key it is (any case); else every
// committee of that name (case and spacing ignored; of any council); else
// the one committee with those words in its name, or in its council's
// name and its own ("brent cabinet"). Otherwise it returns a
// *CommitteeError.
func MatchCommittees(cs []Committee, typed string) ([]Committee, error) {
	typed = strings.TrimSpace(typed)
	want := committeeKey(typed)
	var byName, byPart []Committee
	for _, c := range cs {
		name, key := committeeKey(c.Name), c.Key
		if key == "" {
			key = minutes.CommitteeSlug(c.Name)
		}
		switch {
		case strings.EqualFold(key, typed):
			return []Committee{c}, nil
		case name == want:
			byName = append(byName, c)
		case want != "" && (strings.Contains(name, want) || strings.Contains(committeeKey(c.Council+" "+c.Name), want)):
			byPart = append(byPart, c)
		}
	}
	switch {
	case len(cs) == 0:
		return nil, &CommitteeError{Typed: typed}
	case len(byName) > 0:
		return byName, nil
	case len(byPart) == 1:
		return byPart, nil
	}
	return nil, &CommitteeError{Typed: typed, Matches: byPart, All: cs, Words: len(byPart) > 1}
}

// MatchCommittee is MatchCommittees for one committee: typed text that
// names committees of several councils fails.
func MatchCommittee(cs []Committee, typed string) (Committee, error) {
	found, err := MatchCommittees(cs, typed)
	if err != nil {
		return Committee{}, err
	}
	if len(found) > 1 {
		return Committee{}, &CommitteeError{Typed: strings.TrimSpace(typed), Matches: found, All: cs}
	}
	return found[0], nil
}

// committeeList names committees for a message, with the council and key
// of those whose name another committee of all shares.
func committeeList(list, all []Committee) string {
	const most = 8
	names := map[string]int{}
	for _, c := range all {
		names[committeeKey(c.Name)]++
	}
	sorted := append([]Committee(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var out []string
	for i, c := range sorted {
		if i == most {
			out = append(out, fmt.Sprintf("and %d more", len(sorted)-most))
			break
		}
		s := c.Name
		if names[committeeKey(c.Name)] > 1 {
			s += " (" + strings.TrimSpace(c.Council+", "+c.Key) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}
