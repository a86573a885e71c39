package minutes

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files under testdata/cases")

// want is a hand-written expectation (testdata/README.md describes it).
type want struct {
	Reject        bool           `json:"reject"`
	Council       *string        `json:"council"`
	Committee     *string        `json:"committee"`
	Date          *string        `json:"date"`
	Start         *string        `json:"start"`
	End           *string        `json:"end"`
	NextMeeting   *string        `json:"next_meeting"`
	Chair         *string        `json:"chair"`
	Present       []string       `json:"present_includes"`
	PresentCount  *int           `json:"present_count"`
	InAttendance  []string       `json:"in_attendance_includes"`
	Apologies     []string       `json:"apologies_includes"`
	Absent        []string       `json:"absent_includes"`
	Substitutes   []Substitution `json:"substitutes"`
	ItemsComplete bool           `json:"items_complete"`
	Items         []wantItem     `json:"items"`
	Resolutions   []wantRecord   `json:"resolutions"`
	Actions       []wantRecord   `json:"actions"`
	FollowUps     []wantRecord   `json:"followups"`
	Declarations  []struct {
		Item   string `json:"item"`
		Member string `json:"member"`
	} `json:"declarations"`
	NoText []string `json:"no_text_anywhere"`
}

type wantItem struct {
	Number         *string `json:"number"`
	Title          *string `json:"title"`
	TitlePrefix    *string `json:"title_prefix"`
	Resolutions    *int    `json:"resolutions"`
	Actions        *int    `json:"actions"`
	FollowUps      *int    `json:"followups"`
	MinResolutions *int    `json:"min_resolutions"`
	MinActions     *int    `json:"min_actions"`
	MinFollowUps   *int    `json:"min_followups"`
	Exempt         *bool   `json:"exempt"`
}

type wantRecord struct {
	Item        *string `json:"item"`
	Contains    string  `json:"contains"`
	NotContains string  `json:"not_contains"`
	Owner       *string `json:"owner"`
	Due         *string `json:"due"`
	Provisional *bool   `json:"provisional"`
}

// caseResult counts what one case got right, for the summary.
type caseResult struct{ checks, failed int }

// check compares a parse against its expectation, reporting each miss.
func check(t *testing.T, name string, m *Meeting, err error, w want) caseResult {
	t.Helper()
	var res caseResult
	// A miss is logged, not failed: the suite as a whole must not fall
	// below its recorded score (see runWantDir). Refusals and parse errors
	// are hard failures.
	fail := func(format string, args ...any) {
		t.Helper()
		res.failed++
		t.Logf("MISS %s: "+format, append([]any{name}, args...)...)
	}
	ok := func() { res.checks++ }
	if w.Reject {
		ok()
		if !errors.Is(err, ErrNotMinutes) {
			t.Errorf("%s: want ErrNotMinutes, got meeting=%v err=%v", name, m != nil, err)
		}
		return res
	}
	if err != nil {
		t.Errorf("%s: parse: %v", name, err)
		return res
	}
	eq := func(what string, got string, want *string) {
		t.Helper()
		if want == nil {
			return
		}
		ok()
		if got != *want {
			fail("%s = %q, want %q", what, got, *want)
		}
	}
	eq("council", m.Council, w.Council)
	eq("committee", m.Committee, w.Committee)
	eq("date", m.Date.String(), w.Date)
	eq("start", m.Start, w.Start)
	eq("end", m.End, w.End)
	eq("next_meeting", m.NextMeeting.String(), w.NextMeeting)
	eq("chair", m.Attendance.Chair, w.Chair)
	includes := func(what string, list []string, names []string) {
		t.Helper()
		for _, n := range names {
			ok()
			found := false
			for _, g := range list {
				if strings.EqualFold(g, n) {
					found = true
				}
			}
			if !found {
				fail("%s lacks %q (got %q)", what, n, list)
			}
		}
	}
	a := m.Attendance
	includes("present", append([]string{a.Chair}, a.Present...), w.Present)
	includes("in_attendance", a.InAttendance, w.InAttendance)
	includes("apologies", a.Apologies, w.Apologies)
	includes("absent", a.Absent, w.Absent)
	if w.PresentCount != nil {
		ok()
		if len(a.Present) != *w.PresentCount {
			fail("present count = %d, want %d (%q)", len(a.Present), *w.PresentCount, a.Present)
		}
	}
	for _, s := range w.Substitutes {
		ok()
		found := false
		for _, g := range a.Substitutes {
			if strings.EqualFold(g.Member, s.Member) && strings.EqualFold(g.Substitute, s.Substitute) {
				found = true
			}
		}
		if !found {
			fail("substitutes lack %v (got %v)", s, a.Substitutes)
		}
	}
	if w.ItemsComplete {
		ok()
		if len(m.Items) != len(w.Items) {
			fail("%d items, want %d: %s", len(m.Items), len(w.Items), itemList(m))
		}
	}
	for k, wi := range w.Items {
		var it *Item
		if w.ItemsComplete && k < len(m.Items) {
			it = &m.Items[k]
		} else if wi.Number != nil {
			it = findItem(m, *wi.Number)
		} else if wi.Title != nil {
			it = findItem(m, *wi.Title)
		}
		label := fmtItem(wi)
		ok()
		if it == nil {
			fail("item %s not found in %s", label, itemList(m))
			continue
		}
		if wi.Number != nil && strings.TrimRight(it.Number, ".") != *wi.Number {
			fail("item %d number = %q, want %q", k, it.Number, *wi.Number)
		}
		if wi.Title != nil && it.Title != *wi.Title {
			fail("item %s title = %q, want %q", label, it.Title, *wi.Title)
		}
		if wi.TitlePrefix != nil && !strings.HasPrefix(it.Title, *wi.TitlePrefix) {
			fail("item %s title = %q, want prefix %q", label, it.Title, *wi.TitlePrefix)
		}
		count := func(what string, got int, exact, min *int) {
			t.Helper()
			if exact != nil {
				ok()
				if got != *exact {
					fail("item %s: %d %s, want %d", label, got, what, *exact)
				}
			}
			if min != nil {
				ok()
				if got < *min {
					fail("item %s: %d %s, want at least %d", label, got, what, *min)
				}
			}
		}
		count("resolutions", len(it.Resolutions), wi.Resolutions, wi.MinResolutions)
		count("actions", len(it.Actions), wi.Actions, wi.MinActions)
		count("follow-ups", len(it.FollowUps), wi.FollowUps, wi.MinFollowUps)
		if wi.Exempt != nil {
			ok()
			if it.Exempt != *wi.Exempt {
				fail("item %s exempt = %v", label, it.Exempt)
			}
		}
	}
	recs := func(kind string, ws []wantRecord, get func(*Item) []Record) {
		t.Helper()
		for _, wr := range ws {
			ok()
			var pool []Record
			for i := range m.Items {
				if wr.Item == nil || itemMatches(&m.Items[i], *wr.Item) {
					pool = append(pool, get(&m.Items[i])...)
				}
			}
			var hit *Record
			for i := range pool {
				if strings.Contains(collapse(pool[i].Text), collapse(wr.Contains)) {
					hit = &pool[i]
					break
				}
			}
			where := "any item"
			if wr.Item != nil {
				where = "item " + *wr.Item
			}
			if hit == nil {
				fail("no %s containing %q in %s (have %d)", kind, wr.Contains, where, len(pool))
				continue
			}
			if wr.NotContains != "" && strings.Contains(hit.Text, wr.NotContains) {
				fail("%s %s contains %q", kind, hit.ID, wr.NotContains)
			}
			if wr.Owner != nil && hit.Owner != *wr.Owner {
				fail("%s %s owner = %q, want %q", kind, hit.ID, hit.Owner, *wr.Owner)
			}
			if wr.Due != nil && hit.Due.String() != *wr.Due {
				fail("%s %s due = %q, want %q", kind, hit.ID, hit.Due, *wr.Due)
			}
			if wr.Provisional != nil && hit.Provisional != *wr.Provisional {
				fail("%s %s provisional = %v", kind, hit.ID, hit.Provisional)
			}
		}
	}
	recs("resolution", w.Resolutions, func(it *Item) []Record { return it.Resolutions })
	recs("action", w.Actions, func(it *Item) []Record { return it.Actions })
	recs("follow-up", w.FollowUps, func(it *Item) []Record { return it.FollowUps })
	for _, wd := range w.Declarations {
		ok()
		found := false
		for i := range m.Items {
			if wd.Item != "" && !itemMatches(&m.Items[i], wd.Item) {
				continue
			}
			for _, d := range m.Items[i].Declarations {
				if strings.EqualFold(d.Member, wd.Member) {
					found = true
				}
			}
		}
		if !found {
			fail("no declaration by %q in item %q", wd.Member, wd.Item)
		}
	}
	for _, s := range w.NoText {
		ok()
		for _, it := range m.Items {
			leak := strings.Contains(it.Title, s)
			for _, r := range it.Records() {
				leak = leak || strings.Contains(r.Text, s)
			}
			if leak {
				fail("text %q leaked into item %s", s, it.Number)
				break
			}
		}
	}
	return res
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func itemMatches(it *Item, key string) bool {
	return strings.TrimRight(it.Number, ".") == key || it.Title == key || (it.Number == "" && strings.HasPrefix(it.Title, key))
}

func findItem(m *Meeting, key string) *Item {
	for i := range m.Items {
		if itemMatches(&m.Items[i], key) {
			return &m.Items[i]
		}
	}
	return nil
}

func fmtItem(w wantItem) string {
	switch {
	case w.Number != nil:
		return *w.Number
	case w.Title != nil:
		return *w.Title
	case w.TitlePrefix != nil:
		return *w.TitlePrefix
	}
	return "?"
}

func itemList(m *Meeting) string {
	var b strings.Builder
	for _, it := range m.Items {
		b.WriteString("[" + it.Number + " " + clipTitle(it.Title) + "] ")
	}
	return b.String()
}

func clipTitle(s string) string {
	if len(s) > 30 {
		return s[:30]
	}
	return s
}

func loadWant(t *testing.T, path string) want {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w want
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return w
}

func parseFile(t *testing.T, path string) (*Meeting, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ParseBytes(data, Options{Name: filepath.Base(path)})
}

// runWantDir checks every NAME.want.json in dir against NAME.txt found in
// srcDir, and logs a score.
func runWantDir(t *testing.T, dir, srcDir string, golden bool) {
	wants, _ := filepath.Glob(filepath.Join(dir, "*.want.json"))
	if len(wants) == 0 {
		t.Skipf("no expectations in %s", dir)
	}
	total := caseResult{}
	for _, wp := range wants {
		name := strings.TrimSuffix(filepath.Base(wp), ".want.json")
		src := filepath.Join(srcDir, name+".txt")
		if _, err := os.Stat(src); err != nil {
			t.Logf("%s: no source %s", name, src)
			continue
		}
		t.Run(name, func(t *testing.T) {
			m, err := parseFile(t, src)
			r := check(t, name, m, err, loadWant(t, wp))
			total.checks += r.checks
			total.failed += r.failed
			if golden && err == nil {
				goldenJSON(t, filepath.Join(dir, name+".golden.json"), m)
			}
		})
	}
	passed := total.checks - total.failed
	t.Logf("%s: %d of %d checks pass (%.0f%%)", dir, passed, total.checks, 100*float64(passed)/float64(max(total.checks, 1)))
	// The score may only go up: testdata/…/SCORE holds the last recorded
	// number of passing checks. -update raises it.
	scoreFile := filepath.Join(dir, "SCORE")
	if *update {
		_ = os.WriteFile(scoreFile, []byte(strconv.Itoa(passed)+"\n"), 0o644)
		return
	}
	if b, err := os.ReadFile(scoreFile); err == nil {
		floor, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if passed < floor {
			t.Errorf("%s: %d checks pass, fewer than the recorded %d: the parser got worse (run with -v to see each MISS)", dir, passed, floor)
		}
	}
}

func goldenJSON(t *testing.T, path string, m *Meeting) {
	t.Helper()
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		return // no golden yet: the want.json checks still ran
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the parser's output; check by eye and rerun with -update", path)
	}
}

// TestCases runs our own varied minutes.
func TestCases(t *testing.T) { runWantDir(t, "testdata/cases", "testdata/cases", true) }

// TestFictionalSample runs the fictional council bundled as sample data.
func TestFictionalSample(t *testing.T) {
	runWantDir(t, "../sample-data/fictional", "../sample-data/fictional", false)
}

// TestRealMinutes runs the real minutes in ../shared/real-minutes against
// our expectations. The folder is outside the repository; skip without it.
func TestRealMinutes(t *testing.T) {
	src := "../../shared/real-minutes"
	if _, err := os.Stat(src); err != nil {
		t.Skip("no ../shared/real-minutes")
	}
	runWantDir(t, "testdata/real", src, false)
}
