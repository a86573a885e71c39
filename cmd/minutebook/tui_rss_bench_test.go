package main

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

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/tui"
)

// BenchmarkTUIProcessRSS is the TUI's memory on the 4,500-meeting library
// (councilLibrary): this test binary started again (running
// TestTUIProcessChild) opens the library as `minutebook` does, draws the
// due board and, for "board+search", types two searches into the search
// view and draws their results (the search index opened, facets counted).
// "board" and "board+search" start from a current due snapshot (one child
// is run first, untimed, to write it), as every start does but the first
// after an import or an upgrade; "board-cold" removes the snapshot before
// each child, as that first start finds it. It reports the child's peak
// RSS, its memory as it ends (anonymous, and mapped files: the search
// index's segments), its CPU time and the wall time, so the figures are
// the TUI's alone and not the benchmark's library build.
//
// The peak RSS is the child's own VmHWM, which it prints as it ends, not
// the rusage's Maxrss: Go starts a child with vfork, and Linux counts the
// parent's resident set (this process, which may just have built the
// library) into the child's Maxrss at its exec.
//
//	go test ./cmd/minutebook -run '^$' -bench TUIProcessRSS -benchtime 3x
func BenchmarkTUIProcessRSS(b *testing.B) {
	dir, err := councilLibrary()
	if err != nil {
		b.Fatal(err)
	}
	child := func(b *testing.B, stage string) (childMemory, *exec.Cmd) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTUIProcessChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "MINUTEBOOK_TUI_CHILD="+dir, "MINUTEBOOK_TUI_CHILD_STAGE="+stage)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		n, ok := childPeakRSS(out)
		if !ok {
			b.Fatalf("the child said nothing of its memory:\n%s", out)
		}
		return n, cmd
	}
	child(b, "board") // a current snapshot for this build
	for _, stage := range []string{"board", "board+search", "board-cold"} {
		b.Run(stage, func(b *testing.B) {
			var rss, anon, file uint64
			var cpu, wall time.Duration
			for b.Loop() {
				if stage == "board-cold" {
					b.StopTimer()
					if err := os.Remove(filepath.Join(dir, "due.snapshot")); err != nil && !os.IsNotExist(err) {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				start := time.Now()
				n, cmd := child(b, stage)
				wall += time.Since(start)
				rss, anon, file = max(rss, n.peak), max(anon, n.anon), max(file, n.file)
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
				}
			}
			b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
			b.ReportMetric(float64(anon)/(1<<20), "end-anon-MB")
			b.ReportMetric(float64(file)/(1<<20), "end-file-MB")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(wall.Seconds()/float64(b.N), "wall-s/op")
		})
	}
}

// TestTUIProcessChild is BenchmarkTUIProcessRSS's TUI session; it runs
// only when the benchmark starts it.
func TestTUIProcessChild(t *testing.T) {
	dir, stage := os.Getenv("MINUTEBOOK_TUI_CHILD"), os.Getenv("MINUTEBOOK_TUI_CHILD_STAGE")
	if dir == "" {
		t.Skip("run by BenchmarkTUIProcessRSS")
	}
	ctx := context.Background()
	api, _, closeLib, err := openForTUI(ctx, dir, &noticeLog{}, parseDocument, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closeLib()
	d := &driver{t: t, m: tui.New(ctx, api, tui.Options{PollInterval: -1, SearchDebounce: -1}), wait: time.Minute}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.run(d.m.Init())
	if !strings.Contains(d.m.View(), "OVERDUE") {
		t.Fatal("no due board drawn:\n" + d.m.View())
	}
	defer func() { fmt.Println(childRSSLine + selfMemory()) }()
	if stage != "board+search" {
		return
	}
	d.keys("/", "budget monitoring")
	d.contains("budget")
	for range "budget monitoring" {
		d.send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	d.keys("fly-tipping")
	d.contains("fly")
}

// childRSSLine starts the line on which a benchmark's child process
// prints its memory: /proc/self/status's VmHWM (the peak resident set),
// RssAnon (heap and stacks) and RssFile (mapped files: the search index's
// segments, which the kernel may drop and read again) as it ends, in kB.
const childRSSLine = "minutebook-child-memory "

// childMemory is what a child process printed of its memory, in bytes.
type childMemory struct{ peak, anon, file uint64 }

// childPeakRSS finds the memory a child printed in its output.
func childPeakRSS(out []byte) (childMemory, bool) {
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, childRSSLine); ok {
			var m childMemory
			_, err := fmt.Sscanf(v, "%d %d %d", &m.peak, &m.anon, &m.file)
			m.peak, m.anon, m.file = m.peak<<10, m.anon<<10, m.file<<10
			return m, err == nil && m.peak > 0
		}
	}
	return childMemory{}, false
}

// selfMemory is childRSSLine's figures for this process, as the line's
// rest; zeros where /proc/self/status is not (other systems than Linux).
func selfMemory() string {
	data, _ := os.ReadFile("/proc/self/status")
	kb := func(field string) uint64 {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, field+":"); ok {
				n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				return n
			}
		}
		return 0
	}
	return fmt.Sprintf("%d %d %d", kb("VmHWM"), kb("RssAnon"), kb("RssFile"))
}
