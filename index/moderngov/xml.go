package moderngov

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/minutebook/minutebook/minutes"
)

// The web service's answers, in the shapes a real install gives (see
// ../shared/moderngov/): element names in lower case, booleans "True" and
// "False", counts with a leading space, dates dd/mm/yyyy, and empty
// elements that hold only a newline. Every text field is kept as the
// service gives it and trimmed when read.

// Committee is one committee GetCommittees lists.
type Committee struct {
	ID       string `xml:"committeeid"`
	Title    string `xml:"committeetitle"`
	Deleted  string `xml:"committeedeleted"`
	Expired  string `xml:"committeeexpired"`
	Category string `xml:"committeecategory"`
}

// IsDeleted reports whether the council deleted the committee.
func (c Committee) IsDeleted() bool { return isTrue(c.Deleted) }

// IsExpired reports whether the committee no longer meets.
func (c Committee) IsExpired() bool { return isTrue(c.Expired) }

// Name is the committee's title, safe to print.
func (c Committee) Name() string { return oneLine(c.Title) }

type committeesDoc struct {
	XMLName    xml.Name    `xml:"committees"`
	Count      string      `xml:"committeescount"`
	Committees []Committee `xml:"committee"`
}

// MeetingRef is one meeting GetMeetings lists.
type MeetingRef struct {
	ID     string `xml:"meetingid"`
	Date   string `xml:"meetingdate"`
	Status string `xml:"meetingstatus"`
	Time   string `xml:"meetingtime"`
}

// Cancelled reports whether the meeting was cancelled (it has no minutes).
func (m MeetingRef) Cancelled() bool {
	return strings.Contains(strings.ToLower(m.Status), "cancel")
}

type meetingsDoc struct {
	XMLName    xml.Name `xml:"getmeetings"`
	Count      string   `xml:"meetingscount"`
	Committees []struct {
		ID       string       `xml:"committeeid"`
		Title    string       `xml:"committeetitle"`
		Meetings []MeetingRef `xml:"committeemeetings>meeting"`
	} `xml:"committee"`
}

// Meeting is GetMeeting's answer: one meeting with its agenda items (and
// their minutes) and attendees.
type Meeting struct {
	XMLName         xml.Name     `xml:"meeting"`
	ID              string       `xml:"meetingid"`
	Date            string       `xml:"meetingdate"`
	Status          string       `xml:"meetingstatus"`
	Time            string       `xml:"meetingtime"`
	Location        string       `xml:"meetinglocation"`
	MinutePublished string       `xml:"minutepublished"`
	Items           []AgendaItem `xml:"agendaitems>agendaitem"`
	Documents       []LinkedDoc  `xml:"linkeddocuments>linkeddoc"` // meeting-level documents, where an install gives them
	Attendees       []Attendee   `xml:"attendees>attendee"`
}

// MinutesPublished reports whether the council has published the minutes.
func (m *Meeting) MinutesPublished() bool { return isTrue(m.MinutePublished) }

// AgendaItem is one item of a meeting, with its minute when published.
type AgendaItem struct {
	ID               string      `xml:"agendaitemid"`
	Title            string      `xml:"agendaitemtitle"`
	DisplayNumber    string      `xml:"fulldisplaynumberformat"` // the agenda's number: "9."
	MinutesBody      string      `xml:"minutesnonemptyhtmlbody"` // HTML (escaped in the XML)
	MinutesNumber    string      `xml:"minutesitemnumber"`
	MinutesSubNumber string      `xml:"minutesitemsubnumber"`
	Restricted       string      `xml:"isrestricted"`
	LinkedDocuments  []LinkedDoc `xml:"linkeddocuments>linkeddoc"`
}

// IsRestricted reports whether the item is exempt (press and public
// excluded).
func (it AgendaItem) IsRestricted() bool { return isTrue(it.Restricted) }

// HasMinutes reports whether the item carries a minute.
func (it AgendaItem) HasMinutes() bool { return strings.TrimSpace(it.MinutesBody) != "" }

// Number is the item's minute number as the minutes print it: the
// minutes number and its sub-number ("5", "5(a)"), else the agenda's
// display number without its full stop; "" when the service gives none.
func (it AgendaItem) Number() string {
	n := strings.TrimSpace(it.MinutesNumber)
	sub := strings.TrimSpace(it.MinutesSubNumber)
	if n == "" {
		n = strings.TrimRight(strings.TrimSpace(it.DisplayNumber), ".")
		sub = ""
	}
	n = oneLine(n)
	if n == "" {
		return ""
	}
	if sub = oneLine(sub); sub != "" {
		if _, err := strconv.Atoi(sub); err == nil {
			return n + "." + sub
		}
		return n + "(" + strings.ToLower(sub) + ")"
	}
	return n
}

// LinkedDoc is a document attached to an item or meeting.
type LinkedDoc struct {
	ID         string `xml:"attachmentid"`
	Title      string `xml:"title"`
	URL        string `xml:"url"`
	IsURL      string `xml:"isurl"`
	Restricted string `xml:"isrestricted"`
	Published  string `xml:"publicationdate"`
}

// IsRestricted reports whether the document is not public.
func (d LinkedDoc) IsRestricted() bool { return isTrue(d.Restricted) }

// Attendee is one person GetMeeting lists, with their role and recorded
// attendance ("Present", "Apologies", "Expected" when not yet recorded).
type Attendee struct {
	Type       string `xml:"membertype,attr"`
	ID         string `xml:"memberid,attr"`
	Name       string `xml:"name,attr"`
	Role       string `xml:"roledescription,attr"`
	Attendance string `xml:"attendance,attr"`
	URL        string `xml:"url"`
}

// Errors the decoder returns, for errors.Is.
var (
	// ErrMalformed: the answer is not the XML the web service gives.
	ErrMalformed = errors.New("malformed web-service answer")
	// ErrEntities: the answer declares a DTD or entities, which a real
	// web service never does and an XML bomb always does.
	ErrEntities = errors.New("the answer declares XML entities")
)

// maxElements bounds the elements one answer may hold.
const maxElements = 2_000_000

// guard is a token reader that refuses DTDs and entity declarations and
// bounds the number of elements, in front of encoding/xml (which never
// expands custom entities, but would still walk a huge document).
type guard struct {
	d        *xml.Decoder
	elements int
}

func (g *guard) Token() (xml.Token, error) {
	t, err := g.d.Token()
	if err != nil {
		return t, err
	}
	switch t := t.(type) {
	case xml.Directive:
		d := bytes.ToUpper(t)
		if bytes.Contains(d, []byte("ENTITY")) {
			return nil, fmt.Errorf("%w (<!ENTITY …>): minutebook refuses them, as an XML bomb could expand them without end", ErrEntities)
		}
		if f := strings.Fields(strings.ToLower(string(t))); len(f) >= 2 && f[0] == "doctype" && f[1] == "html" {
			return nil, fmt.Errorf("%w: it is an HTML page, not the web service's XML (the site may be showing an error or a login page)", ErrMalformed)
		}
		return nil, fmt.Errorf("%w: it carries a document type declaration (<!%s…>), which the web service never sends", ErrEntities, firstWord(string(t)))
	case xml.StartElement:
		g.elements++
		if g.elements > maxElements {
			return nil, fmt.Errorf("%w: more than %d elements", ErrMalformed, maxElements)
		}
	}
	return t, nil
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return oneLine(f[0])
	}
	return ""
}

// decode reads one answer into v, refusing DTDs, entities, unknown
// character entities and anything but well-formed XML with the expected
// root element.
func decode(data []byte, root string, v any) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charset.NewReaderLabel
	g := &guard{d: d}
	td := xml.NewTokenDecoder(g)
	// Find the root element first, so an HTML error page or another
	// answer is named as such rather than as a missing field.
	var start xml.StartElement
	for {
		t, err := td.Token()
		if err != nil {
			return decodeErr(err, data)
		}
		if se, ok := t.(xml.StartElement); ok {
			start = se
			break
		}
	}
	if !strings.EqualFold(start.Name.Local, root) {
		return fmt.Errorf("%w: it is <%s>, not the <%s> this request returns%s", ErrMalformed, oneLine(start.Name.Local), root, htmlHint(start.Name.Local))
	}
	if err := td.DecodeElement(v, &start); err != nil {
		return decodeErr(err, data)
	}
	// Nothing but space and comments may follow the root.
	for {
		t, err := td.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return decodeErr(err, data)
		}
		switch t := t.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return fmt.Errorf("%w: text after the end of the answer", ErrMalformed)
			}
		case xml.StartElement:
			return fmt.Errorf("%w: a second root element <%s>", ErrMalformed, oneLine(t.Name.Local))
		}
	}
}

func htmlHint(root string) string {
	if strings.EqualFold(root, "html") {
		return " (an HTML page: the site may be showing an error or a login page)"
	}
	return ""
}

func decodeErr(err error, data []byte) error {
	if errors.Is(err, ErrEntities) || errors.Is(err, ErrMalformed) {
		return err
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		if len(bytes.TrimSpace(data)) == 0 {
			return fmt.Errorf("%w: the answer is empty", ErrMalformed)
		}
		return fmt.Errorf("%w: it ends in the middle (cut off after %d bytes?)", ErrMalformed, len(data))
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.Contains(msg, "unexpected EOF") {
			return fmt.Errorf("%w: it ends in the middle, at line %d (cut off?)", ErrMalformed, se.Line)
		}
		return fmt.Errorf("%w: line %d: %s", ErrMalformed, se.Line, oneLine(msg))
	}
	return fmt.Errorf("%w: %s", ErrMalformed, oneLine(err.Error()))
}

// DecodeCommittees reads GetCommittees' answer.
func DecodeCommittees(data []byte) ([]Committee, error) {
	var doc committeesDoc
	if err := decode(data, "committees", &doc); err != nil {
		return nil, err
	}
	return doc.Committees, nil
}

// DecodeMeetings reads GetMeetings' answer: the meetings of every
// committee it lists, in the order given.
func DecodeMeetings(data []byte) ([]MeetingRef, error) {
	var doc meetingsDoc
	if err := decode(data, "getmeetings", &doc); err != nil {
		return nil, err
	}
	var out []MeetingRef
	for _, c := range doc.Committees {
		out = append(out, c.Meetings...)
	}
	return out, nil
}

// DecodeMeeting reads GetMeeting's answer.
func DecodeMeeting(data []byte) (*Meeting, error) {
	var m Meeting
	if err := decode(data, "meeting", &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// ParseDate reads a web-service date: dd/mm/yyyy (one-digit day and month
// accepted), between 1900 and 2199.
func ParseDate(s string) (minutes.Date, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2/1/2006", s)
	if err != nil || t.Year() < 1900 || t.Year() > 2199 {
		return minutes.Date{}, fmt.Errorf("its date %q is not a date in the form dd/mm/yyyy", oneLine(s))
	}
	return minutes.DateOf(t), nil
}

// FormatDate writes a date the way the web service reads it: dd/mm/yyyy.
func FormatDate(d minutes.Date) string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

func isTrue(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "true") }

// oneLine makes service text safe and one line: no control characters or
// escape sequences, spaces collapsed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(minutes.Sanitize(s)), " ")
}
