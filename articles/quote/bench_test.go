package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/articles/doc"
	"byline/articles/party"
	"byline/bench/corpus"
)

// goldCorpus returns the gold articles joined by blank lines, repeated until
// the text is at least size bytes, with its blocks.
func goldCorpus(tb testing.TB, size int) (string, []doc.Block) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no gold articles: %v", err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
			if sb.Len() >= size {
				break
			}
		}
	}
	text := sb.String()
	return text, paragraphs(text)
}

// pathological returns one paragraph of n quotation marks that never pair
// as the scanner would like, in the given style, and a clean paragraph of
// ordinary prose of the same size.
func pathological(style string, n int) string {
	var sb strings.Builder
	marks := []string{"\"", "“", "”", "«", "»", "'", "’", "„", "‘", "&quot;", "「", "‹"}
	for i := 0; i < n; i++ {
		switch style {
		case "openers":
			sb.WriteString("“word ")
		case "closers":
			sb.WriteString("word,” ")
		case "singles":
			sb.WriteString("‘word ")
		case "mixed":
			sb.WriteString(marks[(i*7)%len(marks)])
			sb.WriteString("wo ")
		}
	}
	return sb.String()
}

// cleanText returns well-formed news prose of the given size: the gold
// articles, with their ordinary, balanced quotes.
func cleanText(tb testing.TB, size int) string {
	text, _ := goldCorpus(tb, size)
	return text[:size]
}

func benchScan(b *testing.B, text string, blocks []doc.Block) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		scan(text, blocks)
	}
}

func benchFind(b *testing.B, text string, blocks []doc.Block) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, blocks, nil)
	}
}

// BenchmarkScan measures the scanner alone on a 3 KB article and on 1 MB of
// the gold articles.
func BenchmarkScan(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"3KB", 3 << 10}, {"1MB", 1 << 20}} {
		text, blocks := goldCorpus(b, size.n)
		b.Run(size.name, func(b *testing.B) { benchScan(b, text, blocks) })
	}
}

// BenchmarkFind measures the scanner with attribution.
func BenchmarkFind(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"3KB", 3 << 10}, {"1MB", 1 << 20}} {
		text, blocks := goldCorpus(b, size.n)
		b.Run(size.name, func(b *testing.B) { benchFind(b, text, blocks) })
	}
}

// corpusArticle is a generated article as Find sees it in byline: its
// text, blocks and the parties party.Extract found in it.
type corpusArticle struct {
	text    string
	blocks  []doc.Block
	parties []Party
}

// generatedCorpus returns n articles of about size bytes written by the
// benchmark corpus generator (seed 1), read as byline reads them, with
// their parties converted as articles.Analyze converts them, and the total
// size of their texts.
func generatedCorpus(tb testing.TB, n, size int) ([]corpusArticle, int) {
	tb.Helper()
	arts := make([]corpusArticle, n)
	total := 0
	for i := range arts {
		a, f := corpus.ArticleAt(1, i, size)
		d, err := doc.Read(doc.FormatOf(corpus.Name(i, f)), []byte(a.Source))
		if err != nil {
			tb.Fatalf("read article %d: %v", i, err)
		}
		ps := party.Extract(d.Text, d.Blocks)
		qp := make([]Party, len(ps))
		for k, p := range ps {
			qp[k] = Party{Name: p.Name, Kind: string(p.Kind), Mentions: p.Mentions}
		}
		arts[i] = corpusArticle{d.Text, d.Blocks, qp}
		total += len(d.Text)
	}
	return arts, total
}

// BenchmarkFindCorpus measures Find over 200 articles of about 3 KB written
// by the benchmark corpus generator (the articles `go run ./bench` writes),
// with the parties byline passes; one op is all 200. They quote and name
// people more densely than the gold articles do.
func BenchmarkFindCorpus(b *testing.B) {
	arts, size := generatedCorpus(b, 200, 3<<10)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			Find(a.text, a.blocks, a.parties)
		}
	}
}

// BenchmarkUnmatched compares one paragraph of 100,000 quotation marks that
// do not pair (openers only, closers only, single marks, a mix of every
// style) with clean prose of the same size: the cost per byte must stay
// about the same.
func BenchmarkUnmatched(b *testing.B) {
	for _, style := range []string{"openers", "closers", "singles", "mixed"} {
		text := pathological(style, 100_000)
		blocks := []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}
		b.Run(style, func(b *testing.B) { benchFind(b, text, blocks) })
		clean := cleanText(b, len(text))
		b.Run(style+"-clean", func(b *testing.B) { benchFind(b, clean, paragraphs(clean)) })
	}
}

// BenchmarkUnmatchedBudget checks that a paragraph of 100,000 unpaired
// marks costs per byte no more than a small multiple of clean prose of the
// same size, measured in the same run: a quadratic corner would make it
// thousands of times slower. It is a budget asserted in a benchmark, not a
// timed test (CI runs it with -bench Budget -benchtime 3x); the ratio is
// reported as the metric "x-clean".
func BenchmarkUnmatchedBudget(b *testing.B) {
	for _, style := range []string{"openers", "closers", "singles", "mixed"} {
		b.Run(style, func(b *testing.B) {
			text := pathological(style, 100_000)
			ct := cleanText(b, len(text))
			badBlocks := []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}}}
			cleanBlocks := paragraphs(ct)
			bad, clean := time.Duration(1<<62), time.Duration(1<<62)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				t0 := time.Now()
				Find(text, badBlocks, nil)
				t1 := time.Now()
				Find(ct, cleanBlocks, nil)
				bad, clean = min(bad, t1.Sub(t0)), min(clean, time.Since(t1))
			}
			ratio := float64(bad) / float64(max(clean, time.Microsecond))
			b.ReportMetric(ratio, "x-clean")
			if ratio > 4 {
				b.Errorf("%d unpaired marks (%s) cost %.1f× clean news of the same size, want at most 4×", 100_000, style, ratio)
			}
		})
	}
}
