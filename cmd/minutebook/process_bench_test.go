package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Whole-process benchmarks: the minutebook binary, built once per run,
// started on the 4,500-meeting library (councilLibrary) as a clerk or a
// cron job starts it. Each reports wall time per run (ms/op, p50 and p99),
// the child's CPU time (user+system, less disturbed by other work on the
// machine than wall time) and its peak RSS.
//
//	go test ./cmd/minutebook -run '^$' -bench Process -benchtime 10x

// benchBinary builds the minutebook binary into a temporary folder, once
// per benchmark.
func benchBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "minutebook")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("build minutebook: %v", err)
	}
	return bin
}

// BenchmarkProcessDueJSON times `minutebook due --json` from exec to exit,
// as of a date in the middle of the fifteen years and as of the last
// meeting's year (when nearly every open record is on the board).
func BenchmarkProcessDueJSON(b *testing.B) {
	for _, c := range []struct{ name, asOf string }{{"mid", "2019-06-01"}, {"end", "2025-12-31"}} {
		b.Run(c.name, func(b *testing.B) {
			benchProcess(b, "--library", "LIB", "due", "--json", "--as-of", c.asOf)
		})
	}
}

// BenchmarkProcessDue times the plain `minutebook due` table.
func BenchmarkProcessDue(b *testing.B) {
	benchProcess(b, "--library", "LIB", "due", "--as-of", "2019-06-01")
}

// benchProcess runs the binary with args ("LIB" stands for the library's
// folder) b.N times, discarding its output. One run comes first, untimed:
// the binary is new, and its first run finds no due snapshot of its build
// (index/snapshot.go), as only the first run after an upgrade does.
//
// Each run is started by a launcher (this test binary again, running
// TestProcessLauncher) that reports the run's wall time, CPU time and
// peak RSS: Go starts a child with vfork, and Linux counts the starting
// process's resident set into the child's Maxrss at its exec, so a child
// of this process (which may have just built the library) would report
// this process's size. The launcher is small (its own start, some 30 MB,
// is the least a run can show).
func benchProcess(b *testing.B, args ...string) {
	dir, err := councilLibrary()
	if err != nil {
		b.Fatal(err)
	}
	bin := benchBinary(b)
	for i, a := range args {
		if a == "LIB" {
			args[i] = dir
		}
	}
	launch := func() launched {
		cmd := exec.Command(os.Args[0], "-test.run=^TestProcessLauncher$", "-test.count=1")
		words, _ := json.Marshal(append([]string{bin}, args...))
		cmd.Env = append(os.Environ(), "MINUTEBOOK_LAUNCH="+string(words))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %v: %s", args, err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, launchedLine); ok {
				var l launched
				if _, err := fmt.Sscanf(v, "%d %d %d", &l.wall, &l.cpu, &l.rssKB); err == nil {
					return l
				}
			}
		}
		b.Fatalf("%v: the launcher said nothing of the run:\n%s", args, out)
		return launched{}
	}
	launch()
	var lat []time.Duration
	var cpu time.Duration
	var rss int64
	for b.Loop() {
		l := launch()
		lat = append(lat, l.wall)
		cpu += l.cpu
		rss = max(rss, l.rssKB)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
	b.ReportMetric(ms(cpu)/float64(len(lat)), "cpu-ms/op")
	b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
}

// launched is what TestProcessLauncher reports of one run.
type launched struct {
	wall, cpu time.Duration
	rssKB     int64
}

// launchedLine starts the launcher's report: wall and CPU time in
// nanoseconds, peak RSS in kB.
const launchedLine = "minutebook-launched "

// TestProcessLauncher runs the command MINUTEBOOK_LAUNCH names (its
// words as a JSON list) for benchProcess, and prints its wall time, CPU
// time and peak RSS; it runs only when the benchmark starts it.
func TestProcessLauncher(t *testing.T) {
	launch := os.Getenv("MINUTEBOOK_LAUNCH")
	if launch == "" {
		t.Skip("run by benchProcess")
	}
	var words []string
	if err := json.Unmarshal([]byte(launch), &words); err != nil || len(words) == 0 {
		t.Fatalf("MINUTEBOOK_LAUNCH=%s: want a JSON list of the command's words (%v)", launch, err)
	}
	cmd := exec.Command(words[0], words[1:]...)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v", words, err)
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no resource usage on this system")
	}
	fmt.Printf("%s%d %d %d\n", launchedLine, wall, ru.Utime.Nano()+ru.Stime.Nano(), ru.Maxrss)
}

// BenchmarkDueJSONInProcess is `minutebook due --json` run in the test
// process, for profiling (-cpuprofile, -memprofile): opening the library,
// the due board, and writing its JSON.
func BenchmarkDueJSONInProcess(b *testing.B) {
	dir, err := councilLibrary()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if err := run(ctx, []string{"--library", dir, "due", "--json", "--as-of", "2019-06-01"}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// processCPU is the CPU time this process has used (user and system):
// less disturbed than wall time by other work on a shared machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
