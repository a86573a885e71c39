package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

var ctx = context.Background()

func loadLog(t *testing.T, q LogQuery) *ActionLog {
	t.Helper()
	l, err := LoadActionLog(ctx, newFakeLibrary(), q)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func oscQuery(includeExempt bool) LogQuery {
	return LogQuery{RecordQuery: index.RecordQuery{AsOf: d("2022-06-01"), Committee: osc, IncludeExempt: includeExempt}}
}

func TestRAG(t *testing.T) {
	tests := []struct {
		name   string
		kind   minutes.Kind
		status index.Status
		flag   index.Flag
		want   string
	}{
		{"done", minutes.KindAction, index.StatusDone, index.FlagDone, Green},
		{"dropped", minutes.KindAction, index.StatusDropped, index.FlagDone, Green},
		{"returned follow-up", minutes.KindFollowUp, index.StatusOpen, index.FlagReturned, Green},
		{"overdue, not started", minutes.KindAction, index.StatusOpen, index.FlagOverdue, Red},
		{"overdue, in progress", minutes.KindAction, index.StatusInProgress, index.FlagOverdue, Red},
		{"slipped follow-up", minutes.KindFollowUp, index.StatusOpen, index.FlagSlipped, Red},
		{"in progress, not yet due", minutes.KindAction, index.StatusInProgress, index.FlagUpcoming, Amber},
		{"due at next meeting", minutes.KindFollowUp, index.StatusOpen, index.FlagDueNext, Amber},
		{"due soon", minutes.KindAction, index.StatusOpen, index.FlagDueSoon, Amber},
		{"undated", minutes.KindAction, index.StatusOpen, index.FlagUndated, Amber},
		{"resolution", minutes.KindResolution, "", index.FlagResolution, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RAG(index.Record{Kind: tt.kind, Status: tt.status, Flag: tt.flag})
			if got != tt.want {
				t.Errorf("RAG = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestActionLogGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		q    LogQuery
	}{
		{"osc", oscQuery(false)},
		{"osc-exempt", oscQuery(true)},
		{"all", LogQuery{RecordQuery: index.RecordQuery{AsOf: d("2023-03-01")}}},
	} {
		l := loadLog(t, tt.q)
		for _, f := range []Format{FormatCSV, FormatJSON, FormatMarkdown} {
			var buf bytes.Buffer
			if err := l.Write(&buf, f); err != nil {
				t.Fatal(err)
			}
			golden(t, "log-"+tt.name+"."+string(f), buf.Bytes())
		}
	}
}

func TestActionLogExempt(t *testing.T) {
	const exempt = "osc-2022-01-11-15-a1"
	for _, f := range []Format{FormatCSV, FormatJSON, FormatMarkdown} {
		var buf bytes.Buffer
		if err := loadLog(t, oscQuery(false)).Write(&buf, f); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), exempt) || strings.Contains(buf.String(), "Civic Centre") {
			t.Errorf("%s: exempt record exported without IncludeExempt", f)
		}
		buf.Reset()
		if err := loadLog(t, oscQuery(true)).Write(&buf, f); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), exempt) || !strings.Contains(buf.String(), "EXEMPT") && f != FormatJSON {
			t.Errorf("%s: exempt record missing or not marked EXEMPT with IncludeExempt", f)
		}
	}
	// A library that returns exempt records anyway is not trusted.
	l := NewActionLog([]index.Record{{ID: exempt, Kind: minutes.KindAction, Exempt: true}}, index.RecordQuery{})
	if len(l.Rows) != 0 {
		t.Errorf("NewActionLog kept an exempt record: %+v", l.Rows)
	}
}

func TestCSVFormulaInjection(t *testing.T) {
	l := loadLog(t, LogQuery{RecordQuery: index.RecordQuery{AsOf: d("2023-03-01")}})
	var buf bytes.Buffer
	if err := l.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "\r\n") {
		t.Error("CSV does not end in CRLF")
	}
	r := csv.NewReader(&buf)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, row := range rows[1:] {
		text[row[0]] = row[6]
	}
	for id, want := range map[string]string{
		"osc-2021-12-14-189-a1": `'=HYPERLINK("http://x","y")`,
		"rpsp-2023-02-07-5-a1":  "'+44 helpline number to be added to the flooding leaflet",
		"rpsp-2023-02-07-6-f1":  "'@NorthmereCouncil social media campaign on riverside litter to be reported back to the Panel at its next meeting",
		"rpsp-2023-02-07-7-a1":  "'-\tlist of faulty lamp columns, by street, to be sent to ward councillors\nwithin 10 working days",
		"rpsp-2023-02-07-7-a2":  "'\tOfficers to confirm the LED replacement timetable",
	} {
		if got := text[id]; got != want {
			t.Errorf("%s: CSV cell = %q, want %q", id, got, want)
		}
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts with a formula character", cell)
			}
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"a=b", "a=b"}, {"'quoted", "'quoted"},
	} {
		if got := CSVSafe(tt.in); got != tt.want {
			t.Errorf("CSVSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestActionLogFilters(t *testing.T) {
	q := oscQuery(false)
	q.RAG = []string{Red}
	for _, r := range loadLog(t, q).Rows {
		if r.RAG != Red {
			t.Errorf("%s: RAG %s in a red-only log", r.ID, r.RAG)
		}
	}
	q = oscQuery(false)
	q.Flags = []index.Flag{index.FlagSlipped}
	rows := loadLog(t, q).Rows
	if len(rows) != 1 || rows[0].ID != "osc-2021-12-14-189-f1" {
		t.Errorf("slipped filter: got %v", ids(rows))
	}
}

func TestActionLogUpdateDateFromHistory(t *testing.T) {
	f := newFakeLibrary()
	for i := range f.Stored {
		if f.Stored[i].ID == "osc-2021-12-14-188-a1" {
			f.Stored[i].UpdatedAt = at("2022-05-30 08:00") // a later status change
		}
	}
	l, err := LoadActionLog(ctx, f, oscQuery(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range l.Rows {
		if r.ID == "osc-2021-12-14-188-a1" && r.UpdateDate != d("2022-02-03") {
			t.Errorf("update date = %s, want the note's date 2022-02-03", r.UpdateDate)
		}
	}
}

func TestActionLogJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := NewActionLog(nil, index.RecordQuery{}).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if recs, ok := v["records"].([]any); !ok || len(recs) != 0 {
		t.Errorf("records = %#v, want []", v["records"])
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"xlsx": FormatXLSX, ".XLSX": FormatXLSX, "excel": FormatXLSX, "csv": FormatCSV, "json": FormatJSON,
		"md": FormatMarkdown, "markdown": FormatMarkdown, "html": FormatHTML, "ics": FormatICS,
	} {
		if got, ok := ParseFormat(in); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := ParseFormat("pdf"); ok {
		t.Error("ParseFormat(pdf) accepted")
	}
}

func ids(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestActionLogFiltersCombine(t *testing.T) {
	q := oscQuery(false)
	q.Statuses = []index.Status{index.StatusDone}
	q.Flags = []index.Flag{index.FlagSlipped}
	got := strings.Join(ids(loadLog(t, q).Rows), " ")
	want := "osc-2021-09-14-160-a1 osc-2021-12-14-189-f1 osc-2022-03-08-35-a1"
	if got != want {
		t.Errorf("done or slipped: got %s, want %s", got, want)
	}
}

// A CSV file for a person starts with a byte-order mark, so Excel reads it
// as UTF-8; the bytes after it are the plain CSV, and other formats are
// untouched.
func TestWriteForFileMarksCSVAsUTF8(t *testing.T) {
	l := loadLog(t, LogQuery{RecordQuery: index.RecordQuery{AsOf: d("2023-03-01")}})
	for _, f := range []Format{FormatCSV, FormatJSON, FormatMarkdown} {
		var plain, file bytes.Buffer
		if err := l.Write(&plain, f); err != nil {
			t.Fatal(err)
		}
		if err := l.WriteForFile(&file, f); err != nil {
			t.Fatal(err)
		}
		want := plain.String()
		if f == FormatCSV {
			want = "\xef\xbb\xbf" + want
		}
		if file.String() != want {
			t.Errorf("%s: WriteForFile starts %q, want %q", f, first(file.String(), 12), first(want, 12))
		}
	}
}

func first(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
