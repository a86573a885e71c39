package minutes

import "testing"

func TestStatusStamp(t *testing.T) {
	for in, want := range map[string]bool{
		"Approved Meeting Minutes":                  true,
		"Approved Meeting Minutes January 10, 2019": true,
		"DRAFT MINUTES":                             true,
		"Unconfirmed minutes":                       true,
		"Approved Board Minutes – 3 March 2025":     true,
		"**Draft minutes**":                         true,
		"Approval of Minutes":                       false, // an item's heading
		"Draft minutes were circulated.":            false, // a sentence
		"The minutes were approved.":                false,
		"Approved":                                  false,
		"Minutes":                                   false,
		"Approved minutes of the Finance Committee": false,
	} {
		if got := statusStamp(in); got != want {
			t.Errorf("statusStamp(%q) = %v, want %v", in, got, want)
		}
	}
}

// A page's status stamp is not a decision, nor the start of the
// sentence after it.
func TestStatusStampNotADecision(t *testing.T) {
	doc := "CITY OF CARROW\nHISTORICAL ADVISORY BOARD\nMINUTES OF THE REGULAR MEETING\nThursday, January 10, 2019\n\nROLL CALL\nPresent: Chair Saxby, Board Members Lund and Ray.\n\n" +
		"1. WRITTEN COMMUNICATIONS\nNone.\n\n2. STAFF COMMUNICATIONS\nStaff Member Orr explained the survey of the old mill.\nApproved Meeting Minutes\nJanuary 10, 2019\n" +
		"Staff Member Orr said the survey would be finished in March.\n\n3. MINUTES\nThe minutes of December 6, 2018 were approved.\n\n4. ADJOURNMENT\nChair Saxby adjourned the meeting at 7:35pm.\nApproved Meeting Minutes January 10, 2019\n"
	m, err := ParseBytes([]byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range m.Items {
		for _, r := range it.Resolutions {
			if statusStamp(r.Text) || len(r.Text) > 8 && r.Text[:8] == "Approved" {
				t.Errorf("item %s: %q read as a decision", it.Number, r.Text)
			}
		}
	}
}
