// Package party finds the named parties of an article: people,
// organisations, countries and places, with every mention.
package party

import "byline/articles/doc"

// Kind is the kind of a named party.
type Kind string

// Party kinds.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Country      Kind = "country"
	Place        Kind = "place"
)

// Party is one named party of an article with all its mentions.
type Party struct {
	Name       string // canonical name: "Russia", "NATO", "Bujar Osmani"
	Kind       Kind
	Aliases    []string   // other forms met in the text ("Russian", "Russia's", "Osmani"), without Name, in order of first use
	Mentions   []doc.Span // every mention in text order, including those in credits and captions
	CreditOnly bool       // every mention is in a caption, credit or boilerplate block: shown apart, never a top party
}

// Extract returns the parties named in text, in order of first mention.
// Mentions inside blocks that are not Analysed are kept, and a party named
// only there is CreditOnly.
func Extract(text string, blocks []doc.Block) []Party {
	return nil
}
