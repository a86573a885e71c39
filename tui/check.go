package tui

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/minutes"
)

// The check view: `minutebook check` in the TUI. :check FILE (the
// command line, cmdline.go) checks a draft on disk, :check alone the
// document a meeting shown in the meetings view was imported from. The
// view lists the problems by line, one a row, with the one under the
// cursor in full below the list, and the line of the text it is on; r
// checks again (after the clerk edits the draft). The TUI sees the check
// only through a Checker, given in Options; without one :check says so.

// Checker runs the check of draft minutes that `minutebook check` runs.
type Checker interface {
	// CheckFile reads and checks the file at path (any format the
	// library reads).
	CheckFile(ctx context.Context, path string) (CheckReport, error)
	// CheckMeeting checks the document the meeting with this ID was
	// imported from.
	CheckMeeting(ctx context.Context, meetingID string) (CheckReport, error)
}

// CheckReport is what a check found in one document.
type CheckReport struct {
	File     string            // as the clerk named it, or the stored document's name
	Problems []minutes.Problem // in line order
	Pages    []int             // Pages[n-1] is the page of line n, for a PDF; nil otherwise
	Lines    []string          // the lines of the text checked, to show a problem's line
	Summary  string            // the summary `minutebook check` ends with
}

// checkTarget is what a check is of: a file, or a meeting's document.
type checkTarget struct {
	path      string
	meetingID string
	label     string // what the heading names while it runs
}

// checkDoneMsg is a check's answer.
type checkDoneMsg struct {
	seq int
	rep CheckReport
	err error
}

// checkPane is how many lines the selected problem takes under the list:
// a rule, its message (up to three lines) and the line of the text.
const checkPane = 5

type checkView struct {
	sh            *shared
	checker       Checker
	width, height int

	target  checkTarget
	seq     int
	running bool
	rep     *CheckReport
	err     error
	list    scroller
}

func newCheckView(sh *shared, c Checker) *checkView {
	return &checkView{sh: sh, checker: c}
}

func (v *checkView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.list.setHeight(v.listHeight())
}

// listHeight is the rows left for problems under the two heading lines
// and above the pane.
func (v *checkView) listHeight() int { return max(v.height-2-checkPane, 1) }

func (v *checkView) Capturing() bool   { return false }
func (v *checkView) Activate() tea.Cmd { return nil }

// opened reports whether a check was asked for: the view has a tab.
func (v *checkView) opened() bool { return v.target != (checkTarget{}) }

// start runs the check of t.
func (v *checkView) start(t checkTarget) tea.Cmd {
	v.target, v.rep, v.err = t, nil, nil
	v.list = scroller{}
	v.list.setHeight(v.listHeight())
	return v.run()
}

// run checks the target (again).
func (v *checkView) run() tea.Cmd {
	if v.checker == nil {
		v.err = errNoChecker
		return nil
	}
	v.seq++
	v.running = true
	seq, c, t := v.seq, v.checker, v.target
	return v.sh.cmdFor(viewCheck, func(ctx context.Context) tea.Msg {
		var rep CheckReport
		var err error
		if t.meetingID != "" {
			rep, err = c.CheckMeeting(ctx, t.meetingID)
		} else {
			rep, err = c.CheckFile(ctx, t.path)
		}
		return checkDoneMsg{seq: seq, rep: rep, err: err}
	})
}

func (v *checkView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case checkDoneMsg:
		if msg.seq != v.seq {
			return nil
		}
		v.running, v.err = false, msg.err
		if msg.err == nil {
			rep := msg.rep
			v.rep = &rep
			v.list.setLen(len(rep.Problems))
			v.list.clamp()
		}
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			v.list.move(d)
		} else {
			v.list.click(msg, 2, 1)
		}
	case tea.KeyMsg:
		k := v.sh.keys
		switch {
		case v.list.handleKey(msg, k):
		case key.Matches(msg, k.Recheck):
			if v.opened() && !v.running {
				return v.run()
			}
		case key.Matches(msg, k.Back):
			return goBack
		}
	}
	return nil
}

func (v *checkView) View() string {
	st := v.sh.styles
	var b strings.Builder
	name := oneLine(v.target.label)
	head := " " + st.Heading.Render("Check") + st.Dim.Render(" · ") + st.Text.Render(name)
	switch {
	case !v.opened():
		b.WriteString(" " + st.Heading.Render("Check") + "\n\n")
		b.WriteString(st.Dim.Render(trunc(" Type :check FILE to check draft minutes before they go out (any format minutebook reads),", v.width)) + "\n")
		b.WriteString(st.Dim.Render(trunc(" or :check on a meeting in the meetings view to check the document it came from.", v.width)))
		return padLines(b.String(), v.width, v.height)
	case v.running && v.rep == nil:
		b.WriteString(trunc(head, v.width) + "\n\n")
		b.WriteString(st.Dim.Render(" Checking…"))
		return padLines(b.String(), v.width, v.height)
	case v.err != nil && v.rep == nil:
		b.WriteString(trunc(head, v.width) + "\n\n")
		for _, l := range wrap(oneLine(v.err.Error()), max(v.width-2, 10)) {
			b.WriteString(" " + st.Error.Render(l) + "\n")
		}
		b.WriteString(st.Dim.Render(trunc(" r checks again · esc back", v.width)))
		return padLines(b.String(), v.width, v.height)
	}
	rep := v.rep
	count := "no problems found"
	if n := len(rep.Problems); n > 0 {
		count = plural(n, "problem", "problems")
	}
	if v.running {
		count += " · checking again…"
	} else if v.err != nil {
		count += " · " + st.Error.Render("the check again failed: "+oneLine(v.err.Error()))
	}
	b.WriteString(trunc(" "+st.Heading.Render("Check")+st.Dim.Render(" · "+count+" · ")+st.Text.Render(name), v.width) + "\n")
	b.WriteString(st.ColumnHead.Render(trunc("  "+fit("LINE", v.lineW())+" PROBLEM", v.width)) + "\n")
	lh := v.listHeight()
	if len(rep.Problems) == 0 {
		b.WriteString(st.OK.Render(trunc(" Nothing here will cause trouble once it is published, as far as the check can tell.", v.width)))
		return padLines(b.String(), v.width, v.height)
	}
	from, to := v.list.visible()
	for i := from; i < to; i++ {
		b.WriteString(v.row(i) + "\n")
	}
	for i := to - from; i < lh; i++ {
		b.WriteByte('\n')
	}
	b.WriteString(v.pane())
	return padLines(b.String(), v.width, v.height)
}

// lineW is the width of the LINE column: room for "123 p.12".
func (v *checkView) lineW() int {
	if v.rep != nil && v.rep.Pages != nil {
		return 11
	}
	return 5
}

// where is a problem's line (and page) as the LINE column shows it.
func (v *checkView) where(p minutes.Problem) string {
	if p.Line <= 0 {
		return "—"
	}
	s := strconv.Itoa(p.Line)
	if pages := v.rep.Pages; p.Line <= len(pages) && pages[p.Line-1] > 0 {
		s += " p." + strconv.Itoa(pages[p.Line-1])
	}
	return s
}

func (v *checkView) row(i int) string {
	st := v.sh.styles
	p := v.rep.Problems[i]
	text := fit(v.where(p), v.lineW()) + " " + oneLine(p.Message)
	if i == v.list.cursor {
		return st.Cursor.Render("▸ ") + st.Selected.Render(fit(text, v.width-2))
	}
	return "  " + st.Dim.Render(fit(v.where(p), v.lineW())) + " " + st.Text.Render(trunc(oneLine(p.Message), v.width-v.lineW()-3))
}

// pane is the problem under the cursor in full, and the line of the text
// it is on, in checkPane lines.
func (v *checkView) pane() string {
	st := v.sh.styles
	rule := st.Faint.Render(strings.Repeat("─", max(v.width, 0)))
	if v.list.cursor >= len(v.rep.Problems) {
		return rule
	}
	p := v.rep.Problems[v.list.cursor]
	msg := oneLine(p.Message)
	if p.Record != "" {
		msg += " [" + oneLine(p.Record) + "]"
	}
	lines := wrap(msg, max(v.width-2, 10))
	if len(lines) > checkPane-2 {
		lines = append(lines[:checkPane-3], trunc(strings.Join(lines[checkPane-3:], " "), max(v.width-2, 10)))
	}
	out := []string{rule}
	for _, l := range lines {
		out = append(out, " "+st.Text.Render(l))
	}
	for len(out) < checkPane-1 {
		out = append(out, "")
	}
	if p.Line > 0 && p.Line <= len(v.rep.Lines) {
		out = append(out, trunc(" "+st.Dim.Render("line "+strconv.Itoa(p.Line)+": ")+st.Text.Render(strings.TrimSpace(oneLine(v.rep.Lines[p.Line-1]))), v.width))
	} else {
		out = append(out, trunc(" "+st.Dim.Render(oneLine(v.rep.Summary)), v.width))
	}
	return strings.Join(out, "\n")
}

func (v *checkView) ShortHelp() []key.Binding {
	k := v.sh.keys
	return []key.Binding{k.moveHelp(), k.Recheck, withHelp(k.Back, "back"), k.Command}
}

func (v *checkView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{k.listHelp(), {k.Recheck, k.Back, k.Command}}
}

// councilShown: a check is of a file, not of a council.
func (v *checkView) councilShown() string { return "" }
