package minutes

import "testing"

// TestCapitalsHeadings: unnumbered headings in capitals among numbered
// items are items unless they are a banner over numbered ones; in
// minutes that number nothing they stand out after list rows and motion
// lines, which are never headings themselves.
func TestCapitalsHeadings(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name: "procedure headings between numbered paragraphs",
			text: "HARLOW BAY CITY COUNCIL\nMinutes of the Regular Meeting, March 3, 2025\n\nMayor Ortiz convened the meeting at 7:01 p.m.\nROLL CALL –\nPresent: Councilmembers Abara, Lind and Okafor.\nAbsent: None.\n" +
				"AGENDA CHANGES\nNone.\nCONSENT CALENDAR\n(25-101) Minutes of the February 17, 2025 meeting. Approved.\n(25-102) Warrants for February 2025. Approved.\n" +
				"REGULAR AGENDA ITEMS\n(25-103) Public hearing on the harbour parking plan. The hearing was opened and closed with no speakers.\n" +
				"ORAL COMMUNICATIONS, NON-AGENDA\nNone.\nCOUNCIL REFERRALS\nNone.\n(25-104) Councilmember Lind asked about the ferry timetable.\nADJOURNMENT\nThe meeting adjourned at 8:40 p.m.\n",
			items: []string{"|ROLL CALL", "|AGENDA CHANGES", "25-101|Minutes of the February 17, 2025 meeting", "25-102|Warrants for February 2025",
				"25-103|Public hearing on the harbour parking plan", "|ORAL COMMUNICATIONS, NON-AGENDA", "|COUNCIL REFERRALS",
				"25-104|Councilmember Lind asked about the ferry timetable", "|ADJOURNMENT"},
		},
		{
			name: "unnumbered capitals headings after list rows and with a full stop",
			text: "Cwm Teg Community Council\n\nMinutes of the meeting held on 12 March 2025 at the Village Hall.\n\nPRESENT\n\nCouncillors Eira Bowen, Huw Prys and Nia Wyn.\n\nWELCOME AND APOLOGIES\nThe Chair welcomed members to the meeting.\n\nMATTERS ARISING.\nThe bench at Heol Las had been repaired by the contractor.\n\nCORRESPONDENCE\ni) Letter from the Rural Housing Trust. Noted\nii) Bank statement for February. Noted\n" +
				"BUDGET REVIEW\nThe balance at the bank stood at £4,210.\nFOOTPATHS\nNo issues.\n",
			items: []string{"|WELCOME AND APOLOGIES", "|MATTERS ARISING", "|CORRESPONDENCE", "|BUDGET REVIEW", "|FOOTPATHS"},
		},
		{
			name: "motion lines in unnumbered minutes are not headings",
			text: "Kowhai Ward Committee\n\nMinutes of the meeting held on 6 May 2025.\n\nPresent: Cr Tane Rewiri (Chair), Cr Ana Holt, Cr Mere Kopu\n\nLibrary Opening Hours\nThe report on winter hours was considered by members.\nMoved Cr Tane Rewiri / Seconded Cr Ana Holt\nThat the winter opening hours be adopted.\nCARRIED\n" +
				"Footpath Renewals\nThe roading manager spoke to the programme for the year.\n",
			items: []string{"|Library Opening Hours", "|Footpath Renewals"},
		},
		{
			name:  "section-letter numbers",
			text:  caseHead + "7-A. Award of Paving Contract\nStaff summarised the three bids received for the paving work.\n7-B. Sidewalk Repair Programme\nThe director described the priority list for the summer.\n7-C. Tree Ordinance Update\nThe arborist answered questions from the commission.\n",
			items: []string{"7-A|Award of Paving Contract", "7-B|Sidewalk Repair Programme", "7-C|Tree Ordinance Update"},
		},
	})
}
