package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"byline/bench/corpus"
)

// fileRow matches a list row that shows a generated file's name before its
// title is known.
var fileRow = regexp.MustCompile(`\ba\d{6}\b`)

// uiRows run the real binary in tmux. Every time is from the instant the
// command was sent to tmux to the first capture of the pane that shows the
// expected text, polled every 2 ms; the baseline is the same binary's
// start-up on an empty folder (its first frame), measured the same way.
func (e *bench) uiRows(catSmall, catLarge quantity, needCat func(folder, *quantity) quantity) {
	anyUI := false
	for _, id := range []string{"start", "list-small", "list-large", "open-3k", "open-1m", "open-10m"} {
		anyUI = anyUI || e.want(id)
	}
	if !anyUI {
		return
	}
	if e.binErr != nil {
		e.add(&result{id: "ui", name: "rows that run the binary", err: e.binErr})
		return
	}
	t, err := startTmux(e.o.width, e.o.height)
	if err != nil {
		e.add(&result{id: "ui", name: "rows that run the binary", err: err})
		return
	}
	defer t.close()

	// Baselines: process start (--version) and the UI's first frame on an
	// empty folder, with its memory once idle.
	var version, empty, emptyMem quantity
	{
		var ds, vs []time.Duration
		var hwm int64
		var errV, errE error
		for i := range e.o.runs + 1 {
			// through sh, which stays: tmux can lose the output of a
			// program that exits at once
			d, _, err := e.once(t, func(p string) bool { return strings.Contains(p, "byline ") }, 5*time.Second,
				"sh", "-c", `"$0" --version; exec sleep 10`, e.bin)
			if err != nil {
				errV = err
			} else if i > 0 {
				vs = append(vs, d)
			}
			s, d, _, err := e.start(t, nonBlank, 5*time.Second, e.bin, e.empty)
			if err != nil {
				errE = err
				continue
			}
			if i > 0 {
				ds = append(ds, d)
			}
			if _, st, err := s.settle(s.start, 300*time.Millisecond, 5*time.Second); err == nil {
				hwm = max(hwm, st.hwm)
			}
			s.kill()
		}
		if errV == nil {
			version = dur(median(vs))
		}
		if errE == nil {
			empty = dur(median(ds))
			emptyMem = size(hwm)
		}
		if e.want("start") {
			e.add(&result{id: "start-version", name: "byline --version in tmux: output on screen", fig: version, err: errV,
				note: "process start + tmux, the floor of every row below"})
			e.add(&result{id: "start-empty", name: "UI on an empty folder: first frame", fig: empty, err: errE,
				baseName: "byline --version", base: version, note: "the start-up baseline (glamour/chroma init, terminal set-up)"})
		}
	}

	var keyRT quantity // a key's round trip in the idle list: the floor for key rows
	for _, l := range []struct {
		id     string
		f      folder
		cat    *quantity
		first  time.Duration // target for the first row
		loaded time.Duration // target for the whole folder
	}{
		{"list-small", e.small, &catSmall, 75 * time.Millisecond, 2 * time.Second},
		{"list-large", e.large, &catLarge, 300 * time.Millisecond, 0},
	} {
		if !e.want(l.id) {
			continue
		}
		titles := newMatcher(4, l.f.titles)
		firstRow := func(p string) bool { return len(titles.find(p)) > 0 || fileRow.MatchString(p) }
		// The first row is timed in every run; the whole load (seconds to
		// minutes) in the first few only.
		runs, full := e.o.runs, min(e.o.runs, 3)
		if l.id == "list-large" {
			full = 1
		}
		var firsts, loads, keys, enters, busy, cpus []time.Duration
		var hwm, rss int64
		var ferr, lerr, eerr, berr error
		how := ""
		for run := range runs {
			s, d, pane, err := e.start(t, firstRow, 10*time.Second, e.bin, l.f.dir)
			if err != nil {
				ferr = err
				continue
			}
			firsts = append(firsts, d)
			if len(titles.find(pane)) > 0 {
				how = "first row shows a title"
			} else {
				how = "first row shows a file name"
			}
			if k, err := s.cursorRoundTrip("j"); err == nil {
				busy = append(busy, k)
			} else {
				berr = err
			}
			if run >= full {
				s.kill()
				continue
			}
			ld, st, err := s.settle(s.start, 500*time.Millisecond, 180*time.Second)
			if err != nil {
				lerr = err
				s.kill()
				continue
			}
			loads = append(loads, ld)
			cpus = append(cpus, st.cpu)
			hwm, rss = max(hwm, st.hwm), max(rss, st.rss)
			if l.id == "list-small" {
				k, en, err := e.enter(s, titles, l.f)
				if err != nil {
					eerr = err
				} else {
					keys, enters = append(keys, k), append(enters, en)
				}
			}
			s.kill()
		}
		r := &result{id: l.id + "-first", name: fmt.Sprintf("list of %d files: first row on screen", l.f.n), baseName: "UI on an empty folder", base: empty, err: ferr, note: how}
		if ferr == nil {
			r.fig = dur(median(firsts))
		}
		if l.f.n == 10000 || l.f.n == 100000 {
			r.target, r.check = "≤ "+ms(l.first), atMost(l.first)
		}
		e.add(r)
		r = &result{id: l.id + "-loaded", name: fmt.Sprintf("list of %d files: all loaded and analysed (CPU idle)", l.f.n), baseName: "cat of the same files", base: needCat(l.f, l.cat), err: lerr}
		if lerr == nil && len(loads) > 0 {
			r.fig = dur(median(loads))
			r.note = fmt.Sprintf("%s CPU (user+sys), %.1f cores busy", ms(median(cpus)), float64(median(cpus))/float64(r.fig.d))
		}
		if l.loaded > 0 && l.f.n == 10000 {
			r.target, r.check = "≤ "+ms(l.loaded), atMost(l.loaded)
		}
		e.add(r)
		r = &result{id: l.id + "-mem", name: fmt.Sprintf("list of %d files: peak memory (VmHWM) once loaded", l.f.n), baseName: "UI on an empty folder", base: emptyMem, err: lerr}
		if hwm > 0 {
			r.fig = size(hwm)
			per := float64(hwm-emptyMem.bytes) / float64(l.f.n)
			r.note = fmt.Sprintf("%.1f KB per article over the baseline; resident at the end %.0f MB", per/1e3, float64(rss)/1e6)
		}
		e.add(r)
		r = &result{id: l.id + "-key-busy", name: fmt.Sprintf("list of %d files: key j while loading, the selection moves", l.f.n), baseName: "key j in the loaded list", base: keyRT, err: berr,
			note: "the row marked │ moves"}
		if len(busy) > 0 {
			r.fig = dur(median(busy))
		}
		busyRow := r
		if l.id == "list-small" {
			if len(keys) > 0 {
				keyRT = dur(median(keys))
			}
			e.add(&result{id: "list-small-key", name: "key j in the loaded list: the screen changes", fig: keyRT, err: eerr,
				note: "tmux send-keys to a changed capture: the floor for key rows"})
			r := &result{id: "list-small-enter", name: "enter on a 3 KB article in the list: its text on screen", baseName: "key j in the list", base: keyRT,
				err: eerr, target: "≤ 10 ms", check: atMost(10 * time.Millisecond)}
			if len(enters) > 0 {
				r.fig = dur(median(enters))
			}
			e.add(r)
		}
		busyRow.base = keyRT
		e.add(busyRow)
	}

	for _, o := range []struct {
		id, path, lead, title, what string
		target                      time.Duration
		delta                       bool
	}{
		{"open-3k", e.file3k, e.lead3k, e.title3k, "3 KB", 10 * time.Millisecond, true},
		{"open-1m", e.file1m, e.lead1m, e.title1m, "1 MB", 100 * time.Millisecond, false},
		{"open-10m", e.file10m, e.lead10m, e.title10m, "10 MB", 0, false},
	} {
		if !e.want(o.id) {
			continue
		}
		lead := newLeadMatcher(6, 30, []string{o.lead}, o.title)
		shown := func(p string) bool { return len(lead.find(p)) > 0 }
		runs, timeout := e.o.runs, 60*time.Second
		if o.id == "open-10m" {
			runs, timeout = min(runs, 3), 300*time.Second
		}
		var opens, busyKeys, alls, idleKeys []time.Duration
		var oerr, kerr error
		var hwm int64
		for range runs {
			s, d, pane, err := e.start(t, shown, timeout, e.bin, o.path)
			if err != nil {
				oerr = err
				continue
			}
			opens = append(opens, d)
			if o.id != "open-3k" {
				// a key while the rest is still being rendered
				if k, err := s.keyRoundTrip(pane, "j"); err == nil {
					busyKeys = append(busyKeys, k)
				} else {
					kerr = err
				}
				all, st, err := s.settle(s.start, 300*time.Millisecond, timeout)
				if err == nil {
					alls = append(alls, all)
					hwm = max(hwm, st.hwm)
					if k, err := s.keyRoundTrip(s.capture(), "j"); err == nil {
						idleKeys = append(idleKeys, k)
					} else {
						kerr = err
					}
				} else {
					kerr = err
				}
			}
			s.kill()
		}
		r := &result{id: o.id, name: fmt.Sprintf("byline on the %s article: its text on screen", o.what), baseName: "UI on an empty folder", base: empty, err: oerr}
		if len(opens) > 0 {
			r.fig = dur(median(opens))
		}
		switch {
		case o.delta:
			r.target, r.check = "≤ +"+ms(o.target)+" over start-up", deltaAtMost(o.target)
		case o.target > 0:
			r.target, r.check = "≤ "+ms(o.target), atMost(o.target)
		}
		e.add(r)
		if o.id == "open-3k" {
			continue
		}
		var glam quantity
		if g, ok := e.results["render-1m"]; ok && o.id == "open-1m" {
			glam = g.base
		}
		r = &result{id: o.id + "-all", name: fmt.Sprintf("byline on the %s article: whole body rendered (CPU idle)", o.what), baseName: "glamour rendering it whole", base: glam, err: kerr}
		if o.id == "open-1m" {
			r.target, r.check = "≤ glamour whole", func(r *result) string {
				if !r.fig.ok || !r.base.ok {
					return "not measured"
				}
				if r.fig.d <= r.base.d {
					return fmt.Sprintf("holds (%s to spare)", ms(r.base.d-r.fig.d))
				}
				return fmt.Sprintf("MISSES by %s", ms(r.fig.d-r.base.d))
			}
		}
		if len(alls) > 0 {
			r.fig = dur(median(alls))
			r.note = fmt.Sprintf("peak memory %.0f MB", float64(hwm)/1e6)
		}
		if o.id == "open-10m" {
			r.baseName = ""
		}
		e.add(r)
		r = &result{id: o.id + "-key-busy", name: fmt.Sprintf("key j on the %s article while it renders: screen changes", o.what), baseName: "key j in the list", base: keyRT}
		if len(busyKeys) > 0 {
			r.fig = dur(median(busyKeys))
		}
		e.add(r)
		r = &result{id: o.id + "-key", name: fmt.Sprintf("key j on the %s article once rendered: screen changes", o.what), baseName: "key j in the list", base: keyRT}
		if len(idleKeys) > 0 {
			r.fig = dur(median(idleKeys))
		}
		e.add(r)
	}
}

func nonBlank(p string) bool { return strings.TrimSpace(p) != "" }

// start launches argv and waits until ok holds for its pane.
func (e *bench) start(t *tmux, ok func(string) bool, timeout time.Duration, argv ...string) (*session, time.Duration, string, error) {
	s, err := t.launch(e.o.width, e.o.height, argv...)
	if err != nil {
		return nil, 0, "", err
	}
	d, pane, err := s.waitFor(s.start, timeout, ok)
	if err != nil {
		s.kill()
		return nil, 0, pane, err
	}
	return s, d, pane, nil
}

// once is start for a program that is measured once and killed.
func (e *bench) once(t *tmux, ok func(string) bool, timeout time.Duration, argv ...string) (time.Duration, string, error) {
	s, d, pane, err := e.start(t, ok, timeout, argv...)
	if s != nil {
		s.kill()
	}
	return d, pane, err
}

// keyRoundTrip sends a key and waits for the pane to differ from before.
func (s *session) keyRoundTrip(before, key string) (time.Duration, error) {
	t := time.Now()
	if err := s.keys(key); err != nil {
		return 0, err
	}
	d, _, err := s.waitFor(t, 5*time.Second, func(p string) bool { return p != before })
	return d, err
}

// enter measures, in a loaded list, a key's round trip (j, then k back)
// and then enter on the selected article until its first paragraph shows.
func (e *bench) enter(s *session, titles *matcher, f folder) (key, enter time.Duration, err error) {
	pane := s.capture()
	visible := titles.find(pane)
	if len(visible) == 0 {
		return 0, 0, fmt.Errorf("no title on screen to open: %s", summary(pane))
	}
	key, err = s.keyRoundTrip(pane, "j")
	if err != nil {
		return 0, 0, err
	}
	moved := s.capture()
	if _, err := s.keyRoundTrip(moved, "k"); err != nil {
		return 0, 0, err
	}
	time.Sleep(50 * time.Millisecond)
	var leads []string
	for _, i := range visible {
		a, _ := corpus.ArticleAt(seed, i, 3000)
		leads = append(leads, a.Lead)
	}
	// six words anywhere in the opening: a lead's first words alone ("The
	// central bank said it would") can be another article's title, and
	// the renderer adds speaker tags after quotes
	lead := newLeadMatcher(6, 30, leads, "")
	before := map[int]bool{}
	for _, i := range lead.find(s.capture()) {
		before[i] = true
	}
	t := time.Now()
	if err := s.keys("Enter"); err != nil {
		return 0, 0, err
	}
	enter, pane, err = s.waitFor(t, 5*time.Second, func(p string) bool {
		for _, i := range lead.find(p) {
			if !before[i] {
				return true
			}
		}
		return false
	})
	if err != nil {
		return 0, 0, fmt.Errorf("enter: %w", err)
	}
	s.keys("Escape")
	return key, enter, nil
}

var _ = os.Stderr

// cursorRow returns the index of the pane line that carries the list's
// selection mark (a line starting with │), or -1.
func cursorRow(pane string) int {
	for i, l := range strings.Split(pane, "\n") {
		if strings.HasPrefix(l, "│") {
			return i
		}
	}
	return -1
}

// cursorRoundTrip sends a key and waits until the list's selection mark
// moves; the rest of the screen may change meanwhile (a loading list).
func (s *session) cursorRoundTrip(key string) (time.Duration, error) {
	before := cursorRow(s.capture())
	if before < 0 {
		return 0, fmt.Errorf("no selection mark on screen")
	}
	t := time.Now()
	if err := s.keys(key); err != nil {
		return 0, err
	}
	d, _, err := s.waitFor(t, 10*time.Second, func(p string) bool { r := cursorRow(p); return r >= 0 && r != before })
	return d, err
}
