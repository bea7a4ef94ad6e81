package ui

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/quote"
)

// BodyOptions say how to render an article's body.
type BodyOptions struct {
	Width   int             // wrap width in cells, the whole body including glamour's margins; at least 1
	Style   string          // glamour style: "dark", "light", "notty", "ascii", "dracula", "tokyo-night", "pink", or a JSON style file's path; "" or "auto" mean "dark" (the renderer never queries the terminal)
	Profile termenv.Profile // colour profile for glamour's output and the highlights; termenv.Ascii for none
	Styles  Styles          // the highlight styles
}

// Highlight says what the body's lines show on top of the base highlights
// (every direct quote, scare quote and speaker tag in its own style).
type Highlight struct {
	Quote   int    // index into Article.Quotes of the current quote, shown in QuoteCurrent; -1 for none
	Party   int    // index into Article.Parties whose mentions are shown in Mention; -1 for none
	Mention int    // index into that party's Mentions of the current one, shown in MentionCurrent; -1 for none
	Search  string // search text: every case-insensitive match shown in Match; "" for none
	Match   int    // index of the current match among all matches in body order, shown in MatchCurrent; -1 for none
}

// NoHighlight is a Highlight with nothing chosen.
var NoHighlight = Highlight{Quote: -1, Party: -1, Mention: -1, Match: -1}

// Position is a place in the rendered body.
type Position struct {
	Line int // rendered line index
	Col  int // cell column in the line
}

// Body is an article's body rendered for one width and style: lines of
// glamour output with the quote highlights applied, and where every quote,
// mention and block landed. It is immutable and safe to share.
type Body struct {
	width   int
	profile termenv.Profile
	sgr     prefixes // our styles as SGR prefixes for the profile

	lines   []line
	regions []region // region ids of pieces index this; 0 is "none"

	quoteKind    []quote.Kind // per quote
	quotePos     []Position   // per quote; Line -1 when not rendered
	mentionBase  []int        // per party: global id of its first mention
	mentionParty []int32      // per global mention id: the party
	mentionPos   []Position   // per global mention id; Line -1 when not rendered
	blockLine    []int        // per block: first line, -1 when not rendered
	blockStarts  []blockStart // rendered blocks by line

	base      []atomic.Pointer[string] // Line with NoHighlight, made on first use
	search    searchCache
	complete  bool // every block is rendered (false for BodyRender.Prefix's partial bodies)
	fallbacks int  // chunks shown as plain text
}

type blockStart struct{ line, block int }

// line is one rendered line split into pieces of one region each.
type line struct {
	pieces []piece
	plain  string // the text without escapes: what the user sees
}

// piece is a run of a line in one region: glamour's output with its SGR
// sequences, and glamour's SGR state before and after it (so that a
// highlight can end with a reset and give glamour's colours back).
type piece struct {
	text       string
	start, end string // glamour's SGR state in effect before and after text
	cells      int    // width of text in cells
	reg        uint32 // index into Body.regions
}

// region is what a piece of text is part of.
type region struct {
	quote   int32 // quote index, -1 for none
	speaker int32 // quote whose speaker tag this is, -1 for none
	mention int32 // global mention id, -1 for none
	dim     bool  // caption, credit, boilerplate or caret notation
}

var noRegion = region{quote: -1, speaker: -1, mention: -1}

// RenderBody renders the article's body with glamour and lays the quote
// highlights and speaker tags over the result. It is the slow part of
// opening an article and belongs in a tea.Cmd. A body of many blocks is
// rendered in chunks on all cores; see BodyRender to get the first
// screen sooner.
func RenderBody(a *articles.Article, o BodyOptions) (*Body, error) {
	if o.Width < 1 {
		o.Width = 1
	}
	return NewBodyRender(a, o).All()
}

// Complete reports whether the body holds every block; a body from
// BodyRender.Prefix may hold only the first ones.
func (b *Body) Complete() bool { return b.complete }

// Fallbacks returns how many chunks of the body are shown as plain text
// because glamour failed on them or ran over its time budget (see
// BodyRender); 0 normally.
func (b *Body) Fallbacks() int { return b.fallbacks }

// Len returns the number of rendered lines.
func (b *Body) Len() int { return len(b.lines) }

// Width returns the width the body was rendered for, in cells.
func (b *Body) Width() int { return b.width }

// Line returns rendered line i with h applied, ready to print (only SGR
// escape sequences in it). It costs time proportional to the line, not to
// the body. An i out of range gives "".
func (b *Body) Line(i int, h Highlight) string {
	if i < 0 || i >= len(b.lines) {
		return ""
	}
	ln := &b.lines[i]
	var ms []match
	if h.Search != "" {
		ms = b.search.lineMatches(b, h.Search, i)
	}
	if len(ms) == 0 && !b.touches(ln, h) {
		if s := b.base[i].Load(); s != nil {
			return *s
		}
		s := b.compose(ln, NoHighlight, nil, 0)
		b.base[i].Store(&s)
		return s
	}
	first := 0
	if len(ms) > 0 {
		first = b.search.before(b, h.Search, i)
	}
	return b.compose(ln, h, ms, first)
}

// touches reports whether h changes how ln looks.
func (b *Body) touches(ln *line, h Highlight) bool {
	if h.Quote < 0 && h.Party < 0 {
		return false
	}
	for _, p := range ln.pieces {
		if p.reg == 0 {
			continue
		}
		r := b.regions[p.reg]
		if h.Quote >= 0 && (int(r.quote) == h.Quote || int(r.speaker) == h.Quote) {
			return true
		}
		if h.Party >= 0 && r.mention >= 0 && int(b.mentionParty[r.mention]) == h.Party {
			return true
		}
	}
	return false
}

// Plain returns rendered line i without escape sequences: what the user sees.
func (b *Body) Plain(i int) string {
	if i < 0 || i >= len(b.lines) {
		return ""
	}
	return b.lines[i].plain
}

// Quote returns where quote q (an index into Article.Quotes) starts; ok is
// false when it was not rendered.
func (b *Body) Quote(q int) (pos Position, ok bool) {
	if q < 0 || q >= len(b.quotePos) || b.quotePos[q].Line < 0 {
		return Position{}, false
	}
	return b.quotePos[q], true
}

// Mention returns where mention m of party p starts (indexes into
// Article.Parties and its Mentions); ok is false when it was not rendered.
func (b *Body) Mention(p, m int) (pos Position, ok bool) {
	if p < 0 || p >= len(b.mentionBase) {
		return Position{}, false
	}
	g := b.mentionBase[p] + m
	end := len(b.mentionPos)
	if p+1 < len(b.mentionBase) {
		end = b.mentionBase[p+1]
	}
	if m < 0 || g >= end || b.mentionPos[g].Line < 0 {
		return Position{}, false
	}
	return b.mentionPos[g], true
}

// Matches returns the positions of every case-insensitive match of s in the
// rendered text, in body order. A match does not span lines.
func (b *Body) Matches(s string) []Position {
	if s == "" {
		return nil
	}
	e := b.search.get(b, s)
	out := make([]Position, 0, e.total)
	for i, ms := range e.lines {
		for _, m := range ms {
			out = append(out, Position{Line: i, Col: m.from})
		}
	}
	return out
}

// BlockLine returns the first rendered line of block i (an index into
// Article.Blocks), or the nearest block after it that was rendered; used to
// keep the reader's place across a resize. It returns the last line when no
// block at or after i was rendered.
func (b *Body) BlockLine(i int) int {
	if i < 0 {
		i = 0
	}
	for ; i < len(b.blockLine); i++ {
		if b.blockLine[i] >= 0 {
			return b.blockLine[i]
		}
	}
	if len(b.lines) == 0 {
		return 0
	}
	return len(b.lines) - 1
}

// BlockAt returns the index of the block shown at rendered line i: the
// last block starting at or before it (the first block for lines above
// every block).
func (b *Body) BlockAt(line int) int {
	bs := b.blockStarts
	if len(bs) == 0 {
		return 0
	}
	k := sort.Search(len(bs), func(j int) bool { return bs[j].line > line })
	if k == 0 {
		return bs[0].block
	}
	return bs[k-1].block
}

// searchCache keeps the matches of the last few search strings.
type searchCache struct {
	mu      sync.Mutex
	entries []*searchEntry // most recent last; at most 4
}

type searchEntry struct {
	s      string
	lines  [][]match // per line
	before []int     // matches before each line
	total  int
}

// match is a search match in a line, in cells [from, to).
type match struct{ from, to int }

func (c *searchCache) get(b *Body, s string) *searchEntry {
	c.mu.Lock()
	for _, e := range c.entries {
		if e.s == s {
			c.mu.Unlock()
			return e
		}
	}
	c.mu.Unlock()
	e := &searchEntry{s: s, lines: make([][]match, len(b.lines)), before: make([]int, len(b.lines))}
	needle := foldRunes(s)
	for i := range b.lines {
		e.before[i] = e.total
		e.lines[i] = findFolded(b.lines[i].plain, needle)
		e.total += len(e.lines[i])
	}
	c.mu.Lock()
	c.entries = append(c.entries, e)
	if len(c.entries) > 4 {
		c.entries = c.entries[1:]
	}
	c.mu.Unlock()
	return e
}

func (c *searchCache) lineMatches(b *Body, s string, i int) []match {
	return c.get(b, s).lines[i]
}

func (c *searchCache) before(b *Body, s string, i int) int {
	return c.get(b, s).before[i]
}

// Document renders an article for output that is not a terminal: a header
// (title, byline, source, date, reading time) and the body, with each
// quote's speaker after it so quotes stay visibly marked without colour.
// With o.Profile termenv.Ascii the result has no escape sequences at all.
// Everything goes through SafeOutput.
func Document(a *articles.Article, o BodyOptions) (string, error) {
	b, err := RenderBody(a, o)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	style := func(s string, p string) string {
		if p == "" {
			return s
		}
		return p + s + "\x1b[0m"
	}
	sgr := b.sgr
	sb.WriteString(style(plainText(a.Title()), sgr.title))
	sb.WriteByte('\n')
	var meta []string
	for _, s := range []string{a.Meta.Byline, a.Meta.Source, a.Meta.Date} {
		if s = strings.TrimSpace(s); s != "" {
			meta = append(meta, plainText(s))
		}
	}
	if len(meta) > 0 {
		sb.WriteString(style(strings.Join(meta, " · "), sgr.meta))
		sb.WriteByte('\n')
	}
	sb.WriteString(style(ReadingTime(a.Words), sgr.meta))
	sb.WriteString("\n\n")
	for i := 0; i < b.Len(); i++ {
		l := b.Line(i, NoHighlight)
		if o.Profile == termenv.Ascii {
			l = strings.TrimRight(l, " ")
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return SafeOutput(sb.String()), nil
}

// plainText returns s on one line with control characters in caret
// notation and bidi controls and marker runes dropped.
func plainText(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			sb.WriteByte(' ')
		case doc.IsMarkerRune(r) || isBidiRune(r):
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			sb.WriteString(doc.CaretNotation(r))
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
