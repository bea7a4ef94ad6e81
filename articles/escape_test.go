package articles

import (
	"bytes"
	"fmt"
	"testing"
	"unicode/utf8"
)

// refEscape is escapeUnsafe's definition, rune by rune with no fast path.
func refEscape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if unsafeRune(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// TestEscapeUnsafeMatchesDefinition checks the byte-skipping fast path
// against the rune-by-rune definition for every rune of the Basic
// Multilingual Plane and some beyond it, each alone and between other
// text, and for truncated and stray UTF-8 bytes.
func TestEscapeUnsafeMatchesDefinition(t *testing.T) {
	var cases [][]byte
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := string(r)
		cases = append(cases, []byte(s), []byte("a"+s+"é"+s+"\u2028"))
	}
	for _, r := range []rune{0x10000, 0x1f600, 0xe0001, 0x10ffff} {
		cases = append(cases, []byte("x"+string(r)+"\u202ey"))
	}
	for b := 0x80; b < 0x100; b++ {
		cases = append(cases, []byte{'a', byte(b)}, []byte{byte(b), 0x80, 'z'}, []byte{byte(b), 0x80})
	}
	for _, c := range cases {
		if got, want := escapeUnsafe(c), refEscape(c); !bytes.Equal(got, want) {
			t.Fatalf("escapeUnsafe(%q) = %q, want %q", c, got, want)
		}
	}
}
