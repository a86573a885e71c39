package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/minutebook/minutebook/minutes"
)

// Flags (see Flag) are worked out here, against an as-of date, from what
// the store holds:
//
//   - A follow-up's due date is resolved again against the meetings the
//     library knows: "month:2022-06" becomes the committee's meeting in June
//     2022 when the library knows one (and is then no longer provisional);
//     "next" becomes the committee's first known meeting after the one that
//     asked for it. A clerk's due-date override wins over both.
//   - A committee's known meetings are the meetings stored and the next-
//     meeting dates their minutes state (a stated date counts only until
//     the library holds a meeting of that committee up to 30 days after it).
//   - A follow-up is returned when a later meeting of the same committee,
//     held on or before the as-of date, took an item on its subject (or a
//     clerk linked one). Subjects are matched by words: the significant
//     words (stemmed; stop words and the words every report uses, such as
//     "report" and "update", left out) of the later item's title against
//     those of the follow-up's item title and text. An item matches when
//     at least two of its title's words match and they are at least half
//     its title's words, or its title is one word that is in the
//     follow-up's item title; and at least one of the matching words is
//     not from the committee's name (at a Community Safety committee,
//     "Community Safety Partnership Plan" does not answer a follow-up on
//     anti-social behaviour and community safety: a false return hides a
//     follow-up the committee is still owed, where a missed one shows as
//     slipped and gets looked at). The earliest matching item wins; a clerk can
//     say the follow-up was not returned (LinkReturn with no item), which
//     rejects that item and every other the library holds (returns.go).

// dueCache is what flagging needs, for one library generation. When the
// generation moves on, the next cache keeps what the changed meetings (from
// the store's changes log) did not touch, so that an edit costs the
// re-reading of one meeting, not of the library.
type dueCache struct {
	gen        int64
	known      map[string][]minutes.Date // committee key → known meeting dates, sorted
	committee  map[string]string         // meeting ID → committee key
	order      []string                  // meeting IDs by date, committee, ID
	committees []Committee               // by name
	links      map[string]*linkSet       // follow-up ID → the clerk's decisions

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
	c := &dueCache{known: map[string][]minutes.Date{}, committee: map[string]string{}, links: map[string]*linkSet{},
		items: map[string]*committeeItems{}, matches: map[string]map[string]*ItemRef{}}
	err = l.store.read(ctx, func(tx *sql.Tx) error {
		var err error
		if c.gen, err = generation(ctx, tx); err != nil {
			return err
		}
		if err := c.readMeetings(ctx, tx); err != nil {
			return err
		}
		if err := c.readLinks(ctx, tx); err != nil {
			return err
		}
		if old == nil {
			return nil
		}
		changed, ok, err := changedSince(ctx, tx, old.gen)
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
		if err := loadByMeeting(ctx, tx, fresh, "r.kind IN ('action', 'followup') AND r.meeting_id IN (SELECT value FROM json_each(?))", jsonList(ids)); err != nil {
			return err
		}
		for id, rs := range fresh {
			byMeeting[id] = rs
		}
		c.byMeeting = byMeeting
		return nil
	})
	if err != nil {
		return nil, l.store.wrap("read the library", err)
	}
	l.cache = c
	return c, nil
}

// readMeetings reads every meeting's committee and dates: the known
// meetings and the meeting order.
func (c *dueCache) readMeetings(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT id, committee, council, date, next_meeting FROM meetings ORDER BY date, committee, id")
	if err != nil {
		return err
	}
	defer rows.Close()
	stored := map[string][]minutes.Date{}
	stated := map[string][][2]minutes.Date{}
	byName := map[string]*Committee{}
	for rows.Next() {
		var id, committee, council, date, next string
		if err := rows.Scan(&id, &committee, &council, &date, &next); err != nil {
			return err
		}
		cm := byName[committee]
		if cm == nil {
			cm = &Committee{Name: committee}
			byName[committee] = cm
		}
		cm.Meetings++
		if council > cm.Council {
			cm.Council = council
		}
		k := committeeKey(committee)
		c.committee[id] = k
		c.order = append(c.order, id)
		d := parseDate(date)
		if d.IsZero() {
			continue
		}
		if d.After(cm.Last) {
			cm.Last = d
		}
		stored[k] = append(stored[k], d)
		if n := parseDate(next); n.After(d) {
			stated[k] = append(stated[k], [2]minutes.Date{d, n})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, cm := range byName {
		c.committees = append(c.committees, *cm)
	}
	sort.Slice(c.committees, func(i, j int) bool { return c.committees[i].Name < c.committees[j].Name })
	for k, ds := range stored {
		known := append([]minutes.Date(nil), ds...)
		for _, s := range stated[k] {
			// The stated date counts until the library holds the meeting
			// that followed (which may have moved a little).
			if next, ok := firstAfter(ds, s[0]); ok && !next.After(s[1].AddDays(30)) {
				continue
			}
			known = append(known, s[1])
		}
		sortDates(known)
		c.known[k] = uniqueDates(known)
	}
	return nil
}

func (c *dueCache) readLinks(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT followup_id, item_id, confirmed FROM links")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f, item string
		var confirmed bool
		if err := rows.Scan(&f, &item, &confirmed); err != nil {
			return err
		}
		ls := c.links[f]
		if ls == nil {
			ls = &linkSet{rejected: map[string]bool{}}
			c.links[f] = ls
		}
		if confirmed {
			ls.confirmed = item
		} else {
			ls.rejected[item] = true
		}
	}
	return rows.Err()
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

// changedSince returns the meetings changed after generation gen, and
// false when the changes log no longer reaches back that far.
func changedSince(ctx context.Context, tx *sql.Tx, gen int64) (map[string]bool, bool, error) {
	var from int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce((SELECT value FROM meta WHERE key = 'changes_from'), 0)").Scan(&from); err != nil {
		return nil, false, err
	}
	if gen < from {
		return nil, false, nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT meeting_id FROM changes WHERE gen > ?", gen)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		out[id] = true
	}
	return out, true, rows.Err()
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
		seen := map[string]bool{}
		for _, cm := range c.committees {
			if key := committeeKey(cm.Name); !seen[key] {
				seen[key] = true
				c.committeeItems(ctx, l, key)
			}
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
	if err := loadByMeeting(ctx, l.store.reader, byMeeting, "r.kind IN ('action', 'followup')"); err != nil {
		return nil, l.store.wrap("list records", err)
	}
	c.byMeeting = byMeeting
	return c.byMeeting, nil
}

func sortDates(ds []minutes.Date) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
}

func uniqueDates(ds []minutes.Date) []minutes.Date {
	out := ds[:0]
	for i, d := range ds {
		if i == 0 || d != ds[i-1] {
			out = append(out, d)
		}
	}
	return out
}

// firstAfter returns the first date in sorted ds after d.
func firstAfter(ds []minutes.Date, d minutes.Date) (minutes.Date, bool) {
	i := sort.Search(len(ds), func(i int) bool { return ds[i].After(d) })
	if i == len(ds) {
		return minutes.Date{}, false
	}
	return ds[i], true
}

func (c *dueCache) nextAfter(key string, d minutes.Date) (minutes.Date, bool) {
	return firstAfter(c.known[key], d)
}

func (c *dueCache) meetingInMonth(key string, year int, month time.Month) (minutes.Date, bool) {
	d, ok := firstAfter(c.known[key], minutes.MakeDate(year, month, 0))
	if !ok || d.Year != year || d.Month != month {
		return minutes.Date{}, false
	}
	return d, true
}

// resolveDue works a follow-up's due date out again from the meetings the
// library knows.
func (c *dueCache) resolveDue(r *row) {
	if r.dueOverride || r.Kind != minutes.KindFollowUp || r.Orphaned {
		return
	}
	key := r.key()
	switch {
	case strings.HasPrefix(r.Target, "month:"):
		t, err := time.Parse("2006-01", strings.TrimPrefix(r.Target, "month:"))
		if err != nil {
			return
		}
		if d, ok := c.meetingInMonth(key, t.Year(), t.Month()); ok {
			r.Due, r.Provisional = d, false
		}
	case r.Target == "next":
		if d, ok := c.nextAfter(key, r.MeetingDate); ok {
			r.Due, r.Provisional = d, false
		}
	}
}

// flag sets r's Flag (and ReturnedTo, and the resolved Due) as of asOf.
func (c *dueCache) flag(ctx context.Context, l *Library, r *row, asOf minutes.Date) {
	r.Flag, r.ReturnedTo = FlagResolution, nil
	if r.Kind == minutes.KindResolution {
		return
	}
	c.resolveDue(r)
	if r.Status.Closed() {
		r.Flag = FlagDone
		return
	}
	if r.Kind == minutes.KindFollowUp {
		if ref := c.returnedTo(ctx, l, r); ref != nil && !ref.MeetingDate.After(asOf) {
			r.Flag, r.ReturnedTo = FlagReturned, ref
			return
		}
	}
	switch {
	case r.Due.IsZero():
		r.Flag = FlagUndated
	case r.Due.Before(asOf):
		r.Flag = FlagOverdue
		if r.Kind == minutes.KindFollowUp {
			r.Flag = FlagSlipped
		}
	default:
		if next, ok := firstAfter(c.known[r.key()], asOf.AddDays(-1)); ok && !r.Due.After(next) {
			r.Flag = FlagDueNext
		} else if !r.Due.After(asOf.AddDays(dueSoonDays)) {
			r.Flag = FlagDueSoon
		} else {
			r.Flag = FlagUpcoming
		}
	}
}

// returnedTo is the item that answers follow-up r, whatever the as-of
// date: the clerk's confirmed link, or the earliest matching later item
// the clerk has not rejected. nil when there is none.
func (c *dueCache) returnedTo(ctx context.Context, l *Library, r *row) *ItemRef {
	ls := c.links[r.ID]
	if ls != nil && ls.confirmed != "" {
		ref := &ItemRef{ItemID: ls.confirmed, Confirmed: true}
		var date string
		err := l.store.reader.QueryRowContext(ctx, `SELECT i.meeting_id, m.date, m.committee, i.number, i.title FROM items i
			JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?`, ls.confirmed).Scan(&ref.MeetingID, &date, &ref.Committee, &ref.Minute, &ref.Title)
		if err != nil { // the item has gone (a re-parse): the link waits for it to come back
			return nil
		}
		ref.MeetingDate = parseDate(date)
		return ref
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
	var names []string
	for _, cm := range c.committees {
		if committeeKey(cm.Name) == key {
			names = append(names, cm.Name)
			for t := range subjectTerms(cm.Name) {
				ci.own[t] = true
			}
		}
	}
	if len(names) == 0 {
		return ci
	}
	b, _ := json.Marshal(names)
	rows, err := l.store.reader.QueryContext(ctx, `SELECT i.id, i.meeting_id, m.committee, i.number, i.title, m.date, i.ord FROM items i
		JOIN meetings m ON m.id = i.meeting_id WHERE m.committee IN (SELECT value FROM json_each(?)) AND m.date <> ''`, string(b))
	if err != nil {
		return ci
	}
	defer rows.Close()
	type sortable struct {
		itemInfo
		ord int
	}
	var list []sortable
	for rows.Next() {
		var it sortable
		var date string
		if err := rows.Scan(&it.id, &it.meetingID, &it.committee, &it.number, &it.title, &date, &it.ord); err != nil {
			return ci
		}
		it.date = parseDate(date)
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
	return l.records(ctx, RecordQuery{AsOf: asOf, Committee: q.Committee, Kinds: kinds, Statuses: statuses, IncludeExempt: true}, true)
}

// Records returns records for exports, in meeting-date then minute order,
// flagged as of q.AsOf.
func (l *Library) Records(ctx context.Context, q RecordQuery) ([]Record, error) {
	recs, err := l.records(ctx, q, false)
	if err == nil {
		err = l.fillSourceURLs(ctx, recs)
	}
	return recs, err
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
	var names map[string]bool
	if q.Committee != "" {
		list, err := l.committeeNames(ctx, q.Committee)
		if err != nil {
			return nil, err
		}
		names = map[string]bool{}
		for _, n := range list {
			names[n] = true
		}
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	var out []Record
	consider := func(r row) { // a copy: flagging changes it
		switch {
		case !slices.Contains(kinds, r.Kind),
			names != nil && !names[r.Committee],
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
	if slices.Contains(kinds, minutes.KindResolution) {
		rs, err := loadRows(ctx, l.store.reader, "r.kind IN (SELECT value FROM json_each(?))", jsonList(kinds))
		if err != nil {
			return nil, l.store.wrap("list records", err)
		}
		for _, r := range rs {
			consider(r)
		}
	} else if names != nil && !model.rowsLoaded() {
		// One committee, and the rows are not in memory yet (a one-off
		// command): read that committee's only.
		rs, err := loadRows(ctx, l.store.reader, "r.kind IN (SELECT value FROM json_each(?)) AND m.committee IN (SELECT value FROM json_each(?))",
			jsonList(kinds), jsonList(slices.Collect(maps.Keys(names))))
		if err != nil {
			return nil, l.store.wrap("list records", err)
		}
		for _, r := range rs {
			consider(r)
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
	rank := map[Flag]int{}
	for i, f := range FlagOrder {
		rank[f] = i
	}
	// Sort an index rather than the (large) records themselves.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &out[i], &out[j]
		if c := rank[a.Flag] - rank[b.Flag]; c != 0 {
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

// loadRows reads the records that match where, in meeting order.
func loadRows(ctx context.Context, q queryer, where string, args ...any) ([]row, error) {
	return queryRows(ctx, q, where+" ORDER BY m.date, m.committee, m.id, i.ord, r.ord", args...)
}

// loadByMeeting reads the records that match where, grouped by meeting,
// each meeting's in order. (Sorting here is cheaper than in SQL.)
func loadByMeeting(ctx context.Context, q queryer, into map[string][]row, where string, args ...any) error {
	rs, err := queryRows(ctx, q, where, args...)
	if err != nil {
		return err
	}
	for _, r := range rs {
		into[r.MeetingID] = append(into[r.MeetingID], r)
	}
	for id, list := range into {
		sorted := slices.IsSortedFunc(list, compareRowOrder)
		if !sorted {
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

func queryRows(ctx context.Context, q queryer, where string, args ...any) ([]row, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+recordCols+recordFrom+"WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rs []row
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

func jsonList[T any](v []T) string {
	b, _ := json.Marshal(v)
	return string(b)
}
