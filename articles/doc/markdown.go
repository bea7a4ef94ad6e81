package doc

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mark is a string to insert into the body's Markdown at a byte offset of
// Document.Text: the renderer's zero-width markers around quotes and
// mentions, and the speaker tags it shows after quotes. Code is inserted
// as is and must already be valid Markdown text.
type Mark struct {
	Pos  int    // byte offset into Document.Text
	Code string // what to insert
}

// MarkdownOptions tune BodyMarkdownWith.
type MarkdownOptions struct {
	// Caret gets the notation of a control character (see Caret: "^[",
	// "^?" for DEL, "<U+009B>" for a C1 control), already escaped as Markdown for where it
	// stands (inside code it is raw), and returns what to insert instead;
	// nil inserts the notation itself.
	Caret func(notation string) string
	// Break is inserted into a run of more than BreakEvery cells with no
	// space, so that the word wrapper (quadratic in a word's length) and the
	// line width stay bounded; it must contain a space for the wrapper to
	// split at. "" means " ".
	Break string
	// BreakEvery is the longest run of cells without a space that is left
	// whole; 0 means DefaultBreakEvery. Code blocks are never broken.
	BreakEvery int
	// Hyphen, when set, is written for every hyphen-minus of the text that
	// is not Markdown syntax (a list marker, a rule, a setext underline, a
	// table's delimiter row, code). Glamour's word wrapper breaks after a
	// "-" but does not count it in the line's length, so a line with one can
	// come out a cell too wide and be broken again by the next writer,
	// leaving a one-word line; the renderer writes a non-breaking hyphen
	// with a marker and turns it back into "-".
	Hyphen string
}

// Limits BodyMarkdown applies so that glamour works in linear time.
const (
	DefaultBreakEvery = 200 // cells of an unbroken token before a Break
	MaxNesting        = 8   // block quote and list markers at a line start
	maxIndent         = 32  // leading blank columns of a Markdown line outside code
	maxBrackets       = 200 // unescaped "[" per block; more are escaped (goldmark is quadratic in nested link openers)
)

// BodyMarkdown returns the Markdown source glamour renders for the article's
// body: every block but the headline that gives the title and the front
// matter. Plain text is escaped so that it comes out with exactly its words
// (no accidental lists, emphasis or headings); Markdown and HTML-derived
// text keep their syntax. Each mark's Code is inserted at its Pos (marks at
// the same Pos keep their order; marks must be sorted by Pos). Control
// characters are passed to caret, which gets their caret notation ("^[")
// and returns what to show instead (for instance the caret dimmed with
// marks of the renderer's own).
//
// It is BodyMarkdownWith with only Caret set; see there for the details.
func BodyMarkdown(d *Document, marks []Mark, caret func(string) string) string {
	return BodyMarkdownWith(d, marks, MarkdownOptions{Caret: caret})
}

// BodyMarkdownWith is BodyMarkdown with options.
//
// Plain text: each block becomes one Markdown paragraph whose lines are
// trimmed and whose every character Markdown could interpret is escaped.
// Markdown and HTML: the syntax is kept, but raw HTML is escaped (shown as
// text, except autolinks), character references that would decode to a
// control or invisible format character are neutralised (glamour decodes
// them after parsing), block quote and list nesting is capped at
// MaxNesting markers per line, leading indentation outside code at 32
// columns, and a code fence left open is closed at the end of its block.
// In every format, tabs become spaces (to the next multiple of 4 in code),
// the renderer's marker runes (U+200B–U+200F, U+034F) and bidi controls are
// dropped, and control characters go through Caret.
//
// A mark whose Pos lies in the Markdown syntax at the start of a line (a
// "> " or "- " or "# " or a table row's first "|") is inserted after it,
// one on a code fence or rule line at the start of the next line (dropped
// at the end of the body), and one outside every rendered block is
// dropped.
func BodyMarkdownWith(d *Document, marks []Mark, o MarkdownOptions) string {
	if o.BreakEvery <= 0 {
		o.BreakEvery = DefaultBreakEvery
	}
	if o.Break == "" {
		o.Break = " "
	}
	w := mdWriter{d: d, marks: marks, o: o}
	if n := len(d.Blocks); n > 0 && d.Blocks[n-1].End <= len(d.Text) && d.Blocks[0].Start <= d.Blocks[n-1].End {
		size := d.Blocks[n-1].End - d.Blocks[0].Start
		w.b.Grow(size + size/4 + len(marks)*16 + 64)
	}
	prevEnd := -1
	for _, blk := range d.Blocks {
		if blk.Kind == FrontMatter || blk.Kind == Headline || blk.Start >= blk.End || blk.End > len(d.Text) || blk.Start < 0 {
			continue
		}
		if blk.Start < prevEnd {
			continue // overlapping blocks: keep the first
		}
		// Marks before this block (in a skipped block or a gap) are dropped.
		for w.mi < len(w.marks) && w.marks[w.mi].Pos < blk.Start {
			w.mi++
		}
		if prevEnd >= 0 {
			w.b.WriteString(separator(d, prevEnd, blk.Start))
		}
		w.block(blk)
		prevEnd = blk.End
	}
	// Marks still pending (after a rule or fence ending the body) have
	// nothing to stand before: they are dropped.
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	return w.b.String()
}

// separator returns what goes between two rendered blocks: a blank line
// for plain text; for Markdown the line ends that stood between them in the
// source (so a list stays tight), at least one.
func separator(d *Document, from, to int) string {
	if d.Format == Text {
		return "\n\n"
	}
	gap := d.Text[from:to]
	if strings.TrimSpace(gap) == "" && strings.Count(gap, "\n") == 1 {
		return "\n"
	}
	return "\n\n"
}

type mdWriter struct {
	d       *Document
	marks   []Mark
	mi      int // next mark to insert
	o       MarkdownOptions
	b       strings.Builder
	pending []string // marks deferred from a fence line
	run     int      // cells since the last space, for Break
	// fence state of the current block
	fenceChar byte
	fenceLen  int
	brackets  int // unescaped "[" in the current block
}

// marksUpTo writes the marks with Pos < pos (or <= pos when incl).
func (w *mdWriter) marksUpTo(pos int, incl bool) {
	for w.mi < len(w.marks) && (w.marks[w.mi].Pos < pos || incl && w.marks[w.mi].Pos == pos) {
		w.b.WriteString(w.marks[w.mi].Code)
		w.mi++
	}
}

// deferMarksUpTo moves the marks with Pos < pos to pending.
func (w *mdWriter) deferMarksUpTo(pos int) {
	for w.mi < len(w.marks) && w.marks[w.mi].Pos < pos {
		w.pending = append(w.pending, w.marks[w.mi].Code)
		w.mi++
	}
}

func (w *mdWriter) flushPending() {
	for _, c := range w.pending {
		w.b.WriteString(c)
	}
	w.pending = w.pending[:0]
}

func (w *mdWriter) block(blk Block) {
	w.run = 0
	w.fenceChar, w.fenceLen = 0, 0
	w.brackets = 0
	text := w.d.Text
	first := true
	for ls := blk.Start; ls < blk.End; {
		le := strings.IndexByte(text[ls:blk.End], '\n')
		if le < 0 {
			le = blk.End
		} else {
			le += ls
		}
		if w.d.Format == Text {
			w.textLine(ls, le, first)
		} else {
			w.markdownLine(ls, le, first, blk.Kind == Code)
		}
		first = false
		ls = le + 1
		if le == blk.End {
			break
		}
	}
	if w.fenceChar != 0 {
		w.b.WriteByte('\n')
		w.b.WriteString(strings.Repeat(string(w.fenceChar), w.fenceLen))
		w.fenceChar = 0
	}
	// Marks at the block's end (a quote's closing marker) come last.
	if len(w.pending) == 0 {
		w.marksUpTo(blk.End, true)
	} else {
		w.deferMarksUpTo(blk.End + 1)
	}
}

// textLine writes one line of a plain-text block: trimmed, escaped, joined
// to the previous line of the paragraph by a line end.
func (w *mdWriter) textLine(ls, le int, first bool) {
	text := w.d.Text
	s, e := ls, le
	for s < e && isBlank(text[s]) {
		s++
	}
	for e > s && isBlank(text[e-1]) {
		e--
	}
	if s == e {
		// A blank line inside a block would end the paragraph: skip it,
		// keeping its marks.
		w.marksUpTo(le, false)
		return
	}
	if !first {
		w.b.WriteByte('\n')
		w.run = 0
	}
	w.flushPending()
	w.marksUpTo(s, false)
	w.inline(s, e, false, true)
	// Marks on trailing blanks go with the line.
	w.marksUpTo(le, false)
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// markdownLine writes one line of a Markdown block with its syntax kept.
func (w *mdWriter) markdownLine(ls, le int, first, code bool) {
	text := w.d.Text
	if !first {
		w.b.WriteByte('\n')
		w.run = 0
	}
	if w.fenceChar != 0 {
		// Inside a fenced code block: raw, until the closing fence.
		if w.isFenceClose(text[ls:le]) {
			w.fenceChar = 0
			w.deferMarksUpTo(le + 1)
			w.b.WriteString(text[ls:le])
			return
		}
		w.flushPending()
		w.code(ls, le)
		return
	}
	if code {
		// A code block the reader found: fenced or indented. One that is
		// neither (a piece of a code block split by the renderer) is
		// fenced here.
		if first && w.openFence(text[ls:le]) {
			w.deferMarksUpTo(le + 1)
			w.codeRaw(ls, le)
			return
		}
		if first && !strings.HasPrefix(text[ls:le], "    ") && !strings.HasPrefix(text[ls:le], "\t") {
			w.b.WriteString("```\n")
			w.fenceChar, w.fenceLen = '`', 3
		}
		w.flushPending()
		w.code(ls, le)
		return
	}
	// Container syntax at the line start: capped.
	cs, markersEnd, n := containerPrefix(text[ls:le])
	if n > MaxNesting || cs > maxIndent {
		w.writeCappedPrefix(text[ls:le])
	} else {
		w.b.WriteString(text[ls : ls+markersEnd])
	}
	content := ls + markersEnd
	if w.openFence(text[content:le]) {
		w.deferMarksUpTo(le + 1)
		w.codeRaw(content, le)
		return
	}
	// Heading hashes.
	h := content
	for h < le && h-content < 6 && text[h] == '#' {
		h++
	}
	if h > content && (h == le || text[h] == ' ' || text[h] == '\t') {
		for h < le && isBlank(text[h]) {
			h++
		}
		w.b.WriteString(text[content:h])
		content = h
	}
	if thematicBreak(text[content:le]) || delimiterRow(text[content:le]) {
		// A mark before a rule would make it text: marks go after it.
		w.deferMarksUpTo(le + 1)
		w.b.WriteString(text[content:le])
		return
	}
	if content < le && text[content] == '|' {
		// A mark before a table row's first pipe would add a cell.
		w.b.WriteByte('|')
		content++
	}
	w.flushPending()
	w.marksUpTo(content, false)
	w.inline(content, le, true, false)
}

// delimiterRow reports whether line is only "-", ":", "|", "=" and blanks
// with at least one "-" or "=": a table's delimiter row or a setext
// underline, kept as it is.
func delimiterRow(line string) bool {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '-', '=':
			n++
		case ':', '|', ' ', '\t':
		default:
			return false
		}
	}
	return n > 0
}

// thematicBreak reports whether line is a Markdown rule: three or more of
// one of "-", "*", "_" and nothing else but blanks.
func thematicBreak(line string) bool {
	var c byte
	n := 0
	for i := 0; i < len(line); i++ {
		switch b := line[i]; {
		case isBlank(b):
		case (b == '-' || b == '*' || b == '_') && (c == 0 || b == c):
			c = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// containerPrefix scans the block quote and list markers at the start of a
// Markdown line. It returns the widest run of leading blanks, the byte
// length of the prefix (markers and the blanks after them) and the number
// of markers.
func containerPrefix(line string) (widest, end, markers int) {
	i := 0
	for {
		j, cols := i, 0
		for j < len(line) && isBlank(line[j]) {
			if line[j] == '\t' {
				cols += 4
			} else {
				cols++
			}
			j++
		}
		if cols > widest {
			widest = cols
		}
		k := markerEnd(line, j)
		if k < 0 {
			return widest, j, markers
		}
		markers++
		i = k
	}
}

// markerEnd returns the end of a container marker at line[j:] (">",
// "- ", "1. "), or -1.
func markerEnd(line string, j int) int {
	if j >= len(line) {
		return -1
	}
	switch c := line[j]; {
	case c == '>':
		return j + 1
	case c == '-' || c == '+' || c == '*':
		if j+1 < len(line) && isBlank(line[j+1]) {
			return j + 1
		}
	case c >= '0' && c <= '9':
		k := j
		for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		if k < len(line) && (line[k] == '.' || line[k] == ')') && (k+1 == len(line) || isBlank(line[k+1])) {
			return k + 1
		}
	}
	return -1
}

// writeCappedPrefix writes the container prefix of line with at most
// MaxNesting markers and blank runs of at most maxIndent columns.
func (w *mdWriter) writeCappedPrefix(line string) {
	i, markers := 0, 0
	for {
		j := i
		for j < len(line) && isBlank(line[j]) {
			j++
		}
		if j-i > maxIndent {
			w.b.WriteString(strings.Repeat(" ", maxIndent))
		} else {
			w.b.WriteString(line[i:j])
		}
		k := markerEnd(line, j)
		if k < 0 {
			return
		}
		if markers < MaxNesting {
			w.b.WriteString(line[j:k])
		}
		markers++
		i = k
	}
}

// openFence reports whether line opens a code fence, and enters it.
func (w *mdWriter) openFence(line string) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || (line[i] != '`' && line[i] != '~') {
		return false
	}
	c := line[i]
	n := 0
	for i+n < len(line) && line[i+n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(line[i+n:], '`') >= 0) {
		return false
	}
	w.fenceChar, w.fenceLen = c, n
	return true
}

func (w *mdWriter) isFenceClose(line string) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	n := 0
	for i+n < len(line) && line[i+n] == w.fenceChar {
		n++
	}
	return n >= w.fenceLen && strings.TrimSpace(line[i+n:]) == ""
}

// codeRaw writes a fence line: raw, without marks or marker runes.
func (w *mdWriter) codeRaw(s, e int) {
	for _, r := range w.d.Text[s:e] {
		w.codeRune(r, 0)
	}
}

// code writes a line of a code block: raw text with marks, tabs expanded,
// controls in caret notation.
func (w *mdWriter) code(s, e int) {
	col := 0
	text := w.d.Text
	for i := s; i < e; {
		w.marksUpTo(i+1, false)
		r, n := utf8.DecodeRuneInString(text[i:])
		col = w.codeRune(r, col)
		i += n
	}
	w.marksUpTo(e, true)
}

func (w *mdWriter) codeRune(r rune, col int) int {
	switch {
	case r == '\t':
		n := 4 - col%4
		w.b.WriteString("    "[:n])
		return col + n
	case IsMarkerRune(r) || isBidi(r):
		return col
	case isControl(r):
		w.caret(caretNotation(r), false)
		return col + 2
	}
	w.b.WriteRune(r)
	return col + 1
}

func (w *mdWriter) caret(notation string, escaped bool) {
	if escaped {
		notation = escapeCaret(notation)
	}
	if w.o.Caret != nil {
		w.b.WriteString(w.o.Caret(notation))
	} else {
		w.b.WriteString(notation)
	}
	w.run += len(notation)
}

// inline writes text[s:e] as inline Markdown: escaped completely for plain
// text (all), or with its syntax kept (markdown) but raw HTML and
// dangerous character references neutralised.
func (w *mdWriter) inline(s, e int, markdown, all bool) {
	text := w.d.Text
	for i := s; i < e; {
		w.marksUpTo(i+1, false)
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				w.b.WriteByte(' ')
				w.run = 0
				i++
				continue
			case c == '\t':
				w.b.WriteByte(' ')
				w.run = 0
				i++
				continue
			case c < 0x20 || c == 0x7f:
				w.caret(caretNotation(rune(c)), true)
				i++
				continue
			}
			w.maybeBreak(1)
			if all && c == '-' && w.o.Hyphen != "" {
				w.b.WriteString(w.o.Hyphen)
				i++
				continue
			}
			if all {
				w.escapeASCII(c)
				i++
				continue
			}
			switch c {
			case '\\':
				// Keep an escape pair as it is; the escaped character
				// still gets its checks.
				if i+1 < e && text[i+1] == '<' {
					w.b.WriteString(`\<`)
					i += 2
					continue
				}
				w.b.WriteByte('\\')
				i++
				if i < e && text[i] != '&' && text[i] < utf8.RuneSelf && text[i] > ' ' && text[i] != 0x7f {
					// Marks at the escaped character come after the pair.
					w.b.WriteByte(text[i])
					i++
				}
				continue
			case '`':
				i = w.codeSpan(i, e)
				continue
			case '<':
				if n := autolinkLen(text[i:e]); n > 0 {
					w.b.WriteString(text[i : i+n])
					i += n
					continue
				}
				w.b.WriteString(`\<`)
			case '&':
				w.b.WriteString(neutralEntity(text[i:e]))
			case '-':
				if w.o.Hyphen != "" {
					w.b.WriteString(w.o.Hyphen)
				} else {
					w.b.WriteByte('-')
				}
			case '[':
				w.brackets++
				if w.brackets > maxBrackets {
					w.b.WriteString(`\[`)
				} else {
					w.b.WriteByte('[')
				}
			default:
				w.b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsMarkerRune(r) || isBidi(r):
		case isControl(r):
			w.caret(caretNotation(r), true)
		case unicode.IsSpace(r):
			w.b.WriteRune(r)
			w.run = 0
		default:
			w.maybeBreak(runeCells(r))
			w.b.WriteRune(r)
		}
		i += n
	}
}

// maybeBreak writes a Break when a run without spaces would grow past
// BreakEvery cells.
func (w *mdWriter) maybeBreak(cells int) {
	if w.run+cells > w.o.BreakEvery {
		w.b.WriteString(w.o.Break)
		w.run = 0
	}
	w.run += cells
}

// codeSpan writes the code span starting at the backtick run at i, or the
// run itself when it is not closed in the line; it returns where to go on.
func (w *mdWriter) codeSpan(i, e int) int {
	text := w.d.Text
	n := 0
	for i+n < e && text[i+n] == '`' {
		n++
	}
	// Find a closing run of the same length.
	j := i + n
	closeAt := -1
	for j < e {
		k := strings.IndexByte(text[j:e], '`')
		if k < 0 {
			break
		}
		j += k
		m := 0
		for j+m < e && text[j+m] == '`' {
			m++
		}
		if m == n {
			closeAt = j
			break
		}
		j += m
	}
	w.b.WriteString(text[i : i+n])
	if closeAt < 0 {
		return i + n
	}
	for p := i + n; p < closeAt; {
		w.marksUpTo(p+1, false)
		r, sz := utf8.DecodeRuneInString(text[p:])
		switch {
		case r == '&':
			w.b.WriteString(neutralEntity(text[p:closeAt]))
		case r == '\t':
			w.b.WriteByte(' ')
		case IsMarkerRune(r) || isBidi(r):
		case isControl(r):
			w.caret(caretNotation(r), false)
		default:
			w.b.WriteRune(r)
		}
		p += sz
	}
	w.marksUpTo(closeAt, false)
	w.b.WriteString(text[closeAt : closeAt+n])
	w.run = 0
	return closeAt + n
}

// escapeASCII writes c escaped for plain text. Glamour keeps the backslash
// of some escapes (\& \~ \: \= …), so those get character references,
// which it decodes.
func (w *mdWriter) escapeASCII(c byte) {
	switch c {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '+', '-', '.', '!', '|', '(', ')', '{', '}':
		w.b.WriteByte('\\')
		w.b.WriteByte(c)
	case '&':
		w.b.WriteString("&amp;")
	case '~':
		w.b.WriteString("&#126;")
	case '=':
		w.b.WriteString("&#61;")
	case ':':
		w.b.WriteString("&#58;")
	case '@':
		w.b.WriteString("&#64;")
	default:
		w.b.WriteByte(c)
	}
}

// autolinkLen returns the length of a CommonMark URI autolink at the
// start of s ("<https://…>"), or 0.
func autolinkLen(s string) int {
	i := 1
	for i < len(s) && i < 34 && (isAlnum(s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-') {
		i++
	}
	if i < 3 || i >= len(s) || s[i] != ':' {
		return 0
	}
	for i++; i < len(s) && i < 2048; i++ {
		c := s[i]
		if c == '>' {
			return i + 1
		}
		if c <= ' ' || c == '<' || c == 0x7f || c == '&' {
			return 0
		}
	}
	return 0
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// neutralEntity returns what to write for the "&" at the start of s: "&"
// when what follows is no character reference or one that decodes to
// printable text, else "&amp;" so that glamour shows it as written.
// Glamour decodes references in text nodes one node at a time, with or
// without the final ";", so any prefix that decodes to something unsafe
// counts.
func neutralEntity(s string) string {
	n := 1
	for n < len(s) && n < 40 && (isAlnum(s[n]) || s[n] == '#') {
		n++
	}
	if n < len(s) && s[n] == ';' {
		n++
	}
	if n == 1 {
		return "&"
	}
	// Every prefix: a reference cut by emphasis is decoded on its own.
	for k := 2; k <= n; k++ {
		dec := html.UnescapeString(s[:k])
		for _, r := range dec {
			if isControl(r) || IsMarkerRune(r) || isBidi(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError || r == '\t' || r == '\n' {
				return "&amp;"
			}
		}
	}
	return "&"
}

// IsMarkerRune reports whether r is one of the zero-width runes the body
// renderer uses as markers (U+200B–U+200F, U+034F); BodyMarkdown drops them
// from the text so that they can only come from marks.
func IsMarkerRune(r rune) bool {
	return r >= 0x200b && r <= 0x200f || r == 0x034f
}

// isBidi reports whether r is a bidi embedding, override, isolate or mark.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// isControl reports whether r is a C0 control other than tab and newline,
// DEL or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}

// caretNotation returns how control character r is shown: Caret's form
// ("^[" for ESC, "^?" for DEL, "<U+009B>" for a C1 control).
func caretNotation(r rune) string {
	if c := Caret(r); c != "" {
		return c
	}
	return string(r)
}

// CaretNotation returns how control character r is shown in the body (see
// Caret), or r itself for any other rune.
func CaretNotation(r rune) string { return caretNotation(r) }

// escapeCaret escapes the caret notation for Markdown text.
func escapeCaret(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', ']', '\\', '_', '-', '<', '>', '+':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '@':
			b.WriteString("&#64;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// runeCells is the width of r in terminal cells, close enough for breaking
// long runs: 2 for East Asian wide runes, 0 for combining marks, else 1.
func runeCells(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		return 0
	case r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		r >= 0x2e80 && r <= 0xa4cf && r != 0x303f ||
		r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff ||
		r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 ||
		r >= 0xffe0 && r <= 0xffe6 || r >= 0x1f300 && r <= 0x1faff ||
		r >= 0x20000 && r <= 0x3fffd):
		return 2
	}
	return 1
}

// EscapeText returns s escaped as Markdown inline text the way BodyMarkdown
// escapes plain text, for text the renderer inserts with a Mark (a speaker
// tag). Control characters, line ends included, become their caret
// notation; marker runes and bidi controls are dropped.
func EscapeText(s string) string {
	w := mdWriter{d: &Document{Format: Text, Text: s}, o: MarkdownOptions{BreakEvery: DefaultBreakEvery, Break: " "}}
	w.inline(0, len(s), false, true)
	return w.b.String()
}
