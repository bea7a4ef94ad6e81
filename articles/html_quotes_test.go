package articles

import (
	"strings"
	"testing"

	"byline/articles/doc"
)

// TestHTMLQuoteSources checks quotes that HTML marks up rather than writes
// with quotation marks: an inline <q> is a quote attributed like any other,
// and a <blockquote> is a quote by the source its <cite> or <footer> names,
// or by the site of its cite attribute — never by the speaker of the quote
// before it.
func TestHTMLQuoteSources(t *testing.T) {
	page := func(block string) string {
		return `<!doctype html><html><head><title>Harbour levy approved</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour levy approved</h1>
<p>The harbour board approved a levy on cruise passengers on Tuesday. Its chair, Marta Silva, said the money would go to the sea wall: <q>Every euro stays in this town.</q></p>
` + block + `
<p>Shop owners were divided on the plan, and several said they would close for the winter.</p>
</article><footer>Harbour Times</footer></body></html>`
	}
	const said = "We were not consulted, and we will appeal."
	for _, tc := range []struct {
		name, block, speaker string
	}{
		{"cite element", `<blockquote><p>` + said + `</p><p>— <cite>Cruise Lines Association</cite></p></blockquote>`, "Cruise Lines Association"},
		{"footer", `<blockquote><p>` + said + `</p><footer>— Cruise Lines Association</footer></blockquote>`, "Cruise Lines Association"},
		{"cite attribute", `<blockquote cite="https://www.example.org/statement"><p>` + said + `</p></blockquote>`, "example.org"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("levy.html", doc.HTML, []byte(page(tc.block)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range a.Quotes {
				got = append(got, q.Text(a.Text)+" | "+q.Speaker+" | "+string(q.Kind))
			}
			want := []string{
				"Every euro stays in this town. | Marta Silva | direct",
				said + " | " + tc.speaker + " | direct",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
