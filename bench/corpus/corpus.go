// Package corpus writes synthetic news articles for byline's benchmarks:
// varied sentences from a small template grammar (people with roles,
// organisations, countries, quoted speech with attribution, numbers and
// dates), laid out as plain text, Markdown or HTML articles with headlines,
// captions, credits, bylines, datelines and trailing boilerplate.
//
// Output is deterministic: article i of a folder depends only on the seed
// and i, so folders can be written in parallel and compared between runs.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Format is the file format of a generated article.
type Format string

// The formats the generator writes.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Ext returns the file extension for f, with its dot.
func (f Format) Ext() string {
	switch f {
	case Markdown:
		return ".md"
	case HTML:
		return ".html"
	}
	return ".txt"
}

// Article is one generated article.
type Article struct {
	Title  string // the headline as written (a quote keeps its marks)
	Lead   string // the first body paragraph, as plain text
	Source string // the whole file
}

var (
	firstNames = []string{"Ana", "Tomas", "Ioana", "Pieter", "Sanne", "Giorgio", "Oksana", "Victor", "Petar", "Els", "Mihai", "Lena", "Jonas", "Marta", "Karim", "Aisha", "Henrik", "Sofia", "Dmitro", "Nadia", "Luca", "Camille", "Erik", "Zofia", "Rui", "Helena", "Bujar", "Maja", "Omar", "Ingrid", "Teodor", "Clara"}
	surnames   = []string{"Margineanu", "Hrabal", "Kostadinov", "Ursachi", "Horbach", "de Wit", "Ferrante", "Verhoeven", "Claes", "Lindqvist", "Novak", "Petrescu", "Bauer", "Moreau", "Santos", "Kowalski", "Haddad", "Okafor", "Jensen", "Varga", "Rossi", "Dupont", "Nilsson", "Bianchi", "Osmani", "Popescu", "Schulz", "Almeida", "Kovac", "Lambert", "Marin", "Horvat"}
	roles      = []string{"Foreign Minister", "Prime Minister", "Deputy Prime Minister", "Finance Minister", "Mayor", "council leader", "chief executive", "spokesperson", "Defence Minister", "union leader", "Health Minister", "chief economist", "head coach", "party leader", "Environment Minister", "director"}
	orgs       = []string{"NATO", "the European Commission", "the United Nations", "the World Bank", "the International Monetary Fund", "the Red Cross", "Lumora Group", "Northwind Rail", "the city council", "the transport union", "the central bank", "Greenline Energy", "the Danube Commission", "the health ministry", "Atlas Shipping", "the football federation", "the Council of Europe", "Vireo Telecom"}
	countries  = []string{"Romania", "Ukraine", "Moldova", "Bulgaria", "Slovakia", "Belgium", "Italy", "France", "Germany", "Poland", "Sweden", "Finland", "Hungary", "Austria", "Serbia", "Georgia", "Portugal", "Spain", "Greece", "Croatia", "Turkey", "Norway", "Denmark", "the Netherlands"}
	cities     = []string{"Bucharest", "Constanta", "Brussels", "Milan", "Vienna", "Kyiv", "Chisinau", "Sofia", "Warsaw", "Lisbon", "Athens", "Zagreb", "Oslo", "Gdansk", "Lyon", "Hamburg", "Porto", "Izmail", "Varna", "Malmo"}
	agencies   = []string{"AP", "AFP", "Reuters", "EPA-EFE", "ANSA", "dpa"}
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	topics     = []string{"the grain corridor", "energy prices", "the new rail line", "the harbour expansion", "the budget for next year", "drone strikes on river ports", "the pension reform", "the water shortage", "the night train service", "the stadium vote", "the steel tariffs", "housing for students", "the ceasefire talks", "flood defences", "the teachers' strike", "the merger", "the bridge repairs", "wildfire season", "the cross-border tickets", "the vaccine programme"}
	things     = []string{"the ports", "our farmers", "the river", "every border crossing", "the schools", "the shipyards", "the electricity grid", "our airports", "the hospitals", "small businesses", "the bus network", "the coastline", "the old town", "the tax office", "the rail freight terminals"}
	speechVerb = []string{"said", "told reporters", "added", "warned", "insisted", "said in a statement", "told a news conference", "wrote on social media", "said on Friday", "told parliament", "argued", "said later"}
	sayVerb    = []string{"said", "says", "warned", "added", "told reporters"}
	modals     = []string{"will", "must", "cannot", "should", "would never", "are ready to", "do not want to", "have promised to", "will not", "intend to"}
	actions    = []string{"keep", "protect", "rebuild", "reopen", "defend", "fund", "modernise", "inspect", "close", "expand", "support", "repair", "open", "secure", "review"}
	times      = []string{"before the winter", "for as long as it takes", "within a year", "by the end of the month", "this time", "whatever the cost", "without delay", "before the next election", "after the harvest", "in the spring", "every single day", "next season"}
	feelings   = []string{"a good day for", "a warning to", "the end of a long argument about", "a turning point for", "a test of", "a promise to", "a disaster for", "an opportunity for"}
	adjectives = []string{"unacceptable", "long overdue", "fragile", "historic", "reckless", "cautious", "premature", "ambitious", "necessary", "expensive"}
	nouns      = []string{"agreement", "decision", "plan", "strike", "vote", "investment", "proposal", "deadline", "report", "inspection", "contract", "ruling"}
	scare      = []string{"special operation", "temporary measure", "technical pause", "new normal", "reform", "strategic partnership", "security zone"}
	boiler     = []string{"Video of the day", "Read more:", "Follow us on social media", "Related articles", "Share this article", "Most read"}
)

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// person is a named person with a role, and the forms the text uses.
type person struct {
	first, last, role, country string
}

func (p person) full() string { return p.first + " " + p.last }

func (p person) intro() string {
	if strings.HasSuffix(p.role, "Minister") {
		return adjCountry(p.country) + " " + p.role + " " + p.full()
	}
	return p.full() + ", " + p.role + " of " + pickOrgLike(p)
}

func pickOrgLike(p person) string {
	// deterministic by name so that the same person keeps the same employer
	return orgs[(len(p.first)*7+len(p.last))%len(orgs)]
}

func adjCountry(c string) string {
	switch c {
	case "Romania":
		return "Romanian"
	case "Ukraine":
		return "Ukrainian"
	case "Moldova":
		return "Moldovan"
	case "Bulgaria":
		return "Bulgarian"
	case "Slovakia":
		return "Slovak"
	case "Belgium":
		return "Belgian"
	case "Italy":
		return "Italian"
	case "France":
		return "French"
	case "Germany":
		return "German"
	case "Poland":
		return "Polish"
	case "Sweden":
		return "Swedish"
	case "Finland":
		return "Finnish"
	case "Hungary":
		return "Hungarian"
	case "Austria":
		return "Austrian"
	case "Serbia":
		return "Serbian"
	case "Georgia":
		return "Georgian"
	case "Portugal":
		return "Portuguese"
	case "Spain":
		return "Spanish"
	case "Greece":
		return "Greek"
	case "Croatia":
		return "Croatian"
	case "Turkey":
		return "Turkish"
	case "Norway":
		return "Norwegian"
	case "Denmark":
		return "Danish"
	}
	return "Dutch"
}

// gen holds the state of one article being written: its cast, so that the
// same people are named and quoted again, as in a real story.
type gen struct {
	r       *rand.Rand
	cast    []person
	named   []bool
	country string
	city    string
	year    int
}

func newGen(r *rand.Rand, size int) *gen {
	g := &gen{r: r, country: pick(r, countries), city: pick(r, cities), year: 2019 + r.IntN(7)}
	n := 2 + r.IntN(4) + min(size/20000, 60) // a long feature quotes more people
	for range n {
		g.cast = append(g.cast, person{pick(r, firstNames), pick(r, surnames), pick(r, roles), pick(r, countries)})
	}
	g.named = make([]bool, n)
	return g
}

// speaker returns how to name cast member i: the full introduction the
// first time, the surname after.
func (g *gen) speaker(i int) string {
	if !g.named[i] {
		g.named[i] = true
		return g.cast[i].intro()
	}
	if g.r.IntN(4) == 0 {
		return "the " + strings.ToLower(g.cast[i].role)
	}
	return g.cast[i].last
}

func (g *gen) number() string {
	r := g.r
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("%d per cent", 2+r.IntN(60))
	case 1:
		return fmt.Sprintf("€%d.%d billion", 1+r.IntN(40), r.IntN(10))
	case 2:
		return fmt.Sprintf("%d,%03d people", 1+r.IntN(90), r.IntN(1000))
	case 3:
		return fmt.Sprintf("%d kilometres", 10+r.IntN(900))
	case 4:
		return fmt.Sprintf("more than %d ships", 5+r.IntN(200))
	}
	return fmt.Sprintf("%d million euros", 1+r.IntN(500))
}

func (g *gen) money() string {
	if g.r.IntN(2) == 0 {
		return fmt.Sprintf("€%d.%d billion", 1+g.r.IntN(40), g.r.IntN(10))
	}
	return fmt.Sprintf("%d million euros", 1+g.r.IntN(500))
}

func (g *gen) date() string {
	r := g.r
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("on %d %s %d", 1+r.IntN(28), pick(r, months), g.year)
	case 1:
		return "on " + pick(r, weekdays)
	}
	return fmt.Sprintf("in %s %d", pick(r, months), g.year)
}

// clause is a sentence body without its final mark, good inside a quote.
func (g *gen) clause() string {
	r := g.r
	switch r.IntN(7) {
	case 0:
		return "We " + pick(r, modals) + " " + pick(r, actions) + " " + pick(r, things) + " " + pick(r, times)
	case 1:
		return "This is " + pick(r, feelings) + " " + pick(r, things)
	case 2:
		return "The " + pick(r, nouns) + " on " + pick(r, topics) + " is " + pick(r, adjectives)
	case 3:
		return "Nobody in " + pick(r, cities) + " asked for " + pick(r, topics) + ", and nobody will pay " + g.money() + " for it"
	case 4:
		return "What happens to " + pick(r, things) + " happens to all of us"
	case 5:
		return "I told " + pick(r, orgs) + " " + g.date() + " that we " + pick(r, modals) + " " + pick(r, actions) + " " + pick(r, things)
	}
	return "If " + pick(r, countries) + " " + pick(r, modals) + " " + pick(r, actions) + " " + pick(r, things) + ", we will " + pick(r, actions) + " " + pick(r, things)
}

// quoted returns a sentence with direct speech and its attribution, in one
// of the shapes news copy uses.
func (g *gen) quoted() string {
	r := g.r
	who := r.IntN(len(g.cast))
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("\"%s,\" %s %s.", g.clause(), g.speaker(who), pick(r, speechVerb))
	case 1:
		return fmt.Sprintf("%s %s: \"%s.\"", cap1(g.speaker(who)), pick(r, sayVerb), g.clause())
	case 2:
		return fmt.Sprintf("\"%s,\" %s %s. \"%s.\"", g.clause(), g.speaker(who), pick(r, sayVerb), g.clause())
	case 3:
		return fmt.Sprintf("\"%s,\" said %s, \"and %s.\"", g.clause(), g.speaker(who), lower1(g.clause()))
	case 4:
		return fmt.Sprintf("%s said %s would \"%s\".", cap1(pick(r, orgs)), "it", lower1(pick(r, actions)+" "+pick(r, things)+" "+pick(r, times)))
	}
	return fmt.Sprintf("According to %s, \"%s\".", g.speaker(who), lower1(g.clause()))
}

// plain returns a sentence of reporting without direct speech.
func (g *gen) plain() string {
	r := g.r
	switch r.IntN(9) {
	case 0:
		return fmt.Sprintf("%s %s %s %s.", cap1(pick(r, orgs)), pick(r, []string{"announced", "approved", "rejected", "postponed", "criticised"}), "the "+pick(r, nouns)+" on "+pick(r, topics), g.date())
	case 1:
		return fmt.Sprintf("The cost has risen by %s since %d, according to figures published %s.", g.number(), g.year-1-r.IntN(5), g.date())
	case 2:
		return fmt.Sprintf("Ministers from %s and %s met in %s %s to discuss %s.", pick(r, countries), pick(r, countries), pick(r, cities), g.date(), pick(r, topics))
	case 3:
		return fmt.Sprintf("%s described the plan as a \"%s\", a phrase its critics reject.", cap1(pick(r, orgs)), pick(r, scare))
	case 4:
		return fmt.Sprintf("About %s are affected, and the figure is expected to grow before the end of %d.", g.number(), g.year)
	case 5:
		return fmt.Sprintf("%s, who has held the post since %d, did not respond to a request for comment.", g.cast[r.IntN(len(g.cast))].full(), g.year-2-r.IntN(8))
	case 6:
		return fmt.Sprintf("The %s follows months of talks between %s and %s over %s.", pick(r, nouns), pick(r, orgs), pick(r, orgs), pick(r, topics))
	case 7:
		return fmt.Sprintf("In %s, %s said that %s had been %s for years.", pick(r, cities), strings.ToLower(pick(r, []string{"Residents", "Officials", "Analysts", "Farmers", "Engineers"})), pick(r, topics), pick(r, []string{"neglected", "discussed", "promised", "delayed"}))
	}
	return fmt.Sprintf("%s has spent %s on %s over the past %d years.", cap1(pick(r, countries)), g.money(), pick(r, topics), 2+r.IntN(9))
}

func (g *gen) paragraph() string {
	r := g.r
	n := 2 + r.IntN(4)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		if r.IntN(5) < 2 {
			b.WriteString(g.quoted())
		} else {
			b.WriteString(g.plain())
		}
	}
	return b.String()
}

func (g *gen) headline() string {
	r := g.r
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("\"%s,\" %s says", g.clause(), g.cast[0].last)
	case 1:
		return fmt.Sprintf("%s and %s agree on %s after %s", pick(r, countries), pick(r, countries), pick(r, topics), pick(r, []string{"long night of talks", "two-day summit", "months of delay", "tense vote"}))
	case 2:
		return fmt.Sprintf("%s %s %s in %s", cap1(pick(r, orgs)), pick(r, []string{"backs", "halts", "questions", "delays", "approves"}), pick(r, topics), g.city)
	}
	return fmt.Sprintf("%s warns of %s as costs rise by %s", g.cast[0].full(), pick(r, topics), g.number())
}

func cap1(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-32) + s[1:]
}

func lower1(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || strings.HasPrefix(s, "I ") {
		return s
	}
	return string(s[0]+32) + s[1:]
}

// Generate writes one article of about size bytes (at least one headline
// and two paragraphs) in format f, from r.
func Generate(r *rand.Rand, f Format, size int) Article {
	g := newGen(r, size)
	var a Article
	a.Title = g.headline()
	var paras []string
	n := len(a.Title)
	for len(paras) < 2 || n < size {
		p := g.paragraph()
		paras = append(paras, p)
		n += len(p) + 2
	}
	a.Lead = paras[0]
	credit := fmt.Sprintf("%s at %s / %d / %s / %s %s", pick(r, []string{"Delegates arrive", "Protesters gather", "Workers stand", "Ministers pose"}), pick(r, cities), g.year, pick(r, agencies), pick(r, firstNames), pick(r, surnames))
	byline := pick(r, firstNames) + " " + pick(r, surnames)
	date := fmt.Sprintf("%d %s %d", 1+r.IntN(28), pick(r, months), g.year)
	var b strings.Builder
	b.Grow(n + 512)
	switch f {
	case Markdown:
		fmt.Fprintf(&b, "# %s\n\n*By %s · %s · %s*\n\n", a.Title, byline, g.city, date)
		for i, p := range paras {
			switch {
			case i > 2 && r.IntN(9) == 0:
				fmt.Fprintf(&b, "## %s\n\n", cap1(pick(r, topics)))
			case i > 1 && r.IntN(12) == 0:
				fmt.Fprintf(&b, "> \"%s. %s.\"\n\n", g.clause(), g.clause())
			}
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	case HTML:
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body><article>\n<h1>%s</h1>\n<p class=\"byline\">By %s</p>\n<figure><figcaption>%s</figcaption></figure>\n", htmlEscape(a.Title), htmlEscape(a.Title), byline, htmlEscape(credit))
		for _, p := range paras {
			fmt.Fprintf(&b, "<p>%s</p>\n", htmlEscape(p))
		}
		b.WriteString("</article></body></html>\n")
	default:
		b.WriteString(a.Title)
		b.WriteString("\n\n")
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "%s\n%s\n\n", strings.Join([]string{pick(r, cities), pick(r, orgs), pick(r, []string{"Group", "Press", "Summit"})}, " "), credit)
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "By %s\n\n", byline)
		}
		for i, p := range paras {
			if i == 0 && r.IntN(3) == 0 {
				fmt.Fprintf(&b, "%s, %s (%s) — ", strings.ToUpper(g.city), g.country, pick(r, agencies))
			}
			b.WriteString(p)
			b.WriteString("\n\n")
		}
		if r.IntN(3) == 0 {
			b.WriteString(pick(r, boiler))
			b.WriteByte('\n')
		}
	}
	a.Source = b.String()
	return a
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace(s)
}

// FolderStats describe a written folder.
type FolderStats struct {
	Files int   // files written
	Bytes int64 // bytes written
}

// formatFor returns the format of article i: mostly plain text, a fifth
// Markdown, one in twenty HTML.
func formatFor(r *rand.Rand) Format {
	switch x := r.IntN(20); {
	case x == 0:
		return HTML
	case x <= 4:
		return Markdown
	}
	return Text
}

// Name returns the path, relative to the folder, of article i of n: folders
// by section and month, at most a few hundred files each.
func Name(i int, f Format) string {
	sections := []string{"world", "business", "local", "sport", "culture", "science"}
	sec := sections[i%len(sections)]
	month := (i / len(sections) / 200) // about 200 files per folder
	return filepath.Join(sec, fmt.Sprintf("m%03d", month), fmt.Sprintf("a%06d%s", i, f.Ext()))
}

// ArticleAt returns article i of a folder written with seed, with its format.
func ArticleAt(seed uint64, i, size int) (Article, Format) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	f := formatFor(r)
	// sizes vary around size: 0.6× to 1.4×
	s := size*6/10 + r.IntN(size*8/10+1)
	return Generate(r, f, s), f
}

// WriteFolder writes n articles of about size bytes under dir (created if
// needed) with a worker per core, and returns what it wrote. title, when
// not nil, is called with each article's index and title (from several
// goroutines).
func WriteFolder(dir string, n, size int, seed uint64, title func(i int, t string)) (FolderStats, error) {
	var files, bytes atomic.Int64
	var firstErr error
	var errOnce sync.Once
	next := make(chan int, 256)
	var wg sync.WaitGroup
	made := sync.Map{}
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, f := ArticleAt(seed, i, size)
				p := filepath.Join(dir, Name(i, f))
				d := filepath.Dir(p)
				if _, ok := made.Load(d); !ok {
					if err := os.MkdirAll(d, 0o755); err != nil {
						errOnce.Do(func() { firstErr = err })
						continue
					}
					made.Store(d, true)
				}
				if err := os.WriteFile(p, []byte(a.Source), 0o644); err != nil {
					errOnce.Do(func() { firstErr = err })
					continue
				}
				if title != nil {
					title(i, a.Title)
				}
				files.Add(1)
				bytes.Add(int64(len(a.Source)))
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return FolderStats{Files: int(files.Load()), Bytes: bytes.Load()}, firstErr
}

// Big returns one long Markdown feature of about size bytes: a headline,
// a byline, and sections of paragraphs with block quotes between them.
func Big(seed uint64, size int) Article {
	r := rand.New(rand.NewPCG(seed, 1<<40))
	return Generate(r, Markdown, size)
}
