package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

func newParseCmd(a *app) *cobra.Command {
	var asJSON, trace bool
	cmd := &cobra.Command{
		Use:   "parse FILE",
		Short: "Parse one file of minutes without importing it, and print the meeting",
		Long: `Parse one file of minutes (text, PDF, DOCX or HTML; "-" reads standard input)
and print what minutebook finds: the meeting, its attendance, items,
resolutions, actions and follow-ups. Nothing is imported.

--trace prints every line of the text as the parser read it instead: what
kind of line the lexer took it for (heading, number, label, marker, part,
bullet, table row …) and what each stage made of it (item headings,
attendance labels, records), to see why a document parsed as it did.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if trace {
				return traceDocument(cmd.Context(), a, args[0])
			}
			var m *minutes.Meeting
			var err error
			if args[0] == "-" {
				var data []byte
				if _, data, err = readInput(a, "-"); err != nil {
					return err
				}
				m, err = documentParser(a.pdfEngine)(cmd.Context(), "stdin", data)
			} else {
				preparing := isTerminal(a.stderr) && strings.EqualFold(filepath.Ext(args[0]), ".pdf") && !extract.PDFReaderPrepared(documentLimits(a.pdfEngine))
				if preparing {
					fmt.Fprint(a.stderr, "Reading "+safe(filepath.Base(args[0]))+" · "+pdfPreparing)
				}
				m, err = parseFile(cmd.Context(), args[0], a.pdfEngine)
				if preparing {
					fmt.Fprint(a.stderr, "\r\x1b[K") // the line goes: what follows is the answer
				}
			}
			if err != nil {
				return documentError(args[0], err)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(m)
			}
			return printMeeting(a.stdout, m)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the meeting as JSON")
	cmd.Flags().BoolVar(&trace, "trace", false, "print how each line was read and why, instead of the meeting")
	return cmd
}

// maxInput bounds what one command reads from one file.
const maxInput = 200 << 20

// readInput reads a file, or standard input for "-", refusing what is too
// big to be minutes.
func readInput(a *app, path string) (string, []byte, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = a.stdin, "stdin"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return "", nil, fmt.Errorf("cannot read %s: %w", minutes.Sanitize(path), unwrapPathError(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return "", nil, fmt.Errorf("%s is a folder: give one file (minutebook import takes folders)", minutes.Sanitize(path))
			}
			if st.Size() > maxInput {
				return "", nil, fmt.Errorf("%s: %w: it is %d MB; minutebook reads files up to %d MB", minutes.Sanitize(path), minutes.ErrTooLarge, st.Size()>>20, maxInput>>20)
			}
		}
		r = f
		name = filepath.Base(path)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", nil, fmt.Errorf("cannot read %s: %w", minutes.Sanitize(path), err)
	}
	if len(data) > maxInput {
		return "", nil, fmt.Errorf("%s: %w: minutebook reads files up to %d MB", minutes.Sanitize(path), minutes.ErrTooLarge, maxInput>>20)
	}
	return name, data, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// printMeeting writes the meeting for a person to read.
func printMeeting(w io.Writer, m *minutes.Meeting) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	field := func(k, v string) {
		if v == "" {
			v = "—"
		}
		fmt.Fprintf(tw, "%s\t%s\n", k, v)
	}
	field("Council", m.Council)
	field("Committee", m.Committee)
	field("Date", m.Date.String())
	if m.Start != "" || m.End != "" {
		field("Time", strings.Trim(m.Start+"–"+m.End, "–"))
	}
	a := m.Attendance
	field("Chair", a.Chair)
	field("Present", strings.Join(a.Present, ", "))
	if len(a.InAttendance) > 0 {
		field("In attendance", strings.Join(a.InAttendance, ", "))
	}
	field("Apologies", strings.Join(a.Apologies, ", "))
	if len(a.Absent) > 0 {
		field("Absent", strings.Join(a.Absent, ", "))
	}
	for _, s := range a.Substitutes {
		field("Substitute", s.Substitute+" for "+s.Member)
	}
	field("Next meeting", m.NextMeeting.String())
	tw.Flush()
	for _, it := range m.Items {
		num := it.Number
		if num == "" {
			num = "•"
		}
		exempt := ""
		if it.Exempt {
			exempt = "  [exempt]"
		}
		fmt.Fprintf(w, "\n%s  %s%s\n", num, it.Title, exempt)
		for _, r := range it.Resolutions {
			fmt.Fprintf(w, "    RESOLVED  %s  %s\n", r.ID, clip(r.Text, 110))
		}
		for _, r := range it.Actions {
			extra := ""
			if r.Owner != "" {
				extra += "  owner: " + r.Owner
			}
			if !r.Due.IsZero() {
				extra += "  due: " + r.Due.String()
			}
			fmt.Fprintf(w, "    ACTION    %s  %s%s\n", r.ID, clip(r.Text, 110), extra)
		}
		for _, r := range it.FollowUps {
			due := "undated"
			if !r.Due.IsZero() {
				due = r.Due.String()
				if r.Provisional {
					due += " (provisional)"
				}
			}
			fmt.Fprintf(w, "    FOLLOW-UP %s  %s  due: %s\n", r.ID, clip(r.Text, 110), due)
		}
		for _, d := range it.Declarations {
			fmt.Fprintf(w, "    INTEREST  %s: %s (items %s)\n", d.Member, d.Interest, d.Items)
		}
	}
	if len(m.Warnings) > 0 {
		fmt.Fprintln(w, "\nWarnings:")
		for _, wn := range m.Warnings {
			fmt.Fprintf(w, "  %s:%s\n", m.Source.Name, wn)
		}
	}
	return nil
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
