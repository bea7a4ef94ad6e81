package party

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"byline/articles/doc"
)

// goldParty is one annotated party of a gold article.
type goldParty struct {
	Name    string   `json:"name"`
	Kind    Kind     `json:"kind"`
	Aliases []string `json:"aliases"`
	Credit  bool     `json:"credit"`
}

// goldFile is the annotation of one gold article; see testdata/parties/README.md.
type goldFile struct {
	Blocks  map[string]string `json:"blocks"`
	Parties []goldParty       `json:"parties"`
	Places  []goldParty       `json:"places"`
}

var blockKinds = map[string]doc.Kind{
	"body": doc.Body, "headline": doc.Headline, "heading": doc.Heading, "caption": doc.Caption,
	"credit": doc.Credit, "byline": doc.Byline, "dateline": doc.Dateline, "boilerplate": doc.Boilerplate,
}

// paragraphBlocks makes a block of each paragraph of text (split at blank
// lines), of the kind the annotation gives its index (-1 the last).
func paragraphBlocks(t *testing.T, text string, kinds map[string]string) []doc.Block {
	var bs []doc.Block
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s := strings.TrimSpace(text[start:end]); s != "" {
			bs = append(bs, doc.Block{Span: doc.Span{Start: start, End: end}, Kind: doc.Body})
		}
		start = end + 2
	}
	for k, v := range kinds {
		i, err := strconv.Atoi(k)
		if err != nil {
			t.Fatalf("block index %q: %v", k, err)
		}
		if i < 0 {
			i += len(bs)
		}
		kind, ok := blockKinds[v]
		if !ok || i < 0 || i >= len(bs) {
			t.Fatalf("block %q: kind %q or index out of range", k, v)
		}
		bs[i].Kind = kind
	}
	return bs
}

// score counts matches between found and gold parties: a found party
// matches a gold one when their names or aliases meet, each used once.
type score struct {
	found, gold, matched, kindOK int
}

func (s score) f1() (p, r, f float64) {
	if s.found > 0 {
		p = float64(s.matched) / float64(s.found)
	}
	if s.gold > 0 {
		r = float64(s.matched) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func forms(name string, aliases []string) map[string]bool {
	m := map[string]bool{strings.ToLower(name): true}
	for _, a := range aliases {
		m[strings.ToLower(a)] = true
	}
	return m
}

// match scores found against gold and returns the unmatched of each.
func match(found []Party, gold []goldParty) (s score, missed []goldParty, extra []Party) {
	s.found, s.gold = len(found), len(gold)
	used := make([]bool, len(found))
	for _, g := range gold {
		gf := forms(g.Name, g.Aliases)
		hit := -1
		for i, f := range found {
			if used[i] {
				continue
			}
			ff := forms(f.Name, f.Aliases)
			for k := range ff {
				if gf[k] {
					hit = i
					break
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			missed = append(missed, g)
			continue
		}
		used[hit] = true
		s.matched++
		if found[hit].Kind == g.Kind || g.Kind == "" {
			s.kindOK++
		}
	}
	for i, f := range found {
		if !used[i] {
			extra = append(extra, f)
		}
	}
	return s, missed, extra
}

// TestGold scores Extract on the gold articles of testdata/parties: it
// fails below a party F1 of 0.92 and reports kind accuracy and the places'
// score.
func TestGold(t *testing.T) {
	files, err := filepath.Glob("testdata/parties/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("gold set: got %d articles, want at least 25", len(files))
	}
	var total, places score
	for _, jf := range files {
		name := strings.TrimSuffix(filepath.Base(jf), ".json")
		var g goldFile
		b, err := os.ReadFile(jf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", jf, err)
		}
		tb, err := os.ReadFile(strings.TrimSuffix(jf, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		text := string(tb)
		ps := Extract(text, paragraphBlocks(t, text, g.Blocks))
		checkValid(t, text, ps)
		var fp, fpl []Party
		for _, p := range ps {
			if p.Kind == Place {
				fpl = append(fpl, p)
			} else {
				fp = append(fp, p)
			}
		}
		s, missed, extra := match(fp, g.Parties)
		total.found += s.found
		total.gold += s.gold
		total.matched += s.matched
		total.kindOK += s.kindOK
		sp, _, _ := match(fpl, g.Places)
		places.found += sp.found
		places.gold += sp.gold
		places.matched += sp.matched
		for _, m := range missed {
			t.Logf("%s: missed %s %q", name, m.Kind, m.Name)
		}
		for _, e := range extra {
			t.Logf("%s: extra %s %q %q", name, e.Kind, e.Name, e.Aliases)
		}
		if testing.Verbose() {
			_, _, f := s.f1()
			t.Logf("%s: F1 %.3f", name, f)
		}
	}
	p, r, f := total.f1()
	kindAcc := float64(total.kindOK) / float64(max(1, total.matched))
	t.Logf("parties: %d gold, %d found, %d matched: precision %.3f recall %.3f F1 %.3f; kind accuracy %.3f (%d/%d)",
		total.gold, total.found, total.matched, p, r, f, kindAcc, total.kindOK, total.matched)
	pp, pr, pf := places.f1()
	t.Logf("places: %d gold, %d found, %d matched: precision %.3f recall %.3f F1 %.3f", places.gold, places.found, places.matched, pp, pr, pf)
	if f < 0.92 {
		t.Errorf("party F1 %.3f, want at least 0.92", f)
	}
	if kindAcc < 0.90 {
		t.Logf("kind accuracy %.3f is below the 0.90 target", kindAcc)
	}
}
