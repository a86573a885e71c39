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
		"Des Moines City Council": "des moines", "Township of Nipissing": "nipissing", "": "", "City Council": "city council",
		"Manordeilo and Salem Community Council": "manordeilo salem",
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
