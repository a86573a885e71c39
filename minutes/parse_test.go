package minutes

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHarrowSample pins the bundled real sample: Harrow's Overview and
// Scrutiny Committee, 14 December 2021 (issue 2 lists what a clerk expects).
func TestHarrowSample(t *testing.T) {
	m, err := parseFile(t, "../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		t.Fatal(err)
	}
	if m.Committee != "Overview and Scrutiny Committee" || m.Date.String() != "2021-12-14" || m.Attendance.Chair != "Sachin Shah" {
		t.Errorf("header: %q %s chair %q", m.Committee, m.Date, m.Attendance.Chair)
	}
	if m.Start != "18:30" || m.End != "20:42" {
		t.Errorf("times %s–%s, want 18:30–20:42", m.Start, m.End)
	}
	// The chair is a member present too, listed first.
	if len(m.Attendance.Present) != 9 || m.Attendance.Present[0] != "Sachin Shah" || !contains(m.Attendance.Present, "Sasi Suresh") {
		t.Errorf("present: %q", m.Attendance.Present)
	}
	if !contains(m.Attendance.Apologies, "Ajay Maru") || len(m.Attendance.Substitutes) != 1 || m.Attendance.Substitutes[0] != (Substitution{"Ajay Maru", "Sasi Suresh"}) {
		t.Errorf("apologies %q substitutes %v", m.Attendance.Apologies, m.Attendance.Substitutes)
	}
	if got := m.Attendance.InAttendance; len(got) != 2 || got[0] != "Peymana Assad" || got[1] != "Kairul Kareema Marikar" {
		t.Errorf("in attendance: %q", got)
	}
	wantItems := []struct {
		num, title            string
		res, actions, follows int
	}{
		{"180", "Scrutiny Lead Member for Health", 1, 0, 0},
		{"181", "Attendance by Reserve Members", 1, 0, 0},
		{"182", "Declarations of Interest", 1, 0, 0},
		{"183", "Minutes", 1, 0, 0},
		{"184", "Public Questions", 1, 0, 0},
		{"185", "Petitions", 1, 0, 0},
		{"186", "References from Council/Cabinet", 0, 0, 0},
		{"187", "Overview and Scrutiny Committee - Reports", 0, 0, 0},
		{"188", "Council's approach to Enforcement: Licensing and Enforcement Update", 2, 2, 1},
		{"189", "Community Safety Strategic Assessment 2021", 1, 3, 2},
		{"190", "Date of Next Meeting", 0, 0, 0},
	}
	if len(m.Items) != len(wantItems) {
		t.Fatalf("%d items: %s", len(m.Items), itemList(m))
	}
	for i, w := range wantItems {
		it := m.Items[i]
		if it.Number != w.num || it.Title != w.title || len(it.Resolutions) != w.res || len(it.Actions) != w.actions || len(it.FollowUps) != w.follows {
			t.Errorf("item %d = %s %q r%d a%d f%d, want %+v", i, it.Number, it.Title, len(it.Resolutions), len(it.Actions), len(it.FollowUps), w)
		}
	}
	r188 := m.Items[8].Resolutions
	if len(r188) == 2 && (strings.Contains(r188[1].Text, "189") || !strings.HasSuffix(r188[1].Text, "progress made.")) {
		t.Errorf("188 resolution runs on: %q", r188[1].Text)
	}
	if f := m.Items[8].FollowUps; len(f) == 1 && (f[0].Due.String() != "2022-06-30" || !f[0].Provisional || f[0].ID != "osc-2021-12-14-188-f1") {
		t.Errorf("188 follow-up: %+v", f[0])
	}
	if a := m.Items[9].Actions; len(a) == 3 && a[1].Owner != "Borough Commander" {
		t.Errorf("189 action owner: %q", a[1].Owner)
	}
	if m.NextMeeting.String() != "2022-01-11" {
		t.Errorf("next meeting %s", m.NextMeeting)
	}
	if d := m.Items[2].Declarations; len(d) != 1 || d[0].Member != "Kairul Kareema Marikar" || d[0].Items != "7/8" {
		t.Errorf("declarations: %+v", d)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestBadInput: nothing that is not minutes becomes a meeting, and
// nothing panics.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"spaces", []byte(" \n\n\t \n"), ErrEmpty},
		{"nul bytes", []byte("Minutes\x00\x00\x00 of the meeting"), ErrBinary},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrBinary},
		{"press release", []byte("Council to invest £2m in parks\n\nThe council announced today that it would invest in parks.\nA spokesperson said the plan was welcome.\n"), ErrNotMinutes},
		{"escape soup", []byte("\x1b]52;c;aGVsbG8=\x07\x1b[2J FAIL\rPASS \u202e"), ErrNotMinutes},
		{"too large", bytes.Repeat([]byte("a"), DefaultMaxBytes+1), ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseBytes(c.data, Options{Name: c.name})
			if !errors.Is(err, c.want) || m != nil {
				t.Errorf("got %v, %v; want %v", m != nil, err, c.want)
			}
			var re *RejectError
			if err != nil && (!errors.As(err, &re) || re.Reason == "") {
				t.Errorf("error %v gives no reason", err)
			}
		})
	}
}

// TestHostileTextIsSanitised: minutes carrying terminal escapes parse, and
// nothing in the meeting carries a control character.
func TestHostileTextIsSanitised(t *testing.T) {
	data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		t.Fatal(err)
	}
	evil := "\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://x\x07link\x1b]8;;\x07\x1b[2J\x1bP1;2q\x1b\\\u009b31m\u202eFAIL\rPASS\x07"
	data = bytes.Replace(data, []byte("Petitions"), []byte("Petitions"+evil), 1)
	data = bytes.Replace(data, []byte("RESOLVED: To note that no petitions"), []byte("RESOLVED: To note"+evil+" that no petitions"), 1)
	m, err := ParseBytes(data, Options{Name: "evil\x1b[31m.txt"})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := m.MarshalJSON()
	for _, r := range string(out) {
		if dropRune(r) && r != '\n' && r != '\t' {
			t.Fatalf("control character %U in output", r)
		}
	}
	if strings.ContainsRune(m.Source.Name, 0x1b) {
		t.Errorf("source name keeps an escape: %q", m.Source.Name)
	}
}

func TestSanitizeIdempotent(t *testing.T) {
	for _, s := range []string{"plain", "a\x1b[2Jb", "\u202eabc\u202c", "x\u009by", "FAIL\rPASS", "\xff\xfe bad utf8"} {
		once := Sanitize(s)
		if Sanitize(once) != once {
			t.Errorf("Sanitize not idempotent on %q", s)
		}
		for _, r := range once {
			if r < 0x20 && r != '\n' && r != '\t' {
				t.Errorf("%q keeps %U", s, r)
			}
		}
	}
}

func TestMojibakeAndCP1252(t *testing.T) {
	got, ok := repairMojibake("the Councilâ€™s report cost Â£5")
	if !ok || got != "the Council’s report cost £5" {
		t.Errorf("repair: %q", got)
	}
	text, legacy, err := decode([]byte("the Council\x92s report \x96 \xa35"))
	if err != nil || !legacy || text != "the Council’s report – £5" {
		t.Errorf("cp1252: %q %v %v", text, legacy, err)
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"Tuesday 14th December 2021": "2021-12-14",
		"14/12/2021":                 "2021-12-14",
		"14.12.21":                   "2021-12-14",
		"December 14, 2021":          "2021-12-14",
		"2 nd July 2019":             "2019-07-02",
		"12™ MAY 2015":               "2015-05-12",
		"2021-12-14":                 "2021-12-14",
	}
	for in, want := range cases {
		ds := findDates(in, false)
		if len(ds) != 1 || ds[0].Date.String() != want {
			t.Errorf("findDates(%q) = %v, want %s", in, ds, want)
		}
	}
	d := MakeDate(2021, 8, 31)
	if got := d.AddMonths(6).String(); got != "2022-02-28" {
		t.Errorf("AddMonths clamps: %s", got)
	}
	if got := MakeDate(2021, 12, 14).AddWorkingDays(10).String(); got != "2021-12-28" {
		t.Errorf("AddWorkingDays: %s", got)
	}
}

func TestIDsStable(t *testing.T) {
	a, err := parseFile(t, "../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := parseFile(t, "../sample-data/harrow-osc-2021-12-14.txt")
	ja, _ := a.MarshalJSON()
	jb, _ := b.MarshalJSON()
	if !bytes.Equal(ja, jb) {
		t.Error("two parses of the same bytes differ")
	}
	if got := a.Items[8].Resolutions[1].ID; got != "osc-2021-12-14-188-r2" {
		t.Errorf("ID %s", got)
	}
}

// FuzzParse: the parser never panics, never hangs, and what it returns is
// clean. Seeded from every test document.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"testdata/cases/*.txt", "../sample-data/*.txt", "../sample-data/fictional/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("180.\nRESOLVED: That\n189.\n(1)\nx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseBytes(data, Options{Name: "fuzz"})
		if err != nil {
			if m != nil {
				t.Fatal("meeting with error")
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		out, jerr := m.MarshalJSON()
		if jerr != nil {
			t.Fatal(jerr)
		}
		for _, r := range string(out) {
			if r < 0x20 && r != '\n' && r != '\t' {
				t.Fatalf("control character %U", r)
			}
		}
	})
}

func BenchmarkParseSample(b *testing.B) {
	data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseBytes(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSplit is the baseline: reading the same bytes and splitting
// them into lines. Parse's cost is reported against it.
func BenchmarkReadSplit(b *testing.B) {
	data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		n += len(strings.Split(string(data), "\n"))
	}
	_ = n
}

// TestDecisionPage: a ModernGov "Decision details" page is one decision of
// one body, with an ID of its own.
func TestDecisionPage(t *testing.T) {
	page := `Decision details
Library Opening Hours Review
Decision Maker: Cabinet
Decision status: Recommendations Approved
Decision:
a. That the revised opening hours be approved.
b. That a report on visitor numbers be submitted to Cabinet in six months' time.
Reasons for the decision:
To keep libraries open within budget.
Date of decision: 03/09/2024
`
	m, err := ParseBytes([]byte(page), Options{Name: "decision.htm"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Committee != "Cabinet" || m.Date.String() != "2024-09-03" || !m.Decision || len(m.Items) != 1 {
		t.Fatalf("got %q %s decision=%v items=%d", m.Committee, m.Date, m.Decision, len(m.Items))
	}
	it := m.Items[0]
	if it.Title != "Library Opening Hours Review" || len(it.Resolutions) != 2 || len(it.FollowUps) != 1 {
		t.Errorf("item %q r%d f%d", it.Title, len(it.Resolutions), len(it.FollowUps))
	}
	if !strings.HasPrefix(it.Resolutions[0].ID, "cabinet-2024-09-03-dlohr-") {
		t.Errorf("ID %s", it.Resolutions[0].ID)
	}
	if got := it.FollowUps[0].Due.String(); got != "2025-03-03" {
		t.Errorf("follow-up due %s", got)
	}
}

// TestSeedPressItemsRefused: the news items and social-media page minutebook
// was started from are not minutes and must be refused as such.
func TestSeedPressItemsRefused(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/00[0-3]_*.txt")
	if len(files) == 0 {
		t.Skip("no ../shared/seeds")
	}
	for _, p := range files {
		m, err := parseFile(t, p)
		if !errors.Is(err, ErrNotMinutes) || m != nil {
			t.Errorf("%s: got meeting=%v err=%v, want ErrNotMinutes", filepath.Base(p), m != nil, err)
		}
	}
}

func TestSanitizeEscapes(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"CSI whole", "a\x1b[2Jb\x1b[31mc", "abc"},
		{"OSC 52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"OSC 8 link", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"DCS", "a\x1bP1;2q#0\x1b\\b", "ab"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"bare CR", "FAIL\rPASS", "FAIL\nPASS"},
		{"bidi override", "abc\u202edef\u202c", "abcdef"},
		{"unterminated OSC", "a\x1b]0;no end", "a0;no end"},
		{"bell and NUL", "a\x07b\x00c", "abc"},
		{"form feed dropped", "a\fb", "ab"},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("%s: Sanitize(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	if got := SanitizeText("page1\fpage2"); got != "page1\fpage2" {
		t.Errorf("SanitizeText dropped the page break: %q", got)
	}
}

// FuzzSanitize: sanitising twice equals once, and what comes out holds no
// control character but newline and tab.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "a\x1b[2Jb", "\x1b]52;c;x\x07", "FAIL\rPASS", "\u202eabc", "\xff\xfe", "a\x1b]0;x\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if Sanitize(out) != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, Sanitize(out))
		}
		for _, r := range out {
			if dropRune(r) || r == '\r' || r == 0x1b {
				t.Fatalf("Sanitize(%q) keeps %U", s, r)
			}
		}
	})
}
