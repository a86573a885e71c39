package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// A clerk's decisions about a follow-up coming back to committee, kept in
// the links table: the later item they confirmed answers it, and the items
// they said do not. "Not returned" (LinkReturn with no item) is a decision
// about every item the library holds when the clerk makes it: the item the
// follow-up was linked to and every other the matcher would take in its
// place are all marked as not answering it, so the follow-up stays
// unreturned until an item the clerk has not yet seen (from a meeting
// imported later) matches it. ReturnDecisions and SetReturnDecisions read
// and restore the decisions, so that a clerk's change can be undone
// exactly.

// ReturnDecisions are the clerk's decisions about one follow-up coming
// back: the item confirmed to answer it ("" for none) and the items said
// not to, sorted.
type ReturnDecisions struct {
	Confirmed string
	Rejected  []string
}

// maxCandidates bounds how many matching items "not returned" marks: far
// more than any follow-up has.
const maxCandidates = 200

// ReturnDecisions returns the clerk's decisions about follow-up id.
func (l *Library) ReturnDecisions(ctx context.Context, followUpID string) (ReturnDecisions, error) {
	var d ReturnDecisions
	links, err := l.store.Q().LinksOf(ctx, strings.TrimSpace(followUpID))
	if err != nil {
		return d, l.store.Wrap("read the links of "+followUpID, err)
	}
	for _, k := range links {
		if k.Confirmed {
			d.Confirmed = k.Item
		} else {
			d.Rejected = append(d.Rejected, k.Item)
		}
	}
	return d, nil
}

// SetReturnDecisions replaces the clerk's decisions about follow-up id
// with d (as ReturnDecisions returned them earlier: this is how a change
// is undone) and notes the change of link in the record's history.
func (l *Library) SetReturnDecisions(ctx context.Context, followUpID string, d ReturnDecisions) error {
	followUpID = strings.TrimSpace(followUpID)
	current, err := l.currentLink(ctx, followUpID)
	if err != nil {
		return err
	}
	// The link the follow-up will have: the confirmed item, or the
	// matcher's first choice among the items not rejected.
	next := d.Confirmed
	if next == "" {
		if c, err := l.candidates(ctx, followUpID, d.Rejected, 1); err != nil {
			return err
		} else if len(c) > 0 {
			next = c[0]
		}
	}
	at := l.now().UTC().Format(store.TimeFormat)
	who := cleanLine(currentUser())
	err = l.store.Write(ctx, func(q store.Q) error {
		f, err := q.Record(ctx, followUpID)
		if err != nil {
			return err
		}
		if f.Kind != minutes.KindFollowUp {
			return userErrorf("%s is not a follow-up: only follow-ups come back to committee", followUpID)
		}
		if d.Confirmed != "" {
			if _, err := q.Item(ctx, d.Confirmed); errors.Is(err, ErrNotFound) {
				return fmt.Errorf("no item has the ID %q: %w", d.Confirmed, ErrNotFound)
			} else if err != nil {
				return err
			}
		}
		if err := q.SetLinks(ctx, followUpID, d.Confirmed, d.Rejected, at); err != nil {
			return err
		}
		old := ""
		if current != nil {
			old = current.ItemID
		}
		if err := q.AddHistory(ctx, followUpID, at, who, "link", old, next); err != nil {
			return err
		}
		var touched []string
		if !f.Orphaned {
			touched = append(touched, f.MeetingID)
		}
		_, err = q.Bump(ctx, touched...)
		return err
	})
	return l.wrapUser("restore the links of "+followUpID, err)
}

// candidates returns up to limit later items the matcher would take for
// follow-up id, best first, leaving out the items in rejected (which
// replace the clerk's stored rejections: pass those in to keep them); a
// confirmed link is not consulted.
func (l *Library) candidates(ctx context.Context, id string, rejected []string, limit int) ([]string, error) {
	r, model, err := l.recordInModel(ctx, id)
	if err != nil {
		return nil, err
	}
	return model.candidates(ctx, l, &r, rejected, limit), nil
}

// storedRejections are the items the clerk has said do not answer
// follow-up id, as the model read them.
func (l *Library) storedRejections(ctx context.Context, id string) ([]string, error) {
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	if ls := model.links[id]; ls != nil {
		for item := range ls.rejected {
			out = append(out, item)
		}
	}
	slices.Sort(out)
	return out, nil
}

// candidates is the matcher's list for r (see Library.candidates).
func (c *dueCache) candidates(ctx context.Context, l *Library, r *row, rejected []string, limit int) []string {
	if r.Orphaned {
		return nil
	}
	ls := &linkSet{rejected: map[string]bool{}}
	for _, item := range rejected {
		ls.rejected[item] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ci := c.committeeItems(ctx, l, r.key())
	var out []string
	for len(out) < limit {
		ref := ci.match(r, ls)
		if ref == nil || ls.rejected[ref.ItemID] {
			break
		}
		out = append(out, ref.ItemID)
		ls.rejected[ref.ItemID] = true
	}
	return out
}

// notReturnedItems are the items besides linked that "not returned"
// marks for follow-up id: every other the matcher would take.
func (l *Library) notReturnedItems(ctx context.Context, id, linked string) ([]string, error) {
	rejected, err := l.storedRejections(ctx, id)
	if err != nil {
		return nil, err
	}
	return l.candidates(ctx, id, append(rejected, linked), maxCandidates)
}
