package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
)

// The return picker (R in a follow-up's detail): the clerk chooses the
// later item the follow-up came back as, from the items of its
// committee's later meetings: first the meeting, then the item. It is the
// TUI's `minutebook set ID --returned-to ITEM`.

// pickerLibrary is what the return picker needs of the library.
type pickerLibrary interface {
	Meetings(ctx context.Context, committee string) ([]index.MeetingSummary, error)
	Meeting(ctx context.Context, id string) (*index.MeetingDetail, error)
	ReturnDecisions(ctx context.Context, followUpID string) (index.ReturnDecisions, error)
}

// pickerMeetingsMsg is the follow-up's committee's later meetings and the
// clerk's decisions about it, for the picker that asked.
type pickerMeetingsMsg struct {
	seq       int
	meetings  []index.MeetingSummary
	decisions index.ReturnDecisions
	err       error
}

// pickerItemsMsg is one later meeting with its items.
type pickerItemsMsg struct {
	seq     int
	meeting *index.MeetingDetail
	err     error
}

type returnPicker struct {
	sh            *shared
	lib           pickerLibrary
	width, height int

	rec       index.Record // the follow-up
	seq       int
	meetings  []index.MeetingSummary // later meetings, oldest first; nil until loaded
	decisions index.ReturnDecisions
	mList     scroller
	err       error

	meeting *index.MeetingDetail // the meeting whose items are shown; nil: the meetings are
	iList   scroller
}

func newReturnPicker(sh *shared, lib pickerLibrary, rec index.Record, w, h int) *returnPicker {
	p := &returnPicker{sh: sh, lib: lib, rec: rec}
	p.setSize(w, h)
	return p
}

// headLines is the picker's heading: what it is for, the follow-up's
// text, a blank line and the list's title.
const pickerHeadLines = 4

func (p *returnPicker) setSize(w, h int) {
	p.width, p.height = w, h
	p.mList.setHeight(h - pickerHeadLines)
	p.iList.setHeight(h - pickerHeadLines)
}

// load asks for the later meetings.
func (p *returnPicker) load() tea.Cmd {
	p.seq++
	seq, lib, rec := p.seq, p.lib, p.rec
	return p.sh.cmdFor(viewDetail, func(ctx context.Context) tea.Msg {
		all, err := lib.Meetings(ctx, rec.Committee)
		if err != nil {
			return pickerMeetingsMsg{seq: seq, err: err}
		}
		later := []index.MeetingSummary{}
		for i := len(all) - 1; i >= 0; i-- { // the library lists them newest first
			if all[i].Date.After(rec.MeetingDate) {
				later = append(later, all[i])
			}
		}
		d, err := lib.ReturnDecisions(ctx, rec.ID)
		return pickerMeetingsMsg{seq: seq, meetings: later, decisions: d, err: err}
	})
}

func (p *returnPicker) openMeeting(id string) tea.Cmd {
	p.seq++
	seq, lib := p.seq, p.lib
	return p.sh.cmdFor(viewDetail, func(ctx context.Context) tea.Msg {
		m, err := lib.Meeting(ctx, id)
		return pickerItemsMsg{seq: seq, meeting: m, err: err}
	})
}

// pickResult is what a key did in the picker.
type pickResult struct {
	cmd    tea.Cmd
	closed bool   // the picker is done
	item   string // the item chosen, when one was
}

func (p *returnPicker) update(msg tea.Msg) pickResult {
	switch msg := msg.(type) {
	case pickerMeetingsMsg:
		if msg.seq == p.seq {
			p.err = msg.err
			if msg.err == nil {
				p.meetings, p.decisions = msg.meetings, msg.decisions
				p.mList.setLen(len(p.meetings))
				p.mList.cursor = p.dueMeeting()
				p.mList.clamp()
			}
		}
	case pickerItemsMsg:
		if msg.seq == p.seq {
			p.err = msg.err
			if msg.err == nil {
				p.meeting = msg.meeting
				p.iList = scroller{height: p.iList.height}
				p.iList.setLen(len(p.meeting.Items))
				for i, it := range p.meeting.Items {
					if p.linked(it.ID) {
						p.iList.cursor = i
					}
				}
				p.iList.clamp()
			}
		}
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			p.list().move(d)
		} else if again, ok := p.list().click(msg, pickerHeadLines, 1); ok && again {
			return p.enter()
		}
	case tea.KeyMsg:
		return p.key(msg)
	}
	return pickResult{}
}

func (p *returnPicker) list() *scroller {
	if p.meeting != nil {
		return &p.iList
	}
	return &p.mList
}

func (p *returnPicker) key(msg tea.KeyMsg) pickResult {
	k := p.sh.keys
	if p.list().handleKey(msg, k) {
		return pickResult{}
	}
	switch {
	case key.Matches(msg, k.Back, k.Left):
		if p.meeting != nil {
			p.meeting = nil
			p.seq++ // an items load still on its way is not wanted
			return pickResult{}
		}
		return pickResult{closed: true}
	case key.Matches(msg, k.Open):
		return p.enter()
	}
	return pickResult{}
}

// enter opens the meeting under the cursor, or chooses the item.
func (p *returnPicker) enter() pickResult {
	if p.meeting == nil {
		if c := p.mList.cursor; c < len(p.meetings) {
			return pickResult{cmd: p.openMeeting(p.meetings[c].ID)}
		}
		return pickResult{}
	}
	if c := p.iList.cursor; c < len(p.meeting.Items) {
		return pickResult{closed: true, item: p.meeting.Items[c].ID}
	}
	return pickResult{}
}

// dueMeeting is where the cursor starts: the first later meeting on or
// after the follow-up's due date, where it was due back; else the first.
func (p *returnPicker) dueMeeting() int {
	if !p.rec.Due.IsZero() {
		for i, m := range p.meetings {
			if !m.Date.Before(p.rec.Due) {
				return i
			}
		}
	}
	return 0
}

func (p *returnPicker) linked(itemID string) bool {
	return p.rec.ReturnedTo != nil && p.rec.ReturnedTo.ItemID == itemID
}

func (p *returnPicker) rejected(itemID string) bool {
	for _, r := range p.decisions.Rejected {
		if r == itemID {
			return true
		}
	}
	return false
}

func (p *returnPicker) view() string {
	st := p.sh.styles
	var b strings.Builder
	keys := "enter open · esc close"
	if p.meeting != nil {
		keys = "enter: it came back as this item · esc: the meetings"
	}
	b.WriteString(trunc(" "+st.Heading.Render("Came back as… ")+st.Dim.Render(oneLine(p.rec.ID)+"   "+keys), p.width) + "\n")
	b.WriteString(trunc("   "+st.Text.Render(oneLine(p.rec.Text)), p.width) + "\n\n")
	switch {
	case p.err != nil:
		b.WriteString(" " + st.Error.Render(trunc("Could not load the later meetings: "+oneLine(p.err.Error()), p.width-1)))
		return b.String()
	case p.meetings == nil:
		b.WriteString(" " + st.Dim.Render("Loading the later meetings…"))
		return b.String()
	case len(p.meetings) == 0:
		b.WriteString(" " + st.Dim.Render(trunc("The library holds no meeting of "+committeeName(p.rec.Committee)+" after "+p.rec.MeetingDate.String()+".", p.width-1)))
		return b.String()
	}
	if p.meeting == nil {
		b.WriteString(" " + st.Heading.Render(trunc("Later meetings of "+committeeName(p.rec.Committee), p.width-1)) + "\n")
		from, to := p.mList.visible()
		for i := from; i < to && i < len(p.meetings); i++ {
			m := p.meetings[i]
			line := fit(m.Date.String(), 10) + "  " + plural(m.Items, "item", "items")
			if !p.rec.Due.IsZero() && i == p.dueMeeting() && !m.Date.Before(p.rec.Due) {
				line += " · the first on or after the due date"
			}
			b.WriteString(p.line(i == p.mList.cursor, line) + "\n")
		}
		return b.String()
	}
	b.WriteString(" " + st.Heading.Render(trunc("Items of the "+p.meeting.Date.String()+" meeting", p.width-1)) + "\n")
	from, to := p.iList.visible()
	for i := from; i < to && i < len(p.meeting.Items); i++ {
		it := p.meeting.Items[i]
		line := fit(oneLine(it.Number), 6) + " " + oneLine(it.Title)
		switch {
		case p.linked(it.ID) && p.rec.ReturnedTo.Confirmed:
			line += "  ← linked (confirmed)"
		case p.linked(it.ID):
			line += "  ← linked (matched automatically)"
		case p.rejected(it.ID):
			line += "  (said not to answer it)"
		}
		if n := len(it.Records); n > 0 {
			line += "  · " + plural(n, "record", "records")
		}
		b.WriteString(p.line(i == p.iList.cursor, line) + "\n")
	}
	return b.String()
}

func (p *returnPicker) line(selected bool, text string) string {
	st := p.sh.styles
	if selected {
		return st.Cursor.Render("▸ ") + st.Selected.Render(fit(text, max(p.width-3, 1)))
	}
	return "  " + st.Text.Render(trunc(text, max(p.width-3, 1)))
}
