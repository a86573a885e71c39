package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
)

// Councils are the councils the library's meetings name, each spelling
// once, in order ("City of Portland" and "Portland City Council" are one
// council, by store.CouncilKey, and both are listed).
func (l *Library) Councils(ctx context.Context) ([]string, error) {
	cs, err := l.store.Q().Councils(ctx)
	if err != nil {
		return nil, l.store.Wrap("list councils", err)
	}
	return cs, nil
}

// MatchCouncil resolves a council as typed ("wexcombe", "Wexcombe Borough
// Council") to the council the library holds: the one whose name equals it
// ignoring case, else the only one a name of which starts with it or holds
// it as words. It returns the council's names as the minutes spell them
// ("" and nil for ""). An unknown or ambiguous name is an error that lists
// the candidates.
func (l *Library) MatchCouncil(ctx context.Context, typed string) ([]string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return nil, nil
	}
	all, err := l.Councils(ctx)
	if err != nil {
		return nil, err
	}
	return matchCouncil(all, typed)
}

func matchCouncil(all []string, typed string) ([]string, error) {
	low := strings.ToLower(strings.Join(strings.Fields(typed), " "))
	groups := map[string][]string{} // council key → its spellings
	for _, c := range all {
		k := store.CouncilKey(c)
		groups[k] = append(groups[k], c)
	}
	var exact, starts, holds []string // council keys
	for k, names := range groups {
		var e, s, h bool
		for _, c := range names {
			lc := strings.ToLower(c)
			e = e || lc == low
			s = s || strings.HasPrefix(lc, low)
			h = h || strings.Contains(" "+lc+" ", " "+low+" ")
		}
		switch {
		case e:
			exact = append(exact, k)
		case s:
			starts = append(starts, k)
		case h:
			holds = append(holds, k)
		}
	}
	for _, keys := range [][]string{exact, starts, holds} {
		switch len(keys) {
		case 0:
			continue
		case 1:
			return groups[keys[0]], nil
		default:
			var names []string
			for _, k := range keys {
				names = append(names, groups[k][0])
			}
			sort.Strings(names)
			return nil, fmt.Errorf("%q could be any of these councils: %s; type more of the name", typed, strings.Join(names, "; "))
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no council %q: the library's minutes name no council (import with --council NAME to give one)", typed)
	}
	return nil, fmt.Errorf("no council %q in the library; it holds: %s", typed, strings.Join(all, "; "))
}

// ofCouncil keeps the records of the council spelt names (nil keeps them
// all).
func ofCouncil(recs []Record, names []string) []Record {
	if names == nil {
		return recs
	}
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	kept := recs[:0:0]
	for _, r := range recs {
		if keep[r.Council] {
			kept = append(kept, r)
		}
	}
	return kept
}

// CommitteesOfCouncil keeps the committees of cs that belong to the
// council typed, matched by MatchCouncil's rule among the councils cs
// name; "" keeps them all. Commands use it to tell two councils'
// committees of one name apart (agenda --committee Cabinet --council
// harrow). An unknown or ambiguous council is an error listing the
// candidates.
func CommitteesOfCouncil(cs []Committee, typed string) ([]Committee, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return cs, nil
	}
	var all []string
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Council != "" && !seen[c.Council] {
			seen[c.Council] = true
			all = append(all, c.Council)
		}
	}
	sort.Strings(all)
	names, err := matchCouncil(all, typed)
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	var out []Committee
	for _, c := range cs {
		if keep[c.Council] {
			out = append(out, c)
		}
	}
	return out, nil
}
