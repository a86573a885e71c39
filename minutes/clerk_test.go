package minutes_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/internal/clerkeval"
)

// The clerk scores: every testdata/clerk/**/NAME.clerk.json is what a careful
// clerk would list for one document (testdata/clerk/README.md); the parser
// is scored against it record by record.
const (
	clerkRoot   = "testdata/clerk"
	clerkScores = "testdata/clerk/SCORES.md"
	sharedRoot  = "../../shared"
	// clerkSlack is how far a set's overall may fall below its recorded
	// figure before the test fails.
	clerkSlack = 0.01
)

func init() {
	// The package's own tests (cases_test.go) define -update; define it
	// here only if they stop doing so.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite recorded test expectations")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestClerk scores the parser against every clerk file and prints a table
// per set. With -update it records the tables in testdata/clerk/SCORES.md;
// without, it fails when a set's overall falls more than clerkSlack below
// the recorded figure (over the documents recorded). CLERK_DIFF=substring
// prints every disagreement for the documents whose names contain it.
func TestClerk(t *testing.T) {
	docs, err := clerkeval.Discover(clerkRoot, sharedRoot)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no clerk files under " + clerkRoot)
	}
	sets := map[string][]clerkeval.Doc{}
	var order []string
	for _, d := range docs {
		if _, ok := sets[d.Set]; !ok {
			order = append(order, d.Set)
		}
		sets[d.Set] = append(sets[d.Set], d)
	}
	recorded, sections, err := readClerkScores(clerkScores)
	if err != nil {
		t.Fatal(err)
	}
	diff := os.Getenv("CLERK_DIFF")
	for _, set := range order {
		t.Run(strings.ReplaceAll(set, "/", "-"), func(t *testing.T) {
			table, ok := runClerkSet(t, set, sets[set], recorded[set], diff)
			if ok {
				sections[set] = table
			}
		})
	}
	if updating() {
		if err := writeClerkScores(clerkScores, sections); err != nil {
			t.Fatal(err)
		}
	}
}

// runClerkSet scores one set and returns its table, or false when the
// set's texts are not on this machine.
func runClerkSet(t *testing.T, set string, docs []clerkeval.Doc, recorded map[string]float64, diff string) (string, bool) {
	clerks := make([]*clerkeval.Clerk, len(docs))
	for i, d := range docs {
		c, err := clerkeval.Load(d.ClerkPath)
		if err != nil {
			t.Errorf("malformed clerk file: %v", err)
			continue
		}
		clerks[i] = c
	}
	if _, err := os.Stat(filepath.Dir(docs[0].TextPath)); err != nil {
		t.Skipf("no %s: the clerk files were checked, not scored", filepath.Dir(docs[0].TextPath))
		return "", false
	}
	var scored []clerkeval.Scored
	for i, d := range docs {
		if clerks[i] == nil {
			continue
		}
		data, err := os.ReadFile(d.TextPath)
		if err != nil {
			t.Errorf("%s: its text is missing: %v", d.ClerkPath, err)
			continue
		}
		m, perr := minutes.ParseBytes(data, minutes.Options{Name: filepath.Base(d.TextPath)})
		r := clerkeval.Score(clerks[i], m, perr)
		scored = append(scored, clerkeval.Scored{Name: d.Name, Report: r})
		if diff != "" && strings.Contains(d.Name, diff) {
			var b strings.Builder
			clerkeval.WriteDiff(&b, d.Name, &r)
			t.Log("\n" + b.String())
		}
	}
	var b bytes.Buffer
	clerkeval.WriteTable(&b, scored)
	t.Logf("%s\n%s", set, b.String())

	// Compare like with like: the mean over the documents that were
	// recorded and are still here, so that adding a clerk file does not
	// look like a regression.
	var now, then float64
	n := 0
	for _, s := range scored {
		if old, ok := recorded[s.Name]; ok {
			now += s.Report.Overall()
			then += old
			n++
		}
	}
	switch {
	case n == 0 && !updating():
		t.Logf("%s: no recorded scores yet; run with -update to record them", set)
	case n > 0:
		now, then = now/float64(n), then/float64(n)
		if now < then-clerkSlack && !updating() {
			t.Errorf("%s: overall %.3f over the %d recorded documents, down from %.3f (more than %.2f); find the regression with CLERK_DIFF=name, or rerun with -update if it is intended",
				set, now, n, then, clerkSlack)
		}
	}
	if n > 0 && n < len(scored) && !updating() {
		t.Logf("%s: %d documents have no recorded score; -update records them", set, len(scored)-n)
	}
	return b.String(), true
}

// readClerkScores reads the recorded per-document overalls, by set, and
// each set's section as written, from SCORES.md. A missing file is empty.
func readClerkScores(path string) (map[string]map[string]float64, map[string]string, error) {
	recorded := map[string]map[string]float64{}
	sections := map[string]string{}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return recorded, sections, nil
	}
	if err != nil {
		return nil, nil, err
	}
	set := ""
	var body strings.Builder
	flush := func() {
		if set != "" {
			sections[set] = strings.TrimSpace(body.String()) + "\n"
		}
		body.Reset()
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if s, ok := strings.CutPrefix(line, "## "); ok {
			flush()
			set = strings.TrimSpace(s)
			recorded[set] = map[string]float64{}
			continue
		}
		if set == "" {
			continue
		}
		body.WriteString(line + "\n")
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(line, "|") {
			continue
		}
		name := strings.TrimSpace(cells[1])
		if name == "document" || strings.HasPrefix(name, "---") || strings.HasPrefix(name, "**") {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(cells[2]), 64)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %q: %v", path, line, err)
		}
		recorded[set][name] = v
	}
	flush()
	return recorded, sections, sc.Err()
}

func writeClerkScores(path string, sections map[string]string) error {
	var sets []string
	for s := range sections {
		sets = append(sets, s)
	}
	sort.Strings(sets)
	var b strings.Builder
	b.WriteString("# Clerk scores\n\n")
	b.WriteString("The parser scored against the clerk files (README.md says how). Written by\n")
	b.WriteString("`go test ./minutes -run TestClerk -update`; the test fails when a set's overall\n")
	b.WriteString("falls more than 0.01 below the figures recorded here. P/R is precision/recall;\n")
	b.WriteString("\"–\" means nothing expected and nothing parsed (not scored); facts are the meeting\n")
	b.WriteString("facts right out of six.\n")
	for _, s := range sets {
		b.WriteString("\n## " + s + "\n\n")
		b.WriteString(strings.TrimSpace(sections[s]) + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
