package minutes

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Stage 1a½: the wrappers minutes are published in.
//
// Minutes reach us from websites as well as from documents: a blog post
// or static-site page (Markdown with YAML front matter, whose title and
// date are the post's, not the meeting's), an HTML fragment saved as text
// (one line of "<br />"-separated paragraphs, "&pound;" entities, a raw
// "<table>"), or a Markdown pipe table that holds the minutes themselves
// ("| **24/03** | **Police report** | PCSO Lark reported … | PCSO Lark |").
// unwrap takes the wrapper off, so that the later stages see the lines a
// reader of the page sees.

// unwrap removes front matter, and reports whether the text is an HTML
// fragment whose tags make its lines (unwrapHTML, line by line, so that
// every line keeps its number in the file).
func unwrap(text string) (string, bool) {
	text = stripFrontMatter(text)
	tags := strings.IndexByte(text, '<') >= 0 && len(reHTMLCount.FindAllStringIndex(text, 3)) >= 3
	return text, tags
}

var reFrontMatterKey = regexp.MustCompile(`^(?:[A-Za-z_][\w-]*\s*:.*|\s+-\s.*|\s*-\s*"?[\w -]*"?\s*|\s*)$`)

// stripFrontMatter blanks a YAML front-matter block ("---" / "title: …"
// / "date: …" / "---") at the start of the text: it describes the web
// page (its title, its publication date, its tags), not the meeting. The
// lines stay, empty, so that line numbers still point into the file.
func stripFrontMatter(text string) string {
	lead := len(text) - len(strings.TrimLeft(text, "\ufeff \t\r\n"))
	s := text[lead:]
	if !strings.HasPrefix(s, "---") {
		return text
	}
	ls := strings.SplitN(s, "\n", 62)
	if strings.TrimSpace(ls[0]) != "---" {
		return text
	}
	keys := 0
	for n := 1; n < len(ls) && n < 61; n++ {
		l := strings.TrimRight(ls[n], "\r")
		if t := strings.TrimSpace(l); t == "---" || t == "..." {
			if keys == 0 {
				return text
			}
			rest := ""
			if n+1 < len(ls) {
				rest = strings.Join(ls[n+1:], "\n")
			}
			return text[:lead] + strings.Repeat("\n", n+1) + rest
		}
		if !reFrontMatterKey.MatchString(l) {
			return text
		}
		if strings.Contains(l, ":") {
			keys++
		}
	}
	return text
}

var (
	// The tags that end a line or a paragraph on a web page.
	reHTMLBreak = regexp.MustCompile(`(?i)<br\s*/?>|</?(?:p|div|h[1-6]|ul|ol|table|thead|tbody|tfoot|blockquote|section|article)\b[^>]*>|</li\s*>|</tr\s*>`)
	reHTMLItem  = regexp.MustCompile(`(?i)<li\b[^>]*>`)
	reHTMLCell  = regexp.MustCompile(`(?i)<t[dh]\b[^>]*>`)
	reHTMLRow   = regexp.MustCompile(`(?i)<tr\b[^>]*>`)
	reHTMLTag   = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)
	reHTMLCount = regexp.MustCompile(`(?i)<(?:br|p|div|td|tr|li|table|span|strong|em|b|i|h[1-6])\b[^>]*>|</(?:p|div|td|tr|li|table|span|strong|em|b|i|h[1-6])>`)
	reEntity    = regexp.MustCompile(`&(?:[A-Za-z]{2,8}|#\d{2,5}|#x[0-9A-Fa-f]{2,4});`)
)

// unwrapHTML turns one line of an HTML fragment kept as text into lines:
// with tags set, breaks, paragraphs and list items start lines, table
// cells are separated by pipes as the table readers expect and other tags
// go; entities become the characters they name. (Text with no more than a
// stray tag or two — "<Chair>" in a signature block — keeps its tags.)
func unwrapHTML(s string, tags bool) string {
	if tags && strings.IndexByte(s, '<') >= 0 {
		s = reHTMLRow.ReplaceAllString(s, "\n")
		s = reHTMLCell.ReplaceAllString(s, " | ")
		s = numberLists(s)
		s = reHTMLBreak.ReplaceAllString(s, "\n")
		s = reHTMLTag.ReplaceAllString(s, "")
		// A row made from cells starts with the separator of its first
		// cell: "| 15/03/4 | Finance |".
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2 && !strings.HasSuffix(t, "|") {
				lines[i] = t + " |"
			}
		}
		s = strings.Join(lines, "\n")
	}
	if strings.IndexByte(s, '&') >= 0 && reEntity.MatchString(s) {
		s = reEntity.ReplaceAllStringFunc(s, func(e string) string {
			if u := html.UnescapeString(e); u != e {
				if u == "\u00a0" {
					return " "
				}
				return u
			}
			return e
		})
	}
	return s
}

var (
	reHTMLList  = regexp.MustCompile(`(?i)<(/?)(ol|ul|li)\b([^>]*)>`)
	reListStart = regexp.MustCompile(`(?i)\bstart\s*=\s*["']?(\d{1,4})`)
)

// numberLists writes each list item on a line of its own, as a browser
// shows it: "• " in a bulleted list, its number in an ordered one ("<ol
// start="5"><li>Any other business" → "5. Any other business"), so that a
// numbered agenda kept as HTML keeps its minute numbers. An empty item
// takes its number and shows nothing.
func numberLists(s string) string {
	if !strings.Contains(strings.ToLower(s), "<li") {
		return s
	}
	type list struct {
		ordered bool
		next    int
	}
	var stack []list
	var b strings.Builder
	last := 0
	ms := reHTMLList.FindAllStringSubmatchIndex(s, -1)
	for k, m := range ms {
		b.WriteString(s[last:m[0]])
		last = m[1]
		closing, tag, attrs := s[m[2]:m[3]] == "/", strings.ToLower(s[m[4]:m[5]]), s[m[6]:m[7]]
		switch {
		case tag == "li" && closing:
			// the next item or the list's end starts the next line
		case tag == "li":
			end := len(s)
			if k+1 < len(ms) {
				end = ms[k+1][0]
			}
			empty := strings.TrimSpace(strings.ReplaceAll(reHTMLTag.ReplaceAllString(s[m[1]:end], ""), "&nbsp;", "")) == ""
			mark := "• "
			if n := len(stack); n > 0 && stack[n-1].ordered {
				mark = strconv.Itoa(stack[n-1].next) + ". "
				stack[n-1].next++
			}
			b.WriteByte('\n')
			if !empty {
				b.WriteString(mark)
			}
		case closing:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			b.WriteByte('\n')
		default:
			l := list{ordered: tag == "ol", next: 1}
			if mm := reListStart.FindStringSubmatch(attrs); mm != nil {
				l.next, _ = strconv.Atoi(mm[1])
			}
			stack = append(stack, l)
			b.WriteByte('\n')
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// splitPipeRow splits a Markdown or flattened table row into its cells,
// without the empty cells the outer pipes make: "| 24/01 | Finance | |"
// is "24/01", "Finance", "".
func splitPipeRow(t string) []string {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "|") {
		return nil
	}
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	parts := strings.Split(t, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

var reTableRule = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$`)

// unpipeItemTables rewrites the rows of a table that holds the minutes
// themselves — the first cell a minute number, the second its heading,
// then the discussion and perhaps an owner column — as the lines the same
// minutes would have in running text: "24/03 Police report", then each
// further cell on a line of its own (an owner cell becomes an owner line
// under its paragraph). Rows that continue an item ("| | The rents were
// reviewed. |") give their cells as lines too. Other tables (attendance
// grids, action logs, figures) are left to the table readers.
func unpipeItemTables(lines []line) []line {
	if !hasPipeRows(lines) {
		return lines
	}
	out := lines[:0:0]
	inItems, actionLog := false, false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.Text
		if !strings.HasPrefix(t, "|") {
			if t != "" {
				inItems, actionLog = false, false
			}
			out = append(out, l)
			continue
		}
		if reTableRule.MatchString(t) {
			if inItems {
				continue
			}
			out = append(out, l)
			continue
		}
		cs := splitPipeRow(t)
		if i+1 < len(lines) && reTableRule.MatchString(lines[i+1].Text) {
			// A header row: an action log ("Ref | Action | Owner | Due")
			// is the table readers' to read.
			actionLog = actionLogHeader(cs)
		}
		if num, head, ok := itemRow(cs); ok && !actionLog {
			inItems = true
			out = append(out, line{Text: num + " " + head, No: l.No})
			for _, c := range cs[2:] {
				if c != "" {
					out = append(out, line{Text: c, No: l.No})
				}
			}
			continue
		}
		if nonEmpty(cs) == 1 {
			// A table of one cell is a box around text.
			for _, c := range cs {
				if c != "" {
					out = append(out, line{Text: c, No: l.No})
				}
			}
			continue
		}
		if inItems && len(cs) >= 2 && cs[0] == "" {
			for _, c := range cs[1:] {
				if c != "" {
					out = append(out, line{Text: c, No: l.No})
				}
			}
			continue
		}
		inItems = false
		out = append(out, l)
	}
	return out
}

// actionLogHeader reports whether a table's header names an action log:
// its second column is the task, or a column holds due dates.
func actionLogHeader(cs []string) bool {
	for i, c := range cs {
		c = strings.ToLower(c)
		if reDueCol.MatchString(c) || i == 1 && c != "item" && reActionCol.MatchString(c) {
			return true
		}
	}
	return false
}

func nonEmpty(cs []string) int {
	n := 0
	for _, c := range cs {
		if c != "" {
			n++
		}
	}
	return n
}

func hasPipeRows(lines []line) bool {
	for _, l := range lines {
		if strings.HasPrefix(l.Text, "|") && strings.Count(l.Text, "|") >= 2 {
			return true
		}
	}
	return false
}

// itemRow reports whether a row's first cells are a minute number and a
// heading: "24/01" and "Declarations of interest", "5." and "Finance".
func itemRow(cs []string) (num, head string, ok bool) {
	if len(cs) < 2 || cs[0] == "" || cs[1] == "" {
		return "", "", false
	}
	m := reLoneNumber.FindStringSubmatch(cs[0])
	if m == nil || strings.HasSuffix(cs[0], ")") {
		return "", "", false
	}
	if _, nums, _, ok := parseNumber(m[1]); !ok || len(nums) == 1 && nums[0] > 1900 && nums[0] < 2100 {
		return "", "", false
	}
	if headingQuality(cs[1]) < 0.5 || endsWithAny(cs[1], ",;") {
		return "", "", false
	}
	return m[1], cs[1], true
}
