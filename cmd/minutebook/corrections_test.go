package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index"
)

// runWith runs minutebook on a library with stdin and, when set, a hook
// between an edit's read and its save.
func runWith(t *testing.T, dir, stdin string, beforeSave func(), args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(stdin), &out, &errOut)
	a.beforeSave = beforeSave
	err := a.run(context.Background(), append([]string{"--library", dir}, args...))
	code := exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// harrowLibrary is a library holding the bundled Harrow minutes.
func harrowLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	importSample(t, dir, "harrow-osc-2021-12-14.txt")
	return dir
}

func TestAddRejectKindFromTheCommandLine(t *testing.T) {
	dir := harrowLibrary(t)
	out, errOut, code := runWith(t, dir, "", nil, "add", "osc-2021-12-14-188", "--kind", "action",
		"--text", "the Portfolio Holder for Community Cohesion, Crime and Enforcement informed the Committee",
		"--owner", "Portfolio Holder", "--due", "2022-02-01", "--json")
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, errOut)
	}
	var added struct {
		ID, Text, Origin string
		Owner            *string
	}
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatal(err)
	}
	if added.ID != "osc-2021-12-14-188-ca1" || added.Origin != "clerk" || !strings.HasPrefix(added.Text, "The Portfolio Holder") {
		t.Errorf("added %+v", added)
	}
	// Added by mistake: taken back; a record of the minutes cannot be.
	if _, errOut, code := runWith(t, dir, "", nil, "add", "osc-2021-12-14-188", "--kind", "resolution", "--text", "An officer introduced the report"); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	if out, errOut, code := runWith(t, dir, "", nil, "set", "osc-2021-12-14-188-cr1", "--withdraw"); code != 0 || !strings.Contains(out, "Took back") {
		t.Fatalf("withdraw: exit %d %s %s", code, out, errOut)
	}
	if _, errOut, code := runWith(t, dir, "", nil, "set", "osc-2021-12-14-188-a1", "--withdraw"); code == 0 || !strings.Contains(errOut, "reject it instead") {
		t.Errorf("withdrawing the minutes' record: exit %d %q", code, errOut)
	}
	// Text that is not in the item: a clear error, nothing added.
	_, errOut, code = runWith(t, dir, "", nil, "add", "osc-2021-12-14-188", "--kind", "action", "--text", "Clerk to write to the highways team")
	if code == 0 || !strings.Contains(errOut, "does not occur in item osc-2021-12-14-188") {
		t.Errorf("add of text not in the item: exit %d, %q", code, errOut)
	}
	if _, errOut, code = runWith(t, dir, "", nil, "set", "osc-2021-12-14-189-f2", "--reject", "--note", "a strategy, not due back"); code != 0 {
		t.Fatalf("reject: %s", errOut)
	}
	if _, errOut, code = runWith(t, dir, "", nil, "set", "osc-2021-12-14-188-r2", "--kind", "action"); code != 0 {
		t.Fatalf("kind: %s", errOut)
	}
	due, _, _ := runWith(t, dir, "", nil, "due", "--as-of", "2022-01-05")
	for _, want := range []string{"osc-2021-12-14-188-ca1", "osc-2021-12-14-188-r2"} {
		if !strings.Contains(due, want) {
			t.Errorf("due lacks %s:\n%s", want, due)
		}
	}
	if strings.Contains(due, "osc-2021-12-14-189-f2") {
		t.Errorf("due lists the rejected follow-up:\n%s", due)
	}
	with, _, _ := runWith(t, dir, "", nil, "due", "--as-of", "2022-01-05", "--include-rejected")
	if !strings.Contains(with, "REJECTED") || !strings.Contains(with, "osc-2021-12-14-189-f2") {
		t.Errorf("due --include-rejected:\n%s", with)
	}
	exp, _, _ := runWith(t, dir, "", nil, "export", "actions", "--format", "csv")
	if strings.Contains(exp, "osc-2021-12-14-189-f2") || !strings.Contains(exp, "osc-2021-12-14-188-ca1") {
		t.Errorf("export:\n%s", exp)
	}
	exp, _, _ = runWith(t, dir, "", nil, "export", "actions", "--format", "csv", "--include-rejected")
	if !strings.Contains(exp, "osc-2021-12-14-189-f2,REJECTED") {
		t.Errorf("export --include-rejected:\n%s", exp)
	}
	cal, _, _ := runWith(t, dir, "", nil, "export", "calendar")
	if !strings.Contains(cal, "osc-2021-12-14-188-ca1") || strings.Contains(cal, "osc-2021-12-14-189-f2") {
		t.Errorf("calendar: the added action or not the rejected follow-up:\n%s", cal)
	}
	hits, _, _ := runWith(t, dir, "", nil, "search", "Accommodation Strategy", "--json")
	if strings.Contains(hits, "osc-2021-12-14-189-f2") {
		t.Errorf("search finds the rejected follow-up:\n%s", hits)
	}
	hits, _, _ = runWith(t, dir, "", nil, "search", "Accommodation Strategy", "--include-rejected", "--json")
	if !strings.Contains(hits, "osc-2021-12-14-189-f2") {
		t.Errorf("search --include-rejected does not find it:\n%s", hits)
	}
	// The corrections, as data for the parser's tests.
	out, errOut, code = runWith(t, dir, "", nil, "corrections", "export", "--json")
	if code != 0 {
		t.Fatal(errOut)
	}
	var cs struct {
		Corrections []struct {
			RecordID   string   `json:"record_id"`
			What       []string `json:"what"`
			ParsedKind *string  `json:"parsed_kind"`
			ItemText   string   `json:"item_text"`
		}
	}
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs.Corrections {
		got = append(got, c.RecordID+" "+strings.Join(c.What, ","))
		if c.ItemText == "" {
			t.Errorf("%s comes without its item's text", c.RecordID)
		}
	}
	want := []string{"osc-2021-12-14-188-ca1 added", "osc-2021-12-14-189-f2 rejected", "osc-2021-12-14-188-r2 kind"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("corrections %v, want %v", got, want)
	}
	// And all of it after reparse and reindex.
	if _, errOut, code = runWith(t, dir, "", nil, "reparse"); code != 0 {
		t.Fatalf("reparse: %s", errOut)
	}
	if _, errOut, code = runWith(t, dir, "", nil, "reindex"); code != 0 {
		t.Fatalf("reindex: %s", errOut)
	}
	if again, _, _ := runWith(t, dir, "", nil, "due", "--as-of", "2022-01-05"); again != due {
		t.Errorf("due after reparse and reindex:\n%s\nwant\n%s", again, due)
	}
}

func TestReviewAsksAboutEachRecord(t *testing.T) {
	dir := harrowLibrary(t)
	list, _, code := runWith(t, dir, "", nil, "review")
	if code != 0 || !strings.Contains(list, "to review") {
		t.Fatalf("review list (exit %d):\n%s", code, list)
	}
	var queue []struct {
		ID  string `json:"id"`
		Why string `json:"why"`
	}
	out, _, _ := runWith(t, dir, "", nil, "review", "--json")
	if err := json.Unmarshal([]byte(out), &queue); err != nil || len(queue) < 3 {
		t.Fatalf("review --json: %v\n%s", err, out)
	}
	// y accepts the first, n rejects the second, k f makes the third a
	// follow-up, then q.
	out, errOut, code := runWith(t, dir, "y\nn\nkf\nq\n", nil, "review", "-i")
	if code != 0 {
		t.Fatalf("review -i: exit %d: %s", code, errOut)
	}
	for _, want := range []string{queue[0].ID + ": accepted", queue[1].ID + ": rejected", queue[2].ID + ": made a follow-up", "Reviewed 3 of"} {
		if !strings.Contains(out, want) {
			t.Errorf("review -i lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runWith(t, dir, "", nil, "review", "--json")
	var after []struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(out), &after)
	if len(after) != len(queue)-3 {
		t.Errorf("%d left in the queue, want %d", len(after), len(queue)-3)
	}
	for _, r := range after {
		for _, q := range queue[:3] {
			if r.ID == q.ID {
				t.Errorf("%s is still in the queue", r.ID)
			}
		}
	}
}

// TestSetRefusesAStaleChange: the record changes between set's read and
// its save (another process); nothing is saved, exit 3, and --force saves
// it marked forced.
func TestSetRefusesAStaleChange(t *testing.T) {
	dir := harrowLibrary(t)
	id := "osc-2021-12-14-189-a2"
	other := func() {
		lib, err := index.Open(context.Background(), dir, index.Options{Parse: parseDocument})
		if err != nil {
			t.Fatal(err)
		}
		defer lib.Close()
		if _, err := lib.Update(context.Background(), id, index.Change{Status: ptrTo(index.StatusDropped), Note: "cli dropped it", Who: "bob"}); err != nil {
			t.Fatal(err)
		}
	}
	_, errOut, code := runWith(t, dir, "", other, "set", id, "--status", "done")
	if code != exitConflict || !strings.Contains(errOut, "dropped by bob at") || !strings.Contains(errOut, "nothing was saved") {
		t.Fatalf("a stale set: exit %d, %q", code, errOut)
	}
	out, _, _ := runWith(t, dir, "", nil, "show", id, "--json")
	if !strings.Contains(out, `"status": "dropped"`) {
		t.Errorf("after the refused set:\n%s", out)
	}
	var shown struct {
		Version int64 `json:"version"`
	}
	json.Unmarshal([]byte(out), &shown)
	// --if-version: the state a script read earlier.
	if _, errOut, code = runWith(t, dir, "", nil, "set", id, "--owner", "Jo", "--if-version", fmt.Sprint(shown.Version-1)); code != exitConflict {
		t.Errorf("--if-version of an older version: exit %d, %s", code, errOut)
	}
	_, errOut, code = runWith(t, dir, "", func() {
		lib, _ := index.Open(context.Background(), dir, index.Options{Parse: parseDocument})
		defer lib.Close()
		lib.Update(context.Background(), id, index.Change{Status: ptrTo(index.StatusOpen), Who: "bob"})
	}, "set", id, "--status", "done", "--force")
	if code != 0 {
		t.Fatalf("--force: exit %d: %s", code, errOut)
	}
	out, _, _ = runWith(t, dir, "", nil, "show", id)
	if !strings.Contains(out, "status: open → done (forced over another session's change)") {
		t.Errorf("the forced change is not marked:\n%s", out)
	}
	// Notes never conflict.
	if _, errOut, code = runWith(t, dir, "", other, "set", id, "--note", "chased again"); code != 0 {
		t.Errorf("a note conflicted: %s", errOut)
	}
}

// TestHelperSetRace is not a test: run by TestTwoProcessesRaceOnOneRecord
// (MINUTEBOOK_RACE_BARRIER set) it is `minutebook set`, waiting between
// its read and its save until the barrier file exists, so that two
// processes race on one record.
func TestHelperSetRace(t *testing.T) {
	barrier := os.Getenv("MINUTEBOOK_RACE_BARRIER")
	if barrier == "" {
		t.Skip("helper process")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	a := newApp(os.Stdin, os.Stdout, os.Stderr)
	a.beforeSave = func() {
		os.WriteFile(barrier+"."+os.Getenv("MINUTEBOOK_RACE_NAME"), nil, 0o600)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(barrier); err == nil {
				return
			}
		}
	}
	os.Exit(exitCode(a.run(context.Background(), args), os.Stderr))
}

// TestTwoProcessesRaceOnOneRecord runs two `minutebook set` processes on
// one record, both reading it before either saves, many times: every
// change applied is in the history, every one refused exited non-zero.
func TestTwoProcessesRaceOnOneRecord(t *testing.T) {
	rounds := 100
	if testing.Short() {
		rounds = 8
	}
	dir := harrowLibrary(t)
	id := "osc-2021-12-14-189-a2"
	tmp := t.TempDir()
	applied := map[string]bool{}
	refused := 0
	for i := range rounds {
		barrier := filepath.Join(tmp, fmt.Sprintf("go-%d", i))
		var wg sync.WaitGroup
		type result struct {
			owner  string
			code   int
			stderr string
		}
		results := make([]result, 2)
		for p := range 2 {
			owner := fmt.Sprintf("clerk %c round %d", 'A'+p, i)
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSetRace$", "--", "--library", dir, "set", id, "--owner", owner)
			cmd.Env = append(os.Environ(), "MINUTEBOOK_RACE_BARRIER="+barrier, fmt.Sprintf("MINUTEBOOK_RACE_NAME=%d", p))
			var errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = io.Discard, &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := cmd.Wait()
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				} else if err != nil {
					code = -1
				}
				results[p] = result{owner, code, errOut.String()}
			}()
		}
		// Both have read the record: let them save.
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(time.Millisecond) {
			_, e0 := os.Stat(barrier + ".0")
			_, e1 := os.Stat(barrier + ".1")
			if e0 == nil && e1 == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the processes did not both read the record")
			}
		}
		os.WriteFile(barrier, nil, 0o600)
		wg.Wait()
		for _, r := range results {
			switch r.code {
			case 0:
				applied[r.owner] = true
			case exitConflict:
				refused++
				if !strings.Contains(r.stderr, "changed since it was read") {
					t.Errorf("refused without saying why: %q", r.stderr)
				}
			default:
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
		}
	}
	lib, err := index.Open(context.Background(), dir, index.Options{Parse: parseDocument})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	_, hist, err := lib.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	inHistory := map[string]bool{}
	for _, h := range hist {
		if h.Field == "owner" {
			inHistory[h.New] = true
		}
	}
	for owner := range applied {
		if !inHistory[owner] {
			t.Errorf("%q was saved (exit 0) but is not in the history", owner)
		}
	}
	if len(inHistory) != len(applied) {
		t.Errorf("the history holds %d owners, %d were reported saved", len(inHistory), len(applied))
	}
	if len(applied)+refused != 2*rounds {
		t.Errorf("%d applied and %d refused of %d", len(applied), refused, 2*rounds)
	}
	if refused != rounds {
		t.Errorf("%d refused: with both reading before either saves, one of each round must be", refused)
	}
	t.Logf("%d rounds: %d changes applied, %d refused", rounds, len(applied), refused)
}
