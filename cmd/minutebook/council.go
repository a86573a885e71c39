package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
)

// councilUsage is the help of every listing's --council.
const councilUsage = `only this council: its name or the start of it ("harrow", "des moines"), any case`

// addCouncilFlag registers --council on a listing command.
func addCouncilFlag(cmd *cobra.Command, council *string) {
	cmd.Flags().StringVar(council, "council", "", councilUsage)
}

// councilCount is how many councils the records are of (those that name
// none aside): a listing shows a council column when it is more than
// one.
func councilCount(councils ...string) int {
	seen := map[string]bool{}
	for _, c := range councils {
		if k := index.CouncilKey(c); k != "" {
			seen[k] = true
		}
	}
	return len(seen)
}

// recordCouncils is the councils of records, for councilCount.
func recordCouncils(rs []index.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Council
	}
	return out
}

// councilCommittees is the keys of the committees of the council typed
// (--council; index.MatchCouncil), nil when none was typed, for a
// listing the library does not filter itself.
func councilCommittees(ctx context.Context, api index.API, typed string) (map[string]bool, error) {
	if typed == "" {
		return nil, nil
	}
	c, err := export.ResolveCouncil(ctx, api, typed)
	if err != nil {
		return nil, fmt.Errorf("--council: %w", err)
	}
	keys := make(map[string]bool, len(c.Committees))
	for _, cm := range c.Committees {
		keys[cm.Key] = true
	}
	return keys, nil
}
