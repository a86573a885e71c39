package clerkeval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"
)

// Clerk is one clerk file: what a careful clerk would list for one
// document. A Clerk with Reject set expects the document to be refused as
// not minutes, and needs nothing else.
type Clerk struct {
	Notes      string     `json:"notes"`
	Reject     bool       `json:"reject"`
	Meeting    Facts      `json:"meeting"`
	Attendance Attendance `json:"attendance"`
	Items      []Item     `json:"items"`
}

// Facts are the meeting's facts. Nil means the document does not give it.
type Facts struct {
	Council     *string `json:"council"`
	Committee   *string `json:"committee"`
	Date        *string `json:"date"`  // YYYY-MM-DD
	Start       *string `json:"start"` // HH:MM, 24-hour
	End         *string `json:"end"`
	NextMeeting *string `json:"next_meeting"`
}

// Attendance is who the minutes record, names without honorifics. Present
// includes the chair.
type Attendance struct {
	Chair        *string      `json:"chair"`
	Present      []string     `json:"present"`
	InAttendance []string     `json:"in_attendance"`
	Apologies    []string     `json:"apologies"`
	Absent       []string     `json:"absent"`
	Substitutes  []Substitute `json:"substitutes"`
}

// Substitute records that Substitute sat in place of Member.
type Substitute struct {
	Member     string `json:"member"`
	Substitute string `json:"substitute"`
}

// Item is one item of business with the records a clerk would take from it.
type Item struct {
	Number      string       `json:"number"` // as printed, no trailing dot; "" when unnumbered
	Title       string       `json:"title"`
	Exempt      bool         `json:"exempt"`
	Resolutions []Resolution `json:"resolutions"`
	Actions     []Action     `json:"actions"`
	FollowUps   []FollowUp   `json:"followups"`
}

// Resolution is one decision (one part of a numbered decision).
type Resolution struct {
	Text string `json:"text"`
}

// Action is something someone undertook or was asked to do.
type Action struct {
	Text  string  `json:"text"`
	Owner *string `json:"owner"`
	Due   *string `json:"due"` // YYYY-MM-DD
}

// FollowUp is something due back to the body.
type FollowUp struct {
	Text       string  `json:"text"`
	Due        *string `json:"due"` // YYYY-MM-DD
	DueMeeting *string `json:"due_meeting"`
}

// The keys every object of a clerk file must have.
var (
	topKeys        = []string{"notes", "reject", "meeting", "attendance", "items"}
	meetingKeys    = []string{"council", "committee", "date", "start", "end", "next_meeting"}
	attendanceKeys = []string{"chair", "present", "in_attendance", "apologies", "absent", "substitutes"}
	itemKeys       = []string{"number", "title", "exempt", "resolutions", "actions", "followups"}
	resolutionKeys = []string{"text"}
	actionKeys     = []string{"text", "owner", "due"}
	followUpKeys   = []string{"text", "due", "due_meeting"}
	substituteKeys = []string{"member", "substitute"}
)

// Load reads and checks the clerk file at path.
func Load(path string) (*Clerk, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Decode reads a clerk file's bytes strictly: unknown keys, missing keys,
// null where a list is due, trailing data, blank texts and malformed dates
// or times are errors that say where they are.
func Decode(data []byte) (*Clerk, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Clerk
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the JSON object")
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, errors.New("want a JSON object")
	}
	if err := requireKeys("", top, []string{"reject"}); err != nil {
		return nil, err
	}
	if c.Reject {
		// A not-minutes file needs nothing else; whatever else it has must
		// still be well formed.
		if len(c.Items) > 0 {
			return nil, errors.New("a reject file lists no items")
		}
		return &c, nil
	}
	if err := checkShape(top); err != nil {
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// checkShape checks that every object has all its keys and that no list is
// null.
func checkShape(top map[string]any) error {
	if err := requireKeys("", top, topKeys); err != nil {
		return err
	}
	m, err := object("meeting", top["meeting"])
	if err != nil {
		return err
	}
	if err := requireKeys("meeting.", m, meetingKeys); err != nil {
		return err
	}
	a, err := object("attendance", top["attendance"])
	if err != nil {
		return err
	}
	if err := requireKeys("attendance.", a, attendanceKeys); err != nil {
		return err
	}
	for _, k := range []string{"present", "in_attendance", "apologies", "absent"} {
		if _, err := list("attendance."+k, a[k]); err != nil {
			return err
		}
	}
	subs, err := list("attendance.substitutes", a["substitutes"])
	if err != nil {
		return err
	}
	for i, s := range subs {
		at := fmt.Sprintf("attendance.substitutes[%d]", i)
		o, err := object(at, s)
		if err != nil {
			return err
		}
		if err := requireKeys(at+".", o, substituteKeys); err != nil {
			return err
		}
	}
	items, err := list("items", top["items"])
	if err != nil {
		return err
	}
	for i, it := range items {
		at := fmt.Sprintf("items[%d]", i)
		o, err := object(at, it)
		if err != nil {
			return err
		}
		if err := requireKeys(at+".", o, itemKeys); err != nil {
			return err
		}
		for _, kind := range []struct {
			key  string
			keys []string
		}{{"resolutions", resolutionKeys}, {"actions", actionKeys}, {"followups", followUpKeys}} {
			recs, err := list(at+"."+kind.key, o[kind.key])
			if err != nil {
				return err
			}
			for j, r := range recs {
				rat := fmt.Sprintf("%s.%s[%d]", at, kind.key, j)
				ro, err := object(rat, r)
				if err != nil {
					return err
				}
				if err := requireKeys(rat+".", ro, kind.keys); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func requireKeys(at string, o map[string]any, keys []string) error {
	for _, k := range keys {
		if _, ok := o[k]; !ok {
			return fmt.Errorf("%s%s: missing (every key is required; use null or [])", at, k)
		}
	}
	return nil
}

func object(at string, v any) (map[string]any, error) {
	o, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: want an object", at)
	}
	return o, nil
}

func list(at string, v any) ([]any, error) {
	l, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: want a list (use [] for none)", at)
	}
	return l, nil
}

var hhmm = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// validate checks the values: dates, times, non-blank texts and names.
func (c *Clerk) validate() error {
	f := c.Meeting
	for _, d := range []struct {
		at string
		v  *string
	}{{"meeting.date", f.Date}, {"meeting.next_meeting", f.NextMeeting}} {
		if err := checkDate(d.at, d.v); err != nil {
			return err
		}
	}
	for _, tm := range []struct {
		at string
		v  *string
	}{{"meeting.start", f.Start}, {"meeting.end", f.End}} {
		if tm.v != nil && !hhmm.MatchString(*tm.v) {
			return fmt.Errorf("%s: %q is not a 24-hour HH:MM time", tm.at, *tm.v)
		}
	}
	for _, s := range []struct {
		at string
		v  *string
	}{{"meeting.council", f.Council}, {"meeting.committee", f.Committee}, {"attendance.chair", c.Attendance.Chair}} {
		if s.v != nil && strings.TrimSpace(*s.v) == "" {
			return fmt.Errorf("%s: blank (use null when unknown)", s.at)
		}
	}
	a := c.Attendance
	for _, l := range []struct {
		at    string
		names []string
	}{{"present", a.Present}, {"in_attendance", a.InAttendance}, {"apologies", a.Apologies}, {"absent", a.Absent}} {
		for i, n := range l.names {
			if strings.TrimSpace(n) == "" {
				return fmt.Errorf("attendance.%s[%d]: blank name", l.at, i)
			}
		}
	}
	for i, s := range a.Substitutes {
		if strings.TrimSpace(s.Member) == "" || strings.TrimSpace(s.Substitute) == "" {
			return fmt.Errorf("attendance.substitutes[%d]: blank name", i)
		}
	}
	for i, it := range c.Items {
		at := fmt.Sprintf("items[%d]", i)
		if strings.TrimSpace(it.Number) == "" && strings.TrimSpace(it.Title) == "" {
			return fmt.Errorf("%s: neither number nor title", at)
		}
		for j, r := range it.Resolutions {
			if strings.TrimSpace(r.Text) == "" {
				return fmt.Errorf("%s.resolutions[%d].text: blank", at, j)
			}
		}
		for j, r := range it.Actions {
			rat := fmt.Sprintf("%s.actions[%d]", at, j)
			if strings.TrimSpace(r.Text) == "" {
				return fmt.Errorf("%s.text: blank", rat)
			}
			if r.Owner != nil && strings.TrimSpace(*r.Owner) == "" {
				return fmt.Errorf("%s.owner: blank (use null when no one is named)", rat)
			}
			if err := checkDate(rat+".due", r.Due); err != nil {
				return err
			}
		}
		for j, r := range it.FollowUps {
			rat := fmt.Sprintf("%s.followups[%d]", at, j)
			if strings.TrimSpace(r.Text) == "" {
				return fmt.Errorf("%s.text: blank", rat)
			}
			if err := checkDate(rat+".due", r.Due); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkDate(at string, v *string) error {
	if v == nil {
		return nil
	}
	if _, err := time.Parse("2006-01-02", *v); err != nil {
		return fmt.Errorf("%s: %q is not a YYYY-MM-DD date", at, *v)
	}
	return nil
}
