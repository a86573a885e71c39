package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/export"
	"github.com/minutebook/minutebook/minutes"
)

func newPeopleCmd(a *app) *cobra.Command {
	var (
		committee string
		council   string
		asJSON    bool
	)
	cmd := &cobra.Command{
		Use:   "people",
		Short: "List the people (and roles) the minutes name, with their committees and open and overdue records",
		Long: `List everyone the library's minutes name: in attendance lists (present,
chair, in attendance, apologies, absent, substitutes), as owners of actions
and follow-ups (the clerk's owner when one was set) and in declarations of
interest. Honorifics, titles and post-nominals are taken off ("Cllr Mrs J.
Birch MBE" is "J. Birch"); initials and surnames ("JB", "Birch") join the one
full name of the same council they fit. Roles ("Clerk", "RFO", "Chair",
"All") are listed as roles, after the people.

OPEN counts the person's open actions and follow-ups; LATE the overdue and
slipped ones among them. minutebook show person NAME lists them.

When the minutes spell one person two ways, minutebook people merge NAME
OTHER lists them as one; people split NAME --from ALIAS takes a spelling
back out; people history lists these corrections.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := openLibrary(cmd.Context(), a, "people", false)
			if err != nil {
				return err
			}
			defer lib.Close()
			ps, err := lib.People(cmd.Context(), index.PeopleQuery{Committee: committee, Council: council, AsOf: minutes.DateOf(a.now())})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, peopleJSON(ps))
			}
			return printPeople(a.stdout, ps)
		},
	}
	cmd.AddCommand(newPeopleFixCmds(a)...)
	cmd.Flags().StringVar(&committee, "committee", "", "only the people who sat on this committee: its name, initials or a unique part of the name")
	cmd.Flags().StringVar(&council, "council", "", "only the people who sat on this council's committees: its name or the start of it, any case")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// personJSON is one person of `people --json`.
type personJSON struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"` // "person" or "role"
	Aliases    []string `json:"aliases"`
	Councils   []string `json:"councils"`
	Committees []string `json:"committees"`
	Meetings   int      `json:"meetings"`
	Open       int      `json:"open"`
	Overdue    int      `json:"overdue"`
}

func personOf(p index.Person) personJSON {
	kind := "person"
	if p.Role {
		kind = "role"
	}
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	return personJSON{Name: p.Name, Kind: kind, Aliases: nonNil(p.Aliases), Councils: nonNil(p.Councils), Committees: nonNil(p.Committees),
		Meetings: p.Meetings, Open: p.Open, Overdue: p.Overdue}
}

func peopleJSON(ps []index.Person) []personJSON {
	out := make([]personJSON, len(ps))
	for i, p := range ps {
		out[i] = personOf(p)
	}
	return out
}

func printPeople(w io.Writer, ps []index.Person) error {
	if len(ps) == 0 {
		_, err := fmt.Fprintln(w, "No people: import minutes with attendance lists first (minutebook import FILE).")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tOPEN\tLATE\tMEETINGS\tCOMMITTEES")
	for _, p := range ps {
		kind := "person"
		if p.Role {
			kind = "role"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", p.Name, kind, p.Open, p.Overdue, p.Meetings, strings.Join(p.Committees, "; "))
	}
	return tw.Flush()
}

// personDetailJSON is `show person NAME --json`.
type personDetailJSON struct {
	personJSON
	Records      []dueRecord       `json:"open_records"`
	Declarations []declarationJSON `json:"declarations"`
	Attendance   []attendedJSON    `json:"attendance"`
}

type declarationJSON struct {
	Meeting   string `json:"meeting"`
	Committee string `json:"committee"`
	Date      string `json:"date"`
	Item      string `json:"item"`
	Interest  string `json:"interest"`
	Text      string `json:"text"`
}

type attendedJSON struct {
	Meeting   string `json:"meeting"`
	Committee string `json:"committee"`
	Date      string `json:"date"`
	As        string `json:"as"`
}

// runShowPerson is `minutebook show person NAME`.
func runShowPerson(ctx context.Context, a *app, lib *index.Library, name string, asJSON bool) error {
	d, err := lib.Person(ctx, name, minutes.DateOf(a.now()))
	if err != nil {
		return err
	}
	if asJSON {
		out := personDetailJSON{personJSON: personOf(d.Person), Records: []dueRecord{}, Declarations: []declarationJSON{}, Attendance: []attendedJSON{}}
		if err := lib.FillVersions(ctx, d.Records); err != nil {
			return err
		}
		rows, err := export.Rows(ctx, lib, d.Records)
		if err != nil {
			return err
		}
		out.Records = recordsJSON(rows)
		for _, dc := range d.Declarations {
			out.Declarations = append(out.Declarations, declarationJSON{dc.MeetingID, dc.Committee, dc.Date.String(), dc.ItemID, dc.Interest, dc.Text})
		}
		for _, at := range d.Attendance {
			out.Attendance = append(out.Attendance, attendedJSON{at.MeetingID, at.Committee, at.Date.String(), at.As})
		}
		return writeJSON(a.stdout, out)
	}
	w := a.stdout
	kind := ""
	if d.Role {
		kind = " (a role)"
	}
	fmt.Fprintf(w, "%s%s\n", d.Name, kind)
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "Also written: %s\n", strings.Join(d.Aliases, ", "))
	}
	if len(d.Committees) > 0 {
		fmt.Fprintf(w, "Committees: %s\n", strings.Join(d.Committees, "; "))
	}
	fmt.Fprintf(w, "\nOpen actions and follow-ups (%d, %d overdue or slipped):\n", d.Open, d.Overdue)
	if len(d.Records) == 0 {
		fmt.Fprintln(w, "  none")
	} else if err := printDue(w, d.Records, minutes.DateOf(a.now())); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nDeclarations of interest (%d):\n", len(d.Declarations))
	if len(d.Declarations) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, dc := range d.Declarations {
		fmt.Fprintf(w, "  %s  %s  item %s  %s: %s\n", dc.Date, dc.Committee, dc.Items, dc.Interest, oneLine(dc.Text))
	}
	fmt.Fprintf(w, "\nAttendance (%d meetings):\n", len(d.Attendance))
	if len(d.Attendance) == 0 {
		fmt.Fprintln(w, "  none")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, at := range d.Attendance {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", at.Date, at.Committee, at.As, at.MeetingID)
	}
	return tw.Flush()
}

// oneLine folds a text's lines and cuts it to fit one line of a listing.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 100 {
		s = string(r[:99]) + "…"
	}
	return s
}
