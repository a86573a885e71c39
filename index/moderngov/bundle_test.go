package moderngov

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/minutes"
	"github.com/minutebook/minutebook/minutes/extract"
)

func TestMergeAttendance(t *testing.T) {
	people := []BundleAttendee{
		{Name: "Councillor Basil Curley", Role: "Chair", Attendance: "Present"},
		{Name: "Cllr Amina Rahman", Role: "Committee Member", Attendance: "Present"},
		{Name: "Councillor Owen Pritchard", Role: "Committee Member", Attendance: "Apologies"},
		{Name: "Dr Grace Okafor", Role: "Officer", Attendance: "In attendance"},
		{Name: "Councillor Tom Whitfield", Role: "Committee Member", Attendance: "Absent"},
	}
	t.Run("fills what the text does not give", func(t *testing.T) {
		m := &minutes.Meeting{}
		mergeAttendance(m, people)
		a := m.Attendance
		if a.Chair != "Basil Curley" || strings.Join(a.Present, ",") != "Amina Rahman" || strings.Join(a.Apologies, ",") != "Owen Pritchard" ||
			strings.Join(a.InAttendance, ",") != "Grace Okafor" || strings.Join(a.Absent, ",") != "Tom Whitfield" || len(m.Warnings) != 0 {
			t.Errorf("%+v %v", a, m.Warnings)
		}
	})
	t.Run("checks what the text gives", func(t *testing.T) {
		m := &minutes.Meeting{Attendance: minutes.Attendance{Chair: "B. Curley", Present: []string{"Owen Pritchard"}, Apologies: []string{"Holly Marsh"}}}
		mergeAttendance(m, people)
		var msgs []string
		for _, w := range m.Warnings {
			msgs = append(msgs, w.Msg)
		}
		all := strings.Join(msgs, "\n")
		for _, want := range []string{"records Amina Rahman as present; the minutes do not list them", "records Owen Pritchard as sending apologies",
			"records Owen Pritchard as not present; the minutes list them as present"} {
			if !strings.Contains(all, want) {
				t.Errorf("warnings %q lack %q", all, want)
			}
		}
		if m.Attendance.Chair != "B. Curley" || len(m.Attendance.Present) != 1 {
			t.Errorf("the text's attendance was changed: %+v", m.Attendance)
		}
	})
	t.Run("nothing recorded yet", func(t *testing.T) {
		m := &minutes.Meeting{}
		mergeAttendance(m, []BundleAttendee{{Name: "Councillor Basil Curley", Role: "Committee Member", Attendance: "Expected"}})
		if m.Attendance.Chair != "" || len(m.Attendance.Present) != 0 || len(m.Warnings) != 0 {
			t.Errorf("%+v %v", m.Attendance, m.Warnings)
		}
	})
}

func testBundle() *Bundle {
	return &Bundle{Format: BundleFormat, Version: BundleVersion, Site: "https://democracy.example.gov.uk", Council: "Wexcombe Borough Council",
		CommitteeID: "5", Committee: "Licensing Committee", MeetingID: "77", Date: "2026-03-10", Time: "6.30 pm",
		Items: []BundleItem{
			{ID: "1", Number: "12", Title: "Apologies for Absence", HTML: "<p>Apologies were received from Councillor Holly Marsh.</p>"},
			{ID: "2", Number: "13", Title: "Taxi Licensing Policy", HTML: "<p>The Committee considered the draft policy.</p><p>RESOLVED: That the policy be approved.</p>"},
			{ID: "3", Number: "14", Title: "Licence Review: Premises at 4 High Street", Restricted: true,
				HTML: "<p>RESOLVED: That the licence be suspended for six weeks.</p>"},
			{ID: "4", Number: "15", Title: "Agenda only"},
			{ID: "5", Number: "16", Title: "Exempt: Contract Award", Restricted: true}, // restricted, so no public minute
		},
		Attendees: []BundleAttendee{{Name: "Councillor Basil Curley", Role: "Chair", Attendance: "Present"}, {Name: "Councillor Holly Marsh", Attendance: "Apologies"}},
	}
}

func TestParseBundle(t *testing.T) {
	b := testBundle()
	data := b.Encode()
	if !bytes.Equal(data, testBundle().Encode()) || !IsBundle(data) {
		t.Fatal("a bundle does not encode the same way twice, or is not recognised")
	}
	m, err := ParseBundle(context.Background(), b.Name(), data, extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID() != "lc-2026-03-10" || m.Council != "Wexcombe Borough Council" || m.Start != "18:30" {
		t.Errorf("meeting %s council %q start %q", m.ID(), m.Council, m.Start)
	}
	if len(m.Items) != 4 || m.Items[3].Number != "16" || !m.Items[3].Exempt {
		t.Fatalf("items %+v: want 12, 13, 14 and the restricted 16 (15 has no minute)", m.Items)
	}
	if m.Items[2].Number != "14" || !m.Items[2].Exempt || m.Items[1].Exempt || m.Items[1].URL != "https://democracy.example.gov.uk/mgAi.aspx?ID=2" {
		t.Errorf("items %+v", m.Items)
	}
	if len(m.Items[1].Resolutions) != 1 || m.Attendance.Chair != "Basil Curley" || strings.Join(m.Attendance.Apologies, ",") != "Holly Marsh" {
		t.Errorf("records %+v attendance %+v", m.Items[1].Resolutions, m.Attendance)
	}
	if m.Source.URL != "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=5&MId=77" {
		t.Errorf("source URL %q", m.Source.URL)
	}

	b.Items = []BundleItem{{ID: "1", Number: "1", Title: "Minutes"}}
	if _, err := ParseBundle(context.Background(), b.Name(), b.Encode(), extract.Limits{}); !errors.Is(err, ErrNoMinutes) {
		t.Errorf("no minutes: %v", err)
	}
	newer := testBundle()
	newer.Version = BundleVersion + 1
	if _, err := ParseBundle(context.Background(), "x", newer.Encode(), extract.Limits{}); err == nil || !strings.Contains(err.Error(), "newer minutebook") {
		t.Errorf("newer bundle: %v", err)
	}
}
