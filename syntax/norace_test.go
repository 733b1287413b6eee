//go:build !race

package syntax

// raceEnabled is true under -race, whose instrumentation allocates.
const raceEnabled = false
