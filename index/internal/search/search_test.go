package search

import (
	"errors"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"plain", "plain"},
		{"a \ue000b\ue001 c", "a [b] c"},
		{"…ing the \ue000report\ue001 was noted and the comm…", "…the [report] was noted and the…"},
		{"\ue000fly\ue001-\ue000tipping\ue001", "[fly]-[tipping]"},
		{"unclosed \ue000mark", "unclosed [mark]"},
	} {
		var b strings.Builder
		for _, s := range spans(tc.in) {
			if s.Match {
				b.WriteString("[" + s.Text + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		if b.String() != tc.want {
			t.Errorf("spans(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
	}
}

func TestParseSearch(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"fly tipping", "[fly] [tipping]"},
		{`"fly tipping" +report -"further report"`, `["fly tipping"] [report] -["further report"]`},
		{"budget OR finance report", "[budget|finance] [report]"},
		{"a OR b OR c", "[a|b|c]"},
		{"fly tipp tipp*", "[fly] [tipp|tipp*]"},
		{"OR budget OR", "[budget]"},
		{`kind:action committee:"Overview and Scrutiny" Status:done`, `[kind:action] [committee:"Overview and Scrutiny"] [status:done]`},
		{"10:30 re:view", "[10:30] [re:view]"}, // not fields
		{"-kind:item enfor*", "-[kind:item] [enfor*]"},
		{"/enforc.*/ x", "[/enforc.*/] [x]"},
	} {
		q, err := ParseSearch(tc.in)
		if err != nil {
			t.Errorf("ParseSearch(%q): %v", tc.in, err)
			continue
		}
		var parts []string
		for _, c := range q.Clauses {
			var any []string
			for _, term := range c.Any {
				s := term.Value
				if term.Phrase {
					s = `"` + s + `"`
				}
				if term.Field != "" {
					s = term.Field + ":" + s
				}
				any = append(any, s)
			}
			p := "[" + strings.Join(any, "|") + "]"
			if c.Not {
				p = "-" + p
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("ParseSearch(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if _, err := ParseSearch(`"unclosed`); !errors.Is(err, ErrBadQuery) {
		t.Errorf("unclosed quote: %v", err)
	}
}
