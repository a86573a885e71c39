package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// The due board's snapshot: DIR/due.snapshot holds what the flagging
// model read and worked out at one generation (the meetings, every
// tracked record joined to its meeting and item, and the returns matched
// so far), so that a process's first board — every `minutebook due`, the
// TUI's first screen — starts from it rather than from the store. Like
// the search index it is derived and can be deleted at any time: a
// snapshot that is missing, damaged, of another library or made by
// another build of minutebook is ignored, and one of an older generation
// is brought up to date as the in-memory model is (from the store's
// changes log: only the meetings changed since are read again). Closing
// a Library writes a new snapshot when its model is newer than the one
// on disk (a new file renamed into place: a reader sees the old or the
// new, never half of one).
//
// The snapshot depends on the code that made it (how records are read,
// how returns are matched), so it is stamped with the build: the
// executable's size and time and the Go version. Every field of Record
// and row is written: TestSnapshotCoversRecord fails when one is added
// and not here.

const (
	snapshotFile    = "due.snapshot"
	snapshotMagic   = "minutebook due snapshot\n"
	snapshotVersion = 2
)

// buildStamp names this build of minutebook; "" when it cannot be known
// (no snapshots are then read or written).
var buildStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d %s", exe, fi.Size(), fi.ModTime().UnixNano(), runtime.Version())
})

// snapshotPath is the library's snapshot file; "" for a library in memory.
func (l *Library) snapshotPath() string {
	if l.dir == ":memory:" || buildStamp() == "" {
		return ""
	}
	return filepath.Join(l.dir, snapshotFile)
}

// readSnapshot reads the library's snapshot as a model of its
// generation, without links (the caller reads those); nil when there is
// none fit to use.
func (l *Library) readSnapshot() *dueCache {
	path := l.snapshotPath()
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) < len(snapshotMagic)+4 {
		return nil
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	// The strings read are slices of the file's bytes, which nothing else
	// holds or changes.
	r := &snapReader{s: unsafe.String(unsafe.SliceData(body), len(body))}
	c, err := r.model(l.libraryID)
	if err != nil {
		return nil
	}
	return c
}

// writeSnapshot writes c as the library's snapshot. Failing to is no
// harm (a read-only library, a full disk): the next process reads the
// store instead.
func (l *Library) writeSnapshot(c *dueCache) error {
	path := l.snapshotPath()
	if path == "" {
		return nil
	}
	c.rowsMu.Lock()
	byMeeting := c.byMeeting
	c.rowsMu.Unlock()
	if byMeeting == nil {
		return nil
	}
	var w snapWriter
	w.b = make([]byte, 0, 1<<20)
	w.raw(snapshotMagic)
	w.uint(snapshotVersion)
	w.str(l.libraryID)
	w.str(buildStamp())
	w.int(c.gen)
	w.uint(uint64(len(c.meetingList)))
	for i := range c.meetingList {
		w.meeting(&c.meetingList[i])
	}
	w.uint(uint64(len(byMeeting)))
	for id, rs := range byMeeting {
		w.str(id)
		w.uint(uint64(len(rs)))
		for i := range rs {
			w.row(&rs[i])
		}
	}
	c.mu.Lock()
	w.uint(uint64(len(c.matches)))
	for key, m := range c.matches {
		w.str(key)
		w.uint(uint64(len(m)))
		for id, ref := range m {
			w.str(id)
			w.ref(ref)
		}
	}
	c.mu.Unlock()
	w.b = binary.LittleEndian.AppendUint32(w.b, crc32.ChecksumIEEE(w.b))

	tmp, err := os.CreateTemp(l.dir, snapshotFile+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(w.b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// snapWriter appends a snapshot's values: unsigned varints, and strings
// as their length and bytes, or, for a short string written before (a
// committee, a meeting's ID, a status), its number among those.
type snapWriter struct {
	b    []byte
	seen map[string]uint64 // short strings written, numbered from 1
}

// maxShared is the longest string a snapshot writes once and then refers
// to: the longer ones are texts, seldom repeated.
const maxShared = 64

func (w *snapWriter) raw(s string)  { w.b = append(w.b, s...) }
func (w *snapWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *snapWriter) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }

// str writes 0 and s, or the number of s written before.
func (w *snapWriter) str(s string) {
	if len(s) <= maxShared && s != "" {
		if n, ok := w.seen[s]; ok {
			w.uint(n)
			return
		}
		if w.seen == nil {
			w.seen = map[string]uint64{}
		}
		w.seen[s] = uint64(len(w.seen) + 1)
	}
	w.uint(0)
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *snapWriter) date(d minutes.Date) {
	w.int(int64(d.Year))
	w.uint(uint64(d.Month))
	w.uint(uint64(d.Day))
}

func (w *snapWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *snapWriter) time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // a year out of range: as never edited
		b = nil
	}
	w.str(string(b))
}

func (w *snapWriter) target(t minutes.Target) {
	w.uint(uint64(t.Kind))
	w.date(t.Month)
	w.int(int64(t.N))
	w.uint(uint64(t.Unit))
}

func (w *snapWriter) meeting(m *store.MeetingDates) {
	for _, s := range []string{m.ID, m.Committee, m.CommitteeKey, m.Council, m.SourceName, m.SourceHash} {
		w.str(s)
	}
	w.date(m.Date)
	w.date(m.Next)
	w.bool(m.Dated)
	w.int(m.Gen)
}

// row writes every field of r (snapReader.row reads them back in the
// same order).
func (w *snapWriter) row(r *row) {
	for _, s := range []string{r.ID, string(r.Kind), r.Part, r.Text, r.MeetingID, r.Council, r.Committee, r.CommitteeKey,
		r.Minute, r.ItemID, r.ItemTitle, r.SourceName, r.SourceHash, r.SourceURL, r.ParsedOwner, r.DueMeeting,
		string(r.Status), r.Owner, r.LastNote, string(r.Flag), string(r.Confidence), r.Why, r.Origin} {
		w.str(s)
	}
	for _, d := range []minutes.Date{r.MeetingDate, r.ParsedDue, r.Due} {
		w.date(d)
	}
	for _, b := range []bool{r.Exempt, r.Provisional, r.Orphaned, r.Review, r.Rejected, r.Corrected, r.dueOverride} {
		w.bool(b)
	}
	for _, n := range []int64{int64(r.Line), r.Version, int64(r.itemOrd), int64(r.recOrd)} {
		w.int(n)
	}
	w.target(r.Target)
	w.time(r.UpdatedAt)
	w.ref(r.ReturnedTo)
}

func (w *snapWriter) ref(ref *ItemRef) {
	w.bool(ref != nil)
	if ref == nil {
		return
	}
	for _, s := range []string{ref.ItemID, ref.MeetingID, ref.Committee, ref.Minute, ref.Title} {
		w.str(s)
	}
	w.date(ref.MeetingDate)
	w.bool(ref.Confirmed)
	w.bool(ref.Matched != nil)
	w.uint(uint64(len(ref.Matched)))
	for _, m := range ref.Matched {
		w.str(m)
	}
}

// snapReader reads what snapWriter wrote; the first error sticks.
type snapReader struct {
	s    string
	i    int
	err  error
	seen []string // the short strings read, in order
}

var errSnapshot = errors.New("the due snapshot is damaged")

func (r *snapReader) fail() {
	if r.err == nil {
		r.err = errSnapshot
	}
	r.i = len(r.s)
}

func (r *snapReader) uint() uint64 {
	v, n := binary.Uvarint(unsafe.Slice(unsafe.StringData(r.s[r.i:]), len(r.s)-r.i))
	if n <= 0 {
		r.fail()
		return 0
	}
	r.i += n
	return v
}

func (r *snapReader) int() int64 {
	v, n := binary.Varint(unsafe.Slice(unsafe.StringData(r.s[r.i:]), len(r.s)-r.i))
	if n <= 0 {
		r.fail()
		return 0
	}
	r.i += n
	return v
}

// count reads a number of things to follow, each at least one byte.
func (r *snapReader) count() int { return r.countOf(1) }

// countOf reads a number of things to follow, each at least size bytes:
// a damaged count makes no more room than the rest of the file can fill.
func (r *snapReader) countOf(size int) int {
	n := r.uint()
	if n > uint64((len(r.s)-r.i)/size) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *snapReader) str() string {
	if k := r.uint(); k != 0 {
		if k > uint64(len(r.seen)) {
			r.fail()
			return ""
		}
		return r.seen[k-1]
	}
	n := r.count()
	s := r.s[r.i : r.i+n]
	r.i += n
	if n <= maxShared && n > 0 {
		r.seen = append(r.seen, s)
	}
	return s
}

func (r *snapReader) bool() bool {
	if r.i >= len(r.s) {
		r.fail()
		return false
	}
	b := r.s[r.i]
	r.i++
	return b == 1
}

func (r *snapReader) date() minutes.Date {
	return minutes.Date{Year: int(r.int()), Month: time.Month(r.uint()), Day: int(r.uint())}
}

func (r *snapReader) time() time.Time {
	var t time.Time
	if b := r.str(); b != "" {
		if err := t.UnmarshalBinary([]byte(b)); err != nil {
			r.fail()
		}
	}
	return t
}

func (r *snapReader) target() minutes.Target {
	return minutes.Target{Kind: minutes.TargetKind(r.uint()), Month: r.date(), N: int(r.int()), Unit: minutes.OffsetUnit(r.uint())}
}

func (r *snapReader) meeting() store.MeetingDates {
	m := store.MeetingDates{ID: r.str(), Committee: r.str(), CommitteeKey: r.str(), Council: r.str(), SourceName: r.str(), SourceHash: r.str()}
	m.Date, m.Next, m.Dated, m.Gen = r.date(), r.date(), r.bool(), r.int()
	return m
}

func (r *snapReader) row() row {
	var x row
	for _, p := range []*string{&x.ID, (*string)(&x.Kind), &x.Part, &x.Text, &x.MeetingID, &x.Council, &x.Committee, &x.CommitteeKey,
		&x.Minute, &x.ItemID, &x.ItemTitle, &x.SourceName, &x.SourceHash, &x.SourceURL, &x.ParsedOwner, &x.DueMeeting,
		(*string)(&x.Status), &x.Owner, &x.LastNote, (*string)(&x.Flag), (*string)(&x.Confidence), &x.Why, &x.Origin} {
		*p = r.str()
	}
	for _, p := range []*minutes.Date{&x.MeetingDate, &x.ParsedDue, &x.Due} {
		*p = r.date()
	}
	for _, p := range []*bool{&x.Exempt, &x.Provisional, &x.Orphaned, &x.Review, &x.Rejected, &x.Corrected, &x.dueOverride} {
		*p = r.bool()
	}
	x.Line, x.Version, x.itemOrd, x.recOrd = int(r.int()), r.int(), int(r.int()), int(r.int())
	x.Target = r.target()
	x.UpdatedAt = r.time()
	x.ReturnedTo = r.ref()
	return x
}

func (r *snapReader) ref() *ItemRef {
	if !r.bool() {
		return nil
	}
	ref := &ItemRef{ItemID: r.str(), MeetingID: r.str(), Committee: r.str(), Minute: r.str(), Title: r.str()}
	ref.MeetingDate, ref.Confirmed = r.date(), r.bool()
	hasMatched, n := r.bool(), r.count()
	if hasMatched {
		ref.Matched = make([]string, n)
	}
	for i := range n {
		m := r.str()
		if hasMatched {
			ref.Matched[i] = m
		}
	}
	return ref
}

// The fewest bytes snapWriter writes for a meeting and for a row.
const (
	minMeetingBytes = 6 + 3*2 + 1 + 1
	minRowBytes     = 23 + 3*3 + 7 + 4 + 6 + 1 + 1
)

// model reads a whole snapshot of the library libraryID made by this
// build.
func (r *snapReader) model(libraryID string) (*dueCache, error) {
	if len(r.s) < len(snapshotMagic) || r.s[:len(snapshotMagic)] != snapshotMagic {
		return nil, errSnapshot
	}
	r.i = len(snapshotMagic)
	if r.uint() != snapshotVersion || r.str() != libraryID || r.str() != buildStamp() {
		return nil, errors.New("the due snapshot is of another library or build")
	}
	c := newDueCache()
	c.gen = r.int()
	ms := make([]store.MeetingDates, r.countOf(minMeetingBytes))
	for i := range ms {
		ms[i] = r.meeting()
	}
	c.fromMeetings(ms)
	n := r.count()
	byMeeting := make(map[string][]row, n)
	for range n {
		id := r.str()
		rs := make([]row, r.countOf(minRowBytes))
		for i := range rs {
			rs[i] = r.row()
		}
		byMeeting[id] = rs
	}
	c.byMeeting = byMeeting
	for range r.count() {
		key := r.str()
		m := map[string]*ItemRef{}
		for range r.count() {
			id := r.str()
			m[id] = r.ref()
		}
		c.matches[key] = m
	}
	if r.err == nil && r.i != len(r.s) {
		r.fail()
	}
	return c, r.err
}
