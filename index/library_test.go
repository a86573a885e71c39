package index

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

func TestImportIdempotent(t *testing.T) {
	ctx := context.Background()
	for _, dir := range []string{":memory:", "disk"} {
		t.Run(dir, func(t *testing.T) {
			if dir == "disk" {
				dir = t.TempDir()
			}
			l := openLib(t, dir)
			m := harrow()
			data := encode(m)
			first, err := l.Import(ctx, "a.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if first.Duplicate || first.Meetings != 1 || first.Items != 3 || first.Records != 9 || first.MeetingID != "osc-2021-12-14" {
				t.Errorf("first import = %+v", first)
			}
			gen, _ := l.Generation(ctx)
			again, err := l.Import(ctx, "b.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if !again.Duplicate || again.Meetings != 0 || again.MeetingID != first.MeetingID {
				t.Errorf("second import = %+v, want a duplicate of %s", again, first.MeetingID)
			}
			if gen2, _ := l.Generation(ctx); gen2 != gen {
				t.Errorf("generation moved from %d to %d on a duplicate", gen, gen2)
			}
			ms, err := l.Meetings(ctx, "")
			if err != nil || len(ms) != 1 || ms[0].Records != 9 || ms[0].Items != 3 {
				t.Errorf("Meetings = %+v, %v", ms, err)
			}
		})
	}
}

func TestImportRejected(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, harrow())
	gen, _ := l.Generation(ctx)
	for _, tc := range []struct {
		name, data string
		is         error
		msg        string
	}{
		{"not minutes", "REJECT: press release", minutes.ErrNotMinutes, errFakeReject.Error()},
		{"parser bug", "PANIC", nil, "bug in minutebook"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.Import(ctx, "x.txt", []byte(tc.data))
			if err == nil {
				t.Fatal("import succeeded")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
			if tc.is != nil && err.Error() != tc.msg {
				t.Errorf("error %q, want the parser's own %q", err, tc.msg)
			}
		})
	}
	if gen2, _ := l.Generation(ctx); gen2 != gen {
		t.Errorf("a rejected import changed the library (generation %d → %d)", gen, gen2)
	}
}

func TestGenerationBumpsOnEveryWrite(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	var last int64
	step := func(what string, f func() error) {
		t.Helper()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		g, err := l.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if g <= last {
			t.Errorf("%s: generation %d did not move past %d", what, g, last)
		}
		last = g
	}
	step("import", func() error { _, err := l.Import(ctx, "h", encode(harrow())); return err })
	step("update", func() error {
		_, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone)})
		return err
	})
	step("note", func() error {
		_, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Note: "chased"})
		return err
	})
	step("link", func() error {
		mustImport(t, l, laterHarrow("2022-03-01", true))
		return l.LinkReturn(ctx, "osc-2021-12-14-188-f1", "osc-2022-03-01-3")
	})
}

// changed is harrow as a corrected document: item 188's action reworded,
// item 189's second action gone, a new resolution on 180.
func changed() *minutes.Meeting {
	m := harrow()
	m.Items[1].Actions[0].Text = "An officer undertook to investigate, with a view to helping local businesses."
	m.Items[2].Actions = m.Items[2].Actions[:1]
	m.Items[0].Resolutions = append(m.Items[0].Resolutions, minutes.Record{Text: "That the Chair's thanks be recorded."})
	assignTestIDs(m)
	return m
}

func TestReimportChangedKeepsTracking(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, harrow())
	edits := map[string]Change{
		"osc-2021-12-14-188-a1": {Status: ptr(StatusInProgress), Note: "asked the director", Owner: ptr("Head of Licensing")},
		"osc-2021-12-14-189-a2": {Status: ptr(StatusDone), Note: "done at the January meeting"},
	}
	for id, c := range edits {
		if _, err := l.Update(ctx, id, c); err != nil {
			t.Fatal(err)
		}
	}
	res, err := l.Import(ctx, "harrow-corrected.txt", encode(changed()))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.Duplicate || res.MeetingID != "osc-2021-12-14" {
		t.Errorf("import of the corrected minutes = %+v, want Replaced", res)
	}
	r, hist, err := l.Record(ctx, "osc-2021-12-14-188-a1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusInProgress || r.Owner != "Head of Licensing" || r.LastNote != "asked the director" || !strings.Contains(r.Text, "local businesses") {
		t.Errorf("record after re-import = %+v", r)
	}
	if len(hist) != 3 {
		t.Errorf("history = %+v, want status, owner and note", hist)
	}
	gone, _, err := l.Record(ctx, "osc-2021-12-14-189-a2")
	if err != nil {
		t.Fatalf("the tracking of a record the new version dropped: %v", err)
	}
	if !gone.Orphaned || gone.Status != StatusDone || gone.LastNote != "done at the January meeting" {
		t.Errorf("orphaned record = %+v", gone)
	}
	orphans, err := l.Orphans(ctx)
	if err != nil || len(orphans) != 1 || orphans[0].ID != "osc-2021-12-14-189-a2" {
		t.Errorf("Orphans = %+v, %v", orphans, err)
	}
	if _, _, err := l.Record(ctx, "osc-2021-12-14-180-r2"); err != nil {
		t.Errorf("the new resolution: %v", err)
	}
	// The old bytes again are a duplicate: they change nothing back.
	if res, err := l.Import(ctx, "harrow.txt", encode(harrow())); err != nil || !res.Duplicate {
		t.Errorf("re-import of the first version = %+v, %v", res, err)
	}
}

func TestReparse(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow(), laterHarrow("2022-03-01", false))
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a2", Change{Status: ptr(StatusDone), Note: "closed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, "osc-2021-12-14-188-a1", Change{Note: "chasing"}); err != nil {
		t.Fatal(err)
	}
	if res, err := l.Reparse(ctx); err != nil || res.Changed != 0 || res.Unchanged != 2 || len(res.Orphans) != 0 {
		t.Errorf("reparse with the same parser = %+v, %v", res, err)
	}
	l.Close()

	// A "better" parser: harrow now parses as changed(); the later meeting
	// is rejected.
	better := func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		m, err := fakeParse(ctx, name, data)
		if err != nil {
			return nil, err
		}
		switch m.ID() {
		case "osc-2021-12-14":
			return changed(), nil
		case "osc-2022-03-01":
			return nil, errFakeReject
		}
		return m, nil
	}
	l = openLib(t, dir, func(o *Options) { o.Parse = better })
	res, err := l.Reparse(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sources != 2 || res.Changed != 1 || len(res.Failed) != 1 || res.Failed[0].MeetingID != "osc-2022-03-01" {
		t.Errorf("reparse = %+v", res)
	}
	if len(res.Orphans) != 1 || res.Orphans[0].ID != "osc-2021-12-14-189-a2" || res.Orphans[0].Status != StatusDone {
		t.Errorf("orphans = %+v", res.Orphans)
	}
	if _, err := l.Meeting(ctx, "osc-2022-03-01"); err != nil {
		t.Errorf("the meeting whose source the parser now rejects was dropped: %v", err)
	}
	r, _, err := l.Record(ctx, "osc-2021-12-14-188-a1")
	if err != nil || r.LastNote != "chasing" || !strings.Contains(r.Text, "local businesses") {
		t.Errorf("tracked record after reparse = %+v, %v", r, err)
	}
	if res, err := l.Reparse(ctx); err != nil || res.Changed != 0 {
		t.Errorf("second reparse = %+v, %v", res, err)
	}
}

func TestReparseMovesMeeting(t *testing.T) {
	// A parser that now reads the date differently gives the meeting a new
	// ID: the old one goes, tracking of its records stays as orphans.
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	if _, err := l.Update(ctx, "osc-2021-12-14-188-f1", Change{Note: "diary"}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	redated := func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		m, err := fakeParse(ctx, name, data)
		if err == nil {
			m.Date = date("2021-12-15")
			assignTestIDs(m)
		}
		return m, err
	}
	l = openLib(t, dir, func(o *Options) { o.Parse = redated })
	res, err := l.Reparse(ctx)
	if err != nil || res.Changed != 1 {
		t.Fatalf("reparse = %+v, %v", res, err)
	}
	ms, _ := l.Meetings(ctx, "")
	if len(ms) != 1 || ms[0].ID != "osc-2021-12-15" {
		t.Errorf("meetings = %+v", ms)
	}
	if len(res.Orphans) != 1 || res.Orphans[0].LastNote != "diary" {
		t.Errorf("orphans = %+v", res.Orphans)
	}
	hits, err := l.Search(ctx, SearchQuery{Text: "enforcement"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits.Hits {
		if h.MeetingID != "osc-2021-12-15" {
			t.Errorf("search still finds %s of the old meeting", h.ID)
		}
	}
}

func TestUpdate(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	for _, tc := range []struct {
		name    string
		id      string
		change  Change
		wantErr string
		check   func(Record) bool
	}{
		{"status", "osc-2021-12-14-189-a1", Change{Status: ptr(Status("in progress"))}, "", func(r Record) bool { return r.Status == StatusInProgress }},
		{"bad status", "osc-2021-12-14-189-a1", Change{Status: ptr(Status("finished-ish"))}, "want open", nil},
		{"owner override", "osc-2021-12-14-189-a1", Change{Owner: ptr("Chief Inspector")}, "", func(r Record) bool { return r.Owner == "Chief Inspector" && r.ParsedOwner == "Borough Commander" }},
		{"owner back to parsed", "osc-2021-12-14-189-a1", Change{Owner: ptr("")}, "", func(r Record) bool { return r.Owner == "Borough Commander" }},
		{"due override", "osc-2021-12-14-188-f1", Change{Due: ptr(date("2022-09-13"))}, "", func(r Record) bool { return r.Due == date("2022-09-13") && !r.Provisional }},
		{"due cleared", "osc-2021-12-14-188-f1", Change{Due: &minutes.Date{}}, "", func(r Record) bool { return r.Due == date("2022-06-30") && r.Provisional }},
		// The escape sequence goes whole, by the one sanitiser (it left "[31m" in the note before).
		{"note with escapes", "osc-2021-12-14-188-a1", Change{Note: "rang \x1b[31mthem\x07 today"}, "", func(r Record) bool { return r.LastNote == "rang them today" }},
		{"resolution status", "osc-2021-12-14-188-r1", Change{Status: ptr(StatusDone)}, "is a resolution", nil},
		{"resolution note", "osc-2021-12-14-188-r1", Change{Note: "see also 189"}, "", func(r Record) bool { return r.LastNote == "see also 189" && r.Status == "" }},
		{"unknown", "osc-1999-01-01-1-a1", Change{Note: "x"}, "no record", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := l.Update(ctx, tc.id, tc.change)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(r) {
				t.Errorf("record after update = %+v", r)
			}
		})
	}
	_, hist, err := l.Record(ctx, "osc-2021-12-14-189-a1")
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, h := range hist {
		fields = append(fields, h.Field+":"+h.Old+">"+h.New)
	}
	want := "status:open>in_progress owner:Borough Commander>Chief Inspector owner:Chief Inspector>Borough Commander"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("history = %s, want %s", got, want)
	}
	gen, _ := l.Generation(ctx)
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusInProgress)}); err != nil {
		t.Fatal(err)
	}
	if g, _ := l.Generation(ctx); g != gen {
		t.Error("a change that changes nothing was written")
	}
}

func TestTrackingSurvivesEverything(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	id := "osc-2021-12-14-189-a1"
	if _, err := l.Update(ctx, id, Change{Status: ptr(StatusDone), Note: "figures circulated"}); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		t.Helper()
		r, hist, err := l.Record(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if r.Status != StatusDone || r.LastNote != "figures circulated" || len(hist) != 2 {
			t.Errorf("%s: record %+v, history %+v", stage, r, hist)
		}
		res, err := l.Search(ctx, SearchQuery{Text: "knife crime", Status: StatusDone})
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != id {
			t.Errorf("%s: search for done records = %+v", stage, res.Hits)
		}
	}
	check("edit")
	mustImport(t, l, harrow())
	check("re-import")
	if _, err := l.Import(ctx, "corrected", encode(changed())); err != nil {
		t.Fatal(err)
	}
	check("changed re-import")
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	check("reparse")
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	check("reindex")
	l.Close()
	os.RemoveAll(filepath.Join(dir, "index"))
	l = openLib(t, dir)
	check("index deleted")
}

func TestMeetingAndCommittees(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow(), laterHarrow("2022-06-21", true))
	cs, err := l.Committees(ctx)
	if err != nil || len(cs) != 1 || cs[0].Meetings != 2 || cs[0].Last != date("2022-06-21") || cs[0].Council != "Harrow Council" {
		t.Errorf("Committees = %+v, %v", cs, err)
	}
	d, err := l.Meeting(ctx, "osc-2021-12-14")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 3 || len(d.Items[1].Records) != 4 || d.Items[1].ID != "osc-2021-12-14-188" || d.NextMeeting != date("2022-01-11") {
		t.Errorf("Meeting = %+v", d)
	}
	for _, name := range []string{"Overview and Scrutiny Committee", "overview  and scrutiny committee", "osc", "scrutiny"} {
		ms, err := l.Meetings(ctx, name)
		if err != nil || len(ms) != 2 || ms[0].Date != date("2022-06-21") {
			t.Errorf("Meetings(%q) = %+v, %v", name, ms, err)
		}
	}
	if _, err := l.Meetings(ctx, "planning"); !isNotFound(err) {
		t.Errorf("Meetings(planning): %v, want not found", err)
	}
	if _, err := l.Meeting(ctx, "osc-1999-01-01"); !isNotFound(err) {
		t.Errorf("Meeting of nothing: %v", err)
	}
	next, ok, err := l.NextMeeting(ctx, "Overview and Scrutiny Committee", date("2021-12-14"))
	if err != nil || !ok || next != date("2022-01-11") {
		t.Errorf("NextMeeting = %s %v %v, want the stated 2022-01-11", next, ok, err)
	}
}

func TestRecordsForExport(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, synth.Meetings(30, 5)...)
	all, err := l.Records(ctx, RecordQuery{Kinds: []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp}, IncludeExempt: true})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, m := range synth.Meetings(30, 5) {
		for _, it := range m.Items {
			want += len(it.Records())
		}
	}
	if len(all) != want {
		t.Errorf("Records = %d records, want %d", len(all), want)
	}
	for i := 1; i < len(all); i++ {
		if all[i].MeetingDate.Before(all[i-1].MeetingDate) {
			t.Fatalf("records out of meeting order at %d", i)
		}
	}
	actions, err := l.Records(ctx, RecordQuery{Kinds: []minutes.Kind{minutes.KindAction}, From: date("2015-01-01"), To: date("2019-12-31")})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range actions {
		if r.Kind != minutes.KindAction || r.MeetingDate.Year < 2015 || r.MeetingDate.Year > 2019 || r.Exempt {
			t.Errorf("record %s does not fit the query", r.ID)
		}
	}
}

func TestBadLibraryDirs(t *testing.T) {
	ctx := context.Background()
	newer := t.TempDir()
	l := openLib(t, newer)
	l.Close()
	db, err := sql.Open("sqlite", filepath.Join(newer, store.File))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	foreign := t.TempDir()
	db, _ = sql.Open("sqlite", filepath.Join(foreign, store.File))
	db.Exec("CREATE TABLE accounts (id INTEGER)")
	db.Close()

	notLib := t.TempDir()
	os.WriteFile(filepath.Join(notLib, "thesis.docx"), []byte("x"), 0o600)

	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o600)

	hidden := t.TempDir()
	os.WriteFile(filepath.Join(hidden, ".DS_Store"), []byte("x"), 0o600)

	for _, tc := range []struct {
		name, dir string
		is        error
		says      string
	}{
		{"newer store", newer, ErrNewerLibrary, "install a newer minutebook"},
		{"foreign database", foreign, ErrNotLibrary, "not a minutebook store"},
		{"folder of other files", notLib, ErrNotLibrary, "choose an empty or new folder"},
		{"a file", file, ErrNotLibrary, "is a file"},
		{"only hidden files", hidden, nil, ""},
		{"new folder", filepath.Join(t.TempDir(), "a", "b"), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Open(ctx, tc.dir, testOptions(t))
			if tc.is == nil {
				if err != nil {
					t.Fatal(err)
				}
				l.Close()
				return
			}
			if err == nil {
				l.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q, want %v saying %q", err, tc.is, tc.says)
			}
		})
	}
}

func TestReadOnlyLibrary(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to read-only folders")
	}
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	l.Close()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(ctx, dir, testOptions(t))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "permissions") {
		t.Errorf("Open of a read-only library: %v", err)
	}
}

func TestDiskFull(t *testing.T) {
	// SQLite's max_page_count stands in for a full disk: the store gets
	// SQLITE_FULL, as it would with ENOSPC.
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	mustImport(t, l, harrow())
	var pages int
	l.store.Writer().QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := l.store.Writer().Exec("PRAGMA max_page_count = " + itoa(pages+1)); err != nil {
		t.Fatal(err)
	}
	gen, _ := l.Generation(ctx)
	big := laterHarrow("2022-06-21", true)
	big.Items[1].Body = strings.Repeat("A long report on housing. ", 20000)
	_, err := l.Import(ctx, "big.txt", encode(big))
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "free some space") {
		t.Errorf("import on a full disk: %v", err)
	}
	if g, _ := l.Generation(ctx); g != gen {
		t.Error("a failed import changed the library")
	}
	if ms, _ := l.Meetings(ctx, ""); len(ms) != 1 {
		t.Errorf("meetings after a failed import: %d", len(ms))
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/srv/clerk/data")
	if got := DefaultDir(); got != filepath.Join("/srv/clerk/data", "minutebook") {
		t.Errorf("DefaultDir = %s", got)
	}
	t.Setenv("XDG_DATA_HOME", "relative/ignored")
	if got := DefaultDir(); !filepath.IsAbs(got) || !strings.HasSuffix(got, "minutebook") {
		t.Errorf("DefaultDir with a relative XDG_DATA_HOME = %s", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	// Edits, imports, due boards and searches at once, in one Library and
	// across two: no deadlock, no race, every edit kept.
	ctx := context.Background()
	dir := t.TempDir()
	// Waiting for the other Library's index is part of the test; how long
	// it takes on a loaded machine (CI, -race) is not.
	patient := func(o *Options) { o.IndexWait = time.Minute }
	a := openLib(t, dir, patient)
	b := openLib(t, dir, patient)
	ms := synth.Meetings(24, 4)
	mustImport(t, a, ms[:12]...)
	var ids []string
	for _, m := range ms[:12] {
		for _, it := range m.Items {
			for _, r := range it.Actions {
				ids = append(ids, r.ID)
			}
		}
	}
	errs := make(chan error, 100)
	done := make(chan struct{})
	work := func(f func(i int) error) {
		go func() {
			for i := 0; i < 20; i++ {
				if err := f(i); err != nil {
					errs <- err
					break
				}
			}
			done <- struct{}{}
		}()
	}
	work(func(i int) error {
		_, err := a.Update(ctx, ids[i%len(ids)], Change{Note: "note " + itoa(i)})
		return err
	})
	work(func(i int) error {
		_, err := b.Import(ctx, ms[12+i%12].Source.Name, encode(ms[12+i%12]))
		return err
	})
	work(func(i int) error { _, err := a.Due(ctx, DueQuery{AsOf: date("2020-01-01")}); return err })
	work(func(i int) error { _, err := b.Due(ctx, DueQuery{AsOf: date("2020-01-01")}); return err })
	work(func(i int) error {
		_, err := a.Search(ctx, SearchQuery{Text: "report", Facets: true})
		return err
	})
	work(func(i int) error { _, err := a.Committees(ctx); return err })
	work(func(i int) error { _, err := b.Search(ctx, SearchQuery{Text: "budget", Kind: "item"}); return err })
	for range 7 {
		<-done
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i := range 20 {
		r, _, err := b.Record(ctx, ids[i%len(ids)])
		if err != nil || r.LastNote == "" {
			t.Errorf("%s: %+v %v", ids[i%len(ids)], r, err)
		}
	}
}
