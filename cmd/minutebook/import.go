package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// documentExts are the files import picks out of a folder. A file named
// on the command line is always tried, whatever its name.
var documentExts = map[string]bool{".txt": true, ".text": true, ".pdf": true, ".docx": true, ".htm": true, ".html": true, ".xhtml": true}

// importFile is what happened to one file, for the summary and --json.
type importFile struct {
	Path      string `json:"path"`
	MeetingID string `json:"meeting_id,omitempty"`
	Duplicate bool   `json:"duplicate"`
	Replaced  bool   `json:"replaced"`
	// Council is the council the meeting is filed under; CouncilNamed
	// the one its minutes name when --council gave another; Refiled
	// says a file already imported was filed under --council anew.
	Council      *string `json:"council"`
	CouncilNamed *string `json:"council_named,omitempty"`
	Refiled      bool    `json:"refiled,omitempty"`
	Items        int     `json:"items"`
	Records      int     `json:"records"`
	Warnings     int     `json:"warnings"`
	Error        string  `json:"error,omitempty"`
	err          error   // nil when imported
}

func newImportCmd(a *app) *cobra.Command {
	var (
		asJSON bool
		opt    index.ImportOptions
	)
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Import minutes (files, and folders searched recursively) into the library",
		Long: `Import minutes into the library: each PATH is a file (text, PDF, Word .docx
or HTML) or a folder, searched recursively for such files.

Importing is idempotent: a file already imported adds nothing. A corrected
version of minutes already imported replaces that meeting's items and
records; the tracking on them (status, owner, due date, notes) is kept.
Each file is imported whole or not at all. A file that cannot be imported
is named on standard error with the reason and the others still import.

Every meeting belongs to a council: the one its minutes name, or, for
minutes that name none, the one --council gives. Minutes that name another
council than --council keep the council they name (a warning says so)
unless --force-council is given. The council given is kept with each file,
so that minutebook reparse files the meetings the same way. Importing
files already in the library with another --council files them under it.

Exit status: 0 when every file imported (or was already there), 2 when
some failed, 1 when none could be imported.`,
		Example: `  minutebook import ~/minutes/
  minutebook import --council "Harrow Council" harrow/          # minutes that do not name their council
  minutebook import --council "Brent Council" --force-council brent/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opt.Check(); err != nil {
				return fmt.Errorf("--council: %w", err)
			}
			return runImport(cmd.Context(), a, args, opt, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what happened to each file as JSON")
	cmd.Flags().StringVar(&opt.Council, "council", "", `the council the minutes are of, for minutes that do not name it ("Harrow Council")`)
	cmd.Flags().BoolVar(&opt.ForceCouncil, "force-council", false, "file the minutes under --council even when they name another council")
	return cmd
}

// pdfPreparing is what a command on a terminal says while the PDF reader
// compiles, the first time a machine reads a PDF.
const pdfPreparing = "preparing the PDF reader (once, a few seconds)…"

func runImport(ctx context.Context, a *app, paths []string, opt index.ImportOptions, asJSON bool) error {
	files, skipped, err := findDocuments(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no minutes found in %s: minutebook imports .txt, .pdf, .docx and .html files", safe(strings.Join(paths, ", ")))
	}
	lib, err := openLibrary(ctx, a, "import", true)
	if err != nil {
		return err
	}
	defer lib.Close()

	progress := isTerminal(a.stderr) && !asJSON
	lastWidth := 0
	show := func(s string) {
		if !progress {
			return
		}
		pad := ""
		if n := len([]rune(s)); n < lastWidth {
			pad = strings.Repeat(" ", lastWidth-n)
		}
		fmt.Fprint(a.stderr, "\r"+s+pad)
		lastWidth = len([]rune(s))
	}
	clearProgress := func() {
		if progress && lastWidth > 0 {
			fmt.Fprint(a.stderr, "\r"+strings.Repeat(" ", lastWidth)+"\r")
			lastWidth = 0
		}
	}

	var results []importFile
	var stopped error
	for i, path := range files {
		if err := ctx.Err(); err != nil {
			stopped = err
			break
		}
		show(fmt.Sprintf("Importing %d/%d %s", i+1, len(files), cell(filepath.Base(path), 50)))
		r := importFile{Path: path}
		name, data, err := readInput(a, path)
		if err == nil && progress && extract.IsPDF(data) && !extract.PDFReaderPrepared(documentLimits(a.pdfEngine)) {
			show(fmt.Sprintf("Importing %d/%d %s · %s", i+1, len(files), cell(filepath.Base(path), 30), pdfPreparing))
		}
		if err == nil {
			var res index.ImportResult
			res, err = lib.ImportWith(ctx, name, data, opt)
			if err == nil {
				r.MeetingID, r.Duplicate, r.Replaced = res.MeetingID, res.Duplicate, res.Replaced
				r.Items, r.Records, r.Warnings = res.Items, res.Records, len(res.Warnings)
				r.Council, r.CouncilNamed, r.Refiled = minutes.NullIfEmpty(res.Council), minutes.NullIfEmpty(res.CouncilNamed), res.Refiled
				if res.CouncilNamed != "" && !asJSON {
					clearProgress()
					fmt.Fprintln(a.stderr, "minutebook:", councilNotice(path, res, opt))
				}
			} else if !isLibraryError(err) {
				err = documentError(path, err)
			}
		}
		if err != nil && ctx.Err() != nil { // interrupted: this file was not imported, and that is all
			stopped = ctx.Err()
			break
		}
		if err != nil {
			r.err, r.Error = err, err.Error()
			clearProgress()
			fmt.Fprintln(a.stderr, "minutebook:", safe(err.Error()))
			if isLibraryError(err) { // the next file would fail the same way
				results = append(results, r)
				stopped = err
				break
			}
		}
		results = append(results, r)
	}
	clearProgress()

	// Bring the search index up to date now, unless another process
	// holds it: that process catches up by itself.
	if stopped == nil {
		show("Updating the search index…")
		err := lib.Sync(ctx, false)
		clearProgress()
		var be *index.BusyError
		switch {
		case errors.As(err, &be):
			if !asJSON {
				fmt.Fprintf(a.stderr, "minutebook: the search index is open in %q (process %d); it will take in the new minutes itself\n", safe(be.Holder.Command), be.Holder.PID)
			}
		case err != nil:
			fmt.Fprintln(a.stderr, "minutebook: the minutes are imported but the search index could not be updated:", safe(err.Error()), "(run minutebook reindex)")
		}
		show("Working out the due board…")
		prepareDueBoard(ctx, lib)
		clearProgress()
	}

	failed, imported := 0, 0
	for _, r := range results {
		if r.err != nil {
			failed++
		} else {
			imported++
		}
	}
	if asJSON {
		if results == nil {
			results = []importFile{}
		}
		if err := writeJSON(a.stdout, results); err != nil {
			return err
		}
	} else {
		printImportSummary(a, results, skipped, len(files))
	}
	if errors.Is(stopped, context.Canceled) {
		return &exitError{2, fmt.Errorf("interrupted after %s; run the same import again to finish (what is imported is skipped)", plural(imported, "file"))}
	}
	switch {
	case stopped != nil && imported == 0:
		return &exitError{1, fmt.Errorf("import stopped: %w", stopped)}
	case stopped != nil:
		return &exitError{2, fmt.Errorf("import stopped after %s: %w", plural(imported, "file"), stopped)}
	case failed > 0 && imported == 0:
		return &exitError{1, fmt.Errorf("no file could be imported (the reasons are above)")}
	case failed > 0:
		return &exitError{2, fmt.Errorf("%d of %d files could not be imported (the reasons are above); the other %d were imported", failed, len(files), len(files)-failed)}
	}
	return nil
}

// councilNotice says what became of the council --council gave minutes
// that name another.
func councilNotice(path string, res index.ImportResult, opt index.ImportOptions) string {
	name := safe(extract.DisplayName(path))
	if opt.ForceCouncil {
		return fmt.Sprintf("%s: the minutes name the council %q; filed under %q (--force-council)", name, safe(res.CouncilNamed), safe(res.Council))
	}
	return fmt.Sprintf("%s: the minutes name the council %q, not %q: filed under %q (give --force-council to file them under %q)",
		name, safe(res.CouncilNamed), safe(opt.Council), safe(res.CouncilNamed), safe(opt.Council))
}

func printImportSummary(a *app, results []importFile, skipped, total int) {
	var added, dup, refiled, replaced, items, records, warned, failed int
	for _, r := range results {
		switch {
		case r.err != nil:
			failed++
		case r.Refiled:
			dup++
			refiled++
		case r.Duplicate:
			dup++
		default:
			added++
			items += r.Items
			records += r.Records
			if r.Replaced {
				replaced++
			}
			if r.Warnings > 0 {
				warned++
			}
		}
	}
	fmt.Fprintf(a.stdout, "Imported %s: %s, %s, %s.\n", plural(added, "file"), plural(added, "meeting"), plural(items, "item"), plural(records, "record"))
	if replaced > 0 {
		fmt.Fprintf(a.stdout, "%s replaced an earlier version of the same meeting; its tracking was kept.\n", plural(replaced, "file"))
	}
	if dup > 0 {
		fmt.Fprintf(a.stdout, "%s already in the library.\n", isAre(dup, "file was", "files were"))
	}
	if refiled > 0 {
		fmt.Fprintf(a.stdout, "%s parsed again with the council given; tracking was kept.\n", isAre(refiled, "of them was", "of them were"))
	}
	if warned > 0 {
		fmt.Fprintf(a.stdout, "%s had parts the parser was unsure of: minutebook parse FILE shows them.\n", plural(warned, "file"))
	}
	if failed > 0 {
		fmt.Fprintf(a.stdout, "%s could not be imported (see above).\n", plural(failed, "file"))
	}
	if skipped > 0 {
		fmt.Fprintf(a.stdout, "%s in the folders skipped: not text, PDF, Word or HTML.\n", isAre(skipped, "other file was", "other files were"))
	}
	if n := total - len(results); n > 0 {
		fmt.Fprintf(a.stdout, "%s not tried.\n", isAre(n, "file was", "files were"))
	}
}

// isLibraryError reports whether err is the library's (a full disk, a
// read-only or damaged store) rather than the document's.
func isLibraryError(err error) bool {
	for _, e := range []error{index.ErrDiskFull, index.ErrReadOnly, index.ErrDamaged, index.ErrBusy} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// findDocuments lists the files to import: files named as they are, and
// the documents in folders (recursively, in name order, hidden files and
// folders left out). It returns how many other files the folders held.
func findDocuments(paths []string) ([]string, int, error) {
	var files []string
	skipped := 0
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, 0, fmt.Errorf("cannot read %s: %w", extract.DisplayName(p), unwrapPathError(err))
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type().IsRegular() && documentExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			} else {
				skipped++
			}
			return nil
		})
		if err != nil {
			return nil, 0, fmt.Errorf("cannot read the folder %s: %w", extract.DisplayName(p), unwrapPathError(err))
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, skipped, nil
}

// isAre says "1 file was" or "3 files were".
func isAre(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// prepareDueBoard works out the library's due board after an import or a
// sync, so that the snapshot written as the library closes
// (index/snapshot.go) is of the new generation: the next `minutebook
// due` or TUI start then reads it and not every record in the store
// (at 4,500 meetings some 70 ms of CPU rather than 400). The board is
// derived: when it cannot be worked out here, the next `due` says why.
func prepareDueBoard(ctx context.Context, lib *index.Library) {
	_, _ = lib.Due(ctx, index.DueQuery{})
}
