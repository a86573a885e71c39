package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// syncSchema is migration 2: the Modern.gov sites a library syncs from,
// where each of their meetings stands, list answers kept for conditional
// requests, and the addresses meetings and items were published at.
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

// Source is a council's Modern.gov site the library syncs from.
type Source struct {
	ID         int64
	Site       string   // "https://democracy.example.gov.uk"
	Council    string   // the council's name, when given
	Committees []string // the committees to sync (names or the site's IDs); empty: every current committee
	Since      minutes.Date
	AddedAt    time.Time
	LastSync   time.Time // zero: never synced to the end
	LastResult string    // the last sync's summary line
	// Interrupted is set when a sync started and did not finish: the next
	// sync resumes it.
	Interrupted bool
}

// Label names the source for people: the council, else the site's host.
func (s Source) Label() string {
	if s.Council != "" {
		return s.Council
	}
	site, err := moderngov.ParseSite(s.Site)
	if err != nil {
		return s.Site
	}
	return site.Host()
}

const sourceCols = `id, site, council, committees, since, added_at, last_sync, last_result, run_started`

func scanSource(sc scanner) (Source, error) {
	var s Source
	var committees, since, added, last, run string
	if err := sc.Scan(&s.ID, &s.Site, &s.Council, &committees, &since, &added, &last, &s.LastResult, &run); err != nil {
		return s, err
	}
	_ = json.Unmarshal([]byte(committees), &s.Committees)
	s.Since = parseDate(since)
	s.AddedAt, _ = time.Parse(timeFormat, added)
	s.LastSync, _ = time.Parse(timeFormat, last)
	s.Interrupted = run != ""
	return s, nil
}

// Sources lists the sites the library syncs from, in the order added.
func (l *Library) Sources(ctx context.Context) ([]Source, error) {
	rows, err := l.store.reader.QueryContext(ctx, "SELECT "+sourceCols+" FROM sync_sources ORDER BY id")
	if err != nil {
		return nil, l.store.wrap("list sources", err)
	}
	defer rows.Close()
	out := []Source{}
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, l.store.wrap("list sources", err)
		}
		out = append(out, s)
	}
	return out, l.store.wrap("list sources", rows.Err())
}

// FindSource returns the source a person means: its number in Sources'
// list (1-based) as "1", its ID as "#3", or its site's address in any
// form ParseSite reads.
func (l *Library) FindSource(ctx context.Context, what string) (Source, error) {
	srcs, err := l.Sources(ctx)
	if err != nil {
		return Source{}, err
	}
	what = strings.TrimSpace(what)
	if n, err := strconv.Atoi(what); err == nil && n >= 1 && n <= len(srcs) {
		return srcs[n-1], nil
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(what, "#"), 10, 64); err == nil && strings.HasPrefix(what, "#") {
		for _, s := range srcs {
			if s.ID == id {
				return s, nil
			}
		}
	}
	if site, err := moderngov.ParseSite(what); err == nil {
		for _, s := range srcs {
			if s.Site == site.String() {
				return s, nil
			}
		}
	}
	return Source{}, fmt.Errorf("no source is %q: %w; list them with `minutebook sources`", minutes.Sanitize(what), ErrNotFound)
}

// SourceConfig is what a person gives when adding a source.
type SourceConfig struct {
	Site       string // any address on the site (see moderngov.ParseSite)
	Council    string
	Committees []string
	Since      minutes.Date
}

// AddSource adds a site to sync from, or updates the settings of one
// already added (only the settings given: an empty Council or Committees
// or a zero Since leaves what is there). It reports whether the source is
// new.
func (l *Library) AddSource(ctx context.Context, c SourceConfig) (Source, bool, error) {
	site, err := moderngov.ParseSite(c.Site)
	if err != nil {
		return Source{}, false, &userError{err}
	}
	committees := []string{}
	for _, n := range c.Committees {
		if n = strings.Join(strings.Fields(minutes.Sanitize(n)), " "); n != "" {
			committees = append(committees, n)
		}
	}
	council := strings.Join(strings.Fields(minutes.Sanitize(c.Council)), " ")
	cj, _ := json.Marshal(committees)
	var added bool
	var src Source
	err = l.store.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO sync_sources (site, council, committees, since, added_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (site) DO NOTHING`, site.String(), council, string(cj), c.Since.String(), l.now().UTC().Format(timeFormat))
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		added = n == 1
		if !added {
			if council != "" {
				if _, err := tx.ExecContext(ctx, "UPDATE sync_sources SET council = ? WHERE site = ?", council, site.String()); err != nil {
					return err
				}
			}
			if len(committees) > 0 {
				if _, err := tx.ExecContext(ctx, "UPDATE sync_sources SET committees = ? WHERE site = ?", string(cj), site.String()); err != nil {
					return err
				}
			}
			if !c.Since.IsZero() {
				if _, err := tx.ExecContext(ctx, "UPDATE sync_sources SET since = ? WHERE site = ?", c.Since.String(), site.String()); err != nil {
					return err
				}
			}
		}
		src, err = scanSource(tx.QueryRowContext(ctx, "SELECT "+sourceCols+" FROM sync_sources WHERE site = ?", site.String()))
		return err
	})
	if err != nil {
		return Source{}, false, l.store.wrap("add source", err)
	}
	return src, added, nil
}

// RemoveSource stops syncing from a source. The meetings synced from it
// stay in the library, with their tracking; so does what the library
// knows of the site's meetings, should the source be added again.
func (l *Library) RemoveSource(ctx context.Context, id int64) error {
	err := l.store.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM sync_sources WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("no source has the ID %d: %w", id, ErrNotFound)
		}
		return nil
	})
	return l.store.wrapUser("remove source", err)
}

// putSourceURLs records, in the transaction that stores a meeting, the
// addresses of the meeting and its items (synced meetings have them;
// imported files do not), replacing those of the meetings it replaced.
func putSourceURLs(ctx context.Context, tx *sql.Tx, p *prepared, touched []string) error {
	for _, id := range touched {
		if _, err := tx.ExecContext(ctx, "DELETE FROM source_urls WHERE meeting_id = ?", id); err != nil {
			return err
		}
	}
	put := func(id, url string) error {
		if url == "" {
			return nil
		}
		_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO source_urls (id, meeting_id, url) VALUES (?, ?, ?)", id, p.id, url)
		return err
	}
	if err := put(p.id, p.m.Source.URL); err != nil {
		return err
	}
	for i := range p.m.Items {
		if err := put(p.itemIDs[i], p.m.Items[i].URL); err != nil {
			return err
		}
	}
	return nil
}

// sourceURLs reads the addresses of the meetings given ("" for all).
func (l *Library) sourceURLs(ctx context.Context, meetingIDs []string) (map[string]string, error) {
	q := "SELECT id, url FROM source_urls"
	var args []any
	if meetingIDs != nil {
		q += " WHERE meeting_id IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(meetingIDs))
	}
	rows, err := l.store.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, url string
		if err := rows.Scan(&id, &url); err != nil {
			return nil, err
		}
		out[id] = url
	}
	return out, rows.Err()
}

// fillSourceURLs sets each record's SourceURL: its item's page, else its
// meeting's.
func (l *Library) fillSourceURLs(ctx context.Context, recs []Record) error {
	if len(recs) == 0 {
		return nil
	}
	var ids []string
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.MeetingID] {
			seen[r.MeetingID] = true
			ids = append(ids, r.MeetingID)
		}
	}
	if len(ids) > 500 {
		ids = nil // all of them: one pass is cheaper than a long list
	}
	urls, err := l.sourceURLs(ctx, ids)
	if err != nil {
		return l.store.wrap("read source addresses", err)
	}
	if len(urls) == 0 {
		return nil
	}
	for i := range recs {
		if u := urls[recs[i].ItemID]; u != "" {
			recs[i].SourceURL = u
		} else {
			recs[i].SourceURL = urls[recs[i].MeetingID]
		}
	}
	return nil
}

// httpCache keeps list answers in the store for conditional requests.
type httpCache struct {
	ctx context.Context
	l   *Library
}

func (c httpCache) Lookup(url string) (moderngov.Validators, []byte, bool) {
	var v moderngov.Validators
	var body []byte
	err := c.l.store.reader.QueryRowContext(c.ctx, "SELECT etag, last_modified, body FROM sync_http WHERE url = ?", url).Scan(&v.ETag, &v.LastModified, &body)
	return v, body, err == nil
}

func (c httpCache) Store(url string, v moderngov.Validators, body []byte) {
	// A cache that cannot be written costs a full request next time, no more.
	_ = c.l.store.write(c.ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(c.ctx, `INSERT OR REPLACE INTO sync_http (url, etag, last_modified, body, fetched_at) VALUES (?, ?, ?, ?, ?)`,
			url, v.ETag, v.LastModified, body, c.l.now().UTC().Format(timeFormat))
		return err
	})
}

// syncMeeting is one row of sync_meetings.
type syncMeeting struct {
	remoteID, committeeID, committee string
	date                             minutes.Date
	state, meetingID, bundleHash     string
	val                              moderngov.Validators
}

func (l *Library) syncMeetingRows(ctx context.Context, sourceID int64, todoOnly bool) (map[string]*syncMeeting, []*syncMeeting, error) {
	q := `SELECT remote_id, committee_id, committee, date, state, meeting_id, bundle_hash, etag, last_modified FROM sync_meetings WHERE source_id = ?`
	if todoOnly {
		q += " AND todo = 1"
	}
	rows, err := l.store.reader.QueryContext(ctx, q+" ORDER BY date, committee, remote_id", sourceID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byID := map[string]*syncMeeting{}
	var list []*syncMeeting
	for rows.Next() {
		var m syncMeeting
		var date string
		if err := rows.Scan(&m.remoteID, &m.committeeID, &m.committee, &date, &m.state, &m.meetingID, &m.bundleHash, &m.val.ETag, &m.val.LastModified); err != nil {
			return nil, nil, err
		}
		m.date = parseDate(date)
		byID[m.remoteID] = &m
		list = append(list, &m)
	}
	return byID, list, rows.Err()
}

// meetingExists reports whether the library holds the meeting.
func (l *Library) meetingExists(ctx context.Context, id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	var n int
	err := l.store.reader.QueryRowContext(ctx, "SELECT count(*) FROM meetings WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

func (l *Library) setSyncMeeting(ctx context.Context, sourceID int64, m *syncMeeting, errText string) error {
	return l.store.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_meetings SET state = ?, todo = 0, meeting_id = ?, bundle_hash = ?, etag = ?, last_modified = ?,
			checked_at = ?, error = ? WHERE source_id = ? AND remote_id = ?`,
			m.state, m.meetingID, m.bundleHash, m.val.ETag, m.val.LastModified, l.now().UTC().Format(timeFormat), errText, sourceID, m.remoteID)
		return err
	})
}

var errSourceGone = errors.New("the source was removed while it was syncing")

// withBundles makes a Parse function read synced meetings (bundles) too,
// whatever parser the library was opened with: Import, and Reparse when
// the parser improves, read them the same way.
func withBundles(parse func(context.Context, string, []byte) (*minutes.Meeting, error), lim extract.Limits) func(context.Context, string, []byte) (*minutes.Meeting, error) {
	return func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		if moderngov.IsBundle(data) {
			return moderngov.ParseBundle(ctx, name, data, lim)
		}
		return parse(ctx, name, data)
	}
}

// fillMeetingURLs sets the addresses of a meeting, its items and their
// records.
func (l *Library) fillMeetingURLs(ctx context.Context, d *MeetingDetail) error {
	urls, err := l.sourceURLs(ctx, []string{d.ID})
	if err != nil {
		return l.store.wrap("read source addresses", err)
	}
	if len(urls) == 0 {
		return nil
	}
	d.SourceURL = urls[d.ID]
	for i := range d.Items {
		it := &d.Items[i]
		it.SourceURL = urls[it.ID]
		if it.SourceURL == "" {
			it.SourceURL = d.SourceURL
		}
		for j := range it.Records {
			it.Records[j].SourceURL = it.SourceURL
		}
	}
	return nil
}
