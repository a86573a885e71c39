package main

import (
	"context"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

func TestReparseAndReindexCommands(t *testing.T) {
	useFakeParser(t)
	lib := importHarrowLike(t)
	if _, errOut, code := runLib(t, lib, "set", "osc-2021-12-14-188-a1", "--status", "in-progress", "--note", "chasing"); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := runLib(t, lib, "reparse")
	if code != 0 || !strings.Contains(out, "Parsed 1 document again: 0 meetings changed, 1 unchanged.") {
		t.Errorf("reparse: exit %d\n%s%s", code, out, errOut)
	}
	// A parser that drops the action: its tracking is kept and listed.
	testWorld.parse = func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		m, err := fakeDocumentParser(ctx, name, data)
		if err == nil {
			m.Items[0].Actions = nil
		}
		return m, err
	}
	out, errOut, code = runLib(t, lib, "reparse")
	if code != 0 || !strings.Contains(out, "1 meeting changed") || !strings.Contains(out, "osc-2021-12-14-188-a1") || !strings.Contains(out, "chasing") {
		t.Errorf("reparse that drops a tracked record: exit %d\n%s%s", code, out, errOut)
	}
	// A parser that refuses the document now: the meeting is kept.
	testWorld.parse = func(context.Context, string, []byte) (*minutes.Meeting, error) {
		return nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "changed its mind"}
	}
	out, errOut, code = runLib(t, lib, "reparse")
	if code != 2 || !strings.Contains(errOut, "harrow.txt (meeting osc-2021-12-14, kept as it was)") {
		t.Errorf("reparse with failures: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runLib(t, lib, "reindex")
	if code != 0 || !strings.Contains(out, "Rebuilt the search index: 3 documents") {
		t.Errorf("reindex: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runLib(t, lib, "show", "osc-2021-12-14-188-a1")
	if code != 0 || !strings.Contains(out, "no longer give this record") || !strings.Contains(out, "note: chasing") {
		t.Errorf("show of the orphan:\n%s", out)
	}
}
