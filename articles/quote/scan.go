package quote

import (
	"math/bits"
	"slices"
	"unicode/utf8"

	"byline/articles/doc"
)

// origin says how the scanner delimited a passage.
type origin uint8

const (
	paired     origin = iota // an opening and a closing mark
	lostOpen                 // a closing mark whose opening mark was lost: starts at the paragraph or after the previous quote
	unclosed                 // an opening mark never closed: ends with its paragraph
	dashed                   // dash-introduced speech: – Yes, we will, said the mayor.
	blockquote               // a block quote with no marks of its own: the block is the quote
)

// passage is a quoted passage as the scanner finds it, before interrupted
// quotes are joined and speakers are found.
type passage struct {
	span   doc.Span   // as Quote.Span
	parts  []doc.Span // as Quote.Parts
	block  int        // index of the block where it starts
	origin origin
	attr   doc.Span // for dash speech and block quotes: where the attribution stands (", said the mayor", "— Jane Roe"); zero when none
}

// opener is an opening mark waiting for its closing mark.
type opener struct {
	pos, end int    // the mark's bytes
	fam      family // which marks can close it
	weak     int    // for a single mark: end of a tentative closing mark ("ministers' "), used when no better one comes; 0 when none
	weakPos  int    // start of that tentative closing mark
	carried  bool   // reopens the quote carried over from the previous paragraph
}

// pair is a delimited stretch of a paragraph: a quote or a quote inside one.
type pair struct {
	start, end int      // Quote.Span
	in         doc.Span // the quoted words
	origin     origin
	carried    bool
	cont       bool // the carried quote, still open at the paragraph's end: hides what it holds, emitted later
}

// scanner finds the quoted passages of a text, one paragraph (block) at a
// time, in one pass over each with a stack of open marks. Every byte is
// looked at a bounded number of times, so the scan is linear in the text
// however the marks are (un)balanced.
type scanner struct {
	text     string
	blocks   []doc.Block
	bi       int      // index of the current block
	para     doc.Span // the current block
	content  int      // first byte of the paragraph's text (after spaces and "> ")
	pos      int      // scan position
	stack    []opener
	open     [numFam]int // openers of each family on the stack
	strong   int         // openers of strong families on the stack
	pairs    []pair      // closed in this paragraph
	lastEnd  int         // end of the last pair closed in this paragraph
	lastFin  bool        // the last pair's quoted words ended a sentence
	lastLost bool        // the last pair had lost its opening mark
	noBound  int         // no sentence starts between lastEnd and here
	carry    *passage    // a quote open at the end of the previous paragraph that this one reopens
	carryAt  int         // the block that must reopen carry
	carryOK  bool        // this paragraph reopened carry
	dialog   bool        // dash speech with an attribution was seen: dash paragraphs are speech
	out      []passage
	partBuf  []doc.Span // backing array for one-part quotes
}

// maxDepth bounds the stack of open marks: quotes are never nested more
// than a few levels, and deeper marks in hostile input are ignored.
const maxDepth = 256

// stateFn is one state of the scanner; it returns the next.
type stateFn func(*scanner) stateFn

// scan returns the quoted passages of the analysed blocks of text.
func scan(text string, blocks []doc.Block) []passage {
	s := &scanner{text: text, blocks: blocks, bi: -1}
	// news runs to about a quote per 200 bytes: room for most articles'
	// quotes and marks at once
	s.out = make([]passage, 0, max(16, len(text)/256))
	s.pairs = make([]pair, 0, 8)
	s.stack = make([]opener, 0, 8)
	for state := stateFn(scanBlock); state != nil; {
		state = state(s)
	}
	s.flushCarry()
	out := s.out[:0]
	for _, p := range s.out {
		if len(p.parts) > 0 && p.span.Start <= p.parts[0].Start && p.parts[len(p.parts)-1].End <= p.span.End {
			out = append(out, p)
		}
	}
	return out
}

// scanBlock moves to the next analysed block.
func scanBlock(s *scanner) stateFn {
	for s.bi++; s.bi < len(s.blocks); s.bi++ {
		b := s.blocks[s.bi]
		if !b.Kind.Analysed() || b.Start < 0 || b.End > len(s.text) || b.Start >= b.End {
			continue
		}
		if s.carry != nil && s.carryAt != s.bi {
			s.flushCarry()
		}
		s.para = b.Span
		s.content = contentStart(s.text, b.Span, b.Kind)
		s.pos = s.content
		s.stack, s.pairs = s.stack[:0], s.pairs[:0]
		s.open, s.strong = [numFam]int{}, 0
		s.lastEnd, s.lastFin, s.lastLost, s.carryOK = s.content, false, false, false
		return scanText
	}
	return nil
}

// scanText skips to the next byte that may start a quotation mark.
func scanText(s *scanner) stateFn {
	t := s.text[:s.para.End]
	for i := s.pos; i < len(t); {
		if i+8 <= len(t) {
			// go straight to the first of the next eight bytes that may be one
			m := candidateBytes(load64(t, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		if candidate[t[i]] {
			if t[i] == '\'' && i > s.para.Start && (asciiLetter(t[i-1]) && i+1 < len(t) && asciiLetter(t[i+1]) || '0' <= t[i-1] && t[i-1] <= '9') {
				i++ // an apostrophe in a word (it's) or a foot mark (5'11): as classify finds
				continue
			}
			s.pos = i
			return scanMark
		}
		i++
	}
	s.pos = s.para.End
	return endParagraph
}

// scanMark reads the mark at pos, if it is one, and pairs it.
func scanMark(s *scanner) stateFn {
	r, n := markAt(s.text, s.pos, s.para.End)
	if n == 0 {
		s.pos++
		return scanText
	}
	m := opener{pos: s.pos, end: s.pos + n, fam: glyphOf(r).fam}
	s.pos = m.end
	switch s.classify(r, m.pos, m.end) {
	case roleOpen:
		s.push(m)
	case roleClose:
		s.close(m)
	case roleEither:
		if s.open[m.fam] > 0 {
			s.close(m)
		} else {
			s.push(m)
		}
	case roleWeakClose:
		if top := len(s.stack) - 1; top >= 0 && s.stack[top].fam == famSingle && s.stack[top].weak == 0 {
			s.stack[top].weak, s.stack[top].weakPos = m.end, m.pos
		}
	}
	return scanText
}

// endParagraph settles what is still open and hands the paragraph's
// passages to the output.
func endParagraph(s *scanner) stateFn {
	end := trimRight(s.text, s.content, s.para.End)
	var left *opener // the outermost opening mark never closed that makes a quote
	for i := range s.stack {
		o := &s.stack[i]
		if o.weak > 0 {
			s.addPair(*o, o.weakPos, o.weak)
			continue
		}
		if left == nil && (o.fam.strong() || o.pos == s.content) {
			left = o
		}
	}
	if s.carry != nil && !s.carryOK {
		s.flushCarry()
	}
	if left != nil && left.carried {
		s.pairs = append(s.pairs, pair{start: left.pos, end: end, cont: true, carried: true})
	}
	var carry *passage // a quote this paragraph leaves open for the next
	carryAt := 0
	if left != nil && !left.carried {
		if next, ok := s.reopened(left.fam); ok {
			carry = &passage{span: doc.Span{Start: left.pos}, block: s.bi, origin: unclosed}
			carry.parts = appendPart(carry.parts, s.text, left.end, end)
			carryAt = next
			s.pairs = append(s.pairs, pair{start: left.pos, end: end, cont: true})
		} else {
			s.pairs = append(s.pairs, pair{start: left.pos, end: end, in: trim(s.text, left.end, end), origin: unclosed})
		}
	}
	s.emit(left != nil)
	if carry != nil {
		// the quote carried into this paragraph was closed in it and
		// emitted above; this one starts after it
		s.carry, s.carryAt = carry, carryAt
	}
	if left != nil && left.carried && s.carry != nil {
		s.carry.parts = appendPart(s.carry.parts, s.text, left.end, end)
		if next, ok := s.reopened(left.fam); ok {
			s.carryAt = next
		} else {
			s.carry.span.End = end
			s.out = append(s.out, *s.carry)
			s.carry = nil
		}
	}
	return scanBlock
}

// emit turns the paragraph's outermost pairs into passages; when there are
// none it looks for dash-introduced speech and whole block quotes.
func (s *scanner) emit(left bool) {
	slices.SortFunc(s.pairs, func(a, b pair) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	n, last := 0, -1
	for _, p := range s.pairs {
		if p.start < last || p.in.Len() <= 0 && !p.carried && !p.cont {
			continue
		}
		last = p.end
		n++
		if p.cont {
			continue
		}
		if p.carried && s.carry != nil {
			c := *s.carry
			c.parts = appendPart(c.parts, s.text, p.in.Start, p.in.End)
			c.span.End = p.end
			s.out = append(s.out, c)
			s.carry = nil
			continue
		}
		s.out = append(s.out, passage{span: doc.Span{Start: p.start, End: p.end}, parts: s.part(p.in), block: s.bi, origin: p.origin})
	}
	if n > 0 || left {
		return
	}
	if p, ok := dashSpeech(s.text, s.content, s.para.End, s.bi, s.dialog); ok {
		s.dialog = s.dialog || p.attr.Len() > 0
		s.out = append(s.out, p)
		return
	}
	if s.blocks[s.bi].Kind == doc.BlockQuote {
		if p, ok := wholeBlock(s.text, s.para, s.bi); ok {
			s.out = append(s.out, p)
		}
	}
}

// part returns a one-element parts slice carved from a shared backing
// array, so that many quotes cost few allocations.
func (s *scanner) part(p doc.Span) []doc.Span {
	if len(s.partBuf) == cap(s.partBuf) {
		s.partBuf = make([]doc.Span, 0, max(64, 2*cap(s.partBuf)))
	}
	s.partBuf = append(s.partBuf, p)
	n := len(s.partBuf)
	return s.partBuf[n-1 : n : n]
}

// flushCarry ends a carried quote at the end of the last paragraph that had it.
func (s *scanner) flushCarry() {
	if s.carry == nil {
		return
	}
	c := *s.carry
	s.carry = nil
	if len(c.parts) == 0 {
		return
	}
	c.span.End = c.parts[len(c.parts)-1].End
	s.out = append(s.out, c)
}

// reopened reports whether the next analysed block, of the same kind as the
// current one, starts with an opening mark of family f: the convention for a
// quote that runs over several paragraphs. It returns that block's index.
func (s *scanner) reopened(f family) (int, bool) {
	kind := s.blocks[s.bi].Kind
	if kind == doc.Headline {
		return 0, false
	}
	for j := s.bi + 1; j < len(s.blocks); j++ {
		b := s.blocks[j]
		if !b.Kind.Analysed() {
			continue
		}
		if b.Kind != kind || b.Start < s.para.End || b.End > len(s.text) || b.Start >= b.End {
			return 0, false
		}
		c := contentStart(s.text, b.Span, b.Kind)
		if c >= b.End || !candidate[s.text[c]] {
			return 0, false
		}
		r, n := markAt(s.text, c, b.End)
		g := glyphOf(r)
		if n == 0 || g.fam != f || g.dir == dirClose && f != famDouble && f != famAngle {
			return 0, false
		}
		return j, true
	}
	return 0, false
}

func (s *scanner) push(m opener) {
	if m.fam == famSingle {
		if top := len(s.stack) - 1; top >= 0 && s.stack[top].weak > 0 {
			o := s.pop()
			s.addPair(o, o.weakPos, o.weak)
		}
	}
	if s.carry != nil && !s.carryOK && s.carryAt == s.bi && m.pos == s.content {
		m.carried, s.carryOK = true, true
	}
	if len(s.stack) >= maxDepth {
		return // nesting this deep is noise; the marks below still pair
	}
	s.stack = append(s.stack, m)
	s.open[m.fam]++
	if m.fam.strong() {
		s.strong++
	}
}

func (s *scanner) pop() opener {
	o := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.open[o.fam]--
	if o.fam.strong() {
		s.strong--
	}
	return o
}

// close pairs a closing mark with the nearest open mark of its family,
// dropping the unclosed marks above it; with none open, a strong closing
// mark starts a lost-opening quote.
func (s *scanner) close(m opener) {
	if s.open[m.fam] > 0 {
		for {
			o := s.pop()
			if o.fam == m.fam {
				s.addPair(o, m.pos, m.end)
				return
			}
			if o.weak > 0 {
				s.addPair(o, o.weakPos, o.weak)
			}
		}
	}
	if !m.fam.strong() || s.strong > 0 {
		return
	}
	if s.lastLost {
		// a second lost opening in one sentence: a stray mark (ditto
		// marks, inches), not another quote. noBound remembers how far
		// the sentence is known to run, so each byte is looked at once.
		from := max(s.lastEnd, s.noBound-2)
		if sentenceAfter(s.text, from, m.pos) == 0 {
			s.noBound = m.pos
			return
		}
	}
	start := s.lostStart(m.pos)
	s.pairs = append(s.pairs, pair{start: start, end: m.end, in: trim(s.text, start, m.pos), origin: lostOpen})
	s.lastEnd, s.lastFin, s.lastLost = m.end, endsSentence(s.text, start, m.pos), true
}

func (s *scanner) addPair(o opener, closePos, closeEnd int) {
	p := pair{start: o.pos, end: closeEnd, in: trim(s.text, o.end, closePos), carried: o.carried}
	s.pairs = append(s.pairs, p)
	if closeEnd > s.lastEnd {
		s.lastEnd, s.lastFin, s.lastLost = closeEnd, endsSentence(s.text, o.end, closePos), false
	}
}

// lostStart returns where a quote whose opening mark was lost begins: at the
// paragraph's start, or at the first sentence after the previous quote.
func (s *scanner) lostStart(closePos int) int {
	from := s.lastEnd
	if from <= s.content {
		return skipLead(s.text, s.content, closePos)
	}
	if !s.lastFin {
		if b := sentenceAfter(s.text, from, closePos); b > 0 {
			from = b
		}
	}
	return skipLead(s.text, from, closePos)
}

// role is what a mark does in its context.
type role uint8

const (
	roleNone      role = iota // not a quotation mark here: apostrophe, inch or foot sign, elision
	roleOpen                  // opens a quote
	roleClose                 // closes one
	roleEither                // closes when a quote of its family is open, else opens
	roleWeakClose             // "ministers' meeting": closes an open single quote only if no better closing mark comes
)

// classify decides what the mark r at text[pos:end] does, from the runes
// around it: which side is a word (the mark faces it), apostrophes between
// letters, elisions, inches and feet.
func (s *scanner) classify(r rune, pos, end int) role {
	g := glyphOf(r)
	prev, pn := s.runeBefore(pos)
	next, nn := s.runeAfter(end)
	lf := !isSpace(next) && !closingPunct(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev))
	rf := !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next))
	switch g.fam {
	case famSingle:
		switch {
		case isLetter(prev) && isLetter(next), isDigit(prev):
			return roleNone // it's, o'clock, shouldn‘t, 5'11
		case isDigit(next) && !rf:
			return roleNone // the '90s
		case lf && !rf && elision(s.text, end+nn, s.para.End, next):
			return roleNone // 'n', 'em, 'til
		case rf && !lf && (prev == 'n' || prev == 'N') && isSingle(s.runeBefore2(pos, pn)):
			return roleNone // rock 'n' roll
		case rf && !lf && (prev == 's' || prev == 'S') && isSpace(next):
			if r2, _ := s.runeAfter(end + nn); isLetter(r2) || isDigit(r2) {
				return roleWeakClose // the ministers' meeting
			}
		case !lf && !rf && isSpace(prev) && isSpace(next):
			return roleNone
		}
	case famDouble:
		if isDigit(prev) && r != '„' && (s.open[famDouble] == 0 || s.feet(pos-pn)) {
			return roleNone // a 12" pizza, 5'11"
		}
	}
	switch {
	case g.dir == dirOpenOnly:
		return roleOpen
	case g.fam == famCorner || g.fam == famWCorner:
		return roleClose
	case lf && !rf:
		return roleOpen
	case rf && !lf:
		return roleClose
	case g.dir == dirOpen:
		return roleOpen
	case g.dir == dirClose:
		return roleClose
	}
	return roleEither
}

// feet reports whether the digits ending at i follow a foot mark (5'11").
func (s *scanner) feet(i int) bool {
	j := i
	for j > s.para.Start && isDigit(rune(s.text[j-1])) {
		j--
	}
	if j == i+1 || j <= s.para.Start {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s.text[s.para.Start:j])
	if r != '\'' && r != '’' || j-n <= s.para.Start {
		return false
	}
	return isDigit(rune(s.text[j-n-1]))
}

// runeBefore returns the rune before pos in the paragraph, ' ' at its start.
func (s *scanner) runeBefore(pos int) (rune, int) {
	if pos <= s.para.Start {
		return ' ', 0
	}
	if c := s.text[pos-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s.text[s.para.Start:pos])
}

func (s *scanner) runeBefore2(pos, n int) rune {
	r, _ := s.runeBefore(pos - n)
	return r
}

// runeAfter returns the rune at pos in the paragraph, ' ' at its end.
func (s *scanner) runeAfter(pos int) (rune, int) {
	if pos >= s.para.End {
		return ' ', 0
	}
	if c := s.text[pos]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.text[pos:s.para.End])
}

// closingPunct reports whether r is punctuation that cannot follow an
// opening mark: « Oui », with the comma after the closing mark.
func closingPunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']':
		return true
	}
	return false
}

func isSingle(r rune) bool { return r == '\'' || r == '‘' || r == '’' || r == '‛' }

// elision reports whether the word starting at i (whose first rune is first)
// is one that a leading apostrophe shortens: 'n', 'em, 'til, 'cause, 'tis.
func elision(text string, i, end int, first rune) bool {
	if first < 'A' || first > 'z' || !asciiLetter(byte(first)) {
		return false // every elision is ASCII letters
	}
	j := i
	for j < end && j-i < 6 && asciiLetter(text[j]) {
		j++
	}
	var buf [8]byte
	w := append(buf[:0], byte(first)|0x20) // letters only: |0x20 lowers them
	for k := i; k < j; k++ {
		w = append(w, text[k]|0x20)
	}
	switch string(w) {
	case "n", "em", "til", "tis", "twas", "cause", "cos", "bout", "kay", "im", "er", "ere", "s":
		return true
	}
	return false
}

// contentStart returns the first byte of a block's text: after leading
// spaces and, for a block quote, its "> " markers.
func contentStart(text string, b doc.Span, k doc.Kind) int {
	i := b.Start
	for i < b.End {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' && k == doc.BlockQuote {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(text[i:b.End]); isSpace(r) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// trim returns [start, end) without surrounding spaces and without a
// trailing comma (which belongs to the sentence, not the quoted words).
func trim(text string, start, end int) doc.Span {
	if end < start {
		end = start
	}
	for start < end {
		if c := text[start]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		if c := text[end-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] && c != ',' {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) && r != ',' {
			break
		}
		end -= n
	}
	return doc.Span{Start: start, End: end}
}

// trimRight returns end moved back over trailing spaces, not before start.
func trimRight(text string, start, end int) int {
	for end > start {
		if c := text[end-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return end
}

func appendPart(parts []doc.Span, text string, start, end int) []doc.Span {
	p := trim(text, start, end)
	if p.Len() <= 0 {
		return parts
	}
	return append(parts, p)
}

// skipLead returns i moved over spaces and leading punctuation that cannot
// begin quoted words (a comma or dash left from the previous sentence).
func skipLead(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isSpace(r) && r != ',' && r != ';' && !isDash(r) {
			break
		}
		i += n
	}
	return i
}

// endsSentence reports whether text[start:end] ends with sentence-final
// punctuation (spaces aside).
func endsSentence(text string, start, end int) bool {
	end = trimRight(text, start, end)
	if end <= start {
		return false
	}
	if c := text[end-1]; c < utf8.RuneSelf {
		return c == '.' || c == '!' || c == '?'
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:end])
	return r == '…'
}

// sentenceAfter returns the start of the first sentence that begins in
// [from, to): after ". ", "! " or "? " followed by something that is not a
// lower-case letter; 0 when there is none.
func sentenceAfter(text string, from, to int) int {
	for i := from; i < to; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c == '.' && abbrevBefore(text, from, i) {
			continue
		}
		j := i + 1
		for j < to && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j >= to || text[j] != ' ' && text[j] != '\n' {
			continue
		}
		for j < to && (text[j] == ' ' || text[j] == '\n') {
			j++
		}
		if j < to && !('a' <= text[j] && text[j] <= 'z') {
			return j
		}
	}
	return 0
}

// abbrevBefore reports whether the word ending at the '.' at text[dot] is an
// abbreviation (Mr., Dr., Gen., a single initial), so that the dot does not
// end a sentence.
func abbrevBefore(text string, from, dot int) bool {
	i := dot
	for i > from && asciiLetter(text[i-1]) {
		i--
	}
	w := text[i:dot]
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		return true
	}
	if len(w) > maxAbbrev {
		return false // most words before a dot end a sentence
	}
	_, ok := abbrevs[w]
	return ok
}

var abbrevs = map[string]struct{}{
	"Mr": {}, "Mrs": {}, "Ms": {}, "Dr": {}, "Prof": {}, "Gen": {}, "Sen": {}, "Rep": {}, "Gov": {},
	"Lt": {}, "Col": {}, "Capt": {}, "Sgt": {}, "St": {}, "Jr": {}, "Sr": {}, "Mt": {}, "Rev": {},
	"Adm": {}, "Maj": {}, "Cpl": {}, "Pres": {}, "Supt": {}, "Insp": {}, "No": {}, "vs": {}, "Hon": {},
}

// maxAbbrev is the length of the longest abbreviation in abbrevs.
const maxAbbrev = 4

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
