package index

import (
	"github.com/minutebook/minutebook/minutes/wordmatch"
	"unicode"
)

// How a clerk's correction finds its record again in a new parse, and how
// a span a clerk typed is found in an item's text. Records match by the
// Dice coefficient of their words (the rule the parser's clerk scorer
// uses, minutes/internal/clerkeval): texts fold to lower case without
// accents, every run of other characters than letters and digits is one
// break, and two texts are the same record when 2|A∩B|/(|A|+|B|) of their
// word multisets is at least sameRecord.

// sameRecord is the least Dice coefficient of two texts of one record.
const sameRecord = 0.5

// words are the words of s, folded (wordmatch.Words).
func words(s string) []string { return wordmatch.Words(s) }

// dice is the Dice coefficient of two word multisets (wordmatch.Dice).
func dice(a, b []string) float64 { return wordmatch.Dice(a, b) }

// foldRune is a character as spans are compared: lower case, curly
// quotes and dashes as their plain forms, every space as ' '.
func foldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201b', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201f', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// fold returns s folded (foldRune, runs of spaces as one, trimmed) and,
// for each rune of the result, the byte offset in s of the rune it came
// from and of the one after it.
func fold(s string) ([]rune, []int, []int) {
	var out []rune
	var from, to []int
	space := true // drop leading spaces
	for i, r := range s {
		f := foldRune(r)
		end := i + len(string(r))
		if f == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		out = append(out, f)
		from = append(from, i)
		to = append(to, end)
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out, from, to = out[:len(out)-1], from[:len(from)-1], to[:len(to)-1]
	}
	return out, from, to
}

// findSpan finds the text a clerk gave in an item's body, whatever its
// case, spacing, line breaks and kind of quotes and dashes, and returns
// the body's own words for it (verbatim, as records keep their text) and
// where they start. ok is false when the body does not hold it.
func findSpan(body, text string) (span string, at int, ok bool) {
	hay, from, to := fold(body)
	needle, _, _ := fold(text)
	if len(needle) == 0 {
		return "", 0, false
	}
	// Trailing full stops and spaces the clerk typed or left off do not
	// matter: "Clerk to write to the highways team." is found either way.
	for len(needle) > 1 && (needle[len(needle)-1] == '.' || needle[len(needle)-1] == ' ') {
		needle = needle[:len(needle)-1]
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if hay[i] != needle[0] {
			continue
		}
		match := true
		for j := 1; j < len(needle); j++ {
			if hay[i+j] != needle[j] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		end := to[i+len(needle)-1]
		if k := i + len(needle); k < len(hay) && hay[k] == '.' { // take the full stop that ends it
			end = to[k]
		}
		return body[from[i]:end], from[i], true
	}
	return "", 0, false
}
