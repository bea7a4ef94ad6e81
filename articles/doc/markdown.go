package doc

// Mark is a string to insert into the body's Markdown at a byte offset of
// Document.Text: the renderer's zero-width markers around quotes and
// mentions, and the speaker tags it shows after quotes. Code is inserted
// as is and must already be valid Markdown text.
type Mark struct {
	Pos  int    // byte offset into Document.Text
	Code string // what to insert
}

// BodyMarkdown returns the Markdown source glamour renders for the article's
// body: every block but the headline that gives the title and the front
// matter. Plain text is escaped so that it comes out with exactly its words
// (no accidental lists, emphasis or headings); Markdown and HTML-derived
// text keep their syntax. Each mark's Code is inserted at its Pos (marks at
// the same Pos keep their order; marks must be sorted by Pos). Control
// characters are passed to caret, which gets their caret notation ("^[")
// and returns what to show instead (for instance the caret dimmed with
// marks of the renderer's own).
// FIRST VERSION: to be replaced by the renderer work.
func BodyMarkdown(d *Document, marks []Mark, caret func(string) string) string {
	return d.Text
}
