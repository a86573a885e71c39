// Command minutebook keeps a council's committee minutes: it parses them
// into resolutions, actions and follow-ups, indexes them for search, and
// shows what is due back to committee.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// app carries what every subcommand shares: the output streams and the
// global flags.
type app struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	libraryDir     string // --library, or MINUTEBOOK_LIBRARY
	noColor        bool
}

// subcommands are added by each command's file in an init function, so
// that commands can be written side by side without editing this file.
var subcommands []func(*app) *cobra.Command

// rootRun is what plain `minutebook` does (open the TUI); it is set by the
// file that wires the TUI.
var rootRun func(ctx context.Context, a *app) error

// exitError carries an exit code other than 1 (2 for a partial import,
// for example) with a message that has already been printed, or not.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err (if any) as one line on stderr and returns the code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			return code
		}
	}
	fmt.Fprintln(stderr, "minutebook:", err)
	return code
}

// run is main without the process: tests call it with their own streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	a := &app{stdout: stdout, stderr: stderr, stdin: stdin}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return root.ExecuteContext(ctx)
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "minutebook",
		Short: "Committee minutes: resolutions, actions and what is due back",
		Long: `minutebook reads council committee minutes, pulls out resolutions, actions
and follow-ups, indexes them for search, and shows what is due back to
committee. Run it with no command to open the terminal UI.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if rootRun == nil {
				return cmd.Help()
			}
			return rootRun(cmd.Context(), a)
		},
	}
	root.PersistentFlags().StringVar(&a.libraryDir, "library", os.Getenv("MINUTEBOOK_LIBRARY"),
		"library directory (default: the XDG data directory; or set MINUTEBOOK_LIBRARY)")
	root.PersistentFlags().BoolVar(&a.noColor, "no-color", os.Getenv("NO_COLOR") != "", "no colour (also NO_COLOR)")
	root.PersistentFlags().StringVar(&pdfEngine, "pdf-engine", pdfEngine,
		`how to read PDFs: "builtin" (PDFium, no install needed) or "pdftotext" (poppler, if installed); or set MINUTEBOOK_PDF_ENGINE`)
	for _, sub := range subcommands {
		root.AddCommand(sub(a))
	}
	return root
}
