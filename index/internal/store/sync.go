package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// What syncing from councils' Modern.gov sites keeps: the sites, where each
// of their meetings stands, list answers kept for conditional requests,
// and the addresses meetings and items were published at.

// syncSchema is migration 2.
const syncSchema = `
-- A council's Modern.gov site the library syncs from.
CREATE TABLE sync_sources (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	site        TEXT NOT NULL UNIQUE,           -- normalised address
	council     TEXT NOT NULL DEFAULT '',
	committees  TEXT NOT NULL DEFAULT '[]',     -- JSON: names or IDs to sync; [] = all current committees
	since       TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD: the earliest meetings to sync; '' = a year back
	added_at    TEXT NOT NULL,
	last_sync   TEXT NOT NULL DEFAULT '',       -- when the last sync finished
	last_result TEXT NOT NULL DEFAULT '',       -- its summary
	run_started TEXT NOT NULL DEFAULT '',       -- a sync that started and has not finished (interrupted)
	run_planned INTEGER NOT NULL DEFAULT 0      -- that sync has listed every meeting it will fetch
);

-- Every meeting a source has listed, and where its sync stands.
CREATE TABLE sync_meetings (
	source_id     INTEGER NOT NULL,
	remote_id     TEXT NOT NULL,                -- the site's meeting ID
	committee_id  TEXT NOT NULL,
	committee     TEXT NOT NULL,
	date          TEXT NOT NULL,                -- YYYY-MM-DD; '' when the site's date does not parse
	state         TEXT NOT NULL,                -- pending, imported, unpublished, cancelled, nominutes, failed
	todo          INTEGER NOT NULL DEFAULT 0,   -- to fetch in the current sync
	meeting_id    TEXT NOT NULL DEFAULT '',     -- the library's meeting, once imported
	bundle_hash   TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	checked_at    TEXT NOT NULL DEFAULT '',
	error         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (source_id, remote_id)
);
CREATE INDEX sync_meetings_todo ON sync_meetings (source_id, todo);

-- List answers (GetCommittees, GetMeetings) with their validators.
CREATE TABLE sync_http (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	body          BLOB NOT NULL,
	fetched_at    TEXT NOT NULL
);

-- Where a meeting (id = meeting ID) or an item (id = item ID) was
-- published. Written with the meeting's parse, replaced with it.
CREATE TABLE source_urls (
	id         TEXT PRIMARY KEY,
	meeting_id TEXT NOT NULL,
	url        TEXT NOT NULL
);
CREATE INDEX source_urls_meeting ON source_urls (meeting_id);
`

// SyncSource is a council's Modern.gov site the library syncs from.
type SyncSource struct {
	ID          int64
	Site        string
	Council     string
	Committees  []string
	Since       minutes.Date
	AddedAt     time.Time
	LastSync    time.Time
	LastResult  string
	Interrupted bool
}

const sourceCols = `id, site, council, committees, since, added_at, last_sync, last_result, run_started`

func scanSource(sc scanner) (SyncSource, error) {
	var s SyncSource
	var committees, since, added, last, run string
	if err := sc.Scan(&s.ID, &s.Site, &s.Council, &committees, &since, &added, &last, &s.LastResult, &run); err != nil {
		return s, err
	}
	_ = json.Unmarshal([]byte(committees), &s.Committees)
	s.Since = ParseDate(since)
	s.AddedAt, _ = time.Parse(TimeFormat, added)
	s.LastSync, _ = time.Parse(TimeFormat, last)
	s.Interrupted = run != ""
	return s, nil
}

// SyncSources lists the sites the library syncs from, in the order added.
func (q Q) SyncSources(ctx context.Context) ([]SyncSource, error) {
	out := []SyncSource{}
	rows, err := q.q.QueryContext(ctx, "SELECT "+sourceCols+" FROM sync_sources ORDER BY id")
	err = each(rows, err, func(s scanner) error {
		src, err := scanSource(s)
		out = append(out, src)
		return err
	})
	return out, err
}

// AddSyncSource adds a site, or updates the settings of the one already
// added (only those given: an empty council or committees or a zero since
// leave what is there), in a write transaction; it reports whether the
// source is new.
func (q Q) AddSyncSource(ctx context.Context, site, council string, committees []string, since minutes.Date, at string) (SyncSource, bool, error) {
	cj, _ := json.Marshal(minutes.EmptyIfNil(committees))
	res, err := q.q.ExecContext(ctx, `INSERT INTO sync_sources (site, council, committees, since, added_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (site) DO NOTHING`, site, council, string(cj), since.String(), at)
	if err != nil {
		return SyncSource{}, false, err
	}
	n, _ := res.RowsAffected()
	added := n == 1
	if !added {
		for _, set := range []struct {
			col   string
			value string
			given bool
		}{{"council", council, council != ""}, {"committees", string(cj), len(committees) > 0}, {"since", since.String(), !since.IsZero()}} {
			if !set.given {
				continue
			}
			if _, err := q.q.ExecContext(ctx, "UPDATE sync_sources SET "+set.col+" = ? WHERE site = ?", set.value, site); err != nil {
				return SyncSource{}, false, err
			}
		}
	}
	src, err := scanSource(q.q.QueryRowContext(ctx, "SELECT "+sourceCols+" FROM sync_sources WHERE site = ?", site))
	return src, added, err
}

// RemoveSyncSource removes a source, in a write transaction; ErrNotFound
// when there is none with the ID.
func (q Q) RemoveSyncSource(ctx context.Context, id int64) error {
	res, err := q.q.ExecContext(ctx, "DELETE FROM sync_sources WHERE id = ?", id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SyncRun reads where a source's sync stands: when the run under way
// started ("" when none is) and whether it has listed every meeting it
// will fetch; ErrNotFound when the source has gone.
func (q Q) SyncRun(ctx context.Context, sourceID int64) (string, bool, error) {
	var started string
	var planned bool
	err := q.q.QueryRowContext(ctx, "SELECT run_started, run_planned FROM sync_sources WHERE id = ?", sourceID).Scan(&started, &planned)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, ErrNotFound
	}
	return started, planned, err
}

// SetSyncRun records that a source's sync started at started (planned:
// it has listed what it will fetch), in a write transaction.
func (q Q) SetSyncRun(ctx context.Context, sourceID int64, started string, planned bool) error {
	_, err := q.q.ExecContext(ctx, "UPDATE sync_sources SET run_started = ?, run_planned = ? WHERE id = ?", started, planned, sourceID)
	return err
}

// FinishSyncRun records that a source's sync finished at at with the
// summary result, and drops list answers fetched before stale, in a write
// transaction.
func (q Q) FinishSyncRun(ctx context.Context, sourceID int64, at, result, stale string) error {
	if _, err := q.q.ExecContext(ctx, `UPDATE sync_sources SET run_started = '', run_planned = 0, last_sync = ?, last_result = ? WHERE id = ?`,
		at, result, sourceID); err != nil {
		return err
	}
	_, err := q.q.ExecContext(ctx, "DELETE FROM sync_http WHERE fetched_at < ?", stale)
	return err
}

// SyncMeeting is one meeting a source has listed, and where its sync
// stands.
type SyncMeeting struct {
	RemoteID, CommitteeID, Committee string
	Date                             minutes.Date
	State, MeetingID, BundleHash     string
	ETag, LastModified               string
}

// SyncMeetings lists a source's meetings (only those to fetch in the run
// under way, with todoOnly), by date, committee and the site's ID.
func (q Q) SyncMeetings(ctx context.Context, sourceID int64, todoOnly bool) ([]SyncMeeting, error) {
	sel := `SELECT remote_id, committee_id, committee, date, state, meeting_id, bundle_hash, etag, last_modified FROM sync_meetings WHERE source_id = ?`
	if todoOnly {
		sel += " AND todo = 1"
	}
	var out []SyncMeeting
	rows, err := q.q.QueryContext(ctx, sel+" ORDER BY date, committee, remote_id", sourceID)
	err = each(rows, err, func(s scanner) error {
		var m SyncMeeting
		var date string
		err := s.Scan(&m.RemoteID, &m.CommitteeID, &m.Committee, &date, &m.State, &m.MeetingID, &m.BundleHash, &m.ETag, &m.LastModified)
		m.Date = ParseDate(date)
		out = append(out, m)
		return err
	})
	return out, err
}

// ListedMeeting is a meeting a site's list gave, to record.
type ListedMeeting struct {
	RemoteID, Date, State, Error string
	Todo                         bool
}

// MarkSyncMeetings records one committee's listed meetings and which to
// fetch, in a write transaction. A meeting already checked in the run
// that started at started (a resumed sync walking again) is not fetched
// twice.
func (q Q) MarkSyncMeetings(ctx context.Context, sourceID int64, committeeID, committee, started string, ms []ListedMeeting) error {
	for _, r := range ms {
		_, err := q.q.ExecContext(ctx, `INSERT INTO sync_meetings (source_id, remote_id, committee_id, committee, date, state, todo, error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (source_id, remote_id) DO UPDATE SET committee_id = excluded.committee_id, committee = excluded.committee,
				date = excluded.date, state = excluded.state, error = excluded.error,
				todo = CASE WHEN sync_meetings.checked_at >= ? THEN 0 ELSE excluded.todo END`,
			sourceID, r.RemoteID, committeeID, committee, r.Date, r.State, r.Todo, r.Error, started)
		if err != nil {
			return err
		}
	}
	return nil
}

// SetSyncMeeting records where one meeting's sync stands (checked at at),
// in a write transaction.
func (q Q) SetSyncMeeting(ctx context.Context, sourceID int64, m SyncMeeting, errText, at string) error {
	_, err := q.q.ExecContext(ctx, `UPDATE sync_meetings SET state = ?, todo = 0, meeting_id = ?, bundle_hash = ?, etag = ?, last_modified = ?,
		checked_at = ?, error = ? WHERE source_id = ? AND remote_id = ?`,
		m.State, m.MeetingID, m.BundleHash, m.ETag, m.LastModified, at, errText, sourceID, m.RemoteID)
	return err
}

// CachedAnswer is a list answer kept for a conditional request.
func (q Q) CachedAnswer(ctx context.Context, url string) (etag, lastModified string, body []byte, ok bool) {
	err := q.q.QueryRowContext(ctx, "SELECT etag, last_modified, body FROM sync_http WHERE url = ?", url).Scan(&etag, &lastModified, &body)
	return etag, lastModified, body, err == nil
}

// CacheAnswer keeps a list answer, in a write transaction.
func (q Q) CacheAnswer(ctx context.Context, url, etag, lastModified string, body []byte, at string) error {
	_, err := q.q.ExecContext(ctx, `INSERT OR REPLACE INTO sync_http (url, etag, last_modified, body, fetched_at) VALUES (?, ?, ?, ?, ?)`,
		url, etag, lastModified, body, at)
	return err
}

// MeetingExists reports whether the store holds the meeting.
func (q Q) MeetingExists(ctx context.Context, id string) (bool, error) {
	var n int
	err := q.q.QueryRowContext(ctx, "SELECT count(*) FROM meetings WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

// MeetingOrigin is the council, committee and published address of a
// stored meeting; ErrNotFound when there is none.
func (q Q) MeetingOrigin(ctx context.Context, id string) (council, committee, url string, err error) {
	var u sql.NullString
	err = q.q.QueryRowContext(ctx, "SELECT m.council, m.committee, u.url FROM meetings m LEFT JOIN source_urls u ON u.id = m.id WHERE m.id = ?", id).
		Scan(&council, &committee, &u)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	return council, committee, u.String, err
}

// DropMeeting removes the parse of a meeting (its items, records and
// addresses) when it still comes from the document with this hash, in a
// write transaction, and reports whether it did. Tracking, links and
// history are never touched.
func (q Q) DropMeeting(ctx context.Context, id, hash string) (bool, error) {
	cur, err := q.MeetingSourceHash(ctx, id)
	if errors.Is(err, ErrNotFound) || err == nil && cur != hash {
		return false, nil
	} else if err != nil {
		return false, err
	}
	for _, del := range []string{"DELETE FROM records WHERE meeting_id = ?", "DELETE FROM items WHERE meeting_id = ?",
		"DELETE FROM source_urls WHERE meeting_id = ?", "DELETE FROM meetings WHERE id = ?"} {
		if _, err := q.q.ExecContext(ctx, del, id); err != nil {
			return false, err
		}
	}
	return true, nil
}

// putSourceURLs records, with a meeting's parse, the addresses of the
// meeting and its items (synced meetings have them; imported files do
// not), replacing those of the meetings it replaced.
func (q Q) putSourceURLs(ctx context.Context, p NewMeeting, touched []string) error {
	for _, id := range touched {
		if _, err := q.q.ExecContext(ctx, "DELETE FROM source_urls WHERE meeting_id = ?", id); err != nil {
			return err
		}
	}
	put := func(id, url string) error {
		if url == "" {
			return nil
		}
		_, err := q.q.ExecContext(ctx, "INSERT OR REPLACE INTO source_urls (id, meeting_id, url) VALUES (?, ?, ?)", id, p.ID, url)
		return err
	}
	if err := put(p.ID, p.M.Source.URL); err != nil {
		return err
	}
	for i := range p.M.Items {
		if err := put(p.ItemIDs[i], p.M.Items[i].URL); err != nil {
			return err
		}
	}
	return nil
}

// SourceURLs reads the addresses of the meetings given (nil: of all) and
// their items, by meeting or item ID.
func (q Q) SourceURLs(ctx context.Context, meetingIDs []string) (map[string]string, error) {
	sel := "SELECT id, url FROM source_urls"
	var args []any
	if meetingIDs != nil {
		sel += " WHERE meeting_id IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(meetingIDs))
	}
	out := map[string]string{}
	rows, err := q.q.QueryContext(ctx, sel, args...)
	err = each(rows, err, func(s scanner) error {
		var id, url string
		err := s.Scan(&id, &url)
		out[id] = url
		return err
	})
	return out, err
}
