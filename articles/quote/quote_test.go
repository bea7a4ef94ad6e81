package quote

import (
	"os"
	"strings"
	"testing"

	"byline/articles/doc"
)

// body splits text at blank lines into blocks; the first is the headline
// when headline is true.
func body(text string, headline bool) []doc.Block {
	bs := paragraphs(text)
	if headline && len(bs) > 0 {
		bs[0].Kind = doc.Headline
	}
	return bs
}

type want struct {
	text    string // Quote.Text
	speaker string
	kind    Kind
}

func check(t *testing.T, text string, got []Quote, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, q := range got {
			t.Logf("got %s %q speaker %q", q.Kind, q.Text(text), q.Speaker)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		q := got[i]
		if q.Text(text) != w.text {
			t.Errorf("quote %d: got text %q, want %q", i, q.Text(text), w.text)
		}
		if q.Speaker != w.speaker {
			t.Errorf("quote %d (%q): got speaker %q, want %q", i, w.text, q.Speaker, w.speaker)
		}
		k := w.kind
		if k == "" {
			k = Direct
		}
		if q.Kind != k {
			t.Errorf("quote %d (%q): got kind %s, want %s", i, w.text, q.Kind, k)
		}
	}
}

func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../../../shared/seed-article.txt")
	if err != nil {
		t.Skipf("seed article not found: %v", err)
	}
	text := string(data)
	blocks := body(text, true)
	// the caption and credit lines under the headline
	for i := range blocks {
		if strings.HasPrefix(text[blocks[i].Start:], "NATO Summit Madrid") {
			blocks[i].Kind = doc.Credit
		}
		if strings.HasPrefix(text[blocks[i].Start:], "Video of the day") {
			blocks[i].Kind = doc.Boilerplate
		}
	}
	got := Find(text, blocks, nil)
	check(t, text, got, []want{
		{"We will never recognize Russia's illegal annexation", "the NATO allies", Direct},
		{"Russian aggression, including its persistent attacks on Ukrainian civilian and energy infrastructure, is depriving millions of Ukrainians of basic services.", "NATO foreign ministers", Direct},
		{"It affects the world's food supply and threatens the world's most vulnerable countries and peoples.", "the joint statement", Direct},
		{"Russia's unacceptable actions, including hybrid activities, energy blackmail and reckless nuclear rhetoric, undermine the rules-based international order", "the joint statement", Direct},
		{"Russia's cruelty towards the civilian population in Ukraine and the violation and abuse of human rights, such as forced deportations, torture and barbaric treatment of women, children and people in difficult situations", "The ministers", Direct},
		{"All those responsible for war crimes, including conflict-related sexual violence, must be held accountable. We also condemn all, including Belarus, who are actively aiding Russia's war of aggression against Ukraine", "the statement", Direct},
		{"while it continues to defend its sovereignty and territorial integrity and common values from Russian aggression.", "The heads of diplomacy", Direct},
		{"as long as it is necessary", "The heads of diplomacy", Direct},
		{"Given that the Western Balkans and Black Sea regions are of strategic importance to the Alliance, we welcome our meeting with the Foreign Ministers of NATO partners Bosnia and Herzegovina, Georgia and Moldova, as NATO steps up its support for building their integrity and endurance and preservation of their political independence", "Bujar Osmani", Direct},
		{"it will continue to protect the population of its members and at all times defend every inch of the territory of the allies", "the ministers of the NATO members", Direct},
		{"We remain committed to preparing for, deterring and defending against enemy attacks on critical allied infrastructure.", "the joint statement", Direct},
		{"The Allies will respond to every attack uniquely and decisively", "the joint statement", Direct},
	})
	// with parties, speakers are canonical names
	parties := []Party{
		{Name: "NATO", Kind: "organization", Mentions: mentionsOf(text, "NATO")},
		{Name: "Bujar Osmani", Kind: "person", Mentions: mentionsOf(text, "Bujar Osmani")},
	}
	got = Find(text, blocks, parties)
	if got[0].Speaker != "NATO" {
		t.Errorf("headline with parties: got speaker %q, want NATO", got[0].Speaker)
	}
	if got[8].Speaker != "Bujar Osmani" {
		t.Errorf("Osmani paragraph with parties: got speaker %q, want Bujar Osmani", got[8].Speaker)
	}
}

func mentionsOf(text, s string) []doc.Span {
	var out []doc.Span
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			return out
		}
		out = append(out, doc.Span{Start: i + j, End: i + j + len(s)})
		i += j + len(s)
	}
}
