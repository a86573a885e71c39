package store

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Wide reads (every tracked record, every item) fetch each row as one
// column, json_array(...) built by SQLite, rather than as many columns:
// the driver's cost is per column (each value is a few calls into SQLite,
// each taking its mutex), and one column a row reads the due board's
// records in about half the time. jsonRow takes such a row apart.

// jsonRow is one row read as the text of a JSON array of scalars, as
// SQLite's json_array writes it: strings, integers and nulls.
type jsonRow struct {
	vals []jsonVal
}

// jsonVal is one value of a jsonRow: its text (a string's, unescaped, or
// a number's digits), and whether it was null.
type jsonVal struct {
	s    string
	null bool
}

// parse reads the array s, reusing the row's storage. Strings without
// escapes are slices of s.
func (r *jsonRow) parse(s string) error {
	r.vals = r.vals[:0]
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '[' {
		return fmt.Errorf("row %.40q: not a JSON array", s)
	}
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == ']' {
		return nil
	}
	for {
		if i >= len(s) {
			return fmt.Errorf("row %.40q: the array does not end", s)
		}
		var v jsonVal
		switch c := s[i]; {
		case c == '"':
			str, next, err := jsonString(s, i)
			if err != nil {
				return err
			}
			v.s, i = str, next
		case c == 'n' && strings.HasPrefix(s[i:], "null"):
			v.null, i = true, i+4
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && strings.IndexByte("0123456789.eE+-", s[j]) >= 0 {
				j++
			}
			v.s, i = s[i:j], j
		case c == 't' && strings.HasPrefix(s[i:], "true"):
			v.s, i = "1", i+4
		case c == 'f' && strings.HasPrefix(s[i:], "false"):
			v.s, i = "0", i+5
		default:
			return fmt.Errorf("row %.40q: unexpected %q at %d", s, c, i)
		}
		r.vals = append(r.vals, v)
		i = skipSpace(s, i)
		if i >= len(s) {
			return fmt.Errorf("row %.40q: the array does not end", s)
		}
		switch s[i] {
		case ',':
			i = skipSpace(s, i+1)
		case ']':
			return nil
		default:
			return fmt.Errorf("row %.40q: unexpected %q at %d", s, s[i], i)
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonString reads the JSON string starting at s[i] (a quote) and returns
// it unescaped and the index after its closing quote.
func jsonString(s string, i int) (string, int, error) {
	start := i + 1
	j := start
	for j < len(s) && s[j] != '"' && s[j] != '\\' {
		j++
	}
	if j < len(s) && s[j] == '"' {
		return s[start:j], j + 1, nil
	}
	var b strings.Builder
	b.WriteString(s[start:j])
	for j < len(s) {
		c := s[j]
		switch {
		case c == '"':
			return b.String(), j + 1, nil
		case c != '\\':
			b.WriteByte(c)
			j++
			continue
		}
		if j+1 >= len(s) {
			break
		}
		e := s[j+1]
		j += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n := jsonRune(s, j)
			if n == 0 {
				return "", 0, fmt.Errorf("string %.40q: a bad \\u escape", s[start:])
			}
			j += n
			b.WriteRune(r)
		default:
			return "", 0, fmt.Errorf("string %.40q: a bad escape \\%c", s[start:], e)
		}
	}
	return "", 0, fmt.Errorf("string %.40q does not end", s[start:])
}

// jsonRune reads the four hex digits of a \u escape at s[j:] (and the
// low half of a surrogate pair after them), returning the rune and how
// many bytes it took; 0 when they are not hex digits.
func jsonRune(s string, j int) (rune, int) {
	hex := func(at int) (rune, bool) {
		if at+4 > len(s) {
			return 0, false
		}
		v, err := strconv.ParseUint(s[at:at+4], 16, 32)
		return rune(v), err == nil
	}
	r, ok := hex(j)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if j+10 <= len(s) && s[j+4] == '\\' && s[j+5] == 'u' {
			if lo, ok := hex(j + 6); ok {
				if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
					return d, 10
				}
			}
		}
		return utf8.RuneError, 4
	}
	return r, 4
}

// str is value i as a string ("" for null).
func (r *jsonRow) str(i int) string { return r.vals[i].s }

// nullStr is value i as a string that may be null.
func (r *jsonRow) nullStr(i int) (string, bool) { return r.vals[i].s, !r.vals[i].null }

// int is value i as an integer (0 for null or what is not a number).
func (r *jsonRow) int(i int) int {
	n, err := strconv.Atoi(r.vals[i].s)
	if err != nil {
		f, ferr := strconv.ParseFloat(r.vals[i].s, 64)
		if ferr != nil {
			return 0
		}
		return int(f)
	}
	return n
}

// bool is value i as SQLite's integer truth.
func (r *jsonRow) bool(i int) bool { return r.int(i) != 0 }
