package syntax

// hugeSlice returns a zeroed slice of n elements for a large weight table.
// (Backing the tables with huge pages was tried and measured within noise,
// so they are ordinary slices.)
func hugeSlice[T any](n int) []T { return make([]T, n) }
