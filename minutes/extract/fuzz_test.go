package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// checkOutcome is what every reader promises for any input: an *Error
// with a kind, or clean text.
func checkOutcome(t *testing.T, res Result, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Kind == nil {
			t.Fatalf("error %v (%T) is not an *Error with a kind", err, err)
		}
		return
	}
	if !isClean(res.Text) {
		t.Fatalf("text has control characters: %q", res.Text)
	}
}

func seedFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

var fuzzLimits = Limits{Timeout: 10 * time.Second, MaxPages: 20}

func FuzzText(f *testing.F) {
	seedFiles(f, "*.txt")
	f.Add([]byte("\xFF\xFE1\x002\x00"))
	f.Add([]byte("Council\x92s \x1b]52;c;AA\x07 FAIL\rPASS"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Text(context.Background(), "f.txt", data, fuzzLimits)
		checkOutcome(t, res, err)
	})
}

func FuzzDOCX(f *testing.F) {
	seedFiles(f, "*.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Text(context.Background(), "f.docx", data, fuzzLimits)
		checkOutcome(t, res, err)
	})
}

func FuzzHTML(f *testing.F) {
	seedFiles(f, "*.htm")
	seedFiles(f, "src/*.html")
	f.Add([]byte("<html><table><tr><td>1.<td><p>a<p>b</table><ol start=x type=A><li value=3>c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Text(context.Background(), "f.html", data, fuzzLimits)
		checkOutcome(t, res, err)
	})
}

func FuzzPDF(f *testing.F) {
	seedFiles(f, "*.pdf")
	f.Add(loopingXrefPDF())
	f.Add(loopingPagesPDF())
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Text(context.Background(), "f.pdf", data, fuzzLimits)
		checkOutcome(t, res, err)
	})
}

// FuzzLayout feeds the PDF layout arbitrary glyph positions.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("12. Minutes"), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Fuzz(func(t *testing.T, text, pos []byte) {
		var gs []glyph
		i := 0
		for _, r := range string(text) {
			if len(pos) == 0 {
				break
			}
			p := func(k int) float32 { return float32(int8(pos[(i*4+k)%len(pos)])) }
			gs = append(gs, glyph{r: r, x0: p(0), x1: p(0) + p(1)/8, y0: p(2), y1: p(2) + p(3)/4})
			i++
		}
		out := layoutPage(gs)
		if !isClean(cleanText(out)) {
			t.Fatal("unclean")
		}
	})
}
