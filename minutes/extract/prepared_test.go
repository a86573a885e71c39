package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPDFReaderPrepared: a command can tell, before the first PDF, whether
// reading it will compile the PDF reader first (issue 11.12).
func TestPDFReaderPrepared(t *testing.T) {
	lim := DefaultLimits()
	lim.CacheDir = t.TempDir()
	if PDFReaderPrepared(lim) {
		t.Error("an empty cache is reported prepared")
	}
	if err := os.WriteFile(filepath.Join(lim.CacheDir, "compiled"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if !PDFReaderPrepared(lim) {
		t.Error("a filled cache is reported unprepared")
	}
	off := DefaultLimits()
	off.CacheDir = "off"
	if PDFReaderPrepared(off) {
		t.Error("with the cache off every start compiles, but it is reported prepared")
	}
	other := DefaultLimits()
	other.PDFEngine, other.CacheDir = EnginePDFToText, t.TempDir()
	if !PDFReaderPrepared(other) {
		t.Error("pdftotext needs no preparing, but it is reported unprepared")
	}
	if !IsPDF([]byte("%PDF-1.7\n")) || IsPDF([]byte("Minutes of the meeting")) {
		t.Error("IsPDF is wrong")
	}
}
