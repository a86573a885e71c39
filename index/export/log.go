package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Format is an output format.
type Format string

// The formats exports are written in. Not every export has every format:
// see ActionLog.Write, Agenda.Write and WriteCalendar.
const (
	FormatXLSX     Format = "xlsx"
	FormatCSV      Format = "csv"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatICS      Format = "ics"
)

// ParseFormat accepts a format name as typed, with or without a dot, and a
// few common synonyms ("markdown", "excel", "ical").
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "xlsx", "excel":
		return FormatXLSX, true
	case "csv":
		return FormatCSV, true
	case "json":
		return FormatJSON, true
	case "md", "markdown":
		return FormatMarkdown, true
	case "html", "htm":
		return FormatHTML, true
	case "ics", "ical", "icalendar", "calendar":
		return FormatICS, true
	}
	return "", false
}

// Binary reports whether the format is not text (and so must not be
// written to a terminal).
func (f Format) Binary() bool { return f == FormatXLSX }

// LogQuery selects the rows of an action log: the library query, and
// filters on what the library does not filter by. When more than one of
// Statuses, RAG and Flags is given, a row is kept when it matches any of
// them ("--status in-progress,red": in progress, or late).
type LogQuery struct {
	index.RecordQuery
	// RAG keeps rows with these RAG values (Red, Amber, Green).
	RAG []string
	// Flags keeps rows with these flags.
	Flags []index.Flag
}

// keep reports whether a row passes the Statuses, RAG and Flags filters.
func (q LogQuery) keep(r Row) bool {
	if len(q.Statuses) == 0 && len(q.RAG) == 0 && len(q.Flags) == 0 {
		return true
	}
	status := r.Status
	if status == "" {
		status = index.StatusOpen
	}
	return slices.Contains(q.Statuses, status) || slices.Contains(q.RAG, r.RAG) || slices.Contains(q.Flags, r.Flag)
}

// ActionLog is a committee's action log: one row per action or follow-up.
type ActionLog struct {
	Committee     string       // the committee it is for; "" for all
	Council       string       // the council it is for; "" for all
	AsOf          minutes.Date // the date flags and RAG are worked out against
	From, To      minutes.Date // the meeting-date range asked for; zero is open
	IncludeExempt bool         // exempt rows are included (and marked)
	// IncludeRejected: the records clerks rejected are included, and
	// marked REJECTED.
	IncludeRejected bool
	Rows            []Row
}

// Row is one line of an action log.
type Row struct {
	index.Record
	RAG        string       // Red, Amber, Green, or "" for resolutions
	Update     string       // the latest note, "" when none
	UpdateDate minutes.Date // when that note (or, failing it, the last edit) was made
}

// LoadActionLog reads an action log from the library. Exempt records are
// left out unless q.IncludeExempt, whatever the library returns. The date
// of each record's latest note is read from its tracking history.
func LoadActionLog(ctx context.Context, api index.API, q LogQuery) (*ActionLog, error) {
	rq := q.RecordQuery
	if q.Council != "" {
		c, err := ResolveCouncil(ctx, api, q.Council)
		if err != nil {
			return nil, err
		}
		rq.Council, q.Council = c.Name, c.Name
	}
	if q.Committee != "" {
		c, err := ResolveCommitteeOf(ctx, api, q.Committee, q.Council)
		if err != nil {
			return nil, err
		}
		rq.Committee, q.Committee = queryCommittee(c), c.Name
	}
	if len(q.RAG) > 0 || len(q.Flags) > 0 {
		rq.Statuses = nil // matched below, with the others
	}
	recs, err := api.Records(ctx, rq)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	l := NewActionLog(recs, q.RecordQuery)
	kept := l.Rows[:0]
	for _, row := range l.Rows {
		if q.keep(row) {
			kept = append(kept, row)
		}
	}
	l.Rows = kept
	if err := noteDates(ctx, api, l.Rows); err != nil {
		return nil, err
	}
	return l, nil
}

// Rows are records as rows of a log: cleaned, with their RAG and the date
// of their latest update (read from their histories).
func Rows(ctx context.Context, api index.API, recs []index.Record) ([]Row, error) {
	rows := make([]Row, len(recs))
	for i, r := range recs {
		rows[i] = newRow(r)
	}
	return rows, noteDates(ctx, api, rows)
}

// noteDates sets each row's UpdateDate to the day its latest note was
// written, from its history; a row whose history cannot be read keeps the
// date of its last edit.
func noteDates(ctx context.Context, api index.API, rows []Row) error {
	if nt, ok := api.(noteTimer); ok {
		return noteDatesAtOnce(ctx, nt, rows)
	}
	for i := range rows {
		row := &rows[i]
		if row.LastNote == "" {
			continue
		}
		_, hist, err := api.Record(ctx, row.ID)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			continue // keep the last-edit date
		}
		noteDate(row, hist)
	}
	return nil
}

// noteTimer is a library that reads the times of many records' latest
// notes at once (*index.Library does).
type noteTimer interface {
	LatestNoteTimes(ctx context.Context, ids []string) (map[string]time.Time, error)
}

// noteDatesAtOnce is noteDates with one read for all the rows.
func noteDatesAtOnce(ctx context.Context, nt noteTimer, rows []Row) error {
	var ids []string
	for i := range rows {
		if rows[i].LastNote != "" {
			ids = append(ids, rows[i].ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	times, err := nt.LatestNoteTimes(ctx, ids)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return nil // keep the last-edit dates, as when a history cannot be read
	}
	for i := range rows {
		if t, ok := times[rows[i].ID]; ok && rows[i].LastNote != "" {
			rows[i].UpdateDate = minutes.DateOf(t.Local())
		}
	}
	return nil
}

// noteDate sets row's UpdateDate to the day its latest note in hist was
// written.
func noteDate(row *Row, hist []index.HistoryEntry) {
	for j := len(hist) - 1; j >= 0; j-- {
		if hist[j].Field == "note" && !hist[j].At.IsZero() {
			row.UpdateDate = minutes.DateOf(hist[j].At.Local())
			return
		}
	}
}

// NewActionLog makes an action log of records already read, in the order
// given. Exempt records are dropped unless q.IncludeExempt, and those
// clerks rejected unless q.IncludeRejected; q's other fields are only
// recorded, not applied.
func NewActionLog(recs []index.Record, q index.RecordQuery) *ActionLog {
	l := &ActionLog{Committee: q.Committee, Council: q.Council, AsOf: q.AsOf, From: q.From, To: q.To, IncludeExempt: q.IncludeExempt, IncludeRejected: q.IncludeRejected}
	for _, r := range recs {
		if r.Exempt && !q.IncludeExempt || r.Rejected && !q.IncludeRejected {
			continue
		}
		l.Rows = append(l.Rows, newRow(r))
	}
	return l
}

func newRow(r index.Record) Row {
	r.Text = clean(r.Text)
	r.ItemTitle = oneLine(r.ItemTitle)
	r.Owner = oneLine(r.Owner)
	r.LastNote = clean(r.LastNote)
	row := Row{Record: r, RAG: RAG(r), Update: r.LastNote}
	if !r.UpdatedAt.IsZero() {
		row.UpdateDate = minutes.DateOf(r.UpdatedAt.Local())
	}
	return row
}

// Title names the log: "Action log: Overview and Scrutiny Committee",
// "Action log: Cabinet, Brent Council", "Action log: Brent Council".
func (l *ActionLog) Title() string {
	switch {
	case l.Committee != "" && l.Council != "":
		return "Action log: " + l.Committee + ", " + l.Council
	case l.Committee != "":
		return "Action log: " + l.Committee
	case l.Council != "":
		return "Action log: " + l.Council
	}
	return "Action log"
}

// Write writes the log in one of FormatXLSX, FormatCSV, FormatJSON and
// FormatMarkdown.
func (l *ActionLog) Write(w io.Writer, f Format) error {
	switch f {
	case FormatXLSX:
		return l.WriteXLSX(w)
	case FormatCSV:
		return l.WriteCSV(w)
	case FormatJSON:
		return l.WriteJSON(w)
	case FormatMarkdown:
		return l.WriteMarkdown(w)
	}
	return fmt.Errorf("the action log cannot be written as %q: use xlsx, csv, json or md", f)
}

// WriteForFile is Write for a file a person will open. A CSV file starts
// with a UTF-8 byte-order mark: without one, Excel reads CSV in the
// system's code page and shows "Mária" as "MÃ¡ria" and a dash as "â€“".
// Standard output gets none (Write), since a program reading a pipe
// seldom expects one.
func (l *ActionLog) WriteForFile(w io.Writer, f Format) error {
	if f == FormatCSV {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	return l.Write(w, f)
}

// utf8BOM is U+FEFF encoded as UTF-8, the mark spreadsheets look for.
const utf8BOM = "\ufeff"

// column is one column of the action log, shared by the tabular formats so
// that they agree.
type column struct {
	title string
	width float64 // XLSX width in characters
	wrap  bool
	// text is the cell as text (CSV, Markdown).
	text func(Row) string
	// date, when set, makes the cell a date in XLSX.
	date func(Row) minutes.Date
	rag  bool // the RAG column, coloured in XLSX
}

func (l *ActionLog) columns() []column {
	iso := func(f func(Row) minutes.Date) func(Row) string {
		return func(r Row) string { return f(r).String() }
	}
	meetingDate := func(r Row) minutes.Date { return r.MeetingDate }
	due := func(r Row) minutes.Date { return r.Due }
	updated := func(r Row) minutes.Date { return r.UpdateDate }
	cols := []column{
		{title: "Reference", width: 26, text: func(r Row) string { return r.ID }},
	}
	if l.IncludeExempt {
		cols = append(cols, column{title: "Exempt", width: 9, text: func(r Row) string {
			if r.Exempt {
				return "EXEMPT"
			}
			return ""
		}})
	}
	if l.IncludeRejected {
		cols = append(cols, column{title: "Rejected", width: 10, text: func(r Row) string {
			if r.Rejected {
				return "REJECTED"
			}
			return ""
		}})
	}
	cols = append(cols,
		column{title: "Committee", width: 24, wrap: true, text: func(r Row) string { return oneLine(r.Committee) }},
		column{title: "Meeting date", width: 13, text: iso(meetingDate), date: meetingDate},
		column{title: "Minute", width: 9, text: func(r Row) string { return oneLine(r.Minute) }},
		column{title: "Item", width: 28, wrap: true, text: func(r Row) string { return r.ItemTitle }},
		column{title: "Type", width: 11, text: func(r Row) string { return kindLabel(r.Kind) }},
		column{title: "Action or recommendation", width: 60, wrap: true, text: func(r Row) string { return r.Text }},
		column{title: "Officer responsible", width: 22, wrap: true, text: func(r Row) string { return r.Owner }},
		column{title: "Due date", width: 13, text: iso(due), date: due},
		column{title: "Due at", width: 22, wrap: true, text: dueAt},
		column{title: "RAG", width: 8, rag: true, text: func(r Row) string { return ragLabel(r.RAG) }},
		column{title: "Status", width: 12, text: func(r Row) string { return statusLabel(r.Status) }},
		column{title: "Flag", width: 18, text: func(r Row) string { return r.Flag.Label() }},
		column{title: "Latest update", width: 40, wrap: true, text: func(r Row) string { return r.Update }},
		column{title: "Update date", width: 13, text: iso(updated), date: updated},
		column{title: "Returned to", width: 30, wrap: true, text: func(r Row) string { return returnedLabel(r.ReturnedTo) }},
	)
	return cols
}

// dueAt is the meeting a follow-up is due back at, as the minutes put it,
// and whether the due date is a stand-in.
func dueAt(r Row) string {
	s := oneLine(r.DueMeeting)
	if r.Provisional {
		if s != "" {
			s += " "
		}
		s += "(provisional date)"
	}
	return s
}

// returnedLabel names the item a follow-up came back as:
// "Minute 45, 21 Jun 2022: Budget monitoring".
func returnedLabel(ref *index.ItemRef) string {
	if ref == nil {
		return ""
	}
	var b strings.Builder
	if ref.Minute != "" {
		b.WriteString("Minute ")
		b.WriteString(oneLine(ref.Minute))
		b.WriteString(", ")
	}
	if !ref.MeetingDate.IsZero() {
		b.WriteString(shortDate(ref.MeetingDate))
	} else {
		b.WriteString(ref.MeetingID)
	}
	if t := oneLine(ref.Title); t != "" {
		b.WriteString(": ")
		b.WriteString(t)
	}
	return b.String()
}
