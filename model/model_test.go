package model

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"byline/ui"
)

var sizes = []struct{ w, h int }{{80, 24}, {140, 40}}

const waitTime = 15 * time.Second // generous: the machine is shared

// waitFor waits until the output written since the last wait holds every
// one of what.
func waitFor(t *testing.T, tm *teatest.TestModel, what ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range what {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	},
		teatest.WithDuration(waitTime), teatest.WithCheckInterval(5*time.Millisecond))
}

func press(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

func final(t *testing.T, tm *teatest.TestModel) Model {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(waitTime)).(Model)
}

func start(t *testing.T, m Model, w, h int) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
}

// openHarbour opens the first article of the list (harbour.txt) and waits
// for its body.
func openHarbour(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	press(tm, "enter")
	waitFor(t, tm, "fortnight")
}

func TestListScreen(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m, _ := loaded(t, testOptions())
			tm := start(t, m, sz.w, sz.h)
			waitFor(t, tm, "Port strike ends")
			fm := final(t, tm)
			if got := len(fm.lib.items); got != 4 {
				t.Errorf("items = %d, want 4", got)
			}
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
}

func TestLoadingFillsIn(t *testing.T) {
	m, _ := newTest(t, testOptions(), "testdata/articles", "testdata/missing")
	tm := start(t, m, 80, 24)
	waitFor(t, tm, "4 articles", "1 file skipped")
	fm := final(t, tm)
	var paths []string
	for _, it := range fm.lib.items {
		paths = append(paths, it.path)
	}
	want := []string{"testdata/articles/harbour.txt", "testdata/articles/more/tramline.txt", "testdata/articles/orchard.md", "testdata/articles/quiet.txt"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("list order = %v, want path order %v", paths, want)
	}
	if len(fm.skipped) != 1 || !strings.Contains(fm.skipped[0].Error(), "testdata/missing") {
		t.Errorf("skipped = %v, want the missing path", fm.skipped)
	}
}

func TestEmptyFolder(t *testing.T) {
	m, _ := newTest(t, testOptions(), t.TempDir())
	tm := start(t, m, 80, 24)
	waitFor(t, tm, "No articles found under")
	final(t, tm)
}

func TestArticleScreen(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m, _ := loaded(t, testOptions())
			tm := start(t, m, sz.w, sz.h)
			openHarbour(t, tm)
			fm := final(t, tm)
			if fm.screen != ui.ArticleScreen || fm.art.art.Path != "testdata/articles/harbour.txt" {
				t.Fatalf("screen %v article %v, want harbour.txt open", fm.screen, fm.art.art.Path)
			}
			if want := sz.w >= paneMinScreen; fm.art.paneShown != want {
				t.Errorf("pane shown = %v at width %d, want %v", fm.art.paneShown, sz.w, want)
			}
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
}

func TestQuoteJumps(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m, copied := loaded(t, testOptions())
			tm := start(t, m, sz.w, sz.h)
			openHarbour(t, tm)
			press(tm, "]")
			waitFor(t, tm, "quote 1/4 · Maria Costa")
			press(tm, "]", "]")
			waitFor(t, tm, "quote 3/4 · European Commission")
			press(tm, "[")
			waitFor(t, tm, "quote 2/4 · Port Authority")
			press(tm, "y")
			waitFor(t, tm, "quote copied")
			fm := final(t, tm)
			if fm.art.quote != 1 || fm.art.currentQuote() != 1 {
				t.Errorf("current quote = %d (Quotes[%d]), want 1", fm.art.quote, fm.art.currentQuote())
			}
			if len(*copied) != 1 || !strings.Contains((*copied)[0], "Every berth will be working") || !strings.HasSuffix((*copied)[0], "— Port Authority") {
				t.Errorf("copied %q, want the second quote with its speaker", *copied)
			}
			pos, ok := fm.art.body.Quote(1)
			if !ok || !fm.art.onScreen(pos.Line) {
				t.Errorf("current quote at line %d (ok %v) not in window top %d height %d", pos.Line, ok, fm.art.top, fm.art.bodyH)
			}
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
}

func TestPartyTarget(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m, _ := loaded(t, testOptions())
			tm := start(t, m, sz.w, sz.h)
			openHarbour(t, tm)
			press(tm, "tab")
			if sz.w < paneMinScreen {
				// tab brings the pane in: the body is re-wrapped beside it.
				waitFor(t, tm, rewrapped(t, m, sz.w, sz.w-paneWidth))
			}
			// Pane order: Maria Costa, Rui Lopes, Port Authority,
			// European Commission, Portugal, …
			press(tm, "down", "down", "down", "down", "enter")
			waitFor(t, tm, "Portugal 1/2")
			press(tm, "]")
			waitFor(t, tm, "Portugal 2/2")
			fm := final(t, tm)
			if p := fm.art.party; p < 0 || fm.art.art.Parties[p].Name != "Portugal" || fm.art.mention != 1 {
				t.Errorf("target party %d mention %d, want Portugal 1", p, fm.art.mention)
			}
			if !fm.art.paneShown || !fm.art.paneFocus {
				t.Errorf("pane shown %v focused %v, want both after tab", fm.art.paneShown, fm.art.paneFocus)
			}
			golden.RequireEqual(t, []byte(fm.View()))
		})
	}
}

func TestPartyTargetEscBackToQuotes(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 140, 40)
	openHarbour(t, tm)
	press(tm, "tab", "enter")
	waitFor(t, tm, "Maria Costa 1/2")
	press(tm, "esc")
	waitFor(t, tm, "4 quotes")
	press(tm, "]")
	waitFor(t, tm, "quote 1/4")
	fm := final(t, tm)
	if fm.art.party != -1 || fm.art.paneFocus || fm.art.quote != 0 {
		t.Errorf("after esc: party %d pane focus %v quote %d, want quotes again", fm.art.party, fm.art.paneFocus, fm.art.quote)
	}
}

func TestSearch(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	openHarbour(t, tm)
	press(tm, "/")
	tm.Type("port")
	press(tm, "enter")
	waitFor(t, tm, "match 1/")
	press(tm, "n")
	waitFor(t, tm, "match 2/")
	fm := final(t, tm)
	if fm.art.query != "port" || fm.art.match != 1 {
		t.Errorf("query %q match %d, want port, 1", fm.art.query, fm.art.match)
	}
	// "port" is in Port (three times), Portugal (twice), export(ers) (twice) and report(ed).
	if n := len(fm.art.matches); n < 5 {
		t.Errorf("matches = %d, want at least 5", n)
	}
	golden.RequireEqual(t, []byte(fm.View()))
}

func TestSearchEscClears(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	openHarbour(t, tm)
	press(tm, "/")
	tm.Type("dockers")
	press(tm, "enter")
	waitFor(t, tm, "match 1/")
	press(tm, "esc")
	waitFor(t, tm, "4 quotes")
	fm := final(t, tm)
	if fm.art.query != "" || fm.screen != ui.ArticleScreen {
		t.Errorf("after esc: query %q screen %v, want no search, still the article", fm.art.query, fm.screen)
	}
}

func TestNextArticle(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	openHarbour(t, tm)
	press(tm, "J")
	waitFor(t, tm, "Council approves tram line")
	press(tm, "J")
	waitFor(t, tm, "Late frost takes")
	press(tm, "K")
	waitFor(t, tm, "Council approves tram line")
	fm := final(t, tm)
	if got := fm.art.art.Path; got != "testdata/articles/more/tramline.txt" {
		t.Errorf("article after J J K = %s, want tramline.txt", got)
	}
	if fm.list.selected() != fm.art.it {
		t.Error("list selection does not follow J/K")
	}
}

func TestBackToList(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	openHarbour(t, tm)
	press(tm, "esc")
	waitFor(t, tm, "byline · testdata/articles")
	fm := final(t, tm)
	if fm.screen != ui.ListScreen {
		t.Errorf("screen after esc = %v, want list", fm.screen)
	}
}

func TestListFilter(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	waitFor(t, tm, "Port strike ends")
	press(tm, "/")
	tm.Type("frost")
	press(tm, "enter")
	waitFor(t, tm, "1 of 4 articles")
	fm := final(t, tm)
	if len(fm.list.visible) != 1 || !strings.HasSuffix(fm.list.visible[0].path, "orchard.md") {
		t.Errorf("visible after /frost: %d rows", len(fm.list.visible))
	}
	golden.RequireEqual(t, []byte(fm.View()))
}

func TestListFilterEsc(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	waitFor(t, tm, "Port strike ends")
	press(tm, "/")
	tm.Type("zzzz")
	waitFor(t, tm, "No articles match")
	press(tm, "esc")
	waitFor(t, tm, "Port strike ends")
	fm := final(t, tm)
	if len(fm.list.visible) != 4 || !fm.list.q.empty() || fm.list.typing {
		t.Errorf("after esc: %d rows, query %q, typing %v", len(fm.list.visible), fm.list.q, fm.list.typing)
	}
}

func TestPaneOpensPartyList(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 140, 40)
	openHarbour(t, tm)
	press(tm, "tab", "down", "down", "down", "o")
	waitFor(t, tm, `party:"European Commission" ×`)
	fm := final(t, tm)
	if fm.screen != ui.ListScreen || fm.list.q.party != "European Commission" {
		t.Fatalf("screen %v query %+v, want the list filtered by the party", fm.screen, fm.list.q)
	}
	var got []string
	for _, it := range fm.list.visible {
		got = append(got, it.path)
	}
	if strings.Join(got, " ") != "testdata/articles/harbour.txt testdata/articles/more/tramline.txt" {
		t.Errorf("articles naming the European Commission: %v", got)
	}
	golden.RequireEqual(t, []byte(fm.View()))
}

func TestDirectOpenQuits(t *testing.T) {
	setup(t)
	opts := testOptions()
	opts.Open = fixtureArticle(t, "orchard.md")
	tm := start(t, New(opts), 80, 24)
	waitFor(t, tm, "Faversham")
	press(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	fm := tm.FinalModel(t).(Model)
	if !fm.direct || fm.screen != ui.ArticleScreen {
		t.Errorf("direct %v screen %v", fm.direct, fm.screen)
	}
}

func TestResize(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	openHarbour(t, tm)
	press(tm, "j", "j", "j", "j")
	want := rewrapped(t, m, 80, min(140-paneWidth, readingWidth))
	for _, w := range []int{90, 100, 120} { // a storm of sizes
		tm.Send(tea.WindowSizeMsg{Width: w, Height: 30})
	}
	tm.Send(tea.WindowSizeMsg{Width: 140, Height: 40})
	waitFor(t, tm, want)
	fm := final(t, tm)
	if want := min(140-paneWidth, readingWidth); fm.art.bodyFor.width != want {
		t.Errorf("body rendered for %d, want %d", fm.art.bodyFor.width, want)
	}
	golden.RequireEqual(t, []byte(fm.View()))
}

func TestRunesInOneMessage(t *testing.T) {
	m, _ := loaded(t, testOptions())
	tm := start(t, m, 80, 24)
	waitFor(t, tm, "Port strike ends")
	// What tmux send-keys or fast typing delivers: one message of runes.
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj/frost")})
	waitFor(t, tm, "1 of 4 articles")
	fm := final(t, tm)
	if !fm.list.typing || fm.list.input.Value() != "frost" {
		t.Errorf("typing %v input %q, want the filter open with frost", fm.list.typing, fm.list.input.Value())
	}
}

// rewrapped returns a line of harbour.txt's body at width to that its body
// at width from does not have: seeing it on screen means the re-wrapped
// body has arrived.
func rewrapped(t *testing.T, m Model, from, to int) string {
	t.Helper()
	a := fixtureArticle(t, "harbour.txt")
	render := func(w int) *ui.Body {
		b, err := ui.RenderBody(a, ui.BodyOptions{Width: w, Style: "notty", Profile: m.art.profile, Styles: *m.styles})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	old, b := render(from), render(to)
	var all strings.Builder
	for i := 0; i < old.Len(); i++ {
		all.WriteString(old.Plain(i) + "\n")
	}
	best := ""
	for i := 0; i < b.Len(); i++ {
		l := strings.TrimSpace(b.Plain(i))
		if len(l) > len(best) && !strings.Contains(all.String(), l) {
			best = l
		}
	}
	if best == "" {
		t.Fatalf("no line of the %d-column body is new to the %d-column one", to, from)
	}
	return best
}
