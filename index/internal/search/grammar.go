package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrBadQuery wraps a search the library cannot read.
var ErrBadQuery = errors.New("cannot read the search")

// The search box's grammar, read here and nowhere else (ParseSearch):
//
//	fly tipping            every word must match (stemmed: "enforcing" finds "enforcement")
//	"fly tipping"          the words as a phrase, in order
//	+word                  must match (as a plain word does)
//	-word  -"a phrase"     must not match
//	budget OR finance      either (OR in capitals joins the words either side)
//	enfor*  enf?rce        words starting so (three letters at least before * or ?)
//	tipp tipp*             the word or a word starting with it (as a search box
//	                       sends a word being typed)
//	field:value            one field: kind, committee, council, status, owner,
//	field:"a phrase"       year, title, text, minute, present, apologies, absent
//
// kind: takes resolution, action, followup, item or meeting (plurals and
// "follow-up" too); committee: a key or name, as --committee does;
// council: a council's name or the start of it, as --council does; status:
// open, in progress, done or dropped. present: (who attended, chaired or
// sat as a substitute), apologies: and absent: search meetings' attendance;
// a name typed on its own finds those meetings too.

// Query is a search box's text read into clauses, all of which must match.
type Query struct {
	Clauses []Clause
}

// Clause is one part of a query: it matches when any of its terms does
// (terms joined by OR), or, when Not, must not match.
type Clause struct {
	Any []Term
	Not bool
}

// Term is one word, phrase or field:value of a query.
type Term struct {
	Field  string // "" for the text (title, text, owner, attendance); otherwise one of SearchFields
	Value  string // the word, phrase or value, without quotes
	Phrase bool   // it was quoted
	Raw    string // as typed, without a leading + or -: bleve's own syntax for wildcards, fuzziness and boosts
}

// SearchFields are the fields a query may name (field:value).
var SearchFields = []string{"kind", "committee", "council", "status", "owner", "year", "title", "text", "minute", "present", "apologies", "absent"}

// ParseSearch reads a search box's text. It fails, wrapping ErrBadQuery,
// on an unclosed quote.
func ParseSearch(text string) (Query, error) {
	toks, err := searchTokens(text)
	if err != nil {
		return Query{}, err
	}
	var q Query
	joinNext := false
	for i, tok := range toks {
		if tok == "OR" {
			joinNext = len(q.Clauses) > 0 && i < len(toks)-1
			continue
		}
		not := false
		switch {
		case strings.HasPrefix(tok, "-") && len(tok) > 1:
			not, tok = true, tok[1:]
		case strings.HasPrefix(tok, "+") && len(tok) > 1:
			tok = tok[1:]
		}
		t := readTerm(tok)
		if n := len(q.Clauses); n > 0 && !not && asYouType(q.Clauses[n-1], t) {
			joinNext = true
		}
		if joinNext && !not && !q.Clauses[len(q.Clauses)-1].Not {
			last := &q.Clauses[len(q.Clauses)-1]
			last.Any = append(last.Any, t)
		} else {
			q.Clauses = append(q.Clauses, Clause{Any: []Term{t}, Not: not})
		}
		joinNext = false
	}
	return q, nil
}

// asYouType reports whether t is the word of clause c with a * after it:
// "tipp tipp*", what a search box sends as a word is typed, means the word
// or a word starting with it.
func asYouType(c Clause, t Term) bool {
	if c.Not || len(c.Any) != 1 {
		return false
	}
	w := c.Any[0]
	return w.Field == "" && t.Field == "" && !w.Phrase && !t.Phrase && t.Value == w.Value+"*"
}

// Fielded returns the values the query requires of field (in clauses of
// that field alone, not negated).
func (q Query) Fielded(field string) []string {
	var out []string
	for _, c := range q.Clauses {
		if !c.Not && len(c.Any) == 1 && c.Any[0].Field == field {
			out = append(out, c.Any[0].Value)
		}
	}
	return out
}

// searchTokens splits text at spaces, keeping "quoted phrases" (after a
// field: or a + or - too) and /regular expressions/ whole.
func searchTokens(text string) ([]string, error) {
	var toks []string
	var b strings.Builder
	inQuote, inRegexp := false, false
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case inQuote:
			b.WriteRune(r)
			if r == '"' {
				inQuote = false
			}
		case inRegexp:
			b.WriteRune(r)
			if r == '/' {
				inRegexp = false
			}
		case unicode.IsSpace(r):
			flush()
		case r == '"':
			b.WriteRune(r)
			inQuote = true
		case r == '/' && (b.Len() == 0 || strings.HasSuffix(b.String(), ":") || b.String() == "+" || b.String() == "-"):
			b.WriteRune(r)
			inRegexp = true
		default:
			b.WriteRune(r)
		}
	}
	if inQuote {
		return nil, fmt.Errorf("%w %q: a quote is not closed; put phrases in double quotes", ErrBadQuery, text)
	}
	flush()
	return toks, nil
}

// readTerm reads one token: [field:]value.
func readTerm(tok string) Term {
	t := Term{Raw: tok}
	if f, v, ok := strings.Cut(tok, ":"); ok && v != "" && isSearchField(strings.ToLower(f)) {
		t.Field, t.Raw = strings.ToLower(f), strings.ToLower(f)+":"+v
		tok = v
	}
	if len(tok) >= 2 && tok[0] == '"' && tok[len(tok)-1] == '"' {
		t.Phrase, tok = true, tok[1:len(tok)-1]
	}
	t.Value = tok
	return t
}

func isSearchField(f string) bool {
	for _, s := range SearchFields {
		if s == f {
			return true
		}
	}
	return false
}

// DocKind is what a search hit is: a record of one of the minutes.Kinds,
// an item, or a meeting (its attendance).
type DocKind string

const (
	DocResolution DocKind = "resolution"
	DocAction     DocKind = "action"
	DocFollowUp   DocKind = "followup"
	DocItem       DocKind = "item"
	DocMeeting    DocKind = "meeting"
)

// ParseDocKind accepts the forms a person types: "action", "actions",
// "follow-up", "follow ups", "items", "attendance".
func ParseDocKind(s string) (DocKind, bool) {
	switch k := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(s)), "")); k {
	case "resolution", "resolutions", "resolved", "decision", "decisions":
		return DocResolution, true
	case "action", "actions":
		return DocAction, true
	case "followup", "followups":
		return DocFollowUp, true
	case "item", "items":
		return DocItem, true
	case "meeting", "meetings", "attendance":
		return DocMeeting, true
	}
	return "", false
}
