package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newAddCmd(a *app) *cobra.Command {
	var (
		kind, text, owner, due, dueMeeting, note string
		asJSON                                   bool
	)
	cmd := &cobra.Command{
		Use:   "add ITEM-ID --kind K --text TEXT [--owner NAME] [--due DATE | --due-meeting MEETING]",
		Short: "Add a resolution, action or follow-up the parser missed to an item",
		Long: `Add a record the parser missed: a resolution, action or follow-up of one
item of a meeting (its ID is the meeting's and the minute, as minutebook
show MEETING lists items: osc-2021-12-14-188). The text must occur in the
item (its case, spacing and kind of quotes do not matter; the item's own
words are kept).

The record gets an ID of its own (osc-2021-12-14-188-ca1: c for a clerk's)
and shows on the due board, in search, exports and the calendar like any
other. It is kept through every re-import and re-parse; when a newer parser
finds the same record, the two are one.

  --kind resolution|action|follow-up
  --text TEXT            the words of the item's text the record is
  --owner NAME           who is to act
  --due DATE             when it is due: 2022-06-21, 21/06/2022, +2w, next …
  --due-meeting MEETING  the meeting it is due back at, as the minutes would
                         say it: "the next meeting", "the June 2022 meeting"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, ok := index.ParseKind(kind)
			if !ok {
				return fmt.Errorf("--kind %q: use resolution, action or follow-up", kind)
			}
			if strings.TrimSpace(text) == "" {
				return fmt.Errorf("--text: give the words of the item's text the record is")
			}
			if due != "" && dueMeeting != "" {
				return fmt.Errorf("give --due or --due-meeting, not both")
			}
			if k == minutes.KindResolution && (owner != "" || due != "" || dueMeeting != "") {
				return fmt.Errorf("a resolution has no owner or due date: leave out --owner, --due and --due-meeting")
			}
			n := index.NewRecord{ItemID: strings.TrimSpace(args[0]), Kind: k, Text: text, Owner: owner, DueMeeting: dueMeeting, Note: note}
			lib, err := openLibrary(cmd.Context(), a, "add", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			ctx := cmd.Context()
			if due != "" {
				today := minutes.DateOf(a.now())
				var next minutes.Date
				if minutes.NeedsNextMeeting(due) {
					m, err := lib.Meeting(ctx, meetingOfItem(ctx, lib, n.ItemID))
					if err != nil {
						return fmt.Errorf("no item has the ID %q: item IDs are a meeting ID and minute, as minutebook show MEETING lists them", safe(n.ItemID))
					}
					next, _, _ = lib.NextMeeting(ctx, m.CommitteeKey, today)
				}
				if n.Due, err = dateFlagAt("--due", due, today, next); err != nil {
					return err
				}
			}
			r, err := lib.AddRecord(ctx, n)
			if err != nil {
				return err
			}
			_, hist, err := lib.Record(ctx, r.ID)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, export.RecordWithHistory(r, hist))
			}
			fmt.Fprintf(a.stdout, "Added %s.\n\n", r.ID)
			return printRecord(a.stdout, r, hist)
		},
	}
	f := cmd.Flags()
	f.StringVar(&kind, "kind", "", "resolution, action or follow-up")
	f.StringVar(&text, "text", "", "the words of the item's text the record is")
	f.StringVar(&owner, "owner", "", "who is to act")
	f.StringVar(&due, "due", "", "when it is due: 2022-06-21, 21/06/2022, +2w, next …")
	f.StringVar(&dueMeeting, "due-meeting", "", `the meeting it is due back at: "the next meeting", "the June 2022 meeting"`)
	f.StringVar(&note, "note", "", "a note to start its history with")
	f.BoolVar(&asJSON, "json", false, "print the record as added, as JSON")
	return cmd
}

// meetingOfItem is the ID of the meeting an item ID belongs to (an item ID
// is its meeting's ID and the minute, which may hold dashes itself), ""
// when the library holds no such meeting.
func meetingOfItem(ctx context.Context, lib *index.Library, itemID string) string {
	parts := strings.Split(itemID, "-")
	for k := len(parts) - 1; k > 0; k-- {
		id := strings.Join(parts[:k], "-")
		if m, err := lib.Meeting(ctx, id); err == nil {
			for _, it := range m.Items {
				if it.ID == itemID {
					return id
				}
			}
			return ""
		}
	}
	return ""
}
