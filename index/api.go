package index

import (
	"context"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// This file holds the types the library hands to its callers (the CLI, the
// TUI, exports). They carry no bleve or SQL types, so callers can be tested
// against an in-memory fake.

// Status is a clerk's tracking status for an action or follow-up.
type Status string

const (
	StatusOpen       Status = "open"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusDropped    Status = "dropped"
)

// ParseStatus accepts the forms a clerk types ("in progress", "in-progress",
// "done", "Dropped").
func ParseStatus(s string) (Status, bool) {
	switch normaliseWord(s) {
	case "open", "":
		return StatusOpen, s != ""
	case "inprogress", "progress", "started":
		return StatusInProgress, true
	case "done", "closed", "complete", "completed":
		return StatusDone, true
	case "dropped", "cancelled", "canceled", "withdrawn":
		return StatusDropped, true
	}
	return "", false
}

// Closed reports whether the status takes a record off the due board.
func (s Status) Closed() bool { return s == StatusDone || s == StatusDropped }

// Flag is where an open action or follow-up stands against an as-of date.
// Flags are shown the same way everywhere: TUI badges, CLI columns, exports.
type Flag string

const (
	FlagOverdue    Flag = "overdue"          // due date passed
	FlagDueNext    Flag = "due_next_meeting" // due on or before the committee's next known meeting
	FlagDueSoon    Flag = "due_soon"         // due within 30 days
	FlagUpcoming   Flag = "upcoming"         // due later
	FlagUndated    Flag = "undated"          // no due date
	FlagReturned   Flag = "returned"         // follow-up answered by a later item
	FlagSlipped    Flag = "slipped"          // follow-up's meeting passed without it
	FlagDone       Flag = "done"             // closed by the clerk (done or dropped)
	FlagResolution Flag = ""                 // resolutions carry no flag
	dueSoonDays         = 30
)

// FlagOrder is the order flags are grouped in on the due board.
var FlagOrder = []Flag{FlagOverdue, FlagSlipped, FlagDueNext, FlagDueSoon, FlagUpcoming, FlagUndated, FlagReturned, FlagDone}

// Label is the flag as a person reads it: "overdue", "due at next meeting".
func (f Flag) Label() string {
	switch f {
	case FlagDueNext:
		return "due at next meeting"
	case FlagDueSoon:
		return "due soon"
	case "":
		return ""
	}
	return string(f)
}

// Record is one resolution, action or follow-up as the library holds it:
// the parsed record, where it came from, and the clerk's tracking.
type Record struct {
	ID          string
	Kind        minutes.Kind
	Part        string
	Text        string // verbatim from the minutes
	MeetingID   string // "osc-2021-12-14"
	Council     string
	Committee   string
	MeetingDate minutes.Date
	Minute      string // item number as printed
	ItemID      string // "osc-2021-12-14-188"
	ItemTitle   string
	Exempt      bool
	SourceName  string // file name of the imported document
	SourceHash  string
	SourceURL   string // where it was published (its item's page, else its meeting's), for synced meetings
	Line        int

	// Parsed values, as the minutes give them.
	ParsedOwner string
	ParsedDue   minutes.Date
	DueMeeting  string
	Provisional bool
	Target      string // how the parser worked out the due date (minutes.Record.Target)

	// Tracking: the clerk's edits. Owner and Due are the effective values
	// (the clerk's override when there is one, otherwise the parsed value).
	Status    Status
	Owner     string
	Due       minutes.Date
	UpdatedAt time.Time // zero when never edited
	LastNote  string    // the latest note, "" when none

	// Flag is computed against the as-of date of the query that produced
	// the record; "" for resolutions.
	Flag Flag
	// ReturnedTo is the later item that answers a returned follow-up.
	ReturnedTo *ItemRef
	// Orphaned is true for tracking whose record a re-parse no longer finds.
	Orphaned bool
}

// ItemRef points at one item of one meeting.
type ItemRef struct {
	ItemID      string // "osc-2022-06-14-23"
	MeetingID   string
	MeetingDate minutes.Date
	Committee   string
	Minute      string
	Title       string
	Confirmed   bool // a clerk confirmed the link (false: matched automatically)
	// Matched lists the words of the item's title that matched the
	// follow-up's subject, when matched automatically: the explanation.
	Matched []string
}

// Change is an edit to a record's tracking. Nil fields are left alone.
type Change struct {
	Status *Status
	Owner  *string
	Due    *minutes.Date // a zero Date clears the override
	Note   string        // appended to the history when not ""
	Who    string        // who made the change; "" means the current OS user
}

// HistoryEntry is one line of a record's append-only tracking history.
type HistoryEntry struct {
	At    time.Time
	Who   string
	Field string // "status", "owner", "due", "note", "link"
	Old   string
	New   string
}

// DueQuery selects the due board.
type DueQuery struct {
	AsOf      minutes.Date // zero means today
	Committee string       // "" means all
	// IncludeClosed also lists done and dropped records (flag FlagDone).
	IncludeClosed bool
}

// SearchQuery is a full-text search with filters.
type SearchQuery struct {
	Text      string // bleve query-string syntax; "" matches everything
	Committee string
	Kind      string // "resolution", "action", "followup", "item"; "" for all
	Status    Status
	Year      int
	From, To  minutes.Date
	Limit     int // 0 means 20
	Offset    int
	Facets    bool
}

// SearchResult is one page of hits.
type SearchResult struct {
	Total  uint64
	Hits   []Hit
	Facets map[string][]FacetCount // "committee", "kind", "year", "status"
	Took   time.Duration
}

// Hit is one search result: a record or an item.
type Hit struct {
	ID          string // record ID, or item ID ("osc-2021-12-14-188") for items
	Kind        string // "resolution", "action", "followup", "item"
	Committee   string
	MeetingID   string
	MeetingDate minutes.Date
	Minute      string
	Title       string // the item's title
	Status      Status // "" for resolutions and items
	Excerpt     []Span // a short excerpt with the matched words marked
	Score       float64
}

// Span is a run of excerpt text, Match when it is a matched word.
type Span struct {
	Text  string
	Match bool
}

// FacetCount is one facet value and how many hits have it.
type FacetCount struct {
	Value string
	Count int
}

// Committee is one committee the library holds meetings of.
type Committee struct {
	Name     string
	Council  string
	Meetings int
	Last     minutes.Date
}

// MeetingSummary is one meeting in a list.
type MeetingSummary struct {
	ID         string
	Council    string
	Committee  string
	Date       minutes.Date
	Items      int
	Records    int
	SourceName string
	Sample     bool // from the bundled sample minutes
}

// MeetingDetail is a meeting with its items and their records.
type MeetingDetail struct {
	MeetingSummary
	SourceURL   string // where the minutes were published, for synced meetings
	Start, End  string
	Attendance  minutes.Attendance
	NextMeeting minutes.Date
	Warnings    []minutes.Warning
	Items       []ItemDetail
}

// ItemDetail is one item of a meeting with its records.
type ItemDetail struct {
	ID     string // "osc-2021-12-14-188"
	Number string
	Title  string
	Body   string
	Exempt bool
	// SourceURL is the item's page where it was published, for synced
	// meetings.
	SourceURL string
	Records   []Record
}

// ImportResult says what one import of one file did.
type ImportResult struct {
	Name      string
	Hash      string
	MeetingID string
	Duplicate bool // the same bytes were already in the library
	Replaced  bool // the meeting was already in the library from other bytes, and these replaced its parse
	Meetings  int
	Items     int
	Records   int
	Warnings  []minutes.Warning
}

func normaliseWord(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		}
	}
	return string(b)
}

// RecordQuery selects records for exports and lists.
type RecordQuery struct {
	AsOf          minutes.Date   // for flags; zero means today
	Committee     string         // "" means all
	Kinds         []minutes.Kind // nil means actions and follow-ups
	Statuses      []Status       // nil means all
	From, To      minutes.Date   // meeting date range, inclusive; zero means open
	IncludeExempt bool
}

// API is what the library offers the TUI and the exports. *Library
// implements it; tests use in-memory fakes. Every method is safe for
// concurrent use and never blocks on another process for more than a few
// seconds.
type API interface {
	// Due returns open actions and follow-ups with their flags, sorted by
	// flag (FlagOrder) then due date.
	Due(ctx context.Context, q DueQuery) ([]Record, error)
	// Search runs a full-text search.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Record returns one record with its tracking history, oldest first.
	Record(ctx context.Context, id string) (Record, []HistoryEntry, error)
	// Records returns records for exports, in meeting-date then minute order.
	Records(ctx context.Context, q RecordQuery) ([]Record, error)
	// Update changes a record's tracking and returns it as saved. It
	// returns only after the change is committed to disk.
	Update(ctx context.Context, id string, c Change) (Record, error)
	// LinkReturn confirms (item != nil) or removes (item == nil) the link
	// from a follow-up to the later item that answers it.
	LinkReturn(ctx context.Context, followUpID string, itemID string) error
	// Committees lists the committees, by name.
	Committees(ctx context.Context) ([]Committee, error)
	// Meetings lists a committee's meetings ("" for all), newest first.
	Meetings(ctx context.Context, committee string) ([]MeetingSummary, error)
	// Meeting returns one meeting with its items and records.
	Meeting(ctx context.Context, id string) (*MeetingDetail, error)
	// NextMeeting returns the committee's first known meeting after the
	// date, from the library's meetings and the next-meeting dates the
	// minutes state.
	NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error)
	// Generation changes whenever any process changes the library; callers
	// poll it to notice another process's import or edit.
	Generation(ctx context.Context) (int64, error)
}
