package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/minutebook/minutebook/minutes"
)

// What the search index is built from: every meeting (its attendance),
// item and record, with what is shown and filtered on.

// FeedMeeting is a meeting as the search index sees it.
type FeedMeeting struct {
	ID, Council, Committee, CommitteeKey string
	CouncilKey                           string // its committee's council (CouncilKey); "" when not known
	Date                                 string // YYYY-MM-DD, or ""
	Attendance                           minutes.Attendance
}

// FeedDoc is one meeting, item or record to index. Owner, Due and Status
// are a record's effective ones (the clerk's where set); items and
// meetings have none.
type FeedDoc struct {
	ID      string
	Kind    string // a minutes.Kind, "item" or "meeting"
	Meeting *FeedMeeting
	Minute  string
	Title   string
	Text    string // a record's text, an item's body; "" for a meeting
	Owner   string
	Due     string
	Status  minutes.Status // "" for resolutions, items and meetings; StatusRejected for a record a clerk rejected
}

// StatusRejected is the status the search index gives a record a clerk
// rejected, so that searches leave it out unless asked for it. It is no
// tracking status: nothing else sees it.
const StatusRejected minutes.Status = "rejected"

// Feed calls fn on the documents of the meetings ids (every meeting, when
// all is set), meetings first, then items, then records. Run it in a Read
// for one snapshot.
func (q Q) Feed(ctx context.Context, ids []string, all bool, fn func(FeedDoc) error) error {
	where, args := "", []any{}
	if !all {
		where, args = " WHERE m.id IN (SELECT value FROM json_each(?))", []any{jsonList(ids)}
	}
	meetings := map[string]*FeedMeeting{}
	var order []*FeedMeeting
	rows, err := q.q.QueryContext(ctx, `SELECT m.id, m.council, m.committee, m.committee_key, coalesce(c.council_key, ''), m.date, m.attendance
		FROM meetings m LEFT JOIN committees c ON c.key = m.committee_key`+where, args...)
	err = each(rows, err, func(s scanner) error {
		m := &FeedMeeting{}
		var att string
		if err := s.Scan(&m.ID, &m.Council, &m.Committee, &m.CommitteeKey, &m.CouncilKey, &m.Date, &att); err != nil {
			return err
		}
		_ = json.Unmarshal([]byte(att), &m.Attendance)
		meetings[m.ID] = m
		order = append(order, m)
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range order {
		if err := fn(FeedDoc{ID: m.ID, Kind: "meeting", Meeting: m}); err != nil {
			return err
		}
	}
	rows, err = q.q.QueryContext(ctx, "SELECT i.id, i.meeting_id, i.number, i.title, i.body FROM items i JOIN meetings m ON m.id = i.meeting_id"+where, args...)
	err = each(rows, err, func(s scanner) error {
		d := FeedDoc{Kind: "item"}
		var meeting string
		if err := s.Scan(&d.ID, &meeting, &d.Minute, &d.Title, &d.Text); err != nil {
			return err
		}
		d.Meeting = meetings[meeting]
		return fn(d)
	})
	if err != nil {
		return err
	}
	rows, err = q.q.QueryContext(ctx, `SELECT r.id, r.meeting_id, r.kind, r.text, i.number, i.title, r.owner, r.due, t.status, t.owner, t.due, r.rejected
		FROM records r JOIN meetings m ON m.id = r.meeting_id JOIN items i ON i.id = r.item_id LEFT JOIN tracking t ON t.record_id = r.id`+where, args...)
	return each(rows, err, func(s scanner) error {
		var d FeedDoc
		var meeting string
		var tStatus, tOwner, tDue sql.NullString
		var rejected bool
		if err := s.Scan(&d.ID, &meeting, &d.Kind, &d.Text, &d.Minute, &d.Title, &d.Owner, &d.Due, &tStatus, &tOwner, &tDue, &rejected); err != nil {
			return err
		}
		d.Meeting = meetings[meeting]
		if d.Kind != string(minutes.KindResolution) {
			d.Status = minutes.StatusOpen
			if tStatus.Valid {
				d.Status = minutes.Status(tStatus.String)
			}
		}
		if tOwner.Valid {
			d.Owner = tOwner.String
		}
		if tDue.Valid {
			d.Due = tDue.String
		}
		if rejected {
			d.Status = StatusRejected
		}
		return fn(d)
	})
}
