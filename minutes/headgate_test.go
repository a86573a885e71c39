package minutes

import (
	"strings"
	"testing"
)

// headExamples hold an example of every branch of the head-gated patterns,
// in cases the corpus may lack, and the characters beyond ASCII that a
// case-blind pattern folds to ASCII letters.
var headExamples = []string{
	// reHonorific
	"Mayor Pro Tem Jo Bell", "The Mayor pro-tempore J Bell", "the Deputy Lord Mayor X", "Lord Mayor X", "Deputy Mayor X",
	"County Councillor X", "District Cllr. X", "Borough C1lr X", "Parish Cl1rs X", "Town Clir X", "City Cilr X", "Community Councillors X",
	"Councillor X", "Councillors X", "Councilor X", "Councilors X", "Councilman X", "Councilmen X", "Councilwoman X", "Councilwomen X",
	"Councilperson X", "Councilpersons X", "Selectman X", "Selectmen X", "Select Board Member X", "Select board members X",
	"Legislator X", "Legislators X", "Freeholder X", "Freeholders X", "CLLR X", "Cllrs. X", "Clir X", "Clirs X", "Cilr X", "Cilrs X", "Cl1r X", "Cl1rs X", "C1lr X", "C1lrs X", "Cr X", "Crs. X", "Mr. X", "MRS X", "Ms X",
	"Miss X", "Mx. X", "Dr. X", "Doctor X", "Rev X", "Reverend X", "Revd. X", "the X", "Professor X", "Prof. X", "Sir X", "Dame X",
	"Lord X", "Lady X", "Alderman X", "Aldermen X", "Council Member X", "Councilmembers X", "Council members X", "Commissioner X",
	"Commissioners X", "Father X", "Fr. X", "Canon X", "Hon. X", "Honourable X", "Senator X", "Minister X", "Deputy X",
	"Supervisor X", "Supervisors X", "Trustee X", "Trustees X", "Director X", "Directors X", "Cyng X", "Cyng./ X", "Cynghorydd X",
	"Cynghorwyr. X", "Vice-Mayor X", "Vice Mayor X", "Reeve X", "Deputy Reeve X", "Warden X", "Deputy Warden X", "Her Worship X",
	"His Worship X", "Sgt. X", "Sergeant X", "Insp. X", "Inspector X", "Chief Inspector X", "Supt X", "Superintendent X",
	"Chief Superintendent X", "PC X", "Const. X", "Constable X", "PCSO X",
	// reLabel
	"Present in the chair: X", "In the Chair - X", "Chair: X", "Chairman: X", "Chairperson: X", "Chairwoman: X", "Presiding: X",
	"Presiding Officer: X", "Cathaoirleach: X", "Mayor: X", "Also present: X", "Others in attendance: X", "Other present: X",
	"Officers and guests in attendance: X", "Officials in attendance virtually: X", "Staff in attendance: X", "Advisers in attendance: X",
	"Guest and advisers in attendance: X", "In attendance: X", "Officer: X", "Officers present: X", "Official: X",
	"Officials in attendance: X", "Staff: X", "Staff present: X", "Council staff: X", "Attending: X", "Adviser: X", "Advisers: X",
	"Clerk: X", "Apologies: X", "Apologies for absence and substitutions: X", "Apologies and reserve members: X",
	"Apologies and reserves: X", "Apologies and absences were received from: X", "Apologies received: X", "Regrets: X",
	"Absent: X", "Absent members: X", "Not present: X", "Substitute: X", "Substitutes members: X", "Reserve: X", "Reserves member: X",
	"Deputy Chair: X", "Vice-Chairman: X", "Vice chairperson: X", "Those attending: X", "Record of attendance: X",
	"Attendance record: X", "Sederunt: X", "Council present: X", "Board present: X", "Committee present: X",
	"Commission present: X", "Panel present: X", "Trustees present: X", "Directors present: X", "Aldermen present: X",
	"Supervisors present: X", "Commissioners present: X", "Councilors present: X", "Councilmembers present: X",
	"Council members present: X", "Selectmen present: X", "Legislators present: X", "Elected members: X",
	"Appointed member present: X", "Ordinary members: X", "Full members present: X", "Voting members: X",
	"Committee members: X", "Board member: X", "Panel members in attendance: X", "Co-opted members: X", "Voting member: X",
	"Independent members: X", "Cabinet members: X", "Statutory members present: X", "Those present were: X", "Member: X",
	"Members present: X", "Councillor: X", "Councillors in attendance: X", "Council member: X", "Present: X", "Roll call: X",
	"Roll call: present: X", "Attendance: X", "Councillors: X", "Present (in person): X", "Present via Zoom: X",
	// reBareLabel
	"Present", "Apologies", "Apologies for absence", "Absent", "In attendance", "Also present", "Officers present",
	"Members present", "Councillors present", "Roll call", "Sederunt",
	// Characters a case-blind pattern folds to ASCII.
	"Mſ X", "ſir X", "ſederunt", "Cler\u212a: X", "Preſent: X", "Apologieſ",
}

// TestHeadGatesAreNecessary: a head gate must let through every text its
// pattern matches, or it would change what the parser reads. Each pattern
// is tried on the examples and on every line of the test and development
// minutes, whole and cut at commas, semicolons and colons and after each
// of its first words (a list entry is a piece of a line).
func TestHeadGatesAreNecessary(t *testing.T) {
	var texts []string
	for _, l := range append(corpusLines(t), headExamples...) {
		texts = append(texts, l, strings.TrimSpace(l))
		for _, p := range strings.FieldsFunc(l, func(r rune) bool { return r == ',' || r == ';' || r == ':' }) {
			texts = append(texts, strings.TrimSpace(p))
		}
		w := strings.Fields(l)
		for i := 1; i < len(w) && i < 6; i++ {
			texts = append(texts, strings.Join(w[i:], " "))
		}
	}
	for _, ex := range headExamples {
		matched := false
		for _, h := range headGates {
			matched = matched || h.re.MatchString(ex)
		}
		if !matched {
			t.Errorf("example %q matches no head-gated pattern", ex)
		}
	}
	for _, s := range texts {
		for _, h := range headGates {
			if h.re.MatchString(s) && !h.may(s) {
				t.Errorf("%q matches %s, but its head gate says no", s, h.re)
			}
		}
	}
}
