package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"

	"byline/articles"
	"byline/articles/doc"
)

// quantity is a measured figure: a duration or a size in bytes.
type quantity struct {
	d     time.Duration
	bytes int64
	ok    bool
}

func dur(d time.Duration) quantity { return quantity{d: d, ok: true} }
func size(b int64) quantity        { return quantity{bytes: b, ok: true} }

func (q quantity) String() string {
	switch {
	case !q.ok:
		return "n/a"
	case q.bytes != 0:
		return fmt.Sprintf("%.0f MB", float64(q.bytes)/1e6)
	}
	return ms(q.d)
}

func (q quantity) value() float64 {
	if q.bytes != 0 {
		return float64(q.bytes)
	}
	return float64(q.d)
}

// result is one row of the table.
type result struct {
	id, name string
	fig      quantity
	baseName string
	base     quantity
	target   string                 // "" for none
	check    func(r *result) string // verdict against the target
	note     string
	err      error
}

func (r *result) ratio() string {
	if !r.fig.ok || !r.base.ok || r.base.value() == 0 {
		return ""
	}
	x := r.fig.value() / r.base.value()
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f×", x)
	case x < 0.1:
		return fmt.Sprintf("%.3f×", x)
	}
	return fmt.Sprintf("%.2f×", x)
}

// atMost is the check for "figure ≤ limit".
func atMost(limit time.Duration) func(*result) string {
	return func(r *result) string {
		if !r.fig.ok {
			return "not measured"
		}
		if r.fig.d <= limit {
			return fmt.Sprintf("holds (%s to spare)", ms(limit-r.fig.d))
		}
		return fmt.Sprintf("MISSES by %s", ms(r.fig.d-limit))
	}
}

// deltaAtMost is the check for "figure − baseline ≤ limit": what the
// operation adds to the start-up every program pays.
func deltaAtMost(limit time.Duration) func(*result) string {
	return func(r *result) string {
		if !r.fig.ok || !r.base.ok {
			return "not measured"
		}
		d := r.fig.d - r.base.d
		if d <= limit {
			return fmt.Sprintf("holds (+%s over baseline)", ms(max(d, 0)))
		}
		return fmt.Sprintf("MISSES: +%s over baseline", ms(d))
	}
}

// rowSpec is a row the bench can run.
type rowSpec struct {
	id, name string
	heavy    bool // only with -heavy or when named by -only
}

var rowSpecs = []rowSpec{
	{"walk-small", "folder scan (articles.Walk), small folder", false},
	{"walk-large", "folder scan (articles.Walk), large folder", false},
	{"json-small", "byline --json, small folder (load + analysis + JSON)", false},
	{"json-large", "byline --json, large folder", true},
	{"parse-3k", "analysis of a 3 KB article (articles.Parse)", false},
	{"parse-1m", "analysis of the 1 MB article (articles.Parse)", false},
	{"parse-10m", "analysis of the 10 MB article (articles.Parse)", false},
	{"render-3k", "body render of the 3 KB article (ui.RenderBody) against glamour", false},
	{"render-1m", "body render of the 1 MB article (ui.RenderBody) whole and first screen", false},
	{"start", "start-up in tmux: --version, and the UI on an empty folder", false},
	{"list-small", "list, small folder: first row on screen, all loaded, memory, enter on a 3 KB article", false},
	{"list-large", "list, large folder: first row on screen, all loaded, memory", false},
	{"open-3k", "byline on a 3 KB article: its text on screen", false},
	{"open-1m", "byline on the 1 MB article: first screen, then a key", false},
	{"open-10m", "byline on the 10 MB article: first screen", false},
}

func (e *bench) want(id string) bool {
	var spec rowSpec
	for _, s := range rowSpecs {
		if s.id == id {
			spec = s
		}
	}
	if e.o.only == nil {
		return !spec.heavy || e.o.big
	}
	for _, p := range e.o.only {
		if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func (e *bench) add(r *result) {
	if e.results == nil {
		e.results = map[string]*result{}
	}
	if _, ok := e.results[r.id]; !ok {
		e.order = append(e.order, r.id)
	}
	e.results[r.id] = r
	status := r.fig.String()
	if r.err != nil {
		status = "error: " + r.err.Error()
	}
	fmt.Fprintf(os.Stderr, "  %-22s %s (%s)\n", r.id, status, load())
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// lastCPU is the median CPU time (user + system, all threads of this
// process) of the runs of the last timeIt: beside wall times taken on a
// busy machine it says how much of the time was work.
var lastCPU time.Duration

// timeIt runs fn once to warm up, then runs times, and returns the median
// wall time (and sets lastCPU).
func timeIt(runs int, fn func() error) (time.Duration, error) {
	if err := fn(); err != nil {
		return 0, err
	}
	var ds, cs []time.Duration
	for range runs {
		c := selfCPU()
		t := time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		ds = append(ds, time.Since(t))
		cs = append(cs, selfCPU()-c)
	}
	lastCPU = median(cs)
	return median(ds), nil
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuNote describes lastCPU against a wall time.
func cpuNote(wall time.Duration) string {
	if wall <= 0 {
		return ""
	}
	return fmt.Sprintf("CPU %s (%.1f cores)", ms(lastCPU), float64(lastCPU)/float64(wall))
}

// joinNotes joins the non-empty notes with "; ".
func joinNotes(ns ...string) string {
	var keep []string
	for _, n := range ns {
		if n != "" {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, "; ")
}

// childTimeout is the longest a measured command may run: a hang shows as
// an error in its row instead of stopping the table.
const childTimeout = 5 * time.Minute

// child runs a command with stdout to /dev/null and returns its wall time
// and its rusage.
func child(name string, args ...string) (time.Duration, *syscall.Rusage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), childTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, nil, err
	}
	defer null.Close()
	cmd.Stdout = null
	var stderr strings.Builder
	cmd.Stderr = &stderr
	t := time.Now()
	err = cmd.Run()
	wall := time.Since(t)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %v: %s", name, err, firstLine(stderr.String()))
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return wall, ru, nil
}

// catTime is the floor for reading a folder: find and cat every file, as
// a shell would, the median of runs.
func (e *bench) catTime(dir string) (time.Duration, error) {
	script := "find " + shellQuote(dir) + " -type f -print0 | xargs -0 cat > /dev/null"
	return timeIt(e.o.runs, func() error {
		_, _, err := child("sh", "-c", script)
		return err
	})
}

func (e *bench) runRows() {
	fmt.Fprintf(os.Stderr, "bench: %s; %s\n", e.genNote, load())
	catSmall, catLarge := quantity{}, quantity{}
	needCat := func(f folder, q *quantity) quantity {
		if !q.ok {
			if d, err := e.catTime(f.dir); err == nil {
				*q = dur(d)
			}
		}
		return *q
	}
	for _, f := range []struct {
		id  string
		f   folder
		cat *quantity
	}{{"walk-small", e.small, &catSmall}, {"walk-large", e.large, &catLarge}} {
		if !e.want(f.id) {
			continue
		}
		r := &result{id: f.id, name: fmt.Sprintf("folder scan, articles.Walk, %d files", f.f.n), baseName: "cat of the same files"}
		d, err := timeIt(e.o.runs, func() error {
			n := 0
			if errs := articles.Walk([]string{f.f.dir}, func(b []string) { n += len(b) }); len(errs) > 0 {
				return errs[0]
			}
			if n != f.f.n {
				return fmt.Errorf("found %d files, want %d", n, f.f.n)
			}
			return nil
		})
		r.fig, r.err = dur(d), err
		r.note = cpuNote(d)
		r.base = needCat(f.f, f.cat)
		e.add(r)
	}
	for _, f := range []struct {
		id  string
		f   folder
		cat *quantity
	}{{"json-small", e.small, &catSmall}, {"json-large", e.large, &catLarge}} {
		if !e.want(f.id) {
			continue
		}
		r := &result{id: f.id, name: fmt.Sprintf("byline --json, %d files (%.0f MB)", f.f.n, float64(f.f.bytes)/1e6), baseName: "cat of the same files"}
		if f.id == "json-small" && f.f.n == 10000 {
			r.target, r.check = "≤ 1.5 s", atMost(1500*time.Millisecond)
		}
		if e.binErr != nil {
			r.err = e.binErr
		} else {
			runs := e.o.runs
			if f.id == "json-large" {
				runs = 1
			}
			var walls []time.Duration
			var cpu time.Duration
			var rss int64
			for i := range runs + 1 {
				wall, ru, err := child(e.bin, "--json", f.f.dir)
				if err != nil {
					r.err = err
					break
				}
				if i == 0 && runs > 1 {
					continue // warm-up
				}
				walls = append(walls, wall)
				cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
				rss = max(rss, ru.Maxrss<<10)
			}
			if r.err == nil {
				m := median(walls)
				r.fig = dur(m)
				r.note = fmt.Sprintf("%.1f cores busy, max RSS %.0f MB", float64(cpu)/float64(m), float64(rss)/1e6)
			}
		}
		r.base = needCat(f.f, f.cat)
		e.add(r)
	}
	e.parseRows()
	e.renderRows()
	e.uiRows(catSmall, catLarge, needCat)
}

// parseRows time articles.Parse on the 3 KB, 1 MB and 10 MB articles
// against an empty article.
func (e *bench) parseRows() {
	var empty quantity
	parse := func(path string, data []byte) (time.Duration, error) {
		runs := e.o.runs
		if len(data) > 4<<20 {
			runs = min(runs, 3)
		}
		return timeIt(runs, func() error {
			_, err := articles.Parse(path, doc.FormatOf(path), data)
			return err
		})
	}
	if e.want("parse-3k") || e.want("parse-1m") || e.want("parse-10m") {
		d, err := timeIt(max(e.o.runs, 101), func() error {
			_, err := articles.Parse("empty.txt", doc.Text, nil)
			return err
		})
		if err == nil {
			empty = dur(d)
		}
	}
	var oneMB quantity
	for _, p := range []struct{ id, path, what string }{
		{"parse-3k", e.file3k, "3 KB article"},
		{"parse-1m", e.file1m, "1 MB article"},
		{"parse-10m", e.file10m, "10 MB article"},
	} {
		if !e.want(p.id) {
			continue
		}
		data, err := os.ReadFile(p.path)
		r := &result{id: p.id, name: "articles.Parse, " + p.what, baseName: "Parse of an empty article", base: empty}
		if err == nil {
			var d time.Duration
			d, err = parse(p.path, data)
			r.fig = dur(d)
			if err == nil {
				r.note = joinNotes(fmt.Sprintf("%.1f MB/s", float64(len(data))/1e6/d.Seconds()), cpuNote(d))
			}
		}
		r.err = err
		if p.id == "parse-1m" {
			oneMB = r.fig
		}
		if p.id == "parse-10m" && oneMB.ok {
			r.baseName, r.base = "10 × Parse of the 1 MB article", dur(10*oneMB.d)
		}
		e.add(r)
	}
}
