package model

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"byline/ui"
)

// listModel is the list screen: a window of rows over the library, a
// filter input and the filter's chip.
type listModel struct {
	styles *ui.Styles
	keys   ui.KeyMap // set by the root for the current context
	now    func() time.Time
	lib    *library
	where  string // the paths being read, for the empty state

	visible []*item // the rows after the filter, in list order (path, or score when filtering)
	cursor  int     // index into visible of the selected row
	chosen  bool    // the user moved the cursor: the selected article stays selected as rows come in
	top     int     // index into visible of the first row on screen

	input     textinput.Model
	typing    bool  // the filter input has focus
	q         query // the filter applied
	filterSeq int   // the latest keystroke in the filter; a big list filters when they pause

	width, height int // the whole screen's size
	rowsH         int // lines for rows
}

// openMsg asks the root to open the article of an item.
type openMsg struct{ it *item }

// filterMsg applies the filter typed, once typing pauses (big lists only).
type filterMsg struct{ seq int }

// Filtering a list this big waits for a pause in typing (filterDelay):
// one filter pass over 100,000 rows costs tens of milliseconds.
const (
	filterBig   = 5000
	filterDelay = 60 * time.Millisecond
)

func newList(s *ui.Styles, now func() time.Time, lib *library, where string) listModel {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "filter titles and parties, party:NAME"
	return listModel{styles: s, now: now, lib: lib, where: where, input: in, visible: lib.items}
}

// SetSize sets the size of the whole list screen.
func (m *listModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(1, w-4)
	m.layout()
}

func (m *listModel) layout() {
	m.rowsH = max(0, m.height-lipgloss.Height(m.head()))
	m.clamp()
}

// rowsPerPage is how many rows fit: two lines each and a blank line between.
func (m listModel) rowsPerPage() int { return max(1, (m.rowsH+1)/3) }

// selected returns the selected item, nil when the list is empty.
func (m listModel) selected() *item {
	if m.cursor < 0 || m.cursor >= len(m.visible) {
		return nil
	}
	return m.visible[m.cursor]
}

// refilter recomputes the visible rows after the library or the filter
// changed, keeping the selected article selected when it is still shown
// and the user chose it; until then the cursor stays on the first row.
func (m *listModel) refilter() {
	sel := m.selected()
	if !m.chosen {
		sel = nil
	}
	m.visible = filterItems(m.lib, m.q)
	m.cursor = 0
	if sel != nil {
		if m.q.empty() {
			// path order: binary search
			i := sort.Search(len(m.visible), func(i int) bool { return m.visible[i].path >= sel.path })
			if i < len(m.visible) && m.visible[i] == sel {
				m.cursor = i
			}
		} else {
			for i, it := range m.visible {
				if it == sel {
					m.cursor = i
					break
				}
			}
		}
	}
	m.clamp()
}

// setQuery applies a filter.
func (m *listModel) setQuery(q query) {
	m.q = q
	m.input.SetValue(q.String())
	m.refilter()
	m.layout()
}

// filterItems returns the library's items that pass q: those naming q's
// party, then those matching every term, best score first (path order
// among equals). Without terms the order is the library's.
func filterItems(lib *library, q query) []*item {
	if q.empty() {
		return lib.items
	}
	stamp := -1
	if q.party != "" {
		stamp = lib.markNaming(q.party)
	}
	type scored struct {
		it    *item
		score int
	}
	var out []scored
	for _, it := range lib.items {
		if stamp >= 0 && it.mark != stamp {
			continue
		}
		s, ok := matchTerms(q.terms, it.hay)
		if ok {
			out = append(out, scored{it, s})
		}
	}
	if len(q.terms) > 0 {
		slices.SortStableFunc(out, func(a, b scored) int { return b.score - a.score })
	}
	items := make([]*item, len(out))
	for i, s := range out {
		items[i] = s.it
	}
	return items
}

func (m *listModel) clamp() {
	m.cursor = max(0, min(m.cursor, len(m.visible)-1))
	per := m.rowsPerPage()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+per {
		m.top = m.cursor - per + 1
	}
	m.top = max(0, min(m.top, len(m.visible)-per))
}

// move moves the cursor by d rows (clamped).
func (m *listModel) move(d int) {
	m.chosen = true
	m.cursor += d
	m.clamp()
}

// Update handles keys for the list screen.
func (m listModel) Update(msg tea.Msg) (listModel, tea.Cmd) {
	if f, ok := msg.(filterMsg); ok {
		if f.seq == m.filterSeq && m.typing {
			m.q = parseQuery(m.input.Value())
			m.refilter()
		}
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		if m.typing {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
		return m, nil
	}
	if m.typing {
		return m.updateTyping(k)
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.move(-1)
	case key.Matches(k, m.keys.Down):
		m.move(1)
	case key.Matches(k, m.keys.PageUp):
		m.move(-m.rowsPerPage())
	case key.Matches(k, m.keys.PageDown):
		m.move(m.rowsPerPage())
	case key.Matches(k, m.keys.Top):
		m.move(-len(m.visible))
	case key.Matches(k, m.keys.Bottom):
		m.move(len(m.visible))
	case key.Matches(k, m.keys.Open):
		if it := m.selected(); it != nil {
			return m, func() tea.Msg { return openMsg{it} }
		}
	case key.Matches(k, m.keys.Filter):
		m.typing = true
		m.input.SetValue(m.q.String())
		m.input.CursorEnd()
		cmd := m.input.Focus()
		m.layout()
		return m, cmd
	case key.Matches(k, m.keys.ClearFilter):
		m.setQuery(query{})
	}
	return m, nil
}

func (m listModel) updateTyping(k tea.KeyMsg) (listModel, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.ClearFilter):
		m.typing = false
		m.input.Blur()
		m.setQuery(query{})
		return m, nil
	case key.Matches(k, m.keys.Accept):
		m.typing = false
		m.input.Blur()
		if q := parseQuery(m.input.Value()); q.String() != m.q.String() {
			m.q = q // a pending pause-filter: apply it now
			m.refilter()
		}
		m.layout()
		return m, nil
	case k.Type == tea.KeyUp:
		m.move(-1)
		return m, nil
	case k.Type == tea.KeyDown:
		m.move(1)
		return m, nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	if v := m.input.Value(); v != before {
		if len(m.lib.items) > filterBig {
			m.filterSeq++
			seq := m.filterSeq
			return m, tea.Batch(cmd, tea.Tick(filterDelay, func(time.Time) tea.Msg { return filterMsg{seq} }))
		}
		m.q = parseQuery(v)
		m.refilter()
	}
	return m, cmd
}

// head is the line above the rows: name, where, count, and the filter.
func (m listModel) head() string {
	s := m.styles
	w := max(1, m.width)
	count := ui.Count(len(m.lib.items), "article", "articles")
	if !m.q.empty() {
		count = ui.Thousands(len(m.visible)) + " of " + count
	}
	line := s.Title.Render("byline") + s.Meta.Render(" · "+ui.Flat(m.where)+" · "+count)
	line = ui.Fit(line, w)
	var chips []string
	if m.q.party != "" {
		chips = append(chips, s.FilterChip.Render(ui.Flat(partyToken(m.q.party))+" ×"))
	}
	if m.typing {
		chips = append(chips, m.input.View())
	} else if len(m.q.terms) > 0 {
		chips = append(chips, s.Meta.Render("/"+ui.Flat(strings.Join(m.q.terms, " "))))
	}
	out := line
	if len(chips) > 0 {
		out += "\n" + ui.Fit(strings.Join(chips, " "), w)
	}
	return out + "\n"
}

// View renders the list screen in m.width × m.height, status bar excluded
// (the root draws it).
func (m listModel) View(loading bool) string {
	s := m.styles
	w := max(1, m.width)
	var b strings.Builder
	b.WriteString(m.head()) // ends in a newline: a blank line under the head
	b.WriteByte('\n')
	lines := 0
	if len(m.visible) == 0 {
		msg := ""
		switch {
		case loading:
			msg = "Reading…"
		case len(m.lib.items) == 0:
			msg = "No articles found under " + ui.Flat(m.where) + "."
		default:
			msg = "No articles match the filter. esc clears it."
		}
		if m.rowsH > 0 {
			b.WriteString(s.Dim.Render(ui.Fit(msg, w)))
			lines = 1
		}
	}
	now := m.now()
	per := m.rowsPerPage()
	for i := m.top; i < len(m.visible) && i < m.top+per; i++ {
		row := ui.RowView(*s, m.visible[i].row, w, i == m.cursor, now)
		if i > m.top {
			row = "\n" + row
		}
		for _, l := range strings.Split(row, "\n") {
			if lines >= m.rowsH {
				break
			}
			if lines > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
			lines++
		}
	}
	for ; lines < m.rowsH; lines++ {
		if lines > 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
