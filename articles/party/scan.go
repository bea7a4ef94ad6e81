package party

import (
	"strings"
	"unicode/utf8"
)

// evidence counts the signals for each kind a capitalised span may have.
type evidence struct {
	person, org, place int8
}

// cand is one mention found in a block.
type cand struct {
	s, e     int32    // byte span of the mention, possessive included
	ent      int32    // index into lists.ents for a listed party, else -1
	name     string   // for a span not in the lists: its words without the possessive
	ntoks    int      // number of words in name
	ev       evidence // kind signals for a span not in the lists
	credit   bool     // in a block that is not part of the story
	alliance bool     // "the Alliance": NATO's when NATO is in the article
}

// scanner finds the mentions of one article, block by block.
type scanner struct {
	l        *lists
	text     string
	toks     []token
	cands    []cand
	acronyms map[string]string // acronym → the name it stands for, from "Long Name (LN)"
	credit   bool              // the current block is not part of the story
	known    map[string]bool   // words of the names of people met so far: "Doe" after "Jane Doe"
}

// block scans text[start:end].
func (s *scanner) block(start, end int, credit bool) {
	s.credit = credit
	s.toks = s.toks[:0]
	var z tokenizer
	z.reset(s.text, start, end)
	for {
		t, ok := z.next()
		if !ok {
			break
		}
		s.toks = append(s.toks, t)
	}
	s.markSentences()
	s.markHeadlines()
	s.scan()
}

// markSentences flags the words that open a sentence, a quotation or an
// item, where a capital letter says nothing about a name.
func (s *scanner) markSentences() {
	toks := s.toks
	for k := range toks {
		t := &toks[k]
		if !t.is(fWord) {
			continue
		}
		if k == 0 {
			t.f |= fSent
			continue
		}
		p := toks[k-1]
		if p.is(fWord) {
			if p.is(fDots) {
				t.f |= fSent
			}
			continue
		}
		switch p.r {
		case ',', '&', '(', ')', '\'', '-', '‑', '’':
			continue
		case '.':
			if k >= 2 && toks[k-2].is(fWord) {
				w := s.text[toks[k-2].s:toks[k-2].e]
				if abbrev[w] || len(w) == 1 && isUpperASCII(w[0]) {
					continue
				}
			}
		}
		t.f |= fSent
	}
}

// functionWords are the short words a headline leaves in lower case.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "and": true, "or": true, "but": true, "with": true, "by": true, "from": true,
	"as": true, "is": true, "are": true, "vs": true, "via": true, "into": true, "over": true, "after": true,
	"amid": true, "up": true, "out": true, "off": true, "its": true, "their": true, "his": true, "her": true,
}

// markHeadlines flags the tokens of lines that capitalise most of their
// words, as headlines, captions and credit lines do.
func (s *scanner) markHeadlines() {
	for i := 0; i < len(s.toks); {
		j := i + 1
		for j < len(s.toks) && !s.toks[j].is(fNewline) {
			j++
		}
		if s.headlineCase(s.toks[i:j]) {
			for k := i; k < j; k++ {
				s.toks[k].f |= fHead
			}
		}
		i = j
	}
}

// headlineCase reports whether a line capitalises most of its words.
func (s *scanner) headlineCase(toks []token) bool {
	caps, words := 0, 0
	for _, t := range toks {
		if !t.is(fWord) || t.is(fDigit) {
			continue
		}
		w := s.text[t.s:t.e]
		if len(w) <= 5 && functionWords[strings.ToLower(w)] {
			continue
		}
		words++
		if t.is(fCap) {
			caps++
		}
		if words > 40 {
			return false
		}
	}
	return words >= 3 && caps*10 >= words*8
}

func (s *scanner) word(i int) string { return s.text[s.toks[i].s:s.toks[i].e] }
func (s *scanner) base(i int) string { return s.text[s.toks[i].s:s.toks[i].b] }

func (s *scanner) isWord(i int, w string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].is(fWord) && s.word(i) == w
}

func (s *scanner) capWord(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].is(fWord) && s.toks[i].is(fCap)
}

// gazAt returns the longest listed form at token i: its length in tokens,
// entity and whether it is a demonym.
func (s *scanner) gazAt(i int) (n int, ent int32, demonym bool) {
	t := s.toks[i]
	forms := s.l.gaz[s.word(i)]
	if t.is(fPoss) {
		forms = append(forms[:len(forms):len(forms)], s.l.gaz[s.base(i)]...)
	}
	for _, f := range forms {
		if s.matchForm(i, f.toks) {
			return len(f.toks), f.ent, f.demonym
		}
	}
	return 0, -1, false
}

func (s *scanner) matchForm(i int, form []string) bool {
	if i+len(form) > len(s.toks) {
		return false
	}
	for k, w := range form {
		t := s.toks[i+k]
		if k < len(form)-1 && t.is(fPoss) {
			return false
		}
		if s.text[t.s:t.e] != w && s.text[t.s:t.b] != w {
			return false
		}
	}
	return true
}

// titleHeads end a run of capitalised words that is a title:
// "Foreign Affairs Minister", "Deputy Secretary".
var titleHeads = map[string]bool{
	"Minister": true, "Secretary": true, "President": true, "Chancellor": true, "Ambassador": true,
	"Commissioner": true, "Governor": true, "Mayor": true, "Senator": true, "Director": true,
	"Chairman": true, "Chairwoman": true, "Chief": true, "Spokesman": true, "Spokeswoman": true,
	"Spokesperson": true, "Envoy": true, "Judge": true, "Prosecutor": true, "Coach": true, "Manager": true,
	"Leader": true, "Premier": true, "Officer": true, "Adviser": true, "Advisor": true, "Captain": true,
	"Executive": true, "Head": true, "Deputy": true, "Representative": true, "Commander": true,
}

// titleAt returns the number of tokens of a title at token i, 0 if none.
func (s *scanner) titleAt(i int) int {
	if i >= len(s.toks) || !s.toks[i].is(fWord) {
		return 0
	}
	best := 0
	for _, f := range s.l.titles[s.word(i)] {
		if len(f) > best && s.matchForm(i, f) {
			best = len(f)
			break
		}
	}
	// A run of capitalised common words ending in a title head.
	j := i
	for j < len(s.toks) && s.capWord(j) && !s.toks[j].is(fPoss) && (titleHeads[s.word(j)] || s.l.isCommon(s.word(j)) && !s.l.first[s.word(j)]) {
		j++
		if titleHeads[s.word(j-1)] && j-i > best {
			best = j - i
		}
	}
	if best == 0 {
		return 0
	}
	// "Minister of Foreign Affairs", "Secretary for Europe".
	j = i + best
	if s.isWord(j, "of") || s.isWord(j, "for") {
		k := j + 1
		if s.isWord(k, "the") {
			k++
		}
		m := k
		for m < len(s.toks) && s.capWord(m) && s.l.isCommon(s.word(m)) && !s.l.first[s.word(m)] && !s.toks[m].is(fPoss) {
			m++
		}
		if m > k {
			best = m - i
		}
	}
	return best
}

// orgWords make a capitalised span an organisation.
var orgWords = map[string]bool{
	"Ministry": true, "Council": true, "Party": true, "Agency": true, "Group": true, "Bank": true,
	"Company": true, "Corporation": true, "Corp": true, "Inc": true, "Ltd": true, "LLC": true, "plc": true,
	"PLC": true, "AG": true, "GmbH": true, "University": true, "Institute": true, "Commission": true,
	"Committee": true, "Association": true, "Union": true, "Federation": true, "League": true, "Club": true,
	"FC": true, "Department": true, "Office": true, "Court": true, "Parliament": true, "Assembly": true,
	"Foundation": true, "Fund": true, "Organization": true, "Organisation": true, "Service": true,
	"Services": true, "Police": true, "Army": true, "Navy": true, "Forces": true, "Guard": true,
	"Airlines": true, "Airways": true, "Authority": true, "Board": true, "Bureau": true, "Centre": true,
	"Center": true, "Coalition": true, "Alliance": true, "Front": true, "Movement": true, "Network": true,
	"Times": true, "News": true, "Post": true, "Herald": true, "Journal": true, "Trust": true,
	"Society": true, "School": true, "College": true, "Hospital": true, "Church": true, "Cabinet": true,
	"Government": true, "Administration": true, "Tribunal": true, "Secretariat": true, "Exchange": true,
	"Reserve": true, "Holdings": true, "Industries": true, "Motors": true, "Systems": true,
	"Technologies": true, "Labs": true, "Media": true, "United": true, "City": true, "Rovers": true,
	"Wanderers": true, "Athletic": true, "Institution": true, "Programme": true, "Program": true,
	"Senate": true, "Congress": true, "Brigade": true, "Battalion": true, "Regiment": true, "Command": true,
	"Unit": true, "Team": true, "Council's": true, "Democrats": true, "Republicans": true, "Greens": true,
	"Conservatives": true, "Socialists": true, "Laboratory": true, "Observatory": true, "Museum": true,
	"Library": true, "Co": true, "Group's": true, "Energy": true, "Pharma": true, "Bancorp": true,
}

// placeWords end a capitalised span that is a place.
var placeWords = map[string]bool{
	"Sea": true, "River": true, "Ocean": true, "Lake": true, "Island": true, "Islands": true,
	"Mountains": true, "Mountain": true, "Valley": true, "Province": true, "Region": true, "Oblast": true,
	"County": true, "District": true, "Square": true, "Street": true, "Avenue": true, "Road": true,
	"Bridge": true, "Airport": true, "Stadium": true, "Arena": true, "Park": true, "Bay": true, "Gulf": true,
	"Peninsula": true, "Desert": true, "Strait": true, "Canal": true, "Coast": true, "Hills": true,
	"Basin": true, "Forest": true, "Village": true, "Palace": true, "Cathedral": true, "Harbour": true,
	"Harbor": true, "Beach": true, "Heights": true, "Plateau": true, "Glacier": true, "Falls": true,
	"Prefecture": true, "Governorate": true, "Territory": true, "Archipelago": true, "Balkans": true,
}

// cueWords after a name make it a person who speaks.
var cueWords = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "adds": true, "warned": true, "warns": true,
	"stated": true, "explained": true, "explains": true, "noted": true, "notes": true, "argued": true,
	"argues": true, "wrote": true, "writes": true, "asked": true, "insisted": true, "insists": true,
	"claimed": true, "announced": true, "tweeted": true, "replied": true, "urged": true, "stressed": true,
	"acknowledged": true, "admitted": true, "recalled": true, "recalls": true, "testified": true,
	"believes": true, "thinks": true, "told.": true, "smiled": true, "laughed": true, "joked": true,
	"who": true, "posted": true, "commented": true, "remarked": true, "conceded": true,
}

// locatives before a single word make it a place.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "across": true, "throughout": true,
	"around": true, "from": true, "to": true, "into": true, "towards": true, "toward": true,
}

// connectors join the words of an organisation's name: "Bank of England".
var connectors = map[string]bool{"of": true, "for": true, "and": true, "on": true, "the": true, "&": true, "de": true}

func (s *scanner) hasKeyword(i, j int, set map[string]bool) bool {
	for k := i; k < j; k++ {
		if s.toks[k].is(fWord) && set[s.base(k)] {
			return true
		}
	}
	return false
}

func (s *scanner) scan() {
	toks := s.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.is(fWord) {
			i++
			continue
		}
		if !t.is(fCap) {
			if t.is(fHyphen) && s.hyphenParts(i) {
				i++
				continue
			}
			if t.is(fDigit) {
				i++
				continue
			}
			if n := s.titleAt(i); n > 0 && s.capWord(i+n) {
				i = s.chunk(i)
				continue
			}
			i++
			continue
		}
		if n, ent, demonym := s.gazAt(i); n > 0 {
			if demonym && s.capWord(i+n) {
				// "Russian Defence Ministry" is an organisation, not a mention of Russia.
				if j := s.nameEnd(i + n); j > i+n && s.hasKeyword(i+n, j, orgWords) && s.titleAt(i+n) == 0 {
					s.emitSpan(i, j, 0)
					i = j
					continue
				}
			}
			if s.l.first[s.word(i)] && n == 1 && s.capWord(i+1) {
				if n2, _, _ := s.gazAt(i + 1); n2 == 0 {
					i = s.chunk(i)
					continue
				}
			}
			s.cands = append(s.cands, cand{s: t.s, e: toks[i+n-1].e, ent: ent, credit: s.credit})
			i += n
			continue
		}
		if t.is(fHyphen) && s.hyphenParts(i) {
			i++
			continue
		}
		w := s.word(i)
		if w == "Alliance" && (s.isWord(i-1, "the") || s.isWord(i-1, "The")) {
			s.cands = append(s.cands, cand{s: t.s, e: t.e, ent: -1, credit: s.credit, alliance: true})
			i++
			continue
		}
		if s.titleAt(i) == 0 && s.skippable(i) {
			if s.capWord(i+1) && t.is(fSent) && !s.l.nonNames[w] {
				// "The Statement": still the sentence's opening words.
				s.toks[i+1].f |= fSent
			}
			i++
			continue
		}
		i = s.chunk(i)
	}
}

// skippable reports whether the capitalised word at i is an ordinary word
// capitalised by position: at a sentence start, in a headline, or a month.
func (s *scanner) skippable(i int) bool {
	t := s.toks[i]
	w := s.base(i)
	if s.l.nonNames[w] {
		return true
	}
	if !t.is(fSent) && !t.is(fHead) {
		return false
	}
	if t.is(fUpper) && !t.is(fHead) {
		return false
	}
	if s.l.first[w] && s.capWord(i+1) || s.known[w] {
		return false
	}
	return s.l.isCommon(w)
}

// nameEnd returns the end of the capitalised name that starts at token i.
func (s *scanner) nameEnd(i int) int {
	toks := s.toks
	j := i
	firstName := s.l.first[s.word(i)]
	keyword := false
	for j < len(toks) {
		t := toks[j]
		if j > i && t.is(fPara) {
			break
		}
		if t.is(fWord) && t.is(fCap) {
			w := s.base(j)
			if t.is(fHead) && j > i && s.l.isCommon(w) && !s.l.first[w] && !orgWords[w] && !placeWords[w] {
				break
			}
			if s.l.nonNames[w] && (j == i || !firstName) {
				break
			}
			keyword = keyword || orgWords[w] || placeWords[w]
			j++
			if t.is(fPoss) {
				break
			}
			continue
		}
		if j > i && t.is(fWord) && !toks[j-1].is(fPoss) && !t.is(fCap) {
			w := s.word(j)
			if particles[w] && !keyword {
				// "von der Leyen": a run of particles before a capitalised word.
				k := j
				for k < len(toks) && toks[k].is(fWord) && !toks[k].is(fCap) && particles[s.word(k)] {
					k++
				}
				if s.capWord(k) {
					j = k
					continue
				}
			}
			if connectors[w] && keyword && s.capWord(j+1) {
				j++
				continue
			}
		}
		if j > i && t.r == '&' && s.capWord(j+1) {
			j++
			continue
		}
		break
	}
	return j
}

// chunk reads the capitalised span at token i, with a title before it,
// records it and returns the index after it.
func (s *scanner) chunk(i int) int {
	toks := s.toks
	titled := false
	ni := i
	for {
		n := s.titleAt(ni)
		if n == 0 {
			break
		}
		ni += n
		titled = true
	}
	if ni >= len(toks) || !s.capWord(ni) {
		if ni == i {
			return i + 1
		}
		return ni
	}
	if titled && !s.capWord(ni) {
		return ni
	}
	j := s.nameEnd(ni)
	if j == ni {
		return ni + 1
	}
	if !titled && j-ni > 1 && !s.hasKeyword(ni, j, orgWords) && !s.hasKeyword(ni, j, placeWords) && !s.l.first[s.word(ni)] {
		// A listed party inside an unknown span starts a span of its own.
		for k := ni + 1; k < j; k++ {
			if s.toks[k].is(fCap) {
				if n, _, _ := s.gazAt(k); n > 0 {
					j = k
					break
				}
			}
		}
	}
	// Trailing connectors and particles belong to what follows.
	for j > ni+1 && !toks[j-1].is(fCap) {
		j--
	}
	var bonus int8
	if titled {
		bonus = 4
	}
	s.emitSpan(ni, j, bonus)
	return j
}

// emitSpan records the name in tokens [i, j) with its kind signals.
func (s *scanner) emitSpan(i, j int, titled int8) {
	toks := s.toks
	var ev evidence
	ev.person += titled
	allCommon := true
	for k := i; k < j; k++ {
		if !toks[k].is(fCap) {
			continue
		}
		w := s.base(k)
		if orgWords[w] {
			ev.org += 4
		}
		if !s.l.isCommon(w) || s.l.first[w] || s.known[w] {
			allCommon = false
		}
	}
	if placeWords[s.base(j-1)] {
		ev.place += 4
		ev.org -= 4
	}
	n := j - i
	if titled == 0 && allCommon && ev.org <= 0 && ev.place <= 0 {
		// "the Statement", "Foreign Ministers": capitalised common words
		// that are no name; "Acme Widgets" is one.
		if n == 1 && !s.cueAfter(j) {
			return
		}
		for k := i; k < j; k++ {
			if w := s.base(k); titleHeads[w] || titleHeads[strings.TrimSuffix(w, "s")] || roleWords[w] {
				return
			}
		}
	}
	single := n == 1
	if titled == 0 && single && !toks[i].is(fUpper) && s.adjectiveUse(i, j) {
		return
	}
	if s.l.first[s.word(i)] && n > 1 {
		ev.person += 3
	}
	// An acronym in parentheses after a long name: "Islamic Revolutionary Guard Corps (IRGC)".
	if j+2 < len(toks) && toks[j].r == '(' && toks[j+1].is(fUpper) && toks[j+2].r == ')' && n > 1 {
		ev.org += 4
		if s.acronyms == nil {
			s.acronyms = map[string]string{}
		}
		s.acronyms[s.word(j+1)] = s.spanName(i, j)
	}
	// A cue after the name: "Osmani said", "Osmani, who".
	if s.cueAfter(j) {
		switch {
		case toks[i].is(fUpper) && single:
			ev.org++
		case s.statementAfter(j):
			ev.org += 2
		default:
			ev.person += 2
		}
	}
	// An apposition: "Bujar Osmani, the foreign minister," or "Jane Doe, 45,".
	if j+1 < len(toks) && toks[j].r == ',' {
		if toks[j+1].is(fDigit) && j+2 < len(toks) && toks[j+2].r == ',' {
			ev.person += 2
		} else {
			for k := j + 1; k < j+6 && k < len(toks); k++ {
				if !toks[k].is(fWord) {
					break
				}
				if w := s.word(k); !toks[k].is(fCap) && len(s.l.titles[w]) > 0 && w != "head" {
					ev.person += 2
					break
				}
			}
		}
	}
	// A cue before: "said Bujar Osmani".
	if i > 0 && toks[i-1].is(fWord) && (s.word(i-1) == "said" || s.word(i-1) == "says") {
		ev.person += 2
	}
	if i > 0 && toks[i-1].is(fWord) {
		pw := s.word(i - 1)
		if pw == "the" {
			ev.org++
		} else if single && locatives[pw] {
			ev.place++
		}
	}
	if toks[i].is(fUpper) && single {
		ev.org++
	} else if n > 1 && !allCommon {
		ev.person++
	} else {
		ev.org++
	}
	if ev.person > ev.org && ev.person > ev.place && n > 1 {
		if s.known == nil {
			s.known = map[string]bool{}
		}
		for k := i; k < j; k++ {
			s.known[s.base(k)] = true
		}
	}
	s.cands = append(s.cands, cand{s: toks[i].s, e: toks[j-1].e, ent: -1, name: s.spanName(i, j), ntoks: n, ev: ev, credit: s.credit})
}

// cueAfter reports whether a speech verb follows token j: "Osmani said",
// "Osmani, who".
func (s *scanner) cueAfter(j int) bool {
	if j < len(s.toks) && s.toks[j].r == ',' {
		j++
	}
	return j < len(s.toks) && s.toks[j].is(fWord) && cueWords[s.word(j)]
}

// statementAfter reports whether "said in a statement" follows token j,
// as it does after organisations.
func (s *scanner) statementAfter(j int) bool {
	for k := j; k < j+6 && k < len(s.toks); k++ {
		if s.toks[k].is(fWord) && (s.word(k) == "statement" || s.word(k) == "spokesperson" || s.word(k) == "spokesman" || s.word(k) == "spokeswoman") {
			return true
		}
	}
	return false
}

// roleWords are capitalised plural roles that make a span no name:
// "Foreign Ministers", "Heads of State".
var roleWords = map[string]bool{"Heads": true, "Leaders": true, "Ministers": true, "Allies": true, "Members": true, "Officials": true}

// adjectiveUse reports whether a single unknown word is used as an
// adjective: "Euro-Atlantic area", "Kremlin-friendly", "Western countries".
func (s *scanner) adjectiveUse(i, j int) bool {
	if j >= len(s.toks) || !s.toks[j].is(fWord) || s.toks[j].is(fCap) || s.toks[i].is(fPoss) {
		return false
	}
	w := s.word(i)
	for _, suf := range []string{"ic", "an", "ian", "ese", "ish", "ern", "ist", "ite"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// spanName returns the words of tokens [i, j) without the final possessive,
// with runs of white space made single spaces.
func (s *scanner) spanName(i, j int) string {
	raw := s.text[s.toks[i].s:s.toks[j-1].b]
	if !strings.ContainsAny(raw, "\n\t\r  ") {
		return raw
	}
	return strings.Join(strings.Fields(raw), " ")
}

// hyphenParts records listed parties inside a hyphenated word whose other
// parts are not names: "pro-Russian", "Kremlin-backed", "NATO-led".
func (s *scanner) hyphenParts(i int) bool {
	t := s.toks[i]
	w := s.text[t.s:t.b]
	type part struct {
		s, e int
		ent  int32
	}
	var found [4]part
	nf := 0
	off := 0
	for off <= len(w) && nf < len(found) {
		k := strings.IndexAny(w[off:], "-‑")
		end := len(w)
		if k >= 0 {
			end = off + k
		}
		p := w[off:end]
		if p != "" {
			r, _ := utf8.DecodeRuneInString(p)
			if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf {
				matched := false
				for _, f := range s.l.gaz[p] {
					if len(f.toks) == 1 {
						found[nf] = part{off, end, f.ent}
						nf++
						matched = true
						break
					}
				}
				if !matched && (r >= 'A' && r <= 'Z') {
					return false // another name part: "Euro-Atlantic"
				}
			}
		}
		if k < 0 {
			break
		}
		off = end + 1
		if off < len(w) && w[end] != '-' {
			off = end + len("‑")
		}
	}
	for _, p := range found[:nf] {
		s.cands = append(s.cands, cand{s: t.s + int32(p.s), e: t.s + int32(p.e), ent: p.ent, credit: s.credit})
	}
	return nf > 0
}
