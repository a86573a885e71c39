package tui

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/minutebook/minutebook/tui/internal/quietinit"
)

// Colour set-up, and why it is done by hand.
//
// bubbletea v1's init function asks lipgloss whether the background is
// dark, and lipgloss asks the terminal (termenv's OSC 11 query), waiting
// up to five seconds for an answer that a pty under `script`, or any
// terminal that does not implement the query, never sends. Every start of
// the binary, CLI commands included, would wait for it. Package quietinit
// keeps TERM at "dumb" while packages initialise, which makes termenv skip
// the query; this init function, which runs after bubbletea's, puts TERM
// back and settles the colour profile and the background explicitly, so
// that nothing asks the terminal later. The TUI then asks once, itself,
// with a short bound (DetectBackground), before the program starts.

func init() {
	quietinit.Restore()
	out := termenv.NewOutput(os.Stdout)
	termenv.SetDefaultOutput(out)
	r := lipgloss.DefaultRenderer()
	r.SetOutput(out)
	r.SetColorProfile(out.EnvColorProfile())
	r.SetHasDarkBackground(darkFromEnv())
}

// darkFromEnv guesses the background from COLORFGBG ("15;0": light text
// on black), which some terminals set; without it, dark.
func darkFromEnv() bool {
	v := os.Getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		if n, err := strconv.Atoi(v[i+1:]); err == nil {
			return n < 7 || n == 8
		}
	}
	return true
}

// SetColour sets the colour profile the TUI draws with: none for
// NO_COLOR (bold, underline and reverse video still carry emphasis when
// the output is a terminal), otherwise what the terminal supports.
func SetColour(noColor bool) {
	if !noColor {
		return
	}
	p := termenv.Ascii
	if term.IsTerminal(os.Stdout.Fd()) {
		p = termenv.ANSI // attributes only: NoColorStyles sets no colours
	}
	lipgloss.SetColorProfile(p)
}

// DetectBackground asks the terminal for its background colour, waiting
// at most timeout for the answer, and starts at once: it returns a
// function that waits for the answer and applies it. Call it while other
// start-up work runs, and call the function before the program starts
// reading the terminal. It asks only when stdin and stdout are a terminal
// in the foreground; when the terminal does not answer in time, the guess
// from COLORFGBG (or dark) stands.
func DetectBackground(timeout time.Duration) (wait func()) {
	if os.Getenv("TERM") == "dumb" || os.Getenv("COLORFGBG") != "" ||
		!term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return func() {} // nothing to ask, or the terminal has said already
	}
	done := make(chan struct{})
	var dark, ok bool
	go func() {
		defer close(done)
		dark, ok = queryBackground(timeout)
	}()
	return func() {
		<-done
		if ok {
			lipgloss.SetHasDarkBackground(dark)
		}
	}
}

// parseOSC11 reads a terminal's answer to OSC 11 ("\x1b]11;rgb:RRRR/GGGG/BBBB"
// ended by BEL or ST) and reports whether the colour is dark.
func parseOSC11(resp []byte) (dark, ok bool) {
	s := string(resp)
	i := strings.Index(s, "]11;")
	if i < 0 {
		return false, false
	}
	s = s[i+4:]
	if end := strings.IndexAny(s, "\x07\x1b"); end >= 0 {
		s = s[:end]
	}
	s = strings.TrimPrefix(s, "rgba:")
	s = strings.TrimPrefix(s, "rgb:")
	parts := strings.Split(s, "/")
	if len(parts) < 3 {
		return false, false
	}
	var c [3]float64
	for j := 0; j < 3; j++ {
		p := parts[j]
		if p == "" || len(p) > 4 {
			return false, false
		}
		n, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		c[j] = float64(n) / float64(uint64(1)<<(4*len(p))-1)
	}
	// perceived lightness, good enough to tell light from dark
	l := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	return l < 0.5, true
}
