package ui

import (
	"strings"
	"unicode/utf8"
)

// SafeOutput returns s with every escape sequence except SGR (ESC [ params m)
// removed and every other control character but newline replaced by its
// caret notation: the allowlist applied to whatever byline is about to
// write to the terminal.
//
// In detail: an SGR sequence (ESC [, digits, ";" and ":", then "m") is kept;
// any other ESC is shown as "^[" and what followed it stays as text (so a
// CSI, OSC, DCS, APC, PM or SOS sequence is shown, never run); other C0
// controls become "^X", DEL "^?", C1 controls (U+0080–U+009F) "<U+009B>"; a tab
// becomes one space (its width depends on the column, which this filter
// does not know); bidi embeddings, overrides, isolates and marks are
// dropped; bytes that are not UTF-8 become U+FFFD (a raw 0x9B byte is CSI
// to some terminals). It makes one pass and returns s itself when it is
// already safe.
func SafeOutput(s string) string {
	// Fast path: find the first byte that needs a look.
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		if c == 0x1b {
			if j := sgrLen(s, i); j > 0 {
				i += j
				continue
			}
			break
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || n > 1) && !(r >= 0x80 && r <= 0x9f) && !isBidiRune(r) {
				i += n
				continue
			}
		}
		break
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	start := i
	flush := func(to int) {
		b.WriteString(s[start:to])
	}
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		if c == 0x1b {
			if j := sgrLen(s, i); j > 0 {
				i += j
				continue
			}
			flush(i)
			b.WriteString("^[")
			i++
			start = i
			continue
		}
		if c < 0x80 {
			flush(i)
			switch c {
			case '\t':
				b.WriteByte(' ')
			case 0x7f:
				b.WriteString("^?")
			default:
				b.WriteByte('^')
				b.WriteByte('@' + c)
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			flush(i)
			b.WriteString("\uFFFD")
		case r >= 0x80 && r <= 0x9f:
			flush(i)
			const hex = "0123456789ABCDEF"
			b.WriteString("<U+00")
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
			b.WriteByte('>')
		case isBidiRune(r):
			flush(i)
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	flush(len(s))
	return b.String()
}

// sgrLen returns the length of the SGR sequence at s[i], or 0.
func sgrLen(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return 0
	}
	j := i + 2
	for j < len(s) && j-i < 256 && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
		j++
	}
	if j < len(s) && s[j] == 'm' {
		return j + 1 - i
	}
	return 0
}
