package ui

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
	"byline/articles/quote"
)

// prefixes are the highlight styles as SGR sequences for one profile.
type prefixes struct {
	quote, quoteCurrent, scare, speaker string
	mention, mentionCurrent             string
	match, matchCurrent                 string
	dim, title, meta                    string
}

// sgrPrefix returns the SGR sequence that starts text in style s under
// profile p: s renders a sentinel, and what comes before it is the prefix.
func sgrPrefix(s lipgloss.Style, p termenv.Profile) string {
	if p == termenv.Ascii {
		return ""
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(true)
	const sentinel = "\u2588"
	out := s.Renderer(r).UnsetPadding().UnsetMargins().UnsetWidth().UnsetBorderStyle().Render(sentinel)
	i := strings.Index(out, sentinel)
	if i <= 0 {
		return ""
	}
	pre := out[:i]
	// Keep only SGR sequences.
	var sb strings.Builder
	for j := 0; j < len(pre); {
		if pre[j] == 0x1b && j+1 < len(pre) && pre[j+1] == '[' {
			k := sgrEnd(pre, j)
			if pre[k-1] == 'm' {
				sb.WriteString(pre[j:k])
			}
			j = k
			continue
		}
		j++
	}
	return sb.String()
}

func newPrefixes(st Styles, p termenv.Profile) prefixes {
	return prefixes{
		quote:          sgrPrefix(st.Quote, p),
		quoteCurrent:   sgrPrefix(st.QuoteCurrent, p),
		scare:          sgrPrefix(st.Scare, p),
		speaker:        sgrPrefix(st.Speaker, p),
		mention:        sgrPrefix(st.Mention, p),
		mentionCurrent: sgrPrefix(st.MentionCurrent, p),
		match:          sgrPrefix(st.Match, p),
		matchCurrent:   sgrPrefix(st.MatchCurrent, p),
		dim:            sgrPrefix(st.Dim, p),
		title:          sgrPrefix(st.Title, p),
		meta:           sgrPrefix(st.Meta, p),
	}
}

// glamourOptions returns the options for o: the style, the wrap width and
// the colour profile, always explicit so that glamour never queries the
// terminal.
func glamourOptions(o BodyOptions) []glamour.TermRendererOption {
	opts := []glamour.TermRendererOption{glamour.WithWordWrap(o.Width), glamour.WithColorProfile(o.Profile)}
	style := o.Style
	if style == "" || style == styles.AutoStyle {
		style = styles.DarkStyle
	}
	if _, ok := styles.DefaultStyles[style]; ok {
		opts = append(opts, glamour.WithStandardStyle(style))
	} else {
		opts = append(opts, glamour.WithStylePath(style))
	}
	return opts
}

// Chunk sizes in bytes of text: the first chunk is small so that the first
// screen comes soon; the others are big enough that glamour's set-up per
// call does not count.
const (
	firstChunkTarget = 6 << 10
	chunkTarget      = 16 << 10
)

// plan is the work of rendering one body: the marks, and the blocks cut
// into chunks that render independently.
type plan struct {
	a      *articles.Article
	o      BodyOptions
	marks  []pmark
	base   []int       // per party: global id of its first mention
	total  int         // mentions
	blocks []doc.Block // the article's blocks with big code blocks split (see splitBlocks)
	cont   []bool      // per block: a piece of a split code block after the first
	chunks []chunk     // runs of blocks

	budget func(mdBytes int) time.Duration // glamour's time for a chunk; nil for chunkBudget
}

// chunk is a run of blocks rendered in one glamour call.
type chunk struct {
	from, to int  // block indexes [from, to)
	start    int  // byte offset of Text where it starts
	lines    int  // estimated rendered lines, for first-screen planning
	plain    bool // a piece of a huge code block: shown as plain text, without glamour
	cont     bool // it goes on the previous chunk's code block: no blank line between
}

func newPlan(a *articles.Article, o BodyOptions) *plan {
	p := &plan{a: a, o: o}
	p.marks, p.base, p.total = buildMarks(a)
	var big []bool
	p.blocks, p.cont, big = splitBlocks(&a.Document)
	d := a.Document
	d.Blocks = p.blocks
	p.chunks = cutChunks(&d, p.cont, big, o.Width)
	return p
}

// cutChunks groups the blocks into chunks of about chunkTarget bytes, cut
// only before a block that starts a paragraph of its own (so that lists,
// quotes and code blocks stay whole).
func cutChunks(d *doc.Document, cont, big []bool, width int) []chunk {
	var out []chunk
	cw := max(width-4, 10)
	cur := chunk{from: 0}
	size := 0
	cut := func(i int) {
		cur.to = i
		out = append(out, cur)
		cur = chunk{from: i, start: d.Blocks[i].Start}
		size = 0
	}
	for i, b := range d.Blocks {
		target := chunkTarget
		if len(out) == 0 {
			target = firstChunkTarget
		}
		switch {
		case i > cur.from && (big[i] || big[i-1]):
			// Every piece of a huge code block is a chunk of its own.
			cut(i)
		case i > cur.from && size >= target && (cont[i] || cuttable(d, i)):
			cut(i)
		}
		cur.plain, cur.cont = big[i], cont[i]
		if rendered(b) {
			// Glamour's cost grows with the text and with the lines it pads
			// to the width: count both.
			size += b.End - b.Start + strings.Count(d.Text[b.Start:b.End], "\n")*width
			cur.lines += (b.End-b.Start)/cw + 2
		}
	}
	cur.to = len(d.Blocks)
	if cur.to > cur.from || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// codePiece is the most lines of a code block rendered in one piece.
const codePiece = 200

// splitBlocks returns the blocks with every code block of more than
// codePiece lines split into pieces of codePiece lines (big), each its own
// chunk shown as plain text: glamour pads every line of code to the width
// one styled space at a time, which made a 20,000-line code block cost
// 50 times clean text per byte. cont marks the pieces after the first.
func splitBlocks(d *doc.Document) (blocks []doc.Block, cont, big []bool) {
	blocks = d.Blocks
	split := false
	for _, b := range d.Blocks {
		if b.Kind == doc.Code && strings.Count(d.Text[b.Start:b.End], "\n") > codePiece {
			split = true
			break
		}
	}
	if !split {
		return blocks, make([]bool, len(blocks)), make([]bool, len(blocks))
	}
	blocks = nil
	for _, b := range d.Blocks {
		if b.Kind != doc.Code || strings.Count(d.Text[b.Start:b.End], "\n") <= codePiece {
			blocks = append(blocks, b)
			cont = append(cont, false)
			big = append(big, false)
			continue
		}
		start, n := b.Start, 0
		for i := b.Start; i < b.End; i++ {
			if d.Text[i] != '\n' {
				continue
			}
			n++
			if n == codePiece {
				piece := b
				piece.Span = doc.Span{Start: start, End: i}
				blocks = append(blocks, piece)
				cont = append(cont, start != b.Start)
				big = append(big, true)
				start, n = i+1, 0
			}
		}
		if start < b.End {
			piece := b
			piece.Span = doc.Span{Start: start, End: b.End}
			blocks = append(blocks, piece)
			cont = append(cont, start != b.Start)
			big = append(big, true)
		}
	}
	return blocks, cont, big
}

// cuttable reports whether a chunk may start at block i.
func cuttable(d *doc.Document, i int) bool {
	b := d.Blocks[i]
	switch b.Kind {
	case doc.Body, doc.Heading, doc.Caption, doc.Credit, doc.Boilerplate, doc.Dateline, doc.Byline:
	default:
		return false
	}
	if d.Format == doc.Text {
		return true
	}
	if c := d.Text[b.Start]; c == ' ' || c == '\t' {
		return false
	}
	prev := d.Blocks[i-1]
	if prev.Kind == doc.ListItem || prev.Kind == doc.Code {
		return false
	}
	gap := d.Text[prev.End:b.Start]
	return strings.Count(gap, "\n") >= 2
}

// chunkMarks returns the marks of chunk c.
func (p *plan) chunkMarks(c chunk) []pmark {
	lo, hi := 0, len(p.marks)
	if c.from < len(p.blocks) {
		start := p.blocks[c.from].Start
		lo = sort.Search(len(p.marks), func(i int) bool { return p.marks[i].pos >= start })
	}
	if c.to < len(p.blocks) {
		end := p.blocks[c.to].Start
		hi = sort.Search(len(p.marks), func(i int) bool { return p.marks[i].pos >= end })
	}
	return p.marks[lo:hi]
}

// markdown returns the Markdown of chunk c.
func (p *plan) markdown(c chunk) string {
	d := p.a.Document
	d.Blocks = p.blocks[c.from:c.to]
	return doc.BodyMarkdownWith(&d, codes(p.a, p.chunkMarks(c), false), doc.MarkdownOptions{
		Caret:      caretMark,
		Break:      breakMk,
		Hyphen:     hyphenMk,
		BreakEvery: min(doc.DefaultBreakEvery, max(p.o.Width-6, 8)),
	})
}

// chunkOut is a chunk rendered and walked.
type chunkOut struct {
	lines    []line
	regions  []region
	recs     []record
	fallback bool // shown as plain text: glamour failed or ran over its budget
	err      error
}

func (p *plan) newRenderer() (*glamour.TermRenderer, error) {
	r, err := glamour.NewTermRenderer(glamourOptions(p.o)...)
	if err != nil {
		return nil, fmt.Errorf("render body: %w", err)
	}
	return r, nil
}

// renderAll renders every chunk on all cores.
func (p *plan) renderAll() ([]chunkOut, error) {
	outs := make([]chunkOut, len(p.chunks))
	idx := make([]int, len(p.chunks))
	for i := range idx {
		idx[i] = i
	}
	if err := p.renderSome(idx, outs); err != nil {
		return nil, err
	}
	return outs, nil
}

// renderSome renders the chunks listed in idx into outs, in parallel.
func (p *plan) renderSome(idx []int, outs []chunkOut) error {
	workers := min(runtime.GOMAXPROCS(0), len(idx))
	if workers < 1 {
		return nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			r, err := p.newRenderer()
			if err != nil {
				errs[k] = err
				return
			}
			for {
				n := int(next.Add(1)) - 1
				if n >= len(idx) {
					return
				}
				outs[idx[n]] = p.renderChunk(&r, p.chunks[idx[n]])
			}
		}(k)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, i := range idx {
		if outs[i].err != nil {
			return outs[i].err
		}
	}
	return nil
}

// trimBlankLines drops glamour's blank lines before and after the text.
func trimBlankLines(s string) string {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || !blankLine(s[:i]) {
			break
		}
		s = s[i+1:]
	}
	for {
		s = strings.TrimRight(s, "\n")
		i := strings.LastIndexByte(s, '\n')
		if !blankLine(s[i+1:]) {
			break
		}
		if i < 0 {
			return ""
		}
		s = s[:i]
	}
	return s
}

// blankLine reports whether s shows nothing: spaces and SGR sequences only.
func blankLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
		case 0x1b:
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
					j++
				}
				if j < len(s) && s[j] == 'm' {
					i = j
					continue
				}
			}
			return false
		default:
			return false
		}
	}
	return true
}

// assemble stitches the rendered chunks into a Body: one blank line
// between chunks, regions and positions made global.
func (p *plan) assemble(outs []chunkOut) *Body {
	a := p.a
	b := &Body{
		width:        p.o.Width,
		profile:      p.o.Profile,
		sgr:          newPrefixes(p.o.Styles, p.o.Profile),
		regions:      []region{noRegion},
		quoteKind:    make([]quote.Kind, len(a.Quotes)),
		quotePos:     make([]Position, len(a.Quotes)),
		mentionBase:  p.base,
		mentionParty: make([]int32, p.total),
		mentionPos:   make([]Position, p.total),
		blockLine:    make([]int, len(a.Blocks)),
	}
	for i, q := range a.Quotes {
		b.quoteKind[i] = q.Kind
		b.quotePos[i].Line = -1
	}
	for pi := range a.Parties {
		end := p.total
		if pi+1 < len(p.base) {
			end = p.base[pi+1]
		}
		for g := p.base[pi]; g < end; g++ {
			b.mentionParty[g] = int32(pi)
		}
	}
	for i := range b.mentionPos {
		b.mentionPos[i].Line = -1
	}
	for i := range b.blockLine {
		b.blockLine[i] = -1
	}
	regIdx := map[region]uint32{noRegion: 0}
	n := 0
	for _, o := range outs {
		n += len(o.lines) + 1
	}
	b.lines = make([]line, 0, n)
	for ci, o := range outs {
		if o.fallback {
			b.fallbacks++
		}
		if len(o.lines) == 0 {
			continue
		}
		if ci > 0 && len(b.lines) > 0 && !p.chunks[ci].cont {
			b.lines = append(b.lines, line{})
		}
		off := len(b.lines)
		remap := make([]uint32, len(o.regions))
		for k, r := range o.regions {
			id, ok := regIdx[r]
			if !ok {
				id = uint32(len(b.regions))
				b.regions = append(b.regions, r)
				regIdx[r] = id
			}
			remap[k] = id
		}
		for _, ln := range o.lines {
			for k := range ln.pieces {
				ln.pieces[k].reg = remap[ln.pieces[k].reg]
			}
			b.lines = append(b.lines, ln)
		}
		for _, r := range o.recs {
			pos := Position{Line: r.pos.Line + off, Col: r.pos.Col}
			switch r.kind {
			case mkQuoteStart:
				if r.id < len(b.quotePos) && b.quotePos[r.id].Line < 0 {
					b.quotePos[r.id] = pos
				}
			case mkMentionStart:
				if r.id < len(b.mentionPos) && b.mentionPos[r.id].Line < 0 {
					b.mentionPos[r.id] = pos
				}
			case mkBlock:
				if r.id < len(b.blockLine) && b.blockLine[r.id] < 0 {
					b.blockLine[r.id] = pos.Line
					b.blockStarts = append(b.blockStarts, blockStart{line: pos.Line, block: r.id})
				}
			}
		}
	}
	sort.SliceStable(b.blockStarts, func(i, j int) bool { return b.blockStarts[i].line < b.blockStarts[j].line })
	b.base = make([]atomic.Pointer[string], len(b.lines))
	return b
}
