package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"byline/articles"
)

// WordsPerMinute is the reading speed behind the header's reading time.
const WordsPerMinute = 230

// ReadingTime returns "4 min read" for words at WordsPerMinute, at least one minute.
func ReadingTime(words int) string {
	m := (words + WordsPerMinute - 1) / WordsPerMinute
	if m < 1 {
		m = 1
	}
	return fmt.Sprintf("%d min read", m)
}

// Header renders the article's header for width cells: the title on up to
// two lines, then one line of byline, source, date (the article's own, else
// the file's time) and reading time, then a rule. now decides how dates are
// shown. Text from the article is flattened and made safe to print.
func Header(s Styles, a *articles.Article, width int, now time.Time) string {
	if width < 1 {
		width = 1
	}
	row := RowOf(a)
	title := Flat(row.Title)
	lines := wrapTwo(title, width)
	var out []string
	for _, l := range lines {
		out = append(out, s.Title.Render(l))
	}
	var meta []string
	if b := Flat(a.Meta.Byline); b != "" {
		meta = append(meta, b)
	}
	if src := Flat(a.Meta.Source); src != "" && src != Flat(a.Meta.Byline) {
		meta = append(meta, src)
	}
	if len(meta) == 0 {
		meta = append(meta, Flat(row.Source))
	}
	if d := RowDate(row, now); d != "" {
		meta = append(meta, d)
	}
	meta = append(meta, ReadingTime(a.Words))
	out = append(out, s.Meta.Render(Fit(strings.Join(meta, " · "), width)))
	out = append(out, s.Rule.Render(strings.Repeat("─", width)))
	return lipgloss.JoinVertical(lipgloss.Left, out...)
}

// wrapTwo breaks s at spaces into at most two lines of width cells, the
// second ending in "…" when s does not fit.
func wrapTwo(s string, width int) []string {
	if lipgloss.Width(s) <= width {
		return []string{s}
	}
	cut := 0
	w := 0
	for i, r := range s {
		rw := lipgloss.Width(string(r))
		if w+rw > width {
			break
		}
		w += rw
		if r == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		return []string{Fit(s, width)}
	}
	return []string{s[:cut], Fit(strings.TrimSpace(s[cut:]), width)}
}
