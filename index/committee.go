package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

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
//     re-parses, so IDs never change once given.
//   - Councils are matched by name with the words every council uses left
//     out (council, borough, city, county, district, …; see councilKey):
//     "London Borough of Harrow" and "Harrow Council" are one council.
//   - Minutes that do not name their council join the committee that first
//     took the key; a council named later adopts a committee whose council
//     was not known.
//   - A meeting already in the library keeps its key when it is imported
//     again or re-parsed.
//
// Everything per committee goes by key: return matching, the calendar of
// known meetings (next-meeting dates), agenda trackers and calendar
// exports.

// councilWords are the words a council's name shares with every other
// council's; they are left out when councils are matched.
var councilWords = map[string]bool{
	"council": true, "borough": true, "city": true, "county": true, "district": true, "town": true, "parish": true,
	"community": true, "shire": true, "municipal": true, "metropolitan": true, "london": true, "royal": true,
	"township": true, "village": true, "unitary": true, "regional": true, "region": true, "of": true, "the": true,
	"and": true, "council's": true,
}

// councilKey is how councils are matched: the words of the name that tell
// it from others, lower-cased; "" for a council not known.
func councilKey(name string) string {
	var all, kept []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		all = append(all, w)
		if !councilWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = all
	}
	return strings.Join(kept, " ")
}

// committeeKey is how committee names are matched: case and spacing
// ignored.
func committeeKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}

// placeCommittee returns the key of the committee a meeting of the named
// council and committee belongs to, by the rule above. With register set
// (in a write transaction) a new committee is recorded, and a committee of
// an unknown council adopted; without, the key is what registering would
// give.
func placeCommittee(ctx context.Context, q queryer, council, committee string, register bool) (string, error) {
	ck, slug := councilKey(council), minutes.CommitteeSlug(committee)
	var key string
	if ck != "" {
		err := q.QueryRowContext(ctx, "SELECT key FROM committees WHERE council_key = ? AND slug = ? ORDER BY rowid LIMIT 1", ck, slug).Scan(&key)
		if err == nil {
			return key, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	var holder string
	err := q.QueryRowContext(ctx, "SELECT council_key FROM committees WHERE key = ?", slug).Scan(&holder)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		key = slug
	case err != nil:
		return "", err
	case ck == "":
		return slug, nil // an unknown council joins the first
	case holder == "":
		if register { // adopt the committee whose council was not known
			if _, err := q.ExecContext(ctx, "UPDATE committees SET council_key = ? WHERE key = ?", ck, slug); err != nil {
				return "", err
			}
		}
		return slug, nil
	default:
		base := slug + "-" + minutes.CommitteeSlug(ck)
		key = base
		for n := 2; ; n++ {
			var taken int
			if err := q.QueryRowContext(ctx, "SELECT count(*) FROM committees WHERE key = ?", key).Scan(&taken); err != nil {
				return "", err
			}
			if taken == 0 {
				break
			}
			key = base + strconv.Itoa(n)
		}
	}
	if register {
		if _, err := q.ExecContext(ctx, "INSERT INTO committees (key, council_key, slug) VALUES (?, ?, ?)", key, ck, slug); err != nil {
			return "", err
		}
	}
	return key, nil
}

// keyOfMeeting returns the key of the stored meeting with ID id when it is
// of the same council (or either council is not known): a meeting imported
// again or re-parsed keeps its key.
func keyOfMeeting(ctx context.Context, q queryer, id, council string) (string, bool, error) {
	var key, have string
	err := q.QueryRowContext(ctx, "SELECT committee_key, council FROM meetings WHERE id = ?", id).Scan(&key, &have)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, err
	}
	a, b := councilKey(have), councilKey(council)
	return key, a == "" || b == "" || a == b, nil
}

// migrateCommittees registers the committees of a store written before
// committees were keyed: every meeting keeps the key its ID has (its
// committee's initials), each key going to the first council that used it.
func migrateCommittees(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, council, committee FROM meetings ORDER BY rowid")
	if err != nil {
		return err
	}
	type m struct{ id, key string }
	var ms []m
	councils := map[string]string{}
	var order []string
	for rows.Next() {
		var id, council, committee string
		if err := rows.Scan(&id, &council, &committee); err != nil {
			rows.Close()
			return err
		}
		key := minutes.CommitteeSlug(committee)
		ms = append(ms, m{id, key})
		if _, ok := councils[key]; !ok {
			order = append(order, key)
			councils[key] = ""
		}
		if councils[key] == "" {
			councils[key] = councilKey(council)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, key := range order {
		if _, err := tx.ExecContext(ctx, "INSERT INTO committees (key, council_key, slug) VALUES (?, ?, ?)", key, councils[key], key); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if _, err := tx.ExecContext(ctx, "UPDATE meetings SET committee_key = ? WHERE id = ?", m.key, m.id); err != nil {
			return err
		}
	}
	return nil
}

// rekey gives a prepared meeting the committee key key in place of the one
// its IDs have (at first the parser's: its committee's initials), so that
// the meeting's, items' and records' IDs start with the key.
func (p *prepared) rekey(key string) {
	old := p.key
	p.key = key
	if key == old {
		return
	}
	swap := func(id string) string {
		if rest, ok := strings.CutPrefix(id, old+"-"); ok {
			return key + "-" + rest
		}
		return id
	}
	p.id = swap(p.id)
	for i := range p.itemIDs {
		p.itemIDs[i] = swap(p.itemIDs[i])
	}
	for i := range p.m.Items {
		it := &p.m.Items[i]
		for _, list := range [][]minutes.Record{it.Resolutions, it.Actions, it.FollowUps} {
			for j := range list {
				list[j].ID = swap(list[j].ID)
			}
		}
	}
}

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
