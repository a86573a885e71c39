package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the log as a Markdown document: a heading, a line
// saying what it covers, and one table (GitHub-flavoured Markdown).
func (l *ActionLog) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdText(l.Title()))
	fmt.Fprintf(bw, "%s\n\n", mdText(l.summary()))
	if len(l.Rows) == 0 {
		fmt.Fprintln(bw, "No actions or follow-ups match.")
		return flush(bw, "Markdown")
	}
	keep := map[string]bool{
		"Reference": true, "Exempt": true, "Meeting date": true, "Minute": true,
		"Action or recommendation": true, "Officer responsible": true, "Due date": true,
		"RAG": true, "Status": true, "Latest update": true, "Returned to": true,
	}
	if l.Committee == "" {
		keep["Committee"] = true
	}
	var cols []column
	for _, c := range l.columns() {
		if keep[c.title] {
			cols = append(cols, c)
		}
	}
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.title
	}
	mdRow(bw, row)
	for i := range row {
		row[i] = "---"
	}
	mdRow(bw, row)
	for _, r := range l.Rows {
		for i, c := range cols {
			switch c.title {
			case "Meeting date":
				row[i] = shortDate(r.MeetingDate)
			case "Due date":
				row[i] = shortDate(r.Due)
				if r.Provisional && row[i] != "" {
					row[i] += " (provisional)"
				}
			case "Latest update":
				row[i] = r.Update
				if r.Update != "" && !r.UpdateDate.IsZero() {
					row[i] = shortDate(r.UpdateDate) + ": " + r.Update
				}
			case "Exempt":
				row[i] = c.text(r)
				if row[i] != "" {
					row[i] = "**" + row[i] + "**"
					continue
				}
			default:
				row[i] = c.text(r)
			}
			row[i] = mdCell(row[i])
		}
		mdRow(bw, row)
	}
	return flush(bw, "Markdown")
}

// summary says what the log covers: "As of 1 June 2022: 12 actions and
// follow-ups (3 red, 5 amber, 4 green)."
func (l *ActionLog) summary() string {
	var b strings.Builder
	if !l.AsOf.IsZero() {
		fmt.Fprintf(&b, "As of %s", longDate(l.AsOf))
	}
	switch {
	case !l.From.IsZero() && !l.To.IsZero():
		fmt.Fprintf(&b, ", meetings from %s to %s", longDate(l.From), longDate(l.To))
	case !l.From.IsZero():
		fmt.Fprintf(&b, ", meetings from %s", longDate(l.From))
	case !l.To.IsZero():
		fmt.Fprintf(&b, ", meetings up to %s", longDate(l.To))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	n := map[string]int{}
	for _, r := range l.Rows {
		n[r.RAG]++
	}
	fmt.Fprintf(&b, "%s", plural(len(l.Rows), "record", "records"))
	var parts []string
	for _, rag := range []string{Red, Amber, Green} {
		if n[rag] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[rag], rag))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	b.WriteString(".")
	if l.IncludeExempt {
		b.WriteString(" Includes exempt items (press and public excluded), marked EXEMPT: not for publication.")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func mdRow(w *bufio.Writer, cells []string) {
	w.WriteString("|")
	for _, c := range cells {
		w.WriteString(" ")
		w.WriteString(c)
		w.WriteString(" |")
	}
	w.WriteString("\n")
}

// mdText escapes document text for Markdown prose: characters that would
// start emphasis, code, links or raw HTML are backslash-escaped or
// written as entities, so the text reads as written.
func mdText(s string) string {
	s = clean(s)
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '&':
			// Only where it could start an entity ("&amp;", "&#60;").
			if next := s[i+1:]; next != "" && (next[0] == '#' || isASCIILetter(next[0])) {
				b.WriteString("&amp;")
			} else {
				b.WriteByte('&')
			}
		case '\\', '`', '*', '_', '[', ']', '|', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCell is mdText for a table cell: line breaks become <br> (a table row
// is one line).
func mdCell(s string) string {
	lines := strings.Split(strings.TrimSpace(mdText(s)), "\n")
	for i := range lines {
		lines[i] = strings.Join(strings.Fields(lines[i]), " ")
	}
	return strings.Join(lines, "<br>")
}

func flush(w *bufio.Writer, what string) error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
