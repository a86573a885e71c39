package export

import (
	"encoding/json"
	"testing"
)

func TestNullStringIsMarshal(t *testing.T) {
	for _, s := range []string{"red", "due at next meeting", `say "hi"`, `a\b`, "<b>&", "tab\there", "café", "\u2028", "\xff", "~ ^ `"} {
		got, err := NullString(s).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(s)
		if string(got) != string(want) {
			t.Errorf("NullString(%q) = %s, want %s", s, got, want)
		}
	}
	if got, _ := NullString("").MarshalJSON(); string(got) != "null" {
		t.Errorf("empty: %s", got)
	}
}
