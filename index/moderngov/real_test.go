package moderngov

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/minutebook/minutebook/minutes/extract"
)

// shared reads one of the real responses in ../shared/moderngov (never
// copied into the repository).
func shared(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../shared/moderngov/" + name)
	if err != nil {
		t.Skipf("the real responses are not beside the checkout: %v", err)
	}
	return data
}

func TestRealResponses(t *testing.T) {
	cs, err := DecodeCommittees(shared(t, "committees.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[2].ID != "144" || cs[2].Name() != "Audit Committee" || !cs[0].IsExpired() || cs[1].IsExpired() || cs[0].IsDeleted() {
		t.Errorf("committees: %+v", cs)
	}
	ms, err := DecodeMeetings(shared(t, "meetings.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].ID != "4966" || !ms[0].Cancelled() || ms[1].Cancelled() || ms[1].Date != "10/02/2026" {
		t.Errorf("meetings: %+v", ms)
	}
	none, err := DecodeMeeting(shared(t, "meeting_no_minutes.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if none.MinutesPublished() || len(none.Items) != 0 || len(none.Attendees) != 1 {
		t.Errorf("meeting without minutes: %+v", none)
	}
	m, err := DecodeMeeting(shared(t, "meeting_with_minutes.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !m.MinutesPublished() || len(m.Items) != 2 || m.Items[0].Number() != "1" || m.Items[1].Number() != "9" || !m.Items[0].HasMinutes() || m.Items[0].IsRestricted() {
		t.Errorf("meeting: %+v", m)
	}
	if _, ok := PrintedMinutesLink(m); ok {
		t.Error("the minutes of the previous meeting, attached for approval, were taken as this meeting's printed minutes")
	}
	site, _ := ParseSite("https://democracy.manchester.gov.uk")
	b, err := NewBundle(site, "", cs[2], m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseBundle(context.Background(), b.Name(), b.Encode(), extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(got, "", "  ")
	t.Logf("%s", out)
}
