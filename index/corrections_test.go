package index

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// The clerk's corrections: add, reject, change kind, change span, accept;
// each must hold through import again, import of an edited document,
// reparse with a parser that finds more and one that finds less, reindex,
// a restart and a second process.

const (
	item188 = "osc-2021-12-14-188"
	added   = "osc-2021-12-14-188-ca1" // the clerk's action
)

// correctHarrow makes the clerk's corrections of the tests on harrow():
// an action the parser missed, a follow-up that is not one, a resolution
// that is really a follow-up, an action whose text runs too far, and
// tracking on the action.
func correctHarrow(t *testing.T, l *Library) {
	t.Helper()
	ctx := context.Background()
	r, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "members discussed  fly-tipping enforcement",
		Owner: "Licensing Manager", Due: date("2022-03-01"), Who: "clerk"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != added || r.Text != "Members discussed fly-tipping enforcement" || r.Origin != OriginClerk || r.Owner != "Licensing Manager" {
		t.Fatalf("added %+v", r)
	}
	if _, err := l.Update(ctx, "osc-2021-12-14-189-f1", Change{Reject: ptr(true), Note: "said in passing, not due back", Who: "clerk"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, "osc-2021-12-14-188-r2", Change{Kind: ptr(minutes.KindFollowUp), Who: "clerk"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, "osc-2021-12-14-188-a1", Change{Text: ptr("An officer undertook to investigate with a view to helping businesses."),
		Status: ptr(StatusInProgress), Note: "asked the licensing team", Who: "clerk"}); err != nil {
		t.Fatal(err)
	}
}

// checkCorrected fails unless the corrections of correctHarrow show
// everywhere: the due board, exports, the meeting, search.
func checkCorrected(t *testing.T, l *Library, stage string) {
	t.Helper()
	ctx := context.Background()
	due, err := l.Due(ctx, DueQuery{AsOf: date("2022-01-05"), IncludeClosed: true})
	if err != nil {
		t.Fatalf("%s: due: %v", stage, err)
	}
	if r, ok := findRecord(due, added); !ok || r.Kind != minutes.KindAction || r.Owner != "Licensing Manager" || r.Due != date("2022-03-01") {
		t.Errorf("%s: the added action on the due board: %+v (%v)", stage, r, ok)
	}
	n := 0
	for _, r := range due {
		if strings.HasPrefix(r.Text, "Members discussed fly-tipping") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%s: the added action is on the board %d times", stage, n)
	}
	if _, ok := findRecord(due, "osc-2021-12-14-189-f1"); ok {
		t.Errorf("%s: the rejected follow-up is on the due board", stage)
	}
	if r, ok := findRecord(due, "osc-2021-12-14-188-r2"); !ok || r.Kind != minutes.KindFollowUp || r.Due.IsZero() {
		t.Errorf("%s: the resolution made a follow-up: %+v (%v)", stage, r, ok)
	}
	if r, ok := findRecord(due, "osc-2021-12-14-188-a1"); !ok || r.Text != "An officer undertook to investigate with a view to helping businesses." ||
		r.Status != StatusInProgress || r.LastNote != "asked the licensing team" {
		t.Errorf("%s: the shortened action: %+v (%v)", stage, r, ok)
	}
	all := []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp}
	recs, err := l.Records(ctx, RecordQuery{Kinds: all})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := findRecord(recs, "osc-2021-12-14-189-f1"); ok {
		t.Errorf("%s: the rejected follow-up is exported", stage)
	}
	if _, ok := findRecord(recs, added); !ok {
		t.Errorf("%s: the added action is not exported", stage)
	}
	with, err := l.Records(ctx, RecordQuery{Kinds: all, IncludeRejected: true})
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := findRecord(with, "osc-2021-12-14-189-f1"); !ok || !r.Rejected {
		t.Errorf("%s: --include-rejected: %+v (%v)", stage, r, ok)
	}
	d, err := l.Meeting(ctx, "osc-2021-12-14")
	if err != nil {
		t.Fatal(err)
	}
	if d.Items[2].Records != nil && slices.ContainsFunc(d.Items[2].Records, func(r Record) bool { return r.ID == "osc-2021-12-14-189-f1" }) ||
		len(d.Items[2].Rejected) != 1 {
		t.Errorf("%s: item 189 lists %+v, rejected %+v", stage, d.Items[2].Records, d.Items[2].Rejected)
	}
	shown := 0
	for _, it := range d.Items {
		shown += len(it.Records)
	}
	if d.Records != shown { // the rejected one is not counted
		t.Errorf("%s: the meeting counts %d records, and shows %d", stage, d.Records, shown)
	}
	hits, err := l.Search(ctx, SearchQuery{Text: "update brought"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits.Hits {
		if h.ID == "osc-2021-12-14-189-f1" {
			t.Errorf("%s: search finds the rejected follow-up", stage)
		}
	}
	hits, err = l.Search(ctx, SearchQuery{Text: "update brought", IncludeRejected: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(hits.Hits, func(h Hit) bool { return h.ID == "osc-2021-12-14-189-f1" && h.Status == "rejected" }) {
		t.Errorf("%s: search with rejected does not find it: %+v", stage, hits.Hits)
	}
	hits, err = l.Search(ctx, SearchQuery{Text: "kind:action discussed"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(hits.Hits, func(h Hit) bool { return h.ID == added }) {
		t.Errorf("%s: search does not find the added action: %+v", stage, hits.Hits)
	}
}

// parserThat is the fake parser with change applied to what it reads, the
// records then numbered as the parser numbers them.
func parserThat(change func(m *minutes.Meeting)) func(context.Context, string, []byte) (*minutes.Meeting, error) {
	return func(ctx context.Context, name string, data []byte) (*minutes.Meeting, error) {
		m, err := fakeParse(ctx, name, data)
		if err == nil {
			change(m)
			assignTestIDs(m)
		}
		return m, err
	}
}

// findsMore reads one more action, first in item 188 (the ordinals of the
// others move on), and finds the sentence the clerk added as an action.
func findsMore(m *minutes.Meeting) {
	it := &m.Items[1]
	it.Actions = append([]minutes.Record{
		{Text: "The Licensing Manager would circulate the enforcement figures.", Owner: "Licensing Manager"},
		{Text: "Members discussed fly-tipping enforcement and the licensing of houses in multiple occupation."},
	}, it.Actions...)
	it.Body += " The Licensing Manager would circulate the enforcement figures."
}

// findsLess no longer reads the resolution the clerk made a follow-up,
// the action whose text they shortened, or the follow-up they rejected.
func findsLess(m *minutes.Meeting) {
	m.Items[1].Resolutions = m.Items[1].Resolutions[:1]
	m.Items[1].Actions = nil
	m.Items[2].FollowUps = nil
}

func TestCorrectionsSurviveEverything(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	correctHarrow(t, l)
	checkCorrected(t, l, "saved")

	// The same bytes again: nothing new.
	if res, err := l.Import(ctx, "again.txt", encode(harrow())); err != nil || !res.Duplicate {
		t.Fatalf("import again: %+v, %v", res, err)
	}
	checkCorrected(t, l, "imported again")

	// An edited version of the document: a sentence more in item 188, and
	// an action the parser now reads first in it.
	edited := harrow()
	findsMore(edited)
	edited.Items[1].Actions = edited.Items[1].Actions[:1:1]
	edited.Items[1].Actions = append(edited.Items[1].Actions, harrow().Items[1].Actions...)
	assignTestIDs(edited)
	edited.Source.Name = "harrow-osc-2021-12-14-v2.txt"
	if res, err := l.Import(ctx, edited.Source.Name, encode(edited)); err != nil || !res.Replaced {
		t.Fatalf("import edited: %+v, %v", res, err)
	}
	checkCorrected(t, l, "edited document imported")
	r, _, err := l.Record(ctx, "osc-2021-12-14-188-a2")
	if err != nil || !strings.HasPrefix(r.Text, "The Licensing Manager would circulate") {
		t.Errorf("the new action took %+v (%v), want the next free ID a2", r, err)
	}

	// A parser that finds more: it reads the sentence the clerk added.
	l.Close()
	l = openLib(t, dir, func(o *Options) { o.Parse = parserThat(findsMore) })
	res, err := l.Reparse(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Kept) != 0 {
		t.Errorf("reparse finding more kept %+v", res.Kept)
	}
	checkCorrected(t, l, "reparsed, finding more")

	// A parser that finds less: what the clerk corrected is kept as they
	// left it, and listed.
	l.Close()
	l = openLib(t, dir, func(o *Options) { o.Parse = parserThat(findsLess) })
	if res, err = l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, r := range res.Kept {
		kept = append(kept, r.ID)
	}
	if want := []string{"osc-2021-12-14-188-a1", "osc-2021-12-14-188-r2"}; !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v", kept, want)
	}
	checkCorrected(t, l, "reparsed, finding less")
	if r, _, _ := l.Record(ctx, "osc-2021-12-14-188-r2"); r.Origin != OriginKept {
		t.Errorf("the kept record's origin is %q", r.Origin)
	}
	if _, err := l.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	checkCorrected(t, l, "reindexed")

	// A restart, then the parser as it was: the records are found again.
	l.Close()
	l = openLib(t, dir)
	checkCorrected(t, l, "reopened")
	if res, err = l.Reparse(ctx); err != nil || len(res.Kept) != 0 {
		t.Fatalf("reparse as before: %+v, %v", res, err)
	}
	checkCorrected(t, l, "reparsed as before")
	if r, _, _ := l.Record(ctx, "osc-2021-12-14-188-r2"); r.Origin != OriginMinutes || !r.Corrected {
		t.Errorf("found again, the record is %+v", r)
	}

	// A second process sees it all.
	other := openLib(t, dir)
	checkCorrected(t, other, "second process")
}

func TestAddRecordRefusesWhatIsNotInTheItem(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	for _, tc := range []struct {
		name string
		n    NewRecord
		want string
	}{
		{"not in the item", NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "Clerk to write to the highways team"}, "does not occur in item " + item188},
		{"no such item", NewRecord{ItemID: "osc-2021-12-14-999", Kind: minutes.KindAction, Text: "x"}, "no item has the ID"},
		{"no kind", NewRecord{ItemID: item188, Kind: "motion", Text: "Members discussed"}, "want resolution, action or follow-up"},
		{"already there", NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "An officer undertook to investigate with a view to helping businesses."}, ""},
		{"empty", NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "  "}, "give the record's text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.AddRecord(ctx, tc.n)
			if tc.want == "" {
				// harrow's action is longer than the body's sentence:
				// adding the body's sentence is a new record.
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "An officer undertook to investigate with a view to helping businesses."}); err == nil ||
		!strings.Contains(err.Error(), "is already this action") {
		t.Errorf("adding it twice: %v", err)
	}
}

func TestAddRecordDueAtAMeeting(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow(), laterHarrow("2022-01-11", false))
	r, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindFollowUp, Text: "licensing of houses in multiple occupation", DueMeeting: "the next meeting"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Due != date("2022-01-11") || r.DueMeeting != "the next meeting" || r.Target.Kind != minutes.TargetNext {
		t.Errorf("due %s at %q (%v)", r.Due, r.DueMeeting, r.Target)
	}
	if _, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindFollowUp, Text: "Members discussed", DueMeeting: "sometime"}); err == nil {
		t.Error("a due meeting of no known form was taken")
	}
}

func TestKindChangeReadsOwnerAndDue(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	r, err := l.Update(ctx, "osc-2021-12-14-188-r2", Change{Kind: ptr(minutes.Kind("follow-up"))})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != minutes.KindFollowUp || r.Due != date("2022-06-30") || !r.Provisional || r.Status != StatusOpen {
		t.Errorf("made a follow-up: %+v", r)
	}
	_, hist, _ := l.Record(ctx, r.ID)
	if len(hist) != 1 || hist[0].Field != FieldKind || hist[0].Old != "resolution" || hist[0].New != "followup" {
		t.Errorf("history %+v", hist)
	}
	if _, err := l.Update(ctx, r.ID, Change{Kind: ptr(minutes.Kind("motion"))}); err == nil {
		t.Error("a kind that is none was taken")
	}
	// Back to a resolution: no status to change then.
	if _, err := l.Update(ctx, r.ID, Change{Kind: ptr(minutes.KindResolution)}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, r.ID, Change{Status: ptr(StatusDone)}); err == nil {
		t.Error("a resolution took a status")
	}
}

func TestSpanEditMustBeInTheItem(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	if _, err := l.Update(ctx, "osc-2021-12-14-188-a1", Change{Text: ptr("An officer undertook to phone everyone")}); err == nil ||
		!strings.Contains(err.Error(), "does not occur") {
		t.Errorf("a span not in the item: %v", err)
	}
	r, err := l.Update(ctx, "osc-2021-12-14-188-a1", Change{Text: ptr("AN OFFICER undertook to investigate")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Text != "An officer undertook to investigate" {
		t.Errorf("text %q: want the item's own words", r.Text)
	}
}

func TestRejectAndRestore(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	id := "osc-2021-12-14-189-f1"
	r, err := l.Update(ctx, id, Change{Reject: ptr(true), Note: "not a follow-up"})
	if err != nil || !r.Rejected {
		t.Fatalf("rejected: %+v, %v", r, err)
	}
	due, _ := l.Due(ctx, DueQuery{AsOf: date("2022-01-05")})
	if _, ok := findRecord(due, id); ok {
		t.Error("rejected, it is due")
	}
	due, _ = l.Due(ctx, DueQuery{AsOf: date("2022-01-05"), IncludeRejected: true})
	if r, ok := findRecord(due, id); !ok || !r.Rejected {
		t.Error("rejected, due --include-rejected does not list it")
	}
	r, hist, _ := l.Record(ctx, id)
	if !r.Rejected || len(hist) != 1 || hist[0].Field != FieldRejected || hist[0].New != "not a follow-up" {
		t.Errorf("record %+v, history %+v", r, hist)
	}
	if r, err = l.Update(ctx, id, Change{Reject: ptr(false)}); err != nil || r.Rejected {
		t.Fatalf("restored: %+v, %v", r, err)
	}
	due, _ = l.Due(ctx, DueQuery{AsOf: date("2022-01-05")})
	if _, ok := findRecord(due, id); !ok {
		t.Error("restored, it is not due")
	}
}

func TestWithdrawAnAddition(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	r, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "Members discussed fly-tipping enforcement"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, r.ID, Change{Withdraw: true, Version: &r.Version}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Record(ctx, r.ID); !isNotFound(err) {
		t.Errorf("withdrawn, the record reads: %v", err)
	}
	// A later parser that finds the sentence finds a record of its own.
	if _, err := l.Update(ctx, "osc-2021-12-14-188-a1", Change{Withdraw: true}); err == nil {
		t.Error("a record of the minutes was withdrawn")
	}
	r2, err := l.AddRecord(ctx, NewRecord{ItemID: item188, Kind: minutes.KindAction, Text: "Members discussed fly-tipping enforcement"})
	if err != nil || r2.ID != "osc-2021-12-14-188-ca2" {
		t.Errorf("added again: %v, %v (a withdrawn ID is never used again)", r2.ID, err)
	}
}

func TestReviewQueue(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	unsure := func(m *minutes.Meeting) {
		m.Items[2].Actions[1].Confidence, m.Items[2].Actions[1].Why = minutes.ConfidenceLow, "no verb of doing"
		m.Items[1].FollowUps[0].Confidence, m.Items[1].FollowUps[0].Why = minutes.ConfidenceLow, "not sure it comes back to this body"
	}
	l := openLib(t, dir, func(o *Options) { o.Parse = parserThat(unsure) })
	mustImport(t, l, harrow())
	queue, err := l.Review(ctx, ReviewQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(queue) != 2 || queue[0].ID != "osc-2021-12-14-188-f1" || queue[1].ID != "osc-2021-12-14-189-a2" ||
		!queue[0].Review || queue[1].Why != "no verb of doing" {
		t.Fatalf("queue %+v", queue)
	}
	if _, err := l.Update(ctx, queue[0].ID, Change{Accept: true, Version: &queue[0].Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, queue[1].ID, Change{Reject: ptr(true), Version: &queue[1].Version}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	// Accepted for good: a re-parse that is as unsure again keeps it out.
	l = openLib(t, dir, func(o *Options) {
		o.Parse = parserThat(func(m *minutes.Meeting) { unsure(m); m.Items[1].Body += " More." })
	})
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	if queue, err = l.Review(ctx, ReviewQuery{}); err != nil || len(queue) != 0 {
		t.Errorf("after accepting and rejecting, the queue is %+v (%v)", queue, err)
	}
	r, _, _ := l.Record(ctx, "osc-2021-12-14-188-f1")
	if r.Confidence != minutes.ConfidenceLow || r.Review || !r.Corrected {
		t.Errorf("accepted: %+v", r)
	}
}

func TestCorrectionsExport(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	correctHarrow(t, l)
	list, err := l.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Correction{}
	for _, c := range list {
		byID[c.RecordID] = c
	}
	if len(list) != 4 {
		t.Fatalf("%d corrections: %+v", len(list), list)
	}
	if c := byID[added]; !c.Added || c.ParsedKind != "" || c.Kind != minutes.KindAction || !strings.Contains(c.ItemText, "Members discussed") ||
		c.Minute != "188" || c.Committee != "Overview and Scrutiny Committee" || len(c.History) != 1 {
		t.Errorf("the addition: %+v", c)
	}
	if c := byID["osc-2021-12-14-189-f1"]; !c.Rejected || c.Note == "" || c.ParsedText != "An update be brought to the next meeting." {
		t.Errorf("the rejection: %+v", c)
	}
	if c := byID["osc-2021-12-14-188-r2"]; c.ParsedKind != minutes.KindResolution || c.Kind != minutes.KindFollowUp {
		t.Errorf("the kind change: %+v", c)
	}
	if c := byID["osc-2021-12-14-188-a1"]; c.Text == c.ParsedText || c.Text != "An officer undertook to investigate with a view to helping businesses." {
		t.Errorf("the span edit: %+v", c)
	}
}

// TestStaleEditIsRefused is issue 18's sequence on the library: two
// Library values on one folder, as the TUI and a CLI command are.
func TestStaleEditIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tuiLib := openLib(t, dir)
	mustImport(t, tuiLib, harrow())
	cli := openLib(t, dir)
	id := "osc-2021-12-14-188-a1"

	// 1. The TUI shows the action as open.
	shown, _, err := tuiLib.Record(ctx, id)
	if err != nil || shown.Status != StatusOpen {
		t.Fatalf("shown %+v, %v", shown, err)
	}
	// 2. From the CLI: dropped, with a note.
	if _, err := cli.Update(ctx, id, Change{Status: ptr(StatusDropped), Note: "cli dropped it", Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	// 3. The TUI, not yet refreshed: d (done)…
	_, err = tuiLib.Update(ctx, id, Change{Status: ptr(StatusDone), Version: &shown.Version, Who: "alice"})
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("the stale edit: %v, want a conflict", err)
	}
	if ce.Current.Status != StatusDropped || len(ce.Changes) != 1 || ce.Changes[0].Who != "bob" {
		t.Errorf("conflict %+v", ce)
	}
	if got := ce.Describe(nil, ce.Changes[0].At); !strings.HasPrefix(got, "dropped by bob at ") {
		t.Errorf("described %q", got)
	}
	// …then u (undo) of a change it never made: nothing to undo; an undo
	// of an earlier change of its own, from before the CLI's, is refused.
	r, hist, _ := tuiLib.Record(ctx, id)
	if r.Status != StatusDropped {
		t.Errorf("after the refused edit the status is %s", r.Status)
	}
	var fields []string
	for _, h := range hist {
		fields = append(fields, h.Field+":"+h.New)
	}
	if want := []string{"status:dropped", "note:cli dropped it"}; !slices.Equal(fields, want) {
		t.Errorf("history %v, want %v", fields, want)
	}
	// Pressing d again, on the record as it now is, marks it done.
	if _, err := tuiLib.Update(ctx, id, Change{Status: ptr(StatusDone), Version: &ce.Current.Version, Who: "alice"}); err != nil {
		t.Errorf("d again: %v", err)
	}
}

func TestUndoAfterAForeignChangeIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mine := openLib(t, dir)
	mustImport(t, mine, harrow())
	theirs := openLib(t, dir)
	id := "osc-2021-12-14-189-a1"
	shown, _, _ := mine.Record(ctx, id)
	saved, err := mine.Update(ctx, id, Change{Status: ptr(StatusDone), Version: &shown.Version})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version == shown.Version {
		t.Fatal("the version did not move on")
	}
	// A note from elsewhere changes nothing an undo cares about…
	if _, err := theirs.Update(ctx, id, Change{Note: "chased", Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	// …an owner does.
	if _, err := theirs.Update(ctx, id, Change{Owner: ptr("Jo Bloggs"), Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	open := StatusOpen
	_, err = mine.Update(ctx, id, Change{Status: &open, Version: &saved.Version})
	var ce *ConflictError
	if !errors.As(err, &ce) || !strings.Contains(ce.Describe(nil, ce.Changes[0].At), "owner set to “Jo Bloggs” by bob") {
		t.Fatalf("undo after a foreign change: %v", err)
	}
	if r, _, _ := mine.Record(ctx, id); r.Status != StatusDone || r.Owner != "Jo Bloggs" {
		t.Errorf("after the refused undo: %+v", r)
	}
}

func TestForcedChangeIsRecorded(t *testing.T) {
	ctx := context.Background()
	l := openLib(t, ":memory:")
	mustImport(t, l, harrow())
	id := "osc-2021-12-14-189-a1"
	shown, _, _ := l.Record(ctx, id)
	if _, err := l.Update(ctx, id, Change{Status: ptr(StatusDropped), Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update(ctx, id, Change{Status: ptr(StatusDone), Note: "done after all", Version: &shown.Version, Force: true}); err != nil {
		t.Fatal(err)
	}
	_, hist, _ := l.Record(ctx, id)
	if len(hist) != 3 || hist[0].Forced || !hist[1].Forced || hist[1].New != "done" || hist[2].Field != "note" || hist[2].Forced {
		t.Errorf("history %+v", hist)
	}
	// Forcing what conflicts with nothing is no forcing.
	if _, err := l.Update(ctx, id, Change{Owner: ptr("Jo"), Version: &hist[1].Seq, Force: true}); err != nil {
		t.Fatal(err)
	}
	_, hist, _ = l.Record(ctx, id)
	if hist[len(hist)-1].Forced {
		t.Error("a change over nothing is marked forced")
	}
}

func TestNotesNeverConflict(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := openLib(t, dir)
	mustImport(t, a, harrow())
	b := openLib(t, dir)
	id := "osc-2021-12-14-189-a1"
	shown, _, _ := a.Record(ctx, id)
	if _, err := b.Update(ctx, id, Change{Status: ptr(StatusDone), Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	for i, l := range []*Library{a, b} {
		go func() {
			_, err := l.Update(ctx, id, Change{Note: sprintf("note %d", i), Version: &shown.Version})
			done <- err
		}()
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Errorf("a note conflicted: %v", err)
		}
	}
	_, hist, _ := a.Record(ctx, id)
	notes := 0
	for _, h := range hist {
		if h.Field == "note" {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("%d notes kept, want both: %+v", notes, hist)
	}
}

func TestStaleCorrectionAndLinkAreRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := openLib(t, dir)
	mustImport(t, a, harrow(), laterHarrow("2022-06-14", true))
	b := openLib(t, dir)
	f := "osc-2021-12-14-188-f1"
	shown, _, _ := a.Record(ctx, f)
	if _, err := b.Update(ctx, f, Change{Kind: ptr(minutes.KindAction), Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	var ce *ConflictError
	if _, err := a.Update(ctx, f, Change{Reject: ptr(true), Version: &shown.Version}); !errors.As(err, &ce) ||
		!strings.Contains(ce.Describe(nil, ce.Changes[0].At), "made an action by bob") {
		t.Errorf("a stale rejection: %v", err)
	}
	if _, err := a.Update(ctx, f, Change{Link: ptr(""), Version: &shown.Version}); !errors.As(err, &ce) {
		t.Errorf("a stale return: %v", err)
	}
	if r, _, _ := a.Record(ctx, f); r.Rejected || r.Kind != minutes.KindAction {
		t.Errorf("after refused changes: %+v", r)
	}
}

// Tracking stays with what it is about when a re-parse finds fewer or
// more records in an item and the ordinals move.
func TestTrackingFollowsMeaningWhenOrdinalsMove(t *testing.T) {
	ctx := context.Background()
	commander := "osc-2021-12-14-189-a2"
	for _, tc := range []struct {
		name   string
		change func(*minutes.Meeting)
		want   map[string]string // ID → text prefix
	}{
		{"one fewer", func(m *minutes.Meeting) { m.Items[2].Actions = m.Items[2].Actions[1:] },
			map[string]string{commander: "The Borough Commander"}},
		{"one more, first", func(m *minutes.Meeting) {
			m.Items[2].Actions = append([]minutes.Record{{Text: "The Chair would write to the Borough Commander about knife crime."}}, m.Items[2].Actions...)
		}, map[string]string{"osc-2021-12-14-189-a1": "Performance figures", commander: "The Borough Commander", "osc-2021-12-14-189-a3": "The Chair would write"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			l := openLib(t, dir)
			mustImport(t, l, harrow())
			if _, err := l.Update(ctx, commander, Change{Status: ptr(StatusDone)}); err != nil {
				t.Fatal(err)
			}
			l.Close()
			l = openLib(t, dir, func(o *Options) { o.Parse = parserThat(tc.change) })
			if _, err := l.Reparse(ctx); err != nil {
				t.Fatal(err)
			}
			d, err := l.Meeting(ctx, "osc-2021-12-14")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, r := range d.Items[2].Records {
				if r.Kind == minutes.KindAction {
					got[r.ID] = r.Text
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("actions %v, want %v", got, tc.want)
			}
			for id, prefix := range tc.want {
				if !strings.HasPrefix(got[id], prefix) {
					t.Errorf("%s is %q, want %q…", id, got[id], prefix)
				}
			}
			if r, _, _ := l.Record(ctx, commander); r.Status != StatusDone {
				t.Errorf("the Borough Commander's action is %s", r.Status)
			}
		})
	}
}

// A newer parser that lists the business under a section as items of
// their own moves records into the new items; their tracking and
// corrections go with them, and the meeting holds each record once.
func TestTrackingFollowsRecordsIntoNewItems(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := openLib(t, dir)
	mustImport(t, l, harrow())
	commander := "osc-2021-12-14-189-a2"
	if _, err := l.Update(ctx, commander, Change{Status: ptr(StatusDone), Note: "answered in writing"}); err != nil {
		t.Fatal(err)
	}
	before, _, err := l.Record(ctx, commander)
	if err != nil {
		t.Fatal(err)
	}
	rejected := "osc-2021-12-14-189-a1"
	if _, err := l.Update(ctx, rejected, Change{Reject: ptr(true), Note: "not a task"}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	// Item 189's actions go to a new item 189.1 after it.
	split := func(m *minutes.Meeting) {
		it := m.Items[2]
		sub := minutes.Item{Number: it.Number + ".1", Title: "Policing in the borough", Actions: it.Actions}
		m.Items[2].Actions = nil
		m.Items = slices.Insert(m.Items, 3, sub)
	}
	l = openLib(t, dir, func(o *Options) { o.Parse = parserThat(split) })
	if _, err := l.Reparse(ctx); err != nil {
		t.Fatal(err)
	}
	r, _, err := l.Record(ctx, commander)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusDone || !strings.HasPrefix(r.Text, before.Text[:20]) || !strings.HasSuffix(r.ItemID, "189-1") && !strings.Contains(r.ItemID, "189.1") {
		t.Errorf("after the split: status %s, item %s, text %q", r.Status, r.ItemID, r.Text)
	}
	if r, _, err := l.Record(ctx, rejected); err != nil || !r.Rejected {
		t.Errorf("the rejected action after the split: %+v %v", r, err)
	}
	d, err := l.Meeting(ctx, "osc-2021-12-14")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, it := range d.Items {
		for _, rec := range it.Records {
			seen[rec.Text]++
		}
	}
	for text, n := range seen {
		if n > 1 {
			t.Errorf("%q is in the meeting %d times", text, n)
		}
	}
}
