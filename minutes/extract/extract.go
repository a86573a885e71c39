package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// Format is the kind of document a text came from.
type Format string

// The formats Text reads.
const (
	FormatText Format = "text"
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	FormatHTML Format = "html"
)

// Result is a document's plain text. Text is valid UTF-8 with no control
// characters but tab, newline and form feed; PDF pages end with a form
// feed (U+000C), so running headers and footers can be recognised; table
// rows are one line each, cells joined by " | ". Pages is the number of
// pages read (PDF), or the number of form-feed-separated pages of a text.
// Warnings say what was dropped or guessed.
type Result struct {
	Text     string
	Format   Format
	Pages    int
	Warnings []string
}

// Text returns the plain text of a document held in memory. The format is
// told by the content (magic bytes) first and by name's extension second;
// name is also used in errors. Every failure is an *Error wrapping one of
// the Err… kinds. Text never panics and returns by ctx's deadline or
// lim.Timeout, whichever comes first.
func Text(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxFileBytes {
		return Result{}, tooLarge(name, int64(len(data)), lim)
	}
	if len(data) == 0 {
		return Result{}, fail(name, ErrEmpty, "there is nothing in it to read", nil)
	}
	format, err := detect(name, data, true)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	switch format {
	case FormatText:
		return guard(ctx, name, lim, func(ctx context.Context) (Result, error) {
			return readText(ctx, name, bytes.NewReader(data), lim)
		})
	case FormatDOCX:
		return guard(ctx, name, lim, func(ctx context.Context) (Result, error) {
			return readDOCX(ctx, name, data, lim)
		})
	case FormatHTML:
		return guard(ctx, name, lim, func(ctx context.Context) (Result, error) {
			return readHTML(ctx, name, data, lim)
		})
	case FormatPDF:
		// The PDF engines run under their own guard: they must also stop
		// the engine when the deadline passes.
		return readPDF(ctx, name, data, lim)
	}
	return Result{}, fail(name, ErrUnsupported, "", nil)
}

// ReadFile returns the plain text of the file at path. It refuses a file
// over lim.MaxFileBytes from its size alone, before reading it, and reads
// a plain-text file in chunks, so memory stays bounded by the text kept.
func ReadFile(ctx context.Context, path string, lim Limits) (Result, error) {
	lim = lim.withDefaults()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return Result{}, fail(path, ErrMissing, "check its name and the folder it is in", err)
	}
	if err != nil {
		return Result{}, fail(path, ErrUnsupported, "it could not be opened ("+openReason(err)+")", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Result{}, fail(path, ErrDamaged, "it could not be read", err)
	}
	if st.IsDir() {
		return Result{}, fail(path, ErrUnsupported, "it is a folder, not a file", nil)
	}
	size := st.Size()
	if size > lim.MaxFileBytes {
		return Result{}, tooLarge(path, size, lim)
	}
	if st.Mode().IsRegular() && size == 0 {
		return Result{}, fail(path, ErrEmpty, "there is nothing in it to read", nil)
	}
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return Result{}, fail(path, ErrDamaged, "it could not be read", err)
	}
	head = head[:n]
	if n == 0 {
		return Result{}, fail(path, ErrEmpty, "there is nothing in it to read", nil)
	}
	format, err := detect(path, head, n < len(head))
	if err != nil {
		return Result{}, err
	}
	rest := io.MultiReader(bytes.NewReader(head), f)
	if format == FormatText {
		if size > lim.MaxTextBytes*4 && st.Mode().IsRegular() {
			// Even UTF-16 text this size is more than the parser reads.
			return Result{}, fail(path, ErrTooLarge, fmt.Sprintf("it is %s, more text than any minutes; is it the right file?", formatBytes(size)), nil)
		}
		tctx, cancel := context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
		return guard(tctx, path, lim, func(ctx context.Context) (Result, error) {
			return readText(ctx, path, rest, lim)
		})
	}
	data, err := io.ReadAll(io.LimitReader(rest, lim.MaxFileBytes+1))
	if err != nil {
		return Result{}, fail(path, ErrDamaged, "it could not be read", err)
	}
	if int64(len(data)) > lim.MaxFileBytes {
		return Result{}, tooLarge(path, int64(len(data)), lim)
	}
	return Text(ctx, path, data, lim)
}

func openReason(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file"
	case os.IsPermission(err):
		return "permission denied"
	}
	return err.Error()
}

func tooLarge(name string, size int64, lim Limits) error {
	return fail(name, ErrTooLarge, fmt.Sprintf("it is %s and the limit is %s; minutes are rarely over a few MB, so check it is the right file", formatBytes(size), formatBytes(lim.MaxFileBytes)), nil)
}

// guard runs read in its own goroutine, turns a panic into ErrDamaged and
// returns by ctx's deadline even if read does not. A reader left running
// past the deadline sees its context done at its next check.
func guard(ctx context.Context, name string, lim Limits, read func(context.Context) (Result, error)) (Result, error) {
	type outcome struct {
		res Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: fail(name, ErrDamaged, "minutebook's reader failed on it; please report this with the file", fmt.Errorf("panic: %v\n%s", p, debug.Stack()))}
			}
		}()
		res, err := read(ctx)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		return Result{}, timeoutError(name, lim, ctx.Err())
	}
}

// detect tells a document's format by its first bytes, then by its
// name's extension. When data is only the start of the file (complete is
// false), a zip package is reported as DOCX without looking inside.
func detect(name string, data []byte, complete bool) (Format, error) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case isPDF(head):
		return FormatPDF, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")):
		if !complete {
			return FormatDOCX, nil
		}
		return zipFormat(name, data)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if bytes.Contains(data, utf16LE("EncryptedPackage")) {
			return "", fail(name, ErrEncrypted, "it is a password-protected Word document; save a copy without a password (File, Info, Protect Document) and import that", nil)
		}
		return "", fail(name, ErrUnsupported, "it is an old-style Word (.doc) or Office file; save it as .docx or PDF and import that", nil)
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "", fail(name, ErrUnsupported, "it is an RTF document; save it as .docx or PDF and import that", nil)
	case looksHTML(head):
		return FormatHTML, nil
	}
	if kind := binaryMagic(head); kind != "" {
		return "", fail(name, ErrUnsupported, "it is "+kind+"; minutebook reads minutes as text, PDF, Word .docx or HTML", nil)
	}
	switch ext {
	case ".pdf":
		return "", fail(name, ErrDamaged, "it is named .pdf but does not start like a PDF; download it again", nil)
	case ".docx":
		return "", fail(name, ErrDamaged, "it is named .docx but is not a Word document inside; download it again or re-save it from Word", nil)
	case ".htm", ".html", ".xhtml", ".aspx":
		return FormatHTML, nil
	}
	return FormatText, nil
}

// looksHTML reports whether a document starts like HTML (after a BOM,
// white space and comments) or declares an HTML root early on.
func looksHTML(head []byte) bool {
	h := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	h = bytes.TrimLeft(h, " \t\r\n")
	low := bytes.ToLower(h[:min(len(h), 1024)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if bytes.HasPrefix(low, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(low, []byte("<?xml")) || bytes.HasPrefix(low, []byte("<!--")) || bytes.HasPrefix(low, []byte("<!doctype")) {
		return bytes.Contains(low, []byte("<html"))
	}
	return false
}

// binaryMagic names well-known binary formats by their signatures.
func binaryMagic(head []byte) string {
	sigs := []struct{ magic, kind string }{
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"II*\x00", "a TIFF image (a scan? minutebook does not read scans)"},
		{"MM\x00*", "a TIFF image (a scan? minutebook does not read scans)"},
		{"\x1f\x8b", "a gzip archive; unpack it first"},
		{"7z\xbc\xaf", "a 7-Zip archive; unpack it first"},
		{"Rar!", "a RAR archive; unpack it first"},
		{"\x7fELF", "a program, not a document"},
		{"SQLite format 3\x00", "a database, not a document"},
	}
	for _, s := range sigs {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			return s.kind
		}
	}
	return ""
}

func utf16LE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}

// IsPDF reports whether data is a PDF document (see isPDF), for a caller
// that says the PDF reader is being prepared (PDFReaderPrepared).
func IsPDF(data []byte) bool { return isPDF(data) }

// isPDF reports a PDF header within the first kilobyte (the PDF standard
// lets readers accept junk before it).
func isPDF(head []byte) bool {
	h := head[:min(len(head), 1024)]
	i := bytes.Index(h, []byte("%PDF-"))
	return i >= 0 && i+5 < len(h) && h[i+5] >= '1' && h[i+5] <= '9'
}
