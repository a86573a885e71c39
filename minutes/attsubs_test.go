package minutes

import (
	"reflect"
	"strings"
	"testing"
)

// TestSubSentMatches: read by stretches, the substitutions found are the
// pattern's over the whole text, on every line (and three lines joined) of
// the test and development minutes and on examples.
func TestSubSentMatches(t *testing.T) {
	lines := append(corpusLines(t),
		"Cllr A Brown attended as substitute for Cllr B Green, and Mr C White substituted for Dr D Black.",
		"Councillor Jo Bell (substituting for Councillor Ann Reid); Cllr K Lee deputised for Cllr M Fox: noted",
		"CLLR P JONES WAS SUBSTITUTING FOR CLLR R SMITH", "Cllr P Jones attended the meeting as a reserve member for Cllr R Smith",
		"Cllr P Jones sat as ſubſtitute for Cllr R Smith", "Mr O'Neill-Ward substituted for Ms D’Arcy",
		"Cllr A. B. Carter substituted for Cllr\tD. Evans", "")
	matched := 0
	for i := range lines {
		for _, s := range []string{lines[i], strings.Join(lines[i:min(i+3, len(lines))], " ")} {
			want := reSubSent.FindAllStringSubmatch(s, -1)
			if want != nil {
				matched++
			}
			if got := subSentMatches(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%q: by stretches %q, whole %q", s, got, want)
			}
		}
	}
	if matched < 7 {
		t.Errorf("only %d texts hold a substitution: the examples no longer try the pattern", matched)
	}
}
