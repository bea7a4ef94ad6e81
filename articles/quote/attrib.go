package quote

import (
	"slices"
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

// participle reports whether a cue word is a participle whose subject is the
// subject of the sentence: "…, adding: "…"", "calling it "…"".
func participle(w string) bool {
	switch w {
	case "adding", "saying", "noting", "writing", "telling", "warning", "stressing", "calling", "describing",
		"arguing", "insisting", "explaining", "quoting", "quoted", "declaring", "asking", "urging":
		return true
	}
	return false
}

// after parses an attribution that follows a quote closing at from:
// `, X said`, `, said X`, `, according to X`, `—Commissioner Jane Roe`.
// It looks no further than to, and reads one clause at most. loose accepts
// a name after a dash followed by anything (a headline's "– Coach confident").
func after(text string, from, to int, loose bool, buf []tok) (attribution, bool) {
	to = min(to, from+320)
	return afterTokens(text, clauseWords(text, from, to, 28, buf), loose)
}

// afterTokens is after on the tokens that follow the quote. No rule reads
// past the first token that ends a sentence (or, when that token is the
// first of the clause, any token at all to a true result), so they need go
// no further.
func afterTokens(text string, toks []tok, loose bool) (attribution, bool) {
	i := 0
	if i < len(toks) && toks[i].p == ',' {
		i++
	}
	if i >= len(toks) {
		return attribution{}, false
	}
	if toks[i].p == '-' {
		// a gloss between dashes: "„Die Lage ist ernst“ – the situation is serious – wrote …"
		for k := i + 1; k < len(toks) && k < i+14; k++ {
			if sentenceEnd(toks[k]) {
				break
			}
			if toks[k].p == '-' && k > i+1 {
				if a, ok := attribute(text, toks, k+1); ok {
					return a, true
				}
				break
			}
		}
		if a, ok := attribute(text, toks, i+1); ok {
			return a, true
		}
		if i+1 < len(toks) && toks[i+1].word() && capital(text[toks[i+1].s:toks[i+1].e]) {
			lo, hi, ok := npForward(text, toks, i+1, true)
			if ok && (loose || hi+1 >= len(toks) || sentenceEnd(toks[hi+1]) || toks[hi+1].p == ',' || toks[hi+1].p == '-') {
				return attribution{speaker: stripTitles(text, toks, lo, hi), end: toks[hi].e}, true
			}
		}
		return attribution{}, false
	}
	return attribute(text, toks, i)
}

// attribute parses an attribution clause starting at toks[i]: `said X`,
// `X said`, `according to X`, `X, the minister, told reporters`.
func attribute(text string, toks []tok, i int) (attribution, bool) {
	if i >= len(toks) {
		return attribution{}, false
	}
	n, w, _, looked := cueAt(text, toks, i)
	if n > 0 {
		j := i + n
		if w == "according" {
			lo, hi, ok := npForward(text, toks, j, false)
			if !ok {
				return attribution{}, false
			}
			return attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, i, j-1), end: clauseEnd(toks, hi+1)}, true
		}
		if participle(w) || w == "quoted" {
			return attribution{}, false
		}
		lo, hi, ok := npForward(text, toks, j, false)
		if !ok {
			return attribution{}, false
		}
		a := attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, i, j-1)}
		// "asked the committee chair, Sarah Okonkwo."
		if description(text, toks, lo) && hi+2 < len(toks) && toks[hi+1].p == ',' {
			if nlo, nhi, ok := npForward(text, toks, hi+2, true); ok && capital(text[toks[nlo].s:toks[nlo].e]) && !description(text, toks, nlo) &&
				(nhi+1 >= len(toks) || sentenceEnd(toks[nhi+1]) || toks[nhi+1].p == ',') {
				a.speaker = stripTitles(text, toks, nlo, nhi)
				hi = nhi
			}
		}
		a.end = clauseEnd(toks, hi+1)
		return a, true
	}
	if !looked {
		w = known(text[toks[i].s:toks[i].e])
	}
	if first := w; toks[i].word() && (first == "and" || first == "but" || first == "while" || first == "as") {
		return attribution{}, false
	}
	for k := i + 1; k < len(toks) && k < i+16; k++ {
		if sentenceEnd(toks[k]) || toks[k].p == '-' {
			break
		}
		n, w, lists, _ := cueAt(text, toks, k)
		if n == 0 {
			continue
		}
		if participle(w) || w == "according" || lists&(inWeakCues|inAfterCues) == inWeakCues {
			break
		}
		a, ok := subject(text, toks, i, k)
		if !ok {
			return attribution{}, false
		}
		a.cue = span(toks, k, k+n-1)
		a.end = clauseEnd(toks, k+n)
		including(text, toks, k+n, &a)
		return a, true
	}
	return attribution{}, false
}

// afterCue are the weak cue words that report speech when they follow a
// quote ("…," the statement reads / continued / points out).
var afterCue = map[string]bool{
	"continued": true, "continues": true, "state": true, "states": true, "points": true, "point": true,
	"pointed": true, "went": true, "goes": true, "reads": true, "read": true, "notes": true, "note": true,
	"agreed": true, "agrees": true, "promised": true, "promises": true, "posted": true, "posts": true,
	"answered": true, "answers": true, "countered": true, "counters": true, "commented": true, "remarked": true,
	"reported": true, "reports": true, "demanded": true, "comments": true, "remarks": true,
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
	return t.word() && strings.EqualFold(text[t.s:t.e], "including")
}

// clauseEnd returns the end of the attribution clause whose words continue
// at toks[i]: the end of the sentence token, or of the last token read.
func clauseEnd(toks []tok, i int) int {
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

// chunk is a stretch of tokens between commas.
type chunk struct{ lo, hi int }

// pickChunk chooses the speaker among the comma-separated stretches
// between a quote and its cue verb (or a subject and its verb), in text
// order: the first that is a name ("Anna Kovač, the foreign minister," /
// "the foreign minister, Anna Kovač,"), else the first noun phrase ("A
// spokesman for CMA CGM, the shipping group,"). Ages, relative clauses and
// lead-ins ("In mitigation,") are skipped; the first stretch may start with
// a conjunction ("and Smith, the host, said").
func pickChunk(text string, toks []tok, cs []chunk) (chunk, bool) {
	desc := -1
	for c := range cs {
		ch := cs[c]
		if c == 0 {
			for ch.lo < ch.hi && toks[ch.lo].word() && conjunction(known(text[toks[ch.lo].s:toks[ch.lo].e])) {
				ch.lo++
			}
		}
		if !nounPhrase(text, toks, ch.lo, ch.hi) || isNumber(text, toks[ch.lo]) && ch.lo == ch.hi {
			continue
		}
		w := text[toks[ch.lo].s:toks[ch.lo].e]
		if asciiLists(w)&inPronouns != 0 {
			if desc < 0 {
				return ch, true
			}
			continue
		}
		if !description(text, toks, ch.lo) {
			return ch, true
		}
		if desc < 0 {
			desc = c
			cs[c] = ch
		}
	}
	if desc < 0 {
		return chunk{}, false
	}
	return cs[desc], true
}

func conjunction(w string) bool {
	return w == "and" || w == "but" || w == "then" || w == "so" || w == "while"
}

func isNumber(text string, t tok) bool {
	return t.word() && isDigit(rune(text[t.s]))
}

// subject finds the speaker in toks[i:k], the words between a quote and the
// cue verb at k: "the joint statement", "Anna Kovač, the foreign minister,"
// "the foreign minister, Anna Kovač,", "she", "Smith, 45,".
func subject(text string, toks []tok, i, k int) (attribution, bool) {
	for k > i && toks[k-1].word() && adverbWord(text[toks[k-1].s:toks[k-1].e]) {
		k--
	}
	if k <= i {
		return attribution{}, false
	}
	var buf [6]chunk
	cs := buf[:0]
	start := i
	for j := i; j <= k && len(cs) < len(buf); j++ {
		if j == k || toks[j].p == ',' || toks[j].p == '(' || toks[j].p == ')' {
			if j > start {
				cs = append(cs, chunk{start, j - 1})
			}
			start = j + 1
			continue
		}
		if !toks[j].word() && toks[j].p != '-' {
			return attribution{}, false
		}
	}
	if len(cs) == 0 {
		return attribution{}, false
	}
	ch, ok := pickChunk(text, toks, cs)
	if !ok {
		return attribution{}, false
	}
	return attribution{speaker: stripTitles(text, toks, ch.lo, ch.hi)}, true
}

// before parses an attribution that leads into a quote opening at open in
// the sentence that starts at from: `X said: "`, `X said that "`,
// `According to X, "`, `X told reporters on Monday: "`, `X said the plan
// was "`.
func before(text string, from, open int, buf []tok) (attribution, bool) {
	from = max(from, open-400)
	toks := words(text, from, open, 80, buf)
	if len(toks) == 80 {
		toks = toks[40:]
	}
	n := len(toks)
	for k := n - 1; k >= 0 && k >= n-40; k-- {
		if sentenceEnd(toks[k]) && !(k == n-1 && toks[k].p == ':') {
			break
		}
		c, w, _, _ := cueAt(text, toks, k)
		if c == 0 {
			continue
		}
		if w == "according" {
			lo, hi, ok := npForward(text, toks, k+c, false)
			if !ok || hi+1 < n && toks[hi+1].p != ',' && toks[hi+1].p != ':' {
				continue
			}
			return attribution{speaker: stripTitles(text, toks, lo, hi), cue: span(toks, k, k+1), end: open}, true
		}
		if !gapOK(text, toks, k+c, n, w) {
			continue
		}
		if k > 0 && toks[k-1].word() && passive(known(text[toks[k-1].s:toks[k-1].e])) && w != "quoted" {
			continue // "when the result was announced": nobody speaks
		}
		var a attribution
		var ok bool
		switch {
		case (w == "quoted" || w == "quoting") && c == 1:
			// "outlets quoted Rydström's blunt assessment: "…""
			lo, hi, ok2 := npForward(text, toks, k+1, true)
			if !ok2 {
				return attribution{}, false
			}
			for h := lo; h <= hi; h++ {
				if ww := text[toks[h].s:toks[h].e]; strings.HasSuffix(ww, "'s") || strings.HasSuffix(ww, "’s") {
					sp := stripTitles(text, toks, lo, h)
					sp.End -= len(ww) - len(surnameKey(ww))
					return attribution{speaker: sp, cue: span(toks, k, k), end: open}, true
				}
			}
			a, ok = attribution{speaker: stripTitles(text, toks, lo, hi)}, true
		case participle(w):
			a, ok = sentenceSubject(text, toks, k)
		case k > 0 && toks[k-1].word() && strings.EqualFold(text[toks[k-1].s:toks[k-1].e], "and"):
			a, ok = sentenceSubject(text, toks, k)
		default:
			a, ok = subjectBack(text, toks, k-1)
		}
		if !ok {
			continue
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
	if first.word() && strings.EqualFold(text[first.s:first.e], "that") {
		return true
	}
	last := toks[n-1]
	if last.p == ':' || last.p == ',' {
		return n-i <= 10
	}
	words := n - i
	switch w {
	case "called", "call", "calls", "calling", "describe", "described", "describes", "describing":
		return words <= 5
	}
	if weakCue[w] && !participle(w) {
		return false
	}
	// "said the plan was "…"", "told the court she woke to "…"", but not
	// across a comma: "announced, members … applauded, which the mayor allowed "…""
	comma := false
	for k := i; k < n; k++ {
		switch {
		case toks[k].p == ',':
			comma = true
		case toks[k].word() && strings.EqualFold(text[toks[k].s:toks[k].e], "that"):
			comma = false // "cautioned, however, that …"
		}
	}
	return !comma && words <= 25
}

// passive reports whether a word before a cue makes it passive ("was
// announced"), with no speaker as its subject.
func passive(w string) bool {
	switch w {
	case "was", "were", "been", "be", "is", "are", "being":
		return true
	}
	return false
}

// sentenceSubject finds the subject of the sentence whose tokens end before
// toks[k]: the first noun phrase after leading adverbials ("In a statement,",
// "Asked about it,"), with an apposition's name preferred.
func sentenceSubject(text string, toks []tok, k int) (attribution, bool) {
	i := 0
	for i < k && toks[i].word() && leadInWord(text[toks[i].s:toks[i].e]) {
		// skip the adverbial up to its comma
		j := i
		for j < k && j < i+12 && toks[j].p != ',' {
			j++
		}
		if j < k && toks[j].p == ',' {
			i = j + 1
		} else {
			i++
		}
	}
	if i >= k {
		return attribution{}, false
	}
	lo, hi, ok := npForward(text, toks, i, false)
	if !ok || !nounPhrase(text, toks, lo, hi) {
		// "And from Ken Alderson, who…:": the lead-in words only
		i = 0
		for i < k && toks[i].word() && leadInWord(text[toks[i].s:toks[i].e]) {
			i++
		}
		if lo, hi, ok = npForward(text, toks, i, false); !ok {
			return attribution{}, false
		}
	}
	var buf [6]chunk
	cs := buf[:0]
	cs = append(cs, chunk{lo, hi})
	for hi+2 < k && toks[hi+1].p == ',' && len(cs) < len(buf) {
		nlo, nhi, ok := npForward(text, toks, hi+2, false)
		if !ok || nhi+1 >= k || toks[nhi+1].p != ',' {
			break
		}
		cs = append(cs, chunk{nlo, nhi})
		hi = nhi + 1
	}
	if len(cs) > 1 {
		// "Her counterpart, Timčo Mucunski, welcomed…": the name
		for _, c := range cs[1:] {
			if !description(text, toks, c.lo) && nounPhrase(text, toks, c.lo, c.hi) {
				return attribution{speaker: stripTitles(text, toks, c.lo, c.hi)}, true
			}
		}
	}
	if !nounPhrase(text, toks, cs[0].lo, cs[0].hi) {
		return attribution{}, false
	}
	return attribution{speaker: stripTitles(text, toks, cs[0].lo, cs[0].hi)}, true
}

// leadIn reports whether a sentence-initial word starts an adverbial rather
// than the subject: In, On, After, Asked, Speaking, And, But.
func leadIn(w string) bool {
	switch w {
	case "in", "on", "at", "after", "before", "during", "asked", "speaking", "and", "but", "from", "for", "with",
		"meanwhile", "however", "later", "earlier", "then", "so", "also", "still", "yet", "when", "while", "as",
		"responding", "addressing", "writing", "interviewed", "contacted", "reached", "since", "by", "outside", "inside":
		return true
	}
	return strings.HasSuffix(w, "ing") && len(w) > 5
}

// subjectBack finds the subject of a cue verb whose words end at toks[j].
func subjectBack(text string, toks []tok, j int) (attribution, bool) {
	for j >= 0 && toks[j].word() && adverbWord(text[toks[j].s:toks[j].e]) {
		j--
	}
	if j < 0 {
		return attribution{}, false
	}
	var buf [6]chunk
	cs := buf[:0]
	hi := j
	if toks[j].p == ',' {
		hi = j - 1
	}
	for len(cs) < len(buf) && hi >= 0 {
		lo := hi
		for lo >= 0 && lo > hi-30 && toks[lo].p != ',' && !sentenceEnd(toks[lo]) && toks[lo].p != 'q' {
			lo--
		}
		if lo == hi {
			break
		}
		cs = append(cs, chunk{lo + 1, hi})
		if lo < 0 || toks[lo].p != ',' || toks[hi].p == ',' {
			break
		}
		hi = lo - 1
	}
	if len(cs) == 0 {
		return attribution{}, false
	}
	// the chunk next to the verb must end in a noun phrase
	nlo, ok := npBackward(text, toks, cs[0].hi)
	if !ok || nlo < cs[0].lo {
		return attribution{}, false
	}
	if toks[j].p != ',' {
		return attribution{speaker: stripTitles(text, toks, nlo, cs[0].hi)}, true
	}
	// appositions: chunks in text order; the first may hold a lead-in
	slices.Reverse(cs)
	if lo, ok := npBackward(text, toks, cs[0].hi); ok && lo > cs[0].lo {
		if toks[lo-1].word() && conjunction(known(text[toks[lo-1].s:toks[lo-1].e])) {
			cs[0].lo = lo
		}
	}
	ch, ok := pickChunk(text, toks, cs)
	if !ok {
		return attribution{}, false
	}
	return attribution{speaker: stripTitles(text, toks, ch.lo, ch.hi)}, true
}

// npBackward returns the first token of the noun phrase that ends at
// toks[j]. A name followed by "of", "from", "at" and an organisation is
// the name ("Marta Zielińska from the WWF"); a description keeps it ("a
// spokeswoman for the ministry").
func npBackward(text string, toks []tok, j int) (int, bool) {
	lo, ok := npBack(text, toks, j)
	if !ok || lo < 2 || !toks[lo-1].word() {
		return lo, ok
	}
	switch known(text[toks[lo-1].s:toks[lo-1].e]) {
	case "of", "from", "at", "for", "with":
	default:
		return lo, ok
	}
	plo, ok2 := npBack(text, toks, lo-2)
	if !ok2 || asciiLists(text[toks[plo].s:toks[plo].e])&inPronouns != 0 {
		return lo, ok
	}
	return plo, true
}

func npBack(text string, toks []tok, j int) (int, bool) {
	if j < 0 || !toks[j].word() {
		return 0, false
	}
	wj, lj := lookup(text[toks[j].s:toks[j].e])
	if lj&inPronouns != 0 {
		return j, true
	}
	if lj&(inStops|inDeterminers) != 0 || lj&inCues != 0 && !capital(text[toks[j].s:toks[j].e]) {
		return 0, false
	}
	lo := j
	for k := j; k >= 0 && k > j-8; k-- {
		t := toks[k]
		if !t.word() {
			break
		}
		w, lists := wj, lj // toks[j], looked up above
		if k != j {
			w, lists = lookup(text[t.s:t.e])
		}
		if lists&inDeterminers != 0 {
			lo = k
			if k > 0 && toks[k-1].word() && strings.EqualFold(text[toks[k-1].s:toks[k-1].e], "of") {
				continue
			}
			break
		}
		if w == "of" || w == "&" {
			if k == j || k == 0 || !toks[k-1].word() {
				break
			}
			continue
		}
		if lists&(inStops|inPronouns) != 0 || lists&inCues != 0 && !capital(text[t.s:t.e]) || leadingAdverb(w) {
			break
		}
		lo = k
	}
	for lo < j && strings.EqualFold(text[toks[lo].s:toks[lo].e], "of") {
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
	wi, li := lookup(text[toks[i].s:toks[i].e])
	if li&inPronouns != 0 {
		return i, i, true
	}
	if li&(inStops|inCues) != 0 {
		return 0, 0, false
	}
	hi := i
	for k := i; k < len(toks) && k < i+8; k++ {
		t := toks[k]
		if !t.word() {
			break
		}
		w, lists := wi, li // toks[i], looked up above
		if k != i {
			w, lists = lookup(text[t.s:t.e])
		}
		if k > i && lists&inDeterminers != 0 && w != "one" {
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
			if w == "of" && asciiLists(nw)&(inDeterminers|inStops) != 0 {
				break
			}
			continue
		}
		if k > i && (lists&inStops != 0 || lists&inCues != 0 && !capital(text[t.s:t.e]) || hasLowerSuffix(text[t.s:t.e], "ly") && !capital(text[t.s:t.e])) {
			break
		}
		if names && !capital(text[t.s:t.e]) && lists&inTitles == 0 {
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
		w, lists := lookup(text[t.s:t.e])
		if lists&inPronouns != 0 && (k > lo || hi > lo) {
			return false
		}
		if k > lo && k < hi && (w == "of" || w == "for" || w == "from" || w == "at" || w == "with" || w == "in" || w == "and") {
			continue // "a spokesman for CMA CGM", "a researcher at the University of Glasgow"
		}
		if lists&inStops != 0 || lists&inCues != 0 && !capital(text[t.s:t.e]) {
			return false
		}
	}
	return true
}

// description reports whether the phrase at toks[lo] describes rather than
// names: it starts with a determiner or a lower-case word.
func description(text string, toks []tok, lo int) bool {
	w := text[toks[lo].s:toks[lo].e]
	return asciiLists(w)&inDeterminers != 0 || !capital(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// stripTitles returns the span of the name in toks[lo:hi+1] without the
// titles before it: "Macedonian Minister Bujar Osmani" → "Bujar Osmani",
// "Commissioner Jane Roe" → "Jane Roe". A phrase that is only a title or a
// description is returned whole.
func stripTitles(text string, toks []tok, lo, hi int) doc.Span {
	last := -1
	for k := lo; k <= hi; k++ {
		if w := text[toks[k].s:toks[k].e]; titleShapes.may(w) {
			if _, lists := lookup(w); lists&inTitles != 0 {
				last = k
			}
		}
	}
	if last >= lo && last < hi {
		ok := true
		for k := last + 1; k <= hi; k++ {
			w := text[toks[k].s:toks[k].e]
			if !capital(w) && !particle(known(w)) {
				ok = false
				break
			}
		}
		if ok && !particle(known(text[toks[last+1].s:toks[last+1].e])) {
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

// adverbWord is adverb of the word in lower case; it does not allocate.
func adverbWord(w string) bool {
	if isLower(w) {
		return adverb(w)
	}
	var buf [32]byte
	return adverb(string(appendLower(buf[:0], w)))
}

// leadInWord is leadIn of the word in lower case; it does not allocate.
func leadInWord(w string) bool {
	if isLower(w) {
		return leadIn(w)
	}
	var buf [32]byte
	return leadIn(string(appendLower(buf[:0], w)))
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
	return !capital(w) && hasLowerSuffix(w, "s") && !hasLowerSuffix(w, "ss")
}
