package party

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// evidence counts the signals for each kind a capitalised span may have.
type evidence struct {
	person, org, place int8
}

func (e evidence) kind() Kind {
	switch {
	case e.person > e.org && e.person > e.place:
		return Person
	case e.place > e.org:
		return Place
	}
	return Organization
}

// cand is one mention found in a block.
type cand struct {
	s, e     int32    // byte span of the mention, possessive included
	ent      int32    // index into lists.ents for a listed party, else -1
	alias    int32    // another form of the name inside the span ("State Department" in "U.S. State Department"): index+1 into scanner.aliases, 0 for none
	name     nameRef  // for a span not in the lists: its words without the possessive
	ntoks    int32    // number of words in name
	ev       evidence // kind signals for a span not in the lists
	kw       bool     // a word of the name makes it an organisation or place ("Ministry", "Sea")
	credit   bool     // in a block that is not part of the story
	alliance bool     // "the Alliance": NATO's when NATO is in the article
}

// nameRef is a name held without a pointer, so that the collector need
// not scan the mentions: text[off:off+n] when n >= 0, else
// scanner.ownNames[off].
type nameRef struct{ off, n int32 }

// name returns the name r refers to.
func (s *scanner) name(r nameRef) string {
	if r.n < 0 {
		return s.ownNames[r.off]
	}
	return s.text[r.off : r.off+r.n]
}

// textRef refers to text[start:end] as a name.
func textRef(start, end int32) nameRef { return nameRef{start, end - start} }

// ownRef keeps a name that is not a piece of the text.
func (s *scanner) ownRef(name string) nameRef {
	s.ownNames = append(s.ownNames, name)
	return nameRef{int32(len(s.ownNames) - 1), -1}
}

// kind returns the kind the mention alone suggests.
func (c *cand) kind(l *lists) Kind {
	if c.ent >= 0 {
		return l.ents[c.ent].kind
	}
	return c.ev.kind()
}

// blockRole is how the scanner reads a block.
type blockRole int

const (
	roleStory  blockRole = iota // a block of the story
	roleCredit                  // a caption or boilerplate: mentions are credit-only
	roleNames                   // a credit or byline: a list of names, never headline case
)

// scanner finds the mentions of one article, block by block.
type scanner struct {
	l        *lists
	text     string
	toks     []token
	cands    []cand
	acronyms map[string]string // acronym → the name it stands for, from "Long Name (LN)"
	aliases  []string          // the aliases of cands (kept apart: they are rare, and a cand is smaller without)
	ownNames []string          // the names of cands that are not pieces of the text (see nameRef)
	credit   bool              // the current block is not part of the story
	names    bool              // the current block is a list of names (credit, byline)
	known    map[string]bool   // words of the names of people met so far: "Doe" after "Jane Doe"
	knownAt  [4]uint64         // a bit per knownBit of the words in known: most words are refused without a map look-up
}

// block scans text[start:end].
func (s *scanner) block(start, end int, role blockRole) {
	s.credit = role != roleStory
	s.names = role == roleNames
	s.toks = s.toks[:0] // Extract sizes it for the longest block; appendTokens grows it
	var z tokenizer
	z.reset(s.text, start, end)
	z.l = s.l
	s.toks = z.appendTokens(s.toks)
	s.l.classify(s.text, s.toks)
	if !s.names {
		s.markHeadlines(z.breaks)
	}
	s.scan()
}

// markHeadlines flags the tokens of lines that capitalise most of their
// words, as headlines, captions and credit lines do.
// breaks is the tokenizer's count of tokens after a line break, or more:
// with none, the block is one line.
func (s *scanner) markHeadlines(breaks int) {
	toks := s.toks
	for i := 0; i < len(toks); {
		j := i + 1
		if breaks == 0 {
			j = len(toks)
		}
		for j < len(toks) && toks[j].f&fNewline == 0 {
			j++
		}
		if s.headlineCase(toks[i:j]) {
			for k := i; k < j; k++ {
				toks[k].f |= fHead
			}
		}
		i = j
	}
}

// headlineCase reports whether a line capitalises most of its words and
// reads as a title, not a sentence: it does not end with a full stop.
func (s *scanner) headlineCase(toks []token) bool {
	if n := len(toks); n > 0 && toks[n-1].r == '.' {
		return false
	}
	caps, words := 0, 0
	for k := range toks {
		t := &toks[k]
		if !t.is(fWord) || t.is(fDigit) {
			continue
		}
		if n := t.e - t.s; n <= 5 && isFunctionWord(s.text[t.s:t.e]) {
			continue
		}
		words++
		if t.is(fCap) {
			caps++
		} else if words-caps >= 5 {
			// At most 24 words, four in five capitalised: this is prose.
			return false
		}
		if words > 24 {
			return false
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// isFunctionWord reports whether w, in any case, is a function word: one of
// the short words a headline leaves in lower case.
func isFunctionWord(w string) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(w)]) {
	case "a", "an", "the", "of", "in", "on", "at", "to",
		"for", "and", "or", "but", "with", "by", "from",
		"as", "is", "are", "vs", "via", "into", "over", "after",
		"amid", "up", "out", "off", "its", "their", "his", "her":
		return true
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func (s *scanner) word(i int) string { return s.text[s.toks[i].s:s.toks[i].e] }
func (s *scanner) base(i int) string { return s.text[s.toks[i].s:s.toks[i].b] }

func (s *scanner) isWord(i int, w string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].is(fWord) && s.word(i) == w
}

// lowerWord returns the word at i when it is a lower-case word, else "".
func (s *scanner) lowerWord(i int) string {
	if i < 0 || i >= len(s.toks) || !s.toks[i].is(fWord) || s.toks[i].is(fCap) {
		return ""
	}
	return s.word(i)
}

// capWord reports whether token i is a capitalised word that can be part
// of a name: not a number, a code ("F-16", "COP29") or a plural acronym
// ("NGOs"). The tokenizer works this out (see nameShape); a word with
// digits is a name part only when listed ("G7").
func (s *scanner) capWord(i int) bool {
	return uint(i) < uint(len(s.toks)) && s.toks[i].f&(fWord|fCap|fName) == fWord|fCap|fName
}

// gazAt returns the longest listed form at token i: its length in tokens,
// entity and whether it is a demonym.
func (s *scanner) gazAt(i int) (n int, ent int32, demonym bool) {
	if !s.toks[i].is(fPoss) {
		// The word is its base: one entry has its forms.
		if f, ok := s.matchForms(i, s.lexAt(i).gaz); ok {
			return len(f.toks), f.ent, f.demonym
		}
		return 0, -1, false
	}
	// "Russia's": forms of the word as written, then of its base.
	if f, ok := s.matchForms(i, s.l.lookup(s.word(i)).gaz); ok {
		return len(f.toks), f.ent, f.demonym
	}
	if f, ok := s.matchForms(i, s.lexAt(i).gaz); ok {
		return len(f.toks), f.ent, f.demonym
	}
	return 0, -1, false
}

// matchForms returns the first of forms written at token i.
func (s *scanner) matchForms(i int, forms []gazForm) (*gazForm, bool) {
	for k := range forms {
		if s.matchTail(i, forms[k].toks) {
			return &forms[k], true
		}
	}
	return nil, false
}

// matchTail is matchForm for a form whose first word is token i's, as are
// the forms and titles of the token's lexicon entry: only the words after
// the first are compared.
func (s *scanner) matchTail(i int, form []string) bool {
	if len(form) == 1 {
		return true
	}
	if s.toks[i].f&fPoss != 0 {
		return false
	}
	return s.matchForm(i+1, form[1:], false)
}

// gazUpperAt is gazAt for words in capitals, as datelines write them
// ("KYIV", "NEW DELHI").
func (s *scanner) gazUpperAt(i int) (n int, ent int32) {
	for _, f := range s.l.gazUpper[strings.ToUpper(s.base(i))] {
		if s.matchForm(i, f.toks, true) {
			return len(f.toks), f.ent
		}
	}
	return 0, -1
}

func (s *scanner) matchForm(i int, form []string, fold bool) bool {
	if i+len(form) > len(s.toks) {
		return false
	}
	toks := s.toks[i : i+len(form)]
	for k, w := range form {
		t := &toks[k]
		if k < len(form)-1 && t.f&fPoss != 0 {
			return false
		}
		full, base := s.text[t.s:t.e], s.text[t.s:t.b]
		if fold {
			if !strings.EqualFold(full, w) && !strings.EqualFold(base, w) {
				return false
			}
		} else if full != w && base != w {
			return false
		}
	}
	return true
}

// titleAt returns the number of tokens of a title at token i, 0 if none.
func (s *scanner) titleAt(i int) int {
	if i >= len(s.toks) || !s.toks[i].is(fWord) {
		return 0
	}
	best := 0
	ts := s.lexAt(i).titles
	if s.toks[i].is(fPoss) {
		ts = s.l.lookup(s.word(i)).titles
	}
	if len(ts) == 0 && !s.capWord(i) {
		return 0 // no title starts with the word, nor a run of capitals at it
	}
	for _, f := range ts {
		if len(f) > best && s.matchTail(i, f) {
			best = len(f)
			break
		}
	}
	// A run of capitalised common words ending in a title head, not
	// opened by an article ("The Premier League").
	j := i
	if s.has(i, cArticle) {
		j = len(s.toks)
	}
	for j < len(s.toks) && j < i+4 && s.capWord(j) && !s.toks[j].is(fPoss) && (s.has(j, cTitleHead) || s.commonAt(j) && !s.has(j, cFirst)) {
		j++
		if s.has(j-1, cTitleHead) && j-i > best {
			best = j - i
		}
	}
	if best == 0 {
		return 0
	}
	// "Minister of Foreign Affairs", "Secretary for Europe".
	j = i + best
	if s.isWord(j, "of") || s.isWord(j, "for") {
		k := j + 1
		if s.isWord(k, "the") {
			k++
		}
		m := k
		for m < len(s.toks) && m < k+4 && s.capWord(m) && s.commonAt(m) && !s.has(m, cFirst) && !s.toks[m].is(fPoss) {
			m++
		}
		if m > k {
			best = m - i
		}
	}
	return best
}

func (s *scanner) scan() {
	toks := s.toks
	i := s.dateline()
	nextCap := 0 // once past i, the first capWord after i: the flags capWord reads do not change
	for i < len(toks) {
		t := &toks[i]
		if !t.is(fWord) {
			i++
			continue
		}
		if !t.is(fCap) {
			if t.is(fHyphen) && s.hyphenParts(i) {
				i++
				continue
			}
			if nextCap <= i {
				nextCap = i + 1
				for nextCap < len(toks) && toks[nextCap].f&(fWord|fCap|fName) != fWord|fCap|fName {
					nextCap++
				}
			}
			// Only a capitalised word close after makes a lower-case word
			// the start of a name ("von der Leyen") or a title
			// ("spokesman Dmitry Peskov").
			if nextCap <= i+3 && !t.is(fDigit) {
				if j := s.particleName(i); j > i {
					i = j
					continue
				}
				if n := s.titleAt(i); n > 0 && s.capWord(i+n) {
					i = s.chunk(i)
					continue
				}
			}
			i++
			continue
		}
		if n, ent, demonym := s.gazAt(i); n > 0 && !(n == 1 && s.isKnown(s.base(i)) && (demonym || !s.capWord(i+1))) {
			// A listed name before the rest of an organisation's name:
			// "Kenya Red Cross Society", "Russian Defence Ministry".
			if !toks[i+n-1].is(fPoss) && !t.is(fHead) && s.capWord(i+n) && !(n == 1 && t.is(fUpper)) {
				if j := s.nameEnd(i + n); j > i+n && s.hasKeyword(i+n, j, cOrg) && !s.hasKeyword(j-1, j, cPlace) {
					if s.l.ents[ent].kind == Organization && s.allCorporate(i+n, j) {
						// "Apple Inc.": the listed company with its suffix.
						s.cands = append(s.cands, cand{s: t.s, e: toks[j-1].e, ent: ent, credit: s.credit})
						i = j
						continue
					}
					alias := ""
					if j-(i+n) >= 2 {
						alias = s.spanName(i+n, j)
					}
					s.emitSpan(i, j, 0, alias)
					i = j
					continue
				}
			}
			if s.has(i, cFirst) && n == 1 && s.capWord(i+1) {
				if n2, _, _ := s.gazAt(i + 1); n2 == 0 {
					i = s.chunk(i)
					continue
				}
			}
			s.cands = append(s.cands, cand{s: t.s, e: toks[i+n-1].e, ent: ent, credit: s.credit})
			i += n
			continue
		}
		if t.is(fUpper) && !t.is(fDots) {
			// "UKRAINE" in a headline in capitals.
			if n, ent := s.gazUpperAt(i); n > 0 {
				s.cands = append(s.cands, cand{s: t.s, e: toks[i+n-1].e, ent: ent, credit: s.credit})
				i += n
				continue
			}
		}
		if t.is(fHyphen) && s.hyphenParts(i) {
			i++
			continue
		}
		if !s.capWord(i) {
			i++
			continue
		}
		if n := s.ticker(i); n > 0 {
			i += n
			continue
		}
		w := s.word(i)
		if w == "Alliance" && (s.isWord(i-1, "the") || s.isWord(i-1, "The")) && !s.capWord(i+1) && !s.isWord(i+1, "of") && !s.isWord(i+1, "for") {
			s.cands = append(s.cands, cand{s: t.s, e: t.e, ent: -1, credit: s.credit, alliance: true})
			i++
			continue
		}
		if s.skippable(i) && s.titleAt(i) == 0 {
			if s.capWord(i+1) && (t.is(fSent) || articles[w]) && !s.l.nonNames[w] {
				// "The Statement": still the sentence's opening words.
				s.toks[i+1].f |= fSent
			}
			i++
			continue
		}
		i = s.chunk(i)
	}
}

// particleName reads a name that starts with its particles in
// mid-sentence, "von der Leyen said", and returns the index after it, or i.
func (s *scanner) particleName(i int) int {
	if !s.has(i, cParticle) || s.capWord(i-1) && !(s.toks[i-1].is(fSent) && s.commonAt(i-1)) || s.isParticle(i-1) {
		return i
	}
	k := i
	for k < len(s.toks) && k < i+3 && s.isParticle(k) {
		k++
	}
	if !s.capWord(k) || s.s2gaz(k) {
		return i
	}
	j := s.nameEnd(k)
	s.emitSpan(i, j, 0, "")
	return j
}

// isKnown reports whether w is a word of a person's name met so far.
func (s *scanner) isKnown(w string) bool {
	b := knownBit(w)
	return s.knownAt[b/64]&(1<<(b%64)) != 0 && s.known[w]
}

// knownBit returns the bit of w in scanner.knownAt: from its length and
// its first and last bytes.
func knownBit(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(len(w))*37 + uint(w[0])*11 + uint(w[len(w)-1])) % 256
}

// isParticle reports whether token i is a particle as written, in lower
// case: particles[s.lowerWord(i)] from the token's classes (no particle
// ends in a possessive).
func (s *scanner) isParticle(i int) bool {
	return uint(i) < uint(len(s.toks)) && s.toks[i].f&(fWord|fCap|fPoss) == fWord && s.toks[i].cls&cParticle != 0
}

func (s *scanner) s2gaz(k int) bool {
	n, _, _ := s.gazAt(k)
	return n > 0
}

// ticker returns the length of a stock ticker at token i, inside
// parentheses: "SHEL.L" in "(SHEL.L)", "NASDAQ: AAPL"; 0 if none.
func (s *scanner) ticker(i int) int {
	if i == 0 || s.toks[i-1].r != '(' || !s.toks[i].is(fUpper) {
		return 0
	}
	j := i + 1
	switch {
	case j+1 < len(s.toks) && s.toks[j].r == '.' && s.toks[j+1].is(fWord) && len(s.word(j+1)) <= 2:
		j += 2 // "SHEL.L", "AAPL.O"
	case j+1 < len(s.toks) && s.toks[j].r == ':' && s.toks[j+1].is(fUpper):
		j += 2 // "NASDAQ: AAPL"
	default:
		return 0
	}
	if j < len(s.toks) && s.toks[j].r == ')' {
		return j - i
	}
	return 0
}

// dateline reads a dateline in capitals at the start of a block ("KYIV,
// Ukraine (AP) —", "NEW DELHI:") and returns the index after its place.
func (s *scanner) dateline() int {
	toks := s.toks
	j := 0
	for j < len(toks) && j < 4 && toks[j].is(fWord) && toks[j].is(fUpper) && !toks[j].is(fDots) {
		j++
	}
	if j == 0 || j >= len(toks) || toks[j].is(fWord) {
		return 0
	}
	switch toks[j].r {
	case '(', '—', '–', '-', ':':
	case ',':
		// "NAIROBI, Kenya —", "GENEVA, Nov 12": not "COGAT, the body…".
		if j+1 >= len(toks) || !(toks[j+1].is(fCap) || toks[j+1].is(fDigit)) {
			return 0
		}
	default:
		return 0
	}
	if n, ent := s.gazUpperAt(0); n == j {
		s.cands = append(s.cands, cand{s: toks[0].s, e: toks[j-1].e, ent: ent, credit: s.credit})
		return j
	}
	if n, _, _ := s.gazAt(0); n == j {
		return 0 // "NATO, the alliance…": listed as written
	}
	if j == 1 && len(s.word(0)) <= 4 {
		return 0 // an acronym, not a place
	}
	// An unknown place: a town the lists do not have.
	s.cands = append(s.cands, cand{s: toks[0].s, e: toks[j-1].e, ent: -1, name: s.ownRef(titleCase(s.spanName(0, j))), ntoks: int32(j), ev: evidence{place: 4}, credit: s.credit})
	return j
}

// titleCase writes a name in capitals as a name: "SAN JOSE" → "San Jose".
func titleCase(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteString(strings.ToUpper(string(r)))
		} else {
			b.WriteString(strings.ToLower(string(r)))
		}
		up = r == ' ' || r == '-'
	}
	return b.String()
}

// skippable reports whether the capitalised word at i is an ordinary word
// capitalised by position: at a sentence start, in a headline, or a month.
func (s *scanner) skippable(i int) bool {
	t := &s.toks[i]
	w := s.base(i)
	if s.has(i, cNonName) || s.has(i, cArticle) && (t.is(fSent) || t.is(fHead) || !s.capWord(i+1)) {
		return true
	}
	if k := apostrophe(w); k > 0 && s.l.nonNames[w[:k]] {
		return true // "I'm"
	}
	if !t.is(fSent) && !t.is(fHead) {
		return false
	}
	if t.is(fUpper) && !t.is(fHead) {
		return false
	}
	if s.has(i, cFirst) && s.capWord(i+1) || s.isKnown(w) {
		return false
	}
	if !s.commonAt(i) {
		return false
	}
	if t.is(fHead) {
		return true
	}
	// "Department for Transport", "Commerce Department": a name made of
	// common words up to its keyword.
	if j := s.nameEnd(i); j > i+1 && s.hasKeyword(i, j, cOrg) {
		for k := i; k < j; k++ {
			if !s.toks[k].is(fCap) {
				continue
			}
			if s.has(k, cOrg) {
				return false
			}
			if k == i+1 {
				// "West Yorkshire Police": the opening word stands right
				// before the rest of the name.
				continue
			}
			if !s.commonAt(k) || s.has(k, cFirst) {
				return true // "Shares of Nexora Semiconductor"
			}
		}
	}
	// "Shell (SHEL.L) said": a name with its ticker or acronym.
	if i+2 < len(s.toks) && s.toks[i+1].r == '(' && s.toks[i+2].is(fUpper) && !s.toks[i].is(fPoss) && !s.has(i, cGeneric) {
		return false
	}
	// "The Greens said": a name after an opening article.
	if i > 0 && s.has(i-1, cArticle) && s.cueAfter(i+1) && !s.toks[i].is(fPoss) && !genericNouns[w] {
		return false
	}
	return true
}

// commonAt reports whether the word at token i, without its possessive, is
// a common word; the answer is kept in the token.
func (s *scanner) commonAt(i int) bool {
	t := &s.toks[i]
	if !t.is(fCommonKnown) {
		t.f |= fCommonKnown
		if s.common(s.text[t.s:t.b]) {
			t.f |= fCommon
		}
	}
	return t.is(fCommon)
}

// common reports whether w is a common word: in the word list, or made of
// them with hyphens ("Co-founder", "Mother-of-three").
func (s *scanner) common(w string) bool {
	if s.l.isCommon(w) {
		return true
	}
	// Contractions: "We'd", "They've".
	if k := apostrophe(w); k > 0 {
		switch strings.TrimLeft(w[k:], "'’") {
		case "d", "ve", "ll", "re", "m", "t", "s":
			return s.l.isCommon(w[:k])
		}
	}
	// Plurals the word lists leave out: "Drillers", "Crofters".
	if n := len(w); n > 4 && w[n-1] == 's' && w[n-2] != 's' && s.l.isCommon(w[:n-1]) {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if p != "" && !s.l.isCommon(p) && !isNumber(p) {
			return false
		}
	}
	return true
}

// apostrophe returns the index of the first apostrophe (' or ’) in w, or -1.
func apostrophe(w string) int {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '\'':
			return i
		case 0xE2:
			if strings.HasPrefix(w[i:], "’") {
				return i
			}
		}
	}
	return -1
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// nameEnd returns the end of the capitalised name that starts at token i.
func (s *scanner) nameEnd(i int) int {
	toks := s.toks
	j := i
	firstName := s.has(i, cFirst)
	keyword := false
	for j < len(toks) && j-i < maxNameTokens {
		t := &toks[j]
		if j > i && t.is(fPara) {
			break
		}
		if s.capWord(j) {
			if t.is(fHead) && j > i && s.commonAt(j) && !s.has(j, cFirst|cOrg|cPlace) && !firstName {
				break
			}
			if s.has(j, cNonName) && (j == i || !firstName && !s.isWord(i, "The")) {
				break
			}
			if j > i && t.is(fHyphen) && s.hyphenSuffix(j) != "" {
				break
			}
			keyword = keyword || s.has(j, cOrg|cPlace)
			j++
			if t.is(fPoss) {
				// "St Mary's Church", "Women's Institute": the name goes on.
				if s.capWord(j) && !s.toks[j].is(fPoss) && (s.has(j-1, cPossNoun) || s.has(i, cSaint)) && s.keywordSoon(j) {
					continue
				}
				break
			}
			continue
		}
		if j > i && t.is(fWord) && !toks[j-1].is(fPoss) && !t.is(fCap) {
			w := s.word(j)
			if s.has(j, cParticle) && !keyword {
				// "von der Leyen": a run of particles before a capitalised word.
				k := j
				for k < len(toks) && toks[k].is(fWord) && !toks[k].is(fCap) && s.has(k, cParticle) {
					k++
				}
				if s.capWord(k) && k-j <= 3 {
					j = k
					continue
				}
			}
			if s.has(j, cConnector) && s.joins(i, j, keyword) {
				if s.capWord(j + 1) {
					j++
					continue
				}
				if (w == "of" || w == "for") && s.isWord(j+1, "the") && s.capWord(j+2) {
					j += 2 // "Office for the Coordination of…"
					continue
				}
			}
		}
		if j > i && t.r == '&' && s.capWord(j+1) {
			j++
			continue
		}
		break
	}
	return j
}

// corporate are the suffixes of company names.
var corporate = map[string]bool{
	"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Co": true, "Co.": true, "Ltd": true,
	"Ltd.": true, "plc": true, "PLC": true, "AG": true, "SA": true, "SE": true, "NV": true, "LLC": true,
	"GmbH": true, "Group": true, "Holdings": true,
}

// allCorporate reports whether tokens [i, j) are all company suffixes.
func (s *scanner) allCorporate(i, j int) bool {
	for k := i; k < j; k++ {
		if !corporate[s.base(k)] {
			return false
		}
	}
	return true
}

// maxNameTokens bounds the words of a name, and so the work per word on
// text that is one endless capitalised run.
const maxNameTokens = 12

// keywordSoon reports whether one of the next few capitalised words from
// token j, before any possessive, makes a name an organisation or place.
func (s *scanner) keywordSoon(j int) bool {
	for k := j; k < j+5 && s.capWord(k); k++ {
		if s.has(k, cOrg|cPlace) {
			return true
		}
		if s.toks[k].is(fPoss) {
			return false
		}
	}
	return false
}

// joins reports whether the connector at j ("of", "and", "for") joins the
// name [i, j) to the capitalised words after it: "Bank of England",
// "Food and Drug Administration", but not "Finland and Sweden".
func (s *scanner) joins(i, j int, keyword bool) bool {
	w := s.word(j)
	before := s.base(j - 1)
	if keyword {
		// "Nordwing Airlines and Baltic Air": "and" after the keyword
		// starts another name.
		return !(w == "and" || w == "&") || !orgWords[before]
	}
	if w == "the" || w == "on" && !s.isWord(j-1, "Council") {
		return false
	}
	// No keyword yet: join common words to a keyword that follows soon
	// ("Food and Drug Administration"), not a person to a place ("Joel
	// Hurowitz of Stony Brook University").
	for k := i; k < j; k++ {
		if s.toks[k].is(fCap) && (!s.commonAt(k) || s.has(k, cFirst)) {
			return false
		}
	}
	for k := j + 1; k < len(s.toks) && k < j+5; k++ {
		if !s.capWord(k) {
			if s.toks[k].is(fWord) && s.has(k, cConnector) {
				continue
			}
			break
		}
		if s.has(k, cOrg) {
			return true
		}
	}
	return false
}

// chunk reads the capitalised span at token i, with a title before it,
// records it and returns the index after it.
func (s *scanner) chunk(i int) int {
	toks := s.toks
	titled := false
	ni := i
	for {
		n := s.titleAt(ni)
		if n == 0 {
			break
		}
		ni += n
		titled = true
	}
	if !s.capWord(ni) {
		return max(ni, i+1)
	}
	if titled {
		if n, _, _ := s.gazAt(ni); n > 0 && !s.has(ni, cFirst) {
			return ni // "President of Ukraine": the list reads the rest
		}
	}
	if suf := s.hyphenSuffix(ni); suf != "" {
		// "Sequoia-backed Kaszek Partners": the name before the hyphen alone.
		t := toks[ni]
		end := t.s + int32(strings.LastIndexAny(s.text[t.s:t.e], "-‑"))
		var ev evidence
		if hyphenSuffixes[suf] == Place {
			ev.place += 2
		} else {
			ev.org += 2
		}
		s.cands = append(s.cands, cand{s: t.s, e: end, ent: -1, name: textRef(t.s, end), ntoks: 1, ev: ev, credit: s.credit})
		return ni + 1
	}
	if s.credit && toks[ni].is(fHyphen) {
		// "JPL-Caltech" in a credit line: names joined by hyphens.
		if s.creditParts(ni) {
			return ni + 1
		}
	}
	j := s.nameEnd(ni)
	if j == ni {
		return ni + 1
	}
	if titled && s.capWord(i) && s.hasKeyword(ni, j, cOrg) {
		// "Premier League", "General Motors Company": no title but a name.
		// (Not "council leader of Vireo Telecom": a lower-case title.)
		titled = false
		ni = i
		j = s.nameEnd(i)
	}
	if !titled && j-ni > 1 && !s.hasKeyword(ni, j, cOrg|cPlace) && !s.has(ni, cFirst) {
		// A listed party inside an unknown span starts a span of its own.
		for k := ni + 1; k < j; k++ {
			if s.toks[k].is(fCap) {
				if n, _, _ := s.gazAt(k); n > 0 {
					j = k
					break
				}
			}
		}
	}
	// Trailing connectors and particles belong to what follows.
	for j > ni+1 && !toks[j-1].is(fCap) {
		j--
	}
	var bonus int8
	if titled {
		bonus = 4
	}
	s.emitSpan(ni, j, bonus, "")
	return max(j, i+1) // always move on: the scan loops on chunk's result
}

// hyphenSuffix returns the lower-case last part of a hyphenated word that
// makes it an adjective of the name before ("backed" in "Sequoia-backed").
func (s *scanner) hyphenSuffix(i int) string {
	t := s.toks[i]
	if !t.is(fHyphen) {
		return ""
	}
	w := s.text[t.s:t.b]
	k := strings.LastIndexAny(w, "-‑")
	if k <= 0 {
		return ""
	}
	suf := w[k+1:]
	if w[k] != '-' {
		suf = w[k+len("‑"):]
	}
	if _, ok := hyphenSuffixes[suf]; ok {
		return suf
	}
	return ""
}

// creditParts records each capitalised part of a hyphenated word in a
// credit line as a name of its own.
func (s *scanner) creditParts(i int) bool {
	t := s.toks[i]
	w := s.text[t.s:t.b]
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 || !isUpperASCII(p[0]) {
			return false
		}
	}
	off := int32(0)
	for _, p := range parts {
		ev := evidence{org: 1}
		s.cands = append(s.cands, cand{s: t.s + off, e: t.s + off + int32(len(p)), ent: -1, name: textRef(t.s+off, t.s+off+int32(len(p))), ntoks: 1, ev: ev, credit: s.credit})
		off += int32(len(p)) + 1
	}
	return true
}

// emitSpan records the name in tokens [i, j) with its kind signals; alias
// is another form of it met inside the span, or "".
func (s *scanner) emitSpan(i, j int, titled int8, alias string) {
	toks := s.toks
	var ev evidence
	ev.person += titled
	allCommon := true
	for k := i; k < j; k++ {
		if !toks[k].is(fCap) {
			continue
		}
		if s.has(k, cOrg) {
			ev.org += 4
		}
		if allCommon && (!s.commonAt(k) || s.has(k, cFirst) || s.isKnown(s.base(k))) {
			allCommon = false
		}
	}
	if w := s.word(i); w == "The" && !toks[i].is(fSent) && !toks[i].is(fHead) && j > i+1 {
		allCommon = false // "The Lancet" in mid-sentence: a title
		ev.org += 3
	}
	if s.has(j-1, cPlace) || s.has(i, cPlaceFirst) && j > i+1 {
		ev.place += 5
	}
	if last := s.base(j - 1); j > i+1 && toks[j-1].is(fUpper) && len(last) <= 3 {
		ev.org += 4 // "Malmö FF", "Helsingborgs IF", "Siemens AG"
	}
	n := j - i
	single := n == 1
	cue := s.cueAfter(j)
	if titled == 0 && s.has(j-1, cEvent) {
		return // "Philadelphia Semiconductor Index", "Grand Slam": no party
	}
	if strings.HasSuffix(s.base(j-1), "shire") {
		ev.place += 3 // "Northamptonshire", "Hampshire"
	}
	// "the charity Asylum Aid", "the World Weather Attribution group",
	// "Observatório do Clima, a network of NGOs".
	switch s.apposition(j) {
	case Organization:
		ev.org += 3
	case Place:
		ev.place += 3 // "Marathon, the town that…"
	}
	if s.lowerHas(i-1, cOrgNoun) || s.lowerHas(j, cOrgNoun) && !toks[j-1].is(fPoss) {
		ev.org += 3
	}
	prev := s.prevInList(i)
	if titled == 0 && allCommon && ev.org <= 0 && ev.place <= 0 && (prev == nil || prev.kind(s.l) != Organization) {
		// Capitalised common words: "the Statement", "Foreign Ministers",
		// "Grand Slam" are no names; "Nature" and "Intel" in mid-sentence are.
		if !single && !cue {
			return
		}
		for k := i; k < j; k++ {
			if w := s.base(k); s.has(k, cTitleHead|cRole|cGeneric) || titleHeads[strings.TrimSuffix(w, "s")] {
				return
			}
		}
	}
	if titled == 0 && single && !toks[i].is(fUpper) && s.adjectiveUse(i, j) {
		return
	}
	if s.has(i, cFirst) && n > 1 {
		ev.person += 3
	}
	// An acronym in parentheses after a long name: "Islamic Revolutionary Guard Corps (IRGC)".
	if j+2 < len(toks) && toks[j].r == '(' && toks[j+1].is(fUpper) && toks[j+2].r == ')' && n > 1 {
		ev.org += 4
		if s.acronyms == nil {
			s.acronyms = map[string]string{}
		}
		s.acronyms[s.word(j+1)] = s.spanName(i, j)
	}
	if cue {
		switch {
		case toks[i].is(fUpper) && single:
			ev.org++
		case s.statementAfter(j):
			ev.org += 2
		case single:
			ev.person++ // "Peskov said", but also "Gazprom said"
		default:
			ev.person += 2
		}
	}
	// An apposition: "Bujar Osmani, the foreign minister," or "Jane Doe, 45,".
	if j+1 < len(toks) && toks[j].r == ',' {
		if toks[j+1].is(fDigit) && j+2 < len(toks) && toks[j+2].r == ',' {
			ev.person += 2
		} else {
			for k := j + 1; k < j+6 && k < len(toks); k++ {
				if !toks[k].is(fWord) {
					break
				}
				if w := s.word(k); s.lowerHas(k, cTitleWord) && w != "head" && w != "leader" {
					ev.person += 2
					break
				}
			}
		}
	}
	// "the Biden administration", "the Modi government".
	if s.lowerHas(j, cLeaderNoun) && !toks[i].is(fUpper) {
		ev.person += 3
	}
	// A cue before: "said Bujar Osmani".
	if pw := s.lowerWord(i - 1); pw == "said" || pw == "says" {
		ev.person += 2
	}
	if i > 0 && toks[i-1].is(fWord) {
		pw := s.word(i - 1)
		switch {
		case pw == "the" || pw == "The":
			ev.org++
		case s.has(i-1, cLocative) && !s.has(i, cFirst) && titled == 0:
			ev.place += 2
		case pw == "of" && (s.lowerHas(i-2, cPlaceNoun) || s.lowerWord(i-2) == "" && i >= 3 && s.lowerHas(i-3, cPlaceNoun)):
			ev.place += 3
		}
	}
	// A list: "in Turkana, Marsabit and Wajir", "SpaceX and Blue Origin".
	if prev != nil && titled == 0 {
		switch prev.kind(s.l) {
		case Place:
			ev.place += 2
		case Organization:
			ev.org++
		}
	}
	if toks[i].is(fUpper) && single {
		ev.org++
	} else if n > 1 && !allCommon {
		ev.person++
	} else {
		ev.org++
	}
	if ev.kind() == Person && n > 1 {
		if s.known == nil {
			s.known = map[string]bool{}
		}
		for k := i; k < j; k++ {
			if w := s.base(k); !s.isKnown(w) {
				s.known[w] = true
				b := knownBit(w)
				s.knownAt[b/64] |= 1 << (b % 64)
			}
		}
	}
	kw := s.hasKeyword(i, j, cOrg|cPlace)
	var ai int32
	if alias != "" {
		s.aliases = append(s.aliases, alias)
		ai = int32(len(s.aliases))
	}
	s.cands = append(s.cands, cand{s: toks[i].s, e: toks[j-1].e, ent: -1, name: s.spanRef(i, j), alias: ai, ntoks: int32(n), ev: ev, kw: kw, credit: s.credit})
}

// prevInList returns the mention just before token i when the two stand in
// a list ("X, Y and Z"), else nil.
func (s *scanner) prevInList(i int) *cand {
	if len(s.cands) == 0 || i < 2 {
		return nil
	}
	k := i - 1
	if !(s.toks[k].r == ',' || s.isWord(k, "and") || s.isWord(k, "or")) {
		return nil
	}
	if s.isWord(k, "and") && k > 0 && s.toks[k-1].r == ',' {
		k--
	}
	p := &s.cands[len(s.cands)-1]
	if k < 1 || p.e != s.toks[k-1].e {
		return nil
	}
	return p
}

// apposition returns the kind that ", a/an/the [word] NOUN" after token j
// gives a name: Organization for "a network", Place for "the town's", ""
// for none.
func (s *scanner) apposition(j int) Kind {
	if j+2 >= len(s.toks) || s.toks[j].r != ',' {
		return ""
	}
	k := j + 1
	switch s.lowerWord(k) {
	case "a", "an", "the":
	default:
		return ""
	}
	for m := k + 1; m < k+4 && m < len(s.toks); m++ {
		if s.lowerWord(m) == "" {
			return ""
		}
		switch {
		case s.has(m, cPlaceNoun):
			return Place
		case s.has(m, cOrgNoun):
			return Organization
		}
	}
	return ""
}

// cueAfter reports whether a speech verb follows token j: "Osmani said",
// "Osmani, who".
func (s *scanner) cueAfter(j int) bool {
	if j < len(s.toks) && s.toks[j].r == ',' {
		j++
	}
	return s.lowerHas(j, cCue)
}

// statementAfter reports whether "said in a statement" follows token j,
// as it does after organisations.
func (s *scanner) statementAfter(j int) bool {
	for k := j; k < j+6 && k < len(s.toks); k++ {
		if s.toks[k].is(fWord) && (s.word(k) == "statement" || s.word(k) == "spokesperson" || s.word(k) == "spokesman" || s.word(k) == "spokeswoman") {
			return true
		}
	}
	return false
}

// spanName returns the words of tokens [i, j) without the final possessive,
// with runs of white space made single spaces.
func (s *scanner) spanName(i, j int) string {
	raw := s.text[s.toks[i].s:s.toks[j-1].b]
	if oddSpaces(raw) {
		return strings.Join(strings.Fields(raw), " ")
	}
	return raw
}

// spanRef is spanName as a nameRef.
func (s *scanner) spanRef(i, j int) nameRef {
	start, end := s.toks[i].s, s.toks[j-1].b
	if oddSpaces(s.text[start:end]) {
		return s.ownRef(s.spanName(i, j))
	}
	return textRef(start, end)
}

// oddSpaces reports whether raw has white space other than single spaces.
func oddSpaces(raw string) bool {
	for k := 0; k < len(raw); k++ {
		switch c := raw[k]; {
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f',
			c == ' ' && k+1 < len(raw) && raw[k+1] == ' ',
			c >= utf8.RuneSelf:
			if c >= utf8.RuneSelf {
				if r, _ := utf8.DecodeRuneInString(raw[k:]); !unicode.IsSpace(r) {
					continue
				}
			}
			return true
		}
	}
	return false
}

// hyphenParts records listed parties inside a hyphenated word whose other
// parts are not names: "pro-Russian", "Kremlin-backed", "NATO-led".
func (s *scanner) hyphenParts(i int) bool {
	t := s.toks[i]
	w := s.text[t.s:t.b]
	type part struct {
		s, e int
		ent  int32
	}
	var found [4]part
	nf := 0
	off := 0
	for off <= len(w) && nf < len(found) {
		k := hyphenIndex(w[off:])
		end := len(w)
		if k >= 0 {
			end = off + k
		}
		p := w[off:end]
		if p != "" {
			r, _ := utf8.DecodeRuneInString(p)
			if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf {
				matched := false
				for _, f := range s.l.lookup(p).gaz {
					if len(f.toks) == 1 {
						found[nf] = part{off, end, f.ent}
						nf++
						matched = true
						break
					}
				}
				if !matched && (r >= 'A' && r <= 'Z') {
					return false // another name part: "Euro-Atlantic"
				}
			}
		}
		if k < 0 {
			break
		}
		off = end + 1
		if off < len(w) && w[end] != '-' {
			off = end + len("‑")
		}
	}
	for _, p := range found[:nf] {
		s.cands = append(s.cands, cand{s: t.s + int32(p.s), e: t.s + int32(p.e), ent: p.ent, credit: s.credit})
	}
	return nf > 0
}

// hyphenIndex returns the index of the first hyphen ("-" or the
// non-breaking "‑") in w, or -1: strings.IndexAny(w, "-‑").
func hyphenIndex(w string) int {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '-' || c == 0xE2 && strings.HasPrefix(w[i:], "‑") {
			return i
		}
	}
	return -1
}

func (s *scanner) hasKeyword(i, j int, c wordClass) bool {
	for k := i; k < j; k++ {
		if s.toks[k].is(fWord) && s.has(k, c) {
			return true
		}
	}
	return false
}

// lowerHas is has for a lower-case word only.
func (s *scanner) lowerHas(i int, c wordClass) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].is(fWord) && !s.toks[i].is(fCap) && s.has(i, c)
}

// has reports whether the word at token i, without its possessive, is of
// one of the classes c; the tokenizer keeps the classes in the token.
func (s *scanner) has(i int, c wordClass) bool {
	return uint(i) < uint(len(s.toks)) && s.toks[i].cls&c != 0
}

// lexAt returns the lexicon entry of the word at token i without its
// possessive.
func (s *scanner) lexAt(i int) *lexEntry { return &s.l.lexes[s.toks[i].lex] }

// adjectiveUse reports whether a single unknown word is used as an
// adjective: "Euro-Atlantic area", "Western countries".
func (s *scanner) adjectiveUse(i, j int) bool {
	if j >= len(s.toks) || !s.toks[j].is(fWord) || s.toks[j].is(fCap) || s.toks[i].is(fPoss) {
		return false
	}
	w := s.word(i)
	for _, suf := range []string{"ic", "an", "ian", "ese", "ish", "ern", "ist", "ite"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
