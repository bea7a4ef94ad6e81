package doc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDocument asserts what every Document must satisfy, whatever the
// input: valid UTF-8 text with LF line ends and no invisible format
// characters, and blocks in order, not overlapping, inside the text and
// on rune boundaries.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	if strings.ContainsRune(d.Text, '\r') {
		t.Fatalf("text has a CR")
	}
	for i, r := range d.Text {
		if Invisible(r) {
			t.Fatalf("invisible %U at %d", r, i)
		}
	}
	prev := 0
	for i, b := range d.Blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(d.Text) {
			t.Fatalf("block %d [%d,%d) out of order or range (prev %d, len %d)", i, b.Start, b.End, prev, len(d.Text))
		}
		if !utf8.RuneStart(d.Text[b.Start]) && b.Start < len(d.Text) || b.End < len(d.Text) && !utf8.RuneStart(d.Text[b.End]) {
			t.Fatalf("block %d [%d,%d) splits a rune", i, b.Start, b.End)
		}
		prev = b.End
	}
	for _, s := range []string{d.Meta.Title, d.Meta.Byline, d.Meta.Date, d.Meta.Source, d.Meta.Dateline, d.Meta.URL} {
		if !utf8.ValidString(s) {
			t.Fatalf("meta field %q is not valid UTF-8", s)
		}
	}
}

// seedFiles adds the files under testdata matching pattern to the corpus.
func seedFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
}

func fuzzRead(f *testing.F, format Format) {
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(format, data)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkDocument(t, d)
		d2, _ := Read(format, data)
		if d2.Text != d.Text || len(d2.Blocks) != len(d.Blocks) {
			t.Fatalf("Read is not deterministic")
		}
	})
}

func FuzzReadText(f *testing.F) {
	seedFiles(f, "testdata/encoding/*.txt", "../../examples/*.txt", "../../examples/*/*.txt")
	for _, s := range []string{
		"Headline\n\nBy Jane Doe\nPhoto: AP\n\nKYIV, Ukraine (AP) — Body.\n\nRead more:\nA\nB\n",
		"\"Quote,\" he said\r\n\r\nNATO Summit Group\r\nBody\rmore",
		"\xff\xfeH\x00i\x00", "\x93x\x94", "\x1b]0;t\x07\n\n\x1b[2J", "\u202e\u200b", "\n\n\n", "a",
	} {
		f.Add([]byte(s))
	}
	fuzzRead(f, Text)
}

func FuzzReadMarkdown(f *testing.F) {
	seedFiles(f, "testdata/markdown/*.md", "../../examples/*.md", "../../examples/*/*.md")
	for _, s := range []string{
		"---\ntitle: T\nauthor: [A, B]\ndate: 2024-01-02\n---\n# T\n\n> > q\n\n- a\n  - b\n\n```\nc\n",
		"---\n&a [*a, *a]\n---\n", "> " + strings.Repeat(">", 200) + " deep", "#\n=\n-\n", "1) x\n   y\n\n    code",
	} {
		f.Add([]byte(s))
	}
	fuzzRead(f, Markdown)
}

func FuzzReadHTML(f *testing.F) {
	seedFiles(f, "testdata/html/*.html", "../../examples/*.html", "../../examples/*/*.html", "../../examples/*/*.htm")
	for _, s := range []string{
		`<p>a <a href="https://x">b</a> <q>c</q></p><blockquote cite="u"><p>d</p></blockquote>`,
		`<html><head><meta charset="koi8-r"><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":1}]}]}</script></head><body>&#x202e;&#27;]0;x&#7;</body>`,
		strings.Repeat("<div>", 600) + "x", "<table><tr><td><pre>\r</pre>", "<ul><li><ol><li>x",
	} {
		f.Add([]byte(s))
	}
	fuzzRead(f, HTML)
}

func FuzzReadSniff(f *testing.F) {
	for _, s := range []string{"<!doctype html><p>x", "---\ntitle: x\n---\nb", "# h\n\nb", "plain\n\ntext"} {
		f.Add([]byte(s))
	}
	fuzzRead(f, "")
}

// FuzzVisible asserts that no control character, C1 control or invisible
// format character survives Visible, and that VisibleLine is one line.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{"plain", "a\x1b]0;t\x07b", "\u009b31m", "\u202etxt\u2066", "\xff\xfe\x00", "a\tb\nc\r\x7f", "\u2028\u2029"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, line := range []bool{false, true} {
			v := Visible(s)
			if line {
				v = VisibleLine(s)
			}
			if !utf8.ValidString(v) {
				t.Fatalf("not valid UTF-8: %q", v)
			}
			for _, r := range v {
				bad := r < 0x20 && r != '\t' && r != '\n' || r == 0x7F || r >= 0x80 && r <= 0x9F || Invisible(r) || r == 0x2028 || r == 0x2029
				if line && (r == '\t' || r == '\n') {
					bad = true
				}
				if bad {
					t.Fatalf("Visible(%q) (line %v) keeps %U: %q", s, line, r, v)
				}
			}
		}
		if Carets(s, func(c string) string { return c }) != Visible(s) {
			t.Fatalf("Carets with identity differs from Visible")
		}
	})
}
