package tui

import "testing"

func TestSanitise(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", "That the report be noted.", "That the report be noted."},
		{"newline and tab kept", "a\n\tb", "a\n\tb"},
		{"CSI colour", "the \x1b[31mriver path\x1b[0m.", "the river path."},
		{"CSI clear screen", "Manager\x1b[2J to arrange", "Manager to arrange"},
		{"OSC title with BEL", "Safety \x1b]0;pwned\x07Update", "Safety Update"},
		{"OSC 52 clipboard with ST", "a\x1b]52;c;aGVsbG8=\x1b\\b", "ab"},
		{"OSC 8 hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"two-byte escape", "a\x1bcb", "ab"},
		{"lone ESC at end", "a\x1b", "a"},
		{"C1 CSI", "Manager\u009b31m", "Manager"},
		{"C1 OSC", "x\u009d0;t\u009cy", "xy"},
		{"other C1", "a\u0085b", "ab"},
		{"C0 and DEL", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"lone CR becomes newline", "a\rb", "a\nb"},
		{"CRLF keeps one newline", "a\r\nb", "a\nb"},
		{"bidi override", "read \u202egnippit-ylf\u202c aloud", "read gnippit-ylf aloud"},
		{"bidi isolates and marks", "\u2066a\u2069\u200fb\u061c", "ab"},
		{"line separator", "a\u2028b", "a\nb"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"unterminated OSC loses only its introducer", "a\x1b]0;no end", "a0;no end"},
		{"mojibake kept", "Councilâ€™s", "Councilâ€™s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitise(tt.in); got != tt.want {
				t.Errorf("Sanitise(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a  b\n\nc\t d", "a b c d"},
		{"  lead and trail  ", "lead and trail"},
		{"x\x1b[1my", "xy"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitiseCleanDoesNotAllocate(t *testing.T) {
	s := "That a further report be submitted to the June 2022 meeting of the Committee."
	if n := testing.AllocsPerRun(100, func() { _ = Sanitise(s) }); n != 0 {
		t.Errorf("Sanitise allocated %v times on clean text", n)
	}
}

func FuzzSanitise(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]0;x\x07", "\u202e", "\xff", "a\rb", "\u009b1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitise(s)
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("Sanitise(%q) = %q keeps %U", s, out, r)
			}
		}
		if Sanitise(out) != out {
			t.Fatalf("Sanitise is not idempotent on %q", s)
		}
	})
}
