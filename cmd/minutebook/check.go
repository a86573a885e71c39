package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

func newCheckCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check FILE",
		Short: "Check draft minutes for what will cause trouble once they are published",
		Long: `Check one file of draft minutes (text, PDF, DOCX or HTML; "-" reads standard
input) before it goes out, and list with line numbers what will cause trouble
later: actions with no owner or due date, follow-ups with no meeting or date,
"the next meeting" with no date for it, minute numbers that skip, repeat or go
backwards, resolutions with no text, a missing chair or attendance list, names
spelled differently from the attendance list, initials that match no one,
dates that do not exist or fall before the meeting, business taken in private
with no reason given, and placeholders (TBC, [insert date]) left in.

Line numbers count the lines of the text minutebook reads; for a PDF the page
is given too. Nothing is imported.

Exit status: 0 when no problems are found, 1 when some are, 2 when the file
cannot be read or is not minutes.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := checkDocument(cmd.Context(), a, args[0])
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep.jsonForm()); err != nil {
					return err
				}
			} else if err := rep.print(a.stdout); err != nil {
				return err
			}
			if len(rep.problems) > 0 {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"file": …, "problems": [{"line", "kind", "message", "record"}]}`)
	return cmd
}

// checkReport is what `check` found in one document.
type checkReport struct {
	file     string // as the user named it
	problems []minutes.Problem
	pages    []int  // pages[n-1] is the page of line n, for a PDF; nil otherwise
	text     string // the text checked
}

// checkDocument reads, parses and checks one document.
func checkDocument(ctx context.Context, a *app, path string) (*checkReport, error) {
	var res extract.Result
	var err error
	name := path
	if path == "-" {
		var data []byte
		if name, data, err = readInput(a, "-"); err != nil {
			return nil, err
		}
		res, err = extract.Text(ctx, name, data, documentLimits(a.pdfEngine))
	} else {
		res, err = extract.ReadFile(ctx, path, documentLimits(a.pdfEngine))
		name = filepath.Base(path)
	}
	if err != nil {
		return nil, documentError(path, err)
	}
	file := path
	if path == "-" {
		file = "stdin"
	}
	return checkText(file, name, res)
}

// checkText parses and checks the text read from a document named name;
// file is what the report calls it.
func checkText(file, name string, res extract.Result) (*checkReport, error) {
	m, err := meetingFromText(name, res)
	if err != nil {
		return nil, documentError(file, err)
	}
	rep := &checkReport{file: file, problems: minutes.Check(m, []byte(res.Text)), text: res.Text}
	if res.Format == extract.FormatPDF {
		rep.pages = linePages(res.Text)
	}
	return rep, nil
}

// linePages gives each line of a PDF's text its page: pages end with a
// form feed.
func linePages(text string) []int {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	out := make([]int, len(lines))
	page := 1
	for i, l := range lines {
		out[i] = page + strings.Count(l[:len(l)-len(strings.TrimLeft(l, "\f"))], "\f")
		page += strings.Count(l, "\f")
	}
	return out
}

type jsonCheck struct {
	File     string        `json:"file"`
	Problems []jsonProblem `json:"problems"`
}

type jsonProblem struct {
	Line    int     `json:"line"`
	Page    int     `json:"page,omitempty"`
	Kind    string  `json:"kind"`
	Message string  `json:"message"`
	Record  *string `json:"record"`
}

func (r *checkReport) page(line int) int {
	if line < 1 || line > len(r.pages) {
		return 0
	}
	return r.pages[line-1]
}

func (r *checkReport) jsonForm() jsonCheck {
	out := jsonCheck{File: r.file, Problems: []jsonProblem{}}
	for _, p := range r.problems {
		jp := jsonProblem{Line: p.Line, Page: r.page(p.Line), Kind: string(p.Kind), Message: p.Message}
		if p.Record != "" {
			id := p.Record
			jp.Record = &id
		}
		out.Problems = append(out.Problems, jp)
	}
	return out
}

// print writes the problems for a person: FILE:LINE: message, in line
// order, then a summary by kind.
func (r *checkReport) print(w io.Writer) error {
	file := minutes.Sanitize(r.file)
	for _, p := range r.problems {
		where := file
		if p.Line > 0 {
			where += ":" + strconv.Itoa(p.Line)
			if pg := r.page(p.Line); pg > 0 {
				where += " (page " + strconv.Itoa(pg) + ")"
			}
		}
		if p.Record != "" {
			fmt.Fprintf(w, "%s: %s [%s]\n", where, p.Message, p.Record)
		} else {
			fmt.Fprintf(w, "%s: %s\n", where, p.Message)
		}
	}
	_, err := fmt.Fprintln(w, checkSummary(file, r.problems))
	return err
}

// checkSummary is the last line of `check`: how many problems of each kind.
func checkSummary(file string, problems []minutes.Problem) string {
	if len(problems) == 0 {
		return file + ": no problems found"
	}
	count := map[minutes.ProblemKind]int{}
	for _, p := range problems {
		count[p.Kind]++
	}
	var parts []string
	for _, k := range minutes.ProblemKinds {
		if n := count[k]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+problemLabel(k, n))
		}
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	return fmt.Sprintf("\n%s: %d %s: %s", file, len(problems), noun, strings.Join(parts, ", "))
}

// problemLabels name each kind of problem in the summary, singular and
// plural.
var problemLabels = map[minutes.ProblemKind][2]string{
	minutes.ProblemNoMeetingDate:      {"missing meeting date", "missing meeting dates"},
	minutes.ProblemNoCommittee:        {"missing committee name", "missing committee names"},
	minutes.ProblemNoChair:            {"missing chair", "missing chairs"},
	minutes.ProblemNoAttendance:       {"missing attendance list", "missing attendance lists"},
	minutes.ProblemAttendanceConflict: {"attendance conflict", "attendance conflicts"},
	minutes.ProblemMinuteNumber:       {"minute numbering fault", "minute numbering faults"},
	minutes.ProblemEmptyResolution:    {"empty resolution", "empty resolutions"},
	minutes.ProblemActionNoOwner:      {"action with no owner", "actions with no owner"},
	minutes.ProblemActionNoDue:        {"action with no due date", "actions with no due date"},
	minutes.ProblemFollowUpNoDue:      {"follow-up with no meeting or date", "follow-ups with no meeting or date"},
	minutes.ProblemNextMeeting:        {"undated next meeting", "undated next meetings"},
	minutes.ProblemDueBeforeMeeting:   {"due date before the meeting", "due dates before the meeting"},
	minutes.ProblemDateInvalid:        {"date that does not exist", "dates that do not exist"},
	minutes.ProblemDateWeekday:        {"wrong weekday", "wrong weekdays"},
	minutes.ProblemNameSpelling:       {"name spelled differently", "names spelled differently"},
	minutes.ProblemInitials:           {"unknown initials", "unknown initials"},
	minutes.ProblemExemptNoReason:     {"private business with no reason", "private business with no reason"},
	minutes.ProblemPlaceholder:        {"placeholder", "placeholders"},
}

// problemLabel names a kind of problem for the summary.
func problemLabel(k minutes.ProblemKind, n int) string {
	l, ok := problemLabels[k]
	switch {
	case !ok:
		return string(k)
	case n == 1:
		return l[0]
	}
	return l[1]
}
