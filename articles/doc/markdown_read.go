package doc

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxFrontMatter bounds the size of YAML front matter, so that a file that
// opens with "---" and never closes it is not parsed as YAML whole.
const maxFrontMatter = 64 << 10

// frontMatter returns the span of the YAML front matter at the start of
// text, from the opening "---" line through the closing "---" or "..."
// line, and the offset just after it; end is -1 when there is none.
func frontMatter(text string) (sp Span, end int) {
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---") {
		return Span{}, -1
	}
	first := strings.IndexByte(text, '\n')
	if first < 0 || strings.TrimRight(text[:first], " \t") != "---" {
		return Span{}, -1
	}
	for i := first + 1; i < len(text) && i < maxFrontMatter; {
		j := strings.IndexByte(text[i:], '\n')
		l := text[i:]
		if j >= 0 {
			l = text[i : i+j]
		}
		if t := strings.TrimRight(l, " \t"); t == "---" || t == "..." {
			e := i + len(l)
			after := e
			if j >= 0 {
				after++
			}
			return Span{0, e}, after
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return Span{}, -1
}

// yamlMeta fills m from the YAML of front matter. Malformed YAML leaves m
// as it is.
func yamlMeta(src string, m *Meta) {
	var fm map[string]any
	func() {
		defer func() {
			if recover() != nil {
				fm = nil
			}
		}()
		if yaml.Unmarshal([]byte(src), &fm) != nil {
			fm = nil
		}
	}()
	if fm == nil {
		return
	}
	get := func(keys ...string) any {
		for _, k := range keys {
			for fk, v := range fm {
				if strings.EqualFold(fk, k) && v != nil {
					return v
				}
			}
		}
		return nil
	}
	m.Title = collapseSpace(yamlString(get("title", "headline")))
	m.Byline = collapseSpace(yamlString(get("author", "authors", "byline", "by", "creator")))
	m.Date = yamlDate(get("date", "published", "pubdate", "published_at", "publishdate", "created", "datePublished"))
	m.Source = collapseSpace(yamlString(get("source", "publisher", "site", "site_name", "publication", "outlet")))
	m.URL = strings.TrimSpace(yamlString(get("url", "link", "canonical", "canonical_url", "source_url", "permalink")))
	m.Dateline = collapseSpace(yamlString(get("dateline")))
	switch v := get("tags", "keywords", "categories", "topics").(type) {
	case string:
		for _, t := range strings.Split(v, ",") {
			if t = collapseSpace(t); t != "" {
				m.Tags = append(m.Tags, t)
			}
		}
	case []any:
		for _, t := range v {
			if s := collapseSpace(yamlString(t)); s != "" {
				m.Tags = append(m.Tags, s)
			}
		}
	}
}

// yamlString turns a YAML value into text: strings and scalars as they are,
// a list as its items joined by ", ", a map by its "name" entry.
func yamlString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			if s := yamlString(x); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for k, x := range v {
			if strings.EqualFold(k, "name") {
				return yamlString(x)
			}
		}
		return ""
	case time.Time:
		return yamlDate(v)
	default:
		return fmt.Sprint(v)
	}
}

// yamlDate returns a front-matter date in ISO 8601: YYYY-MM-DD for a date,
// RFC 3339 for a time; a string that is not a timestamp is kept as is.
func yamlDate(v any) string {
	switch v := v.(type) {
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	case string:
		return collapseSpace(v)
	case nil:
		return ""
	default:
		return collapseSpace(yamlString(v))
	}
}

var (
	atxRe      = lazyRE(`^ {0,3}(#{1,6})(?:[ \t]|$)`)
	fenceRe    = lazyRE("^ {0,3}(`{3,}|~{3,})")
	quoteRe    = lazyRE(`^ {0,3}>`)
	itemRe     = lazyRE(`^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]|$)`)
	breakRe    = lazyRE(`^ {0,3}([-*_])(?:[ \t]*([-*_]))+[ \t]*$`)
	setextRe   = lazyRE(`^ {0,3}(=+|-+)[ \t]*$`)
	indentedRe = lazyRE(`^(    |\t)`)
)

// readMarkdown fills d from Markdown source: the front matter, then a
// block per heading, fenced or indented code block, block quote (Level =
// depth), list item (Level = depth by indentation) and paragraph. The
// title comes from the front matter, else the first level-1 heading (a
// Headline block), else a short first line. Under the title, lines that
// are bylines, datelines, dates or picture credits get those kinds, and
// trailing site furniture is Boilerplate, as in plain text. d.Text is the
// source as it is.
func readMarkdown(d *Document, text string) {
	d.Text = text
	pos := 0
	if sp, end := frontMatter(text); end >= 0 {
		d.Blocks = append(d.Blocks, Block{Span: sp, Kind: FrontMatter})
		if nl := strings.IndexByte(text, '\n'); nl >= 0 && nl < sp.End {
			src := text[nl+1 : sp.End]
			yamlMeta(src[:strings.LastIndexByte(src, '\n')+1], &d.Meta)
		}
		pos = end
	}
	blocks := mdBlocks(text, pos)
	fmTitle := d.Meta.Title
	titled := false
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != Heading || b.Level != 1 {
			continue
		}
		h := mdInline(text[b.Start:b.End])
		if fmTitle == "" || strings.EqualFold(h, fmTitle) {
			b.Kind = Headline
			if d.Meta.Title == "" {
				d.Meta.Title = h
			}
			titled = true
		}
		break
	}
	if !titled && fmTitle == "" && len(blocks) > 0 && blocks[0].Kind == Body {
		// No title anywhere: a short first line is the headline, as in
		// plain text.
		b := blocks[0]
		s := text[b.Start:b.End]
		if nl := strings.IndexByte(s, '\n'); nl < 0 && len(s) <= 200 {
			blocks[0].Kind = Headline
			d.Meta.Title = mdInline(s)
		}
	}
	mdHeaderZone(text, blocks, &d.Meta)
	mdBoilerplate(text, blocks)
	d.Blocks = append(d.Blocks, blocks...)
}

// maxInline is the most of a block mdInline reads, in bytes.
const maxInline = 2048

// maxHeaderLine is the longest line taken for a byline, dateline, date,
// caption or credit in Markdown's header zone, in bytes.
const maxHeaderLine = 400

// mdHeaderZone gives the kinds of plain text's header zone (byline,
// dateline, date, caption, credit) to the one-line paragraphs right after
// the headline, and finds a dateline at the start of the first paragraph.
func mdHeaderZone(text string, blocks []Block, m *Meta) {
	i := 0
	for i < len(blocks) && blocks[i].Kind != Headline {
		i++
	}
	if i == len(blocks) {
		i = -1
	}
	var dates []string
	for i++; i < len(blocks); i++ {
		b := &blocks[i]
		if b.Kind != Body {
			break
		}
		s := text[b.Start:b.End]
		if strings.Contains(s, "\n") || len(s) > maxHeaderLine {
			break // header lines are short: a long line is story (or an attack on the regexps below)
		}
		plain := mdInline(s)
		k, name := headerKind(plain)
		if k == Body {
			break
		}
		b.Kind = k
		switch k {
		case Byline:
			if m.Byline == "" {
				m.Byline = name
			}
		case Dateline:
			if m.Dateline == "" {
				m.Dateline = name
			}
		}
		dates = append(dates, findDates(plain)...)
	}
	for ; i < len(blocks); i++ {
		if blocks[i].Kind == Body {
			plain := mdInline(text[blocks[i].Start:blocks[i].End])
			if dl, src, dt := dateline(plain); dl != "" {
				if m.Dateline == "" {
					m.Dateline = dl
				}
				if m.Source == "" {
					m.Source = src
				}
				if dt != "" {
					dates = append(dates, dt)
				}
			}
			break
		}
	}
	if m.Date == "" {
		m.Date = pickDate(dates)
	}
}

// mdBoilerplate marks trailing site furniture: from a marker paragraph or
// heading ("Read more", "## Related articles") followed only by link-like
// paragraphs, list items and headings (short, not ending as a sentence),
// everything to the end; and ad slots and "Read more:" links wherever
// they stand.
func mdBoilerplate(text string, blocks []Block) {
	start := len(blocks)
	for i := len(blocks) - 1; i > 0 && i >= len(blocks)-maxTail; i-- {
		b := blocks[i]
		if b.Kind != Body && b.Kind != ListItem && b.Kind != Heading {
			break
		}
		plain := mdInline(text[b.Start:b.End])
		marker := markerLine(plain)
		if !marker && !linkLike(plain) {
			break
		}
		if marker {
			start = i
		}
	}
	// At least one block of story stays.
	story := 0
	for story < len(blocks) && (!blocks[story].Kind.Analysed() || blocks[story].Kind == Headline) {
		story++
	}
	if start <= story {
		start = len(blocks)
	}
	for i := range blocks {
		if i >= start {
			blocks[i].Kind = Boilerplate
			blocks[i].Level = 0
		} else if b := blocks[i]; b.Kind == Body && b.Len() < 200 && !strings.Contains(text[b.Start:b.End], "\n") && adLine(mdInline(text[b.Start:b.End])) {
			blocks[i].Kind = Boilerplate
		}
	}
}

var (
	mdImageRe    = lazyRE(`!\[([^\]]*)\]\([^)]*\)`)
	mdLinkRe     = lazyRE(`\[([^\]]*)\]\([^)]*\)`)
	mdEmphasisRe = lazyRE("(^|[^\\p{L}\\p{N}])[*_`]+|[*_`]+([^\\p{L}\\p{N}]|$)")
)

// mdInline returns the text of one line of Markdown without its syntax:
// heading marks, emphasis, code spans, links and images (their text).
func mdInline(s string) string {
	if len(s) > maxInline {
		// Every caller wants a title, a header line or the start of a
		// paragraph; the regexps below must not see a 400 KB line.
		cut := maxInline
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 && setextRe.MatchString(s[i+1:]) {
		s = strings.TrimSpace(s[:i])
	}
	if m := atxRe.FindString(s); m != "" {
		s = strings.TrimSpace(s[len(m):])
		s = strings.TrimRight(strings.TrimRight(s, "#"), " \t")
	}
	if strings.Contains(s, "](") {
		s = mdImageRe.ReplaceAllString(s, "$1")
		s = mdLinkRe.ReplaceAllString(s, "$1")
	}
	for range 3 {
		if !strings.ContainsAny(s, "*_`") {
			break
		}
		t := mdEmphasisRe.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	return collapseSpace(s)
}

// mdMark reports whether a line can open a block that is not a paragraph
// as atxRe, fenceRe, quoteRe, itemRe, breakRe and setextRe see them: its
// first byte after spaces and tabs is one of their marks. It is the cheap
// test before them; most lines are prose.
func mdMark(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return s != "" && strings.IndexByte("#`~>-*+_=0123456789", s[0]) >= 0
}

// mdBlocks splits Markdown source from pos into blocks.
func mdBlocks(text string, pos int) []Block {
	ls := splitLines(text)
	i := 0
	for i < len(ls) && ls[i].start < pos {
		i++
	}
	lt := func(i int) string { return text[ls[i].start:ls[i].end] }
	blank := func(i int) bool { return strings.TrimSpace(lt(i)) == "" }
	// starts reports whether line j starts a block other than a paragraph.
	starts := func(j int) bool {
		s := lt(j)
		return mdMark(s) && (atxRe.MatchString(s) || fenceRe.MatchString(s) || quoteRe.MatchString(s) ||
			itemRe.MatchString(s) || breakRe.MatchString(s))
	}
	var blocks []Block
	add := func(first, last int, k Kind, level int) {
		sp := trimSpan(text, ls[first].start, ls[last].end)
		if sp.Len() > 0 {
			blocks = append(blocks, Block{Span: sp, Kind: k, Level: level})
		}
	}
	prevBlank := true
	for i < len(ls) {
		s := lt(i)
		mark := mdMark(s)
		switch {
		case blank(i):
			i++
			prevBlank = true
			continue
		case mark && fenceRe.MatchString(s):
			fence := strings.TrimLeft(fenceRe.FindStringSubmatch(s)[1], " ")
			j := i + 1
			for j < len(ls) {
				t := strings.TrimLeft(lt(j), " ")
				if strings.HasPrefix(t, fence) && strings.Trim(t, string(fence[0])+" \t") == "" {
					break
				}
				j++
			}
			if j == len(ls) {
				j--
			}
			add(i, j, Code, 0)
			i = j + 1
		case mark && atxRe.MatchString(s):
			add(i, i, Heading, len(atxRe.FindStringSubmatch(s)[1]))
			i++
		case mark && breakRe.MatchString(s):
			i++
		case mark && quoteRe.MatchString(s):
			// Lines of one depth form a block; a lazy continuation line
			// (no ">") belongs to the block it continues.
			depth := quoteDepth(s)
			j := i
			for j+1 < len(ls) && !blank(j+1) {
				t := lt(j + 1)
				if mdMark(t) && quoteRe.MatchString(t) {
					if quoteDepth(t) != depth {
						break
					}
				} else if starts(j + 1) {
					break
				}
				j++
			}
			add(i, j, BlockQuote, depth)
			i = j + 1
		case mark && itemRe.MatchString(s):
			m := itemRe.FindStringSubmatch(s)
			indent := width(m[1])
			j := i
			for j+1 < len(ls) && !blank(j+1) {
				t := lt(j + 1)
				if mdMark(t) && itemRe.MatchString(t) || (starts(j+1) && width(leading(t)) <= indent) {
					break
				}
				j++
			}
			add(i, j, ListItem, 1+indent/2)
			i = j + 1
		case prevBlank && indentedRe.MatchString(s):
			j := i
			for j+1 < len(ls) && (indentedRe.MatchString(lt(j+1)) || blank(j+1) && j+2 < len(ls) && indentedRe.MatchString(lt(j+2))) {
				j++
			}
			add(i, j, Code, 0)
			i = j + 1
		default:
			j := i
			level := 0
			for j+1 < len(ls) && !blank(j+1) {
				if setextRe.MatchString(lt(j + 1)) {
					j++
					level = 1
					if strings.Contains(lt(j), "-") {
						level = 2
					}
					break
				}
				if starts(j + 1) {
					break
				}
				j++
			}
			if level > 0 {
				add(i, j, Heading, level)
			} else {
				add(i, j, Body, 0)
			}
			i = j + 1
		}
		prevBlank = false
	}
	return blocks
}

// quoteDepth returns the nesting depth of a block-quote line: the number
// of ">" marks that open it.
func quoteDepth(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case '>':
			n++
		case ' ', '\t':
		default:
			return n
		}
	}
	return n
}

// leading returns the white space that opens s.
func leading(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// width returns the width of leading white space, a tab counting 4.
func width(ws string) int {
	n := 0
	for _, r := range ws {
		if r == '\t' {
			n += 4
		} else {
			n++
		}
	}
	return n
}
