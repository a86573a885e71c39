package index

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// Import adds one document to the library. It is idempotent: bytes the
// library already holds add nothing (Duplicate). A document whose meeting
// the library already holds (the same meeting ID, from other bytes: a
// corrected version) replaces that meeting's parsed items and records;
// the clerks' tracking, kept by record ID, is never touched. Everything a
// file adds is written in one transaction: after a crash the file is either
// wholly in the library or not at all. A document the parser rejects
// changes nothing, and its error is the parser's, unwrapped, so callers
// print the same message `minutebook parse` would.
func (l *Library) Import(ctx context.Context, name string, data []byte) (ImportResult, error) {
	return l.importDoc(ctx, name, data, false)
}

// ImportSample is Import for the bundled sample minutes: their meetings are
// marked Sample so the TUI can say so.
func (l *Library) ImportSample(ctx context.Context, name string, data []byte) (ImportResult, error) {
	return l.importDoc(ctx, name, data, true)
}

func (l *Library) importDoc(ctx context.Context, name string, data []byte, sample bool) (ImportResult, error) {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	res := ImportResult{Name: name, Hash: hash}
	if id, ok, err := l.sourceMeeting(ctx, l.store.reader, hash); err != nil {
		return res, l.store.wrap("import", err)
	} else if ok {
		res.Duplicate, res.MeetingID = true, id
		return res, nil
	}
	m, err := l.parse(ctx, name, data)
	if err != nil {
		return res, err
	}
	m.Source.Name, m.Source.Hash = name, hash // the reader may have given its URL
	p, err := prepare(m)
	if err != nil {
		return res, err
	}
	res.MeetingID = p.id
	err = l.store.write(ctx, func(tx *sql.Tx) error {
		if id, ok, err := l.sourceMeeting(ctx, tx, hash); err != nil {
			return err
		} else if ok { // another process imported it meanwhile
			res.Duplicate, res.MeetingID = true, id
			return nil
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO sources (hash, name, size, data, imported_at, sample) VALUES (?, ?, ?, ?, ?, ?)",
			hash, name, len(data), data, l.now().UTC().Format(timeFormat), sample); err != nil {
			return err
		}
		replaced, touched, err := putMeeting(ctx, tx, p, sample)
		if err != nil {
			return err
		}
		res.Replaced = replaced
		_, err = bump(ctx, tx, touched...)
		return err
	})
	if err != nil {
		var ce *collisionError
		if errors.As(err, &ce) {
			return ImportResult{Name: name, Hash: hash}, ce
		}
		return ImportResult{Name: name, Hash: hash}, l.store.wrap("import", err)
	}
	if !res.Duplicate {
		res.Meetings, res.Items, res.Records = 1, len(m.Items), p.records
		res.Warnings = m.Warnings
	}
	return res, nil
}

// sourceMeeting reports whether the library holds the bytes with this hash,
// and the meeting they gave.
func (l *Library) sourceMeeting(ctx context.Context, q queryer, hash string) (string, bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sources WHERE hash = ?", hash).Scan(&n); err != nil || n == 0 {
		return "", false, err
	}
	var id string
	err := q.QueryRowContext(ctx, "SELECT id FROM meetings WHERE source_hash = ?", hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return id, true, err
}

// parse runs the parser, turning a panic (a parser bug) into an error.
func (l *Library) parse(ctx context.Context, name string, data []byte) (m *minutes.Meeting, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("the parser failed on this document (%v); this is a bug in minutebook: please report it with the file", r)
		}
	}()
	m, err = l.opt.Parse(ctx, name, data)
	if err == nil && m == nil {
		err = errors.New("the parser returned no meeting; this is a bug in minutebook: please report it with the file")
	}
	return m, err
}

// prepared is a parsed meeting checked and ready to store.
type prepared struct {
	m       *minutes.Meeting
	id      string
	itemIDs []string
	records int
	hash    string // fingerprint of the parse, to skip unchanged re-parses
}

// prepare checks what the parser gave: every record has an ID, no ID is
// used twice.
func prepare(m *minutes.Meeting) (*prepared, error) {
	p := &prepared{m: m, id: m.ID(), itemIDs: itemIDs(m)}
	seen := map[string]bool{}
	for i := range m.Items {
		if seen[p.itemIDs[i]] {
			return nil, fmt.Errorf("the parser gave two items the ID %s; this is a bug in minutebook: please report it with the file", p.itemIDs[i])
		}
		seen[p.itemIDs[i]] = true
		for _, r := range m.Items[i].Records() {
			if r.ID == "" || seen[r.ID] {
				return nil, fmt.Errorf("the parser gave a record of item %q the ID %q twice or not at all; this is a bug in minutebook: please report it with the file", m.Items[i].Number, r.ID)
			}
			seen[r.ID] = true
			p.records++
		}
	}
	b, err := json.Marshal((*plainMeeting)(m))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	p.hash = hex.EncodeToString(sum[:])
	return p, nil
}

// plainMeeting is a Meeting without its MarshalJSON: every field, for
// fingerprints.
type plainMeeting minutes.Meeting

// itemIDs gives each item its ID, suffixed the way the parser suffixes
// record IDs when a minute number is printed twice.
func itemIDs(m *minutes.Meeting) []string {
	ids := make([]string, len(m.Items))
	seen := map[string]int{}
	for i := range m.Items {
		base := m.ItemID(i)
		ids[i] = base
		if n := seen[base]; n > 0 {
			ids[i] = base + "-" + strconv.Itoa(n+1)
		}
		seen[base]++
	}
	return ids
}

// collisionError says two different committees' meetings got one ID.
type collisionError struct{ id, have, got string }

func (e *collisionError) Error() string {
	return fmt.Sprintf("its meeting ID %s is already used by a meeting of %q, not %q; the library cannot hold both — please report this", e.id, e.have, e.got)
}

// putMeeting stores a parsed meeting in tx, replacing the meeting of the
// same ID and any other meeting the same source gave before (a re-parse
// that reads the date differently). Tracking, links and history are left
// alone. It returns whether a meeting was replaced and the meeting IDs it
// touched.
func putMeeting(ctx context.Context, tx *sql.Tx, p *prepared, sample bool) (bool, []string, error) {
	m := p.m
	touched := []string{p.id}
	var committee string
	err := tx.QueryRowContext(ctx, "SELECT committee FROM meetings WHERE id = ?", p.id).Scan(&committee)
	replaced := err == nil
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, nil, err
	case committeeKey(committee) != committeeKey(m.Committee):
		return false, nil, &collisionError{p.id, committee, m.Committee}
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM meetings WHERE source_hash = ? AND id <> ?", m.Source.Hash, p.id)
	if err != nil {
		return false, nil, err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return false, nil, err
		}
		touched = append(touched, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, nil, err
	}
	for _, id := range touched {
		for _, q := range []string{"DELETE FROM records WHERE meeting_id = ?", "DELETE FROM items WHERE meeting_id = ?", "DELETE FROM meetings WHERE id = ?"} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return false, nil, err
			}
		}
	}
	att, _ := json.Marshal(m.Attendance)
	warn, _ := json.Marshal(nonNilSlice(m.Warnings))
	if _, err := tx.ExecContext(ctx, `INSERT INTO meetings (id, council, committee, date, start_time, end_time, attendance,
		next_meeting, warnings, source_hash, source_name, parsed_hash, sample, gen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT value FROM meta WHERE key = 'generation') + 1)`,
		p.id, m.Council, m.Committee, m.Date.String(), m.Start, m.End, string(att), m.NextMeeting.String(), string(warn),
		m.Source.Hash, m.Source.Name, p.hash, sample); err != nil {
		return false, nil, err
	}
	itemStmt, err := tx.PrepareContext(ctx, `INSERT INTO items (id, meeting_id, ord, number, title, body, exempt, line, declarations)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return false, nil, err
	}
	defer itemStmt.Close()
	recStmt, err := tx.PrepareContext(ctx, `INSERT INTO records (id, meeting_id, item_id, ord, kind, part, text, line, owner, due,
		due_meeting, provisional, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return false, nil, err
	}
	defer recStmt.Close()
	ord := 0
	for i := range m.Items {
		it := &m.Items[i]
		decl, _ := json.Marshal(nonNilSlice(it.Declarations))
		if _, err := itemStmt.ExecContext(ctx, p.itemIDs[i], p.id, i, it.Number, it.Title, it.Body, it.Exempt, it.Line, string(decl)); err != nil {
			return false, nil, err
		}
		for _, g := range []struct {
			kind minutes.Kind
			list []minutes.Record
		}{{minutes.KindResolution, it.Resolutions}, {minutes.KindAction, it.Actions}, {minutes.KindFollowUp, it.FollowUps}} {
			kind := g.kind
			for _, r := range g.list {
				ord++
				if _, err := recStmt.ExecContext(ctx, r.ID, p.id, p.itemIDs[i], recordOrd(r.ID, ord), string(kind), r.Part, r.Text, r.Line,
					r.Owner, r.Due.String(), r.DueMeeting, r.Provisional, r.Target); err != nil {
					return false, nil, err
				}
			}
		}
	}
	if err := putSourceURLs(ctx, tx, p, touched); err != nil {
		return false, nil, err
	}
	return replaced, touched, nil
}

// recordOrd orders records within a meeting: by item, then resolutions,
// actions, follow-ups, each by ordinal. The ID carries all of that.
func recordOrd(id string, fallback int) int {
	i := strings.LastIndexByte(id, '-')
	if i < 0 || i+2 > len(id) {
		return fallback
	}
	n, err := strconv.Atoi(id[i+2:])
	if err != nil {
		return fallback
	}
	k := map[byte]int{'r': 0, 'a': 1, 'f': 2}[id[i+1]]
	return k*10000 + n
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// committeeKey is how committees are matched: case and spacing ignored.
func committeeKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}

// ReparseResult says what Reparse did.
type ReparseResult struct {
	Sources   int              // documents parsed again
	Changed   int              // meetings whose parse changed
	Unchanged int              // meetings whose parse did not
	Failed    []ReparseFailure // documents the parser now rejects (their meetings are kept as they were)
	Orphans   []Record         // tracking whose record no parse gives any more (kept, never dropped)
}

// ReparseFailure is a stored document the current parser rejects.
type ReparseFailure struct {
	Name, Hash, MeetingID string
	Err                   error
}

// Reparse parses every stored document that backs a meeting again with
// the current parser and stores what changed, one document per
// transaction. Tracking stays attached by record ID; tracking whose
// record no longer exists is kept and listed in Orphans.
func (l *Library) Reparse(ctx context.Context) (ReparseResult, error) {
	var res ReparseResult
	type src struct{ hash, name, meeting, parsed string }
	var srcs []src
	err := l.store.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.hash, s.name, m.id, m.parsed_hash FROM meetings m JOIN sources s ON s.hash = m.source_hash ORDER BY s.rowid`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s src
			if err := rows.Scan(&s.hash, &s.name, &s.meeting, &s.parsed); err != nil {
				return err
			}
			srcs = append(srcs, s)
		}
		return rows.Err()
	})
	if err != nil {
		return res, l.store.wrap("reparse", err)
	}
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var data []byte
		var sample bool
		if err := l.store.reader.QueryRowContext(ctx, "SELECT data, sample FROM sources WHERE hash = ?", s.hash).Scan(&data, &sample); err != nil {
			return res, l.store.wrap("reparse", err)
		}
		res.Sources++
		fail := func(err error) { res.Failed = append(res.Failed, ReparseFailure{s.name, s.hash, s.meeting, err}) }
		m, err := l.parse(ctx, s.name, data)
		if err != nil {
			fail(err)
			continue
		}
		m.Source.Name, m.Source.Hash = s.name, s.hash
		p, err := prepare(m)
		if err != nil {
			fail(err)
			continue
		}
		if p.id == s.meeting && p.hash == s.parsed {
			res.Unchanged++
			continue
		}
		err = l.store.write(ctx, func(tx *sql.Tx) error {
			// Another process may have replaced the meeting meanwhile.
			var cur string
			if err := tx.QueryRowContext(ctx, "SELECT source_hash FROM meetings WHERE id = ?", s.meeting).Scan(&cur); err != nil || cur != s.hash {
				if errors.Is(err, sql.ErrNoRows) {
					err = nil
				}
				return err
			}
			_, touched, err := putMeeting(ctx, tx, p, sample)
			if err != nil {
				return err
			}
			_, err = bump(ctx, tx, touched...)
			return err
		})
		var ce *collisionError
		switch {
		case errors.As(err, &ce):
			fail(ce)
		case err != nil:
			return res, l.store.wrap("reparse "+s.name, err)
		default:
			res.Changed++
		}
	}
	res.Orphans, err = l.Orphans(ctx)
	return res, err
}
