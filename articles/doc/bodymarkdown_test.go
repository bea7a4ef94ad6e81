package doc

import (
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// glamourParser parses Markdown the way glamour v1.0.0 does.
var glamourParser = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
).Parser()

// glamourUnescape is what glamour v1.0.0 does to text after decoding
// character references: it drops the backslash of these escapes.
var glamourUnescape = strings.NewReplacer(
	"\\\\", "\\", "\\`", "`", "\\*", "*", "\\_", "_", "\\{", "{", "\\}", "}", "\\[", "[", "\\]", "]",
	"\\<", "<", "\\>", ">", "\\(", "(", "\\)", ")", "\\#", "#", "\\+", "+", "\\-", "-", "\\.", ".",
	"\\!", "!", "\\|", "|",
)

// shownText returns what glamour shows of md when it is only paragraphs of
// text: each paragraph's text as glamour builds it (segment, then HTML
// unescaping), soft line breaks as "\n". It also returns the kinds of any
// other node found.
func shownText(md string) (paras []string, other []string) {
	src := []byte(md)
	root := glamourParser.Parse(text.NewReader(src))
	var cur strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindDocument:
		case ast.KindParagraph:
			if !entering {
				paras = append(paras, cur.String())
				cur.Reset()
			}
		case ast.KindText:
			if entering {
				t := n.(*ast.Text)
				cur.WriteString(glamourUnescape.Replace(html.UnescapeString(string(t.Segment.Value(src)))))
				if t.SoftLineBreak() || t.HardLineBreak() {
					cur.WriteByte('\n')
				}
			}
		default:
			if entering {
				other = append(other, n.Kind().String())
			}
		}
		return ast.WalkContinue, nil
	})
	return paras, other
}

// textDoc makes a plain-text Document with one block per paragraph.
func textDoc(paras ...string) *Document {
	var sb strings.Builder
	var blocks []Block
	for i, p := range paras {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		s := sb.Len()
		sb.WriteString(p)
		blocks = append(blocks, Block{Span: Span{s, sb.Len()}, Kind: Body})
	}
	return &Document{Format: Text, Text: sb.String(), Blocks: blocks}
}

// expectShown is what a plain-text paragraph should show: lines trimmed,
// blank lines dropped, tabs as spaces, controls in caret notation, marker
// runes and bidi controls dropped.
func expectShown(p string) string {
	var lines []string
	for _, l := range strings.Split(p, "\n") {
		l = strings.Trim(l, " \t")
		if l == "" {
			continue
		}
		var sb strings.Builder
		for _, r := range l {
			switch {
			case r == '\t':
				sb.WriteByte(' ')
			case IsMarkerRune(r) || isBidi(r):
			case isControl(r):
				sb.WriteString(caretNotation(r))
			default:
				sb.WriteRune(r)
			}
		}
		lines = append(lines, sb.String())
	}
	return strings.Join(lines, "\n")
}

func TestBodyMarkdownTextShowsExactWords(t *testing.T) {
	tests := []struct{ name, in string }{
		{"numbered year", "1999. A year to remember."},
		{"paren list", "1) not a list"},
		{"emphasis", "*not emphasis* and _not either_ and **nor this**"},
		{"heading", "# not a heading"},
		{"setext", "Title\n==="},
		{"setext dash", "Title\n---"},
		{"rule", "---"},
		{"star rule", "* * *"},
		{"quote", "> not a quote"},
		{"html", "<b>not bold</b> <!-- nor a comment -->"},
		{"link", "[x](https://example.com) and ![img](a.png)"},
		{"autolink", "<https://example.com>"},
		{"linkify", "www.example.com and https://example.org/a_b and a@b.com"},
		{"backslashes", `back\slash \* \\ end\`},
		{"underscores", "snake_case_name __init__"},
		{"backticks", "`code` and ``more``"},
		{"table", "a | b\n--- | ---\n1 | 2"},
		{"indented", "    indented four\n\tand a tab"},
		{"strike", "~~not struck~~ ~tilde~"},
		{"fence", "```\nnot code\n```"},
		{"tilde fence", "~~~\nnot code"},
		{"task", "- [ ] not a task"},
		{"plus", "+ plus"},
		{"definition", "Term\n: not a definition"},
		{"entities", "&amp; &#27; &copy; &lt;b&gt; &#x1b;]0;x&#7;"},
		{"emoji", ":smile: :+1:"},
		{"footnote", "text[^1]\n\n[^1]: note"},
		{"ref def", "[a]: https://example.com"},
		{"trailing spaces", "hard  \nbreak"},
		{"pipes", "| a | b |"},
		{"braces", "{curly} (round) [square]"},
		{"controls", "esc \x1b]0;title\x07 bell\x07 del\x7f c1\u009b"},
		{"markers", "zero\u200bwidth\u200d and \u202eevil"},
		{"quotes", `"He said," she said, 'fine' — «bien» „gut“`},
		{"math", "$x$ and 100% and 5^2"},
		{"html entity names", "&nbsp; &NewLine; &Tab;"},
		{"equals", "a == b; = c"},
		{"colon", "Note: this: that"},
		{"exclaim", "Wow! ![not an image]"},
		{"hash mid", "C# and #hashtag"},
		{"unicode", "Zoë Ñandú 東京 😀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := textDoc(tc.in)
			md := BodyMarkdown(d, nil, nil)
			paras, other := shownText(md)
			if len(other) > 0 {
				t.Errorf("Markdown %q parses with %v nodes; want paragraphs of text only", md, other)
			}
			want := expectShown(tc.in)
			if len(paras) != 1 || paras[0] != want {
				t.Errorf("shown %q, want %q (Markdown %q)", paras, want, md)
			}
		})
	}
}

func TestBodyMarkdownSkipsHeadlineAndFrontMatter(t *testing.T) {
	d := &Document{Format: Markdown, Text: "---\ntitle: T\n---\n# The title\n\nBody here.\n\n## Sub\n"}
	at := func(s string) Span {
		i := strings.Index(d.Text, s)
		return Span{i, i + len(s)}
	}
	d.Blocks = []Block{
		{Span: at("---\ntitle: T\n---"), Kind: FrontMatter},
		{Span: at("# The title"), Kind: Headline, Level: 1},
		{Span: at("Body here."), Kind: Body},
		{Span: at("## Sub"), Kind: Heading, Level: 2},
	}
	got := BodyMarkdown(d, nil, nil)
	want := "Body here.\n\n## Sub\n"
	if got != want {
		t.Errorf("BodyMarkdown = %q, want %q", got, want)
	}
}

func TestBodyMarkdownMarks(t *testing.T) {
	d := textDoc("Head", "A *b* c.", "> d")
	d.Blocks[0].Kind = Headline
	b1, b2 := d.Blocks[1].Start, d.Blocks[2].Start
	marks := []Mark{
		{Pos: 0, Code: "H"}, // in the skipped headline: dropped
		{Pos: b1, Code: "<1"},
		{Pos: b1, Code: "<2"}, // same position: order kept
		{Pos: b1 + 2, Code: "|"},
		{Pos: d.Blocks[1].End, Code: ">"},
		{Pos: b2, Code: "@"},
	}
	got := BodyMarkdown(d, marks, nil)
	want := `<1<2A |\*b\* c\.>` + "\n\n" + `@\> d` + "\n"
	if got != want {
		t.Errorf("BodyMarkdown = %q, want %q", got, want)
	}
}

func TestBodyMarkdownMarkdownSyntax(t *testing.T) {
	md := func(src string, marks ...Mark) string {
		d := &Document{Format: Markdown, Text: src, Blocks: []Block{{Span: Span{0, len(src)}, Kind: Body}}}
		return BodyMarkdown(d, marks, func(n string) string { return "{" + n + "}" })
	}
	tests := []struct {
		name, in, want string
		marks          []Mark
	}{
		{"syntax kept", "*em* and [link](https://x.org) `c<d>`", "*em* and [link](https://x.org) `c<d>`\n", nil},
		{"raw html escaped", "a <script>x</script>", `a \<script>x\</script>` + "\n", nil},
		{"escaped lt kept", `a \<b>`, `a \<b>` + "\n", nil},
		{"autolink kept", "see <https://x.org/a>", "see <https://x.org/a>\n", nil},
		{"safe entity kept", "&amp; &copy; &#65;", "&amp; &copy; &#65;\n", nil},
		{"control entity", "&#27;]0;x&#7;", "&amp;#27;]0;x&amp;#7;\n", nil},
		{"hex entity", "&#x1B;[2J", "&amp;#x1B;[2J\n", nil},
		{"entity without semicolon", "&#27 x", "&amp;#27 x\n", nil},
		{"entity cut by emphasis", "&#x1*b*;", "&amp;#x1*b*;\n", nil},
		{"zero width entity", "a&ZeroWidthSpace;b &#8203; &#x202e;", "a&amp;ZeroWidthSpace;b &amp;#8203; &amp;#x202e;\n", nil},
		{"entity in code span", "`&#27;`", "`&amp;#27;`\n", nil},
		{"control", "a\x1bb", `a{^\[}b` + "\n", nil},
		{"control in code span", "`a\x1bb`", "`a{^[}b`\n", nil},
		{"tab", "a\tb", "a b\n", nil},
		{"quote nesting capped", strings.Repeat("> ", 20) + "deep", strings.Repeat("> ", 8) + strings.Repeat(" ", 12) + "deep\n", nil},
		{"list nesting capped", strings.Repeat("- ", 12) + "x", strings.Repeat("- ", 8) + strings.Repeat(" ", 4) + "x\n", nil},
		{"indent capped", strings.Repeat(" ", 100) + "- x", strings.Repeat(" ", 32) + "- x\n", nil},
		{"mark after prefix", "> - quoted", "> - |quoted\n", []Mark{{Pos: 0, Code: "|"}}},
		{"mark after heading", "## Title", "## |Title\n", []Mark{{Pos: 0, Code: "|"}}},
		{"mark inside table row", "| a | b |\n|---|---|", "|| a | b |\n|---|---|\n", []Mark{{Pos: 0, Code: "|"}}},
		{"mark after rule", "***", "***\n", []Mark{{Pos: 0, Code: "|"}}},
		{"escape pair kept whole", `\*x`, `\*|x` + "\n", []Mark{{Pos: 1, Code: "|"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := md(tc.in, tc.marks...); got != tc.want {
				t.Errorf("BodyMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestBodyMarkdownClosesFence(t *testing.T) {
	src := "```go\nfunc x() {\n\tgo\x1b()\n"
	d := &Document{Format: Markdown, Text: src, Blocks: []Block{{Span: Span{0, len(src) - 1}, Kind: Code}}}
	got := BodyMarkdown(d, []Mark{{Pos: 0, Code: "|"}}, nil)
	want := "```go\n|func x() {\n    go^[()\n```\n"
	if got != want {
		t.Errorf("BodyMarkdown = %q, want %q", got, want)
	}
	paras, other := shownText(got)
	if len(paras) != 0 || len(other) != 1 || other[0] != "FencedCodeBlock" {
		t.Errorf("parsed as %v %v, want one FencedCodeBlock", paras, other)
	}
}

func TestBodyMarkdownFencesAPieceOfCode(t *testing.T) {
	src := "x := 1\ny := `q`"
	d := &Document{Format: Markdown, Text: src, Blocks: []Block{{Span: Span{0, len(src)}, Kind: Code}}}
	if got, want := BodyMarkdown(d, nil, nil), "```\nx := 1\ny := `q`\n```\n"; got != want {
		t.Errorf("BodyMarkdown = %q, want %q", got, want)
	}
	src = "    indented\n    code"
	d = &Document{Format: Markdown, Text: src, Blocks: []Block{{Span: Span{0, len(src)}, Kind: Code}}}
	if got, want := BodyMarkdown(d, nil, nil), src+"\n"; got != want {
		t.Errorf("BodyMarkdown = %q, want %q", got, want)
	}
}

func TestBodyMarkdownHyphen(t *testing.T) {
	o := MarkdownOptions{Hyphen: "~"}
	d := textDoc("- a two-day - meeting")
	if got, want := BodyMarkdownWith(d, nil, o), "~ a two~day ~ meeting\n"; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
	src := "- a two-day `x-y` meeting\n\n---\n\n| a-b | c |\n|---|:-:|\n\nTitle\n---"
	d = &Document{Format: Markdown, Text: src, Blocks: []Block{{Span: Span{0, len(src)}, Kind: Body}}}
	want := "- a two~day `x-y` meeting\n\n---\n\n| a~b | c |\n|---|:-:|\n\nTitle\n---\n"
	if got := BodyMarkdownWith(d, nil, o); got != want {
		t.Errorf("markdown: got %q, want %q", got, want)
	}
}

func TestBodyMarkdownBreaksLongRuns(t *testing.T) {
	long := strings.Repeat("x", 1000)
	for _, f := range []Format{Text, Markdown} {
		d := &Document{Format: f, Text: "a " + long + " b", Blocks: []Block{{Span: Span{0, 1004}, Kind: Body}}}
		got := BodyMarkdownWith(d, nil, MarkdownOptions{Break: "~ ", BreakEvery: 60})
		for _, w := range strings.Fields(got) {
			if n := utf8.RuneCountInString(strings.TrimSuffix(w, "~")); n > 60 {
				t.Errorf("%s: run of %d runes, want at most 60", f, n)
			}
		}
		if joined := strings.ReplaceAll(got, "~ ", ""); !strings.Contains(joined, long) {
			t.Errorf("%s: the long word is not whole once the breaks are removed", f)
		}
	}
	// Wide runes count two cells.
	d := textDoc(strings.Repeat("東", 100))
	got := BodyMarkdownWith(d, nil, MarkdownOptions{Break: "~ ", BreakEvery: 40})
	if n := strings.Count(got, "~ "); n != 4 {
		t.Errorf("100 wide runes at 40 cells: %d breaks, want 4", n)
	}
}

func TestEscapeText(t *testing.T) {
	for _, s := range []string{"the joint statement", "NATO's *chief* [x](y)", "A_B & C"} {
		paras, other := shownText(EscapeText(s))
		if len(other) > 0 || len(paras) != 1 || paras[0] != s {
			t.Errorf("EscapeText(%q) shows %q %v", s, paras, other)
		}
	}
}

// FuzzBodyMarkdown checks, for plain text, that the escaped Markdown shows
// exactly the words (only paragraphs of text, the same characters), and for
// Markdown that no control, marker or bidi rune can come out of what
// glamour decodes.
func FuzzBodyMarkdown(f *testing.F) {
	for _, s := range []string{
		"1999. A year", "* a *", "# h", "> q", "<b>", "[x](y)", `\`, "_a_", "`c`", "a|b\n-|-", "---",
		"    code", "~~s~~", "&#27;]0;x&#7;", "www.a.com", "T\n: d", "x\n===", "\x1b[2J\u009b\u202e", "&#2*7*;",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, format uint8) {
		if !utf8.ValidString(s) || len(s) > 4096 {
			return
		}
		s = strings.ReplaceAll(s, "\r", "")
		if format%2 == 0 {
			// Plain text: one block per paragraph.
			var paras []string
			for _, p := range strings.Split(s, "\n\n") {
				if strings.Trim(p, " \t\n") != "" {
					paras = append(paras, strings.Trim(p, "\n"))
				}
			}
			if len(paras) == 0 {
				return
			}
			d := textDoc(paras...)
			md := BodyMarkdownWith(d, nil, MarkdownOptions{BreakEvery: 1 << 30}) // breaks have a test of their own
			shown, other := shownText(md)
			if len(other) > 0 {
				t.Fatalf("Markdown %q has %v nodes", md, other)
			}
			var want []string
			for _, p := range paras {
				if e := expectShown(p); e != "" {
					want = append(want, e)
				}
			}
			if strings.Join(shown, "\n\n") != strings.Join(want, "\n\n") {
				t.Fatalf("shown %q, want %q (Markdown %q)", shown, want, md)
			}
			return
		}
		d := &Document{Format: Markdown, Text: s, Blocks: []Block{{Span: Span{0, len(s)}, Kind: Body}}}
		md := BodyMarkdown(d, nil, nil)
		for _, r := range md {
			if IsMarkerRune(r) || isBidi(r) || isControl(r) {
				t.Fatalf("Markdown %q has rune %U", md, r)
			}
		}
		src := []byte(md)
		root := glamourParser.Parse(text.NewReader(src))
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var raw string
			switch n := n.(type) {
			case *ast.Text:
				raw = string(n.Segment.Value(src))
			case *ast.CodeSpan:
				raw = string(n.Text(src)) //nolint:staticcheck // what glamour reads
			default:
				return ast.WalkContinue, nil
			}
			for _, r := range html.UnescapeString(raw) {
				if IsMarkerRune(r) || isBidi(r) || isControl(r) || r != '\n' && r != '\t' && unicode.Is(unicode.Cc, r) {
					t.Fatalf("glamour would decode %q of %q to rune %U", raw, md, r)
				}
			}
			return ast.WalkContinue, nil
		})
	})
}
