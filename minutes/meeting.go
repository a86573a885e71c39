package minutes

import "strconv"

// Meeting is one meeting of one committee as its minutes record it.
//
// A Meeting is what Parse returns: everything in it was read from the
// document, and anything the parser was unsure of is in Warnings.
type Meeting struct {
	Council     string     // "Wexcombe Borough Council", when the document names it
	Committee   string     // "Overview and Scrutiny Committee"
	Date        Date       // the date the meeting was held
	Start, End  string     // "18:30", when stated; "" otherwise
	Attendance  Attendance // who was there, who sent apologies
	Items       []Item     // in document order
	NextMeeting Date       // the date of the next meeting, when stated
	Source      Source     // where the text came from
	Warnings    []Warning  // what the parser was unsure of

	// Decision is set when the document records a single decision (a
	// ModernGov "Decision details" page) rather than a whole meeting; its
	// ID then carries the decision's initials so it never collides with
	// the minutes of the meeting that took it.
	Decision bool

	// futureMeetings are later meeting dates the minutes list ("future
	// meetings: 21 September and 23 November"), for resolving follow-ups.
	futureMeetings []Date
	// trace collects how the parse went, when Options.Trace asks for it.
	trace *Trace
	// idBody is the short name record IDs use for a meeting of the full
	// council ("Council", "City Council"), whose Committee is the
	// council's own name.
	idBody string
	// words holds each sentence split into words while the parse runs
	// (the decision, task and follow-up readers read the same sentences);
	// nil before and after (wordsOf).
	words map[string][]word
}

// Attendance is who the minutes record as present, in attendance, absent
// or sending apologies. Names are stored without honorifics.
type Attendance struct {
	Chair        string
	Present      []string // members present, the chair first
	InAttendance []string // non-members: officers, other councillors, guests
	Apologies    []string
	Absent       []string
	Substitutes  []Substitution
	// initials are the initials the list gives its people ("PWh" → "Paul
	// Wheelhouse"), for owners written as initials.
	initials map[string]string
}

// Substitution records that Substitute sat in place of Member.
type Substitution struct {
	Member     string `json:"member"`
	Substitute string `json:"substitute"`
}

// Source identifies the document a meeting was parsed from.
type Source struct {
	Name string // file name as given to Parse
	Hash string // hex SHA-256 of the bytes Parse read
	URL  string // where the minutes were published (a council's page), when known
}

// Warning is something the parser was unsure of, at a line of the
// normalised text (0 when it concerns the whole document).
type Warning struct {
	Line int    `json:"line"`
	Msg  string `json:"message"`
}

func (w Warning) String() string {
	if w.Line > 0 {
		return strconv.Itoa(w.Line) + ": " + w.Msg
	}
	return w.Msg
}

// Item is one numbered (or headed) item of business.
type Item struct {
	Number       string // as printed: "188", "7.", "12(b)", "R2020-78"; "" when unnumbered
	Title        string
	Body         string // the item's text, normalised
	Line         int    // line of the heading in the normalised text
	Exempt       bool   // press and public excluded
	URL          string // the item's own page where the minutes were published, when known
	Resolutions  []Record
	Actions      []Record
	FollowUps    []Record
	Declarations []Declaration
}

// Records returns the item's resolutions, actions and follow-ups in that order.
func (it *Item) Records() []Record {
	out := make([]Record, 0, len(it.Resolutions)+len(it.Actions)+len(it.FollowUps))
	out = append(out, it.Resolutions...)
	out = append(out, it.Actions...)
	return append(out, it.FollowUps...)
}

// Declaration is a declaration of interest made at the meeting.
type Declaration struct {
	Member   string `json:"member"`
	Interest string `json:"interest"` // "non-pecuniary", "pecuniary", "personal", "prejudicial", "other"
	Items    string `json:"items"`    // the agenda items it concerns, as printed
	Text     string `json:"text"`
}
