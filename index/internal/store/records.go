package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// Record is a record as the store holds it: what the minutes give, where,
// and the clerk's tracking. The minutes' owner and due date are Owner and
// Due; a clerk's are TrackedOwner and TrackedDue, when set.
type Record struct {
	ID           string
	Kind         minutes.Kind
	Part         string
	Text         string
	MeetingID    string
	Council      string
	Committee    string
	CommitteeKey string
	MeetingDate  minutes.Date
	ItemID       string
	Minute       string
	ItemTitle    string
	Exempt       bool
	SourceName   string
	SourceHash   string
	Line         int
	ItemOrd      int // the item's place in its meeting
	RecOrd       int // the record's place in its item

	Owner       string
	Due         minutes.Date
	DueMeeting  string
	Provisional bool
	Target      minutes.Target

	Status       minutes.Status // "" when never tracked
	OwnerSet     bool           // a clerk set TrackedOwner ("" goes back to the minutes')
	TrackedOwner string
	DueSet       bool // a clerk set TrackedDue
	TrackedDue   minutes.Date
	UpdatedAt    time.Time // zero when never edited
	LastNote     string

	// Orphaned is true for tracking whose record a re-parse no longer
	// gives; only the tracking's snapshot of the record is known.
	Orphaned bool
}

const recordCols = `r.id, r.kind, r.part, r.text, r.meeting_id, m.council, m.committee, m.committee_key, m.date, i.id, i.number, i.title, i.exempt,
	m.source_name, m.source_hash, r.line, r.owner, r.due, r.due_meeting, r.provisional, r.target,
	t.status, t.owner, t.due, t.updated_at, t.last_note, i.ord, r.ord`

const recordFrom = ` FROM records r JOIN meetings m ON m.id = r.meeting_id JOIN items i ON i.id = r.item_id LEFT JOIN tracking t ON t.record_id = r.id `

func scanRecord(s scanner) (Record, error) {
	var r Record
	var date, due, kind, target string
	var tStatus, tOwner, tDue, tUpdated, tNote sql.NullString
	err := s.Scan(&r.ID, &kind, &r.Part, &r.Text, &r.MeetingID, &r.Council, &r.Committee, &r.CommitteeKey, &date, &r.ItemID, &r.Minute, &r.ItemTitle, &r.Exempt,
		&r.SourceName, &r.SourceHash, &r.Line, &r.Owner, &due, &r.DueMeeting, &r.Provisional, &target,
		&tStatus, &tOwner, &tDue, &tUpdated, &tNote, &r.ItemOrd, &r.RecOrd)
	if err != nil {
		return r, err
	}
	r.Kind = minutes.Kind(kind)
	r.Target, _ = minutes.ParseTarget(target) // a form this minutebook does not know: no target
	r.MeetingDate, r.Due = ParseDate(date), ParseDate(due)
	if tStatus.Valid {
		r.Status = minutes.Status(tStatus.String)
		r.OwnerSet, r.TrackedOwner = tOwner.Valid, tOwner.String
		r.DueSet, r.TrackedDue = tDue.Valid, ParseDate(tDue.String)
		r.UpdatedAt, _ = time.Parse(TimeFormat, tUpdated.String)
		r.LastNote = tNote.String
	}
	return r, nil
}

// queryRecords reads the records that match where (SQL over r, m, i and
// t, with args).
func (q Q) queryRecords(ctx context.Context, where string, args ...any) ([]Record, error) {
	var out []Record
	rows, err := q.q.QueryContext(ctx, "SELECT "+recordCols+recordFrom+"WHERE "+where, args...)
	err = each(rows, err, func(s scanner) error {
		r, err := scanRecord(s)
		out = append(out, r)
		return err
	})
	return out, err
}

// Filter selects records: every field given must hold.
type Filter struct {
	Kinds      []minutes.Kind // nil: every kind
	Committees []string       // committee keys; nil: all
	Meetings   []string       // meeting IDs; nil: all
}

// Records reads the records f selects. With ordered set they come in
// meeting order (date, committee, meeting, item, record); otherwise in no
// order, which is cheaper to read.
func (q Q) Records(ctx context.Context, f Filter, ordered bool) ([]Record, error) {
	where, args := "1", []any{}
	if f.Kinds != nil {
		where += " AND r.kind IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(f.Kinds))
	}
	if f.Committees != nil {
		where += " AND m.committee_key IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(f.Committees))
	}
	if f.Meetings != nil {
		where += " AND r.meeting_id IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(f.Meetings))
	}
	if ordered {
		where += " ORDER BY m.date, m.committee, m.id, i.ord, r.ord"
	}
	return q.queryRecords(ctx, where, args...)
}

// Record reads one record, or the tracking of an orphaned one;
// ErrNotFound, with a message, when there is neither.
func (q Q) Record(ctx context.Context, id string) (Record, error) {
	rs, err := q.queryRecords(ctx, "r.id = ?", id)
	if err != nil || len(rs) > 0 {
		if len(rs) > 0 {
			return rs[0], err
		}
		return Record{}, err
	}
	r, err := scanOrphan(q.q.QueryRowContext(ctx, "SELECT "+orphanCols+" FROM tracking t WHERE t.record_id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("no record has the ID %q: %w; find IDs with `minutebook search` or `minutebook due`", id, ErrNotFound)
	}
	return r, err
}

const orphanCols = `t.record_id, t.kind, t.meeting_id, t.committee, t.minute, t.text, t.status, t.owner, t.due, t.updated_at, t.last_note`

func scanOrphan(s scanner) (Record, error) {
	var r Record
	var kind, updated string
	var owner, due sql.NullString
	if err := s.Scan(&r.ID, &kind, &r.MeetingID, &r.Committee, &r.Minute, &r.Text, &r.Status, &owner, &due, &updated, &r.LastNote); err != nil {
		return r, err
	}
	r.Kind = minutes.Kind(kind)
	r.OwnerSet, r.TrackedOwner = true, owner.String
	r.DueSet, r.TrackedDue = due.Valid, ParseDate(due.String)
	r.UpdatedAt, _ = time.Parse(TimeFormat, updated)
	r.Orphaned = true
	return r, nil
}

// Orphans lists tracking whose record no longer exists, by record ID.
func (q Q) Orphans(ctx context.Context) ([]Record, error) {
	var out []Record
	rows, err := q.q.QueryContext(ctx, "SELECT "+orphanCols+
		" FROM tracking t WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = t.record_id) ORDER BY t.record_id")
	err = each(rows, err, func(s scanner) error {
		r, err := scanOrphan(s)
		out = append(out, r)
		return err
	})
	return out, err
}

// HistoryEntry is one line of a record's tracking history.
type HistoryEntry struct {
	At    time.Time
	Who   string
	Field string // "status", "owner", "due", "note", "link"
	Old   string
	New   string
}

// History reads a record's history, oldest first.
func (q Q) History(ctx context.Context, id string) ([]HistoryEntry, error) {
	var out []HistoryEntry
	rows, err := q.q.QueryContext(ctx, "SELECT at, who, field, old, new FROM history WHERE record_id = ? ORDER BY seq", id)
	err = each(rows, err, func(s scanner) error {
		var h HistoryEntry
		var at string
		err := s.Scan(&at, &h.Who, &h.Field, &h.Old, &h.New)
		h.At, _ = time.Parse(TimeFormat, at)
		out = append(out, h)
		return err
	})
	return out, err
}

// Change is a clerk's edit to a record's tracking, already cleaned. Nil
// fields are left alone; a zero Due or an empty Owner goes back to the
// minutes'.
type Change struct {
	Status *minutes.Status
	Owner  *string
	Due    *minutes.Date
	Note   string
}

// Track writes a clerk's change to r's tracking (at, by who) and its
// history, in a write transaction, and reports whether anything changed.
// The history records effective values: the minutes' owner or due date
// where no clerk's is set. The first edit of a record keeps a snapshot of
// it with the tracking, so that an orphan can still be shown.
func (q Q) Track(ctx context.Context, r Record, c Change, at, who string) (bool, error) {
	var exists bool
	var oldOwner, oldDue sql.NullString
	var status string
	err := q.q.QueryRowContext(ctx, "SELECT status, owner, due FROM tracking WHERE record_id = ?", r.ID).Scan(&status, &oldOwner, &oldDue)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		status = string(minutes.StatusOpen)
	case err != nil:
		return false, err
	default:
		exists = true
	}
	type entry struct{ field, old, new string }
	var entries []entry
	newStatus, newOwner, newDue := status, oldOwner, oldDue
	if c.Status != nil && string(*c.Status) != status {
		entries = append(entries, entry{"status", status, string(*c.Status)})
		newStatus = string(*c.Status)
	}
	effective := func(n sql.NullString, minutes string) string {
		if n.Valid {
			return n.String
		}
		return minutes
	}
	if c.Owner != nil {
		newOwner = sql.NullString{String: *c.Owner, Valid: *c.Owner != ""}
		if newOwner != oldOwner {
			entries = append(entries, entry{"owner", effective(oldOwner, r.Owner), effective(newOwner, r.Owner)})
		}
	}
	if c.Due != nil {
		newDue = sql.NullString{String: c.Due.String(), Valid: !c.Due.IsZero()}
		if newDue != oldDue {
			entries = append(entries, entry{"due", effective(oldDue, r.Due.String()), effective(newDue, r.Due.String())})
		}
	}
	if c.Note != "" {
		entries = append(entries, entry{"note", "", c.Note})
	}
	if len(entries) == 0 {
		return false, nil
	}
	if exists {
		upd := "UPDATE tracking SET status = ?, owner = ?, due = ?, updated_at = ?"
		args := []any{newStatus, newOwner, newDue, at}
		if c.Note != "" {
			upd += ", last_note = ?"
			args = append(args, c.Note)
		}
		if _, err := q.q.ExecContext(ctx, upd+" WHERE record_id = ?", append(args, r.ID)...); err != nil {
			return false, err
		}
	} else if _, err := q.q.ExecContext(ctx, `INSERT INTO tracking (record_id, status, owner, due, updated_at, last_note,
		kind, meeting_id, committee, minute, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, newStatus, newOwner, newDue, at, c.Note, string(r.Kind), r.MeetingID, r.Committee, r.Minute, r.Text); err != nil {
		return false, err
	}
	for _, e := range entries {
		if err := q.AddHistory(ctx, r.ID, at, who, e.field, e.old, e.new); err != nil {
			return false, err
		}
	}
	return true, nil
}

// AddHistory appends a line to a record's history.
func (q Q) AddHistory(ctx context.Context, id, at, who, field, old, new string) error {
	_, err := q.q.ExecContext(ctx, "INSERT INTO history (record_id, at, who, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
		id, at, who, field, old, new)
	return err
}

// ConfirmLink records a clerk's word that item answers follow-up f, in
// place of any item confirmed before.
func (q Q) ConfirmLink(ctx context.Context, f, item, at string) error {
	if _, err := q.q.ExecContext(ctx, "DELETE FROM links WHERE followup_id = ? AND confirmed = 1", f); err != nil {
		return err
	}
	_, err := q.q.ExecContext(ctx, "INSERT OR REPLACE INTO links (followup_id, item_id, confirmed, at) VALUES (?, ?, 1, ?)", f, item, at)
	return err
}

// RejectLink records a clerk's word that item does not answer follow-up f.
func (q Q) RejectLink(ctx context.Context, f, item, at string) error {
	_, err := q.q.ExecContext(ctx, "INSERT OR REPLACE INTO links (followup_id, item_id, confirmed, at) VALUES (?, ?, 0, ?)", f, item, at)
	return err
}

// Link is a clerk's decision about a follow-up coming back.
type Link struct {
	FollowUp, Item string
	Confirmed      bool // the item answers it; false: it does not
}

// Links lists every clerk's decision about returns.
func (q Q) Links(ctx context.Context) ([]Link, error) {
	var out []Link
	rows, err := q.q.QueryContext(ctx, "SELECT followup_id, item_id, confirmed FROM links")
	err = each(rows, err, func(s scanner) error {
		var l Link
		err := s.Scan(&l.FollowUp, &l.Item, &l.Confirmed)
		out = append(out, l)
		return err
	})
	return out, err
}

// LinksOf lists the clerk's decisions about one follow-up, by item.
func (q Q) LinksOf(ctx context.Context, followUp string) ([]Link, error) {
	var out []Link
	rows, err := q.q.QueryContext(ctx, "SELECT followup_id, item_id, confirmed FROM links WHERE followup_id = ? ORDER BY item_id", followUp)
	err = each(rows, err, func(s scanner) error {
		var l Link
		err := s.Scan(&l.FollowUp, &l.Item, &l.Confirmed)
		out = append(out, l)
		return err
	})
	return out, err
}

// SetLinks replaces the clerk's decisions about follow-up f: confirmed
// answers it ("" for none), rejected do not; in a write transaction.
func (q Q) SetLinks(ctx context.Context, f, confirmed string, rejected []string, at string) error {
	if _, err := q.q.ExecContext(ctx, "DELETE FROM links WHERE followup_id = ?", f); err != nil {
		return err
	}
	if confirmed != "" {
		if err := q.ConfirmLink(ctx, f, confirmed, at); err != nil {
			return err
		}
	}
	for _, item := range rejected {
		if item == confirmed {
			continue
		}
		if err := q.RejectLink(ctx, f, item, at); err != nil {
			return err
		}
	}
	return nil
}
