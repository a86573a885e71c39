package extract

import (
	"context"
	"strings"
	"testing"
)

// cells builds a row of paragraph cells: "a\nb" is a cell of two
// paragraphs, "" an empty cell.
func cells(row ...string) []tableCell {
	out := make([]tableCell, len(row))
	for i, c := range row {
		if c != "" {
			out[i] = tableCell{lines: strings.Split(c, "\n")}
		}
	}
	return out
}

func TestWriteTableRows(t *testing.T) {
	tests := []struct {
		name string
		rows [][]tableCell
		want string
	}{
		{"action log: a row a line", [][]tableCell{
			cells("Ref", "Action", "Owner", "Due"),
			cells("A1", "Obtain three quotations for the bus shelter roof", "Town Clerk", "30 April 2024"),
			cells("A2", "Write to the highways authority", "", "19 April 2024"),
		}, "Ref | Action | Owner | Due\nA1 | Obtain three quotations for the bus shelter roof | Town Clerk | 30 April 2024\nA2 | Write to the highways authority |  | 19 April 2024\n"},
		{"a cell's names stay a list, sentences run on", [][]tableCell{
			cells("Members", "Officers", "Notes"),
			cells("Cllr Ann Vell\nCllr Bo Tamm (Chair)", "Mrs Kay Orme", "RESOLVED:\nThat the report be noted.\nAgreed –\nunanimously"),
		}, "Members | Officers | Notes\nCllr Ann Vell; Cllr Bo Tamm (Chair) | Mrs Kay Orme | RESOLVED: That the report be noted. Agreed – unanimously\n"},
		{"label table: a label heads its row, rows without one continue it", [][]tableCell{
			cells("Chair:", "Councillor Ivo Penn", "Cabinet Member for Adult Care"),
			cells("Board members:", "Councillor Mara Lusk", "Cabinet Member for Children"),
			cells("", "Bronwen Astley", "Healthwatch Kelderby"),
			cells("Apologies:", "Councillor Ann Vell", ""),
		}, "Chair: Councillor Ivo Penn | Cabinet Member for Adult Care\nBoard members: Councillor Mara Lusk | Cabinet Member for Children\nBronwen Astley | Healthwatch Kelderby\nApologies: Councillor Ann Vell\n"},
		{"two-cell label rows: the label, a space, the lines beside it", [][]tableCell{
			cells("Present:", "Cllr Wilf Ashdown (Chair)\nCllr Perpetua Lyle\nCllr Osman Reddy"),
			cells("Apologies:", "Cllr Hamish Quarry"),
		}, "Present: Cllr Wilf Ashdown (Chair)\nCllr Perpetua Lyle\nCllr Osman Reddy\nApologies: Cllr Hamish Quarry\n"},
		{"two-cell number rows", [][]tableCell{
			cells("204/GP", "Allotment charges"),
			cells("", "RESOLVED to hold the charges at current levels."),
			cells("12.", "Apologies\nApologies were received from Cllr Dunn."),
		}, "204/GP Allotment charges\nRESOLVED to hold the charges at current levels.\n12. Apologies\nApologies were received from Cllr Dunn.\n"},
		{"side headings", [][]tableCell{
			cells("Apologies for Absence", "Apologies were received from Councillors Dunn and Marsh, who were both away on council business."),
			cells("Mr J Smith", "Chair"),
		}, "Apologies for Absence\nApologies were received from Councillors Dunn and Marsh, who were both away on council business.\nMr J Smith | Chair\n"},
		{"a grid of names is a data table", [][]tableCell{
			cells("Cllr Jo Amis (Chair)", "Cllr Sunniva Lark"),
			cells("Cllr Ben Ode", "Cllr Ty Rowe"),
			cells("Cllr Fen Yates", ""),
		}, "Cllr Jo Amis (Chair) | Cllr Sunniva Lark\nCllr Ben Ode | Cllr Ty Rowe\nCllr Fen Yates\n"},
		{"layout table: minutes with an action-by column", [][]tableCell{
			cells("No.", "Minute", "Action by"),
			cells("24/41", "Apologies\nApologies were received from Cllr Marsh.", ""),
			cells("24/43", "Playing field\nThe Chair reported on the inspection, which found the zip wire seat worn and the pond fence in need of repair.\nClerk to order a replacement seat.", "Clerk\n31 May 2024"),
		}, "No. | Minute | Action by\n24/41 Apologies\nApologies were received from Cllr Marsh.\n24/43 Playing field\nThe Chair reported on the inspection, which found the zip wire seat worn and the pond fence in need of repair.\nClerk to order a replacement seat.\nClerk\n31 May 2024\n"},
		{"an action log whose actions have two paragraphs is not a layout table", [][]tableCell{
			cells("Ref", "Action", "Owner"),
			cells("A1", "Write to the highways authority\nCopy to ward members", "Clerk"),
			cells("A2", "Order the bins", "RFO"),
		}, "Ref | Action | Owner\nA1 | Write to the highways authority; Copy to ward members | Clerk\nA2 | Order the bins | RFO\n"},
		{"wrapped lines join, hyphens and slashes without a space", [][]tableCell{
			cells("Ref", "Action", "Minute"),
			{{lines: []string{"A1"}}, {lines: []string{"Circulate the ward", "breakdown of fly-", "tipping incidents"}, cont: []bool{false, true, true}}, {lines: []string{"AE/", "24/12"}, cont: []bool{false, true}}},
		}, "Ref | Action | Minute\nA1 | Circulate the ward breakdown of fly-tipping incidents | AE/24/12\n"},
		{"empty rows and trailing empty cells go", [][]tableCell{
			cells("", "", ""),
			cells("Decision", "Date", ""),
		}, "Decision | Date\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			writeTableRows(&b, tc.rows)
			if got := b.String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestNormaliseBullet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"· the falls service", "• the falls service"},
		{"\uf0b7 item", "• item"},
		{"\uf0a7\u00a0item", "• item"},
		{"• item", "• item"},
		{"·5 metres", "·5 metres"},
		{"·", "·"},
		{"o item", "o item"}, // left to the parser: "o" is also a word
		{"Item · two", "Item · two"},
	}
	for _, tc := range tests {
		if got := normaliseBullet(tc.in); got != tc.want {
			t.Errorf("normaliseBullet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDOCXSymbolBullets: a bullet typed or pasted before a paragraph in a
// symbol font is a bullet; the same characters in a text font are text.
func TestDOCXSymbolBullets(t *testing.T) {
	run := func(font, text string) string {
		rpr := ""
		if font != "" {
			rpr = `<w:rPr><w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `"/></w:rPr>`
		}
		return `<w:r>` + rpr + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	para := func(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
	tab := `<w:r><w:tab/></w:r>`
	body := para(run("Symbol", "·"), tab, run("", "carers need breaks;")) +
		para(run("Courier New", "o"), tab, run("", "young carers among them;")) +
		para(run("Wingdings", "§"), tab, run("", "often found late;")) +
		para(run("Courier New", "x"), run("", " marks the spot")) +
		para(run("", "o"), tab, run("", "an o in a text font"))
	res, err := Text(context.Background(), "f.docx", docxWith(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "• carers need breaks;\n• young carers among them;\n• often found late;\nx marks the spot\no an o in a text font\n"
	if res.Text != want {
		t.Errorf("got\n%q\nwant\n%q", res.Text, want)
	}
}
