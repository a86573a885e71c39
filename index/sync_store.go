package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

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

// Sources lists the sites the library syncs from, in the order added.
func (l *Library) Sources(ctx context.Context) ([]Source, error) {
	list, err := l.store.Q().SyncSources(ctx)
	if err != nil {
		return nil, l.store.Wrap("list sources", err)
	}
	out := make([]Source, len(list))
	for i, s := range list {
		out[i] = Source(s)
	}
	return out, nil
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
	var added bool
	var src store.SyncSource
	err = l.store.Write(ctx, func(q store.Q) error {
		var err error
		src, added, err = q.AddSyncSource(ctx, site.String(), council, committees, c.Since, l.now().UTC().Format(store.TimeFormat))
		return err
	})
	if err != nil {
		return Source{}, false, l.store.Wrap("add source", err)
	}
	return Source(src), added, nil
}

// RemoveSource stops syncing from a source. The meetings synced from it
// stay in the library, with their tracking; so does what the library
// knows of the site's meetings, should the source be added again.
func (l *Library) RemoveSource(ctx context.Context, id int64) error {
	err := l.store.Write(ctx, func(q store.Q) error { return q.RemoveSyncSource(ctx, id) })
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("no source has the ID %d: %w", id, ErrNotFound)
	}
	return l.wrapUser("remove source", err)
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
	urls, err := l.store.Q().SourceURLs(ctx, ids)
	if err != nil {
		return l.store.Wrap("read source addresses", err)
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
	var ok bool
	v.ETag, v.LastModified, body, ok = c.l.store.Q().CachedAnswer(c.ctx, url)
	return v, body, ok
}

func (c httpCache) Store(url string, v moderngov.Validators, body []byte) {
	// A cache that cannot be written costs a full request next time, no more.
	_ = c.l.store.Write(c.ctx, func(q store.Q) error {
		return q.CacheAnswer(c.ctx, url, v.ETag, v.LastModified, body, c.l.now().UTC().Format(store.TimeFormat))
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
	rows, err := l.store.Q().SyncMeetings(ctx, sourceID, todoOnly)
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]*syncMeeting{}
	var list []*syncMeeting
	for _, r := range rows {
		m := &syncMeeting{remoteID: r.RemoteID, committeeID: r.CommitteeID, committee: r.Committee, date: r.Date, state: r.State,
			meetingID: r.MeetingID, bundleHash: r.BundleHash, val: moderngov.Validators{ETag: r.ETag, LastModified: r.LastModified}}
		byID[m.remoteID] = m
		list = append(list, m)
	}
	return byID, list, nil
}

// meetingExists reports whether the library holds the meeting.
func (l *Library) meetingExists(ctx context.Context, id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	return l.store.Q().MeetingExists(ctx, id)
}

func (l *Library) setSyncMeeting(ctx context.Context, sourceID int64, m *syncMeeting, errText string) error {
	row := store.SyncMeeting{RemoteID: m.remoteID, State: m.state, MeetingID: m.meetingID, BundleHash: m.bundleHash,
		ETag: m.val.ETag, LastModified: m.val.LastModified}
	return l.store.Write(ctx, func(q store.Q) error {
		return q.SetSyncMeeting(ctx, sourceID, row, errText, l.now().UTC().Format(store.TimeFormat))
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
	urls, err := l.store.Q().SourceURLs(ctx, []string{d.ID})
	if err != nil {
		return l.store.Wrap("read source addresses", err)
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
