package model

import (
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/party"
	"byline/bench/corpus"
)

// bigText returns an article of about n paragraphs with a quote and a few
// named parties in each, written for the benchmarks.
func bigText(n int) string {
	var b strings.Builder
	b.WriteString("Ministers meet again as the river treaty talks drag on\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Delegates from Austria and Hungary met for round %d of the talks in Vienna on Monday. "+
			"\"We are closer than we were a week ago, but not yet there,\" said Petra Lind, who leads the Austrian side. "+
			"The Danube Commission said its engineers would report on the dredging plan by the end of the month, "+
			"and that the so-called \"interim deal\" would hold until then.\n\n", i+1)
	}
	return b.String()
}

// benchModel returns the reader at 200x50 with text open and rendered.
func benchModel(b *testing.B, text string) Model {
	b.Helper()
	setup(b)
	a, err := articles.Parse("bench.txt", "", []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	if len(a.Parties) == 0 && text != "" {
		a.Parties = []articles.Party{{Party: party.Party{Name: "Austria", Kind: party.Country}}}
	}
	opts := testOptions()
	opts.Open = a
	m := New(opts)
	m = upd(b, m, tea.WindowSizeMsg{Width: 200, Height: 50})
	m = renderNow(b, m)
	return m
}

func BenchmarkUpdateView(b *testing.B) {
	for _, art := range []struct {
		name string
		text string
	}{{"empty", ""}, {"large", bigText(1000)}} {
		base := benchModel(b, art.text)
		if art.name == "large" {
			b.Logf("large article: %d bytes, %d body lines, %d quotes, %d parties", len(art.text), base.art.body.Len(), len(base.art.quotes), len(base.art.art.Parties))
		}
		for _, k := range []string{"j", "]", "n", "tab"} {
			b.Run(art.name+"/"+k, func(b *testing.B) {
				m := base
				if k == "n" {
					m = upd(b, m, keyMsg("/"))
					for _, r := range "the" {
						m = upd(b, m, keyMsg(string(r)))
					}
					m = upd(b, m, keyMsg("enter"))
				}
				msg := keyMsg(k)
				b.ReportAllocs()
				reportCPU(b)
				b.ResetTimer()
				for b.Loop() {
					nm, _ := m.Update(msg)
					m = nm.(Model)
					_ = m.View()
					// Start over at the end so that every step moves.
					if k == "j" && m.art.top >= m.art.bodyLen()-m.art.bodyH {
						m.art.top = 0
					}
					if k == "]" && m.art.quote == len(m.art.quotes)-1 {
						m.art.quote, m.art.top = -1, 0
					}
				}
			})
		}
	}
}

// benchLibrary returns n synthetic list entries.
func benchArticles(n int) []*articles.Article {
	names := []string{"NATO", "Russia", "Ukraine", "European Union", "Germany", "France", "OSCE", "United Nations"}
	arts := make([]*articles.Article, n)
	for i := range arts {
		a := &articles.Article{Path: fmt.Sprintf("corpus/%03d/%06d.txt", (i*7919)%1000, i)}
		a.Meta.Title = fmt.Sprintf("Talks on the %d border crossing resume after %d weeks", i%500, i%52)
		for j := range 3 {
			a.Parties = append(a.Parties, articles.Party{Party: party.Party{Name: names[(i+j*3)%len(names)]}})
		}
		arts[i] = a
	}
	return arts
}

// BenchmarkLoadBatches measures filling the list with 100,000 articles in
// the batches the loader sends (1,000 at a time, in walk order that is not
// path order), refiltering after each as the model does.
func BenchmarkLoadBatches(b *testing.B) {
	arts := benchArticles(100_000)
	b.ReportAllocs()
	reportCPU(b)
	for b.Loop() {
		lib := newLibrary()
		l := listModel{lib: lib}
		for i := 0; i < len(arts); i += 1000 {
			lib.add(arts[i : i+1000])
			l.refilter()
		}
	}
}

// BenchmarkFilter measures one keystroke of the list filter over 100,000
// articles.
func BenchmarkFilter(b *testing.B) {
	lib := newLibrary()
	lib.add(benchArticles(100_000))
	for _, q := range []string{"nato", "brdr crss", "party:Russia", "party:Russia 17"} {
		b.Run(q, func(b *testing.B) {
			pq := parseQuery(q)
			b.ReportAllocs()
			reportCPU(b)
			n := 0
			for b.Loop() {
				n = len(filterItems(lib, pq))
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds a cpu-ns/op metric when the benchmark ends: the machine
// these run on is shared, and wall time (ns/op) then says more about the
// neighbours than about the code. It counts every thread (the GC's too).
func reportCPU(b *testing.B) {
	start := cpuTime()
	b.Cleanup(func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	})
}

// BenchmarkItemBytes measures what the list keeps per article: the live
// heap of a library of 2,000 generated 3 KB articles (analysed as the
// loader does), divided by the count, against the same articles kept
// whole, which is what the list held before items were made compact.
func BenchmarkItemBytes(b *testing.B) {
	const n = 2000
	arts := make([]*articles.Article, n)
	for i := range arts {
		src, f := corpus.ArticleAt(1, i, 3<<10)
		path := corpus.Name(i, f)
		a, err := articles.Parse(path, doc.FormatOf(path), []byte(src.Source))
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = a
	}
	live := func(keep func() any) float64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		x := keep()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		runtime.KeepAlive(x)
		return float64(ms.HeapAlloc-before) / n
	}
	var items, whole float64
	for b.Loop() {
		// The articles are parsed again for each measurement, so that
		// the whole ones are not shared with what came before.
		fresh := func() []*articles.Article {
			out := make([]*articles.Article, n)
			for i, a := range arts {
				out[i], _ = articles.Parse(a.Path, doc.FormatOf(a.Path), []byte(a.Text))
			}
			return out
		}
		items = live(func() any {
			lib := newLibrary()
			lib.add(fresh())
			return lib
		})
		whole = live(func() any { return fresh() })
	}
	b.ReportMetric(items, "B/item")
	b.ReportMetric(whole, "B/article")
}
