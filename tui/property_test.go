package tui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
	sampledata "github.com/minutebook/minutebook/sample-data"
)

// The property test: random key sequences, with resizes, mouse events and
// another process changing the library thrown in, on every view, on an
// empty library, the bundled samples and a large synthetic library. No
// sequence may panic, and every frame must fit the window exactly: as
// many lines as it is high, none wider than it is wide, no control
// character. With -short the bounds are small enough for CI.

// sampleMeetings parses the bundled sample minutes.
func sampleMeetings(t testing.TB) []*minutes.Meeting {
	t.Helper()
	var out []*minutes.Meeting
	err := fs.WalkDir(sampledata.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(sampledata.FS, path)
		if err != nil {
			return err
		}
		m, err := minutes.ParseBytes(data, minutes.Options{Name: path})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		m.Source = minutes.Source{Name: path, Hash: path}
		out = append(out, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no sample minutes")
	}
	return out
}

// propertyKeys are the keys a sequence is drawn from: every key the TUI
// answers to, the keys of text fields, and text that forms take (dates in
// every form, file names, stray Unicode).
var propertyKeys = func() []string {
	ks := []string{"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right",
		"pgup", "pgdown", "home", "end", "backspace", "ctrl+u", "space"}
	for _, k := range []string{"j", "k", "g", "G", "h", "l", "1", "2", "3", "/", "?", "u", "c", "a", "t", "x", "E",
		"f", "i", "d", "p", "X", "r", "n", "o", "e", "m", "y", "N", "R", "s", "S", "4", "5", "O", "b", "F", "q", "C", ":"} {
		ks = append(ks, k, k) // the TUI's own keys come up more often
	}
	return append(ks, "z", "é", "漢", "7", "-", ".", " ")
}()

// propertyTexts are whole strings typed at once, as into a form.
var propertyTexts = []string{
	"2020-01-01", "2022-06-15", "next", "next meeting", "+7d", "-2w", "+1m", "+100000d", "9999-12-31",
	"0001-01-01", "tomorrow", "friday", "31/01/2027", "31 January 2027", "none", "fly tipping",
	"kind:action", "\"budget\"", "out.csv", "out.ics", "out.html", "Head of Services",
	strings.Repeat("w", 300), "\x1b[2J", "zzz",
}

// propertyMacros are short runs of keys a clerk types together, which a
// random walk would seldom hit on: choosing a committee, changing the
// as-of date, going to the end of a list, opening what is there.
var propertyMacros = [][]string{
	{"G"}, {"G", "x"}, {"1", "G", "c", "j", "enter"}, {"1", "c", "j", "j", "j", "enter"}, {"1", "c", "G", "enter"},
	{"1", "c", "enter"}, {"1", "a", "ctrl+u", "2020-01-01", "enter"}, {"1", "a", "ctrl+u", "next", "enter"},
	{"1", "t"}, {"enter", "d"}, {"enter", "N"}, {"enter", "y"}, {"u"}, {"esc", "esc"}, {"3", "G", "enter", "G", "enter"},
	{"/", "ctrl+u", "report", "esc", "f", "down", "enter"}, {"enter", "e", "ctrl+u", "+2w", "enter"},
	{"4", "enter"}, {"4", "G", "enter", "G", "enter"}, {"4", "s", "enter", "j", "enter"}, {"4", "enter", "b"}, {"1", "j", "O"}, {"4", "f", "an", "enter"}, {"4", "f", "zz", "esc"},
	{"1", "o", "j", "enter"}, {"1", "j", "enter", "O", "enter"},
	{"1", "C", "j", "enter"}, {"1", "C", "G", "enter", "c", "j", "enter"}, {"/", "ctrl+u", "report", "esc", "f", "down", "right", "enter"},
	{":", "check draft.txt", "enter"}, {":", "check missing.txt", "enter", "r"}, {":", "check hostile.txt", "enter", "G"},
	{"3", "enter", "enter", ":", "check", "enter"}, {":", "bogus", "enter", "esc"}, {":", "check", "enter"},
}

type propLib struct {
	name     string
	lib      func() propAPI
	seqs     int // sequences per start view
	seqShort int
	syncs    bool // the TUI has a syncer: the sources view and S
}

// instantSyncer is a Syncer whose sync reports progress and ends at once.
type instantSyncer struct{ n atomic.Int32 }

func (s *instantSyncer) Sources(context.Context) ([]index.Source, error) {
	return []index.Source{{ID: 1, Site: "https://democracy.example.gov.uk", Council: "Wexcombe Borough Council"}}, nil
}

func (s *instantSyncer) SyncAll(_ context.Context, progress func(index.SyncProgress)) (string, error) {
	progress(index.SyncProgress{Source: "Wexcombe Borough Council", Phase: "fetching", Done: 1, Total: 2})
	if s.n.Add(1)%3 == 0 {
		return "", errors.New("the site did not answer")
	}
	return "Wexcombe Borough Council: 0 new", nil
}

// propAPI is a library for the property test: the API, its record IDs,
// and how another process edits one.
type propAPI struct {
	Library
	now  func() time.Time
	ids  []string
	edit func(id string, s index.Status)
}

func fakeProp(f *fakeLib) propAPI {
	return propAPI{Library: f, now: f.now, ids: recordIDs(f), edit: func(id string, s index.Status) {
		f.bump(func() { f.recByID[id].rec.Status = s })
	}}
}

func TestPropertyRandomKeys(t *testing.T) {
	t.Chdir(t.TempDir()) // an export the keys ask for lands here
	synthN := 400
	switch {
	case testing.Short():
		synthN = 40
	case raceOn:
		synthN = 120
	}
	samples := sampleMeetings(t)
	real := realSamples(t)
	big := synth.Meetings(synthN, 11)
	libs := []propLib{
		{name: "empty", lib: func() propAPI { return fakeProp(newFakeLib(nil)) }, seqs: 8, seqShort: 3},
		{name: "fixture", lib: func() propAPI { return fakeProp(newFixture()) }, seqs: 12, seqShort: 4, syncs: true},
		{name: "samples", lib: func() propAPI {
			f := newFakeLib(samples)
			f.now = func() time.Time { return fakeNow.AddDate(4, 0, 0) } // in the samples' year
			return fakeProp(f)
		}, seqs: 12, seqShort: 4},
		{name: "synthetic", lib: func() propAPI {
			f := newFakeLib(big)
			f.now = func() time.Time { return fakeNow.AddDate(3, 0, 0) }
			return fakeProp(f)
		}, seqs: 3, seqShort: 2},
		// One real library for every session: each carries on from the
		// edits the ones before made, as a clerk's library would.
		{name: "library", lib: func() propAPI { return real }, seqs: 4, seqShort: 1},
	}
	steps := 400
	switch {
	case testing.Short():
		steps = 120
	case raceOn:
		steps = 200
	}
	starts := []struct {
		name string
		keys []string
	}{
		{"due", nil}, {"search", []string{"/", "report"}}, {"meetings", []string{"3", "enter", "enter"}}, {"detail", nil},
		{"people", []string{"4", "enter"}},
		{"check", []string{":", "check draft.txt", "enter"}},
	}
	for _, pl := range libs {
		for _, st := range starts {
			n := pl.seqs
			if testing.Short() {
				n = pl.seqShort
			}
			for seq := range n {
				seed := uint64(len(pl.name))*1000 + uint64(len(st.name))*100 + uint64(seq)
				t.Run(fmt.Sprintf("%s/%s/%d", pl.name, st.name, seq), func(t *testing.T) {
					var syncer Syncer
					if pl.syncs {
						syncer = &instantSyncer{}
					}
					randomSession(t, pl.lib(), syncer, st.keys, st.name == "detail", steps, seed)
				})
			}
		}
	}
}

// randomSession drives one TUI with a random sequence and checks every
// frame; on failure it reports the seed and the steps that led there.
func randomSession(t *testing.T, lib propAPI, syncer Syncer, start []string, openDetail bool, steps int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x6d62))
	w, h := 80+r.IntN(80), 20+r.IntN(30)
	opt := testOptions()
	opt.Now = lib.now
	opt.CrashDir = t.TempDir()
	opt.Syncer = syncer
	hs := newHarness(t, lib, w, h, opt)
	var log []string
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("seed %d: panic %v after:\n%s", seed, p, tail(log, 40))
		}
		if ce := hs.m.crash.err; ce != nil {
			report, _ := os.ReadFile(ce.Log)
			t.Fatalf("seed %d: the TUI caught a panic (%s) after:\n%s\n%s", seed, ce.Value, tail(log, 40), report)
		}
	}()
	check := func() {
		t.Helper()
		out := hs.view()
		if problem := frameProblem(out, w, h); problem != "" {
			t.Fatalf("seed %d, %dx%d: %s after:\n%s\nframe:\n%s", seed, w, h, problem, tail(log, 40), out)
		}
	}
	hs.keys(start...)
	if openDetail {
		if ids := lib.ids; len(ids) > 0 {
			openRecord(hs, ids[r.IntN(len(ids))])
		}
	}
	check()
	for range steps {
		switch p := r.IntN(100); {
		case p < 4: // the window changes size, now and then to very small
			w, h = 1+r.IntN(200), 1+r.IntN(60)
			if r.IntN(3) == 0 {
				w, h = 1+r.IntN(30), 1+r.IntN(8)
			}
			log = append(log, fmt.Sprintf("resize %dx%d", w, h))
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
		case p < 10: // the mouse: wheel, clicks, release, motion
			msg := tea.MouseMsg{X: r.IntN(w + 2), Y: r.IntN(h + 2)}
			switch r.IntN(5) {
			case 0:
				msg.Button, msg.Action = tea.MouseButtonWheelDown, tea.MouseActionPress
			case 1:
				msg.Button, msg.Action = tea.MouseButtonWheelUp, tea.MouseActionPress
			case 2:
				msg.Button, msg.Action = tea.MouseButtonLeft, tea.MouseActionPress
			case 3:
				msg.Button, msg.Action = tea.MouseButtonLeft, tea.MouseActionRelease
			default:
				msg.Button, msg.Action = tea.MouseButtonNone, tea.MouseActionMotion
			}
			log = append(log, fmt.Sprintf("mouse %v %v at %d,%d", msg.Button, msg.Action, msg.X, msg.Y))
			hs.send(msg)
		case p < 12: // another process edits a record
			if ids := lib.ids; len(ids) > 0 {
				id := ids[r.IntN(len(ids))]
				statuses := []index.Status{index.StatusOpen, index.StatusInProgress, index.StatusDone, index.StatusDropped}
				s := statuses[r.IntN(len(statuses))]
				log = append(log, "another process: "+id+" "+string(s))
				lib.edit(id, s)
				hs.send(pollMsg{})
			}
		case p < 17:
			ks := propertyMacros[r.IntN(len(propertyMacros))]
			log = append(log, fmt.Sprintf("keys %q", ks))
			hs.keys(ks...)
		case p < 24:
			text := propertyTexts[r.IntN(len(propertyTexts))]
			log = append(log, fmt.Sprintf("type %q", text))
			hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
		default:
			k := propertyKeys[r.IntN(len(propertyKeys))]
			log = append(log, "key "+k)
			hs.keys(k)
		}
		check()
	}
}

// frameProblem says what is wrong with a frame drawn for a w×h window,
// "" when nothing is (the same checks as checkFrame).
func frameProblem(out string, w, h int) string {
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		return fmt.Sprintf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			return fmt.Sprintf("line %d is %d cells wide, more than %d", i+1, lw, w)
		}
	}
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)) {
			return fmt.Sprintf("frame holds control character %U", r)
		}
	}
	return ""
}

func recordIDs(lib *fakeLib) []string {
	lib.mu.Lock()
	defer lib.mu.Unlock()
	ids := make([]string, 0, len(lib.recByID))
	for id := range lib.recByID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func tail(log []string, n int) string {
	if len(log) > n {
		log = log[len(log)-n:]
	}
	return strings.Join(log, "\n")
}

// realSamples is the real library (SQLite store, in-memory search index)
// holding the bundled samples, as the TUI opens on first run.
func realSamples(t *testing.T) propAPI {
	t.Helper()
	now := func() time.Time { return fakeNow.AddDate(4, 0, 0) }
	lib, err := index.Open(t.Context(), t.TempDir(), index.Options{Now: now, IndexDir: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	err = fs.WalkDir(sampledata.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(sampledata.FS, path)
		if err == nil {
			_, err = lib.ImportSample(t.Context(), path, data, index.ImportOptions{Council: sampledata.Councils[path]})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	recs, err := lib.Records(t.Context(), index.RecordQuery{Kinds: []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	return propAPI{Library: lib, now: now, ids: ids, edit: func(id string, s index.Status) {
		c := index.Change{Status: &s, Who: "another process"}
		if rec, _, err := lib.Record(context.Background(), id); err == nil && rec.Kind == minutes.KindResolution {
			c = index.Change{Note: "noted elsewhere", Who: "another process"} // a resolution takes notes only
		}
		if _, err := lib.Update(context.Background(), id, c); err != nil {
			t.Errorf("edit %s: %v", id, err)
		}
	}}
}
