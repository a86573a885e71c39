package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/minutebook/minutebook/minutes"
)

// The JSON form of an action log. Fields may be added, none renamed;
// unknown values are null and lists are [], never null.

type jsonLog struct {
	Title         string       `json:"title"`
	Committee     *string      `json:"committee"`
	AsOf          minutes.Date `json:"as_of"`
	From          minutes.Date `json:"from"`
	To            minutes.Date `json:"to"`
	IncludeExempt bool         `json:"include_exempt"`
	Records       []jsonRow    `json:"records"`
}

type jsonRow struct {
	ID          string        `json:"id"`
	Kind        string        `json:"kind"`
	Part        *string       `json:"part"`
	Council     *string       `json:"council"`
	Committee   string        `json:"committee"`
	MeetingID   string        `json:"meeting_id"`
	MeetingDate minutes.Date  `json:"meeting_date"`
	Minute      string        `json:"minute"`
	ItemTitle   string        `json:"item_title"`
	Text        string        `json:"text"`
	Owner       *string       `json:"owner"`
	Due         minutes.Date  `json:"due"`
	DueMeeting  *string       `json:"due_meeting"`
	Provisional bool          `json:"provisional"`
	Status      string        `json:"status"`
	Flag        *string       `json:"flag"`
	RAG         *string       `json:"rag"`
	Update      *string       `json:"latest_update"`
	UpdateDate  minutes.Date  `json:"latest_update_date"`
	ReturnedTo  *jsonReturned `json:"returned_to"`
	Exempt      bool          `json:"exempt"`
	Source      *string       `json:"source"`
}

type jsonReturned struct {
	MeetingID   string       `json:"meeting_id"`
	MeetingDate minutes.Date `json:"meeting_date"`
	Committee   string       `json:"committee"`
	Minute      string       `json:"minute"`
	Title       string       `json:"title"`
	Confirmed   bool         `json:"confirmed"`
}

// WriteJSON writes the log as one indented JSON object.
func (l *ActionLog) WriteJSON(w io.Writer) error {
	out := jsonLog{
		Title: l.Title(), Committee: strOrNil(l.Committee), AsOf: l.AsOf, From: l.From, To: l.To,
		IncludeExempt: l.IncludeExempt, Records: []jsonRow{},
	}
	for _, r := range l.Rows {
		jr := jsonRow{
			ID: r.ID, Kind: string(r.Kind), Part: strOrNil(r.Part), Council: strOrNil(r.Council),
			Committee: r.Committee, MeetingID: r.MeetingID, MeetingDate: r.MeetingDate,
			Minute: r.Minute, ItemTitle: r.ItemTitle, Text: r.Text, Owner: strOrNil(r.Owner),
			Due: r.Due, DueMeeting: strOrNil(r.DueMeeting), Provisional: r.Provisional,
			Status: string(r.Status), Flag: strOrNil(string(r.Flag)), RAG: strOrNil(r.RAG),
			Update: strOrNil(r.Update), UpdateDate: r.UpdateDate, Exempt: r.Exempt,
			Source: strOrNil(r.SourceName),
		}
		if jr.Status == "" {
			jr.Status = "open"
		}
		if ref := r.ReturnedTo; ref != nil {
			jr.ReturnedTo = &jsonReturned{ref.MeetingID, ref.MeetingDate, ref.Committee, ref.Minute, ref.Title, ref.Confirmed}
		}
		out.Records = append(out.Records, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
