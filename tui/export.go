package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

// Exports (E) from the due board and from a meeting: the action log, the
// agenda tracker, or a calendar of what is due back — the same files
// `minutebook export` and `minutebook agenda` write, chosen by the file's
// extension. Exempt items are never exported from the TUI.

// exportLibrary is what exports need of the library: the export package
// reads the action log, the agenda tracker and the calendar through the
// whole index.API, as minutebook export does, so they are the same files.
type exportLibrary = index.API

// exportScope is what an export covers: a committee ("" for all) as of a
// date, and, from the meetings view, one meeting of it.
type exportScope struct {
	committee string
	council   string       // "" for all
	meeting   minutes.Date // zero: the due board's scope
	asOf      minutes.Date
}

// defaultExportFile suggests a file name in the current folder.
func defaultExportFile(committee string, asOf minutes.Date) string {
	name := "action-log"
	if committee != "" {
		name += "-" + minutes.CommitteeSlug(committee)
	}
	return name + "-" + asOf.String() + ".xlsx"
}

// export checks the file name and returns the command that writes it.
func (v *dueView) export(path string) (tea.Cmd, error) {
	return startExport(v.sh, v.exports, path, exportScope{committee: v.committee, council: v.council, asOf: v.sh.asOf})
}

// startExport checks the file name and returns the command that writes
// the export and says so in the flash line.
func startExport(sh *shared, lib exportLibrary, path string, scope exportScope) (tea.Cmd, error) {
	if path == "" {
		return nil, errors.New("type a file name, such as action-log.xlsx")
	}
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	f, ok := export.ParseFormat(filepath.Ext(path))
	if !ok {
		return nil, fmt.Errorf("%s: end the name in .xlsx, .csv, .json, .md, .html or .ics", filepath.Ext(path))
	}
	if f == export.FormatHTML && scope.committee == "" {
		return nil, errors.New("an agenda tracker is for one committee: choose it with c first")
	}
	now := sh.now
	return sh.cmd(func(ctx context.Context) tea.Msg {
		what, err := writeExport(ctx, lib, path, f, scope, now())
		if err != nil {
			return flashMsg{text: "Export failed: " + err.Error(), isErr: true}
		}
		return flashMsg{text: "Wrote " + what + " to " + path}
	}), nil
}

// writeExport writes one export file, all or nothing. With a meeting in
// scope the tracker is that meeting's and the log holds its records.
func writeExport(ctx context.Context, api exportLibrary, path string, f export.Format, scope exportScope, now time.Time) (string, error) {
	switch f {
	case export.FormatHTML:
		a, err := export.LoadAgenda(ctx, api, export.AgendaQuery{Committee: scope.committee, Meeting: scope.meeting, AsOf: scope.asOf})
		if err != nil {
			return "", err
		}
		return "the agenda tracker for the " + a.MeetingLabel() + " meeting", export.WriteFile(path, false, func(w io.Writer) error { return a.Write(w, f) })
	case export.FormatICS:
		c, err := export.LoadCalendar(ctx, api, export.CalendarQuery{Committee: scope.committee, Council: scope.council, AsOf: scope.asOf})
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d calendar events", len(c.Events)), export.WriteFile(path, false, func(w io.Writer) error { return c.WriteICS(w, now) })
	}
	l, err := export.LoadActionLog(ctx, api, export.LogQuery{RecordQuery: index.RecordQuery{
		AsOf: scope.asOf, Committee: scope.committee, Council: scope.council, From: scope.meeting, To: scope.meeting}})
	if err != nil {
		return "", err
	}
	what := "the action log"
	if !scope.meeting.IsZero() {
		what = fmt.Sprintf("the action log of the %s meeting (%d rows)", scope.meeting, len(l.Rows))
	}
	return what, export.WriteFile(path, false, func(w io.Writer) error { return l.WriteForFile(w, f) })
}
