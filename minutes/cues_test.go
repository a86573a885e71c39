package minutes

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The cue files under testdata/cues hold one short invented case a line: a
// sentence and the records a clerk would take from it (testdata/cues/README.md
// describes the format). TestCueFiles keeps them well formed; with -cues,
// TestCueReport says how the parser does on each file, case by case.

var (
	cuesReport = flag.Bool("cues", false, "report how the parser does on testdata/cues")
	cuesMisses = flag.Bool("cues.misses", false, "with -cues, log every case the parser gets wrong")
)

const cueDir = "testdata/cues"

// cueLineBreak joins the lines of a multi-line case.
const cueLineBreak = " ⏎ "

// cue is one case of a cue file.
type cue struct {
	pos      string // "b16-….txt:12"
	meeting  Date
	next     Date // zero when the file gives no next meeting
	context  string
	sentence string // as written, lines joined by cueLineBreak
	recs     []cueRec
}

// lines returns the case's text as the document lines it stands for.
func (c cue) lines() []string { return strings.Split(c.sentence, cueLineBreak) }

// cueRec is one expected record (or attendance list, or heading) of a case.
type cueRec struct {
	kind   string
	fields map[string]string // key → value; "-" is null
	names  []string          // attendance kinds
}

// cueFile is a parsed cue file.
type cueFile struct {
	name  string
	focus []string
	cues  []cue
}

var (
	cueRecordKinds     = []string{"resolution", "action", "followup"}
	cueAttendanceKinds = []string{"present", "chair", "apologies", "absent", "in_attendance"}
	cueContexts        = []string{"body", "attendance", "headings"}
	cueKeys            = map[string][]string{
		"resolution":    {"text"},
		"action":        {"owner", "due", "text"},
		"followup":      {"due", "due_meeting", "text"},
		"heading":       {"number", "title"},
		"present":       {"names"},
		"chair":         {"names"},
		"apologies":     {"names"},
		"absent":        {"names"},
		"in_attendance": {"names"},
		"none":          nil,
	}
)

// loadCueFile reads and checks one cue file; every problem is an error
// naming its line.
func loadCueFile(path string) (cueFile, []error) {
	f := cueFile{name: filepath.Base(path)}
	var errs []error
	fail := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", f.name, n, fmt.Sprintf(format, args...)))
	}
	fh, err := os.Open(path)
	if err != nil {
		return f, []error{err}
	}
	defer fh.Close()
	var meeting, next Date
	var context string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			key, val, ok := strings.Cut(strings.TrimSpace(line[1:]), ":")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			switch key {
			case "meeting", "next":
				d, err := ParseISODate(val)
				if err != nil {
					fail(n, "%s: %v", key, err)
				}
				if key == "meeting" {
					meeting = d
				} else {
					next = d
				}
			case "context":
				if !slices.Contains(cueContexts, val) {
					fail(n, "context %q: want one of %v", val, cueContexts)
				}
				context = val
			case "focus":
				for _, k := range strings.Split(val, ",") {
					k = strings.TrimSpace(k)
					if _, ok := cueKeys[k]; !ok || k == "none" {
						fail(n, "focus %q is not a kind", k)
					}
					f.focus = append(f.focus, k)
				}
			}
			continue
		}
		c, problems := parseCueLine(line)
		for _, p := range problems {
			fail(n, "%s", p)
		}
		c.pos = fmt.Sprintf("%s:%d", f.name, n)
		c.meeting, c.next, c.context = meeting, next, context
		if meeting.IsZero() {
			fail(n, "no '# meeting:' line before the first case")
		}
		if context == "" {
			fail(n, "no '# context:' line before the first case")
		}
		if !next.IsZero() && !meeting.IsZero() && !next.After(meeting) {
			fail(n, "next meeting %s is not after the meeting %s", next, meeting)
		}
		for _, r := range c.recs {
			if d := r.fields["due"]; d != "" && d != "-" {
				if due, err := ParseISODate(d); err == nil && due.Before(meeting) {
					fail(n, "due %s is before the meeting %s", d, meeting)
				}
			}
		}
		f.cues = append(f.cues, c)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", f.name, err))
	}
	if len(f.focus) == 0 {
		errs = append(errs, fmt.Errorf("%s: no '# focus:' line", f.name))
	}
	return f, errs
}

// parseCueLine splits "kind | fields | sentence" and checks each part.
func parseCueLine(line string) (cue, []string) {
	var c cue
	var problems []string
	kinds, rest, ok1 := strings.Cut(line, "|")
	fields, sentence, ok2 := strings.Cut(rest, "|")
	if !ok1 || !ok2 {
		return c, []string{"want 'kind | fields | sentence'"}
	}
	c.sentence = strings.TrimSpace(sentence)
	if c.sentence == "" {
		problems = append(problems, "empty sentence")
	}
	if strings.Contains(c.sentence, "\t") {
		problems = append(problems, "a tab in the sentence (write the spaces)")
	}
	if strings.Count(c.sentence, "⏎") != strings.Count(c.sentence, cueLineBreak) {
		problems = append(problems, "write line breaks as ' ⏎ ' with a space either side")
	}
	ks := splitTrim(kinds, "+")
	fs := splitTrim(fields, "+")
	if len(ks) != len(fs) {
		problems = append(problems, fmt.Sprintf("%d kinds but %d field sets", len(ks), len(fs)))
	}
	seen := map[string]bool{}
	for i, k := range ks {
		allowed, ok := cueKeys[k]
		if !ok {
			problems = append(problems, fmt.Sprintf("kind %q is not one of resolution, action, followup, heading, %s, none", k, strings.Join(cueAttendanceKinds, ", ")))
			continue
		}
		if k == "none" && len(ks) > 1 {
			problems = append(problems, "none cannot be combined with other kinds")
		}
		if slices.Contains(cueAttendanceKinds, k) {
			if seen[k] {
				problems = append(problems, fmt.Sprintf("%s given twice", k))
			}
			seen[k] = true
		}
		r := cueRec{kind: k, fields: map[string]string{}}
		if i < len(fs) {
			var p []string
			r, p = parseCueFields(r, fs[i], allowed)
			problems = append(problems, p...)
		}
		if slices.Contains(cueAttendanceKinds, k) && len(r.names) == 0 {
			problems = append(problems, k+" needs names=")
		}
		c.recs = append(c.recs, r)
	}
	return c, problems
}

// parseCueFields reads "key=value;key=value" (a segment with no "=" carries
// on the names list) into r.
func parseCueFields(r cueRec, s string, allowed []string) (cueRec, []string) {
	if s == "-" {
		return r, nil
	}
	var problems []string
	last := ""
	for _, seg := range splitTrim(s, ";") {
		key, val, ok := strings.Cut(seg, "=")
		if !ok {
			if last != "names" {
				problems = append(problems, fmt.Sprintf("%q is not key=value", seg))
				continue
			}
			r.names = append(r.names, seg)
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		last = key
		if !slices.Contains(allowed, key) {
			problems = append(problems, fmt.Sprintf("%s does not take %s=", r.kind, key))
			continue
		}
		if _, dup := r.fields[key]; dup || (key == "names" && len(r.names) > 0) {
			problems = append(problems, key+"= given twice")
		}
		if val == "" {
			problems = append(problems, key+"= is empty (write - for none)")
		}
		if key == "due" && val != "-" {
			if _, err := ParseISODate(val); err != nil {
				problems = append(problems, err.Error())
			}
		}
		if key == "names" {
			r.names = append(r.names, val)
			continue
		}
		r.fields[key] = val
	}
	return r, problems
}

func splitTrim(s, sep string) []string {
	parts := strings.Split(s, sep)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func loadCueFiles(t *testing.T) []cueFile {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(cueDir, "*.txt"))
	if len(paths) == 0 {
		t.Fatalf("no cue files in %s", cueDir)
	}
	var files []cueFile
	for _, p := range paths {
		f, errs := loadCueFile(p)
		for _, err := range errs {
			t.Error(err)
		}
		files = append(files, f)
	}
	return files
}

// TestCueFiles checks that every cue file is well formed, has enough
// positive and negative cases, repeats no sentence, and is listed in the
// README.
func TestCueFiles(t *testing.T) {
	files := loadCueFiles(t)
	readme, err := os.ReadFile(filepath.Join(cueDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	where := map[string]string{}
	for _, f := range files {
		if !strings.Contains(string(readme), "`"+f.name+"`") {
			t.Errorf("%s is not listed in %s/README.md", f.name, cueDir)
		}
		pos, none := 0, 0
		for _, c := range f.cues {
			for _, p := range cueNotInSentence(c) {
				t.Errorf("%s: %s", c.pos, p)
			}
			if prev, dup := where[c.sentence]; dup {
				t.Errorf("%s: the same sentence as %s", c.pos, prev)
			}
			where[c.sentence] = c.pos
			for _, r := range c.recs {
				if r.kind == "none" {
					none++
				}
			}
			if slices.ContainsFunc(c.recs, func(r cueRec) bool { return slices.Contains(f.focus, r.kind) }) {
				pos++
			}
		}
		if pos < 12 || none < 6 {
			t.Errorf("%s: %d positive and %d none cases; want at least 12 and 6", f.name, pos, none)
		}
	}
}

// cueNotInSentence lists the expected texts, owners, names and titles whose
// words the sentence does not have: an expectation must come from the case.
func cueNotInSentence(c cue) []string {
	flat := strings.ReplaceAll(c.sentence, "-"+cueLineBreak, "")
	flat = strings.ReplaceAll(flat, cueLineBreak, " ")
	collapse := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	sentence := collapse(flat)
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(sentence, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == ':' || r == '/' || r == '"' || r == '(' || r == ')' || r == '|' || r == '*'
	}) {
		words[strings.TrimRight(w, ".")] = true
	}
	hasWords := func(s string) bool {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return r == ' ' || r == ',' || r == ';' || r == ':' || r == '/' || r == '"' || r == '(' || r == ')'
		}) {
			if w = strings.TrimRight(w, "."); w != "" && w != "and" && !words[w] {
				return false
			}
		}
		return true
	}
	var bad []string
	for _, r := range c.recs {
		if t, ok := r.fields["text"]; ok && !strings.Contains(sentence, collapse(t)) {
			bad = append(bad, fmt.Sprintf("text=%q is not in the sentence", t))
		}
		if o := r.fields["owner"]; o != "" && o != "-" && !hasWords(o) {
			bad = append(bad, fmt.Sprintf("owner=%q is not in the sentence", o))
		}
		if t := r.fields["title"]; t != "" && !hasWords(t) {
			bad = append(bad, fmt.Sprintf("title=%q is not in the sentence", t))
		}
		for _, n := range r.names {
			if !hasWords(n) {
				bad = append(bad, fmt.Sprintf("name %q is not in the sentence", n))
			}
		}
	}
	return bad
}

// The document a case is put into. The fixed attendance and items are left
// out of the comparison.
var (
	cueFixedChair   = "Alma Ashdown"
	cueFixedPresent = []string{"Alma Ashdown", "Bernard Barlow", "Celia Crane"}
	cueFixedInAtt   = []string{"Dora Drew"}
)

// The fixed items of a headings case, left out of the comparison.
const (
	cueFixedFirst = "Welcome"
	cueFixedLast  = "Date of next meeting"
)

// cueSuccessor returns the item number after n as printed ("7" → "8",
// "45/24" → "46/24", "C/25/07" → "C/25/08", "4.0" → "5.0", "VII" → "VIII"),
// or "" for an unnumbered item or one it cannot count on from.
func cueSuccessor(n string) string {
	if n == "" || n == "-" {
		return ""
	}
	romans := []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"}
	if i := slices.Index(romans, n); i >= 0 && i+1 < len(romans) {
		return romans[i+1]
	}
	// The first run of digits counts ("4.0" → "5.0", "45/24" → "46/24"),
	// unless a later run is the item's own number within a prefix
	// ("C/25/07", "HWB 25/12", "16.4.12"): take the last run when the
	// number has letters or more than one separator.
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(n); {
		if n[i] < '0' || n[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(n) && n[j] >= '0' && n[j] <= '9' {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	if len(runs) == 0 {
		return ""
	}
	r := runs[0]
	if strings.ContainsFunc(n, func(c rune) bool { return c >= 'A' && c <= 'Z' }) || len(runs) > 2 {
		r = runs[len(runs)-1]
	}
	digits := n[r.start:r.end]
	v := 0
	for _, c := range digits {
		v = v*10 + int(c-'0')
	}
	next := fmt.Sprintf("%0*d", len(digits), v+1)
	return n[:r.start] + next + n[r.end:]
}

// cueDocument builds minutes around a case, as its context says.
func cueDocument(c cue) string {
	var b strings.Builder
	day := func(d Date) string {
		return fmt.Sprintf("%s %d %s %d", d.Time().Weekday(), d.Day, d.Month, d.Year)
	}
	b.WriteString("Fernhill Parish Council\n\n")
	fmt.Fprintf(&b, "Minutes of the meeting of Fernhill Parish Council held on %s at 7.30pm in the Village Hall.\n\n", day(c.meeting))
	if c.context == "attendance" {
		b.WriteString(strings.Join(c.lines(), "\n") + "\n\n")
	} else {
		b.WriteString("Present: Cllrs Alma Ashdown (Chair), Bernard Barlow, Celia Crane.\n")
		b.WriteString("In attendance: Dora Drew (Clerk).\n\n")
	}
	next := ""
	if !c.next.IsZero() {
		next = fmt.Sprintf("The next meeting will be held on %s at 7.30pm.", day(c.next))
	}
	switch c.context {
	case "headings":
		// Items are found as a run, so the case is followed by a fixed item
		// numbered after its last heading; a case with no heading sits in
		// the body of a fixed first item.
		last, any := "", false
		for _, r := range c.recs {
			if r.kind == "heading" {
				last, any = r.fields["number"], true
			}
		}
		if !any {
			b.WriteString("1. " + cueFixedFirst + "\nThe Chair welcomed everyone.\n")
			last = "1"
		}
		b.WriteString(strings.Join(c.lines(), "\n") + "\n\n")
		if n := cueSuccessor(last); n != "" {
			b.WriteString(n + ". ")
		}
		b.WriteString(cueFixedLast + "\n")
		if next == "" {
			next = "To be arranged."
		}
		b.WriteString(next + "\n")
	default:
		b.WriteString("1. Apologies for absence\nThere were none.\n\n")
		b.WriteString("2. Matters for decision\n")
		if c.context == "body" {
			b.WriteString(strings.Join(c.lines(), "\n") + "\n")
		} else {
			b.WriteString("The report was noted.\n")
		}
		b.WriteString("\n3. Date of next meeting\n")
		if next != "" {
			b.WriteString(next + "\n")
		} else {
			b.WriteString("To be arranged.\n")
		}
	}
	b.WriteString("\nThe meeting closed at 9.05pm.\n")
	return b.String()
}

// cueNorm is the comparison form of a name, owner or title.
func cueNorm(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, ".", " "))
	s = strings.TrimSuffix(strings.TrimSpace(s), ":")
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimPrefix(s, "the ")
}

func cueNormList(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n = cueNorm(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// checkCue compares the parse of a case with what it expects and returns
// what differs; nil means the parser got the case right.
func checkCue(c cue, m *Meeting, err error) []string {
	var miss []string
	if err != nil && !errors.Is(err, ErrNotMinutes) {
		return []string{"parse: " + err.Error()}
	}
	if m == nil {
		m = &Meeting{} // refused as not minutes: it found nothing
	}
	want := map[string][]cueRec{}
	for _, r := range c.recs {
		want[r.kind] = append(want[r.kind], r)
	}
	// Records, from every item.
	got := map[string][]Record{}
	for _, it := range m.Items {
		for _, r := range it.Records() {
			got[string(r.Kind)] = append(got[string(r.Kind)], r)
		}
	}
	for _, k := range cueRecordKinds {
		w, g := want[k], got[k]
		if len(w) != len(g) {
			texts := make([]string, len(g))
			for i, r := range g {
				texts[i] = fmt.Sprintf("%q", r.Text)
			}
			miss = append(miss, fmt.Sprintf("%d %s(s), want %d; got %s", len(g), k, len(w), strings.Join(texts, ", ")))
			continue
		}
		for i, r := range w {
			miss = append(miss, checkCueRecord(r, g[i])...)
		}
	}
	// Headings, when the case is the business of the minutes.
	if c.context == "headings" {
		w := want["heading"]
		items := slices.DeleteFunc(slices.Clone(m.Items), func(it Item) bool {
			t := cueNorm(it.Title)
			return t == cueNorm(cueFixedFirst) || t == cueNorm(cueFixedLast)
		})
		if len(w) != len(items) {
			titles := make([]string, len(items))
			for i, it := range items {
				titles[i] = fmt.Sprintf("%s %q", it.Number, it.Title)
			}
			miss = append(miss, fmt.Sprintf("%d heading(s), want %d; got %s", len(items), len(w), strings.Join(titles, ", ")))
		} else {
			for i, r := range w {
				it := items[i]
				num := r.fields["number"]
				if num == "-" {
					num = ""
				}
				if num != "" || r.fields["number"] == "-" {
					if gotNum := strings.TrimSuffix(it.Number, "."); gotNum != num {
						miss = append(miss, fmt.Sprintf("heading %d number %q, want %q", i+1, gotNum, num))
					}
				}
				if title, ok := r.fields["title"]; ok && cueNorm(it.Title) != cueNorm(title) {
					miss = append(miss, fmt.Sprintf("heading %d title %q, want %q", i+1, it.Title, title))
				}
			}
		}
	}
	// Attendance: the case's own names, besides the fixed ones of the
	// document around it.
	a := m.Attendance
	present := a.Present
	if a.Chair != "" {
		present = append([]string{a.Chair}, present...)
	}
	chair := []string{}
	if a.Chair != "" {
		chair = []string{a.Chair}
	}
	lists := map[string][]string{
		"present": present, "chair": chair, "apologies": a.Apologies,
		"absent": a.Absent, "in_attendance": a.InAttendance,
	}
	for _, k := range cueAttendanceKinds {
		var w []string
		for _, r := range want[k] {
			w = append(w, r.names...)
		}
		if c.context != "attendance" {
			switch k {
			case "present":
				w = append(w, cueFixedPresent...)
			case "chair":
				if len(w) == 0 {
					w = []string{cueFixedChair}
				}
			case "in_attendance":
				w = append(w, cueFixedInAtt...)
			}
		}
		if gw, gg := cueNormList(w), cueNormList(lists[k]); !slices.Equal(gw, gg) {
			miss = append(miss, fmt.Sprintf("%s %q, want %q", k, lists[k], w))
		}
	}
	return miss
}

func checkCueRecord(w cueRec, g Record) []string {
	var miss []string
	k := w.kind
	if owner, ok := w.fields["owner"]; ok {
		want := owner
		if want == "-" {
			want = ""
		}
		if cueNorm(g.Owner) != cueNorm(want) {
			miss = append(miss, fmt.Sprintf("%s owner %q, want %q", k, g.Owner, want))
		}
	}
	if due, ok := w.fields["due"]; ok {
		want := due
		if want == "-" {
			want = ""
		}
		if g.Due.String() != want {
			miss = append(miss, fmt.Sprintf("%s due %q, want %q", k, g.Due.String(), want))
		}
	}
	if dm, ok := w.fields["due_meeting"]; ok {
		gotDM := strings.ToLower(g.DueMeeting)
		if dm == "-" && gotDM != "" || dm != "-" && !strings.Contains(gotDM, strings.ToLower(dm)) {
			miss = append(miss, fmt.Sprintf("%s due_meeting %q, want %q", k, g.DueMeeting, dm))
		}
	}
	if text, ok := w.fields["text"]; ok {
		collapse := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
		if !strings.Contains(collapse(g.Text), collapse(text)) {
			miss = append(miss, fmt.Sprintf("%s text %q does not contain %q", k, g.Text, text))
		}
	}
	return miss
}

// TestCueReport parses every case in its document and reports, per file,
// how many cases the parser gets right. It is a measurement, not a gate:
// run it with -cues (and -cues.misses for every wrong case) and -v.
func TestCueReport(t *testing.T) {
	if !*cuesReport {
		t.Skip("run with -cues to report the parser's score on testdata/cues")
	}
	files := loadCueFiles(t)
	var right, total int
	for _, f := range files {
		var fr, fpos, fposRight int
		for _, c := range f.cues {
			m, err := ParseBytes([]byte(cueDocument(c)), Options{Name: c.pos})
			miss := checkCue(c, m, err)
			positive := slices.ContainsFunc(c.recs, func(r cueRec) bool { return slices.Contains(f.focus, r.kind) })
			if positive {
				fpos++
			}
			if len(miss) == 0 {
				fr++
				if positive {
					fposRight++
				}
			} else if *cuesMisses {
				t.Logf("MISS %s: %s\n    %s", c.pos, c.sentence, strings.Join(miss, "\n    "))
			}
		}
		t.Logf("%-38s %3d/%3d cases right (positive %2d/%2d, negative %2d/%2d)", f.name, fr, len(f.cues), fposRight, fpos, fr-fposRight, len(f.cues)-fpos)
		right += fr
		total += len(f.cues)
	}
	t.Logf("all cue files: %d/%d cases right (%.0f%%)", right, total, 100*float64(right)/float64(max(total, 1)))
}
