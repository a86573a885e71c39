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
	"sync"
	"time"

	"github.com/adrg/xdg"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes"
	sampledata "github.com/minutebook/minutebook/sample-data"
	"github.com/minutebook/minutebook/tui"
)

// Plain `minutebook` opens the TUI on the user's library, or, when there
// is none yet (or it holds no meetings), on the bundled sample minutes in
// a sample library of their own (see sampleDir), kept between runs so
// that edits made while trying minutebook out are still there next time.
// The samples never go into the user's library.

// sampleBanner is what the TUI says when it shows the samples.
const sampleBanner = "Sample minutes, not your library · to use your own: minutebook import PATH"

// backgroundWait bounds the wait for the terminal to say what colour its
// background is; the library opens meanwhile.
const backgroundWait = 150 * time.Millisecond

func runTUI(ctx context.Context, a *app) error {
	if !isTerminal(a.stdout) {
		return errors.New("the terminal UI needs a terminal; for text output use minutebook due, search or show (see minutebook --help)")
	}
	waitBackground := tui.DetectBackground(backgroundWait)
	tui.SetColour(a.noColor)
	notices := &noticeLog{}
	lib, banner, closeLib, err := openForTUI(ctx, a.libraryDir, notices, a.documentParser(), a.pdfEngine)
	waitBackground()
	if err != nil {
		return err
	}
	opt := tui.Options{Banner: banner, NoColor: a.noColor, CrashDir: filepath.Join(xdg.StateHome, "minutebook")}
	if l, ok := lib.(*index.Library); ok {
		opt.Checker = tuiChecker{a: a, lib: l}
		if banner == "" {
			opt.Syncer = librarySyncer{lib: l, logf: notices.logf}
		}
	}
	err = tui.Run(ctx, lib, opt)
	if cerr := closeLib(); err == nil {
		err = cerr
	}
	notices.print(a)
	return err
}

// openForTUI opens the library in dir (the default library when ""); when
// it does not exist or holds no meetings, it opens a temporary library of
// the bundled samples instead and returns the banner that says so. The
// returned function closes the library and removes a temporary one.
func openForTUI(ctx context.Context, dir string, notices *noticeLog,
	parse func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error), pdfEngine string) (tui.Library, string, func() error, error) {
	if dir == "" {
		dir = index.DefaultDir()
	}
	opt := index.Options{Parse: parse, ReadLimits: documentLimits(pdfEngine), Logf: notices.logf, Command: "minutebook (TUI)"}
	if exists(dir) {
		lib, err := index.Open(ctx, dir, opt)
		if err != nil {
			return nil, "", nil, fmt.Errorf("open the library %s: %w", dir, err)
		}
		cs, err := lib.Committees(ctx) // cheaper than listing every meeting
		var srcs []index.Source
		if err == nil {
			srcs, err = lib.Sources(ctx)
		}
		if err != nil {
			lib.Close()
			return nil, "", nil, fmt.Errorf("read the library %s: %w", dir, err)
		}
		if len(cs) > 0 || len(srcs) > 0 { // a library with sources is the user's, even before its first sync
			return lib, "", lib.Close, nil
		}
		if err := lib.Close(); err != nil {
			return nil, "", nil, err
		}
	}
	return openSamples(ctx, opt)
}

// sampleDir is where the sample library lives between runs, so that a
// clerk trying minutebook out sees their edits when they open it again:
// $XDG_STATE_HOME/minutebook/samples, apart from the user's own library.
// MINUTEBOOK_SAMPLES chooses another folder.
func sampleDir() string {
	if d := os.Getenv("MINUTEBOOK_SAMPLES"); d != "" {
		return d
	}
	return filepath.Join(xdg.StateHome, "minutebook", "samples")
}

// openSamples opens the sample library, importing the bundled sample
// minutes into it (importing is idempotent, so a second start adds
// nothing and keeps the edits made on the samples). When that folder
// cannot be used, the samples go into a temporary library instead.
func openSamples(ctx context.Context, opt index.Options) (tui.Library, string, func() error, error) {
	dir, temporary := sampleDir(), false
	lib, err := (*index.Library)(nil), os.MkdirAll(dir, 0o700)
	if err == nil {
		lib, err = index.Open(ctx, dir, opt)
	}
	if err != nil {
		opt.Logf("the sample library %s could not be used (%v); using a temporary one, so edits will not be kept", dir, err)
		if dir, err = os.MkdirTemp("", "minutebook-samples-"); err != nil {
			return nil, "", nil, fmt.Errorf("make a folder for the sample library: %w", err)
		}
		temporary = true
		if lib, err = index.Open(ctx, dir, opt); err != nil {
			os.RemoveAll(dir)
			return nil, "", nil, fmt.Errorf("open the sample library: %w", err)
		}
	}
	closeLib := func() error {
		err := lib.Close()
		if temporary {
			if rerr := os.RemoveAll(dir); err == nil {
				err = rerr
			}
		}
		return err
	}
	n, err := importSamples(ctx, lib, sampledata.FS)
	if err == nil && n == 0 {
		if cs, cerr := lib.Committees(ctx); cerr != nil || len(cs) == 0 {
			err = errors.New("no sample minutes are bundled in this build")
		}
	}
	if err != nil {
		closeLib()
		return nil, "", nil, err
	}
	return lib, sampleBanner, closeLib, nil
}

// importSamples imports every .txt file of fsys as a sample (under its
// council, when the minutes do not name it: sampledata.Councils) and
// returns how many meetings it added.
func importSamples(ctx context.Context, lib *index.Library, fsys fs.FS) (int, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			names = append(names, path)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read the bundled samples: %w", err)
	}
	sort.Strings(names)
	n := 0
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return n, fmt.Errorf("read the bundled sample %s: %w", name, err)
		}
		res, err := lib.ImportSample(ctx, name, data, index.ImportOptions{Council: sampledata.Councils[name]})
		if err != nil {
			// One sample the parser refuses should not hide the others.
			continue
		}
		n += res.Meetings
	}
	return n, nil
}

func exists(dir string) bool {
	_, err := os.Stat(dir)
	return err == nil
}

// noticeLog keeps the library's notices while the TUI has the screen and
// prints them when it closes.
type noticeLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *noticeLog) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *noticeLog) print(a *app) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.lines {
		fmt.Fprintln(a.stderr, "minutebook:", s)
	}
}

// librarySyncer lets the TUI list the library's sources and sync them
// all (S), as minutebook sync does.
type librarySyncer struct {
	lib  *index.Library
	logf func(format string, args ...any)
}

func (s librarySyncer) Sources(ctx context.Context) ([]index.Source, error) {
	return s.lib.Sources(ctx)
}

func (s librarySyncer) SyncAll(ctx context.Context, progress func(index.SyncProgress)) (string, error) {
	srcs, err := s.lib.Sources(ctx)
	if err != nil {
		return "", err
	}
	if len(srcs) == 0 {
		return "", errors.New("no sources: add one with minutebook sources add URL") // a flash, in 80 columns
	}
	var parts []string
	failed := false
	for _, src := range srcs {
		res, err := s.lib.SyncSource(ctx, src, index.SyncOptions{UserAgent: moderngov.DefaultUserAgent(version), Progress: progress, Logf: s.logf})
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		part := src.Label() + ": " + res.Summary()
		if err != nil {
			part, failed = src.Label()+": "+err.Error(), true
		} else if res.Failed > 0 {
			failed = true
		}
		parts = append(parts, part)
	}
	summary := strings.Join(parts, "; ")
	if failed {
		return summary, errors.New(summary + " (minutebook sync names the meetings that failed)")
	}
	return summary, nil
}
