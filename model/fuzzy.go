package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// query is a parsed list filter: "party:Russia nato summit" restricts the
// list to articles naming the party Russia, then matches the terms fuzzily
// against titles and parties. A party name with spaces is written in
// double quotes: party:"Bujar Osmani".
type query struct {
	party string   // the party: restriction as typed; "" for none
	terms []string // lower-cased fuzzy terms; all must match
}

// parseQuery parses the text of the filter input.
func parseQuery(s string) query {
	var q query
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		tok := s
		if strings.HasPrefix(strings.ToLower(s), "party:") {
			rest := s[len("party:"):]
			if strings.HasPrefix(rest, `"`) {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					q.party, s = strings.TrimSpace(rest[1:]), ""
				} else {
					q.party, s = strings.TrimSpace(rest[1:1+end]), rest[2+end:]
				}
				continue
			}
			if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
				q.party, s = rest[:i], rest[i:]
			} else {
				q.party, s = rest, ""
			}
			continue
		}
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			tok, s = s[:i], s[i:]
		} else {
			s = ""
		}
		q.terms = append(q.terms, strings.ToLower(tok))
	}
	return q
}

// String returns the query in the form parseQuery reads.
func (q query) String() string {
	var parts []string
	if q.party != "" {
		parts = append(parts, partyToken(q.party))
	}
	parts = append(parts, q.terms...)
	return strings.Join(parts, " ")
}

// empty reports whether the query filters nothing.
func (q query) empty() bool { return q.party == "" && len(q.terms) == 0 }

// partyToken returns "party:NAME", quoting NAME when it has spaces.
func partyToken(name string) string {
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return `party:"` + name + `"`
	}
	return "party:" + name
}

// fuzzyScore scores how well the lower-cased pattern matches the lower-cased
// haystack as a subsequence: ok is false when it does not. Matched runes
// score more when they follow the previous match, start a word or start the
// haystack; gaps cost a little. Several starting points are tried so that
// "nato" prefers the word NATO over n…a…t…o scattered through a title.
func fuzzyScore(pattern, hay string) (score int, ok bool) {
	if pattern == "" {
		return 0, true
	}
	if !subsequence(pattern, hay) {
		return 0, false // the common case over a big list: cheap
	}
	first, _ := utf8.DecodeRuneInString(pattern)
	best, found := 0, false
	tries := 0
	for i := 0; i < len(hay) && tries < 8; {
		j := strings.IndexRune(hay[i:], first)
		if j < 0 {
			break
		}
		start := i + j
		if s, ok := fuzzyFrom(pattern, hay, start); ok && (!found || s > best) {
			best, found = s, true
		}
		tries++
		_, w := utf8.DecodeRuneInString(hay[start:])
		i = start + w
	}
	return best, found
}

// subsequence reports whether the runes of pattern occur in hay in order.
func subsequence(pattern, hay string) bool {
	for _, r := range pattern {
		i := strings.IndexRune(hay, r)
		if i < 0 {
			return false
		}
		_, w := utf8.DecodeRuneInString(hay[i:])
		hay = hay[i+w:]
	}
	return true
}

// fuzzyFrom matches pattern greedily in hay from byte offset start. The
// match is refused when it is scattered: the gaps it skips before runes
// that do not start a word may add up to at most as many bytes as the
// pattern has runes. So "ecomm" finds "european commission" (the gap ends
// at a word start), "brdr" finds "border", and "frost" does not find
// "f…r…o…s…t" spread over a title.
func fuzzyFrom(pattern, hay string, start int) (int, bool) {
	score := 0
	prev := -2 // byte offset of the previous matched rune
	stray := 0 // bytes skipped before matches inside words
	i := start
	for _, pr := range pattern {
		j := strings.IndexRune(hay[i:], pr)
		if j < 0 {
			return 0, false
		}
		i += j
		s := 1
		ws := i == 0 || wordStart(hay, i)
		switch {
		case i == 0:
			s += 10
		case ws:
			s += 8
		}
		if prev >= 0 && prevRuneEnd(hay, prev) == i {
			s += 5
		} else if prev >= 0 {
			gap := i - prevRuneEnd(hay, prev)
			s -= min(3, gap)
			if !ws {
				stray += gap
			}
		}
		score += s
		prev = i
		_, w := utf8.DecodeRuneInString(hay[i:])
		i += w
	}
	if stray > utf8.RuneCountInString(pattern) {
		return 0, false
	}
	return score, true
}

func prevRuneEnd(s string, i int) int {
	_, w := utf8.DecodeRuneInString(s[i:])
	return i + w
}

func wordStart(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// matchTerms scores all terms against hay; ok is false when any misses.
func matchTerms(terms []string, hay string) (int, bool) {
	total := 0
	for _, t := range terms {
		s, ok := fuzzyScore(t, hay)
		if !ok {
			return 0, false
		}
		total += s
	}
	return total, true
}
