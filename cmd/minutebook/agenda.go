package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newAgendaCmd(a *app) *cobra.Command {
	var (
		ef      exportFlags
		meeting string
		format  string
	)
	cmd := &cobra.Command{
		Use:   "agenda --committee C [--meeting DATE]",
		Short: "Write the action and recommendation tracker for a committee's next agenda",
		Long: `Write the "Action and recommendation tracker" (or "Matters arising") item for
a committee's agenda pack: what is due back at the meeting, what slipped
from earlier meetings, overdue actions, what came back or was completed
since the committee last met, and what is still running.

The meeting is the committee's next known meeting (from the minutes' "date
of next meeting"), or the one given with --meeting. Formats: md (Markdown)
and html (one self-contained page, ready to print or attach to the pack).
Without --format the format follows -o's extension, and is md otherwise.`,
		Example: `  minutebook agenda --committee "Overview and Scrutiny" --meeting 2022-06 --format html -o tracker.html
  minutebook agenda --committee osc
  minutebook agenda --committee cabinet --council brent   # two councils' committees share the name`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := exportFormat(format, ef.output, export.FormatMarkdown, export.FormatMarkdown, export.FormatHTML)
			if err != nil {
				return err
			}
			asOf, err := ef.asOfDate(a)
			if err != nil {
				return err
			}
			at, inMonth, err := agendaMeeting(meeting)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			api, closeLib, err := a.openAPI(ctx, a)
			if err != nil {
				return err
			}
			if closeLib != nil {
				defer closeLib()
			}
			if ef.committee == "" {
				return agendaNeedsCommittee(cmd, api)
			}
			c, err := export.ResolveCommitteeOf(ctx, api, ef.committee, ef.council)
			if err != nil {
				return committeeFlagError(err)
			}
			ag, err := export.LoadAgenda(ctx, api, export.AgendaQuery{
				Committee: c.Key, Meeting: at, InMonth: inMonth, AsOf: asOf, IncludeExempt: ef.includeExempt,
			})
			if errors.Is(err, export.ErrNoMeeting) {
				return fmt.Errorf("%w: give the meeting date with --meeting YYYY-MM-DD", err)
			}
			if err != nil {
				return err
			}
			err = writeExport(a, ef.output, ef.includeExempt, func(w io.Writer) error { return ag.Write(w, f) })
			if err == nil && ef.output != "" {
				fmt.Fprintf(a.stderr, "Wrote the tracker for the %s meeting of %s (%s) to %s.\n",
					ag.MeetingLabel(), c.Name, exportPlural(ag.Len(), "record"), ef.output)
			}
			return err
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVar(&meeting, "meeting", "", "the meeting: YYYY-MM-DD, or YYYY-MM for the committee's meeting in that month (default: its next known meeting)")
	cmd.Flags().StringVarP(&format, "format", "f", "", "md or html")
	return cmd
}

// agendaNeedsCommittee says which committees there are to choose from.
func agendaNeedsCommittee(cmd *cobra.Command, api index.API) error {
	cs, err := api.Committees(cmd.Context())
	if err != nil || len(cs) == 0 {
		return errors.New("give the committee with --committee NAME (import some minutes first: the library has none)")
	}
	var names []string
	for _, c := range cs {
		names = append(names, fmt.Sprintf("%q", c.Name))
	}
	return fmt.Errorf("give the committee with --committee NAME: the library has %s", strings.Join(names, ", "))
}

// agendaMeeting reads --meeting: a date, or a month ("2022-06").
func agendaMeeting(s string) (minutes.Date, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return minutes.Date{}, false, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return minutes.DateOf(t), true, nil
	}
	if minutes.NeedsNextMeeting(s) {
		return minutes.Date{}, false, nil // the default: the next known meeting
	}
	d, err := dateFlag("--meeting", s)
	if err != nil {
		return d, false, fmt.Errorf("%w; or the month as YYYY-MM", err)
	}
	return d, false, nil
}
