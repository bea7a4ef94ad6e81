package doc

import (
	"os"
	"slices"
	"testing"
)

func TestMarkdownFrontMatterAndBlocks(t *testing.T) {
	data, err := os.ReadFile("testdata/markdown/summit.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(Markdown, data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != string(data) {
		t.Errorf("Text is not the Markdown source")
	}
	checkBlocks(t, d, []kb{
		{FrontMatter, "---\ntitle: \"Ministers meet in Bucharest\"…"},
		{Headline, "# Ministers meet in Bucharest"},
		{Byline, "*By Jane Doe*"},
		{Body, "BUCHAREST (Reuters) — Foreign ministers…"},
		{BlockQuote, `> "We stand together with our partners," the joint statement said.`},
		{BlockQuote, `> > "And we will for as long as it takes," one minister added.`},
		{Body, "The ministers agreed on three points:"},
		{ListItem, "- more air defence for the winter\n  and spare parts for it"},
		{ListItem, "- help to repair the power grid"},
		{ListItem, "- transformers first"},
		{ListItem, "1. a meeting in the spring"},
		{Code, "```\nstatement text, version 2\n```"},
		{Heading, "Talks with partners\n-------------------"},
		{Body, "Finland and Sweden took part as invited countries."},
		{Boilerplate, "## Related articles"},
		{Boilerplate, "- [Winter aid plan approved](https://example.com/aid)"},
		{Boilerplate, "- [Grid repairs ahead of schedule](https://example.com/grid)"},
	})
	levels := map[int]int{4: 1, 5: 2, 7: 1, 8: 1, 9: 2, 12: 2}
	for i, want := range levels {
		if got := d.Blocks[i].Level; got != want {
			t.Errorf("block %d level: got %d, want %d", i, got, want)
		}
	}
	want := Meta{Title: "Ministers meet in Bucharest", Byline: "Jane Doe, John Roe", Date: "2024-03-03",
		Source: "Free Press", URL: "https://example.com/ministers-bucharest", Dateline: "BUCHAREST (Reuters)"}
	m := d.Meta
	if m.Title != want.Title || m.Byline != want.Byline || m.Date != want.Date || m.Source != want.Source || m.URL != want.URL || m.Dateline != want.Dateline {
		t.Errorf("meta: got %+v, want %+v", m, want)
	}
	if !slices.Equal(m.Tags, []string{"nato", "ukraine"}) {
		t.Errorf("tags: got %q", m.Tags)
	}
}

func TestMarkdownTitleRules(t *testing.T) {
	tests := []struct {
		name, src, title string
		first            Kind
	}{
		{"first H1 without front matter", "Intro line.\n\n# The *real* title\n\nBody.\n", "The real title", Body},
		{"front matter title wins over a different H1", "---\ntitle: Front title\n---\n# Other heading\n\nBody.\n", "Front title", FrontMatter},
		{"setext title", "Harbour reopens\n===============\n\nBody text here.\n", "Harbour reopens", Headline},
		{"no heading: short first line", "Harbour reopens\n\nBody text here.\n", "Harbour reopens", Headline},
		{"malformed YAML keeps the block", "---\ntitle: [unclosed\n---\n# Fallback title\n\nBody.\n", "Fallback title", FrontMatter},
		{"unclosed front matter is not front matter", "---\ntitle: x\n\nBody text.\n", "title: x", Headline},
		{"date and author keys", "---\nauthor: {name: Ana Petrova}\npublished: 2024-05-01T10:30:00Z\n---\nBody.\n", "", FrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(Markdown, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" && d.Meta.Title != tt.title {
				t.Errorf("title: got %q, want %q\n%s", d.Meta.Title, tt.title, dump(d))
			}
			if len(d.Blocks) == 0 || d.Blocks[0].Kind != tt.first {
				t.Errorf("first block: want %s\n%s", tt.first, dump(d))
			}
			checkSpans(t, d)
		})
	}
	d, _ := Read(Markdown, []byte("---\nauthor: {name: Ana Petrova}\npublished: 2024-05-01T10:30:00Z\n---\nBody.\n"))
	if d.Meta.Byline != "Ana Petrova" || d.Meta.Date != "2024-05-01T10:30:00Z" {
		t.Errorf("meta: got %+v", d.Meta)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"<!DOCTYPE html><html><body><p>x</p></body></html>", HTML},
		{"  \n<html lang=en><p>x", HTML},
		{"---\ntitle: x\n---\nBody\n", Markdown},
		{"# Heading\n\nBody\n", Markdown},
		{"---\nnot closed\n", Text},
		{"Headline\n\nBody <b>bold</b>\n", Text},
		{"\xef\xbb\xbf<!doctype html><title>t</title>", HTML},
		{"<p>A fragment copied from a page.</p><p>Second.</p>", HTML},
		{"<3 this story\n\nBody\n", Text},
	}
	for _, tt := range tests {
		d, err := Read("", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if d.Format != tt.want {
			t.Errorf("Read(%q): format %s, want %s", tt.in, d.Format, tt.want)
		}
	}
}
