package store

import (
	"context"
	"fmt"
)

// The clerks' corrections of people: a merge says that one spelling is
// another person's ("J. Birch" is Jane Birch), a split takes a spelling
// back out of a person (the initials "JB" are not Jane Birch). People
// themselves are derived from the meetings and records (index/people.go),
// so only these corrections are kept; they name people by their folded
// names (minutes.PersonKey), which no re-import, re-parse or reindex
// changes. The table is an append-only log: the latest row for a
// spelling decides, and the rows are the corrections' history.

const peopleCorrectionsSchema = `
CREATE TABLE people_corrections (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	action      TEXT NOT NULL CHECK (action IN ('merge', 'split')),
	person      TEXT NOT NULL, -- the folded name of the person kept
	person_name TEXT NOT NULL, -- as the clerk saw it listed
	alias       TEXT NOT NULL, -- the folded spelling merged in or split off
	alias_name  TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	who         TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX people_corrections_alias ON people_corrections (alias, seq);
CREATE TRIGGER people_corrections_kept BEFORE DELETE ON people_corrections
BEGIN SELECT RAISE(ABORT, 'people corrections are never deleted'); END;
CREATE TRIGGER people_corrections_fixed BEFORE UPDATE ON people_corrections
BEGIN SELECT RAISE(ABORT, 'people corrections are never changed: add another'); END;
`

// PeopleCorrection is one merge or split, as the clerk made it.
type PeopleCorrection struct {
	Seq        int64
	Merge      bool // false: a split
	Person     string
	PersonName string
	Alias      string
	AliasName  string
	Note       string
	Stamp
}

// AddPeopleCorrection appends a merge or split and moves the generation
// on, so that other processes see it. Run it in a Write.
func (q Q) AddPeopleCorrection(ctx context.Context, c PeopleCorrection) error {
	action := "split"
	if c.Merge {
		action = "merge"
	}
	if c.Person == "" || c.Alias == "" {
		return fmt.Errorf("a people correction needs both names")
	}
	if _, err := q.q.ExecContext(ctx, `INSERT INTO people_corrections (action, person, person_name, alias, alias_name, note, who, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, action, c.Person, c.PersonName, c.Alias, c.AliasName, c.Note, c.Who, c.At); err != nil {
		return err
	}
	_, err := q.Bump(ctx)
	return err
}

// PeopleCorrections lists every merge and split, oldest first.
func (q Q) PeopleCorrections(ctx context.Context) ([]PeopleCorrection, error) {
	var out []PeopleCorrection
	rows, err := q.q.QueryContext(ctx, "SELECT seq, action, person, person_name, alias, alias_name, note, who, created_at FROM people_corrections ORDER BY seq")
	err = each(rows, err, func(s scanner) error {
		var c PeopleCorrection
		var action string
		if err := s.Scan(&c.Seq, &action, &c.Person, &c.PersonName, &c.Alias, &c.AliasName, &c.Note, &c.Who, &c.At); err != nil {
			return err
		}
		c.Merge = action == "merge"
		out = append(out, c)
		return nil
	})
	return out, err
}
