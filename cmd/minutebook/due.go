package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

func init() { subcommands = append(subcommands, newDueCmd) }

// dueNow is the clock for the default --as-of date; tests set it.
var dueNow = time.Now

func newDueCmd(a *app) *cobra.Command {
	var (
		asOf, committee    string
		asJSON, asCSV, chk bool
		all                bool
	)
	cmd := &cobra.Command{
		Use:   "due",
		Short: "List open actions and follow-ups: overdue, slipped, due at the next meeting, due soon, upcoming",
		Long: `List the open actions and follow-ups, each with where it stands on the as-of
date (today unless --as-of is given):

  overdue               an action whose due date has passed
  slipped               a follow-up whose meeting passed without it coming back
  due at next meeting   due on or before the committee's next known meeting
  due soon              due within 30 days
  upcoming              due later
  undated               no due date known
  returned              a follow-up a later meeting took (matched by subject,
                        or linked with minutebook set ID --returned-to ITEM)

A due date marked * is provisional: the minutes named a month, and the
library holds no meeting of the committee in it.

With --check, the exit status is 1 when anything is overdue or slipped
(for a cron job).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON && asCSV {
				return fmt.Errorf("give --json or --csv, not both")
			}
			q := index.DueQuery{Committee: committee, IncludeClosed: all}
			var err error
			today := minutes.DateOf(dueNow())
			asOfNext := minutes.NeedsNextMeeting(asOf)
			if asOfNext && committee == "" {
				return fmt.Errorf("--as-of next is a committee's next meeting: give the committee with --committee")
			}
			if !asOfNext {
				if q.AsOf, err = dateFlagAt("--as-of", asOf, today, minutes.Date{}); err != nil {
					return err
				}
			}
			if q.AsOf.IsZero() {
				q.AsOf = today
			}
			lib, err := openLibrary(cmd.Context(), a, "due", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			if asOfNext {
				next, _, err := lib.NextMeeting(cmd.Context(), committee, today)
				if err != nil {
					return err
				}
				if q.AsOf, err = dateFlagAt("--as-of", asOf, today, next); err != nil {
					return err
				}
			}
			rs, err := lib.Due(cmd.Context(), q)
			if err != nil {
				return err
			}
			switch {
			case asJSON:
				err = writeJSON(a.stdout, dueJSON(rs))
			case asCSV:
				err = writeDueCSV(a.stdout, rs)
			default:
				err = printDue(a.stdout, rs, q.AsOf)
			}
			if err != nil {
				return err
			}
			if chk {
				late := 0
				for _, r := range rs {
					if r.Flag == index.FlagOverdue || r.Flag == index.FlagSlipped {
						late++
					}
				}
				if late > 0 {
					return &exitError{1, fmt.Errorf("%s overdue or slipped as of %s", plural(late, "record"), q.AsOf)}
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&asOf, "as-of", "", "the date to work out what is due against, YYYY-MM-DD (default today)")
	f.StringVar(&committee, "committee", "", `only this committee: its name, its initials ("osc") or a unique part of the name`)
	f.BoolVar(&asJSON, "json", false, "print the records as JSON")
	f.BoolVar(&asCSV, "csv", false, "print the records as CSV")
	f.BoolVar(&chk, "check", false, "exit with status 1 when anything is overdue or slipped")
	f.BoolVar(&all, "all", false, "also list done and dropped records")
	return cmd
}

// dueRecord is one record of the due list as JSON.
type dueRecord struct {
	ID          string       `json:"id"`
	Kind        minutes.Kind `json:"kind"`
	Flag        index.Flag   `json:"flag"`
	FlagLabel   string       `json:"flag_label"`
	Due         minutes.Date `json:"due"`
	Provisional bool         `json:"provisional"`
	DueMeeting  *string      `json:"due_meeting"`
	Status      index.Status `json:"status"`
	Owner       *string      `json:"owner"`
	Committee   string       `json:"committee"`
	MeetingID   string       `json:"meeting_id"`
	MeetingDate minutes.Date `json:"meeting_date"`
	Minute      string       `json:"minute"`
	ItemTitle   string       `json:"item_title"`
	Text        string       `json:"text"`
	LastNote    *string      `json:"last_note"`
	ReturnedTo  *returnJSON  `json:"returned_to"`
}

type returnJSON struct {
	ItemID      string       `json:"item_id"`
	MeetingID   string       `json:"meeting_id"`
	MeetingDate minutes.Date `json:"meeting_date"`
	Minute      string       `json:"minute"`
	Title       string       `json:"title"`
	Confirmed   bool         `json:"confirmed"`
	Matched     []string     `json:"matched_words"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toDueRecord(r index.Record) dueRecord {
	d := dueRecord{ID: r.ID, Kind: r.Kind, Flag: r.Flag, FlagLabel: r.Flag.Label(), Due: r.Due, Provisional: r.Provisional,
		DueMeeting: strPtr(r.DueMeeting), Status: r.Status, Owner: strPtr(r.Owner), Committee: r.Committee, MeetingID: r.MeetingID,
		MeetingDate: r.MeetingDate, Minute: r.Minute, ItemTitle: r.ItemTitle, Text: r.Text, LastNote: strPtr(r.LastNote)}
	if t := r.ReturnedTo; t != nil {
		d.ReturnedTo = &returnJSON{ItemID: t.ItemID, MeetingID: t.MeetingID, MeetingDate: t.MeetingDate, Minute: t.Minute,
			Title: t.Title, Confirmed: t.Confirmed, Matched: t.Matched}
		if d.ReturnedTo.Matched == nil {
			d.ReturnedTo.Matched = []string{}
		}
	}
	return d
}

func dueJSON(rs []index.Record) []dueRecord {
	out := make([]dueRecord, 0, len(rs))
	for _, r := range rs {
		out = append(out, toDueRecord(r))
	}
	return out
}

// dueDate shows a due date, starred when provisional.
func dueDate(r index.Record) string {
	if r.Due.IsZero() {
		return "-"
	}
	if r.Provisional {
		return r.Due.String() + "*"
	}
	return r.Due.String()
}

// returnNote says where a returned follow-up came back.
func returnNote(r index.Record) string {
	t := r.ReturnedTo
	if t == nil {
		return ""
	}
	how := "matched on " + strings.Join(t.Matched, ", ")
	if t.Confirmed {
		how = "confirmed"
	}
	return fmt.Sprintf("[came back %s, minute %s (%s), %s] ", t.MeetingDate, t.Minute, t.ItemID, how)
}

func printDue(w io.Writer, rs []index.Record, asOf minutes.Date) error {
	if len(rs) == 0 {
		fmt.Fprintf(w, "Nothing open as of %s.\n", asOf)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FLAG\tDUE\tCOMMITTEE\tMEETING\tMINUTE\tID\tOWNER\tTEXT")
	counts := map[index.Flag]int{}
	provisional := false
	for _, r := range rs {
		counts[r.Flag]++
		provisional = provisional || (r.Provisional && !r.Due.IsZero())
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", cell(r.Flag.Label(), 0), dueDate(r), cell(r.Committee, 28),
			cell(r.MeetingDate.String(), 0), cell(r.Minute, 10), cell(r.ID, 0), cell(r.Owner, 24), cell(returnNote(r)+r.Text, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, f := range index.FlagOrder {
		if counts[f] > 0 {
			label := f.Label()
			if f == index.FlagDone {
				label = "done or dropped"
			}
			parts = append(parts, fmt.Sprintf("%d %s", counts[f], label))
		}
	}
	fmt.Fprintf(w, "As of %s: %s.\n", asOf, strings.Join(parts, ", "))
	if provisional {
		fmt.Fprintln(w, "* provisional: the minutes named a month, and the library holds no meeting of the committee in it.")
	}
	return nil
}

func writeDueCSV(w io.Writer, rs []index.Record) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"flag", "due", "provisional", "status", "owner", "committee", "meeting_date", "minute", "id", "kind", "item_title", "text", "last_note", "returned_to"})
	for _, r := range rs {
		ret := ""
		if r.ReturnedTo != nil {
			ret = r.ReturnedTo.ItemID
		}
		cw.Write([]string{string(r.Flag), r.Due.String(), fmt.Sprint(r.Provisional), string(r.Status), csvCell(r.Owner), csvCell(r.Committee),
			r.MeetingDate.String(), csvCell(r.Minute), r.ID, string(r.Kind), csvCell(r.ItemTitle), csvCell(r.Text), csvCell(r.LastNote), ret})
	}
	cw.Flush()
	return cw.Error()
}

// csvCell makes text safe for a CSV a spreadsheet will open: no control
// characters, and no leading character a spreadsheet would take for a
// formula.
func csvCell(s string) string {
	s = safe(s)
	if s != "" && strings.ContainsRune("=+@-", rune(s[0])) {
		return "'" + s
	}
	return s
}
