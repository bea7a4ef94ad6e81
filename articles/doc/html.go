package doc

// readHTML fills d from an HTML page.
// FIRST VERSION: plain-text structure of the source; to be completed.
func readHTML(d *Document, text string) {
	d.Text = text
	d.Blocks, d.Meta = structureText(text)
}
