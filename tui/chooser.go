package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// chooser is a list to choose one thing from, drawn in place of the view
// that opened it: a committee, an owner or a status for the due board.
// ↑/↓ (or the wheel) move, enter or a click chooses, esc cancels.
type chooser struct {
	sh            *shared
	title         string
	choices       []choice // nil while they load
	list          scroller
	width, height int
}

// choice is one line of a chooser: what it shows and a note in dim
// beside it ("12 open").
type choice struct {
	label, note string
}

// chooserHead is the lines above the choices: the title and a blank one.
const chooserHead = 2

func newChooser(sh *shared, title string, w, h int) *chooser {
	c := &chooser{sh: sh, title: title}
	c.setSize(w, h)
	return c
}

func (c *chooser) setSize(w, h int) {
	c.width, c.height = w, h
	c.list.setHeight(h - chooserHead)
}

// setChoices gives the chooser its choices, the cursor on current.
func (c *chooser) setChoices(cs []choice, current int) {
	c.choices = cs
	c.list.setLen(len(cs))
	c.list.cursor = current
	c.list.clamp()
}

// chooseResult is what a key or a click did: the choice made (-1 for
// none) and whether the chooser is done.
type chooseResult struct {
	picked int
	done   bool
}

func (c *chooser) update(msg tea.Msg) chooseResult {
	none := chooseResult{picked: -1}
	switch msg := msg.(type) {
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			c.list.move(d)
			return none
		}
		if c.choices != nil {
			if again, ok := c.list.click(msg, chooserHead, 1); ok && again {
				return chooseResult{picked: c.list.cursor, done: true}
			}
		}
	case tea.KeyMsg:
		k := c.sh.keys
		if c.list.handleKey(msg, k) {
			return none
		}
		switch {
		case key.Matches(msg, k.Back):
			return chooseResult{picked: -1, done: true}
		case key.Matches(msg, k.Open):
			if c.choices == nil || c.list.cursor >= len(c.choices) {
				return none
			}
			return chooseResult{picked: c.list.cursor, done: true}
		}
	}
	return none
}

func (c *chooser) view() string {
	st := c.sh.styles
	var b strings.Builder
	b.WriteString(trunc(" "+st.Heading.Render(c.title)+st.Dim.Render("   enter choose · esc cancel"), c.width))
	b.WriteString("\n\n")
	if c.choices == nil {
		b.WriteString(st.Dim.Render(" Loading…"))
		return b.String()
	}
	from, to := c.list.visible()
	nameW := max(c.width-36, 20)
	for i := from; i < to && i < len(c.choices); i++ {
		ch := c.choices[i]
		name := fit(oneLine(ch.label), nameW)
		if i == c.list.cursor {
			b.WriteString(trunc(st.Cursor.Render("▸ ")+st.Selected.Render(name+"  "+ch.note), c.width))
		} else {
			b.WriteString(trunc("  "+st.Text.Render(name)+"  "+st.Dim.Render(ch.note), c.width))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
