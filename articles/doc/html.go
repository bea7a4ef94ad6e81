package doc

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLDepth bounds element nesting: deeper tags are dropped before the
// page is parsed (their text is kept), so that no walk over the tree —
// ours or the extraction library's — recurses without bound.
const maxHTMLDepth = 256

// readHTML fills d from an HTML page: the article is found with
// readability (codeberg.org/readeck/go-readability/v2) on a page first
// cleared of site furniture (navigation, cookie banners, share bars,
// related links, comments, forms), then converted to Markdown by our own
// walker, which also records the blocks. A page without an article falls
// back to its visible text. Metadata comes from <meta>, JSON-LD and the
// page itself.
func readHTML(d *Document, text string) {
	root := parseHTML(text)
	d.Meta = htmlMeta(root)
	clearFurniture(root)
	node := extractArticle(root)
	if node == nil || textLen(node) < 200 && textLen(node)*2 < textLen(root) {
		node = findBody(root)
	}
	w := &htmlWriter{title: d.Meta.Title}
	w.headline(d.Meta.Title)
	w.walk(node, 0)
	w.flush()
	d.Text = w.b.String()
	d.Blocks = w.blocks
	// Bylines, dates and credits left in the article's first lines, the
	// dateline that opens it, "Read more:" links and ad slots inside it,
	// and trailing furniture the page did not mark up as such: as in
	// plain text.
	mdHeaderZone(d.Text, d.Blocks, &d.Meta)
	mdBoilerplate(d.Text, d.Blocks)
	if d.Meta.Title == "" {
		// No title anywhere: the first block of text stands in.
		for i, b := range d.Blocks {
			if b.Kind == Body || b.Kind == Heading {
				d.Blocks[i].Kind = Headline
				d.Meta.Title = mdInline(d.Text[b.Start:b.End])
				break
			}
		}
	}
}

// parseHTML parses the page with its nesting bounded (see maxHTMLDepth).
// It never fails: the HTML parser accepts any input.
func parseHTML(text string) *html.Node {
	root, err := html.Parse(strings.NewReader(boundDepth(text)))
	if err != nil || root == nil {
		root, _ = html.Parse(strings.NewReader(html.EscapeString(text)))
	}
	return root
}

// boundDepth returns text with start and end tags nested deeper than
// maxHTMLDepth removed. Depth is counted from the tag stream (start tags of
// non-void elements in, end tags out), which over-counts sloppy HTML with
// omitted end tags; that only makes the bound bite earlier.
func boundDepth(text string) string {
	z := html.NewTokenizer(strings.NewReader(text))
	depth, deepest := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			depth = max(depth-1, 0)
		}
	}
	if deepest <= maxHTMLDepth {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	z = html.NewTokenizer(strings.NewReader(text))
	depth = 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement(atom.Lookup(name)) {
				depth++
				if depth > maxHTMLDepth {
					continue
				}
			}
		case html.EndTagToken:
			depth = max(depth-1, 0)
			if depth >= maxHTMLDepth {
				continue
			}
		}
		b.Write(raw)
	}
	return b.String()
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// extractArticle returns the article's content node as readability finds
// it, or nil. A panic in the library is treated as no article.
func extractArticle(root *html.Node) (node *html.Node) {
	defer func() {
		if recover() != nil {
			node = nil
		}
	}()
	p := readability.NewParser()
	p.KeepClasses = true
	p.MaxElemsToParse = 200000
	a, err := p.ParseDocument(root, nil)
	if err != nil {
		return nil
	}
	return a.Node
}

// findBody returns the page's <body>, or the root when it has none.
func findBody(root *html.Node) *html.Node {
	var body *html.Node
	forEach(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && tag(n) == atom.Body {
			body = n
			return false
		}
		return body == nil
	})
	if body == nil {
		return root
	}
	return body
}

// forEach visits the nodes under n in document order, without recursion;
// visit returns false to skip a node's children.
func forEach(n *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(n) {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// textLen returns the length in bytes of the text under n, outside
// scripts and styles.
func textLen(n *html.Node) int {
	if n == nil {
		return 0
	}
	total := 0
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (tag(c) == atom.Script || tag(c) == atom.Style) {
			return false
		}
		if c.Type == html.TextNode {
			total += len(strings.TrimSpace(c.Data))
		}
		return true
	})
	return total
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// furnitureRe matches a class, id or data attribute token of site
// furniture.
var furnitureRe = lazyRE(`(?i)(^|[-_ ])(share|sharing|social|related|newsletters?|subscribe|subscription|promo|promos|advert|advertisement|ads?|ad-?slot|adunit|gpt|cookies?|consent|comments?|most-?read|most-?popular|popular|trending|recommend|recommended|recommendations|outbrain|taboola|breadcrumbs?|pagination|paywall|signup|sidebar|widget|onward|more-?stories|read-?more|tags-?links|post-?navigation|byline|dateline|timestamp|author|meta|ticker|masthead|skip-?link|toolbar|banner|modal|popup|overlay|gallery|video)([-_ ]|$)`)

// furnitureRoles are ARIA roles of site furniture.
var furnitureRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true}

// clearFurniture removes from the page what is never article: scripts,
// styles, forms, navigation, asides, footers, hidden elements, and
// elements whose class, id or role names site furniture (share bars,
// related links, newsletters, comments, ads, cookie banners) or whose
// heading says so ("Related", "More on this story", "Most read"). An
// element holding most of the page's text is never removed, whatever its
// class says.
func clearFurniture(root *html.Node) {
	body := findBody(root)
	total := textLen(body)
	var remove []*html.Node
	forEach(root, func(n *html.Node) bool {
		if n.Type == html.CommentNode {
			remove = append(remove, n)
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		switch tag(n) {
		case atom.Html, atom.Body, atom.Head:
			return true
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Form, atom.Button,
			atom.Input, atom.Select, atom.Textarea, atom.Iframe, atom.Svg, atom.Canvas, atom.Video,
			atom.Audio, atom.Object, atom.Embed, atom.Dialog, atom.Aside, atom.Footer, atom.Menu, atom.Label:
			if tag(n) == atom.Script && attr(n, "type") == "application/ld+json" {
				return false
			}
			if tag(n) == atom.Footer && n.Parent != nil && tag(n.Parent) == atom.Blockquote {
				return true // the attribution of a quote
			}
			remove = append(remove, n)
			return false
		}
		if tag(n) == atom.Blockquote && attr(n, "cite") == "" {
			// Keep the attribution where the extraction keeps it.
			if c := citeIn(n); c != "" {
				n.Attr = append(n.Attr, html.Attribute{Key: "cite", Val: c})
			}
		}
		if hidden(n) {
			remove = append(remove, n)
			return false
		}
		if tag(n) == atom.Main || tag(n) == atom.Article {
			return true
		}
		if furnitureRoles[strings.ToLower(attr(n, "role"))] || furnitureAttr(n) || headedFurniture(n) {
			if l := textLen(n); l*2 < total || total == 0 {
				remove = append(remove, n)
				return false
			}
		}
		return true
	})
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// hidden reports whether an element is hidden from readers.
func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if attr(n, "aria-hidden") == "true" {
		return true
	}
	st := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// furnitureAttr reports whether an element's class, id or data-component
// style attributes name site furniture.
func furnitureAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "data-component", "data-testid", "data-gu-name", "itemprop":
			if a.Key == "itemprop" && a.Val == "articleBody" {
				return false
			}
			for _, tok := range strings.Fields(a.Val) {
				if furnitureRe.MatchString(tok) {
					return true
				}
			}
		}
	}
	return false
}

// headedFurniture reports whether an element opens with a heading that
// names site furniture ("Related", "More on this story", "Most read") and
// is mostly links.
func headedFurniture(n *html.Node) bool {
	switch tag(n) {
	case atom.Div, atom.Section, atom.Ul, atom.Ol:
	default:
		return false
	}
	var h *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			h = c
			break
		}
	}
	if h == nil {
		return false
	}
	switch tag(h) {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B:
	default:
		return false
	}
	return markerRe.MatchString(strings.TrimSpace(innerText(h)))
}

// innerText returns the text under n with white space collapsed.
func innerText(n *html.Node) string {
	var b strings.Builder
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (tag(c) == atom.Script || tag(c) == atom.Style) {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return collapseSpace(Clean(b.String()))
}

// linkText returns the length of the text inside links under n.
func linkText(n *html.Node) int {
	total := 0
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && tag(c) == atom.A {
			total += textLen(c)
			return false
		}
		return true
	})
	return total
}

// ---- metadata ----

// htmlMeta collects the article's metadata from the page: JSON-LD first,
// then <meta> (Open Graph, article:*, name=author, …), then the page.
func htmlMeta(root *html.Node) Meta {
	var m Meta
	metas := map[string]string{}
	var ld []map[string]any
	var docTitle string
	var h1s []string
	var canonical, timeAttr, bylineEl string
	forEach(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if bylineEl == "" && (strings.Contains(attr(n, "rel"), "author") || bylineClassRe.MatchString(attr(n, "class")) || attr(n, "itemprop") == "author") {
			if t := innerText(n); t != "" && len(strings.Fields(t)) <= 8 {
				bylineEl = t
			}
		}
		switch tag(n) {
		case atom.Time:
			if timeAttr == "" {
				timeAttr = attr(n, "datetime")
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
				if _, ok := metas[key]; !ok {
					metas[key] = v
				} else if key == "article:tag" {
					metas[key] += "," + v
				}
			}
		case atom.Title:
			if docTitle == "" {
				docTitle = innerText(n)
			}
		case atom.H1:
			if len(h1s) < 5 {
				if t := innerText(n); t != "" {
					h1s = append(h1s, t)
				}
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
				canonical = attr(n, "href")
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				ld = append(ld, jsonLDArticles(n.FirstChild.Data)...)
			}
			return false
		}
		return true
	})
	var art map[string]any
	if len(ld) > 0 {
		art = ld[0]
	}
	ldTitle := clean1(ldString(art, "headline"))
	if ldTitle == "" {
		ldTitle = clean1(ldString(art, "name"))
	}
	site := firstNonEmpty(clean1(metas["og:site_name"]), clean1(ldNames(art, "publisher")), clean1(metas["application-name"]))
	m.Title = chooseTitle(h1s, site, ldTitle, clean1(metas["og:title"]), clean1(metas["twitter:title"]), clean1(docTitle))
	m.Byline = firstNonEmpty(clean1(ldNames(art, "author")), clean1(metas["author"]), clean1(metas["article:author"]), clean1(metas["byl"]), clean1(metas["dc.creator"]))
	if m.Byline == "" {
		// A byline element: "By Jane Doe", perhaps with a role or date.
		if name, ok := bylineName(bylineEl); ok {
			m.Byline = name
		} else if name, ok := bylineName("By " + bylineEl); ok {
			m.Byline = name
		}
	}
	m.Byline = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(m.Byline, "By "), "by "))
	if strings.HasPrefix(m.Byline, "http") {
		m.Byline = ""
	}
	m.Source = site
	m.Date = isoDate(firstNonEmpty(metas["article:published_time"], ldString(art, "datePublished"),
		metas["datepublished"], metas["pubdate"], metas["publishdate"], metas["date"], metas["dc.date"],
		metas["dc.date.issued"], metas["sailthru.date"], metas["parsely-pub-date"], ldString(art, "dateCreated"), timeAttr))
	m.URL = firstNonEmpty(canonical, metas["og:url"], ldString(art, "url"))
	if !strings.HasPrefix(m.URL, "http://") && !strings.HasPrefix(m.URL, "https://") {
		m.URL = ""
	}
	m.URL = clean1(m.URL)
	tags := firstNonEmpty(metas["article:tag"], metas["keywords"], metas["news_keywords"], ldString(art, "keywords"))
	for _, t := range strings.Split(tags, ",") {
		if t = clean1(t); t != "" && len(m.Tags) < 30 {
			m.Tags = append(m.Tags, t)
		}
	}
	return m
}

var bylineClassRe = lazyRE(`(?i)(^|[-_ ])(byline|author|author-name|byline-name)([-_ ]|$)`)

// clean1 is the one-line form of metadata text: invisible characters
// removed and white space collapsed.
func clean1(s string) string { return collapseSpace(Clean(s)) }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// chooseTitle picks the headline: the page's <h1> that best agrees with
// the titles the page declares (JSON-LD headline, og:title, twitter:title,
// <title>), each without the site's name — a logo in an <h1> agrees with
// none of them — else the first declared title without the site's name.
func chooseTitle(h1s []string, site string, declared ...string) string {
	var decl []string
	for i, d := range declared {
		if d == "" {
			continue
		}
		decl = append(decl, stripSiteName(d, site, i == len(declared)-1))
	}
	best, bestScore := "", 0.0
	for _, h := range h1s {
		h = clean1(h)
		if h == "" || len(h) > 300 || site != "" && strings.EqualFold(h, site) {
			continue
		}
		for _, d := range decl {
			// Both ways: the h1's words are in the title and the
			// title's words are in the h1.
			if sc := min(overlap(h, d), overlap(d, h)); sc > bestScore {
				best, bestScore = h, sc
			}
		}
	}
	if bestScore >= 0.6 {
		return best
	}
	if len(decl) > 0 {
		return decl[0]
	}
	if len(h1s) > 0 {
		return clean1(h1s[0])
	}
	return ""
}

var titleSeps = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " « ", " » ", ": "}

// stripSiteName removes the site's name joined to a title by a separator
// ("Headline | Site", "Site – Headline"). Without a known site name it
// only guesses for a <title> (guess), keeping the longer side.
func stripSiteName(t, site string, guess bool) string {
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		j := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		first, rest := strings.TrimSpace(t[:j]), strings.TrimSpace(t[j+len(sep):])
		if site != "" {
			switch {
			case namesSite(tail, site):
				return head
			case namesSite(first, site):
				return rest
			}
			continue
		}
		if guess && sep != ": " {
			if len(head) >= len(tail) {
				return head
			}
			return rest
		}
	}
	return t
}

// namesSite reports whether part of a title is the site's name.
func namesSite(part, site string) bool {
	p, s := strings.ToLower(part), strings.ToLower(site)
	return p == s || len(p) <= len(s)+12 && (strings.Contains(p, s) || strings.Contains(s, p) && len(p) > 2)
}

// overlap returns the share of a's words found in b.
func overlap(a, b string) float64 {
	aw := strings.Fields(strings.ToLower(a))
	bw := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		bw[w] = true
	}
	if len(aw) == 0 {
		return 0
	}
	n := 0
	for _, w := range aw {
		if bw[w] {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// articleTypes are the schema.org types of an article.
var articleTypes = map[string]bool{"Article": true, "NewsArticle": true, "ReportageNewsArticle": true,
	"AnalysisNewsArticle": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true, "ReviewNewsArticle": true,
	"BlogPosting": true, "LiveBlogPosting": true, "Report": true, "ScholarlyArticle": true, "TechArticle": true,
	"SocialMediaPosting": true, "WebPage": false}

// jsonLDArticles returns the article objects in a JSON-LD script, looking
// through arrays and @graph.
func jsonLDArticles(src string) []map[string]any {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return nil
	}
	var out []map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				visit(x, depth+1)
			}
		case map[string]any:
			if isArticleType(v["@type"]) {
				out = append(out, v)
			}
			if g, ok := v["@graph"]; ok {
				visit(g, depth+1)
			}
			if me, ok := v["mainEntity"]; ok {
				visit(me, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return articleTypes[t]
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && articleTypes[s] {
				return true
			}
		}
	}
	return false
}

// ldString returns a JSON-LD field as text.
func ldString(obj map[string]any, key string) string {
	if obj == nil {
		return ""
	}
	switch v := obj[key].(type) {
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// ldNames returns the names of a JSON-LD person or organisation field:
// a string, an object with "name", or a list of either, joined by ", ".
func ldNames(obj map[string]any, key string) string {
	if obj == nil {
		return ""
	}
	var names []string
	var add func(v any)
	add = func(v any) {
		switch v := v.(type) {
		case string:
			names = append(names, v)
		case map[string]any:
			if s, ok := v["name"].(string); ok {
				names = append(names, s)
			}
		case []any:
			for _, x := range v {
				if len(names) < 10 {
					add(x)
				}
			}
		}
	}
	add(obj[key])
	return strings.Join(names, ", ")
}

// isoDate returns a date from metadata in ISO 8601: RFC 3339 when it has
// a time, YYYY-MM-DD when it is a date; other text is kept as it is.
func isoDate(s string) string {
	s = clean1(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02")
	}
	return s
}

// ---- Markdown ----

// htmlWriter converts the article's HTML to Markdown and records a block
// per paragraph, heading, list item, quoted paragraph, caption and code
// block. Blocks are separated by a blank line.
type htmlWriter struct {
	b      strings.Builder
	blocks []Block
	title  string // the headline, to skip an <h1> that repeats it

	// The block being written.
	line   strings.Builder // its inline text
	kind   Kind
	level  int
	cite   string
	quote  int // block-quote depth
	list   []listState
	inPre  bool
	nlinks int
}

type listState struct {
	ordered bool
	n       int
}

// headline writes the title as a level-1 heading.
func (w *htmlWriter) headline(title string) {
	if title == "" {
		return
	}
	w.emit("# "+escapeMarkdown(title, true), Headline, 1, "")
}

// emit appends a finished block.
func (w *htmlWriter) emit(s string, k Kind, level int, cite string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString("\n\n")
	}
	start := w.b.Len()
	w.b.WriteString(s)
	w.blocks = append(w.blocks, Block{Span: Span{start, w.b.Len()}, Kind: k, Level: level, Cite: cite})
}

// flush ends the inline text being collected as a block of the current
// kind.
func (w *htmlWriter) flush() {
	text := collapseSpaceKeepBreaks(w.line.String())
	w.line.Reset()
	if text == "" {
		return
	}
	if before, after, ok := strings.Cut(text, "\n\n"); ok {
		// Paragraphs separated by <br><br> are blocks of their own.
		for _, part := range []string{before, after} {
			w.line.WriteString(strings.ReplaceAll(part, "\n", "\x00"))
			w.flush()
		}
		return
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	text = strings.Join(lines, "\n")
	kind, level := w.kind, w.level
	prefix := ""
	switch {
	case kind == Heading:
		prefix = strings.Repeat("#", max(1, min(level, 6))) + " "
	case kind == ListItem:
		depth := len(w.list)
		ls := listState{}
		if depth > 0 {
			ls = w.list[depth-1]
		}
		marker := "- "
		if ls.ordered {
			marker = itoa(ls.n) + ". "
		}
		prefix = strings.Repeat("  ", max(depth-1, 0)) + marker
		level = max(depth, 1)
	case kind == Caption:
	}
	if w.quote > 0 {
		q := strings.Repeat("> ", w.quote)
		text = strings.ReplaceAll(prefix+text, "\n", "\n"+q)
		w.emit(q+text, BlockQuote, w.quote, w.cite)
		return
	}
	text = strings.ReplaceAll(text, "\n", "  \n"+strings.Repeat(" ", len(prefix)))
	w.emit(prefix+text, kind, level, "")
}

func itoa(n int) string {
	if n <= 0 {
		return "1"
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	return string(d)
}

// collapseSpaceKeepBreaks collapses white space but keeps the line breaks
// written for <br>.
func collapseSpaceKeepBreaks(s string) string {
	parts := strings.Split(s, "\x00")
	for i, p := range parts {
		parts[i] = collapseSpace(p)
	}
	out := strings.Join(parts, "\n")
	return strings.Trim(out, "\n ")
}

// walk writes the node n at nesting depth.
func (w *htmlWriter) walk(n *html.Node, depth int) {
	if n == nil {
		return
	}
	if depth > maxHTMLDepth {
		// Unreachable after boundDepth; kept as a guard.
		w.line.WriteString(escapeMarkdown(innerText(n), false))
		return
	}
	switch n.Type {
	case html.TextNode:
		// Entities can spell what decoding removed: clean again.
		t := Clean(n.Data)
		if w.inPre {
			w.line.WriteString(strings.ReplaceAll(t, "\r", "\n"))
		} else {
			w.line.WriteString(escapeMarkdown(t, false))
		}
		return
	case html.DocumentNode:
		w.children(n, depth)
		return
	case html.ElementNode:
	default:
		return
	}
	a := tag(n)
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Nav, atom.Form, atom.Button,
		atom.Input, atom.Select, atom.Textarea, atom.Iframe, atom.Svg, atom.Canvas, atom.Video, atom.Audio,
		atom.Object, atom.Embed, atom.Dialog, atom.Title:
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		t := innerText(n)
		// The headline is written once, first; readability turns the
		// page's <h1> into an <h2>.
		if level <= 2 && strings.EqualFold(clean1(t), w.title) || t == "" {
			return
		}
		w.block(n, depth, Heading, level)
	case atom.P:
		w.block(n, depth, Body, 0)
	case atom.Figcaption, atom.Caption:
		w.block(n, depth, Caption, 0)
	case atom.Blockquote:
		w.flush()
		w.quote++
		cite := w.cite
		// The name in a <cite> or <footer> says who is quoted; the cite
		// attribute is a URL by the HTML standard, so it names the source
		// by its site ("example.org") unless a page put a name there.
		if c := citeIn(n); c != "" {
			w.cite = c
		} else if c := clean1(attr(n, "cite")); c != "" {
			w.cite = citeSource(c)
		}
		w.kind = Body
		w.children(n, depth)
		w.flush()
		w.quote--
		w.cite = cite
	case atom.Ul, atom.Ol, atom.Menu:
		if linkList(n) {
			return
		}
		w.flush()
		w.list = append(w.list, listState{ordered: a == atom.Ol})
		w.children(n, depth)
		w.flush()
		w.list = w.list[:len(w.list)-1]
	case atom.Li:
		w.flush()
		if len(w.list) > 0 {
			w.list[len(w.list)-1].n++
		}
		w.kind, w.level = ListItem, 0
		w.children(n, depth)
		w.flush()
		w.kind = Body
	case atom.Pre:
		w.flush()
		w.inPre = true
		w.children(n, depth)
		w.inPre = false
		code := strings.Trim(w.line.String(), "\n")
		w.line.Reset()
		fence := "```"
		for strings.Contains(code, fence) {
			fence += "`"
		}
		if w.quote > 0 {
			w.emit(strings.Repeat("> ", w.quote)+escapeMarkdown(collapseSpace(code), false), BlockQuote, w.quote, w.cite)
		} else {
			w.emit(fence+"\n"+code+"\n"+fence, Code, 0, "")
		}
	case atom.Br:
		w.line.WriteByte(0)
	case atom.Hr:
		w.flush()
	case atom.Img:
		if alt := clean1(attr(n, "alt")); alt != "" {
			inline := strings.TrimSpace(w.line.String()) != ""
			if inline {
				w.line.WriteString(" (image: " + escapeMarkdown(alt, false) + ") ")
			} else {
				w.flush()
				w.emit("Image: "+escapeMarkdown(alt, false), Caption, 0, "")
			}
		}
	case atom.A:
		w.link(n, depth)
	case atom.Q:
		w.line.WriteString("“")
		w.children(n, depth)
		w.line.WriteString("”")
	case atom.Em, atom.I, atom.Cite, atom.Dfn:
		w.inline(n, depth, "*")
	case atom.Strong, atom.B:
		w.inline(n, depth, "**")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if w.inPre {
			w.children(n, depth)
			return
		}
		t := innerText(n)
		if t == "" {
			return
		}
		fence := "`"
		for strings.Contains(t, fence) {
			fence += "`"
		}
		w.line.WriteString(fence + t + fence)
	case atom.Tr:
		w.flush()
		first := true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (tag(c) == atom.Td || tag(c) == atom.Th) {
				if !first {
					w.line.WriteString(" · ")
				}
				first = false
				w.children(c, depth+1)
			}
		}
		w.flush()
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside, atom.Figure,
		atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Dl, atom.Dt, atom.Dd, atom.Details, atom.Summary,
		atom.Address, atom.Center, atom.Body, atom.Html, atom.Td, atom.Th, atom.Fieldset, atom.Picture:
		// Block containers: what is inside becomes blocks of its own.
		if linkList(n) {
			return
		}
		w.flush()
		w.children(n, depth)
		w.flush()
	default:
		// Inline and unknown elements: their text joins the line.
		w.children(n, depth)
	}
}

// tag returns an element's atom; elements that readability creates have
// only their name set.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom == 0 && n.Type == html.ElementNode {
		return atom.Lookup([]byte(n.Data))
	}
	return n.DataAtom
}

func (w *htmlWriter) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

// block writes n as a block of kind k.
func (w *htmlWriter) block(n *html.Node, depth int, k Kind, level int) {
	w.flush()
	outer, outerLevel := w.kind, w.level
	w.kind, w.level = k, level
	if len(w.list) > 0 && outer == ListItem {
		w.kind = ListItem
	}
	w.children(n, depth)
	w.flush()
	w.kind, w.level = outer, outerLevel
	if w.kind == ListItem && k != ListItem {
		w.kind = ListItem
	}
}

// inline writes n's content between Markdown emphasis marks.
func (w *htmlWriter) inline(n *html.Node, depth int, mark string) {
	t := innerText(n)
	if t == "" {
		return
	}
	if strings.Contains(t, "*") {
		w.children(n, depth)
		return
	}
	w.line.WriteString(mark)
	w.children(n, depth)
	w.line.WriteString(mark)
}

// link writes a link as its text followed by its real target in
// parentheses, "text (https://…)", so that no link text can hide where it
// goes. Relative, fragment and javascript: links show only their text,
// and so does a link whose text is its target.
func (w *htmlWriter) link(n *html.Node, depth int) {
	href := strings.TrimSpace(attr(n, "href"))
	before, blocks := w.line.Len(), len(w.blocks)
	w.children(n, depth)
	if len(w.blocks) != blocks || w.line.Len() < before {
		// The link wraps blocks (a card with a heading and a teaser):
		// its target goes after what remains of it.
		before = 0
	}
	text := strings.TrimSpace(w.line.String()[before:])
	lower := strings.ToLower(href)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "mailto:") {
		return
	}
	target := Clean(href)
	if text == "" || strings.Contains(text, escapeMarkdown(target, false)) || strings.TrimRight(target, "/") == strings.TrimRight(text, "/") {
		if text == "" {
			w.line.WriteString(escapeMarkdown(target, false))
		}
		return
	}
	w.nlinks++
	w.line.WriteString(" (" + escapeMarkdown(target, false) + ")")
}

// citeSource returns the source a blockquote's cite attribute names: the
// host of a URL without "www.", or the attribute itself when it is not a
// URL.
func citeSource(c string) string {
	u, err := url.Parse(c)
	if err != nil || u.Host == "" {
		if strings.ContainsAny(c, "/:") {
			return ""
		}
		return c
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// citeIn returns the text of a <cite> or <footer> that attributes a block
// quote, or "".
func citeIn(n *html.Node) string {
	var out string
	forEach(n, func(c *html.Node) bool {
		if out != "" {
			return false
		}
		if c != n && c.Type == html.ElementNode && tag(c) == atom.Blockquote {
			return false
		}
		if c.Type == html.ElementNode && (tag(c) == atom.Cite || tag(c) == atom.Footer) {
			out = strings.TrimLeft(innerText(c), "—–- ")
			return false
		}
		return true
	})
	return out
}

// linkList reports whether an element is a list of links rather than
// text: at least three links and links make up more than 70% of its text,
// or it opens with a heading naming site furniture.
func linkList(n *html.Node) bool {
	if headedFurniture(n) {
		return true
	}
	links := 0
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && tag(c) == atom.A {
			links++
			return false
		}
		return links < 3
	})
	if links < 3 {
		return false
	}
	total := textLen(n)
	return total > 0 && linkText(n)*10 > total*7
}

// escapeMarkdown escapes inline text so that Markdown shows it as
// written: the characters that open emphasis, code, links and HTML, and a
// "&" that would start an entity (glamour unescapes entities). Marks that
// only count at a line start are escaped by escapeLineStart.
func escapeMarkdown(s string, _ bool) string {
	if !strings.ContainsAny(s, "\\`*_[]<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<':
			b.WriteByte('\\')
		case '&':
			if i+1 < len(s) && (s[i+1] == '#' || s[i+1] < 0x80 && unicode.IsLetter(rune(s[i+1]))) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

var lineStartRe = lazyRE(`^(#|>|[-+=]|\d+[.)])`)

// escapeLineStart escapes a mark at the start of a line that would make it
// a heading, block quote, list item or setext underline.
func escapeLineStart(line string) string {
	if m := lineStartRe.FindString(line); m != "" {
		return m[:len(m)-1] + "\\" + line[len(m)-1:]
	}
	return line
}
