package extract

import "github.com/minutebook/minutebook/minutes"

// cleanText makes extracted text safe and plain, as minutes.SanitizeText
// does: escape sequences removed whole, a bare CR turned into a newline
// (so "FAIL\rPASS" is two lines, not one that hides the first), every
// other control character but tab, newline and form feed (the page break)
// dropped, bidi controls and invisible characters dropped, invalid UTF-8
// replaced. cleanText(cleanText(s)) == cleanText(s).
func cleanText(s string) string { return minutes.SanitizeText(s) }

// isClean reports whether cleanText would return s unchanged.
func isClean(s string) bool { return cleanText(s) == s }
