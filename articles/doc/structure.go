package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of Document.Text: [start, end) without its newline.
type line struct {
	start, end int
}

// splitLines returns the lines of text. A final newline does not start an
// empty last line.
func splitLines(text string) []line {
	var ls []line
	start := 0
	for start < len(text) {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			ls = append(ls, line{start, len(text)})
			break
		}
		ls = append(ls, line{start, start + i})
		start += i + 1
	}
	return ls
}

// trimSpan narrows [start, end) of text to exclude leading and trailing
// white space.
func trimSpan(text string, start, end int) Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}
}

// para is a paragraph of plain text: consecutive lines.
type para struct {
	first, last int // indexes into the lines, inclusive
}

// paragraphs groups the non-blank lines into paragraphs: runs separated by
// blank lines, or one per line when the text has no blank line between two
// lines of text. A run whose lines are not hard-wrapped (see wrapped) is one
// paragraph per line too: copied pages often separate some paragraphs with a
// blank line and others with a single newline.
func paragraphs(text string, ls []line) []para {
	blank := make([]bool, len(ls))
	for i, l := range ls {
		blank[i] = strings.TrimSpace(text[l.start:l.end]) == ""
	}
	var ps []para
	for i := 0; i < len(ls); {
		if blank[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(ls) && !blank[j+1] {
			j++
		}
		if wrapped(text, ls[i:j+1]) {
			ps = append(ps, para{i, j})
		} else {
			for k := i; k <= j; k++ {
				ps = append(ps, para{k, k})
			}
		}
		i = j + 1
	}
	return ps
}

// wrapped reports whether a run of lines is one hard-wrapped paragraph:
// every line but the last is between 45 and 100 characters long, as text
// wrapped at a fixed width is. Anything else (long lines that are each a
// paragraph, a column of short lines) is a line per paragraph.
func wrapped(text string, run []line) bool {
	if len(run) < 2 {
		return true
	}
	for _, l := range run[:len(run)-1] {
		n := utf8.RuneCountInString(strings.TrimSpace(text[l.start:l.end]))
		if n < 45 || n > 100 {
			return false
		}
	}
	return true
}

// structureText finds the blocks and metadata of a plain-text article.
func structureText(text string) ([]Block, Meta) {
	ls := splitLines(text)
	ps := paragraphs(text, ls)
	var blocks []Block
	var meta Meta
	if len(ps) == 0 {
		return nil, meta
	}
	lineText := func(i int) string { return strings.TrimSpace(text[ls[i].start:ls[i].end]) }
	// Site furniture copied above the headline ("Home › World › Europe",
	// "Skip to content", "Advertisement") is boilerplate; the headline is
	// the first line after it.
	for len(ps) > 0 && len(blocks) < 5 {
		p := &ps[0]
		s := lineText(p.first)
		if !leadingFurniture(s) || p.first == p.last && len(ps) == 1 {
			break
		}
		blocks = append(blocks, Block{Span: trimSpan(text, ls[p.first].start, ls[p.first].end), Kind: Boilerplate})
		if p.first < p.last {
			p.first++
		} else {
			ps = ps[1:]
		}
	}
	if len(ps) == 0 {
		return blocks, meta
	}
	// The headline is the first line; the rest of its paragraph, if any,
	// is a paragraph of its own.
	head := ls[ps[0].first]
	hs := trimSpan(text, head.start, head.end)
	blocks = append(blocks, Block{Span: hs, Kind: Headline})
	meta.Title = collapseSpace(text[hs.Start:hs.End])
	if ps[0].last > ps[0].first {
		ps[0].first++
	} else {
		ps = ps[1:]
	}

	// The header zone: lines under the headline that are about the picture
	// or the article, not the story, up to the first paragraph of story.
	var dates []string
	for len(ps) > 0 {
		p := &ps[0]
		for p.first <= p.last {
			s := lineText(p.first)
			k, name := headerKind(s)
			if (k == Body || k == Credit) && nameLine(s) {
				// "Jane Doe" over "Europe correspondent, Kyiv".
				next := ""
				if p.first < p.last {
					next = lineText(p.first + 1)
				} else if len(ps) > 1 {
					next = lineText(ps[1].first)
				}
				if roleLine(next) {
					k, name = Byline, s
				}
			} else if k == Body && len(blocks) > 0 && blocks[len(blocks)-1].Kind == Byline && roleLine(s) {
				k = Byline
			}
			if k == Body {
				break
			}
			blocks = append(blocks, Block{Span: trimSpan(text, ls[p.first].start, ls[p.first].end), Kind: k})
			switch k {
			case Byline:
				if meta.Byline == "" {
					meta.Byline = name
				}
			case Dateline:
				if meta.Dateline == "" {
					meta.Dateline = name
				}
			}
			dates = append(dates, findDates(s)...)
			p.first++
		}
		if p.first > p.last {
			ps = ps[1:]
			continue
		}
		break
	}

	// Trailing boilerplate, by line.
	tail := len(ls)
	if len(ps) > 0 {
		tail = boilerplateStart(text, ls, ps[0].first)
	}
	firstBody := true
	for _, p := range ps {
		if p.first >= tail {
			break
		}
		last := p.last
		if last >= tail {
			last = tail - 1
		}
		sp := trimSpan(text, ls[p.first].start, ls[last].end)
		s := text[sp.Start:sp.End]
		kind := Body
		if p.first == last && adLine(s) {
			kind = Boilerplate
		}
		if kind == Body && firstBody {
			firstBody = false
			if dl, src, d := dateline(s); dl != "" {
				meta.Dateline = dl
				if meta.Source == "" {
					meta.Source = src
				}
				if d != "" {
					dates = append(dates, d)
				}
			}
			if n := min(len(s), 200); len(dates) == 0 {
				// A date in the opening words is as near the top as
				// a date line.
				dates = append(dates, findDates(s[:n])...)
			}
		}
		blocks = append(blocks, Block{Span: sp, Kind: kind})
	}
	for i := tail; i < len(ls); i++ {
		if sp := trimSpan(text, ls[i].start, ls[i].end); sp.Len() > 0 {
			blocks = append(blocks, Block{Span: sp, Kind: Boilerplate})
		}
	}
	meta.Date = pickDate(dates)
	return blocks, meta
}

// collapseSpace trims s and turns every run of white space into one space.
// A string with nothing to change, the usual case, is returned as it is.
func collapseSpace(s string) string {
	space := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			sp := asciiSpace(c)
			if sp && (c != ' ' || space) {
				return strings.Join(strings.Fields(s), " ")
			}
			space = sp
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		space = false
		i += n
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// asciiSpace reports whether c is white space as unicode.IsSpace says.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// pickDate returns the first date that has a year, else the first date.
func pickDate(dates []string) string {
	for _, d := range dates {
		if yearRe.MatchString(d) {
			return d
		}
	}
	if len(dates) > 0 {
		return dates[0]
	}
	return ""
}

var yearRe = lazyRE(`\b(1[89]|20)\d\d\b`)

// headerKind classifies a line of the header zone: Caption, Credit, Byline,
// Dateline or Date, with the name or dateline it gives; Body when it is
// story.
func headerKind(s string) (Kind, string) {
	if s == "" {
		return Body, ""
	}
	if name, ok := bylineName(s); ok {
		return Byline, name
	}
	if len(s) < 60 && relativeDateRe.MatchString(s) {
		return Date, ""
	}
	if leadingFurniture(s) || len(s) < 40 && markerRe.MatchString(s) || kickerLine(s) {
		return Boilerplate, ""
	}
	if len(s) < 100 && datelineLike(s) {
		if m := datelineRe.FindStringSubmatch(s); m != nil && len(m[0]) == len(s) {
			return Dateline, strings.TrimSpace(m[1])
		}
	}
	if dateLine(s) {
		return Date, ""
	}
	if k := pictureKind(s); k != Body {
		return k, ""
	}
	return Body, ""
}

var (
	// relativeDateRe matches a line giving the time as the page showed
	// it: "2 hours ago", "Updated 5 mins ago", "Yesterday".
	relativeDateRe = lazyRE(`(?i)^((published|updated|posted|last updated)\s*:?\s*)?(\d{1,3}\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago|just now|yesterday|today)(\s*[,|·•]\s*\d{1,2}[:.]\d{2}(\s*[ap]m)?)?$`)
	// furnitureLineRe matches page furniture copied along with an
	// article: breadcrumbs, skip links, menu and UI labels.
	furnitureLineRe = lazyRE(`(?i)^(skip to (main )?content|skip to navigation|jump to|menu|search|sign in|log ?in|subscribe|save|saved|listen|listen to this article|bookmark|follow|print|share|share this|image|video|gallery|open image in gallery|expand|close|advertisement|\d+ min(ute)?s? read|\d+ comments?)\s*:?$`)
	breadcrumbRe    = lazyRE(`^[^.!?"“”]{1,40}(\s+[›»>]\s+[^.!?"“”]{1,40}){1,6}$|^(?i:home|news)(\s+[/|]\s+[^.!?"“”/|]{1,40}){1,6}$`)
)

// leadingFurniture reports whether a line is page furniture copied with
// the article: a breadcrumb ("Home › World › Europe"), a skip link, a
// menu label, "Share", "Save", "5 min read".
func leadingFurniture(s string) bool {
	if len(s) >= 120 {
		return false
	}
	// Cheap tests first: a breadcrumb has a separator or starts "Home" or
	// "News"; the labels are all short.
	crumbs := strings.ContainsAny(s, "›»>") || hasPrefixFold(s, "home") || hasPrefixFold(s, "news")
	return len(s) <= labelMax && (furnitureLineRe.MatchString(s) || adRe.MatchString(s)) || crumbs && breadcrumbRe.MatchString(s)
}

// labelMax is longer than any line furnitureLineRe or adRe matches (the
// lines tried are trimmed), but for counts of over 40 digits ("… min read").
const labelMax = 64

// hasPrefixFold reports whether s starts with prefix, an ASCII lower-case
// word, in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// containsFold reports whether s contains sub, an ASCII lower-case word,
// in any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// photoLike reports whether s has a word that photoWordRe or
// creditSuffixRe could match: the cheap test before them.
func photoLike(s string) bool {
	return containsFold(s, "photo") || containsFold(s, "pictur") || containsFold(s, "image") ||
		containsFold(s, "credit") || containsFold(s, "foto")
}

// kickerLine reports whether s is a section label standing alone under
// or over a headline: one capitalised word ("Society", "Analysis",
// "EXCLUSIVE").
func kickerLine(s string) bool {
	if len(s) > 24 || strings.ContainsAny(s, " \t") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// nameLine reports whether s is only a name: two to four capitalised
// words (or particles) without punctuation, not all in capitals.
func nameLine(s string) bool {
	if n := fieldCount(s, 4); n < 2 || n > 4 {
		return false
	}
	ws := strings.Fields(s)
	if strings.ContainsAny(s, sentencePunct+"0123456789") || strings.ToUpper(s) == s {
		return false
	}
	for _, w := range ws {
		if !nameWord(w) {
			return false
		}
	}
	return true
}

// roleLine reports whether s is a journalist's role line under a name:
// short and naming a role ("Europe correspondent, Kyiv", "BBC News").
func roleLine(s string) bool {
	return s != "" && fieldCount(s, 8) <= 8 && !endsRe.MatchString(s) && roleRe.MatchString(s)
}

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`

// dateTailRes match the forms of a date that end in its year, anchored
// at the year's end: "3 March 2024" and "March 3, 2024".
var dateTailRes = []*lazyRegexp{
	lazyRE(`\b\d{1,2}(?:st|nd|rd|th)? (?:` + monthNames + `)\.?,? \d{4}$`),
	lazyRE(`\b(?:` + monthNames + `)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}$`),
}

// dateTailMax is the most bytes a date that ends in its year can take
// before the year: "September. 30th, " is 17.
const dateTailMax = 24

// findDates returns the dates written in s, in the forms "3 March 2024",
// "March 3, 2024", "Mar. 3 2024" and "2024-03-03", in order of appearance,
// at most four of each form. Every form holds a year, four digits standing
// alone: the patterns are tried only around those, not along all of s.
func findDates(s string) []string {
	if !hasYearDigits(s) {
		return nil
	}
	type hit struct {
		at int
		s  string
	}
	var hits []hit
	var count [3]int // hits per form: ISO, then dateTailRes
	for p := 0; p < len(s); {
		if !isDigit(s[p]) {
			p++
			continue
		}
		q := p
		for q < len(s) && isDigit(s[q]) {
			q++
		}
		if q-p != 4 {
			p = q
			continue
		}
		// The year is s[p:q].
		if count[0] < 4 && (p == 0 || !isWordByte(s[p-1])) && isoAt(s, p) {
			hits = append(hits, hit{p, s[p : p+10]})
			count[0]++
		}
		if p > 0 && s[p-1] == ' ' && (q == len(s) || !isWordByte(s[q])) && dateBefore(s[:p-1]) {
			ws := max(0, p-dateTailMax)
			for ws > 0 && ws < p && isWordByte(s[ws-1]) {
				ws++ // start the window where \b means what it means in s
			}
			for k, re := range dateTailRes {
				if count[k+1] >= 4 {
					continue
				}
				if m := re.FindStringIndex(s[ws:q]); m != nil {
					hits = append(hits, hit{ws + m[0], s[ws+m[0] : q]})
					count[k+1]++
				}
			}
		}
		p = q
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.s
	}
	return out
}

// dateBefore reports whether the word that ends s can end a date before
// its year: a day ("3", "3rd,") or a month ("March", "Mar.,"). It is the
// cheap test before dateTailRes: most years follow other words.
func dateBefore(s string) bool {
	i := len(s)
	for i > 0 && s[i-1] != ' ' {
		i--
	}
	if i == len(s) {
		return false
	}
	c := s[i]
	return isDigit(c) || strings.IndexByte("JFMASOND", c) >= 0
}

// isoAt reports whether s holds a date "2024-03-05" at i, not followed by
// a letter, digit or underscore.
func isoAt(s string, i int) bool {
	if len(s) < i+10 || s[i+4] != '-' || s[i+7] != '-' {
		return false
	}
	for _, k := range []int{5, 6, 8, 9} {
		if !isDigit(s[i+k]) {
			return false
		}
	}
	return len(s) == i+10 || !isWordByte(s[i+10])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether c is an ASCII word character, as \b sees
// them.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// hasYearDigits reports whether s has four ASCII digits in a row.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

var dateWordRe = lazyRE(`(?i)^(published|updated|posted|last|modified|created|on|at|am|pm|gmt|utc|bst|cet|cest|est|edt|pst|pdt|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|` + monthNames + `|\d{1,4}(st|nd|rd|th)?|\d{1,2}[:.]\d{2}(am|pm)?|\d{4}-\d{2}-\d{2}(t[\d:.z+\-]*)?)$`)

// dateLine reports whether s is only a date, perhaps with a time and words
// such as "Published" or "Updated".
func dateLine(s string) bool {
	if len(s) > 80 || len(findDates(s)) == 0 {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",|·•–—-/():", r)
	}) {
		if !dateWordRe.MatchString(strings.TrimSuffix(w, ".")) {
			return false
		}
	}
	return true
}

var (
	byRe = lazyRE(`^(?i:by|written by|words by|text by|von|par|por)\s+(.+)$`)
	// "Jane Doe, Staff Writer" or "Jane Doe, Associated Press".
	nameRoleRe = lazyRE(`^((?:\p{Lu}[\p{L}'’.\-]*\s+){1,3}\p{Lu}[\p{L}'’\-]+)\s*(?:,|\||—|–|-)\s*(.+)$`)
	roleRe     = lazyRE(`(?i)\b(writer|reporter|correspondent|editor|columnist|contributor|staff|bureau|journalist|analyst|associated press|reuters|afp|bloomberg|press association|the guardian|bbc)\b`)
)

// nameWord reports whether w can be a word of a person's name: capitalised,
// an initial, or a particle such as "de" or "van".
func nameWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "&", "de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "y", "e":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// bylineName reports whether s is a byline line and returns the names in
// it: "By Jane Doe", "By Jane Doe and John Roe | 3 March 2024",
// "Jane Doe, Staff Writer".
func bylineName(s string) (string, bool) {
	if len(s) > 120 {
		return "", false
	}
	names := ""
	if m := byRe.FindStringSubmatch(s); m != nil {
		names = m[1]
		if i := strings.IndexAny(names, ",|•·—–("); i >= 0 {
			names = names[:i]
		}
		if i := strings.Index(names, " - "); i >= 0 {
			names = names[:i]
		}
		for _, d := range findDates(names) {
			names = strings.Replace(names, d, "", 1)
		}
		names = collapseSpace(names)
	} else if m := nameRoleRe.FindStringSubmatch(s); m != nil && roleRe.MatchString(m[2]) && !strings.ContainsAny(m[2], ".!?\"“”") {
		names = collapseSpace(m[1])
	} else {
		return "", false
	}
	ws := strings.Fields(names)
	if len(ws) == 0 || len(ws) > 10 || strings.HasSuffix(names, ".") && !initialEnd(names) {
		return "", false
	}
	for _, w := range ws {
		if !nameWord(w) {
			return "", false
		}
	}
	return names, true
}

// initialEnd reports whether s ends in an initial ("J.") rather than a full
// stop.
func initialEnd(s string) bool {
	ws := strings.Fields(s)
	return len(ws) > 0 && utf8.RuneCountInString(ws[len(ws)-1]) <= 2
}

// datelineRe matches a dateline at the start of a paragraph: an upper-case
// place ("KYIV", "NEW YORK"), maybe a region (", Ukraine"), a date
// (", 3 March") and an agency ("(AP)"), then a dash — or a title-case place
// when an agency follows ("Kyiv (Reuters) -"). Group 1 is the dateline
// without the dash; group 2 the agency.
var datelineRe = lazyRE(`^((?:\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,3}` +
	`(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2})?` +
	`(?:,? (?:\d{1,2} (?:` + monthNames + `)|(?:` + monthNames + `)\.? \d{1,2})(?:,? \d{4})?)?` +
	`(?: \(([\p{L}&. \-]{1,30})\))?` +
	`|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}(?:,? (?:\d{1,2} (?:` + monthNames + `)|(?:` + monthNames + `)\.? \d{1,2}))? \(([\p{L}&. \-]{1,30})\)))` +
	`\s*(?:—|–|--|-|:)(?:\s+|$)`)

// dayMonthRe matches a date without a year: "3 March", "March 3".
var dayMonthRe = lazyRE(`\d{1,2} (?:` + monthNames + `)|(?:` + monthNames + `)\.? \d{1,2}`)

// datelineLike is the cheap test before datelineRe: a dateline starts
// with a capital, and then either a second capital (or ' ’ . -: "KYIV",
// "N.Y.") or words and perhaps a date up to an agency in brackets ("Kyiv
// (Reuters)", "Kyiv, March 3 (AP)").
func datelineLike(s string) bool {
	r0, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r0) {
		return false
	}
	r1, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r1) || strings.ContainsRune("'’.-", r1) {
		return true
	}
	for _, r := range s {
		switch {
		case r == '(':
			return true
		case !unicode.IsLetter(r) && !isDigitRune(r) && r != ' ' && r != ',' && r != '.':
			return false
		}
	}
	return false
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// dateline returns the dateline that opens a paragraph ("KYIV, Ukraine
// (AP)"), the agency in it and the date in it, or "" when there is none.
func dateline(s string) (dl, agency, date string) {
	if !datelineLike(s) {
		return "", "", ""
	}
	m := datelineRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", ""
	}
	dl = strings.TrimSpace(m[1])
	agency = m[2]
	if agency == "" {
		agency = m[3]
	}
	if ds := findDates(dl); len(ds) > 0 {
		date = ds[0]
	} else if dm := dayMonthRe.FindString(dl); dm != "" {
		date = dm
	}
	return dl, strings.TrimSpace(agency), date
}

var (
	creditPrefixRe = lazyRE(`(?i)^\(?\s*(photo|photos|photograph|photographs|picture|pictures|image|images|foto|fotos|credit|credits|illustration|graphic|video|photo credit|image credit|cover photo|main photo|top photo|header image|lead image)\s*(by|courtesy of|:|/)`)
	agencyRe       = lazyRE(`(?i)\b(AP|AFP|EPA|EFE|EPA-EFE|Reuters|Getty|Getty Images|Shutterstock|Alamy|PA|PA Wire|ANSA|dpa|Xinhua|TASS|Anadolu|Bloomberg|AP Photo|iStock|Unsplash|Wikimedia|Wikimedia Commons|Pixabay|Sipa|Zuma|NurPhoto|Sputnik|MIA|Associated Press)\b`)
	photoWordRe    = lazyRE(`(?i)\b(photo|photograph|pictured|picture|image|file photo|in this image)\b`)
	sentencePunct  = ".,;:!?\"“”«»()"
	creditSuffixRe = lazyRE(`(?i)[.)]\s*\(?(photo|photograph|picture|image|credit|foto)s?\s*(by|:)\s*[^.()]{2,60}\)?\.?$`)
)

// pictureKind classifies a line that belongs to the picture: a credit
// ("Photo: Reuters", "EPA-EFE / JuanJo Martin", a short line of names with
// no sentence punctuation) or a caption (a description with a credit in
// it, such as "\"Family\" photo at the summit / 2022 / EPA-EFE / Name").
// It returns Body for anything else.
func pictureKind(s string) Kind {
	if len(s) > 300 {
		return Body
	}
	if m := creditPrefixRe.FindString(s); m != "" {
		// "Photo: Ministers arrive at the port / 2024 / AFP" describes
		// the picture: a caption with its credit.
		rest, _, slash := strings.Cut(s[len(m):], " / ")
		if slash && describes(strings.TrimSpace(rest)) {
			return Caption
		}
		return Credit
	}
	if strings.Count(s, " / ") >= 1 || strings.Count(s, "/") >= 2 && len(strings.Fields(s)) <= 12 {
		segs := strings.Split(s, "/")
		credited := false
		for _, g := range segs[1:] {
			g = strings.TrimSpace(g)
			if yearRe.MatchString(g) && len(g) == 4 || agencyRe.MatchString(g) || allCapsWord(g) {
				credited = true
			}
		}
		if credited {
			if describes(strings.TrimSpace(segs[0])) {
				return Caption
			}
			return Credit
		}
	}
	photo := photoLike(s)
	if photo && !strings.Contains(s, ". ") && photoWordRe.MatchString(s) && agencyRe.MatchString(s) {
		return Caption
	}
	// A description ending in its credit: "Firefighters at the scene.
	// Image: Getty Images", "… (Photo: Ana Ruiz/AFP)".
	if photo && creditSuffixRe.MatchString(s) && len(strings.Fields(s)) <= 45 {
		return Caption
	}
	// A short line of names: capitalised words and no sentence
	// punctuation ("NATO Summit Madrid Group Free Press").
	ws := strings.Fields(s)
	if len(ws) >= 2 && len(ws) <= 8 && !strings.ContainsAny(s, sentencePunct) {
		for _, w := range ws {
			if !nameWord(w) || strings.ToLower(w) == w {
				return Body
			}
		}
		return Credit
	}
	return Body
}

// allCapsWord reports whether s is one upper-case word or name of an
// agency ("EPA-EFE", "AFP"): at least two letters, none lower-case.
func allCapsWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && len(strings.Fields(s)) <= 3
}

// describes reports whether s reads as a description (three or more words
// with at least one in lower case) rather than a list of names.
func describes(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 3 {
		return false
	}
	for _, w := range ws {
		if strings.ToLower(w) == w && unicode.IsLetter([]rune(w)[0]) {
			return true
		}
	}
	return false
}

var (
	// markerRe matches a line of site furniture that starts trailing
	// boilerplate.
	markerRe = lazyRE(`(?i)^(videos? of the day|read more|read also|also read|read next|see also|more on this( story| topic)?|more from .{1,40}|more stories|more news|related|related (articles?|stories|news|content|coverage|posts|reading|topics|links)|share( this)?( article| story| page| post)?|share (on|via) \w+|advertisement|advert|sponsored( content)?|comments?( \(\d+\))?|\d+ comments?|leave a (comment|reply)|join the (conversation|discussion)|most (read|popular|viewed|shared)|trending( now| stories)?|recommended( for you| stories| articles)?|you (may|might) (also )?like|tags?|topics?|filed under|subscribe( to .{1,40}| now)?|sign up( for .{1,40}| now)?|newsletters?|follow us( on .{1,40})?|copyright\b.*|© ?.*|all rights reserved\.?|(additional )?reporting by .*|(writing|editing) by .*|watch( now| more| the video)?|listen to this article|print( this)?( article)?|e-?mail|facebook|twitter|x|whatsapp|linkedin|telegram|copy link|back to top|top stories|latest (news|stories)|don'?t miss|popular( now)?|more videos|in other news|about the author)\s*:?$`)
	// leadMarkerRe matches a line that is a link to another article,
	// which is boilerplate wherever it stands.
	leadMarkerRe = lazyRE(`(?i)^(read more|read also|also read|see also|related|watch|listen|more|recommended|click here|tags|topics|filed under|categories)\s*[:>»|]`)
	// adRe matches a line that is only an advertising slot, which is
	// boilerplate wherever it stands.
	adRe   = lazyRE(`(?i)^(advertisement|advert|ad|sponsored|sponsored content|story continues below( this)? advertisement|article continues below( this)? (advertisement|ad)|scroll (down )?to continue( reading)?|continue reading below|skip advert(isement)?)\s*:?$`)
	urlRe  = lazyRE(`(?i)^(<?https?://|www\.)\S+$`)
	endsRe = lazyRE(`[.!?…]["'”’»)]*$`)
)

// adLine reports whether a one-line paragraph is site furniture wherever
// it stands: an advertising slot or a "Read more:" link.
func adLine(s string) bool {
	if len(s) >= 200 || s == "" {
		return false
	}
	// Cheap tests first: every slot label starts with a, c or s, is
	// short, and a "Read more:" link has its separator.
	slot := len(s) <= labelMax && strings.IndexByte("aAcCsS", s[0]) >= 0
	return slot && adRe.MatchString(s) || strings.ContainsAny(s, ":>»|") && leadMarkerRe.MatchString(s)
}

// markerLine reports whether a line is a marker of site furniture
// ("Video of the day", "Read more: …", "Advertisement"). Markers are
// short; long lines are not tried against the patterns.
func markerLine(s string) bool {
	return len(s) <= 160 && (markerRe.MatchString(s) || leadMarkerRe.MatchString(s) || adRe.MatchString(s))
}

// linkLike reports whether a line reads like the title of a link: short
// (at most 16 words) and not ending as a sentence does.
func linkLike(s string) bool {
	if urlLike(s) {
		return true
	}
	return len(s) <= 160 && fieldCount(s, 16) <= 16 && !endsRe.MatchString(s)
}

// urlLike reports whether the line is a bare URL (urlRe), testing its
// first byte before the pattern.
func urlLike(s string) bool {
	return s != "" && strings.IndexByte("<hHwW", s[0]) >= 0 && urlRe.MatchString(s)
}

// fieldCount returns how many fields strings.Fields would find in s,
// counting no further than max+1.
func fieldCount(s string, max int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= max; {
		c := s[i]
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// maxTail bounds how many lines (or blocks) from the end trailing
// boilerplate may span; no site's furniture is longer, and the bound keeps
// the scan's cost independent of the article's length.
const maxTail = 80

// boilerplateStart returns the index of the first line of trailing
// boilerplate among the lines from first on, or len(ls) when there is
// none. Boilerplate starts at a marker line ("Video of the day", "Read
// more:", "Related articles", "Share this article", "Comments") followed
// only by short or link-like lines, or at a run of at least three short
// link-like lines (two when one is a bare URL) that ends the text. At least
// one line of story stays before it.
func boilerplateStart(text string, ls []line, first int) int {
	lt := func(i int) string { return strings.TrimSpace(text[ls[i].start:ls[i].end]) }
	// The run of tail-compatible lines at the end.
	k := len(ls)
	nonBlank, urls, firstMarker := 0, 0, -1
	for k > first && k > len(ls)-maxTail {
		s := lt(k - 1)
		if s == "" {
			k--
			continue
		}
		marker := markerLine(s)
		if !marker && !linkLike(s) {
			break
		}
		k--
		nonBlank++
		if urlLike(s) {
			urls++
		}
		if marker {
			firstMarker = k
		}
	}
	start := len(ls)
	switch {
	case firstMarker >= 0:
		start = firstMarker
	case nonBlank >= 3 || nonBlank >= 2 && urls >= 1:
		start = k
	}
	// A section marker in the last third followed by lines of at most 40
	// words (teasers of related articles).
	from := max(first+(len(ls)-first)*2/3, len(ls)-maxTail)
	for i := max(from, first+1); i < start; i++ {
		s := lt(i)
		if len(s) > 160 || !markerRe.MatchString(s) || strings.EqualFold(s, "x") {
			continue
		}
		ok := true
		for j := i + 1; j < len(ls); j++ {
			if fieldCount(lt(j), 40) > 40 {
				ok = false
				break
			}
		}
		if ok {
			start = i
			break
		}
	}
	// Keep at least one line of story.
	story := first
	for story < len(ls) && lt(story) == "" {
		story++
	}
	if start <= story {
		return len(ls)
	}
	return start
}
