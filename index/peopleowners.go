package index

import "context"

// RecordOwners gives, for each record, the people (and roles) its
// effective owner names, by their names as People lists them ("JB and
// the Clerk" → ["Jane Birch", "Clerk"]), keyed by record ID. A record
// whose owner names no one is left out. The due board of the TUI groups
// and filters by these, so that one person's spellings are one owner,
// and a record's owner opens that person's page.
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
	for _, r := range recs {
		var these []string
		seen := map[string]bool{}
		for _, o := range splitOwners(r.Owner) {
			key, name := d.resolver(r.Council).resolve(o)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			if n, ok := names[key]; ok {
				name = n
			}
			these = append(these, name)
		}
		if len(these) > 0 {
			out[r.ID] = these
		}
	}
	return out, nil
}
