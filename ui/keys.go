package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key byline answers to, with the help text that the help
// view shows. It implements help.KeyMap; bindings that do not apply where
// the user is are disabled (see KeyMap.For) and so vanish from help.
type KeyMap struct {
	// Everywhere.
	Help      key.Binding // ? short or full help
	Quit      key.Binding // q: quit, or back to the list from an article opened there
	ForceQuit key.Binding // ctrl+c: quit from anywhere
	Suspend   key.Binding // ctrl+z

	// Moving, in the list and the article.
	Up       key.Binding
	Down     key.Binding
	HalfUp   key.Binding // article only
	HalfDown key.Binding // article only
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// List.
	Open        key.Binding // enter: open the selected article
	Filter      key.Binding // /: filter the list
	ClearFilter key.Binding // esc: clear the filter
	Accept      key.Binding // enter: keep the filter typed and go back to the rows

	// Article.
	Back        key.Binding // esc: back to the list
	NextTarget  key.Binding // ]: next quote or mention
	PrevTarget  key.Binding // [: previous quote or mention
	FocusPane   key.Binding // tab: focus the side pane
	TogglePane  key.Binding // p: show or hide the side pane
	Search      key.Binding // /: search in the article
	NextMatch   key.Binding // n
	PrevMatch   key.Binding // N
	ClearSearch key.Binding // esc: clear the search
	NextArticle key.Binding // J
	PrevArticle key.Binding // K
	Copy        key.Binding // y: copy the current quote (OSC 52)
	Edit        key.Binding // e: open the file in $VISUAL or $EDITOR

	// Side pane (when focused).
	Choose       key.Binding // enter: make the party's mentions the jump target
	ShowArticles key.Binding // o: the list filtered to articles naming the party
	QuotesAgain  key.Binding // esc: back to quotes
}

// DefaultKeyMap returns byline's default keys (DESIGN.md), all enabled.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit", "ctrl+c"),
		Suspend:   b("ctrl+z", "suspend", "ctrl+z"),

		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		HalfUp:   b("u", "½ page up", "u", "ctrl+u"),
		HalfDown: b("d", "½ page down", "d", "ctrl+d"),
		PageUp:   b("pgup/b", "page up", "pgup", "b"),
		PageDown: b("pgdn/f", "page down", "pgdown", "f", " "),
		Top:      b("g/home", "top", "g", "home"),
		Bottom:   b("G/end", "bottom", "G", "end"),

		Open:        b("enter", "open", "enter"),
		Filter:      b("/", "filter", "/"),
		ClearFilter: b("esc", "clear filter", "esc"),
		Accept:      b("enter", "apply", "enter"),

		Back:        b("esc", "back", "esc"),
		NextTarget:  b("]", "next quote", "]"),
		PrevTarget:  b("[", "prev quote", "["),
		FocusPane:   b("tab", "parties", "tab"),
		TogglePane:  b("p", "pane", "p"),
		Search:      b("/", "search", "/"),
		NextMatch:   b("n", "next match", "n"),
		PrevMatch:   b("N", "prev match", "N"),
		ClearSearch: b("esc", "clear search", "esc"),
		NextArticle: b("J", "next article", "J"),
		PrevArticle: b("K", "prev article", "K"),
		Copy:        b("y", "copy quote", "y"),
		Edit:        b("e", "edit", "e"),

		Choose:       b("enter", "jump to mentions", "enter"),
		ShowArticles: b("o", "articles naming it", "o"),
		QuotesAgain:  b("esc", "back to quotes", "esc"),
	}
}

// Screen says which screen the keys are for.
type Screen int

// Screens.
const (
	ListScreen Screen = iota
	ArticleScreen
)

// String returns the screen's name.
func (s Screen) String() string {
	if s == ArticleScreen {
		return "article"
	}
	return "list"
}

// KeyContext is what decides which keys apply.
type KeyContext struct {
	Screen      Screen
	Typing      bool // a filter or search input has focus: only enter and esc are keys
	Filtered    bool // the list has a filter applied
	Direct      bool // the article was opened directly (no list): q quits, no back, no J/K
	PaneFocused bool // the side pane has focus
	PaneShown   bool // the side pane is on screen
	HasQuotes   bool // the article has direct quotes
	PartyTarget bool // a party's mentions are the jump target
	Searching   bool // a search is active (n/N apply)
	HasFile     bool // the article has a file to edit (not stdin)
	Siblings    bool // there are other articles in the list for J/K
	QuoteChosen bool // a current quote exists for y
}

// For returns a copy of k with only the bindings that apply in c enabled.
func (k KeyMap) For(c KeyContext) KeyMap {
	on := func(b *key.Binding, v bool) { b.SetEnabled(v) }
	list := c.Screen == ListScreen
	art := c.Screen == ArticleScreen
	typing := c.Typing
	nav := !typing && !(art && c.PaneFocused)
	on(&k.Help, !typing)
	on(&k.Quit, !typing)
	on(&k.ForceQuit, true)
	on(&k.Suspend, !typing)
	on(&k.Up, !typing)
	on(&k.Down, !typing)
	on(&k.HalfUp, art && nav)
	on(&k.HalfDown, art && nav)
	on(&k.PageUp, !typing)
	on(&k.PageDown, !typing)
	on(&k.Top, !typing)
	on(&k.Bottom, !typing)

	on(&k.Open, list && !typing)
	on(&k.Filter, list && !typing)
	on(&k.ClearFilter, list && (typing || c.Filtered))
	on(&k.Accept, typing)

	on(&k.Back, art && nav && !c.Direct && !c.Searching && !c.PartyTarget)
	on(&k.NextTarget, art && !typing && (c.HasQuotes || c.PartyTarget))
	on(&k.PrevTarget, art && !typing && (c.HasQuotes || c.PartyTarget))
	if c.PartyTarget {
		k.NextTarget.SetHelp("]", "next mention")
		k.PrevTarget.SetHelp("[", "prev mention")
	}
	on(&k.FocusPane, art && !typing)
	if c.PaneFocused {
		k.FocusPane.SetHelp("tab", "back to text")
	}
	on(&k.TogglePane, art && !typing)
	on(&k.Search, art && nav)
	on(&k.NextMatch, art && nav && c.Searching)
	on(&k.PrevMatch, art && nav && c.Searching)
	on(&k.ClearSearch, art && (typing || (nav && c.Searching)))
	on(&k.NextArticle, art && !typing && !c.Direct && c.Siblings)
	on(&k.PrevArticle, art && !typing && !c.Direct && c.Siblings)
	on(&k.Copy, art && !typing && c.QuoteChosen)
	on(&k.Edit, art && !typing && c.HasFile)

	on(&k.Choose, art && !typing && c.PaneFocused)
	on(&k.ShowArticles, art && !typing && c.PaneFocused && !c.Direct)
	on(&k.QuotesAgain, art && !typing && (c.PaneFocused || c.PartyTarget) && !c.Searching)
	if art && c.Direct {
		k.Quit.SetHelp("q", "quit")
	} else if art {
		k.Quit.SetHelp("q", "back")
	} else {
		k.Quit.SetHelp("q", "quit")
	}
	return k
}

// ShortHelp returns the keys shown in the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Accept, k.Open, k.Filter, k.ClearFilter,
		k.NextTarget, k.PrevTarget, k.Choose, k.ShowArticles, k.FocusPane, k.Search, k.NextMatch,
		k.QuotesAgain, k.ClearSearch, k.Back, k.Quit, k.Help,
	}
}

// FullHelp returns the keys shown in the full help, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.Accept, k.ClearFilter, k.NextTarget, k.PrevTarget, k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch},
		{k.FocusPane, k.Choose, k.ShowArticles, k.QuotesAgain, k.TogglePane, k.NextArticle, k.PrevArticle, k.Copy, k.Edit},
		{k.Back, k.Quit, k.ForceQuit, k.Suspend, k.Help},
	}
}

var _ help.KeyMap = KeyMap{}
