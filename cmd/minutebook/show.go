package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newShowCmd(a *app) *cobra.Command {
	var asJSON, rejected bool
	cmd := &cobra.Command{
		Use:   "show ID | show person NAME",
		Short: "Show one record (or item, or meeting) with its source and tracking history",
		Long: `Show one record with its text, where it came from, its tracking (status,
owner, due date, notes) and their history. ID is a record ID as search and
due list them (osc-2021-12-14-188-a1); an item ID (osc-2021-12-14-188)
or a meeting ID (osc-2021-12-14) shows that item or meeting.

show person NAME shows a person (or a role): their open actions and
follow-ups, declarations of interest and attendance record (present,
apologies, absent per meeting). NAME is matched ignoring case and
honorifics; a unique start of the name or a surname will do. A NAME that
fits several people lists them (exit status 1).`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := openLibrary(cmd.Context(), a, "show", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			if len(args) == 2 {
				if args[0] != "person" {
					return fmt.Errorf("show takes one ID, or person NAME (quote a name with spaces)")
				}
				return runShowPerson(cmd.Context(), a, lib, args[1], asJSON)
			}
			return runShow(cmd.Context(), a, lib, strings.TrimSpace(args[0]), asJSON, rejected)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().BoolVar(&rejected, "include-rejected", false, "a meeting's or item's: also the records clerks rejected")
	return cmd
}

// shownRecord is a record with its history, as JSON: the one record view
// and the history.
type shownRecord = export.RecordHistoryJSON

func runShow(ctx context.Context, a *app, lib *index.Library, id string, asJSON, withRejected bool) error {
	r, hist, err := lib.Record(ctx, id)
	if err == nil {
		if asJSON {
			return writeJSON(a.stdout, export.RecordWithHistory(r, hist))
		}
		return printRecord(a.stdout, r, hist)
	}
	if !errors.Is(err, index.ErrNotFound) {
		return err
	}
	// Not a record: a meeting, or an item of one.
	parts := strings.Split(id, "-")
	for k := len(parts); k > 0; k-- {
		m, merr := lib.Meeting(ctx, strings.Join(parts[:k], "-"))
		if merr != nil {
			continue
		}
		if withRejected {
			for i := range m.Items {
				m.Items[i].Records = append(m.Items[i].Records, m.Items[i].Rejected...)
			}
		}
		if k == len(parts) {
			if asJSON {
				return writeJSON(a.stdout, export.Meeting(m))
			}
			return printMeetingDetail(a.stdout, m)
		}
		for _, it := range m.Items {
			if it.ID == id {
				if asJSON {
					return writeJSON(a.stdout, export.Item(it))
				}
				printItem(a.stdout, m, it)
				if body := strings.TrimSpace(safe(it.Body)); body != "" {
					fmt.Fprintf(a.stdout, "\n%s\n", wrap(body, 78, "    "))
				}
				return nil
			}
		}
		break
	}
	return fmt.Errorf("nothing in the library has the ID %q: find IDs with minutebook search or minutebook due", safe(id))
}

func printRecord(w io.Writer, r index.Record, hist []index.HistoryEntry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s\t%s\n", k, cell(v, 0))
		}
	}
	kind := r.Kind.Label()
	if r.Part != "" {
		kind += " (part " + r.Part + ")"
	}
	row("ID", r.ID)
	row("Kind", kind)
	if r.Orphaned {
		row("Note", "the minutes no longer give this record (a re-import or re-parse dropped it); its tracking is kept")
	}
	switch {
	case r.Rejected:
		row("Rejected", "a clerk said this is not a record: it is left out of the due board, exports and search (set "+r.ID+" --unreject takes it back)")
	case r.Origin == index.OriginClerk:
		row("Added", "by a clerk: the parser missed it")
	case r.Origin == index.OriginKept:
		row("Kept", "from your corrections: the minutes as parsed now no longer give it")
	}
	if r.Review {
		row("To review", "the parser was unsure: "+r.Why+" (set "+r.ID+" --accept, --reject, --kind or --text; or minutebook review)")
	}
	row("Committee", r.Committee)
	row("Council", r.Council)
	if r.MeetingDate.IsZero() {
		row("Meeting", r.MeetingID)
	} else {
		row("Meeting", r.MeetingDate.String()+" ("+r.MeetingID+")")
	}
	row("Minute", strings.TrimSpace(r.Minute+" "+r.ItemTitle))
	if r.Exempt {
		row("Exempt", "yes: press and public excluded")
	}
	if r.SourceName != "" {
		src := r.SourceName
		if r.Line > 0 {
			src += fmt.Sprintf(", line %d", r.Line)
		}
		row("Source", src)
	}
	row("Published", r.SourceURL)
	if r.Kind != minutes.KindResolution {
		row("Status", r.Status.Label())
		row("Flag", r.Flag.Label())
		owner := r.Owner
		if r.Owner != r.ParsedOwner && r.ParsedOwner != "" {
			owner += "  (the minutes say " + r.ParsedOwner + ")"
		} else if r.Owner != "" && r.ParsedOwner == "" {
			owner += "  (set by a clerk)"
		}
		row("Owner", owner)
		due := dueDate(r)
		if r.Provisional && !r.Due.IsZero() {
			due += "  (provisional: the minutes named a month; no meeting known then)"
		}
		if r.DueMeeting != "" {
			due += "  (" + r.DueMeeting + ")"
		}
		if r.Due != r.ParsedDue && !r.ParsedDue.IsZero() {
			due += "  (the minutes say " + r.ParsedDue.String() + ")"
		}
		if due != "-" {
			row("Due", due)
		}
		if t := r.ReturnedTo; t != nil {
			how := "matched on: " + strings.Join(t.Matched, ", ") + "; minutebook set " + r.ID + " --not-returned to undo"
			if t.Confirmed {
				how = "confirmed by a clerk"
			}
			row("Came back", fmt.Sprintf("%s minute %s %q (%s), %s", t.MeetingDate, t.Minute, t.Title, t.ItemID, how))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", wrap(safe(r.Text), 78, "    "))
	if len(hist) > 0 {
		fmt.Fprintln(w, "\nHistory:")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, h := range hist {
			what := historyLine(h)
			if h.Forced {
				what += " (forced over another session's change)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", h.At.Local().Format("2006-01-02 15:04"), cell(h.Who, 20), cell(what, 0))
		}
		return tw.Flush()
	}
	return nil
}

// historyLine is one line of a record's history as a person reads it.
func historyLine(h index.HistoryEntry) string {
	switch h.Field {
	case "note":
		return "note: " + h.New
	case index.FieldAdded:
		return "added by a clerk: " + h.New
	case index.FieldWithdrawn:
		return "addition taken back"
	case index.FieldRejected:
		if h.New == "" {
			return "rejected: not a record"
		}
		return "rejected: " + h.New
	case index.FieldRestored:
		return "rejection taken back"
	case index.FieldAccepted:
		return "accepted: the parser was right"
	case index.FieldKind:
		return "kind: " + minutes.Kind(h.Old).Label() + " → " + minutes.Kind(h.New).Label()
	case index.FieldText:
		return "text: “" + h.Old + "” → “" + h.New + "”"
	}
	return fmt.Sprintf("%s: %s → %s", h.Field, historyValue(h.Field, h.Old), historyValue(h.Field, h.New))
}

// historyValue is a value of a history line as a person reads it: a
// status by its label, nothing as "-".
func historyValue(field, s string) string {
	switch {
	case s == "":
		return "-"
	case field == "status":
		return minutes.Status(s).Label()
	}
	return s
}

func printMeetingDetail(w io.Writer, m *index.MeetingDetail) error {
	fmt.Fprintf(w, "%s  %s  %s\n", m.ID, cell(m.Committee, 0), m.Date)
	if m.Council != "" {
		fmt.Fprintf(w, "%s\n", cell(m.Council, 0))
	}
	if m.SourceName != "" {
		fmt.Fprintf(w, "Source: %s\n", cell(m.SourceName, 0))
	}
	if m.SourceURL != "" {
		fmt.Fprintf(w, "Published: %s\n", cell(m.SourceURL, 0))
	}
	if !m.NextMeeting.IsZero() {
		fmt.Fprintf(w, "Next meeting: %s\n", m.NextMeeting)
	}
	for _, it := range m.Items {
		fmt.Fprintln(w)
		printItem(w, m, it)
	}
	for _, warn := range m.Warnings {
		fmt.Fprintf(w, "warning: %s\n", cell(warn.String(), 0))
	}
	return nil
}

func printItem(w io.Writer, m *index.MeetingDetail, it index.ItemDetail) {
	title := it.Title
	if it.Exempt {
		title += "  [exempt]"
	}
	fmt.Fprintf(w, "%s  %s  (%s)\n", cell(it.Number, 0), cell(title, 0), it.ID)
	if it.SourceURL != "" && it.SourceURL != m.SourceURL {
		fmt.Fprintf(w, "    %s\n", cell(it.SourceURL, 0))
	}
	for _, r := range it.Records {
		label := strings.ToUpper(r.Kind.Label())
		extra := ""
		switch {
		case r.Rejected:
			extra = "  [REJECTED]"
		case r.Kind != minutes.KindResolution:
			extra = "  [" + r.Flag.Label()
			if !r.Due.IsZero() {
				extra += ", due " + dueDate(r)
			}
			extra += "]"
		}
		switch {
		case r.Origin == index.OriginClerk:
			extra += "  (added by a clerk)"
		case r.Origin == index.OriginKept:
			extra += "  (kept from your corrections)"
		}
		if r.Review {
			extra += "  (to review)"
		}
		fmt.Fprintf(w, "    %-10s %s  %s%s\n", label, r.ID, cell(r.Text, 90), extra)
	}
}

// wrap breaks text into lines of at most width runes, each indented.
func wrap(text string, width int, indent string) string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
				lines = append(lines, indent+line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		lines = append(lines, indent+line)
	}
	return strings.Join(lines, "\n")
}
