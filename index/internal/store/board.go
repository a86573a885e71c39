package store

import (
	"context"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// What the due board reads when it first loads: every tracked record,
// without the columns of its meeting and item, and every item. The
// library joins them itself, from the meetings (MeetingDates) and items
// it reads once, rather than SQLite joining every record to its meeting
// and its item (two index look-ups a record). Both read each row as one
// JSON column (jsonrow.go). Records(ctx, f, false) is the straightforward
// reading these stand in for; the library's tests check they agree.

// boardRecordCols are the record's own columns, its tracking and its
// correction, in the order scanBoardRecord reads them.
const boardRecordCols = `json_array(r.id, r.kind, r.part, r.text, r.meeting_id, r.item_id, r.line, r.owner, r.due, r.due_meeting,
	r.provisional, r.target, r.ord, t.status, t.owner, t.due, t.updated_at, t.last_note,
	r.confidence, r.why, r.rejected, r.origin, c.record_id IS NOT NULL, coalesce(c.accepted, 0))`

// BoardRecords calls fn with each record of these kinds that no clerk
// rejected, in no order, with their tracking and corrections but with only the IDs
// of their meeting and item: Council, Committee, CommitteeKey,
// MeetingDate, SourceName, SourceHash, Minute, ItemTitle, Exempt and
// ItemOrd are left for the caller to fill in. A record whose meeting or
// item the store does not hold is the caller's to drop (Records leaves
// it out).
func (q Q) BoardRecords(ctx context.Context, kinds []minutes.Kind, fn func(*Record)) error {
	// A scan of the table beats the kind index: most of the rows it
	// would find are looked up in the table anyway.
	rows, err := q.q.QueryContext(ctx, `SELECT `+boardRecordCols+` FROM records r NOT INDEXED
		LEFT JOIN tracking t ON t.record_id = r.id LEFT JOIN corrections c ON c.record_id = r.id AND c.withdrawn = 0
		WHERE r.kind IN (SELECT value FROM json_each(?)) AND r.rejected = 0`, jsonList(kinds))
	var jr jsonRow
	var r Record
	return each(rows, err, func(s scanner) error {
		var text string
		if err := s.Scan(&text); err != nil {
			return err
		}
		if err := jr.parse(text); err != nil {
			return err
		}
		scanBoardRecord(&jr, &r)
		fn(&r)
		return nil
	})
}

// scanBoardRecord reads jr into r, as a boardRecordCols row.
func scanBoardRecord(jr *jsonRow, r *Record) {
	*r = Record{
		ID: jr.str(0), Kind: minutes.Kind(jr.str(1)), Part: jr.str(2), Text: jr.str(3), MeetingID: jr.str(4), ItemID: jr.str(5),
		Line: jr.int(6), Owner: jr.str(7), Due: ParseDate(jr.str(8)), DueMeeting: jr.str(9), Provisional: jr.bool(10),
		RecOrd: jr.int(12), Confidence: minutes.Confidence(jr.str(18)), Why: jr.str(19), Rejected: jr.bool(20),
		Origin: jr.str(21), Corrected: jr.bool(22), Accepted: jr.bool(23),
	}
	r.Target, _ = minutes.ParseTarget(jr.str(11))
	if status, ok := jr.nullStr(13); ok {
		r.Status = minutes.Status(status)
		var due string
		r.TrackedOwner, r.OwnerSet = jr.nullStr(14)
		due, r.DueSet = jr.nullStr(15)
		r.TrackedDue = ParseDate(due)
		r.UpdatedAt, _ = time.Parse(TimeFormat, jr.str(16))
		r.LastNote = jr.str(17)
	}
}

// BoardItem is one item as the due board reads it: what a record shows
// of its item, and what return matching needs.
type BoardItem struct {
	ID, MeetingID, Number, Title string
	Ord                          int
	Exempt                       bool
}

// BoardItems reads every item, in no order.
func (q Q) BoardItems(ctx context.Context) ([]BoardItem, error) {
	var n int
	if err := q.q.QueryRowContext(ctx, "SELECT count(*) FROM items").Scan(&n); err != nil {
		return nil, err
	}
	out := make([]BoardItem, 0, n)
	rows, err := q.q.QueryContext(ctx, "SELECT json_array(id, meeting_id, ord, number, title, exempt) FROM items")
	var jr jsonRow
	err = each(rows, err, func(s scanner) error {
		var text string
		if err := s.Scan(&text); err != nil {
			return err
		}
		if err := jr.parse(text); err != nil {
			return err
		}
		out = append(out, BoardItem{ID: jr.str(0), MeetingID: jr.str(1), Ord: jr.int(2), Number: jr.str(3), Title: jr.str(4), Exempt: jr.bool(5)})
		return nil
	})
	return out, err
}
