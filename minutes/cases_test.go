package minutes

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

// caseResult is what one case got right and the misses it had, each
// named by a stable key (what was expected, not what was got) so that a
// list of known misses can name them.
type caseResult struct {
	checks int
	misses []miss
}

type miss struct{ key, detail string }

// check compares a parse against its expectation and returns every miss.
// Refusals and parse errors are hard failures; misses are judged against
// the set's KNOWN-MISSES list by runWantDir.
func check(t *testing.T, name string, m *Meeting, err error, w want) caseResult {
	t.Helper()
	var res caseResult
	fail := func(key, detail string) {
		res.misses = append(res.misses, miss{name + ": " + key, detail})
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
			fail(fmt.Sprintf("%s, want %q", what, *want), fmt.Sprintf("got %q", got))
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
				fail(fmt.Sprintf("%s lacks %q", what, n), fmt.Sprintf("got %q", list))
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
		others := removeName(append([]string(nil), a.Present...), a.Chair) // present_count leaves out the chair
		if len(others) != *w.PresentCount {
			fail(fmt.Sprintf("present count, want %d", *w.PresentCount), fmt.Sprintf("got %d: %q", len(others), others))
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
			fail(fmt.Sprintf("substitutes lack %v", s), fmt.Sprintf("got %v", a.Substitutes))
		}
	}
	if w.ItemsComplete {
		ok()
		if len(m.Items) != len(w.Items) {
			fail(fmt.Sprintf("items, want %d", len(w.Items)), fmt.Sprintf("got %d: %s", len(m.Items), itemList(m)))
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
			fail(fmt.Sprintf("item %s not found", label), itemList(m))
			continue
		}
		if wi.Number != nil && strings.TrimRight(it.Number, ".") != *wi.Number {
			fail(fmt.Sprintf("item %d number, want %q", k, *wi.Number), fmt.Sprintf("got %q", it.Number))
		}
		if wi.Title != nil && it.Title != *wi.Title {
			fail(fmt.Sprintf("item %s title, want %q", label, *wi.Title), fmt.Sprintf("got %q", it.Title))
		}
		if wi.TitlePrefix != nil && !strings.HasPrefix(it.Title, *wi.TitlePrefix) {
			fail(fmt.Sprintf("item %s title, want prefix %q", label, *wi.TitlePrefix), fmt.Sprintf("got %q", it.Title))
		}
		count := func(what string, got int, exact, min *int) {
			t.Helper()
			if exact != nil {
				ok()
				if got != *exact {
					fail(fmt.Sprintf("item %s: %s, want %d", label, what, *exact), fmt.Sprintf("got %d", got))
				}
			}
			if min != nil {
				ok()
				if got < *min {
					fail(fmt.Sprintf("item %s: %s, want at least %d", label, what, *min), fmt.Sprintf("got %d", got))
				}
			}
		}
		count("resolutions", len(it.Resolutions), wi.Resolutions, wi.MinResolutions)
		count("actions", len(it.Actions), wi.Actions, wi.MinActions)
		count("follow-ups", len(it.FollowUps), wi.FollowUps, wi.MinFollowUps)
		if wi.Exempt != nil {
			ok()
			if it.Exempt != *wi.Exempt {
				fail(fmt.Sprintf("item %s exempt, want %v", label, *wi.Exempt), "")
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
				fail(fmt.Sprintf("no %s containing %q in %s", kind, wr.Contains, where), fmt.Sprintf("have %d", len(pool)))
				continue
			}
			if wr.NotContains != "" && strings.Contains(hit.Text, wr.NotContains) {
				fail(fmt.Sprintf("%s %q contains %q", kind, wr.Contains, wr.NotContains), hit.ID)
			}
			if wr.Owner != nil && hit.Owner != *wr.Owner {
				fail(fmt.Sprintf("%s %q owner, want %q", kind, wr.Contains, *wr.Owner), fmt.Sprintf("%s: got %q", hit.ID, hit.Owner))
			}
			if wr.Due != nil && hit.Due.String() != *wr.Due {
				fail(fmt.Sprintf("%s %q due, want %q", kind, wr.Contains, *wr.Due), fmt.Sprintf("%s: got %q", hit.ID, hit.Due))
			}
			if wr.Provisional != nil && hit.Provisional != *wr.Provisional {
				fail(fmt.Sprintf("%s %q provisional, want %v", kind, wr.Contains, *wr.Provisional), hit.ID)
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
			fail(fmt.Sprintf("no declaration by %q in item %q", wd.Member, wd.Item), "")
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
				fail(fmt.Sprintf("text %q leaked into an item", s), "item "+it.Number)
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
// srcDir. Each set keeps a list of the misses it is known to have in
// dir/KNOWN-MISSES, one key a line: a miss not on the list fails (the parser
// got worse), and so does a listed miss that no longer happens (it was
// fixed: take it off the list). The list can only shrink: -update removes
// fixed misses but never adds one; accepting a new miss means adding its
// line by hand, where a reviewer sees it.
func runWantDir(t *testing.T, dir, srcDir string, golden bool) {
	wants, _ := filepath.Glob(filepath.Join(dir, "*.want.json"))
	if len(wants) == 0 {
		t.Fatalf("no expectations in %s", dir)
	}
	known, err := readKnownMisses(filepath.Join(dir, "KNOWN-MISSES"))
	if err != nil {
		t.Fatal(err)
	}
	checks := 0
	seen := map[string]bool{}
	for _, wp := range wants {
		name := strings.TrimSuffix(filepath.Base(wp), ".want.json")
		src := filepath.Join(srcDir, name+".txt")
		if _, err := os.Stat(src); err != nil {
			t.Errorf("%s: no source %s", name, src)
			continue
		}
		t.Run(name, func(t *testing.T) {
			m, err := parseFile(t, src)
			r := check(t, name, m, err, loadWant(t, wp))
			checks += r.checks
			for _, ms := range r.misses {
				seen[ms.key] = true
				if !known[ms.key] {
					t.Errorf("new miss: %s (%s)", ms.key, ms.detail)
				} else if testing.Verbose() {
					t.Logf("known miss: %s (%s)", ms.key, ms.detail)
				}
			}
			if golden && err == nil {
				goldenJSON(t, filepath.Join(dir, name+".golden.json"), m)
			}
		})
	}
	var fixed []string
	for k := range known {
		if !seen[k] {
			fixed = append(fixed, k)
		}
	}
	sort.Strings(fixed)
	t.Logf("%s: %d checks, %d known misses, %d fixed", dir, checks, len(known)-len(fixed), len(fixed))
	if len(fixed) == 0 {
		return
	}
	if *update {
		if err := writeKnownMisses(filepath.Join(dir, "KNOWN-MISSES"), known, seen); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, k := range fixed {
		t.Errorf("fixed, take it off %s/KNOWN-MISSES (or run with -update): %s", dir, k)
	}
}

// readKnownMisses reads a KNOWN-MISSES file: one miss key a line; blank
// lines and lines starting with # are comments.
func readKnownMisses(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out, nil
}

// writeKnownMisses rewrites a KNOWN-MISSES file keeping only the misses
// still seen.
func writeKnownMisses(path string, known, seen map[string]bool) error {
	var keep []string
	for k := range known {
		if seen[k] {
			keep = append(keep, k)
		}
	}
	sort.Strings(keep)
	var b strings.Builder
	b.WriteString(knownMissesHeader)
	for _, k := range keep {
		b.WriteString(k + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

const knownMissesHeader = `# Misses the parser is known to have on this set, one a line (see
# runWantDir in minutes/cases_test.go). This list may only shrink: a miss
# not listed here fails the tests, and so does a listed miss that is fixed.
`

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
		t.Errorf("%s: %v (write it with -update after checking the output by eye)", path, err)
		return
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
