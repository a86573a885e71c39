package clerkeval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Totals adds up the Reports of a set of documents.
type Totals struct {
	Docs       int     // documents scored
	OverallSum float64 // sum of the documents' overalls
	Rejects    Tally   // expected rejects refused

	Items                                             Counts
	TitlesExact                                       int
	Resolutions, Actions, FollowUps                   Counts
	ResolutionsInItem, ActionsInItem, FollowUpsInItem int
	Present, InAttendance, Apologies, Absent, Chair   Counts
	Facts                                             Tally
	Owners, ActionDues, FollowUpDues                  Tally
}

// Add counts one document's report in.
func (t *Totals) Add(r *Report) {
	t.Docs++
	t.OverallSum += r.Overall()
	if r.Reject {
		t.Rejects.check(r.RejectRight)
		return
	}
	t.Items = t.Items.Add(r.Items)
	t.TitlesExact += r.TitlesExact
	t.Resolutions = t.Resolutions.Add(r.Resolutions)
	t.Actions = t.Actions.Add(r.Actions)
	t.FollowUps = t.FollowUps.Add(r.FollowUps)
	t.ResolutionsInItem += r.ResolutionsInItem
	t.ActionsInItem += r.ActionsInItem
	t.FollowUpsInItem += r.FollowUpsInItem
	t.Present = t.Present.Add(r.Present)
	t.InAttendance = t.InAttendance.Add(r.InAttendance)
	t.Apologies = t.Apologies.Add(r.Apologies)
	t.Absent = t.Absent.Add(r.Absent)
	t.Chair = t.Chair.Add(r.Chair)
	t.Facts = t.Facts.Add(r.FactTally())
	t.Owners = t.Owners.Add(r.Owners)
	t.ActionDues = t.ActionDues.Add(r.ActionDues)
	t.FollowUpDues = t.FollowUpDues.Add(r.FollowUpDues)
}

// Mean is the mean of the documents' overalls: the set's score.
func (t *Totals) Mean() float64 {
	if t.Docs == 0 {
		return 0
	}
	return t.OverallSum / float64(t.Docs)
}

// Attendance adds up the attendance lists.
func (t *Totals) Attendance() Counts {
	return t.Present.Add(t.InAttendance).Add(t.Apologies).Add(t.Absent).Add(t.Chair)
}

// Micro is the overall computed from the summed counts rather than
// averaged over documents.
func (t *Totals) Micro() float64 {
	return overall([]Counts{t.Items, t.Resolutions, t.Actions, t.FollowUps, t.Attendance()}, t.Facts)
}

// Scored is one document's report with its name, for a table.
type Scored struct {
	Name   string
	Report Report
}

func pr(c Counts) string {
	if c.Empty() {
		return "–"
	}
	return fmt.Sprintf("%.2f/%.2f", c.Precision(), c.Recall())
}

func rate(t Tally) string {
	if t.Total == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f (%d/%d)", t.Rate(), t.Right, t.Total)
}

// TableHeader is the header of the per-document table WriteTable writes.
const TableHeader = "| document | overall | items P/R | resolutions P/R | actions P/R | follow-ups P/R | attendance P/R | facts |\n" +
	"|---|---|---|---|---|---|---|---|\n"

// WriteTable writes the set's per-document table and its totals as
// Markdown: a row per document (overall to three places), a row of the
// set's micro-averaged counts, the mean of the documents' overalls, and the
// secondary figures (titles, records in the right item, owners, due
// dates, chair).
func WriteTable(w io.Writer, docs []Scored) Totals {
	var t Totals
	fmt.Fprint(w, TableHeader)
	for i := range docs {
		r := &docs[i].Report
		t.Add(r)
		if r.Reject {
			verdict := "refused"
			if !r.Refused {
				verdict = "NOT refused"
			}
			fmt.Fprintf(w, "| %s | %.3f | not minutes: %s | | | | | |\n", docs[i].Name, r.Overall(), verdict)
			continue
		}
		ft := r.FactTally()
		fmt.Fprintf(w, "| %s | %.3f | %s | %s | %s | %s | %s | %d/%d |\n", docs[i].Name, r.Overall(),
			pr(r.Items), pr(r.Resolutions), pr(r.Actions), pr(r.FollowUps), pr(r.Attendance()), ft.Right, ft.Total)
	}
	if t.Docs > t.Rejects.Total {
		fmt.Fprintf(w, "| **total (micro)** | %.3f | %s | %s | %s | %s | %s | %d/%d |\n", t.Micro(),
			pr(t.Items), pr(t.Resolutions), pr(t.Actions), pr(t.FollowUps), pr(t.Attendance()), t.Facts.Right, t.Facts.Total)
	}
	fmt.Fprintf(w, "\n**Overall (mean of %d documents): %.3f**\n\n", t.Docs, t.Mean())
	if t.Rejects.Total > 0 {
		fmt.Fprintf(w, "- not-minutes refused: %s\n", rate(t.Rejects))
	}
	if t.Items.Want+t.Items.Got > 0 {
		fmt.Fprintf(w, "- counts (want/got/matched): items %d/%d/%d, resolutions %d/%d/%d, actions %d/%d/%d, follow-ups %d/%d/%d, attendance names %d/%d/%d\n",
			t.Items.Want, t.Items.Got, t.Items.Matched, t.Resolutions.Want, t.Resolutions.Got, t.Resolutions.Matched,
			t.Actions.Want, t.Actions.Got, t.Actions.Matched, t.FollowUps.Want, t.FollowUps.Got, t.FollowUps.Matched,
			t.Attendance().Want, t.Attendance().Got, t.Attendance().Matched)
		fmt.Fprintf(w, "- matched item titles exact: %s\n", rate(Tally{t.TitlesExact, t.Items.Matched}))
		fmt.Fprintf(w, "- matched records in the right item: resolutions %s, actions %s, follow-ups %s\n",
			rate(Tally{t.ResolutionsInItem, t.Resolutions.Matched}), rate(Tally{t.ActionsInItem, t.Actions.Matched}),
			rate(Tally{t.FollowUpsInItem, t.FollowUps.Matched}))
		fmt.Fprintf(w, "- matched actions: owner right %s, due right %s; matched follow-ups: due right %s\n",
			rate(t.Owners), rate(t.ActionDues), rate(t.FollowUpDues))
		fmt.Fprintf(w, "- attendance P/R: present %s, in attendance %s, apologies %s, absent %s, chair %s\n",
			pr(t.Present), pr(t.InAttendance), pr(t.Apologies), pr(t.Absent), pr(t.Chair))
	}
	return t
}

// WriteDiff writes every disagreement in the report, one a line.
func WriteDiff(w io.Writer, name string, r *Report) {
	fmt.Fprintf(w, "=== %s: overall %.3f\n", name, r.Overall())
	for _, d := range r.Diffs {
		fmt.Fprintln(w, "  "+d.String())
	}
}

// Doc is one clerk file found by Discover and the text it describes.
type Doc struct {
	Set       string // the clerk file's folder below the root: "real-minutes-2", "invented"
	Name      string // base name without .clerk.json
	ClerkPath string
	TextPath  string
}

// Discover finds every NAME.clerk.json below root. A clerk file in
// root/invented (or below it) describes NAME.txt beside it; any other,
// at root/SET/NAME.clerk.json, describes shared/SET/NAME.txt. Docs come
// sorted by set, then name.
func Discover(root, shared string) ([]Doc, error) {
	var docs []Doc
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".clerk.json") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		set := filepath.ToSlash(rel)
		name := strings.TrimSuffix(d.Name(), ".clerk.json")
		text := filepath.Join(shared, filepath.FromSlash(set), name+".txt")
		if set == "invented" || strings.HasPrefix(set, "invented/") {
			text = filepath.Join(filepath.Dir(path), name+".txt")
		}
		docs = append(docs, Doc{Set: set, Name: name, ClerkPath: path, TextPath: text})
		return nil
	})
	sort.Slice(docs, func(i, j int) bool {
		if docs[i].Set != docs[j].Set {
			return docs[i].Set < docs[j].Set
		}
		return docs[i].Name < docs[j].Name
	})
	return docs, err
}
