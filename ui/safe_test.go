package ui

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeOutput(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello\nworld", "hello\nworld"},
		{"sgr kept", "\x1b[38;5;252mhi\x1b[0m \x1b[1;38:2::1:2:3m\x1b[m", "\x1b[38;5;252mhi\x1b[0m \x1b[1;38:2::1:2:3m\x1b[m"},
		{"osc title bel", "a\x1b]0;owned\x07b", "a^[]0;owned^Gb"},
		{"osc title st", "a\x1b]2;owned\x1b\\b", "a^[]2;owned^[\\b"},
		{"osc 8", "\x1b]8;;http://x\x07t\x1b]8;;\x07", "^[]8;;http://x^Gt^[]8;;^G"},
		{"osc 52", "\x1b]52;c;eA==\x07", "^[]52;c;eA==^G"},
		{"csi clear", "\x1b[2J\x1b[H\x1b[?1049h", "^[[2J^[[H^[[?1049h"},
		{"csi private m", "\x1b[?25m", "^[[?25m"},
		{"dcs apc pm sos", "\x1bPq\x1b\\\x1b_x\x1b\\\x1b^y\x1b\\\x1bXz\x1b\\", "^[Pq^[\\^[_x^[\\^[^y^[\\^[Xz^[\\"},
		{"lone esc", "end\x1b", "end^["},
		{"unterminated sgr", "\x1b[38;5", "^[[38;5"},
		{"c0", "a\x00b\x08c\rd\x7f", "a^@b^Hc^Md^?"},
		{"tab", "a\tb", "a b"},
		{"c1", "a\u009b2Jb\u0085", "a<U+009B>2Jb<U+0085>"},
		{"raw c1 byte", "a\x9b2J", "a\uFFFD2J"},
		{"bidi", "a\u202eb\u2066c\u2069d\u200fe\u061c", "abcde"},
		{"unicode kept", "Zoë 東京 😀 — «x»", "Zoë 東京 😀 — «x»"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SafeOutput(tc.in); got != tc.want {
				t.Errorf("SafeOutput(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSafeOutputNoAllocWhenSafe(t *testing.T) {
	s := strings.Repeat("\x1b[38;5;252mSome text, «quoted» 東京\x1b[0m\n", 200)
	if n := testing.AllocsPerRun(10, func() { _ = SafeOutput(s) }); n != 0 {
		t.Errorf("SafeOutput allocates %v times on safe input, want 0", n)
	}
}

// FuzzSafeOutput checks the allowlist: no control byte but the ESC of an
// SGR sequence, no C1 control, no bidi control, valid UTF-8; and safe
// input comes back unchanged.
func FuzzSafeOutput(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[0m", "\x1b]0;t\x07", "\x1b[2J", "\u009b", "\u202e", "\x9b", "\x1b[38;5;1", "a\tb\r\n", "\x1b\x1b[m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := SafeOutput(s)
		checkSafe(t, "SafeOutput", out)
		if !utf8.ValidString(out) {
			t.Fatalf("SafeOutput(%q) = %q is not UTF-8", s, out)
		}
		if again := SafeOutput(out); again != out {
			t.Fatalf("SafeOutput is not idempotent: %q → %q → %q", s, out, again)
		}
	})
}

func BenchmarkSafeOutput(b *testing.B) {
	frame := strings.Repeat("\x1b[38;5;252m  The harbour board of Halden said on Monday that \x1b[38;5;222m\"we will\x1b[0m — «x» 東京\n", 100)
	hostile := strings.Repeat("a\x1b]0;t\x07b\u009b\u202e\tc\n", 1000)
	for _, bc := range []struct{ name, s string }{{"frame", frame}, {"hostile", hostile}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			for i := 0; i < b.N; i++ {
				_ = SafeOutput(bc.s)
			}
		})
	}
}
