package model

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"byline/articles"
	"byline/ui"
)

// Loading: one goroutine walks the paths (articles.Walk) and feeds a bounded
// pool of runtime.NumCPU workers that load and analyse the files. Results
// queue in a buffered channel; a repeating tea.Cmd (loader.next) drains it
// in batches, at most one message every batchWindow, so that a folder of
// 100,000 files costs a few hundred messages, not 100,000.
//
// The list is kept in path order. A batch is sorted on its own and merged
// into the sorted list (O(n+b) per batch, no re-sort of the whole list), so
// rows never jump around as the folder fills in, and the order is the same
// whichever worker finished first.

const (
	batchWindow = 40 * time.Millisecond // longest a result waits to be shown
	maxBatch    = 4096                  // most results in one message
)

// loader is a folder scan in progress. It is shared by pointer between the
// goroutines and the Cmd that reads it; the model never writes to it.
type loader struct {
	out   chan loadResult
	found atomic.Int64 // files discovered by the walk so far
	done  atomic.Bool  // the walk has finished (found is final)
}

type loadResult struct {
	art *articles.Article // nil when err is set
	err error
}

// batchMsg is a batch of loaded articles and failures.
type batchMsg struct {
	l        *loader
	arts     []*articles.Article
	errs     []error
	found    int  // files discovered so far
	walkDone bool // found is final
	done     bool // nothing more will come
}

// startLoad walks paths and loads what it finds with load, in the
// background. It returns the loader and the Cmd that reads its first batch.
func startLoad(paths []string, load func(string) (*articles.Article, error)) (*loader, tea.Cmd) {
	l := &loader{out: make(chan loadResult, 1024)}
	jobs := make(chan string, 1024)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				l.out <- safeLoad(load, p)
			}
		}()
	}
	go func() {
		defer func() {
			if r := recover(); r != nil {
				l.out <- loadResult{err: fmt.Errorf("walk: internal error: %v", r)}
			}
			close(jobs)
			wg.Wait()
			l.done.Store(true)
			close(l.out)
		}()
		errs := articles.Walk(paths, func(batch []string) {
			l.found.Add(int64(len(batch)))
			for _, p := range batch {
				jobs <- p
			}
		})
		l.done.Store(true)
		for _, err := range errs {
			l.out <- loadResult{err: err}
		}
	}()
	return l, l.next
}

// safeLoad loads one file, turning a panic in the analysis into an error.
func safeLoad(load func(string) (*articles.Article, error), path string) (r loadResult) {
	defer func() {
		if p := recover(); p != nil {
			r = loadResult{err: fmt.Errorf("read %s: internal error: %v", path, p)}
		}
	}()
	a, err := load(path)
	if err == nil && a == nil {
		err = fmt.Errorf("read %s: no article", path)
	}
	return loadResult{art: a, err: err}
}

// next waits for the next results and returns them as one batchMsg: it
// blocks for the first, then gathers whatever else arrives within
// batchWindow.
func (l *loader) next() tea.Msg {
	msg := batchMsg{l: l}
	add := func(r loadResult) {
		if r.err != nil {
			msg.errs = append(msg.errs, r.err)
		} else {
			msg.arts = append(msg.arts, r.art)
		}
	}
	r, ok := <-l.out
	if ok {
		add(r)
		timer := time.NewTimer(batchWindow)
		defer timer.Stop()
	gather:
		for len(msg.arts)+len(msg.errs) < maxBatch {
			select {
			case r, ok = <-l.out:
				if !ok {
					break gather
				}
				add(r)
			case <-timer.C:
				break gather
			}
		}
	}
	msg.done = !ok
	msg.walkDone = l.done.Load()
	msg.found = int(l.found.Load())
	return msg
}

// item is one article of the list: the article and what its row and the
// filter need, computed once.
type item struct {
	art *articles.Article
	row ui.Row
	hay string // lower-cased title and parties: what the fuzzy filter matches
}

func newItem(a *articles.Article) *item {
	it := &item{art: a}
	it.refresh()
	return it
}

func (it *item) refresh() {
	it.row = ui.RowOf(it.art)
	var b strings.Builder
	b.WriteString(strings.ToLower(it.row.Title))
	for _, p := range it.art.TopParties(8) {
		b.WriteString(" · ")
		b.WriteString(strings.ToLower(p))
	}
	it.hay = b.String()
}

// library is the loaded collection: items in path order and the index of
// parties to the items that name them. Only the root's Update changes it.
type library struct {
	items   []*item
	byParty map[string][]*item // lower-cased canonical party name → items naming it, in no order
}

func newLibrary() *library { return &library{byParty: map[string][]*item{}} }

// add merges arts into the library in path order: the batch is sorted
// and merged, O(n + b log b).
func (l *library) add(arts []*articles.Article) []*item {
	batch := make([]*item, len(arts))
	for i, a := range arts {
		batch[i] = newItem(a)
		l.index(batch[i])
	}
	sort.SliceStable(batch, func(i, j int) bool { return batch[i].art.Path < batch[j].art.Path })
	if len(l.items) == 0 || batch[0].art.Path >= l.items[len(l.items)-1].art.Path {
		l.items = append(l.items, batch...)
		return batch
	}
	merged := make([]*item, 0, len(l.items)+len(batch))
	i, j := 0, 0
	for i < len(l.items) && j < len(batch) {
		if batch[j].art.Path < l.items[i].art.Path {
			merged = append(merged, batch[j])
			j++
		} else {
			merged = append(merged, l.items[i])
			i++
		}
	}
	merged = append(merged, l.items[i:]...)
	merged = append(merged, batch[j:]...)
	l.items = merged
	return batch
}

func (l *library) index(it *item) {
	for _, p := range it.art.Parties {
		k := strings.ToLower(p.Name)
		l.byParty[k] = append(l.byParty[k], it)
	}
}

func (l *library) unindex(it *item) {
	for _, p := range it.art.Parties {
		k := strings.ToLower(p.Name)
		s := l.byParty[k]
		for i, x := range s {
			if x == it {
				s = append(s[:i], s[i+1:]...)
				break
			}
		}
		if len(s) == 0 {
			delete(l.byParty, k)
		} else {
			l.byParty[k] = s
		}
	}
}

// replace swaps the article of it for a (a reload after editing).
func (l *library) replace(it *item, a *articles.Article) {
	l.unindex(it)
	it.art = a
	it.refresh()
	l.index(it)
}

// naming returns the set of items that name the party (case-insensitive).
func (l *library) naming(name string) map[*item]bool {
	set := map[*item]bool{}
	for _, it := range l.byParty[strings.ToLower(strings.TrimSpace(name))] {
		set[it] = true
	}
	return set
}
