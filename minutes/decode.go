package minutes

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Stage 1a: bytes to valid UTF-8.
//
// Minutes arrive as UTF-8, UTF-16 (with a byte-order mark) or a Windows
// code page. decode never fails on bad bytes: it picks the reading that
// makes sense and reports binary input as such.

// decode returns the text of data as UTF-8, and whether it had to guess
// a legacy encoding.
func decode(data []byte) (text string, legacy bool, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data), false, nil
	}
	if looksBinary(data) {
		return "", false, reject(ErrBinary, "it holds binary data (a PDF, image or archive?); give minutebook the minutes as text, PDF, DOCX or HTML")
	}
	if utf8.Valid(data) {
		return string(data), false, nil
	}
	// Mostly UTF-8 with a few stray bytes is still UTF-8: replace the
	// strays. Otherwise it is Windows-1252 (a superset of Latin-1 for
	// printable text).
	bad, good := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			good++
		}
		i += n
	}
	if good > 4*bad {
		return strings.ToValidUTF8(string(data), "\uFFFD"), false, nil
	}
	s, derr := charmap.Windows1252.NewDecoder().Bytes(data)
	if derr != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), true, nil
	}
	return string(s), true, nil
}

func decodeUTF16(data []byte) string {
	le := data[0] == 0xFF
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if le {
			u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	return string(utf16.Decode(u))
}

// looksBinary reports whether data is not text: NUL bytes, or many
// control bytes, in its first 8 KB.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.HasPrefix(head, []byte("%PDF")) || bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return true
	}
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return ctl > len(head)/20+2
}

// mojibake maps UTF-8 read as Windows-1252 back to what was meant. The
// longest sequences come first so that "â€™" is not half-repaired.
var mojibake = strings.NewReplacer(
	"â€™", "’", "â€˜", "‘", "â€œ", "“", "â€\u009d", "”",
	"â€“", "–", "â€”", "—", "â€¢", "•", "â€¦", "…", "â€‹", "", "â€", "”",
	"Â£", "£", "Â ", " ", "Â·", "·", "Â°", "°", "Â©", "©", "Â½", "½", "Â\u00a0", " ",
	"Ã©", "é", "Ã¨", "è", "Ã¡", "á", "Ã³", "ó", "Ãº", "ú", "Ã\u00ad", "í", "Ã¶", "ö", "Ã¼", "ü",
	"Ã§", "ç", "Ã¢", "â", "Ã´", "ô", "Ã‰", "É",
)

// repairMojibake undoes double-encoded UTF-8 ("â€™" for "’") when the
// text shows the tell-tale sequences.
func repairMojibake(s string) (string, bool) {
	if !strings.Contains(s, "â€") && !strings.Contains(s, "Â") && !strings.Contains(s, "Ã") {
		return s, false
	}
	// Fix only the known sequences: a blanket re-decode would damage
	// correct text that happens to contain "Ã".
	out := mojibake.Replace(s)
	return out, out != s
}
