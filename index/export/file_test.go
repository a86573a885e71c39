package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log.csv")
	if err := WriteFile(path, false, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	// A failed export leaves the old file as it was, and no temporary file.
	boom := errors.New("boom")
	err := WriteFile(path, false, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "first" {
		t.Errorf("file = %q after a failed export", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if err := WriteFile(path, true, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("private file mode %v", st.Mode().Perm())
	}
	if err := WriteFile(dir, false, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: err = %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.csv"), false, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "cannot write") {
		t.Errorf("missing folder: err = %v", err)
	}
}
