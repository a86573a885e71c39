package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// writeJSONList prints list as writeJSON does (the same bytes), one
// element at a time: a due list of thousands of records is never held
// as one encoded buffer. A record writes itself, indented
// (export.RecordJSON.AppendIndentedJSON); anything else is encoded by
// encoding/json and indented by indentJSON, a plain loop over the
// compact encoding, rather than by encoding/json's scanner (which took
// half the time of printing the due board).
func writeJSONList[T any](w io.Writer, list []T) error {
	if list == nil {
		return writeJSON(w, list)
	}
	if len(list) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	var out []byte
	enc := json.NewEncoder(&buf) // compact, HTML escaped, as writeJSON's before its indenting
	bw.WriteString("[\n")
	for i := range list {
		out = append(out[:0], "  "...)
		if a, ok := any(&list[i]).(jsonAppender); ok {
			out = a.AppendIndentedJSON(out, "  ")
		} else {
			buf.Reset()
			if err := enc.Encode(list[i]); err != nil {
				return err
			}
			out = indentJSON(out, bytes.TrimSuffix(buf.Bytes(), []byte("\n")), 1)
		}
		if i < len(list)-1 {
			out = append(out, ",\n"...)
		} else {
			out = append(out, '\n')
		}
		bw.Write(out)
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// jsonAppender is a value that writes itself as json.MarshalIndent
// would (export.RecordJSON), without reflection.
type jsonAppender interface {
	AppendIndentedJSON(b []byte, prefix string) []byte
}

// indentJSON appends src, compact JSON as encoding/json writes it (no
// spaces outside strings), indented as json.Indent(dst, src, prefix,
// "  ") with prefix depth times "  ": each element and member on its own
// line, ": " after a key, empty objects and arrays kept as {} and [].
func indentJSON(dst, src []byte, depth int) []byte {
	newline := func(d int) {
		dst = append(dst, '\n')
		for range d {
			dst = append(dst, ' ', ' ')
		}
	}
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			// Copy the run up to the next quote or backslash at once.
			j := i
			for j < len(src) && src[j] != '"' && src[j] != '\\' {
				j++
			}
			dst = append(dst, src[i:j]...)
			if j == len(src) {
				break
			}
			if src[j] == '\\' && j+1 < len(src) {
				dst = append(dst, src[j], src[j+1])
				i = j + 1
				continue
			}
			dst = append(dst, src[j])
			i = j
			if src[j] == '"' {
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline(depth)
		case '}', ']':
			depth--
			newline(depth)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
