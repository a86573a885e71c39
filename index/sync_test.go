package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/moderngov"
	"github.com/minutebook/minutebook/index/moderngov/moderngovtest"
	"github.com/minutebook/minutebook/minutes"
)

// syncNow is the tests' today: the fake site's meetings run from January
// 2025 to the summer.
var syncNow = time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC)

func syncLibrary(t testing.TB, dir string) *Library {
	t.Helper()
	c := &clock{t: syncNow}
	if dir == "" {
		dir = t.TempDir()
	}
	l, err := Open(context.Background(), dir, Options{Now: c.now, Logf: t.Logf, IndexWait: 2 * time.Second, Command: "minutebook test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// fastSync is a sync with no rate limit and quick retries, as tests need.
func fastSync() SyncOptions {
	return SyncOptions{Rate: -1, Client: moderngov.Options{Backoff: time.Millisecond, MaxWait: 10 * time.Millisecond, Timeout: 20 * time.Second}}
}

func addSource(t testing.TB, l *Library, url string) Source {
	t.Helper()
	src, _, err := l.AddSource(context.Background(), SourceConfig{Site: url, Council: "Wexcombe Borough Council"})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func mustSync(t testing.TB, l *Library, src Source, opt SyncOptions) SyncResult {
	t.Helper()
	res, err := l.SyncSource(context.Background(), src, opt)
	if err != nil {
		t.Fatalf("sync: %v (%+v)", err, res)
	}
	return res
}

// published counts the fake's meetings that have minutes.
func published(srv *moderngovtest.Server) int {
	n := 0
	for _, m := range srv.Meetings() {
		if m.Published && !m.Cancelled {
			n++
		}
	}
	return n
}

func TestSyncTwiceAddsNothingTheSecondTime(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 3, Meetings: 5, PDFEvery: 4, CancelEvery: 7, Conditional: true,
		Published: minutes.MakeDate(2025, 5, 1)})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	ctx := context.Background()

	res := mustSync(t, l, src, fastSync())
	want := published(srv)
	if res.New != want || res.Failed != 0 || res.Changed != 0 {
		t.Fatalf("first sync: %+v (failures %v), want %d new", res, res.Failures, want)
	}
	if res.Waiting == 0 {
		t.Errorf("the cancelled and unpublished meetings were not counted: %+v", res)
	}
	ms, err := l.Meetings(ctx, "")
	if err != nil || len(ms) != want {
		t.Fatalf("library holds %d meetings (%v), want %d", len(ms), err, want)
	}
	// Every meeting, from per-item minutes or a printed PDF, has its
	// items, records and addresses.
	pdfs := 0
	for _, fm := range srv.Meetings() {
		if !fm.Published || fm.Cancelled {
			continue
		}
		id := minutes.CommitteeSlug(fm.Committee.Title) + "-" + fm.Date.String()
		d, err := l.Meeting(ctx, id)
		if err != nil {
			t.Fatalf("meeting %s (site %s): %v", id, fm.ID, err)
		}
		if fm.PDFOnly {
			pdfs++
		}
		if len(d.Items) != len(fm.Items) {
			t.Errorf("%s: %d items, want %d (pdf %v)", id, len(d.Items), len(fm.Items), fm.PDFOnly)
		}
		if d.Council != "Wexcombe Borough Council" || d.Committee != fm.Committee.Title {
			t.Errorf("%s: council %q committee %q", id, d.Council, d.Committee)
		}
		if !strings.HasPrefix(d.SourceURL, srv.URL+"/ieListDocuments.aspx?CId="+fm.Committee.ID+"&MId="+fm.ID) {
			t.Errorf("%s: source URL %q", id, d.SourceURL)
		}
		actions := 0
		for i, it := range d.Items {
			if i < len(fm.Items) && it.SourceURL != srv.URL+"/mgAi.aspx?ID="+fm.Items[i].ID {
				t.Errorf("%s item %s: URL %q", id, it.Number, it.SourceURL)
			}
			for _, r := range it.Records {
				if r.Kind == minutes.KindAction {
					actions++
				}
				if r.SourceURL != it.SourceURL {
					t.Errorf("%s: record %s URL %q, item's %q", id, r.ID, r.SourceURL, it.SourceURL)
				}
			}
		}
		if actions == 0 {
			t.Errorf("%s: no actions found (pdf %v)", id, fm.PDFOnly)
		}
		// The service's attendance fills what the minutes do not give.
		if d.Attendance.Chair == "" || len(d.Attendance.Present) < 4 || len(d.Attendance.Apologies) != 1 {
			t.Errorf("%s: attendance %+v (pdf %v)", id, d.Attendance, fm.PDFOnly)
		}
	}
	if pdfs == 0 {
		t.Fatal("no meeting came from a printed PDF")
	}

	gen, _ := l.Generation(ctx)
	srv.ResetCounts()
	again := mustSync(t, l, src, fastSync())
	if again.New != 0 || again.Changed != 0 || again.Failed != 0 || again.Unchanged != want {
		t.Errorf("second sync: %+v, want %d unchanged and nothing else", again, want)
	}
	if g, _ := l.Generation(ctx); g != gen {
		t.Errorf("the second sync changed the library (generation %d → %d)", gen, g)
	}
	if n := srv.Count("document"); n != 0 {
		t.Errorf("the second sync fetched %d PDFs again", n)
	}
	// Everything was asked conditionally and nothing had changed: every
	// answer was 304 Not Modified.
	if n, all := srv.Count("304"), len(srv.Requests()); n != all || all == 0 {
		t.Errorf("%d of the second sync's %d requests were answered 304", n, all)
	}
	for _, ua := range srv.UserAgents() {
		if !strings.HasPrefix(ua, "minutebook/") || !strings.Contains(ua, moderngov.ProjectURL) {
			t.Errorf("User-Agent %q", ua)
		}
	}
	if n := srv.MaxInFlight(); n != 1 {
		t.Errorf("%d requests at once", n)
	}
	srcs, _ := l.Sources(ctx)
	if len(srcs) != 1 || srcs[0].LastSync.IsZero() || srcs[0].Interrupted || !strings.Contains(srcs[0].LastResult, "0 new") {
		t.Errorf("source after syncs: %+v", srcs)
	}
}

func TestSyncConditionalAndRecent(t *testing.T) {
	// Meetings long before today are not fetched again; recent ones are,
	// conditionally, and a 304 counts as unchanged.
	srv := moderngovtest.New(moderngovtest.Options{Committees: 1, Meetings: 10, Conditional: true})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	first := mustSync(t, l, src, fastSync())
	srv.ResetCounts()
	again := mustSync(t, l, src, fastSync())
	if again.Unchanged != first.New || again.New != 0 {
		t.Fatalf("second sync %+v after %+v", again, first)
	}
	recent := 0
	for _, m := range srv.Meetings() {
		if today := minutes.DateOf(syncNow); !m.Date.Before(today.AddDays(-recheckDays)) && !m.Date.After(today) {
			recent++
		}
	}
	if n := srv.Count("GetMeeting"); n != recent {
		t.Errorf("the second sync asked for %d meetings; %d are recent enough to recheck", n, recent)
	}
	srv.ResetCounts()
	all := mustSync(t, l, src, SyncOptions{Rate: -1, Recheck: true})
	if n := srv.Count("GetMeeting"); n != first.New || all.Unchanged != first.New {
		t.Errorf("--recheck asked for %d meetings (%+v), want %d", n, all, first.New)
	}
}

func TestSyncChangedMinuteKeepsTracking(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 4})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	ctx := context.Background()
	mustSync(t, l, src, fastSync())

	fm := srv.Meetings()[len(srv.Meetings())-1] // recent enough to be checked again
	id := minutes.CommitteeSlug(fm.Committee.Title) + "-" + fm.Date.String()
	d, err := l.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var action Record
	for _, it := range d.Items {
		for _, r := range it.Records {
			if r.Kind == minutes.KindAction && action.ID == "" {
				action = r
			}
		}
	}
	if action.ID == "" {
		t.Fatalf("no action in %s", id)
	}
	done := StatusDone
	if _, err := l.Update(ctx, action.ID, Change{Status: &done, Note: "sent to Members"}); err != nil {
		t.Fatal(err)
	}
	// The clerk corrects a minute on the site: a figure in the item the
	// action is in.
	srv.Change(fm.ID, func(m *moderngovtest.Meeting) {
		for _, it := range m.Items {
			if strings.Contains(it.HTML, "undertook") && strings.Contains(action.ItemTitle, it.Title) {
				it.HTML = strings.Replace(it.HTML, "Members asked about progress", "Members (corrected at the following meeting) asked about progress", 1)
			}
		}
	})
	res := mustSync(t, l, src, fastSync())
	if res.Changed != 1 || res.New != 0 || res.Failed != 0 {
		t.Fatalf("sync after the change: %+v", res)
	}
	r, hist, err := l.Record(ctx, action.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusDone || len(hist) == 0 || r.LastNote != "sent to Members" {
		t.Errorf("tracking after the changed minute: %+v %+v", r, hist)
	}
	d, _ = l.Meeting(ctx, id)
	found := false
	for _, it := range d.Items {
		found = found || strings.Contains(it.Body, "corrected at the following meeting")
	}
	if !found {
		t.Error("the changed minute's text is not in the library")
	}
	if orphans, _ := l.Orphans(ctx); len(orphans) != 0 {
		t.Errorf("orphans: %+v", orphans)
	}
}

func TestSyncFaults(t *testing.T) {
	type tc struct {
		name  string
		fault moderngovtest.Fault
		fails bool   // the meeting fails (else a retry saves it)
		want  string // in the failure's message
		kind  error
	}
	cases := []tc{
		{"500 once", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 500, Times: 1}, false, "", nil},
		{"503 always", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 503}, true, "503 Service Unavailable", moderngov.ErrServer},
		{"429 once", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 429, Times: 1}, false, "", nil},
		{"404", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 404}, true, "404 Not Found", moderngov.ErrClient},
		{"403", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 403}, true, "403 Forbidden", moderngov.ErrClient},
		{"redirect off-site", moderngovtest.Fault{Kind: moderngovtest.FaultRedirect}, true, "another site", moderngov.ErrOffSite},
		{"cut off once", moderngovtest.Fault{Kind: moderngovtest.FaultCutOff, Times: 1}, false, "", nil},
		{"cut off always", moderngovtest.Fault{Kind: moderngovtest.FaultCutOff}, true, "cut off", moderngov.ErrCutOff},
		{"truncated XML", moderngovtest.Fault{Kind: moderngovtest.FaultTruncated}, true, "ends in the middle", moderngov.ErrMalformed},
		{"entity bomb", moderngovtest.Fault{Kind: moderngovtest.FaultEntityBomb}, true, "ENTITY", moderngov.ErrEntities},
		{"malformed", moderngovtest.Fault{Kind: moderngovtest.FaultMalformed}, true, "malformed", moderngov.ErrMalformed},
		{"HTML error page", moderngovtest.Fault{Kind: moderngovtest.FaultHTMLPage}, true, "HTML page", moderngov.ErrMalformed},
		{"too large", moderngovtest.Fault{Kind: moderngovtest.FaultHuge}, true, "limit", moderngov.ErrTooLarge},
		{"slow", moderngovtest.Fault{Kind: moderngovtest.FaultSlow, Delay: 100 * time.Millisecond}, false, "", nil},
		// The server never answers in time (it stops when minutebook
		// gives up on it).
		{"too slow", moderngovtest.Fault{Kind: moderngovtest.FaultSlow, Delay: time.Hour}, true, "no answer within", moderngov.ErrTimeout},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 3})
			defer srv.Close()
			bad := srv.Meetings()[1]
			srv.Fail("GetMeeting/"+bad.ID, c.fault)
			l := syncLibrary(t, "")
			src := addSource(t, l, srv.URL)
			opt := fastSync()
			if c.kind == moderngov.ErrTimeout {
				opt.Client.Timeout = time.Second
			}
			opt.Client.Retries = 1 // one retry shows the retry; more only take longer
			opt.Client.MaxXMLBytes = 4 << 20
			res := mustSync(t, l, src, opt)
			total := len(srv.Meetings())
			if !c.fails {
				if res.Failed != 0 || res.New != total {
					t.Fatalf("%+v (failures %v)", res, res.Failures)
				}
				return
			}
			if res.Failed != 1 || res.New != total-1 || len(res.Failures) != 1 {
				t.Fatalf("%+v (failures %v), want the one meeting failed and the rest synced", res, res.Failures)
			}
			f := res.Failures[0]
			msg := f.Error()
			if f.RemoteID != bad.ID || !strings.Contains(msg, bad.Committee.Title) || !strings.Contains(msg, bad.Date.Time().Format("2 January 2006")) ||
				!strings.Contains(msg, c.want) || !errors.Is(f.Err, c.kind) {
				t.Errorf("failure %q (%v), want one naming the meeting and saying %q", msg, f.Err, c.want)
			}
			// The next sync tries it again, and it comes in once healed.
			srv.Heal()
			again := mustSync(t, l, src, opt)
			if again.New != 1 || again.Failed != 0 {
				t.Errorf("after healing: %+v", again)
			}
		})
	}
}

func TestSyncBadInputsInLists(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 3})
	defer srv.Close()
	bad := srv.Meetings()[2]
	srv.Change(bad.ID, func(m *moderngovtest.Meeting) { m.DateText = "31/02/2025" })
	srv.Fail("GetMeetings/"+srv.Committees()[1].ID, moderngovtest.Fault{Kind: moderngovtest.FaultEntityBomb})
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	res := mustSync(t, l, src, fastSync())
	if res.Failed != 2 || res.New != 2 {
		t.Fatalf("%+v %v", res, res.Failures)
	}
	var msgs []string
	for _, f := range res.Failures {
		msgs = append(msgs, f.Error())
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, `"31/02/2025" is not a date`) || !strings.Contains(all, bad.ID) || !strings.Contains(all, srv.Committees()[1].Title+" (its list of meetings)") {
		t.Errorf("failures:\n%s", all)
	}

	// The committees' list itself failing stops the sync, and says why.
	srv.Fail("GetCommittees", moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 404})
	_, err := l.SyncSource(context.Background(), src, fastSync())
	if err == nil || !errors.Is(err, moderngov.ErrClient) || !strings.Contains(err.Error(), "404 Not Found") || !strings.Contains(err.Error(), "Modern.gov") {
		t.Errorf("GetCommittees 404: %v", err)
	}
}

func TestSyncStopsWhenRefusedInARow(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 6})
	defer srv.Close()
	for _, m := range srv.Meetings() {
		srv.Fail("GetMeeting/"+m.ID, moderngovtest.Fault{Kind: moderngovtest.FaultStatus, Status: 403})
	}
	l := syncLibrary(t, "")
	res, err := l.SyncSource(context.Background(), addSource(t, l, srv.URL), fastSync())
	if !errors.Is(err, ErrSiteRefused) || res.Fetched != refusalsInARow {
		t.Errorf("err %v after %d meetings; want a stop after %d refusals", err, res.Fetched, refusalsInARow)
	}
}

func TestSyncHostileMinutes(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 1, Meetings: 2})
	defer srv.Close()
	bad := srv.Meetings()[0]
	srv.Change(bad.ID, func(m *moderngovtest.Meeting) {
		m.Items[3].Title = "Budget \x1b[31mRED\x1b[0m Report"
		m.Items[3].HTML = `<script>alert("x")</script><style>p{}</style><p>The Committee noted the report &#27;]0;pwned&#7; and &amp;#27;[2J the figures.</p>` +
			`<p onclick="evil()">RESOLVED: That the report be noted.</p>` + "\u202e" + `<iframe src="http://elsewhere.example/"></iframe>`
	})
	l := syncLibrary(t, "")
	res := mustSync(t, l, addSource(t, l, srv.URL), fastSync())
	if res.Failed != 0 || res.New != 2 {
		t.Fatalf("%+v %v", res, res.Failures)
	}
	d, err := l.Meeting(context.Background(), minutes.CommitteeSlug(bad.Committee.Title)+"-"+bad.Date.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d.Items {
		for _, s := range []string{it.Title, it.Body} {
			if strings.ContainsAny(s, "\x1b\x07\u202e") || strings.Contains(s, "alert(") || strings.Contains(s, "evil") || strings.Contains(s, "p{}") {
				t.Errorf("item %s keeps hostile text: %q", it.Number, s)
			}
		}
		for _, r := range it.Records {
			if strings.ContainsAny(r.Text, "\x1b\x07") {
				t.Errorf("record %s: %q", r.ID, r.Text)
			}
		}
	}
}

func TestSyncOfflineFromSavedAnswers(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 3, PDFEvery: 3})
	defer srv.Close()
	saved := t.TempDir()
	scratch := syncLibrary(t, "")
	opt := fastSync()
	opt.Save, opt.SaveOnly = saved, true
	res := mustSync(t, scratch, addSource(t, scratch, srv.URL), opt)
	if res.New != 0 || res.Saved == 0 {
		t.Fatalf("save: %+v", res)
	}
	if ms, _ := scratch.Meetings(context.Background(), ""); len(ms) != 0 {
		t.Errorf("saving imported %d meetings", len(ms))
	}
	srv.Close() // nothing more from the network

	l := syncLibrary(t, "")
	opt = fastSync()
	opt.Offline = saved
	got := mustSync(t, l, addSource(t, l, srv.URL), opt)
	if got.New != len(srv.Meetings()) || got.Failed != 0 {
		t.Fatalf("offline: %+v %v", got, got.Failures)
	}
	if _, err := os.Stat(filepath.Join(saved, "GetCommittees.xml")); err != nil {
		t.Error(err)
	}
}

func TestSyncCommitteeFilter(t *testing.T) {
	srv := moderngovtest.New(moderngovtest.Options{Committees: 4, Meetings: 2})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	cs := srv.Committees()
	opt := fastSync()
	opt.Committees = []string{cs[1].ID, strings.ToLower(cs[3].Title)}
	res := mustSync(t, l, src, opt)
	if res.Committees != 2 || res.New != 4 {
		t.Errorf("%+v", res)
	}
	opt.Committees = []string{"No Such Panel"}
	_, err := l.SyncSource(context.Background(), src, opt)
	if err == nil || !strings.Contains(err.Error(), `has no committee "No Such Panel"`) || !strings.Contains(err.Error(), cs[0].Title) {
		t.Errorf("unknown committee: %v", err)
	}
	opt.Committees = []string{"Committee"}
	if _, err := l.SyncSource(context.Background(), src, opt); err == nil || !strings.Contains(err.Error(), "matches") {
		t.Errorf("ambiguous committee: %v", err)
	}
}

func TestSyncInterruptedResumes(t *testing.T) {
	// Cancelled in the middle (as Ctrl-C does), the next sync goes on
	// where it stopped and fetches nothing twice.
	srv := moderngovtest.New(moderngovtest.Options{Committees: 2, Meetings: 5})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int32
	srv.OnRequest(func(key string) {
		if strings.HasPrefix(key, "GetMeeting/") && n.Add(1) == 4 {
			cancel()
		}
	})
	_, err := l.SyncSource(ctx, src, fastSync())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted sync: %v", err)
	}
	srv.OnRequest(nil)
	srcs, _ := l.Sources(context.Background())
	if !srcs[0].Interrupted {
		t.Error("the source is not marked interrupted")
	}
	srv.ResetCounts()
	res := mustSync(t, l, srcs[0], fastSync())
	total := len(srv.Meetings())
	ms, _ := l.Meetings(context.Background(), "")
	if !res.Resumed || len(ms) != total || res.Failed != 0 {
		t.Fatalf("resumed %+v, library has %d of %d", res, len(ms), total)
	}
	if got := srv.Count("GetMeeting"); got > total-3 || srv.Count("GetCommittees") != 0 {
		t.Errorf("the resumed sync asked for %d meetings and the committees %d times; 3 were done before", got, srv.Count("GetCommittees"))
	}
}

// TestSyncChild is not a test: it is the child process of
// TestSyncKilledResumes, syncing until it is killed.
func TestSyncChild(t *testing.T) {
	dir, site := os.Getenv("MINUTEBOOK_SYNC_CHILD"), os.Getenv("MINUTEBOOK_SYNC_SITE")
	if dir == "" {
		t.Skip("only run as a child process")
	}
	l := syncLibrary(t, dir)
	src := addSource(t, l, site)
	if _, err := l.SyncSource(context.Background(), src, fastSync()); err != nil {
		t.Fatal(err)
	}
	os.Exit(0)
}

func TestSyncKilledResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	srv := moderngovtest.New(moderngovtest.Options{Committees: 3, Meetings: 6, PDFEvery: 5})
	defer srv.Close()
	srv.SetDelay(3 * time.Millisecond)
	total := len(srv.Meetings())
	for _, killAt := range []int{2, 7, 12} {
		dir := t.TempDir()
		var seen atomic.Int32
		killed := make(chan struct{})
		proc := make(chan *os.Process, 1)
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), "MINUTEBOOK_SYNC_CHILD="+dir, "MINUTEBOOK_SYNC_SITE="+srv.URL)
		cmd.Stderr = os.Stderr
		srv.OnRequest(func(key string) {
			if strings.HasPrefix(key, "GetMeeting/") && int(seen.Add(1)) == killAt {
				// Land at different points: waiting for the answer,
				// parsing, writing.
				go func() {
					time.Sleep(time.Duration(killAt) * time.Millisecond)
					(<-proc).Signal(syscall.SIGKILL)
					close(killed)
				}()
			}
		})
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		proc <- cmd.Process
		err := cmd.Wait()
		srv.OnRequest(nil)
		select {
		case <-killed:
		default:
			t.Fatalf("the child finished before it was killed (%v)", err)
		}

		// Whatever the child left is whole meetings only.
		l := syncLibrary(t, dir)
		ctx := context.Background()
		var ok string
		if err := l.store.Writer().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("integrity: %q %v", ok, err)
		}
		checkWhole := func(when string) int {
			ms, err := l.Meetings(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, ms := range ms {
				d, err := l.Meeting(ctx, ms.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Items) < 5 || d.SourceURL == "" {
					t.Errorf("%s: meeting %s has %d items, source %q", when, ms.ID, len(d.Items), d.SourceURL)
				}
			}
			return len(ms)
		}
		before := checkWhole("after the kill")
		srcs, _ := l.Sources(ctx)
		if len(srcs) != 1 || !srcs[0].Interrupted {
			t.Fatalf("after the kill at %d: sources %+v", killAt, srcs)
		}
		srv.ResetCounts()
		res := mustSync(t, l, srcs[0], fastSync())
		after := checkWhole("after resuming")
		if !res.Resumed || after != total || res.Failed != 0 || res.New != total-before {
			t.Errorf("kill at %d: resumed %+v; %d meetings before, %d after, want %d", killAt, res, before, after, total)
		}
		// Only what was not done is fetched again (the meeting the child
		// was killed on at most once more).
		if got := srv.Count("GetMeeting"); got > total-killAt+2 {
			t.Errorf("kill at %d: the resumed sync asked for %d meetings", killAt, got)
		}
		t.Logf("killed at request %d: %d meetings whole after the kill; resumed with %d requests: %s", killAt, before, srv.Count("GetMeeting"), res.Summary())
		l.Close()
	}
}

func TestSyncTwoCouncilsSameCommitteeAndDay(t *testing.T) {
	// Two councils' Audit Committees meet on the same day: the second
	// council's committee has a key of its own (committee.go), so its
	// meetings come in beside the first's instead of replacing them (they
	// were refused before committees were keyed).
	a := moderngovtest.New(moderngovtest.Options{Committees: 1, Meetings: 2})
	defer a.Close()
	b := moderngovtest.New(moderngovtest.Options{Committees: 1, Meetings: 2})
	defer b.Close()
	l := syncLibrary(t, "")
	ctx := context.Background()
	mustSync(t, l, addSource(t, l, a.URL), fastSync())
	src, _, err := l.AddSource(ctx, SourceConfig{Site: b.URL, Council: "Marlbridge District Council"})
	if err != nil {
		t.Fatal(err)
	}
	res := mustSync(t, l, src, fastSync())
	if res.Failed != 0 || res.New != 2 {
		t.Errorf("%+v %v", res, res.Failures)
	}
	d, _ := l.Meeting(ctx, "ac-"+a.Meetings()[0].Date.String())
	if d == nil || !strings.HasPrefix(d.SourceURL, a.URL) || d.Council != "Wexcombe Borough Council" {
		t.Errorf("the first council's meeting was replaced: %+v", d)
	}
	d, _ = l.Meeting(ctx, "ac-marlbridge-"+b.Meetings()[0].Date.String())
	if d == nil || !strings.HasPrefix(d.SourceURL, b.URL) || d.Council != "Marlbridge District Council" {
		t.Errorf("the second council's meeting is not under its own key: %+v", d)
	}
}

func TestSyncMeetingMovedOnTheSite(t *testing.T) {
	// The council corrects a meeting's date: the parse under the old date
	// goes, the meeting comes in under the new one, and tracking on the
	// old records is kept (as orphans, shown and reported like any).
	srv := moderngovtest.New(moderngovtest.Options{Committees: 1, Meetings: 3})
	defer srv.Close()
	l := syncLibrary(t, "")
	src := addSource(t, l, srv.URL)
	ctx := context.Background()
	mustSync(t, l, src, fastSync())
	fm := srv.Meetings()[2]
	oldID := minutes.CommitteeSlug(fm.Committee.Title) + "-" + fm.Date.String()
	d, err := l.Meeting(ctx, oldID)
	if err != nil {
		t.Fatal(err)
	}
	rec := d.Items[3].Records[0].ID
	if _, err := l.Update(ctx, rec, Change{Note: "before the date was corrected"}); err != nil {
		t.Fatal(err)
	}
	moved := fm.Date.AddDays(1)
	srv.Change(fm.ID, func(m *moderngovtest.Meeting) {
		m.Date, m.DateText = moved, fmt.Sprintf("%02d/%02d/%04d", moved.Day, moved.Month, moved.Year)
	})
	res := mustSync(t, l, src, fastSync())
	if res.Changed != 1 || res.Failed != 0 {
		t.Fatalf("%+v %v", res, res.Failures)
	}
	if _, err := l.Meeting(ctx, oldID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the meeting under its old date: %v", err)
	}
	if _, err := l.Meeting(ctx, minutes.CommitteeSlug(fm.Committee.Title)+"-"+moved.String()); err != nil {
		t.Errorf("the meeting under its new date: %v", err)
	}
	orphans, _ := l.Orphans(ctx)
	if len(orphans) != 1 || orphans[0].ID != rec || orphans[0].LastNote != "before the date was corrected" {
		t.Errorf("orphans %+v", orphans)
	}
	if n, _ := l.Meetings(ctx, ""); len(n) != 3 {
		t.Errorf("%d meetings, want 3", len(n))
	}
}
