package articles_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"byline/articles"
	"byline/articles/doc"
	"byline/bench/corpus"
)

// benchFolder writes a folder of n generated articles of about 3 KB and
// returns it with the paths of its files, in walk order.
func benchFolder(b *testing.B, n int) (dir string, files []string, size int64) {
	b.Helper()
	dir = b.TempDir()
	st, err := corpus.WriteFolder(dir, n, 3000, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	if errs := articles.Walk([]string{dir}, func(batch []string) { files = append(files, batch...) }); len(errs) > 0 {
		b.Fatal(errs)
	}
	if len(files) != n {
		b.Fatalf("Walk found %d files, want %d", len(files), n)
	}
	return dir, files, st.Bytes
}

// BenchmarkWalk measures the folder scan over 1,000 articles beside two
// floors: listing the folder tree without looking at the files (readdir)
// and reading every file's bytes as cat does (cat).
func BenchmarkWalk(b *testing.B) {
	dir, files, size := benchFolder(b, 1000)
	b.Run("Walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			articles.Walk([]string{dir}, func(batch []string) { n += len(batch) })
			if n != len(files) {
				b.Fatalf("Walk found %d files, want %d", n, len(files))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
	})
	b.Run("readdir", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
				}
				return nil
			})
			if n != len(files) {
				b.Fatalf("found %d files, want %d", n, len(files))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
	})
	b.Run("cat", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range files {
				if _, err := os.ReadFile(p); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
	})
}

// BenchmarkLoadFolder measures reading and analysing 1,000 articles of
// about 3 KB on one goroutine (Load per file), beside reading their bytes
// (cat). byline --json spreads the same work over every core.
func BenchmarkLoadFolder(b *testing.B) {
	_, files, size := benchFolder(b, 1000)
	b.Run("Load", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range files {
				if _, err := articles.Load(p); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("cat", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range files {
				if _, err := os.ReadFile(p); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// benchArticles are the inputs of the analysis benchmarks: an empty
// article (the fixed cost), a typical 3 KB one, and a 1 MB feature.
func benchArticles() []struct {
	name string
	path string
	data []byte
} {
	a3, f3 := corpus.ArticleAt(1, 0, 3000)
	big := corpus.Big(1, 1<<20)
	return []struct {
		name string
		path string
		data []byte
	}{
		{"empty", "empty.txt", nil},
		{"3KB", "a" + f3.Ext(), []byte(a3.Source)},
		{"1MB", "big.md", []byte(big.Source)},
	}
}

// BenchmarkParse measures reading and analysing one article already in
// memory (decoding, structure, parties, quotes), the empty article being
// the baseline.
func BenchmarkParse(b *testing.B) {
	for _, in := range benchArticles() {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := articles.Parse(in.path, doc.FormatOf(in.path), in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSON measures encoding an analysed article as its JSON line.
func BenchmarkJSON(b *testing.B) {
	for _, in := range benchArticles() {
		a, err := articles.Parse(in.path, doc.FormatOf(in.path), in.data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.JSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// refWords counts words as the definition says: runs of letters and
// digits, ended by white space, rune by rune through the Unicode tables.
func refWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if unicode.IsSpace(r) {
			in = false
		}
	}
	return n
}

// TestWordsAgreeWithUnicode checks Article.Words (counted with an ASCII
// fast path) against the rune-by-rune count, on generated articles and on
// text with non-ASCII letters, digits and spaces.
func TestWordsAgreeWithUnicode(t *testing.T) {
	texts := []string{
		"Zoë Ştefan said\u00a0no\u2003twice\u0085and 12\u202f000 people — Ελλάδα, Україна, 東京 and ١٢٣ came.\n\nSecond\tparagraph,\vwith\fcontrol\rspaces and don't-split words.",
		"Title\n\nA\u00a0b\u1680c\u2028d e\u3000f",
	}
	for i := range 40 {
		a, _ := corpus.ArticleAt(7, i, 3000)
		texts = append(texts, a.Source)
	}
	for i, text := range texts {
		name := fmt.Sprintf("a%d.txt", i)
		a, err := articles.Parse(name, doc.Text, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, b := range a.Blocks {
			if b.Kind.Analysed() {
				want += refWords(a.Text[b.Start:b.End])
			}
		}
		if a.Words != want {
			t.Errorf("%s: Words = %d, want %d", name, a.Words, want)
		}
	}
}
