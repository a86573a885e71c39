package minutes

import (
	"os"
	"strings"
	"testing"
)

// TestGatesAreNecessary: a gate's words must be in every text its pattern
// matches, or the gate would change what the parser reads. Each pattern
// is tried bare on every line, and every pair and triple of lines joined
// (sentences run over lines), of the test minutes and the development
// sets.
func TestGatesAreNecessary(t *testing.T) {
	files := corpusFiles()
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := range lines {
			for _, s := range []string{lines[i], strings.Join(lines[i:min(i+3, len(lines))], " ")} {
				for _, g := range gates {
					if !g.may(s) && g.re.MatchString(s) {
						t.Errorf("%s:%d: %q matches %s without any of %q", f, i+1, s, g.re, g.words)
					}
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text to check the gates on")
	}
}

func TestContainsFoldASCII(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"The Meeting CLOSED at 9pm", "closed", true},
		{"Adjourned", "adjourned", true},
		{"adjourne", "adjourned", false},
		{"", "x", false},
		{"x", "", true},
		{"Moved – seconded", "–", true},
		{"ÉCLOSED", "closed", true},
	} {
		if got := containsFoldASCII(c.s, c.w); got != c.want {
			t.Errorf("containsFoldASCII(%q, %q) = %v", c.s, c.w, got)
		}
	}
}
