package party

import (
	"testing"

	"byline/articles/doc"
)

// TestLowerCaseTitleBeforeOrgName is a regression test: a lower-case title
// followed by "of" and an organisation's name ("council leader of Vireo
// Telecom") once made the scanner loop for ever.
func TestLowerCaseTitleBeforeOrgName(t *testing.T) {
	s := `"What happens to every border crossing happens to all of us," Lena Popescu, council leader of Vireo Telecom told reporters`
	ps := Extract(s, []doc.Block{{Span: doc.Span{Start: 0, End: len(s)}, Kind: doc.Body}})
	found := false
	for _, p := range ps {
		if p.Name == "Lena Popescu" {
			found = true
		}
	}
	if !found {
		t.Errorf("Extract(%q) = %+v, want Lena Popescu among the parties", s, ps)
	}
}
