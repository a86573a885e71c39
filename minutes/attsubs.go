package minutes

import "strings"

// subSentWords are words every match of reSubSent holds ("substitute",
// "reserve", "deputised"), each cut short of an "s": a case-blind "s"
// also matches the long s "ſ", which the ASCII test does not.
var subSentWords = newFoldAnyOf("titut", "erve", "eputi")

// subSentMatches is reSubSent.FindAllStringSubmatch(text, -1), found
// faster. A match is made of letters, digits, spaces and the marks ' ’ -
// . _ alone, so none spans a comma, semicolon, colon or bracket; the
// pattern has no anchors or word boundaries, so it finds the same in a
// stretch between those as in the whole text. It is run only on the
// stretches that hold a substitution's words: an item of a thousand
// bytes is otherwise tried at every capital.
func subSentMatches(text string) [][]string {
	var out [][]string
	for text != "" {
		run := text
		if i := strings.IndexAny(text, ",;:()"); i >= 0 {
			run, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if subSentWords.in(run) {
			out = append(out, reSubSent.FindAllStringSubmatch(run, -1)...)
		}
	}
	return out
}
