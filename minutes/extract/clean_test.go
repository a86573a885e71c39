package extract

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "12. Minutes\n\tRESOLVED\f", "12. Minutes\n\tRESOLVED\f"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"bare CR shows both", "FAIL\rPASS", "FAIL\nPASS"},
		{"CSI clear screen", "a\x1b[2Jb\x1b[1;31mred\x1b[0m", "abred"},
		{"OSC 52 clipboard", "x\x1b]52;c;ZWNobyBoaQ==\x07y", "xy"},
		{"OSC 8 link ST", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"8-bit OSC", "a\u009d0;title\u009cb", "ab"},
		{"BEL and NUL", "ding\x07\x00dong", "dingdong"},
		{"bidi override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"soft hyphen", "fly\u00adtipping", "flytipping"},
		{"unterminated OSC loses only its introducer", "a\x1b]0;evil\nnext", "a0;evil\nnext"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"ESC at end", "a\x1b", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanText(tc.in)
			if got != tc.want {
				t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := cleanText(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"a\x1b[2Jb", "\x1b]52;c;AA\x07", "FAIL\rPASS", "\u009b1m", "\r\r\n", "\x1b\x1b[m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := cleanText(s)
		if twice := cleanText(once); twice != once {
			t.Fatalf("cleanText not idempotent: %q -> %q -> %q", s, once, twice)
		}
		for _, r := range once {
			if unsafeRune(r) && r != 0xfffd {
				t.Fatalf("cleanText(%q) kept %U", s, r)
			}
		}
		if strings.ContainsRune(once, '\r') {
			t.Fatalf("CR survived in %q", once)
		}
	})
}
