package quote

import (
	"strings"

	"byline/articles/doc"
)

// attribution is what a sentence around a quote says about its speaker.
type attribution struct {
	speaker doc.Span // the words naming the speaker, titles stripped ("Bujar Osmani", "the joint statement", "she")
	cue     doc.Span // the cue words; zero for a dash attribution or a colon introduction
	end     int      // end of the attribution clause
	group   doc.Span // a plural noun phrase the speaker was named in ("the ministers" in "the ministers point out, including Osmani")
}

func (a attribution) ok() bool { return a.speaker.Len() > 0 }

// sentenceEnd reports whether a token ends a sentence or the stretch an
// attribution can cover (the next quote).
func sentenceEnd(t tok) bool {
	return t.p == '.' || t.p == '!' || t.p == '?' || t.p == ';' || t.p == 'q' || t.p == ':'
}

// after parses an attribution that follows a quote closing at from:
// `, X said`, `, said X`, `, according to X`, `—Commissioner Jane Roe`.
// It looks no further than to, and reads one clause at most.
func after(text string, from, to int, buf []tok) (attribution, bool) {
	to = min(to, from+320)
	toks := words(text, from, to, 28, buf)
	i := 0
	if i < len(toks) && toks[i].p == ',' {
		i++
	}
	if i >= len(toks) {
		return attribution{}, false
	}
	if toks[i].p == '-' {
		if i+1 < len(toks) && toks[i+1].word() && capital(text[toks[i+1].s:toks[i+1].e]) {
			lo, hi, ok := npForward(text, toks, i+1, true)
			if ok && hi+1 >= len(toks) || ok && hi+1 < len(toks) && (sentenceEnd(toks[hi+1]) || toks[hi+1].p == ',' || toks[hi+1].p == '-') {
				a := attribution{speaker: stripTitles(text, toks, lo, hi), end: toks[hi].e}
				return a, true
			}
		}
		return attribution{}, false
	}
	if n := cue(text, toks, i); n > 0 {
		w := lower(text[toks[i].s:toks[i].e])
		j := i + n
		if w == "according" || w == "quoted" {
			return attribution{}, false
		}
		if w == "adding" || w == "saying" || w == "noting" || w == "writing" || w == "telling" || w == "warning" || w == "stressing" {
			return attribution{}, false
		}
		lo, hi, ok := npForward(text, toks, j, false)
		if !ok {
			return attribution{}, false
		}
		a := attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, i, j-1)}
		a.end = clauseEnd(toks, hi+1, text)
		return a, true
	}
	if i < len(toks) && toks[i].word() && lower(text[toks[i].s:toks[i].e]) == "according" && i+2 < len(toks) {
		lo, hi, ok := npForward(text, toks, i+2, false)
		if ok {
			return attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, i, i+1), end: clauseEnd(toks, hi+1, text)}, true
		}
	}
	for k := i + 1; k < len(toks) && k < i+16; k++ {
		if sentenceEnd(toks[k]) || toks[k].p == '-' {
			break
		}
		n := cue(text, toks, k)
		if n == 0 {
			continue
		}
		w := lower(text[toks[k].s:toks[k].e])
		if w == "according" || w == "adding" || w == "saying" || w == "noting" || w == "quoted" || weakCue[w] && w != "continued" && w != "continues" && w != "added" && w != "state" && w != "states" && w != "points" && w != "point" && w != "pointed" && w != "went" && w != "goes" && w != "reads" && w != "read" && w != "notes" {
			if w != "writes" {
				break
			}
		}
		a, ok := subject(text, toks, i, k)
		if !ok {
			return attribution{}, false
		}
		a.cue = span(toks, k, k+n-1)
		a.end = clauseEnd(toks, k+n, text)
		including(text, toks, k+n, &a)
		return a, true
	}
	return attribution{}, false
}

// including replaces a plural speaker by the person named after it in
// ", including Macedonian Minister Bujar Osmani", keeping the group.
func including(text string, toks []tok, i int, a *attribution) {
	if i < len(toks) && toks[i].p == ',' {
		i++
	}
	if i+1 >= len(toks) || !isIncluding(text, toks[i]) {
		return
	}
	lo, hi, ok := npForward(text, toks, i+1, true)
	if !ok {
		return
	}
	name := stripTitles(text, toks, lo, hi)
	if !capital(text[name.Start:name.End]) || isGroupWord(text[name.Start:name.End]) {
		return
	}
	a.group = a.speaker
	a.speaker = name
	if e := toks[hi].e; e > a.end {
		a.end = e
	}
}

func isIncluding(text string, t tok) bool {
	return t.word() && lower(text[t.s:t.e]) == "including"
}

// clauseEnd returns the end of the attribution clause whose words continue
// at toks[i]: the end of the sentence token, or of the last token read.
func clauseEnd(toks []tok, i int, text string) int {
	for ; i < len(toks); i++ {
		if sentenceEnd(toks[i]) {
			if toks[i].p == 'q' {
				return toks[i].s
			}
			return toks[i].e
		}
	}
	if len(toks) == 0 {
		return 0
	}
	return toks[len(toks)-1].e
}

// subject finds the speaker in toks[i:k], the words between a quote and the
// cue verb at k: "the joint statement", "Anna Kovač, the foreign minister,"
// "the foreign minister, Anna Kovač,", "she", "Smith, 45,".
func subject(text string, toks []tok, i, k int) (attribution, bool) {
	for k > i && toks[k-1].word() && adverb(lower(text[toks[k-1].s:toks[k-1].e])) {
		k--
	}
	if k <= i {
		return attribution{}, false
	}
	// chunks between commas
	var chunks [4][2]int
	nc, start := 0, i
	for j := i; j <= k && nc < 4; j++ {
		if j == k || toks[j].p == ',' || toks[j].p == '(' || toks[j].p == ')' {
			if j > start {
				chunks[nc] = [2]int{start, j - 1}
				nc++
			}
			start = j + 1
			continue
		}
		if !toks[j].word() && toks[j].p != '-' {
			return attribution{}, false
		}
	}
	if nc == 0 {
		return attribution{}, false
	}
	best := -1
	for c := 0; c < nc; c++ {
		lo, hi := chunks[c][0], chunks[c][1]
		if !nounPhrase(text, toks, lo, hi) {
			if c == 0 {
				return attribution{}, false
			}
			continue
		}
		if best < 0 {
			best = c
			continue
		}
		// an apposition: prefer the name to the description
		if description(text, toks, chunks[best][0]) && capital(text[toks[lo].s:toks[lo].e]) && !description(text, toks, lo) {
			best = c
		}
	}
	if best < 0 {
		return attribution{}, false
	}
	lo, hi := chunks[best][0], chunks[best][1]
	return attribution{speaker: stripTitles(text, toks, lo, hi)}, true
}

// before parses an attribution that leads into a quote opening at open in
// the sentence that starts at from: `X said: "`, `X said that "`,
// `According to X, "`, `X told reporters on Monday: "`.
func before(text string, from, open int, buf []tok) (attribution, bool) {
	from = max(from, open-400)
	toks := words(text, from, open, 80, buf)
	if len(toks) == 80 {
		return attribution{}, false
	}
	n := len(toks)
	for k := n - 1; k >= 0 && k >= n-40; k-- {
		if sentenceEnd(toks[k]) && !(k == n-1 && toks[k].p == ':') {
			break
		}
		c := cue(text, toks, k)
		if c == 0 {
			continue
		}
		w := lower(text[toks[k].s:toks[k].e])
		if !gapOK(text, toks, k+c, n, w) {
			continue
		}
		if w == "according" {
			lo, hi, ok := npForward(text, toks, k+c, false)
			if !ok {
				return attribution{}, false
			}
			return attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, k, k+1), end: open}, true
		}
		if w == "adding" || w == "saying" || w == "noting" || w == "writing" || w == "telling" || w == "warning" || w == "stressing" || w == "quoted" || w == "quoting" {
			// "…, adding: "…"": the subject of the sentence's main verb
			for j := k - 1; j >= 0; j-- {
				if c2 := cue(text, toks, j); c2 > 0 && !weakCue[lower(text[toks[j].s:toks[j].e])] || j > 0 && c2 > 0 {
					if a, ok := subjectBack(text, toks, j-1); ok {
						a.cue = span(toks, k, k+c-1)
						a.end = open
						return a, true
					}
				}
			}
			if a, ok := subjectBack(text, toks, k-1); ok && toks[k-1].p != ',' {
				a.cue = span(toks, k, k+c-1)
				a.end = open
				return a, true
			}
			return attribution{}, false
		}
		a, ok := subjectBack(text, toks, k-1)
		if !ok {
			return attribution{}, false
		}
		a.cue = span(toks, k, k+c-1)
		a.end = open
		return a, true
	}
	return attribution{}, false
}

// gapOK reports whether the words toks[i:n] between a cue verb and the quote
// that follows allow the quote to be what the cue reports.
func gapOK(text string, toks []tok, i, n int, w string) bool {
	if i >= n {
		return true
	}
	first := toks[i]
	if first.word() && lower(text[first.s:first.e]) == "that" {
		return true
	}
	last := toks[n-1]
	if last.p == ':' || last.p == ',' {
		return n-i <= 10
	}
	words := n - i
	switch w {
	case "called", "call", "calls", "describe", "described", "describes", "dubbed", "branded", "labelled", "termed":
		return words <= 4
	}
	if weakCue[w] {
		return false
	}
	// "warned of "…"", "spoke of "…"", "told the BBC "…""
	return words <= 2 && (last.word() && (lower(text[last.s:last.e]) == "of" || lower(text[last.s:last.e]) == "about"))
}

// subjectBack finds the subject of a cue verb whose words end at toks[j].
func subjectBack(text string, toks []tok, j int) (attribution, bool) {
	for j >= 0 && toks[j].word() && adverb(lower(text[toks[j].s:toks[j].e])) {
		j--
	}
	if j < 0 {
		return attribution{}, false
	}
	if toks[j].p == ',' {
		// "Anna Kovač, the foreign minister, said": skip the apposition
		k := j - 1
		for k >= 0 && k > j-14 && toks[k].p != ',' && !sentenceEnd(toks[k]) {
			k--
		}
		if k < 0 || toks[k].p != ',' || k == j-1 {
			return attribution{}, false
		}
		lo, ok := npBackward(text, toks, k-1)
		if !ok {
			return attribution{}, false
		}
		if description(text, toks, lo) {
			if alo, ok := npBackward(text, toks, j-1); ok && alo == k+1 && capital(text[toks[alo].s:toks[alo].e]) && !description(text, toks, alo) {
				return attribution{speaker: stripTitles(text, toks, alo, j-1)}, true
			}
		}
		return attribution{speaker: stripTitles(text, toks, lo, k-1)}, true
	}
	lo, ok := npBackward(text, toks, j)
	if !ok {
		return attribution{}, false
	}
	return attribution{speaker: stripTitles(text, toks, lo, j)}, true
}

// npBackward returns the first token of the noun phrase that ends at
// toks[j].
func npBackward(text string, toks []tok, j int) (int, bool) {
	if j < 0 || !toks[j].word() {
		return 0, false
	}
	w := lower(text[toks[j].s:toks[j].e])
	if pronouns[w] {
		return j, true
	}
	if stopWords[w] || determiners[w] || cueWords[w] && !capital(text[toks[j].s:toks[j].e]) {
		return 0, false
	}
	lo := j
	for k := j; k >= 0 && k > j-8; k-- {
		t := toks[k]
		if !t.word() {
			break
		}
		w := lower(text[t.s:t.e])
		if determiners[w] {
			lo = k
			if k > 0 && toks[k-1].word() && lower(text[toks[k-1].s:toks[k-1].e]) == "of" {
				continue
			}
			break
		}
		if w == "of" || w == "and" || w == "&" {
			if k == j || k == 0 || !toks[k-1].word() {
				break
			}
			continue
		}
		if stopWords[w] || pronouns[w] || cueWords[w] && !capital(text[t.s:t.e]) || leadingAdverb(w) {
			break
		}
		lo = k
	}
	for lo < j && (lower(text[toks[lo].s:toks[lo].e]) == "of" || lower(text[toks[lo].s:toks[lo].e]) == "and") {
		lo++
	}
	return lo, true
}

// npForward returns the noun phrase that starts at toks[i]: determiner,
// modifiers, titles and names, ending before a comma, a preposition or a
// clause. names requires it to be a capitalised name or title.
func npForward(text string, toks []tok, i int, names bool) (int, int, bool) {
	if i >= len(toks) || !toks[i].word() {
		return 0, 0, false
	}
	w := lower(text[toks[i].s:toks[i].e])
	if pronouns[w] {
		return i, i, true
	}
	if stopWords[w] || cueWords[w] {
		return 0, 0, false
	}
	hi := i
	for k := i; k < len(toks) && k < i+8; k++ {
		t := toks[k]
		if !t.word() {
			break
		}
		w := lower(text[t.s:t.e])
		if k > i && determiners[w] && w != "one" {
			break
		}
		if w == "of" || w == "and" || w == "de" || w == "van" || w == "von" || w == "der" || w == "al" {
			// "Secretary of State Antony Blinken", "the heads of diplomacy",
			// "Bosnia and Herzegovina"; not "the statement of the ministers"
			if k+1 >= len(toks) || !toks[k+1].word() {
				break
			}
			nw := text[toks[k+1].s:toks[k+1].e]
			if w == "and" && !(capital(nw) && capital(text[toks[k-1].s:toks[k-1].e])) {
				break
			}
			if w == "of" && (determiners[lower(nw)] || stopWords[lower(nw)]) {
				break
			}
			continue
		}
		if k > i && (stopWords[w] || cueWords[w] && !capital(text[t.s:t.e]) || strings.HasSuffix(w, "ly") && !capital(text[t.s:t.e])) {
			break
		}
		if names && !capital(text[t.s:t.e]) && !titleWords[w] {
			break
		}
		hi = k
	}
	return i, hi, true
}

// nounPhrase reports whether toks[lo:hi+1] can name a speaker: words only,
// not too many, no clause words.
func nounPhrase(text string, toks []tok, lo, hi int) bool {
	if hi < lo || hi-lo > 8 {
		return false
	}
	for k := lo; k <= hi; k++ {
		t := toks[k]
		if !t.word() {
			if t.p == '-' {
				continue
			}
			return false
		}
		w := lower(text[t.s:t.e])
		if pronouns[w] && (k > lo || hi > lo) {
			return false
		}
		if stopWords[w] || cueWords[w] && !capital(text[t.s:t.e]) {
			return false
		}
	}
	return true
}

// description reports whether the phrase at toks[lo] describes rather than
// names: it starts with a determiner or a lower-case word.
func description(text string, toks []tok, lo int) bool {
	w := text[toks[lo].s:toks[lo].e]
	return determiners[lower(w)] || !capital(w)
}

// stripTitles returns the span of the name in toks[lo:hi+1] without the
// titles before it: "Macedonian Minister Bujar Osmani" → "Bujar Osmani",
// "Commissioner Jane Roe" → "Jane Roe". A phrase that is only a title or a
// description is returned whole.
func stripTitles(text string, toks []tok, lo, hi int) doc.Span {
	last := -1
	for k := lo; k <= hi; k++ {
		w := lower(text[toks[k].s:toks[k].e])
		if titleWords[w] {
			last = k
		}
	}
	if last >= lo && last < hi {
		ok := true
		for k := last + 1; k <= hi; k++ {
			w := text[toks[k].s:toks[k].e]
			if !capital(w) && !particle(lower(w)) {
				ok = false
				break
			}
		}
		if ok && !particle(lower(text[toks[last+1].s:toks[last+1].e])) {
			lo = last + 1
		}
	}
	return doc.Span{Start: toks[lo].s, End: toks[hi].e}
}

func particle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "al", "bin", "da", "di", "du", "le", "la", "del", "ter", "ten":
		return true
	}
	return false
}

// adverb reports whether a word can stand between a speaker and the cue
// verb ("she later said", "Smith also told").
func adverb(w string) bool {
	switch w {
	case "also", "later", "then", "again", "further", "previously", "once", "recently", "earlier", "had", "has", "have", "would", "will", "was", "is", "did", "already", "simply", "only", "even", "repeatedly", "publicly", "privately", "reportedly", "allegedly":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "italy" && w != "family" && w != "ally" && w != "assembly" && w != "supply"
}

func leadingAdverb(w string) bool {
	switch w {
	case "then", "later", "meanwhile", "finally", "now", "however", "also", "still", "so", "thus", "but", "and", "yet":
		return true
	}
	return false
}

func span(toks []tok, i, j int) doc.Span { return doc.Span{Start: toks[i].s, End: toks[j].e} }

// isGroupWord reports whether a phrase names a group rather than one party
// ("the ministers", "NATO allies", "officials").
func isGroupWord(s string) bool {
	if i := strings.Index(s, " of "); i > 0 {
		s = s[:i]
	}
	w := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		w = s[i+1:]
	}
	return !capital(w) && strings.HasSuffix(lower(w), "s") && !strings.HasSuffix(lower(w), "ss")
}
