package ui

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/quote"
)

// The body renderer tells glamour where quotes, mentions and blocks are by
// zero-width marker runes in the Markdown it renders, and finds them again
// in glamour's output. A marker is U+200B, two base-4 digits for its kind,
// any number of base-4 digits for its id (most significant first), and
// U+200B again. The digits are U+200C, U+200E, U+200F and U+034F. Every
// marker rune has width 0 for go-runewidth and x/ansi, none is a space for
// unicode.IsSpace (so the word wrapper never breaks at one), and the
// article text never contains them (doc.BodyMarkdown drops them).
const markerRune = '\u200b'

var markerDigits = [4]rune{'\u200c', '\u200e', '\u200f', '\u034f'}

// markerDigit returns the value of a marker digit rune, or -1.
func markerDigit(r rune) int {
	switch r {
	case '\u200c':
		return 0
	case '\u200e':
		return 1
	case '\u200f':
		return 2
	case '\u034f':
		return 3
	}
	return -1
}

// Marker kinds.
const (
	mkQuoteStart   = iota // id: quote index
	mkQuoteEnd            // id: quote index
	mkSpeakerStart        // id: quote index
	mkSpeakerEnd          // id: quote index
	mkMentionStart        // id: global mention id
	mkMentionEnd          // id: global mention id
	mkBlock               // id: block index; the block's first visible rune follows
	mkDimStart            // id: 0
	mkDimEnd              // id: 0
	mkBreak               // id: 0; a space after it on the same line was inserted to break a long word and is dropped
	mkHyphen              // id: 0; the U+2011 after it stands for "-" (see doc.MarkdownOptions.Hyphen)
)

// marker returns the marker string for kind and id.
func marker(kind, id int) string {
	var sb strings.Builder
	sb.Grow(24)
	sb.WriteRune(markerRune)
	sb.WriteRune(markerDigits[kind/4%4])
	sb.WriteRune(markerDigits[kind%4])
	if id > 0 {
		var ds [32]int
		n := 0
		for v := id; v > 0; v /= 4 {
			ds[n] = v % 4
			n++
		}
		for n > 0 {
			n--
			sb.WriteRune(markerDigits[ds[n]])
		}
	}
	sb.WriteRune(markerRune)
	return sb.String()
}

// markRank orders marks at the same position: ends first, then the speaker
// tag, then starts (outer before inner).
func markRank(kind int) int {
	switch kind {
	case mkQuoteEnd, mkMentionEnd, mkDimEnd:
		return 0
	case mkSpeakerStart:
		return 1
	case mkBlock:
		return 2
	case mkDimStart:
		return 3
	case mkQuoteStart:
		return 4
	case mkMentionStart:
		return 5
	}
	return 6
}

// pmark is a mark before its code is made: codes are made per chunk, when
// the chunk is rendered, so that a big article's first screen does not
// wait for the markers of the whole text.
type pmark struct {
	pos  int
	kind int
	id   int
	seq  int // insertion order, for a stable sort
}

// buildMarks returns the marks for the article, sorted by position (and
// at one position by markRank), and the global mention ids: base[p] is the
// id of party p's first mention.
func buildMarks(a *articles.Article) (marks []pmark, base []int, total int) {
	blocks := a.Blocks
	add := func(pos, kind, id int) {
		marks = append(marks, pmark{pos: pos, kind: kind, id: id, seq: len(marks)})
	}
	for i, b := range blocks {
		if !rendered(b) {
			continue
		}
		add(b.Start, mkBlock, i)
		switch b.Kind {
		case doc.Caption, doc.Credit, doc.Boilerplate:
			add(b.Start, mkDimStart, 0)
			add(b.End, mkDimEnd, 0)
		}
	}
	for qi, q := range a.Quotes {
		if q.Span.End <= q.Span.Start {
			continue
		}
		// One region per block the quote touches, so that highlights never
		// cover the space between paragraphs.
		k := sort.Search(len(blocks), func(j int) bool { return blocks[j].End > q.Span.Start })
		last := -1
		for ; k < len(blocks) && blocks[k].Start < q.Span.End; k++ {
			b := blocks[k]
			if !rendered(b) {
				continue
			}
			s, e := max(q.Span.Start, b.Start), min(q.Span.End, b.End)
			if s >= e {
				continue
			}
			add(s, mkQuoteStart, qi)
			add(e, mkQuoteEnd, qi)
			last = e
		}
		if last >= 0 && q.Kind == quote.Direct && strings.TrimSpace(q.Speaker) != "" && !namedAfter(a.Text, q) {
			add(last, mkSpeakerStart, qi)
		}
	}
	base = make([]int, len(a.Parties))
	for pi, p := range a.Parties {
		base[pi] = total
		for mi, m := range p.Mentions {
			if m.End > m.Start {
				add(m.Start, mkMentionStart, total+mi)
				add(m.End, mkMentionEnd, total+mi)
			}
		}
		total += len(p.Mentions)
	}
	slices.SortFunc(marks, func(x, y pmark) int {
		if x.pos != y.pos {
			return cmp.Compare(x.pos, y.pos)
		}
		if rx, ry := markRank(x.kind), markRank(y.kind); rx != ry {
			return cmp.Compare(rx, ry)
		}
		return cmp.Compare(x.seq, y.seq)
	})
	return marks, base, total
}

// codes makes the marks of ms (one chunk's) for BodyMarkdown; plain makes
// speaker tags plain text (for the fallback) instead of Markdown. To keep
// the markers short (glamour's word wrapper costs the square of a word's
// length in runes), a start marker carries the mark's index in ms, not the
// quote's or mention's id (see chunkIDs), and an end marker no id at all:
// quotes do not overlap, nor do mentions.
func codes(a *articles.Article, ms []pmark, plain bool) []doc.Mark {
	out := make([]doc.Mark, len(ms))
	for i, m := range ms {
		id := 0
		switch m.kind {
		case mkQuoteStart, mkMentionStart, mkBlock, mkSpeakerStart:
			id = i
		}
		c := marker(m.kind, id)
		if m.kind == mkSpeakerStart {
			name := strings.TrimSpace(a.Quotes[m.id].Speaker)
			if !plain {
				name = doc.EscapeText(name)
			}
			c += " — " + name + marker(mkSpeakerEnd, 0)
		}
		out[i] = doc.Mark{Pos: m.pos, Code: c}
	}
	return out
}

// chunkIDs returns, for each mark of ms, its quote, mention or block id:
// the walker maps a start marker's index back with it.
func chunkIDs(ms []pmark) []int {
	ids := make([]int, len(ms))
	for i, m := range ms {
		ids[i] = m.id
	}
	return ids
}

// namedAfter reports whether the text names q's speaker right after the
// quote ("…," Dahl said): then a speaker tag would only repeat it. A
// pronoun ("she said") does not count.
func namedAfter(text string, q quote.Quote) bool {
	ss := q.SpeakerSpan
	if ss.IsZero() || ss.Start < q.Span.End || ss.Start-q.Span.End > 40 || ss.End > len(text) || ss.End <= ss.Start {
		return false
	}
	if strings.ContainsAny(text[q.Span.End:ss.Start], "\n\"“”«»„") {
		return false
	}
	name := " " + strings.ToLower(strings.TrimSpace(text[ss.Start:ss.End])) + " "
	if len(name) < 5 || pronouns[strings.TrimSpace(name)] {
		return false
	}
	speaker := " " + strings.ToLower(strings.TrimSpace(q.Speaker)) + " "
	// "Dahl" for Kari Dahl, or "a spokesperson for the Port Authority" for
	// the Port Authority.
	return strings.Contains(speaker, name) || len(speaker) >= 5 && strings.Contains(name, speaker)
}

var pronouns = map[string]bool{"she": true, "her": true, "him": true, "his": true, "they": true, "them": true, "you": true, "one": true, "who": true}

// rendered reports whether BodyMarkdown renders block b.
func rendered(b doc.Block) bool {
	return b.Kind != doc.Headline && b.Kind != doc.FrontMatter && b.End > b.Start
}

// caretMark shows a control character's caret notation dimmed.
func caretMark(notation string) string {
	return dimOpen + notation + dimClose
}

var (
	dimOpen  = marker(mkDimStart, 0)
	dimClose = marker(mkDimEnd, 0)
	breakMk  = marker(mkBreak, 0) + " "
	hyphenMk = marker(mkHyphen, 0) + "\u2011"
)
