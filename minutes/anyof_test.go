package minutes

import (
	"os"
	"strings"
	"testing"
)

// TestFoldAnyOf: a folding anyOf answers as containsFoldASCII over its
// words would.
func TestFoldAnyOf(t *testing.T) {
	sets := [][]string{{}, {"a"}, {"ab", "b"}, {""}, {"closed", "adjourned"}, {"–", "é", "x"}, {" to ", "(y-"}}
	texts := []string{"", "A", "b", "BA", "xAb", "Meeting CLOSED", "ADJOURNE", "ÉCLOSED", "–", "X", "going TO it", "(Y-3)", "\xff"}
	lowered := []string{"İtem", "\u212aeep", "ADJOURNED’", "“Closed”", "\xffclosed"}
	if data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt"); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, ws := range sets {
		a := newFoldAnyOf(ws...)
		for _, s := range texts {
			want := false
			for _, w := range ws {
				want = want || containsFoldASCII(s, w)
			}
			if got := a.in(s); got != want {
				t.Errorf("%q in %q: %v, want %v", ws, s, got, want)
			}
		}
		if !isASCII(strings.Join(ws, "")) {
			continue // lowerIn is for words in ASCII
		}
		for _, s := range append(texts, lowered...) {
			want := false
			for _, w := range ws {
				want = want || strings.Contains(strings.ToLower(s), w)
			}
			if got := a.lowerIn(s); got != want {
				t.Errorf("%q lowerIn %q: %v, want %v", ws, s, got, want)
			}
		}
	}
}

// TestAnyOf: an anyOf answers as strings.Contains over its stems would,
// on short and edge-case strings and on every line of the Harrow sample.
func TestAnyOf(t *testing.T) {
	sets := [][]string{
		{}, {"a"}, {"ab", "b"}, {""}, {"x", "xy"}, {" to ", "undert"}, {"–", "é"},
		{"esolv", "ESOLV", "gree", "GREE", "ecision", "ecommend"},
		{"meeting", "defer", "return", "back", "month", "days"},
	}
	texts := []string{"", "a", "b", "ba", "xab", "gre", "agreed", "RESOLV", "esolve", "going to it",
		"undertake", "x", "zx", "zzy", "é", "–", "\xff\xfe", "deferred to the next meeting", "ab\x00"}
	if data, err := os.ReadFile("../sample-data/harrow-osc-2021-12-14.txt"); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, ws := range sets {
		a := newAnyOf(ws...)
		for _, s := range texts {
			want := false
			for _, w := range ws {
				want = want || strings.Contains(s, w)
			}
			if got := a.in(s); got != want {
				t.Errorf("%q in %q: %v, want %v", ws, s, got, want)
			}
		}
	}
}
