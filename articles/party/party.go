// Package party finds the named parties of an article: people,
// organisations, countries and places, with every mention.
//
// Known parties come from embedded reference lists (countries and
// territories with their forms and demonyms, cities and regions,
// international organisations, news agencies, titles, given names, common
// English words), loaded once on first use. Other names are found as spans
// of capitalised words and given a kind from what stands around them: a
// title before, a speech verb after, a word such as Ministry or Party
// inside.
package party

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"byline/articles/doc"
)

// Kind is the kind of a named party.
type Kind string

// Party kinds.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Country      Kind = "country"
	Place        Kind = "place"
)

// Party is one named party of an article with all its mentions.
type Party struct {
	Name       string // canonical name: "Russia", "NATO", "Bujar Osmani"
	Kind       Kind
	Aliases    []string   // other forms met in the text ("Russian", "Russia's", "Osmani"), without Name, in order of first use
	Mentions   []doc.Span // every mention in text order, including those in credits and captions
	CreditOnly bool       // every mention is in a caption, credit or boilerplate block: shown apart, never a top party
}

// Extract returns the parties named in text, in order of first mention.
// Mentions inside blocks that are not Analysed are kept, and a party named
// only there is CreditOnly. With no blocks each paragraph (text
// between blank lines) is a body block. Front matter and code blocks are not searched. Blocks that reach
// outside text are clipped to it.
func Extract(text string, blocks []doc.Block) []Party {
	if text == "" {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	s := &scanner{l: getLists(), text: text, cands: sc.cands[:0], toks: sc.toks[:0]}
	s.cands = slices.Grow(s.cands, len(text)/40+8)
	out := s.extract(blocks)
	if cap(s.toks) <= maxPooled && cap(s.cands) <= maxPooled {
		sc.toks, sc.cands = s.toks[:0], s.cands[:0]
		scratchPool.Put(sc)
	}
	return out
}

// scratch holds the token and mention buffers of an Extract call, kept
// for the next in scratchPool. Nothing Extract returns points into them.
type scratch struct {
	toks  []token
	cands []cand
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds the buffers kept in scratchPool, in elements: those of
// a long article are left to the collector.
const maxPooled = 1 << 14

// extract scans the blocks of s.text (paragraphs without blocks) and
// returns the parties; see Extract.
func (s *scanner) extract(blocks []doc.Block) []Party {
	text := s.text
	if len(blocks) == 0 {
		// Paragraphs are the blocks.
		s.toks = slices.Grow(s.toks, estimateTokens(maxParagraph(text)))
		for start := 0; start < len(text); {
			end := strings.Index(text[start:], "\n\n")
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			s.block(start, end, roleStory)
			start = end + 2
		}
		return s.parties()
	}
	longest := 0
	for _, b := range blocks {
		if b.Kind != doc.FrontMatter && b.Kind != doc.Code {
			start, end := clampSpan(text, b.Start, b.End)
			longest = max(longest, end-start)
		}
	}
	s.toks = slices.Grow(s.toks, estimateTokens(longest))
	for _, b := range blocks {
		if b.Kind == doc.FrontMatter || b.Kind == doc.Code {
			continue
		}
		start, end := clampSpan(text, b.Start, b.End)
		if start >= end {
			continue
		}
		role := roleStory
		switch {
		case b.Kind == doc.Credit || b.Kind == doc.Byline:
			role = roleNames
		case !b.Kind.Analysed():
			role = roleCredit
		}
		s.block(start, end, role)
	}
	return s.parties()
}

// estimateTokens returns about the number of tokens of n bytes of prose:
// a token every four bytes or so. The tokenizer grows its buffer for
// denser text.
func estimateTokens(n int) int { return n/4 + 16 }

// maxParagraph returns the length of the longest paragraph of text.
func maxParagraph(text string) int {
	longest := 0
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			return max(longest, len(text)-start)
		}
		longest = max(longest, end)
		start += end + 2
	}
	return longest
}

// clampSpan clips [start, end) to text and moves both ends to rune starts.
func clampSpan(text string, start, end int) (int, int) {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	for start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	for end < len(text) && end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	return start, end
}

// group is a party being assembled from mentions.
type group struct {
	name     string // canonical name for a listed party; best name so far otherwise
	ent      int32
	kind     Kind
	ev       evidence
	ntoks    int
	mentions []*cand // into scanner.cands
	n        int     // number of mentions before any merging
	merged   bool    // folded into another group
}

// parties groups the mentions into parties.
func (s *scanner) parties() []Party {
	l := s.l
	groups := make([]*group, 0, min(len(s.cands), 1024))
	// Listed parties are found by a linear search of their groups while
	// they are few (an article names a score or so), by a map after.
	var entBuf [32]*group
	entGroups := entBuf[:0]
	var byEnt map[int32]*group
	byName := make(map[string]*group, min(len(s.cands)/4, 256))
	var alliance []*cand
	// Groups come from chunks of a slab, and their mentions from one
	// buffer cut to the counts of a first pass: no allocation per group.
	var slab []group
	newGroup := func(g group) *group {
		if len(slab) == cap(slab) {
			slab = make([]group, 0, min(8+len(s.cands)/8, 1024))
		}
		slab = append(slab, g)
		return &slab[len(slab)-1]
	}
	of := make([]*group, len(s.cands)) // the group of each mention
	for i := range s.cands {
		c := &s.cands[i]
		var g *group
		switch {
		case c.alliance:
			alliance = append(alliance, c)
			continue
		case c.ent >= 0:
			if byEnt != nil {
				g = byEnt[c.ent]
			} else {
				for _, e := range entGroups {
					if e.ent == c.ent {
						g = e
						break
					}
				}
			}
			if g == nil {
				g = newGroup(group{name: l.ents[c.ent].name, ent: c.ent, kind: l.ents[c.ent].kind})
				if byEnt != nil {
					byEnt[c.ent] = g
				} else if entGroups = append(entGroups, g); len(entGroups) == cap(entBuf) {
					byEnt = make(map[int32]*group, 2*len(entGroups))
					for _, e := range entGroups {
						byEnt[e.ent] = e
					}
				}
				groups = append(groups, g)
			}
		default:
			name := s.name(c.name)
			g = byName[name]
			if g == nil {
				g = newGroup(group{name: name, ent: -1, ntoks: int(c.ntoks)})
				byName[name] = g
				groups = append(groups, g)
			}
			g.ev.person += c.ev.person
			g.ev.org += c.ev.org
			g.ev.place += c.ev.place
		}
		of[i] = g
		g.n++
	}
	buf := make([]*cand, len(s.cands)-len(alliance))
	for _, g := range groups {
		g.mentions, buf = buf[:0:g.n], buf[g.n:]
	}
	for i := range s.cands {
		if g := of[i]; g != nil {
			g.mentions = append(g.mentions, &s.cands[i])
		}
	}
	// "the Alliance" is NATO when NATO is named.
	if len(alliance) > 0 {
		for _, g := range groups {
			if g.ent >= 0 && g.name == "NATO" {
				g.mentions = append(g.mentions, alliance...)
				break
			}
		}
	}
	// An acronym defined in the text joins its expansion.
	for acr, name := range s.acronyms {
		a, full := byName[acr], byName[name]
		if a != nil && full != nil && a != full && !a.merged {
			full.absorb(a)
		}
	}
	for _, g := range groups {
		if g.ent < 0 && !g.merged {
			g.kind = g.ev.kind()
		}
	}
	// An acronym of a long name met in the text joins it: "BJP" and
	// "Bharatiya Janata Party".
	for _, g := range groups {
		if g.ent >= 0 || g.merged || g.ntoks < 2 || g.kind != Organization {
			continue
		}
		var buf [16]byte
		if a := byName[string(appendInitials(buf[:0], g.name))]; a != nil && a != g && !a.merged && a.ntoks == 1 {
			g.absorb(a)
		}
	}
	s.mergeNames(groups)
	out := make([]Party, 0, len(groups))
	// The parties' mentions are cut from one buffer, each to its own
	// capacity.
	total := 0
	for _, g := range groups {
		if !g.merged {
			total += len(g.mentions)
		}
	}
	spans := make([]doc.Span, total)
	for _, g := range groups {
		if g.merged {
			continue
		}
		out = append(out, g.party(s, spans[:0:len(g.mentions)]))
		spans = spans[len(g.mentions):]
	}
	slices.SortStableFunc(out, func(a, b Party) int { return cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start) })
	return out
}

// keyword reports whether a mention of the group carries a word that
// makes it an organisation or a place ("Ministry", "Sea").
func (g *group) keyword() bool {
	for _, c := range g.mentions {
		if c.kw {
			return true
		}
	}
	return false
}

func (g *group) absorb(o *group) {
	g.mentions = append(g.mentions, o.mentions...)
	o.merged = true
	o.mentions = nil
}

// party builds the Party of a group: mentions in text order without
// overlaps, aliases in order of first use. The mentions are appended to
// spans, which has room for all of the group's.
func (g *group) party(s *scanner, spans []doc.Span) Party {
	ms := g.mentions
	byStart := func(a, b *cand) int { return cmp.Compare(a.s, b.s) }
	if !slices.IsSortedFunc(ms, byStart) {
		slices.SortStableFunc(ms, byStart)
	}
	p := Party{Name: g.name, Kind: g.kind, CreditOnly: true}
	if g.ent < 0 {
		// The longest name met is the party's name.
		best := int32(0)
		for _, c := range ms {
			if c.ntoks > best {
				best = c.ntoks
				p.Name = s.name(c.name)
			}
		}
	}
	p.Mentions = spans
	var seen map[string]bool // the name and aliases, once they are many
	known := func(f string) bool {
		if seen != nil {
			return seen[f]
		}
		return f == p.Name || slices.Contains(p.Aliases, f)
	}
	end := int32(-1)
	for _, c := range ms {
		if c.s < end {
			continue
		}
		end = c.e
		p.Mentions = append(p.Mentions, doc.Span{Start: int(c.s), End: int(c.e)})
		if !c.credit {
			p.CreditOnly = false
		}
		form := s.text[c.s:c.e]
		if hasLineSpace(form) {
			form = strings.Join(strings.Fields(form), " ")
		}
		alias := ""
		if c.alias > 0 {
			alias = s.aliases[c.alias-1]
		}
		for _, f := range [2]string{form, alias} {
			if f != "" && !known(f) {
				p.Aliases = append(p.Aliases, f)
				if seen != nil {
					seen[f] = true
				} else if len(p.Aliases) > 8 {
					// Many forms: a linear search would be quadratic.
					seen = make(map[string]bool, 2*len(p.Aliases))
					seen[p.Name] = true
					for _, a := range p.Aliases {
						seen[a] = true
					}
				}
			}
		}
	}
	return p
}

// hasLineSpace reports whether s holds a line break, tab or carriage return.
func hasLineSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' {
			return true
		}
	}
	return false
}

// appendInitials appends the capital initials of a name's words to dst:
// "Bharatiya Janata Party" → "BJP"; nothing for a name of fewer than two.
// Words are split as strings.Fields splits them.
func appendInitials(dst []byte, name string) []byte {
	start := len(dst)
	inWord := false
	for i := 0; i < len(name); {
		c := name[i]
		size := 1
		space := asciiSpace[c] != 0
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(name[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !inWord && 'A' <= c && c <= 'Z' {
			dst = append(dst, c)
		}
		inWord = !space
		i += size
	}
	if len(dst)-start < 2 {
		return dst[:start]
	}
	return dst
}

// asciiSpace marks the ASCII bytes strings.Fields splits at.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// mergeNames folds short forms into the full names met in the article: a
// surname or given name into a person's name ("Osmani" → "Bujar Osmani",
// "Yoon" → "Yoon Suk Yeol"), a first word into an organisation's name
// ("Castleford" → "Castleford Town", "Oxford" → "University of Oxford").
// A short form that fits more than one name is left alone. Names are
// indexed by their words, so this is linear in the number of groups.
func (s *scanner) mergeNames(groups []*group) {
	people, orgs := 0, 0
	for _, p := range groups {
		if p.ent >= 0 || p.merged || p.ntoks < 2 {
			continue
		}
		switch p.kind {
		case Person:
			people++
		case Organization:
			orgs++
		}
	}
	if people+orgs == 0 {
		return // no full name to fold a short form into
	}
	bySuffix := map[string]groupSet{} // lower-cased last 1–3 words → people
	byFirst := map[string]groupSet{}  // first word → people
	orgBy := map[string]groupSet{}    // first word, and the X of "… of X" → organisations
	add := func(m map[string]groupSet, key string, p *group) {
		gs := m[key]
		if gs.one == nil {
			gs.one = p
		} else {
			gs.more = append(gs.more, p)
		}
		m[key] = gs
	}
	for _, p := range groups {
		if p.ent >= 0 || p.merged || p.ntoks < 2 {
			continue
		}
		var wbuf [8]string
		words := appendFields(wbuf[:0], p.name)
		switch p.kind {
		case Person:
			for k := 1; k <= 3 && k < len(words); k++ {
				var key string
				if tail, ok := joinedTail(p.name, words, k); ok {
					key = strings.ToLower(tail) // the words as joined, without a copy
				} else {
					key = strings.ToLower(strings.Join(words[len(words)-k:], " "))
				}
				add(bySuffix, key, p)
			}
			add(byFirst, words[0], p)
		case Organization:
			add(orgBy, words[0], p)
			if n := len(words); n >= 3 && words[n-2] == "of" && words[n-1] != words[0] {
				add(orgBy, words[n-1], p)
			}
		}
	}
	// only returns the one group of ps other than g, longer than g and not
	// merged, or nil.
	only := func(g *group, ps groupSet) *group {
		var into *group
		for k := -1; k < len(ps.more); k++ {
			p := ps.one
			if k >= 0 {
				p = ps.more[k]
			}
			if p == nil {
				break // an empty set
			}
			if p == g || p.merged || p.ntoks <= g.ntoks {
				continue
			}
			if into != nil && into != p {
				return nil
			}
			into = p
		}
		return into
	}
	for _, g := range groups {
		if g.ent >= 0 || g.merged || g.ntoks > 3 || g.keyword() {
			continue
		}
		var lbuf [32]byte
		suffixOf := bySuffix[string(appendLower(lbuf[:0], g.name))]
		if p := only(g, suffixOf); p != nil {
			p.absorb(g)
		} else if g.ntoks == 1 && suffixOf.one == nil {
			if p := only(g, byFirst[g.name]); p != nil {
				p.absorb(g)
			}
		}
	}
	for _, g := range groups {
		if g.ent >= 0 || g.merged || g.ntoks != 1 || g.kind == Person {
			continue
		}
		if p := only(g, orgBy[g.name]); p != nil {
			p.absorb(g)
		}
	}
}

// groupSet is the groups of one key of mergeNames' indexes, in the order
// added: most keys have one, which needs no slice.
type groupSet struct {
	one  *group   // the first, nil for none
	more []*group // the others
}

// appendFields appends the words of s, split as strings.Fields splits
// them, to dst.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst, strings.Fields(s)...)
		}
		if asciiSpace[c] != 0 {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// joinedTail returns the last k of words, the words of name, joined by
// spaces as a piece of name, when name has them so.
func joinedTail(name string, words []string, k int) (string, bool) {
	tail := name[len(name)-len(words[len(words)-1]):]
	if tail != words[len(words)-1] {
		return "", false
	}
	for j := len(words) - 2; j >= len(words)-k; j-- {
		n := len(tail) + 1 + len(words[j])
		if n > len(name) || name[len(name)-n:len(name)-len(tail)-1] != words[j] || name[len(name)-len(tail)-1] != ' ' {
			return "", false
		}
		tail = name[len(name)-n:]
	}
	return tail, true
}

// appendLower appends s lower-cased as strings.ToLower does to dst.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
