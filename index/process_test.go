package index

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/synth"
)

// These tests run the test binary again as a child process (the helper
// below, selected by MINUTEBOOK_INDEX_CHILD) to check what two real
// processes and kill -9 do to a library.

// TestChildProcess is not a test: it is the child's main.
func TestChildProcess(t *testing.T) {
	mode := os.Getenv("MINUTEBOOK_INDEX_CHILD")
	if mode == "" {
		t.Skip("only run as a child process")
	}
	ctx := context.Background()
	dir := os.Getenv("MINUTEBOOK_INDEX_DIR")
	out := bufio.NewWriter(os.Stdout)
	say := func(format string, args ...any) {
		fmt.Fprintf(out, format+"\n", args...)
		out.Flush()
	}
	l, err := Open(ctx, dir, Options{Parse: fakeParse, Command: "minutebook child " + mode})
	if err != nil {
		say("error %v", err)
		if errors.Is(err, ErrReadOnly) {
			say("read-only")
		}
		os.Exit(1)
	}
	switch mode {
	case "open": // just open (the parent looks at the error)
		say("opened")
		l.Close()
		os.Exit(0)
	case "import": // import synthetic meetings, saying each one done
		n, _ := strconv.Atoi(os.Getenv("MINUTEBOOK_INDEX_N"))
		for _, m := range synth.Meetings(n, 9) {
			res, err := l.Import(ctx, m.Source.Name, encode(m))
			if err != nil {
				say("error %v", err)
				os.Exit(1)
			}
			say("imported %s", res.MeetingID)
		}
		say("done")
	case "edit": // save a note, say so, and wait to be killed
		_, err := l.Update(ctx, os.Getenv("MINUTEBOOK_INDEX_ID"), Change{Status: ptr(StatusDone), Note: "saved before the crash"})
		if err != nil {
			say("error %v", err)
			os.Exit(1)
		}
		say("saved")
	case "correct": // make the clerk's corrections of the tests, say so, and wait to be killed
		correctHarrow(t, l)
		say("saved")
	case "hold": // hold the index (searching now and then), as the TUI does
		if _, err := l.Search(ctx, SearchQuery{Text: "report"}); err != nil {
			say("error %v", err)
			os.Exit(1)
		}
		say("holding")
		go func() {
			for range time.Tick(100 * time.Millisecond) {
				l.Search(ctx, SearchQuery{Text: "report"})
			}
		}()
	}
	io.Copy(io.Discard, os.Stdin) // until the parent closes stdin or kills us
	l.Close()
	os.Exit(0)
}

type child struct {
	cmd   *exec.Cmd
	lines chan string
	stdin io.WriteCloser
}

func startChild(t *testing.T, mode, dir string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.v=false")
	cmd.Env = append(os.Environ(), append(env, "MINUTEBOOK_INDEX_CHILD="+mode, "MINUTEBOOK_INDEX_DIR="+dir)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, lines: make(chan string, 10000), stdin: stdin}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return c
}

// wait returns the child's next line, failing the test after a while.
func (c *child) wait(t *testing.T, prefix string) string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				t.Fatalf("child exited before saying %q", prefix)
			}
			if strings.HasPrefix(line, "error") {
				t.Fatalf("child: %s", line)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-deadline:
			t.Fatalf("child did not say %q", prefix)
		}
	}
}

func (c *child) kill9(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	c.cmd.Wait()
}

func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	const n = 400
	c := startChild(t, "import", dir, "MINUTEBOOK_INDEX_N="+strconv.Itoa(n))
	reported := map[string]bool{}
	for len(reported) < 15 {
		line := c.wait(t, "imported ")
		reported[strings.TrimPrefix(line, "imported ")] = true
	}
	c.kill9(t)
	// Lines the child wrote before it died count as reported too.
	for line := range c.lines {
		if id, ok := strings.CutPrefix(line, "imported "); ok {
			reported[id] = true
		}
	}
	l := openLib(t, dir)
	ms, err := l.Meetings(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, m := range ms {
		have[m.ID] = true
	}
	for id := range reported {
		if !have[id] {
			t.Errorf("%s was reported imported but is not in the library", id)
		}
	}
	t.Logf("killed after %d meetings were reported; the library holds %d", len(reported), len(ms))
	if len(ms) > len(reported)+1 {
		t.Errorf("library holds %d meetings; %d were reported", len(ms), len(reported))
	}
	// Importing everything again adds the rest, with no duplicates.
	dup := 0
	for _, m := range synth.Meetings(n, 9) {
		res, err := l.Import(ctx, m.Source.Name, encode(m))
		if err != nil {
			t.Fatal(err)
		}
		if res.Duplicate {
			dup++
		}
	}
	if dup != len(ms) {
		t.Errorf("%d duplicates on re-import, want %d", dup, len(ms))
	}
	if ms, _ := l.Meetings(ctx, ""); len(ms) != n {
		t.Errorf("library holds %d meetings after re-import, want %d", len(ms), n)
	}
	if res, err := l.Search(ctx, SearchQuery{Text: "report", Limit: 1}); err != nil || res.Total == 0 {
		t.Errorf("search after the crash: %v", err)
	}
}

func TestKillAfterSave(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	l.Close()
	c := startChild(t, "edit", dir, "MINUTEBOOK_INDEX_ID=osc-2021-12-14-189-a1")
	c.wait(t, "saved")
	c.kill9(t)
	l = openLib(t, dir)
	r, hist, err := l.Record(ctx, "osc-2021-12-14-189-a1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusDone || r.LastNote != "saved before the crash" || len(hist) != 2 {
		t.Errorf("after kill -9: %+v %+v", r, hist)
	}
}

func TestKillAfterCorrections(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs a child process")
	}
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	l.Close()
	c := startChild(t, "correct", dir)
	c.wait(t, "saved")
	c.kill9(t)
	checkCorrected(t, openLib(t, dir), "after kill -9")
}

func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir, func(o *Options) { o.IndexWait = 3 * time.Second })
	mustImport(t, l, harrow())
	l.Close()
	holder := startChild(t, "hold", dir)
	holder.wait(t, "holding")

	l = openLib(t, dir, func(o *Options) { o.IndexWait = 3 * time.Second })
	if h, ok := l.IndexHolder(); !ok || h.PID != holder.cmd.Process.Pid || h.Command != "minutebook child hold" {
		t.Errorf("IndexHolder = %+v, %v; want the child", h, ok)
	}
	// Store writes go through while the child holds the index.
	mustImport(t, l, laterHarrow("2022-06-21", true))
	if _, err := l.Update(ctx, "osc-2021-12-14-189-a1", Change{Status: ptr(StatusDone)}); err != nil {
		t.Fatal(err)
	}
	// A search here asks the child to hand the index over.
	res, err := l.Search(ctx, SearchQuery{Text: "knife", Status: StatusDone})
	if err != nil || res.Total != 1 {
		t.Fatalf("search while the child held the index: %+v, %v", res, err)
	}
	l.Close()
	// The child takes it back for its own searches and catches up.
	deadline := time.Now().Add(10 * time.Second)
	for {
		l = openLib(t, dir)
		h, ok := l.IndexHolder()
		l.Close()
		if ok && h.PID == holder.cmd.Process.Pid {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child did not take the index back (holder %+v %v)", h, ok)
		}
		time.Sleep(100 * time.Millisecond)
	}
	holder.stdin.Close()
	holder.cmd.Wait()
}

func TestReadOnlyLibraryAsAnotherUser(t *testing.T) {
	// As root a read-only folder is still writable, so the child runs as
	// nobody on a library that nobody may read but not write.
	if os.Geteuid() != 0 || testing.Short() {
		t.Skip("needs root to run a child as another user")
	}
	base, err := os.MkdirTemp("/tmp", "minutebook-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	dir := base + "/lib"
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	l.Close()
	for _, p := range []string{base, dir} {
		os.Chmod(p, 0o755)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Chmod(dir+"/"+e.Name(), 0o644)
	}
	// A copy of the test binary that nobody may run.
	bin, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	exe := base + "/index.test"
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestChildProcess$")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), "MINUTEBOOK_INDEX_CHILD=open", "MINUTEBOOK_INDEX_DIR="+dir, "HOME="+base)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var pe *os.PathError
	if errors.As(err, &pe) {
		t.Skipf("nobody cannot run the test binary: %v", err)
	}
	t.Logf("child said: %s", out)
	if !strings.Contains(string(out), "read-only") || !strings.Contains(string(out), "check its permissions") {
		t.Errorf("opening a library one cannot write to:\n%s", out)
	}
}
