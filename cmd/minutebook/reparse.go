package main

import (
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
)

func newReparseCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "reparse",
		Short: "Parse every imported document again with this version of minutebook",
		Long: `Parse every document in the library again with the current parser, and
store the meetings whose parse changed. Tracking (status, owner, due date,
notes) stays with its record by ID. Tracking whose record the new parse no
longer gives is kept, and listed.

A document the parser now refuses keeps its meeting as it was; it is
named on standard error and the exit status is 2.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			lib, err := openLibrary(ctx, a, "reparse", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			res, err := lib.Reparse(ctx)
			if err != nil {
				return err
			}
			for _, f := range res.Failed {
				fmt.Fprintf(a.stderr, "minutebook: %s (meeting %s, kept as it was): %s\n", cell(f.Name, 0), f.MeetingID, safe(f.Err.Error()))
			}
			syncErr := lib.Sync(ctx, false)
			if asJSON {
				type failure struct {
					Name      string `json:"name"`
					MeetingID string `json:"meeting_id"`
					Error     string `json:"error"`
				}
				out := struct {
					Sources   int           `json:"sources"`
					Changed   int           `json:"changed"`
					Unchanged int           `json:"unchanged"`
					Failed    []failure     `json:"failed"`
					Orphans   []shownRecord `json:"orphans"`
				}{res.Sources, res.Changed, res.Unchanged, []failure{}, []shownRecord{}}
				for _, f := range res.Failed {
					out.Failed = append(out.Failed, failure{f.Name, f.MeetingID, f.Err.Error()})
				}
				for _, o := range res.Orphans {
					out.Orphans = append(out.Orphans, export.RecordWithHistory(o, nil))
				}
				if err := writeJSON(a.stdout, out); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(a.stdout, "Parsed %s again: %s changed, %d unchanged.\n", plural(res.Sources, "document"), plural(res.Changed, "meeting"), res.Unchanged)
				if len(res.Orphans) > 0 {
					fmt.Fprintf(a.stdout, "\n%s tracking for records the minutes no longer give (kept; minutebook show ID for each):\n", plural(len(res.Orphans), "record has"))
					tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
					fmt.Fprintln(tw, "ID\tSTATUS\tLAST NOTE\tTEXT")
					for _, o := range res.Orphans {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(o.ID, 0), cell(string(o.Status), 0), cell(o.LastNote, 40), cell(o.Text, 60))
					}
					if err := tw.Flush(); err != nil {
						return err
					}
				}
			}
			var be *index.BusyError
			if syncErr != nil && !errors.As(syncErr, &be) {
				fmt.Fprintln(a.stderr, "minutebook: the search index could not be updated:", safe(syncErr.Error()), "(run minutebook reindex)")
			}
			if len(res.Failed) > 0 {
				return &exitError{2, fmt.Errorf("%s could not be parsed again (named above); their meetings are unchanged", plural(len(res.Failed), "document"))}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}
