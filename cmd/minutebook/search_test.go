package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index/synth"
)

// importSynth makes a library of n synthetic meetings and returns its
// folder.
func importSynth(t *testing.T, n int) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "lib")
	if out, errOut, code := runLib(t, lib, "import", writeMeetings(t, synth.Meetings(n, 3))); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	return lib
}

func TestSearchCommand(t *testing.T) {
	useFakeParser(t)
	lib := importSynth(t, 30)
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  []string // each must appear in stdout
		err  string   // must appear in stderr
	}{
		{"words", []string{"search", "report"}, 0, []string{"KIND", "COMMITTEE", "EXCERPT", "hits"}, ""},
		{"filters", []string{"search", "report", "--kind", "followup", "--committee", "cabinet", "--limit", "3"}, 0, []string{"followup  Cabinet"}, ""},
		{"facets", []string{"search", "report", "--facets"}, 0, []string{"committee:", "kind:", "year:"}, ""},
		{"nothing", []string{"search", "zzyzx"}, 0, []string{"No hits."}, ""},
		{"short prefix", []string{"search", "re*"}, 1, nil, "at least 3 letters"},
		{"bad date", []string{"search", "report", "--from", "1/13/2020"}, 1, nil, "no month 13"},
		{"not a date", []string{"search", "report", "--from", "lately"}, 1, nil, "YYYY-MM-DD"},
		{"bad status", []string{"search", "report", "--status", "pending"}, 1, nil, "--status"},
		{"no query", []string{"search"}, 1, nil, "give something to search for"},
		{"unknown committee", []string{"search", "x", "--committee", "allotments"}, 1, nil, "no committee matches"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runLib(t, lib, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.code, out, errOut)
			}
			for _, s := range tc.out {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			if tc.err != "" && !strings.Contains(errOut, tc.err) {
				t.Errorf("stderr lacks %q:\n%s", tc.err, errOut)
			}
			noControl(t, "search output", out) // not a terminal: no highlighting escapes
		})
	}
	out, _, code := runLib(t, lib, "search", "report", "--json", "--facets", "--limit", "5")
	var res searchResultJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if len(res.Hits) != 5 || res.Total < 5 || len(res.Facets["kind"]) == 0 {
		t.Errorf("search --json = %+v", res)
	}
	for _, h := range res.Hits {
		for _, hl := range h.Highlights {
			if got := strings.ToLower(string([]rune(h.Excerpt)[hl[0]:hl[1]])); !strings.HasPrefix(got, "report") {
				t.Errorf("highlight %v of %q is %q", hl, h.Excerpt, got)
			}
		}
	}
}

func TestExcerptHighlight(t *testing.T) {
	useFakeParser(t)
	lib := importSynth(t, 10)
	out, _, _ := runLib(t, lib, "search", "report", "--json", "--limit", "1")
	var res searchResultJSON
	json.Unmarshal([]byte(out), &res)
	if len(res.Hits) == 0 || len(res.Hits[0].Highlights) == 0 {
		t.Fatalf("no highlights: %s", out)
	}
}
