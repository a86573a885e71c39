package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/synth"
)

// BenchmarkImportProcess imports benchMeetings meetings as `minutebook
// import DIR` does (a file at a time, then the search index built), in a
// process of its own (this test binary again, running
// TestImportProcessChild), so that its peak RSS is the import's alone and
// not the benchmark's input too. It reports the child's peak RSS, its CPU
// time and the wall time, and the time the files took into the store and
// the peak RSS by then (store-s, store-peak-RSS-MB: the rest is building
// the search index).
//
// The peak RSS is the child's own VmHWM, which it prints as it ends
// (childPeakRSS), not the rusage's Maxrss: Go starts a child with
// vfork, and Linux counts the parent's resident set (here the
// benchmark's 4,500 meetings and their documents) into the child's
// Maxrss at its exec.
//
//	go test ./index -run '^$' -bench ImportProcess -benchtime 1x -timeout 30m
func BenchmarkImportProcess(b *testing.B) {
	docs := b.TempDir()
	for i, m := range synth.Meetings(benchMeetings, 1) {
		if err := os.WriteFile(filepath.Join(docs, fmt.Sprintf("%05d-%s.json", i, m.Source.Name)), encode(m), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		lib := b.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportProcessChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "MINUTEBOOK_IMPORT_CHILD="+docs, "MINUTEBOOK_IMPORT_LIBRARY="+lib)
		cmd.Stderr = os.Stderr
		start := time.Now()
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		wall := time.Since(start)
		if rss, ok := childPeakRSS(out); ok {
			b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
		}
		if ph, ok := childStorePhase(out); ok {
			b.ReportMetric(ph.seconds, "store-s")
			b.ReportMetric(float64(ph.rss)/(1<<20), "store-peak-RSS-MB")
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			b.ReportMetric(float64(ru.Utime.Nano()+ru.Stime.Nano())/1e9, "cpu-s")
		}
		b.ReportMetric(wall.Seconds(), "total-s")
		b.ReportMetric(float64(dirSize(filepath.Join(lib, "index")))/(1<<20), "index-MB")
	}
}

// TestImportProcessChild is BenchmarkImportProcess's import; it runs only
// when the benchmark starts it.
func TestImportProcessChild(t *testing.T) {
	docs, dir := os.Getenv("MINUTEBOOK_IMPORT_CHILD"), os.Getenv("MINUTEBOOK_IMPORT_LIBRARY")
	if docs == "" || dir == "" {
		t.Skip("run by BenchmarkImportProcess")
	}
	ctx := context.Background()
	l, err := Open(ctx, dir, Options{Parse: fakeParse})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	files, err := os.ReadDir(docs)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(docs, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.Import(ctx, f.Name(), data); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("%s%f %d\n", childStoreLine, time.Since(start).Seconds(), peakRSS())
	if err := l.Sync(ctx, false); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%s%d\n", childRSSLine, peakRSS())
}

// childRSSLine starts the line on which a benchmark's child process
// prints its peak RSS in bytes.
const childRSSLine = "minutebook-child-peak-rss-bytes "

// childStoreLine starts the line on which the import's child prints the
// time the files took to import into the store and its peak RSS then (in
// bytes), before the search index is built.
const childStoreLine = "minutebook-child-store "

// storePhase is what childStoreLine says.
type storePhase struct {
	seconds float64
	rss     uint64
}

// childStorePhase finds the store phase a child printed in its output.
func childStorePhase(out []byte) (storePhase, bool) {
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, childStoreLine); ok {
			var ph storePhase
			_, err := fmt.Sscanf(v, "%f %d", &ph.seconds, &ph.rss)
			return ph, err == nil
		}
	}
	return storePhase{}, false
}

// childPeakRSS finds the peak RSS a child printed in its output.
func childPeakRSS(out []byte) (uint64, bool) {
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, childRSSLine); ok {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
			return n, err == nil && n > 0
		}
	}
	return 0, false
}
