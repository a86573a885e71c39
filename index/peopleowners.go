package index

import "context"

// RecordOwners gives, for each record, the people (and roles) its
// effective owner names, by their names as People lists them ("JB and
// the Clerk" → ["Jane Birch", "Clerk"]), keyed by record ID. A record
// whose owner names no one is left out. The due board of the TUI groups
// and filters by these, so that one person's spellings are one owner,
// and a record's owner opens that person's page. Records of one owner
// (as written, in one council) share one slice: read it, do not change it.
func (l *Library) RecordOwners(ctx context.Context, recs []Record) (map[string][]string, error) {
	ps, d, err := l.people(ctx, l.today())
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(ps))
	for _, p := range ps {
		names[p.key] = p.Name
	}
	out := make(map[string][]string, len(recs))
	read := map[councilOwner][]string{} // a board names few owners, many times
	for _, r := range recs {
		k := councilOwner{r.Council, r.Owner}
		these, ok := read[k]
		if !ok {
			these = ownerNames(d.resolver(r.Council), r.Owner, names)
			read[k] = these
		}
		if len(these) > 0 {
			out[r.ID] = these
		}
	}
	return out, nil
}

// ownerNames is who an owner names, by the names People lists them
// under (names, by key).
func ownerNames(dir *nameDir, owner string, names map[string]string) []string {
	var these []string
	seen := map[string]bool{}
	for _, o := range SplitOwners(owner) {
		key, name := dir.resolve(o)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		if n, ok := names[key]; ok {
			name = n
		}
		these = append(these, name)
	}
	return these
}
