package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"
)

// migration is one step of the schema: SQL, then (when set) Go code, in
// one transaction.
type migration struct {
	sql string
	fn  func(ctx context.Context, q Q) error
}

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit one that has shipped: add another.
var migrations = []migration{
	// 1: the first schema.
	{sql: `
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
`},
	// 2: Modern.gov sources, their sync state, and source addresses
	// (sync.go).
	{sql: syncSchema},
	// 3: committees belong to councils (committees.go): each has a key,
	// the prefix of its meetings' IDs, registered here.
	{sql: `
CREATE TABLE committees (
	key         TEXT PRIMARY KEY,
	council_key TEXT NOT NULL,
	slug        TEXT NOT NULL
);
CREATE INDEX committees_council ON committees (council_key, slug);
ALTER TABLE meetings ADD COLUMN committee_key TEXT NOT NULL DEFAULT '';
CREATE INDEX meetings_committee_key ON meetings (committee_key, date);
`, fn: migrateCommittees},
	// 4: the clerks' corrections of the parser (corrections.go), the
	// parser's confidence in each record, and forced edits in the history.
	{sql: correctionsSchema},
	// 5: the council a document's importer named (`import --council`),
	// for minutes that never name their own; a re-parse applies it again.
	{sql: `ALTER TABLE sources ADD COLUMN council TEXT NOT NULL DEFAULT '';`},
	// 6: the clerks' merges and splits of people (peoplecorrections.go).
	{sql: peopleCorrectionsSchema},
	// 7: whether that council is to replace the one the minutes name
	// (`import --force-council`; councils.go).
	{sql: councilsSchema},
	// 8: a local council's tier word joins its council key, so a Town
	// Council and the Borough Council of one town are two councils
	// (committees.go's CouncilKey; councils.go).
	{fn: rekeyCouncils},
}

// migrate checks the store is ours and brings its schema up to date.
func (s *Store) migrate(ctx context.Context) error {
	var appID, version int
	if err := s.writer.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return s.Wrap("open the store", err)
	}
	if err := s.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.Wrap("open the store", err)
	}
	if appID != ApplicationID {
		var tables int
		if err := s.writer.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return s.Wrap("open the store", err)
		}
		if appID != 0 || tables != 0 {
			return fmt.Errorf("%s is a SQLite database but not a minutebook store: %w; choose another folder with --library", s.path, ErrNotLibrary)
		}
	}
	if version > len(migrations) {
		return fmt.Errorf("%s has schema version %d but this minutebook knows only up to %d: %w; install a newer minutebook to open it", s.path, version, len(migrations), ErrNewerLibrary)
	}
	for v := version; v < len(migrations); v++ {
		err := s.Write(ctx, func(q Q) error {
			if sql := migrations[v].sql; sql != "" {
				if _, err := q.q.ExecContext(ctx, sql); err != nil {
					return fmt.Errorf("migration %d: %w", v+1, err)
				}
			}
			if fn := migrations[v].fn; fn != nil {
				if err := fn(ctx, q); err != nil {
					return fmt.Errorf("migration %d: %w", v+1, err)
				}
			}
			if _, err := q.q.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				return err
			}
			if v == 0 {
				if _, err := q.q.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('library_id', ?), ('created', ?)",
					newLibraryID(), time.Now().UTC().Format(time.RFC3339)); err != nil {
					return err
				}
			}
			_, err := q.q.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1))
			return err
		})
		if err != nil {
			return s.Wrap("upgrade the store", err)
		}
	}
	return nil
}

// newLibraryID names a new library, so that a search index built for
// another is recognised.
func newLibraryID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return fmt.Sprint(time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}
