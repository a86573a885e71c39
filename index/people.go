package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// People are derived, never stored: every list is worked out afresh from
// the meetings' attendance, the records' effective owners (a clerk's
// tracking edit wins over the parsed owner) and the declarations of
// interest, so a re-import, re-parse or index rebuild keeps them right.
// Names are read with minutes.ReadPerson (honorifics, titles and
// post-nominals off; roles kept as roles) and folded with
// minutes.PersonKey; short forms ("JB", "J. Birch", "Birch") join the one
// full name of the same council they fit, when only one fits.

// Person is one person (or role) the library's minutes name.
type Person struct {
	Name       string   // as listed: the full name, or the role ("Clerk")
	Role       bool     // a role ("Clerk", "RFO", "Chair", "All"), not a person
	Aliases    []string // the other spellings that were read as this person, sorted
	Councils   []string // the councils whose minutes name them, sorted
	Committees []string // the committees they sat on (attendance), by name, sorted
	Meetings   int      // meetings whose attendance names them
	Open       int      // open actions and follow-ups they own
	Overdue    int      // of those, overdue actions and slipped follow-ups

	key           string
	committeeKeys map[string]bool
}

// Attended is one meeting in a person's attendance record.
type Attended struct {
	MeetingID string
	Committee string
	Date      minutes.Date
	As        string // "present", "chair", "in attendance", "apologies", "absent", "substitute"
}

// PersonDeclaration is a declaration of interest a person made.
type PersonDeclaration struct {
	MeetingID string
	Committee string
	Date      minutes.Date
	ItemID    string
	minutes.Declaration
}

// PersonDetail is one person with their records: open actions and
// follow-ups they own (due-board order), declarations and attendance
// (oldest first).
type PersonDetail struct {
	Person
	Records      []Record
	Declarations []PersonDeclaration
	Attendance   []Attended
}

// PeopleQuery selects the people list.
type PeopleQuery struct {
	Committee string       // a committee's key or name; "" means everyone
	Council   string       // a council as typed (MatchCouncil): who sat on its committees; "" means every council's
	AsOf      minutes.Date // for the open and overdue counts; zero means today
}

// AmbiguousError is returned when a typed name fits several people.
type AmbiguousError struct {
	Typed      string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q fits %d people: %s; type more of the name", e.Typed, len(e.Candidates), strings.Join(e.Candidates, ", "))
}

// People lists the library's people and roles, persons first then roles,
// each by name.
func (l *Library) People(ctx context.Context, q PeopleQuery) ([]Person, error) {
	if q.AsOf.IsZero() {
		q.AsOf = l.today()
	}
	ps, _, err := l.people(ctx, q.AsOf)
	if err != nil || q.Committee == "" && q.Council == "" {
		return stripPeople(ps), err
	}
	keys, err := l.scopeKeys(ctx, q.Committee, q.Council)
	if err != nil {
		return nil, err
	}
	var out []*Person
	for _, p := range ps {
		for k := range keys {
			if p.committeeKeys[k] {
				out = append(out, p)
				break
			}
		}
	}
	return stripPeople(out), nil
}

// Person returns the one person the typed name fits (MatchPerson) with
// their open records, declarations and attendance.
func (l *Library) Person(ctx context.Context, name string, asOf minutes.Date) (*PersonDetail, error) {
	if asOf.IsZero() {
		asOf = l.today()
	}
	ps, d, err := l.people(ctx, asOf)
	if err != nil {
		return nil, err
	}
	p, err := matchPerson(ps, name)
	if err != nil {
		return nil, err
	}
	out := &PersonDetail{Person: stripPeople([]*Person{p})[0]}
	for _, r := range d.open {
		if d.owners[r.ID][p.key] {
			out.Records = append(out.Records, r)
		}
	}
	for _, m := range d.meetings {
		dir := d.resolver(m.Council)
		for _, a := range meetingAttendance(m.Attendance) {
			if k, _ := dir.resolve(a.name); k == p.key {
				out.Attendance = append(out.Attendance, Attended{MeetingID: m.ID, Committee: m.Committee, Date: m.Date, As: a.as})
			}
		}
		for _, dc := range m.Declarations {
			if k, _ := dir.resolve(dc.Member); k == p.key {
				out.Declarations = append(out.Declarations, PersonDeclaration{MeetingID: m.ID, Committee: m.Committee, Date: m.Date, ItemID: dc.ItemID, Declaration: dc.Declaration})
			}
		}
	}
	return out, nil
}

// OwnerRecords keeps the records whose effective owner is the one person
// the typed name fits (MatchPerson), for `due --owner` and the exports.
func (l *Library) OwnerRecords(ctx context.Context, name string, recs []Record) ([]Record, error) {
	ps, d, err := l.people(ctx, minutes.Date{})
	if err != nil {
		return nil, err
	}
	p, err := matchPerson(ps, name)
	if err != nil {
		return nil, err
	}
	var out []Record
	owns := map[councilOwner]bool{} // a board names few owners, many times
	for _, r := range recs {
		k := councilOwner{r.Council, r.Owner}
		o, ok := owns[k]
		if !ok {
			o = ownerKeys(d.resolver(r.Council), r.Owner)[p.key]
			owns[k] = o
		}
		if o {
			out = append(out, r)
		}
	}
	return out, nil
}

// councilOwner is an owner as written in a council's minutes: what an
// owner's reading depends on.
type councilOwner struct{ council, owner string }

// MatchPerson finds the one person a typed name fits: case and
// honorifics ignored, the full name or an alias, else a unique prefix of
// the name or a unique surname. No fit is ErrNotFound; several are an
// *AmbiguousError listing them.
func MatchPerson(ps []Person, typed string) (Person, error) {
	ptrs := make([]*Person, len(ps))
	for i := range ps {
		ptrs[i] = &ps[i]
		if ptrs[i].key == "" {
			ptrs[i].key = minutes.PersonKey(ps[i].Name)
		}
	}
	p, err := matchPerson(ptrs, typed)
	if err != nil {
		return Person{}, err
	}
	return *p, nil
}

func matchPerson(ps []*Person, typed string) (*Person, error) {
	name, _ := minutes.ReadPerson(titleWords(typed)) // typed in lower case: "cllr birch"
	if name == "" {
		name = typed
	}
	want := minutes.PersonKey(name)
	if want == "" {
		return nil, fmt.Errorf("no name given: %w", ErrNotFound)
	}
	var exact, prefix, surname []*Person
	for _, p := range ps {
		isExact, isPrefix, isSurname := false, false, false
		for _, k := range append([]string{p.key}, foldAll(p.Aliases)...) {
			isExact = isExact || k == want
			isPrefix = isPrefix || strings.HasPrefix(k, want)
			w := strings.Fields(k)
			isSurname = isSurname || len(w) > 1 && w[len(w)-1] == want
		}
		switch {
		case isExact:
			exact = append(exact, p)
		case isPrefix:
			prefix = append(prefix, p)
		case isSurname:
			surname = append(surname, p)
		}
	}
	for _, set := range [][]*Person{exact, append(prefix, surname...)} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], nil
		}
		names := make([]string, len(set))
		for i, p := range set {
			names[i] = p.Name
		}
		sort.Strings(names)
		return nil, &AmbiguousError{Typed: typed, Candidates: names}
	}
	return nil, fmt.Errorf("no one named %q in the library (`minutebook people` lists everyone): %w", typed, ErrNotFound)
}

// titleWords gives each word a capital first letter.
func titleWords(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		r := []rune(x)
		r[0] = unicode.ToUpper(r[0])
		w[i] = string(r)
	}
	return strings.Join(w, " ")
}

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = minutes.PersonKey(s)
	}
	return out
}

// stripPeople copies people for callers, without the derivation's maps.
func stripPeople(ps []*Person) []Person {
	out := make([]Person, len(ps))
	for i, p := range ps {
		out[i] = *p
		out[i].committeeKeys = nil
	}
	return out
}

// peopleData is what one derivation read: the meetings, the open
// records, each record's owner keys and a name resolver per council.
type peopleData struct {
	meetings  []store.PeopleMeeting
	fix       map[string]peopleFix // the clerks' merges and splits, by folded spelling
	readings  map[string]reading   // names read so far
	open      []Record
	owners    map[string]map[string]bool
	resolvers map[string]*nameDir
}

func (d *peopleData) resolver(council string) *nameDir {
	if r := d.resolvers[council]; r != nil {
		return r
	}
	return &nameDir{fix: d.fix, readings: d.readings}
}

// dir is the resolver of a council, made when there is none yet.
func (d *peopleData) dir(council string) *nameDir {
	r := d.resolvers[council]
	if r == nil {
		r = &nameDir{full: map[string]string{}, fix: d.fix, readings: d.readings}
		d.resolvers[council] = r
	}
	return r
}

// people derives the library's people as of a date.
//
// A zero asOf takes the last derivation of this generation whatever its
// date (for matching names, where counts do not matter), else today.
func (l *Library) people(ctx context.Context, asOf minutes.Date) ([]*Person, *peopleData, error) {
	anyDate := asOf.IsZero()
	if anyDate {
		asOf = l.today()
	}
	c := &l.peopleC
	c.mu.Lock()
	defer c.mu.Unlock()
	gen, err := l.Generation(ctx)
	if err != nil {
		return nil, nil, err
	}
	if c.ps != nil && c.gen == gen && (c.asOf == asOf || anyDate) {
		return c.ps, c.d, nil
	}
	open, err := l.Due(ctx, DueQuery{AsOf: asOf})
	if err != nil {
		return nil, nil, err
	}
	if c.readings == nil || c.gen != gen {
		err := l.store.Read(ctx, func(q store.Q) error {
			var err error
			if c.gen, err = q.Generation(ctx); err != nil {
				return err
			}
			if c.meetings, err = q.PeopleMeetings(ctx); err != nil {
				return err
			}
			c.fixes, err = q.PeopleCorrections(ctx)
			return err
		})
		if err != nil {
			c.readings, c.ps = nil, nil
			return nil, nil, l.store.Wrap("read the meetings' attendance", err)
		}
		if c.readings == nil || len(c.readings) > 1<<20 {
			c.readings = map[string]reading{}
		}
	}
	d := &peopleData{meetings: c.meetings, open: open, fix: peopleFixes(c.fixes), readings: c.readings,
		owners: map[string]map[string]bool{}, resolvers: map[string]*nameDir{}}
	ps := derivePeople(d)
	for _, r := range d.resolvers {
		r.readings = nil // shared readings are touched only under c.mu
	}
	d.readings = nil
	c.ps, c.d, c.asOf = ps, d, asOf
	return ps, d, nil
}

// peopleCache keeps what the people are derived from until another
// generation, and the readings of names (pure, so kept across them).
type peopleCache struct {
	mu       sync.Mutex
	gen      int64
	meetings []store.PeopleMeeting
	fixes    []store.PeopleCorrection
	readings map[string]reading
	// The last derivation, for c.gen and asOf: read-only once made
	// (its resolvers lock themselves).
	asOf minutes.Date
	ps   []*Person
	d    *peopleData
}

// reading is minutes.ReadPerson's answer for a name.
type reading struct {
	name string
	role bool
}

// derivePeople works out the people from the meetings and the open
// records, filling d's resolvers and owner keys. It is pure.
func derivePeople(d *peopleData) []*Person {
	// First the full names each council's minutes give, so that short
	// forms can be resolved against them.
	for _, m := range d.meetings {
		dir := d.dir(m.Council)
		for _, a := range meetingAttendance(m.Attendance) {
			dir.add(a.name)
		}
		for _, dc := range m.Declarations {
			dir.add(dc.Member)
		}
	}
	for _, r := range d.open {
		dir := d.dir(r.Council)
		for _, o := range SplitOwners(r.Owner) {
			dir.add(o)
		}
	}
	byKey := map[string]*Person{}
	get := func(key, name string, role bool, raw, council string) *Person {
		p := byKey[key]
		if p == nil {
			p = &Person{Name: name, Role: role, key: key, committeeKeys: map[string]bool{}}
			byKey[key] = p
		}
		if n, _ := d.dir(council).read(raw); n != "" && minutes.PersonKey(n) != key && !contains(p.Aliases, n) {
			p.Aliases = append(p.Aliases, n)
		}
		if council != "" && !contains(p.Councils, council) {
			p.Councils = append(p.Councils, council)
		}
		return p
	}
	for _, m := range d.meetings {
		dir := d.resolver(m.Council)
		seen := map[string]bool{}
		for _, a := range meetingAttendance(m.Attendance) {
			key, name := dir.resolve(a.name)
			if key == "" {
				continue
			}
			p := get(key, name, dir.role(key), a.name, m.Council)
			if !seen[key] {
				seen[key] = true
				p.Meetings++
			}
			if a.sits && !p.committeeKeys[m.CommitteeKey] {
				p.committeeKeys[m.CommitteeKey] = true
				p.Committees = append(p.Committees, m.Committee)
			}
		}
		for _, dc := range m.Declarations {
			if key, name := dir.resolve(dc.Member); key != "" {
				get(key, name, dir.role(key), dc.Member, m.Council)
			}
		}
	}
	for _, r := range d.open {
		dir := d.resolver(r.Council)
		keys := map[string]bool{}
		for _, o := range SplitOwners(r.Owner) {
			key, name := dir.resolve(o)
			if key == "" {
				continue
			}
			keys[key] = true
			p := get(key, name, dir.role(key), o, r.Council)
			p.Open++
			if r.Flag == FlagOverdue || r.Flag == minutes.FlagSlipped {
				p.Overdue++
			}
		}
		d.owners[r.ID] = keys
	}
	out := make([]*Person, 0, len(byKey))
	for _, p := range byKey {
		sort.Strings(p.Aliases)
		sort.Strings(p.Councils)
		sort.Strings(p.Committees)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return !out[i].Role
		}
		return out[i].key < out[j].key
	})
	return out
}

// ownerKeys is the people an owner names, for a filter.
func ownerKeys(dir *nameDir, owner string) map[string]bool {
	keys := map[string]bool{}
	for _, o := range SplitOwners(owner) {
		if k, _ := dir.resolve(o); k != "" {
			keys[k] = true
		}
	}
	return keys
}

// SplitOwners splits an owner naming several ("Cllr Ames/Clerk", "JB and
// TR") into its names, as the people of the library are read (fakes of
// the library use it too).
func SplitOwners(owner string) []string {
	owner = strings.NewReplacer(" and ", "/", " & ", "/", ",", "/", ";", "/").Replace(owner)
	var out []string
	for _, o := range strings.Split(owner, "/") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

type attendee struct {
	name string
	as   string
	sits bool // sat on the committee at the meeting (not apologies or absence)
}

// meetingAttendance lists the names an attendance gives, with how.
func meetingAttendance(a minutes.Attendance) []attendee {
	var out []attendee
	if a.Chair != "" {
		out = append(out, attendee{a.Chair, "chair", true})
	}
	for _, n := range a.Present {
		if n != a.Chair {
			out = append(out, attendee{n, "present", true})
		}
	}
	for _, s := range a.Substitutes {
		if s.Substitute != "" {
			out = append(out, attendee{s.Substitute, "substitute", true})
		}
	}
	for _, n := range a.InAttendance {
		out = append(out, attendee{n, "in attendance", false})
	}
	for _, n := range a.Apologies {
		out = append(out, attendee{n, "apologies", false})
	}
	for _, n := range a.Absent {
		out = append(out, attendee{n, "absent", false})
	}
	return out
}

// nameDir is one council's full names, for resolving short forms.
type nameDir struct {
	mu    sync.Mutex        // resolve remembers what it read
	full  map[string]string // key → name, for names of two words or more that are not short forms
	roles map[string]bool
	fix   map[string]peopleFix // shared by every council's resolver
	memo  map[string][2]string // raw name → key, name, once full is complete
	// readings memoises minutes.ReadPerson (shared; nil reads afresh)
	readings map[string]reading
}

// read is minutes.ReadPerson, remembered.
func (d *nameDir) read(raw string) (string, bool) {
	if r, ok := d.readings[raw]; ok {
		return r.name, r.role
	}
	name, role := minutes.ReadPerson(raw)
	if d.readings != nil {
		d.readings[raw] = reading{name, role}
	}
	return name, role
}

// peopleFix is what the clerks' latest correction says of a spelling:
// merged into the person key (named name), or split off to stand alone.
type peopleFix struct {
	merge     bool
	key, name string
}

// peopleFixes reads the merges and splits, oldest first: the latest for
// a spelling decides.
func peopleFixes(cs []store.PeopleCorrection) map[string]peopleFix {
	fix := map[string]peopleFix{}
	for _, c := range cs {
		if c.Merge {
			fix[c.Alias] = peopleFix{merge: true, key: c.Person, name: c.PersonName}
		} else {
			fix[c.Alias] = peopleFix{}
		}
	}
	return fix
}

// add notes a name the council's minutes give.
func (d *nameDir) add(raw string) {
	d.memo = nil
	name, role := d.read(raw)
	if name == "" {
		return
	}
	key := minutes.PersonKey(name)
	if role {
		if d.roles == nil {
			d.roles = map[string]bool{}
		}
		d.roles[key] = true
		return
	}
	if d.full == nil {
		d.full = map[string]string{}
	}
	if len(strings.Fields(key)) >= 2 && !shortForm(name) {
		d.full[key] = name
	}
}

func (d *nameDir) role(key string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.roles[key]
}

// resolve reads a name and gives the key and name of the person it is:
// a short form that fits one full name of the council becomes it.
func (d *nameDir) resolve(raw string) (key, name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if kn, ok := d.memo[raw]; ok {
		return kn[0], kn[1]
	}
	key, name = d.resolveOnce(raw)
	if d.memo == nil {
		d.memo = map[string][2]string{}
	}
	d.memo[raw] = [2]string{key, name}
	return key, name
}

func (d *nameDir) resolveOnce(raw string) (key, name string) {
	name, role := d.read(raw)
	if name == "" {
		return "", ""
	}
	key = minutes.PersonKey(name)
	if role {
		if d.roles == nil {
			d.roles = map[string]bool{}
		}
		d.roles[key] = true
	}
	if f, ok := d.fix[key]; ok && !f.merge {
		return key, name // split off by a clerk: it stands alone
	}
	if !role {
		key, name = d.autoResolve(key, name)
	}
	for i := 0; i < 16; i++ { // follow the merges (a chain; a loop stops)
		f, ok := d.fix[key]
		if !ok || !f.merge || f.key == key {
			break
		}
		key, name = f.key, f.name
	}
	return key, name
}

// autoResolve joins a short form to the one full name of the council it
// fits.
func (d *nameDir) autoResolve(key, name string) (string, string) {
	if _, ok := d.full[key]; ok {
		return key, d.full[key]
	}
	var fits []string
	for k := range d.full {
		if fitsName(name, d.full[k]) {
			fits = append(fits, k)
			if len(fits) > 1 {
				break
			}
		}
	}
	if len(fits) == 1 {
		return fits[0], d.full[fits[0]]
	}
	return key, name
}

// shortForm reports whether a name has initials in it ("J. Birch",
// "JB") rather than being a full name.
func shortForm(name string) bool {
	for _, w := range strings.Fields(strings.ReplaceAll(name, ".", ". ")) {
		if w = strings.TrimSuffix(w, "."); len([]rune(w)) == 1 {
			return true
		}
	}
	return len(strings.Fields(name)) == 1
}

// fitsName reports whether a short form fits a full name: initials
// ("JB", "PWh"), initials and surname ("J. Birch", "J B Birch"), or the
// surname alone ("Birch").
func fitsName(short, full string) bool {
	fw := strings.Fields(strings.ToLower(full))
	if len(fw) < 2 {
		return false
	}
	sw := strings.Fields(strings.ReplaceAll(short, ".", " "))
	if len(sw) == 1 {
		w := sw[0]
		if strings.EqualFold(w, fw[len(fw)-1]) {
			return true // the surname
		}
		parts := initialParts(w)
		if parts == nil || len(parts) != len(fw) {
			return false
		}
		for i, p := range parts {
			if !strings.HasPrefix(fw[i], strings.ToLower(p)) {
				return false
			}
		}
		return true
	}
	if !strings.EqualFold(sw[len(sw)-1], fw[len(fw)-1]) || len(sw) > len(fw) {
		return false
	}
	for i, w := range sw[:len(sw)-1] {
		if !strings.HasPrefix(fw[i], strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// initialParts splits initials at their capitals ("PWh" → "P", "Wh");
// nil when the word is not initials (all capitals "JB" or capitals with
// a following small letter, at most four letters).
func initialParts(w string) []string {
	r := []rune(w)
	if len(r) < 2 || len(r) > 4 || !unicode.IsUpper(r[0]) {
		return nil
	}
	var out []string
	for i, c := range r {
		switch {
		case unicode.IsUpper(c):
			out = append(out, string(c))
		case unicode.IsLower(c) && i > 0:
			out[len(out)-1] += string(c)
		default:
			return nil
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ownedIDs are the IDs of every record (of any kind and status) whose
// effective owner is the one person the typed name fits.
func (l *Library) ownedIDs(ctx context.Context, name string) ([]string, error) {
	recs, err := l.records(ctx, RecordQuery{Kinds: []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp},
		IncludeExempt: true, IncludeRejected: true}, false)
	if err == nil {
		recs, err = l.OwnerRecords(ctx, name, recs)
	}
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	return ids, nil
}
