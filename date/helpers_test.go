package date

import "testing"

func mustResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := NewResolver()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
