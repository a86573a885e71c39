package extract

import (
	"strings"
	"testing"
)

// at is text drawn at x with its baseline at y (PDF points, y up), in a
// 10-point font whose characters are all 5 points wide.
type at struct {
	x, y float32
	text string
}

// page draws the texts in the order given, as a PDF writer would, and
// returns the characters PDFium would report.
func page(texts ...at) []glyph {
	var gs []glyph
	for _, t := range texts {
		x := t.x
		for _, r := range t.text {
			gs = append(gs, glyph{r: r, x0: x, x1: x + 5, y0: t.y - 2, y1: t.y + 8})
			x += 5
		}
	}
	return gs
}

// pageMono is page in a fixed-width font whose characters, spaces too, are
// 6 points wide and whose glyphs are 6 points high: a space is wider than
// most of the font's word gaps.
func pageMono(texts ...at) []glyph {
	var gs []glyph
	for _, t := range texts {
		x := t.x
		for _, r := range t.text {
			gs = append(gs, glyph{r: r, x0: x, x1: x + 6, y0: t.y, y1: t.y + 6})
			x += 6
		}
	}
	return gs
}

// spread draws words with a gap of gap points between them, as a
// justified line stretches its spaces.
func spread(x, y, gap float32, words ...string) []at {
	var out []at
	for _, w := range words {
		out = append(out, at{x, y, w})
		x += 5*float32(len(w)) + gap
	}
	return out
}

// spreadGaps is spread with a gap of its own after each word.
func spreadGaps(x, y float32, gaps []float32, words ...string) []at {
	var out []at
	for i, w := range words {
		out = append(out, at{x, y, w})
		x += 5 * float32(len(w))
		if i < len(gaps) {
			x += gaps[i]
		}
	}
	return out
}

func join(groups ...[]at) []at {
	var out []at
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func TestLayoutPage(t *testing.T) {
	tests := []struct {
		name  string
		texts []at
		want  string
	}{
		{
			// B26: the cells of a row are centred vertically, so a
			// row's lines sit at half-line offsets, and the top line
			// of the first row (the action's first line alone) comes
			// well below the header.
			"action log with centred, wrapped cells",
			[]at{
				{50, 700, "Ref"}, {100, 700, "Action"}, {300, 700, "Owner"}, {400, 700, "Due"},
				{50, 668, "A1"}, {100, 680, "Obtain three quotes"}, {100, 668, "for the shelter"}, {100, 656, "roof"},
				{300, 668, "Town Clerk"}, {400, 674, "30 April"}, {400, 662, "2024"},
				{50, 630, "A2"}, {100, 636, "Write to the highways"}, {100, 624, "authority"}, {300, 630, "Clerk"}, {400, 630, "Next meeting"},
				{50, 600, "RESOLVED: That the action log be noted."},
			},
			"Ref | Action | Owner | Due\n" +
				"A1 | Obtain three quotes for the shelter roof | Town Clerk | 30 April 2024\n" +
				"A2 | Write to the highways authority | Clerk | Next meeting\n" +
				"RESOLVED: That the action log be noted.\n",
		},
		{
			// B27: a label centred beside four lines of names is drawn
			// before them, and heads them.
			"label centred beside its lines",
			[]at{
				{50, 700, "Minutes of the meeting held on 9 April 2024 in the Hall."},
				{50, 668, "Present:"}, {150, 686, "Cllr Ann Vell (Chair)"}, {150, 674, "Cllr Bo Tamm"}, {150, 662, "Cllr Cy Ross"}, {150, 650, "Cllr Di Low"},
				{50, 632, "Apologies:"}, {150, 632, "Cllr Ed Hart"},
				{50, 610, "1. Apologies for absence"},
			},
			"Minutes of the meeting held on 9 April 2024 in the Hall.\n" +
				"Present: Cllr Ann Vell (Chair)\nCllr Bo Tamm\nCllr Cy Ross\nCllr Di Low\n" +
				"Apologies: Cllr Ed Hart\n" +
				"1. Apologies for absence\n",
		},
		{
			"label level with the middle of three lines",
			[]at{
				{50, 700, "In attendance:"}, {150, 712, "Mrs Kay Orme (Clerk)"}, {150, 700, "Mr Dario Fenn (Officer)"}, {150, 688, "Two members of the public"},
				{50, 670, "Apologies:"}, {150, 670, "Cllr Ed Hart"},
			},
			"In attendance: Mrs Kay Orme (Clerk)\nMr Dario Fenn (Officer)\nTwo members of the public\nApologies: Cllr Ed Hart\n",
		},
		{
			"a short paragraph after a table stays after it",
			[]at{
				{50, 700, "Ref"}, {100, 700, "Action"}, {300, 700, "Owner"},
				{50, 688, "A1"}, {100, 688, "Order the bins"}, {300, 688, "Clerk"},
				{50, 664, "Noted."},
				{50, 640, "Chair"},
			},
			"Ref | Action | Owner\nA1 | Order the bins | Clerk\nNoted.\nChair\n",
		},
		{
			"two-column grid of names",
			[]at{
				{50, 700, "Councillors present:"},
				{50, 680, "Cllr Jo Amis (Chair)"}, {300, 680, "Cllr Sunniva Lark"},
				{50, 668, "Cllr Ben Ode"}, {300, 668, "Cllr Ty Rowe"},
				{50, 640, "Also present: the Clerk and two members of the public."},
			},
			"Councillors present:\nCllr Jo Amis (Chair) | Cllr Sunniva Lark\nCllr Ben Ode | Cllr Ty Rowe\nAlso present: the Clerk and two members of the public.\n",
		},
		{
			// Stretched spaces on either side of the split threshold.
			"justified line with words run together and apart",
			join(
				spreadGaps(50, 700, []float32{7.5, 8.5, 7.5, 8.6, 7.6}, "RESOLVED:", "That", "notwithstanding", "representations,", "telecommunications", "works"),
				[]at{{50, 688, "be approved."}},
			),
			"RESOLVED: That notwithstanding representations, telecommunications works be approved.\n",
		},
		{
			"justified line of single words is not a table",
			join(
				spread(50, 700, 12, "RESOLVED:", "That", "the", "update", "be", "received"),
				[]at{{50, 688, "and noted."}},
			),
			"RESOLVED: That the update be received and noted.\n",
		},
		{
			// B28: a justified line whose stretched spaces split it.
			"justified line is not a table",
			join(
				spread(50, 700, 12, "RESOLVED:", "That", "notwithstanding", "representations,", "telecommunications"),
				[]at{{50, 688, "improvements remain desirable."}},
			),
			"RESOLVED: That notwithstanding representations, telecommunications improvements remain desirable.\n",
		},
		{
			// Minutes with hanging numbers, then a payments table whose
			// amounts are aligned right under a header aligned left.
			"table after hanging numbers, figures aligned right",
			[]at{
				{50, 700, "42."}, {120, 700, "Payments"},
				{120, 688, "The following payments were approved:"},
				{50, 670, "Payee"}, {200, 670, "Description"}, {380, 670, "Amount"},
				{50, 658, "Glenholm Institute"}, {200, 658, "Hall hire"}, {430, 658, "£60.00"},
				{50, 646, "Water company"}, {200, 646, "Allotment water"}, {425, 646, "£212.40"},
				{50, 620, "43. Planning applications"},
			},
			"42. Payments\nThe following payments were approved:\nPayee | Description | Amount\nGlenholm Institute | Hall hire | £60.00\nWater company | Allotment water | £212.40\n43. Planning applications\n",
		},
		{
			// The lines of a paragraph are joined as Word holds them;
			// short lines (a heading, names one a line, the end of a
			// paragraph), list items, labels and numbered minutes start
			// lines of their own, as does a line after a paragraph gap.
			"paragraphs",
			[]at{
				{50, 700, "MINUTES of a meeting of the Overview and Scrutiny Committee held in the"},
				{50, 688, "Council Chamber on Tuesday, 12 March 2024 at 6.30 pm."},
				{50, 670, "PRESENT:"}, {50, 658, "Councillor Helen Marsh (Chair)"}, {50, 646, "Councillor Omar Baig"},
				{50, 628, "41. Apologies"},
				{50, 616, "Apologies were received from Councillor Janet Pryor, who had sent her"},
				{50, 604, "regrets. The Committee noted the following points about the"},
				{50, 592, "(1) the report; and"},
				{50, 580, "(2) the appendix to the report, which the Committee asked to be shown"},
				{50, 568, "RESOLVED: That the report be noted and the appendix be published on"},
				{50, 556, "the website, with a summary in the Council newsletter of the summer."},
				{50, 530, "The meeting ended at 8.12 pm and the Chair thanked everyone present for"},
				{50, 500, "attending."},
			},
			"MINUTES of a meeting of the Overview and Scrutiny Committee held in the Council Chamber on Tuesday, 12 March 2024 at 6.30 pm.\n" +
				"PRESENT:\nCouncillor Helen Marsh (Chair)\nCouncillor Omar Baig\n41. Apologies\n" +
				"Apologies were received from Councillor Janet Pryor, who had sent her regrets. The Committee noted the following points about the\n" +
				"(1) the report; and\n(2) the appendix to the report, which the Committee asked to be shown\n" +
				"RESOLVED: That the report be noted and the appendix be published on the website, with a summary in the Council newsletter of the summer.\n" +
				"The meeting ended at 8.12 pm and the Chair thanked everyone present for\nattending.\n",
		},
		{
			"one label and its text with a wide gap stay one line",
			[]at{{50, 700, "41."}, {100, 700, "Apologies for Absence"}, {50, 688, "Apologies were received from Councillor Dunn, who was away."}},
			"41. Apologies for Absence\nApologies were received from Councillor Dunn, who was away.\n",
		},
		{
			"symbol-font bullets",
			[]at{{50, 700, "The Board noted that:"}, {60, 688, "\uf0b7"}, {80, 688, "carers need breaks;"}, {60, 676, "\uf0b7"}, {80, 676, "young carers are found late."}},
			"The Board noted that:\n• carers need breaks;\n• young carers are found late.\n",
		},
		{
			"a lone o or § before a wide gap is a bullet",
			[]at{{50, 700, "The Board noted that:"}, {68, 688, "o"}, {86, 688, "carers need breaks"}, {50, 660, "Next:"}, {68, 648, "§"}, {86, 648, "young carers are found late."}, {50, 630, "o and a word"}},
			"The Board noted that:\n• carers need breaks\nNext:\n• young carers are found late.\no and a word\n",
		},
		{
			// Minutes in a number | text table, the number centred
			// beside its heading and paragraphs.
			"numbers centred beside their minutes",
			[]at{
				{50, 676, "HWB/24/12"}, {150, 700, "Declarations of Interest"}, {150, 680, "Bronwen Astley declared an interest in item 14 as a"}, {150, 668, "trustee of the carers centre."}, {150, 648, "No other interests were declared."},
				{50, 612, "HWB/24/13"}, {150, 624, "Minutes"}, {150, 604, "RESOLVED: That the minutes be approved."},
				{50, 580, "The meeting ended at 3.35 pm."},
			},
			"HWB/24/12 Declarations of Interest\nBronwen Astley declared an interest in item 14 as a trustee of the carers centre.\nNo other interests were declared.\n" +
				"HWB/24/13 Minutes\nRESOLVED: That the minutes be approved.\n" +
				"The meeting ended at 3.35 pm.\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := layoutPage(page(tc.texts...)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestLayoutFixedWidth: a plain text printed in a fixed-width font keeps
// its words together (one typed space is a word space, however wide) and
// its columns apart (two or more spaces).
func TestLayoutFixedWidth(t *testing.T) {
	got := layoutPage(pageMono(
		at{50, 700, "Minutes of the meeting held in the Civic Centre"},
		at{50, 690, "Present:"},
		at{50, 680, "Councillor Elaine Tomlinson    Leader of the Council (Chair)"},
		at{50, 670, "Councillor Raj Mistry          Deputy Leader"},
		at{50, 650, "| Minute | Item | Action |"},
		at{50, 640, "| 24/03 | Police report | PCSO Lark |"},
	))
	want := "Minutes of the meeting held in the Civic Centre\nPresent:\n" +
		"Councillor Elaine Tomlinson | Leader of the Council (Chair)\nCouncillor Raj Mistry | Deputy Leader\n" +
		"| Minute | Item | Action |\n| 24/03 | Police report | PCSO Lark |\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestJoinPages: a table broken across a page break reads as one, its
// repeated header row dropped and its split row joined.
func TestJoinPages(t *testing.T) {
	p1 := layoutItems(page(
		at{50, 700, "Ref"}, at{100, 700, "Action"}, at{300, 700, "Owner"},
		at{50, 680, "A1"}, at{100, 680, "Order the bins"}, at{300, 680, "Clerk"},
		at{50, 660, "A2"}, at{100, 660, "Arrange a site meeting with"}, at{300, 660, "RFO"},
		at{250, 40, "Page 1"},
	))
	p2 := layoutItems(page(
		at{250, 780, "Amenities Committee"},
		at{50, 700, "Ref"}, at{100, 700, "Action"}, at{300, 700, "Owner"},
		at{100, 680, "the tree warden"},
		at{50, 660, "A3"}, at{100, 660, "Publish the rules"}, at{300, 660, "Cllr Lyle"},
	))
	joinPages(p1, p2)
	var b strings.Builder
	writeItems(&b, p1)
	b.WriteString("\f")
	writeItems(&b, p2)
	want := "Ref | Action | Owner\nA1 | Order the bins | Clerk\nA2 | Arrange a site meeting with the tree warden | RFO\nPage 1\n\fAmenities Committee\nA3 | Publish the rules | Cllr Lyle\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
