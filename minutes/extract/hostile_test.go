package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// docxWith builds a .docx whose document.xml is body (inside w:body).
func docxWith(t testing.TB, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`, body)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombDOCX builds a .docx whose document.xml inflates to size bytes; when
// lie is set its header claims 1 KB.
func bombDOCX(t testing.TB, size int, lie bool) []byte {
	var raw bytes.Buffer
	zw := zip.NewWriter(&raw)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	head := `<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`
	w.Write([]byte(head))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for n := len(head); n < size; n += len(chunk) {
		w.Write(chunk)
	}
	zw.Close()
	data := raw.Bytes()
	if lie {
		// Patch the sizes in the local header and the central directory.
		for _, sig := range []string{"PK\x03\x04", "PK\x01\x02"} {
			i := bytes.Index(data, []byte(sig))
			off := 22
			if sig == "PK\x01\x02" {
				off = 24
			}
			copy(data[i+off:], []byte{0, 4, 0, 0})
		}
		// The data descriptor after the entry also says 1 KB.
		i := bytes.LastIndex(data, []byte("PK\x07\x08"))
		if i > 0 {
			copy(data[i+12:], []byte{0, 4, 0, 0})
		}
	}
	return data
}

func wantKind(t *testing.T, err error, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err %T is not an *Error", err)
	}
	if strings.ContainsAny(err.Error(), "\x1b\x07\r") {
		t.Fatalf("error message has control characters: %q", err.Error())
	}
}

func TestHostile(t *testing.T) {
	ctx := context.Background()
	good, err := os.ReadFile("testdata/wexcombe-osc-2024-03-12.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// Start the PDF engine first: on a fresh machine it compiles, which
	// under -race on a busy machine can take most of a minute, and that is
	// not what the hang check below is about.
	if _, err := getEngine(ctx, DefaultLimits()); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(7))
	garbage := make([]byte, 100<<10)
	r.Read(garbage)

	tests := []struct {
		name string
		file string
		data []byte
		lim  Limits
		kind error // nil: must succeed
	}{
		{"empty", "empty.txt", nil, Limits{}, ErrEmpty},
		{"NUL bytes", "nul.txt", []byte("12. Minutes\x00\x00\x00RESOLVED"), Limits{}, ErrBinary},
		{"random bytes", "noise.txt", garbage, Limits{}, ErrBinary},
		{"PNG", "minutes.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), Limits{}, ErrUnsupported},
		{"old Word", "minutes.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), Limits{}, ErrUnsupported},
		{"encrypted Word", "minutes.docx", append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), utf16LE("EncryptedPackage")...), Limits{}, ErrEncrypted},
		{"zip not docx", "minutes.zip", func() []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.Create("a.txt")
			w.Write([]byte("hello"))
			zw.Close()
			return b.Bytes()
		}(), Limits{}, ErrUnsupported},
		{"docx cut off", "cut.docx", docxWith(t, "<w:p/>")[:40], Limits{}, ErrDamaged},
		{"docx bomb honest header", "bomb.docx", bombDOCX(t, 60<<20, false), Limits{}, ErrZipBomb},
		{"docx bomb lying header", "bomb.docx", bombDOCX(t, 60<<20, true), Limits{}, ErrZipBomb},
		{"docx high ratio", "ratio.docx", bombDOCX(t, 3<<20, false), Limits{}, ErrZipBomb},
		{"docx bad XML", "bad.docx", docxWith(t, "<w:p><w:r><w:t>unclosed"), Limits{}, ErrDamaged},
		{"docx deep nesting", "deep.docx", docxWith(t, strings.Repeat("<w:sdt>", 5000)+strings.Repeat("</w:sdt>", 5000)), Limits{}, ErrDamaged},
		{"pdf truncated", "cut.pdf", good[:len(good)/2], Limits{}, ErrDamaged},
		{"pdf garbage", "noise.pdf", append([]byte("%PDF-1.7\n"), garbage...), Limits{}, ErrDamaged},
		{"pdf named but not", "x.pdf", []byte("hello, this is not a PDF"), Limits{}, ErrDamaged},
		{"pdf encrypted", "encrypted.pdf", mustRead(t, "testdata/encrypted.pdf"), Limits{}, ErrEncrypted},
		{"pdf looping xref", "loop.pdf", loopingXrefPDF(), Limits{}, nil},
		{"pdf looping page tree", "loop-pages.pdf", loopingPagesPDF(), Limits{}, nil},
		{"too large", "big.txt", make([]byte, 2048), Limits{MaxFileBytes: 1024}, ErrTooLarge},
		{"text too large", "big.txt", bytes.Repeat([]byte("a\n"), 2048), Limits{MaxTextBytes: 1024}, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			res, err := Text(ctx, tc.file, tc.data, tc.lim)
			// Not a speed test: a generous bound that only a hang (an
			// extraction the limits failed to stop) can pass.
			if time.Since(start) > 90*time.Second {
				t.Errorf("took %v: the limits did not stop it", time.Since(start))
			}
			if tc.kind == nil {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				if !isClean(res.Text) {
					t.Errorf("text not clean: %q", res.Text)
				}
				return
			}
			wantKind(t, err, tc.kind)
			t.Log(err)
		})
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfWith writes a PDF with the given objects (1 is the catalog) and an
// xref table; prevSelf makes the trailer's /Prev point at itself.
func pdfWith(objs []string, prevSelf bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	prev := ""
	if prevSelf {
		prev = fmt.Sprintf(" /Prev %d", x)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, prev, x)
	return b.Bytes()
}

func simplePDFObjects(text string) []string {
	content := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
}

func loopingXrefPDF() []byte { return pdfWith(simplePDFObjects("12. Looping Minutes"), true) }

func loopingPagesPDF() []byte {
	objs := simplePDFObjects("12. Looping Pages")
	objs[1] = "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
	return pdfWith(objs, false)
}

// manyPagesPDF claims n pages, all the same page object.
func manyPagesPDF(n int) []byte {
	objs := simplePDFObjects("Page")
	objs[1] = "<< /Type /Pages /Kids [" + strings.Repeat("3 0 R ", n) + "] /Count " + fmt.Sprint(n) + " >>"
	return pdfWith(objs, false)
}

func TestPDFPageLimit(t *testing.T) {
	res, err := Text(context.Background(), "many.pdf", manyPagesPDF(50), Limits{MaxPages: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 10 || len(res.Warnings) == 0 {
		t.Errorf("pages %d warnings %v", res.Pages, res.Warnings)
	}
}

// TestPDFDeadline shows that a deadline really stops the PDF engine: a
// PDF of 100,000 pages is still being read when the deadline passes.
func TestPDFDeadline(t *testing.T) {
	data := manyPagesPDF(100000)
	// Start the engine first, so the deadline measures extraction only.
	if _, err := Text(context.Background(), "warm.pdf", loopingXrefPDF(), Limits{}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := Text(context.Background(), "many.pdf", data, Limits{MaxPages: 1000000, Timeout: 300 * time.Millisecond})
	took := time.Since(start)
	wantKind(t, err, ErrTimeout)
	if took > 2*time.Second {
		t.Errorf("returned after %v", took)
	}
	// And the engine still works afterwards.
	if _, err := Text(context.Background(), "after.pdf", loopingXrefPDF(), Limits{}); err != nil {
		t.Fatalf("after a timeout: %v", err)
	}
}

func TestTextEncodings(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, c := range "12. Café\r\n" {
		utf16le = append(utf16le, byte(c), byte(c>>8))
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8", []byte("12. Café\n"), "12. Café\n"},
		{"utf8 bom", []byte("\xEF\xBB\xBF12. Café\n"), "12. Café\n"},
		{"utf16le bom", utf16le, "12. Café\n"},
		{"windows-1252", []byte("Council\x92s \x93report\x94 \x96 \xA312\n"), "Council’s “report” – £12\n"},
		{"mixed", []byte("Café \x92\n"), "Café ’\n"},
		{"terminal escapes", []byte("\x1b]52;c;ZXZpbA==\x07RESOLVED\x1b[2J: FAIL\rPASS \u009b31m\u202Etxt\n"), "RESOLVED: FAIL\nPASS txt\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Text(context.Background(), "m.txt", tc.in, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tc.want {
				t.Errorf("got %q, want %q", res.Text, tc.want)
			}
		})
	}
}

func TestLongLine(t *testing.T) {
	line := bytes.Repeat([]byte("word "), 2<<20) // 10 MB, one line
	start := time.Now()
	res, err := Text(context.Background(), "line.txt", line, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Text) != len(line) || len(res.Warnings) == 0 {
		t.Errorf("len %d warnings %v", len(res.Text), res.Warnings)
	}
	t.Logf("10 MB line in %v", time.Since(start))
}

func TestEscapeFileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "minutes\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt")
	if err := os.WriteFile(name, []byte("bad\x00"), 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	_, err := ReadFile(context.Background(), name, Limits{})
	wantKind(t, err, ErrBinary)
	if !strings.Contains(err.Error(), `\x1b]52`) {
		t.Errorf("name not shown escaped: %q", err.Error())
	}
}

// TestHugeSparseFile: a 1 GB file is refused from its size before it is
// read; with the size limit lifted it is streamed and refused as binary at
// its first chunk. Either way within a second or two and in little memory.
func TestHugeSparseFile(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 1 GB sparse file")
	}
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	for _, tc := range []struct {
		lim  Limits
		kind error
	}{
		{Limits{}, ErrTooLarge},
		{Limits{MaxFileBytes: 2 << 30, MaxTextBytes: 2 << 30}, ErrBinary},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := ReadFile(context.Background(), path, tc.lim)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		wantKind(t, err, tc.kind)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%v in %v, %d KB allocated", err, took, alloc>>10)
		if took > 2*time.Second || alloc > 16<<20 {
			t.Errorf("took %v and %d bytes", took, alloc)
		}
	}
}

// TestStreamedText reads a large text file through ReadFile's chunked
// path and checks what comes out.
func TestStreamedText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.txt")
	var b bytes.Buffer
	for i := 0; b.Len() < 3*chunkSize; i++ {
		fmt.Fprintf(&b, "%d. Caf\xe9 item \u2013 \xe2\x80\x99\n", i) // Windows-1252 é, and UTF-8 split across chunks somewhere
	}
	os.WriteFile(path, b.Bytes(), 0o644)
	res, err := ReadFile(context.Background(), path, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(res.Text, '\uFFFD') || !strings.HasPrefix(res.Text, "0. Café item – ’\n") {
		t.Errorf("bad decode: %q", res.Text[:80])
	}
	if n := strings.Count(res.Text, "Café"); n != strings.Count(b.String(), "Caf\xe9") {
		t.Errorf("%d lines decoded", n)
	}
}

func TestPDFToTextEngine(t *testing.T) {
	if !PDFToTextAvailable() {
		t.Skip("pdftotext is not installed")
	}
	res, err := ReadFile(context.Background(), "testdata/wexcombe-osc-2024-03-12.pdf", Limits{PDFEngine: EnginePDFToText})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 2 || !strings.Contains(res.Text, "41. Apologies for Absence and Substitutions\n") {
		t.Errorf("pages %d text\n%s", res.Pages, res.Text)
	}
	_, err = Text(context.Background(), "e.pdf", mustRead(t, "testdata/encrypted.pdf"), Limits{PDFEngine: EnginePDFToText})
	wantKind(t, err, ErrEncrypted)
}
