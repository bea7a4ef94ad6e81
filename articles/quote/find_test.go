package quote

import (
	"strings"
	"testing"

	"byline/articles/doc"
)

// wantQuote is an expected quote: span is the exact text its Span covers
// (found after the previous quote), text what Quote.Text returns.
type wantQuote struct {
	span, text, speaker string
	kind                Kind // "" for Direct
}

type findCase struct {
	name    string
	text    string
	blocks  func(text string) []doc.Block // nil: paragraphs
	parties []Party                       // mentions filled from Name and aliases by partiesOf
	aliases map[string][]string
	want    []wantQuote
}

func headlineFirst(text string) []doc.Block {
	bs := paragraphs(text)
	bs[0].Kind = doc.Headline
	return bs
}

func runFindCases(t *testing.T, cases []findCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var blocks []doc.Block
			if tc.blocks != nil {
				blocks = tc.blocks(tc.text)
			} else {
				blocks = paragraphs(tc.text)
			}
			var parties []Party
			for _, p := range tc.parties {
				for _, s := range append([]string{p.Name}, tc.aliases[p.Name]...) {
					p.Mentions = append(p.Mentions, wordMentions(tc.text, s)...)
				}
				p.Mentions = sortSpans(p.Mentions)
				parties = append(parties, p)
			}
			got := Find(tc.text, blocks, parties)
			if len(got) != len(tc.want) {
				for _, q := range got {
					t.Logf("got %s %q span %q speaker %q", q.Kind, q.Text(tc.text), tc.text[q.Span.Start:q.Span.End], q.Speaker)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tc.want))
			}
			from := 0
			for i, w := range tc.want {
				q := got[i]
				at := strings.Index(tc.text[from:], w.span)
				if at < 0 {
					t.Fatalf("bad test: span %q not in text after %d", w.span, from)
				}
				want := doc.Span{Start: from + at, End: from + at + len(w.span)}
				if q.Span != want {
					t.Errorf("quote %d: got span %v %q, want %v %q", i, q.Span, tc.text[q.Span.Start:q.Span.End], want, w.span)
				}
				from = want.End
				if got := q.Text(tc.text); got != w.text {
					t.Errorf("quote %d: got text %q, want %q", i, got, w.text)
				}
				if q.Speaker != w.speaker {
					t.Errorf("quote %d: got speaker %q, want %q", i, q.Speaker, w.speaker)
				}
				k := w.kind
				if k == "" {
					k = Direct
				}
				if q.Kind != k {
					t.Errorf("quote %d: got kind %s, want %s", i, q.Kind, k)
				}
			}
		})
	}
}

// TestFindMarks covers every quoting style the scanner knows.
func TestFindMarks(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "straight double", text: `"We will win," said Anna Berg.`,
			want: []wantQuote{{`"We will win,"`, "We will win", "Anna Berg", ""}}},
		{name: "curly double", text: `“We will win,” Anna Berg said.`,
			want: []wantQuote{{`“We will win,”`, "We will win", "Anna Berg", ""}}},
		{name: "british single among apostrophes", text: `'It's the ministers' meeting at ten o'clock, like in the '90s,' said Tom Reid.`,
			want: []wantQuote{{`'It's the ministers' meeting at ten o'clock, like in the '90s,'`, "It's the ministers' meeting at ten o'clock, like in the '90s", "Tom Reid", ""}}},
		{name: "rock 'n' roll", text: `'Rock 'n' roll never dies,' said Tom Reid.`,
			want: []wantQuote{{`'Rock 'n' roll never dies,'`, "Rock 'n' roll never dies", "Tom Reid", ""}}},
		{name: "curly single with curly apostrophes", text: `‘Rock ’n’ roll isn’t dead, it’s the ’90s again,’ said Tom Reid.`,
			want: []wantQuote{{`‘Rock ’n’ roll isn’t dead, it’s the ’90s again,’`, "Rock ’n’ roll isn’t dead, it’s the ’90s again", "Tom Reid", ""}}},
		{name: "guillemets", text: `«We will win», said Marie Dubois.`,
			want: []wantQuote{{`«We will win»`, "We will win", "Marie Dubois", ""}}},
		{name: "reversed guillemets", text: `»Wir schaffen das«, sagte Angela Merkel.`,
			want: []wantQuote{{`»Wir schaffen das«`, "Wir schaffen das", "Angela Merkel", ""}}},
		{name: "single guillemets", text: `‹Oui, bien sûr›, said Jean Roux.`,
			want: []wantQuote{{`‹Oui, bien sûr›`, "Oui, bien sûr", "Jean Roux", ""}}},
		{name: "german low-high", text: `„Das ist gut“, sagte Olaf Berg.`,
			want: []wantQuote{{`„Das ist gut“`, "Das ist gut", "Olaf Berg", ""}}},
		{name: "polish low-high", text: `„It is good for all of us”, said Jan Nowak.`,
			want: []wantQuote{{`„It is good for all of us”`, "It is good for all of us", "Jan Nowak", ""}}},
		{name: "german single", text: `‚Ja, natürlich‘, sagte Olaf Berg.`,
			want: []wantQuote{{`‚Ja, natürlich‘`, "Ja, natürlich", "Olaf Berg", ""}}},
		{name: "corner brackets", text: `「ありがとう」, said Keiko Sato.`,
			want: []wantQuote{{`「ありがとう」`, "ありがとう", "Keiko Sato", ""}}},
		{name: "swedish same mark both sides", text: `”Vi vinner i år”, säger Anna Berg.`,
			want: []wantQuote{{`”Vi vinner i år”`, "Vi vinner i år", "Anna Berg", ""}}},
		{name: "no-break and thin spaces in guillemets", text: "«\u00a0Oui, bien sûr\u00a0», said Jean Roux. «\u202fNon\u202f», said Anne Roux.",
			want: []wantQuote{{"«\u00a0Oui, bien sûr\u00a0»", "Oui, bien sûr", "Jean Roux", ""}, {"«\u202fNon\u202f»", "Non", "Anne Roux", ""}}},
		{name: "french spaced guillemets", text: `« Nous gagnerons », said Jean Roux.`,
			want: []wantQuote{{`« Nous gagnerons »`, "Nous gagnerons", "Jean Roux", ""}}},
		{name: "html entities", text: `&ldquo;We will win,&rdquo; said Anna Berg. &quot;Yes, we will,&quot; said Tom Reid. &#8220;Now,&#8221; said Jan Nowak.`,
			want: []wantQuote{
				{`&ldquo;We will win,&rdquo;`, "We will win", "Anna Berg", ""},
				{`&quot;Yes, we will,&quot;`, "Yes, we will", "Tom Reid", ""},
				{`&#8220;Now,&#8221;`, "Now", "Jan Nowak", ""}}},
		{name: "nested quote is part of the outer", text: `"He told me 'never again' and meant it," said Tom Reid.`,
			want: []wantQuote{{`"He told me 'never again' and meant it,"`, "He told me 'never again' and meant it", "Tom Reid", ""}}},
		{name: "inches and feet are not quotes", text: `He is 5'11" and ordered a 12" pizza with his 16&quot; tray.`},
		{name: "stray curly apostrophe does not re-pair", text: `It shouldn‘t matter, she thought. “We will win,” said Anna Berg. “Soon,” said Tom Reid.`,
			want: []wantQuote{{`“We will win,”`, "We will win", "Anna Berg", ""}, {`“Soon,”`, "Soon", "Tom Reid", ""}}},
	})
}

// TestFindStructure covers quotes over paragraphs, interrupted quotes,
// damaged marks, headlines, dash speech and block quotes.
func TestFindStructure(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "multi-paragraph quote", text: "\"First paragraph.\n\n\"Second paragraph.\n\n\"Third one,\" said Tom Reid.",
			want: []wantQuote{{"\"First paragraph.\n\n\"Second paragraph.\n\n\"Third one,\"", "First paragraph. … Second paragraph. … Third one", "Tom Reid", ""}}},
		{name: "interrupted by attribution", text: `Tom Reid spoke first. "First part," he said, "second part."`,
			want: []wantQuote{{`"First part," he said, "second part."`, "First part … second part.", "Tom Reid", ""}}},
		{name: "lost opening mark after a quote", text: `"Text one here." More words here," the joint statement said.`,
			want: []wantQuote{
				{`"Text one here."`, "Text one here.", "the joint statement", ""},
				{`More words here,"`, "More words here", "the joint statement", ""}}},
		{name: "lost opening mark at paragraph start", text: `Words here lost their mark," the minister said.`,
			want: []wantQuote{{`Words here lost their mark,"`, "Words here lost their mark", "the minister", ""}}},
		{name: "lost opening mark after an attribution sentence", text: `"One," said Tom Reid. Two three four," said Anna Berg.`,
			want: []wantQuote{{`"One,"`, "One", "Tom Reid", ""}, {`Two three four,"`, "Two three four", "Anna Berg", ""}}},
		{name: "comma outside the mark", text: `"The Allies will respond decisively", says the joint statement.`,
			want: []wantQuote{{`"The Allies will respond decisively"`, "The Allies will respond decisively", "the joint statement", ""}}},
		{name: "never closed ends with its paragraph", text: "Tom Reid said \"this never ends and goes on.\n\nThe next paragraph is narrative, \"with a quote,\" said Anna Berg.",
			want: []wantQuote{
				{"\"this never ends and goes on.", "this never ends and goes on.", "Tom Reid", ""},
				{`"with a quote,"`, "with a quote", "Anna Berg", ""}}},
		{name: "headline quote", text: "\"We will never recognise it,\" the allies said\n\nThe story.", blocks: headlineFirst,
			want: []wantQuote{{`"We will never recognise it,"`, "We will never recognise it", "the allies", ""}}},
		{name: "dash speech", text: "– Yes, we will, said the mayor.",
			want: []wantQuote{{"– Yes, we will", "Yes, we will", "the mayor", ""}}},
		{name: "dash speech continued after the attribution", text: "– It is a long season, he said. We take one match at a time.\n\nMore.",
			want: []wantQuote{{"– It is a long season, he said. We take one match at a time.", "It is a long season … We take one match at a time.", "", ""}}},
		{name: "dash attribution after a quote", text: `"Farmers should be farming." —Commissioner Jane Roe`,
			want: []wantQuote{{`"Farmers should be farming."`, "Farmers should be farming.", "Jane Roe", ""}}},
		{name: "captions are skipped", text: "\"Family\" photo at the summit\n\n\"We met,\" said Tom Reid.",
			blocks: func(text string) []doc.Block { bs := paragraphs(text); bs[0].Kind = doc.Caption; return bs },
			want:   []wantQuote{{`"We met,"`, "We met", "Tom Reid", ""}}},
		{name: "markdown block quote with cite", text: "Intro.\n\n> Every year we delay, children breathe worse air.\n> It is about lungs.",
			blocks: func(text string) []doc.Block {
				bs := paragraphs(text)
				bs[1].Kind, bs[1].Cite = doc.BlockQuote, "Priya Raman"
				return bs
			},
			want: []wantQuote{{"Every year we delay, children breathe worse air.\n> It is about lungs.", "Every year we delay, children breathe worse air.\n> It is about lungs.", "Priya Raman", ""}}},
		{name: "block quote with a dash attribution line", text: "Intro.\n\n> Two years of letters. Tonight it paid off.\n> — Leeds Rides",
			blocks: func(text string) []doc.Block { bs := paragraphs(text); bs[1].Kind = doc.BlockQuote; return bs },
			want:   []wantQuote{{"Two years of letters. Tonight it paid off.", "Two years of letters. Tonight it paid off.", "Leeds Rides", ""}}},
		{name: "block quote with its own marks", text: "Intro.\n\n> \"Traders will lose out,\" said Graham Holt.",
			blocks: func(text string) []doc.Block { bs := paragraphs(text); bs[1].Kind = doc.BlockQuote; return bs },
			want:   []wantQuote{{`"Traders will lose out,"`, "Traders will lose out", "Graham Holt", ""}}},
	})
}

// TestFindKinds covers scare quotes against direct ones.
func TestFindKinds(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "so-called", text: `The so-called "peace plan" was rejected.`,
			want: []wantQuote{{`"peace plan"`, "peace plan", "", Scare}}},
		{name: "family photo", text: `The leaders posed for a "family" photo.`,
			want: []wantQuote{{`"family"`, "family", "", Scare}}},
		{name: "title", text: `The film "The Long Night Of The Harbour" opens on Friday.`,
			want: []wantQuote{{`"The Long Night Of The Harbour"`, "The Long Night Of The Harbour", "", Scare}}},
		{name: "scare word inside reported speech", text: `The ministry said the "temporary" measures would end in May.`,
			want: []wantQuote{{`"temporary"`, "temporary", "", Scare}}},
		{name: "one word with a speaker is speech", text: `"Never," said Anna Berg.`,
			want: []wantQuote{{`"Never,"`, "Never", "Anna Berg", ""}}},
		{name: "partial quote ending the reported clause", text: `Copa-Cogeca said the package was "a first step" but "far from enough".`,
			want: []wantQuote{{`"a first step"`, "a first step", "Copa-Cogeca", ""}, {`"far from enough"`, "far from enough", "Copa-Cogeca", ""}}},
	})
}

// TestFindSpeakers covers attribution.
func TestFindSpeakers(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "said after", text: `"We are ready," Anna Berg said.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "Anna Berg", ""}}},
		{name: "said before with colon", text: `Anna Berg said: "We are ready."`, want: []wantQuote{{`"We are ready."`, "We are ready.", "Anna Berg", ""}}},
		{name: "said that", text: `Anna Berg said that "the bridge is ready".`, want: []wantQuote{{`"the bridge is ready"`, "the bridge is ready", "Anna Berg", ""}}},
		{name: "told reporters", text: `"We are ready," the mayor told reporters on Monday.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "the mayor", ""}}},
		{name: "according to", text: `"Prices will rise," according to the central bank.`, want: []wantQuote{{`"Prices will rise,"`, "Prices will rise", "the central bank", ""}}},
		{name: "apposition after the name", text: `"We are ready," said Anna Kovač, the foreign minister.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "Anna Kovač", ""}}},
		{name: "apposition before the name", text: `The foreign minister, Anna Kovač, said: "We are ready."`, want: []wantQuote{{`"We are ready."`, "We are ready.", "Anna Kovač", ""}}},
		{name: "title before the name", text: `"We are ready," said Macedonian Minister Bujar Osmani.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "Bujar Osmani", ""}}},
		{name: "non-person source", text: `"Support will continue," the joint statement said.`, want: []wantQuote{{`"Support will continue,"`, "Support will continue", "the joint statement", ""}}},
		{name: "spokesperson", text: `"No comment," a spokesperson told reporters.`, want: []wantQuote{{`"No comment,"`, "No comment", "a spokesperson", ""}}},
		{name: "pronoun resolves to the person before", text: `Anna Kovač arrived late in Skopje. "We are ready," she added.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "Anna Kovač", ""}}},
		{name: "pronoun resolves to the nearer person", text: `Tom Reid spoke first. Then Anna Kovač arrived. "We are ready," she added.`, want: []wantQuote{{`"We are ready,"`, "We are ready", "Anna Kovač", ""}}},
		{name: "speaker introduced in the paragraph before", text: "And from the chairwoman, Jane Roe:\n\n\"We are ready for the vote.\"", want: []wantQuote{{`"We are ready for the vote."`, "We are ready for the vote.", "Jane Roe", ""}}},
		{name: "description resolves to the named mayor", text: `Mayor Anna Berg opened the bridge on Monday. "It is finished," said the mayor.`, want: []wantQuote{{`"It is finished,"`, "It is finished", "Anna Berg", ""}}},
		{name: "run of quotes in one paragraph", text: `"The bridge is open," said Tom Reid. "Traffic starts on Monday."`,
			want: []wantQuote{{`"The bridge is open,"`, "The bridge is open", "Tom Reid", ""}, {`"Traffic starts on Monday."`, "Traffic starts on Monday.", "Tom Reid", ""}}},
		{name: "run of quotes over paragraphs", text: "\"The bridge is open,\" said Tom Reid.\n\n\"Traffic starts on Monday.\"",
			want: []wantQuote{{`"The bridge is open,"`, "The bridge is open", "Tom Reid", ""}, {`"Traffic starts on Monday."`, "Traffic starts on Monday.", "Tom Reid", ""}}},
		{name: "narrative breaks the run", text: "\"The bridge is open,\" said Tom Reid.\n\nThe crowd went home.\n\n\"Traffic starts on Monday.\"",
			want: []wantQuote{{`"The bridge is open,"`, "The bridge is open", "Tom Reid", ""}, {`"Traffic starts on Monday."`, "Traffic starts on Monday.", "", ""}}},
		{name: "no attribution is no speaker", text: "The weather turned.\n\n\"It will rain all week.\"",
			want: []wantQuote{{`"It will rain all week."`, "It will rain all week.", "", ""}}},
		{name: "party canonical name", text: `Bujar Osmani arrived. "We are ready," Osmani said. "Allies agree," NATO allies said.`,
			parties: []Party{{Name: "Bujar Osmani", Kind: "person"}, {Name: "NATO", Kind: "organization"}},
			aliases: map[string][]string{"Bujar Osmani": {"Osmani"}},
			want:    []wantQuote{{`"We are ready,"`, "We are ready", "Bujar Osmani", ""}, {`"Allies agree,"`, "Allies agree", "NATO", ""}}},
		{name: "including a named minister", text: `"We welcome the meeting", the ministers point out, including Macedonian Minister Bujar Osmani.`,
			want: []wantQuote{{`"We welcome the meeting"`, "We welcome the meeting", "Bujar Osmani", ""}}},
	})
}
