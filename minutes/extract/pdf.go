package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// readPDF returns the text of a PDF with the engine lim.PDFEngine names.
// Pages end with a form feed.
func readPDF(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	var (
		res Result
		err error
	)
	switch lim.PDFEngine {
	case EngineBuiltin:
		res, err = pdfiumText(ctx, name, data, lim)
	case EnginePDFToText:
		res, err = pdftotextText(ctx, name, data, lim)
	default:
		return Result{}, fail(name, ErrEngine, fmt.Sprintf("there is no PDF engine %q; use %q or %q", lim.PDFEngine, EngineBuiltin, EnginePDFToText), nil)
	}
	if err != nil {
		return res, err
	}
	res.Format = FormatPDF
	res.Text = cleanText(res.Text)
	if int64(len(res.Text)) > lim.MaxTextBytes {
		return Result{}, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(lim.MaxTextBytes)), nil)
	}
	if strings.TrimSpace(strings.ReplaceAll(res.Text, "\f", "")) == "" {
		return Result{}, fail(name, ErrNoText, "the PDF has no text layer (it is probably a scan); minutebook does not read scanned pages, so ask for a text PDF or run it through OCR first", nil)
	}
	return res, nil
}

// PDFToTextAvailable reports whether poppler's pdftotext is installed, for
// the pdftotext engine.
func PDFToTextAvailable() bool {
	_, err := exec.LookPath("pdftotext")
	return err == nil
}

// pdftotextText runs poppler's pdftotext on the PDF (fed on its standard
// input) in its default reading-order mode, bounded by ctx and by the
// output size.
func pdftotextText(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		return Result{}, fail(name, ErrEngine, "the pdftotext engine was chosen but pdftotext is not installed (Debian: apt install poppler-utils); or use the builtin engine", err)
	}
	cmd := exec.CommandContext(ctx, path, "-enc", "UTF-8", "-l", strconv.Itoa(lim.MaxPages), "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	stdout := &cappedBuffer{max: int(lim.MaxTextBytes) + 1}
	stderr := &cappedBuffer{max: 4096}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 2 * time.Second
	err = cmd.Run()
	if ctx.Err() != nil {
		return Result{}, timeoutError(name, lim, ctx.Err())
	}
	if stdout.over {
		return Result{}, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(lim.MaxTextBytes)), nil)
	}
	if err != nil {
		var ee *exec.ExitError
		msg := strings.TrimSpace(stderr.String())
		if errors.As(err, &ee) {
			switch ee.ExitCode() {
			case 1:
				if strings.Contains(strings.ToLower(msg), "password") {
					return Result{}, fail(name, ErrEncrypted, "the PDF needs a password to open; ask for a copy without one", err)
				}
				return Result{}, fail(name, ErrDamaged, "pdftotext could not open it; download it again or print it to a new PDF", err)
			case 3:
				return Result{}, fail(name, ErrEncrypted, "the PDF does not allow its text to be copied; ask for an unrestricted copy", err)
			}
		}
		return Result{}, fail(name, ErrDamaged, "pdftotext failed on it: "+firstLine(msg), err)
	}
	text := stdout.String()
	res := Result{Text: text, Pages: strings.Count(text, "\f")}
	if !strings.HasSuffix(text, "\f") && strings.TrimSpace(text) != "" {
		res.Pages++
	}
	return res, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// cappedBuffer keeps at most max bytes and notes that more came.
type cappedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); len(p) > room {
		c.over = true
		if room > 0 {
			c.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return c.Buffer.Write(p)
}
