package store

import (
	"context"
	"time"
)

// NoteTimes reads when the latest note of each of these records was
// written (the latest with a time that can be read); records without
// notes are left out. One query for a whole list, where History is one a
// record.
func (q Q) NoteTimes(ctx context.Context, ids []string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.q.QueryContext(ctx, `SELECT record_id, at FROM history
		WHERE field = 'note' AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`, jsonList(ids))
	err = each(rows, err, func(s scanner) error {
		var id, at string
		if err := s.Scan(&id, &at); err != nil {
			return err
		}
		if _, ok := out[id]; ok {
			return nil
		}
		if t, err := time.Parse(TimeFormat, at); err == nil && !t.IsZero() {
			out[id] = t
		}
		return nil
	})
	return out, err
}
