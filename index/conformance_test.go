package index_test

import (
	"context"
	"testing"
	"time"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// TestConformance runs the suite every index.API runs on the library
// itself.
func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T, ms []*minutes.Meeting) index.API {
		byName := map[string]*minutes.Meeting{}
		for _, m := range ms {
			byName[m.Source.Name] = m
		}
		ctx := context.Background()
		l, err := index.Open(ctx, ":memory:", index.Options{
			Parse: func(_ context.Context, name string, _ []byte) (*minutes.Meeting, error) {
				m := *byName[name]
				return &m, nil
			},
			Now:  func() time.Time { return time.Date(2022, 7, 1, 9, 0, 0, 0, time.UTC) },
			Logf: t.Logf,
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		for _, m := range ms {
			if _, err := l.Import(ctx, m.Source.Name, []byte(m.Source.Name)); err != nil {
				t.Fatal(err)
			}
		}
		return l
	})
}
