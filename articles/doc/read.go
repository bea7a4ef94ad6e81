package doc

import (
	"errors"
	"path/filepath"
	"strings"
)

// ErrBinary is returned by Read for content that is not text.
var ErrBinary = errors.New("doc: binary file")

// FormatOf returns the format for a file name by its extension, and "" when
// the extension is not one byline reads (.txt, .md, .markdown, .html, .htm).
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm":
		return HTML
	}
	return ""
}

// Read decodes data and finds its structure. format may be "" to sniff it
// from the content (stdin). It returns ErrBinary for binary content.
// FIRST VERSION: UTF-8 plain text only; to be replaced by the format work.
func Read(format Format, data []byte) (*Document, error) {
	if format == "" {
		format = Text
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	d := &Document{Format: format, Text: text, Encoding: "utf-8"}
	start := -1
	for i := 0; i <= len(text); i++ {
		blank := i == len(text) || (text[i] == '\n' && (i+1 == len(text) || text[i+1] == '\n'))
		if i < len(text) && text[i] != '\n' && start < 0 {
			start = i
		}
		if blank && start >= 0 {
			end := i
			kind := Body
			if len(d.Blocks) == 0 {
				kind = Headline
				d.Meta.Title = text[start:end]
			}
			d.Blocks = append(d.Blocks, Block{Span: Span{start, end}, Kind: kind})
			start = -1
		}
	}
	return d, nil
}
