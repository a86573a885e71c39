package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// fakeChecker is a Checker over invented drafts: "draft.txt" has
// problems, "clean.txt" none, "hostile.txt" carries escape sequences in
// its text; any other file cannot be read. A meeting's document is
// checked as "draft.txt".
type fakeChecker struct{}

// draftLines are the lines of the invented draft.
var draftLines = func() []string {
	lines := make([]string, 40)
	lines[10] = "Present: Councillors Peter Ferris, Ann Whitlock, Tom Whitlock"
	lines[18] = "RESOLVED:"
	lines[22] = "Councillor Whitlok asked about the fly-tipping figures."
	lines[26] = "3. Budget Monitoring"
	lines[29] = "A report be brought back by 31 June 2026."
	return lines
}()

var draftProblems = []minutes.Problem{
	{Line: 11, Kind: minutes.ProblemAttendanceConflict, Message: "Peter Ferris is listed as present and as sending apologies"},
	{Line: 19, Kind: minutes.ProblemEmptyResolution, Message: "“RESOLVED:” has no decision after it"},
	{Line: 23, Kind: minutes.ProblemNameSpelling, Message: "name “Whitlok” differs from “Whitlock” in the attendance list (Tom Whitlock)"},
	{Line: 27, Kind: minutes.ProblemMinuteNumber, Message: "minute 3 is numbered twice (also line 21); should this be 4?"},
	{Line: 30, Kind: minutes.ProblemDateInvalid, Message: "“31 June 2026” is not a date: June 2026 has 30 days", Record: "ecssc-2026-06-23-3-f1"},
	{Line: 30, Kind: minutes.ProblemFollowUpNoDue, Message: "a follow-up with no meeting or date to come back to: say which meeting it returns to, or by when, so that it can be tracked"},
}

func (fakeChecker) CheckFile(ctx context.Context, path string) (CheckReport, error) {
	switch path {
	case "draft.txt":
		return CheckReport{File: path, Problems: draftProblems, Lines: draftLines,
			Summary: "draft.txt: 6 problems: 1 attendance conflict, 1 minute numbering fault, 1 empty resolution, …"}, ctx.Err()
	case "clean.txt":
		return CheckReport{File: path, Problems: []minutes.Problem{}, Summary: "clean.txt: no problems found"}, ctx.Err()
	case "hostile.txt":
		return CheckReport{File: path, Problems: []minutes.Problem{{Line: 1, Kind: minutes.ProblemPlaceholder, Message: "“TBC\x1b[2J” left in\u202e"}},
			Lines: []string{"\x1b]0;owned\x07Date: TBC\x1b[2J"}, Summary: "hostile.txt: 1 problem"}, ctx.Err()
	}
	return CheckReport{}, errors.New(path + ": cannot read the file: no such file or directory")
}

func (c fakeChecker) CheckMeeting(ctx context.Context, id string) (CheckReport, error) {
	rep, err := c.CheckFile(ctx, "draft.txt")
	rep.File = id + ".txt"
	return rep, err
}

func TestCheckCommand(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 30, testOptions())
	h.keys(":", "check draft.txt", "enter")
	if h.m.active != viewCheck {
		t.Fatalf(":check opened view %v", h.m.active)
	}
	h.contains("Check · 6 problems · draft.txt", "11", "Peter Ferris is listed as present", "line 11: Present: Councillors Peter Ferris")
	h.keys("G") // the last problem, in full below the list
	h.contains("or by when,", "so that it can be tracked", "line 30: A report be brought back by 31 June 2026.")
	h.keys("k")
	h.contains("[ecssc-2026-06-23-3-f1]")
	h.contains("Check") // its tab
	h.keys("esc")
	if h.m.active != viewDue {
		t.Fatalf("esc from the check shows view %v", h.m.active)
	}
	h.keys("tab", "tab", "tab", "tab") // the check view is in the cycle once opened
	if h.m.active != viewCheck {
		t.Fatalf("tab cycle reached view %v, want the check", h.m.active)
	}

	// A file that cannot be read: the reason, no crash; r tries again.
	h.keys(":", "check missing.txt", "enter")
	h.contains("missing.txt: cannot read the file", "r checks again")
	h.keys("r")
	h.contains("missing.txt: cannot read the file")

	// A clean draft.
	h.keys(":", "check clean.txt", "enter")
	h.contains("no problems found", "Nothing here will cause trouble")

	// Hostile text never reaches the terminal.
	h.keys(":", "check hostile.txt", "enter")
	checkFrame(t, h.view(), 100, 30)

	// Nothing to check, an unknown command: the prompt stays and says why.
	h.keys("1", ":", "check", "enter")
	h.contains("check what? :check FILE, or choose a meeting")
	h.keys("ctrl+u", "frobnicate", "enter")
	h.contains("no command “frobnicate”")
	h.keys("esc")
	if h.m.command.open || h.m.active != viewDue {
		t.Fatalf("esc left the command line open (%v) or moved to view %v", h.m.command.open, h.m.active)
	}
	h.contains("c committee") // the help bar is back
}

func TestCheckFromTheMeetingsView(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 30, testOptions())
	h.keys("3", "j", "enter") // Overview and Scrutiny's meetings
	h.contains(":check its document")
	h.keys(":", "check", "enter")
	if h.m.active != viewCheck {
		t.Fatalf(":check on a meeting opened view %v", h.m.active)
	}
	// The meeting under the cursor: Overview and Scrutiny, 11 January.
	h.contains("Check · 6 problems · Overview and Scrutiny Committee 2022-01-11 (harrow-osc-2022-01-11.txt)")
	h.keys("esc")
	if h.m.active != viewMeetings {
		t.Fatalf("esc from the check shows view %v, want the meetings it came from", h.m.active)
	}
}

func TestCheckWithoutAChecker(t *testing.T) {
	opt := testOptions()
	opt.Checker = nil
	h := newHarness(t, newFixture(), 100, 30, opt)
	h.keys(":", "check draft.txt", "enter")
	h.contains("cannot check documents from the TUI: run minutebook check FILE")
}

func TestCheckCommandQuit(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 30, testOptions())
	h.keys(":", "q", "enter")
	if !h.quit {
		t.Fatal(":q did not quit")
	}
}

// The title bar names a council only when the library holds several.
func TestTitleBarCouncil(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 30, testOptions())
	h.contains("All councils · as of")
	h.keys("C", "j", "enter") // Harrow
	h.contains("Harrow Council · as of", "Harrow Council › All committees")
	if v := h.view(); strings.Contains(v, "Riverside") {
		t.Errorf("Harrow's board shows Northmere's panel:\n%s", v)
	}
	h.keys("c")
	if v := h.view(); strings.Contains(v, "Riverside Place Scrutiny Panel") || !strings.Contains(v, "All committees of Harrow Council") {
		t.Errorf("the committee chooser of Harrow's board:\n%s", v)
	}
	h.keys("esc", "esc")
	h.contains("All councils · as of", "All committees")

	// One council: no council in the title, no C.
	var harrow []*minutes.Meeting
	for _, m := range fixtureMeetings() {
		if m.Council == "Harrow Council" {
			harrow = append(harrow, m)
		}
	}
	h = newHarness(t, newFakeLib(harrow), 100, 30, testOptions())
	if v := h.view(); strings.Contains(v, "councils") || strings.Contains(v, "Harrow Council ·") || strings.Contains(v, "C council") {
		t.Errorf("a library of one council names it:\n%s", v)
	}
	h.keys("C")
	h.contains("The library holds one council's minutes")
}
