package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/minutebook/minutebook/minutes"
)

// What the library's flagging model reads: each meeting's committee and
// dates, and committees' items for return matching.

// MeetingDates is one meeting as the flagging model reads it.
type MeetingDates struct {
	ID, Committee, CommitteeKey, Council string
	Date, Next                           minutes.Date // held; the next meeting its minutes state
	SourceName, SourceHash               string       // the document it was read from
	Dated                                bool         // the store holds a date for it (CommitteeItems lists its items)
	// Gen is the generation it was stored at: its items and the parse
	// of its records are as they were then (tracking and corrections
	// change later without moving it).
	Gen int64
}

// MeetingDates lists every meeting by date, committee and ID.
func (q Q) MeetingDates(ctx context.Context) ([]MeetingDates, error) {
	return q.meetingDates(ctx, "1 ORDER BY date, committee, id")
}

// MeetingDatesOf lists the meetings of these IDs the store holds, in no
// order.
func (q Q) MeetingDatesOf(ctx context.Context, ids []string) ([]MeetingDates, error) {
	return q.meetingDates(ctx, "id IN (SELECT value FROM json_each(?))", jsonList(ids))
}

func (q Q) meetingDates(ctx context.Context, where string, args ...any) ([]MeetingDates, error) {
	var out []MeetingDates
	rows, err := q.q.QueryContext(ctx, "SELECT id, committee, committee_key, council, date, next_meeting, source_name, source_hash, gen FROM meetings WHERE "+where, args...)
	err = each(rows, err, func(s scanner) error {
		var m MeetingDates
		var date, next string
		err := s.Scan(&m.ID, &m.Committee, &m.CommitteeKey, &m.Council, &date, &next, &m.SourceName, &m.SourceHash, &m.Gen)
		m.Date, m.Next, m.Dated = ParseDate(date), ParseDate(next), date != ""
		out = append(out, m)
		return err
	})
	return out, err
}

// ItemRow is one item with its meeting's committee and date.
type ItemRow struct {
	ID, MeetingID, Committee, Number, Title string
	Date                                    minutes.Date
	Ord                                     int // its place in the meeting
}

// CommitteeItems lists the items of the dated meetings of the committee
// with this key, in no order.
func (q Q) CommitteeItems(ctx context.Context, key string) ([]ItemRow, error) {
	var out []ItemRow
	rows, err := q.q.QueryContext(ctx, `SELECT i.id, i.meeting_id, m.committee, i.number, i.title, m.date, i.ord FROM items i
		JOIN meetings m ON m.id = i.meeting_id WHERE m.committee_key = ? AND m.date <> ''`, key)
	err = each(rows, err, func(s scanner) error {
		it, err := scanItemRow(s)
		out = append(out, it)
		return err
	})
	return out, err
}

// Item reads one item; ErrNotFound when there is none.
func (q Q) Item(ctx context.Context, id string) (ItemRow, error) {
	it, err := scanItemRow(q.q.QueryRowContext(ctx, `SELECT i.id, i.meeting_id, m.committee, i.number, i.title, m.date, i.ord FROM items i
		JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

func scanItemRow(s scanner) (ItemRow, error) {
	var it ItemRow
	var date string
	err := s.Scan(&it.ID, &it.MeetingID, &it.Committee, &it.Number, &it.Title, &date, &it.Ord)
	it.Date = ParseDate(date)
	return it, err
}
