package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/party"
	"byline/articles/quote"
)

// para is a block of a test article.
type para struct {
	kind doc.Kind
	text string
}

// tquote names a quote of a test article by its text with the marks.
type tquote struct {
	text    string // as it stands, marks included
	kind    quote.Kind
	speaker string
}

// tparty names a party of a test article and the words of its mentions.
type tparty struct {
	name  string
	kind  party.Kind
	forms []string // every occurrence of each form is a mention
}

// buildArticle makes an Article by hand, so that the renderer's tests do
// not depend on the quote scanner and party extractor.
func buildArticle(t testing.TB, format doc.Format, paras []para, qs []tquote, ps []tparty) *articles.Article {
	t.Helper()
	var sb strings.Builder
	var blocks []doc.Block
	for i, p := range paras {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		s := sb.Len()
		sb.WriteString(p.text)
		blocks = append(blocks, doc.Block{Span: doc.Span{Start: s, End: sb.Len()}, Kind: p.kind})
	}
	text := sb.String()
	a := &articles.Article{Path: "test.txt", Document: doc.Document{Format: format, Text: text, Blocks: blocks}}
	if paras[0].kind == doc.Headline {
		a.Meta.Title = paras[0].text
	}
	from := 0
	for _, q := range qs {
		i := strings.Index(text[from:], q.text)
		if i < 0 {
			t.Fatalf("quote %q not in the text", q.text)
		}
		i += from
		from = i + len(q.text)
		bi := 0
		for k, b := range blocks {
			if b.Contains(i) {
				bi = k
			}
		}
		_, n := utf8.DecodeRuneInString(q.text)
		_, m := utf8.DecodeLastRuneInString(q.text)
		a.Quotes = append(a.Quotes, quote.Quote{
			Span:    doc.Span{Start: i, End: i + len(q.text)},
			Parts:   []doc.Span{{Start: i + n, End: i + len(q.text) - m}},
			Kind:    q.kind,
			Block:   bi,
			Speaker: q.speaker,
		})
	}
	for _, p := range ps {
		var ms []doc.Span
		for _, f := range p.forms {
			for k := 0; ; {
				j := strings.Index(text[k:], f)
				if j < 0 {
					break
				}
				ms = append(ms, doc.Span{Start: k + j, End: k + j + len(f)})
				k += j + len(f)
			}
		}
		sortSpans(ms)
		a.Parties = append(a.Parties, articles.Party{Party: party.Party{Name: p.name, Kind: p.kind, Mentions: ms}})
	}
	for _, b := range blocks {
		if b.Kind.Analysed() {
			a.Words += len(strings.Fields(text[b.Start:b.End]))
		}
	}
	return a
}

func sortSpans(ms []doc.Span) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// harbourArticle is a short news story written for these tests.
func harbourArticle(t testing.TB) *articles.Article {
	a := buildArticle(t, doc.Text, []para{
		{doc.Headline, `"We will hold the line," the harbour board says`},
		{doc.Caption, `Cranes at the Port of Halden at dusk / 2024 / NORDPRESS / Ivar Lund`},
		{doc.Body, `HALDEN — The harbour board of Halden said on Monday that "we will hold the line on fees for another year, whatever the shipping lines threaten, because the port belongs to the town and not to them," in a statement sent to local papers.`},
		{doc.Body, `Mayor Kari Dahl called the dispute a "family" quarrel. "Nobody in Halden should pay for a crisis they did not make," Dahl said.`},
		{doc.Body, `Fees rose 4.5% in 1999. A year later the board cut them again; #tags, *stars* and <angle> brackets are printed as they are.`},
		{doc.Boilerplate, `Read more: Ferries to Strömstad`},
	}, []tquote{
		{`"we will hold the line on fees for another year, whatever the shipping lines threaten, because the port belongs to the town and not to them,"`, quote.Direct, "the harbour board"},
		{`"family"`, quote.Scare, ""},
		{`"Nobody in Halden should pay for a crisis they did not make,"`, quote.Direct, "Kari Dahl"},
	}, []tparty{
		{"Halden", party.Place, []string{"Halden", "HALDEN"}},
		{"Kari Dahl", party.Person, []string{"Kari Dahl", "Dahl said"}},
	})
	a.Meta.Byline = "Ane Berg"
	a.Meta.Source = "Halden Post"
	a.Meta.Date = "2024-03-04"
	// "Dahl said" is a mention of "Dahl" only, and names the speaker of the
	// quote before it (so that quote gets no speaker tag).
	ms := a.Parties[1].Mentions
	ms[len(ms)-1].End = ms[len(ms)-1].Start + len("Dahl")
	a.Quotes[2].SpeakerSpan = ms[len(ms)-1]
	return a
}

func bodyOpts(width int, p termenv.Profile) BodyOptions {
	return BodyOptions{Width: width, Style: "dark", Profile: p, Styles: DefaultStyles(true)}
}

func render(t testing.TB, a *articles.Article, o BodyOptions) *Body {
	t.Helper()
	b, err := RenderBody(a, o)
	if err != nil {
		t.Fatalf("RenderBody: %v", err)
	}
	return b
}

var profiles = []struct {
	name string
	p    termenv.Profile
}{{"ascii", termenv.Ascii}, {"ansi256", termenv.ANSI256}}

func TestRenderBodyGolden(t *testing.T) {
	a := harbourArticle(t)
	highlights := []struct {
		name string
		h    Highlight
	}{
		{"none", NoHighlight},
		{"quote 0", Highlight{Quote: 0, Party: -1, Mention: -1, Match: -1}},
		{"party Halden, mention 2", Highlight{Quote: -1, Party: 0, Mention: 2, Match: -1}},
		{"search \"the\", match 3", Highlight{Quote: -1, Party: -1, Mention: -1, Search: "the", Match: 3}},
	}
	for _, w := range []int{40, 80, 120} {
		for _, pr := range profiles {
			t.Run(fmt.Sprintf("w%d_%s", w, pr.name), func(t *testing.T) {
				b := render(t, a, bodyOpts(w, pr.p))
				var sb strings.Builder
				for _, h := range highlights {
					fmt.Fprintf(&sb, "== %s ==\n", h.name)
					for i := 0; i < b.Len(); i++ {
						sb.WriteString(b.Line(i, h.h))
						sb.WriteString("|\n")
					}
				}
				golden.RequireEqual(t, []byte(sb.String()))
			})
		}
	}
}

// fromCell returns s from cell column col on.
func fromCell(s string, col int) string {
	c := 0
	for i, r := range s {
		if c >= col {
			return s[i:]
		}
		c += runewidth.RuneWidth(r)
	}
	return ""
}

func TestQuoteAndMentionPositions(t *testing.T) {
	a := harbourArticle(t)
	for _, w := range []int{20, 40, 80, 120} {
		for _, pr := range profiles {
			b := render(t, a, bodyOpts(w, pr.p))
			for qi, q := range a.Quotes {
				pos, ok := b.Quote(qi)
				if !ok {
					t.Errorf("w%d %s: quote %d not rendered", w, pr.name, qi)
					continue
				}
				// The opening mark and the first word are on the quote's line.
				words := strings.Fields(a.Text[q.Span.Start:q.Span.End])
				if got := fromCell(b.Plain(pos.Line), pos.Col); !strings.HasPrefix(got, words[0]) {
					t.Errorf("w%d %s: quote %d at %v: line shows %q there, want %q", w, pr.name, qi, pos, got, words[0])
				}
			}
			for pi, p := range a.Parties {
				for mi, m := range p.Mentions {
					pos, ok := b.Mention(pi, mi)
					if !ok {
						t.Errorf("w%d %s: mention %d of %s not rendered", w, pr.name, mi, p.Name)
						continue
					}
					want := a.Text[m.Start:m.End]
					if got := fromCell(b.Plain(pos.Line), pos.Col); !strings.HasPrefix(got, want) {
						t.Errorf("w%d %s: mention %d of %s at %v shows %q, want %q", w, pr.name, mi, p.Name, pos, got, want)
					}
				}
			}
			if _, ok := b.Mention(0, 99); ok {
				t.Errorf("Mention(0, 99) ok, want not rendered")
			}
			if _, ok := b.Quote(99); ok {
				t.Errorf("Quote(99) ok, want not rendered")
			}
		}
	}
}

// cellStyles interprets a composed line: for every visible cell, the SGR
// sequences in effect (concatenated since the last reset).
func cellStyles(s string) (cells []rune, states []string) {
	state := ""
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := sgrEnd(s, i)
			state = applySGR(state, s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		cells = append(cells, r)
		states = append(states, state)
		i += n
	}
	return cells, states
}

func TestHighlightSurvivesWrapping(t *testing.T) {
	a := harbourArticle(t)
	o := bodyOpts(40, termenv.ANSI256)
	b := render(t, a, o)
	cur := sgrPrefix(o.Styles.QuoteCurrent, o.Profile)
	base := sgrPrefix(o.Styles.Quote, o.Profile)
	h := Highlight{Quote: 0, Party: -1, Mention: -1, Match: -1}
	start, _ := b.Quote(0)
	end := start.Line
	for end < b.Len() && !strings.Contains(b.Plain(end), `them,"`) {
		end++
	}
	if end-start.Line < 2 {
		t.Fatalf("quote 0 spans lines %d–%d at width 40; the test needs 3 or more", start.Line, end)
	}
	for i := start.Line; i <= end; i++ {
		plain := b.Plain(i)
		from := len(plain) - len(strings.TrimLeft(plain, " "))
		if i == start.Line {
			from = start.Col
		}
		to := len(strings.TrimRight(plain, " "))
		if i == end {
			to = strings.Index(plain, `them,"`) + len(`them,"`)
		}
		for _, tc := range []struct {
			h    Highlight
			want string
		}{{h, cur}, {NoHighlight, base}} {
			cells, states := cellStyles(b.Line(i, tc.h))
			if string(cells) != plain {
				t.Fatalf("line %d: visible text %q differs from Plain %q", i, string(cells), plain)
			}
			for c := 0; c < len(cells); c++ {
				in := c >= from && c < to
				styled := strings.Contains(states[c], tc.want)
				if in && !styled {
					t.Errorf("line %d cell %d %q of the quote lacks %q (state %q)", i, c, cells[c], tc.want, states[c])
				}
				if !in && styled && cells[c] != ' ' {
					t.Errorf("line %d cell %d %q outside the quote is styled %q", i, c, cells[c], tc.want)
				}
				if in && cells[c] == ' ' && (c < 2 || c >= len(strings.TrimRight(plain, " "))) && styled {
					t.Errorf("line %d cell %d: margin styled", i, c)
				}
			}
		}
	}
	// The speaker tag follows the quote in its own style.
	if tag := strings.Join(strings.Fields(b.Plain(end)+" "+b.Plain(end+1)), " "); !strings.Contains(tag, `them," — the harbour board`) {
		t.Errorf("lines %d–%d %q lack the speaker tag after the quote", end, end+1, tag)
	}
}

// TestQuoteInBlockQuote checks that a quote wrapped inside a Markdown block
// quote is styled on every line but glamour's bar is not.
func TestQuoteInBlockQuote(t *testing.T) {
	q := `"we will hold the line on fees for another year, whatever the shipping lines threaten,"`
	a := buildArticle(t, doc.Markdown, []para{{doc.BlockQuote, "> The board said " + q + " on Monday."}}, []tquote{{q, quote.Direct, ""}}, nil)
	o := bodyOpts(30, termenv.ANSI256)
	b := render(t, a, o)
	cur := sgrPrefix(o.Styles.QuoteCurrent, o.Profile)
	h := Highlight{Quote: 0, Party: -1, Mention: -1, Match: -1}
	styledLines := 0
	for i := 0; i < b.Len(); i++ {
		cells, states := cellStyles(b.Line(i, h))
		line := false
		for c, r := range cells {
			if strings.Contains(states[c], cur) {
				line = true
				if r == '│' {
					t.Errorf("line %d: the block-quote bar is styled as the quote: %q", i, b.Plain(i))
				}
			}
		}
		if line {
			styledLines++
		}
	}
	if styledLines < 3 {
		t.Errorf("quote styled on %d lines, want 3 or more", styledLines)
	}
}

func TestAsciiHasNoEscapes(t *testing.T) {
	a := harbourArticle(t)
	hs := []Highlight{NoHighlight, {Quote: 2, Party: 1, Mention: 0, Search: "halden", Match: 1}}
	for _, w := range []int{1, 10, 40, 80} {
		o := bodyOpts(w, termenv.Ascii)
		b := render(t, a, o)
		for i := 0; i < b.Len(); i++ {
			for _, h := range hs {
				if l := b.Line(i, h); strings.ContainsRune(l, 0x1b) {
					t.Fatalf("w%d line %d has an escape: %q", w, i, l)
				}
			}
			if w > 1 && runewidth.StringWidth(b.Plain(i)) > w {
				t.Errorf("w%d line %d is %d cells wide: %q", w, i, runewidth.StringWidth(b.Plain(i)), b.Plain(i))
			}
		}
		s, err := Document(a, o)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(s, 0x1b) {
			t.Errorf("w%d Document has an escape", w)
		}
		if w >= 40 {
			for _, want := range []string{"harbour board says", "Ane Berg · Halden Post · 2024-03-04", "min read", "— the harbour board", "1999. A year", "*stars*", "<angle>"} {
				if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
					t.Errorf("w%d Document lacks %q:\n%s", w, want, s)
				}
			}
		}
	}
}

func TestSpeakerTags(t *testing.T) {
	joined := func(a *articles.Article) string {
		b := render(t, a, bodyOpts(50, termenv.Ascii))
		var all []string
		for i := 0; i < b.Len(); i++ {
			all = append(all, b.Plain(i))
		}
		return strings.Join(strings.Fields(strings.Join(all, " ")), " ")
	}
	a := harbourArticle(t)
	s := joined(a)
	for _, want := range []string{`them," — the harbour board in a statement`, `make," Dahl said.`} {
		if !strings.Contains(s, want) {
			t.Errorf("body lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "— Kari Dahl") {
		t.Errorf("a tag repeats the speaker named right after the quote:\n%s", s)
	}
	// A pronoun after the quote does not name the speaker: the tag stays.
	i := strings.Index(a.Text, "Dahl said")
	a.Text = a.Text[:i] + "she  said" + a.Text[i+len("Dahl said"):]
	a.Quotes[2].SpeakerSpan = doc.Span{Start: i, End: i + 3}
	a.Parties[1].Mentions = a.Parties[1].Mentions[:len(a.Parties[1].Mentions)-1]
	if s := joined(a); !strings.Contains(s, `make," — Kari Dahl she said.`) {
		t.Errorf("no tag before a pronoun:\n%s", s)
	}
	// A longer phrase that holds the speaker's name names it too.
	a = harbourArticle(t)
	i = strings.Index(a.Text, "Dahl said")
	a.Quotes[2].Speaker = "Dahl"
	a.Quotes[2].SpeakerSpan = doc.Span{Start: i, End: i + len("Dahl said")}
	if s := joined(a); strings.Contains(s, "— Dahl") {
		t.Errorf("a tag repeats the speaker named in the phrase after the quote:\n%s", s)
	}
	// No tag for scare quotes or unknown speakers.
	if n := strings.Count(s, " — "); n != 2 {
		t.Errorf("%d dashes in %q, want 2 (the dateline's and one tag)", n, s)
	}
}

func TestSearch(t *testing.T) {
	a := harbourArticle(t)
	o := bodyOpts(40, termenv.ANSI256)
	b := render(t, a, o)
	ms := b.Matches("HALDEN")
	want := 0
	for i := 0; i < b.Len(); i++ {
		want += strings.Count(strings.ToLower(b.Plain(i)), "halden")
	}
	if len(ms) != want || want < 4 {
		t.Fatalf("Matches found %d, want %d (at least 4)", len(ms), want)
	}
	match, current := sgrPrefix(o.Styles.Match, o.Profile), sgrPrefix(o.Styles.MatchCurrent, o.Profile)
	for k, m := range ms {
		if got := fromCell(b.Plain(m.Line), m.Col); !strings.HasPrefix(strings.ToLower(got), "halden") {
			t.Errorf("match %d at %v shows %q", k, m, got)
		}
		h := Highlight{Quote: -1, Party: -1, Mention: -1, Search: "halden", Match: 2}
		cells, states := cellStyles(b.Line(m.Line, h))
		_ = cells
		st := states[m.Col]
		wantStyle := match
		if k == 2 {
			wantStyle = current
		}
		if !strings.HasSuffix(st, wantStyle) {
			t.Errorf("match %d at %v: state %q, want it to end in %q", k, m, st, wantStyle)
		}
	}
	if got := b.Matches("no such words"); len(got) != 0 {
		t.Errorf("Matches(no such words) = %v", got)
	}
}

func TestBlockLineAndBlockAt(t *testing.T) {
	a := harbourArticle(t)
	for _, w := range []int{30, 80} {
		b := render(t, a, bodyOpts(w, termenv.Ascii))
		prev := -1
		for i, blk := range a.Blocks {
			l := b.BlockLine(i)
			if blk.Kind == doc.Headline {
				if l != b.BlockLine(i+1) {
					t.Errorf("BlockLine of the skipped headline = %d, want the next block's %d", l, b.BlockLine(i+1))
				}
				continue
			}
			if l <= prev {
				t.Errorf("w%d: block %d starts at line %d, not after %d", w, i, l, prev)
			}
			prev = l
			if got := b.BlockAt(l); got != i {
				t.Errorf("w%d: BlockAt(%d) = %d, want %d", w, l, got, i)
			}
			first := strings.Fields(a.Text[blk.Start:blk.End])[0]
			if !strings.Contains(b.Plain(l), first) {
				t.Errorf("w%d: block %d line %q lacks its first word %q", w, i, b.Plain(l), first)
			}
		}
		if got := b.BlockAt(b.Len() - 1); got != len(a.Blocks)-1 {
			t.Errorf("BlockAt(last line) = %d, want %d", got, len(a.Blocks)-1)
		}
	}
}

// hostileParas holds what a file could use to drive the terminal.
var hostileParas = []string{
	"Title setter \x1b]0;owned\x07 and \x1b]2;owned\x1b\\ here.",
	"Entities &#27;]0;x&#7; and &#x1b;[2J and &#x9b;2J and &ZeroWidthSpace; in text.",
	"Clear \x1b[2J\x1b[H and cursor \x1b[10;10H moves.",
	"Link \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 here.",
	"Clipboard \x1b]52;c;ZXZpbA==\x07 write.",
	"C1 CSI \u009b2J and NEL \u0085 and DCS \x1bPq\x1b\\ and APC \x1b_x\x1b\\.",
	"Bidi \u202eevil\u202c and isolate \u2066x\u2069 mark\u200f.",
	"Back\bspace and carriage\rreturn and bell\x07 and del\x7f.",
}

// checkSafe fails when s holds a control byte other than the ESC of a
// well-formed SGR sequence, a C1 control or a bidi control.
func checkSafe(t *testing.T, what, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0x1b {
			if n := sgrLen(s, i); n > 0 {
				i += n - 1
				continue
			}
			t.Fatalf("%s: ESC not starting an SGR at %d: %q", what, i, s)
		}
		if c < 0x20 && c != '\n' || c == 0x7f {
			t.Fatalf("%s: control byte %#x at %d: %q", what, c, i, s)
		}
	}
	for _, r := range s {
		if r >= 0x80 && r <= 0x9f || isBidiRune(r) || r == 0x200b {
			t.Fatalf("%s: rune %U in %q", what, r, s)
		}
	}
}

func TestHostileArticle(t *testing.T) {
	for _, f := range []doc.Format{doc.Text, doc.Markdown} {
		paras := []para{{doc.Headline, "Hostile \x1b]0;title\x07 headline"}}
		for _, p := range hostileParas {
			paras = append(paras, para{doc.Body, p})
		}
		paras = append(paras, para{doc.Body, "`code &#27;]0;x&#7; \x1b[2J`\n\n```\nfenced \x1b]0;t\x07\n```"})
		a := buildArticle(t, f, paras, nil, nil)
		i := strings.Index(a.Text, "Clear")
		a.Quotes = []quote.Quote{{Span: doc.Span{Start: i, End: i + 20}, Parts: []doc.Span{{Start: i, End: i + 20}}, Kind: quote.Direct, Speaker: "evil\x1b]0;x\x07 \u202espeaker"}}
		a.Parties = []articles.Party{{Party: party.Party{Name: "Clip", Mentions: []doc.Span{{Start: strings.Index(a.Text, "Clipboard"), End: strings.Index(a.Text, "Clipboard") + 9}}}}}
		for _, pr := range profiles {
			for _, w := range []int{20, 80} {
				o := bodyOpts(w, pr.p)
				b := render(t, a, o)
				name := fmt.Sprintf("%s/%s/w%d", f, pr.name, w)
				hs := []Highlight{NoHighlight, {Quote: 0, Party: 0, Mention: 0, Search: "2J", Match: 0}}
				all := ""
				for i := 0; i < b.Len(); i++ {
					for _, h := range hs {
						checkSafe(t, fmt.Sprintf("%s line %d", name, i), b.Line(i, h))
					}
					checkSafe(t, fmt.Sprintf("%s plain %d", name, i), b.Plain(i))
					all += b.Plain(i) + "\n"
				}
				if !strings.Contains(all, "^[") {
					t.Errorf("%s: no caret notation shown:\n%s", name, all)
				}
				if strings.Contains(all, "owned") == false {
					t.Errorf("%s: the text around a sequence is lost:\n%s", name, all)
				}
				s, err := Document(a, o)
				if err != nil {
					t.Fatal(err)
				}
				checkSafe(t, name+" Document", s)
				if pr.p == termenv.Ascii && strings.ContainsRune(s, 0x1b) {
					t.Errorf("%s: Document has an escape", name)
				}
			}
		}
	}
}

func TestWideAndLongLinesStayWithinWidth(t *testing.T) {
	long := strings.Repeat("x", 500)
	a := buildArticle(t, doc.Markdown, []para{
		{doc.Body, "A word " + long + " ends."},
		{doc.Body, "東京の港では" + strings.Repeat("東", 300)},
		{doc.Code, "```\n" + strings.Repeat("code", 60) + "\n```"},
		{doc.Body, "| a | b |\n|---|---|\n| " + strings.Repeat("cell ", 40) + " | b |"},
	}, nil, nil)
	for _, w := range []int{20, 40, 80} {
		b := render(t, a, bodyOpts(w, termenv.ANSI256))
		joined := ""
		for i := 0; i < b.Len(); i++ {
			if n := runewidth.StringWidth(b.Plain(i)); n > w {
				t.Errorf("w%d: line %d is %d cells: %q", w, i, n, b.Plain(i))
			}
			joined += strings.TrimSpace(b.Plain(i))
		}
		if !strings.Contains(joined, long) {
			t.Errorf("w%d: the long word is not whole when the lines are joined", w)
		}
	}
}

func TestHugeCodeBlockInPieces(t *testing.T) {
	var code strings.Builder
	code.WriteString("```go\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&code, "line%04d := %d\n", i, i)
	}
	code.WriteString("```")
	a := buildArticle(t, doc.Markdown, []para{{doc.Body, "Before the code."}, {doc.Code, code.String()}, {doc.Body, "After the code."}}, nil, nil)
	o := bodyOpts(60, termenv.Ascii)
	r := NewBodyRender(a, o)
	if n := len(r.p.chunks); n < 3 {
		t.Fatalf("%d chunks, want the code block in pieces over several", n)
	}
	pre, err := r.Prefix(20)
	if err != nil {
		t.Fatal(err)
	}
	if pre.Complete() {
		t.Errorf("Prefix(20) rendered the whole body")
	}
	b, err := r.All()
	if err != nil {
		t.Fatal(err)
	}
	// Every code line shows once, in order, with no blank line between the
	// pieces, and nothing shows the fences.
	next := 0
	for i := 0; i < b.Len(); i++ {
		l := strings.TrimSpace(b.Plain(i))
		if strings.Contains(l, "```") {
			t.Errorf("line %d shows a fence: %q", i, l)
		}
		if strings.HasPrefix(l, "line") {
			if want := fmt.Sprintf("line%04d := %d", next, next); l != want {
				t.Fatalf("line %d = %q, want %q", i, l, want)
			}
			next++
		} else if next > 0 && next < 1000 {
			t.Fatalf("line %d = %q inside the code block", i, l)
		}
	}
	if next != 1000 {
		t.Errorf("%d code lines shown, want 1000", next)
	}
	if got := b.BlockAt(b.BlockLine(2)); got != 2 {
		t.Errorf("BlockAt(BlockLine(2)) = %d, want 2", got)
	}
	// The plain-text fallback keeps code lines too.
	r = NewBodyRender(a, o)
	r.p.budget = func(int) time.Duration { return 0 }
	if b, err = r.All(); err != nil {
		t.Fatal(err)
	}
	glam := 0
	for _, c := range r.p.chunks {
		if !c.plain {
			glam++
		}
	}
	if b.Fallbacks() != glam {
		t.Fatalf("%d chunks fell back, want the %d rendered by glamour", b.Fallbacks(), glam)
	}
	next = 0
	for i := 0; i < b.Len(); i++ {
		if l := strings.TrimSpace(b.Plain(i)); strings.HasPrefix(l, "line") {
			if want := fmt.Sprintf("line%04d := %d", next, next); l != want {
				t.Fatalf("fallback line %d = %q, want %q", i, l, want)
			}
			next++
		}
	}
	if next != 1000 {
		t.Errorf("fallback: %d code lines shown, want 1000", next)
	}
}

// TestWrapIsGreedy checks that every line of a paragraph but its last is
// full: the next line's first word would not have fitted. Glamour's wrapper
// miscounts lines at hyphens, which left one-word lines ("warned" alone)
// before the renderer wrote non-breaking hyphens for it.
func TestWrapIsGreedy(t *testing.T) {
	text := "In a joint statement from a two-day meeting in Bucharest, NATO foreign ministers warned that " +
		"conflict-related damage to the rules-based order - the so-called post-war consensus - was well-known, " +
		"and that a long-term, cross-border, all-of-government response was state-of-the-art."
	for _, f := range []doc.Format{doc.Text, doc.Markdown} {
		a := buildArticle(t, f, []para{{doc.Body, text}}, nil, nil)
		for w := 26; w <= 100; w++ { // from where the longest word fits a line
			b := render(t, a, bodyOpts(w, termenv.Ascii))
			var words []string
			for i := 0; i < b.Len(); i++ {
				l := strings.TrimSpace(b.Plain(i))
				if strings.ContainsRune(l, '\u2011') {
					t.Fatalf("w%d line %d shows a non-breaking hyphen: %q", w, i, l)
				}
				words = append(words, strings.Fields(l)...)
				if i+1 < b.Len() {
					next := strings.Fields(b.Plain(i + 1))
					if len(next) > 0 && runewidth.StringWidth(l)+1+runewidth.StringWidth(next[0]) <= w-4 {
						t.Errorf("%s w%d: line %d %q ends early: %q would fit", f, w, i, l, next[0])
					}
				}
			}
			if got := strings.Join(words, " "); got != text {
				t.Fatalf("%s w%d: text %q, want %q", f, w, got, text)
			}
		}
	}
}

func TestChunksStitchLikeOneRender(t *testing.T) {
	var paras []para
	for i := 0; i < 400; i++ {
		paras = append(paras, para{doc.Body, fmt.Sprintf(`Paragraph %d says "quote number %d runs on for a while, to wrap," and Halden again.`, i, i)})
	}
	var qs []tquote
	for i := 0; i < 400; i++ {
		qs = append(qs, tquote{fmt.Sprintf(`"quote number %d runs on for a while, to wrap,"`, i), quote.Direct, "someone"})
	}
	a := buildArticle(t, doc.Text, paras, qs, []tparty{{"Halden", party.Place, []string{"Halden"}}})
	o := bodyOpts(60, termenv.ANSI256)
	p := newPlan(a, o)
	if len(p.chunks) < 2 {
		t.Fatalf("%d chunks for %d bytes, want several", len(p.chunks), len(a.Text))
	}
	chunked := render(t, a, o)
	p.chunks = []chunk{{from: 0, to: len(a.Blocks)}}
	outs, err := p.renderAll()
	if err != nil {
		t.Fatal(err)
	}
	whole := p.assemble(outs)
	if chunked.Fallbacks() > 0 || whole.Fallbacks() > 0 {
		t.Skipf("machine too busy: %d and %d chunks fell back to plain text", chunked.Fallbacks(), whole.Fallbacks())
	}
	if chunked.Len() != whole.Len() {
		t.Fatalf("chunked %d lines, whole %d", chunked.Len(), whole.Len())
	}
	for i := 0; i < whole.Len(); i++ {
		if chunked.Line(i, NoHighlight) != whole.Line(i, NoHighlight) {
			t.Fatalf("line %d differs:\n%q\n%q", i, chunked.Line(i, NoHighlight), whole.Line(i, NoHighlight))
		}
	}
	for q := range a.Quotes {
		p1, ok1 := chunked.Quote(q)
		p2, ok2 := whole.Quote(q)
		if p1 != p2 || ok1 != ok2 {
			t.Fatalf("quote %d at %v/%v chunked, %v/%v whole", q, p1, ok1, p2, ok2)
		}
	}
}

// TestParsedArticle renders an article read by articles.Parse, whatever
// the scanners find in it: every quote found in a rendered block has a
// position on the line of its first word, and the headline is not in the
// body.
func TestParsedArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.Parse("testdata/harbour.txt", doc.Text, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range profiles {
		b := render(t, a, bodyOpts(72, pr.p))
		if b.Len() == 0 {
			t.Fatal("nothing rendered")
		}
		for qi, q := range a.Quotes {
			if a.Blocks[q.Block].Kind == doc.Headline {
				continue
			}
			pos, ok := b.Quote(qi)
			if !ok {
				t.Errorf("quote %d (%q) not rendered", qi, q.Text(a.Text))
				continue
			}
			w := strings.Fields(a.Text[q.Span.Start:q.Span.End])[0]
			if got := fromCell(b.Plain(pos.Line), pos.Col); !strings.HasPrefix(got, w) {
				t.Errorf("quote %d at %v shows %q, want %q", qi, pos, got, w)
			}
		}
		if a.Blocks[0].Kind == doc.Headline && strings.Contains(b.Plain(0), strings.TrimSpace(a.Text[a.Blocks[0].Start:a.Blocks[0].End])) {
			t.Errorf("the headline is rendered in the body: %q", b.Plain(0))
		}
	}
}

// FuzzRenderBody renders arbitrary text as a plain-text or Markdown
// article, with a quote and a mention laid over it, and checks that no
// line lets a control character, a C1 control, a bidi control or a marker
// rune through, and that every line fits the width.
func FuzzRenderBody(f *testing.F) {
	for _, p := range append(hostileParas, "> > > > > > > > > > deep\n- - - - - - - - - - x", "```\ncode", "| a | b |\n|---|---|\n| 1 | 2 |", "&#27;[2J &#x9b; &ZeroWidthSpace;", `"Quoted," she said.`) {
		f.Add(p, uint8(0), uint16(3), uint16(12))
		f.Add(p, uint8(1), uint16(0), uint16(40))
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8, qs, qe uint16) {
		if len(s) > 2048 || !utf8.ValidString(s) {
			return
		}
		s = strings.ReplaceAll(s, "\r\n", "\n")
		format := doc.Text
		if mode&1 == 1 {
			format = doc.Markdown
		}
		var blocks []doc.Block
		start := 0
		kinds := []doc.Kind{doc.Body, doc.Caption, doc.Code, doc.ListItem, doc.Boilerplate, doc.Heading}
		for i := 0; i <= len(s); i++ {
			if i == len(s) || strings.HasPrefix(s[i:], "\n\n") {
				if i > start {
					blocks = append(blocks, doc.Block{Span: doc.Span{Start: start, End: i}, Kind: kinds[(int(mode)>>1+len(blocks))%len(kinds)]})
				}
				start = i + 2
				i++
			}
		}
		a := &articles.Article{Document: doc.Document{Format: format, Text: s, Blocks: blocks}}
		if q0, q1 := int(qs)%(len(s)+1), int(qe)%(len(s)+1); q0 < q1 {
			a.Quotes = []quote.Quote{{Span: doc.Span{Start: q0, End: q1}, Parts: []doc.Span{{Start: q0, End: q1}}, Kind: quote.Direct, Speaker: s[q0:q1]}}
			a.Parties = []articles.Party{{Party: party.Party{Name: "x", Mentions: []doc.Span{{Start: q0, End: q1}}}}}
		}
		width := 8 + int(mode>>4)*8
		for _, p := range []termenv.Profile{termenv.Ascii, termenv.ANSI256} {
			b, err := RenderBody(a, bodyOpts(width, p))
			if err != nil {
				t.Fatal(err)
			}
			h := Highlight{Quote: 0, Party: 0, Mention: 0, Search: "a", Match: 1}
			for i := 0; i < b.Len(); i++ {
				for _, l := range []string{b.Line(i, NoHighlight), b.Line(i, h), b.Plain(i)} {
					checkSafe(t, "line", l)
					for _, r := range l {
						if doc.IsMarkerRune(r) {
							t.Fatalf("line %d has marker rune %U: %q", i, r, l)
						}
					}
				}
				if n := runewidth.StringWidth(b.Plain(i)); n > width {
					t.Fatalf("line %d is %d cells, width %d: %q", i, n, width, b.Plain(i))
				}
				if p == termenv.Ascii && strings.ContainsRune(b.Line(i, h), 0x1b) {
					t.Fatalf("Ascii line %d has an escape", i)
				}
			}
			if pos, ok := b.Quote(0); ok && (pos.Line >= b.Len() || pos.Col > width) {
				t.Fatalf("quote at %v outside the body (%d lines)", pos, b.Len())
			}
		}
	})
}

// TestBodyConcurrentUse reads one Body from several goroutines, as the
// model and a background search may (run with -race).
func TestBodyConcurrentUse(t *testing.T) {
	a := harbourArticle(t)
	b := render(t, a, bodyOpts(40, termenv.ANSI256))
	want := make([]string, b.Len())
	for i := range want {
		want[i] = b.Line(i, Highlight{Quote: 0, Party: 0, Mention: 1, Search: "the", Match: 2})
	}
	b = render(t, a, bodyOpts(40, termenv.ANSI256)) // fresh caches
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for k := 0; k < 20; k++ {
				for _, s := range []string{"the", "halden", "line"} {
					b.Matches(s)
				}
				for i := 0; i < b.Len(); i++ {
					b.Line(i, NoHighlight)
					if got := b.Line(i, Highlight{Quote: 0, Party: 0, Mention: 1, Search: "the", Match: 2}); got != want[i] {
						done <- fmt.Sprintf("goroutine %d: line %d = %q, want %q", g, i, got, want[i])
						return
					}
				}
			}
			done <- ""
		}(g)
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
