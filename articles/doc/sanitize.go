package doc

import (
	"strings"
	"unicode/utf8"
)

// Invisible reports whether r is an invisible format character that Read
// removes from Document.Text: zero-width space, non-joiner and joiner
// (U+200B–U+200D), the left-to-right and right-to-left marks (U+200E,
// U+200F, U+061C), the bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), the word joiner, invisible operators and deprecated format
// characters (U+2060–U+206F), the byte order mark (U+FEFF), the soft hyphen
// (U+00AD), the combining grapheme joiner (U+034F), the Mongolian vowel
// separator (U+180E), interlinear annotation marks (U+FFF9–U+FFFB) and tag
// characters (U+E0000–U+E007F). Tab, newline and other controls are not
// invisible in this sense: they are kept and shown by Visible.
//
// Removing the zero-width joiner breaks emoji sequences (a family emoji
// shows as its members); the body renderer reserves U+200B–U+200F and
// U+034F as markers, so the text must not contain them.
func Invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD, r == 0x34F, r == 0x61C, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2060 && r <= 0x206F:
		return true
	case r >= 0xFFF9 && r <= 0xFFFB:
		return true
	case r >= 0xE0000 && r <= 0xE007F:
		return true
	}
	return false
}

// Clean returns s without its invisible format characters (see Invisible),
// with invalid UTF-8 bytes replaced by U+FFFD each. Controls are kept.
func Clean(s string) string {
	// Fast path: nothing to do for valid text without the few lead bytes
	// that can start an invisible rune.
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || Invisible(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case Invisible(r):
		default:
			b.WriteString(s[i-n : i])
		}
	}
	return b.String()
}

// Caret returns how Visible shows the control character r, and "" when r
// is not one it replaces. C0 controls (other than tab and newline) use
// caret notation: NUL "^@", BEL "^G", BS "^H", CR "^M", ESC "^[", and DEL is
// "^?". C1 controls (U+0080–U+009F) have no caret form that readers know, so
// they show as their code point: "<U+009B>". Tab and newline give "".
func Caret(r rune) string {
	switch {
	case r == '\t' || r == '\n':
		return ""
	case r < 0x20:
		return "^" + string(rune(r+'@'))
	case r == 0x7F:
		return "^?"
	case r >= 0x80 && r <= 0x9F:
		const hex = "0123456789ABCDEF"
		return "<U+00" + string(hex[r>>4]) + string(hex[r&0xF]) + ">"
	}
	return ""
}

// Visible returns s made safe to write to a terminal as multi-line text:
// every C0 control except tab and newline, DEL and every C1 control is
// replaced by its caret notation (see Caret), so ESC, CSI, OSC and DCS
// sequences show as text ("^[]0;title^G") instead of acting; invisible
// format characters, bidi controls included, are removed (see Invisible);
// the line and paragraph separators U+2028 and U+2029 become newlines; and
// invalid UTF-8 bytes become U+FFFD. Tabs and newlines are kept.
func Visible(s string) string { return visible(s, false, nil) }

// VisibleLine is Visible for one-line fields (titles, list rows, the
// status bar, file names): tabs, newlines and the line separators become
// spaces as well.
func VisibleLine(s string) string { return visible(s, true, nil) }

// Carets is Visible with each caret notation passed to fn, which returns
// what to show instead (for instance the caret in a dim style); its result
// is written as is.
func Carets(s string, fn func(caret string) string) string { return visible(s, false, fn) }

// CaretsLine is VisibleLine with each caret notation passed to fn, as in
// Carets.
func CaretsLine(s string, fn func(caret string) string) string { return visible(s, true, fn) }

// needsVisible reports whether s has anything Visible would change.
func needsVisible(s string, line bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				if line || (c != '\t' && c != '\n') {
					return true
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || r <= 0x9F || r == 0x2028 || r == 0x2029 || Invisible(r) {
			return true
		}
		i += n
	}
	return false
}

func visible(s string, line bool, fn func(string) string) string {
	if !needsVisible(s, line) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t', r == '\n', r == 0x2028, r == 0x2029:
			if line {
				b.WriteByte(' ')
			} else if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteByte('\n')
			}
		case Invisible(r):
		default:
			if c := Caret(r); c != "" {
				if fn != nil {
					c = fn(c)
				}
				b.WriteString(c)
			} else {
				b.WriteString(s[i-n : i])
			}
		}
	}
	return b.String()
}
