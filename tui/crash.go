package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// When the TUI has a bug. A panic anywhere in the TUI's code (Update,
// View, or a command run off the UI goroutine) is caught, written with its
// stack to a crash log, and ends the program the ordinary way, so that
// bubbletea gives the terminal back as it found it; Run then returns a
// *CrashError that names the log. A fatal runtime error (a stack
// overflow, a concurrent map write) cannot be caught: the runtime writes
// it, as it dies, to a file this process keeps open for the purpose
// (debug.SetCrashOutput), and the next start of the TUI reports it.

// CrashError is what Run returns when the TUI stopped on an internal
// error: what went wrong, and the log holding the details.
type CrashError struct {
	Value string // the panic's value, on one line
	Log   string // the crash log's path; "" when it could not be written
}

func (e *CrashError) Error() string {
	if e.Log == "" {
		return "the terminal UI stopped on an internal error: " + e.Value
	}
	return "the terminal UI stopped on an internal error: " + e.Value + "; the details are in " + e.Log +
		" (please send that file with a report of what you were doing)"
}

// panicMsg carries a panic caught in a command back to the UI goroutine.
type panicMsg struct {
	value any
	stack []byte
}

// crashState is the root model's record of a crash.
type crashState struct {
	dir string      // where crash logs go
	err *CrashError // set once the TUI has crashed
}

// crashed records a caught panic: it writes the crash log and returns
// the command that ends the program. Only the first crash is recorded.
func (m *Model) crashed(value any, stack []byte, where string) tea.Cmd {
	if m.crash.err != nil {
		return tea.Quit
	}
	v := oneLine(fmt.Sprint(value))
	m.crash.err = &CrashError{Value: v}
	var b strings.Builder
	fmt.Fprintf(&b, "minutebook terminal UI: internal error in %s at %s\n\n", where, time.Now().Format(time.RFC3339))
	fmt.Fprintf(&b, "panic: %v\n\n", value)
	fmt.Fprintf(&b, "view %s, window %dx%d, as of %s\n\n", viewNames[m.active], m.width, m.height, m.sh.asOf)
	b.Write(stack)
	if info, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "\n%s %s %s\n", info.Main.Path, info.Main.Version, info.GoVersion)
	}
	if path, err := writeCrashLog(m.crash.dir, b.String()); err == nil {
		m.crash.err.Log = path
	}
	return tea.Quit
}

// writeCrashLog writes a crash report to a new file in dir (the system's
// temporary folder when dir is "" or cannot be made) and returns its path.
func writeCrashLog(dir, report string) (string, error) {
	name := "crash-" + time.Now().Format("20060102-150405") + "-" + strconv.Itoa(os.Getpid()) + ".log"
	for _, d := range []string{dir, os.TempDir()} {
		if d == "" || os.MkdirAll(d, 0o700) != nil {
			continue
		}
		path := filepath.Join(d, name)
		if err := os.WriteFile(path, []byte(report), 0o600); err == nil {
			return path, nil
		}
	}
	return "", errors.New("no folder to write the crash log to")
}

// guard wraps a command so that a panic in it comes back as a panicMsg
// instead of taking the program down; a batch's commands are wrapped in
// turn when it runs.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{value: r, stack: debug.Stack()}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = guard(c)
			}
			return out
		}
		return msg
	}
}

// fatalLog is the file a fatal runtime error is written to while the TUI
// runs (see the top of this file).
type fatalLog struct {
	f *os.File
}

const fatalSuffix = ".fatal"

// openFatalLog opens this process's fatal-error file in dir and hands it
// to the runtime. It returns nil when that cannot be done; the TUI runs
// all the same.
func openFatalLog(dir string) *fatalLog {
	if dir == "" || os.MkdirAll(dir, 0o700) != nil {
		return nil
	}
	f, err := os.OpenFile(filepath.Join(dir, "tui-"+strconv.Itoa(os.Getpid())+fatalSuffix), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil
	}
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	return &fatalLog{f: f}
}

// close stops sending fatal errors to the file and removes it: the
// program ended without one.
func (l *fatalLog) close() {
	if l == nil {
		return
	}
	_ = debug.SetCrashOutput(nil, debug.CrashOptions{})
	name := l.f.Name()
	l.f.Close()
	os.Remove(name)
}

// earlierFatal looks in dir for the file of an earlier TUI that died of a
// fatal error, keeps it as a crash log and returns the log's path ("" when
// there is none). Empty files (a TUI still running, or one killed
// outright) are left, and removed once a month old.
func earlierFatal(dir string) string {
	if dir == "" {
		return ""
	}
	files, _ := filepath.Glob(filepath.Join(dir, "tui-*"+fatalSuffix))
	found := ""
	for _, name := range files {
		fi, err := os.Stat(name)
		if err != nil {
			continue
		}
		if fi.Size() == 0 {
			if time.Since(fi.ModTime()) > 30*24*time.Hour {
				os.Remove(name)
			}
			continue
		}
		log := strings.TrimSuffix(name, fatalSuffix) + "-" + fi.ModTime().Format("20060102-150405") + ".log"
		if os.Rename(name, log) == nil {
			found = log
		}
	}
	return found
}
