package synth

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
)

func TestMeetings(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
	}{
		{"one", 1},
		{"small", 20},
		{"council", 4500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := Meetings(tc.n, 7)
			if len(ms) != tc.n {
				t.Fatalf("got %d meetings, want %d", len(ms), tc.n)
			}
			meetingIDs := map[string]bool{}
			recordIDs := map[string]bool{}
			kinds := map[minutes.Kind]int{}
			for i, m := range ms {
				if meetingIDs[m.ID()] {
					t.Fatalf("meeting ID %s twice", m.ID())
				}
				meetingIDs[m.ID()] = true
				if i > 0 && m.Date.Before(ms[i-1].Date) {
					t.Fatalf("meeting %d out of date order", i)
				}
				if m.Date.Year < FirstYear || m.Date.Year >= FirstYear+Years {
					t.Fatalf("meeting %s outside the span", m.ID())
				}
				for j := range m.Items {
					for _, r := range m.Items[j].Records() {
						if r.ID == "" || recordIDs[r.ID] {
							t.Fatalf("record ID %q empty or twice", r.ID)
						}
						recordIDs[r.ID] = true
						kinds[r.Kind]++
						if strings.ContainsAny(r.Text, "\x00\x1b") {
							t.Fatalf("control characters in %s", r.ID)
						}
					}
				}
			}
			if tc.n >= 20 && (kinds[minutes.KindResolution] == 0 || kinds[minutes.KindAction] == 0 || kinds[minutes.KindFollowUp] == 0) {
				t.Errorf("kinds = %v, want all three", kinds)
			}
		})
	}
}

func TestMeetingsDeterministic(t *testing.T) {
	a, _ := json.Marshal(Meetings(50, 3))
	b, _ := json.Marshal(Meetings(50, 3))
	c, _ := json.Marshal(Meetings(50, 4))
	if string(a) != string(b) {
		t.Error("the same seed gave different meetings")
	}
	if string(a) == string(c) {
		t.Error("different seeds gave the same meetings")
	}
}

func TestCommitteeSlugsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, c := range committees {
		s := minutes.CommitteeSlug(c.name)
		if other, ok := seen[s]; ok {
			t.Errorf("%q and %q share the slug %q", c.name, other, s)
		}
		seen[s] = c.name
	}
}

func TestSomeFollowUpsReturn(t *testing.T) {
	returned := 0
	for _, m := range Meetings(500, 1) {
		for _, it := range m.Items {
			if strings.HasSuffix(it.Title, ": Update") || strings.HasSuffix(it.Title, ": Progress Report") || strings.HasSuffix(it.Title, ": Further Report") {
				returned++
			}
		}
	}
	if returned == 0 {
		t.Error("no follow-up came back")
	}
}

func BenchmarkMeetings(b *testing.B) {
	for b.Loop() {
		Meetings(4500, 1)
	}
}
