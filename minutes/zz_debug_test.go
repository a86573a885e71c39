package minutes

import (
	"os"
	"testing"
)

// TestDebugSegment prints the candidates and chain for MB_DEBUG (a file).
func TestDebugSegment(t *testing.T) {
	p := os.Getenv("MB_DEBUG")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	text, _, _ := decode(data)
	lines := normalise(text)
	end := findEnd(lines)
	if end < len(lines) {
		t.Logf("END at %d: %q", end, lines[end].Text)
	}
	cands := findCandidates(lines, end)
	weighHeadless(cands)
	for _, c := range cands {
		t.Logf("cand idx=%d title=%d num=%q scheme=%q key=%d.%d.%d q=%.2f %q", c.idx, c.title, c.number, c.scheme, c.major, c.key, c.sub, c.quality, c.heading)
	}
	for _, c := range bestChain(cands) {
		t.Logf("CHAIN %s %q", c.number, c.heading)
	}
}

// TestDebugItem prints an item's lines and resolution spans for MB_DEBUG
// and MB_ITEM.
func TestDebugItem(t *testing.T) {
	p, num := os.Getenv("MB_DEBUG"), os.Getenv("MB_ITEM")
	if p == "" || num == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	text, _, _ := decode(data)
	lines := normalise(text)
	_, raw, _ := segment(lines, findEnd(lines))
	for _, r := range raw {
		if r.number != num {
			continue
		}
		recs, used := findResolutions(r)
		for i, l := range r.lines {
			mark := " "
			for _, s := range used {
				if i >= s.from && i < s.to {
					mark = "R"
				}
			}
			t.Logf("%s %3d %q", mark, i, l.Text)
		}
		for _, rec := range recs {
			t.Logf("REC %q", rec.Text)
		}
	}
}

// TestDebugLines prints normalised lines MB_FROM..MB_TO of MB_DEBUG.
func TestDebugLines(t *testing.T) {
	p := os.Getenv("MB_DEBUG")
	if p == "" || os.Getenv("MB_FROM") == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	text, _, _ := decode(data)
	lines := normalise(text)
	from, to := atoiSafe(os.Getenv("MB_FROM")), atoiSafe(os.Getenv("MB_TO"))
	for i := from; i < to && i < len(lines); i++ {
		t.Logf("%3d %q", i, lines[i].Text)
	}
}
