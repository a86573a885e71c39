package minutes

import (
	"reflect"
	"strings"
	"testing"
)

// TestAttendanceShapes reads attendance written in the many ways councils
// print it. Each case is an invented header; the meeting around it is the
// same.
func TestAttendanceShapes(t *testing.T) {
	cases := []struct {
		name   string
		header string
		want   Attendance
	}{
		{
			name:   "office-holder lines with the names in brackets, then the members",
			header: "Present:\nThe Chairman (Councillor Rowan Tate) (presiding)\nThe Vice-Chairman (Councillor Idris Moyle)\nCouncillors Ana Brook, Ciaran Frey and Sela Ostby",
			want:   Attendance{Chair: "Rowan Tate", Present: []string{"Rowan Tate", "Idris Moyle", "Ana Brook", "Ciaran Frey", "Sela Ostby"}},
		},
		{
			name:   "office-holder lines run together with no blank line",
			header: "PRESENT: The Mayor (Councillor Jo Penhale) (in the Chair), The Deputy Mayor (Councillor Tam Oduya), Councillors Bea Lusk, Col Varty",
			want:   Attendance{Chair: "Jo Penhale", Present: []string{"Jo Penhale", "Tam Oduya", "Bea Lusk", "Col Varty"}},
		},
		{
			name:   "offices with the names in brackets among officials",
			header: "Officials in attendance: Director of Services, Roads and Transport (Mr. P. Ryan), Meetings Administrator (Ms. A. Quirke) and Senior Engineer, Water (Mr. T. Nolan).",
			want:   Attendance{InAttendance: []string{"P. Ryan", "A. Quirke", "T. Nolan"}},
		},
		{
			name:   "a name and its role in columns",
			header: "Members present:\nCouncillor Mira Quarrie (Chair)      Portfolio Holder for Parks and Leisure\nPetra Vane (PV)                    Vice-Chair\nOwen Dray                          Member",
			want:   Attendance{Chair: "Mira Quarrie", Present: []string{"Mira Quarrie", "Petra Vane", "Owen Dray"}},
		},
		{
			name:   "a run-on attendance line with initials and roles",
			header: "Attendance: Cllr Oren Pask OP Chair Cllr Ada Shaw AS Vice Chair Cllr Ben Rudd BR",
			want:   Attendance{Chair: "Oren Pask", Present: []string{"Oren Pask", "Ada Shaw", "Ben Rudd"}},
		},
		{
			name:   "the chair's office before the name",
			header: "Present: Chairperson Aroha Kent, Deputy Chairperson Rawiri Pene, Mayor Tania Ruru, Councillors Mere Hohaia and Jon Tait",
			want:   Attendance{Chair: "Aroha Kent", Present: []string{"Aroha Kent", "Rawiri Pene", "Tania Ruru", "Mere Hohaia", "Jon Tait"}},
		},
		{
			name:   "the Irish chair's title after the name",
			header: "PRESENT IN THE CHAIR: Councillor S. Mulcahy, Cathaoirleach\nMEMBERS PRESENT: Councillors Brosnan, Flynn (A), Flynn (R) and Quille",
			want:   Attendance{Chair: "S. Mulcahy", Present: []string{"S. Mulcahy", "Brosnan", "Flynn (A)", "Flynn (R)", "Quille"}},
		},
		{
			name:   "dotted initials and a final ampersand",
			header: "Present: Councillors J.K. Orme, P.L. Voss, S Pellow, & T Quell",
			want:   Attendance{Present: []string{"J.K. Orme", "P.L. Voss", "S Pellow", "T Quell"}},
		},
		{
			name:   "US titles before a list come off every name",
			header: "Present: Councilors Ruth Abebe, Sam Tollefson and Councilmember Priya Mehta\nAldermen present: Hale and Quint",
			want:   Attendance{Present: []string{"Ruth Abebe", "Sam Tollefson", "Priya Mehta", "Hale", "Quint"}},
		},
		{
			name:   "the mayor pro tem is the deputy, not the chair",
			header: "Present: Councilmembers Ibsen, Karr and Mayor Pro Tem Dutta",
			want:   Attendance{Present: []string{"Ibsen", "Karr", "Dutta"}},
		},
		{
			name:   "a roll call answered name by name",
			header: "Roll call: Pelham – present, Ostrowski – present, Achebe – absent, Lindqvist – excused",
			want:   Attendance{Present: []string{"Pelham", "Ostrowski"}, Absent: []string{"Achebe"}, Apologies: []string{"Lindqvist"}},
		},
		{
			name:   "a roll call with the answers in a column",
			header: "Roll Call\nSupervisor Hollis        Present\nSupervisor Nakamura      Present\nSupervisor Osei          Absent",
			want:   Attendance{Present: []string{"Hollis", "Nakamura"}, Absent: []string{"Osei"}},
		},
		{
			name:   "a table marking each person under a status column",
			header: "Trustee            Present    Absent\nAda Finch          X\nLeon Marsh         X\nIvo Kranjc                    X",
			want:   Attendance{Present: []string{"Ada Finch", "Leon Marsh"}, Absent: []string{"Ivo Kranjc"}},
		},
		{
			name:   "a warden chairs a county council",
			header: "Present: Warden Colm Brady (Chair), Deputy Warden Aine Kerr, Councillors P. Sandoval and R. Mbeki",
			want:   Attendance{Chair: "Colm Brady", Present: []string{"Colm Brady", "Aine Kerr", "P. Sandoval", "R. Mbeki"}},
		},
		{
			name:   "staff and visitors are not members",
			header: "Present: Mayor Dale Ferris, Councillors Ann Kove and Lee Brandt.\nStaff and visitors present: Sgt. Joel Marsh, O.P.P., Nina Cray and Phil Ostrom.",
			want:   Attendance{Chair: "Dale Ferris", Present: []string{"Dale Ferris", "Ann Kove", "Lee Brandt"}, InAttendance: []string{"Joel Marsh", "Nina Cray", "Phil Ostrom"}},
		},
		{
			name:   "an officer listed among those present",
			header: "Present: Cllrs R Dunne (Chair), M Fitch, S Orr\nClerk J Wilder\nMembers of the Public - Three",
			want:   Attendance{Chair: "R Dunne", Present: []string{"R Dunne", "M Fitch", "S Orr"}, InAttendance: []string{"J Wilder"}},
		},
		{
			name:   "an also-present councillor who chairs another body stays in attendance",
			header: "Present: Councillors Una Bright (Chair), Rhys Kemp\nAlso present: Councillor Tom Gale (Chairman, Planning Committee)",
			want:   Attendance{Chair: "Una Bright", Present: []string{"Una Bright", "Rhys Kemp"}, InAttendance: []string{"Tom Gale"}},
		},
		{
			name:   "labels first, then the lists, as two-column PDFs come out",
			header: "Present:\nApologies:\nIn attendance:\n\nCllr Ava Lund\nCllr Bo Marsh\n\nCllr Cy North\n\nDee Oakes (Clerk)",
			want:   Attendance{Present: []string{"Ava Lund", "Bo Marsh"}, Apologies: []string{"Cy North"}, InAttendance: []string{"Dee Oakes"}},
		},
		{
			name:   "a flattened table of labels and names",
			header: "| Present: | Cllr A. Strood (Chair), Cllr B. Keast |\n| Apologies: | Cllr C. Venn |",
			want:   Attendance{Chair: "A. Strood", Present: []string{"A. Strood", "B. Keast"}, Apologies: []string{"C. Venn"}},
		},
		{
			name:   "offices with bare names in brackets, a role wrapped and cut at its 'and'",
			header: "Officers: Head of Leisure Services (Marta Quill), Parks and Open\nSpaces Manager (Desmond Roe), Democratic Services Officer (Ilse Varga)",
			want:   Attendance{InAttendance: []string{"Marta Quill", "Desmond Roe", "Ilse Varga"}},
		},
		{
			name:   "initials in brackets after the offices, one office with a comma in it",
			header: "IN ATTENDANCE: Area Planning Manager (R. Ostley), Senior Planning Officer\n(J. Munn), Drainage Engineer, County Council (P. Hale), Solicitor (E. Barr)",
			want:   Attendance{InAttendance: []string{"R. Ostley", "J. Munn", "P. Hale", "E. Barr"}},
		},
		{
			name:   "a bracketed name broken over two lines",
			header: "Officers: Licensing Manager (Cato Brisk), Senior Environmental Health Officer (Wren\nAlby), Legal Adviser (Oona Pike).",
			want:   Attendance{InAttendance: []string{"Cato Brisk", "Wren Alby", "Oona Pike"}},
		},
		{
			name:   "an unlabelled paragraph of officers after the members present",
			header: "PRESENT\nMayor Tui Harawira (Chairperson), Deputy Mayor Ross Pell, Crs Ana Fua,\nDon Keel, Mele Tau\n\nChief Executive (Rua Kingi), Group Manager Assets (Iona Bell), Group\nManager Community Services (Sefa Lemi), Governance\nAdvisor (Pita Rewi)",
			want:   Attendance{Chair: "Tui Harawira", Present: []string{"Tui Harawira", "Ross Pell", "Ana Fua", "Don Keel", "Mele Tau"}, InAttendance: []string{"Rua Kingi", "Iona Bell", "Sefa Lemi", "Pita Rewi"}},
		},
		{
			name:   "the words of a department or a body are not people",
			header: "Present: Cllrs Una Pym, Otto Fenn, County Council, Economic Development\nIn attendance: Jo Tarr (Clerk), Risk\nAbsent: Ray Dunn, District F; Lee Cole, District B",
			want:   Attendance{Present: []string{"Una Pym", "Otto Fenn"}, InAttendance: []string{"Jo Tarr"}, Absent: []string{"Ray Dunn", "Lee Cole"}},
		},
		{
			name:   "names in one column and initials in the next, printed as two runs",
			header: "Present\n\nRosa Bell (Chair)\nGil Dunn\nPia Whitt\nMoss Carr (BDC)\n\nRB\nGD\nPWh\nMC\n\nTed Rix\nKit Vo\n\nTR\nKV",
			want:   Attendance{Chair: "Rosa Bell", Present: []string{"Rosa Bell", "Gil Dunn", "Pia Whitt", "Ted Rix", "Kit Vo"}, InAttendance: []string{"Moss Carr"}},
		},
		{
			name:   "names and initials by turns, one with its initials on its line, then the chair in a sentence",
			header: "Present:\nAnn Low\nAL\nNed Pask (WBC) NP\nKit Vo\nKV\nLena Ruiz\nLR\nThe Meeting was chaired by KV.\nItems\nAction",
			want:   Attendance{Chair: "Kit Vo", Present: []string{"Kit Vo", "Ann Low", "Lena Ruiz"}, InAttendance: []string{"Ned Pask"}},
		},
		{
			name:   "councillors of other councils at a community council",
			header: "Present: Chairman Cllr Oakes, Cllrs Pim, Roath, Sully, County Cllr Webley, the Clerk & Dan Voss, XCC Highways.",
			want:   Attendance{Chair: "Oakes", Present: []string{"Oakes", "Pim", "Roath", "Sully"}, InAttendance: []string{"Webley", "Dan Voss"}},
		},
		{
			name:   "a joint committee whose members each sit for their own council",
			header: "Present: Cr A Tane – ARC – Chair\nCr B Moss – BDC\nCr C Hale – CDC\nCr D Iti – DDC\nIn Attendance: E Pou – Chief Executive, ARC",
			want:   Attendance{Chair: "A Tane", Present: []string{"A Tane", "B Moss", "C Hale", "D Iti"}, InAttendance: []string{"E Pou"}},
		},
		{
			name:   "the clerk and a councillor of the county in a second present list",
			header: "Councillors present: Cllr. R. Tull – Chair (RT), Cllr. A. Venn (AV), Cllr. S. Dray\n\nPresent: Jo Marl –Interim Clerk and Cllr Ivo Trask - WCC.",
			want:   Attendance{Chair: "R. Tull", Present: []string{"R. Tull", "A. Venn", "S. Dray"}, InAttendance: []string{"Jo Marl", "Ivo Trask"}},
		},
		{
			name:   "an office after a name, set off by a comma",
			header: "Officials Present: Ms. R. Hale, Senior Executive Officer\n                   Ms. A. Moyne, Staff Officer (Meetings Administrator)",
			want:   Attendance{InAttendance: []string{"R. Hale", "A. Moyne"}},
		},
		{
			name:   "OCR'd titles",
			header: "Presiding: Clir Seán Ó Brolcháin, Cathaoirleach\nMembers Present: Clirs. B. Dorcey, M. Nevin",
			want:   Attendance{Chair: "Seán Ó Brolcháin", Present: []string{"Seán Ó Brolcháin", "B. Dorcey", "M. Nevin"}},
		},
		{
			name:   "the chair who called the meeting to order",
			header: "Present: Hana Voss, Committee Chair; Ivo Lind, Rafe Coy\n\nCommittee Chair Voss called the meeting to order at 2:01 p.m.",
			want:   Attendance{Chair: "Hana Voss", Present: []string{"Hana Voss", "Ivo Lind", "Rafe Coy"}},
		},
		{
			name:   "the meeting called to order by the mayor",
			header: "The meeting was called to order at 7:02 p.m. by Mayor Petra Lind.\nPresent: Mayor Petra Lind, Councilmembers Omar Fitch, Sue Dacre",
			want:   Attendance{Chair: "Petra Lind", Present: []string{"Petra Lind", "Omar Fitch", "Sue Dacre"}},
		},
		{
			name:   "in the chair, after the name",
			header: "Councillor Nia Thorne in the Chair\nPresent: Councillors Nia Thorne, Abe Rusk and Col Dunn",
			want:   Attendance{Chair: "Nia Thorne", Present: []string{"Nia Thorne", "Abe Rusk", "Col Dunn"}},
		},
		{
			name:   "presided",
			header: "Present: Cllrs Lyle, Marsh, Penn\nCllr Marsh presided.",
			want:   Attendance{Chair: "Marsh", Present: []string{"Marsh", "Lyle", "Penn"}},
		},
		{
			name:   "a clerk who is not chairing the meeting calls it to order",
			header: "Present: Cllrs Lyle, Marsh, Penn\nClerk Dora Finch called the meeting to order.",
			want:   Attendance{Present: []string{"Lyle", "Marsh", "Penn"}},
		},
		{
			name:   "attendance told in a sentence, with roles in lower case before the names",
			header: "Chair Ada Brill called the monthly meeting to order at 7 pm. Board members present were supervisors Ada Brill, Lon Vick, and Ivy Hart, treasurer Cal Dunn, clerk Rue Soto and guests Abe and Nan Orr, and Tom Pike. All present said the pledge.",
			want:   Attendance{Chair: "Ada Brill", Present: []string{"Ada Brill", "Lon Vick", "Ivy Hart"}, InAttendance: []string{"Cal Dunn", "Rue Soto", "Abe Orr", "Nan Orr", "Tom Pike"}},
		},
		{
			name:   "also present were",
			header: "Those present were Mayor Ona Reyes, Presiding; Commissioners Falk, Grau and Hume. Also present were staff Lia Moss and Ken Obi.",
			want:   Attendance{Chair: "Ona Reyes", Present: []string{"Ona Reyes", "Falk", "Grau", "Hume"}, InAttendance: []string{"Lia Moss", "Ken Obi"}},
		},
		{
			name:   "the following were present",
			header: "The Secretary took a roll call. The following directors were present in the Boardroom: Ted Amos, Rita Bloch, and Wes Carr.",
			want:   Attendance{Present: []string{"Ted Amos", "Rita Bloch", "Wes Carr"}},
		},
		{
			name:   "officers listed as present who move and vote are members",
			header: "Present: Supervisor Dale Ketter, Clerk Nan Holt, Treasurer Ray Oster, Trustees Pam Grey, Luis Yanez\nAlso present: Township Attorney Jill Soren",
			want:   Attendance{Present: []string{"Dale Ketter", "Pam Grey", "Luis Yanez", "Nan Holt"}, InAttendance: []string{"Ray Oster", "Jill Soren"}},
		},
		{
			name:   "offices with commas, two officers in one bracket, a bracket broken after its title",
			header: "OFFICIALS IN ATTENDANCE:\n\nDirector of Service, Roads, Parks and Shared Services (Mr. K. Lyne), Senior Engineer, Active Travel (Mr.\n\nS. Quirke), Senior Executive\n\nEngineers, Roads (Mr. M. Rook and Mr. L. Bane).",
			want:   Attendance{InAttendance: []string{"K. Lyne", "S. Quirke", "M. Rook", "L. Bane"}},
		},
		{
			name:   "groups under headings with no colon, roles in a second column",
			header: "BOARD OF DIRECTORS\nTess Arno                  President\nVic Lamb                   Vice President\nPia Orr                    Director\n\nMILLBROOK WATER DISTRICT MANAGEMENT AND STAFF\nRon Pell               General Manager\nIda Fane               Board Secretary/Administrative Assistant\n\nOTHER ATTENDEES\nJo Kim\nAl Burr                    Otter Creek Water District\n\nAGENDA ITEMS\nI.     Call to Order",
			want:   Attendance{Chair: "Tess Arno", Present: []string{"Tess Arno", "Vic Lamb", "Pia Orr"}, InAttendance: []string{"Ron Pell", "Ida Fane", "Jo Kim", "Al Burr"}},
		},
		{
			name:   "attendees with their roles in one list, an empty absent heading",
			header: "District Attendees\nMia Roe                      Board President\nEli Fry                      Board Member\nLou Nix                      General Manager\n\nOther Attendees\nPam Orr                      Visitor\n\nAbsent\n\n\nAGENDA ITEMS",
			want:   Attendance{Chair: "Mia Roe", Present: []string{"Mia Roe", "Eli Fry"}, InAttendance: []string{"Lou Nix", "Pam Orr"}},
		},
		{
			name:   "a role column wrapped onto lines of its own",
			header: "Present:\nCouncillor Ada Vell     Leader of the Council (Chair)\nCouncillor Bo Hart      Deputy Leader and Portfolio Holder for Finance and\n                        Resources\nCouncillor Cy Moor      Portfolio Holder for Regeneration, Planning and\n                        Economic Development",
			want:   Attendance{Chair: "Ada Vell", Present: []string{"Ada Vell", "Bo Hart", "Cy Moor"}},
		},
		{
			name:   "a roster above the minutes' title is not the attendance",
			header: "Board of Directors\nChair – Ula Benn, District G\nSecretary – Kit Sand, District A\nOla Dunn, District J\n\nMINUTES\nAudit Committee\n\nPresent: Ola Dunn (Committee Chair), Kit Sand",
			want:   Attendance{Chair: "Ola Dunn", Present: []string{"Ola Dunn", "Kit Sand"}},
		},
		{
			name:   "a title or an initial alone on its line, the name below",
			header: "Present:              Cr A J Tull – ARC – Chair\nCr\nK Pryce – BDC\nL\nYoung – CDC\nIn Attendance:          J\nPalmer – Chief Executive\nCr R Mally\n– BDC",
			want:   Attendance{Chair: "A J Tull", Present: []string{"A J Tull", "K Pryce", "L Young"}, InAttendance: []string{"J Palmer", "R Mally"}},
		},
		{
			name:   "a numbered attendance line, and people told present in a sentence",
			header: "1.            Those Attending:             Cllr J Amory-Lee (Chairman), Cllr Mrs D Pym (Vice-Chair), Cllr M Hale, Mrs C Dore (Clerk), 4 Members of the Public.   PCSO Tia Bloom was present for part of the meeting.",
			want:   Attendance{Chair: "J Amory-Lee", Present: []string{"J Amory-Lee", "D Pym", "M Hale"}, InAttendance: []string{"C Dore", "Tia Bloom"}},
		},
		{
			name:   "members present online told again with initials",
			header: "PRESENT: Nia Pell (Chair), Lesley Gant, Tracy Sott\n\nMs L Gant and Ms T Sott were in attendance virtually. Ann Orr and Bob Lye were also in attendance.",
			want:   Attendance{Chair: "Nia Pell", Present: []string{"Nia Pell", "Lesley Gant", "Tracy Sott"}, InAttendance: []string{"Ann Orr", "Bob Lye"}},
		},
		{
			name:   "an attendee table printed one cell a line",
			header: "Audit Committee\nChaired by Lena Ortiz\n\nRoll Call\nAttendee Name\nLena Ortiz\nBo Park\n\nTitle\nCommittee Chair\nDirector, District 4\n\nStatus\nRemote\nPresent\n\nArrived\n2:01 PM\n2:01 PM\n\nCal Reyes\nSia Mott\n\nDirector, District 2\nDirector, District 7\n\nAbsent\nExcused\n\nAlong with directors and senior staff there were 3 members of the public in attendance.",
			want:   Attendance{Chair: "Lena Ortiz", Present: []string{"Lena Ortiz", "Bo Park"}, Absent: []string{"Cal Reyes"}, Apologies: []string{"Sia Mott"}},
		},
		{
			name:   "a label OCR damaged, names and initials in runs",
			header: "PRESE/T\n\nRona Bett (Chair)\nGus Doyle\n\nRB\nGD\n\nThe meeting was preceded by a presentation.",
			want:   Attendance{Chair: "Rona Bett", Present: []string{"Rona Bett", "Gus Doyle"}},
		},
		{
			name:   "bilingual titles and chair",
			header: "Yn bresennol / Present: Cyng. / Cllrs Nia Parri (Cadeirydd / Chair), Iolo\nap Gruffydd, Sian Tudur\nYn mynychu / In attendance: Mrs Beca Lloyd (Clerc / Clerk)",
			want:   Attendance{Chair: "Nia Parri", Present: []string{"Nia Parri", "Iolo ap Gruffydd", "Sian Tudur"}, InAttendance: []string{"Beca Lloyd"}},
		},
		{
			name:   "a deputy listed first is not taken for the chair, nor the mayor after them",
			header: "PRESENT:              Cr Ivan Shore (Deputy Mayor)\nMayor Alma Wick\nCr Tim Aiken",
			want:   Attendance{Present: []string{"Ivan Shore", "Alma Wick", "Tim Aiken"}},
		},
		{
			name:   "the mayor convened the meeting",
			header: "Mayor Gale convened the meeting at 7:06 p.m.\nPresent:\nCouncilmembers Bonner, Tamm and\nMayor Gale – 3.",
			want:   Attendance{Chair: "Gale", Present: []string{"Gale", "Bonner", "Tamm"}},
		},
		{
			name:   "a treasurer among members given their offices",
			header: "Present: Ian Gill (Chair), Fay Rae (Vice Chair), Hal Dow (Treasurer), Cat Ure\nIn attendance: Sue Munn (Minute Secretary)",
			want:   Attendance{Chair: "Ian Gill", Present: []string{"Ian Gill", "Fay Rae", "Cat Ure", "Hal Dow"}, InAttendance: []string{"Sue Munn"}},
		},
		{
			name:   "a councillor of a named council, counsel, and a title with no name",
			header: "Present: Supervisor Dale Kent, Trustees\nPam Gray, Luis Yanez\nAlso present: Wyvern Cllr Pete Hock, District Counsel Jon Mercer",
			want:   Attendance{Present: []string{"Dale Kent", "Pam Gray", "Luis Yanez"}, InAttendance: []string{"Pete Hock", "Jon Mercer"}},
		},
		{
			name:   "a list the item reader took for a heading",
			header: "Chair Lyle convened the meeting at 7:00 p.m.\nROLL CALL -\n\nPresent:\n\nCommissioners Shaw, Tarr, Vine and Chair\nLyle – 4.\n\nAbsent:\n\nCommissioner Hale – 1.",
			want:   Attendance{Chair: "Lyle", Present: []string{"Lyle", "Shaw", "Tarr", "Vine"}, Absent: []string{"Hale"}},
		},
		{
			name:   "offices before bracketed names under an officers label",
			header: "Councillors present: A. Brown (Mayor), B. Chan, C. Dow.\nOfficers present: Town Clerk (Ms E. Fry), Deputy Town Clerk (Mr G. Hall).",
			want:   Attendance{Chair: "A. Brown", Present: []string{"A. Brown", "B. Chan", "C. Dow"}, InAttendance: []string{"E. Fry", "G. Hall"}},
		},
		{
			name:   "a police officer's collar number, members of the public",
			header: "PRESENT\nCouncillor J Amos (Chairman)\nCouncillors: B Bell, C Cook, D Dale\n\nALSO PRESENT\nMrs E Eve – Parish Clerk\nPC 1234 F Ford – Neighbourhood Police\n2 members of the public",
			want:   Attendance{Chair: "J Amos", Present: []string{"J Amos", "B Bell", "C Cook", "D Dale"}, InAttendance: []string{"E Eve", "F Ford"}},
		},
		{
			name:   "reasons after apologies",
			header: "Members: Cllr Jan Ivers (Chair), Cllr Kev Jones\nApologies: Cllr Lee King (work commitments), Cllr Max Lowe (illness)\nAbsent: Cllr Ned Moss",
			want:   Attendance{Chair: "Jan Ivers", Present: []string{"Jan Ivers", "Kev Jones"}, Apologies: []string{"Lee King", "Max Lowe"}, Absent: []string{"Ned Moss"}},
		},
		{
			name:   "an apologies sentence under the present list",
			header: "In the Chair: Councillor Pat Quinn\nPresent: Councillors Rob Rudd, Sam Sole\nApologies for absence were received from Councillors Tom Tate and Uma Vale.",
			want:   Attendance{Chair: "Pat Quinn", Present: []string{"Pat Quinn", "Rob Rudd", "Sam Sole"}, Apologies: []string{"Tom Tate", "Uma Vale"}},
		},
		{
			name:   "regrets and staff run on in one paragraph",
			header: "Attendance: Mayor V. Webb (presiding), Councillors W. Xu, Y. Young, Z. Zane.  Regrets: Councillor A. Abbot.  Staff: CAO B. Bain; Clerk C. Carr.",
			want:   Attendance{Chair: "V. Webb", Present: []string{"V. Webb", "W. Xu", "Y. Young", "Z. Zane"}, InAttendance: []string{"B. Bain", "C. Carr"}, Apologies: []string{"A. Abbot"}},
		},
		{
			name:   "a roll call, one member a line with their status",
			header: "ROLL CALL\nCommissioner Diaz – present\nCommissioner Egan – present\nCommissioner Fox – absent\nChair Grant – present",
			want:   Attendance{Chair: "Grant", Present: []string{"Grant", "Diaz", "Egan"}, Absent: []string{"Fox"}},
		},
		{
			name:   "the following were present and in attendance",
			header: "The following members were present: Councillors Kim Lo, Mia Ng and Oz Pye. The following officers were in attendance: Ray Quay (Clerk) and Sal Rook (Planner).",
			want:   Attendance{Present: []string{"Kim Lo", "Mia Ng", "Oz Pye"}, InAttendance: []string{"Ray Quay", "Sal Rook"}},
		},
		{
			name:   "substitutes, as a label and in a note",
			header: "Present: Cllrs Amy Bix, Cal Dee, Cllr O Park (for Cllr Q Reed)\nSubstitutes: Cllr Kay Lamb for Cllr Mo Nash",
			want:   Attendance{Present: []string{"Amy Bix", "Cal Dee", "O Park", "Kay Lamb"}},
		},
		{
			name:   "names with lower-case parts",
			header: "Present: Cllrs Ann de la Cruz, Jan van der Berg, Seán Mac Giolla, Hēmi te Rangi",
			want:   Attendance{Present: []string{"Ann de la Cruz", "Jan van der Berg", "Seán Mac Giolla", "Hēmi te Rangi"}},
		},
		{
			name:   "offices before their holders' names, after a dash",
			header: "Members Present:\nCouncillor Ali (Chair)\nCouncillor Begum\nCouncillor Clarke\n\nOfficers Present:\nHead of Planning – Dan Evans\nSenior Planner – Fay Gill\n\nChairperson: Cr Ula Voss\nIn Attendance: Chief Executive – Alan Bright; Governance Advisor – Cara Dunn",
			want:   Attendance{Chair: "Ali", Present: []string{"Ali", "Begum", "Clarke", "Ula Voss"}, InAttendance: []string{"Dan Evans", "Fay Gill", "Alan Bright", "Cara Dunn"}},
		},
		{
			name:   "present, absent and staff as sentences of one paragraph",
			header: "Council Members present: Mayor Hal Ivy, Councilmember Joe Kay, Councilmember Liz Moe. Council Members absent: Councilmember Ned Orr. Staff present: City Manager Pat Quill, City Attorney Rae Sun, City Clerk Tom Usk.",
			want:   Attendance{Chair: "Hal Ivy", Present: []string{"Hal Ivy", "Joe Kay", "Liz Moe"}, InAttendance: []string{"Pat Quill", "Rae Sun", "Tom Usk"}, Absent: []string{"Ned Orr"}},
		},
		{
			name:   "the clerk and councillors of other councils in attendance",
			header: "PRESENT: Councillors Bea Aske, Cy Bolt, Di Croft and Ed Dunn (Chairman)\n\nIN ATTENDANCE: Fred Eyre (Clerk and RFO); District Councillor Gil Frost; County Councillor Hal Gale; 5 members of the public.",
			want:   Attendance{Chair: "Ed Dunn", Present: []string{"Ed Dunn", "Bea Aske", "Cy Bolt", "Di Croft"}, InAttendance: []string{"Fred Eyre", "Gil Frost", "Hal Gale"}},
		},
		{
			name:   "a label inside a list, a chair note set off by commas",
			header: "Present: President Sully, Board Members: Cava, Curt, Roth\nCouncillors present: Cllr. R. Cole – Chair (RC), Cllr. A. Muir (AM), Cllr. G. Gant & Cllr. S. Gant Present: Vi Bright, Clerk & Cllr. Mo Story - WCC",
			want:   Attendance{Chair: "Sully", Present: []string{"Sully", "Cava", "Curt", "Roth", "R. Cole", "A. Muir", "G. Gant", "S. Gant"}, InAttendance: []string{"Vi Bright", "Mo Story"}},
		},
		{
			name:   "a chair note after a comma",
			header: "Present: Councillors Scully, (Chairperson), Cole (J), Cole (M), Daly",
			want:   Attendance{Chair: "Scully", Present: []string{"Scully", "Cole (J)", "Cole (M)", "Daly"}},
		},
		{
			name:   "the meeting elects its chair",
			header: "Present: Cllrs Shaw, Evers, Morse, Snell\n\n824. Election of Chairman for 2025/26:  Cllr Evers, proposed by Cllr Morse, seconded by Cllr Snell.\n825. Election of Vice-Chairman for 2025/26:  Cllr Snell, proposed by Cllr Morse.",
			want:   Attendance{Chair: "Evers", Present: []string{"Evers", "Shaw", "Morse", "Snell"}},
		},
		{
			name:   "elected chair, but of another body",
			header: "Present: Cllrs Shaw, Evers, Morse\nIt was resolved that Cllr Morse be elected Chair of the Planning Committee.",
			want:   Attendance{Present: []string{"Shaw", "Evers", "Morse"}},
		},
		{
			name:   "an attendee table in pipes, one person a row",
			header: "| Name | Role | Attendance |\n|---|---|---|\n| Cllr Ivo Penn | Chair | Present |\n| Cllr Ada Lark | Member | Apologies |\n| Sam Orr | Democratic Services Officer | Present |\n| Cllr Bo Fenn | Member | Absent |",
			want:   Attendance{Chair: "Ivo Penn", Present: []string{"Ivo Penn"}, InAttendance: []string{"Sam Orr"}, Apologies: []string{"Ada Lark"}, Absent: []string{"Bo Fenn"}},
		},
		{
			name:   "an attendee table laid out in columns",
			header: "Member              Role                          Status\nCllr Ivo Penn       Chair                         Present\nCllr Ada Lark       Member                        Apologies\nSam Orr             Democratic Services Officer   Present",
			want:   Attendance{Chair: "Ivo Penn", Present: []string{"Ivo Penn"}, InAttendance: []string{"Sam Orr"}, Apologies: []string{"Ada Lark"}},
		},
		{
			name:   "label and value cells from a Word table, with continuation rows",
			header: "Chair: | Councillor Ivo Penn\nMembers: | Councillor Ada Lark, Councillor Bo Fenn\nIn attendance: | Dr Lea Munro | Director of Public Health\n | Sam Orr | Democratic Services Officer\nApologies: | Councillor Cy Dane",
			want:   Attendance{Chair: "Ivo Penn", Present: []string{"Ivo Penn", "Ada Lark", "Bo Fenn"}, InAttendance: []string{"Lea Munro", "Sam Orr"}, Apologies: []string{"Cy Dane"}},
		},
		{
			name:   "office-holder lines run together with no label",
			header: "The Chairman (Councillor Rhys Dow) (presiding) The Vice-Chairman (Councillor Gail Orr) Councillors Ian Bale, Joy Cope and Kit Dane",
			want:   Attendance{Chair: "Rhys Dow", Present: []string{"Rhys Dow", "Gail Orr", "Ian Bale", "Joy Cope", "Kit Dane"}},
		},
		{
			name:   "labels printed first, then one list a line",
			header: "Present:\nApologies:\nIn attendance:\nCllrs Pask (Chair), Rudd, Tull\nCllr Venn\nMrs W. Yates (Clerk)",
			want:   Attendance{Chair: "Pask", Present: []string{"Pask", "Rudd", "Tull"}, Apologies: []string{"Venn"}, InAttendance: []string{"W. Yates"}},
		},
		{
			name:   "a label we do not know that lists people, no list open",
			header: "Staff and guests present: Una Cole (Clerk), PCSO Ben Fry, Meg Lott (Village Trust)\nStaff Reports:\nDan Mace, Roads Superintendent – verbal report.",
			want:   Attendance{InAttendance: []string{"Una Cole", "Ben Fry", "Meg Lott"}},
		},
		{
			name:   "the deputy chairs, and a note with a verb in it",
			header: "Present: Cllr Bryn Cadd (Vice-Chair, in the Chair), Cllr Ona Pike\nAbsent: Cllr Boyd (no apology received)",
			want:   Attendance{Chair: "Bryn Cadd", Present: []string{"Bryn Cadd", "Ona Pike"}, Absent: []string{"Boyd"}},
		},
		{
			name:   "a chair who presided, named again by surname in the roll call",
			header: "Mayor Carla Ruiz called the meeting to order at 7:00 p.m.\nRoll call: Present – Council Members Olsen, Quist, Bianchi and Mayor Ruiz.\nCllr Maeve Cullen (Cathaoirleach) presided.",
			want:   Attendance{Chair: "Carla Ruiz", Present: []string{"Carla Ruiz", "Olsen", "Quist", "Bianchi"}},
		},
		{
			name:   "possessives are offices, not names; apologies sent",
			header: "Present: Cllrs Ada Oaks, Ben Pyle\nAlso in attendance: The Mayor's Chaplain (Rev. Tom Hale)\nCllr Faye Quint had sent her apologies as she was unwell.",
			want:   Attendance{Present: []string{"Ada Oaks", "Ben Pyle"}, InAttendance: []string{"Tom Hale"}, Apologies: []string{"Faye Quint"}},
		},
		{
			name:   "Sederunt, and a chair elected when the chair is away",
			header: "Sederunt: Angus Rae (Convener), Morag Bell, Iain Sime\n\nPresent: Cllrs Neil Parr, Ruth Ogden\nIn the absence of the Chair, Cllr Ruth Ogden was elected to chair the meeting.",
			want:   Attendance{Chair: "Angus Rae", Present: []string{"Angus Rae", "Morag Bell", "Iain Sime", "Neil Parr", "Ruth Ogden"}},
		},
		{
			name:   "two labels side by side over their columns",
			header: "Present:                   In attendance:\nCllr Ann Rye (Chair)       Bea Cole (Clerk)\nCllr Dee Fox               Gus Hart (Planning Officer)\nCllr Ian Jay",
			want:   Attendance{Chair: "Ann Rye", Present: []string{"Ann Rye", "Dee Fox", "Ian Jay"}, InAttendance: []string{"Bea Cole", "Gus Hart"}},
		},
		{
			name:   "a label column, names and their statuses",
			header: "Councillors     Aoife Nolan      Present\n                Cian Burke       Present\n                Orla Keane       Absent\n                Ruth Lyons       Excused",
			want:   Attendance{Present: []string{"Aoife Nolan", "Cian Burke"}, Absent: []string{"Orla Keane"}, Apologies: []string{"Ruth Lyons"}},
		},
		{
			name:   "a name and role table with no status",
			header: "Name                 Role\nSal Orme             Member (Chair)\nKip Rowe             Member\nGil Vane             Officer - Finance\nDot Kerr             Clerk",
			want:   Attendance{Chair: "Sal Orme", Present: []string{"Sal Orme", "Kip Rowe"}, InAttendance: []string{"Gil Vane", "Dot Kerr"}},
		},
		{
			name:   "a pipe row's role column goes on in the rows below",
			header: "Also present: | Dr Omar Hale | Director of Public Health\n | Jan Voss | Healthwatch\n | Tim Bird | Fernvale Carers",
			want:   Attendance{InAttendance: []string{"Omar Hale", "Jan Voss", "Tim Bird"}},
		},
		{
			name:   "a list all in lower case",
			header: "present: cllr nia howe in the chair, cllrs gary bolt, mena lloyd\napologies: cllr iwan parry",
			want:   Attendance{Chair: "Nia Howe", Present: []string{"Nia Howe", "Gary Bolt", "Mena Lloyd"}, Apologies: []string{"Iwan Parry"}},
		},
		{
			name:   "the chair named with initials, the list in full; a note wrapped before a dash",
			header: "Present: Councillors Alun Dee, Peta Harris, Owen Wynne\nIn attendance: Mr N Abram (Area Education\nOfficer – West Vale), Ms C Innes (Director of Education)\n\nCllr. P. Harris took the Chair and welcomed everyone to the meeting.",
			want:   Attendance{Chair: "Peta Harris", Present: []string{"Peta Harris", "Alun Dee", "Owen Wynne"}, InAttendance: []string{"N Abram", "C Innes"}},
		},
		{
			name:   "an item electing the chair",
			header: "Present: Cllrs Shaw, Evers, Morse\n\n1. Election of Chairman for 2025/26\nCllr Evers, proposed by Cllr Morse, seconded by Cllr Shaw.",
			want:   Attendance{Chair: "Evers", Present: []string{"Evers", "Shaw", "Morse"}},
		},
		{
			name:   "sub-labels inside one list",
			header: "Members Present: Chair: Ann Bell; Vice Chair: Cy Dee; Members: Ed Fox, Gil Ho",
			want:   Attendance{Chair: "Ann Bell", Present: []string{"Ann Bell", "Cy Dee", "Ed Fox", "Gil Ho"}},
		},
		{
			name:   "a councillor who arrived late, a police officer who joined, a resident who left",
			header: "Present: Cllrs Hal Bray (Chair), Ivy Cobb\nCllr Kay Eade arrived at 7.45pm during item 4. P.C.S.O. Rod Amos joined the meeting. Mr Len Tull left the meeting.",
			want:   Attendance{Chair: "Hal Bray", Present: []string{"Hal Bray", "Ivy Cobb", "Kay Eade"}, InAttendance: []string{"Rod Amos"}},
		},
		{
			name:   "the chair told in the narrative",
			header: "Present: Cllrs K. Dando, L. Price, M. Rowe\n\nCllr K. Dando took the Chair.",
			want:   Attendance{Chair: "K. Dando", Present: []string{"K. Dando", "L. Price", "M. Rowe"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := "Minutes of the Meeting of the Brookvale Parish Council held on 4 March 2025\n\n" + c.header +
				"\n\n1. Apologies\nNone other than those listed.\nThe Chair welcomed everyone.\n\n2. Minutes\nRESOLVED: That the minutes of the last meeting be approved.\nThey were signed.\n" +
				"\n3. Grass Cutting\nMotion by Clerk Holt, supported by Trustee Grey, to renew the contract. Roll call vote: Ayes - Ketter, Holt, Grey, Yanez. Motion carried.\n"
			m, err := ParseBytes([]byte(doc), Options{Name: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			got := m.Attendance
			norm := func(a Attendance) Attendance {
				for _, l := range []*[]string{&a.Present, &a.InAttendance, &a.Apologies, &a.Absent} {
					if *l == nil {
						*l = []string{}
					}
				}
				a.Substitutes, a.initials = nil, nil
				return a
			}
			if g, w := norm(got), norm(c.want); !reflect.DeepEqual(g, w) {
				t.Errorf("attendance:\n got %s\nwant %s", fmtAttendance(g), fmtAttendance(w))
			}
		})
	}
}

// TestApologiesInMotions reads apologies that an apologies item gives
// only in its motion, and does not take the movers for apologies.
func TestApologiesInMotions(t *testing.T) {
	for _, c := range []struct{ name, item, want string }{
		{"moved and seconded, the apology in the resolution", "Resolution KDC/24/101\nMoved: Cr Vane\nSeconded: Cr Cole\nThat the apology from Cr Ana Lomu be received and leave of absence granted.\nCARRIED", "Ana Lomu"},
		{"tabled as an apology", "Committee Resolution\nMoved:       Cr\nIvo Sharpe\nSeconded:  Mayor Wells\nThat Dr Rua Maka is tabled as an apology for the meeting.\nCarried", "Rua Maka"},
		{"the apologies of", "RESOLVED: That the apologies of Councillor Bea Holt be accepted.", "Bea Holt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := "Minutes of the Kiriwai District Council held on 4 March 2025\n\nPresent: Mayor Tia Wells, Crs Rex Vane, Mo Cole, Ivo Sharpe\n\n1. Apologies\n" + c.item +
				"\n\n2. Minutes\nRESOLVED: That the minutes of the last meeting be approved.\n"
			m, err := ParseBytes([]byte(doc), Options{Name: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(m.Attendance.Apologies, "; "); got != c.want {
				t.Errorf("apologies = %q, want %q", got, c.want)
			}
		})
	}
}

// TestAttendanceAtTheFoot reads a "Present:" paragraph printed after the
// last item, when the top of the minutes names no one (or only the chair).
func TestAttendanceAtTheFoot(t *testing.T) {
	doc := "Minutes of the Meeting of the Ashcombe Town Council held on 4 March 2025\n\nCouncillor Jo Penn opened the meeting.\n\n" +
		"1. Apologies\nNone.\n\n2. Minutes\nRESOLVED: That the minutes of the last meeting be approved.\n\n3. Any other business\nNone.\n\n" +
		"Present: Councillors Jo Penn (Chair), Ray Olds and Tia Marsh\nOfficers: Ben Cray (Town Clerk)\n"
	m, err := ParseBytes([]byte(doc), Options{Name: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	a := m.Attendance
	if a.Chair != "Jo Penn" || strings.Join(a.Present, "; ") != "Jo Penn; Ray Olds; Tia Marsh" || strings.Join(a.InAttendance, "; ") != "Ben Cray" {
		t.Errorf("attendance: %s", fmtAttendance(a))
	}
}

// TestInitialsExpand turns owners written as initials into the people
// the attendance list gives them to, or whose names they fit.
func TestInitialsExpand(t *testing.T) {
	doc := "Minutes of the Meeting of the Glenbrae Community Council held on 4 March 2025\n\nPresent\n\n" +
		"Rona Bett (Chair)\nPia Whitt\nMorag Carr\nMoss Carr (BDC)\nIan Jo Dunn\n\nRB\nPWh\nMCa\nMC\nIJD\n\n" +
		"1. Apologies\nNone.\n\n2. Minutes\nRESOLVED: That the minutes of the last meeting be approved.\n"
	m, err := ParseBytes([]byte(doc), Options{Name: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	a := &m.Attendance
	for in, want := range map[string]string{"RB": "Rona Bett", "PWh": "Pia Whitt", "MCa": "Morag Carr", "MC": "Moss Carr", "IJD": "Ian Jo Dunn", "ID": "Ian Jo Dunn", "ZZ": "ZZ"} {
		if got := a.expandInitials(in); got != want {
			t.Errorf("expandInitials(%q) = %q, want %q", in, got, want)
		}
	}
	// Several owners at once: each part expanded, or all left alone.
	for in, want := range map[string]string{"RB and PWh": "Rona Bett and Pia Whitt", "RB/MC": "Rona Bett and Moss Carr", "RB & ZZ": "RB & ZZ"} {
		if got := a.expandInitials(in); got != want {
			t.Errorf("expandInitials(%q) = %q, want %q", in, got, want)
		}
	}
	// A name with initials takes the list's full form; a full name stays.
	c := Attendance{Present: []string{"Joseph Dale", "R Graham"}}
	for in, want := range map[string]string{"J. Dale": "Joseph Dale", "Cllr J Dale": "Joseph Dale", "Rex Graham": "Rex Graham"} {
		if got := c.fullName(in); got != want {
			t.Errorf("fullName(%q) = %q, want %q", in, got, want)
		}
	}
	// Without the list's own pairing, the initials that fit one name.
	b := Attendance{Present: []string{"Paul Wheel", "Pat West", "Dora Lowe"}}
	for in, want := range map[string]string{"DL": "Dora Lowe", "PW": "PW", "PWh": "Paul Wheel", "PWe": "Pat West"} {
		if got := b.expandInitials(in); got != want {
			t.Errorf("no list: expandInitials(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAttendanceFooter reads an attendance table printed after the
// items, as boards' web pages and PDFs do.
func TestAttendanceFooter(t *testing.T) {
	doc := "Minutes of the Fernvale Health and Wellbeing Board held on 5 December 2024\n\n" +
		"(Attendance is recorded at the end of these minutes)\n\n" +
		"HWB 24/41  Welcome and Apologies\nThe Chair welcomed members.\n\n" +
		"HWB 24/42  Minutes\nThe minutes of the last meeting were agreed.\n\n" +
		"ATTENDANCE RECORD\n\n" +
		"Board Members                                 Organisation / Role\n" +
		"Cllr Ivy Strand (Chair)                       Fernvale County Council – Cabinet Member\n" +
		"                                              for Adult Social Care\n" +
		"Dr Omar Tarn (Vice-Chair)                     Fernvale Integrated Care Board\n" +
		"Dr Lia Venn                                   Director of Public Health\n" +
		"Mrs Rosa Quay (substitute for                 Fernvale Healthwatch\n" +
		"Ms Nell Oduya)\n\n" +
		"Apologies\n" +
		"Ms Nell Oduya                                 Fernvale Healthwatch\n" +
		"Supt Ray Gant                                 Fernvale Police\n\n" +
		"In attendance\n" +
		"Mr Ian Stowe                                  Democratic Services Officer\n"
	m, err := ParseBytes([]byte(doc), Options{Name: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	a := m.Attendance
	a.initials = nil
	want := Attendance{Chair: "Ivy Strand", Present: []string{"Ivy Strand", "Omar Tarn", "Lia Venn", "Rosa Quay"}, InAttendance: []string{"Ian Stowe"},
		Apologies: []string{"Nell Oduya", "Ray Gant"}, Substitutes: []Substitution{{Member: "Nell Oduya", Substitute: "Rosa Quay"}}}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("attendance:\n got %s %v\nwant %s %v", fmtAttendance(a), a.Substitutes, fmtAttendance(want), want.Substitutes)
	}
}

func fmtAttendance(a Attendance) string {
	return "chair=" + a.Chair + " present=[" + strings.Join(a.Present, "; ") + "] in=[" + strings.Join(a.InAttendance, "; ") +
		"] apologies=[" + strings.Join(a.Apologies, "; ") + "] absent=[" + strings.Join(a.Absent, "; ") + "]"
}
