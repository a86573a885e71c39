package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
)

// A library may hold several councils: a democratic services team that
// serves two, a county councillor who also sits on a parish council. A
// council is the committees whose council is known to be it (committee.go
// says how a meeting's committee, and so its council, is found); every
// listing takes one (DueQuery, RecordQuery, SearchQuery and ReviewQuery's
// Council), as a person types it (MatchCouncil). Minutes that name no
// council, imported with no council given (ImportOptions), belong to
// none: a council filter leaves them out.

// Council is one council of the library.
type Council struct {
	// Key is how councils are matched (the words of the name that tell
	// it from others: "harrow" for "London Borough of Harrow" and
	// "Harrow Council" alike).
	Key string
	// Name is the name its committees' latest minutes give it; when they
	// spell it differently, the spelling of the committees with the most
	// meetings.
	Name       string
	Committees []Committee // by name
	Meetings   int
}

// Councils lists the councils the library holds committees of, by name.
// Committees whose council is not known are in none.
func (l *Library) Councils(ctx context.Context) ([]Council, error) {
	gen, err := l.Generation(ctx)
	if err != nil {
		return nil, err
	}
	if c := l.councils.Load(); c != nil && c.gen == gen {
		return append([]Council(nil), c.list...), nil
	}
	committees, err := l.committees(ctx) // not the whole due model: a search by council needs only these
	if err != nil {
		return nil, err
	}
	owner, err := l.store.Q().CommitteeCouncils(ctx)
	if err != nil {
		return nil, l.store.Wrap("list councils", err)
	}
	list := groupCouncils(committees, owner)
	l.councils.Store(&councilsAt{gen: gen, list: list})
	return append([]Council(nil), list...), nil
}

// councilsAt is the councils grouped at one generation of the library: a
// committee changes council only in a write, which moves the generation
// on.
type councilsAt struct {
	gen  int64
	list []Council
}

// CouncilKey is how councils are matched: the words of the name that
// tell it from others, lower-cased ("harrow" for "London Borough of
// Harrow"); "" for no name.
func CouncilKey(name string) string { return store.CouncilKey(name) }

// CouncilsOf groups committees into councils by the councils their
// minutes name (Committee.Council), as Councils does from the store: for
// fakes of the library.
func CouncilsOf(cs []Committee) []Council { return groupCouncils(cs, nil) }

// groupCouncils groups committees by their council keys (owner: committee
// key → council key; nil: the key of the council the committee's minutes
// name).
func groupCouncils(cs []Committee, owner map[string]string) []Council {
	byKey := map[string]*Council{}
	spellings := map[string]map[string]int{} // council key → name → meetings
	var order []string
	for _, c := range cs {
		ck := owner[c.Key]
		if owner == nil {
			ck = CouncilKey(c.Council)
		}
		if ck == "" {
			continue
		}
		cl := byKey[ck]
		if cl == nil {
			cl = &Council{Key: ck}
			byKey[ck] = cl
			spellings[ck] = map[string]int{}
			order = append(order, ck)
		}
		cl.Committees = append(cl.Committees, c)
		cl.Meetings += c.Meetings
		if c.Council != "" {
			spellings[ck][c.Council] += c.Meetings
		}
	}
	out := make([]Council, 0, len(order))
	for _, ck := range order {
		cl := byKey[ck]
		best := -1
		for name, n := range spellings[ck] {
			if n > best || n == best && name < cl.Name {
				cl.Name, best = name, n
			}
		}
		if cl.Name == "" {
			cl.Name = ck
		}
		out = append(out, *cl)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// CouncilError says what a person typed for a council matches no
// council, or several. It wraps ErrNotFound.
type CouncilError struct {
	Typed   string
	Matches []Council // the councils it starts the name of, when several
	All     []Council // the library's councils
}

func (e *CouncilError) Error() string {
	switch {
	case len(e.All) == 0:
		return fmt.Sprintf("council %q: no minutes in the library name their council; import them with --council NAME (minutebook import --council %q PATH)", e.Typed, e.Typed)
	case len(e.Matches) > 1:
		return fmt.Sprintf("council %q matches %d councils (%s): give more of the name", e.Typed, len(e.Matches), councilList(e.Matches))
	}
	return fmt.Sprintf("no council matches %q: the library has %s", e.Typed, councilList(e.All))
}

func (e *CouncilError) Unwrap() error { return ErrNotFound }

func councilList(cs []Council) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return strings.Join(names, "; ")
}

// MatchCouncil is the one lookup of a council from what a person typed,
// among cs, case ignored: the council of that name, or of that key (so
// "London Borough of Harrow" finds "Harrow Council"); else the one
// council whose name, or key, starts with it ("wex", "des moines"); else
// the one whose name holds it as words ("parish" for "Ashby Parish
// Council"). Otherwise it returns a *CouncilError listing the candidates.
func MatchCouncil(cs []Council, typed string) (Council, error) {
	typed = strings.Join(strings.Fields(typed), " ")
	lower, key := strings.ToLower(typed), store.CouncilKey(typed)
	var prefixed, holding []Council
	for _, c := range cs {
		name := strings.ToLower(strings.Join(strings.Fields(c.Name), " "))
		switch {
		case name == lower || c.Key == lower || key != "" && c.Key == key:
			return c, nil
		case lower == "":
		case strings.HasPrefix(name, lower) || strings.HasPrefix(c.Key, lower) || key != "" && strings.HasPrefix(c.Key, key):
			prefixed = append(prefixed, c)
		case strings.Contains(" "+name+" ", " "+lower+" "):
			holding = append(holding, c)
		}
	}
	for _, found := range [][]Council{prefixed, holding} {
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		}
		return Council{}, &CouncilError{Typed: typed, Matches: found, All: cs}
	}
	return Council{}, &CouncilError{Typed: typed, All: cs}
}

// CommitteesOfCouncil keeps the committees of cs that belong to the
// council typed (MatchCouncil among the councils cs name, CouncilsOf);
// "" keeps them all. An unknown or ambiguous council is a *CouncilError.
func CommitteesOfCouncil(cs []Committee, typed string) ([]Committee, error) {
	if strings.TrimSpace(typed) == "" {
		return cs, nil
	}
	c, err := MatchCouncil(CouncilsOf(cs), typed)
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, cm := range c.Committees {
		in[cm.Key] = true
	}
	var out []Committee
	for _, cm := range cs {
		if in[cm.Key] {
			out = append(out, cm)
		}
	}
	return out, nil
}

// scopeKeys is the committees a query's Committee and Council select, as
// a set of committee keys; nil when neither is given (every committee).
// A committee is looked for among the council's committees only, so that
// "Cabinet" with a council is that council's Cabinet.
func (l *Library) scopeKeys(ctx context.Context, committee, council string) (map[string]bool, error) {
	if strings.TrimSpace(committee) == "" && strings.TrimSpace(council) == "" {
		return nil, nil
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	cs := model.committees
	if strings.TrimSpace(council) != "" {
		c, err := l.matchCouncil(ctx, council)
		if err != nil {
			return nil, err
		}
		cs = c.Committees
	}
	if strings.TrimSpace(committee) != "" {
		found, err := MatchCommittees(cs, committee)
		if err != nil {
			return nil, err
		}
		cs = found
	}
	keys := make(map[string]bool, len(cs))
	for _, c := range cs {
		keys[c.Key] = true
	}
	return keys, nil
}

// matchCouncil is MatchCouncil among the library's councils.
func (l *Library) matchCouncil(ctx context.Context, typed string) (Council, error) {
	cs, err := l.Councils(ctx)
	if err != nil {
		return Council{}, err
	}
	return MatchCouncil(cs, typed)
}
