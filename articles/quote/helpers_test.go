package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"byline/articles/doc"
)

// The fast paths below must answer exactly as the plain code they replace.

func TestAppendHits(t *testing.T) {
	// describedIn tries the hits from the last back, each ending before the
	// one tried before it: the hits strings.LastIndex finds searching back
	for _, c := range []struct {
		s, t     string
		from, to int
	}{
		{"", "mayor", 0, 0}, {"mayor", "mayor", 0, 5}, {"the mayor and the Mayor and the mayor.", "mayor", 0, 38},
		{"the mayor and the mayor", "mayor", 5, 23}, {"the mayor and the mayor", "mayor", 0, 22},
		{"mayormayor", "mayor", 0, 10}, {"aaaa", "aa", 0, 4}, {"aaaaa", "aa", 1, 5}, {"no title here", "mayor", 0, 13},
		{"Bürgermeister", "ürger", 0, 14},
	} {
		var want []int
		for end := c.to; end > c.from; {
			h := strings.LastIndex(c.s[c.from:end], c.t)
			if h < 0 {
				break
			}
			want = append(want, c.from+h)
			end = c.from + h
		}
		var got []int
		hits := appendHits(nil, c.s, c.from, c.to, c.t)
		for k, end := len(hits)-1, c.to; k >= 0; k-- {
			if hits[k]+len(c.t) <= end {
				got = append(got, hits[k])
				end = hits[k]
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("hits of %q in %q[%d:%d] = %v, want %v", c.t, c.s, c.from, c.to, got, want)
		}
	}
}

func TestCapitalBytes(t *testing.T) {
	// every byte value in every position of a block of each filler
	for _, fill := range []string{"abcdefgh", "ABCDEFGH", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f", "\xff\xff\xff\xff\xff\xff\xff\xff", "@[`{@[`{"} {
		for pos := 0; pos < 8; pos++ {
			for b := 0; b < 256; b++ {
				s := []byte(fill)
				s[pos] = byte(b)
				var want uint64
				for k, c := range s {
					if 'A' <= c && c <= 'Z' || c >= 0x80 {
						want |= 0x80 << (8 * k)
					}
				}
				if got := capitalBytes(load64(string(s), 0)); got != want {
					t.Fatalf("capitalBytes(%q) = %#x, want %#x", s, got, want)
				}
			}
		}
	}
}

func TestWordRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := wordRune(r); got != want {
			t.Fatalf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestCapital(t *testing.T) {
	for _, w := range []string{"", "a", "A", "Z", "[", "@", "Étienne", "état", "Ωmega", "\xff", "1st"} {
		r := []rune(w + " ")[0]
		if got, want := capital(w), w != "" && unicode.IsUpper(r); got != want {
			t.Errorf("capital(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestLowerAndLookup(t *testing.T) {
	for _, c := range []struct {
		w     string
		lower string
		lists class
	}{
		{"said", "said", inCues},
		{"Said", "said", inCues},
		{"THE", "the", inDeterminers | inOrgs},
		{"Minister", "minister", inTitles | inOrgs},
		{"Osmani", "osmani", 0},
		{"SÄGER", "säger", inCues},
		{"Bürgermeister", "bürgermeister", inTitles},
		{"İt", "it", inPronouns}, // U+0130 lowers to an ASCII i
	} {
		if got := lower(c.w); got != c.lower {
			t.Errorf("lower(%q) = %q, want %q", c.w, got, c.lower)
		}
		wantKnown := c.lower
		if c.lists == 0 && c.w != c.lower {
			wantKnown = "" // an unknown word that is not lower case already
		}
		if got := known(c.w); got != wantKnown {
			t.Errorf("known(%q) = %q, want %q", c.w, got, wantKnown)
		}
		if _, got := lookup(c.w); got&c.lists != c.lists {
			t.Errorf("lookup(%q) lists = %b, want at least %b", c.w, got, c.lists)
		}
	}
	// asciiLists lowers ASCII letters only, as the rules always have
	if got := asciiLists("SÄGER"); got != 0 {
		t.Errorf("asciiLists(SÄGER) = %b, want none", got)
	}
	if got := asciiLists("The"); got&inDeterminers == 0 {
		t.Errorf("asciiLists(The) = %b, want determiners", got)
	}
}

func TestHasLowerSuffix(t *testing.T) {
	for _, w := range []string{"quickly", "QUICKLY", "Italy", "ly", "y", "", "fåmily", "SPEAKİNG", "speaking"} {
		for _, suf := range []string{"ly", "ing", "s"} {
			if got, want := hasLowerSuffix(w, suf), strings.HasSuffix(lower(w), suf); got != want {
				t.Errorf("hasLowerSuffix(%q, %q) = %v, want %v", w, suf, got, want)
			}
		}
	}
}

func TestMaxAbbrev(t *testing.T) {
	for w := range abbrevs {
		if len(w) > maxAbbrev {
			t.Errorf("abbreviation %q is longer than maxAbbrev (%d): abbrevBefore would miss it", w, maxAbbrev)
		}
	}
}

// countWordsPlain is countWords as first written, rune by rune.
func countWordsPlain(s string) (int, bool) { return countWordsPlainUpTo(s, 12) }

// countWordsPlainUpTo is countWordsPlain stopping past limit words.
func countWordsPlainUpTo(s string, limit int) (int, bool) {
	n, in, title, start := 0, false, true, 0
	word := func(i int) {
		n++
		if w := s[start:i]; len(w) >= 4 && !capital(w) {
			title = false
		}
	}
	for i, r := range s {
		if isLetter(r) || isDigit(r) || r == '\'' || r == '’' || r == '-' {
			if !in {
				start = i
			}
			in = true
			continue
		}
		if in {
			word(i)
			if n > limit {
				return n, title
			}
		}
		in = false
	}
	if in {
		word(len(s))
	}
	return n, title
}

func TestCountWords(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	cases := []string{"", "a", "The Big Short", "rock 'n' roll", "Anna’s café, 12-year-old", "\xff\xfeword", "word\xff", "Ça Va Très Bien"}
	for i := 0; i+1 < len(text); i += 97 {
		cases = append(cases, text[i:min(len(text), i+1+i%160)])
	}
	for _, s := range cases {
		n, title := countWords(s)
		wn, wtitle := countWordsPlain(s)
		if n != wn || title != wtitle {
			t.Fatalf("countWords(%q) = %d, %v, want %d, %v", s, n, title, wn, wtitle)
		}
		for limit := 0; limit <= 13; limit++ {
			n, title := countWordsUpTo(s, limit)
			wn, wtitle := countWordsPlainUpTo(s, limit)
			if n != wn || title != wtitle {
				t.Fatalf("countWordsUpTo(%q, %d) = %d, %v, want %d, %v", s, limit, n, title, wn, wtitle)
			}
		}
	}
}

func TestFoldTable(t *testing.T) {
	for w, e := range vocabulary {
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			want := vocabulary[string(lowerInto(nil, form))] // ASCII capitals lowered only
			if got := vocabularyFold.find(form); got != want {
				t.Errorf("find(%q) = %v, want %v", form, got, want)
			}
		}
		if got := vocabularyFold.find(w); got != e {
			t.Errorf("find(%q) = %v, want %v", w, got, e)
		}
	}
	for _, w := range []string{"", "Osmani", "saidx", "sai", "thé", "ministerr", "\xff"} {
		if got := vocabularyFold.find(w); got != (entry{}) {
			t.Errorf("find(%q) = %v, want none", w, got)
		}
	}
}

func TestMayEndSentence(t *testing.T) {
	for _, fill := range []string{"abcdefgh", "        ", "\x00\x00\x00\x00\x00\x00\x00\x00", "\xff\xff\xff\xff\xff\xff\xff\xff", "-/>@-/>@"} {
		for pos := 0; pos < 8; pos++ {
			for b := 0; b < 256; b++ {
				s := []byte(fill)
				s[pos] = byte(b)
				want := strings.ContainsAny(string(s), ".!?")
				if got := mayEndSentence(load64(string(s), 0)); got != want {
					t.Fatalf("mayEndSentence(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func TestFoldHashASCII(t *testing.T) {
	for _, w := range []string{"", "said", "Said", "SAID", "säger", "Säger", "x\xff", "a-b.c'd"} {
		h, ascii, clean := foldHashASCII(w)
		if h != foldHash(w) || ascii != isASCII(w) || clean != isLower(w) {
			t.Errorf("foldHashASCII(%q) = %d, %v, %v, want %d, %v, %v", w, h, ascii, clean, foldHash(w), isASCII(w), isLower(w))
		}
	}
}

func TestCandidateBytes(t *testing.T) {
	for _, fill := range []string{"abcdefgh", "        ", "!!!!!!!!", "((((((((", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"} {
		for pos := 0; pos < 8; pos++ {
			for b := 0; b < 256; b++ {
				s := []byte(fill)
				s[pos] = byte(b)
				got := candidateBytes(load64(string(s), 0))
				for k, c := range s {
					marked := got&(0x80<<(8*k)) != 0
					if candidate[c] && !marked {
						t.Fatalf("candidateBytes(%q) misses candidate byte %d (%#x)", s, k, c)
					}
					if want := c >= 0x80 || '"' <= c && c <= '\''; marked != want {
						t.Fatalf("candidateBytes(%q) byte %d (%#x): marked %v, want %v", s, k, c, marked, want)
					}
				}
				if got&^(0x8080808080808080) != 0 {
					t.Fatalf("candidateBytes(%q) = %#x sets bits other than top bits", s, got)
				}
			}
		}
	}
}

// wordsPlain is the tokenizer as first written, every token through the
// general path.
func wordsPlain(text string, from, to, limit int, buf []tok) []tok {
	out := buf[:0]
	to = min(to, len(text))
	window := text[:to] // no token reads past to
	i := max(from, 0)
	for i < to && len(out) < limit {
		if c := window[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		r, n := decode(text, i, to)
		switch c := window[i]; {
		case wordByte[c] || c >= utf8.RuneSelf && wordRune(r):
			j := i + n
			for j < len(window) {
				if c := window[j]; wordByte[c] {
					j++
					continue
				} else if c < utf8.RuneSelf {
					if c != '\'' && c != '-' && c != '.' {
						break // the common case: a space or a mark ends the word
					}
				}
				r2, n2 := decode(text, j, to)
				if wordRune(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '‑' {
					if r3, n3 := decode(text, j+n2, to); j+n2 < to && (isLetter(r3) || isDigit(r3)) {
						j += n2 + n3
						continue
					}
				}
				break
			}
			if j < to && text[j] == '.' && abbrevBefore(text, i, j) {
				j++
			} else if j > i && (text[j-1] == 's' || text[j-1] == 'S') {
				// a plural possessive: "the farmers' lobby"
				if r2, n2 := decode(text, j, to); r2 == '\'' || r2 == '’' {
					if r3, _ := decode(text, j+n2, to); j+n2 < to && isSpace(r3) {
						if r4, _ := decode(text, j+n2+1, to); isLetter(r4) && !capital(string(r4)) {
							j += n2
						}
					}
				}
			}
			out = append(out, tok{s: i, e: j})
			i = j
		case isSpace(r):
			i += n
		default:
			p := byte('o')
			switch {
			case r < utf8.RuneSelf && (r == ',' || r == '.' || r == ';' || r == ':' || r == '!' || r == '?' || r == '(' || r == ')'):
				p = byte(r)
			case r == '…':
				p = '.'
			case isDash(r) || r == '-':
				p = '-'
			case glyphOf(r).fam != famNone:
				p = 'q'
			case r == '&':
				if _, m := entityAt(text, i, to); m > 0 {
					p, n = 'q', m
				}
			}
			out = append(out, tok{s: i, e: i + n, p: p})
			i += n
		}
	}
	return out
}

func TestWordsFastPath(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	cases := []string{"", "a", "Mr. Smith's", "the farmers' lobby", "U.S.-led", "so-called", "it’s", "Ça va, «très» bien…",
		"&quot;Yes&quot; &#8220;no", "word\xff", "\xffword", "tab\there", "e.g. 5'11\" 12-", "A.", "J. R. R.", "Anna‑Lena", "x\u00a0y"}
	for i := 0; i+1 < len(text); i += 89 {
		cases = append(cases, text[i:min(len(text), i+1+i%300)])
	}
	for _, s := range cases {
		for _, limit := range []int{1, 3, 28, 1 << 30} {
			for from := 0; from <= min(len(s), 3); from++ {
				for _, to := range []int{len(s), len(s) - 1, len(s) + 2} {
					if to < 0 {
						continue
					}
					got := words(s, from, to, limit, nil)
					want := wordsPlain(s, from, to, limit, nil)
					if !slices.Equal(got, want) {
						t.Fatalf("words(%q, %d, %d, %d) = %v, want %v", s, from, to, limit, got, want)
					}
				}
			}
		}
	}
}

func TestSurnameIndex(t *testing.T) {
	text, _ := goldCorpus(t, 16<<10)
	var s surnameIndex
	want := map[string]string{}
	ws := strings.Fields(text)
	for i, w := range ws {
		if i%5 == 0 {
			s.set(w, ws[max(0, i-1)])
			want[w] = ws[max(0, i-1)]
		}
		for _, q := range []string{w, ws[i/2], "", "x"} {
			if got := s.get(q); got != want[q] {
				t.Fatalf("after %d words get(%q) = %q, want %q", i, q, got, want[q])
			}
		}
	}
}

func TestAfterClause(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	var full, short [28]tok
	for from := 0; from < len(text); from++ {
		if !utf8.RuneStart(text[from]) {
			continue
		}
		to := min(len(text), from+320)
		for _, loose := range []bool{false, true} {
			a1, ok1 := afterTokens(text, words(text, from, to, 28, full[:]), loose)
			a2, ok2 := afterTokens(text, clauseWords(text, from, to, 28, short[:]), loose)
			if a1 != a2 || ok1 != ok2 {
				t.Fatalf("after %q: on the clause %v, %v, want %v, %v as on all the tokens", text[from:min(to, from+60)], a2, ok2, a1, ok1)
			}
		}
	}
}

// elisionPlain is elision as first written, with a lowered copy.
func elisionPlain(text string, i, end int, first rune) bool {
	j := i
	for j < end && j-i < 6 && asciiLetter(text[j]) {
		j++
	}
	w := string(first) + text[i:j]
	switch toLowerASCII(w) {
	case "n", "em", "til", "tis", "twas", "cause", "cos", "bout", "kay", "im", "er", "ere", "s":
		return true
	}
	return false
}

func toLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func TestElision(t *testing.T) {
	text := "'n' 'N' 'em 'EM 'til 'Tis 'twas 'cause 'cos 'bout 'kay 'im 'er 'ere 's 'S 'x 'nn 'emm 'causes 'é '5 ' n 'Bout' 'TWAS! 'c"
	for i := range len(text) + 1 {
		for _, first := range []rune{'n', 'N', 'e', 'T', 'c', 'b', 'k', 'i', 's', 'x', '5', ' ', 'é', 'É', -1, utf8.RuneError, 'z' + 1, 'A' - 1, 'a' + 256} {
			for _, end := range []int{len(text), min(len(text), i+2)} {
				if end < i {
					continue
				}
				if got, want := elision(text, i, end, first), elisionPlain(text, i, end, first); got != want {
					t.Fatalf("elision(%q, %q) = %v, want %v", text[i:end], first, got, want)
				}
			}
		}
	}
}

func TestShapeFilter(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	ws := strings.Fields(text)
	for w := range vocabulary {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	ws = append(ws, "SAİD", "saİd", "İt", "", "\xff")
	for _, w := range ws {
		_, lists := lookup(w)
		if lists&inCues != 0 && !cueShapes.may(w) {
			t.Errorf("cueShapes.may(%q) = false for a cue word", w)
		}
		if lists&inTitles != 0 && !titleShapes.may(w) {
			t.Errorf("titleShapes.may(%q) = false for a title word", w)
		}
		if asciiLists(w)&inOrgs != 0 && !orgShapes.may(w) {
			t.Errorf("orgShapes.may(%q) = false for an organisation word", w)
		}
	}
	if cueShapes.may("the") || titleShapes.may("Kurti") {
		t.Errorf("the filters let through words of shapes no word of theirs has")
	}
}

// TestApostropheSkip checks what scanText's skip of apostrophes relies on:
// classify finds no mark in a word's apostrophe or a foot mark.
func TestApostropheSkip(t *testing.T) {
	for p := 0; p < utf8.RuneSelf; p++ {
		for n := 0; n <= utf8.RuneSelf; n++ {
			text := string(rune(p)) + "'" + string(rune(n))
			if n == utf8.RuneSelf {
				text = text[:2] // the mark ends the paragraph
			}
			skip := asciiLetter(byte(p)) && len(text) == 3 && asciiLetter(byte(n)) || '0' <= p && p <= '9'
			if !skip {
				continue
			}
			s := &scanner{text: text, para: doc.Span{Start: 0, End: len(text)}}
			if got := s.classify('\'', 1, 2); got != roleNone {
				t.Errorf("classify(%q) = %v, want roleNone", text, got)
			}
		}
	}
}

// commonWordPlain is commonWord as first written, a look-up per rule.
func commonWordPlain(w string) bool {
	if asciiLists(w)&(inDeterminers|inStops|inCues|inPronouns|inCommonStarts) != 0 {
		return true
	}
	return leadInWord(w) || adverbWord(w) || placeWord(known(w))
}

func TestCommonWord(t *testing.T) {
	// commonWord's single look-up needs every word these rules list in
	// the vocabulary
	listed := strings.Fields(`in on at after before during asked speaking and but from for with meanwhile
		however later earlier then so also still yet when while as responding addressing writing interviewed
		contacted reached since by outside inside also later then again further previously once recently earlier
		had has have would will was is did already simply only even repeatedly publicly privately reportedly
		allegedly italy family ally assembly supply in on at from to into near across via outside inside
		towards toward through around of by for`)
	for _, w := range listed {
		if _, ok := vocabulary[w]; !ok {
			t.Errorf("%q is not in the vocabulary", w)
		}
	}
	text, _ := goldCorpus(t, 64<<10)
	ws := append(strings.Fields(text), "Speaking", "SPEAKING", "Quickly", "Italy", "ITALY", "Family", "Bring", "Sing", "Fly", "Ally", "Ştefan", "Écrit", "Éing")
	for w := range vocabulary {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range listed {
		ws = append(ws, strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range ws {
		if got, want := commonWord(w), commonWordPlain(w); got != want {
			t.Errorf("commonWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestParticleStart(t *testing.T) {
	for _, w := range strings.Fields("de van von der den al bin da di du le la del ter ten") {
		if !particle(w) || !particleStart[w[0]] {
			t.Errorf("particle %q: particle %v, particleStart %v", w, particle(w), particleStart[w[0]])
		}
	}
	for c := 0; c < 256; c++ {
		for _, w := range []string{string(rune(c)), string(rune(c)) + "e", string(rune(c)) + "an", string(rune(c)) + "el", string(rune(c)) + "on", string(rune(c)) + "a", string(rune(c)) + "i", string(rune(c)) + "u", string(rune(c)) + "er", string(rune(c)) + "en", string(rune(c)) + "l", string(rune(c)) + "in"} {
			if particle(w) && !particleStart[w[0]] {
				t.Errorf("particle %q starts with a byte particleStart lacks", w)
			}
		}
	}
}

// trimPlain is trim as first written, a rune at a time.
func trimPlain(text string, start, end int) doc.Span {
	if end < start {
		end = start
	}
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) && r != ',' {
			break
		}
		end -= n
	}
	return doc.Span{Start: start, End: end}
}

// trimRightPlain is trimRight as first written, a rune at a time.
func trimRightPlain(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// endsSentencePlain is endsSentence as first written.
func endsSentencePlain(text string, start, end int) bool {
	end = trimRightPlain(text, start, end)
	if end <= start {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:end])
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func TestTrim(t *testing.T) {
	text, _ := goldCorpus(t, 16<<10)
	text += " \u00a0, \t\n…\u2003x,\xff \xe2\x80 ."
	for start := 0; start < len(text); start += 3 {
		for _, n := range []int{0, 1, 2, 3, 5, 9, 17, 40} {
			end := min(len(text), start+n)
			if got, want := trim(text, start, end), trimPlain(text, start, end); got != want {
				t.Fatalf("trim(%q) = %v, want %v", text[start:end], got, want)
			}
			if got, want := trimRight(text, start, end), trimRightPlain(text, start, end); got != want {
				t.Fatalf("trimRight(%q) = %v, want %v", text[start:end], got, want)
			}
			if got, want := endsSentence(text, start, end), endsSentencePlain(text, start, end); got != want {
				t.Fatalf("endsSentence(%q) = %v, want %v", text[start:end], got, want)
			}
		}
	}
}

// TestVocabularyLists checks that a word's lists in the vocabulary are
// the word lists it is in, which the rules now ask instead of the lists.
func TestVocabularyLists(t *testing.T) {
	for _, l := range []struct {
		name  string
		set   map[string]bool
		lists class
	}{{"cueWords", cueWords, inCues}, {"stopWords", stopWords, inStops}, {"determiners", determiners, inDeterminers},
		{"pronouns", pronouns, inPronouns}, {"titleWords", titleWords, inTitles}, {"orgWords", orgWords, inOrgs},
		{"commonStarts", commonStarts, inCommonStarts}, {"weakCue", weakCue, inWeakCues}, {"afterCue", afterCue, inAfterCues},
		{"scareMarkers", scareMarkers, inScareMarkers}} {
		for w, e := range vocabulary {
			if got, want := e.lists&l.lists != 0, l.set[w]; got != want {
				t.Errorf("%q: in %s by its lists %v, by the list %v", w, l.name, got, want)
			}
		}
		for w := range l.set {
			if _, ok := vocabulary[w]; !ok {
				t.Errorf("%q of %s is not in the vocabulary", w, l.name)
			}
		}
	}
}

func TestMayBePronoun(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	ws := append(strings.Fields(text), "", "İt", "İT", "\u212Ae", "SHE", "They", "We", "I", "i", "he", "İ", "\xff")
	for w := range pronouns {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range ws {
		if _, lists := lookup(w); lists&inPronouns != 0 && !mayBePronoun(w) {
			t.Errorf("mayBePronoun(%q) = false for a pronoun", w)
		}
	}
	for _, s := range []string{"the mayor", " The", "\u00a0the", "\u2003THE x", "them", "th", "", "\xffthe", "\tthe"} {
		if got, want := startsThe(s), len(strings.TrimLeftFunc(s, unicode.IsSpace)) >= 3 && strings.EqualFold(strings.TrimLeftFunc(s, unicode.IsSpace)[:3], "the"); got != want {
			t.Errorf("startsThe(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWideLookup(t *testing.T) {
	text, _ := goldCorpus(t, 64<<10)
	ws := append(strings.Fields(text), "İt", "İT", "\u212Aing", "SÄGER", "Säger", "BÜRGERMEISTER", "Lajčák", "Vučić", "FIANCÉE", "Déclare", "x\xff", "\xff", "ÄÖÜ", "ǅ")
	for w := range vocabulary {
		ws = append(ws, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range ws {
		if isASCII(w) {
			continue
		}
		e := vocabulary[string(appendLower(nil, w))]
		if gw, gl := lookup(w); gw != e.word || gl != e.lists {
			t.Errorf("lookup(%q) = %q, %b, want %q, %b", w, gw, gl, e.word, e.lists)
		}
		if got := known(w); got != e.word {
			t.Errorf("known(%q) = %q, want %q", w, got, e.word)
		}
	}
}

func TestTrimSpaceNBSP(t *testing.T) {
	for _, s := range []string{"", " ", "\u00a0", "a, \u00a0 ", "a,\u00a0\u00a0", "x\xa0", "x\xc2", "\xe2\xc2\xa0 ", "a \u2003", "–  "} {
		if got, want := trimSpaceNBSP(s), strings.TrimRight(s, " \u00a0"); got != want {
			t.Errorf("trimSpaceNBSP(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestSortMentions(t *testing.T) {
	// party runs in text order, ties between parties, runs out of order,
	// and starts too large to pack into a key
	for n := range 60 {
		for _, big := range []int{0, 1 << 33} {
			var ms []mention
			for i := range n {
				ms = append(ms, mention{doc.Span{Start: big + (i*37)%11*3 + i%3, End: big + 100}, i % 7})
			}
			want := slices.Clone(ms)
			slices.SortStableFunc(want, func(a, b mention) int { return a.Start - b.Start })
			if got := sortMentions(slices.Clone(ms)); !slices.Equal(got, want) {
				t.Fatalf("sortMentions(%v) = %v, want %v", ms, got, want)
			}
		}
	}
}
