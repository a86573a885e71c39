package index

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/minutes"
)

// Syncing a source walks its site's web service — GetCommittees, then
// GetMeetings for each committee over the date window, then GetMeeting for
// each meeting to fetch — and imports each meeting with minutes as a
// moderngov.Bundle, through Import: one transaction per meeting, content
// hash per meeting (an unchanged meeting adds nothing; a changed one
// replaces its parse and keeps its tracking).
//
// Where each of the site's meetings stands is kept in sync_meetings: the
// walk marks the meetings to fetch (todo), and each is unmarked once
// handled. A sync that is killed leaves its source marked as started; the
// next sync resumes it, skipping the walk when it was complete and every
// meeting already handled in that run.

// DefaultSyncWindow is how far back a source is synced when it gives no
// date: a year.
const DefaultSyncWindow = 365

// recheckDays: imported meetings this recent are fetched again at every
// sync (minutes are corrected when the next meeting approves them); older
// ones only with Recheck.
const recheckDays = 180

// SyncOptions adjust SyncSource. Every field is optional.
type SyncOptions struct {
	// Committees and Since replace the source's own for this sync.
	Committees []string
	Since      minutes.Date
	// Rate is requests a second: 0 means 1, negative means no limit.
	Rate float64
	// Recheck fetches every meeting in the window, however long ago it
	// was imported.
	Recheck bool
	// Offline reads the site's answers from this folder instead of the
	// network; Save writes them into one. With SaveOnly nothing is
	// imported: the sync only fetches.
	Offline, Save string
	SaveOnly      bool
	// UserAgent is sent to the site; "" means moderngov.DefaultUserAgent.
	UserAgent string
	// Progress is told how the sync is going after each request.
	Progress func(SyncProgress)
	// Logf receives notices (a retry, and why).
	Logf func(format string, args ...any)
	// Client adjusts the web-service client (timeouts, retries; tests).
	// Its UserAgent, Interval, Offline, Save, Cache and Logf are set from
	// the fields above.
	Client moderngov.Options
}

// SyncProgress is where a sync stands.
type SyncProgress struct {
	Source  string // the source's label
	Phase   string // "listing" (committees done / to do) or "fetching" (meetings done / to do)
	Done    int
	Total   int
	Current string // what is being fetched: "Audit Committee 10 Feb 2026"
}

// SyncResult says what a sync did.
type SyncResult struct {
	Source     Source
	Resumed    bool // it went on with an interrupted sync
	Committees int  // committees listed
	Listed     int  // meetings the site listed in the window
	Fetched    int  // meetings asked for
	New        int  // meetings added to the library
	Changed    int  // meetings whose minutes changed (replaced, tracking kept)
	Unchanged  int
	// Waiting counts meetings without minutes to import yet: cancelled,
	// not published, or published with no text the service gives.
	Waiting  int
	Failed   int
	Failures []SyncFailure
	Warned   int // meetings imported with warnings from the parser
	Saved    int // answers written with SaveOnly
}

// Summary is the result in one line: "3 new, 1 changed, 40 unchanged, 2 failed".
func (r SyncResult) Summary() string {
	parts := []string{fmt.Sprintf("%d new", r.New), fmt.Sprintf("%d changed", r.Changed), fmt.Sprintf("%d unchanged", r.Unchanged)}
	if r.Waiting > 0 {
		parts = append(parts, fmt.Sprintf("%d without minutes", r.Waiting))
	}
	parts = append(parts, fmt.Sprintf("%d failed", r.Failed))
	return strings.Join(parts, ", ")
}

// SyncFailure is a meeting (or a committee's list) that could not be
// synced, and why.
type SyncFailure struct {
	Committee string
	Date      minutes.Date // zero when unknown
	RemoteID  string       // the site's meeting ID; "" for a committee's list
	Err       error
}

func (f SyncFailure) Error() string {
	what := f.Committee
	switch {
	case f.RemoteID == "":
		what += " (its list of meetings)"
	case !f.Date.IsZero():
		what += " meeting of " + f.Date.Time().Format("2 January 2006") + " (site meeting " + f.RemoteID + ")"
	default:
		what += " meeting " + f.RemoteID
	}
	return what + ": " + minutes.Sanitize(f.Err.Error())
}

// ErrSiteRefused: the site refused so many requests in a row that the
// sync stopped rather than hammer it.
var ErrSiteRefused = errors.New("the site refused the sync")

// ErrUnlisted: the site's committees could not be listed, so nothing
// was synced (the address is wrong, or the site is down or refuses).
var ErrUnlisted = errors.New("cannot list the committees of")

// refusalsInARow is how many 4xx answers in a row stop a sync.
const refusalsInARow = 5

// SyncSource brings the library up to date with one source's site. It
// returns an error (and a result so far) when the sync could not go on:
// the site could not be listed, the library cannot be written, ctx was
// cancelled; the meetings that failed on their own are in the result's
// Failures, and the rest of the sync went on.
func (l *Library) SyncSource(ctx context.Context, src Source, opt SyncOptions) (SyncResult, error) {
	res := SyncResult{Source: src}
	site, err := moderngov.ParseSite(src.Site)
	if err != nil {
		return res, &userError{err}
	}
	copt := opt.Client
	copt.UserAgent = opt.UserAgent
	switch {
	case opt.Rate == 0:
		copt.Interval = time.Second
	case opt.Rate > 0:
		copt.Interval = time.Duration(float64(time.Second) / opt.Rate)
	default:
		copt.Interval = 0
	}
	copt.Offline, copt.Save = opt.Offline, opt.Save
	if opt.Offline == "" && opt.Save == "" {
		copt.Cache = httpCache{ctx: ctx, l: l}
	}
	copt.Logf = opt.Logf
	client := moderngov.New(site, copt)
	s := &syncRun{l: l, src: src, opt: opt, site: site, client: client, res: &res, today: l.today()}
	err = s.run(ctx)
	return res, err
}

type syncRun struct {
	l       *Library
	src     Source
	opt     SyncOptions
	site    moderngov.Site
	client  *moderngov.Client
	res     *SyncResult
	today   minutes.Date
	started string // when the run (or the run it resumes) started
	refused int    // 4xx answers in a row
}

func (s *syncRun) progress(phase string, done, total int, current string) {
	if s.opt.Progress != nil {
		s.opt.Progress(SyncProgress{Source: s.src.Label(), Phase: phase, Done: done, Total: total, Current: current})
	}
}

func (s *syncRun) run(ctx context.Context) error {
	l := s.l
	started, planned, err := l.store.Q().SyncRun(ctx, s.src.ID)
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%w: %s", errSourceGone, s.src.Site)
	} else if err != nil {
		return l.store.Wrap("sync", err)
	}
	s.started = started
	overrides := len(s.opt.Committees) > 0 || !s.opt.Since.IsZero() || s.opt.Recheck || s.opt.SaveOnly
	s.res.Resumed = s.started != "" && !s.opt.SaveOnly
	if s.started == "" || s.opt.SaveOnly {
		s.started = l.now().UTC().Format(store.TimeFormat)
		planned = false
		if err := s.setRun(ctx, s.started, false); err != nil {
			return err
		}
	}
	if !planned || overrides {
		if err := s.plan(ctx); err != nil {
			return err
		}
		if err := s.setRun(ctx, s.started, true); err != nil {
			return err
		}
	}
	if err := s.fetch(ctx); err != nil {
		return err
	}
	now := l.now().UTC()
	return l.store.Wrap("sync", l.store.Write(ctx, func(q store.Q) error {
		// List answers for windows long gone are no use any more.
		return q.FinishSyncRun(ctx, s.src.ID, now.Format(store.TimeFormat), s.res.Summary(), now.AddDate(0, -3, 0).Format(store.TimeFormat))
	}))
}

func (s *syncRun) setRun(ctx context.Context, started string, planned bool) error {
	return s.l.store.Wrap("sync", s.l.store.Write(ctx, func(q store.Q) error {
		return q.SetSyncRun(ctx, s.src.ID, started, planned)
	}))
}

// since is the first date of the window.
func (s *syncRun) since() minutes.Date {
	switch {
	case !s.opt.Since.IsZero():
		return s.opt.Since
	case !s.src.Since.IsZero():
		return s.src.Since
	}
	// From the first of the month a year back: the lists' addresses then
	// stay the same for a month, so conditional requests can answer them.
	back := s.today.AddDays(-DefaultSyncWindow)
	return minutes.MakeDate(back.Year, back.Month, 1)
}

// pickCommittees chooses the committees to sync: those named (by ID or
// name), else every committee neither deleted nor expired.
func (s *syncRun) pickCommittees(all []moderngov.Committee) ([]moderngov.Committee, error) {
	want := s.opt.Committees
	if len(want) == 0 {
		want = s.src.Committees
	}
	if len(want) == 0 {
		var out []moderngov.Committee
		for _, c := range all {
			if !c.IsDeleted() && !c.IsExpired() && strings.TrimSpace(c.ID) != "" {
				out = append(out, c)
			}
		}
		return out, nil
	}
	var out []moderngov.Committee
	taken := map[string]bool{}
	for _, w := range want {
		var match []moderngov.Committee
		for _, c := range all {
			if strings.TrimSpace(c.ID) == w || strings.EqualFold(c.Name(), w) {
				match = []moderngov.Committee{c}
				break
			}
			if strings.Contains(strings.ToLower(c.Name()), strings.ToLower(w)) && !c.IsDeleted() {
				match = append(match, c)
			}
		}
		switch {
		case len(match) == 0:
			return nil, &userError{fmt.Errorf("the site %s has no committee %q: %s", s.site.Host(), minutes.Sanitize(w), committeeHint(all))}
		case len(match) > 1:
			var names []string
			for _, c := range match {
				names = append(names, c.Name())
			}
			if len(names) > 5 {
				names = append(names[:5], "…")
			}
			return nil, &userError{fmt.Errorf("%q matches %d committees on %s (%s): give the whole name or its ID", minutes.Sanitize(w), len(match), s.site.Host(), strings.Join(names, "; "))}
		}
		if !taken[match[0].ID] {
			taken[match[0].ID] = true
			out = append(out, match[0])
		}
	}
	return out, nil
}

func committeeHint(all []moderngov.Committee) string {
	var names []string
	for _, c := range all {
		if !c.IsDeleted() && !c.IsExpired() {
			names = append(names, c.Name()+" ("+c.ID+")")
		}
	}
	if len(names) == 0 {
		return "it lists no current committees"
	}
	if len(names) > 8 {
		names = append(names[:8], fmt.Sprintf("and %d more", len(names)-8))
	}
	return "its committees include " + strings.Join(names, ", ")
}

// plan lists the committees and their meetings in the window, and marks
// the meetings to fetch.
func (s *syncRun) plan(ctx context.Context) error {
	s.progress("listing", 0, 0, "committees")
	all, err := s.client.Committees(ctx)
	if err != nil {
		return s.siteError(err)
	}
	committees, err := s.pickCommittees(all)
	if err != nil {
		return err
	}
	s.res.Committees = len(committees)
	known, _, err := s.l.syncMeetingRows(ctx, s.src.ID, false)
	if err != nil {
		return s.l.store.Wrap("sync", err)
	}
	// To the end of the month, for the same reason; meetings after today
	// are left out below.
	from, to := s.since(), minutes.EndOfMonth(s.today.Year, s.today.Month)
	for i, c := range committees {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.progress("listing", i, len(committees), c.Name())
		refs, err := s.client.Meetings(ctx, c.ID, from, to)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if stop := s.fail(SyncFailure{Committee: c.Name(), Err: err}, err); stop != nil {
				return stop
			}
			continue
		}
		s.refused = 0
		if err := s.mark(ctx, c, refs, known); err != nil {
			return err
		}
	}
	s.progress("listing", len(committees), len(committees), "")
	return nil
}

// mark records one committee's meetings and which to fetch, in one
// transaction.
func (s *syncRun) mark(ctx context.Context, c moderngov.Committee, refs []moderngov.MeetingRef, known map[string]*syncMeeting) error {
	type row struct {
		id, date, state, errText string
		todo                     bool
	}
	var rows []row
	for _, ref := range refs {
		id := strings.TrimSpace(ref.ID)
		if id == "" {
			continue
		}
		d, derr := moderngov.ParseDate(ref.Date)
		k := known[id]
		r := row{id: id, date: d.String(), state: "pending", todo: true}
		if k != nil {
			r.state = k.state
		}
		switch {
		case derr != nil:
			r.state, r.todo, r.errText = "failed", false, derr.Error()
			s.res.Listed++
			s.fail(SyncFailure{Committee: c.Name(), RemoteID: id, Err: derr}, nil)
		case d.After(s.today):
			continue // not held yet
		case ref.Cancelled():
			s.res.Listed++
			r.state, r.todo = "cancelled", false
			s.res.Waiting++
		default:
			s.res.Listed++
			if k != nil && k.state == "imported" && !s.opt.Recheck && !s.opt.SaveOnly && d.Before(s.today.AddDays(-recheckDays)) {
				r.todo = false
				s.res.Unchanged++
			}
		}
		rows = append(rows, r)
	}
	listed := make([]store.ListedMeeting, len(rows))
	for i, r := range rows {
		listed[i] = store.ListedMeeting{RemoteID: r.id, Date: r.date, State: r.state, Error: r.errText, Todo: r.todo}
	}
	err := s.l.store.Write(ctx, func(q store.Q) error {
		return q.MarkSyncMeetings(ctx, s.src.ID, c.ID, c.Name(), s.started, listed)
	})
	return s.l.store.Wrap("sync", err)
}

// fetch fetches and imports the meetings marked to fetch.
func (s *syncRun) fetch(ctx context.Context) error {
	_, todo, err := s.l.syncMeetingRows(ctx, s.src.ID, true)
	if err != nil {
		return s.l.store.Wrap("sync", err)
	}
	for i, m := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.progress("fetching", i, len(todo), m.committee+" "+m.date.Time().Format("2 Jan 2006"))
		if err := s.fetchOne(ctx, m); err != nil {
			return err
		}
	}
	s.progress("fetching", len(todo), len(todo), "")
	return nil
}

// fetchOne fetches and imports one meeting. It returns an error only when
// the sync cannot go on.
func (s *syncRun) fetchOne(ctx context.Context, row *syncMeeting) error {
	l := s.l
	s.res.Fetched++
	failure := func(err error) SyncFailure {
		return SyncFailure{Committee: row.committee, Date: row.date, RemoteID: row.remoteID, Err: err}
	}
	record := func(state, errText string) error {
		row.state = state
		return l.store.Wrap("sync", l.setSyncMeeting(ctx, s.src.ID, row, errText))
	}
	// Ask conditionally when what the last answer gave still stands: the
	// meeting it imported is in the library, or it had no minutes yet.
	var cond moderngov.Validators
	switch {
	case s.opt.SaveOnly:
	case row.state == "imported":
		if ok, err := l.meetingExists(ctx, row.meetingID); err != nil {
			return l.store.Wrap("sync", err)
		} else if ok {
			cond = row.val
		}
	case row.state == "unpublished", row.state == "cancelled", row.state == "nominutes":
		cond = row.val
	}
	m, val, err := s.client.Meeting(ctx, row.remoteID, cond)
	if errors.Is(err, moderngov.ErrNotModified) {
		s.refused = 0
		if row.state == "imported" {
			s.res.Unchanged++
		} else {
			s.res.Waiting++
		}
		return record(row.state, "")
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if stop := s.fail(failure(err), err); stop != nil {
			return stop
		}
		return record("failed", err.Error())
	}
	s.refused = 0
	if s.opt.SaveOnly {
		s.res.Saved++
	}
	if !m.MinutesPublished() {
		s.res.Waiting++
		state := "unpublished"
		if (moderngov.MeetingRef{Status: m.Status}).Cancelled() {
			state = "cancelled"
		}
		row.val = val
		return record(state, "")
	}
	b, err := moderngov.NewBundle(s.site, s.src.Council, moderngov.Committee{ID: row.committeeID, Title: row.committee}, m)
	if err != nil {
		s.fail(failure(err), nil)
		return record("failed", err.Error())
	}
	if !b.HasItemMinutes() {
		link, ok := moderngov.PrintedMinutesLink(m)
		if !ok {
			s.res.Waiting++
			row.val = val
			return record("nominutes", "the site gives neither per-item minutes nor printed minutes")
		}
		pdf, err := s.client.Document(ctx, link.URL)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if stop := s.fail(failure(fmt.Errorf("its printed minutes: %w", err)), err); stop != nil {
				return stop
			}
			return record("failed", err.Error())
		}
		b.PrintedMinutes = &moderngov.BundleDocument{URL: s.site.Resolve(link.URL), Title: strings.Join(strings.Fields(minutes.Sanitize(link.Title)), " "), Data: pdf}
		if s.opt.SaveOnly {
			s.res.Saved++
		}
	}
	if s.opt.SaveOnly {
		return nil
	}
	if other, err := l.otherCouncilsMeeting(ctx, b, s.site, s.src.Council); err != nil {
		return l.store.Wrap("sync", err)
	} else if other != "" {
		err := fmt.Errorf("the library already holds %s under the same meeting ID; it cannot hold both (sync the two councils into separate libraries with --library)", other)
		s.fail(failure(err), nil)
		return record("failed", err.Error())
	}
	ir, err := l.Import(ctx, b.Name(), b.Encode())
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if libraryFailure(err) {
			return err
		}
		s.fail(failure(err), nil)
		return record("failed", err.Error())
	}
	old := row.meetingID
	switch {
	case ir.Duplicate:
		s.res.Unchanged++
	case ir.Replaced || (old != "" && old != ir.MeetingID):
		s.res.Changed++
	default:
		s.res.New++
	}
	if len(ir.Warnings) > 0 {
		s.res.Warned++
	}
	if old != "" && old != ir.MeetingID && row.bundleHash != "" {
		// The site moved the meeting (a corrected date or committee):
		// the parse it gave before goes; tracking stays, as always.
		if err := l.dropSyncedMeeting(ctx, old, row.bundleHash); err != nil {
			return err
		}
	}
	row.meetingID, row.bundleHash, row.val = ir.MeetingID, ir.Hash, val
	return record("imported", "")
}

// fail counts a failure. With the request's error, it counts a refusal
// (4xx) in a row and returns the error that stops the sync when there
// have been too many.
func (s *syncRun) fail(f SyncFailure, reqErr error) error {
	s.res.Failed++
	s.res.Failures = append(s.res.Failures, f)
	var e *moderngov.Error
	if reqErr != nil && errors.As(reqErr, &e) && e.Kind == moderngov.ErrClient && e.Status != http.StatusNotFound {
		s.refused++
		if s.refused >= refusalsInARow {
			return fmt.Errorf("%w: it refused %d requests in a row (the last: %v); the sync stopped so as not to hammer it — check the site in a browser, then sync again", ErrSiteRefused, s.refused, minutes.Sanitize(reqErr.Error()))
		}
	} else if reqErr != nil {
		s.refused = 0
	}
	return nil
}

// siteError explains a failure to list the site's committees.
func (s *syncRun) siteError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%w %s: %w", ErrUnlisted, s.site.String(), err)
}

// libraryFailure reports whether an import failed because of the library
// (the next would fail too), not the meeting.
func libraryFailure(err error) bool {
	for _, e := range []error{ErrDiskFull, ErrReadOnly, ErrDamaged, ErrBusy} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// dropSyncedMeeting removes the parse of a meeting the site has moved,
// when it still comes from that site's bundle. Tracking, links and history
// are never touched.
func (l *Library) dropSyncedMeeting(ctx context.Context, id, hash string) error {
	return l.store.Wrap("sync", l.store.Write(ctx, func(q store.Q) error {
		dropped, err := q.DropMeeting(ctx, id, hash)
		if err != nil || !dropped {
			return err
		}
		_, err = q.Bump(ctx, id)
		return err
	}))
}

// otherCouncilsMeeting describes the meeting that the bundle's meeting
// would replace when it came from another site, or names another council:
// two councils' committees are told apart by their keys (committee.go),
// but minutes that name no council can only be told by the site.
func (l *Library) otherCouncilsMeeting(ctx context.Context, b *moderngov.Bundle, site moderngov.Site, council string) (string, error) {
	if council == "" {
		council = b.Council
	}
	plain := minutes.CommitteeSlug(b.Committee) + "-" + b.Date
	p := &prepared{m: &minutes.Meeting{Council: council, Committee: b.Committee}, id: plain, key: minutes.CommitteeSlug(b.Committee)}
	key, same, err := l.store.Q().KeyOfMeeting(ctx, plain, council)
	if err == nil && !same {
		key, err = l.store.Q().PlaceCommittee(ctx, council, b.Committee, false)
	}
	if err != nil {
		return "", err
	}
	p.rekey(key)
	have, committee, url, err := l.store.Q().MeetingOrigin(ctx, p.id)
	if errors.Is(err, ErrNotFound) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	switch {
	case url != "" && !site.SameSite(url):
		return fmt.Sprintf("a meeting of %s from %s", committee, minutes.Sanitize(url)), nil
	case have != "" && council != "" && store.CouncilKey(have) != store.CouncilKey(council):
		return fmt.Sprintf("a meeting of %s of %s", committee, have), nil
	}
	return "", nil
}
