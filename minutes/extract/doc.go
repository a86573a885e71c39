// Package extract turns the documents councils publish minutes in into
// plain text for the minutes parser: text files (UTF-8, UTF-16 with a
// byte-order mark, Windows-1252), PDF, Word .docx and HTML (ModernGov
// pages and plain HTML minutes).
//
// Every document is untrusted. Text and ReadFile bound what one document
// may cost (Limits: file size, text size, bytes unpacked from a zip and
// its compression ratio, PDF pages and memory, time) and fail with an
// *Error that names the file, says what is wrong and what to do, and
// wraps one of the Err… kinds for errors.Is. They never panic and return
// by the deadline.
//
// Vocabulary:
//
//   - format: what a document is, told by its first bytes (magic) and
//     then by its extension: text, pdf, docx or html.
//   - engine: the PDF reader. "builtin" is PDFium compiled to WebAssembly
//     and run by wazero in this process (pure Go, so CGO_ENABLED=0
//     builds work); "pdftotext" is poppler's program, if installed.
//   - page break: a form feed (U+000C) at the end of each PDF page, as
//     pdftotext writes, so running headers and footers can be found.
//   - table: one writer (table.go) lays out the tables of every format,
//     so a table reads the same from Word, HTML and PDF. A data table's
//     row is one line, its cells joined by " | " and a cell's paragraphs
//     by a space after a sentence or "; " between entries of a list; a
//     label table ("Present: | names", "Chair: | name | role") writes
//     each label, a space and the rest of its row; a table of minutes
//     (number | heading and text | action by) writes the number and the
//     heading on one line, then the text and the short cells one a line;
//     a two-cell row whose first cell is a minute number or a label is
//     written as the number, a space and the text.
//   - PDF layout: lines are grouped from the characters' boxes; a run of
//     lines whose segments fall into columns is a table, its rows taken
//     from the order the page draws its cells in (so a cell centred
//     beside taller ones stays in its row, and a label centred beside
//     names heads them); a table broken by a page break is joined up;
//     lines of running text are joined into paragraphs as Word holds
//     them; justified lines stay lines.
//   - bullet: "•" in front of a list item, whatever the document used
//     (Word's Symbol-font bullet, a "·" pasted from a web page).
//
// The text handed back is valid UTF-8 with no control characters except
// tab, newline and form feed: terminal escape sequences, bare carriage
// returns and bidirectional overrides are removed.
package extract
