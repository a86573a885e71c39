package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

func newSearchCmd(a *app) *cobra.Command {
	var (
		q            index.SearchQuery
		status, from string
		to           string
		asJSON       bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the resolutions, actions, follow-ups and items of the library",
		Long: `Search the library. Every word must match, as in a web search, and
words match their other forms ("enforcing" finds "enforcement"):

  fly tipping            both words, anywhere in the record or item
  "fly tipping"          the words as a phrase
  -word  -"a phrase"     must not be there (+word: must, as a plain word)
  budget OR finance      either word
  enfor*                 words that start so (three letters at least)
  field:value            kind:action, committee:osc, council:harrow, status:open, owner:smith,
                         status:rejected (what clerks rejected: left out otherwise),
                         year:2022, title:, text:, minute:, and for meetings'
                         attendance present:, apologies:, absent:

A person's name on its own also finds the meetings they attended or sent
apologies to (kind meeting).

Examples:
  minutebook search fly-tipping
  minutebook search '"further report" licensing' --committee osc --from 2021-01-01
  minutebook search 'borough commander kind:action status:open'
  minutebook search 'apologies:halai'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q.Text = strings.Join(args, " ")
			if q.Text == "" && q.Owner == "" && q.Committee == "" && q.Council == "" && q.Kind == "" && status == "" && from == "" && to == "" && q.Year == 0 {
				return fmt.Errorf("give something to search for, e.g. minutebook search fly-tipping")
			}
			if strings.EqualFold(strings.TrimSpace(status), "rejected") {
				q.Status = "rejected" // the records clerks rejected, alone
			} else if status != "" {
				s, ok := index.ParseStatus(status)
				if !ok {
					return fmt.Errorf("--status %q: use open, in-progress, done or dropped", status)
				}
				q.Status = s
			}
			var err error
			if q.From, err = dateFlag("--from", from); err != nil {
				return err
			}
			if q.To, err = dateFlag("--to", to); err != nil {
				return err
			}
			lib, err := openLibrary(cmd.Context(), a, "search", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			res, err := lib.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, searchJSON(res, q.Facets))
			}
			return printSearch(a.stdout, res, q, isTerminal(a.stdout) && !a.noColor)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.Owner, "owner", "", `only the records this person (or role) owns, under any spelling: a name as minutebook people lists it`)
	f.StringVar(&q.Committee, "committee", "", `only this committee: its name, its initials ("osc") or a unique part of the name`)
	addCouncilFlag(cmd, &q.Council)
	f.StringVar(&q.Kind, "kind", "", "only resolution, action, followup, item or meeting")
	f.StringVar(&status, "status", "", "only actions and follow-ups with this status: open, in-progress, done, dropped")
	f.StringVar(&from, "from", "", "only meetings on or after this date (YYYY-MM-DD)")
	f.StringVar(&to, "to", "", "only meetings on or before this date (YYYY-MM-DD)")
	f.IntVar(&q.Year, "year", 0, "only meetings in this year")
	f.IntVar(&q.Limit, "limit", 20, "show at most this many hits")
	f.IntVar(&q.Offset, "offset", 0, "skip this many hits (for the next page)")
	f.BoolVar(&q.Facets, "facets", false, "also count the hits by committee, council, kind, year and status")
	f.BoolVar(&asJSON, "json", false, "print the hits as JSON")
	f.BoolVar(&q.IncludeRejected, "include-rejected", false, `also find the records clerks rejected (status "rejected"; --status rejected finds them alone)`)
	return cmd
}

type hitJSON struct {
	ID         string       `json:"id"`
	Kind       string       `json:"kind"`
	Committee  string       `json:"committee"`
	Council    *string      `json:"council"`
	MeetingID  string       `json:"meeting_id"`
	Date       minutes.Date `json:"date"`
	Minute     string       `json:"minute"`
	Title      string       `json:"title"`
	Status     *string      `json:"status"`
	Excerpt    string       `json:"excerpt"`
	Highlights [][2]int     `json:"highlights"` // rune offsets into excerpt of the matched words
	Score      float64      `json:"score"`
}

type searchResultJSON struct {
	Total  uint64                        `json:"total"`
	Hits   []hitJSON                     `json:"hits"`
	Facets map[string][]index.FacetCount `json:"facets,omitempty"`
	TookMS float64                       `json:"took_ms"`
}

func searchJSON(res *index.SearchResult, facets bool) searchResultJSON {
	out := searchResultJSON{Total: res.Total, Hits: []hitJSON{}, TookMS: float64(res.Took.Microseconds()) / 1000}
	if facets {
		out.Facets = res.Facets
	}
	for _, h := range res.Hits {
		j := hitJSON{ID: h.ID, Kind: string(h.Kind), Committee: h.Committee, Council: minutes.NullIfEmpty(h.Council), MeetingID: h.MeetingID, Date: h.MeetingDate,
			Minute: h.Minute, Title: h.Title, Score: h.Score, Highlights: [][2]int{}}
		if h.Status != "" {
			s := string(h.Status)
			j.Status = &s
		}
		var b strings.Builder
		n := 0
		for _, s := range h.Excerpt {
			t := strings.Join(strings.Fields(s.Text), " ")
			if strings.HasPrefix(s.Text, " ") && b.Len() > 0 {
				t = " " + t
			}
			if strings.HasSuffix(s.Text, " ") && strings.TrimSpace(s.Text) != "" {
				t += " "
			}
			if s.Match {
				j.Highlights = append(j.Highlights, [2]int{n, n + len([]rune(t))})
			}
			b.WriteString(t)
			n += len([]rune(t))
		}
		j.Excerpt = b.String()
		out.Hits = append(out.Hits, j)
	}
	return out
}

func printSearch(w io.Writer, res *index.SearchResult, q index.SearchQuery, highlight bool) error {
	if res.Total == 0 {
		fmt.Fprintln(w, "No hits.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var councils []string
	for _, h := range res.Hits {
		councils = append(councils, h.Council)
	}
	many := councilCount(councils...) > 1 // a column for them
	if many {
		fmt.Fprintln(tw, "KIND\tCOUNCIL\tCOMMITTEE\tDATE\tMINUTE\tID\tEXCERPT")
	} else {
		fmt.Fprintln(tw, "KIND\tCOMMITTEE\tDATE\tMINUTE\tID\tEXCERPT")
	}
	for _, h := range res.Hits {
		cells := []string{cell(string(h.Kind), 0)}
		if many {
			cells = append(cells, cell(h.Council, 24))
		}
		cells = append(cells, cell(h.Committee, 32), cell(h.MeetingDate.String(), 0), cell(h.Minute, 10), cell(h.ID, 0), excerpt(h.Excerpt, 100, highlight))
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	first := q.Offset + 1
	last := q.Offset + len(res.Hits)
	if uint64(last) < res.Total {
		fmt.Fprintf(w, "%d–%d of %d hits (--offset %d for more).\n", first, last, res.Total, last)
	} else if res.Total > 1 {
		fmt.Fprintf(w, "%d hits.\n", res.Total)
	}
	if q.Facets {
		for _, name := range []string{"committee", "council", "kind", "year", "status"} {
			fc := res.Facets[name]
			if len(fc) == 0 {
				continue
			}
			parts := make([]string, 0, len(fc))
			if name != "year" {
				sort.SliceStable(fc, func(i, j int) bool { return fc[i].Count > fc[j].Count })
			}
			for _, c := range fc {
				parts = append(parts, fmt.Sprintf("%s (%d)", cell(c.Value, 40), c.Count))
			}
			fmt.Fprintf(w, "%-10s %s\n", name+":", strings.Join(parts, ", "))
		}
	}
	return nil
}

// excerpt writes an excerpt on one line, at most n runes, with the matched
// words in bold when highlight is set (our escape codes around text that
// has been made safe; never the document's own).
func excerpt(spans []index.Span, n int, highlight bool) string {
	var b strings.Builder
	left := n
	for _, s := range spans {
		t := strings.Join(strings.Fields(safe(s.Text)), " ")
		if strings.HasPrefix(s.Text, " ") && b.Len() > 0 {
			t = " " + t
		}
		if strings.HasSuffix(s.Text, " ") && strings.TrimSpace(s.Text) != "" {
			t += " "
		}
		r := []rune(t)
		if len(r) > left {
			r = append(r[:max(left-1, 0)], '…')
		}
		t = string(r)
		if s.Match && highlight {
			b.WriteString("\x1b[1m" + t + "\x1b[0m")
		} else {
			b.WriteString(t)
		}
		left -= len(r)
		if left <= 0 {
			break
		}
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}
