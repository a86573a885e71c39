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

// ResolveCouncil finds the council a clerk means by what they typed, by
// the library's one rule (index.MatchCouncil): its name or the start of
// it, any case. The error lists the candidates.
func ResolveCouncil(ctx context.Context, api index.API, typed string) (index.Council, error) {
	all, err := api.Councils(ctx)
	if err != nil {
		return index.Council{}, fmt.Errorf("list councils: %w", err)
	}
	return index.MatchCouncil(all, typed)
}

// ResolveCommitteeOf is ResolveCommittee among one council's committees
// (ResolveCouncil), so that a name two councils' committees share means
// that council's; with council "", among all.
func ResolveCommitteeOf(ctx context.Context, api index.API, typed, council string) (index.Committee, error) {
	if council == "" {
		return ResolveCommittee(ctx, api, typed)
	}
	c, err := ResolveCouncil(ctx, api, council)
	if err != nil {
		return index.Committee{}, err
	}
	cm, err := index.MatchCommittee(c.Committees, typed)
	if err != nil {
		return index.Committee{}, fmt.Errorf("among the committees of %s: %w", c.Name, err)
	}
	return cm, nil
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
