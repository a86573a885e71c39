package index

import (
	"context"
	"slices"
	"strings"
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
// (Update with Change.Links does the same, conditionally.)
func (l *Library) SetReturnDecisions(ctx context.Context, followUpID string, d ReturnDecisions) error {
	_, err := l.Update(ctx, followUpID, Change{Links: &d})
	return err
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
