package index

import (
	"context"
	"time"

	"github.com/minutebook/minutebook/index/internal/search"
	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// This file holds the types the library hands to its callers (the CLI, the
// TUI, exports). They carry no bleve or SQL types, so callers can be tested
// against an in-memory fake.

// Status is a clerk's tracking status for an action or follow-up
// (minutes.Status; the constants below are its values).
type Status = minutes.Status

const (
	StatusOpen       = minutes.StatusOpen
	StatusInProgress = minutes.StatusInProgress
	StatusDone       = minutes.StatusDone
	StatusDropped    = minutes.StatusDropped
)

// ParseStatus accepts the forms a clerk types ("in progress", "in-progress",
// "done", "Dropped"); see minutes.ParseStatus.
func ParseStatus(s string) (Status, bool) { return minutes.ParseStatus(s) }

// Flag is where an open action or follow-up stands against an as-of date
// (minutes.Flag, worked out by minutes.FlagOf; the constants below are its
// values).
type Flag = minutes.Flag

const (
	FlagOverdue    = minutes.FlagOverdue
	FlagDueNext    = minutes.FlagDueNext
	FlagDueSoon    = minutes.FlagDueSoon
	FlagUpcoming   = minutes.FlagUpcoming
	FlagUndated    = minutes.FlagUndated
	FlagReturned   = minutes.FlagReturned
	FlagSlipped    = minutes.FlagSlipped
	FlagDone       = minutes.FlagDone
	FlagResolution = minutes.FlagResolution
)

// FlagOrder is the order flags are grouped in on the due board.
var FlagOrder = minutes.FlagOrder

// Record is one resolution, action or follow-up as the library holds it:
// the parsed record, where it came from, and the clerk's tracking.
type Record struct {
	ID           string
	Kind         minutes.Kind
	Part         string
	Text         string // verbatim from the minutes
	MeetingID    string // "osc-2021-12-14"
	Council      string
	Committee    string
	CommitteeKey string // the committee's key (Committee.Key)
	MeetingDate  minutes.Date
	Minute       string // item number as printed
	ItemID       string // "osc-2021-12-14-188"
	ItemTitle    string
	Exempt       bool
	SourceName   string // file name of the imported document
	SourceHash   string
	SourceURL    string // where it was published (its item's page, else its meeting's), for synced meetings
	Line         int

	// Parsed values, as the minutes give them.
	ParsedOwner string
	ParsedDue   minutes.Date
	DueMeeting  string
	Provisional bool
	Target      minutes.Target // how the parser worked out the due date

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

	// The clerks' corrections (corrections.go). Confidence and Why are
	// the parser's: how sure it was that the text is a record of its
	// kind, and what it was unsure of ("" for a record a clerk added, or
	// stored before confidence was kept). Review is set while the record
	// waits in the review queue: the parser was unsure of it and no
	// clerk has corrected it (or closed it: done, dropped) yet.
	Confidence minutes.Confidence
	Why        string
	Review     bool
	// Rejected: a clerk said the text is not a record. A rejected record
	// is left out of the due board, counts, exports and search unless
	// they are asked for it.
	Rejected bool
	// Origin is where the record comes from: OriginMinutes, OriginClerk
	// (a clerk added it) or OriginKept (a clerk corrected it and the
	// parse of the minutes no longer gives it: kept as the clerk left
	// it). Corrected says a clerk added, accepted, rejected or changed
	// the kind or text of the record.
	Origin    string
	Corrected bool
	// Version is the record's version: the number of the latest change
	// in its history, notes aside (0 when there is none). Give it back
	// in Change.Version so that a change applies only to the record as
	// it was shown. Record, Records, Meeting and Review read it; Due
	// leaves it 0 (FillVersions reads it).
	Version int64
}

// Where a record comes from (Record.Origin).
const (
	OriginMinutes = store.OriginParser // the parse of the minutes
	OriginClerk   = store.OriginClerk  // added by a clerk
	OriginKept    = store.OriginKept   // corrected by a clerk and no longer given by the parse
)

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

// Change is an edit to a record's tracking, or a clerk's correction of
// the record itself. Nil fields are left alone. Every part is saved in
// one transaction, and only to the record as it was at Version when that
// is given.
type Change struct {
	Status *Status
	Owner  *string
	Due    *minutes.Date // a zero Date clears the override
	Note   string        // appended to the history when not ""
	Who    string        // who made the change; "" means the current OS user

	// Corrections of the parser (corrections.go), kept through every
	// import and re-parse. Kind makes the record a resolution, action or
	// follow-up; Text gives it another span of its item's text (it must
	// occur there). Reject true says the text is not a record at all
	// (Note says why), false takes a rejection back. Accept says the
	// parser's record is right: it leaves the review queue for good.
	// Withdraw takes back a record a clerk added.
	Kind     *minutes.Kind
	Text     *string
	Reject   *bool
	Accept   bool
	Withdraw bool

	// A follow-up's return: Link names the later item it came back as,
	// or "" to say it was not returned (LinkReturn); Links puts the
	// clerk's decisions back as they were (SetReturnDecisions, undo).
	Link  *string
	Links *ReturnDecisions

	// Version is the record's Version the change was made from: when
	// given, the change is saved only if the record is still at it, and
	// otherwise fails with a *ConflictError that says what changed,
	// saving nothing. A change that only adds a note never conflicts.
	// Force saves it all the same; the history marks it forced.
	Version *int64
	Force   bool
}

// NewRecord is a record a clerk adds to an item: one the parser missed.
type NewRecord struct {
	ItemID string       // the item it belongs to ("osc-2021-12-14-188")
	Kind   minutes.Kind // resolution, action or follow-up
	Text   string       // a span of the item's text (it must occur there)
	Owner  string       // who is to act; "" for none
	Due    minutes.Date // when it is due; zero for none (or DueMeeting's)
	// DueMeeting is the meeting it is due back at, as a clerk names it:
	// "the next meeting", "the June 2026 meeting"; its date is worked out
	// as the parser works out the minutes' own.
	DueMeeting string
	Note       string // a note to start its history with
	Who        string // who added it; "" means the current OS user
}

// ReviewQuery selects the review queue.
type ReviewQuery struct {
	Committee string       // a committee's key or name (MatchCommittees); "" means all
	Council   string       // a council as typed (MatchCouncil); "" means all
	AsOf      minutes.Date // for flags; zero means today
}

// HistoryEntry is one line of a record's append-only tracking history
// (field "status", "owner", "due", "note" or "link").
type HistoryEntry = store.HistoryEntry

// DueQuery selects the due board.
type DueQuery struct {
	AsOf      minutes.Date // zero means today
	Committee string       // a committee's key or name (MatchCommittees); "" means all
	Council   string       // a council as typed (MatchCouncil); "" means all
	// IncludeClosed also lists done and dropped records (flag FlagDone).
	IncludeClosed bool
	// IncludeRejected also lists the records clerks rejected (Rejected).
	IncludeRejected bool
}

// SearchQuery is a full-text search with filters.
type SearchQuery struct {
	Text      string // the search box's grammar (Library.Search); "" matches everything
	Committee string // a committee's key or name (MatchCommittees); "" for all
	Council   string // a council as typed (MatchCouncil); "" for all
	Kind      string // a DocKind as typed (ParseDocKind); "" for all
	Status    Status
	Year      int
	From, To  minutes.Date
	Limit     int // 0 means 20
	Offset    int
	Facets    bool
	// IncludeRejected also finds the records clerks rejected (their
	// hits have the status "rejected").
	IncludeRejected bool
	// Owner keeps the records the one person (or role) this name fits
	// owns, under any spelling (Library.OwnerRecords); "" for all.
	Owner string
}

// SearchResult is one page of hits; Hit is one of them (a record, an item
// or a meeting's attendance), Span a run of its excerpt, FacetCount a
// facet value and how many hits have it.
type (
	SearchResult = search.Result
	Hit          = search.Hit
	Span         = search.Span
	FacetCount   = search.FacetCount
)

// DocKind is what a search hit is: a record of one of the minutes.Kinds,
// an item, or a meeting (its attendance).
type DocKind = search.DocKind

const (
	DocResolution = search.DocResolution
	DocAction     = search.DocAction
	DocFollowUp   = search.DocFollowUp
	DocItem       = search.DocItem
	DocMeeting    = search.DocMeeting
)

// ParseDocKind accepts the forms a person types for a kind: "action",
// "actions", "follow-up", "items", "attendance".
func ParseDocKind(s string) (DocKind, bool) { return search.ParseDocKind(s) }

// Committee is one committee of one council that the library holds
// meetings of.
type Committee struct {
	// Key is unique in the library and starts the IDs of the committee's
	// meetings: "osc", or "cabinet-brent" for a second council's Cabinet
	// (see committee.go for the rule). Every method that takes a committee
	// takes its key, or its name when that is unambiguous.
	Key      string
	Name     string // as its latest minutes give it
	Council  string // "" when no minutes name it
	Meetings int
	Last     minutes.Date
}

// MeetingSummary is one meeting in a list: its ID, council, committee
// (and committee key), date, how many items and records it has, the
// document it came from, and whether it is from the bundled samples.
type MeetingSummary = store.MeetingSummary

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
	// Rejected are the item's records that clerks rejected, for a view
	// that shows them apart (so that a rejection can be taken back).
	Rejected []Record
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
	// Council is the council the meeting is filed under ("" when neither
	// the minutes nor the import name one). CouncilNamed is the council
	// the minutes name when the import gave another (ImportOptions): kept
	// unless ForceCouncil, replaced when it was. Refiled says bytes the
	// library already held were filed under the council given, and
	// their meeting parsed again.
	Council      string
	CouncilNamed string
	Refiled      bool
}

// RecordQuery selects records for exports and lists.
type RecordQuery struct {
	AsOf          minutes.Date   // for flags; zero means today
	Committee     string         // a committee's key or name (MatchCommittees); "" means all
	Council       string         // a council as typed (MatchCouncil); "" means all
	Kinds         []minutes.Kind // nil means actions and follow-ups
	Statuses      []Status       // nil means all
	From, To      minutes.Date   // meeting date range, inclusive; zero means open
	IncludeExempt bool
	// IncludeRejected also lists the records clerks rejected.
	IncludeRejected bool
	// Owner keeps the records whose effective owner is the one person
	// (or role) this name fits (Library.OwnerRecords); "" keeps all.
	Owner string
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
	// Committees lists the committees, by name then council.
	Committees(ctx context.Context) ([]Committee, error)
	// Councils lists the councils the committees belong to, by name
	// (committees whose council is not known are in none).
	Councils(ctx context.Context) ([]Council, error)
	// Meetings lists a committee's meetings (its key or name; "" for
	// all), newest first.
	Meetings(ctx context.Context, committee string) ([]MeetingSummary, error)
	// Meeting returns one meeting with its items and records.
	Meeting(ctx context.Context, id string) (*MeetingDetail, error)
	// NextMeeting returns the committee's first known meeting after the
	// date, from the library's meetings and the next-meeting dates the
	// minutes state. The committee is its key, or a name only it has.
	NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error)
	// Generation changes whenever any process changes the library; callers
	// poll it to notice another process's import or edit.
	Generation(ctx context.Context) (int64, error)
}
