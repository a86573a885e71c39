package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// Source documents, meetings, items and records: importing or re-parsing
// replaces a meeting's items and records wholesale, never its tracking,
// links or history.

// SourceMeeting reports whether the store holds the bytes with this hash,
// and the meeting they gave ("" when none does).
func (q Q) SourceMeeting(ctx context.Context, hash string) (string, bool, error) {
	var n int
	if err := q.q.QueryRowContext(ctx, "SELECT count(*) FROM sources WHERE hash = ?", hash).Scan(&n); err != nil || n == 0 {
		return "", false, err
	}
	var id string
	err := q.q.QueryRowContext(ctx, "SELECT id FROM meetings WHERE source_hash = ?", hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return id, true, err
}

// PutSource stores a document's bytes, with the council it was imported
// under (SetSourceCouncil).
func (q Q) PutSource(ctx context.Context, hash, name string, data []byte, at string, sample bool, c SourceCouncil) error {
	_, err := q.q.ExecContext(ctx, "INSERT INTO sources (hash, name, size, data, imported_at, sample, council, force_council) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		hash, name, len(data), data, at, sample, c.Name, c.Force)
	return err
}

// NewMeeting is a parsed meeting ready to store: its IDs worked out.
type NewMeeting struct {
	M          *minutes.Meeting
	ID         string   // the meeting's ID
	Key        string   // its committee's key
	ItemIDs    []string // each item's ID, in order
	ParsedHash string   // fingerprint of the parse, to skip unchanged re-parses
	Sample     bool
	// Marks are what the clerks' corrections make of some records (by
	// ID): rejected, added by a clerk, kept from a correction.
	Marks map[string]RecordMark
}

// RecordMark is what the clerks' corrections make of one record of a
// meeting being stored.
type RecordMark struct {
	Rejected bool
	Origin   string // OriginParser, OriginClerk or OriginKept
}

// PutMeeting stores a parsed meeting, with the addresses it was published
// at, replacing the meeting of the same ID and any other meeting the same
// source gave before (a re-parse that reads the date differently).
// Tracking, links and history are left alone. It
// returns whether a meeting was replaced and the meeting IDs it touched. A
// meeting of the same ID but another committee is a *CollisionError.
func (q Q) PutMeeting(ctx context.Context, p NewMeeting) (bool, []string, error) {
	m := p.M
	var committee string
	err := q.q.QueryRowContext(ctx, "SELECT committee FROM meetings WHERE id = ?", p.ID).Scan(&committee)
	replaced := err == nil
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, nil, err
	case NameKey(committee) != NameKey(m.Committee):
		return false, nil, &CollisionError{p.ID, committee, m.Committee}
	}
	touched, err := q.Replaced(ctx, p.ID, m.Source.Hash)
	if err != nil {
		return false, nil, err
	}
	for _, id := range touched {
		for _, del := range []string{"DELETE FROM records WHERE meeting_id = ?", "DELETE FROM items WHERE meeting_id = ?", "DELETE FROM meetings WHERE id = ?"} {
			if _, err := q.q.ExecContext(ctx, del, id); err != nil {
				return false, nil, err
			}
		}
	}
	att, _ := json.Marshal(m.Attendance)
	warn, _ := json.Marshal(minutes.EmptyIfNil(m.Warnings))
	if _, err := q.q.ExecContext(ctx, `INSERT INTO meetings (id, council, committee, committee_key, date, start_time, end_time, attendance,
		next_meeting, warnings, source_hash, source_name, parsed_hash, sample, gen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT value FROM meta WHERE key = 'generation') + 1)`,
		p.ID, m.Council, m.Committee, p.Key, m.Date.String(), m.Start, m.End, string(att), m.NextMeeting.String(), string(warn),
		m.Source.Hash, m.Source.Name, p.ParsedHash, p.Sample); err != nil {
		return false, nil, err
	}
	itemStmt, err := q.q.PrepareContext(ctx, `INSERT INTO items (id, meeting_id, ord, number, title, body, exempt, line, declarations)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return false, nil, err
	}
	defer itemStmt.Close()
	recStmt, err := q.q.PrepareContext(ctx, `INSERT INTO records (id, meeting_id, item_id, ord, kind, part, text, line, owner, due,
		due_meeting, provisional, target, confidence, why, rejected, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return false, nil, err
	}
	defer recStmt.Close()
	ord := 0
	for i := range m.Items {
		it := &m.Items[i]
		decl, _ := json.Marshal(minutes.EmptyIfNil(it.Declarations))
		if _, err := itemStmt.ExecContext(ctx, p.ItemIDs[i], p.ID, i, it.Number, it.Title, it.Body, it.Exempt, it.Line, string(decl)); err != nil {
			return false, nil, err
		}
		for _, g := range []struct {
			kind minutes.Kind
			list []minutes.Record
		}{{minutes.KindResolution, it.Resolutions}, {minutes.KindAction, it.Actions}, {minutes.KindFollowUp, it.FollowUps}} {
			for _, r := range g.list {
				ord++
				mk := p.Marks[r.ID]
				if _, err := recStmt.ExecContext(ctx, r.ID, p.ID, p.ItemIDs[i], RecordOrd(g.kind, r.ID, ord), string(g.kind), r.Part, r.Text, r.Line,
					r.Owner, r.Due.String(), r.DueMeeting, r.Provisional, r.Target.String(), string(r.Confidence), r.Why, mk.Rejected, mk.Origin); err != nil {
					return false, nil, err
				}
			}
		}
	}
	if err := q.putSourceURLs(ctx, p, touched); err != nil {
		return false, nil, err
	}
	return replaced, touched, nil
}

// RecordOrd orders records within a meeting: by item, then resolutions,
// actions, follow-ups, each by the ordinal in its ID; a record whose kind
// a clerk changed goes after the parser's of the ordinal, and one a clerk
// added ("…-ca1") after the parser's of its kind. fallback places an ID
// of no known form.
func RecordOrd(kind minutes.Kind, id string, fallback int) int {
	rank := map[minutes.Kind]int{minutes.KindResolution: 0, minutes.KindAction: 1, minutes.KindFollowUp: 2}[kind] * 100000
	i := strings.LastIndexByte(id, '-')
	if i < 0 || i+2 > len(id) {
		return rank + 90000 + fallback%10000
	}
	suffix := id[i+1:]
	clerk := strings.HasPrefix(suffix, "c") && len(suffix) > 2
	if clerk {
		suffix = suffix[1:]
	}
	n, err := strconv.Atoi(suffix[1:])
	if err != nil || n < 0 || n >= 4000 {
		return rank + 90000 + fallback%10000
	}
	sub := 0
	if KindLetter(kind) != suffix[0] {
		sub = 1
	}
	if clerk {
		return rank + 50000 + n*10 + sub
	}
	return rank + n*10 + sub
}

// KindLetter is the letter of a kind in record IDs: r, a or f.
func KindLetter(k minutes.Kind) byte {
	switch k {
	case minutes.KindAction:
		return 'a'
	case minutes.KindFollowUp:
		return 'f'
	}
	return 'r'
}

// MeetingSummary is one meeting in a list.
type MeetingSummary struct {
	// ID is the meeting's ID ("osc-2021-12-14"); Council and Committee as
	// its minutes give them; CommitteeKey the committee's key.
	ID           string
	Council      string
	Committee    string
	CommitteeKey string
	Date         minutes.Date
	Items        int
	Records      int
	SourceName   string // the file name of the imported document
	Sample       bool   // from the bundled sample minutes
}

const meetingSummaryCols = `m.id, m.council, m.committee, m.committee_key, m.date, m.source_name, m.sample,
	(SELECT count(*) FROM items i WHERE i.meeting_id = m.id), (SELECT count(*) FROM records r WHERE r.meeting_id = m.id AND r.rejected = 0)`

func scanSummary(s scanner) (MeetingSummary, error) {
	var ms MeetingSummary
	var date string
	err := s.Scan(&ms.ID, &ms.Council, &ms.Committee, &ms.CommitteeKey, &date, &ms.SourceName, &ms.Sample, &ms.Items, &ms.Records)
	ms.Date = ParseDate(date)
	return ms, err
}

// MeetingSummaries lists the meetings of the committees with these keys
// (nil: every meeting), newest first.
func (q Q) MeetingSummaries(ctx context.Context, keys []string) ([]MeetingSummary, error) {
	sel := "SELECT " + meetingSummaryCols + " FROM meetings m"
	var args []any
	if keys != nil {
		sel += " WHERE m.committee_key IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(keys))
	}
	out := []MeetingSummary{}
	rows, err := q.q.QueryContext(ctx, sel+" ORDER BY m.date DESC, m.committee", args...)
	err = each(rows, err, func(s scanner) error {
		ms, err := scanSummary(s)
		out = append(out, ms)
		return err
	})
	return out, err
}

// MeetingSummaryOf reads one meeting's summary; ErrNotFound when there is
// no such meeting.
func (q Q) MeetingSummaryOf(ctx context.Context, id string) (MeetingSummary, error) {
	ms, err := scanSummary(q.q.QueryRowContext(ctx, "SELECT "+meetingSummaryCols+" FROM meetings m WHERE m.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return ms, ErrNotFound
	}
	return ms, err
}

// Meeting is a stored meeting with its items.
type Meeting struct {
	MeetingSummary
	Start, End  string
	Attendance  minutes.Attendance
	NextMeeting minutes.Date
	Warnings    []minutes.Warning
	Items       []Item
}

// Item is one item of a stored meeting.
type Item struct {
	ID     string
	Number string
	Title  string
	Body   string
	Exempt bool
}

// Meeting reads one meeting, its items and its records (in item order);
// ErrNotFound when there is none. Run it in a Read for one snapshot.
func (q Q) Meeting(ctx context.Context, id string) (*Meeting, []Record, error) {
	d := &Meeting{}
	var att, warn, next string
	var err error
	d.MeetingSummary, err = scanSummary(q.q.QueryRowContext(ctx, "SELECT "+meetingSummaryCols+" FROM meetings m WHERE m.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	} else if err != nil {
		return nil, nil, err
	}
	if err := q.q.QueryRowContext(ctx, "SELECT start_time, end_time, attendance, warnings, next_meeting FROM meetings WHERE id = ?", id).
		Scan(&d.Start, &d.End, &att, &warn, &next); err != nil {
		return nil, nil, err
	}
	_ = json.Unmarshal([]byte(att), &d.Attendance)
	_ = json.Unmarshal([]byte(warn), &d.Warnings)
	d.NextMeeting = ParseDate(next)
	rows, err := q.q.QueryContext(ctx, "SELECT id, number, title, body, exempt FROM items WHERE meeting_id = ? ORDER BY ord", id)
	err = each(rows, err, func(s scanner) error {
		var it Item
		err := s.Scan(&it.ID, &it.Number, &it.Title, &it.Body, &it.Exempt)
		d.Items = append(d.Items, it)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	recs, err := q.queryRecords(ctx, "r.meeting_id = ? ORDER BY i.ord, r.ord", id)
	return d, recs, err
}

// StoredSource is a stored document that backs a meeting.
type StoredSource struct {
	Hash, Name, MeetingID, ParsedHash string
	Council                           SourceCouncil // the council it was imported under
}

// MeetingSources lists the stored documents that back meetings, in the
// order they were imported.
func (q Q) MeetingSources(ctx context.Context) ([]StoredSource, error) {
	var out []StoredSource
	rows, err := q.q.QueryContext(ctx, `SELECT s.hash, s.name, m.id, m.parsed_hash, s.council, s.force_council
		FROM meetings m JOIN sources s ON s.hash = m.source_hash ORDER BY s.rowid`)
	err = each(rows, err, func(sc scanner) error {
		var s StoredSource
		err := sc.Scan(&s.Hash, &s.Name, &s.MeetingID, &s.ParsedHash, &s.Council.Name, &s.Council.Force)
		out = append(out, s)
		return err
	})
	return out, err
}

// StoredSourceOf is MeetingSources for the one document with this hash;
// ErrNotFound when no meeting comes from it.
func (q Q) StoredSourceOf(ctx context.Context, hash string) (StoredSource, error) {
	var s StoredSource
	err := q.q.QueryRowContext(ctx, `SELECT s.hash, s.name, m.id, m.parsed_hash, s.council, s.force_council
		FROM meetings m JOIN sources s ON s.hash = m.source_hash WHERE s.hash = ?`, hash).
		Scan(&s.Hash, &s.Name, &s.MeetingID, &s.ParsedHash, &s.Council.Name, &s.Council.Force)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, err
}

// SourceData reads a stored document's bytes and whether it is a sample.
func (q Q) SourceData(ctx context.Context, hash string) ([]byte, bool, error) {
	var data []byte
	var sample bool
	err := q.q.QueryRowContext(ctx, "SELECT data, sample FROM sources WHERE hash = ?", hash).Scan(&data, &sample)
	return data, sample, err
}

// MeetingSourceHash is the hash of the document a meeting was parsed
// from; ErrNotFound when there is no such meeting.
func (q Q) MeetingSourceHash(ctx context.Context, id string) (string, error) {
	var hash string
	err := q.q.QueryRowContext(ctx, "SELECT source_hash FROM meetings WHERE id = ?", id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return hash, err
}

// ParseDate reads a stored date; "" and anything unreadable is the zero
// date.
func ParseDate(s string) minutes.Date {
	if s == "" {
		return minutes.Date{}
	}
	d, err := minutes.ParseISODate(s)
	if err != nil {
		return minutes.Date{}
	}
	return d
}
