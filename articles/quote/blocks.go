package quote

import (
	"unicode/utf8"

	"byline/articles/doc"
)

// dashSpeech finds speech introduced by a dash, as some European papers
// print it: "– Yes, we will, said the mayor." The paragraph must start with
// a dash and carry an attribution (", said the mayor", ", she says"); the
// words after the attribution, when the paragraph goes on, are a second part.
// Once dialogue has been seen (dialog), a dash paragraph without an
// attribution is speech too.
func dashSpeech(text string, content, end, bi int, dialog bool) (passage, bool) {
	r, n := utf8.DecodeRuneInString(text[content:end])
	if !(isDash(r) || r == '-') || content+n >= end || !isSpace(rune(text[content+n])) && text[content+n] != 0xC2 {
		return passage{}, false
	}
	start := skipLead(text, content+n, end)
	var buf [28]tok
	lim := min(end, start+2000)
	for i := start; i < lim; i++ {
		c := text[i]
		isComma := c == ','
		isDashSep := false
		if c == 0xE2 && i > start && text[i-1] == ' ' {
			r, _ := utf8.DecodeRuneInString(text[i:end])
			isDashSep = isDash(r)
		}
		if !isComma && !isDashSep {
			if c == '.' || c == '?' || c == '!' {
				// the attribution may follow a full sentence: "– No! said he."
				if i+1 < end && text[i+1] == ' ' {
					if a, ok := after(text, i+1, end, false, buf[:]); ok && a.cue.Len() > 0 && lowerStart(text, i+1, end) {
						return dashPassage(text, content, start, i+1, end, bi, a), true
					}
				}
			}
			continue
		}
		from := i
		if isDashSep {
			_, dn := utf8.DecodeRuneInString(text[i:end])
			from = i + dn
		}
		if a, ok := after(text, from, end, false, buf[:]); ok && a.cue.Len() > 0 {
			return dashPassage(text, content, start, i, end, bi, a), true
		}
	}
	if dialog && start < end {
		p := passage{block: bi, origin: dashed}
		p.parts = appendPart(p.parts, text, start, end)
		p.span = doc.Span{Start: content, End: p.parts[0].End}
		return p, true
	}
	return passage{}, false
}

// lowerStart reports whether the first letter at or after i is lower case.
func lowerStart(text string, i, end int) bool {
	for i < end && text[i] == ' ' {
		i++
	}
	return i < end && 'a' <= text[i] && text[i] <= 'z'
}

func dashPassage(text string, dash, start, stop, end, bi int, a attribution) passage {
	p := passage{block: bi, origin: dashed, attr: doc.Span{Start: stop, End: a.end}}
	p.parts = appendPart(p.parts, text, start, stop)
	rest := skipLead(text, a.end, end)
	if rest < end {
		if r, _ := utf8.DecodeRuneInString(text[rest:end]); r != ',' {
			p.parts = appendPart(p.parts, text, rest, end)
		}
	}
	p.span = doc.Span{Start: dash, End: p.parts[len(p.parts)-1].End}
	if len(p.parts) == 0 {
		p.span.End = stop
	}
	return p
}

// wholeBlock makes a block quote with no quotation marks of its own into one
// quote: one part per paragraph of the block, without the "> " markers. A
// last line that starts with a dash ("> — Jane Roe") is its attribution.
func wholeBlock(text string, b doc.Span, bi int) (passage, bool) {
	p := passage{block: bi, origin: blockquote}
	partStart, partEnd := -1, -1
	flush := func() {
		if partStart >= 0 {
			p.parts = appendPart(p.parts, text, partStart, partEnd)
		}
		partStart = -1
	}
	for i := b.Start; i < b.End; {
		j := i
		for j < b.End && text[j] != '\n' {
			j++
		}
		c := contentStart(text, doc.Span{Start: i, End: j}, doc.BlockQuote)
		switch {
		case c >= j:
			flush()
		default:
			if r, _ := utf8.DecodeRuneInString(text[c:j]); isDash(r) && j < b.End+1 && lastLine(text, j, b.End) {
				flush()
				p.attr = doc.Span{Start: c, End: trimRight(text, c, j)}
			} else {
				if partStart < 0 {
					partStart = c
				}
				partEnd = j
			}
		}
		i = j + 1
	}
	flush()
	if len(p.parts) == 0 {
		return passage{}, false
	}
	p.span = doc.Span{Start: p.parts[0].Start, End: p.parts[len(p.parts)-1].End}
	return p, true
}

// lastLine reports whether only spaces and "> " markers follow j up to end.
func lastLine(text string, j, end int) bool {
	for ; j < end; j++ {
		if c := text[j]; c != '\n' && c != ' ' && c != '>' && c != '\t' {
			return false
		}
	}
	return true
}

// paragraphs splits text at blank lines into Body blocks, for callers that
// have no block structure.
func paragraphs(text string) []doc.Block {
	var out []doc.Block
	start := -1
	for i := 0; i <= len(text); i++ {
		blank := i == len(text) || text[i] == '\n' && blankAfter(text, i+1)
		if i < len(text) && start < 0 && text[i] != '\n' && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			start = i
		}
		if blank && start >= 0 {
			out = append(out, doc.Block{Span: doc.Span{Start: start, End: i}, Kind: doc.Body})
			start = -1
		}
	}
	return out
}

// blankAfter reports whether the line starting at i is empty (only spaces).
func blankAfter(text string, i int) bool {
	for ; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}
