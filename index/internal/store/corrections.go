package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/minutebook/minutebook/minutes"
)

// The clerks' corrections of the parser: records they added, rejected,
// accepted, or changed the kind or text of. Like tracking they are kept by
// record ID and never deleted; unlike tracking they change the records
// themselves, so they are written to the records table at once and
// applied again to every new parse of the meeting (the index package
// matches them to the new parse by item and text).

const correctionsSchema = `
-- The parser's confidence in a record ('low' sends it to the review queue,
-- with why), whether a clerk rejected it, and where it comes from: '' the
-- parse, 'clerk' added by a clerk, 'kept' corrected by a clerk and no
-- longer given by the parse (kept as the clerk left it).
ALTER TABLE records ADD COLUMN confidence TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN why TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE INDEX records_review ON records (meeting_id) WHERE confidence = 'low' AND rejected = 0;
CREATE INDEX records_kept ON records (meeting_id) WHERE origin <> '';

-- What a clerk said a record is, one row per record ID. NULL in kind,
-- text, owner, due, due_meeting and target: the parser's. parsed_kind and
-- parsed_text are the record as the parser gave it when first corrected
-- ('' for an addition), to find it again in a new parse. Rows are never
-- deleted; an addition taken back is withdrawn.
CREATE TABLE corrections (
	record_id   TEXT PRIMARY KEY,
	meeting_id  TEXT NOT NULL,
	item_id     TEXT NOT NULL,
	added       INTEGER NOT NULL,
	withdrawn   INTEGER NOT NULL DEFAULT 0,
	rejected    INTEGER NOT NULL DEFAULT 0,
	accepted    INTEGER NOT NULL DEFAULT 0,
	kind        TEXT,
	text        TEXT,
	owner       TEXT,
	due         TEXT,
	due_meeting TEXT,
	target      TEXT,
	provisional INTEGER,
	parsed_kind TEXT NOT NULL,
	parsed_text TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX corrections_meeting ON corrections (meeting_id);
CREATE TRIGGER corrections_kept BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted'); END;

-- A change a clerk made over another session's, knowing it.
ALTER TABLE history ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;

-- Meetings stored before the parser's confidence was kept are stored
-- again by the next reparse, even when their parse is unchanged.
UPDATE meetings SET parsed_hash = '';
`

// Correction is what a clerk said one record is.
type Correction struct {
	RecordID  string
	MeetingID string // the meeting and item it belongs to, as last stored
	ItemID    string
	Added     bool // a clerk added the record
	Withdrawn bool // …and took the addition back
	Rejected  bool // not a record at all
	Accepted  bool // the parser's record is right
	// Kind and Text are the clerk's ("" the parser's); Owner, Due,
	// DueMeeting and Target (nil: the parser's) what the clerk gave when
	// adding the record, or what its new kind made of its text.
	Kind        minutes.Kind
	Text        string
	Owner       *string
	Due         *string
	DueMeeting  *string
	Target      *string
	Provisional *bool
	// ParsedKind and ParsedText are the record as the parser gave it when
	// it was first corrected ("" for an addition).
	ParsedKind minutes.Kind
	ParsedText string
	Note       string // why it was rejected
	CreatedAt  string
	UpdatedAt  string
}

const correctionCols = `record_id, meeting_id, item_id, added, withdrawn, rejected, accepted, coalesce(kind, ''), coalesce(text, ''),
	owner, due, due_meeting, target, provisional, parsed_kind, parsed_text, note, created_at, updated_at`

func scanCorrection(s scanner) (Correction, error) {
	var c Correction
	var kind, parsedKind string
	var owner, due, dueMeeting, target sql.NullString
	var provisional sql.NullBool
	err := s.Scan(&c.RecordID, &c.MeetingID, &c.ItemID, &c.Added, &c.Withdrawn, &c.Rejected, &c.Accepted, &kind, &c.Text,
		&owner, &due, &dueMeeting, &target, &provisional, &parsedKind, &c.ParsedText, &c.Note, &c.CreatedAt, &c.UpdatedAt)
	c.Kind, c.ParsedKind = minutes.Kind(kind), minutes.Kind(parsedKind)
	opt := func(n sql.NullString) *string {
		if !n.Valid {
			return nil
		}
		return &n.String
	}
	c.Owner, c.Due, c.DueMeeting, c.Target = opt(owner), opt(due), opt(dueMeeting), opt(target)
	if provisional.Valid {
		c.Provisional = &provisional.Bool
	}
	return c, err
}

// Correction reads the correction of one record; ok is false when a
// clerk never corrected it.
func (q Q) Correction(ctx context.Context, id string) (Correction, bool, error) {
	c, err := scanCorrection(q.q.QueryRowContext(ctx, "SELECT "+correctionCols+" FROM corrections WHERE record_id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Correction{}, false, nil
	}
	return c, err == nil, err
}

// CorrectionsOf reads the corrections of the records of some meetings,
// by record ID (withdrawn additions left out).
func (q Q) CorrectionsOf(ctx context.Context, meetingIDs []string) (map[string]Correction, error) {
	out := map[string]Correction{}
	rows, err := q.q.QueryContext(ctx, "SELECT "+correctionCols+
		" FROM corrections WHERE withdrawn = 0 AND meeting_id IN (SELECT value FROM json_each(?))", jsonList(meetingIDs))
	err = each(rows, err, func(s scanner) error {
		c, err := scanCorrection(s)
		out[c.RecordID] = c
		return err
	})
	return out, err
}

// Corrections reads every correction (withdrawn additions left out), in
// the order they were first made.
func (q Q) Corrections(ctx context.Context) ([]Correction, error) {
	var out []Correction
	rows, err := q.q.QueryContext(ctx, "SELECT "+correctionCols+" FROM corrections WHERE withdrawn = 0 ORDER BY created_at, rowid")
	err = each(rows, err, func(s scanner) error {
		c, err := scanCorrection(s)
		out = append(out, c)
		return err
	})
	return out, err
}

// PutCorrection writes the correction of c.RecordID, in place of the one
// before (in a write transaction).
func (q Q) PutCorrection(ctx context.Context, c Correction) error {
	opt := func(s *string) any {
		if s == nil {
			return nil
		}
		return *s
	}
	var provisional any
	if c.Provisional != nil {
		provisional = *c.Provisional
	}
	nullIfEmpty := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	_, err := q.q.ExecContext(ctx, `INSERT INTO corrections (record_id, meeting_id, item_id, added, withdrawn, rejected, accepted,
		kind, text, owner, due, due_meeting, target, provisional, parsed_kind, parsed_text, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (record_id) DO UPDATE SET meeting_id = excluded.meeting_id, item_id = excluded.item_id, added = excluded.added,
		withdrawn = excluded.withdrawn, rejected = excluded.rejected, accepted = excluded.accepted, kind = excluded.kind,
		text = excluded.text, owner = excluded.owner, due = excluded.due, due_meeting = excluded.due_meeting, target = excluded.target,
		provisional = excluded.provisional, parsed_kind = excluded.parsed_kind, parsed_text = excluded.parsed_text, note = excluded.note, updated_at = excluded.updated_at`,
		c.RecordID, c.MeetingID, c.ItemID, c.Added, c.Withdrawn, c.Rejected, c.Accepted, nullIfEmpty(string(c.Kind)), nullIfEmpty(c.Text),
		opt(c.Owner), opt(c.Due), opt(c.DueMeeting), opt(c.Target), provisional, string(c.ParsedKind), c.ParsedText, c.Note, c.CreatedAt, c.UpdatedAt)
	return err
}

// MoveCorrections records that the records of a re-stored meeting now
// belong to these items and meetings (a re-parse may read a meeting's
// date, and so its ID, differently), by record ID.
func (q Q) MoveCorrections(ctx context.Context, place map[string][2]string) error {
	for id, p := range place {
		if _, err := q.q.ExecContext(ctx, "UPDATE corrections SET meeting_id = ?, item_id = ? WHERE record_id = ? AND (meeting_id <> ? OR item_id <> ?)",
			p[0], p[1], id, p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

// StoredRecords reads every record of some meetings as stored, rejected
// ones included, in meeting and item order: what a new parse of them is
// matched against.
func (q Q) StoredRecords(ctx context.Context, meetingIDs []string) ([]Record, error) {
	return q.queryRecords(ctx, "r.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY i.ord, r.ord", jsonList(meetingIDs))
}

// StoredItem is an item as a new parse's items are matched against.
type StoredItem struct {
	ID, MeetingID, Number, Title, Body string
	Line                               int
}

// StoredItems reads the items of some meetings, in order.
func (q Q) StoredItems(ctx context.Context, meetingIDs []string) ([]StoredItem, error) {
	var out []StoredItem
	rows, err := q.q.QueryContext(ctx, "SELECT id, meeting_id, number, title, body, line FROM items WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, ord",
		jsonList(meetingIDs))
	err = each(rows, err, func(s scanner) error {
		var it StoredItem
		err := s.Scan(&it.ID, &it.MeetingID, &it.Number, &it.Title, &it.Body, &it.Line)
		out = append(out, it)
		return err
	})
	return out, err
}

// UsedIDs lists the record IDs that start with one of these prefixes (an
// item's or a meeting's ID and "-") and that tracking, corrections or
// history were ever kept for: IDs a new record must not take, or it
// would inherit another record's edits.
func (q Q) UsedIDs(ctx context.Context, prefixes []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, p := range prefixes {
		lo, hi := p+"-", p+"."
		for _, sel := range []string{
			"SELECT record_id FROM tracking WHERE record_id >= ? AND record_id < ?",
			"SELECT record_id FROM corrections WHERE record_id >= ? AND record_id < ?",
			"SELECT DISTINCT record_id FROM history WHERE record_id >= ? AND record_id < ?",
			"SELECT id FROM records WHERE id >= ? AND id < ?",
		} {
			rows, err := q.q.QueryContext(ctx, sel, lo, hi)
			err = each(rows, err, func(s scanner) error {
				var id string
				err := s.Scan(&id)
				out[id] = true
				return err
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// RecordEdit is a change a correction makes to one stored record.
type RecordEdit struct {
	Kind        *minutes.Kind
	Text        *string
	Line        *int
	Owner       *string
	Due         *minutes.Date
	DueMeeting  *string
	Target      *minutes.Target
	Provisional *bool
	Rejected    *bool
	Origin      *string
}

// EditRecord changes a stored record as a correction says (and the
// snapshot of it that its tracking keeps), in a write transaction.
func (q Q) EditRecord(ctx context.Context, id string, e RecordEdit) error {
	set, args := "", []any{}
	add := func(col string, v any) {
		if set != "" {
			set += ", "
		}
		set += col + " = ?"
		args = append(args, v)
	}
	if e.Kind != nil {
		add("kind", string(*e.Kind))
	}
	if e.Text != nil {
		add("text", *e.Text)
	}
	if e.Line != nil {
		add("line", *e.Line)
	}
	if e.Owner != nil {
		add("owner", *e.Owner)
	}
	if e.Due != nil {
		add("due", e.Due.String())
	}
	if e.DueMeeting != nil {
		add("due_meeting", *e.DueMeeting)
	}
	if e.Target != nil {
		add("target", e.Target.String())
	}
	if e.Provisional != nil {
		add("provisional", *e.Provisional)
	}
	if e.Rejected != nil {
		add("rejected", *e.Rejected)
	}
	if e.Origin != nil {
		add("origin", *e.Origin)
	}
	if set == "" {
		return nil
	}
	if _, err := q.q.ExecContext(ctx, "UPDATE records SET "+set+" WHERE id = ?", append(args, id)...); err != nil {
		return err
	}
	if e.Kind != nil || e.Text != nil {
		var kind, text any
		if e.Kind != nil {
			kind = string(*e.Kind)
		}
		if e.Text != nil {
			text = *e.Text
		}
		_, err := q.q.ExecContext(ctx, "UPDATE tracking SET kind = coalesce(?, kind), text = coalesce(?, text) WHERE record_id = ?", kind, text, id)
		return err
	}
	return nil
}

// InsertRecord stores a record a clerk added to an item of a stored
// meeting (in a write transaction).
func (q Q) InsertRecord(ctx context.Context, meetingID, itemID string, r minutes.Record) error {
	_, err := q.q.ExecContext(ctx, `INSERT INTO records (id, meeting_id, item_id, ord, kind, part, text, line, owner, due,
		due_meeting, provisional, target, confidence, why, rejected, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', 0, ?)`,
		r.ID, meetingID, itemID, RecordOrd(r.Kind, r.ID, 0), string(r.Kind), r.Part, r.Text, r.Line, r.Owner, r.Due.String(),
		r.DueMeeting, r.Provisional, r.Target.String(), OriginClerk)
	return err
}

// DeleteRecord takes a record a clerk added out of the records (in a
// write transaction): its addition was taken back. Its tracking, if any,
// is kept as ever.
func (q Q) DeleteRecord(ctx context.Context, id string) error {
	_, err := q.q.ExecContext(ctx, "DELETE FROM records WHERE id = ? AND origin = ?", id, OriginClerk)
	return err
}

// StoredItemOf reads one stored item with its meeting's ID; ErrNotFound
// when there is none.
func (q Q) StoredItemOf(ctx context.Context, id string) (StoredItem, error) {
	var it StoredItem
	err := q.q.QueryRowContext(ctx, "SELECT id, meeting_id, number, title, body, line FROM items WHERE id = ?", id).
		Scan(&it.ID, &it.MeetingID, &it.Number, &it.Title, &it.Body, &it.Line)
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

// ReviewFilter selects the review queue.
type ReviewFilter struct {
	Committees []string // committee keys; nil: all
}

// Review reads the records the parser was unsure of that no clerk has
// corrected (accepted, rejected, changed) or closed (done, dropped) yet,
// in meeting order.
func (q Q) Review(ctx context.Context, f ReviewFilter) ([]Record, error) {
	where, args := "r.confidence = 'low' AND r.rejected = 0 AND c.record_id IS NULL AND coalesce(t.status, '') NOT IN ('done', 'dropped')", []any{}
	if f.Committees != nil {
		where += " AND m.committee_key IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(f.Committees))
	}
	return q.queryRecords(ctx, where+" ORDER BY m.date, m.committee, m.id, i.ord, r.ord", args...)
}

// MeetingFacts reads what reading a record's text needs of its meeting:
// its council, committee, date, attendance and next meeting (a Meeting
// with no items); ErrNotFound when there is no such meeting.
func (q Q) MeetingFacts(ctx context.Context, id string) (*minutes.Meeting, error) {
	m := &minutes.Meeting{}
	var date, att, next string
	err := q.q.QueryRowContext(ctx, "SELECT council, committee, date, attendance, next_meeting FROM meetings WHERE id = ?", id).
		Scan(&m.Council, &m.Committee, &date, &att, &next)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	} else if err != nil {
		return nil, err
	}
	m.Date, m.NextMeeting = ParseDate(date), ParseDate(next)
	_ = json.Unmarshal([]byte(att), &m.Attendance)
	return m, nil
}

// Stored reports whether the store holds anything a meeting of ID id
// parsed from the document with this hash would be matched against: a
// meeting of that ID or from that document, or corrections of its
// records.
func (q Q) Stored(ctx context.Context, id, hash string) (bool, error) {
	var n bool
	err := q.q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM meetings WHERE id = ?) OR EXISTS (SELECT 1 FROM meetings WHERE source_hash = ?)
		OR EXISTS (SELECT 1 FROM corrections WHERE meeting_id = ?)`, id, hash, id).Scan(&n)
	return n, err
}

// Replaced lists the meetings that storing a meeting of ID id parsed from
// the document with this hash replaces: the meeting of that ID and any
// other the same document gave before (PutMeeting).
func (q Q) Replaced(ctx context.Context, id, hash string) ([]string, error) {
	out := []string{id}
	rows, err := q.q.QueryContext(ctx, "SELECT id FROM meetings WHERE source_hash = ? AND id <> ?", hash, id)
	err = each(rows, err, func(s scanner) error {
		var m string
		err := s.Scan(&m)
		out = append(out, m)
		return err
	})
	return out, err
}

// Kept lists the records kept from clerks' corrections that the parse of
// their minutes no longer gives (origin kept), rejected ones left out.
func (q Q) Kept(ctx context.Context) ([]Record, error) {
	return q.queryRecords(ctx, "r.origin = ? AND r.rejected = 0 ORDER BY m.date, m.committee, m.id, i.ord, r.ord", OriginKept)
}
