package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

func TestCouncilKey(t *testing.T) {
	for in, want := range map[string]string{
		"Harrow Council": "harrow", "London Borough of Harrow": "harrow", "City of Portland": "portland",
		"Des Moines City Council": "des moines", "Township of Nipissing": "nipissing township", "": "", "City Council": "city council",
		"Manordeilo and Salem Community Council": "manordeilo salem community",
		// a town council and the district of the same name are two councils
		"Stroud Town Council": "stroud town", "Town of Stroud": "stroud town", "Stroud District Council": "stroud",
		"Ashby Parish Council": "ashby parish", "Ashby Town Council": "ashby town", "Town Council": "town council",
		"Nipissing Township Board of Trustees": "nipissing board trustees township",
	} {
		if got := CouncilKey(in); got != want {
			t.Errorf("CouncilKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// A store written before committees were keyed keeps every ID: the
// committees are registered with the keys their meetings' IDs have.
func TestMigrateCommittees(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), File)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations[0].sql,
		"INSERT INTO meta (key, value) VALUES ('library_id', 'old'), ('created', '2022-01-01T00:00:00Z')",
		`INSERT INTO meetings (id, council, committee, date, start_time, end_time, attendance, next_meeting, warnings, source_hash, source_name, parsed_hash, gen)
		 VALUES ('cabinet-2022-01-10', 'Harrow Council', 'Cabinet', '2022-01-10', '', '', '{}', '', '[]', 'h1', 'a.txt', 'p1', 1),
		        ('cabinet-2022-01-17', 'Brent Council', 'Cabinet', '2022-01-17', '', '', '{}', '', '[]', 'h2', 'b.txt', 'p2', 1),
		        ('osc-2022-01-11', '', 'Overview and Scrutiny Committee', '2022-01-11', '', '', '{}', '', '[]', 'h3', 'c.txt', 'p3', 1)`,
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID),
		"PRAGMA user_version = 1",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Q().MeetingDates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		if !slices.Contains(got, m.CommitteeKey) {
			got = append(got, m.CommitteeKey)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"cabinet", "osc"}) {
		t.Errorf("committee keys = %v, want cabinet and osc (the keys the IDs have)", got)
	}
	// A new council's Cabinet gets a key of its own; a Harrow Cabinet
	// meeting joins the first.
	for council, want := range map[string]string{"Wexbridge Borough Council": "cabinet-wexbridge", "London Borough of Harrow": "cabinet"} {
		var key string
		err := s.Write(ctx, func(q Q) error {
			var err error
			key, err = q.PlaceCommittee(ctx, council, "Cabinet", true)
			return err
		})
		if err != nil || key != want {
			t.Errorf("PlaceCommittee(%s, Cabinet) = %s, %v; want %s", council, key, err, want)
		}
	}
}

// A store of version 7 keyed a Town Council and the Borough Council of
// the same town as one council. Migration 8 keys its committees again,
// with the tier word, without changing a committee's key: afterwards a
// Borough Council's Planning Committee is a committee of its own.
func TestRekeyCouncils(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), File)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(q Q) error {
		for _, c := range []struct{ id, council, committee, key, ck string }{
			{"pc-2024-01-10", "Stroud Town Council", "Planning Committee", "pc", "stroud"},
			{"pc-2024-02-14", "Stroud Town Council", "Planning Committee", "pc", "stroud"},
			{"cabinet-2024-01-17", "Wexbridge Borough Council", "Cabinet", "cabinet", "wexbridge"},
			{"osc-2024-01-11", "", "Overview and Scrutiny Committee", "osc", ""},
		} {
			if _, err := q.q.ExecContext(ctx, `INSERT OR IGNORE INTO committees (key, council_key, slug) VALUES (?, ?, ?)`, c.key, c.ck, c.key); err != nil {
				return err
			}
			if _, err := q.q.ExecContext(ctx, `INSERT INTO meetings (id, council, committee, committee_key, date, start_time, end_time, attendance, next_meeting, warnings, source_hash, source_name, parsed_hash, gen)
				VALUES (?, ?, ?, ?, '2024-01-10', '', '', '{}', '', '[]', ?, 'a.txt', 'p', 1)`, c.id, c.council, c.committee, c.key, "h"+c.id); err != nil {
				return err
			}
		}
		_, err := q.q.ExecContext(ctx, "PRAGMA user_version = 7")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Q().CommitteeCouncils(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"pc": "stroud town", "cabinet": "wexbridge", "osc": ""}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("council keys after migration 8 = %v, want %v", got, want)
	}
	for _, c := range []struct{ council, want string }{
		{"Stroud Town Council", "pc"},            // the town's committee, as before
		{"Town of Stroud", "pc"},                 // the same council spelt otherwise
		{"Stroud District Council", "pc-stroud"}, // the district's is another
	} {
		var key string
		err := s.Write(ctx, func(q Q) error {
			var err error
			key, err = q.PlaceCommittee(ctx, c.council, "Planning Committee", true)
			return err
		})
		if err != nil || key != c.want {
			t.Errorf("PlaceCommittee(%s, Planning Committee) = %s, %v; want %s", c.council, key, err, c.want)
		}
	}
}
