package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/minutebook/minutebook/index/internal/search"
	"github.com/minutebook/minutebook/index/internal/store"
)

const (
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

// heldIndex is the search index while this Library holds it.
type heldIndex struct {
	ix   *search.Index
	path string
	lock *os.File // the holder file, locked; nil in memory
	gen  int64    // the store generation the index reflects
	stop chan struct{}
}

func (si *heldIndex) close() error {
	if si.stop != nil {
		close(si.stop)
		si.stop = nil
	}
	var err error
	if si.ix != nil {
		err = si.ix.Close()
		si.ix = nil
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
	si := &heldIndex{path: l.opt.IndexDir}
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
func (l *Library) watchHandOver(si *heldIndex, stop chan struct{}) {
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

// openIndex opens si's index, creating or rebuilding it as needed.
func (l *Library) openIndex(ctx context.Context, si *heldIndex) error {
	if si.path == ":memory:" {
		return l.recreate(si, "")
	}
	ix, gen, why, err := search.Open(si.path, l.libraryID)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l.recreate(si, "")
	case errors.Is(err, search.ErrLocked):
		return &BusyError{Holder: l.readHolder(), Waited: time.Second}
	case err != nil:
		return l.recreate(si, why)
	}
	si.ix, si.gen = ix, gen
	return nil
}

// recreate makes an empty index in si's place; why, when not "", is the
// notice to give.
func (l *Library) recreate(si *heldIndex, why string) error {
	if why != "" {
		l.opt.Logf("%s; rebuilding it from the store", why)
	}
	if si.ix != nil {
		si.ix.Close()
		si.ix = nil
	}
	si.gen = 0
	path := si.path
	if path == ":memory:" {
		path = ""
	}
	ix, err := search.Create(path, l.libraryID)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return dirErr(si.path, err)
	} else if err != nil {
		return fmt.Errorf("create the search index at %s: %w", si.path, err)
	}
	si.ix = ix
	return nil
}

// catchUp brings si up to the store's generation: it re-indexes the
// meetings changed since the generation the index reflects, in one
// consistent read of the store. l.imu is held.
func (l *Library) catchUp(ctx context.Context, si *heldIndex) error {
	// Building the index (after an upgrade's new mapping, a damaged index)
	// or catching up with a big import takes longer than a search may
	// wait. It is not cut short when the caller stops waiting — cut short,
	// it would start again from nothing at the next search and never
	// finish — only when the library closes; the caller that gave up is
	// told the index is ready.
	caller := ctx
	ctx, cancel := context.WithCancel(context.WithoutCancel(caller))
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-l.closed:
			cancel()
		case <-done:
		}
	}()
	start := time.Now()
	err := l.catchUpNow(ctx, si)
	if err == nil && caller.Err() != nil {
		return &indexReadyError{took: time.Since(start), cause: caller.Err()}
	}
	return err
}

// indexReadyError tells a caller that stopped waiting that the search
// index it waited for is now up to date.
type indexReadyError struct {
	took  time.Duration
	cause error // the caller's context's error
}

func (e *indexReadyError) Error() string {
	return fmt.Sprintf("the search index has been brought up to date (it took %s): search again", e.took.Round(time.Second))
}

func (e *indexReadyError) Unwrap() error { return e.cause }

// catchUpNow is catchUp's work, cancelled with ctx.
func (l *Library) catchUpNow(ctx context.Context, si *heldIndex) error {
	gen, err := l.store.Q().Generation(ctx)
	if err != nil {
		return l.store.Wrap("read the library", err)
	}
	if gen == si.gen {
		return nil
	}
	if si.gen > gen { // the store went back (restored from a backup)
		if err := l.recreate(si, "the search index is newer than the store"); err != nil {
			return err
		}
	}
	err = l.store.Read(ctx, func(q store.Q) error {
		gen, err := q.Generation(ctx)
		if err != nil {
			return err
		}
		var ids []string
		if si.gen > 0 {
			changed, ok, err := q.ChangedSince(ctx, si.gen)
			if err != nil {
				return err
			}
			if !ok { // the index is older than the changes log reaches
				if err := l.recreate(si, "the search index is too far behind the store"); err != nil {
					return err
				}
			}
			for id := range changed {
				ids = append(ids, id)
			}
			sort.Strings(ids)
		}
		if si.gen > 0 {
			if len(ids) > 100 {
				l.opt.Logf("the search index is catching up with %d changed meetings", len(ids))
			}
		} else if n, err := q.MeetingCount(ctx); err != nil {
			return err
		} else if n > 100 {
			l.opt.Logf("building the search index for %d meetings", n)
		}
		if err := l.indexMeetings(ctx, q, si, ids, si.gen == 0, gen); err != nil {
			return err
		}
		si.gen = gen
		return nil
	})
	if err != nil {
		return l.wrapUser("update the search index", err)
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
		l.store.Write(ctx, func(q store.Q) error { return q.TrimChanges(ctx, cut) })
	}()
}

// indexMeetings (re-)indexes the documents of the meetings ids (all
// meetings when all is set) as q sees them, and records that the index
// reflects generation gen.
func (l *Library) indexMeetings(ctx context.Context, q store.Q, si *heldIndex, ids []string, all bool, gen int64) error {
	if all {
		return si.ix.Update(ctx, nil, func(put func(store.FeedDoc) error) error { return q.Feed(ctx, nil, true, put) }, gen)
	}
	const chunk = 200
	for i := 0; i < len(ids); i += chunk {
		part := ids[i:min(i+chunk, len(ids))]
		if err := si.ix.Update(ctx, part, func(put func(store.FeedDoc) error) error { return q.Feed(ctx, part, false, put) }, -1); err != nil {
			return err
		}
	}
	return si.ix.Update(ctx, nil, nil, gen)
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
		si := &heldIndex{path: l.opt.IndexDir}
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
	meetings, others, err := si.ix.Counts(ctx)
	return ReindexResult{Documents: others, Meetings: meetings, Took: time.Since(start)}, err
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
