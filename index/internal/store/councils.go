package store

import (
	"context"
	"database/sql"
	"errors"
)

// Councils. A council is the committees that share a council key (the
// committees table's council_key: CouncilKey of the name the minutes, a
// sync source or an import give). A document imported with a council
// (minutebook import --council) keeps that council with its bytes, so
// that a re-parse files the meeting under it again.

// councilsSchema is migration 7: whether the council a document was
// imported under (migration 5's sources.council) is to replace the
// council its minutes name.
const councilsSchema = `
ALTER TABLE sources ADD COLUMN force_council INTEGER NOT NULL DEFAULT 0;
`

// SourceCouncil is the council a document was imported under: Name ""
// when none was given; Force when it is to replace the council the
// minutes name, not only fill in a missing one.
type SourceCouncil struct {
	Name  string
	Force bool
}

// SetSourceCouncil records the council the document with this hash was
// imported under, in a write transaction.
func (q Q) SetSourceCouncil(ctx context.Context, hash string, c SourceCouncil) error {
	_, err := q.q.ExecContext(ctx, "UPDATE sources SET council = ?, force_council = ? WHERE hash = ?", c.Name, c.Force, hash)
	return err
}

// SourceCouncilOf reads the council the document with this hash was
// imported under; ErrNotFound when the store does not hold it.
func (q Q) SourceCouncilOf(ctx context.Context, hash string) (SourceCouncil, error) {
	var c SourceCouncil
	err := q.q.QueryRowContext(ctx, "SELECT council, force_council FROM sources WHERE hash = ?", hash).Scan(&c.Name, &c.Force)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// CommitteeCouncils maps every committee's key to its council key (""
// for a committee whose council is not known).
func (q Q) CommitteeCouncils(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	rows, err := q.q.QueryContext(ctx, "SELECT key, council_key FROM committees")
	err = each(rows, err, func(s scanner) error {
		var key, council string
		err := s.Scan(&key, &council)
		out[key] = council
		return err
	})
	return out, err
}

// AdoptCommittee gives the committee with this key the council named,
// when its council was not known (minutes that named none came first), in
// a write transaction. It returns the IDs of the committee's meetings
// when it did (their search documents change), nil otherwise.
func (q Q) AdoptCommittee(ctx context.Context, key, council string) ([]string, error) {
	ck := CouncilKey(council)
	if ck == "" || key == "" {
		return nil, nil
	}
	res, err := q.q.ExecContext(ctx, "UPDATE committees SET council_key = ? WHERE key = ? AND council_key = ''", ck, key)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return nil, err
	}
	var ids []string
	rows, err := q.q.QueryContext(ctx, "SELECT id FROM meetings WHERE committee_key = ?", key)
	err = each(rows, err, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// ClerksWork reports whether clerks have tracked or corrected any record
// of the meeting with this ID.
func (q Q) ClerksWork(ctx context.Context, meetingID string) (bool, error) {
	var n int
	err := q.q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM tracking WHERE meeting_id = ?) + (SELECT count(*) FROM corrections WHERE meeting_id = ?)`,
		meetingID, meetingID).Scan(&n)
	return n > 0, err
}

// rekeyCouncils is migration 8: every committee's council key worked out
// again by today's CouncilKey, from the council its meetings name most
// often among those its old key was made from (the key without the tier
// word). Committee keys (and so record IDs) do not change, nor does
// which committees are one council's; a committee that held the meetings
// of a Town and a Borough Council of one name, which the old keys could
// not tell apart, stays one committee, under the one most of them name.
func rekeyCouncils(ctx context.Context, q Q) error {
	old, err := q.CommitteeCouncils(ctx)
	if err != nil {
		return err
	}
	rows, err := q.q.QueryContext(ctx, `SELECT committee_key, council FROM meetings
		WHERE committee_key <> '' AND council <> '' GROUP BY committee_key, council ORDER BY committee_key, count(*) DESC, council`)
	named := map[string]string{} // committee key → the council most of its meetings name
	var order []string
	err = each(rows, err, func(s scanner) error {
		var key, council string
		if err := s.Scan(&key, &council); err != nil {
			return err
		}
		if _, ok := named[key]; !ok && old[key] != "" && councilKey(council, false) == old[key] {
			named[key] = council
			order = append(order, key)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, key := range order {
		if ck := CouncilKey(named[key]); ck != old[key] {
			if _, err := q.q.ExecContext(ctx, "UPDATE committees SET council_key = ? WHERE key = ?", ck, key); err != nil {
				return err
			}
		}
	}
	return nil
}
