package party

import (
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
	fNameKnown                     // fName is set: capWord was worked out
	fName                          // a capitalised word that can be part of a name
	fClassKnown                    // cls is set
)

// token is a word or a punctuation rune of the text.
type token struct {
	s, e int32 // byte span in the text, the possessive included
	b    int32 // end of the word without its possessive suffix
	f    tflag
	r    rune      // the rune of a punctuation token
	cls  wordClass // the classes of the word, once fClassKnown is set
}

func (t token) is(f tflag) bool { return t.f&f != 0 }

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
	closeAt int
}

func (z *tokenizer) reset(text string, start, end int) {
	*z = tokenizer{text: text, pos: start, end: end, first: true}
}

// abbrev lists words that end with a dot without ending a sentence.
var abbrev = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true, "Sen": true, "Rep": true,
	"Gov": true, "Prof": true, "Lt": true, "Col": true, "Capt": true, "Sgt": true, "Jr": true, "Sr": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "No": true, "vs": true, "Rev": true, "Mt": true,
	"approx": true, "etc": true, "e.g": true, "i.e": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// next returns the next token, or false at the end of the range.
func (z *tokenizer) next() (token, bool) {
	text := z.text
	for z.pos < z.end {
		c := text[z.pos]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				z.nl++
				z.pos++
				continue
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				z.pos++
				continue
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				if (c == 'h' || c == 'w') && z.skipURL() {
					continue
				}
				return z.word(), true
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
			t := token{s: int32(z.pos), e: int32(z.pos + 1), b: int32(z.pos + 1), r: rune(c)}
			z.mark(&t)
			z.pos++
			return t, true
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
			return z.word(), true
		}
		t := token{s: int32(z.pos), e: int32(z.pos + n), b: int32(z.pos + n), r: r}
		z.mark(&t)
		z.pos += n
		return t, true
	}
	return token{}, false
}

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

// word scans a word at pos: letters, digits and marks, joined by inner
// apostrophes and hyphens; a run of single letters with dots ("U.S.") is one
// word.
func (z *tokenizer) word() token {
	text := z.text
	t := token{s: int32(z.pos), f: fWord}
	z.mark(&t)
	i := z.pos
	letters, uppers, lowers := 0, 0, 0
	firstLetter := true
	for i < z.end {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:z.end])
		}
		switch {
		case c < utf8.RuneSelf && ('a' <= c && c <= 'z'):
			letters++
			lowers++
			firstLetter = false
			i++
			continue
		case c < utf8.RuneSelf && ('A' <= c && c <= 'Z'):
			if firstLetter && i == int(t.s) {
				t.f |= fCap
			}
			letters++
			uppers++
			firstLetter = false
			i++
			continue
		case c < utf8.RuneSelf && ('0' <= c && c <= '9'):
			if i == int(t.s) {
				t.f |= fDigit
			}
			t.f |= fHasDigit
			i++
			continue
		case c >= utf8.RuneSelf && isWordRune(r):
			if unicode.IsLetter(r) {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					if firstLetter && i == int(t.s) {
						t.f |= fCap
					}
					uppers++
				} else {
					lowers++
				}
				letters++
				firstLetter = false
			} else if unicode.IsDigit(r) {
				if i == int(t.s) {
					t.f |= fDigit
				}
				t.f |= fHasDigit
			}
			i += n
			continue
		}
		// Joiners: an apostrophe or hyphen between word runes.
		if r == '\'' || r == '’' || r == '-' || r == '‑' {
			if i+n < z.end {
				r2, _ := utf8.DecodeRuneInString(text[i+n : z.end])
				if isWordRune(r2) {
					if r == '-' || r == '‑' {
						t.f |= fHyphen
					} else {
						t.f |= fApos
					}
					i += n
					continue
				}
			}
		}
		// Acronyms with dots: "U.S.", "U.N.", "N.A.T.O.".
		if c == '.' && i-int(t.s) == 1 && uppers == 1 && i+2 < z.end && isUpperASCII(text[i+1]) && text[i+2] == '.' {
			j := i
			for j+2 < z.end && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
				j += 2
			}
			i = j + 1
			uppers = (i - int(t.s)) / 2
			letters = uppers
			t.f |= fDots | fUpper
			break
		}
		break
	}
	// "St.", "Co.", "Inc.": the dot belongs to the word.
	if i < z.end && text[i] == '.' && dotWords[text[t.s:i]] {
		i++
	}
	t.e = int32(i)
	t.b = t.e
	w := text[t.s:t.e]
	if letters >= 2 && lowers == 0 {
		t.f |= fUpper
	}
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		if len(w) > 3 {
			t.f |= fPoss
			if strings.HasSuffix(w, "'s") {
				t.b = t.e - 2
			} else {
				t.b = t.e - int32(len("’s"))
			}
		}
	} else if (strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "’S")) && t.is(fUpper) {
		t.f |= fPoss
		t.b = t.e - int32(len(w)-strings.LastIndexAny(w, "'’"))
	}
	z.pos = i
	// A lower-case name particle glued to a name: "al-Assad", "d'Alema".
	if !t.is(fCap) && !t.is(fDigit) && t.is(fHyphen|fApos) {
		if k := strings.IndexAny(w, "-'’"); k > 0 && k <= 3 {
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
	return t
}

// dotWords keep their abbreviation dot: it never ends a sentence there.
var dotWords = map[string]bool{"St": true, "Mt": true, "Ft": true, "Co": true, "Inc": true, "Ltd": true, "Corp": true, "Jr": true, "Sr": true}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// particles are the lower-case words inside names: "Ursula von der Leyen",
// "Charles de Gaulle", "Bashar al-Assad".
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "del": true, "della": true, "di": true,
	"da": true, "du": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "el": true,
	"dos": true, "das": true, "ter": true, "zu": true, "y": true, "bint": true, "abu": true, "do": true,
}
