// Package model is byline's interactive reader: the Bubble Tea model with
// the list of loaded articles and the article screen.
package model

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/aymanbagabas/go-osc52/v2"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/ui"
)

// Options configure the reader.
type Options struct {
	Paths   []string          // files and folders to walk for the list; may be empty
	Stdin   *articles.Article // an article already read from standard input, or nil
	Open    *articles.Article // a single file: the reader opens straight into it and q quits; nil for the list
	Style   string            // glamour style name; "" or "auto" picks dark or light by Dark
	Dark    bool              // the terminal's background is dark
	Profile termenv.Profile   // colour profile for the body and the chrome
	Now     func() time.Time  // the clock for dates on screen; time.Now when nil
	Width   int               // fixed wrap width for the body (--width); 0 follows the window
	MaxSize int64             // largest file read, in bytes (articles.LoadLimit); 0 for articles.DefaultMaxSize
	Mono    bool              // no colour (NO_COLOR): ui.MonoStyles, emphasis only; Profile must still allow SGR attributes
	Analyze bool              // Open holds only its read Document (doc.Read, no quotes or parties yet): the reader shows it at once and runs articles.Analyze in the background, then adds the highlights; for big files
}

// Model is the root Bubble Tea model: it holds the loaded articles, the list
// and article screens, the focus, the window size and the loading progress.
type Model struct {
	styles *ui.Styles // shared, never changed: the model is copied on every message
	keys   ui.KeyMap  // all bindings; keyMap() narrows them to the context
	now    func() time.Time
	load   func(string) (*articles.Article, error) // articles.Load; tests swap it
	copy   func(string) error                      // writes the clipboard sequence
	edit   func(path string) *exec.Cmd             // the editor command for e

	paths  []string
	direct bool // opened straight into an article: q quits, no list

	screen ui.Screen
	lib    *library
	list   listModel
	art    articleModel
	cache  *renderCache
	arts   *artCache // the last articles opened or pre-rendered, whole: list items keep only their rows

	opening      *item // the item whose article is being read to open it; nil when none
	openSlow     bool  // that read has taken over 100 ms: the spinner shows
	prerendering *item // the item whose article is being read and rendered in the background; nil when none

	help     help.Model
	spin     spinner.Model
	spinning bool // a spinner tick is in flight

	loader      *loader
	loading     bool    // the folder scan is running
	analysing   bool    // the opened article is being analysed (Options.Analyze)
	analyseSlow bool    // that has taken over 100 ms: the spinner shows
	heldRest    tea.Cmd // renders the rest of the bare document, held while it is analysed
	found       int     // files discovered
	loaded      int     // files read (including failures)
	skipped     []error
	notice      string
	noticeID    int
	err         error

	resizeSeq     int       // the latest size; a render waits until no newer size came for resizeDelay
	restSeq       int       // the latest list cursor move; the selected article is pre-rendered when it rests
	prerender     renderKey // the pre-render in flight; zero when none
	width, height int
}

// resizeDelay is how long the body waits after the last resize before it
// re-renders: a storm of resizes renders once, for the final size.
const resizeDelay = 60 * time.Millisecond

// restDelay is how long the list cursor rests on a row before its article
// is rendered in the background, so that enter finds it ready; and
// prerenderMax the biggest article (bytes of text) rendered so.
const (
	restDelay    = 30 * time.Millisecond
	prerenderMax = 64 << 10
)

// noticeTime is how long a notice stays in the status bar.
const noticeTime = 4 * time.Second

// New returns the reader for opts.
func New(opts Options) Model {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	style := opts.Style
	if style == "" || style == "auto" {
		style = "light"
		if opts.Dark {
			style = "dark"
		}
	}
	st := ui.DefaultStyles(opts.Dark)
	if opts.Mono {
		st = ui.MonoStyles()
	}
	styles := &st
	lib := newLibrary()
	where := strings.Join(opts.Paths, ", ")
	if where == "" {
		where = "stdin"
	}
	m := Model{
		styles: styles,
		keys:   ui.DefaultKeyMap(),
		now:    now,
		load:   loaderFor(opts.MaxSize),
		copy:   copyOSC52(os.Stdout),
		edit:   editorCmd,
		paths:  opts.Paths,
		lib:    lib,
		list:   newList(styles, now, lib, where),
		art:    newArticle(styles, now, style, opts.Profile, opts.Width),
		cache:  newRenderCache(24),
		arts:   newArtCache(16),
		help:   help.New(),
		spin:   spinner.New(spinner.WithSpinner(spinner.MiniDot)),
	}
	if opts.Stdin != nil {
		lib.add([]*articles.Article{opts.Stdin})
		m.list.refilter()
	}
	switch {
	case opts.Open != nil:
		m.direct = true
		m.screen = ui.ArticleScreen
		m.art.open(opts.Open, nil)
	case opts.Stdin != nil && len(opts.Paths) == 0:
		m.direct = true
		m.screen = ui.ArticleScreen
		m.art.open(opts.Stdin, lib.items[0])
	}
	m.loading = len(opts.Paths) > 0 && !m.direct
	m.analysing = opts.Analyze && opts.Open != nil
	return m
}

// loaderFor returns the function that reads one file for the list.
func loaderFor(maxSize int64) func(string) (*articles.Article, error) {
	if maxSize <= 0 {
		return articles.Load
	}
	return func(path string) (*articles.Article, error) { return articles.LoadLimit(path, maxSize) }
}

// ExitError returns the error to print after the reader exits, nil when
// there is none. The reader shows errors as it runs and never fails as a
// whole, so this is always nil for now.
func (m Model) ExitError() error { return nil }

// Init starts reading the paths in the background.
func (m Model) Init() tea.Cmd {
	if m.analysing {
		raw := m.art.art
		return tea.Batch(safely(func() tea.Msg {
			a := articles.Analyze(raw.Path, &raw.Document)
			a.ModTime, a.Size = raw.ModTime, raw.Size
			return analysedMsg{raw: raw, art: a}
		}), tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return analyseSlowMsg{} }))
	}
	if !m.loading {
		return nil
	}
	paths, load := m.paths, m.load
	return tea.Batch(safely(func() tea.Msg {
		l, next := startLoad(paths, load)
		return loadStartedMsg{l: l, next: safely(next)}
	}), m.spin.Tick)
}

// messages of the root
type (
	loadStartedMsg struct {
		l    *loader
		next tea.Cmd
	}
	errMsg      struct{ err error }
	resizeMsg   struct{ seq int }
	restMsg     struct{ seq int }
	analysedMsg struct{ raw, art *articles.Article }
	// openedMsg is the article of an item, read again to open it.
	openedMsg struct {
		it  *item
		art *articles.Article
		err error
	}
	openSlowMsg    struct{ it *item }
	analyseSlowMsg struct{}
	// prerenderedMsg is the article of an item read again while the
	// cursor rested on it, with its body rendered (nil when that failed).
	prerenderedMsg struct {
		it   *item
		art  *articles.Article
		err  error
		body *bodyMsg
	}
	clearNotice struct{ id int }
	editedMsg   struct {
		path string
		err  error
	}
	reloadedMsg struct {
		path string
		art  *articles.Article
		err  error
	}
	copiedMsg struct{ err error }
)

// Update handles a message: ctrl+c, then sizes, then the reader's own
// messages, then the focused screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !m.typing() {
		return m.splitRunes(k)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case loadStartedMsg:
		m.loader = msg.l
		m.spinning = true
		return m, msg.next
	case batchMsg:
		return m.gotBatch(msg)
	case spinner.TickMsg:
		if !m.busy() {
			m.spinning = false
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case bodyMsg:
		return m.gotBody(msg)
	case renderSlowMsg:
		if m.art.pending == msg.key {
			m.art.slow = true
			return m, m.startSpinner()
		}
		return m, nil
	case restMsg:
		return m.prerenderSelected(msg)
	case analysedMsg:
		m.analysing, m.heldRest = false, nil
		if m.art.art != msg.raw {
			return m, nil
		}
		m.art.reload(msg.art)
		m.layout()
		return m, m.art.render(m.cache, m.prerender)
	case resizeMsg:
		if msg.seq != m.resizeSeq {
			return m, nil
		}
		return m, m.art.render(m.cache, m.prerender)
	case errMsg:
		m.err = msg.err
		m.opening = nil
		if m.analysing {
			// The analysis failed: the bare document is all there is.
			rest := m.heldRest
			m.analysing, m.heldRest = false, nil
			return m, rest
		}
		return m, nil
	case openedMsg:
		return m.opened(msg)
	case analyseSlowMsg:
		if m.analysing {
			m.analyseSlow = true
			return m, m.startSpinner()
		}
		return m, nil
	case openSlowMsg:
		if m.opening == msg.it {
			m.openSlow = true
			return m, m.startSpinner()
		}
		return m, nil
	case prerenderedMsg:
		return m.prerendered(msg)
	case noticeMsg:
		return m, m.setNotice(msg.text)
	case clearNotice:
		if msg.id == m.noticeID {
			m.notice = ""
		}
		return m, nil
	case openMsg:
		return m.openItem(msg.it)
	case backMsg:
		m.screen = ui.ListScreen
		m.layout()
		return m, nil
	case siblingMsg:
		return m.sibling(msg.delta)
	case partyListMsg:
		m.list.setQuery(query{party: msg.name})
		m.screen = ui.ListScreen
		m.layout()
		return m, nil
	case copiedMsg:
		if msg.err != nil {
			return m, m.setNotice("copy failed: " + msg.err.Error())
		}
		return m, m.setNotice("quote copied")
	case editedMsg:
		if msg.err != nil {
			m.err = fmt.Errorf("edit %s: %w", msg.path, msg.err)
		}
		load, path := m.load, msg.path
		return m, safely(func() tea.Msg {
			a, err := load(path)
			return reloadedMsg{path: path, art: a, err: err}
		})
	case reloadedMsg:
		return m.reloaded(msg)
	}
	var cmd tea.Cmd
	if m.screen == ui.ArticleScreen {
		m, cmd = m.updateArticle(msg)
	} else {
		m, cmd = m.updateList(msg)
	}
	m.layout()
	return m, cmd
}

// typing reports whether a text input has the keys.
func (m Model) typing() bool {
	if m.screen == ui.ArticleScreen {
		return m.art.typing
	}
	return m.list.typing
}

// splitRunes handles several runes that arrived as one key message (keys
// typed fast, or sent by tmux, come in one read) as one key each, so that
// "/frost" opens the filter and types "frost". A paste outside an input
// is dropped: its letters are not commands.
func (m Model) splitRunes(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if k.Paste {
		return m, nil
	}
	var cmds []tea.Cmd
	var next tea.Model = m
	for i, r := range k.Runes {
		if next.(Model).typing() {
			rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: k.Runes[i:]}
			var cmd tea.Cmd
			next, cmd = next.Update(rest)
			cmds = append(cmds, cmd)
			break
		}
		var cmd tea.Cmd
		next, cmd = next.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt})
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

func (m Model) updateList(msg tea.Msg) (Model, tea.Cmd) {
	keys := m.keyMap()
	if k, ok := msg.(tea.KeyMsg); ok && !m.list.typing {
		switch {
		case key.Matches(k, keys.Quit):
			return m, tea.Quit
		case key.Matches(k, keys.Suspend):
			return m, tea.Suspend
		case key.Matches(k, keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		}
	}
	m.list.keys = keys
	sel := m.list.selected()
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	if m.list.selected() != sel {
		m.opening = nil // the reader moved on: do not open what they left
		cmd = tea.Batch(cmd, m.rest())
	}
	return m, cmd
}

// rest starts the timer after which the selected row's article is
// rendered in the background.
func (m *Model) rest() tea.Cmd {
	m.restSeq++
	seq := m.restSeq
	return tea.Tick(restDelay, func(time.Time) tea.Msg { return restMsg{seq} })
}

// prerenderSelected renders the selected row's article into the cache
// when the cursor has rested on it, one render at a time. An article not
// in m.arts is read again first, in the same background Cmd.
func (m Model) prerenderSelected(msg restMsg) (tea.Model, tea.Cmd) {
	it := m.list.selected()
	if msg.seq != m.restSeq || m.screen != ui.ListScreen || it == nil ||
		m.prerender != (renderKey{}) || m.prerendering != nil || it.size > prerenderMax {
		return m, nil
	}
	if a := m.article(it); a != nil {
		k := m.art.keyFor(a)
		if _, ok := m.cache.get(k); ok {
			return m, nil
		}
		m.prerender = k
		return m, renderCmd(k, m.art.profile, m.styles, 1<<30)
	}
	m.prerendering = it
	load, keyFor, profile, styles := m.load, m.art.keyFor, m.art.profile, m.styles
	return m, safely(func() tea.Msg {
		a, err := load(it.path)
		if err != nil {
			return prerenderedMsg{it: it, err: err}
		}
		out := prerenderedMsg{it: it, art: a}
		if b, ok := renderCmd(keyFor(a), profile, styles, 1<<30)().(bodyMsg); ok && b.err == nil && b.rest == nil {
			out.body = &b
		}
		return out
	})
}

// prerendered files what a background pre-render read and rendered, and
// opens the article if the reader pressed enter on it meanwhile.
func (m Model) prerendered(msg prerenderedMsg) (tea.Model, tea.Cmd) {
	if m.prerendering == msg.it {
		m.prerendering = nil
	}
	if msg.art == nil {
		if m.opening == msg.it {
			m.opening, m.err = nil, msg.err
		}
		return m, nil
	}
	m.adopt(msg.it, msg.art)
	if msg.body != nil {
		m.cache.put(msg.body.key, msg.body.body)
	}
	if m.opening == msg.it {
		return m.openItem(msg.it)
	}
	return m, nil
}

// article returns the whole article of an item if the reader has it: the
// one on screen, one in m.arts, or the item's own (standard input); nil
// when it must be read again.
func (m Model) article(it *item) *articles.Article {
	switch {
	case it.pinned != nil:
		return it.pinned
	case m.art.it == it && m.art.art != nil:
		return m.art.art
	}
	return m.arts.get(it.path)
}

// adopt keeps an article read again for its item in m.arts, and updates
// the item's row when the file has changed since the list read it.
func (m *Model) adopt(it *item, a *articles.Article) {
	m.arts.put(a)
	if a.Path == it.path && (!a.ModTime.Equal(it.row.ModTime) || a.Size != it.size) {
		m.lib.replace(it, a)
		m.list.refilter()
	}
}

func (m Model) updateArticle(msg tea.Msg) (Model, tea.Cmd) {
	keys := m.keyMap()
	if k, ok := msg.(tea.KeyMsg); ok && !m.art.typing {
		switch {
		case key.Matches(k, keys.Quit):
			if m.direct {
				return m, tea.Quit
			}
			m.screen = ui.ListScreen
			return m, nil
		case key.Matches(k, keys.Suspend):
			return m, tea.Suspend
		case key.Matches(k, keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			return m, nil
		case key.Matches(k, keys.Copy):
			return m, m.copyQuote()
		case key.Matches(k, keys.Edit):
			if m.art.art.Path == "" || m.art.art.Path == "-" {
				return m, nil
			}
			path := m.art.art.Path
			return m, tea.ExecProcess(m.edit(path), func(err error) tea.Msg { return editedMsg{path, err} })
		}
	}
	m.art.keys = keys
	var cmd tea.Cmd
	m.art, cmd = m.art.Update(msg)
	if m.art.needsRender() {
		cmd = tea.Batch(cmd, m.art.render(m.cache, m.prerender))
	}
	return m, cmd
}

// keyMap returns the key map narrowed to what applies now.
func (m Model) keyMap() ui.KeyMap {
	c := ui.KeyContext{Screen: m.screen, Direct: m.direct}
	if m.screen == ui.ListScreen {
		c.Typing = m.list.typing
		c.Filtered = !m.list.q.empty()
	} else if a := m.art.art; a != nil {
		c.Typing = m.art.typing
		c.PaneFocused = m.art.paneFocus
		c.PaneShown = m.art.paneShown
		c.HasQuotes = len(m.art.quotes) > 0
		c.PartyTarget = m.art.party >= 0
		c.Searching = m.art.query != ""
		c.HasFile = a.Path != "" && a.Path != "-"
		c.Siblings = len(m.list.visible) > 1 && m.art.it != nil
		c.QuoteChosen = m.art.currentQuote() >= 0
	}
	return m.keys.For(c)
}

// busy reports whether something is in progress that the spinner shows.
func (m Model) busy() bool {
	return m.loading || (m.analysing && m.analyseSlow) || (m.opening != nil && m.openSlow) || (m.screen == ui.ArticleScreen && m.art.slow)
}

func (m *Model) startSpinner() tea.Cmd {
	if m.spinning {
		return nil
	}
	m.spinning = true
	return m.spin.Tick
}

func (m *Model) setNotice(s string) tea.Cmd {
	m.noticeID++
	m.notice = s
	id := m.noticeID
	return tea.Tick(noticeTime, func(time.Time) tea.Msg { return clearNotice{id} })
}

// resize hands the new size down and schedules the body's re-render for
// when the sizes stop coming.
func (m Model) resize(w, h int) (Model, tea.Cmd) {
	first := m.width == 0 && m.height == 0
	m.width, m.height = w, h
	m.help.Width = w
	m.layout()
	if !m.art.needsRender() {
		return m, nil
	}
	if first || m.art.body == nil {
		return m, m.art.render(m.cache, m.prerender)
	}
	m.resizeSeq++
	seq := m.resizeSeq
	return m, tea.Tick(resizeDelay, func(time.Time) tea.Msg { return resizeMsg{seq} })
}

// layout measures the chrome (status bar, help) and gives the screens the
// rest.
func (m *Model) layout() {
	if m.width == 0 && m.height == 0 {
		return
	}
	chrome := lipgloss.Height(m.statusView()) + lipgloss.Height(m.helpView())
	h := max(0, m.height-chrome)
	if m.list.width != m.width || m.list.height != h {
		m.list.SetSize(m.width, h)
	}
	if m.art.width != m.width || m.art.height != h {
		m.art.SetSize(m.width, h)
	}
}

func (m Model) gotBatch(msg batchMsg) (tea.Model, tea.Cmd) {
	if msg.l != m.loader {
		return m, nil
	}
	m.found = msg.found
	m.loaded += len(msg.arts) + len(msg.errs)
	m.skipped = append(m.skipped, msg.errs...)
	if len(msg.arts) > 0 {
		m.lib.add(msg.arts)
		m.list.refilter()
	}
	if msg.done {
		m.loading = false
		m.found = max(m.found, m.loaded)
		m.layout()
		return m, nil
	}
	m.layout()
	return m, safely(m.loader.next)
}

// gotBody files a rendered body in the cache and shows it when it is the
// one the article screen wants; a first-screens body asks for the rest,
// unless nobody wants it any more.
func (m Model) gotBody(msg bodyMsg) (tea.Model, tea.Cmd) {
	if msg.key == m.prerender {
		m.prerender = renderKey{}
	}
	if msg.err == nil && msg.body != nil && msg.rest == nil {
		m.cache.put(msg.key, msg.body)
	}
	wanted := m.art.art != nil && msg.key == m.art.wantKey()
	m.art.gotBody(msg)
	m.layout()
	if msg.rest != nil && wanted {
		if m.analysing {
			// The analysed article replaces this bare one soon and is
			// rendered whole then: rendering this one whole meanwhile
			// would take a core from both (a 1 MB body costs a second).
			m.heldRest = msg.rest
			return m, nil
		}
		return m, msg.rest
	}
	return m, nil
}

// openItem opens the article of an item. One the reader does not have is
// read again in the background first (openedMsg), with the spinner after
// 100 ms; the screen changes when it is there.
func (m Model) openItem(it *item) (tea.Model, tea.Cmd) {
	if it == nil {
		return m, nil
	}
	a := m.article(it)
	if a == nil {
		m.opening, m.openSlow = it, false
		slow := tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return openSlowMsg{it} })
		if m.prerendering == it {
			return m, slow // its read is on its way
		}
		load := m.load
		return m, tea.Batch(safely(func() tea.Msg {
			a, err := load(it.path)
			return openedMsg{it: it, art: a, err: err}
		}), slow)
	}
	m.opening, m.openSlow = nil, false
	m.arts.put(a)
	m.screen = ui.ArticleScreen
	m.art.open(a, it)
	m.layout()
	return m, m.art.render(m.cache, m.prerender)
}

// opened opens an article read again for its item, if the reader still
// wants it.
func (m Model) opened(msg openedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		if m.opening == msg.it {
			m.opening, m.err = nil, msg.err
		}
		return m, nil
	}
	m.adopt(msg.it, msg.art)
	if m.opening != msg.it {
		return m, nil
	}
	return m.openItem(msg.it)
}

// sibling opens the article d places away in the (filtered) list.
func (m Model) sibling(d int) (tea.Model, tea.Cmd) {
	if m.art.it == nil || len(m.list.visible) == 0 {
		return m, nil
	}
	i := -1
	for j, it := range m.list.visible {
		if it == m.art.it {
			i = j
			break
		}
	}
	if i < 0 {
		i = m.list.cursor
	} else {
		i += d
	}
	if i < 0 || i >= len(m.list.visible) {
		if d > 0 {
			return m, m.setNotice("last article")
		}
		return m, m.setNotice("first article")
	}
	m.list.cursor, m.list.chosen = i, true
	m.list.clamp()
	return m.openItem(m.list.visible[i])
}

func (m Model) reloaded(msg reloadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.err = msg.err
		return m, nil
	}
	if m.art.art == nil || m.art.art.Path != msg.path {
		return m, nil
	}
	if it := m.art.it; it != nil && it.path == msg.path {
		m.lib.replace(it, msg.art)
		m.list.refilter()
	}
	m.arts.put(msg.art)
	m.art.reload(msg.art)
	m.layout()
	return m, tea.Batch(m.art.render(m.cache, m.prerender), m.setNotice("reloaded"))
}

// copyQuote copies the current quote with its speaker.
func (m Model) copyQuote() tea.Cmd {
	q := m.art.currentQuote()
	if q < 0 {
		return nil
	}
	a := m.art.art
	text := "“" + ui.Flat(a.Quotes[q].Text(a.Text)) + "”"
	if sp := ui.Flat(a.Quotes[q].Speaker); sp != "" {
		text += " — " + sp
	}
	cp := m.copy
	return safely(func() tea.Msg { return copiedMsg{cp(text)} })
}

// copyOSC52 returns a function that puts text on the terminal's clipboard
// with an OSC 52 sequence written to w.
func copyOSC52(w io.Writer) func(string) error {
	return func(text string) error {
		seq := osc52.New(text)
		if os.Getenv("TMUX") != "" {
			seq = seq.Tmux()
		}
		_, err := seq.WriteTo(w)
		return err
	}
}

// editorCmd returns the command that edits path: $VISUAL, else $EDITOR,
// else vi; the variable may hold arguments ("code -w").
func editorCmd(path string) *exec.Cmd {
	ed := os.Getenv("VISUAL")
	if ed == "" {
		ed = os.Getenv("EDITOR")
	}
	f := strings.Fields(ed)
	if len(f) == 0 {
		f = []string{"vi"}
	}
	return exec.Command(f[0], append(f[1:], path)...)
}

// safely wraps a Cmd so that a panic in it becomes an errMsg instead of
// taking the terminal down.
func safely(cmd tea.Cmd) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = errMsg{fmt.Errorf("internal error: %v", r)}
			}
		}()
		return cmd()
	}
}

// statusView renders the status bar (or the search input while typing).
func (m Model) statusView() string {
	w := max(1, m.width)
	if m.screen == ui.ArticleScreen && m.art.typing {
		return ui.Fit(m.art.search.View(), w)
	}
	var b ui.StatusBar
	if m.loading {
		b.Spinner = m.spin.View()
		b.Loading = ui.Progress(m.loaded, max(m.found, m.loaded))
	}
	if m.opening != nil && m.openSlow {
		b.Spinner, b.Loading = m.spin.View(), "opening"
	}
	if m.screen == ui.ArticleScreen && m.art.art != nil {
		switch {
		case m.analysing && m.analyseSlow:
			b.Spinner, b.Loading = m.spin.View(), "analysing"
		case m.art.slow:
			b.Spinner, b.Loading = m.spin.View(), "rendering"
		}
		b.Target = m.art.target()
		b.Match = m.art.matchText()
	}
	b.Notice = m.notice
	if b.Notice == "" && len(m.skipped) > 0 {
		b.Notice = skippedNotice(m.skipped)
	}
	if m.err != nil {
		b.Error = m.err.Error()
	}
	if m.screen == ui.ArticleScreen {
		b.Right = m.art.percent()
	} else if n := len(m.list.visible); n > 0 {
		b.Right = ui.Thousands(m.list.cursor+1) + "/" + ui.Thousands(n)
	}
	return ui.Status(*m.styles, b, w)
}

func skippedNotice(errs []error) string {
	return ui.Count(len(errs), "file skipped", "files skipped") + ": " + errs[len(errs)-1].Error()
}

// helpView renders the help for the current context.
func (m Model) helpView() string {
	return m.help.View(m.keyMap())
}

// View renders the whole frame, made safe for the terminal.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	var screen string
	if m.screen == ui.ArticleScreen && m.art.art != nil {
		screen = m.art.View()
	} else {
		screen = m.list.View(m.loading)
	}
	status, help := m.statusView(), m.helpView()
	var b strings.Builder
	b.Grow(len(screen) + len(status) + len(help) + 2)
	b.WriteString(screen)
	b.WriteByte('\n')
	b.WriteString(status)
	if help != "" {
		b.WriteByte('\n')
		b.WriteString(help)
	}
	return ui.SafeOutput(clipLines(b.String(), m.height))
}

// clipLines keeps the first n lines of s.
func clipLines(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return s
		}
		i += j + 1
	}
	return s[:max(0, i-1)]
}

// renderCache keeps rendered bodies per (article, width, style), a few at a
// time. It is shared by pointer and changed only in Update.
type renderCache struct {
	max   int
	m     map[renderKey]*ui.Body
	order []renderKey // oldest first
}

func newRenderCache(n int) *renderCache {
	return &renderCache{max: n, m: map[renderKey]*ui.Body{}}
}

func (c *renderCache) get(k renderKey) (*ui.Body, bool) {
	b, ok := c.m[k]
	return b, ok
}

func (c *renderCache) put(k renderKey, b *ui.Body) {
	if _, ok := c.m[k]; ok {
		c.m[k] = b
		return
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[k] = b
	c.order = append(c.order, k)
}

// artCache keeps the last few whole articles the reader opened or
// pre-rendered, by path, so that going back to one does not read it
// again. It is shared by pointer and changed only in Update.
type artCache struct {
	max  int
	arts []*articles.Article // least recently used first
}

func newArtCache(n int) *artCache { return &artCache{max: n} }

// get returns the article read from path, nil when it is not kept.
func (c *artCache) get(path string) *articles.Article {
	for i, a := range c.arts {
		if a.Path == path {
			copy(c.arts[i:], c.arts[i+1:])
			c.arts[len(c.arts)-1] = a
			return a
		}
	}
	return nil
}

// put keeps a, in place of any article of the same path.
func (c *artCache) put(a *articles.Article) {
	for i, b := range c.arts {
		if b.Path == a.Path {
			c.arts = append(c.arts[:i], c.arts[i+1:]...)
			break
		}
	}
	if len(c.arts) >= c.max {
		c.arts[0] = nil
		c.arts = c.arts[1:]
	}
	c.arts = append(c.arts, a)
}
