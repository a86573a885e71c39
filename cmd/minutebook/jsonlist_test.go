package main

import (
	"bytes"
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
