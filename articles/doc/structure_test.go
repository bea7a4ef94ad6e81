package doc

import (
	"os"
	"strings"
	"testing"
)

// kinds returns the kinds of d's blocks with the first words of each, for
// comparing structures in tests.
type kb struct {
	kind Kind
	text string // the block's text, or a prefix of it ending in "…"
}

func checkBlocks(t *testing.T, d *Document, want []kb) {
	t.Helper()
	if len(d.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d:\n%s", len(d.Blocks), len(want), dump(d))
	}
	for i, w := range want {
		b := d.Blocks[i]
		got := d.Text[b.Start:b.End]
		match := got == w.text
		if p, ok := strings.CutSuffix(w.text, "…"); ok {
			match = strings.HasPrefix(got, p)
		}
		if b.Kind != w.kind || !match {
			t.Errorf("block %d: got %s %q, want %s %q\n%s", i, b.Kind, got, w.kind, w.text, dump(d))
		}
	}
	checkSpans(t, d)
}

// checkSpans asserts the block invariants: in order, not overlapping,
// inside Text, on rune boundaries.
func checkSpans(t *testing.T, d *Document) {
	t.Helper()
	prev := 0
	for i, b := range d.Blocks {
		if b.Start < prev || b.End < b.Start || b.End > len(d.Text) {
			t.Fatalf("block %d span [%d,%d) out of order or range (prev end %d, text %d)", i, b.Start, b.End, prev, len(d.Text))
		}
		prev = b.End
	}
}

func readText(t *testing.T, s string) *Document {
	t.Helper()
	d, err := Read(Text, []byte(s))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return d
}

func TestSeedArticle(t *testing.T) {
	data, err := os.ReadFile("../../../shared/seed-article.txt")
	if err != nil {
		data, err = os.ReadFile("/work/shared/seed-article.txt")
	}
	if err != nil {
		t.Skip("seed article not found")
	}
	d, err := Read(Text, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []kb{
		{Headline, `"We will never recognize Russia's illegal annexation," the NATO allies said`},
		{Credit, "NATO Summit Madrid Group Free Press"},
		{Caption, `"Family" photo at the NATO summit in Madrid / 2022 / EPA-EFE / JuanJo Martin`},
	}
	for range 9 {
		want = append(want, kb{Body, "…"})
	}
	want = append(want, kb{Boilerplate, "Video of the day"})
	checkBlocks(t, d, want)
	if got, want := d.Meta.Title, `"We will never recognize Russia's illegal annexation," the NATO allies said`; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
}

func TestStructureRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []kb
		meta Meta
	}{
		{
			name: "headline and blank-line paragraphs",
			text: "Harbour reopens after storm\n\nThe port of Varna reopened on Tuesday after waves closed it for three days.\n\nFishing boats left at dawn, the harbour master said.\n",
			want: []kb{{Headline, "Harbour reopens after storm"}, {Body, "The port of Varna…"}, {Body, "Fishing boats left…"}},
			meta: Meta{Title: "Harbour reopens after storm"},
		},
		{
			name: "one paragraph per line without blank lines",
			text: "Bridge tolls rise\r\nTolls on the river bridge rise by a fifth from May, the council decided.\r\nDrivers' groups called the rise steep.\r\nThe council said repairs cannot wait.\r\n",
			want: []kb{{Headline, "Bridge tolls rise"}, {Body, "Tolls on…"}, {Body, "Drivers' groups called the rise steep."}, {Body, "The council said repairs cannot wait."}},
			meta: Meta{Title: "Bridge tolls rise"},
		},
		{
			name: "hard-wrapped paragraph stays one block",
			text: "Library opens late\n\nThe city library will stay open until ten in the evening on\nweekdays from next month, after students asked for more space\nto study before exams.\n\nThe mayor welcomed it.\n",
			want: []kb{{Headline, "Library opens late"}, {Body, "The city library will stay open until ten in the evening on\nweekdays from next month, after students asked for more space\nto study before exams."}, {Body, "The mayor welcomed it."}},
			meta: Meta{Title: "Library opens late"},
		},
		{
			name: "quote headline keeps its quote",
			text: "“We will not back down,” union leader says\n\nDock workers stayed out for a second day.\n",
			want: []kb{{Headline, "“We will not back down,” union leader says"}, {Body, "Dock workers…"}},
			meta: Meta{Title: "“We will not back down,” union leader says"},
		},
		{
			name: "photo credit line",
			text: "Floods hit valley towns\nPhoto: Reuters\n\nRivers burst their banks overnight in three towns.\n",
			want: []kb{{Headline, "Floods hit valley towns"}, {Credit, "Photo: Reuters"}, {Body, "Rivers burst…"}},
			meta: Meta{Title: "Floods hit valley towns"},
		},
		{
			name: "caption with slash credit and names line",
			text: "Leaders gather in Vilnius\n\nSummit Vilnius Group Press Pool\nLeaders pose before the opening session / 2023 / AFP / Petras Malukas\n\nThe leaders met for two days in the Lithuanian capital.\n",
			want: []kb{{Headline, "Leaders gather in Vilnius"}, {Credit, "Summit Vilnius Group Press Pool"}, {Caption, "Leaders pose before the opening session / 2023 / AFP / Petras Malukas"}, {Body, "The leaders met…"}},
			meta: Meta{Title: "Leaders gather in Vilnius"},
		},
		{
			name: "photo prefix with a description is a caption",
			text: "Ferry runs aground\nPhoto: Passengers wait on the pier at dawn / 2024 / EPA / Ana Ruiz\nPhoto: Reuters\n\nA ferry ran aground off the island on Sunday.\n",
			want: []kb{{Headline, "Ferry runs aground"}, {Caption, "Photo: Passengers wait on the pier at dawn / 2024 / EPA / Ana Ruiz"}, {Credit, "Photo: Reuters"}, {Body, "A ferry…"}},
			meta: Meta{Title: "Ferry runs aground"},
		},
		{
			name: "byline with By and date line",
			text: "Council votes on budget\nBy Jane Doe and Tom Reed\nPublished 3 March 2024, 10:15 GMT\n\nThe council approved the budget by nine votes to four.\n",
			want: []kb{{Headline, "Council votes on budget"}, {Byline, "By Jane Doe and Tom Reed"}, {Date, "Published 3 March 2024, 10:15 GMT"}, {Body, "The council…"}},
			meta: Meta{Title: "Council votes on budget", Byline: "Jane Doe and Tom Reed", Date: "3 March 2024"},
		},
		{
			name: "name and role byline",
			text: "Schools close for heat\n\nMaria Lopez, Staff Writer\n\nSchools in the south closed early as temperatures passed 40C.\n",
			want: []kb{{Headline, "Schools close for heat"}, {Byline, "Maria Lopez, Staff Writer"}, {Body, "Schools in the south…"}},
			meta: Meta{Title: "Schools close for heat", Byline: "Maria Lopez"},
		},
		{
			name: "byline with pipe and date",
			text: "Trains return to the coast line\nBy Ana Petrova | March 3, 2024\n\nTrains ran again on the coast line after the landslide was cleared.\n",
			want: []kb{{Headline, "Trains return to the coast line"}, {Byline, "By Ana Petrova | March 3, 2024"}, {Body, "Trains ran…"}},
			meta: Meta{Title: "Trains return to the coast line", Byline: "Ana Petrova", Date: "March 3, 2024"},
		},
		{
			name: "dateline with agency starts the first paragraph",
			text: "Power restored in capital\n\nKYIV, Ukraine (AP) — Power returned to most of the capital on Sunday, officials said.\n\nRepairs continue in the east.\n",
			want: []kb{{Headline, "Power restored in capital"}, {Body, "KYIV, Ukraine (AP) — Power returned…"}, {Body, "Repairs continue in the east."}},
			meta: Meta{Title: "Power restored in capital", Dateline: "KYIV, Ukraine (AP)", Source: "AP"},
		},
		{
			name: "dateline with date",
			text: "Ministers agree on grain deal\n\nBRUSSELS, 3 March – Ministers agreed on Friday to extend the grain corridor.\n",
			want: []kb{{Headline, "Ministers agree on grain deal"}, {Body, "BRUSSELS, 3 March – Ministers…"}},
			meta: Meta{Title: "Ministers agree on grain deal", Dateline: "BRUSSELS, 3 March", Date: "3 March"},
		},
		{
			name: "dateline alone on its line",
			text: "Vote count delayed\n\nWASHINGTON (Reuters) -\n\nThe count in two states was delayed by a day.\n",
			want: []kb{{Headline, "Vote count delayed"}, {Dateline, "WASHINGTON (Reuters) -"}, {Body, "The count…"}},
			meta: Meta{Title: "Vote count delayed", Dateline: "WASHINGTON (Reuters)"},
		},
		{
			name: "a sentence starting with By is story",
			text: "Ferry service cut\n\nBy the end of the week the ferry will run only twice a day.\n",
			want: []kb{{Headline, "Ferry service cut"}, {Body, "By the end of the week…"}},
			meta: Meta{Title: "Ferry service cut"},
		},
		{
			name: "trailing boilerplate markers and link lines",
			text: "Museum returns stolen vase\n\nThe museum returned the vase to Greece on Monday.\n\nIt had been missing since 1990.\n\nRead more:\nMuseum thefts rise across Europe\nArt police recover painting in Naples\n\nShare this article\n\nAdvertisement\n\nComments (4)\n",
			want: []kb{{Headline, "Museum returns stolen vase"}, {Body, "The museum…"}, {Body, "It had been missing since 1990."}, {Boilerplate, "Read more:"}, {Boilerplate, "Museum thefts rise across Europe"}, {Boilerplate, "Art police recover painting in Naples"}, {Boilerplate, "Share this article"}, {Boilerplate, "Advertisement"}, {Boilerplate, "Comments (4)"}},
			meta: Meta{Title: "Museum returns stolen vase"},
		},
		{
			name: "trailing run of link-like lines without marker",
			text: "Wind farm approved\n\nThe planning board approved the offshore wind farm on Thursday.\n\nConstruction starts next year.\n\nSolar panels on every school roof\nHow the grid copes with winter peaks\nhttps://example.com/energy/grid\n",
			want: []kb{{Headline, "Wind farm approved"}, {Body, "The planning board…"}, {Body, "Construction starts next year."}, {Boilerplate, "Solar panels on every school roof"}, {Boilerplate, "How the grid copes with winter peaks"}, {Boilerplate, "https://example.com/energy/grid"}},
			meta: Meta{Title: "Wind farm approved"},
		},
		{
			name: "a short last paragraph is story",
			text: "Rail strike ends\n\nThe union and the operator agreed on pay late on Friday.\n\nTrains run normally from Monday\n",
			want: []kb{{Headline, "Rail strike ends"}, {Body, "The union…"}, {Body, "Trains run normally from Monday"}},
			meta: Meta{Title: "Rail strike ends"},
		},
		{
			name: "advertisement slot mid-article",
			text: "Price of bread rises\n\nBakers raised prices by ten cents on Monday.\n\nADVERTISEMENT\n\nFlour costs doubled this year, the guild said.\n",
			want: []kb{{Headline, "Price of bread rises"}, {Body, "Bakers…"}, {Boilerplate, "ADVERTISEMENT"}, {Body, "Flour costs…"}},
			meta: Meta{Title: "Price of bread rises"},
		},
		{
			name: "date near the top from the first paragraph",
			text: "Election called\n\nOn 12 June 2024 the prime minister called an early election.\n",
			want: []kb{{Headline, "Election called"}, {Body, "On 12 June 2024…"}},
			meta: Meta{Title: "Election called", Date: "12 June 2024"},
		},
		{
			name: "ISO date line",
			text: "Harvest begins early\n2024-08-03\n\nFarmers started the harvest two weeks early this year.\n",
			want: []kb{{Headline, "Harvest begins early"}, {Date, "2024-08-03"}, {Body, "Farmers…"}},
			meta: Meta{Title: "Harvest begins early", Date: "2024-08-03"},
		},
		{
			name: "breadcrumb and skip link above the headline",
			text: "Skip to content\nNews › Science › Space\nProbe sends first images from the far side\n\nThe probe sent its first pictures back on Friday.\n",
			want: []kb{{Boilerplate, "Skip to content"}, {Boilerplate, "News › Science › Space"}, {Headline, "Probe sends first images from the far side"}, {Body, "The probe…"}},
			meta: Meta{Title: "Probe sends first images from the far side"},
		},
		{
			name: "relative time and UI labels under the headline",
			text: "Heatwave closes schools\n\n35 mins ago\n\nShare\nListen\n\nSchools in three regions closed early on Monday as temperatures rose.\n",
			want: []kb{{Headline, "Heatwave closes schools"}, {Date, "35 mins ago"}, {Boilerplate, "Share"}, {Boilerplate, "Listen"}, {Body, "Schools in three regions…"}},
			meta: Meta{Title: "Heatwave closes schools"},
		},
		{
			name: "section label under the headline",
			text: "Why the tram came back\nAnalysis\n\nCities that tore up their tram lines in the 1960s are laying them again.\n",
			want: []kb{{Headline, "Why the tram came back"}, {Boilerplate, "Analysis"}, {Body, "Cities that…"}},
			meta: Meta{Title: "Why the tram came back"},
		},
		{
			name: "name line over a role line",
			text: "Bank holds rates\n\nTomas Varga\nEconomics editor\n\nThe central bank kept its main rate at 4% on Thursday.\n",
			want: []kb{{Headline, "Bank holds rates"}, {Byline, "Tomas Varga"}, {Byline, "Economics editor"}, {Body, "The central bank…"}},
			meta: Meta{Title: "Bank holds rates", Byline: "Tomas Varga"},
		},
		{
			name: "caption ending in its credit",
			text: "Volcano erupts again\n\nAsh rises over the crater on Sunday evening. Photo: Sigrun Olafsdottir/Reuters\n\nThe volcano erupted for the third time this year.\n",
			want: []kb{{Headline, "Volcano erupts again"}, {Caption, "Ash rises over the crater on Sunday evening. Photo: Sigrun Olafsdottir/Reuters"}, {Body, "The volcano…"}},
			meta: Meta{Title: "Volcano erupts again"},
		},
		{
			name: "tags line and share labels at the end",
			text: "Port fees rise\n\nFees at the port will rise by a tenth from June, the authority said.\n\nShipping lines said they would pass the cost on.\n\nTopics: shipping, ports\nShare on LinkedIn\n",
			want: []kb{{Headline, "Port fees rise"}, {Body, "Fees at the port…"}, {Body, "Shipping lines said they would pass the cost on."}, {Boilerplate, "Topics: shipping, ports"}, {Boilerplate, "Share on LinkedIn"}},
			meta: Meta{Title: "Port fees rise"},
		},
		{
			name: "only a headline",
			text: "Just a headline\n",
			want: []kb{{Headline, "Just a headline"}},
			meta: Meta{Title: "Just a headline"},
		},
		{
			name: "leading blank lines and indentation",
			text: "\n\n   Storm warning issued   \n\n\tCoastal towns were told to prepare for high winds.\n",
			want: []kb{{Headline, "Storm warning issued"}, {Body, "Coastal towns…"}},
			meta: Meta{Title: "Storm warning issued"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readText(t, tt.text)
			checkBlocks(t, d, tt.want)
			if d.Meta.Title != tt.meta.Title || d.Meta.Byline != tt.meta.Byline || d.Meta.Date != tt.meta.Date ||
				d.Meta.Dateline != tt.meta.Dateline || d.Meta.Source != tt.meta.Source {
				t.Errorf("meta: got %+v, want %+v", d.Meta, tt.meta)
			}
		})
	}
}

func TestEmptyAndBlank(t *testing.T) {
	for _, s := range []string{"", "\n\n", "   \t \n  \r\n"} {
		d := readText(t, s)
		if len(d.Blocks) != 0 || d.Meta.Title != "" {
			t.Errorf("Read(%q): got %s", s, dump(d))
		}
	}
}
