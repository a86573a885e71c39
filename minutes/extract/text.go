package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// chunkSize is how much text is decoded at a time; memory use of the text
// reader is the text kept plus one chunk.
const chunkSize = 64 << 10

type textEncoding int

const (
	encUTF8 textEncoding = iota // UTF-8, with stray bytes read as Windows-1252
	encUTF16LE
	encUTF16BE
)

// readText decodes a plain-text document from r into clean UTF-8,
// reading at most lim.MaxTextBytes of output. It stops at the first chunk
// that shows the input is binary.
func readText(ctx context.Context, name string, r io.Reader, lim Limits) (Result, error) {
	res := Result{Format: FormatText}
	buf := make([]byte, chunkSize)
	var (
		out      strings.Builder
		carry    []byte
		enc      textEncoding
		first    = true
		legacy   int
		total    int64
		u16carry []uint16
	)
	for {
		if err := ctx.Err(); err != nil {
			return res, timeoutError(name, lim, err)
		}
		n, rerr := io.ReadFull(r, buf)
		if rerr != nil && rerr != io.EOF && rerr != io.ErrUnexpectedEOF {
			return res, fail(name, ErrDamaged, "it could not be read", rerr)
		}
		final := rerr != nil
		chunk := buf[:n]
		total += int64(n)
		if first {
			first = false
			if n == 0 {
				return res, fail(name, ErrEmpty, "there is nothing in it to read", nil)
			}
			enc, chunk = sniffEncoding(chunk)
			if enc != encUTF8 {
				res.Warnings = append(res.Warnings, "read as UTF-16 text")
			}
		}
		switch enc {
		case encUTF8:
			data := chunk
			if len(carry) > 0 {
				data = append(carry, chunk...)
				carry = nil
			}
			if why := binaryReason(data); why != "" {
				return res, fail(name, ErrBinary, why, nil)
			}
			rest, bad := decodeUTF8(&out, data, final)
			legacy += bad
			carry = append(carry[:0:0], rest...)
		default:
			data := chunk
			if len(carry) > 0 {
				data = append(carry, chunk...)
				carry = nil
			}
			even := len(data) &^ 1
			if even < len(data) {
				carry = append(carry[:0:0], data[even:]...)
			}
			u := u16carry
			for i := 0; i < even; i += 2 {
				if enc == encUTF16LE {
					u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
				} else {
					u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
				}
			}
			u16carry = nil
			if !final && len(u) > 0 && utf16.IsSurrogate(rune(u[len(u)-1])) {
				u16carry = []uint16{u[len(u)-1]}
				u = u[:len(u)-1]
			}
			s := string(utf16.Decode(u))
			if strings.IndexByte(s, 0) >= 0 {
				return res, fail(name, ErrBinary, "it contains NUL characters; it is a binary file or a damaged copy, not text", nil)
			}
			out.WriteString(s)
		}
		if int64(out.Len()) > lim.MaxTextBytes {
			return res, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text; minutes are far smaller, so this is probably not a minutes file", formatBytes(lim.MaxTextBytes)), nil)
		}
		if final {
			break
		}
	}
	if legacy > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d bytes were not UTF-8 and were read as Windows-1252", legacy))
	}
	res.Text = cleanText(out.String())
	if strings.TrimSpace(strings.ReplaceAll(res.Text, "\f", "")) == "" {
		return res, fail(name, ErrEmpty, "it holds only blank space", nil)
	}
	res.Pages = strings.Count(res.Text, "\f") + 1
	if strings.HasSuffix(res.Text, "\f") {
		res.Pages--
	}
	res.Warnings = append(res.Warnings, longLineWarnings(res.Text)...)
	return res, nil
}

// sniffEncoding reads a byte-order mark, or recognises UTF-16 without one
// by its pattern of zero bytes, and returns the encoding and the chunk
// without the mark.
func sniffEncoding(b []byte) (textEncoding, []byte) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8, b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return encUTF16LE, b[2:]
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return encUTF16BE, b[2:]
	}
	// UTF-16 without a mark: ASCII text has a zero in every other byte.
	if len(b) >= 64 {
		var zeroEven, zeroOdd int
		n := len(b) &^ 1
		for i := 0; i < n; i += 2 {
			if b[i] == 0 {
				zeroEven++
			}
			if b[i+1] == 0 {
				zeroOdd++
			}
		}
		half := n / 2
		switch {
		case zeroOdd*10 >= half*9 && zeroEven*50 < half:
			return encUTF16LE, b
		case zeroEven*10 >= half*9 && zeroOdd*50 < half:
			return encUTF16BE, b
		}
	}
	return encUTF8, b
}

// binaryReason says why data is not text, or "" when it is. Terminal
// escapes (ESC, BEL) do not count against text: they are removed later.
func binaryReason(data []byte) string {
	if bytes.IndexByte(data, 0) >= 0 {
		return "it contains NUL bytes; it is a binary file or a damaged copy, not text"
	}
	ctl := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b && c != 0x07 || c == 0x7f {
			ctl++
		}
	}
	if len(data) >= 256 && ctl*100 > len(data)*3 {
		return "it is mostly not text (control bytes throughout); give minutebook the minutes as text, PDF, Word .docx or HTML"
	}
	return ""
}

// decodeUTF8 appends data to out as UTF-8, reading each byte that is not
// part of valid UTF-8 as Windows-1252 (the usual legacy encoding of
// minutes typed on Windows). It returns the incomplete sequence at the end
// of data to carry to the next chunk (none when final) and the number of
// bytes read as Windows-1252.
func decodeUTF8(out *strings.Builder, data []byte, final bool) (rest []byte, legacy int) {
	start := 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		if !final && !utf8.FullRune(data[i:]) {
			out.Write(data[start:i])
			return data[i:], legacy
		}
		out.Write(data[start:i])
		out.WriteRune(charmap.Windows1252.DecodeByte(c))
		legacy++
		i++
		start = i
	}
	out.Write(data[start:])
	return nil, legacy
}

// longLineWarnings warns of lines too long to be prose (a sign of data
// that is not minutes).
func longLineWarnings(s string) []string {
	const long = 100 << 10
	var w []string
	line := 1
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s)
		}
		if i > long {
			w = append(w, fmt.Sprintf("line %d is %s long; text that is not prose may not parse well", line, formatBytes(int64(i))))
			if len(w) == 3 {
				break
			}
		}
		if i == len(s) {
			break
		}
		s = s[i+1:]
		line++
	}
	return w
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func timeoutError(name string, lim Limits, err error) error {
	if errors.Is(err, context.Canceled) {
		return fail(name, ErrTimeout, "reading was cancelled", err)
	}
	return fail(name, ErrTimeout, fmt.Sprintf("it was still being read after %s; it may be damaged or built to stall readers", lim.Timeout), err)
}
