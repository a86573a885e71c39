package minutes

import "testing"

// The meeting's body and council are names, never a sentence, a list of
// who attended or a web page's link marks: what cannot be read as a name
// is left unread (with the header's warning), not shown as garbage. Every
// council, place and person here is invented.
func TestHeaderNamesNotGarbage(t *testing.T) {
	for _, tc := range []struct {
		name, doc          string
		council, committee string
	}{
		{"next meeting sentence run on, OCR", "PENTRE ISAF COMMUNITY COUNCIL\n\nMinutes of the meeting held on 3 March 2025 at 7.30pm.\n\n" +
			"Present: Cllr Alun Price (Chair), Cllr Megan Hughes.\n\n1. Apologies\nNone were received.\n\n2. Date of next meeting\nIt was noted that the next\n" +
			"meeting of the Council wi11 be he1d at the Vil1age Hall on 7 April 2025.\n",
			"Pentre Isaf Community Council", "Pentre Isaf Community Council"},
		{"a run-on line is not the title", "Minutes\n\nThe minutes were taken by the clerk. The\nmeeting of the Planning Committee was held at the Old School on 2 June 2025.\n\n" +
			"Present: Cllr Rhys Bowen, Cllr Ama Oduya.\n\n1. Apologies\nNone.\n\n2. Applications\nRESOLVED: that no objection be raised to 25/0113.\n", "", ""},
		{"a council in brackets is someone's", "Present:\nCllr Ann Ray Cllr Bo Tait (Eastfield Council)\nCllr Cara Lund\n\nMinutes of the meeting held on 12 May 2025\n\n" +
			"1. Apologies\nCllr Dee Moss.\n\n2. Planning\nNo applications were received.\n", "", ""},
		{"a councillor's ward in brackets", "Attendance: Cr Joe Finn (Hillside Ward Council), Cr Ivy Tran\n\nMinutes of the meeting held 4 August 2025\n\n" +
			"1. Welcome\nThe chair opened the meeting.\n\n2. Correspondence\nNone.\n", "", ""},
		{"a link's footnote mark", "[1]City of Carrow Falls CITY COUNCIL\n\nRegular Meeting Minutes\nTuesday, June 3, 2025\n\n1. CALL TO ORDER\n" +
			"Mayor Lund called the meeting to order at 7:00 p.m.\n\n2. ROLL CALL\nPresent: Mayor Lund, Councilmembers Ray and Tait.\n\n3. ADJOURNMENT\nThe meeting adjourned at 8:15 p.m.\n",
			"City of Carrow Falls", "City of Carrow Falls"},
		{"a link's footnote mark before a committee", "[12]Harbourside District Council\n[13]Licensing Committee\n\nMinutes of the meeting held on 9 September 2025\n\n" +
			"Present: Councillors Lyle, Okafor and Venn.\n\n1. Apologies\nNone.\n\n2. Street trading consent\nRESOLVED: that the consent be granted.\n", "Harbourside District Council", "Licensing Committee"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseBytes([]byte(tc.doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if m.Council != tc.council || m.Committee != tc.committee {
				t.Errorf("council %q, committee %q; want %q, %q", m.Council, m.Committee, tc.council, tc.committee)
			}
			if tc.committee == "" && len(m.Warnings) == 0 {
				t.Error("no body read, and no warning says so")
			}
		})
	}
}

// A carried motion's decision is its "That …" clause, however the
// motion's movers and the report before it run into it, "That," too.
func TestMotionTextFromThat(t *testing.T) {
	for in, want := range map[string]string{
		"PURPOSE The purpose of this report is to update. Committee Resolution Moved: Cr Ben Holt Seconded: Cr Cara Penn That, having considered all matters raised in the report, the report be noted. Carried": "That, having considered all matters raised in the report, the report be noted. Carried",
		"Moved: Cr Ames Seconded: Cr Lee THAT, subject to funding, the footpath be resurfaced. CARRIED":                                                                                                          "THAT, subject to funding, the footpath be resurfaced. CARRIED",
		"Moved Cr Ames, seconded Cr Lee That the minutes be confirmed. Carried":                                                                                                                                  "That the minutes be confirmed. Carried",
	} {
		if got := motionText(in); got != want {
			t.Errorf("motionText(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}
