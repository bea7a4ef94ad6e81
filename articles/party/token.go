package party

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tflag describes a token.
type tflag uint32

const (
	fWord        tflag = 1 << iota // letters or digits (else one punctuation rune)
	fCap                           // a word whose first letter is upper case
	fUpper                         // a word of two or more letters, all upper case
	fDigit                         // a word that starts with a digit
	fPoss                          // a word that ends in a possessive 's or ’s
	fSent                          // the first word of a sentence, line item or quotation
	fNewline                       // a line break comes before the token
	fDots                          // an acronym written with dots: "U.S.", "U.N."
	fHyphen                        // a word with an inner hyphen
	fPara                          // a blank line comes before the token
	fHead                          // the token's line is in headline case
	fHasDigit                      // a word with a digit anywhere: "G7", "F-16"
	fApos                          // a word with an inner apostrophe: "d'Alema", "Russia's"
	fCommonKnown                   // fCommon is set: the word was looked up
	fCommon                        // the word, without possessive, is a common word
	fName                          // a capitalised word that can be part of a name (see capWord)
)

// token is a word or a punctuation rune of the text.
type token struct {
	s, e int32 // byte span in the text, the possessive included
	b    int32 // end of the word without its possessive suffix
	f    tflag
	r    rune      // the rune of a punctuation token
	cls  wordClass // the classes of the word without possessive, or of the mark: set by lists.classify
	lex  int32     // index into lists.lexes of the same: set by lists.classify
}

func (t *token) is(f tflag) bool { return t.f&f != 0 }

// tokenizer splits a range of text into tokens. It skips URLs and the
// targets of Markdown links.
type tokenizer struct {
	text  string
	pos   int
	end   int
	nl    int  // line breaks since the last token
	first bool // no token yet
	// closeAt caches the search for a Markdown link target's end: the
	// first ')' or '\n' at or after the last "](" searched from, or end
	// when there is none. Without it, "[](" repeated with no ')' costs a
	// scan to the end per repeat: quadratic.
	closeAt   int
	breaks    int // at least the number of tokens appendTokens marked fNewline: 0 only when none
	start, n0 int // appendTokens: where it started in the text and in dst
	// l, when set, decides for capitalised words with digits whether they
	// are name parts: listed ones are ("G7"). Without it they are not
	// marked, and only capWord reads the mark.
	l *lists
}

func (z *tokenizer) reset(text string, start, end int) {
	*z = tokenizer{text: text, pos: start, end: end, first: true}
}

// isAbbrev reports whether w is a word that ends with a dot without
// ending a sentence.
func isAbbrev(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep",
		"Gov", "Prof", "Lt", "Col", "Capt", "Sgt", "Jr", "Sr",
		"Inc", "Corp", "Ltd", "Co", "No", "vs", "Rev", "Mt",
		"approx", "etc", "e.g", "i.e":
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// next returns the next token, or false at the end of the range.
func (z *tokenizer) next() (token, bool) {
	var t token
	ok := z.nextInto(&t)
	return t, ok
}

// appendTokens appends the tokens of the range to dst, each word marked
// fSent when it opens a sentence (see opensSentence), and returns dst.
// Plain ASCII words and punctuation, most of a text, are read here with
// the tokenizer's state in locals; the rest (words with joiners, initials,
// other scripts, URLs, link targets) by nextInto, as next reads them.
func (z *tokenizer) appendTokens(dst []token) []token {
	text := z.text[:z.end]
	z.start, z.n0 = z.pos, len(dst) // in z, not locals: only growing reads them
	pos, nl := z.pos, z.nl          // nl < 0 before the first token, whose line breaks mark nothing
	if z.first {
		nl = beforeFirst
	}
	var sent tflag // fSent when a word here opens a sentence
	if opensSentence(z.text, dst) {
		sent = fSent
	}
	for pos < len(text) {
		c := text[pos]
		cl := asciiClass[c]
		if cl&aSpace != 0 {
			pos++
			continue
		}
		if c == '\n' {
			nl++
			pos++
			continue
		}
		if len(dst) == cap(dst) {
			// Denser text than the caller guessed: make room for the
			// rest at the density so far, not by repeated doubling.
			dst = z.grow(dst, pos)
		}
		var f tflag
		if nl > 0 {
			f = fNewline
			if nl > 1 {
				f |= fPara
			}
			z.breaks++
		}
		if cl&aWord != 0 && !((c == 'h' || c == 'w') && pos+4 <= len(text) && (text[pos:pos+4] == "http" || text[pos:pos+4] == "www.")) {
			i, seen := pos+1, cl // seen: the classes of the word's bytes
			for i < len(text) && asciiClass[text[i]]&aWord != 0 {
				seen |= asciiClass[text[i]]
				i++
			}
			plain := true
			if i < len(text) {
				switch b := text[i]; {
				case b == '\'' || b == '-' || b >= utf8.RuneSelf:
					plain = false // a joiner, or a rune word reads
				case b == '.' && cl == aUpper:
					if i-pos == 1 {
						plain = false // an initial, or "U.S."
					} else if isDotWord(text[pos:i]) {
						i++
					}
				}
			}
			if plain {
				f |= fWord | sent
				switch cl {
				case aUpper:
					f |= fCap
					// A name part, unless a letter alone or a plural
					// acronym ("NGOs"); with digits only when listed
					// ("G7"). See nameShape.
					if n := i - pos; seen&aDigit == 0 && n > 1 && !(n >= 3 && text[i-1] == 's' && isUpperASCII(text[i-2])) ||
						seen&aDigit != 0 && z.l != nil && len(z.l.lookup(text[pos:i]).gaz) > 0 {
						f |= fName
					}
				case aDigit:
					f |= fDigit
				}
				if seen&aDigit != 0 {
					f |= fHasDigit
				}
				if seen&(aLower|aUpper) == aUpper && countUpper(text[pos:i]) >= 2 {
					f |= fUpper
				}
				dst = dst[:len(dst)+1]
				t := &dst[len(dst)-1]
				t.s, t.e, t.b, t.f, t.r, t.cls, t.lex = int32(pos), int32(i), int32(i), f, 0, 0, 0
				pos, nl, sent = i, 0, 0
				continue
			}
		} else if c < utf8.RuneSelf && cl&aWord == 0 && !(c == '(' && pos > 0 && z.text[pos-1] == ']') {
			dst = dst[:len(dst)+1]
			t := &dst[len(dst)-1]
			t.s, t.e, t.b, t.f, t.r, t.cls, t.lex = int32(pos), int32(pos+1), int32(pos+1), f, rune(c), 0, 0
			pos, nl, sent = pos+1, 0, 0
			if opensSentence(z.text, dst) {
				sent = fSent
			}
			continue
		}
		z.pos, z.nl, z.first = pos, max(nl, 0), nl < 0
		dst = dst[:len(dst)+1]
		t := &dst[len(dst)-1]
		if !z.nextInto(t) {
			return dst[:len(dst)-1]
		}
		if t.f&fNewline != 0 && nl <= 0 {
			z.breaks++ // line breaks met past the token's start
		}
		pos, nl = z.pos, z.nl
		if t.f&fWord != 0 {
			t.f |= sent
			sent = 0
			if t.f&fDots != 0 {
				sent = fSent
			}
		} else if sent = 0; opensSentence(z.text, dst) {
			sent = fSent
		}
	}
	z.pos, z.nl, z.first = pos, max(nl, 0), nl < 0
	return dst
}

// grow makes room in dst, full at pos, for the rest of the range at the
// density of tokens so far, not by repeated doubling.
func (z *tokenizer) grow(dst []token, pos int) []token {
	done, rest := max(pos-z.start, 1), z.end-pos
	return slices.Grow(dst, rest*(len(dst)-z.n0+1)/done+16)
}

// beforeFirst is appendTokens' count of line breaks before the first
// token: low enough to stay below zero whatever follows.
const beforeFirst = -1 << 40

// countUpper returns the number of ASCII capitals in w.
func countUpper(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if isUpperASCII(w[i]) {
			n++
		}
	}
	return n
}

// opensSentence reports whether a word that followed toks would open a
// sentence, a quotation or an item, where a capital letter says nothing
// about a name.
func opensSentence(text string, toks []token) bool {
	k := len(toks)
	if k == 0 {
		return true
	}
	p := &toks[k-1]
	if p.f&fWord != 0 {
		return p.f&fDots != 0
	}
	switch p.r {
	case '\'', '’':
		// An apostrophe after a space opens a quotation: 'It's been…'.
		if p.s > 0 && !isSpaceByte(text[p.s-1]) {
			return false
		}
	case ',', '&', '(', ')', '/':
		return false
	case '.':
		if k >= 2 && toks[k-2].f&fWord != 0 {
			w := text[toks[k-2].s:toks[k-2].e]
			if len(w) == 1 && isUpperASCII(w[0]) || isAbbrev(w) {
				return false
			}
		}
	}
	return true
}

// nextInto reads the next token into t and reports whether there was one
// before the end of the range.
func (z *tokenizer) nextInto(t *token) bool {
	text := z.text
	for z.pos < z.end {
		c := text[z.pos]
		if c < utf8.RuneSelf {
			switch cl := asciiClass[c]; {
			case cl&aWord != 0:
				if (c == 'h' || c == 'w') && z.skipURL() {
					continue
				}
				z.word(t)
				return true
			case c == '\n':
				z.nl++
				z.pos++
				continue
			case cl&aSpace != 0:
				z.pos++
				continue
			}
			// Markdown link target: "](" … ")".
			if c == '(' && z.pos > 0 && text[z.pos-1] == ']' {
				if z.closeAt < z.pos {
					z.closeAt = z.end
					if i := strings.IndexAny(text[z.pos:z.end], ")\n"); i >= 0 {
						z.closeAt = z.pos + i
					}
				}
				if z.closeAt < z.end {
					z.pos = z.closeAt + 1
					continue
				}
			}
			*t = token{s: int32(z.pos), e: int32(z.pos + 1), b: int32(z.pos + 1), r: rune(c)}
			z.mark(t)
			z.pos++
			return true
		}
		r, n := utf8.DecodeRuneInString(text[z.pos:z.end])
		if unicode.IsSpace(r) {
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				z.nl++
			}
			z.pos += n
			continue
		}
		if isWordRune(r) {
			z.word(t)
			return true
		}
		*t = token{s: int32(z.pos), e: int32(z.pos + n), b: int32(z.pos + n), r: r}
		z.mark(t)
		z.pos += n
		return true
	}
	return false
}

// ASCII byte classes for the tokenizer.
const (
	aLower uint8 = 1 << iota // a-z
	aUpper                   // A-Z
	aDigit                   // 0-9
	aSpace                   // space, \t, \r, \f, \v (not \n)
	aWord  = aLower | aUpper | aDigit
)

// asciiClass gives the class of each ASCII byte; 0 for the others and for
// the bytes of multi-byte runes.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = aLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = aUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	for _, c := range " \t\r\f\v" {
		t[c] = aSpace
	}
	return t
}()

func (z *tokenizer) mark(t *token) {
	if z.nl > 0 && !z.first {
		t.f |= fNewline
		if z.nl > 1 {
			t.f |= fPara
		}
	}
	z.nl = 0
	z.first = false
}

// skipURL skips a URL starting at pos and reports whether it did.
func (z *tokenizer) skipURL() bool {
	rest := z.text[z.pos:z.end]
	if !(strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "www.")) {
		return false
	}
	if z.pos > 0 && z.text[z.pos-1] != ' ' && z.text[z.pos-1] != '\n' && z.text[z.pos-1] != '(' && z.text[z.pos-1] != '<' && z.text[z.pos-1] != '[' {
		// "xhttp://" is no URL start; let the word scanner take it.
		r, _ := utf8.DecodeLastRuneInString(z.text[:z.pos])
		if isWordRune(r) {
			return false
		}
	}
	i := strings.IndexAny(rest, " \t\n)>]\"")
	if i < 0 {
		i = len(rest)
	}
	z.pos += i
	return true
}

// word scans a word at pos into t: letters, digits and marks, joined by
// inner apostrophes and hyphens; a run of single letters with dots ("U.S.")
// is one word.
func (z *tokenizer) word(t *token) {
	text := z.text[:z.end]
	start := z.pos
	*t = token{s: int32(start), f: fWord}
	z.mark(t)
	i := start
	end := z.end
	uppers, lowers := 0, 0 // letters in upper (or title) case and others; lowers only as 0 or not
	for i < len(text) {
		c := text[i]
		switch asciiClass[c] {
		case aLower:
			i++
			for i < len(text) && asciiClass[text[i]] == aLower {
				i++
			}
			lowers++
			continue
		case aUpper:
			if i == start {
				t.f |= fCap
			}
			uppers++
			i++
			continue
		case aDigit:
			if i == start {
				t.f |= fDigit
			}
			t.f |= fHasDigit
			i++
			continue
		}
		if c < utf8.RuneSelf {
			// Joiners: an apostrophe or hyphen between word runes.
			if (c == '\'' || c == '-') && i+1 < end && z.wordRuneAt(i+1) {
				if c == '-' {
					t.f |= fHyphen
				} else {
					t.f |= fApos
				}
				i++
				continue
			}
			// Acronyms with dots: "U.S.", "U.N.", "N.A.T.O.".
			if c == '.' && i-start == 1 && uppers == 1 && i+2 < end && isUpperASCII(text[i+1]) && text[i+2] == '.' {
				j := i
				for j+2 < end && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
					j += 2
				}
				i = j + 1
				uppers = (i - start) / 2
				t.f |= fDots | fUpper
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					if i == start {
						t.f |= fCap
					}
					uppers++
				} else {
					lowers++
				}
			} else if unicode.IsDigit(r) {
				if i == start {
					t.f |= fDigit
				}
				t.f |= fHasDigit
			}
			i += n
			continue
		}
		// Joiners: ’ and the non-breaking hyphen between word runes.
		if (r == '’' || r == '‑') && i+n < end && z.wordRuneAt(i+n) {
			if r == '‑' {
				t.f |= fHyphen
			} else {
				t.f |= fApos
			}
			i += n
			continue
		}
		break
	}
	// "St.", "Co.", "Inc.": the dot belongs to the word.
	if i < end && text[i] == '.' && isDotWord(text[start:i]) {
		i++
	}
	t.e = int32(i)
	t.b = t.e
	w := text[start:i]
	if uppers >= 2 && lowers == 0 {
		t.f |= fUpper
	}
	if n := len(w); n > 2 {
		switch w[n-1] {
		case 's':
			if w[n-2] == '\'' || strings.HasSuffix(w, "’s") {
				if n > 3 {
					t.f |= fPoss
					if w[n-2] == '\'' {
						t.b = t.e - 2
					} else {
						t.b = t.e - int32(len("’s"))
					}
				}
			}
		case 'S':
			if (w[n-2] == '\'' || strings.HasSuffix(w, "’S")) && t.f&fUpper != 0 {
				t.f |= fPoss
				t.b = t.e - int32(len(w)-strings.LastIndexAny(w, "'’"))
			}
		}
	}
	z.pos = i
	// A lower-case name particle glued to a name: "al-Assad", "d'Alema".
	if t.f&(fCap|fDigit) == 0 && t.f&(fHyphen|fApos) != 0 {
		if k := joinerIndex(w); k > 0 && k <= 3 {
			if particles[w[:k]] || w[:k] == "d" || w[:k] == "l" {
				r, _ := utf8.DecodeRuneInString(w[k+1:])
				if w[k] == 0xE2 { // ’
					r, _ = utf8.DecodeRuneInString(w[k+len("’"):])
				}
				if unicode.IsUpper(r) {
					t.f |= fCap
				}
			}
		}
	}
	if t.f&fCap != 0 {
		if t.f&fHasDigit == 0 && nameShape(text[start:t.b], t.f&fHyphen != 0) ||
			t.f&fHasDigit != 0 && z.l != nil && len(z.l.lookup(text[start:t.b]).gaz) > 0 {
			t.f |= fName
		}
	}
}

// joinerIndex returns the index of the first joiner (-, ' or ’) among
// the first four bytes of w, or -1: strings.IndexAny(w, "-'’") where
// that is below 4 (no continuation byte is one of them, nor 0xE2).
func joinerIndex(w string) int {
	for i := 0; i < len(w) && i < 4; i++ {
		if c := w[i]; c == '-' || c == '\'' || c == 0xE2 && strings.HasPrefix(w[i:], "’") {
			return i
		}
	}
	return -1
}

// nameShape reports whether a capitalised word without digits, without
// its possessive, can be part of a name: not a letter alone ("plan B"), a
// plural acronym ("NGOs", "MPs") or a code or compound with a one-letter
// part ("Matrix-M", "X-ray"); hyphen says whether it has inner hyphens.
func nameShape(w string, hyphen bool) bool {
	if len(w) == 1 {
		return false
	}
	if len(w) >= 3 && w[len(w)-1] == 's' && isUpperASCII(w[len(w)-2]) && isUpperASCII(w[0]) {
		return false
	}
	if hyphen {
		for len(w) > 0 {
			k, n := len(w), 0
			if i := strings.IndexByte(w, '-'); i >= 0 {
				k, n = i, 1
			}
			if i := strings.Index(w[:k], "‑"); i >= 0 {
				k, n = i, len("‑")
			}
			if k > 0 && utf8.RuneCountInString(w[:k]) == 1 {
				return false
			}
			w = w[k+n:]
			if n == 0 {
				break
			}
		}
	}
	return true
}

// wordRuneAt reports whether a word rune starts at byte i of the text.
func (z *tokenizer) wordRuneAt(i int) bool {
	if c := z.text[i]; c < utf8.RuneSelf {
		return asciiClass[c]&aWord != 0
	}
	r, _ := utf8.DecodeRuneInString(z.text[i:z.end])
	return isWordRune(r)
}

// isDotWord reports whether w keeps its abbreviation dot: it never ends a
// sentence there.
func isDotWord(w string) bool {
	switch w {
	case "St", "Mt", "Ft", "Co", "Inc", "Ltd", "Corp", "Jr", "Sr":
		return true
	}
	return false
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// particles are the lower-case words inside names: "Ursula von der Leyen",
// "Charles de Gaulle", "Bashar al-Assad".
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "del": true, "della": true, "di": true,
	"da": true, "du": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "el": true,
	"dos": true, "das": true, "ter": true, "zu": true, "y": true, "bint": true, "abu": true, "do": true,
}
