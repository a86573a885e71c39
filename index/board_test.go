package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

// boardLibrary opens a copy of a synthetic library with a clerk's work
// on it (boardDir): tracking edits, a rejection, a change of kind, a
// record added, links made and refused, so that the due board's fast
// paths meet every column.
func boardLibrary(t *testing.T) *Library {
	t.Helper()
	src, err := boardDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.IsDir() || f.Name() == snapshotFile {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return openLib(t, dir)
}

// boardTempDir is boardDir's folder, for TestMain to remove.
var boardTempDir string

// boardDir makes the library boardLibrary copies, once.
var boardDir = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "minutebook-board-")
	if err != nil {
		return "", err
	}
	boardTempDir = dir
	ctx := context.Background()
	c := &clock{t: time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC)}
	l, err := Open(ctx, dir, Options{Parse: fakeParse, Now: c.now, Command: "minutebook test"})
	if err != nil {
		return "", err
	}
	defer l.Close()
	for _, m := range synth.Meetings(150, 1) {
		if _, err := l.Import(ctx, m.Source.Name, encode(m)); err != nil {
			return "", err
		}
	}
	return dir, clerksWork(ctx, l)
})

// clerksWork makes edits of every kind to l's records.
func clerksWork(ctx context.Context, l *Library) error {
	rs, err := l.Due(ctx, DueQuery{AsOf: date("2030-01-01"), IncludeClosed: true})
	if err != nil {
		return err
	}
	if len(rs) < 40 {
		return fmt.Errorf("only %d records on the board", len(rs))
	}
	str := func(s string) *string { return &s }
	status := func(s Status) *Status { return &s }
	yes := true
	kind := minutes.KindFollowUp
	due := date("2031-03-04")
	var followUp, item string
	for i, r := range rs {
		var c Change
		switch i % 9 {
		case 0:
			c.Note = fmt.Sprintf("note %d", i)
		case 1:
			c.Status = status(StatusInProgress)
		case 2:
			c.Status = status(StatusDone)
		case 3:
			c.Owner, c.Due = str("Clerk <clerk@example.org> \"the\" owner"), &due
		case 4:
			c.Reject, c.Note = &yes, "not a record"
		case 5:
			if r.Kind == minutes.KindAction {
				c.Kind = &kind
			}
		case 6:
			if r.Kind == minutes.KindFollowUp && r.ReturnedTo != nil {
				if followUp == "" {
					followUp, item = r.ID, r.ReturnedTo.ItemID
					continue
				}
				c.Link = str("")
			}
		}
		if c == (Change{}) {
			continue
		}
		if _, err := l.Update(ctx, r.ID, c); err != nil {
			return fmt.Errorf("update %s %+v: %w", r.ID, c, err)
		}
	}
	if followUp != "" {
		if err := l.LinkReturn(ctx, followUp, item); err != nil {
			return err
		}
	}
	text, err := firstWords(ctx, l, rs[0].MeetingID, rs[0].ItemID)
	if err != nil {
		return err
	}
	_, err = l.AddRecord(ctx, NewRecord{ItemID: rs[0].ItemID, Kind: minutes.KindAction, Text: text, Owner: "Clerk"})
	return err
}

// firstWords are the first few words of an item's text.
func firstWords(ctx context.Context, l *Library, meetingID, itemID string) (string, error) {
	m, err := l.Meeting(ctx, meetingID)
	if err != nil {
		return "", err
	}
	for _, it := range m.Items {
		if it.ID == itemID {
			w := words(it.Body)
			return fmt.Sprint(w[0], " ", w[1], " ", w[2]), nil
		}
	}
	return "", fmt.Errorf("no item %s", itemID)
}

// TestBoard checks the due board's fast paths against the straightforward
// ones on one synthetic library with a clerk's work on it.
func TestBoard(t *testing.T) {
	l := boardLibrary(t)
	t.Run("reads as the join", func(t *testing.T) { testBoardReadsAsTheJoin(t, l) })
	t.Run("lists as the store", func(t *testing.T) { testBoardAsTheStoreLists(t, l) })
	t.Run("committees without the model", func(t *testing.T) {
		ctx := context.Background()
		l.cacheMu.Lock()
		l.cache = nil
		l.cacheMu.Unlock()
		got, err := l.committees(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if l.cache != nil {
			t.Error("the model was made")
		}
		m, err := l.model(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, m.committees) || len(got) == 0 {
			t.Errorf("committees %v, the model's %v", got, m.committees)
		}
	})
}

// testBoardReadsAsTheJoin checks the due board's first load (loadBoard:
// narrow reads joined in memory) gives what the straightforward reading
// gives: store.Records over the join, and each committee's items from
// CommitteeItems.
//
// It and TestBoardAsTheStoreLists share one library (TestBoard).
func testBoardReadsAsTheJoin(t *testing.T, l *Library) {
	ctx := context.Background()
	c, err := l.model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fast := &dueCache{meetings: c.meetings, names: c.names, items: map[string]*committeeItems{}}
	got, err := fast.loadBoard(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]row{}
	if err := loadByMeeting(ctx, l.store.Q(), want, store.Filter{Kinds: tracked}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d meetings, want %d", len(got), len(want))
	}
	n := 0
	for id, rs := range want {
		n += len(rs)
		if !reflect.DeepEqual(got[id], rs) {
			for i := range max(len(rs), len(got[id])) {
				if i >= len(rs) || i >= len(got[id]) || !reflect.DeepEqual(got[id][i], rs[i]) {
					t.Fatalf("meeting %s, record %d:\n got %+v\nwant %+v", id, i, at(got[id], i), at(rs, i))
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d records compared", n)
	}
	slow := &dueCache{names: c.names, items: map[string]*committeeItems{}}
	for key := range c.names {
		g, w := fast.items[key], slow.committeeItems(ctx, l, key)
		g.counts, g.other, g.touched, w.counts, w.other, w.touched = nil, nil, nil, nil, nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("committee %s: items differ (%d items, want %d)", key, len(g.list), len(w.list))
		}
	}
}

func at(rs []row, i int) any {
	if i < len(rs) {
		return rs[i]
	}
	return "none"
}

// testBoardAsTheStoreLists checks the due board drawn from the model's
// rows (every committee at once, the board's first load) lists, for each
// committee, what the store's own listing of that committee gives (the
// path a one-off `due --committee` takes), flags and order included.
func testBoardAsTheStoreLists(t *testing.T, l *Library) {
	ctx := context.Background()
	cs, err := l.Committees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, asOf := range []string{"2012-06-01", "2016-03-15", "2030-01-01"} {
		for _, closed := range []bool{false, true} {
			var want [][]Record
			l.cacheMu.Lock()
			l.cache = nil
			l.cacheMu.Unlock()
			for _, c := range cs { // the store's listing: the rows are not in memory
				rs, err := l.Due(ctx, DueQuery{AsOf: date(asOf), Committee: c.Key, IncludeClosed: closed})
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, rs)
			}
			all, err := l.Due(ctx, DueQuery{AsOf: date(asOf), IncludeClosed: closed})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for i, c := range cs {
				got, err := l.Due(ctx, DueQuery{AsOf: date(asOf), Committee: c.Key, IncludeClosed: closed}) // from the model's rows now
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("as of %s, closed %v, committee %s: the board from memory differs from the store's listing", asOf, closed, c.Key)
				}
				n += len(got)
				inAll := slices.DeleteFunc(slices.Clone(all), func(r Record) bool { return r.CommitteeKey != c.Key })
				if !reflect.DeepEqual(inAll, got) {
					t.Errorf("as of %s, closed %v, committee %s: the whole board's records of the committee differ from its own board", asOf, closed, c.Key)
				}
			}
			if n != len(all) {
				t.Errorf("as of %s: the committees' boards hold %d records, the whole board %d", asOf, n, len(all))
			}
		}
	}
}

// TestSortByFlag: the board's order by numbers is the order by
// comparison, on lists with ties, undated records and odd dates.
func TestSortByFlag(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	flags := []Flag{FlagOverdue, FlagSlipped, FlagDueNext, FlagDueSoon, FlagUpcoming, FlagUndated, FlagReturned, FlagDone}
	for _, odd := range []minutes.Date{{}, {Year: 2022, Month: 2, Day: 30}, {Year: -5, Month: 1, Day: 1}, {Year: 20000, Month: 1, Day: 1}} {
		var list []flagged
		for i := range 3000 {
			f := flags[rnd.IntN(len(flags))]
			d := minutes.Date{Year: 2011 + rnd.IntN(15), Month: time.Month(1 + rnd.IntN(12)), Day: 1 + rnd.IntN(28)}
			switch rnd.IntN(10) {
			case 0:
				d = minutes.Date{}
			case 1:
				if i%500 == 0 {
					d = odd
				}
			}
			list = append(list, flagged{flag: f, rank: f.Rank(), due: d, r: &row{Record: Record{ID: strconv.Itoa(i)}}, at: uint64(3000-i) << 3})
		}
		fast, slow := slices.Clone(list), slices.Clone(list)
		sortByFlag(fast)
		sortByFlagSlowly(slow)
		for i := range fast {
			if fast[i].r != slow[i].r {
				t.Fatalf("odd date %v: at %d, %s (%s %v), want %s (%s %v)", odd, i, fast[i].r.ID, fast[i].flag, fast[i].due, slow[i].r.ID, slow[i].flag, slow[i].due)
			}
		}
	}
}
