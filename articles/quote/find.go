package quote

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/articles/doc"
)

// how says where a quote's speaker came from.
type how uint8

const (
	howNone      how = iota
	howOwn           // an attribution in the quote's own sentence
	howIntro         // the paragraph before ends with a colon naming the speaker
	howRun           // inherited from the quote before or after it in a run of quotes
	howNeighbour     // a cue in the sentence before
)

// item is a quote on its way out of Find.
type item struct {
	Quote
	origin  origin
	attr    attribution
	how     how
	attrEnd int // end of the quote with its attribution clause
	src     int // for a run: the index of the quote whose speaker it takes
}

// finder carries what attribution needs over the whole text.
type finder struct {
	text      string
	blocks    []doc.Block
	parties   []Party
	mentions  []mention // all party mentions, by start
	buf       [80]tok
	items     []item
	persons   []person     // names found by the name scan, in text order
	memos     []memo       // descriptions resolved so far, one per title word
	nextBlock int          // the first block not yet scanned for names
	surnames  surnameIndex // full names by surname, for the name scan
	nameToks  []tok        // scratch tokens for the name scan
}

type mention struct {
	doc.Span
	party int
}

func newFinder(text string, blocks []doc.Block, parties []Party) *finder {
	f := &finder{text: text, blocks: blocks, parties: parties}
	n := 0
	for _, p := range parties {
		n += len(p.Mentions)
	}
	if n > 0 {
		f.mentions = make([]mention, 0, n)
	}
	for i, p := range parties {
		for _, m := range p.Mentions {
			if m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
				f.mentions = append(f.mentions, mention{m, i})
			}
		}
	}
	f.mentions = sortMentions(f.mentions)
	return f
}

// sortMentions sorts ms by start, and mentions starting together in the
// order they come in ms (party order), and returns the sorted slice. It
// sorts integer keys, start and index packed in one, not the mentions.
func sortMentions(ms []mention) []mention {
	if len(ms) < 2 {
		return ms
	}
	keys := make([]uint64, len(ms))
	sorted := true
	for i, m := range ms {
		if uint64(m.Start) >= 1<<32 || uint64(i) >= 1<<32 {
			slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.Start, b.Start) })
			return ms
		}
		keys[i] = uint64(m.Start)<<32 | uint64(i)
		sorted = sorted && (i == 0 || keys[i] > keys[i-1])
	}
	if sorted {
		return ms
	}
	slices.Sort(keys)
	out := make([]mention, len(ms))
	for k, key := range keys {
		out[k] = ms[uint32(key)]
	}
	return out
}

// join makes one quote of two passages of a paragraph separated only by
// their attribution: "First," he said, "second."
func (f *finder) join(ps []passage) []item {
	items := make([]item, 0, len(ps))
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		it := item{Quote: Quote{Span: p.span, Parts: p.parts, Block: p.block}, origin: p.origin, attrEnd: p.span.End}
		if p.origin == paired || p.origin == lostOpen {
			for i+1 < len(ps) && ps[i+1].block == p.block && ps[i+1].origin == paired {
				q := ps[i+1]
				last := it.Parts[len(it.Parts)-1]
				gap := f.text[it.Span.End:q.span.Start]
				if len(gap) > 160 || endsSentence(f.text, last.Start, last.End) && !strings.HasPrefix(strings.TrimLeft(gap, " "), ",") {
					break
				}
				tail := trimSpaceNBSP(gap)
				if !strings.HasSuffix(tail, ",") && !strings.HasSuffix(tail, "–") && !strings.HasSuffix(tail, "—") {
					break
				}
				a, ok := after(f.text, it.Span.End, q.span.Start, false, f.buf[:])
				if !ok || a.cue.Len() == 0 {
					break
				}
				it.attr, it.how = a, howOwn
				it.Parts = append(it.Parts[:len(it.Parts):len(it.Parts)], q.parts...)
				it.Span.End = q.span.End
				it.attrEnd = q.span.End
				i++
			}
		}
		if p.origin == dashed && p.attr.Len() > 0 {
			if a, ok := after(f.text, p.attr.Start, min(len(f.text), p.attr.End+1), false, f.buf[:]); ok {
				it.attr, it.how = a, howOwn
			}
		}
		if p.origin == blockquote {
			if c := f.blocks[p.block].Cite; c != "" {
				it.Speaker = c
				it.how = howOwn
			} else if p.attr.Len() > 0 {
				if a, ok := after(f.text, p.attr.Start, p.attr.End, false, f.buf[:]); ok {
					it.attr, it.how = a, howOwn
				}
			}
		}
		items = append(items, it)
	}
	return items
}

// trimSpaceNBSP is strings.TrimRight(s, " \u00a0") without the cutset.
func trimSpaceNBSP(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, " "):
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-len("\u00a0")]
		default:
			return s
		}
	}
}

// Find returns the quoted passages in the analysed blocks of text, in text
// order and not overlapping, each with its speaker when one can be found.
// Blocks that are not Analysed (captions, credits, boilerplate) are skipped;
// nil blocks mean the text is split into paragraphs at blank lines. parties
// may be nil: then a speaker is reported by the words that name it
// ("Bujar Osmani" from "Macedonian Minister Bujar Osmani"); with parties, a
// speaker named by a mention of one is reported by its canonical Name.
func Find(text string, blocks []doc.Block, parties []Party) []Quote {
	if blocks == nil {
		blocks = paragraphs(text)
	}
	f := newFinder(text, blocks, parties)
	f.items = f.join(scan(text, blocks))
	for i := range f.items {
		f.own(i)
	}
	for i := range f.items {
		f.kind(i)
	}
	for i := len(f.items) - 1; i >= 0; i-- {
		f.forward(i)
	}
	for i := range f.items {
		f.inherit(i)
	}
	// runs take the speaker of the quote they follow, named first
	for i := range f.items {
		if f.items[i].how != howRun {
			f.name(i)
		}
	}
	for i := range f.items {
		if f.items[i].how == howRun {
			f.name(i)
		}
	}
	out := make([]Quote, len(f.items))
	for i, it := range f.items {
		out[i] = it.Quote
	}
	return out
}

// own finds the attribution in the quote's own sentence: after the closing
// mark, else before the opening mark, else a colon introduction in the
// paragraph before, else the attribution of a quote earlier in the same
// sentence ("said the package was "a first step" but "far from enough"").
func (f *finder) own(i int) {
	it := &f.items[i]
	if it.how != howNone {
		if it.attr.ok() {
			it.attrEnd = max(it.attrEnd, it.attr.end)
		}
		return
	}
	b := f.blocks[it.Block]
	if it.origin == blockquote || it.origin == dashed {
		if a, ok := f.intro(it); ok {
			it.attr, it.how = a, howIntro
		}
		return
	}
	end := f.blocks[f.blockOf(it.Span.End)].End
	next := end
	if i+1 < len(f.items) && f.items[i+1].Span.Start < next {
		next = f.items[i+1].Span.Start
	}
	if a, ok := f.afterQuote(it, next); ok {
		it.attr, it.how, it.attrEnd = a, howOwn, max(it.attrEnd, a.end)
		return
	}
	if it.origin == lostOpen && it.Span.Start > contentStart(f.text, b.Span, b.Kind) {
		f.sameSentence(i)
		return
	}
	if f.sameSentence(i) {
		return
	}
	from := f.sentenceStart(b, it.Span.Start)
	if a, ok := before(f.text, from, it.Span.Start, f.buf[:]); ok && f.partialOK(it, a) {
		it.attr, it.how = a, howOwn
		return
	}
	if a, ok := f.colon(from, it.Span.Start); ok {
		it.attr, it.how = a, howOwn
		return
	}
	if a, ok := f.intro(it); ok {
		it.attr, it.how = a, howIntro
	}
}

// sameSentence gives item i the attribution of the quote before it when
// both stand in one sentence and no other cue comes between them.
func (f *finder) sameSentence(i int) bool {
	if i == 0 {
		return false
	}
	it, pv := &f.items[i], &f.items[i-1]
	if pv.Block != it.Block || pv.how != howOwn || !pv.attr.ok() || it.Span.Start-pv.Span.End > 240 {
		return false
	}
	from := max(pv.Span.End, pv.attr.end)
	if from > it.Span.Start || sentenceAfter(f.text, pv.Span.End, it.Span.Start) > 0 {
		return false
	}
	toks := words(f.text, from, it.Span.Start, 60, f.buf[:])
	for k := range toks {
		if sentenceEnd(toks[k]) && toks[k].p != 'q' || cue(f.text, toks, k) > 0 {
			return false
		}
	}
	it.attr, it.how = pv.attr, howOwn
	return true
}

// partialOK refuses an attribution before a quote of one or two words that
// sits inside the reported clause rather than ending it: in `the ministry
// said the "temporary" measures would end` the word is a scare quote.
func (f *finder) partialOK(it *item, a attribution) bool {
	if len(it.Parts) > 1 || it.origin != paired {
		return true
	}
	p := it.Parts[0]
	if n, _ := countWordsUpTo(f.text[p.Start:p.End], 2); n > 2 {
		return true
	}
	gap := f.text[a.cue.End:it.Span.Start]
	g := strings.TrimSpace(gap)
	if g == "" || strings.HasSuffix(g, ":") || strings.HasSuffix(g, ",") {
		return true
	}
	w := lower(f.text[a.cue.Start:a.cue.End])
	if strings.HasPrefix(w, "call") || strings.HasPrefix(w, "describ") {
		return true
	}
	var buf [4]tok
	toks := words(f.text, it.Span.End, min(len(f.text), it.Span.End+40), 2, buf[:])
	if len(toks) == 0 {
		return true
	}
	t := toks[0]
	if !t.word() {
		return t.p != '(' && t.p != 'o'
	}
	switch known(f.text[t.s:t.e]) {
	case "and", "but", "or", "nor", "yet":
		return true
	}
	return false
}

// colon finds the speaker of a quote introduced by a colon in its own
// sentence with no cue verb: "Ribeiro was unmoved: « … »".
func (f *finder) colon(from, open int) (attribution, bool) {
	end := trimRight(f.text, from, open)
	if end <= from || f.text[end-1] != ':' {
		return attribution{}, false
	}
	toks := words(f.text, from, end-1, 60, f.buf[:])
	if len(toks) == 0 || len(toks) == 60 {
		return attribution{}, false
	}
	return sentenceSubject(f.text, toks, len(toks))
}

// afterQuote parses the attribution after a quote, refusing a new sentence
// that merely starts after a full stop: `"…done." The minister left.`
func (f *finder) afterQuote(it *item, next int) (attribution, bool) {
	last := it.Parts[len(it.Parts)-1]
	headline := f.blocks[it.Block].Kind == doc.Headline
	a, ok := after(f.text, it.Span.End, next, headline, f.buf[:])
	if !ok {
		return a, false
	}
	if a.cue.Len() == 0 {
		return a, true // a dash attribution: "…" —Jane Roe
	}
	r, _ := utf8.DecodeLastRuneInString(f.text[last.Start:last.End])
	if r == '.' || r == '…' {
		// a new sentence: accept only "Name said." standing alone
		if a.cue.Start < a.speaker.Start {
			return a, false
		}
		w := f.text[a.cue.End:min(len(f.text), a.cue.End+1)]
		if w != "." && w != "" && !strings.HasPrefix(f.text[a.cue.End:], "\n") {
			return a, false
		}
	}
	return a, true
}

// intro finds a speaker named in the paragraph before a quote that opens its
// paragraph, when that paragraph ends with a colon: "And from the
// chairwoman, Jane Roe:".
func (f *finder) intro(it *item) (attribution, bool) {
	b := f.blocks[it.Block]
	if contentStart(f.text, b.Span, b.Kind) != it.Span.Start && it.origin != blockquote {
		return attribution{}, false
	}
	pb := f.prevBlock(it.Block)
	if pb < 0 {
		return attribution{}, false
	}
	p := f.blocks[pb]
	end := trimRight(f.text, p.Start, p.End)
	if end <= p.Start || f.text[end-1] != ':' {
		return attribution{}, false
	}
	from := f.sentenceStart(p, end-1)
	if a, ok := before(f.text, from, end, f.buf[:]); ok {
		return a, true
	}
	return f.colon(from, end)
}

// sentenceStart returns where the sentence holding pos starts, within block b.
// It looks back no further than 600 bytes and than the end of the quote
// before pos, so that each quote costs time for its own stretch of text.
func (f *finder) sentenceStart(b doc.Block, pos int) int {
	lo := max(b.Start, pos-600)
	if k := f.endingAfter(pos); k > 0 {
		lo = max(lo, min(pos, f.items[k-1].Span.End))
	}
	// the last full stop, exclamation or question mark followed by a space
	// or line break, eight bytes at a time where none of them stands
	for j := pos - 2; j >= lo; {
		if j-7 >= lo && !mayEndSentence(load64(f.text, j-7)) {
			j -= 8
			continue
		}
		if p, c := f.text[j], f.text[j+1]; (p == '.' || p == '!' || p == '?') && (c == ' ' || c == '\n') {
			if p != '.' || !abbrevBefore(f.text, lo, j) {
				return j + 2
			}
		}
		j--
	}
	return contentStart(f.text, doc.Span{Start: lo, End: b.End}, b.Kind)
}

// mayEndSentence reports whether the eight bytes of x hold a '.', '!' or
// '?': a byte equal to c leaves a zero byte in x^(c×0x01…), and v-0x01…
// sets the top bit of a zero byte of v that was clear in v.
func mayEndSentence(x uint64) bool {
	const ones = 0x0101010101010101
	zero := func(v uint64) uint64 { return (v - ones) &^ v & (0x80 * ones) }
	return zero(x^('.'*ones))|zero(x^('!'*ones))|zero(x^('?'*ones)) != 0
}

func (f *finder) prevBlock(bi int) int {
	for j := bi - 1; j >= 0; j-- {
		if f.blocks[j].Kind.Analysed() {
			return j
		}
	}
	return -1
}

// blockOf returns the index of the block that holds pos.
func (f *finder) blockOf(pos int) int {
	i := sort.Search(len(f.blocks), func(i int) bool { return f.blocks[i].End >= pos })
	if i >= len(f.blocks) {
		return len(f.blocks) - 1
	}
	return i
}

// scareMarkers are the words that, just before a short quote, show it as a
// scare quote: a so-called "peace plan", the word "family".
var scareMarkers = map[string]bool{
	"so-called": true, "dubbed": true, "nicknamed": true, "termed": true, "titled": true, "entitled": true,
	"branded": true, "labelled": true, "labeled": true, "coined": true, "word": true, "term": true, "phrase": true,
	"slogan": true, "hashtag": true, "motto": true, "headline": true, "banner": true, "codenamed": true, "code-named": true,
	"film": true, "book": true, "novel": true, "song": true, "album": true, "play": true, "series": true, "show": true,
	"programme": true, "program": true, "documentary": true, "exhibition": true, "operation": true, "campaign": true, "project": true,
	"initiative": true, "podcast": true, "musical": true, "opera": true, "poem": true, "painting": true, "single": true, "hit": true,
}

// kind tells direct quotes from scare quotes: a short phrase nobody is
// reported to say, after a marker like "so-called", or a title.
func (f *finder) kind(i int) {
	it := &f.items[i]
	it.Kind = Direct
	if it.origin != paired || len(it.Parts) > 1 {
		return
	}
	p := it.Parts[0]
	fin := endsSentence(f.text, p.Start, p.End)
	attributed := it.how == howOwn && it.attr.ok() && it.attr.cue.Len() > 0
	// count no more words than the cases below can tell apart: an
	// attributed sentence is direct whatever its length; an unattributed
	// one needs two words, an attributed phrase at most eight for a marker
	limit := 12
	switch {
	case fin && attributed:
		limit = 0
	case fin:
		limit = 1
	case attributed:
		limit = 8
	}
	words, titleCase := countWordsUpTo(f.text[p.Start:p.End], limit)
	switch {
	case attributed:
	case fin && words >= 2:
	case f.blocks[it.Block].Kind == doc.Headline && words >= 3 && !titleCase:
	case words <= 4:
		it.Kind = Scare
	case titleCase && words <= 10 && !fin && f.blocks[it.Block].Kind != doc.Headline:
		it.Kind = Scare
	}
	// a scare marker before a short phrase makes it a scare quote too;
	// look for one only when that changes the answer
	if it.Kind == Direct && words <= 8 && !fin && f.markerBefore(it.Span.Start) {
		it.Kind = Scare
	}
	if it.Kind == Scare {
		it.how, it.attr = howNone, attribution{}
	}
}

// markerBefore reports whether the word before pos is a scare marker.
func (f *finder) markerBefore(pos int) bool {
	toks := words(f.text, max(0, pos-40), pos, 12, f.buf[:])
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	if !t.word() {
		return false
	}
	w, lists := lookup(f.text[t.s:t.e])
	if lists&inScareMarkers != 0 || w == "as" && len(toks) > 1 && toks[len(toks)-2].word() && strings.EqualFold(f.text[toks[len(toks)-2].s:toks[len(toks)-2].e], "known") {
		return true
	}
	return w == "called" && len(toks) > 1 && toks[len(toks)-2].word() && strings.EqualFold(f.text[toks[len(toks)-2].s:toks[len(toks)-2].e], "so")
}

// countByte tells the ASCII bytes of a word for countWords: letters,
// digits, apostrophes and hyphens (false for every other byte).
var countByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = wordByte[c] || c == '\'' || c == '-'
	}
	return t
}()

// countWords counts the words of s and reports whether every word of four
// letters or more is capitalised (a title).
// It stops counting past 12 words, more than any rule needs.
func countWords(s string) (int, bool) { return countWordsUpTo(s, 12) }

// countWordsUpTo is countWords stopping past limit words rather than 12:
// it returns at most limit+1, and whether those words make a title.
func countWordsUpTo(s string, limit int) (int, bool) {
	if limit < 0 {
		return 0, true
	}
	n, title := 0, true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !countByte[c] {
			i++ // a space or a mark between words
			continue
		}
		start := i
		for i < len(s) { // a word: letters, digits, apostrophes, hyphens
			if c := s[i]; countByte[c] {
				i++
				continue
			} else if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isLetter(r) && r != '’' {
				break
			}
			i += size
		}
		if i == start {
			_, size := utf8.DecodeRuneInString(s[i:]) // not a word: step over it
			i += size
			continue
		}
		n++
		if title && i-start >= 4 && !capital(s[start:i]) {
			title = false
		}
		if n > limit {
			return n, title
		}
	}
	return n, title
}

// forward gives an unattributed quote the speaker of the quote right after
// it in the same paragraph when only spaces stand between them:
// `"One." "Two," she said.`
func (f *finder) forward(i int) {
	it := &f.items[i]
	if it.Kind != Direct || it.how != howNone || i+1 >= len(f.items) {
		return
	}
	nx := &f.items[i+1]
	if nx.Kind != Direct || nx.Block != it.Block || nx.how != howOwn || !nx.attr.ok() && nx.Speaker == "" {
		return
	}
	if strings.TrimSpace(f.text[it.Span.End:nx.Span.Start]) != "" {
		return
	}
	if nx.attr.cue.Len() > 0 && nx.attr.cue.End < nx.Span.Start {
		return // "…" She said: "…": her words come after
	}
	it.attr, it.how, it.src = nx.attr, howRun, i+1
}

// inherit gives an unattributed quote the speaker of the quote before it
// when nothing else stands between them (the news convention for a run of
// quotes), else the subject of a cue in the sentence before.
func (f *finder) inherit(i int) {
	it := &f.items[i]
	if it.Kind != Direct || it.how != howNone {
		return
	}
	k := i - 1
	for k >= 0 && f.items[k].Kind != Direct {
		k--
	}
	if k >= 0 {
		pv := &f.items[k]
		if (pv.attr.ok() || pv.Speaker != "") && f.nothingBetween(pv, it) {
			it.attr, it.how, it.src = pv.attr, howRun, k
			return
		}
	}
	if a, ok := f.neighbour(it, k); ok {
		it.attr, it.how = a, howNeighbour
	}
}

// nothingBetween reports whether nothing but the rest of pv's attribution
// sentence, spaces and paragraph breaks stand between pv and it: the gap
// holds no letters, or its first sentence boundary comes right before it.
func (f *finder) nothingBetween(pv, it *item) bool {
	from := pv.Span.End
	if pv.attr.cue.Len() > 0 && pv.attr.cue.Start > pv.Span.End {
		from = max(from, pv.attr.cue.End)
	}
	if from > it.Span.Start || it.Span.Start-from > 600 {
		return false
	}
	letters := false
	for _, r := range f.text[from:it.Span.Start] {
		if isLetter(r) || isDigit(r) {
			letters = true
			break
		}
	}
	if !letters {
		return true
	}
	if pv.attr.cue.Len() == 0 || pv.attr.cue.Start < pv.Span.End {
		return false // the words between are not pv's attribution
	}
	b := sentenceAfter(f.text, from, it.Span.Start+1)
	if b == 0 {
		b = nextBlockStart(f.text, from, it.Span.Start)
	}
	return b == it.Span.Start
}

// nextBlockStart returns the first non-space byte after a blank line in
// [from, to), or 0.
func nextBlockStart(text string, from, to int) int {
	i := strings.Index(text[from:to], "\n\n")
	if i < 0 {
		return 0
	}
	return skipLead(text, from+i, to)
}

// neighbour finds the speaker in the sentence before a quote that opens its
// sentence: `Smith said the plan was dead. "Nobody wants it."`
func (f *finder) neighbour(it *item, prev int) (attribution, bool) {
	b := f.blocks[it.Block]
	start := it.Span.Start
	cs := contentStart(f.text, b.Span, b.Kind)
	var sb doc.Block
	var end int
	if start == cs {
		pb := f.prevBlock(it.Block)
		if pb < 0 || f.blocks[pb].Kind == doc.Headline {
			return attribution{}, false
		}
		sb, end = f.blocks[pb], trimRight(f.text, f.blocks[pb].Start, f.blocks[pb].End)
	} else {
		s := f.sentenceStart(b, start)
		if s != start {
			return attribution{}, false
		}
		sb, end = b, trimRight(f.text, b.Start, start)
	}
	if end <= sb.Start {
		return attribution{}, false
	}
	if prev >= 0 && f.items[prev].Span.End > sb.Start && f.items[prev].Span.End >= end-1 {
		return attribution{}, false
	}
	from := f.sentenceStart(sb, end-1)
	if prev >= 0 && f.items[prev].Span.End > from {
		return attribution{}, false
	}
	toks := words(f.text, from, end, 13, f.buf[:]) // the cue is among the first 12 tokens; cue reads one more
	for k := 1; k < len(toks) && k < 12; k++ {
		c := cue(f.text, toks, k)
		if c == 0 && reaction(known(f.text[toks[k].s:toks[k].e])) {
			c = 1
		}
		if c == 0 {
			continue
		}
		w := known(f.text[toks[k].s:toks[k].e])
		if weakCue[w] && w != "added" && w != "continued" || w == "according" {
			return attribution{}, false
		}
		a, ok := subject(f.text, toks, 0, k)
		if !ok {
			return attribution{}, false
		}
		a.cue = span(toks, k, k+c-1)
		return a, true
	}
	return attribution{}, false
}

// reaction reports whether a verb describes how a speaker reacted just
// before speaking: `He laughed. "Call it a feeling."`
func reaction(w string) bool {
	switch w {
	case "laughed", "smiled", "shrugged", "sighed", "paused", "nodded", "grinned", "laughs", "smiles", "shrugs", "sighs", "nods", "grins":
		return true
	}
	return false
}

// name turns an attribution into the reported speaker: a party's canonical
// name when the words name one, a pronoun or description resolved to the
// person named before, else the words themselves.
func (f *finder) name(i int) {
	it := &f.items[i]
	if it.Kind != Direct {
		it.Speaker, it.SpeakerSpan, it.Cue = "", doc.Span{}, doc.Span{}
		return
	}
	if it.how == howRun || !it.attr.ok() {
		if it.how != howRun {
			return
		}
	}
	if it.attr.ok() {
		it.SpeakerSpan, it.Cue = it.attr.speaker, it.attr.cue
	}
	if it.how == howRun {
		src := &f.items[it.src]
		if src.how == howRun {
			src = &f.items[src.src] // a run after a forward run
		}
		it.Speaker = src.Speaker
		return
	}
	if it.Speaker != "" {
		return
	}
	it.Speaker = f.resolve(it, it.attr)
}

// mayBePronoun reports whether w can lower to a pronoun: one of at most
// four runes (at most four bytes each), starting with h, s, t, i or w
// when its first byte is ASCII.
func mayBePronoun(w string) bool {
	if w == "" || len(w) > 16 {
		return false
	}
	switch w[0] | 0x20 {
	case 'h', 's', 't', 'i', 'w':
		return true
	}
	return w[0] >= utf8.RuneSelf
}

// resolve returns the speaker named by an attribution.
func (f *finder) resolve(it *item, a attribution) string {
	words := f.text[a.speaker.Start:a.speaker.End]
	if mayBePronoun(words) {
		if w, lists := lookup(words); lists&inPronouns != 0 {
			return f.pronoun(it, w, a.speaker.Start)
		}
	}
	if p := f.partyAt(a.speaker); p >= 0 {
		return f.parties[p].Name
	}
	if d := f.described(it, a.speaker); d != "" {
		return d
	}
	return words
}

// partyAt returns the party with a mention overlapping sp, preferring
// people, then organisations, countries and places; -1 when none.
func (f *finder) partyAt(sp doc.Span) int {
	j := sort.Search(len(f.mentions), func(j int) bool { return f.mentions[j].End > sp.Start })
	best, bestRank := -1, 99
	for ; j < len(f.mentions) && f.mentions[j].Start < sp.End; j++ {
		m := f.mentions[j]
		if !m.Overlaps(sp) {
			continue
		}
		r := kindRank(f.parties[m.party].Kind)
		if r < bestRank {
			best, bestRank = m.party, r
		}
	}
	return best
}

func kindRank(k string) int {
	switch k {
	case "person":
		return 0
	case "organization":
		return 1
	case "country":
		return 2
	}
	return 3
}

// pronoun resolves he/she to the nearest person named before pos, they and
// it to the nearest group or organisation that spoke before; "" when none.
func (f *finder) pronoun(it *item, w string, pos int) string {
	pos = min(pos, it.Span.Start)
	switch w {
	case "he", "she":
		return f.personBefore(it, pos)
	case "they", "it":
		for k := f.index(it) - 1; k >= 0 && k >= f.index(it)-20; k-- {
			pv := &f.items[k]
			if pv.Kind != Direct || pv.Speaker == "" || pv.Span.End < pos-3000 {
				continue
			}
			g := pv.attr.group
			if g.Len() == 0 {
				g = pv.attr.speaker
			}
			if g.Len() == 0 {
				continue
			}
			s := f.text[g.Start:g.End]
			if asciiLists(s)&inPronouns != 0 {
				continue
			}
			group := isGroupWord(s)
			if w == "they" && group || w == "it" && !group && !capital(s) {
				if p := f.partyAt(g); p >= 0 {
					return f.parties[p].Name
				}
				return s
			}
			return ""
		}
	}
	return ""
}

// index returns the position of it in f.items.
func (f *finder) index(it *item) int {
	return sort.Search(len(f.items), func(k int) bool { return f.items[k].Span.Start >= it.Span.Start })
}

// endingAfter returns the index of the first item that ends after pos
// (len(f.items) when none does): sort.Search without a call per step.
func (f *finder) endingAfter(pos int) int {
	lo, hi := 0, len(f.items)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if f.items[m].Span.End > pos {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// insideQuote reports whether pos lies inside one of the quotes found.
func (f *finder) insideQuote(pos int) bool {
	k := f.endingAfter(pos)
	return k < len(f.items) && f.items[k].Span.Start <= pos
}

// orgWord reports whether a capitalised word marks an organisation, a place
// or a date rather than a person.
func orgWord(w string) bool {
	upper := len(w) >= 2
	for i := 0; i < len(w) && upper; i++ {
		upper = w[i] < utf8.RuneSelf && !('a' <= w[i] && w[i] <= 'z')
	}
	if upper {
		return true // NATO, EU, BBC
	}
	return len(w) <= 32 && orgShapes.may(w) && asciiLists(w)&inOrgs != 0
}

// lowerInto appends w in ASCII lower case to buf.
func lowerInto(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ministry council union alliance party bank committee commission group press
		agency organization organisation office department government parliament court
		university association federation republic kingdom states nations institute
		company corporation inc ltd times news post club city county street sea
		river minister ministers foreign the a an in on at monday tuesday wednesday
		thursday friday saturday sunday january february march april may june july
		august september october november december north south east west western eastern
		balkans europe european america american centre center hospital school police
		house hall square station airport region province island islands mountains statement`) {
		m[w] = true
	}
	return m
}()

// described resolves a description ("the mayor") to the person named with
// that title before the quote ("Mayor Anna Berg", "Anna Berg, the mayor");
// "" when none is found.
func (f *finder) described(it *item, sp doc.Span) string {
	s := f.text[sp.Start:sp.End]
	if !startsThe(s) {
		return "" // most speakers are names: no need to split them
	}
	n, first, last := 0, "", ""
	for w := range strings.FieldsSeq(s) {
		if n == 0 {
			first = known(w)
		}
		last = w
		n++
	}
	if n < 2 || first != "the" {
		return ""
	}
	title, lists := lookup(last)
	if lists&inTitles == 0 || strings.HasSuffix(title, "s") && title != "boss" {
		return ""
	}
	pos := min(sp.Start, it.Span.Start)
	from := max(0, pos-3000)
	var m memo
	seen := false
	for _, mm := range f.memos {
		if mm.title == title {
			m, seen = mm, true
			break
		}
	}
	if seen && m.pos > from {
		// searched up to there for an earlier quote: look only at what follows
		from = m.pos
	}
	name := f.describedIn(title, from, pos)
	if name == "" && seen && pos-m.pos < 3000 {
		name = m.name
	}
	f.remember(memo{title, pos, name})
	return name
}

// startsThe reports whether s, after leading spaces, starts with "the" in
// any case: only ASCII letters lower to t, h and e.
func startsThe(s string) bool {
	for s != "" && s[0] < utf8.RuneSelf && isSpace(rune(s[0])) {
		s = s[1:]
	}
	if s != "" && s[0] >= utf8.RuneSelf {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
	}
	return len(s) >= 3 && s[0]|0x20 == 't' && s[1]|0x20 == 'h' && s[2]|0x20 == 'e'
}

// remember records m as the last resolution of its title.
func (f *finder) remember(m memo) {
	for k := range f.memos {
		if f.memos[k].title == m.title {
			f.memos[k] = m
			return
		}
	}
	f.memos = append(f.memos, m)
}

// memo remembers where a description was last resolved and to whom.
type memo struct {
	title string // the title word ("mayor")
	pos   int
	name  string
}

// describedIn finds a name next to the title word in text[from:pos].
// The title word is searched for as bytes, in lower and capitalised form;
// only the words around each hit are tokenised.
func (f *finder) describedIn(title string, from, pos int) string {
	capTitle := titleCaps[title]
	if capTitle == "" {
		capTitle = strings.ToUpper(title[:1]) + title[1:]
	}
	// every hit of either form, each form found in one forward pass, then
	// tried from the last back (a hit ends before the hit tried after it,
	// as when each search stopped at the hit before)
	var buf [16]int
	hits := appendHits(buf[:0], f.text, from, pos, title)
	n := len(hits)
	hits = appendHits(hits, f.text, from, pos, capTitle)
	lo, up := hits[:n], hits[n:]
	end := pos
	for len(lo) > 0 || len(up) > 0 {
		var hit, size int
		if len(up) == 0 || len(lo) > 0 && lo[len(lo)-1] >= up[len(up)-1] {
			hit, size, lo = lo[len(lo)-1], len(title), lo[:len(lo)-1]
		} else {
			hit, size, up = up[len(up)-1], len(capTitle), up[:len(up)-1]
		}
		if hit+size > end {
			continue
		}
		end = hit
		if wordBefore(f.text, hit) || wordByteAt(f.text, hit+len(title)) || f.insideQuote(hit) {
			continue
		}
		if name := f.describedAt(hit, from, pos); name != "" {
			return name
		}
	}
	return ""
}

// appendHits appends to hits the start of every occurrence of w in
// text[from:to], overlapping ones too, in text order.
func appendHits(hits []int, text string, from, to int, w string) []int {
	s := text[from:to]
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		hits = append(hits, from+i+j)
		i += j + 1
	}
	return hits
}

// titleCaps holds the title words capitalised ("Mayor"), for describedIn.
var titleCaps = func() map[string]string {
	m := map[string]string{}
	for w := range titleWords {
		m[w] = strings.ToUpper(w[:1]) + w[1:]
	}
	return m
}()

func wordByteAt(text string, i int) bool {
	return i < len(text) && text[i] < utf8.RuneSelf && wordByte[text[i]]
}

// describedAt looks for a name next to the title word at hit.
func (f *finder) describedAt(hit, from, pos int) string {
	var buf [24]tok
	lo := max(from, hit-60)
	for lo > from && lo < hit && wordBefore(f.text, lo) {
		lo++
	}
	toks := words(f.text, lo, min(pos, hit+80), len(buf), buf[:])
	k := 0
	for k < len(toks) && toks[k].s != hit {
		k++
	}
	if k == len(toks) {
		return ""
	}
	{
		// "Mayor Anna Berg", "mayor Anna Berg"
		hi := k + 1
		for hi < len(toks) && toks[hi].word() && capital(f.text[toks[hi].s:toks[hi].e]) && hi-k <= 3 {
			hi++
		}
		if hi-k >= 2 {
			name := doc.Span{Start: toks[k+1].s, End: toks[hi-1].e}
			return f.named(name)
		}
		// "Anna Berg, the mayor" / "the mayor, Anna Berg"
		if k >= 3 && toks[k-2].p == ',' || k >= 2 && toks[k-1].p == ',' {
			j := k - 1
			for j >= 0 && toks[j].word() {
				j--
			}
			if j >= 1 && toks[j].p == ',' && toks[j-1].word() && capital(f.text[toks[j-1].s:toks[j-1].e]) {
				lo := j - 1
				for lo > 0 && toks[lo-1].word() && capital(f.text[toks[lo-1].s:toks[lo-1].e]) {
					lo--
				}
				return f.named(doc.Span{Start: toks[lo].s, End: toks[j-1].e})
			}
		}
		if k+2 < len(toks) && toks[k+1].p == ',' && toks[k+2].word() && capital(f.text[toks[k+2].s:toks[k+2].e]) {
			hi := k + 2
			for hi+1 < len(toks) && toks[hi+1].word() && capital(f.text[toks[hi+1].s:toks[hi+1].e]) {
				hi++
			}
			return f.named(doc.Span{Start: toks[k+2].s, End: toks[hi].e})
		}
	}
	return ""
}

func (f *finder) named(sp doc.Span) string {
	if p := f.partyAt(sp); p >= 0 {
		return f.parties[p].Name
	}
	return f.text[sp.Start:sp.End]
}
