package wordmatch

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	if got, want := Words("Café—report, RÉSUMÉ  2024/25"), []string{"cafe", "report", "resume", "2024", "25"}; !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestDice(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"the clerk to write", "the clerk to write", 1},
		{"a a b", "a b b", 2 * 2.0 / 6},
		{"", "", 0},
		{"x", "", 0},
	} {
		if got := Dice(Words(tc.a), Words(tc.b)); got != tc.want {
			t.Errorf("Dice(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
