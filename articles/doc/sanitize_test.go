package doc

import (
	"strings"
	"testing"
)

func TestVisible(t *testing.T) {
	tests := []struct {
		name, in, want, line string
	}{
		{"plain text unchanged", "Ministers met in Bucharest.", "Ministers met in Bucharest.", "Ministers met in Bucharest."},
		{"OSC title sequence", "a\x1b]0;pwned\x07b", "a^[]0;pwned^Gb", "a^[]0;pwned^Gb"},
		{"CSI clear screen", "\x1b[2J\x1b[H", "^[[2J^[[H", "^[[2J^[[H"},
		{"CR overwrite and backspace", "safe\rEVIL\b", "safe^MEVIL^H", "safe^MEVIL^H"},
		{"NUL and DEL", "a\x00b\x7f", "a^@b^?", "a^@b^?"},
		{"C1 CSI", "a\u009b31mb\u0085", "a<U+009B>31mb<U+0085>", "a<U+009B>31mb<U+0085>"},
		{"tab and newline", "a\tb\nc", "a\tb\nc", "a b c"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc", "a b c"},
		{"bidi override removed", "abc\u202Eevil\u202C\u2066x\u2069", "abcevilx", "abcevilx"},
		{"zero width and soft hyphen", "Rus\u200Bsia\u00AD\u2060\uFEFF\u034F", "Russia", "Russia"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb", "a\uFFFDb"},
		{"unicode kept", "«Ça va» — Київ", "«Ça va» — Київ", "«Ça va» — Київ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visible(tt.in); got != tt.want {
				t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := VisibleLine(tt.in); got != tt.line {
				t.Errorf("VisibleLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

func TestCarets(t *testing.T) {
	got := Carets("x\x1b[31my\x07", func(c string) string { return "<" + c + ">" })
	if want := "x<^[>[31my<^G>"; got != want {
		t.Errorf("Carets: got %q, want %q", got, want)
	}
	got = CaretsLine("a\tb\x00", func(c string) string { return "[" + c + "]" })
	if want := "a b[^@]"; got != want {
		t.Errorf("CaretsLine: got %q, want %q", got, want)
	}
}

func TestCaretAllControls(t *testing.T) {
	for r := rune(0); r < 0xA0; r++ {
		c := Caret(r)
		control := r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F
		if (c != "") != control {
			t.Errorf("Caret(%U) = %q, control %v", r, c, control)
		}
		if strings.ContainsFunc(c, func(x rune) bool { return x < 0x20 || x >= 0x7F && x < 0xA0 }) {
			t.Errorf("Caret(%U) = %q contains a control", r, c)
		}
	}
}

func TestReadRemovesInvisible(t *testing.T) {
	d, err := Read(Text, []byte("Zero\u200Bwidth \u202Etxt.exe\u202C title\n\nBody with a soft\u00ADhyphen and ESC \x1b[31m kept.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Zerowidth txt.exe title\n\nBody with a softhyphen and ESC \x1b[31m kept.\n"; d.Text != want {
		t.Errorf("Text: got %q, want %q", d.Text, want)
	}
}
