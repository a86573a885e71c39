package minutes

import "strings"

// statusStamp reports whether a line only says what state the document
// is in: "Approved Meeting Minutes", "Approved Meeting Minutes January
// 10, 2019", "DRAFT MINUTES", "Unconfirmed minutes". Web and PDF minutes
// print it at the top of every page; it is no decision of the meeting
// ("Approved" opens it) and no part of the sentence it lands beside.
func statusStamp(t string) bool {
	low := strings.ToLower(strings.TrimSpace(strings.Trim(t, " *_#–-")))
	if !strings.Contains(low, "minutes") {
		return false
	}
	if ds := findDates(low, false); len(ds) == 1 && ds[0].End >= len(low)-1 {
		low = strings.TrimSpace(strings.TrimRight(low[:ds[0].Start], " ,–-"))
	}
	ws := strings.Fields(low)
	if len(ws) < 2 || len(ws) > 4 || ws[len(ws)-1] != "minutes" {
		return false
	}
	switch ws[0] {
	case "approved", "draft", "unconfirmed", "confirmed", "adopted", "unapproved", "final":
	default:
		return false
	}
	for _, w := range ws[1 : len(ws)-1] {
		if w != "meeting" && w != "board" && w != "council" && w != "committee" && w != "and" && w != "signed" {
			return false
		}
	}
	return true
}
