package index

import (
	"context"
	"time"
)

// LatestNoteTimes returns when the latest note of each of these records
// was written, as its history says (records without notes are left
// out): the date an action log shows for a record's latest update, read
// for a whole list at once rather than a history a record.
func (l *Library) LatestNoteTimes(ctx context.Context, ids []string) (map[string]time.Time, error) {
	m, err := l.store.Q().NoteTimes(ctx, ids)
	if err != nil {
		return nil, l.store.Wrap("read the records' notes", err)
	}
	return m, nil
}
