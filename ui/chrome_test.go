package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/party"
)

// chromeNow is the clock of these tests.
var chromeNow = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

func ascii(t *testing.T) Styles {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	return DefaultStyles(true)
}

const chromeText = `Ministers agree "first step" on river treaty

By Ana Petrova

The foreign ministers of Austria and Hungary met in Vienna on Monday. "We have
a first step," said Petra Lind, Austria's minister. The Danube Commission
welcomed it.
`

// chromeArticle is a small article whose parties are set by hand, so that
// these tests do not depend on the extractor.
func chromeArticle(t *testing.T) *articles.Article {
	t.Helper()
	a, err := articles.Parse("news/river.txt", doc.Text, []byte(chromeText))
	if err != nil {
		t.Fatal(err)
	}
	a.Meta.Byline = "Ana Petrova"
	a.Meta.Source = "Danube Post"
	a.Meta.Date = "2025-03-10"
	a.Words = 512
	span := func(s string, nth int) doc.Span {
		i := -1
		for range nth + 1 {
			j := strings.Index(a.Text[i+1:], s)
			if j < 0 {
				t.Fatalf("%q not in text", s)
			}
			i += 1 + j
		}
		return doc.Span{Start: i, End: i + len(s)}
	}
	mk := func(name string, kind party.Kind, quoted int, credit bool, forms ...string) articles.Party {
		p := articles.Party{Party: party.Party{Name: name, Kind: kind, CreditOnly: credit}, Quoted: quoted}
		for _, f := range forms {
			p.Mentions = append(p.Mentions, span(f, 0))
		}
		return p
	}
	a.Parties = []articles.Party{
		mk("Petra Lind", party.Person, 1, false, "Petra Lind"),
		mk("Austria", party.Country, 0, false, "Austria", "Austria's"),
		mk("Hungary", party.Country, 0, false, "Hungary"),
		mk("Vienna", party.Place, 0, false, "Vienna"),
		mk("Danube Commission, the International Body for the River", party.Organization, 0, false, "Danube Commission"),
		mk("Ana Petrova", party.Person, 0, true, "Ana Petrova"),
	}
	return a
}

func TestRowView(t *testing.T) {
	s := ascii(t)
	rows := []Row{
		{Title: "Ministers agree first step on river treaty", Source: "Danube Post", Date: "2025-03-10", Words: 512, Quotes: 3, Parties: []string{"Austria", "Hungary", "Petra Lind"}},
		{Title: "A file without a date or parties", Source: "notes.txt", ModTime: time.Date(2023, 7, 1, 9, 0, 0, 0, time.UTC), Words: 1, Quotes: 1},
		{Title: "Title\x1b]0;pwned\x07 with\tcontrols\nand lines", Source: "x\x1b[2Jy", Date: "Monday 3 March", Words: 12045},
	}
	for _, w := range []int{1, 20, 60, 100} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			var out []string
			for i, r := range rows {
				v := RowView(s, r, w, i == 0, chromeNow)
				for _, l := range strings.Split(v, "\n") {
					if got := ansi.StringWidth(l); got > w {
						t.Errorf("row %d: line %q is %d cells, want at most %d", i, l, got, w)
					}
				}
				if strings.ContainsRune(v, '\x1b') || strings.ContainsRune(v, '\x07') {
					t.Errorf("row %d: control character reached the output: %q", i, v)
				}
				out = append(out, v)
			}
			golden.RequireEqual(t, []byte(strings.Join(out, "\n\n")))
		})
	}
}

func TestRowOf(t *testing.T) {
	a := chromeArticle(t)
	r := RowOf(a)
	if r.Title != `Ministers agree "first step" on river treaty` {
		t.Errorf("Title = %q", r.Title)
	}
	if r.Source != "Danube Post" {
		t.Errorf("Source = %q, want the source", r.Source)
	}
	if got, want := strings.Join(r.Parties, ","), "Petra Lind,Austria,Hungary"; got != want {
		t.Errorf("Parties = %q, want %q (top three, credits left out)", got, want)
	}
	a.Meta.Source, a.Meta.Byline, a.Meta.Title = "", "", ""
	r = RowOf(a)
	if r.Source != "river.txt" || r.Title != "river.txt" {
		t.Errorf("without metadata: Source %q Title %q, want the file name for both", r.Source, r.Title)
	}
}

func TestRowDate(t *testing.T) {
	tests := []struct {
		name string
		row  Row
		want string
	}{
		{"iso this year", Row{Date: "2025-01-02"}, "2 Jan"},
		{"iso other year", Row{Date: "2024-01-02"}, "2 Jan 2024"},
		{"rfc3339", Row{Date: "2025-02-03T10:00:00Z"}, "3 Feb"},
		{"as found", Row{Date: "3 March 2025"}, "3 March 2025"},
		{"mtime", Row{ModTime: time.Date(2022, 5, 6, 0, 0, 0, 0, time.UTC)}, "6 May 2022"},
		{"none", Row{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RowDate(tt.row, chromeNow); got != tt.want {
				t.Errorf("RowDate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestThousandsAndCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1204: "1,204", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Count(1, "quote", "quotes"); got != "1 quote" {
		t.Errorf("Count(1) = %q", got)
	}
	if got := Count(1204, "file", "files"); got != "1,204 files" {
		t.Errorf("Count(1204) = %q", got)
	}
}

func TestFlat(t *testing.T) {
	got := Flat(" a\tb\n\nc\x1b[31md\u200be ")
	if strings.ContainsAny(got, "\x1b\t\n\u200b") {
		t.Errorf("Flat left a control or invisible character: %q", got)
	}
	if !strings.HasPrefix(got, "a b c") || !strings.Contains(got, "^[") {
		t.Errorf("Flat = %q, want spaces collapsed and ESC as ^[", got)
	}
}

func TestHeader(t *testing.T) {
	s := ascii(t)
	a := chromeArticle(t)
	for _, w := range []int{1, 24, 80} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			h := Header(s, a, w, chromeNow)
			for _, l := range strings.Split(h, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("line %q wider than %d", l, w)
				}
			}
			golden.RequireEqual(t, []byte(h))
		})
	}
	if got := ReadingTime(0); got != "1 min read" {
		t.Errorf("ReadingTime(0) = %q", got)
	}
	if got := ReadingTime(WordsPerMinute*3 + 1); got != "4 min read" {
		t.Errorf("ReadingTime = %q, want rounded up", got)
	}
}

func TestPaneOrder(t *testing.T) {
	a := chromeArticle(t)
	var names []string
	for _, i := range PaneOrder(a) {
		names = append(names, a.Parties[i].Name)
	}
	want := "Petra Lind|Danube Commission, the International Body for the River|Austria|Hungary|Vienna|Ana Petrova"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("PaneOrder = %s\nwant          %s", got, want)
	}
}

func TestPane(t *testing.T) {
	s := ascii(t)
	a := chromeArticle(t)
	tests := []struct {
		name string
		st   PaneState
		w, h int
	}{
		{"plain", PaneState{Cursor: -1, Target: -1}, 30, 16},
		{"focused", PaneState{Cursor: 2, Target: 1, Focused: true}, 30, 16},
		{"scrolled", PaneState{Cursor: 5, Target: -1, Focused: true}, 30, 5},
		{"narrow", PaneState{Cursor: 0, Target: 0, Focused: true}, 12, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Pane(s, a, tt.st, tt.w, tt.h)
			lines := strings.Split(p, "\n")
			if len(lines) != tt.h {
				t.Errorf("pane has %d lines, want %d", len(lines), tt.h)
			}
			for _, l := range lines {
				if ansi.StringWidth(l) != tt.w {
					t.Errorf("line %q is %d cells, want %d", l, ansi.StringWidth(l), tt.w)
				}
			}
			if tt.st.Focused && !strings.Contains(p, "› "+a.Parties[tt.st.Cursor].Name[:3]) {
				t.Errorf("cursor on %q not drawn:\n%s", a.Parties[tt.st.Cursor].Name, p)
			}
			golden.RequireEqual(t, []byte(p))
		})
	}
	if got := Pane(s, a, PaneState{}, 0, 5); got != "" {
		t.Errorf("zero width pane = %q", got)
	}
	empty := &articles.Article{}
	if p := Pane(s, empty, PaneState{Cursor: -1, Target: -1}, 30, 3); !strings.Contains(p, "No named parties") {
		t.Errorf("empty pane = %q", p)
	}
}

func TestStatus(t *testing.T) {
	s := ascii(t)
	bars := map[string]StatusBar{
		"quote":   {Target: QuotePos(2, 9, "the joint statement"), Right: "42%"},
		"mention": {Target: MentionPos("Russia", 1, 7), Match: MatchPos(3, 12)},
		"loading": {Spinner: "⠋", Loading: Progress(312, 1204), Notice: "3 files skipped: read x.txt: binary file"},
		"error":   {Error: "cannot render: boom", Target: QuotePos(-1, 4, "")},
	}
	for _, name := range []string{"quote", "mention", "loading", "error"} {
		for _, w := range []int{1, 30, 80} {
			t.Run(fmt.Sprintf("%s/%d", name, w), func(t *testing.T) {
				v := Status(s, bars[name], w)
				if ansi.StringWidth(v) != w {
					t.Errorf("status is %d cells, want %d: %q", ansi.StringWidth(v), w, v)
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
	for got, want := range map[string]string{
		QuotePos(2, 9, "NATO"):     "quote 3/9 · NATO",
		QuotePos(0, 1, ""):         "quote 1/1",
		QuotePos(-1, 9, "x"):       "9 quotes",
		MentionPos("Russia", 1, 7): "Russia 2/7",
		MatchPos(3, 12):            "match 4/12",
		MatchPos(0, 0):             "no match",
		Progress(312, 1204):        "312 of 1,204",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestKeyMapFor(t *testing.T) {
	k := DefaultKeyMap()
	list := k.For(KeyContext{Screen: ListScreen})
	if !list.Open.Enabled() || !list.Filter.Enabled() {
		t.Error("list: open and filter should be enabled")
	}
	if list.NextTarget.Enabled() || list.Search.Enabled() || list.ClearFilter.Enabled() {
		t.Error("list: article keys and esc (no filter) should be disabled")
	}
	typing := k.For(KeyContext{Screen: ListScreen, Typing: true})
	if typing.Quit.Enabled() || typing.Down.Enabled() || !typing.ClearFilter.Enabled() || !typing.Accept.Enabled() {
		t.Error("typing: only enter and esc (and ctrl+c) should be keys")
	}
	art := k.For(KeyContext{Screen: ArticleScreen, HasQuotes: true, Siblings: true, HasFile: true, QuoteChosen: true})
	if !art.NextTarget.Enabled() || !art.Back.Enabled() || !art.NextArticle.Enabled() || art.NextMatch.Enabled() || art.Open.Enabled() {
		t.Error("article: wrong bindings enabled")
	}
	direct := k.For(KeyContext{Screen: ArticleScreen, Direct: true})
	if direct.Back.Enabled() || direct.NextArticle.Enabled() || direct.NextTarget.Enabled() {
		t.Error("direct article without quotes: back, J/K and ] should be disabled")
	}
	pane := k.For(KeyContext{Screen: ArticleScreen, PaneFocused: true, PaneShown: true})
	if !pane.Choose.Enabled() || !pane.ShowArticles.Enabled() || !pane.QuotesAgain.Enabled() || pane.Back.Enabled() {
		t.Error("pane: enter, o and esc (back to quotes) should be the pane's")
	}
	party := k.For(KeyContext{Screen: ArticleScreen, PartyTarget: true})
	if party.NextTarget.Help().Desc != "next mention" {
		t.Errorf("] help with a party target = %q", party.NextTarget.Help().Desc)
	}

	// Help shows only what is enabled.
	ascii(t)
	h := help.New()
	h.Width = 200
	lv := h.View(list)
	if strings.Contains(lv, "next quote") || !strings.Contains(lv, "filter") {
		t.Errorf("list help = %q", lv)
	}
	h.ShowAll = true
	av := h.View(art)
	for _, want := range []string{"next quote", "parties", "search", "next article", "copy quote", "edit", "back"} {
		if !strings.Contains(av, want) {
			t.Errorf("full article help lacks %q:\n%s", want, av)
		}
	}
	noQuote := k.For(KeyContext{Screen: ArticleScreen, HasQuotes: true})
	if v := h.View(noQuote); strings.Contains(v, "copy quote") || strings.Contains(v, "next article") {
		t.Errorf("disabled copy or J shown in help:\n%s", v)
	}
}
