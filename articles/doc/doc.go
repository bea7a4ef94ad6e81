// Package doc turns the bytes of an article file into a Document: decoded,
// cleaned text and the spans of its blocks (headline, captions, paragraphs,
// trailing boilerplate), plus the metadata found in it.
//
// Every span is a pair of byte offsets into Document.Text; nothing is
// rewritten after decoding, so highlights, jumps and JSON offsets all agree.
package doc

// Format is the kind of source an article was read from.
type Format string

// The formats byline reads.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Span is a half-open range of byte offsets [Start, End) into Document.Text.
type Span struct {
	Start int // byte offset of the first byte
	End   int // byte offset one past the last byte
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is the zero value (no span).
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Contains reports whether s contains the byte offset pos.
func (s Span) Contains(pos int) bool { return pos >= s.Start && pos < s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Kind is the role of a block in the article.
type Kind int

// Block kinds. Headline, Body, Heading, BlockQuote and ListItem are the story
// and are analysed; the others are structure around it.
const (
	Body        Kind = iota // a paragraph of the story
	Headline                // the article's title line as it stands in the text
	Heading                 // a section heading inside the story (Markdown #, HTML h2…)
	BlockQuote              // a quoted block (Markdown >, HTML <blockquote>)
	ListItem                // one item of a list
	Caption                 // a photo caption under the headline
	Credit                  // a photo credit or a line of agency and photographer names
	Dateline                // "KYIV, Ukraine (AP) —" when it stands alone on a line
	Byline                  // "By Jane Doe"
	Boilerplate             // site furniture: "Video of the day", "Read more:", … (trailing, or copied above or under the headline)
	FrontMatter             // Markdown YAML front matter
	Code                    // a code block, shown as is
	Date                    // a line giving the publication date ("Published 3 March 2024, 10:15")
)

var kindNames = [...]string{"body", "headline", "heading", "blockquote", "listitem", "caption", "credit", "dateline", "byline", "boilerplate", "frontmatter", "code", "date"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Analysed reports whether blocks of this kind are part of the story, and so
// searched for quotes and parties. Captions, credits and boilerplate are not:
// a party named only there goes to the Credits group.
func (k Kind) Analysed() bool {
	switch k {
	case Body, Headline, Heading, BlockQuote, ListItem:
		return true
	}
	return false
}

// Block is one block of the article: a span of Document.Text and its role.
// Blocks are in text order and do not overlap. For Markdown and HTML the span
// covers the block's Markdown source, including its syntax (the "> " of a
// block quote, the "- " of a list item).
type Block struct {
	Span
	Kind  Kind
	Level int    // heading level (1–6), block-quote depth or list depth; 0 otherwise
	Cite  string // for a BlockQuote: who is quoted, from the page's <cite>/<footer>, else the site of its cite URL ("example.org"); "" when unknown
}

// Meta is what the file says about the article. Empty fields are unknown.
type Meta struct {
	Title    string   // the headline, without Markdown syntax; a quote keeps its marks
	Byline   string   // "Jane Doe" (without "By")
	Date     string   // as found, or ISO 8601 (YYYY-MM-DD or RFC 3339) when parsed from metadata
	Source   string   // publisher or site name, or agency from the dateline
	Dateline string   // "KYIV, Ukraine (AP)"
	URL      string   // canonical URL when known
	Tags     []string // from front matter or page keywords
}

// Document is an article read from a file, before analysis.
type Document struct {
	Format   Format
	Text     string  // decoded text: UTF-8, LF line ends, invisible format characters removed; for HTML the article as Markdown
	Blocks   []Block // in text order
	Meta     Meta
	Encoding string // the encoding the bytes were decoded from, e.g. "utf-8", "utf-16le", "windows-1252"
}
