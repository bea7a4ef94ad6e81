package doc

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// ErrBinary is returned by Read for content that is not text: a NUL byte
// in the first 64 KB, the opening of a common binary format (PNG, PDF,
// ZIP, …) or mostly control bytes.
var ErrBinary = errors.New("doc: binary file")

// FormatOf returns the format for a file name by its extension, and "" when
// the extension is not one byline reads (.txt, .text, .md, .markdown,
// .html, .htm, .xhtml).
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return ""
}

// Read decodes data and finds its structure. format may be "" to sniff it
// from the content (stdin): HTML by its tags, Markdown by YAML front matter
// or a "#" heading on its first line, plain text otherwise. It returns
// ErrBinary for binary content. Read never panics on any input.
//
// Decoding: UTF-8 with or without BOM, UTF-16 with a BOM or detected by its
// zero bytes, and when the bytes are not UTF-8, the encoding an HTML page
// declares in <meta charset> or the best of Windows-1252, ISO-8859-2,
// Windows-1251, KOI8-R and ISO-8859-5 by how natural the decoded letters
// look. Invalid bytes become U+FFFD, line ends become LF, and invisible
// format characters are removed (see Invisible); other controls are kept.
//
// Structure: plain text gets a Headline, the picture's Caption and Credit
// lines, Byline, Dateline and Date lines, Body paragraphs and Boilerplate
// (see structureText); Markdown keeps its source as Text with FrontMatter,
// Heading, BlockQuote, ListItem and Code blocks; for HTML, Text is the
// article converted to Markdown (see readHTML).
func Read(format Format, data []byte) (*Document, error) {
	if format == "" && looksHTML(data) {
		format = HTML
	}
	text, enc, err := decode(data, format == HTML || format == "")
	if err != nil {
		return nil, err
	}
	if format == "" {
		format = sniff(text)
	}
	d := &Document{Format: format, Encoding: enc}
	switch format {
	case HTML:
		readHTML(d, text)
	case Markdown:
		readMarkdown(d, text)
	default:
		d.Format = Text
		d.Text = text
		d.Blocks, d.Meta = structureText(text)
	}
	return d, nil
}

var htmlStartRe = lazyRE(`(?i)^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<!--|<(p|div|article|section|main|h[1-6]|table|ul|ol|blockquote)[\s>])`)

// looksHTML reports whether data starts like an HTML page, after a BOM
// and white space.
func looksHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.TrimLeft(data, " \t\r\n\f")
	if len(data) > 512 {
		data = data[:512]
	}
	return htmlStartRe.Match(data)
}

var mdStartRe = lazyRE(`^(---[ \t]*\n|#{1,6}[ \t]+\S)`)

// sniff returns the format of decoded text: HTML, Markdown or Text.
func sniff(text string) Format {
	t := strings.TrimLeft(text, " \t\n\f")
	if htmlStartRe.MatchString(t) {
		return HTML
	}
	if mdStartRe.MatchString(t) {
		if strings.HasPrefix(t, "---") {
			if _, end := frontMatter(text); end < 0 {
				return Text
			}
		}
		return Markdown
	}
	return Text
}
