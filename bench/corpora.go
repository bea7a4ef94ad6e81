package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"byline/bench/corpus"
)

const seed = 20261126 // the corpora's seed: same corpora every run

// folder is a generated folder of articles.
type folder struct {
	dir    string
	n      int
	bytes  int64
	titles []string // by article index
}

// bench is one run: its options, corpora, binary and results.
type bench struct {
	o      options
	root   string
	bin    string
	binErr error

	small, large folder
	empty        string // an empty folder: the start-up baseline
	file3k       string // one 3 KB article
	lead3k       string // its first paragraph
	title3k      string
	file1m       string // the 1 MB Markdown feature
	lead1m       string
	title1m      string
	file10m      string // the 10 MB one
	lead10m      string
	title10m     string
	genNote      string

	results map[string]*result
	order   []string
}

type manifest struct {
	Seed  uint64 `json:"seed"`
	Small int    `json:"small"`
	Large int    `json:"large"`
	Bytes [2]int64
}

// corpora writes (or, with -keep, reuses) the folders and big articles.
func (e *bench) corpora() error {
	e.small = folder{dir: filepath.Join(e.root, "small"), n: e.o.n}
	e.large = folder{dir: filepath.Join(e.root, "large"), n: 10 * e.o.n}
	e.empty = filepath.Join(e.root, "empty")
	big := filepath.Join(e.root, "big")
	for _, d := range []string{e.empty, big} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	mpath := filepath.Join(e.root, "manifest.json")
	want := manifest{Seed: seed, Small: e.small.n, Large: e.large.n}
	var have manifest
	if b, err := os.ReadFile(mpath); err == nil && json.Unmarshal(b, &have) == nil &&
		have.Seed == want.Seed && have.Small == want.Small && have.Large == want.Large {
		e.small.bytes, e.large.bytes = have.Bytes[0], have.Bytes[1]
		e.small.titles = titles(e.small.n)
		e.large.titles = titles(e.large.n)
		e.genNote = fmt.Sprintf("corpora reused from %s", e.root)
	} else {
		os.Remove(mpath)
		var notes []string
		for _, f := range []*folder{&e.small, &e.large} {
			os.RemoveAll(f.dir)
			f.titles = make([]string, f.n)
			t := time.Now()
			st, err := corpus.WriteFolder(f.dir, f.n, 3000, seed, func(i int, t string) { f.titles[i] = t })
			if err != nil {
				return fmt.Errorf("write %s: %w", f.dir, err)
			}
			f.bytes = st.Bytes
			notes = append(notes, fmt.Sprintf("%d files, %.1f MB in %s", st.Files, float64(st.Bytes)/1e6, ms(time.Since(t))))
		}
		e.genNote = "generated " + strings.Join(notes, "; ")
		want.Bytes = [2]int64{e.small.bytes, e.large.bytes}
		b, _ := json.Marshal(want)
		if err := os.WriteFile(mpath, b, 0o644); err != nil {
			return err
		}
	}
	// the single articles are cheap to write every time
	a3 := corpus.Generate(rand.New(rand.NewPCG(seed, 3)), corpus.Text, 3000) // plain text, the common case
	e.file3k, e.lead3k, e.title3k = filepath.Join(big, "article-3k.txt"), a3.Lead, a3.Title
	m1 := corpus.Big(seed, 1<<20)
	e.file1m, e.lead1m, e.title1m = filepath.Join(big, "feature-1m.md"), m1.Lead, m1.Title
	m10 := corpus.Big(seed+2, 10<<20)
	e.file10m, e.lead10m, e.title10m = filepath.Join(big, "feature-10m.md"), m10.Lead, m10.Title
	for _, w := range []struct{ path, text string }{{e.file3k, a3.Source}, {e.file1m, m1.Source}, {e.file10m, m10.Source}} {
		if err := os.WriteFile(w.path, []byte(w.text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// titles regenerates the titles of a folder's n articles (for a reused
// corpus), in parallel.
func titles(n int) []string {
	out := make([]string, n)
	var wg sync.WaitGroup
	w := runtime.NumCPU()
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < n; i += w {
				a, _ := corpus.ArticleAt(seed, i, 3000)
				out[i] = a.Title
			}
		}()
	}
	wg.Wait()
	return out
}

// words splits s into lower-case words of letters and digits, the unit
// the pane matchers compare: it ignores punctuation, quote marks, styling
// and where a line was wrapped.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// ngram returns the first k words of s joined by spaces ("" when s has fewer).
func ngram(s string, k int) string {
	w := words(s)
	if len(w) < k {
		return ""
	}
	return strings.Join(w[:k], " ")
}

// matcher finds any of a set of k-word phrases in a pane.
type matcher struct {
	k   int
	set map[string][]int // phrase → the indexes of the texts that start with it
}

func newMatcher(k int, texts []string) *matcher {
	m := &matcher{k: k, set: make(map[string][]int, len(texts))}
	for i, t := range texts {
		if g := ngram(t, k); g != "" {
			m.set[g] = append(m.set[g], i)
		}
	}
	return m
}

// newLeadMatcher matches any k consecutive words among the first n words
// of each text, except phrases that also occur in avoid (a title shown in
// the header). The renderer may insert words into the body (a speaker tag
// after a quote), so the body is recognised by any run of k words of its
// opening, not by its first k words.
func newLeadMatcher(k, n int, texts []string, avoid string) *matcher {
	skip := map[string]bool{}
	if w := words(avoid); len(w) >= k {
		for i := 0; i+k <= len(w); i++ {
			skip[strings.Join(w[i:i+k], " ")] = true
		}
	}
	m := &matcher{k: k, set: map[string][]int{}}
	for i, t := range texts {
		w := words(t)
		for j := 0; j+k <= min(n, len(w)); j++ {
			if g := strings.Join(w[j:j+k], " "); !skip[g] {
				m.set[g] = append(m.set[g], i)
			}
		}
	}
	return m
}

// find returns the indexes of the phrases in pane (each at most once).
func (m *matcher) find(pane string) []int {
	var found []int
	seen := map[int]bool{}
	for _, line := range strings.Split(pane, "\n") {
		w := words(line)
		for i := 0; i+m.k <= len(w); i++ {
			for _, idx := range m.set[strings.Join(w[i:i+m.k], " ")] {
				if !seen[idx] {
					seen[idx] = true
					found = append(found, idx)
				}
			}
		}
	}
	return found
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.0f µs", float64(d)/1e3)
}
