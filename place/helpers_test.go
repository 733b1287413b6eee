package place_test

import (
	"testing"

	"github.com/parley-events/parley/place"
)

func mustDefault(t testing.TB) *place.Gazetteer {
	t.Helper()
	g, err := place.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
