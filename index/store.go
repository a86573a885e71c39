package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The store is a SQLite database, the library's source of truth. Its file
// is the library's marker: a directory is a library when it holds
// storeFile with our application_id.
const (
	storeFile     = "minutebook.db"
	applicationID = 0x6d6e626b // "mnbk"
	// SchemaVersion is the store schema this minutebook writes. A store
	// with a higher version was written by a newer minutebook.
	SchemaVersion = 2
	busyTimeout   = 5 * time.Second
)

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit one that has shipped: add another.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE meta (key TEXT PRIMARY KEY, value ANY NOT NULL);
INSERT INTO meta (key, value) VALUES ('generation', 0);

-- Every imported document, by content hash, so the library can be parsed again.
CREATE TABLE sources (
	hash        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	size        INTEGER NOT NULL,
	data        BLOB NOT NULL,
	imported_at TEXT NOT NULL,
	sample      INTEGER NOT NULL DEFAULT 0
);

-- Parsed meetings, items and records: replaced wholesale by a re-import or
-- re-parse. Nothing here cascades into tracking.
CREATE TABLE meetings (
	id           TEXT PRIMARY KEY,
	council      TEXT NOT NULL,
	committee    TEXT NOT NULL,
	date         TEXT NOT NULL,
	start_time   TEXT NOT NULL,
	end_time     TEXT NOT NULL,
	attendance   TEXT NOT NULL,
	next_meeting TEXT NOT NULL,
	warnings     TEXT NOT NULL,
	source_hash  TEXT NOT NULL,
	source_name  TEXT NOT NULL,
	parsed_hash  TEXT NOT NULL,
	sample       INTEGER NOT NULL DEFAULT 0,
	gen          INTEGER NOT NULL
);
CREATE INDEX meetings_committee ON meetings (committee, date);
CREATE INDEX meetings_source ON meetings (source_hash);

CREATE TABLE items (
	id           TEXT PRIMARY KEY,
	meeting_id   TEXT NOT NULL,
	ord          INTEGER NOT NULL,
	number       TEXT NOT NULL,
	title        TEXT NOT NULL,
	body         TEXT NOT NULL,
	exempt       INTEGER NOT NULL,
	line         INTEGER NOT NULL,
	declarations TEXT NOT NULL
);
CREATE INDEX items_meeting ON items (meeting_id, ord);

CREATE TABLE records (
	id          TEXT PRIMARY KEY,
	meeting_id  TEXT NOT NULL,
	item_id     TEXT NOT NULL,
	ord         INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	part        TEXT NOT NULL,
	text        TEXT NOT NULL,
	line        INTEGER NOT NULL,
	owner       TEXT NOT NULL,
	due         TEXT NOT NULL,
	due_meeting TEXT NOT NULL,
	provisional INTEGER NOT NULL,
	target      TEXT NOT NULL
);
CREATE INDEX records_meeting ON records (meeting_id, ord);
CREATE INDEX records_kind ON records (kind, meeting_id);

-- The clerks' tracking, keyed by record ID. A snapshot of the record taken
-- when it was first tracked lets an orphan (a record a re-parse no longer
-- finds) still be shown. Rows are never deleted.
CREATE TABLE tracking (
	record_id  TEXT PRIMARY KEY,
	status     TEXT NOT NULL,
	owner      TEXT,
	due        TEXT,
	updated_at TEXT NOT NULL,
	last_note  TEXT NOT NULL,
	kind       TEXT NOT NULL,
	meeting_id TEXT NOT NULL,
	committee  TEXT NOT NULL,
	minute     TEXT NOT NULL,
	text       TEXT NOT NULL
);
CREATE TRIGGER tracking_kept BEFORE DELETE ON tracking
BEGIN SELECT RAISE(ABORT, 'tracking is never deleted'); END;

-- Append-only history of every tracking change and note.
CREATE TABLE history (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	record_id TEXT NOT NULL,
	at        TEXT NOT NULL,
	who       TEXT NOT NULL,
	field     TEXT NOT NULL,
	old       TEXT NOT NULL,
	new       TEXT NOT NULL
);
CREATE INDEX history_record ON history (record_id, seq);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- A clerk's decisions about follow-ups coming back: confirmed = 1 links the
-- follow-up to the item that answers it; 0 says the item does not.
CREATE TABLE links (
	followup_id TEXT NOT NULL,
	item_id     TEXT NOT NULL,
	confirmed   INTEGER NOT NULL,
	at          TEXT NOT NULL,
	PRIMARY KEY (followup_id, item_id)
);

-- Which meetings each generation touched, so the search index can catch up.
CREATE TABLE changes (gen INTEGER NOT NULL, meeting_id TEXT NOT NULL);
CREATE INDEX changes_gen ON changes (gen);
`,
	// 2: Modern.gov sources, their sync state, and source addresses.
	syncSchema,
}

// Errors the library returns; test with errors.Is. Each is wrapped with a
// message that says what to do.
var (
	ErrNotLibrary   = errors.New("not a minutebook library")
	ErrNewerLibrary = errors.New("library written by a newer minutebook")
	ErrReadOnly     = errors.New("library is read-only")
	ErrDiskFull     = errors.New("disk is full")
	ErrBusy         = errors.New("library is busy")
	ErrNotFound     = errors.New("not found")
	ErrDamaged      = errors.New("library store is damaged")
)

// store wraps the SQLite database: a single writer connection (so this
// process's writes queue in Go rather than on SQLite's lock) and a pool of
// readers, which WAL lets run alongside any writer.
type store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
}

func storeDSN(path string, write bool) string {
	q := "?_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(0)" +
		"&_pragma=cache_size(-32768)&_pragma=mmap_size(268435456)"
	if write {
		q += "&_txlock=immediate"
	}
	return path + q
}

// openStore opens (creating when new) the store at path; path ":memory:"
// gives a private in-memory store.
func openStore(ctx context.Context, path string) (*store, error) {
	s := &store{path: path}
	if path == ":memory:" {
		db, err := sql.Open("sqlite", ":memory:?_pragma=foreign_keys(0)")
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
		s.writer, s.reader = db, db
	} else {
		if strings.ContainsAny(path, "?#") {
			return nil, fmt.Errorf("library path %q: it may not contain ? or #; choose another folder with --library", path)
		}
		w, err := sql.Open("sqlite", storeDSN(path, true))
		if err != nil {
			return nil, err
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		r, err := sql.Open("sqlite", storeDSN(path, false))
		if err != nil {
			w.Close()
			return nil, err
		}
		r.SetMaxOpenConns(4)
		r.SetMaxIdleConns(4)
		s.writer, s.reader = w, r
	}
	if err := s.migrate(ctx); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *store) close() error {
	var err error
	if s.reader != nil && s.reader != s.writer {
		err = s.reader.Close()
	}
	if s.writer != nil {
		if e := s.writer.Close(); err == nil {
			err = e
		}
	}
	return err
}

// migrate checks the store is ours and brings its schema up to date.
func (s *store) migrate(ctx context.Context) error {
	var appID, version int
	if err := s.writer.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return s.wrap("open the store", err)
	}
	if err := s.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.wrap("open the store", err)
	}
	if appID != applicationID {
		var tables int
		if err := s.writer.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return s.wrap("open the store", err)
		}
		if appID != 0 || tables != 0 {
			return fmt.Errorf("%s is a SQLite database but not a minutebook store: %w; choose another folder with --library", s.path, ErrNotLibrary)
		}
	}
	if version > len(migrations) {
		return fmt.Errorf("%s has schema version %d but this minutebook knows only up to %d: %w; install a newer minutebook to open it", s.path, version, len(migrations), ErrNewerLibrary)
	}
	for v := version; v < len(migrations); v++ {
		err := s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
				return err
			}
			if v == 0 {
				if _, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('library_id', ?), ('created', ?)",
					newToken(), time.Now().UTC().Format(time.RFC3339)); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1))
			return err
		})
		if err != nil {
			return s.wrap("upgrade the store", err)
		}
	}
	return nil
}

// write runs fn in one write transaction (BEGIN IMMEDIATE on files) and
// commits. It returns only once the commit is on disk (synchronous=FULL).
func (s *store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// read runs fn in one read transaction: a consistent snapshot.
func (s *store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.reader.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// bump increments the generation inside tx and notes which meetings the
// change touched.
func bump(ctx context.Context, tx *sql.Tx, meetingIDs ...string) (int64, error) {
	var gen int64
	if err := tx.QueryRowContext(ctx, "UPDATE meta SET value = value + 1 WHERE key = 'generation' RETURNING value").Scan(&gen); err != nil {
		return 0, err
	}
	for _, id := range meetingIDs {
		if _, err := tx.ExecContext(ctx, "INSERT INTO changes (gen, meeting_id) VALUES (?, ?)", gen, id); err != nil {
			return 0, err
		}
	}
	return gen, nil
}

func generation(ctx context.Context, q queryer) (int64, error) {
	var gen int64
	err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'generation'").Scan(&gen)
	return gen, err
}

func metaString(ctx context.Context, q queryer, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	return v, err
}

// queryer is what *sql.DB and *sql.Tx share.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// wrap turns SQLite and OS errors into ones that say what to do.
func (s *store) wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("%s: cannot write to %s: %w; check the folder's permissions, or choose another library with --library", what, s.path, ErrReadOnly)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%s: %w (writing %s); free some space and try again — nothing was half-written", what, ErrDiskFull, s.path)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%s: %w: another minutebook process held the store for over %s; try again when it has finished", what, ErrBusy, busyTimeout)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s: %s: %w (%v); restore it from a backup, or move it aside and import again", what, s.path, ErrDamaged, err)
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("%s: cannot open %s (%v); check the folder exists and can be written, or choose another with --library", what, s.path, err)
		case sqlite3.SQLITE_IOERR:
			if errors.Is(err, syscall.ENOSPC) {
				return fmt.Errorf("%s: %w (writing %s); free some space and try again", what, ErrDiskFull, s.path)
			}
		}
	}
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%s: %w (writing %s); free some space and try again", what, ErrDiskFull, s.path)
	}
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%s: cannot write to %s: %w; check the folder's permissions, or choose another library with --library", what, s.path, ErrReadOnly)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// userError is an error in what the caller asked for, not in the store.
type userError struct{ err error }

func (e *userError) Error() string { return e.err.Error() }
func (e *userError) Unwrap() error { return e.err }

func userErrorf(format string, args ...any) error { return &userError{fmt.Errorf(format, args...)} }

// wrapUser is wrap for errors that may be the caller's: those pass through.
func (s *store) wrapUser(what string, err error) error {
	var ue *userError
	var ce *collisionError
	if err == nil || errors.As(err, &ue) || errors.As(err, &ce) || errors.Is(err, ErrNotFound) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return s.wrap(what, err)
}

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
	if _, err := os.Stat(dir + string(os.PathSeparator) + storeFile); err != nil {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return dirErr(dir, err)
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") {
				return fmt.Errorf("%s holds other files and no %s: %w; choose an empty or new folder with --library", dir, storeFile, ErrNotLibrary)
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
