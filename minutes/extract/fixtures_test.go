package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

// twins are the fixtures in testdata/: each document and the text twin it
// must parse the same as.
var twins = []struct {
	doc, twin string
	format    extract.Format
}{
	{"wexcombe-osc-2024-03-12.docx", "wexcombe-osc-2024-03-12.txt", extract.FormatDOCX},
	{"wexcombe-osc-2024-03-12.pdf", "wexcombe-osc-2024-03-12.txt", extract.FormatPDF},
	{"marlbridge-licensing-2023-11-08.docx", "marlbridge-licensing-2023-11-08.txt", extract.FormatDOCX},
	{"marlbridge-licensing-2023-11-08.pdf", "marlbridge-licensing-2023-11-08.txt", extract.FormatPDF},
	{"src/marlbridge-licensing-2023-11-08.html", "marlbridge-licensing-2023-11-08.txt", extract.FormatHTML},
	{"ashvale-cabinet-2024-06-18.htm", "ashvale-cabinet-2024-06-18.txt", extract.FormatHTML},
}

// knownParserGaps are twins whose extracted text is right but which the
// parser does not yet read alike: PDF lines wrap where a paragraph did not.
var knownParserGaps = map[string]string{}

// TestTwinsParseAlike checks that each document's text parses to the same
// meeting as its text twin: the same items, records, IDs and texts.
func TestTwinsParseAlike(t *testing.T) {
	for _, tc := range twins {
		t.Run(tc.doc, func(t *testing.T) {
			res, err := extract.ReadFile(context.Background(), filepath.Join("testdata", tc.doc), extract.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != tc.format {
				t.Errorf("format %q, want %q", res.Format, tc.format)
			}
			twin, err := os.ReadFile(filepath.Join("testdata", tc.twin))
			if err != nil {
				t.Fatal(err)
			}
			want, err := minutes.ParseBytes(twin, minutes.Options{Name: tc.twin})
			if err != nil {
				t.Skipf("the parser does not read the twin yet: %v", err)
			}
			got, err := minutes.ParseBytes([]byte(res.Text), minutes.Options{Name: tc.twin})
			if err != nil {
				t.Fatalf("parse of extracted text: %v\n%s", err, res.Text)
			}
			if g, w := summary(got), summary(want); g != w {
				if gap, ok := knownParserGaps[tc.doc]; ok {
					t.Skipf("known parser gap (%s); remove it from knownParserGaps when the parser handles it\n--- got\n%s\n--- want\n%s", gap, g, w)
				}
				t.Errorf("extracted text parses differently from its twin\n--- got\n%s\n--- want\n%s\n--- text\n%s", g, w, res.Text)
			}
		})
	}
}

// summary is what must match between twins: the meeting's heading facts,
// and every item with its records' IDs and texts (white space collapsed).
func summary(m *minutes.Meeting) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s | %s | %s\n", m.Council, m.Committee, m.Date)
	for _, it := range m.Items {
		fmt.Fprintf(&b, "%s %s exempt=%v\n", it.Number, it.Title, it.Exempt)
		for _, r := range it.Records() {
			fmt.Fprintf(&b, "  %s %s owner=%q due=%s: %s\n", r.ID, r.Kind, r.Owner, r.Due, strings.Join(strings.Fields(r.Text), " "))
		}
	}
	return b.String()
}

// TestFixtureText checks the extracted text itself: minute numbers with
// their headings, list labels, table rows, order, page breaks.
func TestFixtureText(t *testing.T) {
	tests := []struct {
		file  string
		lines []string // must appear as whole lines, in this order
		pages int
	}{
		{"wexcombe-osc-2024-03-12.docx", []string{
			"41. Apologies for Absence and Substitutions",
			"(1) That the report be noted.",
			"(3) That the Committee’s thanks to the enforcement team be recorded.",
			"No. | Action | Owner | Due",
			"1 | Circulate ward breakdown of fly-tipping incidents | Head of Environmental Services | 9 April 2024",
			"3 | Report back on CCTV pilot costs | Head of Environmental Services | September 2024",
			"a) the review of public toilet provision;",
			"47. Date of Next Meeting",
		}, 0},
		{"wexcombe-osc-2024-03-12.pdf", []string{
			"41. Apologies for Absence and Substitutions",
			"(1) That the report be noted.",
			"No. | Action | Owner | Due",
			"1 | Circulate ward breakdown of fly-tipping incidents | Head of Environmental Services | 9 April 2024",
			"2 | Arrange site visit to Holloway Lane depot | Democratic Services Officer | 30 April 2024",
			"3 | Report back on CCTV pilot costs | Head of Environmental Services | September 2024",
			"a) the review of public toilet provision;",
			"47. Date of Next Meeting",
		}, 2},
		{"marlbridge-licensing-2023-11-08.pdf", []string{
			"12. Apologies for Absence",
			"14. Review of Hackney Carriage Fares",
			"a. the revised table of fares set out at Appendix A be approved with effect from 1",
			"15. Street Trading Consent – Market Square",
			"16. Exclusion of the Press and Public",
			"17. Private Hire Driver Licence – Case 23/041",
		}, 2},
		{"marlbridge-licensing-2023-11-08.docx", []string{
			"12. Apologies for Absence",
			"a. the revised table of fares set out at Appendix A be approved with effect from 1 January 2024;",
			"c. the fares be reviewed again in twelve months' time.",
			"17. Private Hire Driver Licence – Case 23/041",
		}, 0},
		{"ashvale-cabinet-2024-06-18.htm", []string{
			"Cabinet - Tuesday, 18th June, 2024 2.00 pm",
			"1. Apologies for Absence",
			"3. Highways Maintenance Programme 2024/25",
			"RESOLVED –",
			"1. That the Highways Maintenance Programme 2024/25 be approved.",
			"3. That a progress report be presented to Cabinet in six months' time.",
			"Decision | Decision maker | Date",
			"School transport policy | Cabinet Member for Education | September 2024",
			"The meeting ended at 3.15 pm.",
		}, 0},
		{"ashvale-decision-2024-06-18.htm", []string{
			"Decision details",
			"Decision:",
			"a. That the Highways Maintenance Programme 2024/25 be approved.",
			"To maintain the safety of the highway network – the Council’s statutory duty.",
		}, 0},
	}
	residue := []string{"Share this item", "pdf icon", "PDF 402 KB", "Additional documents", "Print this page", "Minutes:", "tracker", "Bins and recycling", "Accessibility", "Accompanying Documents"}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res, err := extract.ReadFile(context.Background(), filepath.Join("testdata", tc.file), extract.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(res.Text, "\n")
			at := 0
			for _, want := range tc.lines {
				found := false
				for at < len(lines) {
					l := strings.TrimPrefix(lines[at], "\f")
					at++
					if l == want {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("line %q missing or out of order in\n%s", want, res.Text)
					return
				}
			}
			for _, r := range residue {
				if strings.Contains(res.Text, r) {
					t.Errorf("residue %q left in\n%s", r, res.Text)
				}
			}
			if res.Pages != tc.pages {
				t.Errorf("pages = %d, want %d", res.Pages, tc.pages)
			}
			if tc.pages > 0 && strings.Count(res.Text, "\f") != tc.pages {
				t.Errorf("%d form feeds for %d pages", strings.Count(res.Text, "\f"), tc.pages)
			}
		})
	}
}
