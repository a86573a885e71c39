package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/minutebook/minutebook/minutes"
)

// The committees table holds each committee's key, the prefix of its
// meetings' IDs; the rule that gives keys is documented with the index
// package's Committee.

// councilWords are the words a council's name shares with every other
// council's; they are left out when councils are matched.
var councilWords = map[string]bool{
	"council": true, "borough": true, "city": true, "county": true, "district": true,
	"shire": true, "municipal": true, "metropolitan": true, "london": true, "royal": true,
	"unitary": true, "regional": true, "region": true, "of": true, "the": true,
	"and": true, "council's": true,
}

// localTiers are the words that name a council of the most local tier:
// a town, parish or community council, a village or a township. They
// are kept in the key, after the place's words, because such a council
// often shares its place's name with the district or borough around it
// (a Town Council and a Borough Council of one town are two councils);
// the principal tiers' words (borough, district, city …) are dropped, so
// "London Borough of Harrow" is "Harrow Council".
var localTiers = map[string]bool{
	"town": true, "parish": true, "community": true, "village": true, "township": true,
	"neighbourhood": true, "neighborhood": true,
}

// CouncilKey is how councils are matched: the words of the name that tell
// it from others, lower-cased, a local tier's word last ("stroud town"
// for "Stroud Town Council" and "Town of Stroud", "stroud" for "Stroud
// District Council"); "" for a council not known.
func CouncilKey(name string) string { return councilKey(name, true) }

// councilKey is CouncilKey, with the local tier's word or (keepTier
// false, the keys of store versions before 8) without it.
func councilKey(name string, keepTier bool) string {
	var all, kept []string
	tier := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		all = append(all, w)
		switch {
		case localTiers[w]:
			if tier == "" {
				tier = w
			}
		case !councilWords[w]:
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return strings.Join(all, " ")
	}
	if tier != "" && keepTier {
		kept = append(kept, tier)
	}
	return strings.Join(kept, " ")
}

// councilSuffix is what tells a second council's committee from the
// first's in its key ("cabinet-brent"): the initials of the council's
// place words (its key without the tier word).
func councilSuffix(ck string) string {
	if i := strings.LastIndexByte(ck, ' '); i > 0 && localTiers[ck[i+1:]] {
		ck = ck[:i]
	}
	return minutes.CommitteeSlug(ck)
}

// PlaceCommittee returns the key of the committee a meeting of the named
// council and committee belongs to, by the rule (see the index package's
// Committee). With register set (in a write transaction) a new committee
// is recorded; without, the key is what registering would give. (A
// committee of an unknown council that a named council's meeting joins is
// adopted by AdoptCommittee.)
func (q Q) PlaceCommittee(ctx context.Context, council, committee string, register bool) (string, error) {
	ck, slug := CouncilKey(council), minutes.CommitteeSlug(committee)
	var key string
	if ck != "" {
		err := q.q.QueryRowContext(ctx, "SELECT key FROM committees WHERE council_key = ? AND slug = ? ORDER BY rowid LIMIT 1", ck, slug).Scan(&key)
		if err == nil {
			return key, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	var holder string
	err := q.q.QueryRowContext(ctx, "SELECT council_key FROM committees WHERE key = ?", slug).Scan(&holder)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		key = slug
	case err != nil:
		return "", err
	case ck == "":
		k, ok, err := q.placeUnknownCouncil(ctx, committee, slug)
		if err != nil || ok {
			return k, err
		}
		key, err = q.freeKey(ctx, slug)
		if err != nil {
			return "", err
		}
	case holder == "":
		return slug, nil // the committee whose council was not known: AdoptCommittee gives it this one
	default:
		if key, err = q.freeKey(ctx, slug+"-"+councilSuffix(ck)); err != nil {
			return "", err
		}
	}
	if register {
		if _, err := q.q.ExecContext(ctx, "INSERT INTO committees (key, council_key, slug) VALUES (?, ?, ?)", key, ck, slug); err != nil {
			return "", err
		}
	}
	return key, nil
}

// placeUnknownCouncil is PlaceCommittee for minutes that do not name their
// council, when a committee already holds their initials: they join the
// first committee of their name when only one council has a committee of
// that name; failing one of their name, the holder of the initials when
// the library knows at most one council. Otherwise (several councils have
// a committee of that name, or another council's committee of another
// name holds the initials) they cannot be told apart and get a key of
// their own (false).
func (q Q) placeUnknownCouncil(ctx context.Context, committee, slug string) (string, bool, error) {
	type named struct{ key, council string }
	var same []named
	rows, err := q.q.QueryContext(ctx, `SELECT DISTINCT c.key, c.council_key, m.committee FROM committees c
		JOIN meetings m ON m.committee_key = c.key WHERE c.slug = ? ORDER BY c.rowid`, slug)
	err = each(rows, err, func(s scanner) error {
		var n named
		var name string
		err := s.Scan(&n.key, &n.council, &name)
		if NameKey(name) == NameKey(committee) {
			same = append(same, n)
		}
		return err
	})
	if err != nil {
		return "", false, err
	}
	if len(same) > 0 {
		for _, n := range same {
			if n.council != "" && same[0].council != "" && n.council != same[0].council {
				return "", false, nil // several councils' committees of that name
			}
		}
		return same[0].key, true, nil
	}
	var councils int
	if err := q.q.QueryRowContext(ctx, "SELECT count(DISTINCT council_key) FROM committees WHERE council_key <> ''").Scan(&councils); err != nil {
		return "", false, err
	}
	return slug, councils <= 1, nil
}

// freeKey is base, or base followed by the first number from 2 that makes
// a key no committee has.
func (q Q) freeKey(ctx context.Context, base string) (string, error) {
	key := base
	for n := 2; ; n++ {
		var taken int
		if err := q.q.QueryRowContext(ctx, "SELECT count(*) FROM committees WHERE key = ?", key).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return key, nil
		}
		key = base + strconv.Itoa(n)
	}
}

// KeyOfMeeting returns the key of the stored meeting with ID id when it is
// of the same council (or either council is not known): a meeting imported
// again or re-parsed keeps its key.
func (q Q) KeyOfMeeting(ctx context.Context, id, council string) (string, bool, error) {
	var key, have string
	err := q.q.QueryRowContext(ctx, "SELECT committee_key, council FROM meetings WHERE id = ?", id).Scan(&key, &have)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, err
	}
	a, b := CouncilKey(have), CouncilKey(council)
	return key, a == "" || b == "" || a == b, nil
}

// migrateCommittees registers the committees of a store written before
// committees were keyed: every meeting keeps the key its ID has (its
// committee's initials), each key going to the first council that used it.
func migrateCommittees(ctx context.Context, q Q) error {
	rows, err := q.q.QueryContext(ctx, "SELECT id, council, committee FROM meetings ORDER BY rowid")
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
			councils[key] = CouncilKey(council)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, key := range order {
		if _, err := q.q.ExecContext(ctx, "INSERT INTO committees (key, council_key, slug) VALUES (?, ?, ?)", key, councils[key], key); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if _, err := q.q.ExecContext(ctx, "UPDATE meetings SET committee_key = ? WHERE id = ?", m.key, m.id); err != nil {
			return err
		}
	}
	return nil
}

// NameKey is how committee names are matched: case and spacing ignored.
func NameKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}
