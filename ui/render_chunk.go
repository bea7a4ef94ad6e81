package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"byline/articles"
	"byline/articles/doc"
)

// BodyRender renders an article's body in chunks (runs of blocks of about
// 16 KB, the first one smaller), so that a big article's first screen can
// be shown before the rest is rendered: Prefix renders only the leading
// chunks, All the remaining ones on all cores. Chunks already rendered are
// kept, so calling Prefix and then All costs no more than All. It is safe
// for concurrent use.
type BodyRender struct {
	p    *plan
	mu   sync.Mutex
	outs []chunkOut
	done []bool
}

// NewBodyRender prepares the rendering of a's body with o; it renders
// nothing yet.
func NewBodyRender(a *articles.Article, o BodyOptions) *BodyRender {
	if o.Width < 1 {
		o.Width = 1
	}
	p := newPlan(a, o)
	return &BodyRender{p: p, outs: make([]chunkOut, len(p.chunks)), done: make([]bool, len(p.chunks))}
}

// Prefix renders the leading chunks until they hold at least lines lines
// (or the whole body) and returns the body of every leading chunk rendered
// so far. Its Complete reports whether that is the whole body; quotes,
// mentions and blocks beyond it are not rendered yet (Quote reports ok
// false for them).
func (r *BodyRender) Prefix(lines int) (*Body, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var rd *glamour.TermRenderer
	n, k := 0, 0
	for ; k < len(r.outs); k++ {
		if !r.done[k] {
			if rd == nil {
				var err error
				if rd, err = r.p.newRenderer(); err != nil {
					return nil, err
				}
			}
			r.outs[k] = r.p.renderChunk(&rd, r.p.chunks[k])
			if r.outs[k].err != nil {
				return nil, r.outs[k].err
			}
			r.done[k] = true
		}
		n += len(r.outs[k].lines) + 1
		if n > lines {
			k++
			break
		}
	}
	b := r.p.assemble(r.outs[:k])
	b.complete = k == len(r.outs)
	return b, nil
}

// All renders every chunk not rendered yet, in parallel, and returns the
// whole body.
func (r *BodyRender) All() (*Body, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var idx []int
	for k, d := range r.done {
		if !d {
			idx = append(idx, k)
		}
	}
	if err := r.p.renderSome(idx, r.outs); err != nil {
		return nil, err
	}
	for _, k := range idx {
		r.done[k] = true
	}
	b := r.p.assemble(r.outs)
	b.complete = true
	return b, nil
}

// Chunk budgets: glamour gets this long (wall time) for a chunk before the
// chunk is shown as plain text instead. Its input is capped to be linear,
// so only an unknown super-linear corner should trip it; the budget is some
// 50 times glamour's usual speed (about 1 MB/s) so that a busy machine
// does not.
const (
	budgetBase    = time.Second
	budgetPerByte = 100 * time.Microsecond
)

// chunkBudget is how long glamour may take for Markdown of n bytes plus
// its lines times the width (glamour pads every line).
func chunkBudget(n int) time.Duration {
	return budgetBase + time.Duration(n)*budgetPerByte
}

// renderChunk renders chunk c with *rd within its budget; past the budget,
// or when glamour fails or panics, the chunk is shown as plain text and
// *rd is replaced (the abandoned call may still be running on it).
func (p *plan) renderChunk(rd **glamour.TermRenderer, c chunk) chunkOut {
	if c.plain {
		out := p.fallback(c)
		out.fallback = false
		return out
	}
	md := p.markdown(c)
	type result struct {
		out string
		err error
	}
	ch := make(chan result, 1)
	r := *rd
	go func() {
		defer func() {
			if e := recover(); e != nil {
				ch <- result{err: fmt.Errorf("glamour panicked: %v", e)}
			}
		}()
		out, err := r.Render(md)
		ch <- result{out, err}
	}()
	budget := p.budget
	if budget == nil {
		budget = chunkBudget
	}
	timer := time.NewTimer(budget(len(md) + strings.Count(md, "\n")*p.o.Width))
	defer timer.Stop()
	select {
	case res := <-ch:
		if res.err != nil {
			if nr, err := p.newRenderer(); err == nil {
				*rd = nr
			}
			return p.fallback(c)
		}
		w := newWalker(p.o.Width, p.o.Profile == termenv.Ascii)
		w.ids = chunkIDs(p.chunkMarks(c))
		w.walk(trimBlankLines(res.out))
		return chunkOut{lines: w.lines, regions: w.regions, recs: w.recs}
	case <-timer.C:
		if nr, err := p.newRenderer(); err == nil {
			*rd = nr
		}
		return p.fallback(c)
	}
}

// fallback shows chunk c as plain text: each block's text with the marks,
// control characters in caret notation, wrapped at spaces to the width
// with glamour's margin of two, blocks apart by a blank line.
func (p *plan) fallback(c chunk) chunkOut {
	cm := p.chunkMarks(c)
	marks := codes(p.a, cm, true)
	text := p.a.Text
	var sb strings.Builder
	mi := 0
	width := max(p.o.Width-4, 1)
	first := true
	for bi := c.from; bi < c.to; bi++ {
		b := p.blocks[bi]
		if !rendered(b) {
			continue
		}
		for mi < len(marks) && marks[mi].Pos < b.Start {
			mi++
		}
		if !first {
			sb.WriteString("\n\n")
		}
		first = false
		// The block as one paragraph of words; code line by line.
		code := b.Kind == doc.Code
		var para strings.Builder
		if code {
			para.WriteString("    ")
		}
		for i := b.Start; i < b.End; {
			if code && (i == b.Start || text[i-1] == '\n') {
				le := strings.IndexByte(text[i:b.End], '\n')
				if le < 0 {
					le = b.End
				} else {
					le += i
				}
				if fenceLine(text[i:le]) {
					for mi < len(marks) && marks[mi].Pos <= le {
						para.WriteString(marks[mi].Code)
						mi++
					}
					i = le + 1
					continue
				}
			}
			for mi < len(marks) && marks[mi].Pos <= i {
				para.WriteString(marks[mi].Code)
				mi++
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			switch {
			case code && r == '\n':
				para.WriteString("\n    ")
			case code && r == '\t':
				para.WriteString("    ")
			case r == '\n' || r == '\t':
				para.WriteByte(' ')
			case doc.IsMarkerRune(r) || isBidiRune(r):
			case r < 0x20 || r >= 0x7f && r <= 0x9f:
				para.WriteString(caretMark(doc.CaretNotation(r)))
			default:
				para.WriteRune(r)
			}
		}
		for mi < len(marks) && marks[mi].Pos <= b.End {
			para.WriteString(marks[mi].Code)
			mi++
		}
		if code {
			sb.WriteString(para.String())
		} else {
			wrapPlain(&sb, para.String(), width)
		}
	}
	w := newWalker(p.o.Width, true)
	w.ids = chunkIDs(cm)
	w.walk(sb.String())
	return chunkOut{lines: w.lines, regions: w.regions, recs: w.recs, fallback: true}
}

// fenceLine reports whether line opens or closes a code fence.
func fenceLine(line string) bool {
	t := strings.TrimLeft(line, " ")
	return len(line)-len(t) <= 3 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"))
}

// wrapPlain writes s word-wrapped at width cells, each line indented by
// two spaces; a word wider than a line is left to the walker to cut.
func wrapPlain(sb *strings.Builder, s string, width int) {
	col := 0
	sb.WriteString("  ")
	for _, word := range strings.Split(s, " ") {
		if word == "" {
			continue
		}
		w := runewidth.StringWidth(word)
		if col > 0 && col+1+w > width {
			sb.WriteString("\n  ")
			col = 0
		} else if col > 0 {
			sb.WriteByte(' ')
			col++
		}
		sb.WriteString(word)
		col += w
	}
}
