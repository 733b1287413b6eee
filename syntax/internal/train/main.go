// Command train trains parley's tagger and parser on Universal
// Dependencies English EWT and writes the weights file, or evaluates the
// weights on the treebank's test (or dev) file:
//
//	go run ./syntax/internal/train -ud ../shared/reference/ud-english-ewt -o data/syntax
//	go run ./syntax/internal/train -ud ../shared/reference/ud-english-ewt -eval
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-events/parley/syntax"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("train", flag.ContinueOnError)
	fl.SetOutput(stderr)
	ud := fl.String("ud", "../shared/reference/ud-english-ewt", "directory of the UD English EWT CoNLL-U files")
	out := fl.String("o", "data/syntax", "directory to write "+syntax.FileName+" to")
	eval := fl.Bool("eval", false, "evaluate the weights in -o (or the embedded ones when -o is empty) instead of training")
	split := fl.String("split", "test", "file evaluated: test or dev")
	limit := fl.Int("n", 0, "train on the first n sentences only (0: all), for quick experiments")
	cfg := syntax.DefaultTrainConfig()
	fl.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the shuffling and the exploration")
	fl.IntVar(&cfg.TagIters, "tag-iters", cfg.TagIters, "tagger passes")
	fl.IntVar(&cfg.ParseIters, "parse-iters", cfg.ParseIters, "parser passes")
	fl.UintVar(&cfg.TagBits, "tag-bits", cfg.TagBits, "log2 tagger buckets")
	fl.UintVar(&cfg.MoveBits, "move-bits", cfg.MoveBits, "log2 move buckets")
	fl.UintVar(&cfg.LabelBits, "label-bits", cfg.LabelBits, "log2 label buckets")
	fl.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds for the parser's training tags")
	fl.IntVar(&cfg.TagSetMinCount, "tag-set-min", cfg.TagSetMinCount, "tag words seen this often among their training classes (0: never)")
	fl.IntVar(&cfg.TagFeatureMin, "tag-feature-min", cfg.TagFeatureMin, "learn only tagger features seen this often in a first pass (0 or 1: all)")
	fl.IntVar(&cfg.MoveFeatureMin, "move-feature-min", cfg.MoveFeatureMin, "learn only move features seen this often in a first pass (0 or 1: all)")
	fl.IntVar(&cfg.LabelFeatureMin, "label-feature-min", cfg.LabelFeatureMin, "learn only label features seen this often in a first pass (0 or 1: all)")
	fl.IntVar(&cfg.RelSetMinCount, "rel-set-min", cfg.RelSetMinCount, "label arcs whose tag pair was seen this often among its training relations (0: never)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	read := func(name string) ([]syntax.Sentence, error) {
		path := filepath.Join(*ud, "en_ewt-ud-"+name+".conllu")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return syntax.ReadCoNLLU(f, path)
	}
	if *eval {
		var m *syntax.Model
		var err error
		if *out == "" {
			m, err = syntax.Default()
		} else {
			m, err = syntax.Load(os.DirFS(*out))
		}
		if err != nil {
			return err
		}
		gold, err := read(*split)
		if err != nil {
			return err
		}
		start := time.Now()
		s := syntax.Evaluate(m, gold)
		fmt.Fprintf(stdout, "%s: %s (%s)\n", *split, s, time.Since(start).Round(time.Millisecond))
		return nil
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := syntax.Train(cfg, train, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "trained in %s\n", time.Since(start).Round(time.Second))
	fmt.Fprintf(stdout, "dev: %s\n", syntax.Evaluate(m, dev))
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("no output directory")
	}
	path := filepath.Join(*out, syntax.FileName)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes\n", path, b.Len())
	return nil
}
