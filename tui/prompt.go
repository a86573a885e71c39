package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// prompt is the one inline form of the TUI: the as-of date and the
// export file on the due board, a meeting's export file, a record's note,
// owner and due date. It is a labelled one-line text field with a hint
// (or the error of the last try) under it. A value it opens with is
// selected, so that typing replaces it and ←/→ keep it to edit; ctrl+u
// clears the field whatever is in it. The view that owns a prompt gives
// it the keys while it is open and acts on what it returns.
type prompt struct {
	sh       *shared
	input    textinput.Model
	open     bool
	purpose  int    // what the owning view opened it for
	hint     string // what the field takes
	err      string // why the last value was refused; shown instead of the hint
	selected bool   // the value is the one it opened with, selected
	width    int
	// oneLineHint keeps the hint to one line (the command line, which
	// takes the status and help lines' place and no more).
	oneLineHint bool
}

// lines is how many lines the open prompt takes: its field, and its hint
// or error on one line or, when that does not fit the width, two.
func (p *prompt) lines() int { return 1 + len(p.hintLines()) }

// hintLines is the hint, or the error of the last try, in at most two
// lines of the prompt's width (one with oneLineHint): a hint cut short
// hides what the field takes, an error why it was refused.
func (p *prompt) hintLines() []string {
	text := p.hint
	if p.err != "" {
		text = p.err
	}
	w := max(p.width-2, 1)
	if p.oneLineHint || ansi.StringWidth(text) <= w {
		return []string{trunc(text, w)}
	}
	ls := wrap(text, w)
	if len(ls) > 2 {
		ls = []string{ls[0], trunc(strings.Join(ls[1:], " "), w)}
	}
	return ls
}

func newPrompt(sh *shared) prompt {
	return prompt{sh: sh, input: newInput(sh, "")}
}

// newInput returns a one-line text field in the TUI's style, with a
// steady cursor (a blinking one redraws the screen twice a second);
// ctrl+u is left to the owner, which clears the whole field with it.
func newInput(sh *shared, label string) textinput.Model {
	in := textinput.New()
	in.Prompt = label
	in.PromptStyle = sh.styles.Prompt
	in.TextStyle = sh.styles.Text
	in.PlaceholderStyle = sh.styles.Faint
	in.CharLimit = 500
	in.Cursor.Style, in.Cursor.TextStyle = sh.styles.InputCursor, sh.styles.Text
	in.Cursor.SetMode(cursor.CursorStatic)
	in.KeyMap.DeleteBeforeCursor.SetEnabled(false)
	return in
}

// start opens the prompt for purpose, labelled label, holding value
// (selected), with hint under it.
func (p *prompt) start(purpose int, label, value, hint string) tea.Cmd {
	p.open, p.purpose, p.hint, p.err = true, purpose, hint, ""
	p.input.Prompt = label
	p.input.SetValue(Sanitise(value))
	p.input.CursorEnd()
	p.selected = p.input.Value() != ""
	p.setWidth(p.width)
	return p.input.Focus()
}

// close closes the prompt.
func (p *prompt) close() {
	p.open, p.err, p.selected = false, "", false
	p.input.Blur()
}

// fail keeps the prompt open and shows why its value was refused.
func (p *prompt) fail(err string) { p.err = err }

func (p *prompt) setWidth(w int) {
	p.width = w
	p.input.Width = max(w-len([]rune(p.input.Prompt))-3, 1)
}

// promptResult is what a key did to a prompt.
type promptResult struct {
	submitted bool   // enter: value is what to act on (trimmed by the owner)
	cancelled bool   // esc: the prompt is closed
	value     string // the field's value when submitted
	cmd       tea.Cmd
}

// update handles a key while the prompt is open.
func (p *prompt) update(msg tea.KeyMsg) promptResult {
	k := p.sh.keys
	switch {
	case key.Matches(msg, k.Cancel):
		p.close()
		return promptResult{cancelled: true}
	case key.Matches(msg, k.Submit):
		return promptResult{submitted: true, value: p.input.Value()}
	case key.Matches(msg, k.ClearInput):
		p.input.SetValue("")
		p.selected, p.err = false, ""
		return promptResult{}
	}
	if p.selected {
		p.selected = false
		switch {
		case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
			p.input.SetValue("") // typing replaces the selected value
		case msg.Type == tea.KeyBackspace || msg.Type == tea.KeyDelete:
			p.input.SetValue("")
			return promptResult{}
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.err = ""
	}
	return promptResult{cmd: cmd}
}

// view draws the prompt's lines (lines of them), each at most its width.
func (p *prompt) view() string {
	st := p.sh.styles
	var line1 string
	if p.selected {
		line1 = " " + st.Prompt.Render(p.input.Prompt) + st.Selected.Render(trunc(p.input.Value(), p.input.Width))
	} else {
		line1 = " " + p.input.View()
	}
	style := st.Dim
	if p.err != "" {
		style = st.Error
	}
	out := trunc(line1, p.width)
	for _, l := range p.hintLines() {
		out += "\n" + trunc(" "+style.Render(l), p.width)
	}
	return out
}

// dateHint is what a date prompt takes, for its hint line (every form
// minutes.ParseUserDate reads; the error of a wrong one lists them all).
const dateHint = "2027-01-31, 31/01/2027, 31 Jan, friday, +2w"

// asOfHint is the due board's as-of prompt's hint, in 80 columns (the
// field shows the ISO form already).
const asOfHint = "31 Jan, friday, +2w from the date shown, next: the committee's next meeting"
