package export

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteCSV writes the log as CSV (RFC 4180: CRLF line ends, quoted where
// needed) with a header row. Every cell is safe to open in a spreadsheet:
// see CSVSafe.
func (l *ActionLog) WriteCSV(w io.Writer) error {
	cols := l.columns()
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.title
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for _, row := range l.Rows {
		for i, c := range cols {
			rec[i] = CSVSafe(c.text(row))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// CSVSafe neutralises a cell a spreadsheet would run as a formula (CSV
// injection): a cell starting with = + - @, a tab or a carriage return
// gets a leading single quote, which spreadsheets show as text. Every CSV
// minutebook writes goes through it.
func CSVSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
