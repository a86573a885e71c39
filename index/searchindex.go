package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/minutebook/minutebook/minutes"
)

// Keys of the values the library keeps in bleve's internal storage.
var (
	keyGeneration = []byte("minutebook:generation") // the store generation the index reflects
	keyMapping    = []byte("minutebook:mapping")    // MappingVersion
	keyLibrary    = []byte("minutebook:library")    // the store's library_id
)

const (
	batchDocs     = 2000             // documents per bleve batch
	handOverAge   = 10 * time.Second // a hand-over request older than this is stale
	watchInterval = 200 * time.Millisecond
)

// ErrIndexBusy is what a *BusyError is: another process holds the
// search index and did not hand it over in time.
var ErrIndexBusy = errors.New("search index in use by another process")

// Holder describes the process that holds the search index, from the
// holder file it writes.
type Holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Host    string    `json:"host"`
	Since   time.Time `json:"since"`
	Token   string    `json:"token"`
}

// BusyError says another process holds the search index.
type BusyError struct {
	Holder Holder // zero when the holder wrote nothing
	Waited time.Duration
}

func (e *BusyError) Error() string {
	who := "another minutebook process"
	if e.Holder.PID != 0 {
		who = fmt.Sprintf("%q (process %d", e.Holder.Command, e.Holder.PID)
		if !e.Holder.Since.IsZero() {
			who += ", since " + e.Holder.Since.Local().Format("15:04:05")
		}
		who += ")"
	}
	return fmt.Sprintf("the search index is in use by %s and was not handed over within %s; search there, or try again when it has finished", who, e.Waited.Round(100*time.Millisecond))
}

// Is makes errors.Is(err, ErrIndexBusy) true.
func (e *BusyError) Is(target error) bool { return target == ErrIndexBusy }

var errLocked = errors.New("locked")

// searchIndex is the bleve index while this Library holds it.
type searchIndex struct {
	idx  bleve.Index
	path string
	lock *os.File // the holder file, locked; nil in memory
	gen  int64    // the store generation the index reflects
	stop chan struct{}
}

func (si *searchIndex) close() error {
	if si.stop != nil {
		close(si.stop)
		si.stop = nil
	}
	var err error
	if si.idx != nil {
		err = si.idx.Close()
		si.idx = nil
	}
	if si.lock != nil {
		si.lock.Truncate(0)
		si.lock.Close() // releases the lock
		si.lock = nil
	}
	return err
}

func (l *Library) lockPath() string { return l.opt.IndexDir + ".lock" }
func (l *Library) wantPath() string { return l.opt.IndexDir + ".want" }

// acquire makes l hold the search index: it takes the holder lock (asking
// the current holder to hand over when ask is set, and waiting up to
// IndexWait), opens the index, rebuilding it when it is damaged or of
// another mapping version, and brings it up to date. l.imu is held.
func (l *Library) acquire(ctx context.Context, ask bool) error {
	if l.search != nil {
		return l.catchUp(ctx, l.search)
	}
	select {
	case <-l.closed:
		return errors.New("the library is closed")
	default:
	}
	si := &searchIndex{path: l.opt.IndexDir}
	if si.path != ":memory:" {
		lf, err := l.lockIndex(ctx, ask)
		if err != nil {
			return err
		}
		si.lock = lf
	}
	if err := l.openIndex(ctx, si); err != nil {
		si.close()
		return err
	}
	if si.lock != nil {
		si.stop = make(chan struct{})
		l.wg.Add(1)
		go l.watchHandOver(si, si.stop)
	}
	l.search = si
	return l.catchUp(ctx, si)
}

// lockIndex takes the holder lock and writes this process's details in it.
func (l *Library) lockIndex(ctx context.Context, ask bool) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(l.lockPath()), 0o700); err != nil {
		return nil, dirErr(filepath.Dir(l.lockPath()), err)
	}
	wait := l.opt.IndexWait
	if !ask {
		wait = 0
	}
	start := time.Now()
	asked := false
	defer func() {
		if asked {
			l.withdrawWant()
		}
	}()
	for {
		f, err := os.OpenFile(l.lockPath(), os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, dirErr(filepath.Dir(l.lockPath()), err)
		}
		err = tryLockFile(f)
		if err == nil {
			host, _ := os.Hostname()
			b, _ := json.Marshal(Holder{PID: os.Getpid(), Command: l.opt.Command, Host: host, Since: time.Now(), Token: l.token})
			if err := f.Truncate(0); err == nil {
				f.WriteAt(b, 0)
			}
			return f, nil
		}
		f.Close()
		if !errors.Is(err, errLocked) {
			return nil, fmt.Errorf("lock the search index: %w", err)
		}
		if ask && !asked {
			l.askHandOver()
			asked = true
		}
		if time.Since(start) >= wait {
			return nil, &BusyError{Holder: l.readHolder(), Waited: time.Since(start)}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (l *Library) readHolder() Holder {
	var h Holder
	if b, err := os.ReadFile(l.lockPath()); err == nil {
		_ = json.Unmarshal(b, &h)
	}
	return h
}

// askHandOver leaves a request for the holder to let go of the index.
func (l *Library) askHandOver() {
	b, _ := json.Marshal(Holder{PID: os.Getpid(), Command: l.opt.Command, Since: time.Now(), Token: l.token})
	tmp := l.wantPath() + "." + l.token
	if err := os.WriteFile(tmp, b, 0o600); err == nil {
		os.Rename(tmp, l.wantPath())
	}
}

// withdrawWant removes our hand-over request, if it is still ours.
func (l *Library) withdrawWant() {
	var h Holder
	if b, err := os.ReadFile(l.wantPath()); err == nil && json.Unmarshal(b, &h) == nil && h.Token == l.token {
		os.Remove(l.wantPath())
	}
}

// watchHandOver runs while l holds the index: when another process asks
// for it, l closes it (after any search or catch-up in progress) and
// opens it again the next time it needs it.
func (l *Library) watchHandOver(si *searchIndex, stop chan struct{}) {
	defer l.wg.Done()
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		if !l.wanted() {
			continue
		}
		l.imu.Lock()
		if l.search == si && l.wanted() {
			si.close()
			l.search = nil
		}
		l.imu.Unlock()
		return
	}
}

// wanted reports whether another Library has asked for the index recently.
func (l *Library) wanted() bool {
	b, err := os.ReadFile(l.wantPath())
	if err != nil {
		return false
	}
	var h Holder
	if json.Unmarshal(b, &h) != nil || h.Token == l.token {
		return false
	}
	return time.Since(h.Since) < handOverAge
}

// openIndex opens si's bleve index, creating or rebuilding it as needed.
func (l *Library) openIndex(ctx context.Context, si *searchIndex) error {
	if si.path == ":memory:" {
		idx, err := newBleve("")
		if err != nil {
			return err
		}
		si.idx = idx
		return l.stamp(si)
	}
	idx, err := openBleve(si.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l.recreate(si, "")
	case errors.Is(err, bolterrors.ErrTimeout):
		return &BusyError{Holder: l.readHolder(), Waited: time.Second}
	case err != nil:
		return l.recreate(si, fmt.Sprintf("the search index could not be opened (%v)", err))
	}
	si.idx = idx
	why := ""
	if v, _ := idx.GetInternal(keyMapping); string(v) != strconv.Itoa(MappingVersion) {
		why = fmt.Sprintf("the search index has mapping version %q and this minutebook uses %d", v, MappingVersion)
	} else if id, _ := idx.GetInternal(keyLibrary); string(id) != l.libraryID {
		why = "the search index belongs to another library"
	} else if g, err := idx.GetInternal(keyGeneration); err != nil {
		why = fmt.Sprintf("the search index could not be read (%v)", err)
	} else {
		si.gen, _ = strconv.ParseInt(string(g), 10, 64)
	}
	if why != "" {
		idx.Close()
		si.idx = nil
		return l.recreate(si, why)
	}
	return nil
}

// recreate deletes si's index directory and makes an empty index there;
// why, when not "", is the notice to give.
func (l *Library) recreate(si *searchIndex, why string) error {
	if why != "" {
		l.opt.Logf("%s; rebuilding it from the store", why)
	}
	if si.idx != nil {
		si.idx.Close()
		si.idx = nil
	}
	si.gen = 0
	if si.path != ":memory:" {
		if err := os.RemoveAll(si.path); err != nil {
			return dirErr(si.path, err)
		}
	}
	path := si.path
	if path == ":memory:" {
		path = ""
	}
	idx, err := newBleve(path)
	if err != nil {
		return fmt.Errorf("create the search index at %s: %w", si.path, err)
	}
	si.idx = idx
	return l.stamp(si)
}

func (l *Library) stamp(si *searchIndex) error {
	b := si.idx.NewBatch()
	b.SetInternal(keyMapping, []byte(strconv.Itoa(MappingVersion)))
	b.SetInternal(keyLibrary, []byte(l.libraryID))
	b.SetInternal(keyGeneration, []byte("0"))
	si.gen = 0
	return si.idx.Batch(b)
}

func newBleve(path string) (bleve.Index, error) {
	return bleve.NewUsing(path, buildMapping(), scorch.Name, scorch.Name, nil)
}

// openBleve opens an existing index, never waiting more than a second on
// bolt's lock, and turning a panic over damaged files into an error.
func openBleve(path string) (idx bleve.Index, err error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		if _, err2 := os.Stat(path); errors.Is(err2, fs.ErrNotExist) {
			return nil, err2
		}
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": "1s"})
}

// catchUp brings si up to the store's generation: it re-indexes the
// meetings changed since the generation the index reflects, in one
// consistent read of the store. l.imu is held.
func (l *Library) catchUp(ctx context.Context, si *searchIndex) error {
	gen, err := generation(ctx, l.store.reader)
	if err != nil {
		return l.store.wrap("read the library", err)
	}
	if gen == si.gen {
		return nil
	}
	if si.gen > gen { // the store went back (restored from a backup)
		if err := l.recreate(si, "the search index is newer than the store"); err != nil {
			return err
		}
	}
	err = l.store.read(ctx, func(tx *sql.Tx) error {
		gen, err := generation(ctx, tx)
		if err != nil {
			return err
		}
		var ids []string
		if si.gen > 0 {
			var from int64
			if err := tx.QueryRowContext(ctx, "SELECT coalesce((SELECT value FROM meta WHERE key = 'changes_from'), 0)").Scan(&from); err != nil {
				return err
			}
			if si.gen < from { // the index is older than the changes log reaches
				if err := l.recreate(si, "the search index is too far behind the store"); err != nil {
					return err
				}
			}
		}
		if si.gen > 0 {
			rows, err := tx.QueryContext(ctx, "SELECT DISTINCT meeting_id FROM changes WHERE gen > ?", si.gen)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if len(ids) > 100 {
				l.opt.Logf("the search index is catching up with %d changed meetings", len(ids))
			}
		} else {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM meetings").Scan(&n); err != nil {
				return err
			}
			if n > 100 {
				l.opt.Logf("building the search index for %d meetings", n)
			}
		}
		if err := l.indexMeetings(ctx, tx, si, ids, si.gen == 0); err != nil {
			return err
		}
		b := si.idx.NewBatch()
		b.SetInternal(keyGeneration, []byte(strconv.FormatInt(gen, 10)))
		if err := si.idx.Batch(b); err != nil {
			return err
		}
		si.gen = gen
		return nil
	})
	if err != nil {
		return l.store.wrapUser("update the search index", err)
	}
	l.trimChanges(si.gen)
	return nil
}

// keepChanges is how many generations of the changes log are kept beyond
// what the search index has seen, for other processes' caches to catch up
// from (a cache further behind reads everything again).
const keepChanges = 2000

// trimChanges drops the changes log up to what the index has seen, less
// keepChanges generations, now and then and in the background: a search
// never waits on it. l.imu is held.
func (l *Library) trimChanges(indexed int64) {
	cut := indexed - keepChanges
	if cut <= 0 || time.Since(l.lastTrim) < time.Minute {
		return
	}
	l.lastTrim = time.Now()
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		l.store.write(ctx, func(tx *sql.Tx) error {
			var from int64
			if err := tx.QueryRowContext(ctx, "SELECT coalesce((SELECT value FROM meta WHERE key = 'changes_from'), 0)").Scan(&from); err != nil || from >= cut {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM changes WHERE gen <= ?", cut); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES ('changes_from', ?)", cut)
			return err
		})
	}()
}

// indexMeetings (re-)indexes the documents of the meetings ids (all
// meetings when all is set) as tx sees them.
func (l *Library) indexMeetings(ctx context.Context, tx *sql.Tx, si *searchIndex, ids []string, all bool) error {
	if !all && len(ids) == 0 {
		return nil
	}
	const chunk = 200
	if all {
		return l.indexChunk(ctx, tx, si, nil, true)
	}
	for i := 0; i < len(ids); i += chunk {
		j := min(i+chunk, len(ids))
		if err := l.indexChunk(ctx, tx, si, ids[i:j], false); err != nil {
			return err
		}
	}
	return nil
}

type meetingInfo struct{ council, committee, key, date, attendance string }

func (l *Library) indexChunk(ctx context.Context, tx *sql.Tx, si *searchIndex, ids []string, all bool) error {
	where, args := "", []any{}
	if !all {
		where, args = " WHERE m.id IN (SELECT value FROM json_each(?))", []any{jsonList(ids)}
	}
	b := si.idx.NewBatch()
	flush := func(force bool) error {
		if b.Size() == 0 || (!force && b.Size() < batchDocs) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		err := si.idx.Batch(b)
		b.Reset()
		return err
	}
	if !all {
		// Delete what the index holds for these meetings first: records
		// and items a re-parse dropped must go.
		for _, id := range ids {
			q := query.NewTermQuery(id)
			q.SetField("meeting")
			req := bleve.NewSearchRequestOptions(q, 100000, 0, false)
			res, err := si.idx.SearchInContext(ctx, req)
			if err != nil {
				return err
			}
			for _, h := range res.Hits {
				b.Delete(h.ID)
			}
		}
	}
	meetings := map[string]meetingInfo{}
	rows, err := tx.QueryContext(ctx, "SELECT m.id, m.council, m.committee, m.committee_key, m.date, m.attendance FROM meetings m"+where, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		var mi meetingInfo
		if err := rows.Scan(&id, &mi.council, &mi.committee, &mi.key, &mi.date, &mi.attendance); err != nil {
			rows.Close()
			return err
		}
		meetings[id] = mi
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, mi := range meetings {
		var att minutes.Attendance
		_ = json.Unmarshal([]byte(mi.attendance), &att)
		d := attendanceDocument(att)
		d.Committee, d.CommitteeKey, d.Council, d.Meeting, d.Date = mi.committee, mi.key, mi.council, id, mi.date
		if len(mi.date) >= 4 {
			d.Year = mi.date[:4]
		}
		if err := b.Index(id, d.fields()); err != nil {
			return err
		}
		if err := flush(false); err != nil {
			return err
		}
	}
	base := func(meetingID string) document {
		mi := meetings[meetingID]
		d := document{Committee: mi.committee, CommitteeKey: mi.key, Council: mi.council, Meeting: meetingID, Date: mi.date}
		if len(mi.date) >= 4 {
			d.Year = mi.date[:4]
		}
		return d
	}
	rows, err = tx.QueryContext(ctx, "SELECT i.id, i.meeting_id, i.number, i.title, i.body FROM items i JOIN meetings m ON m.id = i.meeting_id"+where, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, meeting string
		var number, title, body string
		if err := rows.Scan(&id, &meeting, &number, &title, &body); err != nil {
			rows.Close()
			return err
		}
		d := base(meeting)
		d.Kind, d.Minute, d.Title, d.Text = "item", number, title, body
		if err := b.Index(id, d.fields()); err != nil {
			rows.Close()
			return err
		}
		if err := flush(false); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT r.id, r.meeting_id, r.kind, r.text, i.number, i.title, r.owner, r.due, t.status, t.owner, t.due
		FROM records r JOIN meetings m ON m.id = r.meeting_id JOIN items i ON i.id = r.item_id LEFT JOIN tracking t ON t.record_id = r.id`+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, meeting, kind, text, number, title, owner, due string
		var tStatus, tOwner, tDue sql.NullString
		if err := rows.Scan(&id, &meeting, &kind, &text, &number, &title, &owner, &due, &tStatus, &tOwner, &tDue); err != nil {
			return err
		}
		d := base(meeting)
		d.Kind, d.Minute, d.Title, d.Text, d.Owner, d.Due = kind, number, title, text, owner, due
		if kind != string(minutes.KindResolution) {
			d.Status = string(StatusOpen)
			if tStatus.Valid {
				d.Status = tStatus.String
			}
		}
		if tOwner.Valid {
			d.Owner = tOwner.String
		}
		if tDue.Valid {
			d.Due = tDue.String
		}
		if err := b.Index(id, d.fields()); err != nil {
			return err
		}
		if err := flush(false); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush(true)
}

// Sync brings the search index up to date with the store now, rather than
// at the next search. With ask set it asks another process holding the
// index to hand it over (waiting up to Options.IndexWait); without, it
// returns a *BusyError at once when another process holds it, and that
// process will catch up by itself.
func (l *Library) Sync(ctx context.Context, ask bool) error {
	l.imu.Lock()
	defer l.imu.Unlock()
	return l.acquire(ctx, ask)
}

// ReindexResult says what Reindex built.
type ReindexResult struct {
	Documents uint64 // records and items
	Meetings  uint64 // meetings' attendance
	Took      time.Duration
}

// Reindex deletes the search index and builds it again from the store.
func (l *Library) Reindex(ctx context.Context) (ReindexResult, error) {
	start := time.Now()
	l.imu.Lock()
	defer l.imu.Unlock()
	if l.search == nil {
		si := &searchIndex{path: l.opt.IndexDir}
		if si.path != ":memory:" {
			lf, err := l.lockIndex(ctx, true)
			if err != nil {
				return ReindexResult{}, err
			}
			si.lock = lf
			si.stop = make(chan struct{})
			l.wg.Add(1)
			go l.watchHandOver(si, si.stop)
		}
		l.search = si
	}
	si := l.search
	if err := l.recreate(si, ""); err != nil {
		si.close()
		l.search = nil
		return ReindexResult{}, err
	}
	if err := l.catchUp(ctx, si); err != nil {
		return ReindexResult{}, err
	}
	n, err := si.idx.DocCount()
	if err != nil {
		return ReindexResult{}, err
	}
	res, err := si.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(termQuery("kind", string(DocMeeting)), 0, 0, false))
	if err != nil {
		return ReindexResult{}, err
	}
	return ReindexResult{Documents: n - res.Total, Meetings: res.Total, Took: time.Since(start)}, nil
}

// IndexHolder reports who holds the search index, when another process
// (or another Library) does. It only reads the holder file, which a holder
// empties when it lets go; a holder that died is recognised by its pid.
func (l *Library) IndexHolder() (Holder, bool) {
	if l.opt.IndexDir == ":memory:" {
		return Holder{}, false
	}
	h := l.readHolder()
	if h.PID == 0 || h.Token == l.token || !processAlive(h.PID) {
		return Holder{}, false
	}
	return h, true
}
