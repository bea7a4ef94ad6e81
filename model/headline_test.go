package model

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"byline/articles"
	"byline/articles/doc"
)

// TestFirstJumpReachesHeadlineQuote: a quote in the headline is shown in the
// header, not the body; from the top of the article, the first ] must
// still land on it (quote 1/N), not skip to the first quote in the body.
func TestFirstJumpReachesHeadlineQuote(t *testing.T) {
	setup(t)
	text := "\"We will not move the market,\" the mayor said\n\n" +
		"The mayor of Brill, Anna Holt, spoke to traders on Monday. " +
		"\"The stalls stay where they are,\" Holt said.\n\n" +
		"\"Nobody asked us,\" said Tom Ekwe, who sells cheese.\n"
	a, err := articles.Parse("brill.txt", doc.Text, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	qs := a.DirectQuotes()
	if len(qs) < 2 || a.Quotes[qs[0]].Block != 0 {
		t.Fatalf("fixture: want a headline quote first among %d direct quotes", len(qs))
	}
	opts := testOptions()
	opts.Open = a
	m := New(opts)
	m = upd(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = renderNow(t, m)
	m = upd(t, m, keyMsg("]"))
	if m.art.quote != 0 {
		t.Errorf("first ] from the top: quote index %d, want 0 (the headline's)", m.art.quote)
	}
	m = upd(t, m, keyMsg("]"))
	if m.art.quote != 1 {
		t.Errorf("second ]: quote index %d, want 1", m.art.quote)
	}
}
