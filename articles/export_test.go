package articles

// RefJSON is refJSON for the external tests: Article.JSON by its
// definition, through encoding/json.
var RefJSON = refJSON
