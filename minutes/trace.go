package minutes

import (
	"fmt"
	"io"
	"strings"
)

// Trace collects how the parser read a document, line by line: the
// lexer's reading of each line and what the stages made of it. Set
// Options.Trace to collect one; `minutebook parse --trace FILE` prints it.
type Trace struct {
	Lines []TraceLine
	// Notes about the whole document (a refusal's reason, where the
	// minutes end).
	Notes []string
	byNo  map[int]int
}

// TraceLine is one normalised line and what became of it.
type TraceLine struct {
	No    int      // line number in the input
	Kind  string   // the lexer's reading: "heading", "label", "marker", …
	Text  string   // the normalised text
	Notes []string // what the stages made of it: "item 7", "present: 3 names", "action a1"
}

func (tr *Trace) start(lines []line) {
	tr.Lines = tr.Lines[:0]
	tr.byNo = map[int]int{}
	for _, l := range lines {
		if l.Text == "" {
			continue
		}
		if _, ok := tr.byNo[l.No]; !ok {
			tr.byNo[l.No] = len(tr.Lines)
		}
		tr.Lines = append(tr.Lines, TraceLine{No: l.No, Kind: l.tk().Kind.String(), Text: l.Text})
	}
}

// note adds a stage's note to input line no (0: the whole document).
func (tr *Trace) note(no int, format string, args ...any) {
	if tr == nil {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if i, ok := tr.byNo[no]; ok {
		tr.Lines[i].Notes = append(tr.Lines[i].Notes, msg)
		return
	}
	tr.Notes = append(tr.Notes, msg)
}

// records notes every record of the meeting at the line it starts on.
func (tr *Trace) records(m *Meeting) {
	if tr == nil {
		return
	}
	for _, it := range m.Items {
		for _, r := range it.Records() {
			extra := ""
			if r.Owner != "" {
				extra += " owner=" + r.Owner
			}
			if !r.Due.IsZero() {
				extra += " due=" + r.Due.String()
			}
			if r.Confidence == ConfidenceLow {
				extra += " LOW: " + r.Why
			}
			tr.note(r.Line, "%s %s%s", r.Kind, r.ID, extra)
		}
	}
}

// Write prints the trace for a person: one line of input a row, its kind,
// and what the stages made of it.
func (tr *Trace) Write(w io.Writer) error {
	for _, n := range tr.Notes {
		if _, err := fmt.Fprintf(w, "# %s\n", n); err != nil {
			return err
		}
	}
	for _, l := range tr.Lines {
		notes := ""
		if len(l.Notes) > 0 {
			notes = "  ← " + strings.Join(l.Notes, "; ")
		}
		if _, err := fmt.Fprintf(w, "%5d %-10s %s%s\n", l.No, l.Kind, clipRunes(l.Text, 90), notes); err != nil {
			return err
		}
	}
	return nil
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
