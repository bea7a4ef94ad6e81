package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/party"
	"byline/articles/quote"
)

// Sentences for generated articles, written for these benchmarks.
var (
	genPlain = []string{
		"The council met on %s to discuss the harbour fees for the coming winter.",
		"Ferry traffic to %s fell by a fifth in the first quarter, the port office said.",
		"Local fishermen have asked for a meeting with the minister before the summer.",
		"Shipping lines say the new fees would add about 4.5%% to the price of a crossing.",
		"Talks between the town and %s are expected to continue next week.",
		"A spokesman for the port declined to comment on the figures.",
		"The old quay, built in 1911, needs repairs that nobody has budgeted for.",
		"Some residents called the plan a so-called \"compromise\" that pleased no one.",
		"Freight volumes at %s have doubled since the bridge opened.",
		"The board will publish its accounts at the end of the month.",
	}
	genQuotes = []string{
		"we will not carry the losses of companies that made record profits last year",
		"the port belongs to the town and its people, not to the shipping lines",
		"nobody should pay for a crisis they did not make",
		"we are ready to talk to anyone who wants to talk, at any time",
		"the winter timetable stays as it is, whatever happens in the talks",
	}
	genNames  = []string{"Kari Dahl", "Ivar Lund", "Ane Berg", "the harbour board", "Nordline", "Halden", "Strömstad", "Fredrikstad"}
	genPlaces = []string{"Halden", "Strömstad", "Fredrikstad", "Sarpsborg"}
)

// genArticle writes a plain-text article of about size bytes from the
// sentences above, with its quotes and parties found as it writes.
func genArticle(size int) *articles.Article {
	rng := rand.New(rand.NewPCG(1, uint64(size)))
	var sb strings.Builder
	var blocks []doc.Block
	var qs []quote.Quote
	mentions := map[string][]doc.Span{}
	add := func(s string) {
		sb.WriteString(s)
	}
	mention := func(name string) {
		s := sb.Len()
		add(name)
		mentions[name] = append(mentions[name], doc.Span{Start: s, End: sb.Len()})
	}
	title := "Harbour fees: the town holds the line"
	add(title)
	blocks = append(blocks, doc.Block{Span: doc.Span{Start: 0, End: sb.Len()}, Kind: doc.Headline})
	for sb.Len() < size {
		add("\n\n")
		start := sb.Len()
		n := 2 + rng.IntN(4)
		for k := 0; k < n; k++ {
			if k > 0 {
				add(" ")
			}
			if rng.IntN(3) == 0 {
				qs0 := sb.Len()
				add("\"")
				add(genQuotes[rng.IntN(len(genQuotes))])
				add(",\" ")
				qe := sb.Len() - 1
				speaker := genNames[rng.IntN(4)]
				ss := sb.Len()
				if speaker[0] >= 'A' && speaker[0] <= 'Z' {
					mention(speaker)
				} else {
					add(speaker)
				}
				add(" said.")
				qs = append(qs, quote.Quote{Span: doc.Span{Start: qs0, End: qe}, Parts: []doc.Span{{Start: qs0 + 1, End: qe - 2}},
					Kind: quote.Direct, Block: len(blocks), Speaker: speaker, SpeakerSpan: doc.Span{Start: ss, End: ss + len(speaker)}})
				continue
			}
			tmpl := genPlain[rng.IntN(len(genPlain))]
			if strings.Contains(tmpl, "%s") {
				i := strings.Index(tmpl, "%s")
				add(strings.ReplaceAll(tmpl[:i], "%%", "%"))
				mention(genPlaces[rng.IntN(len(genPlaces))])
				add(strings.ReplaceAll(tmpl[i+2:], "%%", "%"))
			} else {
				add(strings.ReplaceAll(tmpl, "%%", "%"))
			}
		}
		blocks = append(blocks, doc.Block{Span: doc.Span{Start: start, End: sb.Len()}, Kind: doc.Body})
	}
	a := &articles.Article{Path: "gen.txt", Document: doc.Document{Format: doc.Text, Text: sb.String(), Blocks: blocks, Meta: doc.Meta{Title: title}}}
	a.Quotes = qs
	for _, name := range append(genNames[:3:3], genPlaces...) {
		if ms := mentions[name]; len(ms) > 0 {
			a.Parties = append(a.Parties, articles.Party{Party: party.Party{Name: name, Kind: party.Person, Mentions: ms}})
		}
	}
	return a
}

func TestBodyRenderPrefixThenAll(t *testing.T) {
	a := genArticle(200 << 10)
	o := bodyOpts(80, termenv.ANSI256)
	r := NewBodyRender(a, o)
	pre, err := r.Prefix(50)
	if err != nil {
		t.Fatal(err)
	}
	if pre.Complete() || pre.Len() < 50 {
		t.Fatalf("Prefix(50): complete %v, %d lines; want a partial body of 50 lines or more", pre.Complete(), pre.Len())
	}
	all, err := r.All()
	if err != nil {
		t.Fatal(err)
	}
	if !all.Complete() || all.Len() <= pre.Len() {
		t.Fatalf("All: complete %v, %d lines after a prefix of %d", all.Complete(), all.Len(), pre.Len())
	}
	whole := render(t, a, o)
	if all.Fallbacks() > 0 || whole.Fallbacks() > 0 {
		t.Skipf("machine too busy: %d and %d chunks fell back to plain text", all.Fallbacks(), whole.Fallbacks())
	}
	if whole.Len() != all.Len() {
		t.Fatalf("All after Prefix has %d lines, RenderBody %d", all.Len(), whole.Len())
	}
	for i := 0; i < pre.Len(); i++ {
		if pre.Line(i, NoHighlight) != whole.Line(i, NoHighlight) {
			t.Fatalf("prefix line %d differs from the whole body's", i)
		}
	}
	inPrefix, beyond := 0, 0
	for q := range a.Quotes {
		p1, ok1 := pre.Quote(q)
		p2, ok2 := whole.Quote(q)
		if !ok2 {
			t.Fatalf("quote %d not rendered in the whole body", q)
		}
		if ok1 {
			inPrefix++
			if p1 != p2 {
				t.Errorf("quote %d at %v in the prefix, %v in the whole", q, p1, p2)
			}
		} else {
			beyond++
		}
	}
	if inPrefix == 0 || beyond == 0 {
		t.Errorf("%d quotes in the prefix, %d beyond; want some of each", inPrefix, beyond)
	}
}

func TestChunkOverBudgetFallsBackToPlainText(t *testing.T) {
	a := harbourArticle(t)
	a.Text = strings.Replace(a.Text, "sent to local", "sent \x1b]0;x\x07 to local", 1)
	shift := len(" \x1b]0;x\x07")
	at := strings.Index(a.Text, "\x1b")
	for i := range a.Blocks {
		if a.Blocks[i].End > at {
			a.Blocks[i].End += shift
			if a.Blocks[i].Start > at {
				a.Blocks[i].Start += shift
			}
		}
	}
	for i := range a.Quotes {
		if a.Quotes[i].Span.Start > at {
			a.Quotes[i].Span.Start += shift
			a.Quotes[i].Span.End += shift
			a.Quotes[i].SpeakerSpan.Start += shift
			a.Quotes[i].SpeakerSpan.End += shift
		}
	}
	for p := range a.Parties {
		for m := range a.Parties[p].Mentions {
			if a.Parties[p].Mentions[m].Start > at {
				a.Parties[p].Mentions[m].Start += shift
				a.Parties[p].Mentions[m].End += shift
			}
		}
	}
	for _, pr := range profiles {
		o := bodyOpts(40, pr.p)
		r := NewBodyRender(a, o)
		r.p.budget = func(int) time.Duration { return 0 }
		b, err := r.All()
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for i := 0; i < b.Len(); i++ {
			checkSafe(t, "fallback line", b.Line(i, Highlight{Quote: 0, Party: 0, Mention: 1, Search: "the", Match: 0}))
			all = append(all, b.Plain(i))
		}
		text := strings.Join(strings.Fields(strings.Join(all, " ")), " ")
		for _, want := range []string{"*stars* and <angle>", `them," — the harbour board`, "sent ^[]0;x^G to local"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s fallback lacks %q:\n%s", pr.name, want, strings.Join(all, "\n"))
			}
		}
		for qi, q := range a.Quotes {
			pos, ok := b.Quote(qi)
			w := strings.Fields(a.Text[q.Span.Start:q.Span.End])[0]
			if !ok || !strings.HasPrefix(fromCell(b.Plain(pos.Line), pos.Col), w) {
				t.Errorf("%s fallback: quote %d at %v %v, want it on %q", pr.name, qi, pos, ok, w)
			}
		}
	}
}

// cpuTime returns the CPU time the process has used (user and system):
// on a machine shared with other work, wall time measures the neighbours
// too, so the benchmarks also report cpu-ms/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measureCPU runs f b.N times and reports its CPU time per op.
func measureCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	c0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-c0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkRenderBody renders generated articles whole (RenderBody: chunks
// on all cores), first screen only (BodyRender.Prefix of 50 lines), and,
// as the baseline, glamour alone rendering the same Markdown whole on one
// core without our overlay.
func BenchmarkRenderBody(b *testing.B) {
	for _, size := range []int{3 << 10, 1 << 20} {
		a := genArticle(size)
		name := fmt.Sprintf("%dKB", size>>10)
		for _, pr := range profiles {
			o := bodyOpts(80, pr.p)
			b.Run(name+"/"+pr.name+"/glamour-whole-baseline", func(b *testing.B) {
				md := doc.BodyMarkdown(&a.Document, nil, nil)
				r, err := glamour.NewTermRenderer(glamourOptions(o)...)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(a.Text)))
				measureCPU(b, func() {
					if _, err := r.Render(md); err != nil {
						b.Fatal(err)
					}
				})
			})
			b.Run(name+"/"+pr.name+"/RenderBody", func(b *testing.B) {
				b.SetBytes(int64(len(a.Text)))
				measureCPU(b, func() {
					if _, err := RenderBody(a, o); err != nil {
						b.Fatal(err)
					}
				})
			})
			b.Run(name+"/"+pr.name+"/first-screen", func(b *testing.B) {
				b.SetBytes(int64(len(a.Text)))
				measureCPU(b, func() {
					if _, err := NewBodyRender(a, o).Prefix(50); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
	}
}

// BenchmarkLine composes one visible line: the cached base line, a line
// with the current quote, and one with search matches.
func BenchmarkLine(b *testing.B) {
	a := genArticle(1 << 20)
	o := bodyOpts(120, termenv.ANSI256)
	body, err := RenderBody(a, o)
	if err != nil {
		b.Fatal(err)
	}
	q := len(a.Quotes) / 2
	pos, _ := body.Quote(q)
	mpos, _ := body.Mention(0, 3)
	spos := body.Matches("the")[5] // the search is made once per string, as the model does
	cases := []struct {
		name string
		line int
		h    Highlight
	}{
		{"base", pos.Line, NoHighlight},
		{"quote", pos.Line, Highlight{Quote: q, Party: -1, Mention: -1, Match: -1}},
		{"party", mpos.Line, Highlight{Quote: -1, Party: 0, Mention: 3, Match: -1}},
		{"search", spos.Line, Highlight{Quote: -1, Party: -1, Mention: -1, Search: "the", Match: 5}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_ = body.Line(c.line, c.h)
			}
		})
	}
	b.Run("screen-50-lines-quote", func(b *testing.B) {
		h := cases[1].h
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for l := pos.Line; l < pos.Line+50 && l < body.Len(); l++ {
				_ = body.Line(l, h)
			}
		}
	})
}

// hostileBodies are the corners where glamour, goldmark or the word
// wrapper are super-linear on their own (figures in issue 7), each as the
// doc reader would hand it over.
func hostileBodies() []struct {
	name string
	f    doc.Format
	kind doc.Kind
	s    string
} {
	var list, table strings.Builder
	for i := 0; i < 500; i++ {
		list.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	table.WriteString("| a | b |\n|---|---|\n")
	for i := 0; i < 5000; i++ {
		table.WriteString("| cell | more |\n")
	}
	return []struct {
		name string
		f    doc.Format
		kind doc.Kind
		s    string
	}{
		{"clean-text", doc.Text, doc.Body, strings.Repeat("The harbour board met on Monday and said that the fees stay. ", 1000)},
		{"quote-nest-10000", doc.Markdown, doc.BlockQuote, strings.Repeat("> ", 10000) + "x"},
		{"list-indent-500", doc.Markdown, doc.ListItem, list.String()},
		{"list-inline-10000", doc.Markdown, doc.ListItem, strings.Repeat("- ", 10000) + "x"},
		{"word-40000", doc.Text, doc.Body, strings.Repeat("w", 40000)},
		{"link-openers-60000", doc.Markdown, doc.Body, strings.Repeat("[](", 60000)},
		{"fence-unclosed-20000", doc.Markdown, doc.Code, "```\n" + strings.Repeat("line\n", 20000)},
		{"emphasis-20000", doc.Markdown, doc.Body, strings.Repeat("**a", 20000)},
		{"backticks-20000", doc.Markdown, doc.Body, strings.Repeat("`a", 20000)},
		{"table-5000", doc.Markdown, doc.Body, table.String()},
	}
}

// BenchmarkRenderHostile renders each hostile body whole; compare its
// cpu-ms/op per MB/s with clean-text's.
func BenchmarkRenderHostile(b *testing.B) {
	for _, h := range hostileBodies() {
		a := buildArticle(b, h.f, []para{{h.kind, h.s}}, nil, nil)
		o := bodyOpts(80, termenv.ANSI256)
		b.Run(h.name, func(b *testing.B) {
			b.SetBytes(int64(len(h.s)))
			var fb int
			measureCPU(b, func() {
				body, err := RenderBody(a, o)
				if err != nil {
					b.Fatal(err)
				}
				fb = body.Fallbacks()
			})
			b.ReportMetric(float64(fb), "fallbacks")
		})
	}
}
