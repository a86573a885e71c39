package minutes

import (
	"regexp"
	"strings"
)

// A gate is a pattern behind a cheap test. Most of the parser's patterns
// can only match text that holds one of a few words ("adjourned",
// "closed" … for a meeting closing); the gate looks for those words first,
// without regard to case, and runs the pattern only where one is found.
// Most lines hold none, so most lines cost a scan instead of a
// backtracking match. The words must be necessary for a match:
// TestGatesAreNecessary checks each gate against its bare pattern over
// every line of the test and development minutes.
type gate struct {
	re    *regexp.Regexp
	words []string // lower-case ASCII, found in any case
	cased []string // found only as written (for case-sensitive patterns)
	// The same words, for one pass over the text.
	anyWord, anyCased *anyOf
}

// gates lists every gate for TestGatesAreNecessary.
var gates []*gate

func gated(pattern string, words ...string) *gate {
	g := &gate{re: regexp.MustCompile(pattern), words: words, anyWord: newFoldAnyOf(words...), anyCased: newAnyOf()}
	gates = append(gates, g)
	return g
}

// gatedCased is gated for a pattern that tells case: the words in cased
// must occur as written ("APPROVED", "Approved."), the others in any case.
func gatedCased(pattern string, cased []string, words ...string) *gate {
	g := gated(pattern, words...)
	g.cased, g.anyCased = cased, newAnyOf(cased...)
	return g
}

// may reports whether s holds one of the gate's words.
func (g *gate) may(s string) bool {
	return g.anyCased.in(s) || g.anyWord.in(s)
}

func (g *gate) MatchString(s string) bool { return g.may(s) && g.re.MatchString(s) }

func (g *gate) FindStringIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringIndex(s)
}

func (g *gate) FindStringSubmatchIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatchIndex(s)
}

func (g *gate) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

func (g *gate) FindString(s string) string {
	if !g.may(s) {
		return ""
	}
	return g.re.FindString(s)
}

func (g *gate) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

func (g *gate) FindAllStringSubmatch(s string, n int) [][]string {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringSubmatch(s, n)
}

func (g *gate) FindAllStringIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringIndex(s, n)
}

func (g *gate) ReplaceAllString(s, repl string) string {
	if !g.may(s) {
		return s
	}
	return g.re.ReplaceAllString(s, repl)
}

// An anyGate is a pattern of alternatives split into its branches, each a
// gate: it matches where one branch does. A long alternation behind one
// gate runs wherever any branch's words are; split, each branch runs only
// where its own are.
type anyGate struct {
	branches []*gate
	// all is every branch's gate at once: a text without any of their
	// words is passed in one scan.
	all *gate
}

func newAnyGate(branches ...*gate) *anyGate {
	a := &anyGate{branches: branches, all: &gate{}}
	for _, g := range branches {
		a.all.words = append(a.all.words, g.words...)
		a.all.cased = append(a.all.cased, g.cased...)
	}
	a.all.anyWord, a.all.anyCased = newFoldAnyOf(a.all.words...), newAnyOf(a.all.cased...)
	return a
}

func (a *anyGate) MatchString(s string) bool {
	if !a.all.may(s) {
		return false
	}
	for _, g := range a.branches {
		if g.MatchString(s) {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains word, ASCII letters
// compared without case; word is lower case. It does not allocate.
func containsFoldASCII(s, word string) bool {
	n := len(word)
	if n == 0 {
		return true
	}
	first := word[0]
	upper := first
	if first >= 'a' && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	// The next place each case of the first byte occurs, found by
	// strings.IndexByte, which is much faster than a byte loop.
	lo, up := nextByte(s, 0, first), len(s)
	if upper != first {
		up = nextByte(s, 0, upper)
	}
	for {
		i := min(lo, up)
		if i+n > len(s) {
			return false
		}
		if equalFoldASCII(s[i:i+n], word) {
			return true
		}
		if i == lo {
			lo = nextByte(s, i+1, first)
		}
		if i == up {
			up = nextByte(s, i+1, upper)
		}
	}
}

// nextByte is the index of c in s at or after from, len(s) when there is
// none.
func nextByte(s string, from int, c byte) int {
	if from >= len(s) {
		return len(s)
	}
	if j := strings.IndexByte(s[from:], c); j >= 0 {
		return from + j
	}
	return len(s)
}

func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
