package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/internal/search"
	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

// The benchmarks work at a council's fifteen years: 4,500 synthetic
// meetings (index/synth), imported through the fake JSON parser (the
// stand-in for minutes.Parse; its time is reported apart).
//
//	go test ./index -run '^$' -bench . -benchtime 1x -timeout 30m
//	MINUTEBOOK_BENCH_MEETINGS=18000 MINUTEBOOK_BENCH_LIBRARY=/tmp/lib4x go test ./index -run '^$' -bench 'Due|Search' -timeout 60m

var benchMeetings = benchSize()

// benchSize is how many meetings the benchmarks work at: 4,500, or
// MINUTEBOOK_BENCH_MEETINGS (9000 and 18000 for index/SCALE.md's 2× and
// 4×; give each its own MINUTEBOOK_BENCH_LIBRARY).
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("MINUTEBOOK_BENCH_MEETINGS")); err == nil && n > 0 {
		return n
	}
	return 4500
}

// BenchmarkImport imports benchMeetings meetings one file at a time (one
// transaction each, as `minutebook import` does) and then builds the
// search index, reporting each stage apart.
func BenchmarkImport(b *testing.B) {
	ms := synth.Meetings(benchMeetings, 1)
	docs := make([][]byte, len(ms))
	for i, m := range ms {
		docs[i] = encode(m)
	}
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		dir := b.TempDir()
		l := openLib(b, dir, func(o *Options) { o.Logf = func(string, ...any) {} })
		var parse time.Duration
		l.opt.Parse = func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
			t := time.Now()
			m, err := fakeParse(ctx, name, data)
			parse += time.Since(t)
			return m, err
		}
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		peak := watchMemory()
		b.StartTimer()
		start := time.Now()
		for i, m := range ms {
			if _, err := l.Import(ctx, m.Source.Name, docs[i]); err != nil {
				b.Fatal(err)
			}
		}
		imported := time.Since(start)
		if err := l.Sync(ctx, false); err != nil {
			b.Fatal(err)
		}
		total := time.Since(start)
		b.StopTimer()
		b.ReportMetric(float64(len(ms))/total.Seconds(), "meetings/s")
		b.ReportMetric(parse.Seconds(), "parse-s")
		b.ReportMetric((imported - parse).Seconds(), "store-s")
		b.ReportMetric((total - imported).Seconds(), "index-s")
		b.ReportMetric(total.Seconds(), "total-s")
		b.ReportMetric(float64(dirSize(filepath.Join(dir, store.File)))/(1<<20), "store-MB")
		b.ReportMetric(float64(dirSize(filepath.Join(dir, "index")))/(1<<20), "index-MB")
		top := peak()
		b.ReportMetric(float64(top)/(1<<20), "peak-heap-MB")
		// The benchmark's own input (the meetings and their documents)
		// left out: the import's heap.
		b.ReportMetric(float64(top-min(top, base.HeapInuse))/(1<<20), "import-heap-MB")
		l.Close()
		b.StartTimer()
	}
}

// benchTempDir is the bench library's folder when TestMain is to remove it.
var benchTempDir string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{benchTempDir, boardTempDir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// benchLibrary is one imported and indexed library shared by the
// read-side benchmarks.
//
// MINUTEBOOK_BENCH_LIBRARY names a directory to keep it in between runs.
var benchLibrary = sync.OnceValues(func() (string, error) {
	dir := os.Getenv("MINUTEBOOK_BENCH_LIBRARY")
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, store.File)); err == nil {
			return dir, nil
		}
	} else {
		var err error
		if dir, err = os.MkdirTemp("", "minutebook-bench-"); err != nil {
			return "", err
		}
		benchTempDir = dir
	}
	opt := Options{Parse: fakeParse, Logf: func(string, ...any) {}}
	l, err := Open(context.Background(), dir, opt)
	if err != nil {
		return "", err
	}
	defer l.Close()
	for _, m := range synth.Meetings(benchMeetings, 1) {
		if _, err := l.Import(context.Background(), m.Source.Name, encode(m)); err != nil {
			return "", err
		}
	}
	return dir, l.Sync(context.Background(), false)
})

func openBenchLibrary(b *testing.B) *Library {
	dir, err := benchLibrary()
	if err != nil {
		b.Fatal(err)
	}
	l, err := Open(context.Background(), dir, Options{Parse: fakeParse, Logf: b.Logf})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	if err := l.Sync(context.Background(), true); err != nil {
		b.Fatal(err)
	}
	return l
}

// benchQueries is a mixed query set: words, phrases, prefixes, and
// filters by committee, kind, status and date.
var benchQueries = []SearchQuery{
	{Text: "fly-tipping"},
	{Text: "enforcement"},
	{Text: `"air quality"`},
	{Text: `"further report"`},
	{Text: "temporary accommodation costs"},
	{Text: "consult*"},
	{Text: "budget monitoring", Committee: "Cabinet"},
	{Text: "licence", Committee: "Licensing Sub-Committee", From: date("2015-01-01"), To: date("2018-12-31")},
	{Text: "knife crime", Kind: "action"},
	{Text: "report"},
	{Text: "housing +damp -repairs"},
	{Text: "pension valuation", Year: 2019},
	{Text: "school places", Status: StatusOpen},
	{Text: "", Committee: "osc", Limit: 20},
	{Text: "officers undertook to circulate"},
	{Text: `"solar farm" lakey`},
}

// BenchmarkSearch reports search latency over the mixed query set, p50 and
// p99, with highlighting.
func BenchmarkSearch(b *testing.B) {
	benchSearch(b, false)
}

// BenchmarkSearchFacets is BenchmarkSearch with facet counts (committee,
// kind, year, status) on every query.
func BenchmarkSearchFacets(b *testing.B) {
	benchSearch(b, true)
}

func benchSearch(b *testing.B, facets bool) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)]
		q.Facets = facets
		i++
		t := time.Now()
		if _, err := l.Search(ctx, q); err != nil {
			b.Fatalf("%+v: %v", q, err)
		}
		lat = append(lat, time.Since(t))
		if os.Getenv("MINUTEBOOK_BENCH_VERBOSE") != "" {
			b.Logf("%8.2f ms  %+v", float64(time.Since(t).Microseconds())/1000, q)
		}
	}
	reportLatency(b, lat)
}

// BenchmarkSearchRaw runs the same query texts straight on the bleve index
// (query string, same size, same highlighting, no filters, no store), for
// the ratio of our search to bleve's own.
func BenchmarkSearchRaw(b *testing.B) {
	benchSearchRaw(b, false)
}

// BenchmarkSearchRawFacets is BenchmarkSearchRaw with the same facets as
// BenchmarkSearchFacets, counted by bleve.
func BenchmarkSearchRawFacets(b *testing.B) {
	benchSearchRaw(b, true)
}

func benchSearchRaw(b *testing.B, facets bool) {
	l := openBenchLibrary(b)
	l.imu.RLock()
	idx := l.search.ix.Bleve()
	l.imu.RUnlock()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)]
		i++
		req := search.RawRequest(q.Text, facets)
		t := time.Now()
		if _, err := idx.Search(req); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	reportLatency(b, lat)
}

// BenchmarkDue lists the whole due board as of a date in the middle of
// the fifteen years: cold (the first board in a process, read from the
// store: no snapshot), from the library's snapshot (the first board in a
// process that finds one current: snapshot.go), warm (the model and the
// list kept for the library's generation), and after one edit (the edit,
// then the board; edit-ms and due-ms say which took what).
func BenchmarkDue(b *testing.B) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	forget := func(snapshot bool) {
		l.cacheMu.Lock()
		l.cache, l.snapRead = nil, !snapshot
		l.cacheMu.Unlock()
	}
	b.Run("after-edit", func(b *testing.B) {
		rs, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")})
		if err != nil || len(rs) == 0 {
			b.Fatal(err)
		}
		var edit, due time.Duration
		i := 0
		for b.Loop() {
			t := time.Now()
			if _, err := l.Update(ctx, rs[i%len(rs)].ID, Change{Note: "benchmark note " + strconv.Itoa(i)}); err != nil {
				b.Fatal(err)
			}
			i++
			t2 := time.Now()
			if _, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")}); err != nil {
				b.Fatal(err)
			}
			edit, due = edit+t2.Sub(t), due+time.Since(t2)
		}
		b.ReportMetric(float64(edit.Microseconds())/1000/float64(i), "edit-ms")
		b.ReportMetric(float64(due.Microseconds())/1000/float64(i), "due-ms")
	})
	b.Run("cold-one-committee", func(b *testing.B) {
		var n int
		for b.Loop() {
			forget(false)
			rs, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01"), Committee: "osc"})
			if err != nil {
				b.Fatal(err)
			}
			n = len(rs)
		}
		b.ReportMetric(float64(n), "records")
	})
	// A current snapshot for the snapshot case.
	forget(false)
	if _, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")}); err != nil {
		b.Fatal(err)
	}
	l.cacheMu.Lock()
	err := l.writeSnapshot(l.cache)
	l.cacheMu.Unlock()
	if err != nil {
		b.Fatal(err)
	}
	for _, start := range []string{"cold=true", "snapshot", "cold=false"} {
		b.Run(start, func(b *testing.B) {
			var n int
			cpu := cpuTime()
			for b.Loop() {
				switch start {
				case "cold=true":
					forget(false)
				case "snapshot":
					forget(true)
				}
				rs, err := l.Due(ctx, DueQuery{AsOf: date("2019-06-01")})
				if err != nil {
					b.Fatal(err)
				}
				n = len(rs)
			}
			b.ReportMetric(float64(n), "records")
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time this process has used (user and system): less
// disturbed than wall time by other work on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReindex rebuilds the search index of the whole library.
func BenchmarkReindex(b *testing.B) {
	l := openBenchLibrary(b)
	ctx := context.Background()
	for b.Loop() {
		res, err := l.Reindex(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Documents), "docs")
	}
}

func reportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// watchMemory samples the heap until the returned function is called,
// which returns the peak.
func watchMemory() func() uint64 {
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return peak
	}
}

func dirSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		for _, suffix := range []string{"-wal", "-shm"} {
			if w, err := os.Stat(path + suffix); err == nil {
				n += w.Size()
			}
		}
	}
	return n
}
