package extract

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is not there says so, not that its format is unknown.
func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(context.Background(), filepath.Join(t.TempDir(), "draft.txt"), Limits{})
	if !errors.Is(err, ErrMissing) || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "draft.txt: there is no such file") {
		t.Errorf("missing file: %v", err)
	}
}
