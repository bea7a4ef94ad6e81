// Package quote finds the quoted passages of an article and who said them.
package quote

import "byline/articles/doc"

// Kind says whether a passage is reported speech or a scare quote.
type Kind string

// Quote kinds.
const (
	Direct Kind = "direct" // reported speech: somebody said these words
	Scare  Kind = "scare"  // a word or short phrase in quotes that nobody said: a "family" photo, a so-called "peace plan", a title
)

// Quote is one quoted passage. A quote interrupted by its attribution
// ("First," she said, "second.") or running over several paragraphs is one
// Quote with several Parts.
type Quote struct {
	Span        doc.Span   // from the opening mark (or the first quoted byte when the mark was lost) to one past the closing mark (or the end of the quoted text when none)
	Parts       []doc.Span // the quoted words without the enclosing marks, in order; at least one
	Kind        Kind
	Block       int      // index into the blocks of the block where the quote starts
	Speaker     string   // canonical name of the speaking party when it is one, else the words that name the speaker ("the joint statement"); "" when unknown
	SpeakerSpan doc.Span // where the speaker is named in the text (a pronoun's own span for "she said"); zero when none
	Cue         doc.Span // the cue words ("said", "according to"); zero when none
}

// Text returns the quoted words: the parts joined with " … ".
func (q Quote) Text(text string) string {
	s := ""
	for i, p := range q.Parts {
		if i > 0 {
			s += " … "
		}
		s += text[p.Start:p.End]
	}
	return s
}

// Party is a named party already found in the text, handed to Find so that
// speakers can be reported by canonical name and pronouns resolved.
type Party struct {
	Name     string     // canonical name ("Bujar Osmani")
	Kind     string     // "person", "organization", "country" or "place"
	Mentions []doc.Span // every mention, in text order
}
