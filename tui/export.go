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

// Exports from the due board (E): the action log, the agenda tracker for
// the chosen committee's next meeting, or a calendar of what is due back —
// the same files `minutebook export` and `minutebook agenda` write, chosen
// by the file's extension. Exempt items are never exported from the TUI.

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
	committee, asOf, api := v.committee, v.sh.asOf, v.sh.api
	if f == export.FormatHTML && committee == "" {
		return nil, errors.New("an agenda tracker is for one committee: choose it with c first")
	}
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		what, err := writeExport(ctx, api, path, f, committee, asOf)
		if err != nil {
			return flashMsg{text: "Export failed: " + err.Error(), isErr: true}
		}
		return flashMsg{text: "Wrote " + what + " to " + path}
	}), nil
}

// writeExport writes one export file, all or nothing.
func writeExport(ctx context.Context, api index.API, path string, f export.Format, committee string, asOf minutes.Date) (string, error) {
	switch f {
	case export.FormatHTML:
		a, err := export.LoadAgenda(ctx, api, export.AgendaQuery{Committee: committee, AsOf: asOf})
		if err != nil {
			return "", err
		}
		return "the agenda tracker", export.WriteFile(path, false, func(w io.Writer) error { return a.Write(w, f) })
	case export.FormatICS:
		c, err := export.LoadCalendar(ctx, api, export.CalendarQuery{Committee: committee, AsOf: asOf})
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d calendar events", len(c.Events)), export.WriteFile(path, false, func(w io.Writer) error { return c.WriteICS(w, time.Now()) })
	}
	l, err := export.LoadActionLog(ctx, api, export.LogQuery{RecordQuery: index.RecordQuery{AsOf: asOf, Committee: committee}})
	if err != nil {
		return "", err
	}
	return "the action log", export.WriteFile(path, false, func(w io.Writer) error { return l.WriteForFile(w, f) })
}
