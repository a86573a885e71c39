package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/tui"
)

// runCheck runs minutebook with args and returns its output and exit code.
func runCheck(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

const plantedDraft = "../../minutes/testdata/check/parish-planted.txt"

func TestCheckCommandFindsProblems(t *testing.T) {
	out, errOut, code := runCheck(t, "", "check", plantedDraft)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (problems found)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		plantedDraft + ":19: “RESOLVED:” has no decision after it\n",
		plantedDraft + ":27: minute 3 is numbered twice (also line 21); should this be 4?\n",
		plantedDraft + ":23: action has no due date: “The Clerk undertook to obtain three quotes for replacing the swings.” [pc-2026-03-04-3-a1]\n",
		"\n" + plantedDraft + ": 14 problems: 1 attendance conflict, 1 minute numbering fault, 1 empty resolution,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Sorted by line.
	last := 0
	for _, l := range strings.Split(out, "\n") {
		rest, ok := strings.CutPrefix(l, plantedDraft+":")
		if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' {
			continue // the summary
		}
		n := 0
		for _, c := range rest {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		if n < last {
			t.Errorf("line %d listed after line %d", n, last)
		}
		last = n
	}
	if errOut != "" {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestCheckCommandJSON(t *testing.T) {
	out, _, code := runCheck(t, "", "check", "--json", plantedDraft)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var got struct {
		File     string `json:"file"`
		Problems []struct {
			Line    int     `json:"line"`
			Kind    string  `json:"kind"`
			Message string  `json:"message"`
			Record  *string `json:"record"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.File != plantedDraft || len(got.Problems) != 14 {
		t.Errorf("file %q, %d problems; want %q, 14", got.File, len(got.Problems), plantedDraft)
	}
	withRecord, withoutRecord := 0, 0
	for _, p := range got.Problems {
		if p.Kind == "" || p.Message == "" {
			t.Errorf("empty kind or message: %+v", p)
		}
		if p.Record != nil {
			withRecord++
		} else {
			withoutRecord++
		}
	}
	if withRecord == 0 || withoutRecord == 0 {
		t.Errorf("want both record IDs and nulls: %d with, %d without", withRecord, withoutRecord)
	}
	if !strings.Contains(out, `"record": null`) || !strings.Contains(out, `"record": "pc-2026-03-04-3-a1"`) {
		t.Errorf("record should be an ID or null:\n%s", out)
	}

	// A clean draft: exit 0, and the list is [], never null.
	out, _, code = runCheck(t, "", "check", "--json", "../../minutes/testdata/check/parish-clean.txt")
	if code != 0 || !strings.Contains(out, `"problems": []`) {
		t.Errorf("clean draft: exit %d\n%s", code, out)
	}
}

func TestCheckCommandExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o600)
	html := filepath.Join(dir, "draft.html")
	os.WriteFile(html, []byte(`<html><body><h1>Upper Fenn Parish Council</h1>
<p>Minutes of the meeting held on Tuesday 14 April 2026 at 7.30 pm</p>
<p>Present: Councillor Ann Cole (Chair), Councillors Ben Dale and Cara Eames</p>
<h2>1. Apologies</h2><p>None.</p>
<h2>2. Minutes</h2><p>RESOLVED: That the minutes of the last meeting be approved.</p>
<h2>3. Footpaths</h2><p>Councillor Dael reported on the stile at Holt Lane. The Clerk undertook to write to the landowner.</p>
<h2>4. Date of next meeting</h2><p>Tuesday 12 May 2026.</p>
</body></html>`), 0o600)
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
		code  int // -1: 0 or 1, the file was read
		says  string
	}{
		{"clean text", []string{"check", "../../minutes/testdata/check/parish-clean.txt"}, "", 0, "parish-clean.txt: no problems found"},
		// Any format: what these fixtures hold depends on the records the
		// parser finds, so only that they were read and checked is tested.
		{"docx", []string{"check", "../../minutes/extract/testdata/marlbridge-licensing-2023-11-08.docx"}, "", -1, "marlbridge-licensing-2023-11-08.docx: "},
		{"pdf", []string{"check", "../../minutes/extract/testdata/marlbridge-licensing-2023-11-08.pdf"}, "", -1, "marlbridge-licensing-2023-11-08.pdf: "},
		{"html with faults", []string{"check", html}, "", 1, "name “Dael” differs from “Dale”"},
		{"stdin", []string{"check", "-"}, "HOLT PARISH COUNCIL\n\nMinutes of the meeting held on 3 March 2026\n\nPresent: Cllr A Cole (Chair), Cllr B Dale\n\n1. MINUTES\n\nRESOLVED:\n\n2. CLOSE\n\nThe meeting closed at 9 pm.\n", 1, "stdin:9: “RESOLVED:” has no decision after it"},
		{"not minutes", []string{"check", "../../minutes/testdata/cases/not-minutes-press-release.txt"}, "", 2, "not minutes"},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, "", 2, "nope.txt"},
		{"empty file", []string{"check", empty}, "", 2, "empty.txt"},
		{"folder", []string{"check", dir}, "", 2, "folder"},
		{"no argument", []string{"check"}, "", 1, "accepts 1 arg"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runCheck(t, tc.stdin, tc.args...)
			if tc.code < 0 && code != 2 && errOut == "" {
				code = tc.code // read and checked; problems or none
			}
			if code != tc.code || !strings.Contains(out+errOut, tc.says) {
				t.Errorf("exit %d, want %d saying %q\nstdout: %s\nstderr: %s", code, tc.code, tc.says, out, errOut)
			}
			if code == 2 && out != "" {
				t.Errorf("a refused file printed to stdout: %s", out)
			}
			noControl(t, "output", out+errOut)
		})
	}
}

func TestLinePages(t *testing.T) {
	got := linePages("one\ntwo\f\nthree\n\ffour\f\ffive\nsix")
	want := []int{1, 1, 2, 3, 5}
	if len(got) != len(want) {
		t.Fatalf("linePages = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("linePages = %v, want %v", got, want)
		}
	}
}

// The TUI's :check is the check `minutebook check` runs: the same
// problems, on a file and on the document a meeting came from; a file
// that is not minutes gives its reason.
func TestTUIChecker(t *testing.T) {
	ctx := context.Background()
	a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
	dir := t.TempDir()
	lib, err := index.Open(ctx, dir, index.Options{Parse: parseDocument, IndexDir: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	data, err := os.ReadFile(plantedDraft)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lib.Import(ctx, "parish-planted.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	c := tuiChecker{a: a, lib: lib}
	want, err := checkDocument(ctx, a, plantedDraft)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what string
		get  func() (tui.CheckReport, error)
	}{
		{"file", func() (tui.CheckReport, error) { return c.CheckFile(ctx, plantedDraft) }},
		{"meeting", func() (tui.CheckReport, error) { return c.CheckMeeting(ctx, res.MeetingID) }},
	} {
		rep, err := tc.get()
		if err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		if len(rep.Problems) != len(want.problems) || len(rep.Problems) == 0 {
			t.Errorf("%s: %d problems, want %d", tc.what, len(rep.Problems), len(want.problems))
			continue
		}
		for i, p := range rep.Problems {
			if p != want.problems[i] {
				t.Errorf("%s: problem %d = %+v, want %+v", tc.what, i, p, want.problems[i])
			}
		}
		if p := rep.Problems[0]; p.Line < 1 || p.Line > len(rep.Lines) {
			t.Errorf("%s: the first problem's line %d is not in the text's %d lines", tc.what, p.Line, len(rep.Lines))
		}
		if !strings.Contains(rep.Summary, "14 problems") {
			t.Errorf("%s: summary %q", tc.what, rep.Summary)
		}
	}
	bin := filepath.Join(t.TempDir(), "photo.txt")
	os.WriteFile(bin, []byte("\x00\x01\x02PNG\x00\xff\xfe"), 0o600)
	for _, path := range []string{bin, filepath.Join(t.TempDir(), "missing.txt")} {
		if _, err := c.CheckFile(ctx, path); err == nil || !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("CheckFile(%s): %v, want an error naming the file", path, err)
		}
	}
	if _, err := c.CheckMeeting(ctx, "nope-2022-01-01"); err == nil || !strings.Contains(err.Error(), "no meeting has the ID") {
		t.Errorf("CheckMeeting of no meeting: %v", err)
	}
}
