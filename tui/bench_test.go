package tui

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

// Benchmarks at a council's fifteen years: 4,500 synthetic meetings
// (index/synth) in the in-memory fake. They time the TUI's own work,
// Update and View; the library's search and load times are the
// library's own benchmarks. Run: go test ./tui -run XXX -bench . -benchmem

const councilMeetings = 4500

var (
	bigOnce sync.Once
	bigLib  *fakeLib
)

// councilLib is the 4,500-meeting fake, built once. As of 2026-01-15, the
// end of the synthetic span, thousands of records are open.
func councilLib(b *testing.B) *fakeLib {
	b.Helper()
	bigOnce.Do(func() {
		bigLib = newFakeLib(synth.Meetings(councilMeetings, 7))
		bigLib.now = func() time.Time { return time.Date(2025, 6, 15, 9, 0, 0, 0, time.UTC) }
	})
	return bigLib
}

func benchOptions(lib *fakeLib) Options {
	o := testOptions()
	o.Now = lib.now
	return o
}

// BenchmarkFirstFrame: from New to the due board drawn with its data:
// the model, the first window size, the due query answered by the fake,
// the board grouped and the frame drawn.
func BenchmarkFirstFrame(b *testing.B) {
	lib := councilLib(b)
	var rows int
	for b.Loop() {
		h := newHarness(b, lib, 120, 40, benchOptions(lib))
		_ = h.view()
		rows = len(h.m.due.rows)
	}
	b.ReportMetric(float64(rows), "board-rows")
}

// BenchmarkFirstFrameTUIOnly: the same without the fake's due query (the
// library's cost): New, size, the loaded board handed in, View.
func BenchmarkFirstFrameTUIOnly(b *testing.B) {
	lib := councilLib(b)
	q := index.DueQuery{AsOf: minutes.DateOf(lib.now()), IncludeClosed: true}
	recs, _ := lib.Due(context.Background(), q)
	for b.Loop() {
		m := New(context.Background(), lib, benchOptions(lib))
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View() // the first frame: "Loading the due board…"
		m.due.seq = 1
		m.Update(dueLoadedMsg{seq: 1, board: buildBoard(q, recs, dueFilter{})})
		_ = m.View()
	}
	b.ReportMetric(float64(len(recs)), "records")
}

// BenchmarkDueScroll: one key down on the board with thousands of rows,
// Update and View.
func BenchmarkDueScroll(b *testing.B) {
	lib := councilLib(b)
	h := newHarness(b, lib, 120, 40, benchOptions(lib))
	h.keys("x") // show the done rows too: the longest board
	down := tea.KeyMsg{Type: tea.KeyDown}
	up := tea.KeyMsg{Type: tea.KeyUp}
	n := len(h.m.due.rows)
	i := 0
	for b.Loop() {
		k := down
		if (i/(n-1))%2 == 1 {
			k = up
		}
		i++
		h.m.Update(k)
		_ = h.m.View()
	}
	b.ReportMetric(float64(n), "rows")
}

// BenchmarkDuePageDown: a page at a time through the whole board, every
// row drawn for the first time.
func BenchmarkDuePageDown(b *testing.B) {
	lib := councilLib(b)
	h := newHarness(b, lib, 120, 40, benchOptions(lib))
	h.keys("x")
	pg := tea.KeyMsg{Type: tea.KeyPgDown}
	home := tea.KeyMsg{Type: tea.KeyHome}
	for b.Loop() {
		if h.m.due.list.cursor >= len(h.m.due.rows)-2 {
			h.m.due.setRows("") // forget the drawn rows: draw them afresh
			h.m.Update(home)
		}
		h.m.Update(pg)
		_ = h.m.View()
	}
}

// BenchmarkSearchKeystroke: a key typed into the query with 100 hits on
// screen: Update (the query changes, a search is asked for) and View.
func BenchmarkSearchKeystroke(b *testing.B) {
	lib := councilLib(b)
	h := newHarness(b, lib, 120, 40, benchOptions(lib))
	h.keys("/", "budget")
	if h.m.search.res == nil || len(h.m.search.rows) == 0 {
		b.Fatal("no results to draw")
	}
	bs := tea.KeyMsg{Type: tea.KeyBackspace}
	t := typeKey('t')
	i := 0
	for b.Loop() {
		k := t
		if i%2 == 1 {
			k = bs
		}
		i++
		h.m.Update(k)
		_ = h.m.View()
		h.m.search.inFlight = false // the search the key asked for is not run here
	}
}

// BenchmarkSearchResultsDrawn: a search's answer arriving: its 100 hits
// rendered (in the command), Update and View.
func BenchmarkSearchResultsDrawn(b *testing.B) {
	lib := councilLib(b)
	h := newHarness(b, lib, 120, 40, benchOptions(lib))
	h.keys("/", "budget")
	res := h.m.search.res
	st := h.m.sh.styles
	for b.Loop() {
		s := h.m.search
		s.seq++
		s.inFlight = true
		rows := renderHits(st, res.Hits, 120)
		h.m.Update(searchDoneMsg{seq: s.seq, res: res, rows: rows, width: 120})
		_ = h.m.View()
	}
	b.ReportMetric(float64(len(res.Hits)), "hits")
}

// cannedSearch answers every search at once with the same result, so
// that a benchmark times the TUI's side of a keystroke alone.
type cannedSearch struct {
	*fakeLib
	res *index.SearchResult
}

func (c cannedSearch) Search(context.Context, index.SearchQuery) (*index.SearchResult, error) {
	return c.res, nil
}

// BenchmarkSearchKeystrokeP99 types words one key at a time and times
// each keystroke from its Update to the frame with its results drawn:
// Update, the search command (answered at once, with a page of hits,
// which it renders), the answer's Update, and View. It reports the 50th
// and 99th percentiles of the TUI's part; the library's search time adds
// to it (see cmd/minutebook's BenchmarkTUISearchKeystroke for the two
// together on the real library).
func BenchmarkSearchKeystrokeP99(b *testing.B) {
	lib := councilLib(b)
	res, err := lib.Search(context.Background(), index.SearchQuery{Text: "budget budget*", Limit: searchPage})
	if err != nil || len(res.Hits) == 0 {
		b.Fatal("no hits", err)
	}
	api := cannedSearch{lib, res}
	m := New(context.Background(), api, benchOptions(lib))
	m.sh.tick = instantTick
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
	words := []string{"budget ", "fly-tipping ", "housing repairs ", "report ", "library ", "parking "}
	var lat []time.Duration
	for b.Loop() {
		for _, w := range words {
			for _, r := range w {
				start := time.Now()
				_, cmd := m.Update(typeKey(r))
				for _, msg := range collect(cmd, time.Second) {
					m.Update(msg)
				}
				_ = m.View()
				lat = append(lat, time.Since(start))
			}
			m.search.input.SetValue("")
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
