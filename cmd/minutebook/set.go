package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

// exitConflict is the exit status of an edit refused because the record
// changed since it was read.
const exitConflict = 3

func newSetCmd(a *app) *cobra.Command {
	var (
		status, note, owner, due string
		returnedTo, kind, text   string
		notReturned, asJSON      bool
		reject, unreject, accept bool
		withdraw                 bool
		force                    bool
		ifVersion                int64
	)
	cmd := &cobra.Command{
		Use:   "set ID [--status S] [--note TEXT] [--owner NAME] [--due DATE] [--reject] [--kind K] [--text TEXT]",
		Short: "Change a record's tracking (status, owner, due date, a note, where a follow-up came back) or correct it",
		Long: `Change the tracking of one action or follow-up (a resolution takes notes
only), or correct what the parser made of the minutes. The change is saved
at once, with who made it and when, and is kept through re-imports and
re-parses.

  --status open|in-progress|done|dropped
  --note TEXT                 add a note to the record's history
  --owner NAME                who is to act ("" goes back to the minutes' owner)
  --due DATE                  when it is due: 2022-06-21, 21/06/2022, 21 June 2022,
                              +2w, friday, next (the committee's next meeting) …
                              ("none" goes back to the minutes' date)
  --returned-to ITEM          a follow-up came back as this later item (osc-2022-06-21-23)
  --not-returned              the item it was matched to does not answer it

Corrections of the parser (kept through every re-import and re-parse,
found again in a new parse by their item and text):

  --reject [--note WHY]       it is not a record at all: it leaves the due board,
                              counts, exports and search (--include-rejected shows it)
  --unreject                  take a rejection back
  --kind resolution|action|follow-up
                              it is another kind of record (its tracking stays)
  --text TEXT                 its text is this span of its item's text (shorter,
                              or the whole sentence); it must occur in the item
  --accept                    the parser was right: it leaves the review queue
  --withdraw                  take back a record a clerk added (minutebook add)

The change is made to the record as this command reads it: when another
session changes the record in the moment between (or since --if-version N,
the version show --json printed), nothing is saved and the exit status is
3; --force saves it all the same, marked forced in the history.`,
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
			if flags.Changed("returned-to") && notReturned {
				return fmt.Errorf("give --returned-to or --not-returned, not both")
			}
			if flags.Changed("returned-to") {
				item := strings.TrimSpace(returnedTo)
				if item == "" {
					return fmt.Errorf("--returned-to needs an item ID, e.g. osc-2022-06-21-23 (minutebook show MEETING lists them)")
				}
				c.Link = &item
			}
			if notReturned {
				c.Link = new(string)
			}
			if reject && unreject {
				return fmt.Errorf("give --reject or --unreject, not both")
			}
			if reject || unreject {
				c.Reject = &reject
			}
			if flags.Changed("kind") {
				k, ok := index.ParseKind(kind)
				if !ok {
					return fmt.Errorf("--kind %q: use resolution, action or follow-up", kind)
				}
				c.Kind = &k
			}
			if flags.Changed("text") {
				if strings.TrimSpace(text) == "" {
					return fmt.Errorf("--text needs the words of the item's text the record is")
				}
				c.Text = &text
			}
			c.Accept, c.Withdraw = accept, withdraw
			if c.Status == nil && c.Owner == nil && c.Due == nil && c.Note == "" && c.Link == nil && c.Reject == nil &&
				c.Kind == nil && c.Text == nil && !c.Accept && !c.Withdraw {
				return fmt.Errorf("nothing to change: give --status, --note, --owner, --due, --returned-to, --not-returned, --reject, --kind, --text, --accept or --withdraw")
			}
			if c.Withdraw && (c.Status != nil || c.Owner != nil || c.Due != nil || c.Link != nil || c.Reject != nil || c.Kind != nil || c.Text != nil) {
				return fmt.Errorf("--withdraw takes the record back: give it alone (or with --note)")
			}
			c.Force = force
			lib, err := openLibrary(cmd.Context(), a, "set", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			ctx := cmd.Context()
			// The change is made to the record as read here.
			r, _, err := lib.Record(ctx, id)
			if err != nil {
				return err
			}
			c.Version = &r.Version
			if flags.Changed("if-version") {
				c.Version = &ifVersion
			}
			if dueNext { // the record's committee's next meeting
				today := minutes.DateOf(a.now())
				next, _, err := lib.NextMeeting(ctx, r.CommitteeKey, today) // by key: two councils may share the name
				if err != nil {
					return err
				}
				if *c.Due, err = dateFlagAt("--due", due, today, next); err != nil {
					return err
				}
			}
			if a.beforeSave != nil {
				a.beforeSave()
			}
			r, err = lib.Update(ctx, id, c)
			if err != nil {
				return conflictExit(err)
			}
			if c.Withdraw {
				fmt.Fprintf(a.stdout, "Took back %s: it is no longer a record (its history is kept).\n", r.ID)
				return nil
			}
			_, hist, err := lib.Record(ctx, id)
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
	f.StringVar(&note, "note", "", "a note to add to the record's history (with --reject: why)")
	f.StringVar(&owner, "owner", "", `who is to act ("" for the owner the minutes give)`)
	f.StringVar(&due, "due", "", `the due date: 2022-06-21, 21/06/2022, +2w, next … ("none" for the date the minutes give)`)
	f.StringVar(&returnedTo, "returned-to", "", "the later item a follow-up came back as")
	f.BoolVar(&notReturned, "not-returned", false, "the item a follow-up was matched to does not answer it")
	f.BoolVar(&reject, "reject", false, "it is not a record: leave it out of the due board, counts, exports and search")
	f.BoolVar(&unreject, "unreject", false, "take a rejection back")
	f.StringVar(&kind, "kind", "", "make it a resolution, action or follow-up")
	f.StringVar(&text, "text", "", "its text: a span of its item's text")
	f.BoolVar(&accept, "accept", false, "the parser was right about it: it leaves the review queue")
	f.BoolVar(&withdraw, "withdraw", false, "take back a record a clerk added")
	f.BoolVar(&force, "force", false, "save the change even over another session's change since (recorded as forced)")
	f.Int64Var(&ifVersion, "if-version", 0, "save only if the record is still at this version (show --json prints it)")
	f.BoolVar(&asJSON, "json", false, "print the record as saved, as JSON")
	return cmd
}

// conflictExit turns a change refused because the record changed meanwhile
// into exit status 3 with a message that says what changed and what to do.
func conflictExit(err error) error {
	var ce *index.ConflictError
	if !errors.As(err, &ce) {
		return err
	}
	return &exitError{exitConflict, fmt.Errorf("%s changed since it was read: %s; nothing was saved: run the command again to change it as it is now, or add --force to save it over that",
		ce.ID, safe(ce.Describe(time.Local, time.Now())))}
}
