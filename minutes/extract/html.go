package extract

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTML returns the text of an HTML page of minutes: a ModernGov page
// ("Agenda and minutes", "Printed minutes", decision details) or plain
// HTML. Scripts, styles, navigation, headers, footers, forms and the
// ModernGov residue ("Share this item", "pdf icon PDF 402 KB",
// "Additional documents:") are dropped; headings, paragraphs and list
// items become lines (list items with their numbers or bullets), tables
// become rows.
func readHTML(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	res := Result{Format: FormatHTML}
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return res, fail(name, ErrDamaged, "its character set is not one minutebook knows", err)
	}
	doc, err := html.ParseWithOptions(r, html.ParseOptionEnableScripting(false))
	if err != nil {
		return res, fail(name, ErrDamaged, "it is not readable HTML", err)
	}
	root := contentRoot(doc)
	h := &htmlReader{ctx: ctx, name: name, lim: lim, moderngov: isModernGov(doc)}
	blocks, err := h.blocks(root)
	if err != nil {
		return res, err
	}
	text := cleanText(renderBlocks(blocks))
	text = dropResidue(text, h.moderngov)
	if int64(len(text)) > lim.MaxTextBytes {
		return res, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(lim.MaxTextBytes)), nil)
	}
	if strings.TrimSpace(text) == "" {
		return res, fail(name, ErrNoText, "the page has no text outside its navigation; save the minutes page itself, or its printed minutes", nil)
	}
	res.Text = text
	return res, nil
}

// contentRoot picks the part of the page that holds the document: the
// ModernGov content area, then <main> or role="main", then <body>.
func contentRoot(doc *html.Node) *html.Node {
	var byID, main, body *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 2000 {
			return
		}
		if n.Type == html.ElementNode {
			switch {
			case byID == nil && (attrOf(n, "id") == "modgov" || hasClass(n, "mgContent")):
				byID = n
			case main == nil && (n.DataAtom == atom.Main || attrOf(n, "role") == "main"):
				main = n
			case body == nil && n.DataAtom == atom.Body:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, n := range []*html.Node{byID, main, body} {
		if n != nil {
			return n
		}
	}
	return doc
}

func isModernGov(doc *html.Node) bool {
	found := false
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if found || depth > 2000 {
			return
		}
		if n.Type == html.ElementNode {
			if c := attrOf(n, "class"); attrOf(n, "id") == "modgov" || strings.Contains(c, "mgAi") || strings.Contains(c, "mgItem") {
				found = true
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return found
}

type htmlReader struct {
	ctx       context.Context
	name      string
	lim       Limits
	moderngov bool
	nodes     int
	size      int
}

// blockBuilder collects the blocks of one container (the page, a table
// cell) and the inline text of the paragraph being built.
type blockBuilder struct {
	blocks []block
	line   strings.Builder
	label  string // list label waiting for its item's first line
	space  bool   // a space is pending before the next text
}

func (b *blockBuilder) text(s string, pre bool) {
	if s == "" {
		return
	}
	if pre {
		b.flushSpace()
		b.line.WriteString(s)
		return
	}
	if isHTMLSpace(rune(s[0])) {
		b.space = true
	}
	for i, f := range strings.FieldsFunc(s, isHTMLSpace) {
		if i > 0 {
			b.space = true
		}
		b.flushSpace()
		b.line.WriteString(f)
	}
	if isHTMLSpace(rune(s[len(s)-1])) {
		b.space = true
	}
}

func (b *blockBuilder) flushSpace() {
	if l := b.line.Len(); b.space && l > 0 && b.line.String()[l-1] != '\n' {
		b.line.WriteByte(' ')
	}
	b.space = false
}

func (b *blockBuilder) newline() {
	b.line.WriteByte('\n')
	b.space = false
}

// flush ends the paragraph being built.
func (b *blockBuilder) flush() {
	t := strings.TrimSpace(b.line.String())
	b.line.Reset()
	b.space = false
	if t == "" {
		return
	}
	if b.label != "" {
		t = b.label + " " + t
		b.label = ""
	}
	b.blocks = append(b.blocks, block{text: t})
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// htmlSkip are elements whose content is never minutes text.
var htmlSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Embed: true,
	atom.Head: true, atom.Img: true, atom.Map: true, atom.Audio: true, atom.Video: true,
	atom.Canvas: true, atom.Dialog: true, atom.Aside: true,
}

// htmlBlock are elements that start and end a line.
var htmlBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Center: true, atom.Hr: true,
	atom.Caption: true, atom.Fieldset: true, atom.Legend: true, atom.Details: true,
	atom.Summary: true, atom.Body: true, atom.Html: true,
}

// navClass matches class and id values of page furniture.
var navClass = regexp.MustCompile(`(?i)(^|[\s_-])(breadcrumbs?|mgBreadCrumbs|skip-?link|cookie\w*|site-?(header|footer|nav)|menu|navbar|mgShare\w*|share-?(this|links?)|social|mgLinks|mgPrint\w*|print-?link|sidebar|mgSideBar|back-?to-?top)($|[\s_-])`)

func skipNode(n *html.Node) bool {
	if htmlSkip[n.DataAtom] {
		return true
	}
	if attrOf(n, "hidden") != "" || attrOf(n, "aria-hidden") == "true" {
		return true
	}
	if r := attrOf(n, "role"); r == "navigation" || r == "banner" || r == "contentinfo" || r == "search" {
		return true
	}
	if st := strings.ReplaceAll(strings.ToLower(attrOf(n, "style")), " ", ""); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return true
	}
	if c := attrOf(n, "class") + " " + attrOf(n, "id"); navClass.MatchString(c) {
		return true
	}
	if n.DataAtom == atom.A && fileLink.MatchString(strings.TrimSpace(nodeText(n, 0))) {
		return true
	}
	return false
}

// fileLink matches ModernGov's links to attachments: "PDF 402 KB",
// "Printed minutes 12th-Mar-2024 18.30 Cabinet PDF 210 KB".
var fileLink = regexp.MustCompile(`(?i)(^|\s)(pdf|docx?|xlsx?|pptx?|rtf|html?|word|excel)\s+\d+(\.\d+)?\s*[km]b$`)

func (h *htmlReader) blocks(root *html.Node) ([]block, error) {
	b := &blockBuilder{}
	if err := h.walk(root, b, 0, false); err != nil {
		return nil, err
	}
	b.flush()
	return b.blocks, nil
}

func (h *htmlReader) walk(n *html.Node, b *blockBuilder, depth int, pre bool) error {
	h.nodes++
	if h.nodes&1023 == 0 {
		if err := h.ctx.Err(); err != nil {
			return err
		}
	}
	if depth > 512 {
		return nil // deeper nesting is not a document's structure
	}
	switch n.Type {
	case html.TextNode:
		h.size += len(n.Data)
		if int64(h.size) > h.lim.MaxTextBytes {
			return fail(h.name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(h.lim.MaxTextBytes)), nil)
		}
		b.text(n.Data, pre)
		return nil
	case html.CommentNode, html.DoctypeNode:
		return nil
	case html.ElementNode:
		if skipNode(n) {
			return nil
		}
	}
	switch n.DataAtom {
	case atom.Br:
		b.newline()
		return nil
	case atom.Span:
		if label, ok := wordListLabel(n); ok {
			b.text(label+" ", false)
			return nil
		}
	case atom.Table:
		b.flush()
		tb, err := h.table(n, depth)
		if err != nil {
			return err
		}
		b.blocks = append(b.blocks, tb)
		return nil
	case atom.Ol, atom.Ul:
		b.flush()
		return h.list(n, b, depth)
	case atom.Pre:
		pre = true
	}
	isBlock := n.Type == html.ElementNode && (htmlBlock[n.DataAtom] || n.DataAtom == atom.Li || n.DataAtom == atom.Tr)
	if isBlock {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := h.walk(c, b, depth+1, pre); err != nil {
			return err
		}
	}
	if isBlock {
		b.flush()
	}
	return nil
}

// wordListLabel returns the label of a list item in a page saved from
// Word: the span styled "mso-list:Ignore" that holds the item's number
// ("1.", "a)") or its bullet, a character of the Symbol, Wingdings or
// Courier New font ("·", "§", "o") that stands for "•".
func wordListLabel(n *html.Node) (string, bool) {
	st := strings.ToLower(strings.ReplaceAll(attrOf(n, "style"), " ", ""))
	if !strings.Contains(st, "mso-list:ignore") {
		return "", false
	}
	t := strings.TrimFunc(nodeText(n, 0), func(r rune) bool { return isHTMLSpace(r) || r == 0xa0 })
	switch t {
	case "·", "§", "o", "Ø", "ü", "v", "\uf0b7", "\uf0a7", "\uf0d8", "-", "–", "•":
		return "•", true
	}
	return t, true
}

// list renders an <ol> or <ul>: each item's first line gets its number
// (in the list's type, from its start or the item's value) or a bullet.
func (h *htmlReader) list(n *html.Node, b *blockBuilder, depth int) error {
	ordered := n.DataAtom == atom.Ol
	num := 1
	if s, err := strconv.Atoi(strings.TrimSpace(attrOf(n, "start"))); err == nil {
		num = s
	}
	format := "decimal"
	switch attrOf(n, "type") {
	case "a":
		format = "lowerLetter"
	case "A":
		format = "upperLetter"
	case "i":
		format = "lowerRoman"
	case "I":
		format = "upperRoman"
	}
	if st := strings.ToLower(attrOf(n, "style")); strings.Contains(st, "list-style-type") {
		switch {
		case strings.Contains(st, "lower-alpha"), strings.Contains(st, "lower-latin"):
			format = "lowerLetter"
		case strings.Contains(st, "upper-alpha"), strings.Contains(st, "upper-latin"):
			format = "upperLetter"
		case strings.Contains(st, "lower-roman"):
			format = "lowerRoman"
		case strings.Contains(st, "upper-roman"):
			format = "upperRoman"
		case strings.Contains(st, "none"):
			format = "none"
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			if err := h.walk(c, b, depth+1, false); err != nil {
				return err
			}
			continue
		}
		if skipNode(c) {
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attrOf(c, "value"))); err == nil && ordered {
			num = v
		}
		b.flush()
		switch {
		case !ordered:
			b.label = "•"
			if strings.Contains(strings.ToLower(attrOf(n, "style")), "none") {
				b.label = ""
			}
		case format == "none":
			b.label = ""
		default:
			b.label = formatNumber(num, format) + "."
		}
		num++
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			if err := h.walk(cc, b, depth+2, false); err != nil {
				return err
			}
		}
		b.flush()
		b.label = ""
	}
	return nil
}

// table reads a table's rows (from thead, tbody, tfoot or directly) into
// a table block; each cell is read as blocks of its own.
func (h *htmlReader) table(n *html.Node, depth int) (block, error) {
	tb := block{rows: [][][]block{}}
	var rows func(n *html.Node, d int) error
	rows = func(n *html.Node, d int) error {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipNode(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				if err := rows(c, d+1); err != nil {
					return err
				}
			case atom.Tr:
				var row [][]block
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type != html.ElementNode || (cell.DataAtom != atom.Td && cell.DataAtom != atom.Th) || skipNode(cell) {
						continue
					}
					cb := &blockBuilder{}
					for cc := cell.FirstChild; cc != nil; cc = cc.NextSibling {
						if err := h.walk(cc, cb, d+2, false); err != nil {
							return err
						}
					}
					cb.flush()
					row = append(row, cb.blocks)
				}
				tb.rows = append(tb.rows, row)
			case atom.Caption:
				cb := &blockBuilder{}
				if err := h.walk(c, cb, d+1, false); err != nil {
					return err
				}
				cb.flush()
				tb.rows = append(tb.rows, [][]block{cb.blocks})
			}
		}
		return nil
	}
	err := rows(n, depth+1)
	return tb, err
}

// residueLines are whole lines of page furniture, compared in lower case.
var residueLines = map[string]bool{
	"share this item": true, "additional documents:": true, "additional documents": true,
	"download": true, "print this page": true, "print": true, "back to top": true,
	"skip to content": true, "skip to main content": true, "email this page": true,
	"view the background to item": true, "supporting documents:": true,
	"attachments:": true, "related documents:": true, "pdf icon": true,
	"link: minutes": true, "printed minutes": true, "accompanying documents:": true,
	"background papers:": false,
}

var residuePattern = regexp.MustCompile(`(?i)^(pdf icon\s*)?((pdf|docx?|xlsx?|pptx?|rtf|html?)\s+\d+(\.\d+)?\s*[km]b)$|^share this item\b|^view the (reasons|background)\b.*\brestricted$|^(mg)?print this page$`)

// dropResidue removes ModernGov and site residue lines left after the
// furniture elements were skipped. On ModernGov pages it also drops the
// "Minutes:" and "Decision:" captions ModernGov puts under each heading
// when they stand alone on their line.
func dropResidue(text string, moderngov bool) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.ToLower(strings.TrimSpace(l))
		if residueLines[t] || residuePattern.MatchString(t) {
			continue
		}
		if moderngov && t == "minutes:" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attrOf(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// nodeText is the text inside n, for small decisions about links.
func nodeText(n *html.Node, depth int) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if depth > 16 {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c, depth+1))
		if b.Len() > 512 {
			break
		}
	}
	return b.String()
}
