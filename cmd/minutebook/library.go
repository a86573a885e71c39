package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// This file holds what the library commands (import, reparse, reindex,
// search, due, show, set) share: opening the library and printing safely.

// openLibrary opens --library (or the default library) for a command.
// With create unset, a library that does not exist yet is an error that
// says how to make one, rather than an empty library made on the spot.
func openLibrary(ctx context.Context, a *app, command string, create bool) (*index.Library, error) {
	dir := a.libraryDir
	if dir == "" {
		dir = index.DefaultDir()
	}
	if !create {
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("there is no library at %s: import minutes first (minutebook import PATH), or give --library DIR", safe(dir))
		}
	}
	lib, err := index.Open(ctx, dir, index.Options{
		Parse:      a.documentParser(),
		ReadLimits: documentLimits(a.pdfEngine),
		Logf: func(format string, args ...any) {
			fmt.Fprintln(a.stderr, "minutebook:", safe(fmt.Sprintf(format, args...)))
		},
		Command: "minutebook " + command,
	})
	if err != nil {
		return nil, fmt.Errorf("open the library %s: %w", safe(dir), err)
	}
	return lib, nil
}

// isTerminal reports whether w is a terminal (not a pipe, file or /dev/null).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// safe makes text from documents, file names or the store fit to print:
// minutes.Sanitize, the one sanitiser (the parser applies it at import;
// this is the second guard).
func safe(s string) string { return minutes.Sanitize(s) }

// cell makes text fit one cell of a table: sanitised, on one line, at most
// n runes (0: no limit), "-" when empty.
func cell(s string, n int) string {
	s = minutes.SanitizeLine(s)
	if n > 0 {
		if r := []rune(s); len(r) > n {
			s = string(r[:n-1]) + "…"
		}
	}
	if s == "" {
		return "-"
	}
	return s
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// dateFlag reads a date flag in the grammar every prompt of the TUI takes
// too (minutes.ParseUserDate): 2022-06-21, 21/06/2022, 21 June 2022,
// today, +2w, friday … Steps and dates without a year count from today.
// "" is the zero Date (the flag's default).
func dateFlag(flag, s string) (minutes.Date, error) {
	return dateFlagAt(flag, s, minutes.DateOf(time.Now()), minutes.Date{})
}

// dateFlagAt is dateFlag with today given, and the next meeting "next"
// stands for (zero when the command knows none).
func dateFlagAt(flag, s string, today, next minutes.Date) (minutes.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return minutes.Date{}, nil
	}
	d, err := minutes.ParseUserDate(s, minutes.DateContext{Today: today, NextMeeting: next})
	switch {
	case errors.Is(err, minutes.ErrNoNextMeeting):
		return d, fmt.Errorf("%s next: the library knows no next meeting here; give a date such as %s", flag, minutes.UserDateForms)
	case err != nil:
		return d, fmt.Errorf("%s %w", flag, err)
	}
	return d, nil
}

// plural says "1 meeting" or "3 meetings".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
