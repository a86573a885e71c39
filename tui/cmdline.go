package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// The command line: : (from any view but a text field) opens a prompt in
// place of the status line and the help bar, as in vi. It takes
//
//	check FILE   check draft minutes before they go out (the check view)
//	check        check the document the meeting shown in the meetings
//	             view came from
//	quit         leave
//
// A command it does not know, or a check with nothing to check, keeps
// the prompt open and says why.

// cmdHint is the command line's hint.
const cmdHint = "check FILE: check draft minutes · check: the meeting shown · q: quit" // one line at 80 columns

// errNoChecker is the check view's error when the TUI was given no
// Checker.
var errNoChecker = errors.New("this program cannot check documents from the TUI: run minutebook check FILE in a terminal")

// openCommand opens the command line.
func (m *Model) openCommand() tea.Cmd {
	return m.command.start(0, ":", "", cmdHint)
}

// commandKey handles a key while the command line is open.
func (m *Model) commandKey(msg tea.KeyMsg) tea.Cmd {
	res := m.command.update(msg)
	switch {
	case res.cancelled:
		return nil
	case !res.submitted:
		return res.cmd
	}
	return m.runCommand(strings.TrimSpace(res.value))
}

// runCommand does what the command line says.
func (m *Model) runCommand(text string) tea.Cmd {
	word, arg, _ := strings.Cut(text, " ")
	arg = strings.TrimSpace(arg)
	switch strings.ToLower(word) {
	case "":
		m.command.close()
		return nil
	case "check", "c":
		t, err := m.checkTarget(arg)
		if err != nil {
			m.command.fail(err.Error())
			return nil
		}
		m.command.close()
		return tea.Batch(m.open(navMsg{to: viewCheck}), m.check.start(t))
	case "q", "quit":
		return tea.Quit
	}
	// every command there is, short enough for 80 columns
	m.command.fail("no command “" + oneLine(word) + "” · :check FILE · :check (the meeting shown) · :q quits")
	return nil
}

// checkTarget is what :check ARG is of: the file ARG, or with no ARG the
// meeting the meetings view shows.
func (m *Model) checkTarget(arg string) (checkTarget, error) {
	if arg == "" {
		if m.active == viewMeetings {
			if s, ok := m.meetings.shownMeeting(); ok {
				label := s.Committee + " " + s.Date.String()
				if s.SourceName != "" {
					label += " (" + s.SourceName + ")"
				}
				return checkTarget{meetingID: s.ID, label: label}, nil
			}
		}
		return checkTarget{}, errors.New("check what? :check FILE, or choose a meeting in the meetings view (3) and type :check")
	}
	path := arg
	if len(path) >= 2 && (path[0] == '"' && path[len(path)-1] == '"' || path[0] == '\'' && path[len(path)-1] == '\'') {
		path = path[1 : len(path)-1]
	}
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	return checkTarget{path: path, label: arg}, nil
}
