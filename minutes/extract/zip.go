package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Bounds on a zip's directory, checked before archive/zip reads it (it
// holds every entry in memory).
const (
	maxZipEntries   = 20000
	maxZipDirectory = 8 << 20
)

// safeZip is a zip archive read under Limits: every entry read through it
// counts against the inflated-bytes budget and the compression ratio.
type safeZip struct {
	name     string
	zr       *zip.Reader
	lim      Limits
	inflated int64
}

func openZip(name string, data []byte, lim Limits) (*safeZip, error) {
	if err := checkZipDirectory(name, data); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(name, ErrDamaged, "it is not a readable zip package (a .docx is one); download or save it again", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fail(name, ErrZipBomb, fmt.Sprintf("it holds %d parts, far more than any document", len(zr.File)), nil)
	}
	return &safeZip{name: name, zr: zr, lim: lim}, nil
}

// checkZipDirectory reads the end-of-central-directory record and refuses
// a directory too large to hold in memory.
func checkZipDirectory(name string, data []byte) error {
	const eocdLen = 22
	start := max(0, len(data)-(eocdLen+65535))
	i := bytes.LastIndex(data[start:], []byte("PK\x05\x06"))
	if i < 0 {
		return fail(name, ErrDamaged, "it is a cut-off or damaged zip package (its directory is missing); download or save it again", nil)
	}
	rec := data[start+i:]
	if len(rec) < eocdLen {
		return fail(name, ErrDamaged, "it is a cut-off zip package; download or save it again", nil)
	}
	entries := binary.LittleEndian.Uint16(rec[10:])
	size := binary.LittleEndian.Uint32(rec[12:])
	if entries > maxZipEntries && entries != 0xffff || size > maxZipDirectory && size != 0xffffffff {
		return fail(name, ErrZipBomb, fmt.Sprintf("its directory lists %d parts in %s, far more than any document", entries, formatBytes(int64(size))), nil)
	}
	return nil
}

func (z *safeZip) find(path string) *zip.File {
	for _, f := range z.zr.File {
		if f.Name == path {
			return f
		}
	}
	return nil
}

// open returns a reader of one entry's inflated bytes that fails with
// ErrZipBomb when the entry or the whole package inflates past the
// limits, or the entry's ratio of inflated to stored bytes is too high.
func (z *safeZip) open(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(z.lim.MaxEntryBytes) {
		return nil, z.bomb(fmt.Sprintf("its part %s says it unpacks to %s (the limit is %s)", f.Name, formatBytes(int64(min(f.UncompressedSize64, 1<<62))), formatBytes(z.lim.MaxEntryBytes)))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(z.name, ErrDamaged, "its part "+f.Name+" cannot be unpacked; download or save it again", err)
	}
	return &limitedEntry{z: z, f: f, rc: rc}, nil
}

func (z *safeZip) bomb(reason string) error {
	return fail(z.name, ErrZipBomb, reason+"; this is not an ordinary Word document", nil)
}

type limitedEntry struct {
	z  *safeZip
	f  *zip.File
	rc io.ReadCloser
	n  int64
}

func (e *limitedEntry) Read(p []byte) (int, error) {
	n, err := e.rc.Read(p)
	e.n += int64(n)
	e.z.inflated += int64(n)
	switch {
	case e.n > e.z.lim.MaxEntryBytes:
		return n, e.z.bomb(fmt.Sprintf("its part %s unpacks to more than %s", e.f.Name, formatBytes(e.z.lim.MaxEntryBytes)))
	case e.z.inflated > e.z.lim.MaxInflatedBytes:
		return n, e.z.bomb(fmt.Sprintf("it unpacks to more than %s", formatBytes(e.z.lim.MaxInflatedBytes)))
	case e.n > 1<<20 && e.n > int64(e.f.CompressedSize64)*e.z.lim.MaxRatio:
		return n, e.z.bomb(fmt.Sprintf("its part %s unpacks more than %d times its stored size", e.f.Name, e.z.lim.MaxRatio))
	}
	if errors.Is(err, zip.ErrFormat) {
		// archive/zip stops an entry that inflates past the size its
		// header declares, with ErrFormat.
		return n, e.z.bomb(fmt.Sprintf("its part %s unpacks to more than its header says", e.f.Name))
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return n, fail(e.z.name, ErrDamaged, "its part "+e.f.Name+" is damaged; download or save it again", err)
	}
	return n, err
}

func (e *limitedEntry) Close() error { return e.rc.Close() }

// readAll reads a whole (small) entry, such as numbering.xml.
func (z *safeZip) readAll(ctx context.Context, f *zip.File) ([]byte, error) {
	rc, err := z.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	tmp := make([]byte, 32<<10)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := rc.Read(tmp)
		buf.Write(tmp[:n])
		if err == io.EOF {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// zipFormat tells what a zip package holds: a Word document, or something
// minutebook does not read.
func zipFormat(name string, data []byte) (Format, error) {
	if err := checkZipDirectory(name, data); err != nil {
		return "", err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fail(name, ErrDamaged, "it is a damaged zip package; download or save it again", err)
	}
	has := func(p string) bool {
		for _, f := range zr.File {
			if f.Name == p {
				return true
			}
		}
		return false
	}
	switch {
	case has("word/document.xml"):
		return FormatDOCX, nil
	case has("content.xml") && has("mimetype"):
		return "", fail(name, ErrUnsupported, "it is an OpenDocument file; save it as .docx or PDF and import that", nil)
	case has("xl/workbook.xml"):
		return "", fail(name, ErrUnsupported, "it is an Excel workbook, not minutes; save the minutes as .docx, PDF or text", nil)
	case has("ppt/presentation.xml"):
		return "", fail(name, ErrUnsupported, "it is a PowerPoint presentation, not minutes", nil)
	}
	return "", fail(name, ErrUnsupported, "it is a zip archive; unpack it and import the documents inside", nil)
}
