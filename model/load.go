package model

import (
	"fmt"
	"runtime"
	"slices"
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
	firstWindow = 5 * time.Millisecond  // longest the first batch waits after its first result
	firstBatch  = 48                    // most results in the first batch: rows for a tall screen
)

// loader is a folder scan in progress. It is shared by pointer between the
// goroutines and the Cmd that reads it; the model never writes to it.
type loader struct {
	out   chan loadResult
	found atomic.Int64 // files discovered by the walk so far
	done  atomic.Bool  // the walk has finished (found is final)
	shown atomic.Bool  // the first batch has gone out
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
	q := newPathQueue()
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				p, ok := q.pop()
				if !ok {
					return
				}
				l.out <- safeLoad(load, p)
				// Let the UI's goroutine in between articles: with a
				// worker per core it would otherwise wait for the
				// scheduler to preempt one (10 ms) to answer a key.
				runtime.Gosched()
			}
		}()
	}
	go func() {
		defer func() {
			if r := recover(); r != nil {
				l.out <- loadResult{err: fmt.Errorf("walk: internal error: %v", r)}
			}
			l.done.Store(true)
			q.close()
			wg.Wait()
			close(l.out)
		}()
		// The walk runs ahead of the workers (the queue has no bound: paths
		// are small), so the count of files found is soon the total.
		errs := articles.Walk(paths, func(batch []string) {
			l.found.Add(int64(len(batch)))
			q.push(batch)
		})
		l.done.Store(true)
		q.close()
		for _, err := range errs {
			l.out <- loadResult{err: err}
		}
	}()
	return l, l.next
}

// pathQueue is an unbounded queue of paths between the walk and the
// workers.
type pathQueue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	paths  []string
	closed bool
}

func newPathQueue() *pathQueue {
	q := &pathQueue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *pathQueue) push(batch []string) {
	q.mu.Lock()
	q.paths = append(q.paths, batch...)
	q.mu.Unlock()
	q.cond.Broadcast()
}

// close says no more paths will come; pop drains what is left.
func (q *pathQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// pop returns the next path, waiting for one; ok is false when the queue
// is closed and empty.
func (q *pathQueue) pop() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.paths) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.paths) == 0 {
		return "", false
	}
	p := q.paths[0]
	q.paths[0] = ""
	q.paths = q.paths[1:]
	return p, true
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
		window, most := batchWindow, maxBatch
		if l.shown.CompareAndSwap(false, true) {
			// The first batch goes out as soon as it fills a tall
			// screen, after a short window at most: the first screen
			// must not wait for a whole window of rows.
			window, most = firstWindow, firstBatch
		}
		timer := time.NewTimer(window)
		defer timer.Stop()
	gather:
		for len(msg.arts)+len(msg.errs) < most {
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

// item is one article of the list, kept compact: what its row and the
// filter need, copied out of the analysis so that the article itself (its
// text, blocks, quotes and mentions) can be dropped. A folder of 100,000
// articles holds 100,000 items, not 100,000 analyses; the reader reads an
// article again when it is opened (model.arts keeps the last few).
type item struct {
	path    string
	size    int64
	row     ui.Row
	hay     string            // lower-cased title and parties: what the fuzzy filter matches
	parties []int32           // the library's ids of its parties (library.index)
	pinned  *articles.Article // the article, when it cannot be read again (standard input); nil for files

	mark int // filterItems' stamp: equal to library.stamp when the item names the party asked for
}

func newItem(a *articles.Article) *item {
	it := &item{}
	it.refresh(a)
	return it
}

// refresh sets the item from its article. Every string is copied: a
// substring would keep the whole text alive.
func (it *item) refresh(a *articles.Article) {
	it.path, it.size = a.Path, a.Size
	it.pinned = nil
	if a.Path == "-" || a.Path == "" {
		it.pinned = a
	}
	r := ui.RowOf(a)
	r.Title, r.Source, r.Date = strings.Clone(r.Title), strings.Clone(r.Source), strings.Clone(r.Date)
	for i, p := range r.Parties {
		r.Parties[i] = strings.Clone(p)
	}
	it.row = r
	var b strings.Builder
	b.WriteString(strings.ToLower(r.Title))
	for _, p := range a.TopParties(8) {
		b.WriteString(" · ")
		b.WriteString(strings.ToLower(p))
	}
	it.hay = b.String()
}

// library is the loaded collection: items in path order and the index of
// parties to the items that name them. Only the root's Update changes it.
type library struct {
	items   []*item
	ids     map[string]int32 // lower-cased canonical party name → its id: each name is kept once
	byParty [][]*item        // by party id: the items naming it, in no order
	stamp   int              // last stamp given by markNaming
}

func newLibrary() *library { return &library{ids: map[string]int32{}} }

// add merges arts into the library in path order. The batch is sorted, each
// of its items finds its place by binary search, and the list is spread in
// place from the back: O(b log n) comparisons and one pass of pointer
// moves per batch, never a re-sort of the whole list.
func (l *library) add(arts []*articles.Article) []*item {
	batch := make([]*item, len(arts))
	for i, a := range arts {
		batch[i] = newItem(a)
		l.index(batch[i], a)
	}
	slices.SortStableFunc(batch, func(x, y *item) int { return strings.Compare(x.path, y.path) })
	old := len(l.items)
	if old == 0 || batch[0].path >= l.items[old-1].path {
		l.items = append(l.items, batch...) // walk order is path order: the usual case
		return batch
	}
	pos := make([]int, len(batch)) // index in the old list before which batch[j] goes
	lo := 0
	for j, it := range batch {
		lo += sort.Search(old-lo, func(i int) bool { return l.items[lo+i].path > it.path })
		pos[j] = lo
	}
	l.items = slices.Grow(l.items, len(batch))[:old+len(batch)]
	i, k := old, old+len(batch) // old items [0,i) not yet moved; slots [0,k) not yet filled
	for j := len(batch) - 1; j >= 0; j-- {
		n := i - pos[j]
		copy(l.items[k-n:k], l.items[pos[j]:i])
		k -= n
		i = pos[j]
		k--
		l.items[k] = batch[j]
	}
	return batch
}

// index files it under the parties of a, its article.
func (l *library) index(it *item, a *articles.Article) {
	it.parties = make([]int32, 0, len(a.Parties))
	for _, p := range a.Parties {
		k := strings.ToLower(p.Name)
		id, ok := l.ids[k]
		if !ok {
			id = int32(len(l.byParty))
			l.ids[strings.Clone(k)] = id
			l.byParty = append(l.byParty, nil)
		}
		if slices.Contains(it.parties, id) {
			continue // two parties whose names differ only in case
		}
		it.parties = append(it.parties, id)
		l.byParty[id] = append(l.byParty[id], it)
	}
}

func (l *library) unindex(it *item) {
	for _, id := range it.parties {
		s := l.byParty[id]
		if i := slices.Index(s, it); i >= 0 {
			s[i] = s[len(s)-1]
			s[len(s)-1] = nil
			l.byParty[id] = s[:len(s)-1]
		}
	}
	it.parties = nil
}

// replace sets it from a newer reading of its article (a reload after
// editing, or a file changed since the list read it).
func (l *library) replace(it *item, a *articles.Article) {
	l.unindex(it)
	it.refresh(a)
	l.index(it, a)
}

// named returns the items that name the party (case-insensitive).
func (l *library) named(name string) []*item {
	id, ok := l.ids[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return nil
	}
	return l.byParty[id]
}

// naming returns the set of items that name the party (case-insensitive).
func (l *library) naming(name string) map[*item]bool {
	set := map[*item]bool{}
	for _, it := range l.named(name) {
		set[it] = true
	}
	return set
}

// markNaming stamps the items that name the party with a new stamp and
// returns it: cheaper than a set for a party named in 50,000 articles.
func (l *library) markNaming(name string) int {
	l.stamp++
	for _, it := range l.named(name) {
		it.mark = l.stamp
	}
	return l.stamp
}
