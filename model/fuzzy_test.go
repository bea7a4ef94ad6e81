package model

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"byline/articles"
	"byline/articles/party"
	"byline/ui"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in    string
		party string
		terms string
	}{
		{"", "", ""},
		{"  nato  summit ", "", "nato|summit"},
		{"party:Russia", "Russia", ""},
		{"PARTY:Russia ukraine", "Russia", "ukraine"},
		{`party:"Bujar Osmani" talks`, "Bujar Osmani", "talks"},
		{`talks party:"Bujar Osmani`, "Bujar Osmani", "talks"},
		{"Frost party:Kent", "Kent", "frost"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q := parseQuery(tt.in)
			if q.party != tt.party || strings.Join(q.terms, "|") != tt.terms {
				t.Errorf("parseQuery(%q) = party %q terms %q, want %q %q", tt.in, q.party, q.terms, tt.party, tt.terms)
			}
			if again := parseQuery(q.String()); again.party != q.party || strings.Join(again.terms, "|") != strings.Join(q.terms, "|") {
				t.Errorf("String() = %q does not parse back to the same query", q.String())
			}
		})
	}
}

func TestFuzzyScore(t *testing.T) {
	tests := []struct {
		pattern, hay string
		ok           bool
	}{
		{"frost", "late frost takes a third of the kent apple crop", true},
		{"frst", "late frost takes a third", true},
		{"ecomm", "tram line · european commission", true},
		{"ec", "tram line · european commission", true}, // initials
		{"nato", "nato allies meet · russia", true},
		{"brdr", "talks on the border crossing", true},
		{"thbrdr", "talks on the border crossing", true},
		{"brdrx", "talks on the border crossing", false},
		{"frost", "port strike ends as dockers accept a six per cent offer · maria costa · rui lopes", false},
		{"xyz", "late frost", false},
		{"", "anything", true},
		{"über", "lkw-maut: über die grenze", true},
	}
	for _, tt := range tests {
		if _, ok := fuzzyScore(tt.pattern, tt.hay); ok != tt.ok {
			t.Errorf("fuzzyScore(%q, %q) ok = %v, want %v", tt.pattern, tt.hay, ok, tt.ok)
		}
	}
	// Ranking: a word start and a run beat a scattered match.
	word, _ := fuzzyScore("nato", "summit · nato")
	inner, _ := fuzzyScore("nato", "senator · obama")
	if word <= inner {
		t.Errorf("score of a whole word %d should beat a match inside words %d", word, inner)
	}
	prefix, _ := fuzzyScore("port", "port strike ends")
	later, _ := fuzzyScore("port", "the report ends")
	if prefix <= later {
		t.Errorf("prefix %d should beat a later, mid-word match %d", prefix, later)
	}
}

// libOf builds a library of articles with the given titles and parties.
func libOf(entries map[string][]string) *library {
	lib := newLibrary()
	var arts []*articles.Article
	for path, ps := range entries {
		a := &articles.Article{Path: path}
		a.Meta.Title = ps[0]
		for _, p := range ps[1:] {
			a.Parties = append(a.Parties, articles.Party{Party: party.Party{Name: p, Kind: party.Country}})
		}
		arts = append(arts, a)
	}
	lib.add(arts)
	return lib
}

func paths(items []*item) string {
	var s []string
	for _, it := range items {
		s = append(s, it.path)
	}
	return strings.Join(s, " ")
}

func TestFilterItems(t *testing.T) {
	lib := libOf(map[string][]string{
		"a.txt": {"Talks in Geneva stall", "Russia", "Ukraine"},
		"b.txt": {"Harvest report", "Ukraine", "Poland"},
		"c.txt": {"Russia sends envoy", "Russia", "China"},
		"d.txt": {"Local election results"},
	})
	tests := []struct {
		q    string
		want string
	}{
		{"", "a.txt b.txt c.txt d.txt"},
		{"party:Russia", "a.txt c.txt"},
		{"party:russia", "a.txt c.txt"}, // case-insensitive
		{"party:Ukraine harvest", "b.txt"},
		{"party:Nowhere", ""},
		{"ukraine", "a.txt b.txt"}, // parties are matched too
		{"russia", "c.txt a.txt"},  // title start ranks first
		{"elect", "d.txt"},
		{"talks russia", "a.txt"}, // every term must match
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := paths(filterItems(lib, parseQuery(tt.q))); got != tt.want {
				t.Errorf("filter %q = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}

func TestLibraryMergeAndIndex(t *testing.T) {
	lib := newLibrary()
	batch := func(ps ...string) {
		var arts []*articles.Article
		for _, p := range ps {
			a := &articles.Article{Path: p}
			a.Parties = []articles.Party{{Party: party.Party{Name: "NATO"}}}
			arts = append(arts, a)
		}
		lib.add(arts)
	}
	batch("m.txt", "c.txt")
	batch("z.txt", "a.txt", "n.txt")
	batch("zz.txt")
	if got := paths(lib.items); got != "a.txt c.txt m.txt n.txt z.txt zz.txt" {
		t.Errorf("items = %s, want path order", got)
	}
	if n := len(lib.naming("nato")); n != 6 {
		t.Errorf("naming(nato) = %d items, want 6", n)
	}
	it := lib.items[0]
	b := &articles.Article{Path: it.path}
	b.Parties = []articles.Party{{Party: party.Party{Name: "OSCE"}}}
	lib.replace(it, b)
	if n := len(lib.naming("NATO")); n != 5 {
		t.Errorf("after replace naming(NATO) = %d, want 5", n)
	}
	if !lib.naming("osce")[it] {
		t.Error("replaced article not indexed under its new party")
	}
}

func TestListKeepsChosenRow(t *testing.T) {
	lib := newLibrary()
	l := newList(nil, nil, lib, "x")
	add := func(ps ...string) {
		var arts []*articles.Article
		for _, p := range ps {
			arts = append(arts, &articles.Article{Path: p})
		}
		lib.add(arts)
		l.refilter()
	}
	add("m.txt")
	add("a.txt") // rows arriving above: the cursor stays on the first row
	if l.selected().path != "a.txt" {
		t.Errorf("before any move the first row should be selected, got %s", l.selected().path)
	}
	l.move(1) // m.txt
	add("b.txt", "c.txt")
	if l.selected().path != "m.txt" {
		t.Errorf("after a move the chosen row should stay selected, got %s", l.selected().path)
	}
}

func TestBigListFiltersOnPause(t *testing.T) {
	lib := newLibrary()
	var arts []*articles.Article
	for i := range filterBig + 10 {
		a := &articles.Article{Path: fmt.Sprintf("%05d.txt", i)}
		a.Meta.Title = fmt.Sprintf("story %d", i)
		if i == 77 {
			a.Meta.Title = "the frost report"
		}
		arts = append(arts, a)
	}
	lib.add(arts)
	st := ui.DefaultStyles(true)
	l := newList(&st, func() time.Time { return time.Time{} }, lib, "x")
	l.keys = ui.DefaultKeyMap().For(ui.KeyContext{Screen: ui.ListScreen, Typing: true})
	l.typing = true
	l.input.Focus()
	var cmd tea.Cmd
	for _, r := range "frost" {
		l, cmd = l.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if len(l.visible) != len(lib.items) || cmd == nil {
		t.Fatalf("a big list should not filter on each key (visible %d)", len(l.visible))
	}
	l, _ = l.Update(filterMsg{seq: l.filterSeq - 1})
	if len(l.visible) != len(lib.items) {
		t.Error("a stale pause applied the filter")
	}
	l, _ = l.Update(filterMsg{seq: l.filterSeq})
	if len(l.visible) != 1 || l.visible[0].path != "00077.txt" {
		t.Errorf("after the pause: %d rows", len(l.visible))
	}
	// enter applies a filter still waiting for its pause.
	l, _ = l.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	l, _ = l.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'t'}})
	l.input.SetValue("story 12")
	l, _ = l.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if l.typing || len(l.q.terms) != 2 || len(l.visible) == 0 || !strings.HasPrefix(l.visible[0].row.Title, "story 12") {
		t.Errorf("enter should apply the typed filter at once (typing %v, terms %v, %d rows)", l.typing, l.q.terms, len(l.visible))
	}
}
