package tui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The fake library's people: as the library's, but plainer — a name is
// read with minutes.ReadPerson and folded with minutes.PersonKey, and no
// short form is joined to a full name (the library's own tests cover
// that).

type fakePerson struct {
	index.Person
	detail index.PersonDetail
}

// people derives the people as of asOf. Call it with f.mu held.
func (f *fakeLib) people(asOf minutes.Date) ([]*fakePerson, map[string][]string) {
	byKey := map[string]*fakePerson{}
	get := func(raw, council string) *fakePerson {
		name, role := minutes.ReadPerson(raw)
		if name == "" {
			return nil
		}
		k := minutes.PersonKey(name)
		p := byKey[k]
		if p == nil {
			p = &fakePerson{Person: index.Person{Name: name, Role: role}}
			byKey[k] = p
		}
		if council != "" && !contains(p.Councils, council) {
			p.Councils = append(p.Councils, council)
		}
		return p
	}
	for _, m := range f.meetings {
		a := m.Attendance
		type as struct {
			names []string
			as    string
			sits  bool
		}
		var subs []string
		for _, s := range a.Substitutes {
			subs = append(subs, s.Substitute)
		}
		chair := []string{}
		if a.Chair != "" {
			chair = append(chair, a.Chair)
		}
		seen := map[*fakePerson]bool{}
		for _, g := range []as{{chair, "chair", true}, {a.Present, "present", true}, {subs, "substitute", true},
			{a.InAttendance, "in attendance", false}, {a.Apologies, "apologies", false}, {a.Absent, "absent", false}} {
			for _, n := range g.names {
				p := get(n, m.Council)
				if p == nil || seen[p] {
					continue
				}
				seen[p] = true
				p.Meetings++
				p.detail.Attendance = append(p.detail.Attendance, index.Attended{MeetingID: m.ID(), Committee: m.Committee, Date: m.Date, As: g.as})
				if g.sits && !contains(p.Committees, m.Committee) {
					p.Committees = append(p.Committees, m.Committee)
				}
			}
		}
		for i := range m.Items {
			for _, dc := range m.Items[i].Declarations {
				if p := get(dc.Member, m.Council); p != nil {
					p.detail.Declarations = append(p.detail.Declarations, index.PersonDeclaration{MeetingID: m.ID(), Committee: m.Committee,
						Date: m.Date, ItemID: m.ItemID(i), Declaration: dc})
				}
			}
		}
	}
	owners := map[string][]string{}
	for _, fr := range f.recs {
		if fr.gone || fr.rec.Rejected {
			continue
		}
		for _, o := range index.SplitOwners(fr.rec.Owner) {
			p := get(o, fr.rec.Council)
			if p == nil || contains(owners[fr.rec.ID], p.Name) {
				continue
			}
			owners[fr.rec.ID] = append(owners[fr.rec.ID], p.Name)
			if fr.rec.Kind == minutes.KindResolution || fr.rec.Status.Closed() || fr.rec.MeetingDate.After(asOf) {
				continue
			}
			r := f.withFlag(fr, asOf)
			p.Open++
			if r.Flag == index.FlagOverdue || r.Flag == index.FlagSlipped {
				p.Overdue++
			}
			p.detail.Records = append(p.detail.Records, r)
		}
	}
	out := make([]*fakePerson, 0, len(byKey))
	for _, p := range byKey {
		sort.Strings(p.Committees)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return !out[i].Role
		}
		return minutes.PersonKey(out[i].Name) < minutes.PersonKey(out[j].Name)
	})
	return out, owners
}

func (f *fakeLib) People(ctx context.Context, q index.PeopleQuery) ([]index.Person, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = f.today()
	}
	ps, _ := f.people(asOf)
	var out []index.Person
	for _, p := range ps {
		if q.Committee == "" || contains(p.Committees, q.Committee) {
			out = append(out, p.Person)
		}
	}
	return out, ctx.Err()
}

func (f *fakeLib) Person(ctx context.Context, name string, asOf minutes.Date) (*index.PersonDetail, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if asOf.IsZero() {
		asOf = f.today()
	}
	ps, _ := f.people(asOf)
	want := minutes.PersonKey(name)
	var fits []*fakePerson
	for _, p := range ps {
		k := minutes.PersonKey(p.Name)
		if k == want {
			fits = []*fakePerson{p}
			break
		}
		if w := strings.Fields(k); strings.HasPrefix(k, want) || len(w) > 1 && w[len(w)-1] == want {
			fits = append(fits, p)
		}
	}
	switch len(fits) {
	case 0:
		return nil, fmt.Errorf("no one named %q in the library: %w", name, index.ErrNotFound)
	case 1:
		d := fits[0].detail
		d.Person = fits[0].Person
		return &d, ctx.Err()
	}
	var names []string
	for _, p := range fits {
		names = append(names, p.Name)
	}
	return nil, &index.AmbiguousError{Typed: name, Candidates: names}
}

func (f *fakeLib) RecordOwners(ctx context.Context, recs []index.Record) (map[string][]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, all := f.people(f.today())
	out := map[string][]string{}
	for _, r := range recs {
		if fr := f.recByID[r.ID]; fr != nil && fr.rec.Owner == r.Owner {
			if names := all[r.ID]; len(names) > 0 {
				out[r.ID] = names
			}
			continue
		}
		for _, o := range index.SplitOwners(r.Owner) { // an owner changed since: read it afresh
			if n, _ := minutes.ReadPerson(o); n != "" {
				out[r.ID] = append(out[r.ID], n)
			}
		}
	}
	return out, ctx.Err()
}
