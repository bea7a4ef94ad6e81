package party

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// nextTokens reads text[start:end] with next, the general path, marking
// sentence starts as appendTokens does: the reference appendTokens' fast
// path must match.
func nextTokens(text string, start, end int, l *lists) []token {
	var z tokenizer
	z.reset(text, start, end)
	z.l = l
	var toks []token
	for {
		t, ok := z.next()
		if !ok {
			return toks
		}
		if t.is(fWord) && opensSentence(text, toks) {
			t.f |= fSent
		}
		if l != nil {
			t.lex = l.lexIndex(text[t.s:t.b])
			t.cls = l.lexes[t.lex].cls
		}
		toks = append(toks, t)
	}
}

// tokenTexts are texts that steer the tokenizer down each of its paths.
var tokenTexts = []string{
	"",
	"word",
	"\n\nNATO's U.S. envoy met Ursula von der Leyen in Kyiv.\n",
	"Mr. Smith, St. Mary's Co. and J. R. R. Tolkien (U.N.) said: 'It's over.'",
	"http://example.com/x and www.example.org, xhttp://no (see [link](https://a.b/c) and [](",
	"al-Assad d'Alema l'Aquila O'Neill rules-based F-16 COP29 G7 NGOs MPs Matrix-M X-ray plan B",
	"Ärzte in München: Jürgen Müller’s Straße, Malmö FF\u00a0Bosnia\u2028Herzegovina — ‘quote’ DEF’S",
	"A\nB\n\nC  \t D\r\nE\v\fF 123abc abc123 ABC123 A1B2 a.b. U.S.-led e.g. i.e. No. 5",
	"\xff\xfeNATO\x00 U.S.\u2028Russia's\u0301 — \"Given\" the U. S. A.-led von",
	"word' word- 'word -word word'' word--word WORD'S Word’s Word's's",
}

func TestAppendTokensMatchesNext(t *testing.T) {
	texts := slices.Clone(tokenTexts)
	files, _ := filepath.Glob("testdata/parties/*.txt")
	files = append(files, "testdata/seed-article.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), strings.ToUpper(string(b)))
	}
	l := getLists()
	for _, text := range texts {
		checkTokens(t, text, 0, len(text), l)
		// Ranges that start and end inside words and mid-rune.
		for _, cut := range []int{1, 2, 3, 7} {
			if len(text) > 2*cut {
				checkTokens(t, text, cut, len(text)-cut, l)
			}
		}
	}
}

// checkTokens fails t when appendTokens and next read text[start:end]
// differently.
func checkTokens(t *testing.T, text string, start, end int, l *lists) {
	t.Helper()
	want := nextTokens(text, start, end, l)
	var z tokenizer
	z.reset(text, start, end)
	z.l = l
	// A dirty buffer too small for the text: appendTokens must overwrite
	// every field and grow it.
	buf := make([]token, 3, 4)
	for i := range buf {
		buf[i] = token{s: 9, e: 9, b: 9, f: ^tflag(0), r: 'x', cls: 7, lex: 7}
	}
	got := z.appendTokens(buf[:0])
	l.classify(text, got)
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("text %.40q [%d:%d]: token %d: got %+v %q, want %+v %q", text, start, end, i, got[i], text[got[i].s:got[i].e], want[i], text[want[i].s:want[i].e])
			}
		}
		t.Fatalf("text %.40q [%d:%d]: got %d tokens, want %d", text, start, end, len(got), len(want))
	}
	breaks := 0
	for i := range want {
		if want[i].is(fNewline) {
			breaks++
		}
	}
	if z.breaks < breaks {
		t.Fatalf("text %.40q [%d:%d]: %d breaks counted, want %d or more", text, start, end, z.breaks, breaks)
	}
}

// FuzzTokens checks that appendTokens reads any text as next does.
func FuzzTokens(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	l := getLists()
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, 0, len(text), l)
	})
}
