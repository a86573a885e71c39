package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The JSON forms of records, meetings and the action log: one shape per
// thing, whatever prints it (minutebook due, show, set and export all use
// RecordJSON). Keys are lower case; unknown values are null and lists are
// [], never null; fields may be added, none renamed.

// RecordJSON is a record (an action, follow-up or resolution) as every
// JSON output shows it.
type RecordJSON struct {
	ID          string         `json:"id"`
	Kind        minutes.Kind   `json:"kind"`
	Part        *string        `json:"part"`
	Council     *string        `json:"council"`
	Committee   string         `json:"committee"`
	MeetingID   string         `json:"meeting_id"`
	MeetingDate minutes.Date   `json:"meeting_date"`
	Minute      string         `json:"minute"`
	ItemTitle   string         `json:"item_title"`
	Text        string         `json:"text"`
	Owner       *string        `json:"owner"` // the clerk's, or the minutes'
	Due         minutes.Date   `json:"due"`   // the clerk's, or as resolved against the known meetings
	DueMeeting  *string        `json:"due_meeting"`
	Provisional bool           `json:"provisional"` // due is a named month's last day
	Status      minutes.Status `json:"status"`      // null for resolutions
	Flag        minutes.Flag   `json:"flag"`        // as of the output's as-of date; null for resolutions
	RAG         NullString     `json:"rag"`         // red, amber, green; null for resolutions
	Update      *string        `json:"latest_update"`
	UpdateDate  minutes.Date   `json:"latest_update_date"`
	ReturnedTo  *ReturnedJSON  `json:"returned_to"`
	Exempt      bool           `json:"exempt"`
	Source      *string        `json:"source"`
	SourceURL   *string        `json:"source_url"` // where it was published, for synced meetings
	Key         string         `json:"committee_key"`
	ItemID      string         `json:"item_id"`
	FlagLabel   NullString     `json:"flag_label"` // "due at next meeting"
	ParsedOwner *string        `json:"parsed_owner"`
	ParsedDue   minutes.Date   `json:"parsed_due"`
	Line        int            `json:"line"`
	Orphaned    bool           `json:"orphaned"` // the minutes no longer give it; its tracking is kept
	// The clerks' corrections: the parser's confidence ("high", "low";
	// null when not known) and what it was unsure of; review: waiting in
	// the review queue; rejected: a clerk said it is not a record;
	// origin: "minutes", "clerk" (added by a clerk) or "kept" (corrected
	// by a clerk, and no longer given by the parse); corrected: a clerk
	// corrected it; version: the record's version (set --if-version).
	Confidence NullString `json:"confidence"`
	Why        NullString `json:"why"`
	Review     bool       `json:"review"`
	Rejected   bool       `json:"rejected"`
	Origin     string     `json:"origin"`
	Corrected  bool       `json:"corrected"`
	Version    int64      `json:"version"`
}

// RecordHistoryJSON is a record with its tracking history, oldest first.
type RecordHistoryJSON struct {
	RecordJSON
	History []HistoryJSON `json:"history"`
}

// ReturnedJSON is the later item a follow-up came back as.
type ReturnedJSON struct {
	ItemID      string       `json:"item_id"`
	MeetingID   string       `json:"meeting_id"`
	MeetingDate minutes.Date `json:"meeting_date"`
	Committee   string       `json:"committee"`
	Minute      string       `json:"minute"`
	Title       string       `json:"title"`
	Confirmed   bool         `json:"confirmed"`     // by a clerk; false: matched by subject
	Matched     []string     `json:"matched_words"` // the title's words that matched, when matched
}

// HistoryJSON is one line of a record's tracking history.
type HistoryJSON struct {
	At    string `json:"at"` // UTC, RFC 3339
	Who   string `json:"who"`
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
	// Forced: made over another session's change to the record, knowing
	// it (set --force).
	Forced bool `json:"forced"`
}

// NullString is a string that is null in JSON when empty.
type NullString string

// MarshalJSON writes the string, or null when it is empty. A string of
// plain characters is quoted as it is (what json.Marshal gives it, at a
// fraction of the cost: a due list writes four of these a record).
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return json.Marshal(string(s))
		}
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// JSON is the row as RecordJSON.
func (r Row) JSON() RecordJSON {
	j := RecordJSON{
		ID: r.ID, Kind: r.Kind, Part: minutes.NullIfEmpty(r.Part), Council: minutes.NullIfEmpty(r.Council), Committee: r.Committee, Key: r.CommitteeKey,
		MeetingID: r.MeetingID, MeetingDate: r.MeetingDate, ItemID: r.ItemID, Minute: r.Minute, ItemTitle: r.ItemTitle,
		Text: r.Text, Owner: minutes.NullIfEmpty(r.Owner), ParsedOwner: minutes.NullIfEmpty(r.ParsedOwner), Due: r.Due, ParsedDue: r.ParsedDue,
		DueMeeting: minutes.NullIfEmpty(r.DueMeeting), Provisional: r.Provisional, Flag: r.Flag, FlagLabel: NullString(r.Flag.Label()),
		RAG: NullString(r.RAG), Update: minutes.NullIfEmpty(r.Update), UpdateDate: r.UpdateDate, Exempt: r.Exempt,
		Source: minutes.NullIfEmpty(r.SourceName), SourceURL: minutes.NullIfEmpty(r.SourceURL), Line: r.Line, Orphaned: r.Orphaned,
		Confidence: NullString(r.Confidence), Why: NullString(r.Why), Review: r.Review, Rejected: r.Rejected, Origin: OriginLabel(r.Origin),
		Corrected: r.Corrected, Version: r.Version,
	}
	if r.Kind != minutes.KindResolution {
		j.Status = r.Status
		if j.Status == "" {
			j.Status = minutes.StatusOpen
		}
	}
	if ref := r.ReturnedTo; ref != nil {
		j.ReturnedTo = &ReturnedJSON{ItemID: ref.ItemID, MeetingID: ref.MeetingID, MeetingDate: ref.MeetingDate, Committee: ref.Committee,
			Minute: ref.Minute, Title: ref.Title, Confirmed: ref.Confirmed, Matched: minutes.EmptyIfNil(ref.Matched)}
	}
	return j
}

// OriginLabel is where a record comes from, as JSON says it: "minutes",
// "clerk" or "kept".
func OriginLabel(origin string) string {
	if origin == index.OriginMinutes {
		return "minutes"
	}
	return origin
}

// RecordWithHistory is a record with its tracking history (what
// minutebook show and set print). The latest update's date is read from
// the history.
func RecordWithHistory(r index.Record, hist []index.HistoryEntry) RecordHistoryJSON {
	row := newRow(r)
	noteDate(&row, hist)
	j := RecordHistoryJSON{RecordJSON: row.JSON(), History: make([]HistoryJSON, 0, len(hist))}
	for _, e := range hist {
		j.History = append(j.History, HistoryJSON{At: e.At.UTC().Format("2006-01-02T15:04:05Z"), Who: e.Who, Field: e.Field, Old: e.Old, New: e.New, Forced: e.Forced})
	}
	return j
}

// MeetingJSON is a meeting with its items as minutebook show prints it.
type MeetingJSON struct {
	ID          string                 `json:"id"`
	Council     *string                `json:"council"`
	Committee   string                 `json:"committee"`
	Key         string                 `json:"committee_key"`
	Date        minutes.Date           `json:"date"`
	Start       *string                `json:"start_time"`
	End         *string                `json:"end_time"`
	Attendance  minutes.AttendanceJSON `json:"attendance"`
	NextMeeting minutes.Date           `json:"next_meeting"`
	Source      *string                `json:"source"`
	SourceURL   *string                `json:"source_url"`
	Sample      bool                   `json:"sample"`
	Items       []ItemJSON             `json:"items"`
	Warnings    []minutes.Warning      `json:"warnings"`
}

// ItemJSON is one item of a meeting with its records.
type ItemJSON struct {
	ID        string       `json:"id"`
	Number    *string      `json:"number"`
	Title     string       `json:"title"`
	Exempt    bool         `json:"exempt"`
	Body      string       `json:"body"`
	SourceURL *string      `json:"source_url"`
	Records   []RecordJSON `json:"records"`
}

// Meeting is the meeting as MeetingJSON.
func Meeting(m *index.MeetingDetail) MeetingJSON {
	j := MeetingJSON{ID: m.ID, Council: minutes.NullIfEmpty(m.Council), Committee: m.Committee, Key: m.CommitteeKey, Date: m.Date,
		Start: minutes.NullIfEmpty(m.Start), End: minutes.NullIfEmpty(m.End), Attendance: minutes.ViewAttendance(m.Attendance), NextMeeting: m.NextMeeting,
		Source: minutes.NullIfEmpty(m.SourceName), SourceURL: minutes.NullIfEmpty(m.SourceURL), Sample: m.Sample, Items: make([]ItemJSON, 0, len(m.Items)), Warnings: minutes.EmptyIfNil(m.Warnings)}
	for _, it := range m.Items {
		j.Items = append(j.Items, Item(it))
	}
	return j
}

// Item is the item as ItemJSON.
func Item(it index.ItemDetail) ItemJSON {
	j := ItemJSON{ID: it.ID, Number: minutes.NullIfEmpty(it.Number), Title: it.Title, Exempt: it.Exempt, Body: clean(it.Body), SourceURL: minutes.NullIfEmpty(it.SourceURL),
		Records: make([]RecordJSON, 0, len(it.Records))}
	for _, r := range it.Records {
		j.Records = append(j.Records, newRow(r).JSON())
	}
	return j
}

// The JSON form of an action log: the log's scope and its records.
type jsonLog struct {
	Title         string       `json:"title"`
	Committee     *string      `json:"committee"`
	Council       *string      `json:"council"`
	AsOf          minutes.Date `json:"as_of"`
	From          minutes.Date `json:"from"`
	To            minutes.Date `json:"to"`
	IncludeExempt bool         `json:"include_exempt"`
	Records       []RecordJSON `json:"records"`
}

// WriteJSON writes the log as one indented JSON object.
func (l *ActionLog) WriteJSON(w io.Writer) error {
	out := jsonLog{
		Title: l.Title(), Committee: minutes.NullIfEmpty(l.Committee), Council: minutes.NullIfEmpty(l.Council), AsOf: l.AsOf, From: l.From, To: l.To,
		IncludeExempt: l.IncludeExempt, Records: make([]RecordJSON, 0, len(l.Rows)),
	}
	for _, r := range l.Rows {
		out.Records = append(out.Records, r.JSON())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}
