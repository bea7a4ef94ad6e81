package ui

import (
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"byline/articles/quote"
)

// compose builds a line from its pieces with h applied. ms are the search
// matches in the line and first the index of the first of them among all.
func (b *Body) compose(ln *line, h Highlight, ms []match, first int) string {
	var sb strings.Builder
	sb.Grow(len(ln.plain) + 32*len(ln.pieces) + 16)
	col := 0
	for _, p := range ln.pieces {
		c0, c1 := col, col+p.cells
		col = c1
		if len(ms) == 0 || !overlaps(ms, c0, c1) {
			b.writePiece(&sb, p, b.prefix(p.reg, h, -1))
			continue
		}
		// Cut the piece at the match boundaries inside it.
		rest, at := p, c0
		for k, m := range ms {
			if m.to <= at || m.from >= c1 {
				continue
			}
			if m.from > at {
				var a piece
				a, rest = splitPiece(rest, m.from-at)
				b.writePiece(&sb, a, b.prefix(p.reg, h, -1))
				at = m.from
			}
			cut := min(m.to, c1) - at
			var a piece
			a, rest = splitPiece(rest, cut)
			b.writePiece(&sb, a, b.prefix(p.reg, h, first+k))
			at += cut
		}
		if rest.text != "" {
			b.writePiece(&sb, rest, b.prefix(p.reg, h, -1))
		}
	}
	return sb.String()
}

func overlaps(ms []match, c0, c1 int) bool {
	for _, m := range ms {
		if m.from < c1 && m.to > c0 {
			return true
		}
	}
	return false
}

// writePiece writes p with our style prefix pre: pre at the start and
// again after every SGR sequence of glamour's inside, then a reset and
// glamour's state, so that glamour's colours resume after it.
func (b *Body) writePiece(sb *strings.Builder, p piece, pre string) {
	if pre == "" {
		sb.WriteString(p.text)
		return
	}
	sb.WriteString(pre)
	s := p.text
	for {
		i := strings.IndexByte(s, 0x1b)
		if i < 0 {
			sb.WriteString(s)
			break
		}
		j := sgrEnd(s, i)
		sb.WriteString(s[:j])
		sb.WriteString(pre)
		s = s[j:]
	}
	sb.WriteString("\x1b[0m")
	sb.WriteString(p.end)
}

// prefix returns our SGR prefix for region reg under h; m is the index of
// the search match the text is in, or -1.
func (b *Body) prefix(reg uint32, h Highlight, m int) string {
	if b.profile == termenv.Ascii {
		return ""
	}
	var parts [5]string
	n := 0
	if reg != 0 {
		r := b.regions[reg]
		if r.dim {
			parts[n] = b.sgr.dim
			n++
		}
		if r.speaker >= 0 {
			parts[n] = b.sgr.speaker
			n++
		}
		if r.quote >= 0 {
			q := int(r.quote)
			switch {
			case q == h.Quote:
				parts[n] = b.sgr.quoteCurrent
			case q < len(b.quoteKind) && b.quoteKind[q] == quote.Scare:
				parts[n] = b.sgr.scare
			default:
				parts[n] = b.sgr.quote
			}
			n++
		}
		if r.mention >= 0 && h.Party >= 0 && int(b.mentionParty[r.mention]) == h.Party {
			if int(r.mention)-b.mentionBase[h.Party] == h.Mention {
				parts[n] = b.sgr.mentionCurrent
			} else {
				parts[n] = b.sgr.mention
			}
			n++
		}
	}
	if m >= 0 {
		if m == h.Match {
			parts[n] = b.sgr.matchCurrent
		} else {
			parts[n] = b.sgr.match
		}
		n++
	}
	switch n {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:n], "")
}

// foldRunes returns s lower-cased rune by rune (one rune for one, so that
// indexes agree).
func foldRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// findFolded returns the matches of needle (folded) in plain, in cells.
func findFolded(plain string, needle []rune) []match {
	if len(needle) == 0 || len(plain) < len(needle) {
		return nil
	}
	// Quick reject: the first needle rune (ASCII) must occur.
	if n0 := needle[0]; n0 < 0x80 {
		u := unicode.ToUpper(n0)
		if strings.IndexByte(plain, byte(n0)) < 0 && (u >= 0x80 || strings.IndexByte(plain, byte(u)) < 0) {
			return nil
		}
	}
	hay := foldRunes(plain)
	var out []match
	cells := make([]int, len(hay)+1)
	for i, r := range []rune(plain) {
		cells[i+1] = cells[i] + runewidth.RuneWidth(r)
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for k, r := range needle {
			if hay[i+k] != r {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, match{from: cells[i], to: cells[i+len(needle)]})
			i += len(needle) - 1
		}
	}
	return out
}
