// Package tui is minutebook's terminal UI: the due board, search as you
// type, the meetings browser and a record's detail with the clerk's
// tracking edits, and the councils' sites the library syncs from.
//
// Views. Every view keeps the same contract (the view interface in
// tui.go): Update, View, SetSize, its help.KeyMap, Capturing and
// Activate. The root model, Model, handles the keys that work everywhere,
// the mouse on the title bar and the window size, and forwards the rest
// to the view in front. The meetings browser is four pages (committees,
// meetings, items, an item's text: meetpages.go, itempage.go) that it
// moves between.
//
// Components. One prompt (prompt.go) is every inline form: the as-of
// date, export file names, a record's note, owner and due date; its
// prefilled value is selected, ctrl+u clears it. A chooser (chooser.go)
// picks a committee, owner or status for the board; the return picker
// (picker.go) picks the later item a follow-up came back as. A scroller
// (layout.go) is every list's cursor.
//
// Data. Each view declares the small interface of the library it uses,
// next to it (dueLibrary, searchLibrary, meetingsLibrary, recordLibrary,
// pickerLibrary); Library is their sum, with what exports read, so the
// tests run on an in-memory fake. Everything slow runs in a tea.Cmd; a
// view's answer comes back tagged for it alone (viewMsg, after gh-dash's
// MakeSectionCmd) and carries the sequence number of its request, so a
// stale answer is dropped. Saves come back to the root, which keeps the
// session's undo stack.
//
// Drawing. Styles are made by the renderer the TUI is given and times
// are shown in the zone it is given (Options.Renderer, Options.Location),
// with the clock (Options.Now): golden tests set no globals. Text from
// documents is sanitised before it is drawn (sanitise.go).
//
// Failures. A panic anywhere in the TUI is caught, logged with its stack
// to a crash log, and ends the program normally so the terminal is given
// back; Run returns a CrashError naming the log (crash.go).
package tui
