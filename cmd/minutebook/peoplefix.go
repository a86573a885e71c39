package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
)

// newPeopleFixCmds are `people merge`, `people split` and `people
// history`: the clerks' corrections of who is who, kept in the library
// through re-imports, re-parses and index rebuilds.
func newPeopleFixCmds(a *app) []*cobra.Command {
	var note, by, from string
	merge := &cobra.Command{
		Use:   "merge NAME OTHER",
		Short: "Say that OTHER is another spelling of NAME: list them as one person",
		Long: `Say that OTHER is another spelling of NAME ("J. Burch" is Jane Birch):
from now on every name read as OTHER is listed as NAME, in people, show
person, due --owner and the exports, through later imports, re-parses and
index rebuilds. minutebook people split takes it back.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := openLibrary(cmd.Context(), a, "people merge", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			p, err := lib.MergePeople(cmd.Context(), args[0], args[1], note, by)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s: %s\n", p.Name, describeSpellings(p))
			return nil
		},
	}
	split := &cobra.Command{
		Use:   "split NAME --from ALIAS",
		Short: "Take a spelling back out of a person: ALIAS is listed apart again",
		Long: `Take a spelling back out of a person: ALIAS (one of the spellings minutebook
show person NAME lists under "Also written", or a person merged in) is
listed apart again, and is no longer joined to NAME by its initials.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" {
				return fmt.Errorf("give the spelling to split off with --from ALIAS (minutebook show person %q lists them)", args[0])
			}
			lib, err := openLibrary(cmd.Context(), a, "people split", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			p, err := lib.SplitPerson(cmd.Context(), args[0], from, note, by)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s: %s; %s is listed apart\n", p.Name, describeSpellings(p), from)
			return nil
		},
	}
	split.Flags().StringVar(&from, "from", "", "the spelling to split off")
	for _, c := range []*cobra.Command{merge, split} {
		c.Flags().StringVar(&note, "note", "", "why (kept in the history)")
		c.Flags().StringVar(&by, "by", "", "who made the correction (default: the current user)")
	}
	history := &cobra.Command{
		Use:   "history",
		Short: "List the merges and splits of people clerks made, oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := openLibrary(cmd.Context(), a, "people history", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			cs, err := lib.PeopleCorrections(cmd.Context())
			if err != nil {
				return err
			}
			if len(cs) == 0 {
				fmt.Fprintln(a.stdout, "No merges or splits of people yet.")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "WHEN\tWHO\tCORRECTION\tNOTE")
			for _, c := range cs {
				what := fmt.Sprintf("merged %s into %s", c.AliasName, c.PersonName)
				if !c.Merge {
					what = fmt.Sprintf("split %s from %s", c.AliasName, c.PersonName)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(c.At, 20), cell(c.Who, 16), cell(what, 60), cell(c.Note, 40))
			}
			return tw.Flush()
		},
	}
	return []*cobra.Command{merge, split, history}
}

// describeSpellings says which spellings a person is listed under.
func describeSpellings(p index.Person) string {
	if len(p.Aliases) == 0 {
		return "no other spellings"
	}
	return "also written " + strings.Join(p.Aliases, ", ")
}
