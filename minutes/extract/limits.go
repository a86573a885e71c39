package extract

import "time"

// Limits bound what reading one document may cost. A limit that is hit
// fails that document with a clear error; the caller goes on with the
// next. The zero value of a field means its default.
type Limits struct {
	// MaxFileBytes is the largest file read at all (default 200 MB).
	MaxFileBytes int64
	// MaxTextBytes is the most text handed back (default 20 MB, what the
	// parser reads).
	MaxTextBytes int64
	// MaxInflatedBytes is the most a .docx may unpack to, all entries
	// together (default 100 MB); MaxEntryBytes is the most one entry may
	// unpack to (default 50 MB).
	MaxInflatedBytes int64
	MaxEntryBytes    int64
	// MaxRatio is the highest compression ratio allowed for a zip entry
	// larger than 1 MB unpacked (default 200).
	MaxRatio int64
	// MaxPages is the most PDF pages read (default 2,000); later pages are
	// dropped with a warning.
	MaxPages int
	// Timeout is the most time one document may take (default 60 s).
	Timeout time.Duration

	// PDFEngine chooses the PDF reader: "builtin" (default; PDFium
	// compiled to WebAssembly, run by wazero inside this process) or
	// "pdftotext" (poppler's program, when it is installed).
	PDFEngine string
	// PDFMemoryBytes bounds the builtin PDF reader's memory (default
	// 512 MB).
	PDFMemoryBytes int64
	// CacheDir is where the builtin PDF reader keeps its compiled code
	// (default os.UserCacheDir()/minutebook/wazero; "off" for none).
	CacheDir string
}

// PDF engine names for Limits.PDFEngine.
const (
	EngineBuiltin   = "builtin"
	EnginePDFToText = "pdftotext"
)

// DefaultLimits returns the limits used when a field is left zero.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:     200 << 20,
		MaxTextBytes:     20 << 20,
		MaxInflatedBytes: 100 << 20,
		MaxEntryBytes:    50 << 20,
		MaxRatio:         200,
		MaxPages:         2000,
		Timeout:          60 * time.Second,
		PDFEngine:        EngineBuiltin,
		PDFMemoryBytes:   512 << 20,
	}
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = d.MaxTextBytes
	}
	if l.MaxInflatedBytes <= 0 {
		l.MaxInflatedBytes = d.MaxInflatedBytes
	}
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = d.MaxEntryBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	if l.PDFEngine == "" {
		l.PDFEngine = d.PDFEngine
	}
	if l.PDFMemoryBytes <= 0 {
		l.PDFMemoryBytes = d.PDFMemoryBytes
	}
	return l
}
