package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// run is a stretch of text in one style; mark, when not 0, labels the
// stretch so the wrapper can say on which line it starts.
type run struct {
	text  string
	style int // index into the palette
	mark  int
}

// wrapRuns word-wraps styled runs to w cells. Each output line is styled
// on its own (no style is left open across a line break, so any line can
// be drawn without the ones above it). It returns the lines and, for each
// mark, the line it starts on. Newlines in the text break lines; a word
// longer than w is cut.
func wrapRuns(runs []run, palette []lipgloss.Style, w int) ([]string, map[int]int) {
	lines, marks, _ := wrapRunsAt(runs, palette, w)
	return lines, marks
}

// wrapRunsAt is wrapRuns that also says, for each mark, the column its
// first word starts at.
func wrapRunsAt(runs []run, palette []lipgloss.Style, w int) ([]string, map[int]int, map[int]int) {
	type seg struct {
		text  strings.Builder
		style int
	}
	var (
		lines     []string
		segs      []*seg
		lineW     int
		pending   bool // a space is due before the next word
		pendStyle int
		marks     = map[int]int{}
		cols      = map[int]int{}
		blankRun  int
	)
	w = max(w, 1)
	add := func(text string, style int) {
		if n := len(segs); n > 0 && segs[n-1].style == style {
			segs[n-1].text.WriteString(text)
			return
		}
		s := &seg{style: style}
		s.text.WriteString(text)
		segs = append(segs, s)
	}
	flush := func() {
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(palette[s.style].Render(s.text.String()))
		}
		line := b.String()
		if line == "" {
			blankRun++
			if blankRun > 1 {
				segs, lineW, pending = nil, 0, false
				return // one blank line between paragraphs is enough
			}
		} else {
			blankRun = 0
		}
		lines = append(lines, line)
		segs, lineW, pending = nil, 0, false
	}
	word := func(text string, style, mark int) {
		ww := ansi.StringWidth(text)
		if lineW > 0 && lineW+1+ww > w {
			flush()
		}
		if pending && lineW > 0 {
			add(" ", pendStyle)
			lineW++
		}
		pending = false
		if mark != 0 {
			if _, ok := marks[mark]; !ok {
				marks[mark], cols[mark] = len(lines), lineW
			}
		}
		for ww > w-lineW && ww > 0 { // a word too long for any line
			cut := ansi.Truncate(text, w-lineW, "")
			if cut == "" {
				flush()
				continue
			}
			add(cut, style)
			text = strings.TrimPrefix(text, cut)
			ww = ansi.StringWidth(text)
			flush()
		}
		if text != "" {
			add(text, style)
			lineW += ww
		}
	}
	for _, r := range runs {
		start := 0
		for i := 0; i <= len(r.text); i++ {
			if i < len(r.text) && r.text[i] != ' ' && r.text[i] != '\n' {
				continue
			}
			if i > start {
				word(r.text[start:i], r.style, r.mark)
			}
			if i < len(r.text) {
				if r.text[i] == '\n' {
					flush()
				} else {
					pending, pendStyle = true, r.style
				}
			}
			start = i + 1
		}
	}
	if len(segs) > 0 {
		flush()
	}
	return lines, marks, cols
}

// normIndex finds needle in haystack ignoring differences in whitespace
// (a record's text is the item's text with its line breaks folded). It
// returns the byte range in haystack, or -1, -1.
func normIndex(haystack, needle string) (int, int) {
	if i := strings.Index(haystack, needle); i >= 0 {
		return i, i + len(needle)
	}
	hn, hmap := squeeze(haystack)
	nn, _ := squeeze(needle)
	nn = strings.TrimSpace(nn)
	if nn == "" {
		return -1, -1
	}
	i := strings.Index(hn, nn)
	if i < 0 {
		return -1, -1
	}
	end := i + len(nn) - 1
	return hmap[i], hmap[end] + 1
}

// squeeze folds runs of whitespace to one space and returns, for each
// byte of the result, its offset in s.
func squeeze(s string) (string, []int) {
	var b strings.Builder
	idx := make([]int, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if !space {
				b.WriteByte(' ')
				idx = append(idx, i)
				space = true
			}
			continue
		}
		space = false
		b.WriteByte(c)
		idx = append(idx, i)
	}
	return b.String(), idx
}

// reflow joins the lines of each paragraph, so that text extracted from a
// PDF (broken where the printed line ended) wraps to the window. Blank
// lines still part paragraphs, and a line that starts a numbered or
// bulleted part or with a word in capitals ("RESOLVED:"), or follows one
// that ends with a colon, keeps its break.
func reflow(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		if i > 0 {
			prev := strings.TrimSpace(lines[i-1])
			cur := strings.TrimSpace(l)
			if prev != "" && cur != "" && !startsPart(cur) && !startsShout(cur) && !strings.HasSuffix(prev, ":") {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(strings.TrimRight(l, " "))
	}
	return b.String()
}

// startsShout reports whether a line starts with a word in capitals, as
// "RESOLVED:", "AGREED", "ACTION:" do.
func startsShout(l string) bool {
	n := 0
	for n < len(l) && l[n] >= 'A' && l[n] <= 'Z' {
		n++
	}
	return n >= 4 && (n == len(l) || l[n] == ' ' || l[n] == ':' || l[n] == '-')
}

// startsPart reports whether a line opens a numbered, lettered or
// bulleted part: "(1)", "2.", "(b)", "iv)", "•", "- ".
func startsPart(l string) bool {
	switch r := []rune(l)[0]; r {
	case '•', '·', '▪', '◦', '–', '—', '*':
		return true
	case '-':
		return len(l) > 1 && l[1] == ' '
	}
	open := strings.HasPrefix(l, "(")
	t := strings.TrimPrefix(l, "(")
	n := 0
	for n < len(t) && n < 4 && (t[n] >= '0' && t[n] <= '9' || t[n] >= 'a' && t[n] <= 'z') {
		n++
	}
	if n == 0 || n >= len(t) {
		return false
	}
	word := t[:n]
	numeric := strings.Trim(word, "0123456789") == ""
	roman := strings.Trim(word, "ivx") == ""
	if !numeric && !roman && n > 1 {
		return false
	}
	switch t[n] {
	case ')':
		return true
	case '.':
		return !open && (numeric || n == 1) && (n+1 == len(t) || t[n+1] == ' ')
	}
	return false
}
