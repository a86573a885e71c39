package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

// The library commands' tests run the commands through run() on a library
// in a temporary folder. Most use a fake parser (documents are meetings as
// JSON) so that they do not depend on the parser's progress; one runs the
// real parser on the bundled Harrow minutes.

type plainMeeting minutes.Meeting // every field, no DESIGN.md JSON form

func meetingDoc(m *minutes.Meeting) []byte {
	b, err := json.Marshal((*plainMeeting)(m))
	if err != nil {
		panic(err)
	}
	return b
}

func fakeDocumentParser(_ context.Context, name string, data []byte) (*minutes.Meeting, error) {
	if bytes.HasPrefix(data, []byte("PRESS RELEASE")) {
		return nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "it reads like a press release"}
	}
	var m plainMeeting
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "no meeting in it"}
	}
	return (*minutes.Meeting)(&m), nil
}

// useFakeParser makes the library commands parse with fakeDocumentParser
// and see today as 1 July 2022.
func useFakeParser(t *testing.T) {
	t.Helper()
	old := testWorld
	testWorld.parse = fakeDocumentParser
	testWorld.now = func() time.Time { return time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { testWorld = old })
}

// testWorld is what the tests' runs of minutebook (runLib, runCmd) use in
// place of the real parser, clock and library; nil fields are the real
// ones. useFakeParser and useFakeLibrary set it for one test.
var testWorld struct {
	parse   func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error)
	now     func() time.Time
	openAPI func(ctx context.Context, a *app) (index.API, func() error, error)
}

// testRun runs minutebook in testWorld.
func testRun(args []string, stdout, stderr io.Writer) error {
	a := newApp(strings.NewReader(""), stdout, stderr)
	if testWorld.parse != nil {
		a.parse = testWorld.parse
	}
	if testWorld.now != nil {
		a.now = testWorld.now
	}
	if testWorld.openAPI != nil {
		a.openAPI = testWorld.openAPI
	}
	return a.run(context.Background(), args)
}

// runLib runs minutebook with --library dir and returns its output and
// exit status.
func runLib(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := testRun(append([]string{"--library", dir}, args...), &out, &errOut)
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// writeMeetings writes n synthetic meetings as documents into a new folder.
func writeMeetings(t *testing.T, ms []*minutes.Meeting) string {
	t.Helper()
	dir := t.TempDir()
	for _, m := range ms {
		sub := filepath.Join(dir, m.Date.String()[:4])
		os.MkdirAll(sub, 0o700)
		if err := os.WriteFile(filepath.Join(sub, m.Source.Name), meetingDoc(m), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// noControl fails when printed text carries control characters other
// than newlines and tabs.
func noControl(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Errorf("%s carries %U", what, r)
			return
		}
	}
}

func TestImportCommand(t *testing.T) {
	useFakeParser(t)
	lib := filepath.Join(t.TempDir(), "lib")
	ms := synth.Meetings(12, 3)
	docs := writeMeetings(t, ms)
	os.WriteFile(filepath.Join(docs, "notes.odt"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(docs, ".hidden.txt"), []byte("x"), 0o600)

	out, errOut, code := runLib(t, lib, "import", docs)
	if code != 0 || errOut != "" {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Imported 12 files: 12 meetings,") || !strings.Contains(out, "1 other file was in the folders skipped") {
		t.Errorf("summary:\n%s", out)
	}
	noControl(t, "import output", out) // not a terminal: no progress line

	out, _, code = runLib(t, lib, "import", docs)
	if code != 0 || !strings.Contains(out, "Imported 0 files") || !strings.Contains(out, "12 files were already in the library") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}

	// A partial import: one file refused, named with its reason.
	bad := filepath.Join(t.TempDir(), "press.txt")
	os.WriteFile(bad, []byte("PRESS RELEASE: council news"), 0o600)
	extra := synth.Meetings(13, 3)[12]
	good := filepath.Join(t.TempDir(), "good.txt")
	os.WriteFile(good, meetingDoc(extra), 0o600)
	out, errOut, code = runLib(t, lib, "import", bad, good)
	if code != 2 {
		t.Errorf("partial import: exit %d, want 2\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, bad+": the document is not minutes: it reads like a press release") {
		t.Errorf("the refused file is not named with its reason:\n%s", errOut)
	}
	// The same message as `minutebook parse` gives.
	parseErr := documentError(bad, &minutes.RejectError{Kind: minutes.ErrNotMinutes, Reason: "it reads like a press release"})
	if !strings.Contains(errOut, parseErr.Error()) {
		t.Errorf("import says %q, parse would say %q", errOut, parseErr)
	}

	// Total failure.
	_, errOut, code = runLib(t, lib, "import", bad)
	if code != 1 || !strings.Contains(errOut, "no file could be imported") {
		t.Errorf("failed import: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runLib(t, lib, "import", filepath.Join(t.TempDir(), "missing"))
	if code != 1 || !strings.Contains(errOut, "cannot read") {
		t.Errorf("missing path: exit %d\n%s", code, errOut)
	}
	empty := t.TempDir()
	_, errOut, code = runLib(t, lib, "import", empty)
	if code != 1 || !strings.Contains(errOut, "no minutes found") {
		t.Errorf("empty folder: exit %d\n%s", code, errOut)
	}

	// --json says what happened to each file.
	out, _, code = runLib(t, lib, "import", "--json", bad, good)
	var res []importFile
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 2 || len(res) != 2 || res[0].Error == "" || !res[1].Duplicate {
		t.Errorf("import --json: exit %d, %v\n%s", code, err, out)
	}
}

func TestImportIntoBadLibrary(t *testing.T) {
	useFakeParser(t)
	notLib := t.TempDir()
	os.WriteFile(filepath.Join(notLib, "thesis.docx"), []byte("x"), 0o600)
	doc := filepath.Join(t.TempDir(), "m.txt")
	os.WriteFile(doc, meetingDoc(synth.Meetings(1, 1)[0]), 0o600)
	_, errOut, code := runLib(t, notLib, "import", doc)
	if code != 1 || !strings.Contains(errOut, "not a minutebook library") || !strings.Contains(errOut, "--library") {
		t.Errorf("import into a folder of other files: exit %d\n%s", code, errOut)
	}
	for _, cmd := range [][]string{{"search", "x"}, {"due"}, {"show", "x"}, {"set", "x", "--note", "y"}, {"reparse"}, {"reindex"}} {
		_, errOut, code := runLib(t, filepath.Join(t.TempDir(), "none"), cmd...)
		if code != 1 || !strings.Contains(errOut, "import minutes first") {
			t.Errorf("%s on no library: exit %d\n%s", cmd[0], code, errOut)
		}
	}
}

// TestImportLeavesTheDueBoardReady: an import works out the due board, so
// the library's snapshot is of the new generation and the next `due`
// starts from it; the board is the same as one read from the store.
func TestImportLeavesTheDueBoardReady(t *testing.T) {
	useFakeParser(t)
	lib := filepath.Join(t.TempDir(), "lib")
	docs := writeMeetings(t, synth.Meetings(24, 5))
	if out, errOut, code := runLib(t, lib, "import", docs); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	snap := filepath.Join(lib, "due.snapshot")
	if _, err := os.Stat(snap); err != nil {
		t.Fatalf("no due snapshot after the import: %v", err)
	}
	fromSnapshot, errOut, code := runLib(t, lib, "due", "--json", "--as-of", "2015-06-01")
	if code != 0 {
		t.Fatalf("due: exit %d\n%s", code, errOut)
	}
	if err := os.Remove(snap); err != nil {
		t.Fatal(err)
	}
	fromStore, errOut, code := runLib(t, lib, "due", "--json", "--as-of", "2015-06-01")
	if code != 0 {
		t.Fatalf("due without the snapshot: exit %d\n%s", code, errOut)
	}
	if fromSnapshot != fromStore || !strings.Contains(fromStore, `"id"`) {
		t.Errorf("the board from the import's snapshot differs from the store's:\n%s\n---\n%s", fromSnapshot, fromStore)
	}
}
