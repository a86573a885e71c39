package index

import (
	"context"
	"sync"
)

// committeesKept is the library's committees (as the flagging model lists
// them), for what only needs them: resolving a committee typed into a
// search, a listing of meetings. The model has them when it is current;
// otherwise they are worked out from the meetings alone (a few
// milliseconds), not by making the whole model (the due board's records
// and returns: the first search by committee in a process paid that,
// and it was the slowest search of the benchmark's set).
type committeesKept struct {
	mu   sync.Mutex
	gen  int64
	list []Committee
}

// committees returns the library's committees, by name then council.
func (l *Library) committees(ctx context.Context) ([]Committee, error) {
	gen, err := l.Generation(ctx)
	if err != nil {
		return nil, err
	}
	l.cacheMu.Lock()
	c := l.cache
	l.cacheMu.Unlock()
	if c != nil && c.gen == gen {
		return c.committees, nil
	}
	cl := &l.keptCommittees
	cl.mu.Lock()
	defer cl.mu.Unlock()
	if cl.list != nil && cl.gen == gen {
		return cl.list, nil
	}
	ms, err := l.store.Q().MeetingDates(ctx)
	if err != nil {
		return nil, l.store.Wrap("read the library", err)
	}
	m := newDueCache()
	m.fromMeetings(ms)
	cl.gen, cl.list = gen, m.committees
	return cl.list, nil
}
