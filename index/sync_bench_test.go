package index

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/moderngov/moderngovtest"
	"github.com/minutebook/minutebook/minutes"
)

// BenchmarkSync syncs 1,000 meetings (20 committees × 50, every tenth
// from a printed-minutes PDF, the rest from per-item minutes) from the
// local fake site with the rate limit off, into a new library on disk,
// and then brings the search index up to date. It reports the time per
// meeting, the peak Go heap and the process's peak RSS (VmHWM; the fake
// site runs in the same process).
//
//	go test ./index -run '^$' -bench Sync -benchtime 1x
func BenchmarkSync(b *testing.B) {
	first := minutes.DateOf(syncNow).AddDays(-370)
	srv := moderngovtest.New(moderngovtest.Options{Committees: 20, Meetings: 50, Every: 7, First: first, PDFEvery: 10, Conditional: true})
	defer srv.Close()
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		l := syncLibrary(b, b.TempDir())
		l.opt.Logf = func(string, ...any) {}
		src := addSource(b, l, srv.URL)
		peak := watchMemory()
		b.StartTimer()
		start := time.Now()
		res, err := l.SyncSource(ctx, src, SyncOptions{Rate: -1, Since: first})
		if err != nil {
			b.Fatal(err)
		}
		synced := time.Since(start)
		if err := l.Sync(ctx, false); err != nil {
			b.Fatal(err)
		}
		total := time.Since(start)
		b.StopTimer()
		heap := peak()
		if res.New != 1000 || res.Failed != 0 {
			b.Fatalf("%+v", res)
		}
		b.ReportMetric(float64(synced.Milliseconds())/float64(res.New), "ms/meeting")
		b.ReportMetric(synced.Seconds(), "s-sync")
		b.ReportMetric(total.Seconds(), "s-with-index")
		b.ReportMetric(float64(heap)/(1<<20), "MB-peak-heap")
		b.ReportMetric(float64(peakRSS())/(1<<20), "MB-peak-RSS")
		l.Close()
	}
}

// peakRSS is the process's peak resident set (Linux: VmHWM), 0 elsewhere.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
