package minutes

import (
	"regexp"
	"strings"
)

// Stage 6b: action tables. Committees keep an action log — Ref, Action,
// Owner, Due date, Status — and minutes print it as a table. Extracted
// text shows a table as columns of text separated by runs of spaces
// (PDF layout mode), by tabs, or by " | " (DOCX and HTML readers). Each
// row is an action, its cells wrapped over several lines.

var (
	reCellSplit = regexp.MustCompile(`\t+|\s*\|\s*|\s{2,}`)
	reActionCol = regexp.MustCompile(`(?i)^(?:action(?:s)?(?:\s+(?:agreed|required|point))?|description|recommendation|item)$`)
	reOwnerCol  = regexp.MustCompile(`(?i)^(?:owner|responsible(?:\s+officer)?|lead(?:\s+officer)?|officer|by\s+whom|who|action\s+by|responsibility)$`)
	reDueCol    = regexp.MustCompile(`(?i)^(?:due(?:\s+date)?|deadline|target(?:\s+date)?|by\s+when|when|date\s+due|timescale)$`)
	reRefCol    = regexp.MustCompile(`(?i)^(?:ref(?:erence)?\.?|no\.?|#|minute(?:\s+ref)?|item)$`)
	reStatusCol = regexp.MustCompile(`(?i)^(?:status|rag|update|progress|comments?)$`)
)

type column struct {
	start int // byte offset in the header's raw line; -1 for split tables
	kind  string
}

// cells splits a table line into its cells and their offsets.
func cells(raw string) ([]string, []int) {
	raw = strings.TrimRight(raw, " ")
	var out []string
	var at []int
	last := 0
	for _, loc := range reCellSplit.FindAllStringIndex(raw, -1) {
		if loc[0] > last {
			out = append(out, strings.TrimSpace(raw[last:loc[0]]))
			at = append(at, last)
		}
		last = loc[1]
	}
	if last < len(raw) {
		out = append(out, strings.TrimSpace(raw[last:]))
		at = append(at, last)
	}
	// Leading spaces: the first cell starts where its text starts.
	for i := range out {
		if out[i] == "" {
			continue
		}
		if j := strings.Index(raw[at[i]:], out[i]); j > 0 {
			at[i] += j
		}
	}
	return out, at
}

// tableHeader recognises an action table's header row.
func tableHeader(raw string) ([]column, bool) {
	cs, at := cells(raw)
	if len(cs) < 2 {
		return nil, false
	}
	var cols []column
	hasAction, hasOther := false, false
	for i, c := range cs {
		kind := "other"
		switch {
		case reActionCol.MatchString(c):
			kind, hasAction = "action", true
		case reOwnerCol.MatchString(c):
			kind, hasOther = "owner", true
		case reDueCol.MatchString(c):
			kind, hasOther = "due", true
		case reRefCol.MatchString(c):
			kind = "ref"
		case reStatusCol.MatchString(c):
			kind = "status"
		}
		cols = append(cols, column{start: at[i], kind: kind})
	}
	return cols, hasAction && hasOther
}

// findActionTables reads action tables in the item's lines.
func findActionTables(m *Meeting, it *rawItem) ([]Record, []span) {
	var recs []Record
	var used []span
	ls := it.lines
	for i := 0; i < len(ls); i++ {
		raw := ls[i].Raw
		if raw == "" {
			raw = ls[i].Text
		}
		if !mayBeTableHeader(raw) {
			continue
		}
		cols, ok := tableHeader(raw)
		if !ok {
			continue
		}
		piped := strings.Contains(raw, "|") || strings.Contains(raw, "\t")
		type row struct {
			cell map[string]string
			no   int
		}
		var rows []row
		j := i + 1
		for ; j < len(ls); j++ {
			r := ls[j].Raw
			if ls[j].Text == "" || r == "" && !piped {
				break
			}
			if r == "" {
				r = ls[j].Text
			}
			var byKind map[string]string
			var first bool
			if piped {
				cs, _ := cells(r)
				if len(cs) < 2 {
					break
				}
				byKind = map[string]string{}
				for k, c := range cs {
					if k < len(cols) {
						byKind[cols[k].kind] = strings.TrimSpace(byKind[cols[k].kind] + " " + c)
					}
				}
				first = true
			} else {
				byKind = cutColumns(r, cols)
				first = strings.TrimSpace(r[:min(len(r), cols[0].start+1)]) != "" || len(rows) == 0
				if cols[0].kind == "action" {
					first = len(rows) == 0 || startsUpper(byKind["action"]) && endsSentence(rows[len(rows)-1].cell["action"])
				}
			}
			if first || len(rows) == 0 {
				rows = append(rows, row{cell: byKind, no: ls[j].No})
				continue
			}
			prev := rows[len(rows)-1].cell
			for k, v := range byKind {
				if v != "" {
					prev[k] = strings.TrimSpace(prev[k] + " " + v)
				}
			}
		}
		used = append(used, span{i, j})
		for _, r := range rows {
			text := r.cell["action"]
			if text == "" {
				continue
			}
			rec := Record{Text: text, Owner: m.Attendance.expandInitials(strings.TrimSpace(r.cell["owner"])), Line: r.no}
			if ds := findDates(r.cell["due"], false); len(ds) > 0 {
				rec.Due, rec.Target = ds[0].Date, DateTarget()
			}
			recs = append(recs, rec)
		}
		i = j
	}
	return recs, used
}

// cutColumns cuts a layout-mode line at the header's column offsets.
func cutColumns(r string, cols []column) map[string]string {
	out := map[string]string{}
	for k, c := range cols {
		if c.start >= len(r) {
			break
		}
		end := len(r)
		if k+1 < len(cols) && cols[k+1].start < end {
			end = cols[k+1].start
		}
		// Move the cut back to a space so a word that starts a column
		// a character early stays whole.
		start := c.start
		for start > 0 && start < len(r) && r[start-1] != ' ' {
			start--
		}
		for end < len(r) && end > 0 && r[end-1] != ' ' && r[end] != ' ' {
			end--
		}
		if start >= end {
			continue
		}
		out[c.kind] = strings.TrimSpace(strings.TrimSpace(out[c.kind] + " " + r[start:end]))
	}
	return out
}

// mayBeTableHeader is a cheap test before tableHeader: a header names an
// action column and another one.
func mayBeTableHeader(raw string) bool {
	if len(raw) > 300 {
		return false
	}
	return tableActionWords.lowerIn(raw) && tableOwnerWords.lowerIn(raw)
}

var (
	tableActionWords = newFoldAnyOf("action", "description", "recommendation")
	tableOwnerWords  = newFoldAnyOf("owner", "responsib", "lead", "officer", "by", "who", "due", "deadline", "target", "when", "timescale")
)
