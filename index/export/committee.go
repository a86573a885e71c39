package export

import (
	"context"
	"fmt"

	"github.com/minutebook/minutebook/index"
)

// ResolveCommittee finds the committee a clerk means by what they typed,
// by the library's one rule (index.MatchCommittee): its key ("osc"), its
// full name (any case), or a part of the name that only one committee has
// ("scrutiny"). The error lists the candidates.
func ResolveCommittee(ctx context.Context, api index.API, typed string) (index.Committee, error) {
	all, err := api.Committees(ctx)
	if err != nil {
		return index.Committee{}, fmt.Errorf("list committees: %w", err)
	}
	return index.MatchCommittee(all, typed)
}

// ResolveCommitteeOf is ResolveCommittee among the committees of one
// council (typed as a person gives it: index.CommitteesOfCouncil), so
// that "Cabinet" with the council "harrow" is Harrow's Cabinet when
// another council has one too. An empty council is ResolveCommittee.
func ResolveCommitteeOf(ctx context.Context, api index.API, typed, council string) (index.Committee, error) {
	all, err := api.Committees(ctx)
	if err != nil {
		return index.Committee{}, fmt.Errorf("list committees: %w", err)
	}
	of, err := index.CommitteesOfCouncil(all, council)
	if err != nil {
		return index.Committee{}, err // says which councils there are
	}
	if len(of) == 0 {
		return index.Committee{}, fmt.Errorf("the library has no committee of the council %q", council)
	}
	return index.MatchCommittee(of, typed)
}

// committeeOf is the committee a record belongs to, as the library's
// methods take it: its key, or its name where the library gave no key.
func committeeOf(r index.Record) string {
	if r.CommitteeKey != "" {
		return r.CommitteeKey
	}
	return r.Committee
}

// queryCommittee is the committee c as the library's methods take it.
func queryCommittee(c index.Committee) string {
	if c.Key != "" {
		return c.Key
	}
	return c.Name
}
