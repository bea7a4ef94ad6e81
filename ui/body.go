package ui

import (
	"github.com/muesli/termenv"

	"byline/articles"
)

// BodyOptions say how to render an article's body.
type BodyOptions struct {
	Width   int             // wrap width in cells, the whole body including glamour's margins; at least 1
	Style   string          // glamour style: "dark", "light", "notty", "ascii", "dracula", "tokyo-night", "pink", or a JSON style file's path
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
	// fields are the renderer's own
}

// RenderBody renders the article's body with glamour and lays the quote
// highlights and speaker tags over the result. It is the slow part of
// opening an article and belongs in a tea.Cmd.
func RenderBody(a *articles.Article, o BodyOptions) (*Body, error) { return &Body{}, nil }

// Len returns the number of rendered lines.
func (b *Body) Len() int { return 0 }

// Line returns rendered line i with h applied, ready to print (only SGR
// escape sequences in it). It costs time proportional to the line, not to
// the body.
func (b *Body) Line(i int, h Highlight) string { return "" }

// Plain returns rendered line i without escape sequences: what the user sees.
func (b *Body) Plain(i int) string { return "" }

// Quote returns where quote q (an index into Article.Quotes) starts; ok is
// false when it was not rendered.
func (b *Body) Quote(q int) (pos Position, ok bool) { return Position{}, false }

// Mention returns where mention m of party p starts (indexes into
// Article.Parties and its Mentions); ok is false when it was not rendered.
func (b *Body) Mention(p, m int) (pos Position, ok bool) { return Position{}, false }

// Matches returns the positions of every case-insensitive match of s in the
// rendered text, in body order.
func (b *Body) Matches(s string) []Position { return nil }

// BlockLine returns the first rendered line of block i (an index into
// Article.Blocks), or the nearest block after it that was rendered; used to
// keep the reader's place across a resize.
func (b *Body) BlockLine(i int) int { return 0 }

// BlockAt returns the index of the block shown at rendered line i.
func (b *Body) BlockAt(line int) int { return 0 }

// SafeOutput returns s with every escape sequence except SGR (ESC [ params m)
// removed and every other control character but newline replaced by its
// caret notation: the allowlist applied to whatever byline is about to
// write to the terminal.
func SafeOutput(s string) string { return s }

// Document renders an article for output that is not a terminal: a header
// (title, byline, source, date) and the body, with each quote's speaker
// after it so quotes stay visibly marked without colour. With
// o.Profile termenv.Ascii the result has no escape sequences at all.
func Document(a *articles.Article, o BodyOptions) (string, error) { return "", nil }
