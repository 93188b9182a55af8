package store

// SetCandidates changes how many of a search's newest matches are ranked,
// for a test; it returns a function that puts it back.
func SetCandidates(n int) func() {
	old := candidates
	candidates = n
	return func() { candidates = old }
}

// Cover exposes the tokens of a window to the test.
var Cover = cover

// FillSearchKeys and DataSteps let a test run a migration's data step on
// rows written as before it.
var (
	FillSearchKeys = fillSearchKeys
	FillMarks      = fillMarks
	DataSteps      = dataSteps
)
