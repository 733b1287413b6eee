package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCurrent checks that the committed leaders_past.tsv is what the
// converter makes from ../shared today.
func TestCurrent(t *testing.T) {
	src := filepath.Join("..", "..", "..", "..", "shared", "reference", "dictionaries", "CountryInfo.120116.txt")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("skipping: %s is absent (../shared is not beside this checkout)", src)
	}
	data := filepath.Join("..", "..", "..", "data", "actors")
	out := filepath.Join(t.TempDir(), "leaders_past.tsv")
	err := run([]string{"-countryinfo", src, "-people", filepath.Join(data, "people.tsv"),
		"-countries", filepath.Join(data, "countries.tsv"), "-o", out})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(data, "leaders_past.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/actors/leaders_past.tsv is not current: rerun the command in data/SOURCES.md")
	}
}
