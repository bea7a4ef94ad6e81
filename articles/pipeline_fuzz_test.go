package articles_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"byline/articles"
	"byline/articles/doc"
)

// pipelineFormats are the formats FuzzJSONPipeline reads every input as:
// sniffed (stdin), and each format byline knows.
var pipelineFormats = []doc.Format{"", doc.Text, doc.Markdown, doc.HTML}

// fuzzPath is the path the fuzzed articles are given: it has an escape
// sequence, a bidi override and a newline in it, which --json must escape.
const fuzzPath = "in\x1b]0;t\x07\u202e\nput.txt"

// FuzzJSONPipeline runs untrusted bytes through everything --json does
// (articles.Parse, then Article.JSON) in every format and checks that it
// never panics, that the spans it reports lie inside the text on rune
// boundaries, and that the JSON is one valid line with no raw control,
// C1, bidi or invisible format character in it (escaped ones are fine)
// and decodes back to the article's own strings.
func FuzzJSONPipeline(f *testing.F) {
	for _, s := range []string{
		"",
		" \n\t\n",
		"Headline\n\nA paragraph.\n",
		"\"Quoted,\" she said.\n\n\"Unclosed",
		"# Title\n\n> > > \"deep,\" said NATO\n\n- a\n  - b\n    - c\n",
		"---\ntitle: x\x1b]0;t\x07\n---\nbody \u202e\n",
		"<html><body><p>\u201cHi,\u201d said Russia.&#27;]0;x&#7;</p><blockquote>q</blockquote></body></html>",
		"\x1b]8;;https://evil.example\x1b\\text\x1b]8;;\x1b\\ \u009b2J \x9b1;1H \xff\xfe",
		"Rus\u200bsia said \u201cno\u201d\r\nUkr\u00adaine\rsaid \"yes\"\x00",
		"&#2*7*;]0;t&#7; `&#27;` <!-- &#27; --> [a](&#27;)",
		"\xff\xfeH\x00i\x00\n\x00",
		"H\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00\n\x00",
		"\u00ab\u00bb\u201e\u201c\u2018\u2019\u2039\u203a\"'''\"\"",
		strings.Repeat("> ", 200) + "x",
		strings.Repeat("[](", 300),
		strings.Repeat("<div>", 300) + "x",
	} {
		f.Add([]byte(s))
	}
	for _, dir := range []string{"../testdata/hostile", "../examples"} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := os.ReadFile(path); err == nil && len(data) <= 64<<10 {
				f.Add(data)
			}
			return nil
		})
	}
	watch := hangWatch()
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watch(data)()
		for _, format := range pipelineFormats {
			a, err := articles.Parse(fuzzPath, format, data)
			if err != nil {
				if !strings.Contains(err.Error(), fuzzPath) {
					t.Errorf("format %q: error %q does not name the path", format, err)
				}
				continue
			}
			checkArticle(t, format, a)
			b, err := a.JSON()
			if err != nil {
				t.Fatalf("format %q: JSON: %v", format, err)
			}
			checkJSON(t, format, a, b)
		}
	})
}

// checkArticle checks the article's own invariants: valid UTF-8 text
// without invisible format characters, and spans inside it on rune
// boundaries.
func checkArticle(t *testing.T, format doc.Format, a *articles.Article) {
	t.Helper()
	text := a.Text
	if !utf8.ValidString(text) {
		t.Errorf("format %q: Text is not valid UTF-8", format)
	}
	for i, r := range text {
		if doc.Invisible(r) {
			t.Errorf("format %q: Text has invisible U+%04X at %d", format, r, i)
			break
		}
	}
	span := func(what string, s doc.Span) {
		t.Helper()
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			t.Errorf("format %q: %s span [%d,%d) outside the text (len %d)", format, what, s.Start, s.End, len(text))
			return
		}
		if (s.Start < len(text) && !utf8.RuneStart(text[s.Start])) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Errorf("format %q: %s span [%d,%d) splits a rune", format, what, s.Start, s.End)
		}
	}
	prev := 0
	for i, b := range a.Blocks {
		span("block", b.Span)
		if b.Start < prev {
			t.Errorf("format %q: block %d [%d,%d) overlaps or precedes the one before (ends %d)", format, i, b.Start, b.End, prev)
		}
		prev = b.End
	}
	for i, q := range a.Quotes {
		span("quote", q.Span)
		if len(q.Parts) == 0 {
			t.Errorf("format %q: quote %d has no parts", format, i)
		}
		for _, p := range q.Parts {
			span("quote part", p)
		}
		if !q.SpeakerSpan.IsZero() {
			span("speaker", q.SpeakerSpan)
		}
		if !q.Cue.IsZero() {
			span("cue", q.Cue)
		}
		if q.Block < 0 || q.Block >= len(a.Blocks) {
			t.Errorf("format %q: quote %d in block %d of %d", format, i, q.Block, len(a.Blocks))
		}
	}
	for _, p := range a.Parties {
		if p.Name == "" {
			t.Errorf("format %q: party with no name", format)
		}
		for _, m := range p.Mentions {
			span("mention of "+p.Name, m)
		}
	}
}

// checkJSON checks the bytes of Article.JSON: one line of valid JSON with
// no raw unsafe character, decoding to the article's values.
func checkJSON(t *testing.T, format doc.Format, a *articles.Article, b []byte) {
	t.Helper()
	if !json.Valid(b) {
		t.Fatalf("format %q: JSON is not valid: %q", format, b)
	}
	if ref := articles.RefJSON(a); !bytes.Equal(b, ref) {
		t.Fatalf("format %q: JSON differs from encoding/json's:\n got %q\nwant %q", format, b, ref)
	}
	if bytes.ContainsAny(b, "\n\r") {
		t.Errorf("format %q: JSON is not one line", format)
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if bad := unsafeOutputRune(r); bad != "" || (r == utf8.RuneError && n == 1) {
			t.Fatalf("format %q: raw %s U+%04X at byte %d of the JSON: %q", format, bad, r, i, b[max(0, i-20):min(len(b), i+20)])
		}
		i += n
	}
	var j struct {
		Path   string `json:"path"`
		Format string `json:"format"`
		Title  string `json:"title"`
		Words  int    `json:"words"`
		Quotes []struct {
			Text      string  `json:"text"`
			Speaker   *string `json:"speaker"`
			Kind      string  `json:"kind"`
			Paragraph int     `json:"paragraph"`
			Start     int     `json:"start"`
			End       int     `json:"end"`
		} `json:"quotes"`
		Parties []struct {
			Name     string `json:"name"`
			Mentions int    `json:"mentions"`
		} `json:"parties"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatalf("format %q: JSON does not decode: %v", format, err)
	}
	if j.Path != fuzzPath {
		t.Errorf("format %q: path %q, want %q", format, j.Path, fuzzPath)
	}
	if utf8.ValidString(a.Meta.Title) && j.Title != a.Meta.Title {
		t.Errorf("format %q: title %q, want %q", format, j.Title, a.Meta.Title)
	}
	if j.Format != string(a.Format) || j.Words != a.Words {
		t.Errorf("format %q: format, words = %q, %d; want %q, %d", format, j.Format, j.Words, a.Format, a.Words)
	}
	if len(j.Quotes) != len(a.Quotes) || len(j.Parties) != len(a.Parties) {
		t.Fatalf("format %q: %d quotes, %d parties in JSON; want %d, %d", format, len(j.Quotes), len(j.Parties), len(a.Quotes), len(a.Parties))
	}
	for i, q := range j.Quotes {
		if q.Start < 0 || q.End < q.Start || q.End > len(a.Text) {
			t.Errorf("format %q: quote %d offsets [%d,%d) outside the text (len %d)", format, i, q.Start, q.End, len(a.Text))
		}
		if q.Paragraph < 1 || q.Paragraph > len(a.Blocks) {
			t.Errorf("format %q: quote %d in paragraph %d of %d", format, i, q.Paragraph, len(a.Blocks))
		}
		if q.Kind != "direct" && q.Kind != "scare" {
			t.Errorf("format %q: quote %d kind %q", format, i, q.Kind)
		}
		if want := a.Quotes[i].Text(a.Text); q.Text != want {
			t.Errorf("format %q: quote %d text %q, want %q", format, i, q.Text, want)
		}
	}
	for i, p := range j.Parties {
		if p.Name != a.Parties[i].Name || p.Mentions != len(a.Parties[i].Mentions) {
			t.Errorf("format %q: party %d is %q×%d, want %q×%d", format, i, p.Name, p.Mentions, a.Parties[i].Name, len(a.Parties[i].Mentions))
		}
	}
}

// unsafeOutputRune names the kind of r when it must never be written raw
// to a terminal, and returns "" when it may be.
func unsafeOutputRune(r rune) string {
	switch {
	case r < 0x20 && r != '\t' && r != '\n', r == 0x7f:
		return "control"
	case r >= 0x80 && r <= 0x9f:
		return "C1 control"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return "bidi control"
	case doc.Invisible(r):
		return "invisible"
	}
	return ""
}

// hangWatch helps find inputs that hang the pipeline or are very slow,
// which the fuzzer does not report: with BYLINE_FUZZ_HANG=dir set, an input
// still running after BYLINE_FUZZ_SLOW (default 20s) is written to dir with
// every goroutine's stack at that moment, and the worker exits after a
// minute so that the fuzzer reports it. Without it, it does nothing.
func hangWatch() func(data []byte) func() {
	dir := os.Getenv("BYLINE_FUZZ_HANG")
	if dir == "" {
		return func([]byte) func() { return func() {} }
	}
	slow, err := time.ParseDuration(os.Getenv("BYLINE_FUZZ_SLOW"))
	if err != nil {
		slow = 20 * time.Second
	}
	return func(data []byte) func() {
		dump := time.AfterFunc(slow, func() {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			name := filepath.Join(dir, fmt.Sprintf("slow-%d", time.Now().UnixNano()))
			_ = os.WriteFile(name+".input", data, 0o644)
			_ = os.WriteFile(name+".stack", buf, 0o644)
		})
		hang := time.AfterFunc(time.Minute, func() { os.Exit(3) })
		return func() { dump.Stop(); hang.Stop() }
	}
}
