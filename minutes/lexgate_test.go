package minutes

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusLines are the lines of the test minutes and the development sets
// (the first twenty files under -short), raw and as normalised, for
// checking that a cheap test before a pattern never skips a line the
// pattern would match.
func corpusLines(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, g := range []string{"testdata/cases/*.txt", "testdata/clerk/invented/*.txt", "testdata/check/*.txt", "../sample-data/*.txt", "../sample-data/fictional/*.txt",
		"../../shared/real-minutes/*.txt", "../../shared/real-minutes-2/*.txt", "../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if testing.Short() && len(files) > 20 {
		files = files[:20]
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(data), "\n")...)
		for _, l := range normalise(string(data)) {
			out = append(out, l.Text)
		}
	}
	if len(out) == 0 {
		t.Fatal("no text to check on")
	}
	return out
}

// TestNumberLeadIsNecessary: lexNumber runs the number patterns only where
// numberLead and hasDigit allow; every line they match must pass both.
func TestNumberLeadIsNecessary(t *testing.T) {
	lines := append(corpusLines(t), "180.", "Minute 12", "ITEM 4.", "agenda item no. 7 Budget", "PL/44/23 Planning",
		"C.312", "HWB 23/34 Wellbeing", "R2020-78 L. Moore, J. Scott:", "AB12-3 C. Dee:", "*42 Accept", "(*12-427) Consent", "12(b)", "7a", "Item  5", "AB 1/2", "ABCDEF/1")
	for _, s := range lines {
		if s == "" {
			continue
		}
		for _, re := range []interface{ MatchString(string) bool }{reLoneNumber, reNumberHeading} {
			if re.MatchString(s) && !(numberLead(s) && hasDigit(s)) {
				t.Errorf("%q matches %v, but numberLead or hasDigit says no", s, re)
			}
		}
		if reLoneNumber.MatchString(s) && countWords(s) > 5 {
			t.Errorf("%q matches reLoneNumber in more than five words", s)
		}
		if reMotionNumber.MatchString(s) && !(len(s) > 2 && (isDigit(s[1]) || isDigit(s[2]))) {
			t.Errorf("%q matches reMotionNumber without a digit second or third", s)
		}
	}
}

// TestSimpleSpaces: where simpleSpaces lets a line with a curly quote or
// a dash through (so collapseSpaces only trims it), the long way gives the
// same line. (Lines of ASCII alone took the short way before these were
// let through, and are not compared.)
func TestSimpleSpaces(t *testing.T) {
	lines := append(corpusLines(t), "", " ", "a  b", " ‘quoted’ ", "a\u00a0b", "–\u2028", "\u2028’", "’\u3000", "a\tb",
		"’\v", "\r’", "’ \u205f", "\xe2\x80", "’\xff", " – ", "a\u2009b", "x\u202f", "\u1680’")
	for _, s := range lines {
		for _, s := range []string{s, Sanitize(s)} {
			if simpleSpaces(s) && hasLeadByte(s, 0xc2, 0xe2, 0xe3) && strings.TrimSpace(s) != collapseRuns(s) {
				t.Errorf("%q: trimmed %q, collapsed %q", s, strings.TrimSpace(s), collapseRuns(s))
			}
		}
	}
}

// TestLineGatesAreNecessary: the cheap tests lexLine asks before its
// anchored patterns pass every line the patterns match.
func TestLineGatesAreNecessary(t *testing.T) {
	lines := append(corpusLines(t), "(1) the report", "b) that", "ii. Noted", "(iv) x", "12) a", "Chair", "CHAIRMAN", "Mayor",
		"Presiding Member", "cathaoirleach", "(Signed) A Chair", "Signed by", "ſigned", "Certified a true record", "For a discussion of agenda items",
		"By J. Smith, Clerk of the Council", "Closed caption file", "Chairman's signature", "Confirmed as a true record",
		"Verbatim transcript", "Transcript of the meeting", "closed caption file")
	for _, s := range lines {
		if s == "" {
			continue
		}
		if rePartLabel.MatchString(s) && !mayBePartLabel(s) {
			t.Errorf("%q matches rePartLabel, but mayBePartLabel says no", s)
		}
		if reChairSignLine.MatchString(s) && !opensWith(s, "cCmMpP") {
			t.Errorf("%q matches reChairSignLine, but does not open with its letters", s)
		}
		if reSignature.MatchString(s) && !(opensWith(s, "(sScCfFbB") || s[0] >= utf8.RuneSelf) {
			t.Errorf("%q matches reSignature, but does not open with its letters", s)
		}
		if reTranscriptStart.MatchString(s) && !opensWith(s, "fFcCvVtT") {
			t.Errorf("%q matches reTranscriptStart, but does not open with its letters", s)
		}
	}
}

// TestLowerFoldDigits: the one-pass key is the two-pass one.
func TestLowerFoldDigits(t *testing.T) {
	for _, s := range append(corpusLines(t), "", "#5", "Page 12 of 40", "A1B22", "12", "x#1") {
		if isASCII(s) && len(s) <= 90 && lowerFoldDigits(s) != foldDigits(strings.ToLower(s)) {
			t.Errorf("%q: %q, want %q", s, lowerFoldDigits(s), foldDigits(strings.ToLower(s)))
		}
	}
}

// TestComesBackGateIsNecessary: comesBack's and findDeclarations' word
// tests pass every text reComeBack and reDeclared match (each line, and
// three lines run together).
func TestComesBackGateIsNecessary(t *testing.T) {
	lines := corpusLines(t)
	for i := range lines {
		for _, s := range []string{lines[i], strings.Join(lines[i:min(i+3, len(lines))], " ")} {
			low := strings.ToLower(s)
			if reComeBack.MatchString(s) && !(comeBackSubjects.in(low) && comeBackHows.in(low)) {
				t.Errorf("%q matches reComeBack without its words", s)
			}
			if reDeclared.MatchString(s) && !declaredVerbs.in(low) {
				t.Errorf("%q matches reDeclared without its verbs", s)
			}
		}
	}
}

// TestCarriedBranches: reCarried, split into gated branches, matches where
// the whole pattern did.
func TestCarriedBranches(t *testing.T) {
	whole := regexp.MustCompile(`(?:\(Y-\d{1,2}\)|\b(?:Approved|Accepted|Adopted|Ratified|Granted|Confirmed)\.\s*$|\b(?:CONFIRMED|ADOPTED|APPROVED|ACCEPTED|PASSED)\b|\b(?:Motion|motion|MOTION)\s+(?:was\s+)?(?:Carried|carried|CARRIED|passed|Passed|adopted)\b|\bCARRIED\b|\bCarried\b(?:\s+unanimously)?\.?\s*$|^Carried\b|\bcarried\s+by\s+(?:a\s+)?(?:unanimous\s+)?(?:voice|roll\s+call|show\s+of\s+hands|majority)?\s*vote|\bunanimously\s+(?:carried|agreed|adopted)\b|(?i:\bmotion\s+carried\b))`)
	lines := append(corpusLines(t), "(Y-5)", "Motion Approved.", "CARRIED", "Carried unanimously.", "Carried by", "motion CARRIED",
		"carried by a voice vote", "unanimously agreed", "Motion was passed", "MOTION CARRIED 5-0", "ADOPTED")
	for i := range lines {
		for _, s := range []string{lines[i], strings.Join(lines[i:min(i+3, len(lines))], " ")} {
			if got, want := reCarried.MatchString(s), whole.MatchString(s); got != want {
				t.Errorf("%q: reCarried %v, the whole pattern %v", s, got, want)
			}
		}
	}
}

// TestAuthorityOf: authorityOf answers as the plain search for each
// " of " did.
func TestAuthorityOf(t *testing.T) {
	plain := func(s string) bool {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], " of ")
			if j := strings.Index(s[from:], " OF "); j >= 0 && (i < 0 || j < i) {
				i = j
			}
			if i < 0 {
				return false
			}
			at := from + i
			w := at
			for w > 0 && s[w-1] != ' ' {
				w--
			}
			if authorityWords[strings.ToLower(s[w:at])] {
				return true
			}
			from = at + 4
		}
		return false
	}
	for _, s := range append(corpusLines(t), "City of Carrow", "THE BOROUGH OF X", "a of of city of y", " of ", "x OF of OF town of ",
		"county OF of", "of", "") {
		if authorityOf(s) != plain(s) {
			t.Errorf("authorityOf(%q) = %v", s, authorityOf(s))
		}
	}
}

// hasLeadByte reports whether s holds one of the bytes.
func hasLeadByte(s string, bs ...byte) bool {
	for _, b := range bs {
		if strings.IndexByte(s, b) >= 0 {
			return true
		}
	}
	return false
}
