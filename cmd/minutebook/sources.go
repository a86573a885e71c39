package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

func newSourcesCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List, add and remove the Modern.gov sites the library syncs from",
		Long: `The library remembers the councils' Modern.gov sites it syncs from, so that
a plain minutebook sync (from cron, say) updates them all.

  minutebook sources                     list them, with when each last synced
  minutebook sources add URL [flags]     add a site (or change its settings)
  minutebook sources remove URL|NUMBER   stop syncing it (its meetings stay)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return listSources(cmd.Context(), a, asJSON) },
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the sources as JSON")

	list := &cobra.Command{
		Use:   "list",
		Short: "List the sources, with when each last synced",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return listSources(cmd.Context(), a, asJSON) },
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print the sources as JSON")

	var council, since string
	var committees []string
	add := &cobra.Command{
		Use:   "add URL",
		Short: "Add a council's Modern.gov site to sync from (or change its settings)",
		Long: `Add a council's Modern.gov site: its address, or the address of any of its
pages. Nothing is fetched until minutebook sync. Adding a site again changes
the settings given and leaves the others.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := dateFlag("--since", since)
			if err != nil {
				return err
			}
			lib, err := openLibrary(cmd.Context(), a, "sources add", true)
			if err != nil {
				return err
			}
			defer lib.Close()
			src, added, err := lib.AddSource(cmd.Context(), index.SourceConfig{Site: args[0], Council: council, Committees: committees, Since: d})
			if err != nil {
				return err
			}
			if added {
				fmt.Fprintf(a.stdout, "Added %s. Run minutebook sync to fetch its minutes.\n", safe(src.Site))
			} else {
				fmt.Fprintf(a.stdout, "%s was already a source; its settings are updated.\n", safe(src.Site))
			}
			return nil
		},
	}
	add.Flags().StringVar(&council, "council", "", "the council's name (\"Wexcombe Borough Council\")")
	add.Flags().StringArrayVar(&committees, "committee", nil, "sync only this committee (name, part of it, or the site's ID); repeat for more")
	add.Flags().StringVar(&since, "since", "", "sync meetings from this date (YYYY-MM-DD; default a year back)")

	remove := &cobra.Command{
		Use:     "remove URL|NUMBER",
		Aliases: []string{"rm"},
		Short:   "Stop syncing from a source; the meetings synced from it stay",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := openLibrary(cmd.Context(), a, "sources remove", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			src, err := lib.FindSource(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if err := lib.RemoveSource(cmd.Context(), src.ID); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Removed %s. The meetings synced from it stay in the library, with their tracking.\n", safe(src.Site))
			return nil
		},
	}
	cmd.AddCommand(list, add, remove)
	return cmd
}

// sourceJSON is one source, for --json.
type sourceJSON struct {
	Number      int      `json:"number"`
	Site        string   `json:"site"`
	Council     *string  `json:"council"`
	Committees  []string `json:"committees"`
	Since       *string  `json:"since"`
	LastSync    *string  `json:"last_sync"`
	LastResult  *string  `json:"last_result"`
	Interrupted bool     `json:"interrupted"`
}

func listSources(ctx context.Context, a *app, asJSON bool) error {
	lib, err := openLibrary(ctx, a, "sources", false)
	if err != nil {
		return err
	}
	defer lib.Close()
	srcs, err := lib.Sources(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := []sourceJSON{}
		for i, s := range srcs {
			j := sourceJSON{Number: i + 1, Site: s.Site, Council: minutes.NullIfEmpty(s.Council), Committees: s.Committees, Since: minutes.NullIfEmpty(s.Since.String()),
				LastResult: minutes.NullIfEmpty(s.LastResult), Interrupted: s.Interrupted}
			if !s.LastSync.IsZero() {
				j.LastSync = minutes.NullIfEmpty(s.LastSync.Format(time.RFC3339))
			}
			if j.Committees == nil {
				j.Committees = []string{}
			}
			out = append(out, j)
		}
		return writeJSON(a.stdout, out)
	}
	if len(srcs) == 0 {
		fmt.Fprintln(a.stdout, "No sources yet: add a council's Modern.gov site with minutebook sources add URL (or minutebook sync URL).")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tSITE\tCOUNCIL\tCOMMITTEES\tSINCE\tLAST SYNC\tRESULT")
	for i, s := range srcs {
		committees := "all"
		if len(s.Committees) > 0 {
			committees = strings.Join(s.Committees, "; ")
		}
		since := s.Since.String()
		if since == "" {
			since = "a year back"
		}
		last, result := "never", s.LastResult
		if !s.LastSync.IsZero() {
			last = s.LastSync.Local().Format("2006-01-02 15:04")
		}
		if s.Interrupted {
			result = "interrupted: the next sync resumes it"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, cell(s.Site, 50), cell(s.Council, 30), cell(committees, 40), since, last, cell(result, 60))
	}
	return tw.Flush()
}
