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
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// app carries what every subcommand shares: the streams, the global flags,
// and the world the commands work in (the clock, the parser the library
// is given, how exports open the library), which tests replace.
type app struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	libraryDir     string // --library, or MINUTEBOOK_LIBRARY
	noColor        bool
	pdfEngine      string // --pdf-engine, or MINUTEBOOK_PDF_ENGINE

	now func() time.Time // the clock for default as-of dates and time stamps
	// parse is the parser the library commands give the library; nil
	// means documents are read as `minutebook parse` reads them.
	parse func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error)
	// openAPI opens the library the export and agenda commands read; the
	// returned function closes it.
	openAPI func(ctx context.Context, a *app) (index.API, func() error, error)
	// beforeSave, when set, runs between an edit's reading the record and
	// saving the change (tests widen the window two processes race in).
	beforeSave func()
}

// newApp is the app of a run on these streams.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, openAPI: openExportLibrary}
}

// documentParser is the parser the library is given.
func (a *app) documentParser() func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
	if a.parse != nil {
		return a.parse
	}
	return documentParser(a.pdfEngine)
}

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
	// The PDF reader compiles itself in a child process (warmpdf.go).
	extract.CompileElsewhere = compilePDFInChild
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
	return newApp(stdin, stdout, stderr).run(ctx, args)
}

// run runs the command line args.
func (a *app) run(ctx context.Context, args []string) error {
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	return root.ExecuteContext(ctx)
}

// newRootCmd is the command line: every subcommand is added here.
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
			return runTUI(cmd.Context(), a)
		},
	}
	root.PersistentFlags().StringVar(&a.libraryDir, "library", os.Getenv("MINUTEBOOK_LIBRARY"),
		"library directory (default: the XDG data directory; or set MINUTEBOOK_LIBRARY)")
	root.PersistentFlags().BoolVar(&a.noColor, "no-color", os.Getenv("NO_COLOR") != "", "no colour (also NO_COLOR)")
	root.PersistentFlags().StringVar(&a.pdfEngine, "pdf-engine", os.Getenv("MINUTEBOOK_PDF_ENGINE"),
		`how to read PDFs: "builtin" (PDFium, no install needed) or "pdftotext" (poppler, if installed); or set MINUTEBOOK_PDF_ENGINE`)
	root.AddCommand(
		newImportCmd(a), newParseCmd(a), newSearchCmd(a), newDueCmd(a), newShowCmd(a), newPeopleCmd(a), newSetCmd(a), newAddCmd(a), newReviewCmd(a), newCorrectionsCmd(a),
		newExportCmd(a), newAgendaCmd(a), newSyncCmd(a), newSourcesCmd(a), newCheckCmd(a), newReparseCmd(a), newReindexCmd(a), newWarmPDFCmd(a),
	)
	return root
}
