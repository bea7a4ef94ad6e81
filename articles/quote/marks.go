package quote

import (
	"unicode"
	"unicode/utf8"
)

// family groups the quotation marks that can pair with each other.
type family uint8

const (
	famNone    family = iota
	famDouble         // " “ ” „ ‟ and their HTML entities
	famSingle         // ' ‘ ’ ‚ ‛: also apostrophes, so only weak evidence of a quote
	famAngle          // « »
	famSAngle         // ‹ ›
	famCorner         // 「 」
	famWCorner        // 『 』
	numFam
)

// strong reports whether marks of the family are almost never anything but
// quotation marks, so that one left open runs to the end of its paragraph
// and one closing with no opening starts a lost-mark quote.
func (f family) strong() bool { return f != famNone && f != famSingle }

// dir is the direction a mark's glyph has when the context does not say.
type dir uint8

const (
	dirEither   dir = iota // ", ', ‛, ‟: from context and from what is open
	dirOpen                // “ „ ‘ ‚ « ‹ 「 『
	dirClose               // ” ’ » › 」 』
	dirOpenOnly            // „ ‚ 「 『: never closes
)

type glyph struct {
	fam family
	dir dir
}

// glyphOf returns the family and default direction of a quotation mark rune,
// famNone for any other rune.
func glyphOf(r rune) glyph {
	switch r {
	case '"', '‟':
		return glyph{famDouble, dirEither}
	case '“':
		return glyph{famDouble, dirOpen}
	case '”':
		return glyph{famDouble, dirClose}
	case '„':
		return glyph{famDouble, dirOpenOnly}
	case '\'', '‛':
		return glyph{famSingle, dirEither}
	case '‘':
		return glyph{famSingle, dirOpen}
	case '’':
		return glyph{famSingle, dirClose}
	case '‚':
		return glyph{famSingle, dirOpenOnly}
	case '«':
		return glyph{famAngle, dirOpen}
	case '»':
		return glyph{famAngle, dirClose}
	case '‹':
		return glyph{famSAngle, dirOpen}
	case '›':
		return glyph{famSAngle, dirClose}
	case '「':
		return glyph{famCorner, dirOpenOnly}
	case '」':
		return glyph{famCorner, dirClose}
	case '『':
		return glyph{famWCorner, dirOpenOnly}
	case '』':
		return glyph{famWCorner, dirClose}
	}
	return glyph{}
}

// candidate marks the bytes at which a quotation mark can start: the ASCII
// marks, '&' for HTML entities and the lead bytes of the multi-byte marks.
var candidate = [256]bool{'"': true, '\'': true, '&': true, 0xC2: true, 0xE2: true, 0xE3: true}

// candidateBytes sets the top bit of each of the eight bytes of x that may
// be a candidate (a superset: every non-ASCII byte, and 0x22 to 0x27, the
// double quote to the apostrophe), and clears every other bit. As in
// capitalBytes, adding 0x80-lo to a byte below 0x80 sets its top bit from
// lo up.
func candidateBytes(x uint64) uint64 {
	const ones = 0x0101010101010101
	low := x & (0x7F * ones)
	inRange := (low + (0x80-'"')*ones) &^ (low + (0x80-'\''-1)*ones)
	return (x | inRange) & (0x80 * ones)
}

// entities maps the HTML entity names that stand for quotation marks.
var entities = map[string]rune{
	"quot": '"', "apos": '\'', "ldquo": '“', "rdquo": '”', "bdquo": '„',
	"lsquo": '‘', "rsquo": '’', "sbquo": '‚', "laquo": '«', "raquo": '»',
	"lsaquo": '‹', "rsaquo": '›',
}

// markAt decodes the quotation mark starting at text[i] (a candidate byte):
// the rune it stands for and its length in bytes. n is 0 when there is none.
func markAt(text string, i, end int) (r rune, n int) {
	switch c := text[i]; c {
	case '"', '\'':
		return rune(c), 1
	case '&':
		return entityAt(text, i, end)
	}
	r, n = utf8.DecodeRuneInString(text[i:end])
	if glyphOf(r).fam == famNone {
		return 0, 0
	}
	return r, n
}

// entityAt decodes an HTML entity for a quotation mark at text[i] == '&':
// &ldquo;, &#8220;, &#x201C; and the like.
func entityAt(text string, i, end int) (rune, int) {
	lim := min(end, i+10)
	j := i + 1
	for j < lim && text[j] != ';' {
		j++
	}
	if j >= lim || j == i+1 {
		return 0, 0
	}
	name := text[i+1 : j]
	var r rune
	if name[0] == '#' {
		v, base, digits := 0, 10, name[1:]
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			base, digits = 16, digits[1:]
		}
		if digits == "" {
			return 0, 0
		}
		for k := 0; k < len(digits); k++ {
			d := hexVal(digits[k])
			if d < 0 || d >= base {
				return 0, 0
			}
			v = v*base + d
		}
		r = rune(v)
	} else {
		var ok bool
		if r, ok = entities[name]; !ok {
			return 0, 0
		}
	}
	if glyphOf(r).fam == famNone {
		return 0, 0
	}
	return r, j + 1 - i
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isSpace reports whether r separates words, counting no-break and thin
// spaces. A paragraph's edges count as space (pass ' ').
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return wideSpace(r)
}

// wideSpace is isSpace beyond ASCII, kept out of line so that isSpace
// inlines.
func wideSpace(r rune) bool { return unicode.IsSpace(r) }

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

// isPunct reports whether r is punctuation or a symbol for the purpose of
// deciding which way a mark faces.
func isPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiPunct[r]
	}
	return widePunct(r)
}

func widePunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

var asciiPunct = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		t[c] = true
	}
	return t
}()

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return wideLetter(r)
}

func wideLetter(r rune) bool { return unicode.IsLetter(r) }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isDash reports whether r is a dash that introduces speech or an attribution.
func isDash(r rune) bool { return r == '–' || r == '—' || r == '―' || r == '‒' }
