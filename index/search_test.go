package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"

	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow(), laterHarrow("2022-06-21", true))
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone)}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		q       SearchQuery
		want    []string // IDs that must be hits
		notWant []string
		total   int // exact total when > 0
		err     string
	}{
		{name: "word", q: SearchQuery{Text: "fly-tipping"}, want: []string{"osc-2021-12-14-188", "osc-2021-12-14-188-a1", "osc-2021-12-14-188-r2"}},
		{name: "stemmed", q: SearchQuery{Text: "enforcing"}, want: []string{"osc-2021-12-14-188-r2", "osc-2022-06-21-3"}},
		{name: "phrase", q: SearchQuery{Text: `"knife crime"`}, want: []string{"osc-2021-12-14-189-a1"}, total: 2},
		{name: "phrase in order only", q: SearchQuery{Text: `"crime knife"`}, total: -1},
		{name: "stop-word phrase", q: SearchQuery{Text: `"the appointment"`}, want: []string{"osc-2021-12-14-180-r1"}},
		{name: "kind", q: SearchQuery{Text: "knife", Kind: "action"}, want: []string{"osc-2021-12-14-189-a1"}, total: 1},
		{name: "kind plural", q: SearchQuery{Text: "knife", Kind: "items"}, want: []string{"osc-2021-12-14-189"}, total: 1},
		{name: "status", q: SearchQuery{Text: "borough commander", Status: StatusOpen}, want: []string{"osc-2021-12-14-189-a2"}, notWant: []string{"osc-2021-12-14-189-a1"}},
		{name: "status done", q: SearchQuery{Text: "knife", Status: StatusDone}, want: []string{"osc-2021-12-14-189-a1"}, total: 1},
		{name: "year", q: SearchQuery{Text: "enforcement", Year: 2022}, want: []string{"osc-2022-06-21-3"}, total: 1},
		{name: "from", q: SearchQuery{Text: "enforcement", From: date("2022-01-01")}, want: []string{"osc-2022-06-21-3"}, total: 1},
		{name: "to", q: SearchQuery{Text: "enforcement", To: date("2021-12-31")}, notWant: []string{"osc-2022-06-21-3"}},
		{name: "committee slug", q: SearchQuery{Text: "enforcement", Committee: "osc"}, want: []string{"osc-2022-06-21-3"}},
		{name: "field syntax", q: SearchQuery{Text: "kind:followup"}, want: []string{"osc-2021-12-14-188-f1", "osc-2021-12-14-189-f1"}, total: 2},
		{name: "must not", q: SearchQuery{Text: "enforcement -licensing"}, notWant: []string{"osc-2022-06-21-3"}},
		{name: "prefix", q: SearchQuery{Text: "enfor*"}, want: []string{"osc-2022-06-21-3"}},
		{name: "upper-case prefix", q: SearchQuery{Text: "ENFOR*"}, want: []string{"osc-2022-06-21-3"}},
		{name: "empty lists newest first", q: SearchQuery{Limit: 1}, want: []string{"osc-2022-06-21-1"}},
		{name: "short prefix", q: SearchQuery{Text: "en*"}, err: "at least 3 letters"},
		{name: "short wildcard", q: SearchQuery{Text: "f?y"}, err: "at least 3 letters"},
		{name: "regexp", q: SearchQuery{Text: "/.*/"}, err: "at least 3 letters"},
		{name: "syntax", q: SearchQuery{Text: `"unclosed`}, err: "cannot read the search"},
		{name: "bad kind", q: SearchQuery{Text: "x", Kind: "minutes"}, err: "want resolution"},
		{name: "unknown committee", q: SearchQuery{Text: "x", Committee: "Planning"}, err: "no committee"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := l.Search(ctx, tc.q)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, h := range res.Hits {
				got[h.ID] = true
			}
			for _, id := range tc.want {
				if !got[id] {
					t.Errorf("%s not found in %v", id, keys(got))
				}
			}
			for _, id := range tc.notWant {
				if got[id] {
					t.Errorf("%s found", id)
				}
			}
			if tc.total > 0 && int(res.Total) != tc.total || tc.total < 0 && res.Total != 0 {
				t.Errorf("total %d, want %d: %v", res.Total, tc.total, keys(got))
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestSearchHitsAndExcerpts(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	m := harrow()
	m.Items[2].Actions[0].Text = "Performance figures on knife crime would be provided to Members; see the \ue000 annexe."
	mustImport(t, l, m)
	res, err := l.Search(ctx, SearchQuery{Text: `"knife crime"`, Kind: "action", Facets: true})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search = %+v, %v", res, err)
	}
	h := res.Hits[0]
	if h.Kind != "action" || h.Committee != "Overview and Scrutiny Committee" || h.MeetingID != "osc-2021-12-14" ||
		h.MeetingDate != date("2021-12-14") || h.Minute != "189" || h.Status != StatusOpen || !strings.HasPrefix(h.Title, "Community Safety") {
		t.Errorf("hit = %+v", h)
	}
	var text strings.Builder
	var matched []string
	for _, s := range h.Excerpt {
		text.WriteString(s.Text)
		if s.Match {
			matched = append(matched, s.Text)
		}
		for _, r := range s.Text {
			if unicode.IsControl(r) || r == '\ue000' || r == '\ue001' {
				t.Errorf("excerpt carries %U", r)
			}
		}
	}
	if strings.Join(matched, "|") != "knife|crime" || !strings.Contains(text.String(), "Performance figures on knife crime") {
		t.Errorf("excerpt %q, matched %v", text.String(), matched)
	}
	want := map[string]string{"committee": "Overview and Scrutiny Committee", "kind": "action", "year": "2021", "status": "open"}
	for f, v := range want {
		if fc := res.Facets[f]; len(fc) != 1 || fc[0].Value != v || fc[0].Count != 1 {
			t.Errorf("facet %s = %+v, want %s:1", f, fc, v)
		}
	}
}

func TestReindex(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, t.TempDir())
	ms := synth.Meetings(40, 2)
	mustImport(t, l, ms...)
	before, err := l.Search(ctx, SearchQuery{Text: "report", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Reindex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, m := range ms {
		want += len(m.Items)
		for _, it := range m.Items {
			want += len(it.Records())
		}
	}
	if int(res.Documents) != want {
		t.Errorf("reindex made %d documents, want %d", res.Documents, want)
	}
	if int(res.Meetings) != len(ms) {
		t.Errorf("reindex made %d meetings' documents, want %d", res.Meetings, len(ms))
	}
	after, err := l.Search(ctx, SearchQuery{Text: "report", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if before.Total != after.Total || before.Hits[0].ID != after.Hits[0].ID {
		t.Errorf("reindex changed the results: %d %s → %d %s", before.Total, before.Hits[0].ID, after.Total, after.Hits[0].ID)
	}
}

// notices collects Logf output.
type notices struct{ lines []string }

func (n *notices) logf(format string, args ...any) {
	n.lines = append(n.lines, strings.TrimSpace(sprintf(format, args...)))
}

func (n *notices) has(s string) bool {
	for _, l := range n.lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

func TestIndexRebuiltWhenStaleOrDamaged(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, indexDir string)
		notice string
	}{
		{"mapping version", func(t *testing.T, dir string) {
			idx, err := bleve.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			idx.SetInternal([]byte("minutebook:mapping"), []byte("0"))
			idx.Close()
		}, "mapping version"},
		{"garbage meta", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{garbage"), 0o600)
		}, "could not be opened"},
		{"garbage root", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "store", "root.bolt"), []byte(strings.Repeat("garbage", 1000)), 0o600)
		}, "could not be opened"},
		{"truncated segments", func(t *testing.T, dir string) {
			damaged := 0
			filepath.Walk(filepath.Join(dir, "store"), func(path string, info os.FileInfo, err error) error {
				if err == nil && strings.HasSuffix(path, ".zap") {
					os.WriteFile(path, []byte("not a segment"), 0o600)
					damaged++
				}
				return nil
			})
			if damaged == 0 {
				// scorch persists segments in the background; under load
				// none may be on disk yet, and there is nothing to damage.
				t.Skip("no segment files on disk to damage")
			}
			// No notice is asserted: when scorch still keeps an older
			// snapshot (say the empty, stamped one) it falls back to it
			// without an error, and the stored generation makes the
			// library re-index everything. Which happens depends on
			// scorch's background cleanup; either way the hits must be
			// right.
		}, ""},
		{"missing", func(t *testing.T, dir string) { os.RemoveAll(dir) }, ""},
		{"another library's index", func(t *testing.T, dir string) {
			idx, err := bleve.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			idx.SetInternal([]byte("minutebook:library"), []byte("someone else"))
			idx.Close()
		}, "another library"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			l := openLib(t, dir)
			mustImport(t, l, harrow())
			if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone), Note: "kept"}); err != nil {
				t.Fatal(err)
			}
			if err := l.Sync(ctx, false); err != nil {
				t.Fatal(err)
			}
			l.Close()
			tc.damage(t, filepath.Join(dir, "index"))
			var n notices
			l = openLib(t, dir, func(o *Options) { o.Logf = n.logf })
			res, err := l.Search(ctx, SearchQuery{Text: "knife", Status: StatusDone})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) != 1 || res.Hits[0].ID != "osc-2021-12-14-189-a1" {
				t.Errorf("after rebuild: %+v", res.Hits)
			}
			if tc.notice != "" && !n.has(tc.notice) {
				t.Errorf("notices %q, want one saying %q", n.lines, tc.notice)
			}
		})
	}
}

func TestIndexCatchesUpWithAnotherLibrary(t *testing.T) {
	// Two Library values on one directory stand for two processes: one
	// holds the index, the other writes; searches on either see it all.
	ctx := context.Background()
	dir := t.TempDir()
	tui := openLib(t, dir, func(o *Options) { o.Command = "minutebook tui" })
	cli := openLib(t, dir, func(o *Options) { o.Command = "minutebook import" })
	mustImport(t, tui, harrow())
	if _, err := tui.Search(ctx, SearchQuery{Text: "knife"}); err != nil { // tui holds the index
		t.Fatal(err)
	}
	if h, ok := cli.IndexHolder(); !ok || h.Command != "minutebook tui" || h.PID != os.Getpid() {
		t.Errorf("IndexHolder = %+v %v", h, ok)
	}
	// The writer imports and edits without the index.
	mustImport(t, cli, laterHarrow("2022-06-21", true))
	if _, err := cli.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone)}); err != nil {
		t.Fatal(err)
	}
	if err := cli.Sync(ctx, false); !errors.Is(err, ErrIndexBusy) {
		t.Errorf("Sync without asking while another holds the index: %v", err)
	}
	// The holder catches up on its next search.
	res, err := tui.Search(ctx, SearchQuery{Text: "knife", Status: StatusDone})
	if err != nil || res.Total != 1 {
		t.Errorf("holder's search after the other's edit: %+v, %v", res, err)
	}
	// The writer searches too: the holder hands the index over.
	res, err = cli.Search(ctx, SearchQuery{Text: "enforcement", Year: 2022})
	if err != nil || res.Total != 1 {
		t.Fatalf("search by the other process: %+v, %v", res, err)
	}
	if h, ok := tui.IndexHolder(); !ok || h.Command != "minutebook import" {
		t.Errorf("after the hand-over IndexHolder = %+v %v", h, ok)
	}
	// And back again.
	if _, err := cli.Update(ctx, "osc-2021-12-14-188-a1", Change{Note: "one more"}); err != nil {
		t.Fatal(err)
	}
	res, err = tui.Search(ctx, SearchQuery{Text: "investigate"})
	if err != nil || res.Total == 0 {
		t.Errorf("search after handing back: %+v, %v", res, err)
	}
}

func TestIndexHeldByAnotherProcess(t *testing.T) {
	// A holder that never hands over (an older minutebook, a stuck
	// process): searches give up after IndexWait naming it, and the store
	// keeps working.
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir, func(o *Options) { o.IndexWait = 300 * time.Millisecond })
	f, err := os.OpenFile(l.lockPath(), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := tryLockFile(f); err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"pid": 4242, "command": "minutebook tui", "since": "2022-07-01T09:00:00Z"}`)
	mustImport(t, l, harrow())
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Note: "saved without the index"}); err != nil {
		t.Fatal(err)
	}
	if rs, err := l.Due(ctx, DueQuery{}); err != nil || len(rs) == 0 {
		t.Errorf("due without the index: %d, %v", len(rs), err)
	}
	_, err = l.Search(ctx, SearchQuery{Text: "knife"})
	var be *BusyError
	if !errors.As(err, &be) || be.Holder.PID != 4242 || !strings.Contains(err.Error(), `"minutebook tui" (process 4242`) {
		t.Fatalf("search while held: %v", err)
	}
	if _, err := os.Stat(l.wantPath()); err == nil {
		t.Error("the hand-over request was left behind")
	}
	f.Close() // the holder exits
	if res, err := l.Search(ctx, SearchQuery{Text: "knife"}); err != nil || res.Total == 0 {
		t.Errorf("search once free: %+v, %v", res, err)
	}
}

// Words are ANDed, OR joins alternatives, field:value in the text filters,
// and attendance is searchable.
func TestSearchSyntax(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	m := harrow()
	m.Attendance = minutes.Attendance{Chair: "Sachin Shah", Present: []string{"Ajay Maru", "Marilyn Ashton"}, Apologies: []string{"Chetna Halai"},
		Substitutes: []minutes.Substitution{{Member: "Dan Anderson", Substitute: "Sasi Suresh"}}}
	mustImport(t, l, m, laterHarrow("2022-06-21", true))
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone)}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		text    string
		want    []string
		notWant []string
		total   int
		err     string
	}{
		{name: "all words must match", text: "knife members", want: []string{"osc-2021-12-14-189-a1"}, notWant: []string{"osc-2021-12-14-180-r1", "osc-2021-12-14-189-a2"}},
		{name: "stop words are no condition", text: "the knife", want: []string{"osc-2021-12-14-189-a1"}},
		{name: "OR", text: "knife OR appointment", want: []string{"osc-2021-12-14-189-a1", "osc-2021-12-14-180-r1"}},
		{name: "kind in the text", text: "knife kind:action", want: []string{"osc-2021-12-14-189-a1"}, total: 1},
		{name: "kind plural in the text", text: "knife kind:items", want: []string{"osc-2021-12-14-189"}, total: 1},
		{name: "status in the text", text: "commander status:open", want: []string{"osc-2021-12-14-189-a2"}, notWant: []string{"osc-2021-12-14-189-a1"}},
		{name: "status done", text: "knife status:done", want: []string{"osc-2021-12-14-189-a1"}, total: 1},
		{name: "committee in the text", text: "enforcement committee:osc", want: []string{"osc-2022-06-21-3"}},
		{name: "committee by name in quotes", text: `enforcement committee:"Overview and Scrutiny Committee" year:2022`, want: []string{"osc-2022-06-21-3"}, total: 1},
		{name: "owner", text: "owner:commander kind:action", want: []string{"osc-2021-12-14-189-a1", "osc-2021-12-14-189-a2"}, total: 2},
		{name: "not a phrase", text: `enforcement -"licensing and enforcement"`, notWant: []string{"osc-2022-06-21-3"}},
		{name: "not a kind", text: "knife -kind:item", want: []string{"osc-2021-12-14-189-a1"}, notWant: []string{"osc-2021-12-14-189"}},
		{name: "a time is not a field", text: "10:30"},
		{name: "attended", text: "ashton", want: []string{"osc-2021-12-14"}, total: 1},
		{name: "sent apologies", text: "apologies:halai", want: []string{"osc-2021-12-14"}, total: 1},
		{name: "apologies are not presence", text: "present:halai", total: -1},
		{name: "substitute was present", text: "present:suresh", want: []string{"osc-2021-12-14"}},
		{name: "a name as a phrase", text: `"Marilyn Ashton"`, want: []string{"osc-2021-12-14"}},
		{name: "meetings listed", text: "kind:meeting committee:osc", want: []string{"osc-2021-12-14", "osc-2022-06-21"}, total: 2},
		{name: "bad kind", text: "kind:minutes", err: "want resolution"},
		{name: "bad status", text: "status:pending", err: "in-progress"},
		{name: "unknown committee", text: "committee:planning", err: "no committee"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := l.Search(ctx, SearchQuery{Text: tc.text, Limit: 50})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, h := range res.Hits {
				got[h.ID] = true
				if h.ID == "osc-2021-12-14" && (h.Kind != "meeting" || h.MeetingID != h.ID || len(h.Excerpt) == 0) {
					t.Errorf("meeting hit = %+v", h)
				}
			}
			for _, id := range tc.want {
				if !got[id] {
					t.Errorf("%s not found in %v", id, keys(got))
				}
			}
			for _, id := range tc.notWant {
				if got[id] {
					t.Errorf("%s found", id)
				}
			}
			if tc.total > 0 && int(res.Total) != tc.total || tc.total < 0 && res.Total != 0 {
				t.Errorf("total %d, want %d: %v", res.Total, tc.total, keys(got))
			}
		})
	}
	// Browsing lists records and items, not meetings.
	res, err := l.Search(ctx, SearchQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Kind == "meeting" {
			t.Errorf("browsing lists meeting %s", h.ID)
		}
	}
}

// A search that gives up while the index is being built (after an
// upgrade's new mapping, or a lost index) does not cut the build short:
// cut short, it would start from nothing at every search and never end.
// The caller is told the index is ready, and the next search finds.
func TestIndexBuildOutlivesAnImpatientSearch(t *testing.T) {
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, synth.Meetings(150, 3)...)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l = openLib(t, dir, func(o *Options) {
		o.Logf = func(format string, args ...any) {
			if strings.HasPrefix(format, "building the search index") {
				cancel() // the searcher gives up as the build starts
			}
		}
	})
	_, err := l.Search(ctx, SearchQuery{Text: "report"})
	var ready *indexReadyError
	if !errors.As(err, &ready) || !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "search again") {
		t.Fatalf("impatient search: %v, want the index ready and the deadline", err)
	}
	res, err := l.Search(context.Background(), SearchQuery{Text: "report"})
	if err != nil || res.Total == 0 {
		t.Fatalf("the next search: %d hits, %v", res.Total, err)
	}
}
