package store

import (
	"context"
	"encoding/json"

	"github.com/minutebook/minutebook/minutes"
)

// PeopleMeeting is what one meeting says about people: its attendance
// and the declarations of interest made at its items. The index derives
// the library's people from these (index/people.go); nothing about
// people is stored apart from them.
type PeopleMeeting struct {
	ID           string
	Council      string
	Committee    string
	CommitteeKey string
	Date         minutes.Date
	Attendance   minutes.Attendance
	Declarations []ItemDeclaration
}

// ItemDeclaration is one declaration of interest with the item it was
// made at.
type ItemDeclaration struct {
	ItemID     string
	ItemNumber string
	minutes.Declaration
}

// PeopleMeetings reads every meeting's attendance and declarations,
// oldest first. Run it in a Read for one snapshot.
func (q Q) PeopleMeetings(ctx context.Context) ([]PeopleMeeting, error) {
	var out []PeopleMeeting
	at := map[string]int{}
	rows, err := q.q.QueryContext(ctx, "SELECT id, council, committee, committee_key, date, attendance FROM meetings ORDER BY date, id")
	err = each(rows, err, func(s scanner) error {
		var m PeopleMeeting
		var date, att string
		if err := s.Scan(&m.ID, &m.Council, &m.Committee, &m.CommitteeKey, &date, &att); err != nil {
			return err
		}
		m.Date = ParseDate(date)
		_ = json.Unmarshal([]byte(att), &m.Attendance) // a damaged row lists no one rather than failing the list
		at[m.ID] = len(out)
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	rows, err = q.q.QueryContext(ctx, "SELECT meeting_id, id, number, declarations FROM items WHERE declarations NOT IN ('', '[]', 'null') ORDER BY meeting_id, ord")
	err = each(rows, err, func(s scanner) error {
		var mid, id, num, decl string
		if err := s.Scan(&mid, &id, &num, &decl); err != nil {
			return err
		}
		i, ok := at[mid]
		if !ok {
			return nil
		}
		var ds []minutes.Declaration
		_ = json.Unmarshal([]byte(decl), &ds)
		for _, d := range ds {
			out[i].Declarations = append(out[i].Declarations, ItemDeclaration{ItemID: id, ItemNumber: num, Declaration: d})
		}
		return nil
	})
	return out, err
}
