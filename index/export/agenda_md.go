package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the tracker as a Markdown document: a heading for
// the meeting, then each section as a table.
func (a *Agenda) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdText(a.Title()))
	fmt.Fprintf(bw, "**%s**, meeting of %s\n\n", mdText(a.heading()), mdText(a.MeetingLabel()))
	if a.HasExempt() {
		fmt.Fprintf(bw, "> **NOT FOR PUBLICATION.** %s\n\n", mdText(exemptWarning))
	}
	fmt.Fprintf(bw, "%s\n\n", mdText(a.intro()))
	for i, s := range a.Sections {
		fmt.Fprintf(bw, "## %d. %s (%d)\n\n", i+1, mdText(s.Title), len(s.Entries))
		if len(s.Entries) == 0 {
			fmt.Fprint(bw, "None.\n\n")
			continue
		}
		fmt.Fprintf(bw, "%s\n\n", mdText(a.sectionNote(s)))
		head := []string{"Ref", "Minute", "Action or recommendation", "Officer", "Due", "RAG", "Status and latest update"}
		if s.Key == SectionReturned {
			head[len(head)-1] = "Returned as"
		}
		mdRow(bw, head)
		for i := range head {
			head[i] = "---"
		}
		mdRow(bw, head)
		for _, e := range s.Entries {
			action := ""
			if e.Exempt {
				action = "**EXEMPT** "
			}
			if e.ItemTitle != "" {
				action += "**" + mdCell(e.ItemTitle) + "**<br>"
			}
			action += mdCell(e.Text)
			last := mdCell(progressText(e, false))
			if s.Key == SectionReturned {
				last = mdCell(returnedLabel(e.ReturnedTo))
			}
			mdRow(bw, []string{
				"`" + strings.ReplaceAll(e.ID, "`", "") + "`",
				mdCell(minuteLabel(e)),
				action,
				mdCell(e.Owner),
				mdCell(dueLabel(e)),
				mdCell(ragLabel(e.RAG)),
				last,
			})
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "_%s_\n", mdText(a.footer()))
	return flush(bw, "Markdown")
}

const exemptWarning = "This tracker includes exempt information (press and public excluded under Schedule 12A to the Local Government Act 1972). Items marked EXEMPT must not be published."

// heading names the committee (with its council when known).
func (a *Agenda) heading() string {
	if a.Council != "" && !strings.Contains(strings.ToLower(a.Committee), strings.ToLower(a.Council)) {
		return a.Council + ": " + a.Committee
	}
	return a.Committee
}

// intro is the sentence under the heading.
func (a *Agenda) intro() string {
	var b strings.Builder
	b.WriteString("Actions and follow-ups from previous meetings of the committee, as at ")
	b.WriteString(longDate(a.AsOf))
	b.WriteString(". ")
	if a.MonthOnly {
		b.WriteString("The date of the meeting is not yet in the library: anything due in the month is treated as due at it. ")
	}
	if a.Previous.IsZero() {
		b.WriteString("No earlier meeting of the committee is in the library.")
	} else {
		b.WriteString("The committee last met on ")
		b.WriteString(longDate(a.Previous))
		b.WriteString(".")
	}
	return b.String()
}

// sectionNote is the section's note, with "since the last meeting" made
// specific.
func (a *Agenda) sectionNote(s Section) string {
	if !a.Previous.IsZero() {
		return strings.Replace(s.Note, "since it last met", "since "+longDate(a.Previous), 1)
	}
	return s.Note
}

func (a *Agenda) footer() string {
	return fmt.Sprintf("Prepared by minutebook on %s for the meeting of %s. RAG: red, late; amber, outstanding; green, closed.",
		longDate(a.AsOf), a.MeetingLabel())
}

// minuteLabel is where a record was made: "188, 14 Dec 2021".
func minuteLabel(r Row) string {
	m := oneLine(r.Minute)
	if m == "" {
		return shortDate(r.MeetingDate)
	}
	return m + ", " + shortDate(r.MeetingDate)
}

// dueLabel is when a record is due, with the meeting it is due back at
// when the minutes name one: "30 Jun 2022 (June 2022 meeting of the
// Committee)".
func dueLabel(r Row) string {
	d := shortDate(r.Due)
	if r.Provisional && d != "" {
		d = "by " + d
	}
	if m := oneLine(r.DueMeeting); m != "" {
		if d == "" {
			return m
		}
		return d + " (" + m + ")"
	}
	if d == "" {
		return "no date"
	}
	return d
}

// progressText is the record's status (with its flag when withFlag) and
// latest update: "In progress. 3 Mar 2022: Draft report with the Director."
func progressText(r Row, withFlag bool) string {
	s := statusLabel(r.Status)
	if withFlag && r.Flag != "" && r.Flag != "done" {
		s += " (" + r.Flag.Label() + ")"
	}
	s += "."
	if r.Update != "" {
		s += " "
		if !r.UpdateDate.IsZero() {
			s += shortDate(r.UpdateDate) + ": "
		}
		s += r.Update
	}
	return s
}
