package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
	"github.com/minutebook/minutebook/minutes/internal/clerkeval"
)

// formatBar is how far a rendering's clerk score may fall below its text
// twin's: the bar the readers are held to.
const formatBar = 0.03

// TestClerkTwins scores each twin with a clerk file in testdata/clerk (what
// a careful clerk would list for the meeting) as text and as each of its
// renderings, and fails when a rendering scores more than formatBar below
// the text, unless the twin has a known parser gap (then the scores are
// only reported). The builtin PDF engine is scored; pdftotext too, for
// comparison, when it is installed. CLERK_DIFF=substring prints the
// disagreements of each reading of the twins whose names contain it.
func TestClerkTwins(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "clerk", "*.clerk.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no clerk files: %v", err)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-36s %6s %6s %6s %6s %9s\n", "twin", "text", "docx", "html", "pdf", "pdftotext")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".clerk.json")
		t.Run(name, func(t *testing.T) {
			want, err := clerkeval.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			diffs := os.Getenv("CLERK_DIFF") != "" && strings.Contains(name, os.Getenv("CLERK_DIFF"))
			score := func(text []byte) float64 {
				m, err := minutes.ParseBytes(text, minutes.Options{Name: name + ".txt"})
				r := clerkeval.Score(want, m, err)
				if diffs {
					for _, d := range r.Diffs {
						t.Log(d)
					}
					t.Log("---")
				}
				return r.Overall()
			}
			twin, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			base := score(twin)
			row := fmt.Sprintf("%-36s %6.3f", name, base)
			for _, r := range []struct{ ext, engine string }{{".docx", ""}, {".htm", ""}, {".pdf", extract.EngineBuiltin}, {".pdf", extract.EnginePDFToText}} {
				path := filepath.Join("testdata", name+r.ext)
				if r.ext == ".htm" {
					if _, err := os.Stat(path); err != nil {
						path = filepath.Join("testdata", "src", name+".html")
					}
				}
				if _, err := os.Stat(path); err != nil || r.engine == extract.EnginePDFToText && !extract.PDFToTextAvailable() {
					row += fmt.Sprintf(" %6s", "–")
					continue
				}
				res, err := extract.ReadFile(context.Background(), path, extract.Limits{PDFEngine: r.engine})
				if err != nil {
					t.Fatal(err)
				}
				s := score([]byte(res.Text))
				row += fmt.Sprintf(" %6.3f", s)
				if r.engine == extract.EnginePDFToText {
					continue // poppler's reading, for comparison only
				}
				if gaps := knownParserGaps[name+".txt"]; s < base-formatBar && len(gaps) == 0 {
					t.Errorf("%s scores %.3f, %.3f below its text twin (%.3f); the bar is %.2f", filepath.Base(path), s, base-s, base, formatBar)
				}
			}
			table.WriteString(row + "\n")
		})
	}
	t.Logf("clerk scores (overall) of each twin as text and as each rendering:\n%s", table.String())
}
