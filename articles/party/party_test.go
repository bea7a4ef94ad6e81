package party

import (
	"os"
	"slices"
	"strings"
	"testing"

	"byline/articles/doc"
)

// blocksOf splits text into blocks at blank lines, giving each the kind
// named by the prefix "@kind " on its first line (the prefix stays in the
// text, two spaces long marks are removed first by the caller); blocks
// without one are Body.
func linesAsBlocks(text string, kinds map[int]doc.Kind) []doc.Block {
	var bs []doc.Block
	start := 0
	n := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end > start {
			k, ok := kinds[n]
			if !ok {
				k = doc.Body
			}
			bs = append(bs, doc.Block{Span: doc.Span{Start: start, End: end}, Kind: k})
			n++
		}
		start = end + 1
	}
	return bs
}

func find(ps []Party, name string) *Party {
	for i := range ps {
		if ps[i].Name == name || slices.Contains(ps[i].Aliases, name) {
			return &ps[i]
		}
	}
	return nil
}

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	// Non-empty lines: 0 headline, 1 caption, 2 credit, …, last boilerplate.
	kinds := map[int]doc.Kind{0: doc.Headline, 1: doc.Caption, 2: doc.Credit}
	blocks := linesAsBlocks(text, kinds)
	blocks[len(blocks)-1].Kind = doc.Boilerplate
	ps := Extract(text, blocks)
	want := []struct {
		name   string
		kind   Kind
		credit bool
		alias  []string
	}{
		{"NATO", Organization, false, nil},
		{"Russia", Country, false, []string{"Russian", "Russia's"}},
		{"Ukraine", Country, false, []string{"Ukrainian", "Ukrainians"}},
		{"Belarus", Country, false, nil},
		{"Finland", Country, false, nil},
		{"Sweden", Country, false, nil},
		{"Bosnia and Herzegovina", Country, false, nil},
		{"Georgia", Country, false, nil},
		{"Moldova", Country, false, nil},
		{"North Macedonia", Country, false, []string{"Macedonian"}},
		{"Bujar Osmani", Person, false, nil},
		{"Bucharest", Place, false, nil},
		{"Madrid", Place, true, nil},
		{"EPA-EFE", Organization, true, nil},
		{"JuanJo Martin", Person, true, nil},
	}
	for _, w := range want {
		p := find(ps, w.name)
		if p == nil {
			t.Errorf("party %q not found", w.name)
			continue
		}
		if p.Name != w.name || p.Kind != w.kind || p.CreditOnly != w.credit {
			t.Errorf("party %q: got name %q kind %s creditOnly %v, want kind %s creditOnly %v", w.name, p.Name, p.Kind, p.CreditOnly, w.kind, w.credit)
		}
		for _, a := range w.alias {
			if !slices.Contains(p.Aliases, a) {
				t.Errorf("party %q: aliases %q lack %q", w.name, p.Aliases, a)
			}
		}
	}
	for _, bad := range []string{"Video", "Statement", "Heads", "Given", "Allies", "Family", "Summit", "Free Press", "Euro-Atlantic", "Foreign Ministers"} {
		if p := find(ps, bad); p != nil {
			t.Errorf("%q is no party, got %+v", bad, *p)
		}
	}
	if nato := find(ps, "NATO"); nato != nil {
		// NATO allies (headline), NATO in caption, NATO foreign ministers, …, and "the Alliance" twice.
		if got := len(nato.Mentions); got < 10 {
			t.Errorf("NATO mentions: got %d, want at least 10", got)
		}
		if !slices.Contains(nato.Aliases, "Alliance") {
			t.Errorf("NATO aliases %q lack the Alliance", nato.Aliases)
		}
	}
	checkValid(t, text, ps)
}

// checkValid asserts the contract of Extract's result.
func checkValid(t *testing.T, text string, ps []Party) {
	t.Helper()
	bounds := runeBounds(text)
	prev := -1
	for _, p := range ps {
		if p.Name == "" || len(p.Mentions) == 0 {
			t.Fatalf("party %+v: empty name or no mentions", p)
		}
		if p.Mentions[0].Start < prev {
			t.Errorf("party %q: not in order of first mention", p.Name)
		}
		prev = p.Mentions[0].Start
		last := -1
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("party %q: span %v outside text of %d bytes", p.Name, m, len(text))
			}
			if !bounds[m.Start] || !bounds[m.End] {
				t.Fatalf("party %q: span %v not on rune boundaries", p.Name, m)
			}
			if m.Start < last {
				t.Fatalf("party %q: mentions out of order or overlapping at %v", p.Name, m)
			}
			last = m.End
		}
		if slices.Contains(p.Aliases, p.Name) {
			t.Errorf("party %q: aliases %q contain the name", p.Name, p.Aliases)
		}
	}
}

// TestIsCommon checks the prefix-indexed look-up against a plain search.
func TestIsCommon(t *testing.T) {
	l := getLists()
	for i := range l.words.len() {
		if i%7 != 0 {
			continue
		}
		w := l.words.at(i)
		if !l.isCommon(w) || w[0] < 0x80 && !l.isCommon(strings.ToUpper(w[:1])+w[1:]) {
			t.Fatalf("isCommon(%q): got false, want true", w)
		}
	}
	for _, w := range []string{"osmani", "Zelensky", "NATO", "", "zzzz", "Ärzte", "q", "x-ray-ish"} {
		got := l.isCommon(w)
		lw := strings.ToLower(w)
		want := false
		for i := range l.words.len() {
			if l.words.at(i) == lw {
				want = true
			}
		}
		if got != want {
			t.Errorf("isCommon(%q): got %v, want %v", w, got, want)
		}
	}
}

// TestExtractResultsOutliveCalls checks that a result shares no memory
// with the buffers Extract keeps for its next calls: later calls, also
// from other goroutines, leave it as it was.
func TestExtractResultsOutliveCalls(t *testing.T) {
	data, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	got := Extract(text, nil)
	want := Extract(strings.Clone(text), nil)
	other := strings.Repeat("Jane Doe of the Vireo Telecom Group told Reuters in Nairobi. ", 40)
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 20 {
				Extract(other, nil)
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if len(got) == 0 || !slices.EqualFunc(got, want, func(a, b Party) bool {
		return a.Name == b.Name && a.Kind == b.Kind && a.CreditOnly == b.CreditOnly &&
			slices.Equal(a.Aliases, b.Aliases) && slices.Equal(a.Mentions, b.Mentions)
	}) {
		t.Fatalf("result changed by later calls:\ngot  %v\nwant %v", got, want)
	}
}

// TestNameHelpers checks the allocation-free helpers of parties against
// the standard library functions they stand in for.
func TestNameHelpers(t *testing.T) {
	refInitials := func(name string) string {
		var b strings.Builder
		for _, w := range strings.Fields(name) {
			if w[0] >= 'A' && w[0] <= 'Z' {
				b.WriteByte(w[0])
			}
		}
		if b.Len() < 2 {
			return ""
		}
		return b.String()
	}
	for _, name := range []string{
		"", "Osmani", "Bujar Osmani", "Bharatiya Janata Party", "  Red  Cross ", "Yoon Suk\tYeol",
		"Ärzte ohne Grenzen", "Jean\u00a0Dupont", "Lajčák Miroslav Lajčák", "a B c D", "Council of Europe\n",
		"X\u2003Y Z", "\xffBad Name",
	} {
		t.Run(name, func(t *testing.T) {
			words := appendFields(nil, name)
			if want := strings.Fields(name); !slices.Equal(words, want) {
				t.Errorf("appendFields(%q) = %q, want %q", name, words, want)
			}
			if got, want := string(appendInitials(nil, name)), refInitials(name); got != want {
				t.Errorf("appendInitials(%q) = %q, want %q", name, got, want)
			}
			if got, want := string(appendLower(nil, name)), strings.ToLower(name); got != want {
				t.Errorf("appendLower(%q) = %q, want %q", name, got, want)
			}
			for k := 1; k < len(words); k++ {
				if got, ok := joinedTail(name, words, k); ok {
					if want := strings.Join(words[len(words)-k:], " "); got != want {
						t.Errorf("joinedTail(%q, %d) = %q, want %q", name, k, got, want)
					}
				}
			}
		})
	}
}
