package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
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
// folder) b.N times, discarding its output.
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
	var lat []time.Duration
	var cpu time.Duration
	var rss int64
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %v", args, err)
		}
		lat = append(lat, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			rss = max(rss, ru.Maxrss) // KB on Linux
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
	b.ReportMetric(ms(cpu)/float64(len(lat)), "cpu-ms/op")
	b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
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
