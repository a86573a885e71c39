package tui

import (
	"sort"
	"strings"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The due board's data: the records the library returned for a committee
// (or all) as of a date, narrowed by owner and status and put in order,
// the way clerks' trackers are kept: grouped by flag (overdue first,
// soonest due first in each group), or as one list by due date, owner,
// committee or status. Built off the UI goroutine.

// dueSort is the board's order.
type dueSort int

const (
	sortByFlag dueSort = iota // grouped by flag, by due date in each group
	sortByDue
	sortByOwner
	sortByCommittee
	sortByStatus
	dueSorts // how many there are
)

var dueSortNames = [...]string{"flag", "due date", "owner", "committee", "status"}

// dueFilter is how the board is narrowed and ordered, besides the
// committee, which the library's query takes.
type dueFilter struct {
	owner    string // with ownerSet, only this owner's records ("" for those naming none)
	ownerSet bool
	status   index.Status // "" for every status
	sort     dueSort
}

// active reports whether the filter narrows the board.
func (f dueFilter) active() bool { return f.ownerSet || f.status != "" }

// match reports whether the filter keeps r. people, when known, is who
// each record's owner names (index.Library.RecordOwners): the owner
// filter then keeps a person's records however the minutes spell them.
func (f dueFilter) match(r *index.Record, people map[string][]string) bool {
	if f.ownerSet && !ownedBy(r, people, f.owner) {
		return false
	}
	return f.status == "" || statusOf(r) == f.status
}

// ownedBy reports whether owner (a person's name, or an owner as
// written) owns r: one of the people r's owner names, else r's owner as
// written.
func ownedBy(r *index.Record, people map[string][]string, owner string) bool {
	want := ownerKey(owner)
	if names, ok := people[r.ID]; ok {
		for _, n := range names {
			if ownerKey(n) == want {
				return true
			}
		}
	}
	return ownerKey(r.Owner) == want
}

// showsClosed reports whether the filter asks for closed records, which
// are then shown whatever x says.
func (f dueFilter) showsClosed() bool { return f.status.Closed() }

// ownerKey is an owner as the filter compares it: on one line, any case.
func ownerKey(s string) string { return strings.ToLower(oneLine(s)) }

// statusOf is a record's status, open when it has none.
func statusOf(r *index.Record) index.Status {
	if r.Status == "" {
		return index.StatusOpen
	}
	return r.Status
}

// rowFlag is the flag a record is shown under: done for a closed one.
func rowFlag(r *index.Record) index.Flag {
	if r.Status.Closed() {
		return index.FlagDone
	}
	return r.Flag
}

// dueBoard is one load of the due board.
type dueBoard struct {
	asOf      minutes.Date
	committee string
	filter    dueFilter
	recs      []index.Record // every record the library returned, then the review queue's not among them
	due       int            // how many of recs the due board's query returned
	groups    []dueGroup     // by flag in index.FlagOrder (empty ones left out), or one when sorted otherwise
	flat      bool           // sorted other than by flag: one group, no headings
	counts    map[index.Flag]int
	open      int // records shown that are open or in progress
	closed    int // records shown that are done or dropped
	statuses  map[index.Status]int
	owners    []ownerCount // worked out when first asked for (ownerCounts)
	// people is who each record's owner names, by record ID, once asked
	// for (the owner chooser, an owner filter); nil until then.
	people map[string][]string
}

type dueGroup struct {
	flag    index.Flag
	recs    []int // indexes into recs, in order
	dropped int   // how many of them are dropped (the done group holds both)
}

// ownerCount is an owner named on the board and their open records.
type ownerCount struct {
	name string
	open int
}

// buildBoard narrows and orders records for the board, with the review
// queue (review: the records the parser was unsure of) in a group of its
// own first when the board is grouped by flag. Within any order, ties go
// by due date (undated last), meeting date and ID, so the order is
// stable.
func buildBoard(q index.DueQuery, recs []index.Record, f dueFilter, review ...index.Record) *dueBoard {
	return buildBoardFor(q, recs, nil, f, review...)
}

// buildBoardFor is buildBoard knowing who each record's owner names
// (people, by record ID; nil when not known).
func buildBoardFor(q index.DueQuery, recs []index.Record, people map[string][]string, f dueFilter, review ...index.Record) *dueBoard {
	b := &dueBoard{asOf: q.AsOf, committee: q.Committee, filter: f, recs: recs, people: people, flat: f.sort != sortByFlag,
		counts: map[index.Flag]int{}, statuses: map[index.Status]int{}, due: len(recs)}
	inReview := map[string]bool{}
	if !b.flat && len(review) > 0 {
		onBoard := map[string]int{}
		for i, r := range recs {
			onBoard[r.ID] = i
		}
		for _, r := range review {
			inReview[r.ID] = true
			if i, ok := onBoard[r.ID]; ok {
				recs[i] = r // as the queue read it, with its version: y and n are made to it
			} else { // a resolution, or from after the as-of date
				b.recs = append(b.recs, r)
			}
		}
		recs = b.recs
	}
	byFlag := map[index.Flag][]int{}
	var all []int
	for i := range recs {
		r := &recs[i]
		if r.Kind != "resolution" {
			b.statuses[statusOf(r)]++
		}
		if !f.match(r, people) && !inReview[r.ID] {
			continue
		}
		fl := rowFlag(r)
		if inReview[r.ID] {
			fl = flagReview
		}
		b.counts[fl]++
		switch {
		case r.Kind == "resolution": // in the review queue only: no status
		case fl == index.FlagDone:
			b.closed++
		default:
			b.open++
		}
		if b.flat {
			all = append(all, i)
		} else {
			byFlag[fl] = append(byFlag[fl], i)
		}
	}
	if b.flat {
		b.sortRecs(all)
		b.groups = []dueGroup{{recs: all}}
		return b
	}
	order := append([]index.Flag{flagReview}, index.FlagOrder...)
	for fl := range byFlag { // a flag the TUI does not know goes last
		if !contains(order, fl) {
			order = append(order, fl)
		}
	}
	seen := map[index.Flag]bool{}
	for _, fl := range order {
		idx := byFlag[fl]
		if len(idx) == 0 || seen[fl] {
			continue
		}
		seen[fl] = true
		b.sortRecs(idx)
		g := dueGroup{flag: fl, recs: idx}
		for _, i := range idx {
			if recs[i].Status == index.StatusDropped {
				g.dropped++
			}
		}
		b.groups = append(b.groups, g)
	}
	return b
}

// ownerCounts are the owners the board's records name, with how many open
// records each has, most first: the owner chooser's list. When the board
// knows who each owner names (people), they are people and roles (a
// record of "JB and the Clerk" counts for both); else the owners as
// written. They are worked out once, when first asked for (a board holds
// thousands of records, and few loads are ever narrowed to an owner).
func (b *dueBoard) ownerCounts() []ownerCount {
	if b.owners != nil {
		return b.owners
	}
	owners := map[string]*ownerCount{}
	for i := range b.recs[:b.due] {
		r := &b.recs[i]
		if r.Status.Closed() {
			continue
		}
		names, ok := b.people[r.ID]
		if !ok {
			names = []string{r.Owner}
		}
		for _, n := range names {
			k := ownerKey(n)
			if owners[k] == nil {
				owners[k] = &ownerCount{name: oneLine(n)}
			}
			owners[k].open++
		}
	}
	b.owners = []ownerCount{}
	for _, o := range owners {
		b.owners = append(b.owners, *o)
	}
	sort.Slice(b.owners, func(i, j int) bool {
		if b.owners[i].open != b.owners[j].open {
			return b.owners[i].open > b.owners[j].open
		}
		return b.owners[i].name < b.owners[j].name
	})
	return b.owners
}

// statusRank orders statuses on the board: the work still to do first.
var statusRank = map[index.Status]int{index.StatusInProgress: 0, index.StatusOpen: 1, index.StatusDone: 2, index.StatusDropped: 3}

// sortRecs puts idx in the board's order.
func (b *dueBoard) sortRecs(idx []int) {
	recs := b.recs
	byDue := func(ra, rc *index.Record) int {
		if ra.Due.IsZero() != rc.Due.IsZero() {
			if ra.Due.IsZero() {
				return 1
			}
			return -1
		}
		if d := ra.Due.Compare(rc.Due); d != 0 {
			return d
		}
		if d := ra.MeetingDate.Compare(rc.MeetingDate); d != 0 {
			return d
		}
		return strings.Compare(ra.ID, rc.ID)
	}
	var first func(ra, rc *index.Record) int
	switch b.filter.sort {
	case sortByOwner:
		first = func(ra, rc *index.Record) int {
			oa, oc := ownerKey(ra.Owner), ownerKey(rc.Owner)
			if (oa == "") != (oc == "") { // no owner named: last
				if oa == "" {
					return 1
				}
				return -1
			}
			return strings.Compare(oa, oc)
		}
	case sortByCommittee:
		first = func(ra, rc *index.Record) int { return strings.Compare(ra.Committee, rc.Committee) }
	case sortByStatus:
		first = func(ra, rc *index.Record) int { return statusRank[statusOf(ra)] - statusRank[statusOf(rc)] }
	}
	sort.SliceStable(idx, func(a, c int) bool {
		ra, rc := &recs[idx[a]], &recs[idx[c]]
		if first != nil {
			if d := first(ra, rc); d != 0 {
				return d < 0
			}
		}
		return byDue(ra, rc) < 0
	})
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
