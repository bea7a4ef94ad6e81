package quote

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/articles/doc"
)

// person is a mention of a person found by the name scan: a full name
// ("Thomas Greiner"), a surname standing for one met before ("Greiner"), a
// titled surname ("Mayor Berg") or a first name in apposition ("His
// daughter, Tamsin,").
type person struct {
	doc.Span        // the mention, titles stripped
	name     string // the fullest form of the name met so far
}

// people returns the person mentions of the analysed blocks, in text
// order, at least up to the block holding pos. The text is scanned once,
// block by block as later positions are asked for (quotes are named in
// text order).
func (f *finder) people(pos int) []person {
	if f.persons == nil {
		f.persons = make([]person, 0, 16)
		f.nameToks = make([]tok, 0, 32)
	}
	toks := f.nameToks
	defer func() { f.nameToks = toks }()
	for ; f.nextBlock < len(f.blocks) && f.blocks[f.nextBlock].Start <= pos; f.nextBlock++ {
		b := f.blocks[f.nextBlock]
		if !b.Kind.Analysed() || b.Start < 0 || b.End > len(f.text) || b.Start >= b.End {
			continue
		}
		// only the stretches around capitalised words are tokenised
		for i := b.Start; i < b.End; {
			c := capitalAt(f.text, i, b.End)
			if c < 0 {
				break
			}
			end, several := runEnd(f.text, c, b.End)
			i = max(end, c+1)
			if !several && !f.mayName(c, end, b.Start) {
				continue // one capitalised word that is not a known surname nor in apposition
			}
			// two words of context before the run, one mark after it
			from := max(b.Start, c-20)
			for from > b.Start && from < c && wordBefore(f.text, from) {
				from++ // not in the middle of a word
			}
			to := min(b.End, end+4)
			for to < b.End && !utf8.RuneStart(f.text[to]) {
				to++
			}
			toks = words(f.text, from, to, 1<<30, toks)
			f.scanNames(toks, c, end, from == b.Start)
		}
	}
	return f.persons
}

// mayName reports whether a single capitalised word at text[c:end] can be
// a person mention: a name in apposition (", Tamsin,"), or a surname met
// before.
func (f *finder) mayName(c, end, start int) bool {
	if c-2 >= start && f.text[c-2] == ',' && f.text[c-1] == ' ' && end < len(f.text) && f.text[end] == ',' {
		return true
	}
	return f.surnames.get(surnameKey(f.text[c:end])) != ""
}

// surnameIndex maps a surname to the fullest form of the name met with it
// so far. Most capitalised words looked up are no surname: a filter of 256
// bits, set from each surname's length and first and last bytes, answers
// for them without hashing the word.
type surnameIndex struct {
	names map[string]string
	seen  [4]uint64
}

func surnameBit(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(len(w))*67 + uint(w[0])*7 + uint(w[len(w)-1])) & 255
}

// get returns the full name for surname w, or "".
func (s *surnameIndex) get(w string) string {
	if b := surnameBit(w); s.seen[b>>6]&(1<<(b&63)) == 0 {
		return ""
	}
	return s.names[w]
}

// set records name as the full name for surname w.
func (s *surnameIndex) set(w, name string) {
	if s.names == nil {
		s.names = make(map[string]string, 16)
	}
	b := surnameBit(w)
	s.seen[b>>6] |= 1 << (b & 63)
	s.names[w] = name
}

// capitalAt returns the start of the next word that starts with a capital
// letter at or after i, or -1.
func capitalAt(text string, i, end int) int {
	for i < end {
		if i+8 <= end {
			// go straight to the first byte of the next eight that may
			// start a capital
			m := capitalBytes(load64(text, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' && (i == 0 || text[i-1] < utf8.RuneSelf && !wordByte[text[i-1]] || text[i-1] >= utf8.RuneSelf && !wordBefore(text, i)) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsUpper(r) {
			if !wordBefore(text, i) {
				return i
			}
		}
		i += n
	}
	return -1
}

// capitalBytes sets the top bit of each of the eight bytes of x that is an
// ASCII capital letter or a non-ASCII byte, and clears every other bit,
// testing them all at once: adding 0x3F to a byte below 0x80 sets its top
// bit from 'A' up, adding 0x25 from '[' up (no sum carries into the next
// byte).
func capitalBytes(x uint64) uint64 {
	const ones = 0x0101010101010101
	low := x & (0x7F * ones)
	capitals := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones)
	return (x | capitals) & (0x80 * ones)
}

// load64 returns the eight bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordBefore reports whether a word rune ends right before i.
func wordBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return wordByte[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return wordRune(r)
}

// runEnd returns the end of the run of capitalised words (with name
// particles) starting at i, and whether it holds more than one word.
func runEnd(text string, i, end int) (int, bool) {
	last, n := i, 0
	for i < end {
		j := i
		// a word that does not start with a capital ends the run unless
		// it is a particle of three letters at most: read no more of it
		lim := end
		if c := text[i]; c < utf8.RuneSelf && !('A' <= c && c <= 'Z') {
			if !particleStart[c] {
				break // no particle starts so
			}
			lim = min(end, i+4)
		}
		for j < lim {
			if c := text[j]; nameByte[c] {
				j++
				continue
			} else if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(text[j:end])
			if !wordRune(r) && r != '’' {
				break
			}
			j += n
		}
		if j == i {
			break
		}
		if c := text[i]; !('A' <= c && c <= 'Z') && (c < utf8.RuneSelf || !capital(text[i:j])) && (j-i > 3 || !particle(text[i:j])) {
			break
		}
		last = j
		n++
		if j >= end || text[j] != ' ' {
			break
		}
		i = j + 1
	}
	return last, n > 1
}

// particleStart tells the first letters of the name particles.
var particleStart = [256]bool{'a': true, 'b': true, 'd': true, 'l': true, 't': true, 'v': true}

// nameByte tells the ASCII bytes that continue a word of a name: letters,
// digits, apostrophes, hyphens and dots.
var nameByte = func() (t [256]bool) { // false from utf8.RuneSelf up
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = wordByte[c] || c == '\'' || c == '-' || c == '.'
	}
	return t
}()

// scanNames looks at the run of capitalised words in toks that starts at
// byte c (and ends by end), with the tokens around it for context.
func (f *finder) scanNames(toks []tok, c, end int, atStart bool) {
	text := f.text
	for k := 0; k < len(toks); k++ {
		if !toks[k].word() || toks[k].s != c {
			continue
		}
		lo := k
		hi := k
		for hi+1 < len(toks) && toks[hi+1].word() {
			w := text[toks[hi+1].s:toks[hi+1].e]
			if capital(w) || particle(known(w)) && hi+2 < len(toks) && toks[hi+2].word() && capital(text[toks[hi+2].s:toks[hi+2].e]) {
				hi++
				continue
			}
			break
		}
		k = hi
		initial := lo == 0 && atStart || lo > 0 && (sentenceEnd(toks[lo-1]) || toks[lo-1].p == '-')
		if initial && commonWord(text[toks[lo].s:toks[lo].e]) {
			lo++
		}
		if lo > hi {
			continue
		}
		if lo > 0 && toks[lo-1].word() {
			if pw, pl := lookup(text[toks[lo-1].s:toks[lo-1].e]); pl&inDeterminers != 0 || placeWord(pw) {
				continue
			}
		}
		sp := stripTitles(text, toks, lo, hi)
		titled := sp.Start > toks[lo].s
		n, org := 0, false
		first := -1
		for j := lo; j <= hi; j++ {
			if toks[j].s < sp.Start {
				continue
			}
			if first < 0 {
				first = j
			}
			n++
			if orgWord(text[toks[j].s:toks[j].e]) {
				org = true
			}
		}
		if org || n == 0 || n > 4 {
			continue
		}
		last := surnameKey(text[toks[hi].s:toks[hi].e])
		switch {
		case n >= 2:
			name := text[sp.Start:sp.End]
			if strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
				name = name[:len(name)-len("'s")]
				if strings.HasSuffix(text[sp.Start:sp.End], "’s") {
					name = text[sp.Start : sp.End-len("’s")]
				}
			}
			f.surnames.set(last, name)
			f.persons = append(f.persons, person{sp, name})
		case f.surnames.get(last) != "":
			f.persons = append(f.persons, person{sp, f.surnames.get(last)})
		case titled:
			f.persons = append(f.persons, person{sp, text[sp.Start:sp.End]})
		case first > 1 && toks[first-1].p == ',' && toks[first-2].word() && relationWord(known(text[toks[first-2].s:toks[first-2].e])) &&
			hi+1 < len(toks) && toks[hi+1].p == ',':
			f.persons = append(f.persons, person{sp, text[sp.Start:sp.End]})
		}
	}
}

// surnameKey returns a word without a possessive ending, for matching a
// surname to the full name met before.
func surnameKey(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	return w
}

// commonWord reports whether a capitalised sentence-initial word is an
// ordinary word rather than the start of a name.
func commonWord(w string) bool {
	const lists = inDeterminers | inStops | inCues | inPronouns | inCommonStarts
	if !isASCII(w) {
		if asciiLists(w)&lists != 0 {
			return true
		}
		return leadInWord(w) || adverbWord(w) || placeWord(known(w))
	}
	// one look-up: every word that leadIn, adverb and placeWord list is
	// in the vocabulary, so a word outside it can only be a lead-in or an
	// adverb by its ending
	k, in := lookup(w)
	if in&lists != 0 {
		return true
	}
	if k != "" {
		return leadIn(k) || adverb(k) || placeWord(k)
	}
	return len(w) > 5 && hasLowerSuffix(w, "ing") || len(w) > 4 && hasLowerSuffix(w, "ly")
}

var commonStarts = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "this": true, "these": true, "those": true}

// placeWord reports whether a word before a capitalised run makes it a
// place, title or organisation rather than a person: "in Paris", "on
// France Inter".
func placeWord(w string) bool {
	switch w {
	case "in", "on", "at", "from", "to", "into", "near", "across", "via", "outside", "inside", "towards", "toward", "through", "around", "of", "by", "for":
		return true
	}
	return false
}

// relationWord is a noun that a first name can stand in apposition to.
func relationWord(w string) bool {
	switch w {
	case "daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "partner", "friend", "neighbour",
		"neighbor", "colleague", "widow", "widower", "granddaughter", "grandson", "niece", "nephew", "cousin", "girlfriend", "boyfriend", "fiancée", "fiancé":
		return true
	}
	return false
}

// personNouns head descriptions that name a person ("a spokeswoman for the
// ministry") and so can be what "she" refers to.
var personNouns = map[string]bool{
	"spokeswoman": true, "spokesman": true, "spokesperson": true, "official": true, "woman": true, "man": true,
	"resident": true, "mother": true, "father": true, "officer": true, "source": true, "minister": true, "mayor": true,
	"president": true, "chairwoman": true, "chairman": true, "secretary": true, "director": true, "teacher": true,
	"doctor": true, "nurse": true, "lawyer": true, "judge": true, "witness": true, "worker": true, "owner": true,
	"manager": true, "coach": true, "player": true, "student": true, "analyst": true, "economist": true, "expert": true,
	"researcher": true, "scientist": true, "commissioner": true, "ambassador": true, "envoy": true, "diplomat": true,
	"representative": true, "councillor": true, "senator": true, "governor": true, "leader": true, "chief": true,
}

// personBefore returns the person a "he" or "she" at pos most likely refers
// to: the nearest person named before it outside quotes (a party of kind
// person, a name found by the scan), or a person described as the subject
// of the sentence before the quote ("A spokeswoman for the ministry said…").
func (f *finder) personBefore(it *item, pos int) string {
	bestPos, best := -1, ""
	if len(f.parties) > 0 {
		j := sort.Search(len(f.mentions), func(j int) bool { return f.mentions[j].Start >= pos })
		for k := j - 1; k >= 0 && k >= j-200; k-- {
			if f.parties[f.mentions[k].party].Kind == "person" && !f.insideQuote(f.mentions[k].Start) {
				bestPos, best = f.mentions[k].Start, f.parties[f.mentions[k].party].Name
				break
			}
		}
	}
	ps := f.people(pos)
	j := sort.Search(len(ps), func(j int) bool { return ps[j].Start >= pos })
	for k := j - 1; k >= 0 && k >= j-50; k-- {
		if f.insideQuote(ps[k].Start) {
			continue
		}
		if ps[k].Start > bestPos {
			bestPos, best = ps[k].Start, ps[k].name
			if p := f.partyAt(ps[k].Span); p >= 0 {
				best = f.parties[p].Name
			}
		}
		break
	}
	if d, at := f.describedSubject(it, bestPos); at > bestPos {
		best = d
	}
	return best
}

// describedSubject returns a person description that is the subject of a
// cue in the sentence before the quote's own, and where it stands; it
// does not look when that sentence ends by after, as no description
// there could stand after it.
func (f *finder) describedSubject(it *item, after int) (string, int) {
	b := f.blocks[it.Block]
	s := f.sentenceStart(b, it.Span.Start)
	if s <= b.Start || s-1 <= after {
		return "", -1
	}
	ps := f.sentenceStart(b, s-1)
	if ps >= s {
		return "", -1
	}
	// the cue is among the first 14 tokens; cue reads one more
	toks := words(f.text, ps, s, 15, f.buf[:])
	for k := 1; k < len(toks) && k < 14; k++ {
		if cue(f.text, toks, k) == 0 {
			continue
		}
		a, ok := subject(f.text, toks, 0, k)
		if !ok {
			return "", -1
		}
		sp := f.text[a.speaker.Start:a.speaker.End]
		// a determiner, then the head noun: the last word, or the last
		// before "for", "of", "at", "from" ("a spokeswoman for the ministry")
		n, head, headSet := 0, "", false
		for w := range strings.FieldsSeq(sp) {
			lw := known(w)
			if n == 0 && !determiners[lw] {
				return "", -1
			}
			if !headSet && (lw == "for" || lw == "of" || lw == "at" || lw == "from" || lw == "with") {
				headSet = true
			} else if !headSet {
				head = lw
			}
			n++
		}
		if n >= 2 && personNouns[head] {
			return sp, a.speaker.Start
		}
		return "", -1
	}
	return "", -1
}
