package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
)

func newReviewCmd(a *app) *cobra.Command {
	var (
		committee, council   string
		asJSON, list, interv bool
	)
	cmd := &cobra.Command{
		Use:   "review [--committee C] [--council C] [--json]",
		Short: "Go through the records the parser was unsure of: accept, reject or correct each",
		Long: `The review queue: the records the parser marked as unsure (with what it was
unsure of) that no clerk has corrected yet. On a terminal it asks about
each in turn, one key each:

  y  right as it is (it leaves the queue for good)
  n  not a record at all (rejected: it leaves the due board, counts,
     exports and search)
  k  another kind: then r resolution, a action, f follow-up
  e  edit its text: type the span of the item's text it really is
  s  skip it for now
  q  stop

Without a terminal (or with --list) it lists the queue; --json prints it
as JSON records. -i asks even when standard input is not a terminal,
reading the keys from it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			lib, err := openLibrary(ctx, a, "review", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			recs, err := lib.Review(ctx, index.ReviewQuery{Committee: committee, Council: council})
			if err != nil {
				return err
			}
			if asJSON {
				out := make([]export.RecordJSON, 0, len(recs))
				for _, r := range recs {
					out = append(out, export.RecordWithHistory(r, nil).RecordJSON)
				}
				return writeJSON(a.stdout, out)
			}
			if len(recs) == 0 {
				fmt.Fprintln(a.stdout, "Nothing to review: the parser was sure of every record, or a clerk has been through them.")
				return nil
			}
			if list || !interv && !isTerminal(a.stdout) || !interv && !stdinTerminal(a.stdin) {
				return printReviewList(a.stdout, recs)
			}
			return askReview(ctx, a, lib, recs)
		},
	}
	f := cmd.Flags()
	f.StringVar(&committee, "committee", "", `only this committee: its name, its key ("osc") or a unique part of the name`)
	addCouncilFlag(cmd, &council)
	f.BoolVar(&asJSON, "json", false, "print the queue as JSON")
	f.BoolVar(&list, "list", false, "list the queue, asking nothing")
	f.BoolVarP(&interv, "interactive", "i", false, "ask about each record, reading the answers from standard input")
	return cmd
}

func stdinTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func printReviewList(w io.Writer, recs []index.Record) error {
	fmt.Fprintf(w, "%s to review (minutebook review on a terminal goes through them):\n\n", plural(len(recs), "record"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tMEETING\tMINUTE\tUNSURE OF\tTEXT")
	for _, r := range recs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", cell(r.ID, 0), r.Kind.Label(), r.MeetingDate, cell(r.Minute, 10), cell(r.Why, 40), cell(r.Text, 60))
	}
	return tw.Flush()
}

// keyReader reads a clerk's answers: single keys from a terminal (in raw
// mode while it waits), or characters and lines from a pipe.
type keyReader struct {
	in  *bufio.Reader
	fd  uintptr
	raw bool
}

func newKeyReader(r io.Reader) *keyReader {
	k := &keyReader{in: bufio.NewReader(r)}
	if f, ok := r.(*os.File); ok && term.IsTerminal(f.Fd()) {
		k.fd, k.raw = f.Fd(), true
	}
	return k
}

// key reads one key (spaces and line ends are passed over); io.EOF when
// the input ends.
func (k *keyReader) key() (rune, error) {
	if k.raw {
		st, err := term.MakeRaw(k.fd)
		if err == nil {
			defer term.Restore(k.fd, st)
		}
	}
	for {
		r, _, err := k.in.ReadRune()
		if err != nil {
			return 0, err
		}
		switch r {
		case ' ', '\n', '\r', '\t':
			continue
		case 3, 4: // ctrl+c, ctrl+d in raw mode
			return 0, io.EOF
		}
		return r, nil
	}
}

// line reads a line of text.
func (k *keyReader) line() (string, error) {
	s, err := k.in.ReadString('\n')
	if err != nil && s == "" {
		return "", err
	}
	return strings.TrimSpace(s), nil
}

// askReview goes through the queue with the clerk, one record at a time.
func askReview(ctx context.Context, a *app, lib *index.Library, recs []index.Record) error {
	w := a.stdout
	keys := newKeyReader(a.stdin)
	done := 0
	for i, r := range recs {
		fmt.Fprintf(w, "\n[%d/%d] %s  %s · %s %s · minute %s %s\n", i+1, len(recs), strings.ToUpper(r.Kind.Label()), r.ID,
			cell(shortName(r.Committee), 0), r.MeetingDate, cell(r.Minute, 0), cell(r.ItemTitle, 60))
		fmt.Fprintf(w, "%s\n", wrap(safe(r.Text), 78, "    "))
		if r.Why != "" {
			fmt.Fprintf(w, "    unsure: %s\n", cell(r.Why, 0))
		}
		var c index.Change
		var what string
	ask:
		for {
			fmt.Fprint(w, "y right · n not a record · k another kind · e edit text · s skip · q stop: ")
			key, err := keys.key()
			if errors.Is(err, io.EOF) {
				fmt.Fprintln(w)
				return reviewSummary(w, done, len(recs))
			} else if err != nil {
				return err
			}
			fmt.Fprintf(w, "%c\n", key)
			switch key {
			case 'y', 'Y':
				c, what = index.Change{Accept: true}, "accepted"
				break ask
			case 'n', 'N':
				c, what = index.Change{Reject: ptrTo(true)}, "rejected"
				break ask
			case 'k', 'K':
				fmt.Fprint(w, "  r resolution · a action · f follow-up: ")
				kk, err := keys.key()
				if err != nil {
					return reviewSummary(w, done, len(recs))
				}
				fmt.Fprintf(w, "%c\n", kk)
				k, ok := index.ParseKind(string(kk))
				if !ok {
					fmt.Fprintln(w, "  (not a kind: r, a or f)")
					continue
				}
				c, what = index.Change{Kind: &k, Accept: true}, "made a "+k.Label()
				break ask
			case 'e', 'E':
				fmt.Fprint(w, "  its text (words of the item's text): ")
				t, err := keys.line()
				if err != nil {
					return reviewSummary(w, done, len(recs))
				}
				if t == "" {
					continue
				}
				c, what = index.Change{Text: &t, Accept: true}, "text changed"
				break ask
			case 's', 'S':
				break ask
			case 'q', 'Q':
				return reviewSummary(w, done, len(recs))
			default:
				fmt.Fprintln(w, "  (one of y, n, k, e, s, q)")
			}
		}
		if what == "" {
			continue
		}
		v := r.Version
		c.Version = &v
		if _, err := lib.Update(ctx, r.ID, c); err != nil {
			var ce *index.ConflictError
			if errors.As(err, &ce) {
				fmt.Fprintf(w, "  not saved: %s changed meanwhile (%s)\n", r.ID, safe(ce.Describe(time.Local, time.Now())))
				continue
			}
			fmt.Fprintf(w, "  not saved: %s\n", safe(err.Error()))
			continue
		}
		done++
		fmt.Fprintf(w, "  %s: %s\n", r.ID, what)
	}
	return reviewSummary(w, done, len(recs))
}

func reviewSummary(w io.Writer, done, of int) error {
	fmt.Fprintf(w, "\nReviewed %d of %d; %d left in the queue.\n", done, of, of-done)
	return nil
}

// shortName is a committee's name without a trailing "Committee".
func shortName(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), " Committee") }

func ptrTo[T any](v T) *T { return &v }
