package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

// openExportLibrary opens --library (or the default library). Exports only
// read, so a library that does not exist yet is an error, not created.
func openExportLibrary(ctx context.Context, a *app) (index.API, func() error, error) {
	dir := a.libraryDir
	if dir == "" {
		dir = index.DefaultDir()
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("there is no library at %s: import minutes first (minutebook import PATH), or give --library DIR", dir)
	}
	lib, err := index.Open(ctx, dir, index.Options{Parse: a.documentParser(), ReadLimits: documentLimits(a.pdfEngine), Command: "minutebook export"})
	if err != nil {
		return nil, nil, fmt.Errorf("open the library %s: %w", dir, err)
	}
	return lib, lib.Close, nil
}

func newExportCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the action log (XLSX, CSV, JSON, Markdown) or a calendar of what is due back",
		Long: `Write what clerks hand on, straight from the library:

  minutebook export actions    the action log, in the columns councils' trackers use
  minutebook export calendar   an iCalendar file of what is due back at each meeting

The tracker for one meeting's agenda pack is "minutebook agenda".
Exempt items (press and public excluded) are left out unless
--include-exempt is given, and are then marked EXEMPT.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newExportActionsCmd(a), newExportCalendarCmd(a))
	return cmd
}

// exportFlags are the flags the export commands share.
type exportFlags struct {
	committee     string
	council       string
	asOf          string
	includeExempt bool
	output        string
}

func (f *exportFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.committee, "committee", "", `only this committee: its name, its initials ("osc") or a unique part of the name`)
	addCouncilFlag(cmd, &f.council)
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "work out what is overdue as at this date, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&f.includeExempt, "include-exempt", false, "include records from exempt items (press and public excluded), marked EXEMPT")
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output")
}

// asOfDate is --as-of, or today.
func (f *exportFlags) asOfDate(a *app) (minutes.Date, error) {
	if f.asOf == "" {
		return minutes.DateOf(a.now()), nil
	}
	return exportDate(a, "--as-of", f.asOf)
}

func exportDate(a *app, flag, s string) (minutes.Date, error) {
	return dateFlagAt(flag, s, minutes.DateOf(a.now()), minutes.Date{})
}

// chooseFormat is --format, or what -o's extension says, or def.
func exportFormat(flag, output string, def export.Format, allowed ...export.Format) (export.Format, error) {
	names := make([]string, len(allowed))
	for i, f := range allowed {
		names[i] = string(f)
	}
	if flag == "" {
		if f, ok := export.ParseFormat(filepath.Ext(output)); ok && slices.Contains(allowed, f) {
			return f, nil
		}
		return def, nil
	}
	f, ok := export.ParseFormat(flag)
	if !ok || !slices.Contains(allowed, f) {
		return "", fmt.Errorf("--format %q: use one of %s", flag, strings.Join(names, ", "))
	}
	return f, nil
}

// exportWithLibrary opens the library, resolves --council and --committee
// (when given: the committee among the council's) to the council's name
// and the committee's key, and runs fn.
func exportWithLibrary(ctx context.Context, a *app, ef exportFlags, fn func(api index.API, committee, council string) error) error {
	api, closeLib, err := a.openAPI(ctx, a)
	if err != nil {
		return err
	}
	defer func() {
		if closeLib != nil {
			closeLib()
		}
	}()
	council := ""
	if ef.council != "" {
		c, err := export.ResolveCouncil(ctx, api, ef.council)
		if err != nil {
			return fmt.Errorf("--council: %w", err)
		}
		council = c.Name
	}
	name := ""
	if ef.committee != "" {
		c, err := export.ResolveCommitteeOf(ctx, api, ef.committee, council)
		if err != nil {
			return committeeFlagError(err)
		}
		name = c.Key
		if name == "" {
			name = c.Name
		}
	}
	return fn(api, name, council)
}

func newExportActionsCmd(a *app) *cobra.Command {
	var (
		ef                         exportFlags
		owner                      string
		format                     string
		from, to                   string
		status                     string
		withDecision, withRejected bool
		asJSON                     bool
	)
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "Write the action log: one row per action and follow-up, with RAG status",
		Long: `Write the action log: one row per action and follow-up, in the columns UK
councils' trackers use: reference, committee, meeting date, minute, item,
action or recommendation (verbatim), officer responsible, due date, RAG,
status, latest update with its date, and the item a follow-up returned as.

RAG: red is late (overdue, or a follow-up whose meeting passed without it);
amber is outstanding but not late; green is done, dropped or returned.

Formats: xlsx (a workbook with a frozen, filtered header and coloured RAG
cells; needs -o, or a pipe), csv (safe to open in a spreadsheet; a file
written with -o starts with a UTF-8 byte-order mark so Excel reads accents
right), json, md.
Without --format the format follows -o's extension, and is csv otherwise.`,
		Example: `  minutebook export actions --committee osc --format xlsx -o action-log.xlsx
  minutebook export actions --council harrow -o harrow.csv
  minutebook export actions --status red,amber --as-of 2022-06-01 --format md
  minutebook export actions --from 2021-09-01 --to 2022-08-31 -o 2021-22.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				if format != "" && format != "json" {
					return fmt.Errorf("--json and --format %s disagree: give one", format)
				}
				format = "json"
			}
			f, err := exportFormat(format, ef.output, export.FormatCSV,
				export.FormatXLSX, export.FormatCSV, export.FormatJSON, export.FormatMarkdown)
			if err != nil {
				return err
			}
			q := export.LogQuery{}
			if q.AsOf, err = ef.asOfDate(a); err != nil {
				return err
			}
			if from != "" {
				if q.From, err = exportDate(a, "--from", from); err != nil {
					return err
				}
			}
			if to != "" {
				if q.To, err = exportDate(a, "--to", to); err != nil {
					return err
				}
			}
			if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
				return fmt.Errorf("--to %s is before --from %s", q.To, q.From)
			}
			if err := exportStatusFilter(status, &q); err != nil {
				return err
			}
			q.IncludeExempt = ef.includeExempt
			q.IncludeRejected = withRejected
			if withDecision {
				q.Kinds = []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp}
			}
			if err := exportRefuseBinary(a, f, ef.output); err != nil {
				return err
			}
			q.Owner = owner
			return exportWithLibrary(cmd.Context(), a, ef, func(api index.API, committee, council string) error {
				q.Committee, q.Council = committee, council
				log, err := export.LoadActionLog(cmd.Context(), api, q)
				if err != nil {
					return err
				}
				write := log.Write
				if ef.output != "" && ef.output != "-" {
					write = log.WriteForFile
				}
				err = writeExport(a, ef.output, ef.includeExempt, func(w io.Writer) error { return write(w, f) })
				if err == nil && ef.output != "" {
					fmt.Fprintf(a.stderr, "Wrote %s (%s) to %s.\n", exportPlural(len(log.Rows), "record"), f, ef.output)
				}
				return err
			})
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVar(&owner, "owner", "", "only the records this person (or role) owns: a name as minutebook people lists it")
	cmd.Flags().StringVarP(&format, "format", "f", "", "xlsx, csv, json or md")
	cmd.Flags().BoolVar(&asJSON, "json", false, "the same as --format json")
	cmd.Flags().StringVar(&from, "from", "", "only records from meetings on or after this date, YYYY-MM-DD")
	cmd.Flags().StringVar(&to, "to", "", "only records from meetings on or before this date, YYYY-MM-DD")
	cmd.Flags().StringVar(&status, "status", "", `only these, comma-separated: a status (open, in-progress, done, dropped),
a RAG colour (red, amber, green) or a flag (overdue, slipped, due-next, due-soon, upcoming, undated, returned)`)
	cmd.Flags().BoolVar(&withDecision, "resolutions", false, "also list resolutions (decisions; they have no RAG)")
	cmd.Flags().BoolVar(&withRejected, "include-rejected", false, "also list the records clerks rejected, marked REJECTED")
	return cmd
}

// parseStatusFilter reads --status: a comma-separated mix of tracking
// statuses, RAG colours and flags.
func exportStatusFilter(s string, q *export.LogQuery) error {
	for _, part := range strings.Split(s, ",") {
		word := strings.ToLower(strings.TrimSpace(part))
		if word == "" {
			continue
		}
		switch word {
		case export.Red, export.Amber, export.Green:
			q.RAG = append(q.RAG, word)
			continue
		}
		if st, ok := index.ParseStatus(word); ok {
			q.Statuses = append(q.Statuses, st)
			continue
		}
		if fl, ok := exportParseFlag(word); ok {
			q.Flags = append(q.Flags, fl)
			continue
		}
		return fmt.Errorf("--status %q: use open, in-progress, done or dropped; red, amber or green; or a flag such as overdue or slipped", part)
	}
	return nil
}

func exportParseFlag(s string) (index.Flag, bool) {
	s = strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)
	for _, f := range index.FlagOrder {
		if strings.NewReplacer("_", "").Replace(string(f)) == s {
			return f, true
		}
	}
	switch s {
	case "duenext", "duenextmeeting", "dueatnextmeeting", "next":
		return index.FlagDueNext, true
	}
	return "", false
}

func newExportCalendarCmd(a *app) *cobra.Command {
	var (
		ef    exportFlags
		owner string
	)
	cmd := &cobra.Command{
		Use:   "calendar",
		Short: "Write an iCalendar file of what is due back at each meeting",
		Long: `Write an iCalendar (.ics) file with one all-day event per meeting, listing the
open actions and follow-ups due back at it (or, when the date is not a known
meeting, one event on the due date). Events keep the same UID from one
export to the next, so importing a new file into Outlook or Google Calendar
updates the events instead of adding copies.`,
		Example: `  minutebook export calendar -o due-back.ics
  minutebook export calendar --committee osc > osc.ics
  minutebook export calendar --council wexbridge -o wexbridge.ics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			asOf, err := ef.asOfDate(a)
			if err != nil {
				return err
			}
			return exportWithLibrary(cmd.Context(), a, ef, func(api index.API, committee, council string) error {
				cal, err := export.LoadCalendar(cmd.Context(), api, export.CalendarQuery{
					AsOf: asOf, Committee: committee, Council: council, IncludeExempt: ef.includeExempt, Owner: owner,
				})
				if err != nil {
					return err
				}
				stamp := a.now()
				err = writeExport(a, ef.output, ef.includeExempt, func(w io.Writer) error { return cal.WriteICS(w, stamp) })
				if err == nil && ef.output != "" {
					fmt.Fprintf(a.stderr, "Wrote %s to %s.\n", exportPlural(len(cal.Events), "event"), ef.output)
				}
				return err
			})
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVar(&owner, "owner", "", "only the records this person (or role) owns: a name as minutebook people lists it")
	return cmd
}

// refuseBinaryToTerminal stops a workbook being sprayed over a terminal.
func exportRefuseBinary(a *app, f export.Format, output string) error {
	if output == "" && f.Binary() && isTerminal(a.stdout) {
		return fmt.Errorf("an %s workbook cannot be shown in the terminal: give -o FILE.%s, or redirect to a file", strings.ToUpper(string(f)), f)
	}
	return nil
}

// writeExport writes to standard output, or to path through
// export.WriteFile (all or nothing; owner-only when exempt).
func writeExport(a *app, path string, exempt bool, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		_, err := a.stdout.Write(buf.Bytes())
		return err
	}
	if err := export.WriteFile(path, exempt, write); err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	return nil
}

func exportPlural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// committeeFlagError names the flag in an error about the committee or
// the council typed; an error about the library is returned as it is.
func committeeFlagError(err error) error {
	var ce *index.CommitteeError
	var cl *index.CouncilError
	switch {
	case errors.As(err, &cl):
		return fmt.Errorf("--council: %w", err)
	case errors.As(err, &ce):
		return fmt.Errorf("--committee: %w", err)
	}
	return err
}
