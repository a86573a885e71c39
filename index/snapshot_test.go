package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// TestSnapshotCoversRecord fails when Record or row gains a field: the
// snapshot (snapshot.go: snapWriter.row, snapReader.row) must write and
// read it too, and then this list is brought up to date.
func TestSnapshotCoversRecord(t *testing.T) {
	written := []string{"ID", "Kind", "Part", "Text", "MeetingID", "Council", "Committee", "CommitteeKey", "MeetingDate", "Minute",
		"ItemID", "ItemTitle", "Exempt", "SourceName", "SourceHash", "SourceURL", "Line", "ParsedOwner", "ParsedDue", "DueMeeting",
		"Provisional", "Target", "Status", "Owner", "Due", "UpdatedAt", "LastNote", "Flag", "ReturnedTo", "Orphaned", "Confidence",
		"Why", "Review", "Rejected", "Origin", "Corrected", "Version",
		"dueOverride", "itemOrd", "recOrd"}
	var fields []string
	rt := reflect.TypeFor[row]()
	for i := range rt.NumField() {
		if f := rt.Field(i); f.Anonymous {
			for j := range f.Type.NumField() {
				fields = append(fields, f.Type.Field(j).Name)
			}
		} else {
			fields = append(fields, f.Name)
		}
	}
	slices.Sort(fields)
	slices.Sort(written)
	if !slices.Equal(fields, written) {
		t.Errorf("row's fields are\n%v\nthe snapshot writes\n%v\nwrite and read the new ones in snapshot.go", fields, written)
	}
	ref := reflect.TypeFor[ItemRef]()
	if ref.NumField() != 8 {
		t.Errorf("ItemRef has %d fields; the snapshot writes 8 (snapWriter.ref)", ref.NumField())
	}
}

// TestSnapshotReadsAsWritten writes a model with every column set and
// reads it back.
func TestSnapshotReadsAsWritten(t *testing.T) {
	ctx := context.Background()
	l := boardLibrary(t)
	c, err := l.model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Due(ctx, DueQuery{AsOf: date("2016-01-01")}); err != nil { // rows and matches in
		t.Fatal(err)
	}
	// Fields the model's rows leave empty, set so that they are tested.
	for id, rs := range c.byMeeting {
		rs[0].SourceURL, rs[0].Flag, rs[0].Version = "https://example.org/"+id, FlagOverdue, 7
		rs[0].ReturnedTo = &ItemRef{ItemID: "i", Matched: []string{}}
		break
	}
	if err := l.writeSnapshot(c); err != nil {
		t.Fatal(err)
	}
	got := l.readSnapshot()
	if got == nil {
		t.Fatal("the snapshot just written cannot be read")
	}
	if got.gen != c.gen {
		t.Errorf("generation %d, want %d", got.gen, c.gen)
	}
	if !reflect.DeepEqual(got.meetingList, c.meetingList) {
		t.Error("meetings differ")
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"rows", got.byMeeting, c.byMeeting}, {"matches", got.matches, c.matches}, {"calendars", got.calendars, c.calendars},
		{"committees", got.committees, c.committees}, {"order", got.order, c.order}, {"names", got.names, c.names},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s differ", f.name)
		}
	}
	if len(c.matches) == 0 || len(c.byMeeting) == 0 {
		t.Fatal("nothing to compare")
	}
}

// TestSnapshotDamaged: a snapshot that is cut short, altered, or of
// another library is not used.
func TestSnapshotDamaged(t *testing.T) {
	ctx := context.Background()
	l := boardLibrary(t)
	c, err := l.model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Due(ctx, DueQuery{AsOf: date("2016-01-01")}); err != nil {
		t.Fatal(err)
	}
	if err := l.writeSnapshot(c); err != nil {
		t.Fatal(err)
	}
	path := l.snapshotPath()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := slices.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	for name, data := range map[string][]byte{
		"empty": {}, "cut": good[:len(good)/2], "flipped": flipped, "other text": []byte("not a snapshot at all"),
	} {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if l.readSnapshot() != nil {
			t.Errorf("%s: the snapshot was used", name)
		}
	}
	os.WriteFile(path, good, 0o600)
	l.libraryID = "another"
	if l.readSnapshot() != nil {
		t.Error("another library's snapshot was used")
	}
}

// TestSnapshotCatchesUp: a process that starts from a snapshot older
// than the store (another process edited and imported since) shows what
// a process reading the store shows.
func TestSnapshotCatchesUp(t *testing.T) {
	ctx := context.Background()
	first := boardLibrary(t)
	dir := first.Dir()
	asOf := []string{"2012-06-01", "2016-03-15", "2030-01-01"}
	for _, d := range asOf {
		if _, err := first.Due(ctx, DueQuery{AsOf: date(d), IncludeClosed: true}); err != nil {
			t.Fatal(err)
		}
	}
	first.Close() // writes the snapshot
	if _, err := os.Stat(filepath.Join(dir, snapshotFile)); err != nil {
		t.Fatalf("no snapshot written: %v", err)
	}

	// Another process's work: edits, a rejection, a meeting imported.
	other := openLib(t, dir)
	other.snapRead = true // as an older minutebook: no snapshot
	rs, err := other.Due(ctx, DueQuery{AsOf: date("2016-03-15")})
	if err != nil {
		t.Fatal(err)
	}
	done, yes := StatusDone, true
	for i, r := range rs[:min(len(rs), 30)] {
		c := Change{Note: "from the other process"}
		switch i % 3 {
		case 1:
			c.Status = &done
		case 2:
			c.Reject = &yes
		}
		if _, err := other.Update(ctx, r.ID, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rs {
		if r.Kind == minutes.KindFollowUp && r.ReturnedTo != nil {
			if err := other.LinkReturn(ctx, r.ID, ""); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	other.Close()

	fresh := func() *Library { // reads the store
		l := openLib(t, dir)
		l.snapRead = true
		return l
	}
	for _, d := range asOf {
		for _, closed := range []bool{false, true} {
			q := DueQuery{AsOf: date(d), IncludeClosed: closed}
			snap := openLib(t, dir) // starts from the snapshot
			got, err := snap.Due(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if snap.snapGen == 0 {
				t.Fatal("the snapshot was not used")
			}
			want, err := fresh().Due(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("as of %s, closed %v: the board from the snapshot differs from the store's", d, closed)
			}
		}
	}
}

// TestEditsCatchUp: in one process, after each kind of edit the board
// from the model carried over is the board a new process reads.
func TestEditsCatchUp(t *testing.T) {
	ctx := context.Background()
	l := boardLibrary(t)
	q := DueQuery{AsOf: date("2016-03-15"), IncludeClosed: true}
	rs, err := l.Due(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var fu Record
	for _, r := range rs {
		if r.Kind == minutes.KindFollowUp && r.ReturnedTo != nil {
			fu = r
			break
		}
	}
	if fu.ID == "" {
		t.Fatal("no returned follow-up")
	}
	done, yes, no := StatusDone, true, false
	kind := minutes.KindAction
	text := fu.Text[:len(fu.Text)/2]
	steps := []struct {
		name string
		do   func() error
	}{
		{"note", func() error { _, err := l.Update(ctx, rs[0].ID, Change{Note: "n"}); return err }},
		{"done", func() error { _, err := l.Update(ctx, rs[1].ID, Change{Status: &done}); return err }},
		{"not returned", func() error { return l.LinkReturn(ctx, fu.ID, "") }},
		{"returned again", func() error { return l.LinkReturn(ctx, fu.ID, fu.ReturnedTo.ItemID) }},
		{"text", func() error { _, err := l.Update(ctx, fu.ID, Change{Text: &text}); return err }},
		{"kind", func() error { _, err := l.Update(ctx, fu.ID, Change{Kind: &kind}); return err }},
		{"reject", func() error { _, err := l.Update(ctx, rs[2].ID, Change{Reject: &yes}); return err }},
		{"unreject", func() error { _, err := l.Update(ctx, rs[2].ID, Change{Reject: &no}); return err }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := l.Due(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n := openLib(t, l.Dir())
		n.snapRead = true
		want, err := n.Due(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n.Close()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after %s: the board carried over differs from a new process's", st.name)
		}
	}
}

// FuzzSnapshot: a damaged snapshot (past its checksum) is an error,
// never a panic or a huge allocation.
func FuzzSnapshot(f *testing.F) {
	var w snapWriter
	w.raw(snapshotMagic)
	w.uint(snapshotVersion)
	w.str("lib")
	w.str(buildStamp())
	head := string(w.b)
	f.Add([]byte{0, 1, 2})
	f.Add([]byte{5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, tail []byte) {
		r := &snapReader{s: head + string(tail)}
		c, err := r.model("lib")
		if err == nil && c == nil {
			t.Fatal("no model and no error")
		}
	})
}
