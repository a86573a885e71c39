package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestWriteJSONListIsWriteJSON(t *testing.T) {
	type inner struct {
		A []string       `json:"a"`
		M map[string]int `json:"m"`
	}
	type elem struct {
		ID    string  `json:"id"`
		Text  string  `json:"text"`
		N     *int    `json:"n"`
		In    inner   `json:"in"`
		Empty []inner `json:"empty"`
	}
	one := 1
	cases := []struct {
		name string
		list []elem
	}{
		{"nil", nil},
		{"empty", []elem{}},
		{"one", []elem{{ID: "a", Text: "x"}}},
		{"escapes", []elem{{ID: "<b>&amp;</b>", Text: "line\nbreak \"quoted\" \u2028 tab\t"}, {ID: "b", N: &one}}},
		{"nested", []elem{{In: inner{A: []string{"x", "y"}, M: map[string]int{"k": 2, "a": 1}}, Empty: []inner{}}, {}, {ID: "last"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := writeJSON(&want, tc.list); err != nil {
				t.Fatal(err)
			}
			if err := writeJSONList(&got, tc.list); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("writeJSONList:\n%s\nwriteJSON:\n%s", got.String(), want.String())
			}
		})
	}
}

// FuzzIndentJSON: indentJSON indents compact JSON as json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{}],"b":{"c":"x\"y\\z,:{}[]","d":[]},"e":null}`, `[]`, `"s"`, `[[[]],[{}],{"":""}]`, `{"k":"\u003c\u2028"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "  ", "  "); err != nil {
			t.Fatal(err)
		}
		got := indentJSON(nil, compact.Bytes(), 1)
		if string(got) != want.String() {
			t.Errorf("indentJSON(%s):\n%s\njson.Indent:\n%s", compact.String(), got, want.String())
		}
	})
}
