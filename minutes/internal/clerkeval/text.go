package clerkeval

import (
	"github.com/minutebook/minutebook/minutes/wordmatch"
	"strings"
)

// Tokens returns s normalised for matching: lower case, accents dropped,
// every run of characters that are not letters or digits a separator
// (wordmatch.Words).
func Tokens(s string) []string { return wordmatch.Words(s) }

// Normal returns s's tokens joined by single spaces.
func Normal(s string) string { return strings.Join(Tokens(s), " ") }

// Dice is the Dice coefficient of two token multisets (wordmatch.Dice).
func Dice(a, b []string) float64 { return wordmatch.Dice(a, b) }

// honorifics come off the front of a name; postNominals off its end.
var (
	honorifics = set("councillor", "councillors", "cllr", "cllrs", "clr", "cr", "crs", "cnclr",
		"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
		"rev", "revd", "reverend", "canon", "fr", "father", "pastor",
		"sir", "dame", "lord", "lady", "hon", "honourable", "honorable", "rt", "right",
		"mayor", "alderman", "ald", "deputy", "his", "her", "worship", "the",
		"director", "trustee", "commissioner", "supervisor", "member", "board",
		"chair", "chairman", "chairwoman", "chairperson", "vice", "president")
	postNominals = set("mbe", "obe", "cbe", "kbe", "dbe", "cvo", "lvo", "bem", "jp", "dl", "qc", "kc",
		"mp", "msp", "ms", "mla", "am", "mpp", "phd", "frsa", "fcca", "cpfa", "esq", "jr", "sr")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// NameTokens normalises a person's name for matching: tokens without
// honorifics or post-nominals. A bracketed note of initials ("Flynn (A)")
// moves to the front; any other bracketed note ("(Chair)", "(Proxy)") is
// dropped.
func NameTokens(s string) []string {
	var front []string
	var b strings.Builder
	for {
		i := strings.IndexAny(s, "([")
		if i < 0 {
			b.WriteString(s)
			break
		}
		closer := ")"
		if s[i] == '[' {
			closer = "]"
		}
		j := strings.Index(s[i:], closer)
		if j < 0 {
			b.WriteString(s[:i])
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		if inner := Tokens(s[i+1 : i+j]); initialsOnly(inner) {
			front = append(front, inner...)
		}
		s = s[i+j+1:]
	}
	toks := Tokens(b.String())
	for len(toks) > 1 && honorifics[toks[0]] {
		toks = toks[1:]
	}
	for len(toks) > 1 && postNominals[toks[len(toks)-1]] {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return nil
	}
	return append(front, toks...)
}

func initialsOnly(toks []string) bool {
	if len(toks) == 0 || len(toks) > 3 {
		return false
	}
	for _, t := range toks {
		if len([]rune(t)) != 1 {
			return false
		}
	}
	return true
}

// nameScore says how well two normalised names match: 3 equal, 2 same
// surname and same first given name or its initial, 1 same surname with
// one side giving no given name, 0 no match.
func nameScore(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return 3
	}
	if a[len(a)-1] != b[len(b)-1] {
		return 0
	}
	ga, gb := a[:len(a)-1], b[:len(b)-1]
	if len(ga) == 0 || len(gb) == 0 {
		return 1
	}
	x, y := ga[0], gb[0]
	switch {
	case x == y:
		return 2
	case len([]rune(x)) == 1 && strings.HasPrefix(y, x):
		return 2
	case len([]rune(y)) == 1 && strings.HasPrefix(x, y):
		return 2
	}
	return 0
}

// NamesMatch reports whether two names refer to the same person under the
// package's rules.
func NamesMatch(a, b string) bool { return nameScore(NameTokens(a), NameTokens(b)) > 0 }

// ownerRight reports whether a parsed owner agrees with the expected one:
// both unknown, or normalised equal, or one contained in the other.
func ownerRight(want *string, got string) bool {
	w := ""
	if want != nil {
		w = strings.Join(NameTokens(*want), " ")
	}
	g := strings.Join(NameTokens(got), " ")
	if w == "" || g == "" {
		return w == g
	}
	return strings.Contains(" "+w+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+w+" ")
}

// normalNumber normalises an item number: lower case, punctuation runs to
// single dots, no dots at the ends, no leading zeros ("04." is "4",
// "12(b)" is "12.b"), and no leading "Item", "Minute" or "No" ("Item
// 15/03/1" is "15.3.1").
func normalNumber(s string) string {
	parts := Tokens(s)
	for len(parts) > 1 && numberWords[parts[0]] {
		parts = parts[1:]
	}
	for i, p := range parts {
		if t := strings.TrimLeft(p, "0"); t != "" && allDigits(p) {
			parts[i] = t
		} else if allDigits(p) {
			parts[i] = "0"
		}
	}
	return strings.Join(parts, ".")
}

var numberWords = set("item", "items", "minute", "min", "no", "number", "agenda")

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
