package minutes

import "testing"

func TestLexLine(t *testing.T) {
	cases := []struct {
		name, text, raw string
		kind            tokKind
		check           func(token) bool
	}{
		{"blank", "", "", tokBlank, nil},
		{"running text", "The Chair welcomed everyone to the meeting.", "", tokText, func(k token) bool { return k.EndsSentence && k.Words == 7 }},
		{"lone number", "180.", "", tokNumber, func(k token) bool { return k.Number == "180" && k.Numeric }},
		{"lone planning ref", "PL/44/23", "", tokNumber, func(k token) bool { return k.Number == "PL/44/23" }},
		{"paragraph label alone", "3)", "", tokPart, func(k token) bool { return k.Numeric && k.Number == "" && k.Part == "3" }},
		{"numbered heading", "7. Apologies for Absence", "", tokHeading, func(k token) bool { return k.Number == "7" && k.Rest == "Apologies for Absence" }},
		{"fused heading", "1.Adoption of Minutes", "", tokHeading, func(k token) bool { return k.Number == "1" && k.Rest == "Adoption of Minutes" }},
		{"dashed heading", "96-2 APPROVING AGENDA", "", tokHeading, func(k token) bool { return k.Number == "96-2" }},
		{"consent item", "*43 Authorize a grant to the Parks Bureau", "", tokHeading, func(k token) bool { return k.Consent && k.Number == "43" }},
		{"date is not minute 14", "14 December 2021", "", tokDate, nil},
		{"item reference", "(Item 4)", "", tokItemRef, func(k token) bool { return k.Number == "4" }},
		{"numbered motion", "R2020-78 L. Moore, J. Scott: That the report be received.", "", tokMotion, func(k token) bool { return k.Number == "R2020-78" }},
		{"present label", "Present: Cllrs A Brook, C Frey", "", tokLabel, func(k token) bool { return k.Label == rolePresent && k.LabelRest == "Cllrs A Brook, C Frey" }},
		{"bare apologies", "Apologies", "", tokLabel, func(k token) bool { return k.Label == roleApologies }},
		{"chair label", "Chairman: Councillor R Tate", "", tokLabel, func(k token) bool { return k.Label == roleChair }},
		{"marker", "RESOLVED: That the accounts be approved.", "", tokMarker, func(k token) bool { return k.Marker }},
		{"marker in words", "It was AGREED that the hall be repainted.", "", tokMarker, nil},
		{"numbered marker is a marker", "1. RESOLVED that the report be noted.", "", tokMarker, func(k token) bool { return k.Number == "1" }},
		{"part", "(2) that the Clerk write to the school;", "", tokPart, func(k token) bool { return k.Part == "2" }},
		{"bullet", "• Clerk to order the signs", "", tokBullet, func(k token) bool { return k.Bullet }},
		{"action tag", "ACTION: Clerk", "", tokActionTag, func(k token) bool { return k.ActionFor == "Clerk" }},
		{"bulleted action tag", "• Action: JB to obtain quotes", "", tokActionTag, func(k token) bool { return k.ActionFor == "JB to obtain quotes" }},
		{"piped row", "Ref | Action | Owner", "Ref | Action | Owner", tokTableRow, func(k token) bool { return k.Cells == 3 }},
		{"exempt banner", "PART II – EXEMPT ITEMS", "", tokBanner, func(k token) bool { return k.Private == 1 }},
		{"public banner", "Open session", "", tokBanner, func(k token) bool { return k.Private == -1 }},
		{"signature", "Signed ........................ Chairman", "", tokSignature, func(k token) bool { return k.Signature }},
		{"sign line", "Chairman", "", tokText, func(k token) bool { return k.SignLine }},
		{"owner line: a role", "Clerk", "", tokOwnerLine, nil},
		{"owner line: initials and a date", "TR / 15 Mar", "", tokOwnerLine, nil},
		{"owner line: a titled name and a role", "Cllr P. Ames/Clerk", "", tokOwnerLine, nil},
		{"owner line: everyone", "ALL", "", tokOwnerLine, nil},
		{"owner line: two sets of initials", "RB GD", "", tokOwnerLine, nil},
		{"owner line: a role and a full date", "Clerk 31 May 2024", "", tokOwnerLine, nil},
		{"not an owner line: an outcome in capitals", "LOST", "", tokText, nil},
		{"not an owner line: a sentence", "Clerk to write to the school.", "", tokText, nil},
		{"not an owner line: a heading", "Planning Applications", "", tokText, nil},
		{"lower-case continuation", "and agreed to write to the school.", "", tokText, func(k token) bool { return k.StartsLower && !k.Marker }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := lexLine(c.text, c.raw)
			if k.Kind != c.kind {
				t.Errorf("lexLine(%q) kind = %s, want %s (%+v)", c.text, k.Kind, c.kind, k)
			}
			if c.check != nil && !c.check(k) {
				t.Errorf("lexLine(%q) = %+v", c.text, k)
			}
		})
	}
}

// TestTraceExplainsEveryLine: the trace shows each line's kind and notes
// what became of headings and records.
func TestTraceExplainsEveryLine(t *testing.T) {
	text := "Minutes of the Parks Committee held on 3 March 2025\n\nPresent: Cllr A Brook (Chair), Cllr C Frey\n\n1. Apologies\n\nNone.\n\n2. Play Area\n\nRESOLVED: That the play area be resurfaced.\nClerk to obtain three quotes.\n"
	tr := &Trace{}
	m, err := ParseBytes([]byte(text), Options{Name: "t.txt", Trace: tr})
	if err != nil {
		t.Fatal(err)
	}
	var heading, marker *TraceLine
	for i := range tr.Lines {
		switch tr.Lines[i].Kind {
		case "heading":
			heading = &tr.Lines[i]
		case "marker":
			marker = &tr.Lines[i]
		}
	}
	if heading == nil || len(heading.Notes) == 0 || marker == nil || len(marker.Notes) == 0 {
		t.Fatalf("trace does not note the heading and the decision: %+v", tr.Lines)
	}
	if m.Items[1].Resolutions[0].ID == "" {
		t.Fatal("no resolution")
	}
}
