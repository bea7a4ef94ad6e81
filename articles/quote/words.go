package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is a word or a punctuation mark in a window of text around a quote.
type tok struct {
	s, e int  // bytes of the token in the text
	p    byte // 0 for a word; else the punctuation: , . ; : ! ? ( ) '-' for a dash, 'q' for a quotation mark, 'o' for any other
}

func (t tok) word() bool { return t.p == 0 }

// words splits text[from:to] into at most limit tokens. A word keeps inner
// apostrophes, hyphens and dots (Russia's, so-called, U.S.) and the final dot
// of an abbreviation or an initial (Mr., J.).
func words(text string, from, to, limit int, buf []tok) []tok {
	return tokenize(text, from, to, limit, buf, false)
}

// clauseWords is words up to the first token that ends a sentence or the
// stretch an attribution can cover (sentenceEnd), which it includes: the
// tokens an attribution after a quote can read.
func clauseWords(text string, from, to, limit int, buf []tok) []tok {
	return tokenize(text, from, to, limit, buf, true)
}

// tokenize is words, stopping after the first sentenceEnd token if clause.
func tokenize(text string, from, to, limit int, buf []tok, clause bool) []tok {
	out := buf[:0]
	to = min(to, len(text))
	window := text[:to] // no token reads past to
	i := max(from, 0)
	for i < len(window) && len(out) < limit {
		c := window[i]
		if c >= utf8.RuneSelf {
			var t tok
			t, i = wideToken(text, i, to)
			if t.e > t.s {
				out = append(out, t)
				if clause && sentenceEnd(t) {
					break
				}
			}
			continue
		}
		if wordByte[c] {
			// an ASCII word: most end at a space or a mark, with no
			// inner apostrophe, hyphen or dot to look at
			j := i + 1
			for j < len(window) && wordByte[window[j]] {
				j++
			}
			if j < len(window) {
				if d := window[j]; d >= utf8.RuneSelf || d == '\'' || d == '-' || d == '.' {
					j = wordEnd(text, i, j, to)
				}
			}
			out = append(out, tok{s: i, e: j})
			i = j
			continue
		}
		p, n := byte('o'), 1
		switch c {
		case ' ', '\n', '\t', '\r', '\v', '\f':
			i++
			continue
		case ',', '.', ';', ':', '!', '?', '(', ')':
			p = c
		case '-':
			p = '-'
		case '"', '\'':
			p = 'q'
		case '&':
			if _, m := entityAt(text, i, to); m > 0 {
				p, n = 'q', m
			}
		}
		out = append(out, tok{s: i, e: i + n, p: p})
		i += n
		if clause && sentenceEnd(out[len(out)-1]) {
			break
		}
	}
	return out
}

// wideToken reads the token at text[i], whose first byte is not ASCII,
// and returns it with the position after it; a space gives an empty token.
func wideToken(text string, i, to int) (tok, int) {
	r, n := decode(text, i, to)
	switch {
	case wordRune(r):
		j := wordEnd(text, i, i+n, to)
		return tok{s: i, e: j}, j
	case isSpace(r):
		return tok{}, i + n
	}
	p := byte('o')
	switch {
	case r == '…':
		p = '.'
	case isDash(r):
		p = '-'
	case glyphOf(r).fam != famNone:
		p = 'q'
	}
	return tok{s: i, e: i + n, p: p}, i + n
}

// wordEnd returns the end of the word that starts at i and runs at least
// to j, reading no further than to: on over letters, digits and marks,
// inner apostrophes, hyphens and dots, then the dot of an abbreviation or
// the apostrophe of a plural possessive.
func wordEnd(text string, i, j, to int) int {
	window := text[:to]
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
	return j
}

var wordByte = func() (t [256]bool) { // false from utf8.RuneSelf up
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordRune reports whether r belongs to a word: a letter, digit or
// combining mark.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordByte[r]
	}
	if 0x2000 <= r && r <= 0x206F {
		return false // General Punctuation (dashes, curly quotes, …) holds no letter, digit or mark
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func decode(text string, i, to int) (rune, int) {
	if i >= to {
		return ' ', 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:to])
}

// capital reports whether the word starts with an upper-case letter.
func capital(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lower returns the word in lower case. The lower-case forms of the words
// the rules know (cue verbs, stop words, titles…) come from one table, so
// that lowering a capitalised "The" or "Said" does not allocate.
func lower(w string) string {
	if isLower(w) {
		return w
	}
	ascii := isASCII(w)
	if ascii {
		if e := vocabularyFold.find(w); e.word != "" {
			return e.word
		}
	}
	var buf [32]byte
	b := appendLower(buf[:0], w)
	if !ascii {
		if e, ok := vocabulary[string(b)]; ok {
			return e.word
		}
	}
	return string(b)
}

// isLower reports whether w has no upper-case ASCII letter and no
// non-ASCII byte: then lower(w) is w.
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// isASCII reports whether w has no non-ASCII byte: then lowering its ASCII
// capitals lowers it.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// known returns lower(w) when w is in lower case already or its lower case
// is a word of the vocabulary, else "", which no rule looks for. Rules that
// only compare words with known words use it rather than lower: it does not
// allocate (but for words longer than 32 bytes).
func known(w string) string {
	if isLower(w) {
		return w
	}
	if isASCII(w) {
		return vocabularyFold.find(w).word
	}
	if !mayLowerToVocabulary(w) {
		return ""
	}
	var buf [32]byte
	return vocabulary[string(appendLower(buf[:0], w))].word
}

// mayLowerToVocabulary reports whether the lower case of w, a word with a
// non-ASCII byte, can be a word of the vocabulary: each of its non-ASCII
// letters must lower to an ASCII letter or to one that a word of the
// vocabulary holds ("Lajčák" cannot: no word holds a č). It saves most
// such words a lower-case copy and a map look-up.
func mayLowerToVocabulary(w string) bool {
	for _, r := range w {
		if r >= utf8.RuneSelf {
			if l := unicode.ToLower(r); l >= utf8.RuneSelf && !slices.Contains(vocabularyWide, l) {
				return false
			}
		}
	}
	return true
}

// vocabularyWide holds the non-ASCII letters of the vocabulary's words.
var vocabularyWide = func() []rune {
	var rs []rune
	for w := range vocabulary {
		for _, r := range w {
			if r >= utf8.RuneSelf && !slices.Contains(rs, r) {
				rs = append(rs, r)
			}
		}
	}
	return rs
}()

// lookup returns known(w) and the word lists lower(w) is in, with one
// table look-up.
func lookup(w string) (string, class) {
	h, ascii, clean := foldHashASCII(w)
	if !ascii {
		if !mayLowerToVocabulary(w) {
			return "", 0
		}
		var buf [32]byte
		e := vocabulary[string(appendLower(buf[:0], w))]
		return e.word, e.lists
	}
	e := vocabularyFold.findHashed(w, h)
	if e.word == "" && clean {
		return w, 0
	}
	return e.word, e.lists
}

// asciiLists returns the word lists that w is in once its ASCII letters
// are lowered (other letters stay as they are, so "SÄGER" is in none).
func asciiLists(w string) class {
	if len(w) > 32 {
		return vocabulary[lower(w)].lists
	}
	return vocabularyFold.find(w).lists
}

// foldTable finds the vocabulary entry of a word from its own bytes, its
// ASCII capitals lowered as they are read: no lower-case copy and no map
// on the rules' hottest path. It is an open-addressing hash table (FNV-1a,
// linear probing), at most a quarter full; a free slot has no word.
type foldTable []entry

func newFoldTable(m map[string]entry) foldTable {
	n := 1
	for n < 4*len(m) {
		n <<= 1
	}
	t := make(foldTable, n)
	for w, e := range m {
		i := foldHash(w) & uint32(n-1)
		for t[i].word != "" {
			i = (i + 1) & uint32(n-1)
		}
		t[i] = e
	}
	return t
}

// foldHash hashes w with its ASCII capitals lowered.
func foldHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// foldHashASCII returns foldHash(w), and whether w is ASCII and whether
// it has no capital either, in one pass.
func foldHashASCII(w string) (h uint32, ascii, clean bool) {
	h, ascii, clean = 2166136261, true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			clean = false
		} else if c >= utf8.RuneSelf {
			ascii, clean = false, false
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h, ascii, clean
}

// find returns the entry whose word is w with its ASCII capitals lowered
// (other bytes as they are), or a zero entry.
func (t foldTable) find(w string) entry {
	return t.findHashed(w, foldHash(w))
}

// findHashed is find given foldHash(w).
func (t foldTable) findHashed(w string, h uint32) entry {
	mask := uint32(len(t) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &t[i]
		if e.word == "" {
			return entry{}
		}
		if len(e.word) == len(w) && equalLowered(e.word, w) {
			return *e
		}
	}
}

// equalLowered reports whether w with its ASCII capitals lowered is low.
func equalLowered(low, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// hasLowerSuffix reports whether lower(w) ends with suffix, a lower-case
// ASCII word, without allocating for ASCII words.
func hasLowerSuffix(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return strings.HasSuffix(lower(w), suffix)
		}
	}
	tail := w[len(w)-len(suffix):]
	for i := 0; i < len(tail); i++ {
		c := tail[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// appendLower appends w in lower case to buf, rune by rune as
// unicode.ToLower maps it (an invalid byte becomes U+FFFD).
func appendLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// class is a set of the word lists a word is in.
type class uint16

// The word lists a vocabulary entry can be in.
const (
	inCues         class = 1 << iota // cueWords
	inStops                          // stopWords
	inDeterminers                    // determiners
	inPronouns                       // pronouns
	inTitles                         // titleWords
	inOrgs                           // orgWords
	inCommonStarts                   // commonStarts
	inWeakCues                       // weakCue
	inAfterCues                      // afterCue
	inScareMarkers                   // scareMarkers
)

// entry is a vocabulary word: its lower-case form and the lists it is in.
type entry struct {
	word  string
	lists class
}

// vocabulary holds every word the rules look up or compare in lower case,
// with the lists it is in: lower returns these strings rather than new
// ones, and lookup tells a word's lists with one look-up. A word missing
// here costs lower an allocation.
var vocabulary = func() map[string]entry {
	m := map[string]entry{}
	for _, l := range []struct {
		set   map[string]bool
		lists class
	}{{cueWords, inCues}, {stopWords, inStops}, {determiners, inDeterminers}, {pronouns, inPronouns},
		{titleWords, inTitles}, {orgWords, inOrgs}, {commonStarts, inCommonStarts},
		{weakCue, inWeakCues}, {afterCue, inAfterCues}, {scareMarkers, inScareMarkers}, {personNouns, 0}} {
		for w := range l.set {
			m[w] = entry{w, m[w].lists | l.lists}
		}
	}
	// the words of the rules' switch statements
	for _, w := range strings.Fields(`adding saying noting writing telling warning stressing calling describing
		arguing insisting explaining quoting quoted declaring asking urging in on at after before during asked
		speaking and but from for with meanwhile however later earlier then so also still yet when while as
		responding addressing interviewed contacted reached since by outside inside also again further
		previously once recently had has have would will was is did already simply only even repeatedly
		publicly privately reportedly allegedly italy family ally assembly supply now finally thus were been
		be are being laughed smiled shrugged sighed paused nodded grinned laughs smiles shrugs sighs nods grins
		de van von der den al bin da di du le la del ter ten daughter son wife husband mother father brother
		sister partner friend neighbour neighbor colleague widow widower granddaughter grandson niece nephew
		cousin girlfriend boyfriend fiancée fiancé to into near across via towards toward through around of
		or nor that this known called call calls describe described describes person organization country
		including out &`) {
		m[w] = entry{w, m[w].lists}
	}
	return m
}()

// vocabularyFold is the vocabulary as a foldTable.
var vocabularyFold = newFoldTable(vocabulary)

// cueWords are the verbs and phrases that report speech, in every form met
// in news: "said", "says", "told", "points out", "according to".
var cueWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "warn", "warns", "warned",
		"state", "states", "stated", "note", "notes", "noted", "insist", "insists", "insisted",
		"explain", "explains", "explained", "ask", "asks", "asked", "reply", "replies", "replied",
		"write", "writes", "wrote", "tweet", "tweets", "tweeted", "post", "posts", "posted",
		"announce", "announces", "announced", "declare", "declares", "declared", "continue", "continues", "continued",
		"conclude", "concludes", "concluded", "argue", "argues", "argued", "claim", "claims", "claimed",
		"acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted", "concede", "concedes", "conceded",
		"recall", "recalls", "recalled", "remark", "remarks", "remarked", "observe", "observes", "observed",
		"comment", "comments", "commented", "respond", "responds", "responded", "answer", "answers", "answered",
		"confirm", "confirms", "confirmed", "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
		"stress", "stresses", "stressed", "underline", "underlines", "underlined", "urge", "urges", "urged",
		"caution", "cautions", "cautioned", "predict", "predicts", "predicted", "promise", "promises", "promised",
		"pledge", "pledges", "pledged", "vow", "vows", "vowed", "suggest", "suggests", "suggested",
		"report", "reports", "reported", "read", "reads", "shout", "shouts", "shouted", "yell", "yelled",
		"whisper", "whispers", "whispered", "exclaim", "exclaimed", "joke", "jokes", "joked", "quip", "quips", "quipped",
		"sigh", "sighed", "murmur", "murmured", "testify", "testifies", "testified", "maintain", "maintains", "maintained",
		"contend", "contends", "contended", "counter", "counters", "countered", "retort", "retorts", "retorted",
		"agree", "agrees", "agreed", "complain", "complains", "complained", "lament", "laments", "lamented",
		"boast", "boasts", "boasted", "demand", "demands", "demanded", "condemn", "condemns", "condemned",
		"welcome", "welcomes", "welcomed", "reveal", "reveals", "revealed", "insist", "muse", "mused", "wonder", "wondered",
		"describe", "describes", "described", "call", "calls", "called", "accuse", "accuses", "accused",
		"assert", "asserts", "asserted", "affirm", "affirms", "affirmed", "point", "points", "pointed", "went", "goes",
		"mention", "mentions", "mentioned", "recount", "recounts", "recounted", "tell", "begged", "pleaded", "pleads",
		"repeat", "repeats", "repeated", "reiterate", "reiterates", "reiterated", "hint", "hinted", "signal", "signalled", "signaled",
		"according", "quoted", "quoting", "calling", "describing", "spoke", "speaks", "speak", "remembered", "remembers", "arguing", "insisting", "explaining", "declaring", "urging", "adding", "saying", "telling", "writing", "noting", "warning", "stressing",
		"säger", "sa", "sade", "sagte", "sagt", "erklärte", "betonte", "dit", "déclare", "ajoute", "affirme", "zegt", "dice", "afirma",
	} {
		m[w] = true
	}
	return m
}()

// speechOnly are the cue words that report speech whatever follows them;
// the others ("call", "describe", "welcome", "condemn", "point", "went")
// need a particle or a following quote to count.
var weakCue = map[string]bool{
	"call": true, "calls": true, "called": true, "describe": true, "describes": true, "described": true,
	"welcome": true, "welcomes": true, "welcomed": true, "condemn": true, "condemns": true, "condemned": true,
	"point": true, "points": true, "pointed": true, "went": true, "goes": true, "continue": true, "continues": true, "continued": true,
	"read": true, "reads": true, "post": true, "posts": true, "posted": true, "report": true, "reports": true, "reported": true,
	"accuse": true, "accuses": true, "accused": true, "demand": true, "demands": true, "demanded": true, "sa": true, "dit": true,
	"state": true, "note": true, "notes": true, "answer": true, "answers": true, "counter": true, "counters": true, "comment": true, "comments": true,
	"remark": true, "remarks": true, "quoted": true, "quoting": true, "according": true, "saying": true, "telling": true, "writing": true,
	"noting": true, "warning": true, "stressing": true, "adding": true, "agree": true, "agrees": true, "agreed": true, "promise": true, "promises": true,
}

// shapeFilter tells from its length and its first and last bytes alone
// that an ASCII word, in any case, is none of a set of lower-case words:
// most words looked at are not, and the look-up costs more. For each
// length n, first[n] has bit (b|0x20)&31 set for the first byte b of each
// word of n bytes, last[n] for its last byte.
type shapeFilter struct {
	first, last [33]uint32
}

func newShapeFilter(set map[string]bool) *shapeFilter {
	var f shapeFilter
	for w := range set {
		if w != "" && len(w) <= 32 {
			f.first[len(w)] |= 1 << ((w[0] | 0x20) & 31)
			f.last[len(w)] |= 1 << ((w[len(w)-1] | 0x20) & 31)
		}
	}
	return &f
}

// may reports whether w can be a word of the set in some case: false only
// for an ASCII word whose length, first and last letters no word of the
// set has (lowering a non-ASCII word may change its length).
func (f *shapeFilter) may(w string) bool {
	n := len(w)
	if n == 0 || n > 32 || f.first[n]&(1<<((w[0]|0x20)&31)) != 0 && f.last[n]&(1<<((w[n-1]|0x20)&31)) != 0 {
		return true
	}
	for i := 0; i < n; i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// The shapes of the cue, title and organisation words.
var (
	cueShapes   = newShapeFilter(cueWords)
	titleShapes = newShapeFilter(titleWords)
	orgShapes   = newShapeFilter(orgWords)
)

// cue reports whether the words at toks[i:] are a speech cue and how many
// tokens it takes: "said", "points out", "according to", "went on".
func cue(text string, toks []tok, i int) int {
	n, _, _, _ := cueAt(text, toks, i)
	return n
}

// cueAt is cue, also returning the word at toks[i] as lookup returns it,
// with its lists, when looked is true: always when n > 0, and for a word
// the look-up was needed to turn away.
func cueAt(text string, toks []tok, i int) (n int, w string, lists class, looked bool) {
	if i >= len(toks) || !toks[i].word() || !cueShapes.may(text[toks[i].s:toks[i].e]) {
		return 0, "", 0, false
	}
	w, lists = lookup(text[toks[i].s:toks[i].e])
	return cueOf(text, toks, i, w, lists), w, lists, true
}

// cueOf is cue given lookup's answer for toks[i].
func cueOf(text string, toks []tok, i int, w string, lists class) int {
	if lists&inCues == 0 {
		return 0
	}
	if i > 0 && toks[i-1].word() {
		// "the demand", "his statement": a noun, not a verb
		if p, pl := lookup(text[toks[i-1].s:toks[i-1].e]); pl&inDeterminers != 0 && p != "one" || p == "this" || p == "that" && w != "said" {
			return 0
		}
	}
	next := ""
	if i+1 < len(toks) && toks[i+1].word() {
		next = known(text[toks[i+1].s:toks[i+1].e])
	}
	switch w {
	case "point", "points", "pointed":
		if next == "out" {
			return 2
		}
		return 0
	case "went", "goes":
		if next == "on" {
			return 2
		}
		return 0
	case "according":
		if next == "to" {
			return 2
		}
		return 0
	case "quoted", "quoting":
		if next == "as" {
			return 2
		}
		return 1
	}
	return 1
}

// stopWords end a noun phrase naming a speaker.
var stopWords = map[string]bool{
	"in": true, "on": true, "at": true, "to": true, "from": true, "during": true, "after": true, "before": true,
	"with": true, "when": true, "while": true, "who": true, "whom": true, "whose": true, "which": true, "that": true, "as": true,
	"because": true, "but": true, "or": true, "for": true, "by": true, "about": true, "than": true, "since": true, "if": true,
	"yesterday": true, "today": true, "tonight": true, "later": true, "earlier": true, "also": true, "then": true,
	"again": true, "last": true, "this": true, "into": true, "over": true, "under": true, "via": true, "not": true,
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true, "will": true, "would": true,
	"could": true, "should": true, "can": true, "may": true, "might": true, "must": true, "did": true, "does": true, "do": true,
	"been": true, "be": true, "being": true, "there": true, "here": true, "so": true, "yet": true, "still": true, "just": true,
	"including": true, "where": true, "once": true, "now": true, "however": true, "meanwhile": true, "too": true,
	"adding": true, "saying": true, "noting": true, "insisting": true, "explaining": true, "referring": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"and": true, "i": true, "me": true, "my": true, "you": true, "your": true, "him": true, "them": true, "us": true,
}

// determiners start a noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"one": true, "another": true, "some": true, "several": true, "two": true, "three": true, "many": true, "both": true,
}

// pronouns that can be the subject of a cue.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// titleWords come before a name and are not part of it.
var titleWords = map[string]bool{
	"minister": true, "ministers": true, "president": true, "prime": true, "premier": true, "chancellor": true,
	"secretary": true, "general": true, "secretary-general": true, "foreign": true, "defence": true, "defense": true,
	"interior": true, "finance": true, "health": true, "deputy": true, "vice": true, "acting": true, "former": true,
	"mayor": true, "governor": true, "senator": true, "sen.": true, "rep.": true, "representative": true, "commissioner": true,
	"ambassador": true, "chief": true, "director": true, "chairman": true, "chairwoman": true, "chair": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "coach": true, "manager": true, "captain": true,
	"judge": true, "justice": true, "professor": true, "prof.": true, "dr.": true, "dr": true, "mr.": true, "mr": true,
	"mrs.": true, "mrs": true, "ms.": true, "ms": true, "sir": true, "dame": true, "lord": true, "lady": true, "king": true,
	"queen": true, "prince": true, "princess": true, "pope": true, "bishop": true, "archbishop": true, "rev.": true,
	"gen.": true, "general's": true, "colonel": true, "col.": true, "lt.": true, "major": true, "sergeant": true,
	"inspector": true, "superintendent": true, "detective": true, "officer": true, "councillor": true, "councilor": true,
	"councilwoman": true, "councilman": true, "mep": true, "mp": true, "congressman": true, "congresswoman": true,
	"state": true, "economy": true, "trade": true, "energy": true, "education": true, "justice minister": true,
	"leader": true, "head": true, "executive": true, "ceo": true, "founder": true, "economist": true, "analyst": true,
	"herr": true, "frau": true, "monsieur": true, "madame": true, "bürgermeister": true, "minister-president": true,
	"environment": true, "agriculture": true, "transport": true, "labour": true, "labor": true, "culture": true,
	"senior": true, "junior": true, "opposition": true, "party": true, "police": true, "fire": true, "chief executive": true,
	"presidential": true, "envoy": true, "diplomat": true, "official": true, "striker": true, "midfielder": true, "defender": true,
	"goalkeeper": true, "player": true, "forward": true, "winger": true, "veteran": true, "assistant": true,
}

// demonym reports whether a capitalised word looks like a nationality
// adjective (Macedonian, British, Swedish, Chinese, Israeli) that can stand
// before a title.
func demonym(w string) bool {
	if !capital(w) {
		return false
	}
	l := lower(w)
	for _, suf := range []string{"an", "ish", "ese", "ic", "i", "ch", "ian"} {
		if len(l) > len(suf)+2 && l[len(l)-len(suf):] == suf {
			return true
		}
	}
	return false
}
