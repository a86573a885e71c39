package index

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
)

// MeetingDocument returns the document a meeting was imported from, as
// the library keeps it: its name and bytes (for a synced meeting, the
// moderngov bundle the site's answers were kept as). It is what the
// TUI's :check reads.
func (l *Library) MeetingDocument(ctx context.Context, meetingID string) (string, []byte, error) {
	meetingID = strings.TrimSpace(meetingID)
	var name string
	var data []byte
	err := l.store.Read(ctx, func(q store.Q) error {
		hash, err := q.MeetingSourceHash(ctx, meetingID)
		if err != nil {
			return err
		}
		s, err := q.StoredSourceOf(ctx, hash)
		if err != nil {
			return err
		}
		name = s.Name
		data, _, err = q.SourceData(ctx, hash)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return "", nil, fmt.Errorf("no meeting has the ID %q: %w", meetingID, ErrNotFound)
	} else if err != nil {
		return "", nil, l.store.Wrap("read the document of "+meetingID, err)
	}
	return name, data, nil
}
