package index

import (
	"context"
	"slices"

	"github.com/minutebook/minutebook/index/internal/store"
)

// The due board's first load in a process reads every action and
// follow-up and every item once, side by side on two connections (two
// cores), and joins them in memory with the meetings the model has
// already read: each record gets its meeting's and its item's columns,
// and each committee its items for return matching. This stands in for
// store.Records over the five-table join, which costs two index look-ups
// a record and reads each row's 34 columns one by one (the driver's cost
// is per column); the tests compare the two (board_test.go).

// loadBoard reads every tracked record, grouped by meeting, each
// meeting's in order, and fills c.items with every committee's items
// (those not loaded yet).
func (c *dueCache) loadBoard(ctx context.Context, l *Library) (map[string][]row, error) {
	type itemsRead struct {
		list []store.BoardItem
		err  error
	}
	itemsCh := make(chan itemsRead, 1)
	go func() {
		list, err := l.store.Q().BoardItems(ctx)
		itemsCh <- itemsRead{list, err}
	}()
	// The records come while the items are read; each waits, by its ID,
	// for its item.
	byMeeting := make(map[string][]row, len(c.meetings))
	type pending struct {
		meeting string
		at      int
	}
	var waiting []pending
	err := l.store.Q().BoardRecords(ctx, tracked, func(s *store.Record) {
		m := c.meetings[s.MeetingID]
		if m == nil {
			return // as the join leaves it out
		}
		s.Council, s.Committee, s.CommitteeKey, s.MeetingDate = m.Council, m.Committee, m.CommitteeKey, m.Date
		s.SourceName, s.SourceHash = m.SourceName, m.SourceHash
		list := append(byMeeting[s.MeetingID], fromStore(*s))
		byMeeting[s.MeetingID] = list
		waiting = append(waiting, pending{s.MeetingID, len(list) - 1})
	})
	read := <-itemsCh
	if err != nil {
		return nil, err
	}
	if read.err != nil {
		return nil, read.err
	}
	items := make(map[string]*store.BoardItem, len(read.list))
	for i := range read.list {
		items[read.list[i].ID] = &read.list[i]
	}
	dropped := false // stored ords are never negative
	for _, p := range waiting {
		r := &byMeeting[p.meeting][p.at]
		it := items[r.ItemID]
		if it == nil {
			r.itemOrd, dropped = -1, true // as the join leaves it out: dropped below
			continue
		}
		r.Minute, r.ItemTitle, r.Exempt, r.itemOrd = it.Number, it.Title, it.Exempt, it.Ord
	}
	if dropped {
		for id, list := range byMeeting {
			list = slices.DeleteFunc(list, func(r row) bool { return r.itemOrd < 0 })
			if len(list) == 0 {
				delete(byMeeting, id)
			} else {
				byMeeting[id] = list
			}
		}
	}
	for id, list := range byMeeting {
		if !slices.IsSortedFunc(list, compareRowOrder) {
			slices.SortStableFunc(list, compareRowOrder)
			byMeeting[id] = list
		}
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.indexItems(read.list)
	return byMeeting, nil
}

// indexItems makes the committeeItems of every committee not yet loaded
// from the library's items (those of dated meetings, as CommitteeItems
// lists them). c.mu is held.
func (c *dueCache) indexItems(list []store.BoardItem) {
	byKey := map[string][]store.ItemRow{}
	for i := range list {
		it := &list[i]
		m := c.meetings[it.MeetingID]
		if m == nil || !m.Dated {
			continue
		}
		if _, ok := c.items[m.CommitteeKey]; ok {
			continue
		}
		byKey[m.CommitteeKey] = append(byKey[m.CommitteeKey], store.ItemRow{ID: it.ID, MeetingID: it.MeetingID, Committee: m.Committee,
			Number: it.Number, Title: it.Title, Date: m.Date, Ord: it.Ord})
	}
	// Titles repeat (every meeting has its apologies and its minutes):
	// each is taken apart once.
	memo := map[string]map[string]string{}
	terms := func(title string) map[string]string {
		t, ok := memo[title]
		if !ok {
			t = subjectTerms(title)
			memo[title] = t
		}
		return t
	}
	for key := range c.names {
		if _, ok := c.items[key]; !ok {
			c.items[key] = newCommitteeItems(c.names[key], byKey[key], terms)
		}
	}
}
