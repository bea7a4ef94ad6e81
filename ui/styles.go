// Package ui is how byline looks: styles, keys, the body renderer with its
// quote and mention highlights, the side pane, list rows and the status
// bar. It holds no state: every function renders its inputs.
package ui

import "github.com/charmbracelet/lipgloss"

// Styles are all the styles byline draws with. Build them with
// DefaultStyles; nothing else in byline calls lipgloss.NewStyle.
type Styles struct {
	// Article header.
	Title  lipgloss.Style // the headline
	Meta   lipgloss.Style // byline, source, date, reading time
	Dim    lipgloss.Style // anything de-emphasised: captions, credits, boilerplate, caret notation of control characters
	Rule   lipgloss.Style // separators
	Error  lipgloss.Style // an error line
	Notice lipgloss.Style // a transient notice in the status bar

	// Body highlights, applied over glamour's output.
	Quote          lipgloss.Style // a direct quote
	QuoteCurrent   lipgloss.Style // the quote the jump keys are on
	Scare          lipgloss.Style // a scare quote: a lighter mark than speech
	Speaker        lipgloss.Style // the "— speaker" tag after a quote
	Mention        lipgloss.Style // a mention of the chosen party
	MentionCurrent lipgloss.Style // the mention the jump keys are on
	Match          lipgloss.Style // a search match
	MatchCurrent   lipgloss.Style // the current search match

	// Side pane.
	Pane         lipgloss.Style // the pane's frame
	PaneTitle    lipgloss.Style // a group heading: People, Organisations, …
	PaneItem     lipgloss.Style // a party
	PaneSelected lipgloss.Style // the party under the cursor when the pane has focus
	PaneTarget   lipgloss.Style // the party whose mentions are the jump target
	PaneCount    lipgloss.Style // mention and quote counts

	// List.
	RowTitle         lipgloss.Style
	RowTitleSelected lipgloss.Style
	RowMeta          lipgloss.Style
	RowMetaSelected  lipgloss.Style
	RowMarker        lipgloss.Style // the bar left of the selected row
	FilterChip       lipgloss.Style // "party:Russia ×"

	// Status bar.
	Status    lipgloss.Style // the bar
	StatusKey lipgloss.Style // the jump target's name in the bar
	Spinner   lipgloss.Style
}

// DefaultStyles returns byline's styles for a dark or a light terminal
// background.
func DefaultStyles(dark bool) Styles {
	c := func(light, darkc string) lipgloss.Color {
		if dark {
			return lipgloss.Color(darkc)
		}
		return lipgloss.Color(light)
	}
	dim := c("244", "243")
	accent := c("25", "117")
	quoteFg := c("94", "222")
	s := Styles{}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(c("16", "231"))
	s.Meta = lipgloss.NewStyle().Foreground(c("240", "248"))
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Rule = lipgloss.NewStyle().Foreground(c("250", "238"))
	s.Error = lipgloss.NewStyle().Foreground(c("124", "203")).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(accent)

	s.Quote = lipgloss.NewStyle().Foreground(quoteFg)
	s.QuoteCurrent = lipgloss.NewStyle().Foreground(c("16", "16")).Background(c("222", "222")).Bold(true)
	s.Scare = lipgloss.NewStyle().Italic(true)
	s.Speaker = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Mention = lipgloss.NewStyle().Foreground(accent).Underline(true)
	s.MentionCurrent = lipgloss.NewStyle().Foreground(c("231", "16")).Background(accent).Bold(true)
	s.Match = lipgloss.NewStyle().Foreground(c("16", "16")).Background(c("152", "109"))
	s.MatchCurrent = lipgloss.NewStyle().Foreground(c("16", "16")).Background(c("214", "214")).Bold(true)

	s.Pane = lipgloss.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderLeft(true).BorderForeground(c("250", "238")).PaddingLeft(1)
	s.PaneTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.PaneItem = lipgloss.NewStyle()
	s.PaneSelected = lipgloss.NewStyle().Reverse(true)
	s.PaneTarget = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.PaneCount = lipgloss.NewStyle().Foreground(dim)

	s.RowTitle = lipgloss.NewStyle().Foreground(c("235", "252"))
	s.RowTitleSelected = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.RowMeta = lipgloss.NewStyle().Foreground(dim)
	s.RowMetaSelected = lipgloss.NewStyle().Foreground(c("31", "74"))
	s.RowMarker = lipgloss.NewStyle().Foreground(accent)
	s.FilterChip = lipgloss.NewStyle().Foreground(c("231", "16")).Background(accent).Padding(0, 1)

	s.Status = lipgloss.NewStyle().Foreground(c("236", "250")).Background(c("254", "236"))
	s.StatusKey = lipgloss.NewStyle().Foreground(accent).Background(c("254", "236")).Bold(true)
	s.Spinner = lipgloss.NewStyle().Foreground(accent)
	return s
}

// MonoStyles returns styles without any colour, for NO_COLOR: only bold,
// italic, underline, faint and reverse video, so quotes, the current quote,
// mentions and matches stay visible. (NO_COLOR forbids colour, not
// emphasis.)
func MonoStyles() Styles {
	s := Styles{}
	plain := lipgloss.NewStyle()
	s.Title = plain.Bold(true)
	s.Meta = plain
	s.Dim = plain.Faint(true)
	s.Rule = plain.Faint(true)
	s.Error = plain.Bold(true)
	s.Notice = plain.Bold(true)

	s.Quote = plain.Italic(true)
	s.QuoteCurrent = plain.Reverse(true)
	s.Scare = plain.Underline(true)
	s.Speaker = plain.Faint(true)
	s.Mention = plain.Underline(true).Bold(true)
	s.MentionCurrent = plain.Reverse(true).Bold(true)
	s.Match = plain.Underline(true)
	s.MatchCurrent = plain.Reverse(true)

	s.Pane = plain.BorderStyle(lipgloss.NormalBorder()).BorderLeft(true).PaddingLeft(1)
	s.PaneTitle = plain.Bold(true)
	s.PaneItem = plain
	s.PaneSelected = plain.Reverse(true)
	s.PaneTarget = plain.Bold(true).Underline(true)
	s.PaneCount = plain.Faint(true)

	s.RowTitle = plain
	s.RowTitleSelected = plain.Bold(true)
	s.RowMeta = plain.Faint(true)
	s.RowMetaSelected = plain
	s.RowMarker = plain.Bold(true)
	s.FilterChip = plain.Reverse(true).Padding(0, 1)

	s.Status = plain.Reverse(true)
	s.StatusKey = plain.Reverse(true).Bold(true)
	s.Spinner = plain.Bold(true)
	return s
}
