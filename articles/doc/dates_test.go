package doc

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// refDateRes and refFindDates are findDates by its definition: the three
// patterns run along the whole string.
var refDateRes = []*regexp.Regexp{
	regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`),
	regexp.MustCompile(`\b\d{1,2}(?:st|nd|rd|th)? (?:` + monthNames + `)\.?,? \d{4}\b`),
	regexp.MustCompile(`\b(?:` + monthNames + `)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b`),
}

func refFindDates(s string) []string {
	type hit struct {
		at int
		s  string
	}
	var hits []hit
	for _, re := range refDateRes {
		for _, m := range re.FindAllStringIndex(s, 4) {
			hits = append(hits, hit{m[0], s[m[0]:m[1]]})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.s
	}
	return out
}

// TestFindDatesMatchesDefinition holds findDates, which tries the patterns
// only around four-digit years, to the patterns run along the whole
// string, on hand-picked lines and on 200,000 random strings of date
// pieces.
func TestFindDatesMatchesDefinition(t *testing.T) {
	cases := []string{
		"Published 3 March 2024, updated March 4, 2024 at 10:00",
		"2024-03-05T10:00Z and 2024-3-5 and 12024-03-05 and x2024-03-05 and 2024-03-055",
		"on September. 30th, 2024 and Sept 1st 1999 and Dec. 25 2023",
		"the 21st March 2020 match; 1 March 20245; March 3 2024a; 33 March 2024",
		"5 March 2020, 6 March 2021, 7 March 2022, 8 March 2023, 9 March 2024",
		"2020-01-01 2021-01-01 2022-01-01 2023-01-01 2024-01-01",
		"abc1 March 2024 _1 March 2024 é1 March 2024 —1 March 2024",
		"Mar 3, 2024Mar 4, 2025", "May 2024", "May 12, 2024", "12 May, 2024",
	}
	pieces := []string{"1", "12", "123", "2024", "1999", "20245", "-", "03", "-05", " ", " ", ", ", ".", "st", "th",
		"March", "Mar", "Sept", "May", "a", "_", "é", "x", "\n", "30", "2024-03-05"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := findDates(s), refFindDates(s); !slices.Equal(got, want) {
			t.Fatalf("findDates(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestDatelineLikeKeepsEveryDateline: the cheap test before datelineRe
// never turns away a paragraph the pattern matches, over every paragraph
// and line of the examples and test articles, and over datelines written
// for it.
func TestDatelineLikeKeepsEveryDateline(t *testing.T) {
	lines := []string{"KYIV, Ukraine (AP) — x", "N.Y. — x", "O'HARE — x", "Kyiv (Reuters) - x", "ÉVORA, 3 March — x",
		"São Paulo, March 3 (AFP) - x", "Łódź (PAP) — x", "D.C. — x", "ESPOO, 6 February (Reuters) – Lumora"}
	for _, dir := range []string{"../../examples", "../testdata", "testdata"} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil || len(data) > 1<<20 {
				return nil
			}
			lines = append(lines, strings.Split(string(data), "\n")...)
			return nil
		})
	}
	matched := 0
	for _, s := range lines {
		if datelineRe.MatchString(s) {
			matched++
			if !datelineLike(s) {
				t.Errorf("datelineLike turned away a dateline: %q", s)
			}
		}
	}
	if matched < 9 {
		t.Errorf("only %d lines are datelines: the test is not testing", matched)
	}
}

// TestFieldCountMatchesFields holds fieldCount to strings.Fields on
// random strings of words, ASCII and Unicode spaces and other runes.
func TestFieldCountMatchesFields(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "é", "“", "\xff", ".", "\u0085"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100_000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := len(strings.Fields(s))
		for _, max := range []int{0, 4, 8, 16, 100} {
			if got := fieldCount(s, max); min(got, max+1) != min(want, max+1) || got > max+1 {
				t.Fatalf("fieldCount(%q, %d) = %d, strings.Fields finds %d", s, max, got, want)
			}
		}
	}
}

// TestAdLineKeepsEveryMatch: adLine's cheap tests never turn away a line
// adRe or leadMarkerRe matches, over every line of the examples and test
// articles and over labels written for it.
func TestAdLineKeepsEveryMatch(t *testing.T) {
	lines := []string{"Advertisement", "ADVERT", "Ad", "Sponsored content", "Story continues below advertisement",
		"Article continues below this ad", "Scroll down to continue reading", "Continue reading below", "Skip advertisement",
		"Read more: x", "READ ALSO » y", "See also | z", "Related: a", "Watch > b", "Listen: c", "More: d", "Recommended: e",
		"Click here: f", "Tags: g", "Topics: h", "Filed under: i", "Categories: j", "Read more   : spaced"}
	for _, dir := range []string{"../../examples", "../testdata", "testdata"} {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if data, err := os.ReadFile(path); err == nil && len(data) <= 1<<20 {
				for _, l := range strings.Split(string(data), "\n") {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
			return nil
		})
	}
	matched := 0
	for _, s := range lines {
		if len(s) < 200 && (adRe.MatchString(s) || leadMarkerRe.MatchString(s)) {
			matched++
			if !adLine(s) {
				t.Errorf("adLine turned away %q", s)
			}
		}
	}
	if matched < 23 {
		t.Errorf("only %d lines matched: the test is not testing", matched)
	}
}
