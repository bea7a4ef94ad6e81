package quote

import (
	"sort"
	"strings"
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
}

// finder carries what attribution needs over the whole text.
type finder struct {
	text     string
	blocks   []doc.Block
	parties  []Party
	mentions []mention // all party mentions, by start
	buf      [80]tok
	items    []item
}

type mention struct {
	doc.Span
	party int
}

func newFinder(text string, blocks []doc.Block, parties []Party) *finder {
	f := &finder{text: text, blocks: blocks, parties: parties}
	for i, p := range parties {
		for _, m := range p.Mentions {
			if m.Start >= 0 && m.End <= len(text) && m.Start < m.End {
				f.mentions = append(f.mentions, mention{m, i})
			}
		}
	}
	sort.Slice(f.mentions, func(i, j int) bool { return f.mentions[i].Start < f.mentions[j].Start })
	return f
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
				tail := strings.TrimRight(gap, " \u00a0")
				if !strings.HasSuffix(tail, ",") && !strings.HasSuffix(tail, "–") && !strings.HasSuffix(tail, "—") {
					break
				}
				a, ok := after(f.text, it.Span.End, q.span.Start, f.buf[:])
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
			if a, ok := after(f.text, p.attr.Start, p.attr.End+1, f.buf[:]); ok {
				it.attr, it.how = a, howOwn
			}
		}
		if p.origin == blockquote {
			if c := f.blocks[p.block].Cite; c != "" {
				it.Speaker = c
				it.how = howOwn
			} else if p.attr.Len() > 0 {
				if a, ok := after(f.text, p.attr.Start, p.attr.End, f.buf[:]); ok {
					it.attr, it.how = a, howOwn
				}
			}
		}
		items = append(items, it)
	}
	return items
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
	for i := range f.items {
		f.name(i)
	}
	out := make([]Quote, len(f.items))
	for i, it := range f.items {
		out[i] = it.Quote
	}
	return out
}

// own finds the attribution in the quote's own sentence: after the closing
// mark, else before the opening mark, else a colon introduction in the
// paragraph before.
func (f *finder) own(i int) {
	it := &f.items[i]
	if it.how != howNone {
		if it.attr.ok() {
			it.attrEnd = max(it.attrEnd, it.attr.end)
		}
		return
	}
	b := f.blocks[it.Block]
	end := b.End
	if it.Block != f.blockOf(it.Span.End) {
		end = f.blocks[f.blockOf(it.Span.End)].End
	}
	next := end
	if i+1 < len(f.items) && f.items[i+1].Span.Start < next {
		next = f.items[i+1].Span.Start
	}
	if !(it.origin == paired || it.origin == lostOpen || it.origin == unclosed) {
		return
	}
	if a, ok := f.afterQuote(it, next); ok {
		it.attr, it.how, it.attrEnd = a, howOwn, max(it.attrEnd, a.end)
		return
	}
	if it.origin == lostOpen && it.Span.Start > b.Start {
		return
	}
	from := f.sentenceStart(b, it.Span.Start)
	if i > 0 && f.items[i-1].Span.End > from && f.items[i-1].Span.End <= it.Span.Start {
		from = f.items[i-1].Span.End
	}
	if a, ok := before(f.text, from, it.Span.Start, f.buf[:]); ok {
		it.attr, it.how = a, howOwn
		return
	}
	if a, ok := f.intro(it); ok {
		it.attr, it.how = a, howIntro
	}
}

// afterQuote parses the attribution after a quote, refusing a new sentence
// that merely starts after a full stop: `"…done." The minister left.`
func (f *finder) afterQuote(it *item, next int) (attribution, bool) {
	last := it.Parts[len(it.Parts)-1]
	a, ok := after(f.text, it.Span.End, next, f.buf[:])
	if !ok {
		return a, false
	}
	r, _ := utf8.DecodeLastRuneInString(f.text[last.Start:last.End])
	if r == '.' || r == '…' {
		// a new sentence: accept only "Name said." standing alone
		if a.cue.Len() == 0 || a.cue.Start < a.speaker.Start {
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
	if contentStart(f.text, b.Span, b.Kind) != it.Span.Start {
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
	// no cue: the last name in the sentence
	toks := words(f.text, max(from, end-300), end-1, 60, f.buf[:])
	for k := len(toks) - 1; k >= 0; k-- {
		if !toks[k].word() {
			continue
		}
		if !capital(f.text[toks[k].s:toks[k].e]) {
			break
		}
		lo := k
		for lo > 0 && toks[lo-1].word() && (capital(f.text[toks[lo-1].s:toks[lo-1].e]) || particle(lower(f.text[toks[lo-1].s:toks[lo-1].e]))) {
			lo--
		}
		sp := stripTitles(f.text, toks, lo, k)
		if sp.Start == toks[0].s && lo == 0 && k == lo {
			break
		}
		return attribution{speaker: sp, end: end}, true
	}
	return attribution{}, false
}

// sentenceStart returns where the sentence holding pos starts, within block b.
func (f *finder) sentenceStart(b doc.Block, pos int) int {
	lo := max(b.Start, pos-600)
	for i := pos - 1; i > lo; i-- {
		c := f.text[i]
		if (c == ' ' || c == '\n') && i > lo {
			p := f.text[i-1]
			if p == '.' || p == '!' || p == '?' {
				if p == '.' && abbrevBefore(f.text, lo, i-1) {
					continue
				}
				return i + 1
			}
		}
	}
	return contentStart(f.text, doc.Span{Start: lo, End: b.End}, b.Kind)
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
	words, titleCase := countWords(f.text[p.Start:p.End])
	marker := f.markerBefore(it.Span.Start)
	attributed := it.how == howOwn && it.attr.ok() && it.attr.cue.Len() > 0
	fin := endsSentence(f.text, p.Start, p.End)
	switch {
	case marker && words <= 8 && !fin:
		it.Kind = Scare
	case attributed:
	case fin && words >= 2:
	case words <= 4:
		it.Kind = Scare
	case titleCase && words <= 10 && !fin && f.blocks[it.Block].Kind != doc.Headline:
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
	w := lower(f.text[t.s:t.e])
	if scareMarkers[w] || w == "as" && len(toks) > 1 && toks[len(toks)-2].word() && lower(f.text[toks[len(toks)-2].s:toks[len(toks)-2].e]) == "known" {
		return true
	}
	return w == "called" && len(toks) > 1 && toks[len(toks)-2].word() && lower(f.text[toks[len(toks)-2].s:toks[len(toks)-2].e]) == "so"
}

// countWords counts the words of s and reports whether every word of four
// letters or more is capitalised (a title).
func countWords(s string) (int, bool) {
	n, in, title, start := 0, false, true, 0
	for i, r := range s + " " {
		if isLetter(r) || isDigit(r) || r == '\'' || r == '’' || r == '-' {
			if !in {
				start = i
			}
			in = true
			continue
		}
		if in {
			n++
			w := s[start:i]
			if len(w) >= 4 && !capital(w) {
				title = false
			}
		}
		in = false
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
	it.attr, it.how, it.Speaker = nx.attr, howRun, nx.Speaker
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
			it.attr, it.how, it.Speaker = pv.attr, howRun, pv.Speaker
			return
		}
	}
	if a, ok := f.neighbour(it, k); ok {
		it.attr, it.how = a, howNeighbour
	}
}

// nothingBetween reports whether only spaces, punctuation and paragraph
// breaks stand between the end of pv's attribution and it.
func (f *finder) nothingBetween(pv, it *item) bool {
	from := max(pv.attrEnd, pv.Span.End)
	if from > it.Span.Start {
		return false
	}
	if it.Span.Start-from > 400 {
		return false
	}
	gap := f.text[from:it.Span.Start]
	for _, r := range gap {
		if isLetter(r) || isDigit(r) {
			return false
		}
	}
	return true
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
	toks := words(f.text, from, end, 60, f.buf[:])
	for k := 1; k < len(toks) && k < 12; k++ {
		c := cue(f.text, toks, k)
		if c == 0 {
			continue
		}
		w := lower(f.text[toks[k].s:toks[k].e])
		if weakCue[w] && w != "added" && w != "continued" || w == "according" {
			return attribution{}, false
		}
		if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && w != "said" && w != "told" && w != "wrote" && w != "sa" && w != "sagte" {
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
		if it.Speaker == "" && it.attr.ok() {
			it.Speaker = f.resolve(it, it.attr)
		}
		return
	}
	if it.Speaker != "" {
		return
	}
	it.Speaker = f.resolve(it, it.attr)
}

// resolve returns the speaker named by an attribution.
func (f *finder) resolve(it *item, a attribution) string {
	words := f.text[a.speaker.Start:a.speaker.End]
	w := lower(words)
	if pronouns[w] {
		return f.pronoun(it, w, a.speaker.Start)
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
		// the nearest person: a party mention, an earlier speaker, or a name
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
		if sp, ok := f.lastName(pos); ok && sp.Start > bestPos {
			bestPos, best = sp.Start, f.text[sp.Start:sp.End]
			if p := f.partyAt(sp); p >= 0 {
				best = f.parties[p].Name
			}
		}
		return best
	case "they", "it":
		for k := f.indexOf(it) - 1; k >= 0; k-- {
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
			if pronouns[lower(s)] {
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

func (f *finder) indexOf(it *item) int {
	for k := range f.items {
		if &f.items[k] == it {
			return k
		}
	}
	return len(f.items)
}

// insideQuote reports whether pos lies inside one of the quotes found.
func (f *finder) insideQuote(pos int) bool {
	k := sort.Search(len(f.items), func(k int) bool { return f.items[k].Span.End > pos })
	return k < len(f.items) && f.items[k].Span.Start <= pos
}

// lastName finds the last person-like name (two or more capitalised words
// not at a sentence start, or one after a title) in the 1,500 bytes before
// pos, outside quotes.
func (f *finder) lastName(pos int) (doc.Span, bool) {
	from := max(0, pos-1500)
	var buf [300]tok
	toks := words(f.text, from, pos, len(buf), buf[:])
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		if !t.word() || !capital(f.text[t.s:t.e]) || f.insideQuote(t.s) {
			continue
		}
		lo := k
		for lo > 0 && toks[lo-1].word() && (capital(f.text[toks[lo-1].s:toks[lo-1].e]) || particle(lower(f.text[toks[lo-1].s:toks[lo-1].e]))) {
			lo--
		}
		sp := stripTitles(f.text, toks, lo, k)
		n := 0
		org := false
		for j := lo; j <= k; j++ {
			if toks[j].s >= sp.Start {
				n++
			}
			w := f.text[toks[j].s:toks[j].e]
			if orgWord(w) {
				org = true
			}
		}
		titled := sp.Start > toks[lo].s
		if !org && (n >= 2 || titled && n >= 1) && n <= 4 {
			return sp, true
		}
		k = lo
	}
	return doc.Span{}, false
}

// orgWord reports whether a capitalised word marks an organisation, a place
// or a date rather than a person.
func orgWord(w string) bool {
	if len(w) >= 2 && strings.ToUpper(w) == w {
		return true // NATO, EU, BBC
	}
	switch lower(w) {
	case "ministry", "council", "union", "alliance", "party", "bank", "committee", "commission", "group", "press",
		"agency", "organization", "organisation", "office", "department", "government", "parliament", "court",
		"university", "association", "federation", "republic", "kingdom", "states", "nations", "institute",
		"company", "corporation", "inc", "ltd", "times", "news", "post", "club", "city", "county", "street", "sea",
		"river", "minister", "ministers", "foreign", "the", "a", "an", "in", "on", "at", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "north", "south", "east", "west", "western", "eastern",
		"balkans", "europe", "european", "america", "american", "centre", "center", "hospital", "school", "police",
		"house", "hall", "square", "station", "airport", "region", "province", "island", "islands", "mountains", "statement":
		return true
	}
	return false
}

// described resolves a description ("the mayor") to the person named with
// that title before the quote ("Mayor Anna Berg", "Anna Berg, the mayor");
// "" when none is found.
func (f *finder) described(it *item, sp doc.Span) string {
	s := f.text[sp.Start:sp.End]
	ws := strings.Fields(lower(s))
	if len(ws) < 2 || ws[0] != "the" {
		return ""
	}
	title := ws[len(ws)-1]
	if !titleWords[title] || strings.HasSuffix(title, "s") && title != "boss" {
		return ""
	}
	pos := min(sp.Start, it.Span.Start)
	from := max(0, pos-3000)
	var buf [600]tok
	toks := words(f.text, from, pos, len(buf), buf[:])
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		if !t.word() || lower(f.text[t.s:t.e]) != title || f.insideQuote(t.s) {
			continue
		}
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
