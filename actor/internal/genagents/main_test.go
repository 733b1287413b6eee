package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// TestCurrent checks that data/actors/agents_phoenix.tsv is what the
// generator makes of the reference dictionary.
func TestCurrent(t *testing.T) {
	const in = "../../../../shared/reference/dictionaries/Phoenix.agents.txt"
	if _, err := os.Stat(in); err != nil {
		t.Skipf("Phoenix.agents.txt not available (%v): it lives in ../shared, outside the repository", err)
	}
	want, err := os.ReadFile("../../../data/actors/agents_phoenix.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	err = run([]string{"-in", in}, &got, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("data/actors/agents_phoenix.tsv is stale: rerun go run ./actor/internal/genagents -in %s -o data/actors/agents_phoenix.tsv", in)
	}
}
