package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/ui"
)

// paneWidth is the side pane's width in cells, frame included, and
// paneMinScreen the screen width below which it folds away unless asked for.
const (
	paneWidth     = 30
	paneMinScreen = 90
	paneMinBody   = 20 // narrowest body the pane may leave
)

// place is what the reader's place in the body is.
type place int

const (
	placeText   place = iota // where they scrolled to: the block at the top
	placeTarget              // the current quote or mention, after a jump
	placeMatch               // the current search match
)

func (p place) String() string { return [...]string{"text", "target", "match"}[p] }

// paneMode is the user's choice about the side pane.
type paneMode int

const (
	paneAuto paneMode = iota // shown when the screen is wide enough
	paneOn                   // shown when the body keeps paneMinBody columns
	paneOff                  // hidden
)

func (p paneMode) String() string {
	return [...]string{"auto", "on", "off"}[p]
}

// renderKey is what a rendered body was made for.
type renderKey struct {
	art   *articles.Article
	width int    // body width in cells
	style string // glamour style
}

// bodyMsg is a rendered body, tagged with what it was rendered for.
type bodyMsg struct {
	key  renderKey
	body *ui.Body
	err  error
	rest tea.Cmd // renders the rest when body is only the first screens; nil when complete
}

// renderSlowMsg fires 100 ms after a render started; the spinner shows if
// that render is still pending.
type renderSlowMsg struct{ key renderKey }

// articleMsgs asked of the root.
type (
	backMsg      struct{}            // back to the list
	siblingMsg   struct{ delta int } // open the next (1) or previous (-1) article of the list
	partyListMsg struct{ name string }
	noticeMsg    struct{ text string }
)

// articleModel is the article screen: header, body window, side pane and
// the jump, search and pane state.
type articleModel struct {
	styles   *ui.Styles
	keys     ui.KeyMap
	now      func() time.Time
	style    string          // glamour style
	profile  termenv.Profile // colour profile for the body
	fixed    int             // wrap width asked for with --width; 0 follows the window
	paneView *paneCache      // the side pane as last drawn; shared by the copies of the model

	art *articles.Article
	it  *item // the list item shown; nil for an article opened directly

	body    *ui.Body  // what is on screen; may be for an older width until the new one arrives
	bodyFor renderKey // what body was rendered for
	pending renderKey // the render in flight; zero when none
	slow    bool      // the pending render has taken over 100 ms
	bodyErr error     // the last render failed

	top int // first body line on screen

	// The reader's place across a resize: the block at the top when the
	// body went stale, put back at the top when the new body arrives.
	anchor    int   // index into Article.Blocks
	anchorSet bool  // a re-render for another width is pending
	place     place // what the reader is on: kept in view when the body is re-wrapped

	width, height int      // the screen area (status bar and help excluded)
	header        string   // rendered header for the width
	bodyW, bodyH  int      // body window
	pane          paneMode // the user's choice
	paneShown     bool
	paneFocus     bool
	paneOrder     []int // ui.PaneOrder of the article
	paneCursor    int   // index into paneOrder

	quotes  []int // Article.DirectQuotes
	quote   int   // index into quotes of the current quote; -1 for none
	party   int   // index into Article.Parties of the jump-target party; -1 for quotes
	mention int   // index into that party's Mentions; -1 for none

	search  textinput.Model
	typing  bool          // the search input has focus
	query   string        // the active search; "" for none
	matches []ui.Position // where query matches in body
	match   int           // index into matches of the current match
}

func newArticle(s *ui.Styles, now func() time.Time, style string, profile termenv.Profile, fixed int) articleModel {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search"
	return articleModel{styles: s, now: now, style: style, profile: profile, fixed: fixed, search: in, quote: -1, party: -1, mention: -1, paneView: &paneCache{}}
}

// paneCache keeps the side pane's rendered lines for the state they were
// drawn for: drawing it was most of a key's cost, and most keys (scrolling,
// jumps, search) do not change it.
type paneCache struct {
	key   paneKey
	lines []string
}

type paneKey struct {
	art    *articles.Article
	st     ui.PaneState
	width  int
	height int
}

// paneLines returns the side pane's lines, drawn again only when what they
// show has changed.
func (m articleModel) paneLines(st ui.PaneState, width, height int) []string {
	k := paneKey{m.art, st, width, height}
	if m.paneView == nil {
		return strings.Split(ui.Pane(*m.styles, m.art, st, width, height), "\n")
	}
	if m.paneView.lines == nil || m.paneView.key != k {
		m.paneView.key, m.paneView.lines = k, strings.Split(ui.Pane(*m.styles, m.art, st, width, height), "\n")
	}
	return m.paneView.lines
}

// open shows a (from item it, or nil) from the top.
func (m *articleModel) open(a *articles.Article, it *item) {
	m.art, m.it = a, it
	m.body, m.bodyFor, m.pending, m.slow, m.bodyErr = nil, renderKey{}, renderKey{}, false, nil
	m.top, m.anchorSet, m.place = 0, false, placeText
	m.quotes = a.DirectQuotes()
	m.quote, m.party, m.mention = -1, -1, -1
	m.paneOrder = ui.PaneOrder(a)
	m.paneCursor, m.paneFocus = 0, false
	m.typing, m.query, m.matches, m.match = false, "", nil, 0
	m.search.Blur()
	m.search.SetValue("")
	m.layout()
}

// reload swaps in a new version of the same article, keeping the place.
// The old body stays on screen (with no highlights) until the new one
// arrives.
func (m *articleModel) reload(a *articles.Article) {
	top, body, bodyFor := m.top, m.body, m.bodyFor
	m.open(a, m.it)
	m.top, m.body, m.bodyFor = top, body, bodyFor
	m.clampTop()
}

// SetSize sets the size of the screen area the article has.
func (m *articleModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

func (m *articleModel) layout() {
	if m.art == nil {
		return
	}
	w := max(1, m.width)
	m.paneShown = m.paneFits(w)
	if !m.paneShown {
		m.paneFocus = false
	}
	m.bodyW = m.bodyWidth(w)
	if m.body != nil && m.body.Len() > 0 && m.bodyFor.art == m.art && !m.anchorSet && m.wantKey() != m.bodyFor {
		m.anchor, m.anchorSet = m.body.BlockAt(m.top), true // the body went stale: remember the place
	}
	m.header = ui.Header(*m.styles, m.art, w, m.now())
	m.bodyH = max(0, m.height-lipgloss.Height(m.header))
	m.clampTop()
}

// paneFits reports whether the side pane is shown on a screen w wide.
func (m articleModel) paneFits(w int) bool {
	switch m.pane {
	case paneAuto:
		return w >= paneMinScreen
	case paneOn:
		return w-paneWidth >= paneMinBody
	}
	return false
}

// bodyWidth returns the body's width on a screen w wide.
func (m articleModel) bodyWidth(w int) int {
	w = max(1, w)
	if m.paneFits(w) {
		return w - paneWidth
	}
	return w
}

// keyFor returns the render key article a would have if it were opened
// now.
func (m articleModel) keyFor(a *articles.Article) renderKey {
	return renderKey{art: a, width: m.wrapWidth(m.bodyWidth(m.width)), style: m.style}
}

// readingWidth is the widest the body is wrapped when --width does not say:
// lines of about 95 characters, past which the eye loses its way back to
// the next line. A wider window leaves the room blank beside the body.
const readingWidth = 100

// wrapWidth returns the width the body is rendered at in a body window w
// wide: --width when given, else at most readingWidth.
func (m articleModel) wrapWidth(w int) int {
	w = max(1, w)
	if m.fixed > 0 {
		return min(w, m.fixed)
	}
	return min(w, readingWidth)
}

func (m *articleModel) bodyLen() int {
	if m.body == nil {
		return 0
	}
	return m.body.Len()
}

func (m *articleModel) clampTop() {
	m.top = max(0, min(m.top, m.bodyLen()-m.bodyH))
}

// wantKey is what the body should be rendered for now.
func (m articleModel) wantKey() renderKey {
	return renderKey{art: m.art, width: m.wrapWidth(m.bodyW), style: m.style}
}

// needsRender reports whether the body on screen (or in flight) is not the
// one wanted.
func (m articleModel) needsRender() bool {
	if m.art == nil {
		return false
	}
	w := m.wantKey()
	return m.bodyFor != w && m.pending != w
}

// render returns the Cmd rendering the body for the current width, or uses
// the cached body right away. A big body comes in two messages: first the
// lines for about two screens (ui.BodyRender.Prefix), then the whole.
func (m *articleModel) render(cache *renderCache, inflight renderKey) tea.Cmd {
	if m.art == nil {
		return nil
	}
	k := m.wantKey()
	if b, ok := cache.get(k); ok {
		m.setBody(k, b)
		return nil
	}
	if m.pending == k {
		return nil
	}
	m.pending, m.slow = k, false
	slow := tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return renderSlowMsg{k} })
	if k == inflight {
		return slow // a background pre-render of this very body is on its way
	}
	return tea.Batch(renderCmd(k, m.profile, m.styles, 2*max(m.bodyH, 25)), slow)
}

// renderCmd renders the body k asks for: the first lines lines first when
// the body is bigger than that (the message then carries the Cmd for the
// rest), or all of it.
func renderCmd(k renderKey, profile termenv.Profile, styles *ui.Styles, lines int) tea.Cmd {
	opts := ui.BodyOptions{Width: k.width, Style: k.style, Profile: profile, Styles: *styles}
	return safely(func() tea.Msg {
		r := ui.NewBodyRender(k.art, opts)
		b, err := r.Prefix(lines)
		if err != nil || b.Complete() {
			return bodyMsg{key: k, body: b, err: err}
		}
		rest := safely(func() tea.Msg {
			b, err := r.All()
			return bodyMsg{key: k, body: b, err: err}
		})
		return bodyMsg{key: k, body: b, rest: rest}
	})
}

// setBody shows a rendered body, keeping the reader's place: the block at
// the top of the old body is at the top of the new one.
func (m *articleModel) setBody(k renderKey, b *ui.Body) {
	if b == nil {
		return
	}
	if m.pending == k {
		m.slow = false
		if b.Complete() {
			m.pending = renderKey{}
		}
	}
	rewrap := m.body != nil && m.bodyFor.art == k.art
	anchor := m.anchorSet
	m.anchorSet = false
	m.body, m.bodyFor, m.bodyErr = b, k, nil
	if m.query != "" {
		m.matches = b.Matches(m.query)
		m.match = max(0, min(m.match, len(m.matches)-1))
	}
	if !rewrap {
		m.clampTop()
		return
	}
	// Keep the reader's place in the re-wrapped body: the quote, mention or
	// match they jumped to, else the block that was at the top.
	switch l, ok := m.placeLine(); {
	case ok:
		m.scrollTo(l)
	case anchor:
		m.top = b.BlockLine(m.anchor)
	}
	m.clampTop()
}

// placeLine returns the body line of the current target or match when the
// reader's place is one.
func (m articleModel) placeLine() (int, bool) {
	switch m.place {
	case placeTarget:
		var p ui.Position
		ok := false
		if m.party >= 0 && m.mention >= 0 {
			p, ok = m.body.Mention(m.party, m.mention)
		} else if q := m.currentQuote(); q >= 0 && m.party < 0 {
			p, ok = m.body.Quote(q)
		}
		return p.Line, ok
	case placeMatch:
		if m.match < len(m.matches) {
			return m.matches[m.match].Line, true
		}
	}
	return 0, false
}

// gotBody handles a render result: it is shown only when it is for the
// current article and width.
func (m *articleModel) gotBody(msg bodyMsg) {
	if msg.key != m.wantKey() {
		if m.pending == msg.key {
			m.pending, m.slow = renderKey{}, false
		}
		return
	}
	if msg.err != nil {
		m.pending, m.slow = renderKey{}, false
		m.bodyErr = msg.err
		return
	}
	m.setBody(msg.key, msg.body)
}

// highlight is what the body shows on top of the base highlights.
func (m articleModel) highlight() ui.Highlight {
	h := ui.NoHighlight
	if m.quote >= 0 && m.quote < len(m.quotes) && m.party < 0 {
		h.Quote = m.quotes[m.quote]
	}
	if m.party >= 0 {
		h.Party, h.Mention = m.party, m.mention
	}
	if m.query != "" {
		h.Search = m.query
		if len(m.matches) > 0 {
			h.Match = m.match
		}
	}
	return h
}

// scrollTo puts body line l about a third of the way down, or at the top
// of a short window.
func (m *articleModel) scrollTo(l int) {
	if m.bodyH >= 10 {
		l -= m.bodyH / 3
	}
	m.top = l
	m.clampTop()
}

// onScreen reports whether body line l is in the window.
func (m articleModel) onScreen(l int) bool { return l >= m.top && l < m.top+m.bodyH }

// jump moves to the next (d=1) or previous (d=-1) jump target: a quote, or
// a mention of the target party. With none current it starts from the
// window: the first target at or below the top line, or the last above it.
func (m *articleModel) jump(d int) {
	if m.body == nil || m.bodyFor.art != m.art {
		return // no body, or the previous version's (reload, analysis)
	}
	var n int
	var pos func(i int) (ui.Position, bool)
	cur := &m.quote
	if m.party >= 0 {
		n = len(m.art.Parties[m.party].Mentions)
		pos = func(i int) (ui.Position, bool) { return m.body.Mention(m.party, i) }
		cur = &m.mention
	} else {
		n = len(m.quotes)
		pos = func(i int) (ui.Position, bool) { return m.body.Quote(m.quotes[i]) }
	}
	if n == 0 {
		return
	}
	next := -1
	if *cur < 0 {
		if d > 0 && m.top == 0 {
			// From the top the first target is the first, even one that
			// is not in the body: a quote in the headline, shown in the
			// header above.
			next = 0
		} else if d > 0 {
			for i := range n {
				if p, ok := pos(i); ok && p.Line >= m.top {
					next = i
					break
				}
			}
		} else {
			for i := n - 1; i >= 0; i-- {
				if p, ok := pos(i); ok && p.Line < m.top {
					next = i
					break
				}
			}
		}
		if next < 0 {
			next = 0
			if d < 0 {
				next = n - 1
			}
		}
	} else {
		next = max(0, min(*cur+d, n-1))
	}
	*cur = next
	m.place = placeTarget
	if p, ok := pos(next); ok {
		m.scrollTo(p.Line)
	}
}

// stepMatch moves to the next or previous search match, wrapping around.
func (m *articleModel) stepMatch(d int) {
	if len(m.matches) == 0 {
		return
	}
	m.match = (m.match + d + len(m.matches)) % len(m.matches)
	m.place = placeMatch
	if l := m.matches[m.match].Line; !m.onScreen(l) {
		m.scrollTo(l)
	}
}

// runSearch starts a search for the input's text from the window's top.
func (m *articleModel) runSearch() {
	m.query = m.search.Value()
	m.matches, m.match = nil, 0
	if m.query == "" || m.body == nil {
		return
	}
	m.matches = m.body.Matches(m.query)
	for i, p := range m.matches {
		if p.Line >= m.top {
			m.match = i
			break
		}
	}
	if len(m.matches) > 0 {
		m.place = placeMatch
		if l := m.matches[m.match].Line; !m.onScreen(l) {
			m.scrollTo(l)
		}
	}
}

// choose makes the party under the pane's cursor the jump target and goes
// to its first mention in or below the window.
func (m *articleModel) choose() {
	if m.paneCursor < 0 || m.paneCursor >= len(m.paneOrder) {
		return
	}
	m.party, m.mention = m.paneOrder[m.paneCursor], -1
	m.jump(1)
}

// cursorParty returns the party under the pane's cursor, -1 for none.
func (m articleModel) cursorParty() int {
	if m.paneCursor < 0 || m.paneCursor >= len(m.paneOrder) {
		return -1
	}
	return m.paneOrder[m.paneCursor]
}

func (m *articleModel) scroll(d int) {
	m.top += d
	m.place = placeText
	m.clampTop()
}

// Update handles the article screen's keys and the search input. The root
// handles q, ?, J/K's list lookup and the render messages.
func (m articleModel) Update(msg tea.Msg) (articleModel, tea.Cmd) {
	top := m.top
	m, cmd := m.update(msg)
	if m.anchorSet && m.top != top && m.body != nil {
		m.anchor = m.body.BlockAt(m.top) // the reader moved while re-rendering
	}
	return m, cmd
}

func (m articleModel) update(msg tea.Msg) (articleModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		if m.typing {
			var cmd tea.Cmd
			m.search, cmd = m.search.Update(msg)
			return m, cmd
		}
		return m, nil
	}
	if m.typing {
		switch {
		case key.Matches(k, m.keys.ClearSearch):
			m.typing = false
			m.search.Blur()
			m.search.SetValue("")
			m.query, m.matches = "", nil
			return m, nil
		case key.Matches(k, m.keys.Accept):
			m.typing = false
			m.search.Blur()
			m.runSearch()
			return m, nil
		}
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(k)
		return m, cmd
	}
	if m.paneFocus {
		switch {
		case key.Matches(k, m.keys.Up):
			m.paneCursor = max(0, m.paneCursor-1)
			return m, nil
		case key.Matches(k, m.keys.Down):
			m.paneCursor = max(0, min(m.paneCursor+1, len(m.paneOrder)-1))
			return m, nil
		case key.Matches(k, m.keys.Top):
			m.paneCursor = 0
			return m, nil
		case key.Matches(k, m.keys.Bottom):
			m.paneCursor = max(0, len(m.paneOrder)-1)
			return m, nil
		case key.Matches(k, m.keys.Choose):
			m.choose()
			return m, nil
		case key.Matches(k, m.keys.ShowArticles):
			if p := m.cursorParty(); p >= 0 {
				name := m.art.Parties[p].Name
				return m, func() tea.Msg { return partyListMsg{name} }
			}
			return m, nil
		case key.Matches(k, m.keys.QuotesAgain):
			m.paneFocus = false
			m.party, m.mention = -1, -1
			return m, nil
		case key.Matches(k, m.keys.FocusPane):
			m.paneFocus = false
			return m, nil
		}
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.scroll(-1)
	case key.Matches(k, m.keys.Down):
		m.scroll(1)
	case key.Matches(k, m.keys.HalfUp):
		m.scroll(-max(1, m.bodyH/2))
	case key.Matches(k, m.keys.HalfDown):
		m.scroll(max(1, m.bodyH/2))
	case key.Matches(k, m.keys.PageUp):
		m.scroll(-max(1, m.bodyH))
	case key.Matches(k, m.keys.PageDown):
		m.scroll(max(1, m.bodyH))
	case key.Matches(k, m.keys.Top):
		m.top, m.place = 0, placeText
	case key.Matches(k, m.keys.Bottom):
		m.top, m.place = m.bodyLen(), placeText
		m.clampTop()
	case key.Matches(k, m.keys.NextTarget):
		m.jump(1)
	case key.Matches(k, m.keys.PrevTarget):
		m.jump(-1)
	case key.Matches(k, m.keys.FocusPane):
		if !m.paneShown {
			m.pane = paneOn
			m.layout()
		}
		if m.paneShown {
			m.paneFocus = true
			if p := m.party; p >= 0 {
				for i, x := range m.paneOrder {
					if x == p {
						m.paneCursor = i
					}
				}
			}
		}
	case key.Matches(k, m.keys.TogglePane):
		if m.paneShown {
			m.pane = paneOff
		} else {
			m.pane = paneOn
		}
		m.layout()
	case key.Matches(k, m.keys.Search):
		m.typing = true
		m.search.SetValue(m.query)
		m.search.CursorEnd()
		return m, m.search.Focus()
	case key.Matches(k, m.keys.NextMatch):
		m.stepMatch(1)
	case key.Matches(k, m.keys.PrevMatch):
		m.stepMatch(-1)
	case key.Matches(k, m.keys.ClearSearch):
		m.query, m.matches, m.match = "", nil, 0
		m.search.SetValue("")
	case key.Matches(k, m.keys.QuotesAgain):
		m.party, m.mention = -1, -1
	case key.Matches(k, m.keys.Back):
		return m, func() tea.Msg { return backMsg{} }
	case key.Matches(k, m.keys.NextArticle):
		return m, func() tea.Msg { return siblingMsg{1} }
	case key.Matches(k, m.keys.PrevArticle):
		return m, func() tea.Msg { return siblingMsg{-1} }
	}
	return m, nil
}

// currentQuote returns the index into Article.Quotes of the current quote,
// -1 for none.
func (m articleModel) currentQuote() int {
	if m.quote < 0 || m.quote >= len(m.quotes) {
		return -1
	}
	return m.quotes[m.quote]
}

// target returns the status bar's jump-target text.
func (m articleModel) target() string {
	if m.art == nil {
		return ""
	}
	if m.party >= 0 {
		p := m.art.Parties[m.party]
		return ui.MentionPos(p.Name, m.mention, len(p.Mentions))
	}
	sp := ""
	if q := m.currentQuote(); q >= 0 {
		sp = m.art.Quotes[q].Speaker
	}
	return ui.QuotePos(m.quote, len(m.quotes), sp)
}

// percent returns how far down the body the window's bottom is: "42%".
func (m articleModel) percent() string {
	n := m.bodyLen()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d%%", min(100, (m.top+m.bodyH)*100/n))
}

// matchText returns the status bar's search text, "" with no search.
func (m articleModel) matchText() string {
	if m.query == "" {
		return ""
	}
	return ui.MatchPos(m.match, len(m.matches))
}

// View renders the article screen in m.width × m.height: header, body
// window and side pane. It costs the visible lines only.
func (m articleModel) View() string {
	if m.art == nil {
		return ""
	}
	w := max(1, m.width)
	var b strings.Builder
	b.Grow(len(m.header) + m.bodyH*(w+paneWidth)*2) // cells are often more than a byte; SGR adds more
	b.WriteString(m.header)
	if m.bodyH == 0 {
		return b.String()
	}
	var pane []string
	if m.paneShown {
		st := ui.PaneState{Cursor: m.cursorParty(), Target: m.party, Focused: m.paneFocus}
		pane = m.paneLines(st, paneWidth, m.bodyH)
	}
	h := m.highlight()
	bw := max(1, m.bodyW)
	for i := 0; i < m.bodyH; i++ {
		b.WriteByte('\n')
		line := ""
		switch {
		case m.body != nil && m.top+i < m.body.Len():
			line = m.body.Line(m.top+i, h)
		case i == 0 && m.bodyErr != nil:
			line = m.styles.Error.Render("cannot render: " + ui.Flat(m.bodyErr.Error()))
		case i == 0 && m.body == nil && m.slow:
			line = m.styles.Dim.Render("rendering…")
		}
		if lw := ansi.StringWidth(line); lw > bw {
			line = ansi.Truncate(line, bw, "")
		} else {
			line += strings.Repeat(" ", bw-lw) // the frame does not depend on how the renderer ends its lines
		}
		b.WriteString(line)
		if m.paneShown && i < len(pane) {
			b.WriteString(pane[i])
		}
	}
	return b.String()
}
