package minutes

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The parser's speed is measured against the cheapest thing that touches
// every byte: reading the text and splitting it into lines. A ratio is
// steadier than MB/s on a loaded machine, because both sides slow together;
// the benchmarks below report it themselves ("x-split").

func harrowSample(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// processCPU is the CPU time the process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// splitOnce is the reference: the input as a string, cut into lines.
func splitOnce(data []byte) int {
	return len(strings.Split(string(data), "\n"))
}

// BenchmarkParseVsSplit parses the Harrow sample and splits it in the same
// loop, reporting the parse's MB/s and how many splits one parse costs.
func BenchmarkParseVsSplit(b *testing.B) {
	data := harrowSample(b)
	benchRatio(b, [][]byte{data})
}

// BenchmarkParseMegabyte parses one long document of about 1 MB: the sample
// printed over and over, as a council's bound volume of a year's minutes
// would be. It reports ms per MB.
func BenchmarkParseMegabyte(b *testing.B) {
	one := harrowSample(b)
	var buf bytes.Buffer
	for buf.Len() < 1<<20 {
		buf.Write(one)
		buf.WriteString("\n\f\n")
	}
	benchRatio(b, [][]byte{buf.Bytes()})
}

// BenchmarkParseReal parses every text of the development sets in
// ../shared (skipped where they are absent), the mix of styles the parser
// is scored on, and reports MB/s and the ratio over the whole set.
func BenchmarkParseReal(b *testing.B) {
	var docs [][]byte
	for _, dir := range []string{"../../shared/real-minutes", "../../shared/real-minutes-2"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		sort.Strings(names)
		for _, n := range names {
			if data, err := os.ReadFile(n); err == nil {
				docs = append(docs, data)
			}
		}
	}
	if len(docs) == 0 {
		b.Skip("no development sets under ../shared")
	}
	benchRatio(b, docs)
}

// benchRatio parses docs each iteration and, in the same iteration, splits
// them, so the two are timed under the same load.
func benchRatio(b *testing.B, docs [][]byte) {
	b.Helper()
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	var parse, split time.Duration
	n := 0
	cpu0 := processCPU()
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		for _, d := range docs {
			if _, err := ParseBytes(d, Options{}); err != nil && !errors.Is(err, ErrNotMinutes) {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		for _, d := range docs {
			n += splitOnce(d)
		}
		t2 := time.Now()
		parse += t1.Sub(t0)
		split += t2.Sub(t1)
	}
	_ = n
	if cpu := processCPU() - cpu0; cpu > 0 && b.N > 0 {
		// CPU time is steadier than wall time when other work shares the
		// machine; it includes the split and the collector.
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
	if split > 0 {
		b.ReportMetric(float64(parse)/float64(split), "x-split")
	}
	mb := float64(total) / (1 << 20)
	if parse > 0 && b.N > 0 {
		per := parse.Seconds() / float64(b.N)
		b.ReportMetric(mb/per, "parse-MB/s")
		b.ReportMetric(per*1000/mb, "ms/MB")
	}
}
