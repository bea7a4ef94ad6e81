//go:build race

package doc

// raceEnabled scales the hostile inputs down under the race detector,
// which makes them ten times slower.
const raceEnabled = true
