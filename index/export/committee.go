package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// ResolveCommittee finds the committee a clerk means by what they typed:
// the full name (any case), its ID slug ("osc"), or a part of the name that
// only one committee has ("scrutiny"). The error lists the candidates.
func ResolveCommittee(ctx context.Context, api index.API, typed string) (index.Committee, error) {
	typed = strings.TrimSpace(typed)
	all, err := api.Committees(ctx)
	if err != nil {
		return index.Committee{}, fmt.Errorf("list committees: %w", err)
	}
	if len(all) == 0 {
		return index.Committee{}, fmt.Errorf("the library has no committees yet: import some minutes first (minutebook import PATH)")
	}
	want := strings.ToLower(typed)
	var bySlug, byPart []index.Committee
	for _, c := range all {
		if strings.EqualFold(c.Name, typed) {
			return c, nil
		}
		if minutes.CommitteeSlug(c.Name) == want {
			bySlug = append(bySlug, c)
		}
		if strings.Contains(strings.ToLower(c.Name), want) {
			byPart = append(byPart, c)
		}
	}
	for _, set := range [][]index.Committee{bySlug, byPart} {
		if len(set) == 1 {
			return set[0], nil
		}
		if len(set) > 1 {
			return index.Committee{}, fmt.Errorf("%q matches %d committees (%s): give more of the name", typed, len(set), names(set))
		}
	}
	return index.Committee{}, fmt.Errorf("no committee called %q: the library has %s", typed, names(all))
}

func names(cs []index.Committee) string {
	const most = 8
	var out []string
	for i, c := range cs {
		if i == most {
			out = append(out, fmt.Sprintf("and %d more", len(cs)-most))
			break
		}
		out = append(out, c.Name)
	}
	return strings.Join(out, "; ")
}
