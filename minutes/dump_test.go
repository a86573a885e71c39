package minutes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestDump writes the parse of every development document to MB_DUMP (a
// folder), for comparing the parser's output before and after a change:
// MB_DUMP=/tmp/a go test ./minutes -run TestDump; …; diff -r /tmp/a /tmp/b.
func TestDump(t *testing.T) {
	dir := os.Getenv("MB_DUMP")
	if dir == "" {
		t.Skip("set MB_DUMP to a folder")
	}
	var files []string
	for _, g := range []string{"testdata/cases/*.txt", "../sample-data/*.txt", "../sample-data/fictional/*.txt",
		"../../shared/real-minutes/*.txt", "../../shared/real-minutes-2/*.txt", "../../shared/real-minutes-2/not-minutes/*.txt",
		"testdata/clerk/invented/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseBytes(data, Options{Name: filepath.Base(f)})
		var out []byte
		if err != nil {
			out = []byte(err.Error() + "\n")
		} else {
			out, _ = json.MarshalIndent(m, "", "  ")
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)+".json"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
