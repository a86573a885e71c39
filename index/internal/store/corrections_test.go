package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

// A store of schema 3 (before corrections) keeps its records, tracking
// and history; its records are parsed again by the next reparse, which
// then keeps the parser's confidence.
func TestMigrateCorrections(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), File)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{migrations[0].sql, migrations[1].sql, migrations[2].sql,
		"INSERT INTO meta (key, value) VALUES ('library_id', 'old'), ('created', '2022-01-01T00:00:00Z')",
		`INSERT INTO meetings (id, council, committee, committee_key, date, start_time, end_time, attendance, next_meeting, warnings, source_hash, source_name, parsed_hash, gen)
		 VALUES ('osc-2022-01-11', '', 'Overview and Scrutiny Committee', 'osc', '2022-01-11', '', '', '{}', '', '[]', 'h3', 'c.txt', 'p3', 1)`,
		`INSERT INTO items (id, meeting_id, ord, number, title, body, exempt, line, declarations)
		 VALUES ('osc-2022-01-11-4', 'osc-2022-01-11', 0, '4', 'Budget', 'The Clerk would write.', 0, 10, '[]')`,
		`INSERT INTO records (id, meeting_id, item_id, ord, kind, part, text, line, owner, due, due_meeting, provisional, target)
		 VALUES ('osc-2022-01-11-4-a1', 'osc-2022-01-11', 'osc-2022-01-11-4', 10001, 'action', '', 'The Clerk would write.', 11, 'Clerk', '', '', 0, '')`,
		`INSERT INTO tracking (record_id, status, owner, due, updated_at, last_note, kind, meeting_id, committee, minute, text)
		 VALUES ('osc-2022-01-11-4-a1', 'done', NULL, NULL, '2022-02-01T00:00:00Z', 'sent', 'action', 'osc-2022-01-11', 'OSC', '4', 'The Clerk would write.')`,
		`INSERT INTO history (record_id, at, who, field, old, new) VALUES ('osc-2022-01-11-4-a1', '2022-02-01T00:00:00Z', 'clerk', 'status', 'open', 'done')`,
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID),
		"PRAGMA user_version = 3",
	}
	for _, q := range stmts {
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
	r, err := s.Q().Record(ctx, "osc-2022-01-11-4-a1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != minutes.StatusDone || r.Rejected || r.Origin != OriginParser || r.Corrected || r.Confidence != "" {
		t.Errorf("migrated record %+v", r)
	}
	h, err := s.Q().History(ctx, r.ID)
	if err != nil || len(h) != 1 || h[0].Forced || h[0].Seq == 0 {
		t.Errorf("migrated history %+v, %v", h, err)
	}
	if v, err := s.Q().Version(ctx, r.ID); err != nil || v != h[0].Seq {
		t.Errorf("version %d, %v; want the status change's %d", v, err, h[0].Seq)
	}
	srcs, err := s.Q().MeetingSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		if src.ParsedHash != "" {
			t.Errorf("meeting %s keeps its parse's fingerprint: a reparse would skip it", src.MeetingID)
		}
	}
	// Corrections are never deleted.
	err = s.Write(ctx, func(q Q) error {
		if err := q.PutCorrection(ctx, Correction{RecordID: r.ID, MeetingID: r.MeetingID, ItemID: r.ItemID, Rejected: true,
			ParsedKind: r.Kind, ParsedText: r.Text, CreatedAt: "x", UpdatedAt: "x"}); err != nil {
			return err
		}
		_, err := q.q.ExecContext(ctx, "DELETE FROM corrections")
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "never deleted") {
		t.Errorf("deleting corrections: %v", err)
	}
}

func TestRecordOrd(t *testing.T) {
	ids := []struct {
		kind minutes.Kind
		id   string
	}{
		{minutes.KindResolution, "m-1-r1"}, {minutes.KindResolution, "m-1-r2"}, {minutes.KindResolution, "m-1-a3"},
		{minutes.KindResolution, "m-1-cr1"}, {minutes.KindAction, "m-1-a1"}, {minutes.KindAction, "m-1-r3"},
		{minutes.KindAction, "m-1-a10"}, {minutes.KindAction, "m-1-ca1"}, {minutes.KindAction, "m-1-ca2"},
		{minutes.KindFollowUp, "m-1-f1"}, {minutes.KindFollowUp, "odd"},
	}
	prev := -1
	for _, x := range ids {
		o := RecordOrd(x.kind, x.id, 0)
		if o <= prev {
			t.Errorf("%s %s orders at %d, not after %d", x.kind, x.id, o, prev)
		}
		prev = o
	}
}
