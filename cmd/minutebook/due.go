package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newDueCmd(a *app) *cobra.Command {
	var (
		asOf, committee, council string
		owner                    string
		asJSON, asCSV, chk       bool
		all, rejected            bool
	)
	cmd := &cobra.Command{
		Use:   "due",
		Short: "List open actions and follow-ups: overdue, slipped, due at the next meeting, due soon, upcoming",
		Long: `List the open actions and follow-ups, each with where it stands on the as-of
date (today unless --as-of is given):

  overdue               an action (or a follow-up due by a date or after a
                        period) whose due date has passed
  slipped               a follow-up due back at a named meeting (a month's,
                        or the next) that passed without it coming back
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
			q := index.DueQuery{Committee: committee, Council: council, IncludeClosed: all, IncludeRejected: rejected}
			var err error
			today := minutes.DateOf(a.now())
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
				key := committee
				if council != "" { // the council's committee of that name
					c, err := export.ResolveCommitteeOf(cmd.Context(), lib, committee, council)
					if err != nil {
						return fmt.Errorf("--committee: %w", err)
					}
					key = c.Key
				}
				next, _, err := lib.NextMeeting(cmd.Context(), key, today)
				if err != nil {
					return err
				}
				if q.AsOf, err = dateFlagAt("--as-of", asOf, today, next); err != nil {
					return err
				}
			}
			rs, err := lib.Due(cmd.Context(), q)
			if err == nil && owner != "" {
				rs, err = lib.OwnerRecords(cmd.Context(), owner, rs)
			}
			if err != nil {
				return err
			}
			switch {
			case asJSON, asCSV:
				if err := lib.FillVersions(cmd.Context(), rs); err != nil {
					return err
				}
				rows, err := export.Rows(cmd.Context(), lib, rs)
				if err != nil {
					return err
				}
				if asJSON {
					err = writeJSONList(a.stdout, recordsJSON(rows))
				} else {
					err = writeDueCSV(a.stdout, rows)
				}
				if err != nil {
					return err
				}
			default:
				err = printDue(a.stdout, rs, q.AsOf)
			}
			if err != nil {
				return err
			}
			if chk {
				late := 0
				for _, r := range rs {
					if !r.Rejected && (r.Flag == index.FlagOverdue || r.Flag == index.FlagSlipped) {
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
	addCouncilFlag(cmd, &council)
	f.StringVar(&owner, "owner", "", `only the records this person (or role) owns: a name as minutebook people lists it, case and honorifics ignored, a unique start or surname will do`)
	f.BoolVar(&asJSON, "json", false, "print the records as JSON")
	f.BoolVar(&asCSV, "csv", false, "print the records as CSV")
	f.BoolVar(&chk, "check", false, "exit with status 1 when anything is overdue or slipped")
	f.BoolVar(&all, "all", false, "also list done and dropped records")
	f.BoolVar(&rejected, "include-rejected", false, "also list the records clerks rejected (marked REJECTED)")
	return cmd
}

// dueRecord is one record of the due list as JSON: the one record view.
type dueRecord = export.RecordJSON

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

func printDue(out io.Writer, rs []index.Record, asOf minutes.Date) error {
	// The table's cells reach the terminal in one write a screenful, not
	// one a cell.
	w := bufio.NewWriterSize(out, 64<<10)
	if err := printDueTo(w, rs, asOf); err != nil {
		return err
	}
	return w.Flush()
}

func printDueTo(w io.Writer, rs []index.Record, asOf minutes.Date) error {
	if len(rs) == 0 {
		fmt.Fprintf(w, "Nothing open as of %s.\n", asOf)
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	councils := councilCount(recordCouncils(rs)...) > 1 // a column for them
	if councils {
		fmt.Fprintln(tw, "FLAG\tDUE\tCOUNCIL\tCOMMITTEE\tMEETING\tMINUTE\tID\tOWNER\tTEXT")
	} else {
		fmt.Fprintln(tw, "FLAG\tDUE\tCOMMITTEE\tMEETING\tMINUTE\tID\tOWNER\tTEXT")
	}
	counts := map[index.Flag]int{}
	provisional := false
	rejected, review := 0, 0
	for _, r := range rs {
		flag := r.Flag.Label()
		if r.Rejected {
			flag, rejected = "REJECTED", rejected+1
		} else {
			counts[r.Flag]++
		}
		provisional = provisional || (r.Provisional && !r.Due.IsZero())
		text := returnNote(r) + r.Text
		if r.Review {
			text, review = "[to review] "+text, review+1
		}
		cells := []string{cell(flag, 0), dueDate(r)}
		if councils {
			cells = append(cells, cell(r.Council, 24))
		}
		cells = append(cells, cell(r.Committee, 28), cell(r.MeetingDate.String(), 0), cell(r.Minute, 10), cell(r.ID, 0), cell(r.Owner, 24), cell(text, 80))
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
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
	if rejected > 0 {
		parts = append(parts, plural(rejected, "rejected record"))
	}
	fmt.Fprintf(w, "As of %s: %s.\n", asOf, strings.Join(parts, ", "))
	if review > 0 {
		fmt.Fprintf(w, "%s the parser was unsure of: minutebook review goes through them.\n", plural(review, "record"))
	}
	if provisional {
		fmt.Fprintln(w, "* provisional: the minutes named a month, and the library holds no meeting of the committee in it.")
	}
	return nil
}

// recordsJSON is the rows as JSON records; [] when there are none.
func recordsJSON(rows []export.Row) []dueRecord {
	out := make([]dueRecord, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.JSON())
	}
	return out
}

// writeDueCSV writes the due list as CSV, from the fields of its JSON
// records, each cell safe for a spreadsheet (export.CSVSafe).
func writeDueCSV(w io.Writer, rows []export.Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"flag", "due", "provisional", "status", "owner", "committee", "meeting_date", "minute", "id", "kind", "item_title", "text", "latest_update", "returned_to"})
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, row := range rows {
		r := row.JSON()
		ret := ""
		if r.ReturnedTo != nil {
			ret = r.ReturnedTo.ItemID
		}
		flag := string(r.Flag)
		if r.Rejected {
			flag = "rejected"
		}
		cells := []string{flag, r.Due.String(), fmt.Sprint(r.Provisional), string(r.Status), str(r.Owner), r.Committee,
			r.MeetingDate.String(), r.Minute, r.ID, string(r.Kind), r.ItemTitle, r.Text, str(r.Update), ret}
		for i := range cells {
			cells[i] = export.CSVSafe(cells[i])
		}
		cw.Write(cells)
	}
	cw.Flush()
	return cw.Error()
}
