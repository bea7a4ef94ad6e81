package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"byline/articles/doc"
)

// walker reads glamour's output for one chunk: it strips the markers,
// records where quotes, mentions and blocks landed, keeps only well-formed
// SGR sequences (none at all for the Ascii profile), shows any other
// control character in caret notation, hard-wraps lines wider than the
// body, and splits every line into pieces of one region each.
type walker struct {
	width int
	ascii bool

	lines   []line
	regions []region
	regIdx  map[region]uint32
	recs    []record // positions found, lines relative to this chunk

	// current line
	pieces   []piece
	cur      strings.Builder
	curStart string
	curCells int
	plain    strings.Builder
	col      int
	indent   int  // leading spaces of the current glamour line
	inText   bool // a non-space was seen on the current line

	glam    string // glamour's SGR state
	emitted string // SGR state written into the current line
	reg     region
	regID   uint32
	dim     int

	ids        []int // start markers carry an index into this (see codes); nil: they carry the id itself
	inMarker   bool
	digits     []int
	pending    []record // waiting for the next visible rune
	afterBreak bool
	hyphen     bool // a U+2011 that follows stands for "-"
}

// record is where a quote, mention or block starts.
type record struct {
	kind, id int
	pos      Position
}

func newWalker(width int, ascii bool) *walker {
	w := &walker{width: width, ascii: ascii, reg: noRegion, regIdx: map[region]uint32{noRegion: 0}}
	w.regions = []region{noRegion}
	return w
}

// walk processes one chunk of glamour output.
func (w *walker) walk(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			w.run(s[i:j])
			i = j
			continue
		}
		if c == '\n' {
			w.afterBreak = false
			w.endLine()
			i++
			continue
		}
		if c == 0x1b {
			i = w.escape(s, i)
			continue
		}
		if c < 0x20 || c == 0x7f {
			w.caret(rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			w.visible(utf8.RuneError, "\uFFFD", 1)
		case r == markerRune:
			w.markerRune()
		case markerDigit(r) >= 0:
			if w.inMarker {
				w.digits = append(w.digits, markerDigit(r))
			}
		case r >= 0x80 && r <= 0x9f:
			w.caret(r)
		case isBidiRune(r) || r == 0x200d:
		case r == '\u2011' && w.hyphen:
			w.hyphen = false
			w.visible('-', "-", 1)
		default:
			w.visible(r, s[i-n:i], runewidth.RuneWidth(r))
		}
	}
	w.afterBreak = false
	if w.cur.Len() > 0 || len(w.pieces) > 0 || w.plain.Len() > 0 {
		w.endLine()
	}
}

// escape handles the escape sequence at s[i]: a well-formed SGR sequence
// is glamour's styling; anything else is shown as "^[" and the rest of it
// as text.
func (w *walker) escape(s string, i int) int {
	if i+1 < len(s) && s[i+1] == '[' {
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j < len(s) && s[j] == 'm' {
			if !w.ascii {
				w.sgr(s[i:j+1], s[i+2:j])
			}
			return j + 1
		}
	}
	w.caret(0x1b)
	return i + 1
}

// sgr updates glamour's SGR state with seq.
func (w *walker) sgr(seq, params string) {
	switch {
	case params == "" || params == "0":
		w.glam = ""
	case strings.HasPrefix(params, "0;"):
		w.glam = "\x1b[" + params[2:] + "m"
	case len(w.glam) > 512:
		w.glam = seq // runaway: keep the newest only
	default:
		w.glam += seq
	}
}

// sync writes glamour's state into the line when it differs from what was
// written.
func (w *walker) sync() {
	if w.glam == w.emitted {
		return
	}
	if w.emitted != "" && strings.HasPrefix(w.glam, w.emitted) {
		w.cur.WriteString(w.glam[len(w.emitted):])
	} else {
		if w.emitted != "" {
			w.cur.WriteString("\x1b[0m")
		}
		w.cur.WriteString(w.glam)
	}
	w.emitted = w.glam
}

// caret shows control character r in caret notation, dimmed.
func (w *walker) caret(r rune) {
	n := caretString(r)
	w.dim++
	w.setRegion()
	for i := 0; i < len(n); i++ {
		w.visible(rune(n[i]), n[i:i+1], 1)
	}
	w.dim--
	w.setRegion()
}

func (w *walker) visible(r rune, raw string, cells int) {
	if w.afterBreak {
		w.afterBreak = false
		if r == ' ' {
			return
		}
	}
	if w.col+cells > w.width && w.col > 0 && cells > 0 {
		// Wider than the body (a long word, a code line, a table): wrap.
		ind := w.indent
		if ind*2 > w.width {
			ind = 0
		}
		w.endLine()
		for k := 0; k < ind; k++ {
			w.cur.WriteByte(' ')
			w.plain.WriteByte(' ')
		}
		w.col, w.curCells, w.indent = ind, ind, ind
	}
	if r != ' ' {
		w.inText = true
	} else if !w.inText {
		w.indent++
	}
	w.emit(raw, cells)
}

// emit writes s, cells wide, at the current column: the pending records
// (markers met since the last visible text) take this position.
func (w *walker) emit(s string, cells int) {
	w.sync()
	if len(w.pending) > 0 {
		for _, p := range w.pending {
			p.pos = Position{Line: len(w.lines), Col: w.col}
			w.recs = append(w.recs, p)
		}
		w.pending = w.pending[:0]
	}
	w.cur.WriteString(s)
	w.plain.WriteString(s)
	w.col += cells
	w.curCells += cells
}

// run is visible for a run of printable ASCII, a piece at a time.
func (w *walker) run(s string) {
	if w.afterBreak {
		w.afterBreak = false
		if s[0] == ' ' {
			s = s[1:]
		}
	}
	for len(s) > 0 {
		room := w.width - w.col
		if room <= 0 {
			w.visible(rune(s[0]), s[:1], 1) // wraps
			s = s[1:]
			continue
		}
		seg := s[:min(len(s), room)]
		s = s[len(seg):]
		if !w.inText {
			k := len(seg) - len(strings.TrimLeft(seg, " "))
			w.indent += k
			w.inText = k < len(seg)
		}
		w.emit(seg, len(seg))
	}
}

// markerRune opens or closes a marker.
func (w *walker) markerRune() {
	if !w.inMarker {
		w.inMarker = true
		w.digits = w.digits[:0]
		return
	}
	w.inMarker = false
	if len(w.digits) < 2 {
		return
	}
	kind := w.digits[0]*4 + w.digits[1]
	id := 0
	for _, d := range w.digits[2:] {
		id = id*4 + d
		if id > 1<<40 {
			return
		}
	}
	w.mark(kind, id)
}

func (w *walker) mark(kind, id int) {
	switch kind {
	case mkQuoteStart, mkSpeakerStart, mkMentionStart, mkBlock:
		if w.ids != nil {
			if id >= len(w.ids) {
				return
			}
			id = w.ids[id]
		}
	}
	switch kind {
	case mkQuoteStart:
		w.reg.quote = int32(id)
		w.pending = append(w.pending, record{kind: kind, id: id})
	case mkQuoteEnd:
		w.reg.quote = -1
	case mkSpeakerStart:
		w.reg.speaker = int32(id)
	case mkSpeakerEnd:
		w.reg.speaker = -1
	case mkMentionStart:
		w.reg.mention = int32(id)
		w.pending = append(w.pending, record{kind: kind, id: id})
	case mkMentionEnd:
		w.reg.mention = -1
	case mkBlock:
		w.pending = append(w.pending, record{kind: kind, id: id})
	case mkDimStart:
		w.dim++
	case mkDimEnd:
		if w.dim > 0 {
			w.dim--
		}
	case mkBreak:
		w.afterBreak = true
		return
	case mkHyphen:
		w.hyphen = true
		return
	default:
		return
	}
	w.setRegion()
}

// setRegion starts a new piece when the region changed.
func (w *walker) setRegion() {
	r := w.reg
	r.dim = w.dim > 0
	id, ok := w.regIdx[r]
	if !ok {
		id = uint32(len(w.regions))
		w.regions = append(w.regions, r)
		w.regIdx[r] = id
	}
	if id == w.regID {
		return
	}
	w.closePiece()
	w.regID = id
}

func (w *walker) closePiece() {
	if w.cur.Len() == 0 {
		return
	}
	w.pieces = append(w.pieces, piece{text: w.cur.String(), start: w.curStart, end: w.emitted, cells: w.curCells, reg: w.regID})
	w.cur.Reset()
	w.curStart = w.emitted
	w.curCells = 0
}

func (w *walker) endLine() {
	if w.emitted != "" {
		w.cur.WriteString("\x1b[0m")
		w.emitted = ""
	}
	w.closePiece()
	ln := line{pieces: w.pieces, plain: w.plain.String()}
	if blankPieces(ln) {
		// A blank line shows nothing but glamour's padding: keep it empty,
		// so that chunks stitch with the same blank lines as one render.
		ln = line{}
	}
	trimRegions(&ln)
	w.lines = append(w.lines, ln)
	w.pieces = nil
	w.plain.Reset()
	w.col, w.indent, w.inText = 0, 0, false
	w.curStart = ""
}

// blankPieces reports whether ln shows only spaces without a background.
func blankPieces(ln line) bool {
	if strings.Trim(ln.plain, " ") != "" {
		return false
	}
	for _, p := range ln.pieces {
		if strings.Contains(p.text, "48;") || strings.Contains(p.text, "7m") {
			return false
		}
	}
	return true
}

// trimRegions takes the blanks at the start and end of a line out of any
// region, so that a highlight never paints glamour's margins and padding.
func trimRegions(ln *line) {
	p := ln.plain
	// Leading blanks and glamour's block-quote bar ("│ ") are margin; each
	// of those runes is one cell.
	lead := utf8.RuneCountInString(p) - utf8.RuneCountInString(strings.TrimLeft(p, " │"))
	trail := len(p) - len(strings.TrimRight(p, " "))
	if lead == 0 && trail == 0 {
		return
	}
	total := 0
	for _, pc := range ln.pieces {
		total += pc.cells
	}
	from, to := lead, total-trail // trailing spaces are one byte and one cell each
	if to < from {
		from, to = total, total
	}
	var out []piece
	col := 0
	for _, pc := range ln.pieces {
		c0, c1 := col, col+pc.cells
		col = c1
		if pc.reg == 0 || (c0 >= from && c1 <= to) {
			out = append(out, pc)
			continue
		}
		rest := pc
		if c0 < from {
			a, b := splitPiece(rest, min(from, c1)-c0)
			a.reg = 0
			out = append(out, a)
			rest, c0 = b, min(from, c1)
		}
		if c1 > to && rest.cells > 0 {
			cut := max(to, c0) - c0
			a, b := splitPiece(rest, cut)
			b.reg = 0
			if a.cells > 0 || a.text != "" {
				out = append(out, a)
			}
			out = append(out, b)
			continue
		}
		if rest.text != "" {
			out = append(out, rest)
		}
	}
	ln.pieces = out
}

// splitPiece splits p after cells cells; SGR sequences right at the cut go
// with the second part.
func splitPiece(p piece, cells int) (a, b piece) {
	s := p.text
	state := p.start
	col := 0
	i := 0
	for i < len(s) && col < cells {
		if s[i] == 0x1b {
			j := sgrEnd(s, i)
			state = applySGR(state, s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		col += runewidth.RuneWidth(r)
		i += n
	}
	a = piece{text: s[:i], start: p.start, end: state, cells: col, reg: p.reg}
	b = piece{text: s[i:], start: state, end: p.end, cells: p.cells - col, reg: p.reg}
	return a, b
}

// sgrEnd returns the end of the SGR sequence at s[i].
func sgrEnd(s string, i int) int {
	j := i + 2
	for j < len(s) && s[j] != 'm' {
		j++
	}
	if j < len(s) {
		j++
	}
	return j
}

// applySGR returns the SGR state after seq.
func applySGR(state, seq string) string {
	params := seq[2 : len(seq)-1]
	switch {
	case params == "" || params == "0":
		return ""
	case strings.HasPrefix(params, "0;"):
		return "\x1b[" + params[2:] + "m"
	}
	return state + seq
}

// caretString is how control character r is shown (doc.Caret).
func caretString(r rune) string {
	if c := doc.Caret(r); c != "" {
		return c
	}
	return "?"
}

// isBidiRune reports whether r is a bidi embedding, override, isolate or
// mark.
func isBidiRune(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}
