package store

import (
	"context"
	"strings"
	"testing"
)

// TestJSONRowReadsSQLite checks jsonRow against what SQLite's json_array
// writes: every value read back is the value given.
func TestJSONRowReadsSQLite(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cases := []struct {
		name string
		vals []any // string, int64 or nil
	}{
		{"plain", []any{"osc-2021-12-14-188-a1", "action", ""}},
		{"numbers", []any{int64(0), int64(-3), int64(1 << 40), "12"}},
		{"null", []any{nil, "x", nil}},
		{"quotes and backslashes", []any{`He said "no" \ then \"yes\"`, `C:\path\`}},
		{"controls", []any{"line\nbreak\ttab\rreturn\x01\x1f\b\f"}},
		{"unicode", []any{"café — “quoted” ‘single’ ☃ 𝄞 \u2028\u2029", "Ünïcödé"}},
		{"long", []any{strings.Repeat("word ", 5000)}},
		{"empty", []any{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(tc.vals)), ", ")
			var text string
			if err := s.reader.QueryRowContext(ctx, "SELECT json_array("+marks+")", tc.vals...).Scan(&text); err != nil {
				t.Fatal(err)
			}
			var jr jsonRow
			if err := jr.parse(text); err != nil {
				t.Fatalf("parse %s: %v", text, err)
			}
			if len(jr.vals) != len(tc.vals) {
				t.Fatalf("%d values from %s, want %d", len(jr.vals), text, len(tc.vals))
			}
			for i, v := range tc.vals {
				switch v := v.(type) {
				case nil:
					if _, ok := jr.nullStr(i); ok {
						t.Errorf("value %d: not null", i)
					}
				case int64:
					if got := jr.int(i); int64(got) != v {
						t.Errorf("value %d: %d, want %d", i, got, v)
					}
				case string:
					if got, ok := jr.nullStr(i); !ok || got != v {
						t.Errorf("value %d: %q, want %q", i, got, v)
					}
				}
			}
		})
	}
}

func TestJSONRowRefusesWhatIsNotARow(t *testing.T) {
	for _, in := range []string{"", "{}", `["a"`, `["a" "b"]`, `["\x"]`, `["\u12"]`, `[tru]`, `["a",]`, `["unterminated]`} {
		var jr jsonRow
		if err := jr.parse(in); err == nil {
			t.Errorf("parse(%q): no error, values %v", in, jr.vals)
		}
	}
}

func FuzzJSONRow(f *testing.F) {
	for _, s := range []string{`["a",1,null]`, `["\u00e9\ud834\udd1e"]`, `[]`, `["x\"y"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var jr jsonRow
		_ = jr.parse(s) // never panics
	})
}
