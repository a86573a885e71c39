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
//   - row: a table row, written as one line with its cells joined by
//     " | "; a two-cell row whose first cell is a minute number or a
//     label is written as the number, a space and the text.
//
// The text handed back is valid UTF-8 with no control characters except
// tab, newline and form feed: terminal escape sequences, bare carriage
// returns and bidirectional overrides are removed.
package extract
