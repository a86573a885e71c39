package extract

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readDOCX returns the text of a Word document: word/document.xml's
// paragraphs with their list numbers rendered as Word shows them
// ("(1)", "a)", "3."), line breaks, tabs, and tables as rows. Headers,
// footers, comments, footnotes, deleted text, hidden text and drawings are
// left out.
func readDOCX(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	res := Result{Format: FormatDOCX}
	z, err := openZip(name, data, lim)
	if err != nil {
		return res, err
	}
	if f := z.find("word/encryption"); f != nil || z.find("EncryptionInfo") != nil {
		return res, fail(name, ErrEncrypted, "save a copy without a password and import that", nil)
	}
	doc := z.find("word/document.xml")
	if doc == nil {
		return res, fail(name, ErrDamaged, "it has no document body (word/document.xml); open and save it again in Word", nil)
	}
	r := &docxReader{ctx: ctx, name: name, lim: lim, counters: map[string]*[9]int{}}
	if f := z.find("word/numbering.xml"); f != nil {
		b, err := z.readAll(ctx, f)
		if err != nil {
			return res, zipErr(name, err)
		}
		if err := r.loadNumbering(b); err != nil {
			res.Warnings = append(res.Warnings, "the list numbering could not be read, so list numbers are missing: "+err.Error())
		}
	}
	if f := z.find("word/styles.xml"); f != nil {
		b, err := z.readAll(ctx, f)
		if err != nil {
			return res, zipErr(name, err)
		}
		if err := r.loadStyles(b); err != nil {
			res.Warnings = append(res.Warnings, "the styles could not be read, so numbered headings may lack their numbers: "+err.Error())
		}
	}
	rc, err := z.open(doc)
	if err != nil {
		return res, err
	}
	defer rc.Close()
	blocks, err := r.parse(rc)
	if err != nil {
		return res, zipErr(name, err)
	}
	res.Text = cleanText(renderBlocks(blocks))
	if int64(len(res.Text)) > lim.MaxTextBytes {
		return res, fail(name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(lim.MaxTextBytes)), nil)
	}
	if strings.TrimSpace(res.Text) == "" {
		return res, fail(name, ErrNoText, "the Word document has no text in its body (is it a scanned image?)", nil)
	}
	return res, nil
}

// zipErr passes our own errors through and wraps others as damage.
func zipErr(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return fail(name, ErrTimeout, "reading it took too long", err)
	}
	return fail(name, ErrDamaged, "its XML is damaged; open and save it again in Word", err)
}

type docxReader struct {
	ctx      context.Context
	name     string
	lim      Limits
	abstract map[string]map[int]*numLevel // abstractNumId → level → definition
	nums     map[string]*numInstance      // numId → instance
	styles   map[string]*docxStyle
	counters map[string]*[9]int // numId → current count per level
}

type numLevel struct {
	start   int
	format  string // numFmt: decimal, lowerLetter, upperRoman, bullet, none …
	text    string // lvlText: "(%1)", "%1.%2", a bullet glyph
	legal   bool   // isLgl: every level shown in decimal
	pStyle  string
	defined bool
}

type numInstance struct {
	abstract string
	starts   map[int]int       // startOverride per level
	levels   map[int]*numLevel // lvl overrides
}

type docxStyle struct {
	basedOn string
	numID   string
	ilvl    int
	hasIlvl bool
}

// The XML of numbering.xml and styles.xml, as far as they matter here.
type (
	xVal struct {
		Val string `xml:"val,attr"`
	}
	xLvl struct {
		Ilvl    int    `xml:"ilvl,attr"`
		Start   *xVal  `xml:"start"`
		NumFmt  *xVal  `xml:"numFmt"`
		LvlText *xVal  `xml:"lvlText"`
		IsLgl   *xVal  `xml:"isLgl"`
		PStyle  *xVal  `xml:"pStyle"`
		_       string `xml:"-"`
	}
	xNumbering struct {
		Abstract []struct {
			ID   string `xml:"abstractNumId,attr"`
			Lvls []xLvl `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID        string `xml:"numId,attr"`
			Abstract  xVal   `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  int   `xml:"ilvl,attr"`
				Start *xVal `xml:"startOverride"`
				Lvl   *xLvl `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	xStyles struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			BasedOn *xVal  `xml:"basedOn"`
			PPr     *struct {
				NumPr *struct {
					Ilvl  *xVal `xml:"ilvl"`
					NumID *xVal `xml:"numId"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
)

func toLevel(x xLvl) *numLevel {
	l := &numLevel{start: 1, format: "decimal", defined: true}
	if x.Start != nil {
		if n, err := strconv.Atoi(x.Start.Val); err == nil {
			l.start = n
		}
	}
	if x.NumFmt != nil {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	} else {
		l.text = "%" + strconv.Itoa(x.Ilvl+1) + "."
	}
	if x.IsLgl != nil && x.IsLgl.Val != "0" && x.IsLgl.Val != "false" {
		l.legal = true
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.Val
	}
	return l
}

func (r *docxReader) loadNumbering(b []byte) error {
	var x xNumbering
	if err := xml.Unmarshal(b, &x); err != nil {
		return err
	}
	r.abstract = map[string]map[int]*numLevel{}
	r.nums = map[string]*numInstance{}
	for _, a := range x.Abstract {
		levels := map[int]*numLevel{}
		for _, l := range a.Lvls {
			if l.Ilvl >= 0 && l.Ilvl < 9 {
				levels[l.Ilvl] = toLevel(l)
			}
		}
		r.abstract[a.ID] = levels
	}
	for _, n := range x.Nums {
		inst := &numInstance{abstract: n.Abstract.Val, starts: map[int]int{}, levels: map[int]*numLevel{}}
		for _, o := range n.Overrides {
			if o.Ilvl < 0 || o.Ilvl >= 9 {
				continue
			}
			if o.Start != nil {
				if v, err := strconv.Atoi(o.Start.Val); err == nil {
					inst.starts[o.Ilvl] = v
				}
			}
			if o.Lvl != nil {
				l := *o.Lvl
				l.Ilvl = o.Ilvl
				inst.levels[o.Ilvl] = toLevel(l)
			}
		}
		r.nums[n.ID] = inst
	}
	return nil
}

func (r *docxReader) loadStyles(b []byte) error {
	var x xStyles
	if err := xml.Unmarshal(b, &x); err != nil {
		return err
	}
	r.styles = map[string]*docxStyle{}
	for _, s := range x.Styles {
		st := &docxStyle{}
		if s.BasedOn != nil {
			st.basedOn = s.BasedOn.Val
		}
		if s.PPr != nil && s.PPr.NumPr != nil {
			if s.PPr.NumPr.NumID != nil {
				st.numID = s.PPr.NumPr.NumID.Val
			}
			if s.PPr.NumPr.Ilvl != nil {
				if v, err := strconv.Atoi(s.PPr.NumPr.Ilvl.Val); err == nil {
					st.ilvl, st.hasIlvl = v, true
				}
			}
		}
		r.styles[s.ID] = st
	}
	return nil
}

// level returns the definition of one level of a numbering instance.
func (r *docxReader) level(numID string, ilvl int) *numLevel {
	inst := r.nums[numID]
	if inst == nil {
		return nil
	}
	if l := inst.levels[ilvl]; l != nil {
		return l
	}
	return r.abstract[inst.abstract][ilvl]
}

// styleNumbering finds the numbering a paragraph style gives, following
// basedOn (at most a few steps: a loop of styles must not hang us).
func (r *docxReader) styleNumbering(style string) (numID string, ilvl int, ok bool) {
	for i := 0; i < 16 && style != ""; i++ {
		st := r.styles[style]
		if st == nil {
			return "", 0, false
		}
		if st.numID != "" {
			ilvl = st.ilvl
			if !st.hasIlvl {
				// The level that names this style, if any.
				if inst := r.nums[st.numID]; inst != nil {
					for lv, l := range r.abstract[inst.abstract] {
						if l.pStyle == style {
							ilvl = lv
						}
					}
				}
			}
			return st.numID, ilvl, true
		}
		style = st.basedOn
	}
	return "", 0, false
}

// label advances the counter of a numbered paragraph and returns the
// label Word shows in front of it.
func (r *docxReader) label(numID string, ilvl int) string {
	if numID == "" || numID == "0" || ilvl < 0 || ilvl >= 9 {
		return ""
	}
	lvl := r.level(numID, ilvl)
	if lvl == nil {
		return ""
	}
	c := r.counters[numID]
	if c == nil {
		c = &[9]int{}
		r.counters[numID] = c
	}
	if c[ilvl] == 0 {
		c[ilvl] = r.start(numID, ilvl)
	} else {
		c[ilvl]++
	}
	for k := ilvl + 1; k < 9; k++ {
		c[k] = 0
	}
	switch lvl.format {
	case "bullet":
		return "•"
	case "none":
		if !strings.Contains(lvl.text, "%") {
			return strings.TrimSpace(lvl.text)
		}
		return ""
	}
	var b strings.Builder
	t := lvl.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			n := c[k]
			if n == 0 {
				n = r.start(numID, k)
			}
			f := "decimal"
			if l := r.level(numID, k); l != nil && !lvl.legal {
				f = l.format
			}
			b.WriteString(formatNumber(n, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

func (r *docxReader) start(numID string, ilvl int) int {
	if inst := r.nums[numID]; inst != nil {
		if s, ok := inst.starts[ilvl]; ok {
			return s
		}
	}
	if l := r.level(numID, ilvl); l != nil {
		return l.start
	}
	return 1
}

// formatNumber writes n as a Word number format shows it.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter":
		return letters(n, 'a')
	case "upperLetter":
		return letters(n, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "ordinal":
		return strconv.Itoa(n) + ordinalSuffix(n)
	case "none":
		return ""
	}
	return strconv.Itoa(n)
}

// letters writes 1 → a, 26 → z, 27 → aa, 28 → bb, as Word does.
func letters(n int, base byte) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	ch := base + byte((n-1)%26)
	return strings.Repeat(string(ch), (n-1)/26+1)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// docxSkip are elements whose content is not body text.
var docxSkip = map[string]bool{
	"drawing": true, "pict": true, "object": true, "instrText": true, "delText": true,
	"del": true, "moveFrom": true, "Fallback": true, "footnoteReference": true,
	"endnoteReference": true, "commentReference": true, "tblPr": true, "tcPr": true,
	"trPr": true, "sectPr": true, "rPrChange": true, "pPrChange": true,
}

// parse reads document.xml as a stream of tokens: memory grows with the
// text, not with the XML.
func (r *docxReader) parse(src io.Reader) ([]block, error) {
	d := xml.NewDecoder(src)
	type container struct {
		blocks []block     // body or cell
		rows   [][][]block // table
		row    [][]block   // row
		kind   byte        // 'b' body, 't' table, 'r' row, 'c' cell
	}
	stack := []*container{{kind: 'b'}}
	top := func() *container { return stack[len(stack)-1] }
	var (
		names  []string // open elements (local names)
		para   strings.Builder
		inPara bool
		inText bool
		hidden bool
		// symbolFont is the fontKind of the run being read.
		symbolFont string
		pStyle     string
		numID      string
		ilvl       int
		hasNum     bool
		textSize   int
		tokens     int
	)
	parent := func(k int) string {
		if len(names) > k {
			return names[len(names)-1-k]
		}
		return ""
	}
	addBlock := func(b block) {
		c := top()
		switch c.kind {
		case 'b', 'c':
			c.blocks = append(c.blocks, b)
		case 'r':
			// Text directly in a row (malformed): give it a cell.
			c.row = append(c.row, []block{b})
		case 't':
			c.rows = append(c.rows, [][]block{{b}})
		}
	}
	for {
		tokens++
		if tokens&1023 == 0 {
			if err := r.ctx.Err(); err != nil {
				return nil, err
			}
		}
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if docxSkip[local] {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				continue
			}
			if len(names) > 512 {
				return nil, fail(r.name, ErrDamaged, "its XML is nested too deeply for a document", nil)
			}
			switch local {
			case "p":
				para.Reset()
				inPara, pStyle, numID, ilvl, hasNum = true, "", "", 0, false
			case "pStyle":
				if parent(0) == "pPr" {
					pStyle = attr(t, "val")
				}
			case "numId":
				if parent(0) == "numPr" {
					numID, hasNum = attr(t, "val"), true
				}
			case "ilvl":
				if parent(0) == "numPr" {
					ilvl, _ = strconv.Atoi(attr(t, "val"))
				}
			case "t":
				inText = parent(0) == "r"
			case "tab":
				if parent(0) == "r" && !hidden {
					para.WriteByte('\t')
				}
			case "br", "cr":
				if parent(0) == "r" && !hidden {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				if parent(0) == "r" && !hidden {
					para.WriteByte('-')
				}
			case "sym":
				if parent(0) == "r" && !hidden {
					para.WriteString(symbolChar(attr(t, "char")))
				}
			case "rFonts":
				if parent(0) == "rPr" && parent(1) == "r" {
					symbolFont = fontKind(attr(t, "ascii"))
				}
			case "vanish", "specVanish":
				if parent(0) == "rPr" && parent(1) == "r" {
					v := attr(t, "val")
					hidden = v != "0" && v != "false" && v != "off"
				}
			case "tbl":
				stack = append(stack, &container{kind: 't'})
			case "tr":
				stack = append(stack, &container{kind: 'r'})
			case "tc":
				stack = append(stack, &container{kind: 'c'})
			}
			names = append(names, local)
		case xml.EndElement:
			local := t.Name.Local
			if len(names) > 0 {
				names = names[:len(names)-1]
			}
			switch local {
			case "t":
				inText = false
			case "r":
				hidden, symbolFont = false, ""
			case "p":
				if !inPara {
					continue
				}
				inPara = false
				text := para.String()
				label := ""
				if hasNum {
					label = r.label(numID, ilvl)
				} else if id, lv, ok := r.styleNumbering(pStyle); ok {
					label = r.label(id, lv)
				}
				if label != "" && strings.TrimSpace(text) != "" {
					text = label + " " + strings.TrimLeft(text, " \t")
				}
				textSize += len(text)
				if int64(textSize) > r.lim.MaxTextBytes {
					return nil, fail(r.name, ErrTooLarge, fmt.Sprintf("it holds more than %s of text", formatBytes(r.lim.MaxTextBytes)), nil)
				}
				addBlock(block{text: text})
			case "tc":
				if c := top(); c.kind == 'c' && len(stack) > 1 {
					stack = stack[:len(stack)-1]
					if p := top(); p.kind == 'r' {
						p.row = append(p.row, c.blocks)
					}
				}
			case "tr":
				if c := top(); c.kind == 'r' && len(stack) > 1 {
					stack = stack[:len(stack)-1]
					if p := top(); p.kind == 't' {
						p.rows = append(p.rows, c.row)
					}
				}
			case "tbl":
				if c := top(); c.kind == 't' && len(stack) > 1 {
					stack = stack[:len(stack)-1]
					if c.rows == nil {
						c.rows = [][][]block{}
					}
					addBlock(block{rows: c.rows})
				}
			}
		case xml.CharData:
			if inText && inPara && !hidden {
				// A bullet typed or pasted in front of a paragraph in a
				// symbol font ("·" in Symbol, "§" in Wingdings, "o" in
				// Courier New) is a bullet.
				if c := strings.TrimSpace(string(t)); symbolFont != "" && utf8.RuneCountInString(c) == 1 && (symbolFont == "symbol" || c == "o") && strings.TrimSpace(para.String()) == "" {
					para.WriteString("•")
					continue
				}
				para.Write(t)
			}
		}
	}
	// Close whatever a truncated document left open.
	for len(stack) > 1 {
		c := top()
		stack = stack[:len(stack)-1]
		switch c.kind {
		case 'c':
			if p := top(); p.kind == 'r' {
				p.row = append(p.row, c.blocks)
			}
		case 'r':
			if p := top(); p.kind == 't' {
				p.rows = append(p.rows, c.row)
			}
		case 't':
			if c.rows == nil {
				c.rows = [][][]block{}
			}
			addBlock(block{rows: c.rows})
		}
	}
	return stack[0].blocks, nil
}

// fontKind tells the fonts whose characters stand for bullets: "symbol"
// (Symbol, Wingdings, Webdings), "courier" (Courier New, whose "o" is a
// second-level bullet), or "".
func fontKind(name string) string {
	switch n := strings.ToLower(name); {
	case n == "symbol" || strings.HasPrefix(n, "wingdings") || n == "webdings":
		return "symbol"
	case n == "courier new":
		return "courier"
	}
	return ""
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// symbolChar maps a w:sym character (hex, often in the Symbol or
// Wingdings private-use range) to text: bullets become "•".
func symbolChar(hex string) string {
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return ""
	}
	r := rune(v)
	if r >= 0xf000 && r <= 0xf0ff {
		r -= 0xf000
		switch r {
		case 0xb7, 0xa7, 0xfc, 0x6c, 0x6e, 0x71, 0x76, 0xd8:
			return "•"
		}
	}
	if r < 0x20 {
		return ""
	}
	return string(r)
}
