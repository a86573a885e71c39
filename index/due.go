package index

import (
	"context"
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
	gen        int64
	calendars  map[string]minutes.Calendar // committee key → its known meetings
	committee  map[string]string           // meeting ID → committee key
	order      []string                    // meeting IDs by date, committee, ID
	committees []Committee                 // by name, then council
	names      map[string][]string         // committee key → the names its minutes give it
	links      map[string]*linkSet         // follow-up ID → the clerk's decisions

	mu      sync.Mutex
	items   map[string]*committeeItems     // committee key → items, loaded when first needed
	matches map[string]map[string]*ItemRef // committee key → follow-up ID → its earliest match (nil: none)

	rowsMu    sync.Mutex
	byMeeting map[string][]row // every action and follow-up by meeting; nil until first needed
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

// model returns the flagging model for the library's current generation.
func (l *Library) model(ctx context.Context) (*dueCache, error) {
	gen, err := l.Generation(ctx)
	if err != nil {
		return nil, err
	}
	l.cacheMu.Lock()
	defer l.cacheMu.Unlock()
	old := l.cache
	if old != nil && old.gen == gen {
		return old, nil
	}
	c := &dueCache{calendars: map[string]minutes.Calendar{}, committee: map[string]string{}, names: map[string][]string{}, links: map[string]*linkSet{},
		items: map[string]*committeeItems{}, matches: map[string]map[string]*ItemRef{}}
	err = l.store.Read(ctx, func(q store.Q) error {
		var err error
		if c.gen, err = q.Generation(ctx); err != nil {
			return err
		}
		if err := c.readMeetings(ctx, q); err != nil {
			return err
		}
		if err := c.readLinks(ctx, q); err != nil {
			return err
		}
		if old == nil {
			return nil
		}
		changed, ok, err := q.ChangedSince(ctx, old.gen)
		if err != nil || !ok {
			return err
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
// their calendars and the meeting order.
func (c *dueCache) readMeetings(ctx context.Context, q store.Q) error {
	ms, err := q.MeetingDates(ctx)
	if err != nil {
		return err
	}
	held := map[string][]minutes.HeldMeeting{}
	byKey := map[string]*Committee{}
	for _, m := range ms {
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
	return nil
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

// carryOver keeps the items and matches of the committees none of the
// changed meetings belong to (before or after the change).
func (c *dueCache) carryOver(old *dueCache, changed map[string]bool) {
	affected := map[string]bool{}
	for id := range changed {
		if k, ok := old.committee[id]; ok {
			affected[k] = true
		}
		if k, ok := c.committee[id]; ok {
			affected[k] = true
		}
	}
	old.mu.Lock()
	defer old.mu.Unlock()
	for k, ci := range old.items {
		if !affected[k] {
			c.items[k] = ci
		}
	}
	for k, m := range old.matches {
		if !affected[k] {
			c.matches[k] = m
		}
	}
}

// rowsLoaded reports whether allRows has the rows in memory.
func (c *dueCache) rowsLoaded() bool {
	c.rowsMu.Lock()
	defer c.rowsMu.Unlock()
	return c.byMeeting != nil
}

// loadAllItems loads every committee's items (committeeItems) in the
// background; the channel is closed when it is done. Flagging a follow-up
// waits on c.mu meanwhile.
func (c *dueCache) loadAllItems(ctx context.Context, l *Library) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, cm := range c.committees {
			c.committeeItems(ctx, l, cm.Key)
		}
	}()
	return done
}

// allRows returns every action and follow-up, grouped by meeting, reading
// them when first needed.
func (c *dueCache) allRows(ctx context.Context, l *Library) (map[string][]row, error) {
	c.rowsMu.Lock()
	defer c.rowsMu.Unlock()
	if c.byMeeting != nil {
		return c.byMeeting, nil
	}
	byMeeting := map[string][]row{}
	if err := loadByMeeting(ctx, l.store.Q(), byMeeting, store.Filter{Kinds: tracked}); err != nil {
		return nil, l.store.Wrap("list records", err)
	}
	c.byMeeting = byMeeting
	return c.byMeeting, nil
}

// flag sets r's Flag, ReturnedTo and resolved Due as of asOf, by the one
// flag rule (minutes.FlagOf) against the committee's calendar.
func (c *dueCache) flag(ctx context.Context, l *Library, r *row, asOf minutes.Date) {
	r.Flag, r.ReturnedTo = FlagResolution, nil
	if r.Kind == minutes.KindResolution {
		return
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
	r.Flag, r.Due, r.Provisional = s.Flag, s.Due, s.Provisional
	if s.Flag == FlagReturned {
		r.ReturnedTo = ref
	}
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
	ci := &committeeItems{post: map[string][]int32{}, own: map[string]bool{}}
	c.items[key] = ci
	for _, name := range c.names[key] {
		for t := range subjectTerms(name) {
			ci.own[t] = true
		}
	}
	if len(c.names[key]) == 0 {
		return ci
	}
	rows, err := l.store.Q().CommitteeItems(ctx, key)
	if err != nil {
		return ci
	}
	type sortable struct {
		itemInfo
		ord int
	}
	var list []sortable
	for _, r := range rows {
		it := sortable{itemInfo{id: r.ID, meetingID: r.MeetingID, committee: r.Committee, number: r.Number, title: r.Title, date: r.Date}, r.Ord}
		it.terms = subjectTerms(it.title)
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
	var out []Record
	consider := func(r row) { // a copy: flagging changes it
		switch {
		case !slices.Contains(kinds, r.Kind),
			keys != nil && !keys[r.CommitteeKey],
			len(q.Statuses) > 0 && !slices.Contains(q.Statuses, r.Status),
			!q.From.IsZero() && (r.MeetingDate.IsZero() || r.MeetingDate.Before(q.From)),
			!q.To.IsZero() && (r.MeetingDate.IsZero() || r.MeetingDate.After(q.To)),
			!q.IncludeExempt && r.Exempt,
			byFlag && r.MeetingDate.After(asOf): // the due board: not yet minuted on the as-of date
			return
		}
		model.flag(ctx, l, &r, asOf)
		out = append(out, r.Record)
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
		for _, s := range rs {
			consider(fromStore(s))
		}
	} else {
		if !model.rowsLoaded() {
			// The first board in a process: read the committees' items
			// for return matching while the rows are read (two
			// connections, two cores), and wait for it before returning.
			done := model.loadAllItems(ctx, l)
			defer func() { <-done }()
		}
		byMeeting, err := model.allRows(ctx, l)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, rs := range byMeeting {
			n += len(rs)
		}
		out = make([]Record, 0, n)
		for _, id := range model.order {
			for _, r := range byMeeting[id] {
				consider(r)
			}
		}
	}
	if out == nil {
		out = []Record{}
	}
	if !byFlag {
		return out, nil
	}
	// Sort an index rather than the (large) records themselves.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &out[i], &out[j]
		if c := a.Flag.Rank() - b.Flag.Rank(); c != 0 {
			return c
		}
		switch {
		case a.Due == b.Due:
			return 0 // already in meeting order
		case a.Due.IsZero():
			return 1
		case b.Due.IsZero():
			return -1
		}
		return a.Due.Compare(b.Due)
	})
	sorted := make([]Record, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	return sorted, nil
}

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
