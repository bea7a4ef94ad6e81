package party

import (
	"slices"
	"strings"
	"testing"

	"byline/articles/doc"
)

// wantParty is what a trap test expects of one party; zero fields are not checked.
type wantParty struct {
	name     string
	kind     Kind
	aliases  []string
	mentions int
	credit   bool
}

// trap is one table case: text (paragraphs split at blank lines, kinds by
// index), the parties it must yield and the words that must not be parties.
type trap struct {
	name  string
	text  string
	kinds map[int]doc.Kind
	want  []wantParty
	not   []string
}

func paragraphs(text string, kinds map[int]doc.Kind) []doc.Block {
	var bs []doc.Block
	n := 0
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		k, ok := kinds[n]
		if !ok {
			k = doc.Body
		}
		bs = append(bs, doc.Block{Span: doc.Span{Start: start, End: end}, Kind: k})
		n++
		start = end + 2
	}
	return bs
}

func runTraps(t *testing.T, traps []trap) {
	t.Helper()
	for _, tc := range traps {
		t.Run(tc.name, func(t *testing.T) {
			ps := Extract(tc.text, paragraphs(tc.text, tc.kinds))
			checkValid(t, tc.text, ps)
			for _, w := range tc.want {
				p := find(ps, w.name)
				if p == nil {
					t.Errorf("party %q: not found; got %v", w.name, names(ps))
					continue
				}
				if p.Name != w.name {
					t.Errorf("party %q: got name %q, want %q", w.name, p.Name, w.name)
				}
				if w.kind != "" && p.Kind != w.kind {
					t.Errorf("party %q: got kind %s, want %s", w.name, p.Kind, w.kind)
				}
				for _, a := range w.aliases {
					if !slices.Contains(p.Aliases, a) {
						t.Errorf("party %q: got aliases %q, want %q among them", w.name, p.Aliases, a)
					}
				}
				if w.mentions > 0 && len(p.Mentions) != w.mentions {
					t.Errorf("party %q: got %d mentions, want %d", w.name, len(p.Mentions), w.mentions)
				}
				if p.CreditOnly != w.credit {
					t.Errorf("party %q: got CreditOnly %v, want %v", w.name, p.CreditOnly, w.credit)
				}
				// Every mention reads as the name or one of the aliases.
				for _, m := range p.Mentions {
					got := strings.Join(strings.Fields(tc.text[m.Start:m.End]), " ")
					if got != p.Name && !slices.Contains(p.Aliases, got) {
						t.Errorf("party %q: mention %q is neither name nor alias %q", p.Name, got, p.Aliases)
					}
				}
			}
			for _, n := range tc.not {
				if p := find(ps, n); p != nil {
					t.Errorf("%q: got party %q (%s), want none", n, p.Name, p.Kind)
				}
			}
		})
	}
}

func names(ps []Party) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+"/"+string(p.Kind))
	}
	return out
}

func TestTrapsCapitals(t *testing.T) {
	runTraps(t, []trap{
		{name: "sentence-initial words", text: "However, the plan failed. The talks ended. Given the delay, Heads of department met. Statement follows.",
			not: []string{"However", "The", "Given", "Heads", "Statement"}},
		{name: "headline-case credit line", text: "NATO Summit Madrid Group Free Press\n\nVideo of the day",
			kinds: map[int]doc.Kind{0: doc.Caption, 1: doc.Boilerplate},
			want:  []wantParty{{name: "NATO", kind: Organization, credit: true}, {name: "Madrid", kind: Place, credit: true}},
			not:   []string{"Summit", "Group", "Free Press", "Video"}},
		{name: "headline of a story", text: "Osmani Meets Lavrov as Talks Resume in Skopje\n\nThe talks resumed.",
			kinds: map[int]doc.Kind{0: doc.Headline},
			want:  []wantParty{{name: "Skopje", kind: Place}},
			not:   []string{"Meets", "Talks", "Resume", "Meets Lavrov"}},
		{name: "months and weekdays", text: "On Monday, officials met again in May. March organisers said Friday was too late, and by December nothing had changed.",
			not: []string{"Monday", "May", "March", "Friday", "December"}},
		{name: "acronyms with dots", text: "The U.N. and the U.S. disagreed, a U.K. diplomat said.",
			want: []wantParty{{name: "United Nations", kind: Organization, aliases: []string{"U.N."}}, {name: "United States", kind: Country, aliases: []string{"U.S."}}, {name: "United Kingdom", kind: Country, aliases: []string{"U.K."}}}},
		{name: "particles", text: "Ursula von der Leyen met the heirs of Charles de Gaulle. Later von der Leyen flew home.",
			want: []wantParty{{name: "Ursula von der Leyen", kind: Person, mentions: 2}, {name: "Charles de Gaulle", kind: Person}},
			not:  []string{"Ursula", "Leyen", "Gaulle"}},
		{name: "particle name in mid-sentence", text: "Ursula von der Leyen spoke. Later von der Leyen flew home.",
			want: []wantParty{{name: "Ursula von der Leyen", kind: Person, aliases: []string{"von der Leyen"}, mentions: 2}}},
		{name: "hyphenated names", text: "Photo: EPA-EFE / Tomasz Wiech\n\nCoca-Cola said pro-Russian groups and Kremlin-backed media attacked it.",
			kinds: map[int]doc.Kind{0: doc.Credit},
			want:  []wantParty{{name: "EPA-EFE", kind: Organization, credit: true}, {name: "Tomasz Wiech", kind: Person, credit: true}, {name: "Coca-Cola", kind: Organization}, {name: "Russia", aliases: []string{"Russian"}}, {name: "Kremlin", kind: Organization}},
			not:   []string{"EPA", "EFE", "pro-Russian", "Kremlin-backed"}},
		{name: "possessives", text: "NATO's chief spoke after Russia's army advanced and Bujar Osmani's office replied.",
			want: []wantParty{{name: "NATO", aliases: []string{"NATO's"}}, {name: "Russia", aliases: []string{"Russia's"}}, {name: "Bujar Osmani", kind: Person, aliases: []string{"Bujar Osmani's"}}}},
		{name: "common words by context", text: "Georgia said it would apply. Will the talks succeed? Will Smith said no, and Mark Rose agreed with the mark.",
			want: []wantParty{{name: "Georgia", kind: Country}, {name: "Will Smith", kind: Person}, {name: "Mark Rose", kind: Person}},
			not:  []string{"Will", "Mark"}},
		{name: "dateline in capitals", text: "KYIV, Ukraine (AP) — Officials said the grid held.\n\nNEW DELHI: The rains came.",
			want: []wantParty{{name: "Kyiv", kind: Place}, {name: "Ukraine", kind: Country}, {name: "AP", kind: Organization}, {name: "New Delhi", kind: Place}},
			not:  []string{"Officials"}},
		{name: "events and codes are no parties", text: "He won the Grand Slam and the Nobel Prize, flew an F-16 and took the R21 vaccine, as NGOs and MPs watched.",
			not: []string{"Grand Slam", "Nobel Prize", "F-16", "R21", "NGOs", "MPs"}},
	})
}

func TestTrapsKinds(t *testing.T) {
	runTraps(t, []trap{
		{name: "title makes a person", text: "Foreign Minister Bujar Osmani arrived, and Kremlin spokesman Dmitry Peskov and Secretary of State Antony Blinken spoke. Prime Minister Zorana Kell of Canada agreed.",
			want: []wantParty{{name: "Bujar Osmani", kind: Person}, {name: "Dmitry Peskov", kind: Person}, {name: "Antony Blinken", kind: Person}, {name: "Zorana Kell", kind: Person}, {name: "Canada", kind: Country}},
			not:  []string{"Foreign Minister", "Prime Minister", "Secretary of State"}},
		{name: "cue verb makes a person", text: "Quentin Aldersey said the deal was done. \"It is fine,\" said Ilse Brandvold.",
			want: []wantParty{{name: "Quentin Aldersey", kind: Person}, {name: "Ilse Brandvold", kind: Person}}},
		{name: "given name makes a person", text: "Shares rose after Maria Kowalczyk joined the board.",
			want: []wantParty{{name: "Maria Kowalczyk", kind: Person}}},
		{name: "keyword makes an organisation", text: "The Ministry of Defence and the Freedom Party met officials from Halvard Shipping and the Department for Transport.",
			want: []wantParty{{name: "Ministry of Defence", kind: Organization}, {name: "Freedom Party", kind: Organization}, {name: "Halvard Shipping", kind: Organization}, {name: "Department for Transport", kind: Organization}}},
		{name: "acronym in parentheses", text: "The Islamic Revolutionary Guard Corps (IRGC) was blamed. The IRGC denied it.",
			want: []wantParty{{name: "Islamic Revolutionary Guard Corps", kind: Organization, aliases: []string{"IRGC"}, mentions: 3}}},
		{name: "lists decide countries and places", text: "Finland and Sweden joined, and ministers met in Bucharest by the Black Sea.",
			want: []wantParty{{name: "Finland", kind: Country}, {name: "Sweden", kind: Country}, {name: "Bucharest", kind: Place}, {name: "Black Sea", kind: Place}}},
		{name: "places by context", text: "Fire crews in Wetherholt and Stannock Vale were called to the village of Pellisham.",
			want: []wantParty{{name: "Wetherholt", kind: Place}, {name: "Pellisham", kind: Place}}},
		{name: "listed name before an organisation", text: "The Kenya Red Cross Society and the Russian Defence Ministry said the U.S. State Department was wrong.",
			want: []wantParty{{name: "Kenya Red Cross Society", kind: Organization}, {name: "Russian Defence Ministry", kind: Organization}, {name: "United States", kind: Country, aliases: []string{"U.S."}}, {name: "State Department", kind: Organization}}},
	})
}

func TestTrapsMerging(t *testing.T) {
	runTraps(t, []trap{
		{name: "demonyms and possessives into the country", text: "Russian troops crossed. Russia's army and the Russians said Russia would stay.",
			want: []wantParty{{name: "Russia", kind: Country, aliases: []string{"Russian", "Russia's", "Russians"}, mentions: 4}}},
		{name: "Macedonian into North Macedonia", text: "Macedonian Minister Bujar Osmani spoke.",
			want: []wantParty{{name: "North Macedonia", kind: Country, aliases: []string{"Macedonian"}}, {name: "Bujar Osmani", kind: Person}}},
		{name: "surname into the full name", text: "Bujar Osmani arrived. Osmani said the talks were useful, and Osmani left.",
			want: []wantParty{{name: "Bujar Osmani", kind: Person, aliases: []string{"Osmani"}, mentions: 3}}},
		{name: "surname met first, in the headline", text: "Kessler resigns\n\nLaura Kessler resigned on Monday. Kessler said she was tired.",
			kinds: map[int]doc.Kind{0: doc.Headline},
			want:  []wantParty{{name: "Laura Kessler", kind: Person, mentions: 3}}},
		{name: "family name first", text: "President Yoon Suk Yeol spoke. Yoon's party objected.",
			want: []wantParty{{name: "Yoon Suk Yeol", kind: Person, aliases: []string{"Yoon's"}, mentions: 2}}},
		{name: "acronym and expansion", text: "The North Atlantic Treaty Organization (NATO) met. NATO said more. The Aam Aadmi Party lost, and the AAP conceded.",
			want: []wantParty{{name: "NATO", kind: Organization, aliases: []string{"North Atlantic Treaty Organization"}, mentions: 3}, {name: "Aam Aadmi Party", kind: Organization, aliases: []string{"AAP"}, mentions: 2}}},
		{name: "the Alliance into NATO", text: "NATO allies met. Sweden was invited to join the Alliance.",
			want: []wantParty{{name: "NATO", kind: Organization, aliases: []string{"Alliance"}, mentions: 2}},
			not:  []string{"allies"}},
		{name: "the Alliance without NATO", text: "Sweden was invited to join the Alliance.",
			not: []string{"Alliance", "NATO"}},
		{name: "short form of an organisation", text: "Castleford Town lost. Castleford will appeal.",
			want: []wantParty{{name: "Castleford Town", kind: Organization, mentions: 2}}},
		{name: "credit-only party", text: "Storm hits coast\n\nPhoto: Reuters / Ana Lind\n\nThe storm hit Lisbon. Reuters reported it first.",
			kinds: map[int]doc.Kind{0: doc.Headline, 1: doc.Credit},
			want:  []wantParty{{name: "Ana Lind", kind: Person, credit: true}, {name: "Reuters", kind: Organization, credit: false, mentions: 2}, {name: "Lisbon", kind: Place}}},
	})
}

func TestExtractEdges(t *testing.T) {
	if got := Extract("", nil); got != nil {
		t.Errorf("Extract(\"\"): got %v, want nil", got)
	}
	text := "Bujar Osmani met NATO."
	// Blocks that reach outside the text or cut a rune are clipped.
	for _, bs := range [][]doc.Block{
		{{Span: doc.Span{Start: -5, End: 1 << 20}, Kind: doc.Body}},
		{{Span: doc.Span{Start: 10, End: 3}, Kind: doc.Body}},
		{{Span: doc.Span{Start: 0, End: len(text)}, Kind: doc.FrontMatter}},
	} {
		ps := Extract(text, bs)
		checkValid(t, text, ps)
	}
	ps := Extract(text, []doc.Block{{Span: doc.Span{Start: 0, End: len(text)}, Kind: doc.Code}})
	if len(ps) != 0 {
		t.Errorf("code block: got %v, want no parties", names(ps))
	}
	// A block that starts inside a rune.
	text = "Ärzte in München said Bujar Osmani was right."
	ps = Extract(text, []doc.Block{{Span: doc.Span{Start: 1, End: len(text) - 1}, Kind: doc.Body}})
	checkValid(t, text, ps)
}
