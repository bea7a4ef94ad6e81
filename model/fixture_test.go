package model

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/party"
	"byline/articles/quote"
)

// The model's tests read small articles written for them (testdata/articles)
// and set their quotes and parties from the annotations below, so that the
// screens and jumps are tested on known targets whatever the scanners find.

type fixQuote struct {
	parts   []string // the quoted words, without the marks
	speaker string
	scare   bool
}

type fixParty struct {
	name  string
	kind  party.Kind
	forms []string // every form counts as a mention wherever it stands as a word
}

type fixture struct {
	quotes  []fixQuote
	parties []fixParty
}

var fixtures = map[string]fixture{
	"harbour.txt": {
		quotes: []fixQuote{
			{parts: []string{"Nobody wanted this to last a day longer than it had to,", "But we were not going back for promises."}, speaker: "Maria Costa"},
			{parts: []string{"Every berth will be working around the clock from tonight,"}, speaker: "Port Authority"},
			{parts: []string{"This is the outcome we hoped for,"}, speaker: "European Commission"},
			{parts: []string{"so-called emergency"}, scare: true},
			{parts: []string{"We lost two weeks, not the year,"}, speaker: "Rui Lopes"},
		},
		parties: []fixParty{
			{"Maria Costa", party.Person, []string{"Maria Costa"}},
			{"Rui Lopes", party.Person, []string{"Rui Lopes"}},
			{"Port Authority", party.Organization, []string{"Port Authority"}},
			{"European Commission", party.Organization, []string{"European Commission", "Commission"}},
			{"Portugal", party.Country, []string{"Portugal"}},
			{"Spain", party.Country, []string{"Spain"}},
			{"Lisbon", party.Place, []string{"Lisbon", "LISBON"}},
			{"Valencia", party.Place, []string{"Valencia"}},
			{"Algarve", party.Place, []string{"Algarve"}},
		},
	},
	"orchard.md": {
		quotes: []fixQuote{
			{parts: []string{"I walked the rows at dawn and the flowers were brown,", "You can't undo that."}, speaker: "Tom Hale"},
			{parts: []string{"Prices in the shops will go up,", "but British apples will still be there."}, speaker: "Linda Marsh"},
		},
		parties: []fixParty{
			{"Tom Hale", party.Person, []string{"Tom Hale"}},
			{"Linda Marsh", party.Person, []string{"Linda Marsh"}},
			{"Met Office", party.Organization, []string{"Met Office"}},
			{"National Fruit Association", party.Organization, []string{"National Fruit Association"}},
			{"United Kingdom", party.Country, []string{"British"}},
			{"Kent", party.Place, []string{"Kent"}},
		},
	},
	"tramline.txt": {
		quotes: []fixQuote{
			{parts: []string{"This is the best day for public transport here in a generation,"}, speaker: "Eva Brandt"},
			{parts: []string{"a very expensive gamble"}, speaker: "the opposition"},
			{parts: []string{"People were never asked,"}, speaker: "Klaus Richter"},
		},
		parties: []fixParty{
			{"Eva Brandt", party.Person, []string{"Eva Brandt"}},
			{"Klaus Richter", party.Person, []string{"Klaus Richter"}},
			{"European Commission", party.Organization, []string{"European Commission"}},
		},
	},
	"quiet.txt": {},
}

// annotate sets a's quotes and parties from its fixture.
func annotate(a *articles.Article) error {
	f, ok := fixtures[filepath.Base(a.Path)]
	if !ok {
		return fmt.Errorf("no fixture for %s", a.Path)
	}
	text := a.Text
	blockOf := func(pos int) int {
		for i, b := range a.Blocks {
			if pos < b.End {
				return i
			}
		}
		return len(a.Blocks) - 1
	}
	a.Quotes = nil
	from := 0
	for _, fq := range f.quotes {
		q := quote.Quote{Kind: quote.Direct, Speaker: fq.speaker}
		if fq.scare {
			q.Kind = quote.Scare
		}
		for _, p := range fq.parts {
			i := strings.Index(text[from:], p)
			if i < 0 {
				return fmt.Errorf("%s: %q not found", a.Path, p)
			}
			i += from
			q.Parts = append(q.Parts, doc.Span{Start: i, End: i + len(p)})
			from = i + len(p)
		}
		start, end := q.Parts[0].Start, q.Parts[len(q.Parts)-1].End
		if r, w := utf8.DecodeLastRuneInString(text[:start]); isMark(r) {
			start -= w
		}
		if r, w := utf8.DecodeRuneInString(text[end:]); isMark(r) {
			end += w
		}
		q.Span = doc.Span{Start: start, End: end}
		q.Block = blockOf(start)
		a.Quotes = append(a.Quotes, q)
	}
	a.Parties = nil
	taken := map[int]bool{}
	for _, fp := range f.parties {
		p := articles.Party{Party: party.Party{Name: fp.name, Kind: fp.kind}}
		forms := append([]string(nil), fp.forms...)
		sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
		for _, form := range forms {
			for i := 0; ; {
				j := strings.Index(text[i:], form)
				if j < 0 {
					break
				}
				s := i + j
				e := s + len(form)
				i = e
				if !wordEdge(text, s, e) || taken[s] {
					continue
				}
				taken[s] = true
				p.Mentions = append(p.Mentions, doc.Span{Start: s, End: e})
			}
		}
		sort.Slice(p.Mentions, func(i, j int) bool { return p.Mentions[i].Start < p.Mentions[j].Start })
		for _, q := range a.Quotes {
			if q.Kind == quote.Direct && q.Speaker == fp.name {
				p.Quoted++
			}
		}
		a.Parties = append(a.Parties, p)
	}
	return nil
}

func isMark(r rune) bool { return strings.ContainsRune("\"“”'‘’«»„", r) }

func wordEdge(text string, s, e int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	if s > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(text[e:])
	return e == len(text) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// fixtureLoad reads a test article and annotates it.
func fixtureLoad(path string) (*articles.Article, error) {
	a, err := articles.Load(path)
	if err != nil {
		return nil, err
	}
	if err := annotate(a); err != nil {
		return nil, err
	}
	a.ModTime = testNow.Add(-30 * 24 * time.Hour) // not the checkout's time
	return a, nil
}

// testNow is the clock of the model's tests.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Style: "notty", Dark: true, Profile: termenv.Ascii, Now: func() time.Time { return testNow }}
}

// setup fixes what the screens' text depends on.
func setup(t testing.TB) {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
}

// newTest returns a model over paths with the fixture loader and a
// recording clipboard.
func newTest(t testing.TB, opts Options, paths ...string) (Model, *[]string) {
	t.Helper()
	setup(t)
	opts.Paths = paths
	m := New(opts)
	m.load = fixtureLoad
	copied := &[]string{}
	m.copy = func(s string) error { *copied = append(*copied, s); return nil }
	return m, copied
}

// loaded returns the model over testdata/articles with the folder read: it
// runs the loading messages through Update itself, so that the tests that
// follow start from a known, finished list.
func loaded(t testing.TB, opts Options) (Model, *[]string) {
	t.Helper()
	m, copied := newTest(t, opts, "testdata/articles")
	l, next := startLoad(m.paths, m.load)
	m.loader = l
	for m.loading {
		nm, _ := m.Update(next())
		m = nm.(Model)
	}
	m.spinning = false
	if len(m.skipped) > 0 {
		t.Fatalf("fixtures failed to load: %v", m.skipped)
	}
	return m, copied
}

// fixtureArticle reads and annotates one test article.
func fixtureArticle(t testing.TB, name string) *articles.Article {
	t.Helper()
	a, err := fixtureLoad(filepath.Join("testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// keyMsg returns the key message for a key name: "enter", "tab", "esc",
// "up", "down", "ctrl+c", or runes.
func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}
