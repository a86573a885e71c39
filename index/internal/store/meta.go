package store

import "context"

// The generation is a counter that every write moves on; the changes log
// notes which meetings each generation touched, so that a process's cache
// and the search index can catch up with what others wrote.

// Generation is the store's generation.
func (q Q) Generation(ctx context.Context) (int64, error) {
	var gen int64
	err := q.q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'generation'").Scan(&gen)
	return gen, err
}

// LibraryID names the library, so that a search index built for another
// is recognised.
func (q Q) LibraryID(ctx context.Context) (string, error) {
	var v string
	err := q.q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'library_id'").Scan(&v)
	return v, err
}

// Bump moves the generation on, in a write transaction, and notes which
// meetings the change touched.
func (q Q) Bump(ctx context.Context, meetingIDs ...string) (int64, error) {
	var gen int64
	if err := q.q.QueryRowContext(ctx, "UPDATE meta SET value = value + 1 WHERE key = 'generation' RETURNING value").Scan(&gen); err != nil {
		return 0, err
	}
	for _, id := range meetingIDs {
		if _, err := q.q.ExecContext(ctx, "INSERT INTO changes (gen, meeting_id) VALUES (?, ?)", gen, id); err != nil {
			return 0, err
		}
	}
	return gen, nil
}

// ChangesFrom is the first generation the changes log still reaches.
func (q Q) ChangesFrom(ctx context.Context) (int64, error) {
	var from int64
	err := q.q.QueryRowContext(ctx, "SELECT coalesce((SELECT value FROM meta WHERE key = 'changes_from'), 0)").Scan(&from)
	return from, err
}

// ChangedSince returns the meetings changed after generation gen, and
// false when the changes log no longer reaches back that far.
func (q Q) ChangedSince(ctx context.Context, gen int64) (map[string]bool, bool, error) {
	from, err := q.ChangesFrom(ctx)
	if err != nil || gen < from {
		return nil, false, err
	}
	out := map[string]bool{}
	rows, err := q.q.QueryContext(ctx, "SELECT DISTINCT meeting_id FROM changes WHERE gen > ?", gen)
	err = each(rows, err, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		out[id] = true
		return err
	})
	return out, err == nil, err
}

// TrimChanges drops the changes log up to generation cut, in a write
// transaction.
func (q Q) TrimChanges(ctx context.Context, cut int64) error {
	from, err := q.ChangesFrom(ctx)
	if err != nil || from >= cut {
		return err
	}
	if _, err := q.q.ExecContext(ctx, "DELETE FROM changes WHERE gen <= ?", cut); err != nil {
		return err
	}
	_, err = q.q.ExecContext(ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES ('changes_from', ?)", cut)
	return err
}

// MeetingCount is how many meetings the store holds.
func (q Q) MeetingCount(ctx context.Context) (int, error) {
	var n int
	err := q.q.QueryRowContext(ctx, "SELECT count(*) FROM meetings").Scan(&n)
	return n, err
}
