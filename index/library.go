package index

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/adrg/xdg"

	"github.com/minutebook/minutebook/index/internal/search"
	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// Options adjust Open. Every field is optional.
type Options struct {
	// Parse turns a document's bytes into a meeting; nil means
	// minutes.ParseBytes. The CLI passes a parser that also reads PDF,
	// DOCX and HTML. Synced meetings (moderngov bundles) are read by
	// moderngov.ParseBundle whatever Parse is.
	Parse func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error)
	// Now is the clock for tracking timestamps and the default as-of
	// date; nil means time.Now.
	Now func() time.Time
	// Logf receives notices a person should see (the search index was
	// rebuilt, another process holds it); nil discards them.
	Logf func(format string, args ...any)
	// IndexDir is where the bleve index lives; "" means dir/index, and
	// ":memory:" keeps it in memory (for tests: nothing is shared).
	IndexDir string
	// IndexWait is how long to wait for another process to hand over the
	// search index; 0 means DefaultIndexWait.
	IndexWait time.Duration
	// Command names this process in the holder file another process reads
	// when it cannot get the index ("minutebook tui"); "" means the
	// program's name and arguments.
	Command string
	// ReadLimits bound how synced meetings' documents are read (see
	// SyncSource); the zero value means extract's defaults.
	ReadLimits extract.Limits
}

// Errors the library returns; test with errors.Is. Each is wrapped with a
// message that says what to do.
var (
	ErrNotLibrary   = store.ErrNotLibrary
	ErrNewerLibrary = store.ErrNewerLibrary
	ErrReadOnly     = store.ErrReadOnly
	ErrDiskFull     = store.ErrDiskFull
	ErrBusy         = store.ErrBusy
	ErrNotFound     = store.ErrNotFound
	ErrDamaged      = store.ErrDamaged
	ErrBadQuery     = search.ErrBadQuery
)

// SchemaVersion is the store schema this minutebook writes; MappingVersion
// is the search index's mapping. A store of a higher schema version was
// written by a newer minutebook; an index of another mapping version is
// rebuilt.
const (
	SchemaVersion  = store.SchemaVersion
	MappingVersion = search.MappingVersion
)

// DefaultIndexWait is how long a process waits for the search index before
// it reports who holds it.
const DefaultIndexWait = 3 * time.Second

// Library is an open library directory. Its methods are safe for
// concurrent use, and it can be open in several processes at once (see the
// package documentation).
type Library struct {
	dir   string
	opt   Options
	store *store.Store
	token string // names this Library in the index hand-over files

	libraryID string

	imu      sync.RWMutex // guards the search index below
	search   *heldIndex   // nil until first needed, and after a hand-over
	lastTrim time.Time    // when the changes log was last trimmed

	cacheMu  sync.Mutex
	cache    *dueCache
	snapRead bool        // the snapshot was read (or found wanting)
	snapGen  int64       // the generation of the snapshot on disk, as read or written
	peopleC  peopleCache // people.go

	keptCommittees committeesKept             // the committees, for when the model is not needed
	councils       atomic.Pointer[councilsAt] // the councils of the model they were grouped from (council.go)

	closeOnce sync.Once
	closed    chan struct{}
	wg        sync.WaitGroup
}

// DefaultDir is the library directory used when none is given:
// $XDG_DATA_HOME/minutebook (on Linux, ~/.local/share/minutebook).
func DefaultDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "minutebook")
	}
	return filepath.Join(xdg.DataHome, "minutebook")
}

// Open opens the library in dir, creating it when dir is missing or empty.
// dir "" means DefaultDir(); ":memory:" gives a private library in memory,
// for tests. Open does not touch the search index: it is opened (and
// brought up to date) the first time a search needs it, or by Sync.
func Open(ctx context.Context, dir string, opt Options) (*Library, error) {
	if dir == "" {
		dir = DefaultDir()
	}
	if opt.Parse == nil {
		opt.Parse = func(_ context.Context, name string, data []byte) (*minutes.Meeting, error) {
			return minutes.ParseBytes(data, minutes.Options{Name: name})
		}
	}
	opt.Parse = withBundles(opt.Parse, opt.ReadLimits)
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	if opt.IndexWait <= 0 {
		opt.IndexWait = DefaultIndexWait
	}
	if opt.Command == "" {
		opt.Command = commandLine()
	}
	storePath := ":memory:"
	if dir != ":memory:" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("library folder %s: %w", dir, err)
		}
		dir = abs
		if err := checkDir(dir); err != nil {
			return nil, err
		}
		storePath = filepath.Join(dir, store.File)
		if opt.IndexDir == "" {
			opt.IndexDir = filepath.Join(dir, "index")
		}
	} else if opt.IndexDir == "" {
		opt.IndexDir = ":memory:"
	}
	s, err := store.Open(ctx, storePath)
	if err != nil {
		return nil, err
	}
	l := &Library{dir: dir, opt: opt, store: s, token: newToken(), closed: make(chan struct{})}
	if l.libraryID, err = s.Q().LibraryID(ctx); err != nil {
		s.Close()
		return nil, s.Wrap("open the store", err)
	}
	return l, nil
}

// Dir is the library's directory.
func (l *Library) Dir() string { return l.dir }

// Close releases the search index and the store. It waits for nothing but
// this process's own work.
func (l *Library) Close() error {
	var err error
	l.closeOnce.Do(func() {
		close(l.closed)
		l.imu.Lock()
		if l.search != nil {
			err = l.search.close()
			l.search = nil
		}
		l.imu.Unlock()
		l.wg.Wait()
		l.cacheMu.Lock()
		if c := l.cache; c != nil && c.gen != l.snapGen {
			_ = l.writeSnapshot(c) // no harm when it cannot be written
		}
		l.cacheMu.Unlock()
		if e := l.store.Close(); err == nil {
			err = e
		}
	})
	return err
}

// Generation changes whenever any process changes the library.
func (l *Library) Generation(ctx context.Context) (int64, error) {
	g, err := l.store.Q().Generation(ctx)
	return g, l.store.Wrap("read the library", err)
}

func (l *Library) now() time.Time { return l.opt.Now() }

func (l *Library) today() minutes.Date { return minutes.DateOf(l.now()) }

func newToken() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return fmt.Sprint(time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}

func commandLine() string {
	name := filepath.Base(os.Args[0])
	for _, a := range os.Args[1:] {
		if len(name) > 60 {
			break
		}
		name += " " + a
	}
	return name
}

var _ API = (*Library)(nil)

// checkDir decides whether dir can hold a library: it exists (or can be
// made) and is writable, and either holds a store or is empty.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return dirErr(dir, err)
		}
		return nil
	case err != nil:
		return dirErr(dir, err)
	case !fi.IsDir():
		return fmt.Errorf("%s is a file, not a folder: %w; choose a folder with --library", dir, ErrNotLibrary)
	}
	if _, err := os.Stat(dir + string(os.PathSeparator) + store.File); err != nil {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return dirErr(dir, err)
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") {
				return fmt.Errorf("%s holds other files and no %s: %w; choose an empty or new folder with --library", dir, store.File, ErrNotLibrary)
			}
		}
	}
	// Probe that we can write here, so a read-only library fails now and
	// clearly rather than on the first edit.
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return dirErr(dir, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

func dirErr(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write to the library folder %s: %w; check its permissions, or choose another with --library", dir, ErrReadOnly)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("cannot write to the library folder %s: %w; free some space and try again", dir, ErrDiskFull)
	}
	return fmt.Errorf("library folder %s: %w", dir, err)
}

// cleanLine is what a clerk typed for a value shown on one line (an
// owner, a name), sanitised: minutes.SanitizeLine.
func cleanLine(s string) string { return minutes.SanitizeLine(s) }

// cleanText is what a clerk typed for a note, sanitised line by line, its
// line breaks kept.
func cleanText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, ln := range lines {
		lines[i] = cleanLine(ln)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
