package minutes

import "encoding/json"

// The JSON form of a Meeting is the contract `minutebook parse --json`
// prints (DESIGN.md): fields may be added, none renamed. Unknown values are
// null and lists are [], never null.

type jsonMeeting struct {
	Council     *string        `json:"council"`
	Committee   *string        `json:"committee"`
	Date        Date           `json:"date"`
	Start       *string        `json:"start_time"`
	End         *string        `json:"end_time"`
	Attendance  AttendanceJSON `json:"attendance"`
	Items       []jsonItem     `json:"items"`
	NextMeeting Date           `json:"next_meeting"`
	Source      jsonSource     `json:"source"`
	Warnings    []Warning      `json:"warnings"`
	Decision    bool           `json:"decision_page,omitempty"`
}

type jsonSource struct {
	Name *string `json:"name"`
	Hash *string `json:"hash"`
	URL  string  `json:"url,omitempty"`
}

// AttendanceJSON is attendance in the JSON form of a meeting: what
// `minutebook parse --json` and `minutebook show MEETING --json` print.
type AttendanceJSON struct {
	Chair        *string        `json:"chair"`
	Present      []string       `json:"present"`
	InAttendance []string       `json:"in_attendance"`
	Apologies    []string       `json:"apologies"`
	Absent       []string       `json:"absent"`
	Substitutes  []Substitution `json:"substitutes"`
}

type jsonItem struct {
	Number       *string        `json:"number"`
	Title        string         `json:"title"`
	Exempt       bool           `json:"exempt"`
	Line         int            `json:"line"`
	URL          string         `json:"url,omitempty"`
	Resolutions  []jsonRecord   `json:"resolutions"`
	Actions      []jsonAction   `json:"actions"`
	FollowUps    []jsonFollowUp `json:"followups"`
	Declarations []Declaration  `json:"declarations"`
}

type jsonRecord struct {
	ID         string     `json:"id"`
	Part       *string    `json:"part,omitempty"`
	Text       string     `json:"text"`
	Line       int        `json:"line"`
	Confidence Confidence `json:"confidence"`
	Why        string     `json:"why,omitempty"`
}

type jsonAction struct {
	jsonRecord
	Owner *string `json:"owner"`
	Due   Date    `json:"due"`
}

type jsonFollowUp struct {
	jsonRecord
	Owner       *string `json:"owner"`
	Due         Date    `json:"due"`
	DueMeeting  *string `json:"due_meeting"`
	Provisional bool    `json:"provisional"`
}

// NullIfEmpty is s for JSON: nil (null) when it is "", an unknown value.
func NullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// EmptyIfNil is s for JSON: [] when it is nil, since lists are never null.
func EmptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// MarshalJSON writes the DESIGN.md form of the meeting.
func (m *Meeting) MarshalJSON() ([]byte, error) {
	j := jsonMeeting{
		Council:     NullIfEmpty(m.Council),
		Committee:   NullIfEmpty(m.Committee),
		Date:        m.Date,
		Start:       NullIfEmpty(m.Start),
		End:         NullIfEmpty(m.End),
		Attendance:  ViewAttendance(m.Attendance),
		Items:       make([]jsonItem, 0, len(m.Items)),
		NextMeeting: m.NextMeeting,
		Source:      jsonSource{NullIfEmpty(m.Source.Name), NullIfEmpty(m.Source.Hash), m.Source.URL},
		Warnings:    EmptyIfNil(m.Warnings),
		Decision:    m.Decision,
	}
	for i := range m.Items {
		it := &m.Items[i]
		ji := jsonItem{
			Number:       NullIfEmpty(it.Number),
			Title:        it.Title,
			Exempt:       it.Exempt,
			Line:         it.Line,
			URL:          it.URL,
			Resolutions:  make([]jsonRecord, 0, len(it.Resolutions)),
			Actions:      make([]jsonAction, 0, len(it.Actions)),
			FollowUps:    make([]jsonFollowUp, 0, len(it.FollowUps)),
			Declarations: EmptyIfNil(it.Declarations),
		}
		for _, r := range it.Resolutions {
			ji.Resolutions = append(ji.Resolutions, baseRecord(r))
		}
		for _, r := range it.Actions {
			ji.Actions = append(ji.Actions, jsonAction{baseRecord(r), NullIfEmpty(r.Owner), r.Due})
		}
		for _, r := range it.FollowUps {
			ji.FollowUps = append(ji.FollowUps, jsonFollowUp{baseRecord(r), NullIfEmpty(r.Owner), r.Due, NullIfEmpty(r.DueMeeting), r.Provisional})
		}
		j.Items = append(j.Items, ji)
	}
	return json.Marshal(j)
}

// ViewAttendance is a's JSON form.
func ViewAttendance(a Attendance) AttendanceJSON {
	return AttendanceJSON{
		Chair:        NullIfEmpty(a.Chair),
		Present:      EmptyIfNil(a.Present),
		InAttendance: EmptyIfNil(a.InAttendance),
		Apologies:    EmptyIfNil(a.Apologies),
		Absent:       EmptyIfNil(a.Absent),
		Substitutes:  EmptyIfNil(a.Substitutes),
	}
}

func baseRecord(r Record) jsonRecord {
	c := r.Confidence
	if c == "" {
		c = ConfidenceHigh
	}
	return jsonRecord{ID: r.ID, Part: NullIfEmpty(r.Part), Text: r.Text, Line: r.Line, Confidence: c, Why: r.Why}
}
