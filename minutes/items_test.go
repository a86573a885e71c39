package minutes

import (
	"slices"
	"strings"
	"testing"
)

// itemCase is an invented set of minutes and the items a clerk would list
// from it: "number|title", one an item, in order.
type itemCase struct {
	name  string
	text  string
	items []string
	// check looks at anything else the case is about; nil for none.
	check func(t *testing.T, m *Meeting)
}

func runItemCases(t *testing.T, cases []itemCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseBytes([]byte(c.text), Options{Name: "case.txt", KnownMinutes: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range m.Items {
				got = append(got, it.Number+"|"+it.Title)
			}
			if strings.Join(got, "\n") != strings.Join(c.items, "\n") {
				t.Errorf("items:\n  got  %q\n  want %q", got, c.items)
			}
			if c.check != nil {
				c.check(t, m)
			}
		})
	}
}

// A meeting header every case can open with.
const caseHead = "FERNHILL PARISH COUNCIL\nMinutes of the meeting of the Parish Council held on Tuesday 4 March 2025 at 7.30pm\n\nPresent: Cllr Ada Drew (Chair), Cllr Ben Holt, Cllr Cara Penn\n\n"

// TestItemShapes reads the ways councils number and head their business.
func TestItemShapes(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name:  "Roman sections with lettered business under them: the business is items, after its section",
			text:  "BRACKEN TOWNSHIP\nBOARD OF TRUSTEES\nREGULAR MEETING MINUTES\nMarch 4, 2025\n\nI. CALL TO ORDER\nSupervisor Lund called the meeting to order at 7:00 p.m.\n\nII. ROLL CALL\nPresent: Supervisor Ivy Lund, Trustees Moe Hart, Pia Crane\n\nIII. NEW BUSINESS\nA. Salt Shed Repairs\nMotion by Trustee Hart, supported by Trustee Crane, to repair the salt shed. Motion carried 3-0.\nB. Cemetery Mowing\nMotion by Trustee Crane, supported by Supervisor Lund, to renew the mowing contract. Motion carried 3-0.\n\nIV. ADJOURNMENT\nMotion to adjourn at 8:02 p.m. Motion carried.\n",
			items: []string{"I|CALL TO ORDER", "II|ROLL CALL", "III|NEW BUSINESS", "A|Salt Shed Repairs", "B|Cemetery Mowing", "IV|ADJOURNMENT"},
			check: func(t *testing.T, m *Meeting) {
				for _, k := range []int{3, 4} {
					if n := len(m.Items[k].Resolutions); n != 1 {
						t.Errorf("%s has %d resolutions, want its own motion (1)", m.Items[k].Title, n)
					}
				}
			},
		},
		{
			name:  "Roman numerals alone on their lines, headings below",
			text:  "MINUTES\nBOARD OF DIRECTORS\nMarch 4, 2025\n\nI.\n\nCall to Order\nChair Orr called the meeting to order at 5:31 p.m.\n\nII.\n\nPublic Participation\nThere were no speakers.\n\nIII.\n\nDiscussion Item\n•\n\nDraft Depot Strategy\nPresented by the General Manager.\n\nIV.\n\nAdjourn\nThe meeting adjourned at 6:40 p.m.\n",
			items: []string{"I|Call to Order", "II|Public Participation", "III|Discussion Item", "IV|Adjourn"},
		},
		{
			name:  "lettered sections only",
			text:  "MINUTES\nFinance Committee\nThursday, July 10, 2025\n\nA. Call to Order\nCommittee Chair Orr called the meeting to order at 2:01 p.m.\n\nB. Public Comment\nNone.\n\nC. Recommended Actions\nNone.\n\nD. Next Meeting Date - Thursday, September 11, 2025\n\nE. Adjourn\nThe meeting adjourned at 2:40 p.m.\n",
			items: []string{"A|Call to Order", "B|Public Comment", "C|Recommended Actions", "D|Next Meeting Date - Thursday, September 11, 2025", "E|Adjourn"},
		},
		{
			name:  "initials are not lettered sections",
			text:  caseHead + "1. Apologies\nNone.\n\n2. Footpaths\nJ. Bloggs reported that the stile at Long Lane was broken.\nK. Amos agreed to look at it.\n\n3. Any Other Business\nNone.\n",
			items: []string{"1|Apologies", "2|Footpaths", "3|Any Other Business"},
		},
		{
			name:  "headings ending in a colon, with the text after it",
			text:  caseHead + "2431. Police Report:  Attached. No incidents.\n2432. Apologies for absence:  Cllr Pocock.\n2433. Declarations of interest:  None.\n2434. Financial Report:  Current account £6,079.51.\n2435. Proposed Pavilion Extension: The Sports Club have been\nadvised that they need planning permission for the extension.\n2436. Date of next meeting:  26th March 2025.\n",
			items: []string{"2431|Police Report", "2432|Apologies for absence", "2433|Declarations of interest", "2434|Financial Report", "2435|Proposed Pavilion Extension", "2436|Date of next meeting"},
		},
		{
			name:  "a heading whose colon is part of it",
			text:  caseHead + "5. Enforcement: Licensing and Enforcement Update\nThe Head of Service presented the report.\n\n6. Reports from Sub-Committees:- Finance. The committee met on 2 March.\n\n7. Accounts for payment:-\nMerlin Waste - £43.33\nAll approved for payment.\n",
			items: []string{"5|Enforcement: Licensing and Enforcement Update", "6|Reports from Sub-Committees", "7|Accounts for payment"},
		},
		{
			name:  "headings run into their text after a dash",
			text:  caseHead + "48/25 Apologies – Cllr Paul Hythe (holiday).\n49/25 Minutes – the minutes of 4th February 2025 were approved and signed.\n50/25 Allotments – The revised tenancy agreement was approved, with rents held at £28 per\nplot.\n51/25 Notice of Motion – Twinning Association Funding\nCllr Holt moved the motion standing in his name.\n52/25 Next meeting – Tuesday 1st April 2025 at 7.30pm.\n",
			items: []string{"48/25|Apologies", "49/25|Minutes", "50/25|Allotments", "51/25|Notice of Motion – Twinning Association Funding", "52/25|Next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if len(m.Items[1].Resolutions) != 1 {
					t.Errorf("the minutes' approval after the dash is lost: %+v", m.Items[1])
				}
			},
		},
		{
			name:  "a number printed twice, and one taken out of order",
			text:  caseHead + "1. Welcome\nThe Chair welcomed all present.\n\n2. Apologies\nNone received.\n\n7. Planning\nTaken early at the Chair's discretion; no comments.\n\n3. Finance\nThe balances were reported.\n\n3. Footpaths\nThe warden reported a fallen tree.\n\n5. Date of next meeting\n1 April 2025.\n",
			items: []string{"1|Welcome", "2|Apologies", "7|Planning", "3|Finance", "3|Footpaths", "5|Date of next meeting"},
		},
		{
			name:  "headings run into their text between the attendance and numbered resolutions",
			text:  "MINUTES\nTOWNSHIP OF ELDER\nTuesday, February 3, 2026\nPresent: Mayor Ann Pike, Councillors Lee Shaw and Tom Marr.\nStaff and visitors present: Sgt. Jay Lowe, Dan Yeo and Carl Barr.\nVia Zoom: Lisa Mack and Marie Ward, Aecom.\nThe meeting was called to order at 6:30 p.m.\nDisclosure of pecuniary interest: None.\nDiscussion: A request for a noise by-law was received and discussed at length.\nCommittee Reports:\nLee Shaw – Source Protection Authority.\nTom Marr – Library Board.\nR2026-012 L. Shaw, T. Marr: That the minutes of the meeting held January 20, 2026 be adopted. Carried.\nR2026-013 T. Marr, L. Shaw: That we accept the correspondence as presented. Carried.\n",
			items: []string{"|Disclosure of pecuniary interest", "|Discussion", "|Committee Reports", "R2026-012|", "R2026-013|"},
		},
		{
			name:  "an open forum and an election before item 1",
			text:  "MINUTES OF ELMSTEAD PARISH COUNCIL AGM HELD AT THE VILLAGE HALL ON TUESDAY MAY 5th 2026\n\nPresent: Cllr. R. Cross - Chair, Cllr. A. Cole, Cllr. F. Egan.\n\nCllr. Cross welcomed all to the meeting.\n\nOPEN FORUM\n\nThree members of the public raised parking problems in Normandy Close.\n\nElection of Chairman\n\nCllr. Cross was proposed by Cllr. Cole and seconded by Cllr. Egan, and was duly elected.\n\n1. Apologies\n\nNone.\n\n2. Finance\n\nThe accounts were approved.\n",
			items: []string{"|OPEN FORUM", "|Election of Chairman", "1|Apologies", "2|Finance"},
		},
		{
			name:  "record labels before the first item are not business",
			text:  caseHead + "Disposition: Accepted.\nTime: 7.30pm.\n\n1. Apologies\nNone.\n\n2. Finance\nThe accounts were approved.\n",
			items: []string{"1|Apologies", "2|Finance"},
		},
		{
			name:  "a PDF's number column stacked before the headings",
			text:  caseHead + "1\n\n2\n3\n4\n\nITEMS\nPolice Report\nPC Hale reported that several suspicious vans had been seen in the area recently.\nOpen Forum\nNo items\nApologies for Absence\nIan Logan (IL)\nApproval of Previous Minutes\nApproved – PW Seconded – KC\n",
			items: []string{"1|Police Report", "2|Open Forum", "3|Apologies for Absence", "4|Approval of Previous Minutes"},
		},
		{
			name:  "a number split off its heading in a long run-together line",
			text:  caseHead + "3074.   Clarification re boundary changes to community councils:  Cllr Richards had asked for clarification relating to the merging of community councils in the area.  The Clerk has spoken to the association.  They are still awaiting guidance.\n3075. Litter Bins in the village:  There has been an issue recently.\n",
			items: []string{"3074|Clarification re boundary changes to community councils", "3075|Litter Bins in the village"},
		},
	})
}

// TestWrappedHeadings joins headings printed over two or three lines, and
// leaves one-line headings alone.
// TestSectionsAndBusiness: a bare section heading's headed sub-items, each
// with text of its own, are items after it; numbered paragraphs, a
// section with text of its own, and a list under one motion fold.
func TestSectionsAndBusiness(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name:  "a bare section of reports, each with its resolution",
			text:  "KOWHAI DISTRICT COUNCIL\nMinutes of the Ordinary Council Meeting held on 6 May 2025 at 9.30am\n\nPresent: Mayor Rua Tane (Chair), Cr Mere Hohaia, Cr Ian Boyce\n\n1 APOLOGIES\nNil.\n\n2 GENERAL ITEMS\n2.1 Dog Control Policy Review\nRESOLUTION 2025/11\nMoved: Cr Hohaia Seconded: Cr Boyce\nThat Council adopt the revised Dog Control Policy.\nCARRIED\n2.2 Library Opening Hours\nRESOLUTION 2025/12\nMoved: Cr Boyce Seconded: Cr Hohaia\nThat the winter opening hours be retained.\nCARRIED\n\n3 CLOSURE\nThe meeting closed at 11.05am.\n",
			items: []string{"1|APOLOGIES", "2|GENERAL ITEMS", "2.1|Dog Control Policy Review", "2.2|Library Opening Hours", "3|CLOSURE"},
			check: func(t *testing.T, m *Meeting) {
				if n := len(m.Items[2].Resolutions) + len(m.Items[3].Resolutions); n != 2 || len(m.Items[1].Resolutions) != 0 {
					t.Errorf("resolutions: section %d, reports %d; want 0 and one each", len(m.Items[1].Resolutions), n)
				}
			},
		},
		{
			name:  "numbered paragraphs under a parish heading fold",
			text:  caseHead + "4.0 Highways\n4.1 The clerk reported that the gully on Mill Lane is blocked again.\n4.2 Clerk to write to the county about the footway.\n\n5.0 Finance\n5.1 The payments list was approved.\n\n6.0 Close\nThe meeting closed at 9pm.\n",
			items: []string{"4.0|Highways", "5.0|Finance", "6.0|Close"},
		},
		{
			name:  "a section with text of its own keeps its sub-items",
			text:  caseHead + "7. Planning\nThe chair introduced the applications below.\n7.1 Barn conversion, Hill Farm\nNo objection.\n7.2 Extension, 4 Church Row\nNo objection.\n\n8. Close\nClosed at 9pm.\n",
			items: []string{"7|Planning", "8|Close"},
		},
		{
			name:  "a consent list under one motion folds",
			text:  "BRIAR CREEK IRRIGATION DISTRICT\nMINUTES OF THE REGULAR BOARD MEETING\nJune 9, 2025\n\nPresent: President Lola Vance, Directors Tim Orr, Ana Ruiz\n\n1. CALL TO ORDER\nPresident Vance called the meeting to order at 6:00 p.m.\n\n2. CONSENT CALENDAR\n2.1 Minutes of May 12, 2025\n2.2 Warrants for May 2025\n2.3 Treasurer's Report\nDirector Orr moved, seconded by Director Ruiz, to approve the Consent Calendar. Motion carried 3-0.\n\n3. ADJOURNMENT\nThe meeting adjourned at 6:45 p.m.\n",
			items: []string{"1|CALL TO ORDER", "2|CONSENT CALENDAR", "3|ADJOURNMENT"},
		},
		{
			name:  "lettered business under a bare numbered section",
			text:  caseHead + "5. Housing Directorate\n(a) Part 8 Procedure – Four Houses at Mill Road, Carrow\nCirculated, the report of the Senior Engineer on the proposed houses was considered at length.\n(b) Tenant Purchase Scheme Review\nThe Director of Services outlined the changes to the scheme for members.\n\n6. Close\nThe meeting closed at 9pm.\n",
			items: []string{"5|Housing Directorate", "5(a)|Part 8 Procedure – Four Houses at Mill Road, Carrow", "5(b)|Tenant Purchase Scheme Review", "6|Close"},
		},
		{
			name:  "lettered notes under a section stay its text",
			text:  caseHead + "5. Planning\n(a) The clerk reported two applications received since the last meeting\nBoth had been circulated to members by email.\n(b) No objection was raised to the barn conversion\nThe clerk will respond to the planning authority.\n\n6. Close\nThe meeting closed at 9pm.\n",
			items: []string{"5|Planning", "6|Close"},
		},
		{
			name:  "numbered business under bare Roman sections",
			text:  "MILLBROOK WATER AUTHORITY\nBOARD OF DIRECTORS MINUTES\nApril 2, 2025\n\nI. CALL TO ORDER\nPresident Hale called the meeting to order at 6:00 p.m.\n\nII. ACTION ITEMS\n1. Pump Station Rehabilitation\nDirector Kim moved to award the contract to Delta Pumps. Motion carried 4-0.\n2. Rate Study Scope\nThe Board directed staff to return with options at the May meeting.\n\nIII. ADJOURN\nThe meeting adjourned at 7:10 p.m.\n",
			items: []string{"I|CALL TO ORDER", "II|ACTION ITEMS", "1|Pump Station Rehabilitation", "2|Rate Study Scope", "III|ADJOURN"},
		},
	})
}

func TestWrappedHeadings(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name:  "capitals over two lines",
			text:  caseHead + "7. REVIEW OF THE COMMUNITY ASSET TRANSFER POLICY AND\nLEASING STRATEGY 2025/30\nThe Head of Property introduced the report.\n\n8. PUBLIC PARTICIPATION\nThere were no members of the public present.\n",
			items: []string{"7|REVIEW OF THE COMMUNITY ASSET TRANSFER POLICY AND LEASING STRATEGY 2025/30", "8|PUBLIC PARTICIPATION"},
		},
		{
			name:  "a title that ends on a function word",
			text:  caseHead + "12 Proposed Changes to the Scheme of Delegation for\nPlanning Applications\nMembers considered the report of the Head of Planning.\n\n13 Correspondence\nA letter from the Rugby Club thanking the Council for its grant.\n",
			items: []string{"12|Proposed Changes to the Scheme of Delegation for Planning Applications", "13|Correspondence"},
		},
		{
			name:  "a long title-case heading reaching the margin",
			text:  caseHead + "8. Award of Contract for Grounds Maintenance\nServices 2025-2030\n(Key Decision – Ref. KD/25/004)\nThe Cabinet Member for Environment introduced the report.\n\n9. Budget Monitoring\nThe Chief Finance Officer presented the report for the third quarter.\n",
			items: []string{"8|Award of Contract for Grounds Maintenance Services 2025-2030", "9|Budget Monitoring"},
		},
		{
			name:  "a scraped page that breaks headings after a word",
			text:  caseHead + "1            Apologies\nCommittee Resolution\nMoved: Cr Ian Sharp\nSeconded: Cr Ada Drew\nThat the apologies be accepted.\nCarried\n2            Declarations\nof Conflicts of Interest\nNone\n3            Standing\nOrders\nCommittee Resolution\nMoved: Cr Ben Holt\nSeconded: Cr Cara Penn\nThat standing orders be suspended.\nCarried\n4            Confirmation\nof Minutes\nCommittee Resolution\nMoved: Cr Ada Drew\nSeconded: Cr Ben Holt\nThat the minutes be confirmed.\nCarried\n5            Local\nGovernment Act Compliance – Planning and Accountability\nCouncil is required to make decisions in\naccordance with the Act.\n",
			items: []string{"1|Apologies", "2|Declarations of Conflicts of Interest", "3|Standing Orders", "4|Confirmation of Minutes", "5|Local Government Act Compliance – Planning and Accountability"},
		},
		{
			name:  "a scraped page that wraps its headings: the number alone, then a heading over two lines",
			text:  caseHead + "2.       Conflict\nof Interest Declarations\nThere were none.\n\n3.       Confirmation\nof Minutes of the meeting held on 7 February 2025\nThe minutes were confirmed.\n\n4.\nFollow-Ups From Previous Regional\nTransport Committee Meetings\nStock effluent disposal facility in\nthe north: the Chair had a discussion with the operator.\n\n5.\nShort Term Replacements for the 22\nFebruary 2025 Committee Meeting\nThat Libby Young be appointed for the meeting.\n",
			items: []string{"2|Conflict of Interest Declarations", "3|Confirmation of Minutes of the meeting held on 7 February 2025", "4|Follow-Ups From Previous Regional Transport Committee Meetings", "5|Short Term Replacements for the 22 February 2025 Committee Meeting"},
		},
		{
			name:  "body text and sub-paragraph labels are not part of a heading",
			text:  caseHead + "1. Apologies\nMr Malcolm Grief\n\n2. Matters Arising\ni) Allotments\nThe rents have been collected.\n\n3. Planning\nApplications were considered as follows.\n\n4. MINUTES\n4-A 2025-6389\nMinutes of the meeting of February 4, 2025 were approved.\n",
			items: []string{"1|Apologies", "2|Matters Arising", "3|Planning", "4|MINUTES"},
		},
		{
			name:  "a body sentence in lower case is not a heading's tail",
			text:  caseHead + "1. Parking\nthe committee would like to see the results of the parking survey when available\n\n2. Village Hall\nvice-chair to speak to the hall committee b4 next meeting\n",
			items: []string{"1|Parking", "2|Village Hall"},
		},
		{
			name: "a title set in a table's narrow column wraps in title case, over a bare section's parts",
			text: caseHead + "5            Report\nSection\n5.1         Finance\nand Planning Committee Work Programme Update\nPURPOSE\nThe purpose of this report is to update the committee.\n" +
				"Committee Resolution\nMoved:       Cr Ben Holt\nSeconded:  Cr\nCara Penn\nThat, having considered all matters raised in the\nreport, the report be noted.\nCarried\n" +
				"5.2         Quarterly\nFinancial Report\nPURPOSE\nThe purpose of this report is to present the figures.\nResolution\nMoved:       Cr Cara Penn\nSeconded:  Cr Ada Drew\n" +
				"That, having considered all matters raised in the report, the quarterly report be noted.\nCarried\n6            Date of Next Meeting\nThe next meeting will be on 1 April 2025.\n",
			items: []string{"5|Report Section", "5.1|Finance and Planning Committee Work Programme Update", "5.2|Quarterly Financial Report", "6|Date of Next Meeting"},
		},
		{
			name:  "a narrow column's title over a paragraph, a US board",
			text:  caseHead + "7.        Public\nWorks Department Report\nThe Director reported on the paving season.\n\n8.        Old\nBusiness\nThere was none.\n\n9.        Adjournment\nThe meeting adjourned at 9:10 p.m.\n",
			items: []string{"7|Public Works Department Report", "8|Old Business", "9|Adjournment"},
		},
		{
			name:  "a narrow column's title, then a sentence that starts in title case",
			text:  caseHead + "3.        Highways\nThe Clerk\nreported that the gully on Mill Lane had been cleared.\n\n4.        Finance\nNone.\n",
			items: []string{"3|Highways", "4|Finance"},
		},
		{
			name:  "a sentence broken after its first words is not a heading's tail",
			text:  caseHead + "1.       Welcome/Apologies/Notices\nThe Chairman\nwelcomed everyone to the meeting.\n\n2.       Conflict of Interest Declarations\nThere were no\nconflict of interest declarations.\n",
			items: []string{"1|Welcome/Apologies/Notices", "2|Conflict of Interest Declarations"},
		},
	})
}

// TestWrappers takes web and export wrappers off before the minutes are
// read.
func TestWrappers(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name:  "YAML front matter: the post's date and title are not the meeting's",
			text:  "---\ntitle: \"Parish Council Minutes March 2025\"\ndate: \"2025-04-20\"\ncategories:\n  - \"parish-councils\"\n---\n\nMinutes of Fernhill Parish Council Meeting held in the Village Hall\n\nAt 7.30pm on Tuesday 4 March 2025\n\nPresent: Cllr Ada Drew (Chair), Cllr Ben Holt\n\n1. Apologies\nNone.\n\n2. Finance\nThe accounts were approved.\n",
			items: []string{"1|Apologies", "2|Finance"},
			check: func(t *testing.T, m *Meeting) {
				if m.Date != (Date{2025, 3, 4}) {
					t.Errorf("date %v, want 2025-03-04 (the post's date is 2025-04-20)", m.Date)
				}
				if strings.Contains(m.Committee, "March") {
					t.Errorf("committee %q is the post's title", m.Committee)
				}
			},
		},
		{
			name:  "an HTML fragment on one line",
			text:  "Minutes of a meeting of Fernhill Community Council on Monday 3rd March 2025 at 7.00pm.<br /><br />Present:  Chairman Cllr Drew, Cllrs Holt, Penn.<br /><br />3064.Police Report:   Attached.<br /><br />3065.Financial Report:  Current A/C &pound;5,642.54.<br /><br />3066.   Planning Permissions:-<br />DM/2025/0101 - Barn conversion - no objection.<br /><br />3067.Date of next meeting:  31st March 2025.",
			items: []string{"3064|Police Report", "3065|Financial Report", "3066|Planning Permissions", "3067|Date of next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if b := m.Items[1].Body; !strings.Contains(b, "£5,642.54") || strings.Contains(b, "&pound;") {
					t.Errorf("entity not decoded: %q", b)
				}
				for _, it := range m.Items {
					if it.Line != 1 {
						t.Errorf("item %s on line %d, want 1 (the file has one line)", it.Number, it.Line)
					}
				}
				if m.NextMeeting != (Date{2025, 3, 31}) {
					t.Errorf("next meeting %v", m.NextMeeting)
				}
			},
		},
		{
			name:  "a decision's numbered parts that open with a verb of deciding are not items",
			text:  caseHead + "5. Flood Repairs\nThe Engineer presented the survey.\nThat the Council:\n1. Receives and notes the survey report.\n2. Agrees\nto fund the repairs from the flood reserve.\n3. Notes that the work will start in March.\nCARRIED\n\n6. Date of next meeting\n1 April 2025.\n",
			items: []string{"5|Flood Repairs", "6|Date of next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if n := len(m.Items[0].Resolutions); n != 3 {
					t.Errorf("%d resolutions, want one per part: %+v", n, m.Items[0].Resolutions)
				}
			},
		},
		{
			name:  "a council no heading names is read from the text when it is named again and again",
			text:  "JOINT POLICING COMMITTEE\nMinutes of the meeting held on Friday 7 March 2025 at 10.00am\n\n1. Welcome\nThe Chair welcomed members on behalf of Carrow City and County Council.\n\n2. Speeding\nCarrow City and County Council will install two speed signs. The Garda thanked Carrow City and County Council and Dunmore District Council for their help.\n\n3. Next meeting\n6 June 2025.\n",
			items: []string{"1|Welcome", "2|Speeding", "3|Next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if m.Council != "Carrow City and County Council" {
					t.Errorf("council %q, want the one the text names three times", m.Council)
				}
				if !slices.ContainsFunc(m.Warnings, func(w Warning) bool { return strings.Contains(w.Msg, "read from the text") }) {
					t.Errorf("no warning that the council was read from the text: %+v", m.Warnings)
				}
			},
		},
		{
			name:  "two councils named as often: neither is guessed",
			text:  "JOINT POLICING COMMITTEE\nMinutes of the meeting held on Friday 7 March 2025 at 10.00am\n\n1. Welcome\nMembers of Carrow City Council and Dunmore District Council attended.\n\n2. Speeding\nCarrow City Council and Dunmore District Council will share the cost; Carrow City Council and Dunmore District Council will report back.\n\n3. Next meeting\n6 June 2025.\n",
			items: []string{"1|Welcome", "2|Speeding", "3|Next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if m.Council != "" {
					t.Errorf("council %q guessed between two named as often", m.Council)
				}
			},
		},
		{
			name:  "HTML ordered lists keep their numbers, from their start attribute",
			text:  "<p>Minutes of a meeting of Oakridge Parish Council held on Tuesday 6th May 2025 at 7.30pm</p><p>Present: Cllr Tom Ince (Chair), Cllr Ruth Abbot</p><ol><li><strong>Apologies</strong></li></ol><p>None.</p><ol start=\"2\"><li><strong>Play area</strong></li><li></li></ol><p>The new swings were approved.</p><ol start=\"4\"><li><strong>Items for the next agenda</strong></li></ol><ul><li>Bus shelter</li><li>Allotment rents</li></ul>",
			items: []string{"1|Apologies", "2|Play area", "4|Items for the next agenda"},
			check: func(t *testing.T, m *Meeting) {
				if n := len(m.Items[2].FollowUps); n != 2 {
					t.Errorf("%d follow-ups from the bulleted agenda list, want 2: %+v", n, m.Items[2].FollowUps)
				}
			},
		},
		{
			name:  "a Markdown table that holds the minutes",
			text:  "## Ashcombe Parish Council\n\n### Minutes of the Parish Council meeting held on Tuesday 11th March 2025 at 7.15pm\n\n| | |\n|---|---|\n| **Present:** | Cllr Robin East (Chair), Cllr Jo Fair |\n\n| Minute | Item | Discussion and decision | Action |\n|---|---|---|---|\n| **25/01** | **Declarations of interest** | None. | |\n| **25/02** | **Playground** | The resurfacing quote was accepted. Clerk to place the order. | Clerk |\n| **25/03** | **Date of next meeting** | Tuesday 8th April 2025 at 7.15pm. | |\n",
			items: []string{"25/01|Declarations of interest", "25/02|Playground", "25/03|Date of next meeting"},
			check: func(t *testing.T, m *Meeting) {
				if len(m.Items[1].Actions) == 0 {
					t.Errorf("the task in the table's discussion cell is lost: %q", m.Items[1].Body)
				}
			},
		},
		{
			name:  "an action log table is not the minutes' items",
			text:  caseHead + "1. Action log\nThe Committee reviewed the log:\n| Ref | Action | Owner | Due |\n|---|---|---|---|\n| AG/16 | Invite the Fleet Manager to the November meeting | Clerk | 26/11/2025 |\n| AG/17 | Re-assess the cyber risk | Risk Manager | 26/11/2025 |\n\n2. Date of next meeting\n1 April 2025.\n",
			items: []string{"1|Action log", "2|Date of next meeting"},
		},
	})
}

// TestMinutesBounds finds the minutes inside a file that holds more: an
// agenda before them, a contents list, a second meeting after them.
func TestMinutesBounds(t *testing.T) {
	runItemCases(t, []itemCase{
		{
			name:  "the agenda printed before the minutes",
			text:  "FERNHILL PARISH COUNCIL\n\nYou are hereby summoned to attend the meeting of the Parish Council on Tuesday 4th March 2025 at 7.30pm.\n\nAGENDA\n1. To receive apologies for absence\n2. To approve the minutes of the last meeting\n3. To consider planning applications\n\nMINUTES OF THE MEETING OF FERNHILL PARISH COUNCIL HELD ON TUESDAY 4TH MARCH 2025 AT 7.30PM\n\nPresent: Cllr Ada Drew (Chair), Cllr Ben Holt\n\n31/25 Apologies – Cllr Cara Penn.\n32/25 Minutes – the minutes of 4th February were approved and signed.\n33/25 Planning – no applications had been received.\n",
			items: []string{"31/25|Apologies", "32/25|Minutes", "33/25|Planning"},
		},
		{
			name:  "a contents list that repeats the sections",
			text:  "Board of Directors\nMinutes of the Regular Meeting, March 4, 2025\n\nAGENDA ITEMS\nI.     Call to Order\nII.    Roll Call\nIII.   Consent Calendar\nIV.    Adjourn\n\nI.     CALL TO ORDER\nPresident Costa called the meeting to order at 6:00 p.m.\n\nII.    ROLL CALL\nDirectors present: Ted Costa, Mike Rae.\n\nIII.   CONSENT CALENDAR\n1. Minutes of the February meeting\n2. Treasurer's report\nDirector Rae moved to approve the consent calendar. The motion carried.\n\nIV.    ADJOURN\nThe meeting was adjourned at 7:12 p.m.\n",
			items: []string{"I|CALL TO ORDER", "II|ROLL CALL", "III|CONSENT CALENDAR", "IV|ADJOURN"},
		},
		{
			name:  "two meetings in one file: the first is read, with a warning",
			text:  "ANNUAL MEETING\n\nPresent:  Cllrs Shaw, Evans, Moss.\n\n824. Election of Chairman:  Cllr Evans, proposed by Cllr Moss, seconded by Cllr Shaw.\n\n825. Apologies for absence:  Cllr Parr.\n\nMeeting closed at 6.55pm.\n\nORDINARY MEETING\n\nPresent:  Cllrs Shaw, Evans, Moss.\n\n3503. Police Reports:  Attached.\n\n3504. Apologies for absence:  Cllr Parr.\n\n3505. Correspondence:  None.\n\n3506. Date of next meeting:  26th June 2025.\n",
			items: []string{"824|Election of Chairman", "825|Apologies for absence"},
			check: func(t *testing.T, m *Meeting) {
				warned := false
				for _, w := range m.Warnings {
					warned = warned || strings.Contains(w.Msg, "second meeting")
				}
				if !warned {
					t.Errorf("no warning that a second meeting follows: %v", m.Warnings)
				}
			},
		},
		{
			name:  "signature labels end the minutes; the statutory notes after them are not records",
			text:  "TOWNSHIP OF ELDER\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nTuesday, February 3, 2026\n\nPresent: Reeve Ann Pike, Councillors Lee Shaw and Tom Marr.\n\n1. ADOPTION OF AGENDA\nMoved by Councillor Shaw, Seconded by Councillor Marr\nTHAT the agenda be adopted as presented.\nCarried.\n\n2. ADJOURNMENT\nTHAT Council adjourns at 8:22 p.m.\nCarried.\n\nReeve:                                    Clerk-Treasurer:\n\n______________________________            ______________________________\nAnn Pike                                  Kim West\n\nMinutes prepared as per Section 228 (1)(a) of the Municipal Act.\nClerk to record, without note or comment, all resolutions, decisions and other proceedings of the council.\nStaff to ensure the adopted minutes are posted to the Township website.\n",
			items: []string{"1|ADOPTION OF AGENDA", "2|ADJOURNMENT"},
			check: func(t *testing.T, m *Meeting) {
				for _, it := range m.Items {
					if len(it.Actions) > 0 {
						t.Errorf("item %s has actions from the statutory notes: %+v", it.Number, it.Actions)
					}
				}
			},
		},
		{
			name:  "the minutes' own closing is not a second meeting",
			text:  caseHead + "1. Apologies\nNone.\n\n2. Date of next meeting\nThe next meeting will be held on 1 April 2025.\n\nThe meeting closed at 9.02pm.\n\nMinutes of the previous meeting are available from the Clerk.\n",
			items: []string{"1|Apologies", "2|Date of next meeting"},
			check: func(t *testing.T, m *Meeting) {
				for _, w := range m.Warnings {
					if strings.Contains(w.Msg, "second meeting") {
						t.Errorf("warned of a second meeting: %v", w)
					}
				}
			},
		},
	})
}

// factCase is an invented set of minutes and the meeting facts a clerk
// would take from it; "" is unknown.
type factCase struct {
	name, file, text              string
	date, start, end, nextMeeting string
}

// TestMeetingFacts reads the meeting's date, times and next meeting in the
// ways minutes state them.
func TestMeetingFacts(t *testing.T) {
	body := "\n\n1. Apologies\nNone.\n\n2. Finance\nThe accounts were approved.\n"
	cases := []factCase{
		{name: "call to order beats the advertised time",
			text: "MINUTES\nBOARD OF DIRECTORS\nMarch 4, 2025\n5:30 PM\n\nI. Call to Order\nChair Orr called the meeting to order at 5:34 p.m.\n\nII. Adjourn\nChair Orr adjourned the meeting at 7:13 p.m.\n",
			date: "2025-03-04", start: "17:34", end: "19:13"},
		{name: "the call to order's time on the next line",
			text: "BRACKEN TOWNSHIP\nREGULAR MEETING MINUTES\nJune 10, 2025\n\nI. CALL TO ORDER\nSupervisor Lund called the regular meeting of the Township Board to order at\n7:00 p.m. at the Township Hall.\n\nII. ADJOURNMENT\nMotion by Trustee Hart, supported by Trustee Crane, to adjourn at 8:14 p.m. Motion carried 6-0.\n\nRespectfully submitted,\nPia Crane, Township Clerk\n\nNext regular meeting: July 8, 2025 at 7:00 p.m.\n",
			date: "2025-06-10", start: "19:00", end: "20:14", nextMeeting: "2025-07-08"},
		{name: "convened and adjourned, US style",
			text: "MINUTES OF THE REGULAR MEETING OF THE PLANNING BOARD\nMONDAY - - - JANUARY 13, 2025 - - - 7:00 P.M.\n\n1. CONVENE\nPresident Sully convened the meeting at 7:02pm.\n\n2. ROLL CALL\nPresent: Board members Ames, Cole.\n\n3. ADJOURNMENT\nPresident Sully adjourned the meeting at 8:09pm.\n",
			date: "2025-01-13", start: "19:02", end: "20:09"},
		{name: "the time on the line under the heading date",
			text: "AYLING COMMUNITY COUNCIL\nMinutes of a Meeting held on Tuesday 1 May 2025\nat 7.00pm in the Community Hall\n\nPresent: Cllr Ada Drew (Chair), Cllr Ben Holt" + body + "\nThe meeting closed at 8.40pm.\n",
			date: "2025-05-01", start: "19:00", end: "20:40"},
		{name: "a date broken over two lines, the time after it",
			text: "MINUTES OF Tawhiti District Council\nHELD AT THE Council Chamber\nON Thursday, 27\nFebruary 2025 AT 9.00am\n\nPRESENT: Mayor Ana Kent" + body + "\nThe Meeting closed at 11.34am.\n",
			date: "2025-02-27", start: "09:00", end: "11:34"},
		{name: "a time label and a close with no am/pm after an evening start",
			text: "Minutes of Regional Transport Committee\nDate:    Friday 21 February 2025\nTime:    10.15am\n\nPresent: Cr Ann Dick (Chair)" + body + "\nThere being no further business the Chairman declared the meeting closed at 12.20pm.\n",
			date: "2025-02-21", start: "10:15", end: "12:20"},
		{name: "closed at a time without am or pm",
			text: "Minutes of a meeting of the above Council held on Monday 24th February 2025 at 7pm\n\nPresent: Cllr Ada Drew (Chair)" + body + "\nThere being no further business the meeting closed at 8.57.\n",
			date: "2025-02-24", start: "19:00", end: "20:57"},
		{name: "a space after the time's point",
			text: "ANNUAL MEETING of Fernhill Community Council, 19th May 2025 at 6.30pm\n\nPresent: Cllrs Shaw, Evans" + body + "\nMeeting closed at 6. 55pm.\n",
			date: "2025-05-19", start: "18:30", end: "18:55"},
		{name: "a span in the header",
			text: "Brackenshire Health and Wellbeing Board\nMinutes of the meeting held on Thursday 11 December 2025, 2.00 pm – 4.10 pm\n\nPresent: Cllr Ada Drew (Chair)" + body,
			date: "2025-12-11", start: "14:00", end: "16:10"},
		{name: "an adjournment into closed session and the session's close",
			text: "MINUTES\nAudit Committee\nThursday, July 10, 2025\n\nA. Call to Order\nCommittee Chair Orr called the meeting to order at 2:01 p.m.\n\nB. Executive Session\nThe Executive Session was called to order at 2:10 p.m.\nThe Executive Session was adjourned at 2:57 p.m.\n\nC. Adjourn\nCommittee Chair Orr adjourned the main meeting into Executive Session at 2:07 p.m.\n",
			date: "2025-07-10", start: "14:01", end: "14:57"},
		{name: "OCR ordinals in the dates",
			text: "Minutes of the meeting of the Ballymoran Municipal District held in the Area Office on Monday, 3* February 2025 at 10.00 a.m.\n\nPresent: Cllr S. Mulcahy (Cathaoirleach)" + body + "\nNext Meeting: Monday 3* March 2025 at 10.00 a.m.\n",
			date: "2025-02-03", start: "10:00", nextMeeting: "2025-03-03"},
		{name: "the heading's 'minutes of a meeting held on' is this meeting",
			text: "Minutes of a Board meeting held on 4th March, 2025.\n\nPresent: Mr A. Drew (Chair), Mr B. Holt" + body + "\nThe next meeting will be held on 1st April, 2025.\n",
			date: "2025-03-04", nextMeeting: "2025-04-01"},
		{name: "the previous minutes' date is not the meeting's",
			text: "Fernhill Parish Council\nMeeting of the Parish Council held at the Village Hall\n\nPresent: Cllr Ada Drew (Chair)\n\n1. Minutes\nThe minutes of the meeting held on 4 February 2025 were approved.\n\n2. Date of next meeting\nTuesday 1st April.\n",
			file: "2025-03-04 Fernhill PC minutes.txt", date: "2025-03-04", nextMeeting: "2025-04-01"},
		{name: "no date in the text: the file name's",
			text: "Present:  Cllrs Shaw, Evans, Moss.\n\n3786.\tPolice Report:  Attached.\n3787.\tApologies for absence:  Cllr Parr.\n3788.\tDate of next meeting:  25th November.\n",
			file: "20241028.txt", date: "2024-10-28", nextMeeting: "2024-11-25"},
		{name: "a next meeting stated twice: the later statement counts",
			text: caseHead + "1. Chair's business\nThe Chair said the next meeting was scheduled for 7th June 2025. As this clashes with the county show,\nthe next meeting would take place instead on Friday, 25th April, 2025.\n\n2. Finance\nThe accounts were approved.\n",
			date: "2025-03-04", start: "19:30", nextMeeting: "2025-04-25"},
		{name: "another body's next meeting is not this one's",
			text: caseHead + "1. Rail\nThe operator will consider the request at their next meeting on 27 March.\n\n2. Date of next meeting\nThe next meeting will be held on 1 April 2025.\n",
			date: "2025-03-04", start: "19:30", nextMeeting: "2025-04-01"},
		{name: "to meet again",
			text: "TOWNSHIP OF ARDELL\nREGULAR MEETING OF COUNCIL\nTuesday, October 7, 2025 – 7:00 p.m.\n\nPresent: Reeve Ida Lach" + body + "\nTHAT Council adjourns at 8:22 p.m. to meet again on October 21, 2025 at 7:00 p.m. CARRIED\n",
			date: "2025-10-07", start: "19:00", end: "20:22", nextMeeting: "2025-10-21"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := c.file
			if name == "" {
				name = "minutes.txt"
			}
			m, err := ParseBytes([]byte(c.text), Options{Name: name, KnownMinutes: true})
			if err != nil {
				t.Fatal(err)
			}
			got := [4]string{m.Date.String(), m.Start, m.End, m.NextMeeting.String()}
			want := [4]string{c.date, c.start, c.end, c.nextMeeting}
			if got != want {
				t.Errorf("date, start, end, next meeting:\n  got  %q\n  want %q", got, want)
			}
		})
	}
}

// TestBodyNames reads who met: the council and the committee (for a
// meeting of the council itself, the council's name).
func TestBodyNames(t *testing.T) {
	body := "\n\nPresent: Cllr Ada Drew (Chair), Cllr Ben Holt\n\n1. Apologies\nNone.\n\n2. Finance\nThe accounts were approved.\n"
	cases := []struct{ name, text, council, committee string }{
		{"an ordinary meeting of council under the shire's name",
			"SHIRE OF MALLEE FLATS\nMINUTES OF THE ORDINARY COUNCIL MEETING HELD IN THE COUNCIL CHAMBERS ON WEDNESDAY 19 NOVEMBER 2025" + body,
			"Shire of Mallee Flats", "Shire of Mallee Flats"},
		{"a township's corporation",
			"THE CORPORATION OF THE TOWNSHIP OF SOUTH ARDELL\nMINUTES OF THE REGULAR MEETING OF COUNCIL\nTuesday, October 7, 2025 – 7:00 p.m." + body,
			"Township of South Ardell", "Township of South Ardell"},
		{"a district council's meeting of council",
			"RANGIORA PLAINS DISTRICT COUNCIL\nMINUTES OF THE ORDINARY MEETING OF COUNCIL HELD ON WEDNESDAY 27 AUGUST 2025" + body,
			"Rangiora Plains District Council", "Rangiora Plains District Council"},
		{"a water district's board",
			"CLEARWELL VALLEY WATER DISTRICT\nMINUTES OF THE REGULAR MEETING OF THE BOARD OF DIRECTORS\nThursday, January 15, 2026" + body,
			"Clearwell Valley Water District", "Board of Directors"},
		{"the body under MINUTES, below a board's masthead",
			"Northern Transit District\n\nBoard of Directors\nChair – Ida Orr, District G\n\nMINUTES\nAudit Committee\nThursday, July 10, 2025" + body,
			"Northern Transit District", "Audit Committee"},
		{"a city's board, the phrase wrapped",
			"APPROVED MINUTES\nREGULAR MEETING OF THE\nCITY OF BAYPORT PLANNING BOARD\nMONDAY, JANUARY 12, 2026" + body,
			"City of Bayport", "Planning Board"},
		{"the date and weekday after the committee's name",
			"Carrow Borough Council\nMinutes:\nLicensing and Regulatory Committee, Tuesday, 17th March, 2026 6.30 pm" + body,
			"Carrow Borough Council", "Licensing and Regulatory Committee"},
		{"a council named in a sentence is not the council",
			"Minutes of a meeting of the above Council on Monday 26th April 2021 at 7.00pm.\n\nPresent: Cllrs Shaw, Evans\n\n1. Planning\nIf there are proposals associated with the application the Council should discuss them.\n\n2. Correspondence\nA letter to the Borough Council was agreed.\n",
			"", ""},
		{"a kind of meeting is not a council's name",
			"ORDINARY COUNCIL MEETING MINUTES\n5 FEBRUARY 2026\nMINUTES OF TAHURI DISTRICT COUNCIL\nORDINARY COUNCIL MEETING" + body,
			"Tahuri District Council", "Tahuri District Council"},
		{"an annual meeting of the parish council",
			"MINUTES OF ELMSTEAD PARISH COUNCIL AGM MEETING HELD AT THE VILLAGE HALL ON TUESDAY MAY 5th 2026" + body,
			"Elmstead Parish Council", "Elmstead Parish Council"},
		{"a council of the city of",
			"CITY OF RIVERTON\nOFFICIAL MINUTES\nA REGULAR MEETING OF THE COUNCIL OF THE CITY OF RIVERTON, OREGON WAS HELD THIS 14TH DAY OF JANUARY, 2026" + body,
			"City of Riverton", "Riverton City Council"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := ParseBytes([]byte(c.text), Options{Name: "minutes.txt", KnownMinutes: true})
			if err != nil {
				t.Fatal(err)
			}
			if m.Council != c.council || m.Committee != c.committee {
				t.Errorf("council %q, committee %q; want %q, %q", m.Council, m.Committee, c.council, c.committee)
			}
		})
	}
}

// TestMinutesOrNot keeps short real-looking minutes from being refused,
// and agendas and reports from being taken for minutes.
func TestMinutesOrNot(t *testing.T) {
	cases := []struct {
		name, text string
		minutes    bool
	}{
		{"a committee's short minutes with lettered sections and nothing decided",
			"MINUTES\nFinance Committee\nThursday, July 10, 2025\nREMOTE MEETING\n2:00 PM\n\nA. Call to Order\nCommittee Chair Orr called the meeting to order at 2:01 p.m.\nAttendee Name\nTitle\nStatus\nIda Orr\nCommittee Chair\nRemote\n\nB. Public Comment\nNone.\n\nC. Recommended Actions\nNone.\n\nD. Next Meeting Date - Thursday, September 11, 2025\n\nE. Adjourn\nCommittee Chair Orr adjourned the meeting at 2:40 p.m.\n",
			true},
		{"the agenda for the same meeting",
			"AGENDA\nFinance Committee\nThursday, July 10, 2025\n2:00 PM\n\nA. Call to Order\nB. Public Comment\nC. Recommended Actions\nFor the Committee to approve the audit plan.\nD. Discussion Items\nE. Next Meeting Date - Thursday, September 11, 2025\nF. Adjourn\n",
			false},
		{"a newspaper's report of a meeting",
			"Council backs new playground\n\nThe Mayor opened the meeting at 7.30pm on Tuesday and councillors spent an hour on the playground plans before the meeting closed at 9.15pm. Residents who spoke were pleased with the outcome, the paper understands, and work should start in the spring.\n",
			false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseBytes([]byte(c.text), Options{Name: "doc.txt"})
			if got := err == nil; got != c.minutes {
				t.Errorf("read as minutes: %v, want %v (err %v)", got, c.minutes, err)
			}
		})
	}
}
