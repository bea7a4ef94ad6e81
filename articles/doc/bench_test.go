package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticle builds a plain-text article of about size bytes from the
// paragraphs of a story written for these tests.
func benchArticle(size int) []byte {
	paras := []string{
		"Container cranes at the port moved again on Monday morning after dock workers voted to end a six-week strike over shift patterns and pay.",
		"“It will take us about ten days to clear the backlog,” said the operations manager at the container terminal. “We are asking customers to be patient.”",
		"Under the agreement, night shifts will be capped at four a week and the basic wage will rise by 6.5 per cent this year and by a further 4 per cent next year.",
		"Local hauliers, who lost most of their work during the strike, welcomed the vote. Several said they had laid off drivers for the first time in years.",
	}
	var b strings.Builder
	b.WriteString("“We will clear the backlog,” port says as strike ends\nPhoto: Courier staff\n\nBy Marta Jensen\n\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	b.WriteString("Read more:\nHarbour fees to rise\nNew ferry route opens\n")
	return []byte(b.String())
}

func benchRead(b *testing.B, f Format, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(f, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadText3KB(b *testing.B) { benchRead(b, Text, benchArticle(3<<10)) }
func BenchmarkReadText1MB(b *testing.B) { benchRead(b, Text, benchArticle(1<<20)) }

func BenchmarkReadText1MBWindows1252(b *testing.B) {
	data := benchArticle(1 << 20)
	enc, err := encodeAs("windows-1252", string(data))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, Text, enc)
}

func BenchmarkReadMarkdown(b *testing.B) {
	data, err := os.ReadFile("testdata/markdown/summit.md")
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, Markdown, data)
}

func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/html/01-harbour.html")
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, HTML, data)
}

// BenchmarkReadHTMLPages reads every test page once per iteration.
func BenchmarkReadHTMLPages(b *testing.B) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	var all [][]byte
	n := 0
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		all = append(all, data)
		n += len(data)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, data := range all {
			Read(HTML, data)
		}
	}
}

func BenchmarkVisible(b *testing.B) {
	s := string(benchArticle(64<<10)) + "\x1b]0;title\x07\u202e"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Visible(s)
	}
}

// skeletonRead is the throwaway first Read this package started with
// (UTF-8 only, blank-line paragraphs, first one the headline): the
// baseline for what decoding, cleaning and structure cost.
func skeletonRead(data []byte) *Document {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	d := &Document{Format: Text, Text: text, Encoding: "utf-8"}
	start := -1
	for i := 0; i <= len(text); i++ {
		blank := i == len(text) || (text[i] == '\n' && (i+1 == len(text) || text[i+1] == '\n'))
		if i < len(text) && text[i] != '\n' && start < 0 {
			start = i
		}
		if blank && start >= 0 {
			kind := Body
			if len(d.Blocks) == 0 {
				kind = Headline
			}
			d.Blocks = append(d.Blocks, Block{Span: Span{start, i}, Kind: kind})
			start = -1
		}
	}
	return d
}

func BenchmarkBaselineSkeleton3KB(b *testing.B) {
	data := benchArticle(3 << 10)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		skeletonRead(data)
	}
}

func BenchmarkBaselineSkeleton1MB(b *testing.B) {
	data := benchArticle(1 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		skeletonRead(data)
	}
}

// BenchmarkBaselineReadability is readability alone on the page of
// BenchmarkReadHTML: parse and extract, no cleaning, Markdown or metadata.
func BenchmarkBaselineReadability(b *testing.B) {
	data, err := os.ReadFile("testdata/html/01-harbour.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		root := parseHTML(string(data))
		extractArticle(root)
	}
}
