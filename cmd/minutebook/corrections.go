package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newCorrectionsCmd(a *app) *cobra.Command {
	var council string
	cmd := &cobra.Command{
		Use:   "corrections",
		Short: "List the clerks' corrections of the parser (export --json: as data for the parser's tests)",
		Long: `List every correction clerks made of what the parser read: the records they
added (minutebook add), rejected, changed the kind or text of, or accepted
(minutebook set, the TUI, minutebook review).

minutebook corrections export --json writes them with each record's item
and its text, as the parser gave it and as the clerks corrected it, so that
they can be turned into test cases for the parser.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := openLibrary(cmd.Context(), a, "corrections", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			list, err := councilCorrections(cmd.Context(), lib, council)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				fmt.Fprintln(a.stdout, "No corrections yet.")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tCORRECTION\tKIND\tTEXT")
			for _, c := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", cell(c.RecordID, 0), cell(describeCorrection(c), 40), c.Kind.Label(), cell(c.Text, 60))
			}
			return tw.Flush()
		},
	}
	var (
		output string
		asJSON bool
	)
	exp := &cobra.Command{
		Use:   "export [--json] [-o FILE]",
		Short: "Write every correction, with its item's text, as JSON",
		Long: `Write every correction clerks made, as JSON:

  {"corrections": [{record_id, what (added, rejected, kind, text, accepted),
    kind, text, parsed_kind, parsed_text (null for a record the parser
    missed), owner, due, due_meeting, note, council, committee,
    committee_key, meeting_id, meeting_date, source, item_id, minute,
    item_title, item_text, history: [{at, who, field, old, new, forced}]}]}`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_ = asJSON // JSON is the one format
			lib, err := openLibrary(cmd.Context(), a, "corrections export", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			list, err := councilCorrections(cmd.Context(), lib, council)
			if err != nil {
				return err
			}
			return writeExport(a, output, false, func(w io.Writer) error { return writeCorrections(w, list) })
		},
	}
	exp.Flags().BoolVar(&asJSON, "json", true, "write JSON (the one format)")
	exp.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	cmd.AddCommand(exp)
	cmd.PersistentFlags().StringVar(&council, "council", "", councilUsage)
	return cmd
}

// councilCorrections is the library's corrections, of one council's
// committees when council is given.
func councilCorrections(ctx context.Context, lib *index.Library, council string) ([]index.Correction, error) {
	keys, err := councilCommittees(ctx, lib, council)
	if err != nil {
		return nil, err
	}
	list, err := lib.Corrections(ctx)
	if err != nil || keys == nil {
		return list, err
	}
	kept := list[:0]
	for _, c := range list {
		if keys[c.CommitteeKey] {
			kept = append(kept, c)
		}
	}
	return kept, nil
}

// correctionJSON is one correction as corrections export writes it.
type correctionJSON struct {
	RecordID     string               `json:"record_id"`
	What         []string             `json:"what"`
	Kind         minutes.Kind         `json:"kind"`
	Text         string               `json:"text"`
	ParsedKind   *string              `json:"parsed_kind"`
	ParsedText   *string              `json:"parsed_text"`
	Owner        *string              `json:"owner"`
	Due          minutes.Date         `json:"due"`
	DueMeeting   *string              `json:"due_meeting"`
	Note         *string              `json:"note"`
	Council      *string              `json:"council"`
	Committee    string               `json:"committee"`
	CommitteeKey string               `json:"committee_key"`
	MeetingID    string               `json:"meeting_id"`
	MeetingDate  minutes.Date         `json:"meeting_date"`
	Source       *string              `json:"source"`
	ItemID       string               `json:"item_id"`
	Minute       string               `json:"minute"`
	ItemTitle    string               `json:"item_title"`
	ItemText     string               `json:"item_text"`
	History      []export.HistoryJSON `json:"history"`
}

// correctionWhat is what a correction says of its record: added,
// rejected, kind, text, accepted.
func correctionWhat(c index.Correction) []string {
	what := []string{}
	if c.Added {
		what = append(what, "added")
	}
	if c.Rejected {
		what = append(what, "rejected")
	}
	if c.ParsedKind != "" && c.Kind != c.ParsedKind {
		what = append(what, "kind")
	}
	if c.ParsedText != "" && c.Text != c.ParsedText {
		what = append(what, "text")
	}
	if c.Accepted {
		what = append(what, "accepted")
	}
	return what
}

// describeCorrection says a correction in a few words.
func describeCorrection(c index.Correction) string {
	var s string
	for _, w := range correctionWhat(c) {
		if s != "" {
			s += ", "
		}
		switch w {
		case "added":
			s += "added (the parser missed it)"
		case "kind":
			s += "was a " + c.ParsedKind.Label()
		case "text":
			s += "text changed"
		default:
			s += w
		}
	}
	return s
}

func writeCorrections(w io.Writer, list []index.Correction) error {
	out := struct {
		Corrections []correctionJSON `json:"corrections"`
	}{Corrections: make([]correctionJSON, 0, len(list))}
	for _, c := range list {
		j := correctionJSON{RecordID: c.RecordID, What: correctionWhat(c), Kind: c.Kind, Text: safe(c.Text),
			ParsedKind: minutes.NullIfEmpty(string(c.ParsedKind)), ParsedText: minutes.NullIfEmpty(safe(c.ParsedText)),
			Owner: minutes.NullIfEmpty(c.Owner), Due: c.Due, DueMeeting: minutes.NullIfEmpty(c.DueMeeting), Note: minutes.NullIfEmpty(c.Note),
			Council: minutes.NullIfEmpty(c.Council), Committee: c.Committee, CommitteeKey: c.CommitteeKey, MeetingID: c.MeetingID,
			MeetingDate: c.MeetingDate, Source: minutes.NullIfEmpty(c.SourceName), ItemID: c.ItemID, Minute: c.Minute,
			ItemTitle: c.ItemTitle, ItemText: safe(c.ItemText), History: []export.HistoryJSON{}}
		for _, h := range c.History {
			j.History = append(j.History, export.HistoryJSON{At: h.At.UTC().Format("2006-01-02T15:04:05Z"), Who: h.Who, Field: h.Field,
				Old: h.Old, New: h.New, Forced: h.Forced})
		}
		out.Corrections = append(out.Corrections, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
