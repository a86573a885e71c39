package clerkeval

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/minutes"
)

// Thresholds of the matching rules (see the package doc).
const (
	RecordDice = 0.5 // records, and item titles
	NameDice   = 0.6 // council and committee names
)

// Counts is how many records (or names) were expected, how many the
// parser gave, and how many of those matched one-to-one.
type Counts struct {
	Want, Got, Matched int
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{c.Want + d.Want, c.Got + d.Got, c.Matched + d.Matched}
}

// Empty reports whether nothing was expected and nothing parsed.
func (c Counts) Empty() bool { return c.Want == 0 && c.Got == 0 }

// Precision is Matched/Got, 1 when nothing was parsed.
func (c Counts) Precision() float64 {
	if c.Got == 0 {
		return 1
	}
	return float64(c.Matched) / float64(c.Got)
}

// Recall is Matched/Want, 1 when nothing was expected.
func (c Counts) Recall() float64 {
	if c.Want == 0 {
		return 1
	}
	return float64(c.Matched) / float64(c.Want)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Tally counts how many of Total checks were Right.
type Tally struct{ Right, Total int }

// Add returns the sum of t and u.
func (t Tally) Add(u Tally) Tally { return Tally{t.Right + u.Right, t.Total + u.Total} }

// Rate is Right/Total, 1 when there was nothing to check.
func (t Tally) Rate() float64 {
	if t.Total == 0 {
		return 1
	}
	return float64(t.Right) / float64(t.Total)
}

func (t *Tally) check(ok bool) {
	t.Total++
	if ok {
		t.Right++
	}
}

// Fact is one meeting fact compared.
type Fact struct {
	Name      string // "council", "committee", "date", "start", "end", "next_meeting"
	Want, Got string // "" when unknown
	Right     bool
}

// Diff is one disagreement between the clerk file and the parse: a missed
// or spurious record or name, a matched record with a wrong field, a wrong
// fact.
type Diff struct {
	What string // "missed", "spurious", "wrong"
	Kind string // "item", "resolution", "action", "followup", "present", …, "owner", "due", "fact"
	Item string // the item it belongs to ("4 Planning"), when it has one
	Text string // the record's text, the name, or "want X, got Y"
}

func (d Diff) String() string {
	s := fmt.Sprintf("%-8s %-13s", d.What, d.Kind)
	if d.Item != "" {
		s += " [" + d.Item + "]"
	}
	return s + " " + d.Text
}

// Report is how one parse compares with its clerk file.
type Report struct {
	Reject      bool  // the clerk file expects the document to be refused
	Refused     bool  // Parse returned minutes.ErrNotMinutes
	Err         error // the error Parse returned, if any
	RejectRight bool  // Reject and Refused agree

	Items                           Counts
	TitlesExact                     int // matched items whose titles are equal after normalising
	Resolutions, Actions, FollowUps Counts
	// ...InItem count the matched records whose parsed record sits in
	// the item matched to the expected record's item.
	ResolutionsInItem, ActionsInItem, FollowUpsInItem int

	Present, InAttendance, Apologies, Absent, Chair Counts

	Facts []Fact

	Owners       Tally // matched actions whose owner is right
	ActionDues   Tally // matched actions whose due date is right
	FollowUpDues Tally // matched follow-ups whose due date is right

	Diffs []Diff
}

// Attendance adds up the attendance lists (present, in attendance,
// apologies, absent, chair).
func (r *Report) Attendance() Counts {
	return r.Present.Add(r.InAttendance).Add(r.Apologies).Add(r.Absent).Add(r.Chair)
}

// FactTally counts the meeting facts right.
func (r *Report) FactTally() Tally {
	var t Tally
	for _, f := range r.Facts {
		t.check(f.Right)
	}
	return t
}

// Overall is the document's score: the mean of the F1s of items,
// resolutions, actions, follow-ups, attendance and meeting facts (the
// share right), skipping a category with nothing expected and nothing
// parsed. For an expected reject it is 1 when refused, else 0.
func (r *Report) Overall() float64 {
	if r.Reject {
		if r.RejectRight {
			return 1
		}
		return 0
	}
	return overall([]Counts{r.Items, r.Resolutions, r.Actions, r.FollowUps, r.Attendance()}, r.FactTally())
}

func overall(cats []Counts, facts Tally) float64 {
	sum, n := 0.0, 0
	for _, c := range cats {
		if c.Empty() {
			continue
		}
		sum += c.F1()
		n++
	}
	if facts.Total > 0 {
		sum += facts.Rate()
		n++
	}
	if n == 0 {
		return 1
	}
	return sum / float64(n)
}

// Score compares what Parse returned (got and err) with the clerk file.
func Score(want *Clerk, got *minutes.Meeting, err error) Report {
	r := Report{Reject: want.Reject, Err: err, Refused: errors.Is(err, minutes.ErrNotMinutes)}
	r.RejectRight = r.Reject == r.Refused
	if r.Reject {
		if !r.Refused {
			what := "it was parsed as minutes"
			if err != nil {
				what = "Parse failed: " + err.Error()
			}
			r.Diffs = append(r.Diffs, Diff{What: "wrong", Kind: "reject", Text: "want not-minutes; " + what})
		}
		return r
	}
	if err != nil || got == nil {
		// A refused minutes document: nothing parsed, every fact wrong.
		got = &minutes.Meeting{}
		msg := "Parse returned no meeting"
		if err != nil {
			msg = "Parse failed: " + err.Error()
		}
		r.Diffs = append(r.Diffs, Diff{What: "wrong", Kind: "reject", Text: "want minutes; " + msg})
	}
	s := scorer{want: want, got: got, r: &r}
	s.facts(err != nil)
	s.attendance()
	s.items()
	s.records()
	return r
}

type scorer struct {
	want      *Clerk
	got       *minutes.Meeting
	r         *Report
	itemMatch map[int]int // expected item index → parsed item index
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

func (s *scorer) facts(refused bool) {
	w, g := s.want.Meeting, s.got
	name := func(a, b string) bool {
		if a == "" || b == "" {
			return a == b
		}
		return Dice(Tokens(a), Tokens(b)) >= NameDice
	}
	equal := func(a, b string) bool { return a == b }
	for _, f := range []struct {
		name      string
		want, got string
		same      func(a, b string) bool
	}{
		{"council", str(w.Council), g.Council, name},
		{"committee", str(w.Committee), g.Committee, name},
		{"date", str(w.Date), g.Date.String(), equal},
		{"start", str(w.Start), g.Start, equal},
		{"end", str(w.End), g.End, equal},
		{"next_meeting", str(w.NextMeeting), g.NextMeeting.String(), equal},
	} {
		fact := Fact{Name: f.name, Want: f.want, Got: strings.TrimSpace(f.got)}
		fact.Right = !refused && f.same(fact.Want, fact.Got)
		s.r.Facts = append(s.r.Facts, fact)
		if !fact.Right {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "wrong", Kind: "fact", Text: fmt.Sprintf("%s: want %q, got %q", f.name, fact.Want, fact.Got)})
		}
	}
}

func (s *scorer) attendance() {
	w, g := s.want.Attendance, s.got.Attendance
	chair := func(c string) []string {
		if c == "" {
			return nil
		}
		return []string{c}
	}
	s.r.Present = s.names("present", withChair(w.Present, str(w.Chair)), withChair(g.Present, g.Chair))
	s.r.InAttendance = s.names("in_attendance", w.InAttendance, g.InAttendance)
	s.r.Apologies = s.names("apologies", w.Apologies, g.Apologies)
	s.r.Absent = s.names("absent", w.Absent, g.Absent)
	s.r.Chair = s.names("chair", chair(str(w.Chair)), chair(g.Chair))
}

// withChair returns the list with the chair added unless already in it.
func withChair(list []string, chair string) []string {
	out := make([]string, 0, len(list)+1)
	seen := false
	ct := NameTokens(chair)
	for _, n := range list {
		if strings.TrimSpace(n) == "" {
			continue
		}
		if len(ct) > 0 && nameScore(NameTokens(n), ct) >= 2 {
			seen = true
		}
		out = append(out, n)
	}
	if len(ct) > 0 && !seen {
		out = append(out, chair)
	}
	return out
}

// names matches two lists of names one-to-one, best pairs first.
func (s *scorer) names(kind string, want, got []string) Counts {
	wt := make([][]string, len(want))
	for i, n := range want {
		wt[i] = NameTokens(n)
	}
	gt := make([][]string, 0, len(got))
	gotNames := make([]string, 0, len(got))
	for _, n := range got {
		if t := NameTokens(n); len(t) > 0 {
			gt = append(gt, t)
			gotNames = append(gotNames, n)
		}
	}
	var pairs []pair
	for i := range wt {
		for j := range gt {
			if sc := nameScore(wt[i], gt[j]); sc > 0 {
				pairs = append(pairs, pair{w: i, g: j, score: float64(sc)})
			}
		}
	}
	wm, gm := assign(pairs, len(wt), len(gt))
	c := Counts{Want: len(wt), Got: len(gt)}
	for i, j := range wm {
		if j >= 0 {
			c.Matched++
		} else {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "missed", Kind: kind, Text: want[i]})
		}
	}
	for j, i := range gm {
		if i < 0 {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "spurious", Kind: kind, Text: gotNames[j]})
		}
	}
	return c
}

// pair is a candidate match between expected w and parsed g.
type pair struct {
	w, g     int
	score    float64
	sameItem bool
}

// assign matches one-to-one, greedily, best score first; a tie goes to a
// pair in the same item, then to document order. It returns, for each
// expected index, the parsed index matched (-1 for none), and the reverse.
func assign(pairs []pair, nw, ng int) (wm, gm []int) {
	sort.SliceStable(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if pa.score != pb.score {
			return pa.score > pb.score
		}
		if pa.sameItem != pb.sameItem {
			return pa.sameItem
		}
		if pa.w != pb.w {
			return pa.w < pb.w
		}
		return pa.g < pb.g
	})
	wm, gm = make([]int, nw), make([]int, ng)
	for i := range wm {
		wm[i] = -1
	}
	for i := range gm {
		gm[i] = -1
	}
	for _, p := range pairs {
		if wm[p.w] < 0 && gm[p.g] < 0 {
			wm[p.w], gm[p.g] = p.g, p.w
		}
	}
	return wm, gm
}

func itemLabel(number, title string) string {
	l := strings.TrimSpace(number + " " + title)
	if len(l) > 40 {
		l = l[:37] + "..."
	}
	return l
}

func (s *scorer) items() {
	want, got := s.want.Items, s.got.Items
	type key struct {
		num   string
		title []string
	}
	wk := make([]key, len(want))
	for i, it := range want {
		wk[i] = key{normalNumber(it.Number), Tokens(it.Title)}
	}
	gk := make([]key, len(got))
	for j, it := range got {
		gk[j] = key{normalNumber(it.Number), Tokens(it.Title)}
	}
	var pairs []pair
	for i, a := range wk {
		for j, b := range gk {
			d := Dice(a.title, b.title)
			switch {
			case a.num != "" && b.num != "":
				if a.num == b.num {
					pairs = append(pairs, pair{w: i, g: j, score: 2 + d})
				}
			case d >= RecordDice:
				pairs = append(pairs, pair{w: i, g: j, score: d})
			}
		}
	}
	wm, gm := assign(pairs, len(want), len(got))
	s.itemMatch = make(map[int]int)
	s.r.Items = Counts{Want: len(want), Got: len(got)}
	for i, j := range wm {
		if j < 0 {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "missed", Kind: "item", Text: itemLabel(want[i].Number, want[i].Title)})
			continue
		}
		s.itemMatch[i] = j
		s.r.Items.Matched++
		if strings.Join(wk[i].title, " ") == strings.Join(gk[j].title, " ") {
			s.r.TitlesExact++
		} else {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "wrong", Kind: "title", Item: want[i].Number,
				Text: fmt.Sprintf("want %q, got %q", want[i].Title, got[j].Title)})
		}
	}
	for j, i := range gm {
		if i < 0 {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "spurious", Kind: "item", Text: itemLabel(got[j].Number, got[j].Title)})
		}
	}
}

// rec is a record of either side, with the item it sits in.
type rec struct {
	item  int
	text  string
	toks  []string
	owner *string
	due   string
}

func (s *scorer) records() {
	var wr, wa, wf, gr, ga, gf []rec
	for i, it := range s.want.Items {
		for _, x := range it.Resolutions {
			wr = append(wr, rec{item: i, text: x.Text})
		}
		for _, x := range it.Actions {
			wa = append(wa, rec{item: i, text: x.Text, owner: x.Owner, due: str(x.Due)})
		}
		for _, x := range it.FollowUps {
			wf = append(wf, rec{item: i, text: x.Text, due: str(x.Due)})
		}
	}
	for j, it := range s.got.Items {
		for _, x := range it.Resolutions {
			gr = append(gr, rec{item: j, text: x.Text})
		}
		for _, x := range it.Actions {
			o := x.Owner
			ga = append(ga, rec{item: j, text: x.Text, owner: &o, due: x.Due.String()})
		}
		for _, x := range it.FollowUps {
			gf = append(gf, rec{item: j, text: x.Text, due: x.Due.String()})
		}
	}
	var wm []int
	s.r.Resolutions, s.r.ResolutionsInItem, _, _ = s.match("resolution", wr, gr)
	s.r.Actions, s.r.ActionsInItem, wm, _ = s.match("action", wa, ga)
	for i, j := range wm {
		if j < 0 {
			continue
		}
		w, g := wa[i], ga[j]
		ok := ownerRight(w.owner, str(g.owner))
		s.r.Owners.check(ok)
		if !ok {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "wrong", Kind: "owner", Item: s.wantItem(w.item),
				Text: fmt.Sprintf("want %q, got %q: %s", str(w.owner), str(g.owner), clip(w.text))})
		}
		s.due(&s.r.ActionDues, "action due", w, g)
	}
	s.r.FollowUps, s.r.FollowUpsInItem, wm, _ = s.match("followup", wf, gf)
	for i, j := range wm {
		if j >= 0 {
			s.due(&s.r.FollowUpDues, "followup due", wf[i], gf[j])
		}
	}
}

func (s *scorer) due(t *Tally, kind string, w, g rec) {
	ok := w.due == g.due
	t.check(ok)
	if !ok {
		s.r.Diffs = append(s.r.Diffs, Diff{What: "wrong", Kind: kind, Item: s.wantItem(w.item),
			Text: fmt.Sprintf("want %q, got %q: %s", w.due, g.due, clip(w.text))})
	}
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		return string(r[:97]) + "..."
	}
	return s
}

func (s *scorer) wantItem(i int) string {
	it := s.want.Items[i]
	return itemLabel(it.Number, it.Title)
}

func (s *scorer) gotItem(j int) string {
	it := s.got.Items[j]
	return itemLabel(it.Number, it.Title)
}

// match pairs expected and parsed records of one kind by token Dice.
func (s *scorer) match(kind string, want, got []rec) (c Counts, inItem int, wm, gm []int) {
	for i := range want {
		want[i].toks = Tokens(want[i].text)
	}
	for j := range got {
		got[j].toks = Tokens(got[j].text)
	}
	var pairs []pair
	for i, w := range want {
		for j, g := range got {
			if d := Dice(w.toks, g.toks); d >= RecordDice {
				gi, ok := s.itemMatch[w.item]
				pairs = append(pairs, pair{w: i, g: j, score: d, sameItem: ok && gi == g.item})
			}
		}
	}
	wm, gm = assign(pairs, len(want), len(got))
	c = Counts{Want: len(want), Got: len(got)}
	for i, j := range wm {
		if j < 0 {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "missed", Kind: kind, Item: s.wantItem(want[i].item), Text: clip(want[i].text)})
			continue
		}
		c.Matched++
		if gi, ok := s.itemMatch[want[i].item]; ok && gi == got[j].item {
			inItem++
		}
	}
	for j, i := range gm {
		if i < 0 {
			s.r.Diffs = append(s.r.Diffs, Diff{What: "spurious", Kind: kind, Item: s.gotItem(got[j].item), Text: clip(got[j].text)})
		}
	}
	return c, inItem, wm, gm
}
