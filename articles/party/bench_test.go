package party

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"byline/articles/doc"
	"byline/bench/corpus"
)

// benchArticle returns about size bytes of news text built from the gold
// articles, and its paragraph blocks.
func benchArticle(b *testing.B, size int) (string, []doc.Block) {
	b.Helper()
	files, err := filepath.Glob("testdata/parties/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("gold articles: %v", err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
			if sb.Len() >= size {
				break
			}
		}
	}
	text := sb.String()
	return text, paragraphs(text, nil)
}

func benchExtract(b *testing.B, text string, blocks []doc.Block) {
	getLists()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		Extract(text, blocks)
		n++
	}
	// The machine is shared: report the process's CPU time as well as the
	// wall clock that ns/op and MB/s measure.
	if cpu := cpuTime() - start; cpu > 0 && n > 0 {
		b.ReportMetric(float64(len(text))*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract3KB measures the seed article (about 3 KB).
func BenchmarkExtract3KB(b *testing.B) {
	data, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	benchExtract(b, text, paragraphs(text, nil))
}

// BenchmarkExtract1MB measures a 1 MB article made of the gold articles.
func BenchmarkExtract1MB(b *testing.B) {
	text, blocks := benchArticle(b, 1<<20)
	benchExtract(b, text, blocks)
}

// BenchmarkExtractCorpus measures 200 articles of about 3 KB written by the
// benchmark corpus generator (the articles `go run ./bench` writes), read
// as byline reads them; one op is all 200. They name more people and
// organisations per kilobyte than the gold articles do.
func BenchmarkExtractCorpus(b *testing.B) {
	type article struct {
		text   string
		blocks []doc.Block
	}
	arts := make([]article, 200)
	size := 0
	for i := range arts {
		a, f := corpus.ArticleAt(1, i, 3<<10)
		d, err := doc.Read(doc.FormatOf(corpus.Name(i, f)), []byte(a.Source))
		if err != nil {
			b.Fatalf("read article %d: %v", i, err)
		}
		arts[i] = article{d.Text, d.Blocks}
		size += len(d.Text)
	}
	getLists()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			Extract(a.text, a.blocks)
		}
	}
}

// BenchmarkExtractHostile measures 1 MB inputs built to defeat the
// scanner: one endless capitalised run, one endless sentence start, dotted
// initials and particles.
func BenchmarkExtractHostile(b *testing.B) {
	for _, c := range []struct{ name, unit string }{
		{"capitals", "Ministry Of Grand National Bank Party "},
		{"articles", "The The The Allies. "},
		{"initials", "U.S. A. B. C. D. "},
		{"particles", "von der de la Leyen "},
		{"possessives", "Mary's Women's People's "},
		{"possessive-chain", "Women's Women's Women's Women's Women's Institute "},
		{"random", randomWords(1 << 20)},
	} {
		b.Run(c.name, func(b *testing.B) {
			text := c.unit
			if len(text) < 1<<19 {
				text = strings.Repeat(c.unit, (1<<20)/len(c.unit))
			}
			benchExtract(b, text, nil)
		})
	}
}

// BenchmarkLoadLists measures building the reference lists from the
// embedded files: the one-time cost of the first Extract.
func BenchmarkLoadLists(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		loadLists()
		n++
	}
	if cpu := cpuTime() - start; n > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/op")
	}
}

// randomWords returns about n bytes of words and marks drawn at random
// (with a fixed seed) from those that steer the scanner.
func randomWords(n int) string {
	words := []string{"The", "NATO", "von", "der", "Ministry", "of", "U.S.", "A.", "Mary's", "'", "\"", ".", ",", "(", "IRGC", ")",
		"and", "Bank", "said", "St.", "Sequoia-backed", "in", "KYIV", "\n", "\n\n", "Ärzte", "x", "Will", "Smith", "the",
		"Alliance", "—", "Co.", "Russian", "Kenya", "Red", "Cross", "Osmani", "Bujar", "President", "spokesman"}
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}
