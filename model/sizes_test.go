package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"byline/articles"
	"byline/articles/doc"
	"byline/ui"
)

// upd runs msg through Update and drops the commands: these tests feed the
// results (rendered bodies) in themselves.
func upd(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// openNow sends msg (an open, enter, J or K) and, when it starts reading
// an article again, reads it as the Cmd would and hands it over.
func openNow(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	m = upd(t, m, msg)
	if it := m.opening; it != nil {
		a, err := m.load(it.path)
		m = upd(t, m, openedMsg{it: it, art: a, err: err})
	}
	return m
}

// renderNow renders the body the article screen wants and hands it over,
// as the render Cmd would.
func renderNow(t testing.TB, m Model) Model {
	t.Helper()
	k := m.art.wantKey()
	b, err := ui.RenderBody(k.art, ui.BodyOptions{Width: k.width, Style: k.style, Profile: m.art.profile, Styles: *m.styles})
	if err != nil {
		t.Fatal(err)
	}
	return upd(t, m, bodyMsg{key: k, body: b})
}

func checkFrame(t *testing.T, m Model, w, h int, after string) {
	t.Helper()
	v := m.View()
	if w == 0 || h == 0 {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d after %s: %d lines", w, h, after, len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("%dx%d after %s: line %q is %d cells", w, h, after, l, ansi.StringWidth(l))
			break
		}
	}
}

func TestTinyAndHugeTerminals(t *testing.T) {
	keys := []string{"j", "G", "g", "/", "f", "enter", "enter", "]", "]", "[", "tab", "down", "enter", "]", "o",
		"enter", "p", "p", "/", "t", "h", "e", "enter", "n", "N", "J", "K", "?", "d", "u", " ", "b", "y", "esc", "esc", "esc", "?", "q", "esc"}
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {10, 3}, {3, 40}, {40, 2}, {89, 20}, {500, 200}} {
		w, h := sz[0], sz[1]
		m, _ := loaded(t, testOptions())
		m = upd(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		checkFrame(t, m, w, h, "start")
		for _, k := range keys {
			m = upd(t, m, keyMsg(k))
			if m.screen == ui.ArticleScreen && m.art.needsRender() {
				m = renderNow(t, m)
			}
			checkFrame(t, m, w, h, k)
		}
	}
}

func TestDirectArticleSizes(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {500, 200}} {
		setup(t)
		opts := testOptions()
		opts.Open = fixtureArticle(t, "harbour.txt")
		m := New(opts)
		m = upd(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m = renderNow(t, m)
		for _, k := range []string{"]", "tab", "enter", "]", "esc", "/", "x", "enter", "n", "esc", "J", "p"} {
			m = upd(t, m, keyMsg(k))
			checkFrame(t, m, sz[0], sz[1], k)
		}
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	m, _ := loaded(t, testOptions())
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = openNow(t, m, openMsg{m.list.visible[0]})
	m = renderNow(t, m)
	for range 9 {
		m = upd(t, m, keyMsg("j"))
	}
	old := m.art.body
	block := old.BlockAt(m.art.top)
	if block == 0 {
		t.Fatal("test needs the window scrolled past the first block")
	}
	oldTop := ""
	for i := m.art.top; oldTop == ""; i++ {
		oldTop = strings.TrimSpace(old.Plain(i))
	}

	for _, w := range []int{100, 120, 60} {
		m = upd(t, m, tea.WindowSizeMsg{Width: w, Height: 24})
	}
	if m.art.body != old {
		t.Fatal("the old body should stay on screen until the new one arrives")
	}
	if !strings.Contains(m.View(), string([]rune(oldTop)[:30])) {
		t.Error("old body's top line no longer on screen while re-rendering")
	}
	if m.resizeSeq != 3 {
		t.Errorf("resizeSeq = %d, want one per size", m.resizeSeq)
	}
	// Only the last size's timer renders.
	if nm, cmd := m.Update(resizeMsg{seq: 1}); cmd != nil || nm.(Model).art.pending != (renderKey{}) {
		t.Error("a stale resize timer started a render")
	}
	nm, cmd := m.Update(resizeMsg{seq: 3})
	m = nm.(Model)
	if cmd == nil || m.art.pending.width != 60 {
		t.Fatalf("last resize should render for width 60, pending %+v", m.art.pending)
	}
	// A result for an old width is dropped.
	stale := renderKey{art: m.art.art, width: 80, style: m.art.style}
	m = upd(t, m, bodyMsg{key: stale, body: old})
	if m.art.bodyFor.width == 80 && m.art.body != old {
		t.Error("stale body shown")
	}
	m = renderNow(t, m)
	if got := m.art.body.BlockAt(m.art.top); got != block {
		t.Errorf("block at top after resize = %d, want %d", got, block)
	}

	// Wide enough for the whole article: the window starts at the top and
	// the block is still in view.
	m = upd(t, m, tea.WindowSizeMsg{Width: 140, Height: 60})
	m = renderNow(t, m)
	if l := m.art.body.BlockLine(block); !m.art.onScreen(l) {
		t.Errorf("block %d at line %d out of the window [%d, +%d)", block, l, m.art.top, m.art.bodyH)
	}
}

func TestRenderCache(t *testing.T) {
	m, _ := loaded(t, testOptions())
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = openNow(t, m, openMsg{m.list.visible[0]})
	m = renderNow(t, m)
	first := m.art.body
	m = openNow(t, m, siblingMsg{1}) // the message J sends
	if m.art.it != m.list.visible[1] || m.art.body != nil {
		t.Fatal("J should open the next article, not rendered yet")
	}
	m = openNow(t, m, siblingMsg{-1})
	if m.art.body != first {
		t.Error("going back to an article at the same width should use the cached body")
	}
}

func TestPanicsBecomeErrors(t *testing.T) {
	msg := safely(func() tea.Msg { panic("boom") })()
	if e, ok := msg.(errMsg); !ok || !strings.Contains(e.err.Error(), "boom") {
		t.Errorf("safely returned %#v, want an errMsg", msg)
	}
	m, _ := newTest(t, testOptions(), "testdata/articles")
	m.load = func(p string) (*articles.Article, error) {
		if strings.HasSuffix(p, "quiet.txt") {
			panic("analysis bug")
		}
		return fixtureLoad(p)
	}
	l, next := startLoad(m.paths, m.load)
	m.loader = l
	for m.loading {
		m = upd(t, m, next())
	}
	if len(m.lib.items) != 3 || len(m.skipped) != 1 || !strings.Contains(m.skipped[0].Error(), "quiet.txt: internal error: analysis bug") {
		t.Errorf("items %d skipped %v, want 3 and the panic as an error", len(m.lib.items), m.skipped)
	}
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(m.View(), "1 file skipped") {
		t.Error("skipped file not reported in the status bar")
	}
	m = upd(t, m, errMsg{errorString("render: boom")})
	if !strings.Contains(m.View(), "render: boom") {
		t.Error("error message not shown")
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

func TestPrerenderOnRest(t *testing.T) {
	m, _ := loaded(t, testOptions())
	m = upd(t, m, tea.WindowSizeMsg{Width: 140, Height: 40})
	m = upd(t, m, keyMsg("j"))
	sel := m.list.selected()
	// The rest timer fires: the selected article is rendered in the background.
	nm, cmd := m.Update(restMsg{seq: m.restSeq})
	m = nm.(Model)
	if cmd == nil || m.prerendering != sel {
		t.Fatalf("no pre-render for the selected row (prerendering %v)", m.prerendering)
	}
	// A stale timer does nothing.
	if _, stale := m.Update(restMsg{seq: m.restSeq - 1}); stale != nil {
		t.Error("stale rest timer started a render")
	}
	// The list keeps only rows: the article is read again, then rendered.
	m = upd(t, m, cmd())
	a := m.arts.get(sel.path)
	if a == nil {
		t.Fatal("pre-rendered article not kept")
	}
	if _, ok := m.cache.get(m.art.keyFor(a)); !ok {
		t.Fatal("pre-rendered body not cached")
	}
	nm, cmd = m.Update(keyMsg("enter"))
	m = upd(t, nm.(Model), cmd())
	if m.art.body == nil || m.art.pending != (renderKey{}) {
		t.Errorf("enter after a rest should show the cached body at once (body %v, pending %+v)", m.art.body != nil, m.art.pending)
	}
}

func TestFirstScreensFirst(t *testing.T) {
	setup(t)
	a, err := articles.Parse("big.txt", "", []byte(bigText(400)))
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.Open = a
	m := New(opts)
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	k := m.art.wantKey()
	msg := renderCmd(k, m.art.profile, m.styles, 50)().(bodyMsg)
	if msg.err != nil || msg.rest == nil || msg.body.Complete() {
		t.Fatalf("a big article should come in two parts (err %v, rest %v)", msg.err, msg.rest != nil)
	}
	nm, cmd := m.Update(msg)
	m = nm.(Model)
	if m.art.body != msg.body || cmd == nil {
		t.Fatal("the first screens should show at once, and the rest be asked for")
	}
	if _, ok := m.cache.get(k); ok {
		t.Error("a partial body was cached")
	}
	part := m.art.body.Len()
	if !strings.Contains(m.View(), "round 1 of the talks") {
		t.Error("first screen not shown")
	}
	m = upd(t, m, keyMsg("j"))
	m = upd(t, m, cmd())
	if !m.art.body.Complete() || m.art.body.Len() <= part || m.art.top != 1 {
		t.Errorf("after the rest: complete %v, %d lines (prefix %d), top %d (want kept at 1)", m.art.body.Complete(), m.art.body.Len(), part, m.art.top)
	}
	if _, ok := m.cache.get(k); !ok {
		t.Error("complete body not cached")
	}
}

func TestAnalyseInBackground(t *testing.T) {
	setup(t)
	d, err := doc.Read(doc.Text, []byte(bigText(3)))
	if err != nil {
		t.Fatal(err)
	}
	raw := &articles.Article{Path: "raw.txt", Document: *d}
	opts := testOptions()
	opts.Open, opts.Analyze = raw, true
	m := New(opts)
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = renderNow(t, m)
	if strings.Contains(m.View(), "analysing") || !strings.Contains(m.View(), "round 1 of the talks") {
		t.Errorf("the bare document should show at once, and analysing only after 100 ms:\n%s", m.View())
	}
	if m = upd(t, m, analyseSlowMsg{}); !strings.Contains(m.View(), "analysing") {
		t.Errorf("after 100 ms, analysing should show in the status bar:\n%s", m.View())
	}
	batch, ok := m.Init()().(tea.BatchMsg)
	if !ok || len(batch) == 0 {
		t.Fatal("Init should start the analysis")
	}
	msg, ok := batch[0]().(analysedMsg)
	if !ok || msg.raw != raw || msg.art.Words == 0 {
		t.Fatalf("analysis message %#v", msg)
	}
	m = upd(t, m, msg)
	if m.analysing || m.art.art != msg.art || m.art.pending.art != msg.art {
		t.Errorf("after the analysis: analysing %v, article swapped %v, render asked %v", m.analysing, m.art.art == msg.art, m.art.pending.art == msg.art)
	}
	if !strings.Contains(m.View(), "round 1 of the talks") {
		t.Error("the old body should stay on screen until the new one arrives")
	}
	m = renderNow(t, m)
	if m.art.bodyFor.art != msg.art || len(m.art.quotes) == 0 {
		t.Errorf("analysed body not shown or no quotes (%d)", len(m.art.quotes))
	}
}

func TestPaneToggleAndFold(t *testing.T) {
	m, _ := loaded(t, testOptions())
	m = upd(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = openNow(t, m, openMsg{m.list.visible[0]})
	m = renderNow(t, m)
	if !m.art.paneShown || m.art.bodyW != 120-paneWidth {
		t.Fatalf("at 120 columns the pane should show (shown %v, body %d)", m.art.paneShown, m.art.bodyW)
	}
	m = upd(t, m, keyMsg("p"))
	if want := min(120, readingWidth); m.art.paneShown || m.art.bodyW != 120 || m.art.wantKey().width != want || !m.art.needsRender() && m.art.pending.width != want {
		t.Errorf("p should hide the pane and re-wrap the body to %d (shown %v, body window %d, wrap %d)", want, m.art.paneShown, m.art.bodyW, m.art.wantKey().width)
	}
	m = upd(t, m, keyMsg("p"))
	m = upd(t, m, tea.WindowSizeMsg{Width: 85, Height: 30})
	if !m.art.paneShown {
		t.Error("a pane asked for with p stays when the screen narrows (while the body keeps 20 columns)")
	}
	m = upd(t, m, keyMsg("p"))
	m = upd(t, m, tea.WindowSizeMsg{Width: 140, Height: 30})
	if m.art.paneShown {
		t.Error("a pane hidden with p stays hidden on a wide screen")
	}
	if strings.Contains(m.View(), "People") {
		t.Error("hidden pane drawn")
	}
}

func TestHelpTakesItsHeight(t *testing.T) {
	m, _ := loaded(t, testOptions())
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = openNow(t, m, openMsg{m.list.visible[0]})
	m = renderNow(t, m)
	short := m.art.bodyH
	m = upd(t, m, keyMsg("?"))
	if !m.help.ShowAll || m.art.bodyH >= short {
		t.Errorf("full help: ShowAll %v, body height %d (was %d), want smaller", m.help.ShowAll, m.art.bodyH, short)
	}
	v := m.View()
	if n := strings.Count(v, "\n") + 1; n != 24 {
		t.Errorf("frame has %d lines, want 24", n)
	}
	for _, want := range []string{"next article", "½ page down", "suspend"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q", want)
		}
	}
	m = upd(t, m, keyMsg("?"))
	if m.art.bodyH != short {
		t.Errorf("body height back to %d, want %d", m.art.bodyH, short)
	}
}

func TestStdinInTheList(t *testing.T) {
	setup(t)
	stdin, err := articles.Parse("-", "", []byte("A note read from standard input\n\nIt has one paragraph.\n"))
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.Stdin = stdin
	m, _ := newTest(t, opts, "testdata/articles")
	m.list.refilter()
	l, next := startLoad(m.paths, m.load)
	m.loader = l
	for m.loading {
		m = upd(t, m, next())
	}
	if len(m.lib.items) != 5 || m.direct || m.screen != ui.ListScreen {
		t.Fatalf("items %d direct %v screen %v, want stdin among the 4 files in the list", len(m.lib.items), m.direct, m.screen)
	}
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(m.View(), "A note read from standard input") || !strings.Contains(m.View(), "stdin") {
		t.Error("stdin row not shown with its source")
	}

	// Alone, stdin opens straight into the article, and q quits.
	opts = testOptions()
	opts.Stdin = stdin
	m = New(opts)
	if !m.direct || m.screen != ui.ArticleScreen {
		t.Fatal("stdin alone should open the article")
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Error("q should quit")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q should quit")
	}
}

// TestBareRestHeldWhileAnalysing: a big article opened before its
// analysis shows its first screens, but the bare document is not rendered
// whole while the analysed one is on its way; if the analysis fails, it is.
func TestBareRestHeldWhileAnalysing(t *testing.T) {
	setup(t)
	d, err := doc.Read(doc.Text, []byte(bigText(400)))
	if err != nil {
		t.Fatal(err)
	}
	for _, fails := range []bool{false, true} {
		raw := &articles.Article{Path: "raw.txt", Document: *d}
		opts := testOptions()
		opts.Open, opts.Analyze = raw, true
		m := New(opts)
		m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		first := renderCmd(m.art.wantKey(), m.art.profile, m.styles, 50)().(bodyMsg)
		if first.rest == nil {
			t.Fatal("the bare document should come in two parts")
		}
		nm, cmd := m.Update(first)
		m = nm.(Model)
		if cmd != nil || m.heldRest == nil {
			t.Fatalf("the rest of the bare document should wait for the analysis (cmd %v)", cmd != nil)
		}
		if fails {
			nm, cmd = m.Update(errMsg{errorString("analysis: boom")})
			if m = nm.(Model); cmd == nil || m.analysing {
				t.Error("after a failed analysis the bare document should be rendered whole")
			}
			continue
		}
		a := articles.Analyze(raw.Path, &raw.Document)
		m = upd(t, m, analysedMsg{raw: raw, art: a})
		if m.heldRest != nil || m.art.pending.art != a {
			t.Errorf("after the analysis the held render should be dropped and the analysed article rendered (pending %v)", m.art.pending.art == a)
		}
	}
}

// TestFirstBatchIsSmall: the first batch of a folder carries at most a
// tall screen of rows, so the first screen does not wait for a whole batch
// window; later batches take what has arrived.
func TestFirstBatchIsSmall(t *testing.T) {
	dir := t.TempDir()
	for i := range 300 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte("Title\n\nBody.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	load := func(p string) (*articles.Article, error) { return &articles.Article{Path: p}, nil }
	l, next := startLoad([]string{dir}, load)
	first := next().(batchMsg)
	if len(first.arts) == 0 || len(first.arts) > firstBatch {
		t.Fatalf("first batch has %d rows, want 1 to %d", len(first.arts), firstBatch)
	}
	total := len(first.arts)
	for msg := l.next().(batchMsg); ; msg = l.next().(batchMsg) {
		total += len(msg.arts)
		if msg.done {
			break
		}
	}
	if total != 300 {
		t.Errorf("loaded %d articles, want 300", total)
	}
}

// TestOpenReadsAgain: the list keeps rows, not articles; enter reads the
// article again, a file changed since the list read it updates its row,
// and one that vanished gives an error, not an empty screen.
func TestOpenReadsAgain(t *testing.T) {
	setup(t)
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Old headline\n\nThe mayor said \"we will see\".\n")
	write("b.txt", "Other story\n\nText.\n")
	m := New(testOptions())
	m.paths = []string{dir}
	m.loading = true
	l, next := startLoad(m.paths, m.load)
	m.loader = l
	for m.loading {
		nm, _ := m.Update(next())
		m = nm.(Model)
	}
	m = upd(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	it := m.list.visible[0]
	if it.row.Title != "Old headline" || m.arts.get(it.path) != nil {
		t.Fatalf("row %q, article kept %v: the list should keep only the row", it.row.Title, m.arts.get(it.path) != nil)
	}
	write("a.txt", "New headline, longer than before\n\nThe mayor said \"we will see\".\n")
	m = openNow(t, m, openMsg{it}) // what enter sends
	if m.screen != ui.ArticleScreen || m.art.art == nil || m.art.art.Meta.Title != "New headline, longer than before" {
		t.Fatalf("enter should open the file as it is now (screen %v)", m.screen)
	}
	if it.row.Title != "New headline, longer than before" {
		t.Errorf("the row should follow the changed file, has %q", it.row.Title)
	}
	m = upd(t, m, keyMsg("esc"))
	if err := os.Remove(filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	m = openNow(t, m, openMsg{m.list.visible[1]})
	if m.err == nil || m.opening != nil || m.art.art.Path == m.list.visible[1].path {
		t.Errorf("opening a vanished file should show an error (err %v)", m.err)
	}
}
