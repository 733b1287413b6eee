package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const udDir = "../../shared/reference/ud-english-ewt"

func readUD(tb testing.TB, split string) []Sentence {
	tb.Helper()
	path := filepath.Join(udDir, "en_ewt-ud-"+split+".conllu")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("UD English EWT not available (%v): skipping", err)
	}
	defer f.Close()
	sents, err := ReadCoNLLU(f, path)
	if err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	return sents
}

// TestEvalEWT scores the committed weights on the EWT test file with gold
// tokenization and asserts floors a little below the measured figures.
func TestEvalEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("parsing the EWT test file takes a second: skipped in -short")
	}
	gold := readUD(t, "test")
	m := defaultModel(t)
	s := Evaluate(m, gold)
	t.Logf("en_ewt-ud-test: %s", s)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", s.UPOS, 94.3},
		{"UAS", s.UAS, 83.0},
		{"LAS", s.LAS, 79.5},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.2f%%, want at least %.1f%%", c.name, c.got, c.floor)
		}
	}
}

// TestTrainSmall trains on 200 sentences and checks the model beats
// chance on the dev file, and that training is deterministic.
func TestTrainSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("training: skipped in -short")
	}
	train := readUD(t, "train")[:200]
	dev := readUD(t, "dev")[:300]
	cfg := DefaultTrainConfig()
	cfg.TagBits, cfg.MoveBits, cfg.LabelBits = 14, 16, 14
	cfg.TagIters, cfg.ParseIters, cfg.Folds = 3, 3, 0
	m, err := Train(cfg, train, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m, dev)
	t.Logf("200 training sentences, dev: %s", s)
	// Chance: 17 universal tags; a head chosen among n words.
	if s.UPOS < 60 || s.UAS < 40 {
		t.Errorf("trained on 200 sentences: %s, want UPOS ≥ 60%% and UAS ≥ 40%%", s)
	}
	m2, err := Train(cfg, train, nil)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m.modelBytes()
	b2, _ := m2.modelBytes()
	if string(b1) != string(b2) {
		t.Errorf("two trainings with the same config gave different weights (%d and %d bytes)", len(b1), len(b2))
	}
}

var benchWords = strings.Fields(`Russia 's Foreign Minister Sergey Lavrov hosted his Syrian counterpart in Moscow on Thursday , ` +
	`and the two sides agreed to expand cooperation , the ministry said in a statement .`)

func BenchmarkTag(b *testing.B) {
	m := defaultModel(b)
	s := m.scratch()
	bytes := 0
	for _, w := range benchWords {
		bytes += len(w) + 1
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		m.lexify(s, benchWords)
		m.tag(s, len(benchWords))
	}
	b.ReportMetric(float64(b.N)*float64(len(benchWords))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkParse(b *testing.B) {
	m := defaultModel(b)
	bytes := 0
	for _, w := range benchWords {
		bytes += len(w) + 1
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	var dst []Word
	for b.Loop() {
		dst = m.AppendParse(dst, benchWords)
	}
	b.ReportMetric(float64(b.N)*float64(len(benchWords))/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkParseTreebank parses the sentences of the EWT dev file: unlike
// BenchmarkParse, whose one sentence keeps its few thousand weight rows in
// cache, its working set is that of real text.
func BenchmarkParseTreebank(b *testing.B) {
	gold := readUD(b, "dev")
	m := defaultModel(b)
	bytes, words := 0, 0
	for _, s := range gold {
		for _, w := range s.Words {
			bytes += len(w) + 1
		}
		words += len(s.Words)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	var dst []Word
	for b.Loop() {
		for _, s := range gold {
			dst = m.AppendParse(dst, s.Words)
		}
	}
	b.ReportMetric(float64(b.N)*float64(words)/b.Elapsed().Seconds(), "tokens/s")
}
