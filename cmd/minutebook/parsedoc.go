package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// documentLimits are the limits every document is read under, with the
// PDF engine named ("builtin" or "pdftotext"; "" for MINUTEBOOK_PDF_ENGINE,
// or the built-in).
func documentLimits(pdfEngine string) extract.Limits {
	lim := extract.DefaultLimits()
	if pdfEngine == "" {
		pdfEngine = os.Getenv("MINUTEBOOK_PDF_ENGINE")
	}
	if pdfEngine != "" {
		lim.PDFEngine = pdfEngine
	}
	return lim
}

// documentParser turns one document's bytes (text, PDF, DOCX or HTML) into
// a meeting, reading PDFs with the engine named. It is what `parse`,
// `import` and `reparse` use, so a document is read the same way
// everywhere.
func documentParser(pdfEngine string) func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
	return func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		res, err := extract.Text(ctx, name, data, documentLimits(pdfEngine))
		if err != nil {
			return nil, err
		}
		return meetingFromText(name, res)
	}
}

// parseDocument is documentParser with the default PDF engine.
func parseDocument(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
	return documentParser("")(ctx, name, data)
}

// parseFile is the document parser for a file on disk: it refuses a file
// that is too large from its size, before reading it.
func parseFile(ctx context.Context, path, pdfEngine string) (*minutes.Meeting, error) {
	res, err := extract.ReadFile(ctx, path, documentLimits(pdfEngine))
	if err != nil {
		return nil, err
	}
	return meetingFromText(filepath.Base(path), res)
}

func meetingFromText(name string, res extract.Result) (*minutes.Meeting, error) {
	m, err := minutes.ParseBytes([]byte(res.Text), minutes.Options{Name: name})
	if err != nil {
		return nil, err
	}
	for _, w := range res.Warnings {
		m.Warnings = append(m.Warnings, minutes.Warning{Msg: minutes.Sanitize(w)})
	}
	return m, nil
}

// documentError puts the document's name in front of a parse error, unless
// the error already names it (the readers' errors do).
func documentError(name string, err error) error {
	var xe *extract.Error
	if errors.As(err, &xe) {
		return err
	}
	return fmt.Errorf("%s: %w", extract.DisplayName(name), err)
}

// traceDocument prints how the parser read one document, line by line.
// A document the parser refuses is traced too, with the reason, and the
// refusal is still an error.
func traceDocument(ctx context.Context, a *app, path string) error {
	var res extract.Result
	var err error
	name := filepath.Base(path)
	if path == "-" {
		var data []byte
		if name, data, err = readInput(a, "-"); err != nil {
			return err
		}
		res, err = extract.Text(ctx, name, data, documentLimits(a.pdfEngine))
	} else {
		res, err = extract.ReadFile(ctx, path, documentLimits(a.pdfEngine))
	}
	if err != nil {
		return documentError(path, err)
	}
	tr := &minutes.Trace{}
	m, perr := minutes.ParseBytes([]byte(res.Text), minutes.Options{Name: name, Trace: tr})
	if err := tr.Write(a.stdout); err != nil {
		return err
	}
	if perr != nil {
		return documentError(path, perr)
	}
	n := 0
	for _, it := range m.Items {
		n += len(it.Records())
	}
	_, err = fmt.Fprintf(a.stdout, "# %d items, %d records, %d warnings\n", len(m.Items), n, len(m.Warnings))
	return err
}
