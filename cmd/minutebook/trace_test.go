package main

import (
	"strings"
	"testing"
)

// TestParseTrace: --trace shows each line's reading and the records made
// of it; a refused document is traced with its reason and exits non-zero.
func TestParseTrace(t *testing.T) {
	out, errOut, err := runCmd(t, "parse", "--trace", "../../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		t.Fatalf("parse --trace: %v\n%s", err, errOut)
	}
	for _, want := range []string{"label      Present:", "item 188 heading", "resolution osc-2021-12-14-188-r1", "action osc-2021-12-14-189-a2 owner=Borough Commander"} {
		if !strings.Contains(out, want) {
			t.Errorf("trace lacks %q", want)
		}
	}
	_, _, err = runCmd(t, "parse", "--trace", "../../minutes/testdata/cases/not-minutes-press-release.txt")
	if err == nil {
		t.Error("a press release traced without error")
	}
}
