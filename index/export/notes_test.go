package export

import (
	"bytes"
	"context"
	"encoding/gob"
	"reflect"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/synth"
	"github.com/minutebook/minutebook/minutes"
)

// onlyAPI hides what a library offers besides index.API.
type onlyAPI struct{ index.API }

// TestNoteDatesAtOnce: the latest updates' dates read at once (from a
// library that can) are those read a history at a time.
func TestNoteDatesAtOnce(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2022, 7, 1, 23, 30, 0, 0, time.UTC)
	lib, err := index.Open(ctx, t.TempDir(), index.Options{
		Parse: func(_ context.Context, _ string, data []byte) (*minutes.Meeting, error) {
			var m minutes.Meeting
			err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m)
			return &m, err
		},
		Now: func() time.Time { now = now.Add(7 * time.Hour); return now },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	for _, m := range synth.Meetings(24, 1) {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(m); err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Import(ctx, m.Source.Name, buf.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := lib.Due(ctx, index.DueQuery{AsOf: d("2030-01-01")})
	if err != nil || len(recs) < 10 {
		t.Fatalf("%d records (%v)", len(recs), err)
	}
	done := index.StatusDone
	for i, r := range recs[:10] {
		for range i % 3 {
			if _, err := lib.Update(ctx, r.ID, index.Change{Note: "note"}); err != nil {
				t.Fatal(err)
			}
		}
		if i%4 == 0 {
			if _, err := lib.Update(ctx, r.ID, index.Change{Status: &done}); err != nil { // an edit after the note
				t.Fatal(err)
			}
		}
	}
	if recs, err = lib.Due(ctx, index.DueQuery{AsOf: d("2030-01-01"), IncludeClosed: true}); err != nil {
		t.Fatal(err)
	}
	fast, err := Rows(ctx, lib, recs)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := Rows(ctx, onlyAPI{lib}, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Error("the dates read at once differ from those read from each history")
	}
	notes := 0
	for _, r := range fast {
		if r.LastNote != "" {
			notes++
		}
	}
	if notes < 3 {
		t.Errorf("only %d records with notes", notes)
	}
}
