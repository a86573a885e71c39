package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// goldenScenes are states of the TUI, each reached by keys from the
// start, compared with golden files at two sizes. Run `go test ./tui
// -run TestGolden -update` to rewrite the files, and read the diff.
var goldenScenes = []struct {
	name   string
	banner string
	drive  func(h *harness)
}{
	{name: "due", drive: func(h *harness) {}},
	{name: "due_scrolled", drive: func(h *harness) { h.keys("j", "j", "j", "j", "j", "j") }},
	{name: "due_committee_picker", drive: func(h *harness) { h.keys("c", "j") }},
	{name: "due_one_committee", drive: func(h *harness) { h.keys("c", "j", "j", "j", "enter") }},
	{name: "due_asof_form", drive: func(h *harness) { h.keys("a", "ctrl+u", "2022-06-1") }},
	{name: "due_asof_changed", drive: func(h *harness) { h.keys("a", "ctrl+u", "2022-06-15", "enter") }},
	{name: "due_done_shown", drive: func(h *harness) { h.keys("x", "G") }},
	{name: "due_council_picker", drive: func(h *harness) { h.keys("C", "j") }},
	{name: "due_one_council", drive: func(h *harness) { h.keys("C", "j", "j", "enter") }},
	{name: "command_line", drive: func(h *harness) { h.keys(":", "check draft.t") }},
	{name: "check_report", drive: func(h *harness) { h.keys(":", "check draft.txt", "enter", "j", "j") }},
	{name: "check_unreadable", drive: func(h *harness) { h.keys(":", "check missing.txt", "enter") }},
	{name: "sample_banner", banner: "Showing the bundled sample minutes. To use your own: minutebook import PATH", drive: func(h *harness) {}},
	{name: "search_empty", drive: func(h *harness) { h.keys("/") }},
	{name: "search_results", drive: func(h *harness) { h.keys("/", "fly", "down") }},
	{name: "search_facets", drive: func(h *harness) { h.keys("/", "report", "esc", "f", "down", "right") }},
	{name: "search_filtered", drive: func(h *harness) { h.keys("/", "report", "esc", "f", "down", "enter", "esc") }},
	{name: "search_council", drive: func(h *harness) { h.keys("/", "community", "esc", "f", "down", "right", "enter", "esc") }},
	{name: "search_none", drive: func(h *harness) { h.keys("/", "zebra crossing") }},
	{name: "meetings_committees", drive: func(h *harness) { h.keys("3") }},
	{name: "meetings_list", drive: func(h *harness) { h.keys("3", "j", "enter") }},
	{name: "meetings_items", drive: func(h *harness) { h.keys("3", "j", "enter", "j", "enter") }},
	{name: "meetings_item", drive: func(h *harness) { h.keys("3", "j", "enter", "j", "enter", "j", "j", "j", "enter", "j") }},
	{name: "meetings_hostile_item", drive: func(h *harness) { h.keys("3", "j", "j", "j", "enter", "enter", "enter") }},
	{name: "detail_action", drive: func(h *harness) { openRecord(h, "osc-2021-12-14-188-a1") }},
	{name: "detail_returned", drive: func(h *harness) { openRecord(h, "osc-2021-12-14-189-f1") }},
	{name: "detail_done_history", drive: func(h *harness) { openRecord(h, "cabinet-2022-02-17-612-a1") }},
	{name: "detail_resolution", drive: func(h *harness) { openRecord(h, "cabinet-2022-02-17-612-r1") }},
	{name: "detail_note_form", drive: func(h *harness) { openRecord(h, "osc-2021-12-14-188-a1"); h.keys("n", "Figures sent") }},
	{name: "detail_saved", drive: func(h *harness) {
		openRecord(h, "osc-2021-12-14-188-a1")
		h.keys("d", "n", "Figures sent to all Members", "enter")
	}},
	{name: "detail_return_picker", drive: func(h *harness) { openRecord(h, "osc-2021-12-14-188-f1"); h.keys("R") }},
	{name: "detail_return_picker_items", drive: func(h *harness) { openRecord(h, "osc-2021-12-14-189-f1"); h.keys("R", "enter") }},
	{name: "detail_hostile", drive: func(h *harness) { openRecord(h, "rpsp-2022-04-05-7-a1") }},
	{name: "help", drive: func(h *harness) { h.keys("?") }},
	{name: "help_scrolled", drive: func(h *harness) { h.keys("?", "G") }},
}

// openRecord opens a record's detail the way the due board does.
func openRecord(h *harness, id string) {
	h.send(navMsg{to: viewDetail, recordID: id})
}

func TestGolden(t *testing.T) {
	for _, sc := range goldenScenes {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				opt := testOptions()
				opt.Banner = sc.banner
				h := newHarness(t, newFixture(), size[0], size[1], opt)
				sc.drive(h)
				out := h.view()
				checkFrame(t, out, size[0], size[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// checkFrame checks what every frame must be: exactly the window's
// height, no line wider than the window, and (drawn without colour) no
// escape or control character at all, so none came from a document.
func checkFrame(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, lw, w, l)
		}
	}
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)) {
			t.Fatalf("frame holds control character %U:\n%q", r, out)
		}
	}
}

// TestNoGlobalsDecideTheFrame: with lipgloss's default renderer set to
// full colour and the local time zone far from UTC, the golden scenes
// still draw as their files say: the renderer and the clock the TUI is
// given decide, nothing global.
func TestNoGlobalsDecideTheFrame(t *testing.T) {
	def := lipgloss.DefaultRenderer()
	profile, dark, local := def.ColorProfile(), def.HasDarkBackground(), time.Local
	def.SetColorProfile(termenv.TrueColor)
	def.SetHasDarkBackground(false)
	time.Local = time.FixedZone("far", 11*3600)
	defer func() {
		def.SetColorProfile(profile)
		def.SetHasDarkBackground(dark)
		time.Local = local
	}()
	for _, sc := range goldenScenes {
		t.Run(sc.name, func(t *testing.T) {
			opt := testOptions()
			opt.Banner = sc.banner
			h := newHarness(t, newFixture(), 80, 24, opt)
			sc.drive(h)
			out := h.view()
			checkFrame(t, out, 80, 24)
			want, err := os.ReadFile(filepath.Join("testdata", "TestGolden", sc.name, "80x24.golden"))
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("the frame depends on a global:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}
