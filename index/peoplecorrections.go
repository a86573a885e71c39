package index

import (
	"context"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// PeopleCorrection is one of the clerks' merges or splits of people, as
// the history lists them.
type PeopleCorrection = store.PeopleCorrection

// MergePeople says that other is another spelling of keep: from now on
// every name that was read as other is read as keep, across the library
// and in every later import, re-parse or reindex. Both are typed names
// (MatchPerson); who is the clerk ("" for the current user).
func (l *Library) MergePeople(ctx context.Context, keep, other, note, who string) (Person, error) {
	ps, _, err := l.people(ctx, minutes.Date{})
	if err != nil {
		return Person{}, err
	}
	k, err := matchPerson(ps, keep)
	if err != nil {
		return Person{}, err
	}
	o, err := matchPerson(ps, other)
	if err != nil {
		return Person{}, err
	}
	if k.key == o.key {
		return Person{}, userErrorf("%q and %q are already one person, %s", keep, other, k.Name)
	}
	if err := l.addPeopleCorrection(ctx, store.PeopleCorrection{Merge: true, Person: k.key, PersonName: k.Name, Alias: o.key, AliasName: o.Name, Note: note}, who); err != nil {
		return Person{}, err
	}
	return l.personNamed(ctx, k.Name)
}

// SplitPerson takes a spelling back out of a person: alias (one of the
// person's Aliases, or a person merged in) stands alone again, and no
// short form is joined to it by itself.
func (l *Library) SplitPerson(ctx context.Context, name, alias, note, who string) (Person, error) {
	ps, _, err := l.people(ctx, minutes.Date{})
	if err != nil {
		return Person{}, err
	}
	p, err := matchPerson(ps, name)
	if err != nil {
		return Person{}, err
	}
	a, _ := minutes.ReadPerson(titleWordsIfLower(alias))
	if a == "" {
		a = strings.TrimSpace(alias)
	}
	key := minutes.PersonKey(a)
	if key == p.key {
		return Person{}, userErrorf("%q is %s's own name: split off one of the other spellings (%s)", alias, p.Name, strings.Join(p.Aliases, ", "))
	}
	found := false
	for _, x := range p.Aliases {
		if minutes.PersonKey(x) == key {
			found, a = true, x
		}
	}
	if !found {
		if len(p.Aliases) == 0 {
			return Person{}, userErrorf("%s has no other spellings to split off", p.Name)
		}
		return Person{}, userErrorf("%q is not a spelling of %s: give one of %s", alias, p.Name, strings.Join(p.Aliases, ", "))
	}
	if err := l.addPeopleCorrection(ctx, store.PeopleCorrection{Person: p.key, PersonName: p.Name, Alias: key, AliasName: a, Note: note}, who); err != nil {
		return Person{}, err
	}
	return l.personNamed(ctx, p.Name)
}

// PeopleCorrections lists the clerks' merges and splits, oldest first.
func (l *Library) PeopleCorrections(ctx context.Context) ([]PeopleCorrection, error) {
	cs, err := l.store.Q().PeopleCorrections(ctx)
	return cs, l.store.Wrap("read the merges and splits of people", err)
}

func (l *Library) addPeopleCorrection(ctx context.Context, c store.PeopleCorrection, who string) error {
	if who == "" {
		who = currentUser()
	}
	c.Stamp = store.Stamp{At: l.now().UTC().Format(store.TimeFormat), Who: cleanLine(who)}
	c.Note, c.PersonName, c.AliasName = cleanLine(c.Note), cleanLine(c.PersonName), cleanLine(c.AliasName)
	err := l.store.Write(ctx, func(q store.Q) error { return q.AddPeopleCorrection(ctx, c) })
	if err != nil {
		return l.store.Wrap("save the correction of people", err)
	}
	return nil
}

// personNamed is the person of exactly that name after a correction.
func (l *Library) personNamed(ctx context.Context, name string) (Person, error) {
	ps, _, err := l.people(ctx, minutes.Date{})
	if err != nil {
		return Person{}, err
	}
	for _, p := range ps {
		if p.Name == name {
			return stripPeople([]*Person{p})[0], nil
		}
	}
	return Person{}, fmt.Errorf("%s: %w", name, ErrNotFound)
}

// titleWordsIfLower capitalises a name typed all in lower case, so that
// its honorifics are read ("cllr birch").
func titleWordsIfLower(s string) string {
	if strings.ToLower(s) == s {
		return titleWords(s)
	}
	return s
}
