package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newSetCmd(a *app) *cobra.Command {
	var (
		status, note, owner, due string
		returnedTo               string
		notReturned, asJSON      bool
	)
	cmd := &cobra.Command{
		Use:   "set ID [--status S] [--note TEXT] [--owner NAME] [--due DATE]",
		Short: "Change a record's tracking: status, owner, due date, a note, where a follow-up came back",
		Long: `Change the tracking of one action or follow-up (a resolution takes notes
only). The change is saved at once, with who made it and when, and is kept
through re-imports and re-parses.

  --status open|in-progress|done|dropped
  --note TEXT                 add a note to the record's history
  --owner NAME                who is to act ("" goes back to the minutes' owner)
  --due DATE                  when it is due: 2022-06-21, 21/06/2022, 21 June 2022,
                              +2w, friday, next (the committee's next meeting) …
                              ("none" goes back to the minutes' date)
  --returned-to ITEM          a follow-up came back as this later item (osc-2022-06-21-23)
  --not-returned              the item it was matched to does not answer it`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.TrimSpace(args[0])
			flags := cmd.Flags()
			var c index.Change
			if flags.Changed("status") {
				s, ok := index.ParseStatus(status)
				if !ok || strings.TrimSpace(status) == "" {
					return fmt.Errorf("--status %q: use open, in-progress, done or dropped", status)
				}
				c.Status = &s
			}
			if flags.Changed("owner") {
				c.Owner = &owner
			}
			dueNext := flags.Changed("due") && minutes.NeedsNextMeeting(due)
			if flags.Changed("due") && !dueNext {
				var d minutes.Date
				switch strings.ToLower(strings.TrimSpace(due)) {
				case "", "none", "clear":
				default:
					var err error
					if d, err = dateFlag("--due", due); err != nil {
						return err
					}
				}
				c.Due = &d
			}
			if dueNext {
				c.Due = &minutes.Date{} // worked out below, once the library is open
			}
			c.Note = note
			link := flags.Changed("returned-to") || notReturned
			if c.Status == nil && c.Owner == nil && c.Due == nil && c.Note == "" && !link {
				return fmt.Errorf("nothing to change: give --status, --note, --owner, --due, --returned-to or --not-returned")
			}
			if flags.Changed("returned-to") && notReturned {
				return fmt.Errorf("give --returned-to or --not-returned, not both")
			}
			lib, err := openLibrary(cmd.Context(), a, "set", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			ctx := cmd.Context()
			if dueNext { // the record's committee's next meeting
				r, _, err := lib.Record(ctx, id)
				if err != nil {
					return err
				}
				today := minutes.DateOf(a.now())
				next, _, err := lib.NextMeeting(ctx, r.CommitteeKey, today) // by key: two councils may share the name
				if err != nil {
					return err
				}
				if *c.Due, err = dateFlagAt("--due", due, today, next); err != nil {
					return err
				}
			}
			if link {
				item := strings.TrimSpace(returnedTo)
				if notReturned {
					item = ""
				} else if item == "" {
					return fmt.Errorf("--returned-to needs an item ID, e.g. osc-2022-06-21-23 (minutebook show MEETING lists them)")
				}
				if err := lib.LinkReturn(ctx, id, item); err != nil {
					return err
				}
			}
			r, hist, err := lib.Record(ctx, id)
			if c.Status != nil || c.Owner != nil || c.Due != nil || c.Note != "" {
				r, err = lib.Update(ctx, id, c)
				if err != nil {
					return err
				}
				_, hist, err = lib.Record(ctx, id)
			}
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, export.RecordWithHistory(r, hist))
			}
			fmt.Fprintf(a.stdout, "Saved %s.\n\n", r.ID)
			return printRecord(a.stdout, r, hist)
		},
	}
	f := cmd.Flags()
	f.StringVar(&status, "status", "", "open, in-progress, done or dropped")
	f.StringVar(&note, "note", "", "a note to add to the record's history")
	f.StringVar(&owner, "owner", "", `who is to act ("" for the owner the minutes give)`)
	f.StringVar(&due, "due", "", `the due date: 2022-06-21, 21/06/2022, +2w, next … ("none" for the date the minutes give)`)
	f.StringVar(&returnedTo, "returned-to", "", "the later item a follow-up came back as")
	f.BoolVar(&notReturned, "not-returned", false, "the item a follow-up was matched to does not answer it")
	f.BoolVar(&asJSON, "json", false, "print the record as saved, as JSON")
	return cmd
}
