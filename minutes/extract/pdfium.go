package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// The builtin PDF engine is PDFium (the PDF library of Chromium) compiled
// to WebAssembly, as github.com/klippa-app/go-pdfium ships it, run by the
// pure-Go runtime wazero. So it needs no cgo and no program installed,
// and each document is read in a sandbox: PDFium sees no file system, its
// memory is capped (Limits.PDFMemoryBytes), a crash inside it is an error
// rather than a dead process, and a deadline closes the module in the
// middle of whatever it was doing.
//
// Compiling the module to machine code takes seconds; wazero keeps the
// result in Limits.CacheDir, so only the first start on a machine pays.

type engineKey struct {
	cacheDir string
	memPages uint32
}

type engine struct {
	ready chan struct{}
	pool  pdfium.Pool
	err   error
	took  time.Duration
}

var engines = struct {
	sync.Mutex
	m map[engineKey]*engine
}{m: map[engineKey]*engine{}}

// cacheDir returns where compiled code is kept, or "" for nowhere.
func (l Limits) cacheDir() string {
	switch l.CacheDir {
	case "off":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(dir, "minutebook", "wazero")
	}
	return l.CacheDir
}

// getEngine returns the started engine for lim, starting it on first use.
// The start runs on its own, so a caller whose context ends first returns
// while the start goes on for the next caller.
func getEngine(ctx context.Context, lim Limits) (*engine, error) {
	key := engineKey{cacheDir: lim.cacheDir(), memPages: uint32(min(lim.PDFMemoryBytes>>16, 65536))}
	engines.Lock()
	e := engines.m[key]
	if e == nil {
		e = &engine{ready: make(chan struct{})}
		engines.m[key] = e
		go e.start(key)
	}
	engines.Unlock()
	select {
	case <-e.ready:
		return e, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// PDFReaderPrepared reports whether reading a PDF under lim starts at
// once: another engine than the builtin one is chosen, the builtin reader
// has started in this process, or its compiled code is in the cache. When
// it is false, the first PDF read compiles the reader, which takes several
// seconds (once a machine, with the cache on); a command on a terminal can
// say so.
func PDFReaderPrepared(lim Limits) bool {
	if lim.PDFEngine != "" && lim.PDFEngine != EngineBuiltin {
		return true
	}
	key := engineKey{cacheDir: lim.cacheDir(), memPages: uint32(min(lim.PDFMemoryBytes>>16, 65536))}
	engines.Lock()
	e := engines.m[key]
	engines.Unlock()
	if e != nil {
		select {
		case <-e.ready:
			return true
		default:
			return false // starting now
		}
	}
	return key.cacheDir != "" && cacheFilled(key.cacheDir)
}

// compileMemoryLimit is the soft heap limit while PDFium compiles.
const compileMemoryLimit = 64 << 20

// CompileElsewhere, when set, compiles PDFium into the cache folder in
// another process before this one starts it for the first time.
// Compiling peaks at about 350 MB; loading compiled code from the cache
// takes a fraction of that, so a program that reads PDFs as part of a
// larger job (an import) stays small. The minutebook command sets it to
// run itself with a hidden subcommand that calls Warm.
var CompileElsewhere func(ctx context.Context, cacheDir string) error

// Warm compiles PDFium into cacheDir in this process, for CompileElsewhere.
func Warm(ctx context.Context, cacheDir string) error {
	lim := DefaultLimits()
	lim.CacheDir = cacheDir
	warming.Store(true)
	_, err := getEngine(ctx, lim)
	return err
}

// warming is set in the process that Warm runs in, which must compile
// rather than ask another process to.
var warming atomic.Bool

// cacheFilled reports whether dir already holds compiled code.
func cacheFilled(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) > 0
}

func (e *engine) start(key engineKey) {
	defer close(e.ready)
	defer func() {
		if p := recover(); p != nil {
			e.err = fmt.Errorf("starting PDFium panicked: %v", p)
		}
	}()
	t0 := time.Now()
	if key.cacheDir != "" && CompileElsewhere != nil && !warming.Load() && !cacheFilled(key.cacheDir) {
		// Best effort: when it fails, this process compiles as before.
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		_ = CompileElsewhere(ctx, key.cacheDir)
		cancel()
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(key.memPages)
	if key.cacheDir != "" {
		if err := os.MkdirAll(key.cacheDir, 0o700); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(key.cacheDir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
	}
	// Compiling makes a lot of short-lived garbage; a soft memory limit
	// while it runs makes the collector keep the peak down (the import of
	// a folder must stay within a few hundred MB even on a first start).
	prevLimit := debug.SetMemoryLimit(compileMemoryLimit)
	e.pool, e.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       1,
		MaxTotal:      max(2, runtime.GOMAXPROCS(0)),
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no host files
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	debug.SetMemoryLimit(prevLimit)
	e.took = time.Since(t0)
	// Compiling leaves a few hundred MB of garbage: give it back now.
	debug.FreeOSMemory()
}

// pdfiumText reads a PDF with the builtin engine. Each document gets a
// fresh PDFium instance, so a hostile file cannot affect the next one.
func pdfiumText(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	e, err := getEngine(ctx, lim)
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, fail(name, ErrTimeout, "the PDF reader was still starting (the first start on a machine compiles it, which takes a few seconds); try again", err)
		}
		return Result{}, fail(name, ErrEngine, "the builtin PDF reader did not start; use the pdftotext engine if poppler is installed", err)
	}
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, timeoutError(name, lim, ctx.Err())
		}
		return Result{}, fail(name, ErrEngine, "the builtin PDF reader could not start an instance", err)
	}
	type outcome struct {
		res Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: fail(name, ErrDamaged, "the PDF reader failed on it; print it to a new PDF and import that", fmt.Errorf("panic: %v\n%s", p, debug.Stack()))}
			}
		}()
		res, err := pdfiumRead(ctx, inst, name, data, lim)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		inst.Close()
		return o.res, o.err
	case <-ctx.Done():
		// Kill cancels the instance's context: wazero closes the module
		// at its next check, so the goroutine above returns soon after.
		inst.Kill()
		return Result{}, timeoutError(name, lim, ctx.Err())
	}
}

// pdfiumRead opens the document and lays out each page's characters.
func pdfiumRead(ctx context.Context, inst pdfium.Pdfium, name string, data []byte, lim Limits) (Result, error) {
	res := Result{}
	doc, err := inst.OpenDocument(&requests.OpenDocument{FileReader: bytes.NewReader(data), FileReaderSize: int64(len(data))})
	if err != nil {
		return res, openError(ctx, name, lim, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return res, pageError(ctx, name, lim, 0, err)
	}
	pages := pc.PageCount
	if pages > lim.MaxPages {
		res.Warnings = append(res.Warnings, fmt.Sprintf("only the first %d of its %d pages were read (the page limit)", lim.MaxPages, pages))
		pages = lim.MaxPages
	}
	var out strings.Builder
	var damaged, empty int
	// Each page is written when the next one has been laid out, so that
	// a table broken across the page break can be joined up.
	var pending []pageItem
	flush := func() {
		writeItems(&out, pending)
		out.WriteByte('\f')
		pending = nil
	}
	for i := 0; i < pages; i++ {
		if err := ctx.Err(); err != nil {
			return res, timeoutError(name, lim, err)
		}
		glyphs, err := pageGlyphs(ctx, inst, doc.Document, i)
		var items []pageItem
		if err != nil {
			if ctx.Err() != nil {
				return res, timeoutError(name, lim, ctx.Err())
			}
			damaged++
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d could not be read and was skipped", i+1))
		} else {
			if len(glyphs) == 0 {
				empty++
			}
			items = layoutItems(glyphs)
		}
		if i > 0 {
			joinPages(pending, items)
			flush()
		}
		pending = items
		if int64(out.Len()) > lim.MaxTextBytes {
			return res, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(lim.MaxTextBytes)), nil)
		}
	}
	if pages > 0 {
		flush()
	}
	if damaged == pages && pages > 0 {
		return res, fail(name, ErrDamaged, "none of its pages could be read; download it again or print it to a new PDF", nil)
	}
	if empty > 0 && empty < pages {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of its %d pages have no text (scanned pages?)", empty, pages))
	}
	res.Pages = pages
	res.Text = out.String()
	return res, nil
}

func openError(ctx context.Context, name string, lim Limits, err error) error {
	switch {
	case ctx.Err() != nil:
		return timeoutError(name, lim, ctx.Err())
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return fail(name, ErrEncrypted, "the PDF needs a password to open; ask for a copy without one", err)
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return fail(name, ErrEncrypted, "the PDF uses an encryption minutebook cannot open; ask for an unprotected copy", err)
	}
	return fail(name, ErrDamaged, "it is not a readable PDF (cut off, or not a PDF inside); download it again or print it to a new PDF", err)
}

func pageError(ctx context.Context, name string, lim Limits, page int, err error) error {
	if ctx.Err() != nil {
		return timeoutError(name, lim, ctx.Err())
	}
	return fail(name, ErrDamaged, fmt.Sprintf("page %d could not be read; download it again or print it to a new PDF", page+1), err)
}

// maxPageChars bounds the characters read from one page.
const maxPageChars = 200000

// pageGlyphs returns a page's characters with their boxes, in the order
// the page draws them.
func pageGlyphs(ctx context.Context, inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) ([]glyph, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return nil, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, err
	}
	n := min(cc.Count, maxPageChars)
	glyphs := make([]glyph, 0, n)
	for j := 0; j < n; j++ {
		if j&1023 == 1023 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: j})
		if err != nil {
			return nil, err
		}
		r := rune(u.Unicode)
		if r == 0 || r == '\r' || r == '\n' || r > 0x10ffff {
			continue
		}
		box, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: j})
		if err != nil {
			return nil, err
		}
		rect := box.Rect
		glyphs = append(glyphs, glyph{r: r, x0: rect.Left, x1: rect.Right, y0: min(rect.Bottom, rect.Top), y1: max(rect.Bottom, rect.Top)})
	}
	return glyphs, nil
}
