package doc

// frontMatter returns the span of the YAML front matter at the start of
// text and the offset just after it, or -1 when there is none.
// FIRST VERSION: to be completed.
func frontMatter(text string) (Span, int) { return Span{}, -1 }

// readMarkdown fills d from Markdown source text.
// FIRST VERSION: plain-text structure; to be completed.
func readMarkdown(d *Document, text string) {
	d.Text = text
	d.Blocks, d.Meta = structureText(text)
}
