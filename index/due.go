package index

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// Flags are worked out here by the one rule, minutes.FlagOf, from what the
// store holds: each committee's calendar (minutes.NewCalendar: its meetings
// and the next-meeting dates their minutes state, against which due
// targets are resolved) and, for follow-ups, the item that answers them.
//
// A follow-up is answered by a later meeting of the same committee that
// took an item on its subject, or by the item a clerk linked. Subjects are
// matched by words: the significant words (stemmed; stop words and the
// words every report uses, such as "report" and "update", left out) of the
// later item's title against those of the follow-up's item title and text.
// An item matches when at least two of its title's words match and they
// are at least half its title's words, or its title is one word that is in
// the follow-up's item title; and at least one of the matching words is
// not from the committee's name (at a Community Safety committee,
// "Community Safety Partnership Plan" does not answer a follow-up on
// anti-social behaviour and community safety: a false return hides a
// follow-up the committee is still owed, where a missed one shows as
// slipped and gets looked at). The earliest matching item wins; a clerk can
// say the follow-up was not returned (LinkReturn with no item), which
// rejects that item and every other the library holds (returns.go).

// dueCache is what flagging needs, for one library generation. When the
// generation moves on, the next cache keeps what the changed meetings (from
// the store's changes log) did not touch, so that an edit costs the
// re-reading of one meeting, not of the library.
type dueCache struct {
	gen         int64
	calendars   map[string]minutes.Calendar    // committee key → its known meetings
	committee   map[string]string              // meeting ID → committee key
	meetings    map[string]*store.MeetingDates // meeting ID → its committee, dates and source
	meetingList []store.MeetingDates           // every meeting, by date, committee and ID
	order       []string                       // meeting IDs by date, committee, ID
	committees  []Committee                    // by name, then council
	names       map[string][]string            // committee key → the names its minutes give it
	links       map[string]*linkSet            // follow-up ID → the clerk's decisions

	mu      sync.Mutex
	items   map[string]*committeeItems     // committee key → items, loaded when first needed
	matches map[string]map[string]*ItemRef // committee key → follow-up ID → its earliest match (nil: none)

	rowsMu    sync.Mutex
	byMeeting map[string][]row // every action and follow-up by meeting; nil until first needed

	listsMu sync.Mutex
	lists   []cachedList // the latest lists made from byMeeting, newest first

	orderIdx map[string]int // meeting ID → its place in order
	// prev is the model this one was made from when only records,
	// tracking or links changed (a clerk's edit: no meeting imported,
	// the calendars the same), and the meetings changed: a list of prev
	// is this model's list but for those meetings' records.
	prev        *dueCache
	prevChanged map[string]bool

	wideOnce sync.Once
	isWide   bool // a meeting has more rows than flagged.at numbers
	rows     int  // how many rows byMeeting holds
}

// cachedList is one list records made from the model's rows: the query
// (as keyOf writes it) and the records it picked, flagged and in order.
type cachedList struct {
	key    string
	picked []flagged
}

// maxCachedLists is how many lists a model keeps: the board as the TUI
// shows it, and a filter or two.
const maxCachedLists = 4

// wide reports whether a meeting has more rows than flagged.at numbers.
func (c *dueCache) wide(byMeeting map[string][]row) bool {
	c.countRows(byMeeting)
	return c.isWide
}

// rowCount is how many rows the model holds.
func (c *dueCache) rowCount(byMeeting map[string][]row) int {
	c.countRows(byMeeting)
	return c.rows
}

func (c *dueCache) countRows(byMeeting map[string][]row) {
	c.wideOnce.Do(func() {
		for _, rs := range byMeeting {
			c.rows += len(rs)
			if len(rs) >= 1<<placeRowBits {
				c.isWide = true
			}
		}
	})
}

// prevList returns the list prev made for key, if this model was made
// from prev after an edit and prev has it.
func (c *dueCache) prevList(key string) ([]flagged, bool) {
	if c.prev == nil {
		return nil, false
	}
	return c.prev.cachedList(key)
}

// cachedList returns the list made for key, if the model has it.
func (c *dueCache) cachedList(key string) ([]flagged, bool) {
	c.listsMu.Lock()
	defer c.listsMu.Unlock()
	for _, l := range c.lists {
		if l.key == key {
			return l.picked, true
		}
	}
	return nil, false
}

// keepList keeps the list made for key.
func (c *dueCache) keepList(key string, picked []flagged) {
	c.listsMu.Lock()
	defer c.listsMu.Unlock()
	c.lists = append([]cachedList{{key, picked}}, c.lists[:min(len(c.lists), maxCachedLists-1)]...)
}

type linkSet struct {
	confirmed string
	rejected  map[string]bool
}

type committeeItems struct {
	list []itemInfo
	post map[string][]int32 // term → indexes into list, in date order
	own  map[string]bool    // the terms of the committee's names

	counts  []uint16 // scratch for match: matching terms per item
	other   []uint16 // and those of them not from the committee's name
	touched []int32
}

type itemInfo struct {
	id, meetingID, committee, number, title string
	date                                    minutes.Date
	terms                                   map[string]string // stem → the title's word
}

// newDueCache is an empty model.
func newDueCache() *dueCache {
	return &dueCache{calendars: map[string]minutes.Calendar{}, committee: map[string]string{}, meetings: map[string]*store.MeetingDates{},
		names: map[string][]string{}, links: map[string]*linkSet{},
		items: map[string]*committeeItems{}, matches: map[string]map[string]*ItemRef{}}
}

// model returns the flagging model for the library's current generation:
// the one in memory when it is current, otherwise one made from it (or,
// first in a process, from the library's snapshot: snapshot.go) by
// reading again what changed since, otherwise one read from the store.
func (l *Library) model(ctx context.Context) (*dueCache, error) {
	gen, err := l.Generation(ctx)
	if err != nil {
		return nil, err
	}
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	old := l.cache
	if old == nil && !l.snapRead {
		l.snapRead = true
		if old = l.readSnapshot(); old != nil {
			if old.gen > gen { // a store put back from a backup
				old = nil
			} else {
				l.snapGen = old.gen
			}
		}
	}
	if old != nil && old.gen == gen && old != l.cache { // the snapshot is current: it lacks only the links
		err := l.store.Read(ctx, func(q store.Q) error { return old.readLinks(ctx, q) })
		if err != nil {
			return nil, l.store.Wrap("read the library", err)
		}
		l.cache = old
	}
	if old != nil && old.gen == gen {
		return old, nil
	}
	c := newDueCache()
	err = l.store.Read(ctx, func(q store.Q) error {
		var err error
		if c.gen, err = q.Generation(ctx); err != nil {
			return err
		}
		var changed map[string]bool
		ok := false
		if old != nil {
			if changed, ok, err = q.ChangedSince(ctx, old.gen); err != nil {
				return err
			}
		}
		if err := c.readMeetings(ctx, q, old, changed, ok); err != nil {
			return err
		}
		if err := c.readLinks(ctx, q); err != nil {
			return err
		}
		if !ok {
			return nil
		}
		c.carryOver(old, changed)
		old.rowsMu.Lock()
		defer old.rowsMu.Unlock()
		if old.byMeeting == nil {
			return nil
		}
		byMeeting := make(map[string][]row, len(old.byMeeting))
		for id, rs := range old.byMeeting {
			if !changed[id] {
				byMeeting[id] = rs
			}
		}
		ids := make([]string, 0, len(changed))
		for id := range changed {
			ids = append(ids, id)
		}
		fresh := map[string][]row{}
		if err := loadByMeeting(ctx, q, fresh, store.Filter{Kinds: tracked, Meetings: ids}); err != nil {
			return err
		}
		for id, rs := range fresh {
			byMeeting[id] = rs
		}
		c.byMeeting = byMeeting
		return nil
	})
	if err != nil {
		return nil, l.store.Wrap("read the library", err)
	}
	l.cache = c
	return c, nil
}

// readMeetings reads every meeting's committee and dates: the committees,
// their calendars and the meeting order. With old's meetings current but
// for those changed (incremental), only those are read again.
func (c *dueCache) readMeetings(ctx context.Context, q store.Q, old *dueCache, changed map[string]bool, incremental bool) error {
	if !incremental {
		ms, err := q.MeetingDates(ctx)
		if err != nil {
			return err
		}
		c.fromMeetings(ms)
		return nil
	}
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	fresh, err := q.MeetingDatesOf(ctx, ids)
	if err != nil {
		return err
	}
	if sameMeetings(old, changed, fresh) {
		// Only records, tracking or links changed (a clerk's edit): the
		// committees, calendars and order are old's.
		c.meetingList, c.meetings, c.committee, c.order, c.orderIdx = old.meetingList, old.meetings, old.committee, old.order, old.orderIdx
		c.committees, c.names, c.calendars = old.committees, old.names, old.calendars
		c.prev, c.prevChanged = old, changed
		return nil
	}
	ms := make([]store.MeetingDates, 0, len(old.meetingList)+len(fresh))
	for _, m := range old.meetingList {
		if !changed[m.ID] {
			ms = append(ms, m)
		}
	}
	ms = append(ms, fresh...)
	if len(fresh) > 0 {
		// As MeetingDates orders them.
		slices.SortFunc(ms, func(a, b store.MeetingDates) int {
			if c := a.Date.Compare(b.Date); c != 0 {
				return c
			}
			if c := strings.Compare(a.Committee, b.Committee); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
	}
	c.fromMeetings(ms)
	return nil
}

// sameMeetings reports whether the changed meetings are, as read again
// (fresh), what old holds of them: the same meetings, all of them.
func sameMeetings(old *dueCache, changed map[string]bool, fresh []store.MeetingDates) bool {
	held := 0
	for id := range changed {
		if old.meetings[id] != nil {
			held++
		}
	}
	if held != len(fresh) {
		return false
	}
	for i := range fresh {
		if o := old.meetings[fresh[i].ID]; o == nil || *o != fresh[i] {
			return false
		}
	}
	return true
}

// fromMeetings makes the committees, their calendars and the meeting
// order from every meeting, by date, committee and ID; c keeps ms.
func (c *dueCache) fromMeetings(ms []store.MeetingDates) {
	c.meetingList = ms
	c.orderIdx = make(map[string]int, len(ms))
	held := map[string][]minutes.HeldMeeting{}
	byKey := map[string]*Committee{}
	for i := range ms {
		m := &ms[i]
		c.meetings[m.ID] = m
		k := m.CommitteeKey
		cm := byKey[k]
		if cm == nil {
			cm = &Committee{Key: k}
			byKey[k] = cm
		}
		cm.Meetings++
		cm.Name = m.Committee // the latest minutes' name
		if m.Council != "" {
			cm.Council = m.Council
		}
		if !slices.Contains(c.names[k], m.Committee) {
			c.names[k] = append(c.names[k], m.Committee)
		}
		c.committee[m.ID] = k
		c.orderIdx[m.ID] = len(c.order)
		c.order = append(c.order, m.ID)
		if m.Date.After(cm.Last) {
			cm.Last = m.Date
		}
		held[k] = append(held[k], minutes.HeldMeeting{Date: m.Date, Next: m.Next})
	}
	for _, cm := range byKey {
		c.committees = append(c.committees, *cm)
	}
	slices.SortFunc(c.committees, func(a, b Committee) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Council, b.Council)
	})
	for k, hs := range held {
		c.calendars[k] = minutes.NewCalendar(hs)
	}
}

func (c *dueCache) readLinks(ctx context.Context, q store.Q) error {
	links, err := q.Links(ctx)
	if err != nil {
		return err
	}
	for _, l := range links {
		ls := c.links[l.FollowUp]
		if ls == nil {
			ls = &linkSet{rejected: map[string]bool{}}
			c.links[l.FollowUp] = ls
		}
		if l.Confirmed {
			ls.confirmed = l.Item
		} else {
			ls.rejected[l.Item] = true
		}
	}
	return nil
}

// carryOver keeps the items and matches of the committees whose items
// none of the changed meetings changed: the committees none of them
// belongs to (before or after the change), and those whose changed
// meetings were only tracked or corrected, not imported or parsed again
// (stored at the same generation as before, not after old's). Of the
// latter, the matches of the changed meetings' follow-ups are dropped:
// their text or the clerk's decisions about them may have changed.
func (c *dueCache) carryOver(old *dueCache, changed map[string]bool) {
	affected := map[string]bool{}    // committee key → its items may have changed
	touched := map[string][]string{} // committee key → its changed meetings
	for id := range changed {
		o, n := old.meetings[id], c.meetings[id]
		same := o != nil && n != nil && o.CommitteeKey == n.CommitteeKey && o.Gen == n.Gen && n.Gen <= old.gen
		for _, m := range []*store.MeetingDates{o, n} {
			if m == nil {
				continue
			}
			touched[m.CommitteeKey] = append(touched[m.CommitteeKey], id)
			if !same {
				affected[m.CommitteeKey] = true
			}
		}
	}
	old.rowsMu.Lock()
	oldRows := old.byMeeting
	old.rowsMu.Unlock()
	old.mu.Lock()
	defer old.mu.Unlock()
	for k, ci := range old.items {
		if !affected[k] {
			// The lists are shared; the scratch space match counts in is
			// each model's own.
			own := *ci
			own.counts, own.other, own.touched = nil, nil, nil
			c.items[k] = &own
		}
	}
	for k, m := range old.matches {
		if affected[k] {
			continue
		}
		m = maps.Clone(m)
		for _, id := range touched[k] {
			for fid := range m {
				if strings.HasPrefix(fid, id+"-") { // the meeting's records' IDs start with its own
					delete(m, fid)
				}
			}
			for _, r := range oldRows[id] { // and whatever else it held
				delete(m, r.ID)
			}
		}
		c.matches[k] = m
	}
}

// rowsLoaded reports whether allRows has the rows in memory.
func (c *dueCache) rowsLoaded() bool {
	c.rowsMu.Lock()
	defer c.rowsMu.Unlock()
	return c.byMeeting != nil
}

// allRows returns every action and follow-up, grouped by meeting, reading
// them when first needed.
func (c *dueCache) allRows(ctx context.Context, l *Library) (map[string][]row, error) {
	c.rowsMu.Lock()
	defer c.rowsMu.Unlock()
	if c.byMeeting != nil {
		return c.byMeeting, nil
	}
	byMeeting, err := c.loadBoard(ctx, l)
	if err != nil {
		return nil, l.store.Wrap("list records", err)
	}
	c.byMeeting = byMeeting
	return c.byMeeting, nil
}

// flag sets r's Flag, ReturnedTo and resolved Due as of asOf, by the one
// flag rule (minutes.FlagOf) against the committee's calendar.
func (c *dueCache) flag(ctx context.Context, l *Library, r *row, asOf minutes.Date) {
	f := c.standing(ctx, l, r, asOf)
	r.Flag, r.Due, r.Provisional, r.ReturnedTo = f.flag, f.due, f.provisional, f.returnedTo
}

// standing is where r stands as of asOf (what flag sets), leaving r as
// it is.
func (c *dueCache) standing(ctx context.Context, l *Library, r *row, asOf minutes.Date) flagged {
	f := flagged{r: r, flag: FlagResolution, due: r.Due, provisional: r.Provisional}
	if r.Kind == minutes.KindResolution {
		f.rank = f.flag.Rank()
		return f
	}
	t := minutes.Tracked{Kind: r.Kind, Status: r.Status, MeetingDate: r.MeetingDate, Due: r.Due,
		Provisional: r.Provisional, Target: r.Target, DueSet: r.dueOverride}
	var ref *ItemRef
	if r.Kind == minutes.KindFollowUp && !r.Status.Closed() {
		if ref = c.returnedTo(ctx, l, r); ref != nil {
			t.ReturnedAt = ref.MeetingDate
		}
	}
	s := minutes.FlagOf(t, c.calendars[r.key()], asOf)
	f.flag, f.rank, f.due, f.provisional = s.Flag, s.Flag.Rank(), s.Due, s.Provisional
	if s.Flag == FlagReturned {
		f.returnedTo = ref
	}
	return f
}

// returnedTo is the item that answers follow-up r, whatever the as-of
// date: the clerk's confirmed link, or the earliest matching later item
// the clerk has not rejected. nil when there is none.
func (c *dueCache) returnedTo(ctx context.Context, l *Library, r *row) *ItemRef {
	ls := c.links[r.ID]
	if ls != nil && ls.confirmed != "" {
		it, err := l.store.Q().Item(ctx, ls.confirmed)
		if err != nil { // the item has gone (a re-parse): the link waits for it to come back
			return nil
		}
		return &ItemRef{ItemID: it.ID, MeetingID: it.MeetingID, MeetingDate: it.Date, Committee: it.Committee,
			Minute: it.Number, Title: it.Title, Confirmed: true}
	}
	if r.Orphaned {
		return nil
	}
	key := r.key()
	c.mu.Lock()
	defer c.mu.Unlock()
	if ref, ok := c.matches[key][r.ID]; ok {
		return ref
	}
	ci := c.committeeItems(ctx, l, key)
	ref := ci.match(r, ls)
	if c.matches[key] == nil {
		c.matches[key] = map[string]*ItemRef{}
	}
	c.matches[key][r.ID] = ref
	return ref
}

// committeeItems loads (once per generation) the items of one committee's
// meetings, with an index of their titles' words. c.mu is held.
func (c *dueCache) committeeItems(ctx context.Context, l *Library, key string) *committeeItems {
	if ci, ok := c.items[key]; ok {
		return ci
	}
	var rows []store.ItemRow
	if len(c.names[key]) > 0 {
		rows, _ = l.store.Q().CommitteeItems(ctx, key) // unreadable: no items, as for a committee with none
	}
	ci := newCommitteeItems(c.names[key], rows, subjectTerms)
	c.items[key] = ci
	return ci
}

// newCommitteeItems indexes the items of one committee (of these names)
// by their titles' subject terms; terms works them out (subjectTerms, or
// a memo of it).
func newCommitteeItems(names []string, rows []store.ItemRow, terms func(string) map[string]string) *committeeItems {
	ci := &committeeItems{post: map[string][]int32{}, own: map[string]bool{}}
	for _, name := range names {
		for t := range subjectTerms(name) {
			ci.own[t] = true
		}
	}
	if len(names) == 0 {
		return ci
	}
	type sortable struct {
		itemInfo
		ord int
	}
	list := make([]sortable, 0, len(rows))
	for _, r := range rows {
		it := sortable{itemInfo{id: r.ID, meetingID: r.MeetingID, committee: r.Committee, number: r.Number, title: r.Title, date: r.Date}, r.Ord}
		it.terms = terms(it.title)
		if len(it.terms) > 0 {
			list = append(list, it)
		}
	}
	slices.SortFunc(list, func(a, b sortable) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		if c := strings.Compare(a.meetingID, b.meetingID); c != 0 {
			return c
		}
		return a.ord - b.ord
	})
	ci.list = make([]itemInfo, len(list))
	for n, it := range list {
		ci.list[n] = it.itemInfo
		for t := range it.terms {
			ci.post[t] = append(ci.post[t], int32(n))
		}
	}
	return ci
}

// match finds the earliest later item on r's subject (see the comment at
// the top of this file). c.mu is held: ci's counters are shared.
func (ci *committeeItems) match(r *row, ls *linkSet) *ItemRef {
	titleTerms := subjectTerms(r.ItemTitle)
	subject := subjectTerms(r.Text)
	for t, w := range titleTerms {
		subject[t] = w
	}
	if len(subject) == 0 || len(ci.list) == 0 {
		return nil
	}
	if len(ci.counts) != len(ci.list) {
		ci.counts = make([]uint16, len(ci.list))
		ci.other = make([]uint16, len(ci.list))
	}
	// The first item after the follow-up's meeting: postings are in date
	// order, so everything from there on is later.
	first := int32(sort.Search(len(ci.list), func(i int) bool { return ci.list[i].date.After(r.MeetingDate) }))
	touched := ci.touched[:0]
	for t := range subject {
		post := ci.post[t]
		k := sort.Search(len(post), func(i int) bool { return post[i] >= first })
		own := ci.own[t]
		for _, i := range post[k:] {
			if ci.counts[i] == 0 {
				touched = append(touched, i)
			}
			ci.counts[i]++
			if !own {
				ci.other[i]++
			}
		}
	}
	best := int32(-1)
	for _, i := range touched {
		n, other := int(ci.counts[i]), ci.other[i]
		ci.counts[i], ci.other[i] = 0, 0
		if best >= 0 && i > best || other == 0 {
			continue // later than the best so far (list is in date order), or only the committee's own words
		}
		it := &ci.list[i]
		if ls != nil && ls.rejected[it.id] {
			continue
		}
		ok := n >= 2 && 2*n >= len(it.terms)
		if !ok && len(it.terms) == 1 {
			for t := range it.terms {
				_, ok = titleTerms[t]
			}
		}
		if ok {
			best = i
		}
	}
	ci.touched = touched
	if best < 0 {
		return nil
	}
	it := &ci.list[best]
	ref := &ItemRef{ItemID: it.id, MeetingID: it.meetingID, MeetingDate: it.date, Committee: it.committee, Minute: it.number, Title: it.title}
	for t, w := range it.terms {
		if _, ok := subject[t]; ok {
			ref.Matched = append(ref.Matched, w)
		}
	}
	sort.Strings(ref.Matched)
	return ref
}

// notSubject are words that say nothing about what a report is about.
var notSubject = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been before
	being below between both but by can could did do does doing down during each few for from further had has have having he her
	here hers him his how i if in into is it its itself me more most my no nor not of off on once only or other our ours out over
	own same she should so some such than that the their them then there these they this those through to too under until up very
	was we were what when where which while who whom why will with would you your
	report reports reported reporting update updates updated progress further submit submitted submission bring brought back
	meeting meetings committee committees council councils sub panel board cabinet item items minute minutes agenda matter
	next last previous future time months month weeks week years year day days
	january february march april may june july august september october november december
	one two three four five six seven eight nine ten eleven twelve first second third
	officer officers director head manager members member chair noted note consider considered considering
	verbal written annual quarterly interim final draft`) {
		notSubject[w] = true
	}
}

// subjectTerms returns the significant words of s, stemmed, each with the
// first word it came from.
func subjectTerms(s string) map[string]string {
	out := map[string]string{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if len(lw) < 3 || notSubject[lw] || isNumber(lw) {
			continue
		}
		stem := stemOf(lw)
		if _, ok := out[stem]; !ok {
			out[stem] = w
		}
	}
	return out
}

// stems remembers the stems of the words seen: titles use few words, and
// stemming is the dearest step of matching.
var stems sync.Map

func stemOf(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := porterstemmer.StemString(w)
	stems.Store(w, s)
	return s
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Due returns open actions and follow-ups with their flags as of q.AsOf,
// sorted by flag (FlagOrder), then due date (undated last), then meeting.
//
// Records from meetings after the as-of date are left out: on that date
// they did not exist yet.
func (l *Library) Due(ctx context.Context, q DueQuery) ([]Record, error) {
	kinds := []minutes.Kind{minutes.KindAction, minutes.KindFollowUp}
	var statuses []Status
	if !q.IncludeClosed {
		statuses = []Status{StatusOpen, StatusInProgress}
	}
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = l.today()
	}
	return l.records(ctx, RecordQuery{AsOf: asOf, Committee: q.Committee, Council: q.Council, Kinds: kinds, Statuses: statuses, IncludeExempt: true,
		IncludeRejected: q.IncludeRejected}, true)
}

// Records returns records for exports, in meeting-date then minute order,
// flagged as of q.AsOf.
func (l *Library) Records(ctx context.Context, q RecordQuery) ([]Record, error) {
	recs, err := l.records(ctx, q, false)
	if err == nil && q.Owner != "" {
		recs, err = l.OwnerRecords(ctx, q.Owner, recs) // people.go
	}
	if err == nil {
		err = l.fillSourceURLs(ctx, recs)
	}
	if err == nil {
		err = l.FillVersions(ctx, recs)
	}
	return recs, err
}

// FillVersions sets the Version of records listed without it (Due
// leaves it out: the board is drawn often and edits read the record).
func (l *Library) FillVersions(ctx context.Context, recs []Record) error {
	vs, err := l.store.Q().AllVersions(ctx)
	if err != nil {
		return l.store.Wrap("read the records' versions", err)
	}
	for i := range recs {
		recs[i].Version = vs[recs[i].ID]
	}
	return nil
}

func (l *Library) records(ctx context.Context, q RecordQuery, byFlag bool) ([]Record, error) {
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = l.today()
	}
	kinds := q.Kinds
	if kinds == nil {
		kinds = []minutes.Kind{minutes.KindAction, minutes.KindFollowUp}
	}
	keys, err := l.scopeKeys(ctx, q.Committee, q.Council)
	if err != nil {
		return nil, err
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	wantKind := map[minutes.Kind]bool{}
	for _, k := range kinds {
		wantKind[k] = true
	}
	var wantStatus map[Status]bool
	if len(q.Statuses) > 0 {
		wantStatus = map[Status]bool{}
		for _, s := range q.Statuses {
			wantStatus[s] = true
		}
	}
	// The records kept are flagged where they lie (the model's rows are
	// shared: flagging works on what it returns, not on them) and copied
	// out once, in order.
	var picked []flagged
	// at is a record's place in meeting order (flagged.at).
	consider := func(r *row, at uint64) {
		switch {
		case !wantKind[r.Kind],
			keys != nil && !keys[r.CommitteeKey],
			wantStatus != nil && !wantStatus[r.Status],
			!q.From.IsZero() && (r.MeetingDate.IsZero() || r.MeetingDate.Before(q.From)),
			!q.To.IsZero() && (r.MeetingDate.IsZero() || r.MeetingDate.After(q.To)),
			!q.IncludeExempt && r.Exempt,
			byFlag && r.MeetingDate.After(asOf): // the due board: not yet minuted on the as-of date
			return
		}
		f := model.standing(ctx, l, r, asOf)
		f.at = at
		picked = append(picked, f)
	}
	if slices.Contains(kinds, minutes.KindResolution) || keys != nil && !model.rowsLoaded() || q.IncludeRejected {
		// Resolutions or rejected records (which the model does not
		// keep), or one committee's records when the rows are not in
		// memory yet (a one-off command): read those only.
		f := store.Filter{Kinds: kinds}
		if q.IncludeRejected {
			f.Rejected = store.WithRejected
		}
		if keys != nil {
			f.Committees = slices.Collect(maps.Keys(keys))
		}
		rs, err := l.store.Q().Records(ctx, f, true)
		if err != nil {
			return nil, l.store.Wrap("list records", err)
		}
		rows := fromStoreAll(rs)
		for i := range rows {
			consider(&rows[i], uint64(i))
		}
	} else {
		// The model's rows do not change, so neither does a list made
		// from them for the same query and as-of date: it is kept.
		key := fmt.Sprintf("%#v %v %v", q, asOf, byFlag)
		var ok bool
		if picked, ok = model.cachedList(key); !ok {
			byMeeting, err := model.allRows(ctx, l)
			if err != nil {
				return nil, err
			}
			// Each record's place: its meeting's in the order and its own
			// in the meeting; in a library with a meeting of more records
			// than that can number, the place it is met at here.
			n := uint64(0)
			place := func(id string, i int) uint64 {
				n++
				if model.wide(byMeeting) {
					return n
				}
				return uint64(model.orderIdx[id])<<placeRowBits | uint64(i)
			}
			if prevList, ok := model.prevList(key); ok && byFlag && !model.wide(byMeeting) {
				// After a clerk's edit: the list before it, but for the
				// records of the meetings it changed.
				picked = make([]flagged, 0, len(prevList)+16)
				for _, f := range prevList {
					if !model.prevChanged[f.r.MeetingID] {
						picked = append(picked, f)
					}
				}
				for id := range model.prevChanged {
					rs := byMeeting[id]
					for i := range rs {
						consider(&rs[i], place(id, i))
					}
				}
			} else {
				picked = make([]flagged, 0, model.rowCount(byMeeting))
				for _, id := range model.order {
					rs := byMeeting[id]
					for i := range rs {
						consider(&rs[i], place(id, i))
					}
				}
			}
			if byFlag {
				sortByFlag(picked)
			}
			model.keepList(key, picked)
		}
		return copyOut(picked), nil
	}
	if byFlag {
		sortByFlag(picked)
	}
	return copyOut(picked), nil
}

// sortByFlag puts records in the due board's order: by flag (FlagOrder),
// then due date (undated last), then their place in meeting order. Each
// record's place in the board is one number (flag rank, due day, place
// in meeting order), and those are sorted.
func sortByFlag(picked []flagged) {
	keys := make([]uint64, len(picked))
	for i := range picked {
		p := &picked[i]
		day := uint64(1<<22 - 1) // undated: last
		if d := p.due; !d.IsZero() {
			// In the order of Date.Compare (year, month, day).
			if d.Year < 0 || d.Year > 11000 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
				sortByFlagSlowly(picked)
				return
			}
			day = uint64(d.Year*372 + int(d.Month-1)*31 + d.Day - 1)
		}
		if p.rank < 0 || p.rank > 255 || p.at >= 1<<34 {
			sortByFlagSlowly(picked)
			return
		}
		keys[i] = uint64(p.rank)<<56 | day<<34 | p.at
	}
	order := make([]struct {
		key uint64
		i   int
	}, len(picked))
	for i, k := range keys {
		order[i].key, order[i].i = k, i
	}
	slices.SortFunc(order, func(a, b struct {
		key uint64
		i   int
	}) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.i - b.i
	})
	sorted := make([]flagged, len(picked))
	for k, o := range order {
		sorted[k] = picked[o.i]
	}
	copy(picked, sorted)
}

// sortByFlagSlowly is sortByFlag for the lists its numbers cannot hold
// (years before 0 or after 11000, dates that are not dates, ranks past
// 255, places past 2^34): the same order.
func sortByFlagSlowly(picked []flagged) {
	slices.SortStableFunc(picked, func(a, b flagged) int {
		if c := a.rank - b.rank; c != 0 {
			return c
		}
		switch {
		case a.due == b.due:
		case a.due.IsZero():
			return 1
		case b.due.IsZero():
			return -1
		default:
			return a.due.Compare(b.due)
		}
		return cmp.Compare(a.at, b.at)
	})
}

// copyOut makes the records of a list, flagged.
func copyOut(picked []flagged) []Record {
	out := make([]Record, len(picked))
	for i := range picked {
		p := &picked[i]
		out[i] = p.r.Record
		out[i].Flag, out[i].Due, out[i].Provisional, out[i].ReturnedTo = p.flag, p.due, p.provisional, p.returnedTo
	}
	return out
}

// flagged is a record of the model with where it stands on an as-of
// date (dueCache.standing), for a list to copy out.
type flagged struct {
	r           *row
	flag        Flag
	rank        int // flag.Rank()
	due         minutes.Date
	provisional bool
	returnedTo  *ItemRef
	at          uint64 // its place in meeting order: ties of flag and due date keep it
}

// placeRowBits is how many bits of flagged.at number a record within its
// meeting.
const placeRowBits = 14

// tracked are the kinds of record the flagging model keeps in memory.
var tracked = []minutes.Kind{minutes.KindAction, minutes.KindFollowUp}

// loadByMeeting reads the records f selects, grouped by meeting, each
// meeting's in order. (Sorting here is cheaper than in SQL.)
func loadByMeeting(ctx context.Context, q store.Q, into map[string][]row, f store.Filter) error {
	rs, err := q.Records(ctx, f, false)
	if err != nil {
		return err
	}
	for _, s := range rs {
		into[s.MeetingID] = append(into[s.MeetingID], fromStore(s))
	}
	for id, list := range into {
		if !slices.IsSortedFunc(list, compareRowOrder) {
			slices.SortStableFunc(list, compareRowOrder)
			into[id] = list
		}
	}
	return nil
}

func compareRowOrder(a, b row) int {
	if a.itemOrd != b.itemOrd {
		return a.itemOrd - b.itemOrd
	}
	return a.recOrd - b.recOrd
}
