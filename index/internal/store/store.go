// Package store is the library's SQLite store, its source of truth: the
// schema and its migrations (schema.go) and every query the library makes
// (meta.go, committees.go, meetings.go, records.go, due.go, feed.go). It
// knows the library's rules only as far as they are storage: which
// committee key a meeting gets, what a clerk's edit writes to the history.
//
// A Store has one writer connection (so this process's writes queue in Go
// rather than on SQLite's lock) and a pool of readers, which WAL lets run
// alongside any writer. Queries are methods of Q, which runs them on the
// reader pool (Store.Q: each its own snapshot) or in a transaction (Read,
// Write).
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The store's file is the library's marker: a directory is a library when
// it holds File with our ApplicationID.
const (
	File          = "minutebook.db"
	ApplicationID = 0x6d6e626b // "mnbk"
	// SchemaVersion is the store schema this minutebook writes. A store
	// with a higher version was written by a newer minutebook.
	SchemaVersion = 8
	// TimeFormat is how times are stored.
	TimeFormat  = time.RFC3339Nano
	busyTimeout = 5 * time.Second
)

// Errors the store returns; test with errors.Is. Each is wrapped with a
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

// Store is the open SQLite database.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
}

// queryer is what *sql.DB and *sql.Tx share.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// Q runs the store's queries: on the reader pool, or in a transaction.
// Writes belong in Store.Write.
type Q struct{ q queryer }

// storeDSN is how the store's connections open the database. No
// connection maps the file into memory (mmap_size 0): importing and
// indexing touch most of the file, and every mapped page (with the
// neighbours the kernel maps with it) counted in the process's resident
// memory, 120 MB of an import's peak at 4,500 meetings. Page caches are
// small, the readers' smaller: their large reads are scans, which a cache
// does not help, and each of up to four holds its own.
func storeDSN(path string, write bool) string {
	q := "?_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(0)&_pragma=mmap_size(0)"
	if write {
		q += "&_txlock=immediate&_pragma=cache_size(-16384)"
	} else {
		q += "&_pragma=cache_size(-8192)"
	}
	return path + q
}

// Open opens (creating when new) the store at path; path ":memory:" gives
// a private in-memory store.
func Open(ctx context.Context, path string) (*Store, error) {
	s := &Store{path: path}
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
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
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

// Path is the database file's path (":memory:" in memory).
func (s *Store) Path() string { return s.path }

// Writer is the writer connection, for tests that need to reach past the
// queries (to fill the disk, say).
func (s *Store) Writer() *sql.DB { return s.writer }

// Q runs queries on the reader pool, each on its own snapshot.
func (s *Store) Q() Q { return Q{s.reader} }

// Write runs fn in one write transaction (BEGIN IMMEDIATE on files) and
// commits. It returns only once the commit is on disk (synchronous=FULL).
func (s *Store) Write(ctx context.Context, fn func(Q) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(Q{tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Read runs fn in one read transaction: a consistent snapshot.
func (s *Store) Read(ctx context.Context, fn func(Q) error) error {
	tx, err := s.reader.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(Q{tx})
}

// Wrap turns SQLite and OS errors into ones that say what to do.
func (s *Store) Wrap(what string, err error) error {
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

// CollisionError says two different committees' meetings got one ID.
type CollisionError struct{ ID, Have, Got string }

func (e *CollisionError) Error() string {
	return fmt.Sprintf("its meeting ID %s is already used by a meeting of %q, not %q; the library cannot hold both — please report this", e.ID, e.Have, e.Got)
}

// jsonList is v as a JSON array, for json_each.
func jsonList[T any](v []T) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// scanner is a row or rows.
type scanner interface{ Scan(dest ...any) error }

// each runs fn on every row of a query.
func each(rows *sql.Rows, err error, fn func(scanner) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
