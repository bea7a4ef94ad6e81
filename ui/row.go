package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"byline/articles"
	"byline/articles/doc"
)

// Row is what a list row shows of an article: the few fields the list
// keeps, so that a huge folder does not hold every article's analysis for
// the list's sake.
type Row struct {
	Title   string    // the article's title, or its file name
	Source  string    // the source or byline when the article names one, else the file name
	Date    string    // the article's own date as found; "" when it has none
	ModTime time.Time // the file's modification time, shown when Date is ""
	Words   int       // words in the story
	Quotes  int       // direct quotes
	Parties []string  // up to three top parties by salience
}

// RowOf returns the list row of an article.
func RowOf(a *articles.Article) Row {
	r := Row{
		Title:   a.Title(),
		Date:    strings.TrimSpace(a.Meta.Date),
		ModTime: a.ModTime,
		Words:   a.Words,
		Quotes:  len(a.DirectQuotes()),
		Parties: a.TopParties(3),
	}
	if a.Meta.Title == "" {
		r.Title = filepath.Base(a.Path)
	}
	switch {
	case strings.TrimSpace(a.Meta.Source) != "":
		r.Source = a.Meta.Source
	case strings.TrimSpace(a.Meta.Byline) != "":
		r.Source = a.Meta.Byline
	case a.Path == "-":
		r.Source = "stdin"
	default:
		r.Source = filepath.Base(a.Path)
	}
	return r
}

// RowView renders a row in two lines of at most width cells each: the title,
// then source · date · words · quotes · top parties. selected draws the
// marker bar and the selected styles. now decides how dates are shown (the
// year is left out for this year's dates).
func RowView(s Styles, r Row, width int, selected bool, now time.Time) string {
	if width < 1 {
		width = 1
	}
	title, meta, marker := s.RowTitle, s.RowMeta, "  "
	if selected {
		title, meta, marker = s.RowTitleSelected, s.RowMetaSelected, s.RowMarker.Render("│")+" "
	}
	if width < 4 {
		marker = ""
	}
	inner := width - ansi.StringWidth(marker)
	parts := []string{Flat(r.Source)}
	if d := RowDate(r, now); d != "" {
		parts = append(parts, d)
	}
	parts = append(parts, Count(r.Words, "word", "words"))
	parts = append(parts, Count(r.Quotes, "quote", "quotes"))
	if len(r.Parties) > 0 {
		ps := make([]string, len(r.Parties))
		for i, p := range r.Parties {
			ps[i] = Flat(p)
		}
		parts = append(parts, strings.Join(ps, " · "))
	}
	l1 := marker + title.Render(Fit(Flat(r.Title), inner))
	l2 := marker + meta.Render(Fit(strings.Join(parts, " · "), inner))
	return l1 + "\n" + l2
}

// RowDate returns the date a row shows: the article's own date as found
// (an ISO date shown as "2 Jan" or "2 Jan 2006"), else the file's
// modification time; "" when there is neither.
func RowDate(r Row, now time.Time) string {
	if r.Date != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, r.Date); err == nil {
				return ShortDate(t, now)
			}
		}
		return Flat(r.Date)
	}
	if r.ModTime.IsZero() {
		return ""
	}
	return ShortDate(r.ModTime, now)
}

// ShortDate formats t as "2 Jan" in now's year and "2 Jan 2006" otherwise.
func ShortDate(t, now time.Time) string {
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// Count returns "1 word", "12 words", "1,204 words".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

// Thousands formats n with commas between groups of three digits: 1,204.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Flat returns s on one line and safe to print: control characters in
// caret notation (doc.VisibleLine), invisible format characters dropped,
// and every run of white space one space, trimmed.
func Flat(s string) string {
	return strings.Join(strings.Fields(doc.VisibleLine(s)), " ")
}

// Fit truncates s (which may hold SGR sequences) to width cells with a
// final "…" when it is longer.
func Fit(s string, width int) string {
	if width < 1 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
