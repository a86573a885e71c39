package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// writeJSONList prints list as writeJSON does (the same bytes), one
// element at a time: a due list of thousands of records is never held
// as one encoded buffer, and the indenting is done per element rather
// than over the whole.
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
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ") // an element sits one level in
	bw.WriteString("[\n")
	for i := range list {
		buf.Reset()
		if err := enc.Encode(list[i]); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < len(list)-1 {
			bw.WriteString(",\n")
		} else {
			bw.WriteString("\n")
		}
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
