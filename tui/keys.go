package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the TUI answers to. Views match keys only through
// it (key.Matches), so a user's or a test's KeyMap changes them
// everywhere.
type KeyMap struct {
	// Everywhere.
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Search    key.Binding
	NextView  key.Binding
	PrevView  key.Binding
	GoDue     key.Binding
	GoSearch  key.Binding
	GoMeet    key.Binding
	Back      key.Binding
	Undo      key.Binding
	// GoPeople opens the people view; OwnerPage, on a record, opens its
	// owner's page there (o edits the owner on a record and narrows the
	// due board to one: O goes to them).
	GoPeople  key.Binding
	OwnerPage key.Binding
	// The sources (when the TUI was given a Syncer).
	GoSources key.Binding
	Sync      key.Binding
	// Command opens the command line (:check FILE); Recheck checks the
	// document in the check view again.
	Command key.Binding
	Recheck key.Binding

	// Lists.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	Left     key.Binding
	Right    key.Binding

	// Due board.
	Committee  key.Binding
	Council    key.Binding // when the library holds several councils
	AsOf       key.Binding
	Today      key.Binding
	ShowClosed key.Binding
	Export     key.Binding
	// FilterOwner, FilterStatus and Sort narrow and order the board.
	FilterOwner  key.Binding
	FilterStatus key.Binding
	Sort         key.Binding
	// OnBoard, on a person's page, shows the due board narrowed to them;
	// FindPerson narrows the people list to the names typed.
	OnBoard    key.Binding
	FindPerson key.Binding

	// Search.
	Facets     key.Binding
	PrevResult key.Binding // keys that move the results while the query is being typed
	NextResult key.Binding
	FocusInput key.Binding
	Toggle     key.Binding
	Clear      key.Binding

	// Detail.
	Done       key.Binding
	InProgress key.Binding
	Dropped    key.Binding
	Reopen     key.Binding
	Note       key.Binding
	Owner      key.Binding
	DueDate    key.Binding
	Meeting    key.Binding
	// A follow-up's link to the later item that answers it.
	ConfirmReturn key.Binding
	NotReturned   key.Binding
	ReturnedTo    key.Binding // pick the later item it came back as

	// Corrections of the parser, on a record (detail view, item page).
	Kind     key.Binding // make it another kind of record
	Reject   key.Binding // it is not a record (asks why; again restores it)
	Accept   key.Binding // the parser was right: out of the review queue
	EditSpan key.Binding // give it another span of its item's text
	// The review group of the due board: single keys.
	ReviewYes key.Binding
	ReviewNo  key.Binding
	// The item page's text selection.
	Select         key.Binding // start selecting sentences (v again: extend)
	SentencePrev   key.Binding
	SentenceNext   key.Binding
	LinePrev       key.Binding
	LineNext       key.Binding
	ExtendPrev     key.Binding // shift: extend the selection
	ExtendNext     key.Binding
	ExtendUp       key.Binding
	ExtendDown     key.Binding
	MakeAction     key.Binding
	MakeFollowUp   key.Binding
	MakeResolution key.Binding
	EditSelection  key.Binding // type the selection's words

	// Inline forms and the search box.
	Submit     key.Binding
	Cancel     key.Binding
	ClearInput key.Binding
}

// DefaultKeyMap returns the keys: arrows and vim keys, tab between views,
// esc back, q quit.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextView:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevView:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		GoDue:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "due board")),
		GoSearch:  key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "search")),
		GoMeet:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "meetings")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		GoPeople:  key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "people")),
		OwnerPage: key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "owner's page")),
		GoSources: key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "sources")),
		Sync:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sync all sources")),
		Command:   key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "command")),
		Recheck:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "check again")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		Open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "back a level")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),

		Committee:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "committee")),
		Council:    key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "council")),
		AsOf:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "as-of date")),
		Today:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "as of today")),
		ShowClosed: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "done rows")),
		Export:     key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "export")),

		FilterOwner:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
		FilterStatus: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "status")),
		Sort:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		OnBoard:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "on the due board")),
		FindPerson:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "find a name")),

		Facets:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filters")),
		PrevResult: key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous result")),
		NextResult: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next result")),
		FocusInput: key.NewBinding(key.WithKeys("/", "i"), key.WithHelp("/", "edit query")),
		Toggle:     key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter", "use/drop filter")),
		Clear:      key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", "drop all filters")),

		Done:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "done")),
		InProgress: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "in progress")),
		Dropped:    key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "dropped")),
		Reopen:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reopen")),
		Note:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Owner:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
		DueDate:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "due date")),
		Meeting:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "meeting")),

		ConfirmReturn: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "confirm return")),
		NotReturned:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "not returned")),
		ReturnedTo:    key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "came back as…")),

		Kind:      key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "kind")),
		Reject:    key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "reject")),
		Accept:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accept")),
		EditSpan:  key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "text span")),
		ReviewYes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "right")),
		ReviewNo:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not a record")),

		Select:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "select text")),
		SentencePrev:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "sentence")),
		SentenceNext:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "sentence")),
		LinePrev:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "line")),
		LineNext:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "line")),
		ExtendPrev:     key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("shift+←", "extend")),
		ExtendNext:     key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("shift+→", "extend")),
		ExtendUp:       key.NewBinding(key.WithKeys("shift+up", "K"), key.WithHelp("shift+↑", "extend")),
		ExtendDown:     key.NewBinding(key.WithKeys("shift+down", "J"), key.WithHelp("shift+↓", "extend")),
		MakeAction:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "action")),
		MakeFollowUp:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow-up")),
		MakeResolution: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resolution")),
		EditSelection:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit words")),

		Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ClearInput: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
	}
}

// moveHelp is "↑/↓ move" for the help bar, where up and down would take
// two places. It is for display only; keys match Up and Down.
func (k KeyMap) moveHelp() key.Binding {
	return key.NewBinding(key.WithKeys(append(k.Up.Keys(), k.Down.Keys()...)...), key.WithHelp("↑/↓", "move"))
}

// checkHelp is ":check" for the help bar of the meetings view, where it
// checks the document the meeting came from. For display only; the key
// is Command.
func (k KeyMap) checkHelp() key.Binding {
	return key.NewBinding(key.WithKeys(k.Command.Keys()...), key.WithHelp(":check", "its document"))
}

// globalHelp is the keys that work in every view, for the full help.
func (k KeyMap) globalHelp() []key.Binding {
	return []key.Binding{k.Search, k.GoDue, k.GoSearch, k.GoMeet, k.GoPeople, k.NextView, k.Back, k.Undo, k.Command, k.Help, k.Quit}
}

// listHelp is the movement keys every list shares.
func (k KeyMap) listHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// formHelp is the keys of an inline form.
func (k KeyMap) formHelp() []key.Binding {
	return []key.Binding{k.Submit, k.Cancel, k.ClearInput}
}
