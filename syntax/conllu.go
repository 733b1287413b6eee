package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a CoNLL-U treebank: its syntactic words with
// their tags and basic dependency tree.
type Sentence struct {
	// ID is the sent_id comment, when the file gives one.
	ID    string
	Words []string // FORM
	UPOS  []string
	XPOS  []string
	// Heads are indices into Words; -1 marks the root.
	Heads []int
	Rels  []string // DEPREL, subtypes kept ("nsubj:pass", "acl:relcl")
}

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// ReadCoNLLU reads a CoNLL-U file. Multiword token lines ("1-2") and empty
// nodes ("1.1") are skipped: the syntactic words are kept. name is used in
// error messages. A sentence with a bad line is dropped and reported with
// name:line; the other sentences are returned with the joined errors.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var (
		sents []Sentence
		errs  []error
		cur   Sentence
		bad   bool
		start int // line of the sentence's first word line
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	flush := func() {
		if len(cur.Words) > 0 && !bad {
			if err := checkTree(&cur); err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: sentence %q: %w", name, start, cur.ID, err))
			} else {
				sents = append(sents, cur)
			}
		}
		cur, bad = Sentence{}, false
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if k, v, ok := strings.Cut(line[1:], "="); ok && strings.TrimSpace(k) == "sent_id" {
				cur.ID = strings.TrimSpace(v)
			}
			continue
		}
		if bad {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			errs = append(errs, fmt.Errorf("%s:%d: %d columns, want 10: %q", name, n, len(cols), clip(line)))
			bad = true
			continue
		}
		id := cols[0]
		if strings.ContainsAny(id, "-.") {
			continue // multiword token or empty node
		}
		k, err := strconv.Atoi(id)
		if err != nil || k != len(cur.Words)+1 {
			errs = append(errs, fmt.Errorf("%s:%d: word ID %q, want %d", name, n, id, len(cur.Words)+1))
			bad = true
			continue
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			errs = append(errs, fmt.Errorf("%s:%d: head %q is not a word number", name, n, cols[6]))
			bad = true
			continue
		}
		if cols[1] == "" || cols[3] == "" || cols[7] == "" || cols[7] == "_" {
			errs = append(errs, fmt.Errorf("%s:%d: word %d lacks a form, UPOS or relation", name, n, k))
			bad = true
			continue
		}
		if len(cur.Words) == 0 {
			start = n
		}
		cur.Words = append(cur.Words, cols[1])
		cur.UPOS = append(cur.UPOS, cols[3])
		cur.XPOS = append(cur.XPOS, cols[4])
		cur.Heads = append(cur.Heads, head-1)
		cur.Rels = append(cur.Rels, cols[7])
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
	}
	flush()
	return sents, errors.Join(errs...)
}

// checkTree reports whether the heads of s form one tree with one root.
func checkTree(s *Sentence) error {
	roots := 0
	for i, h := range s.Heads {
		switch {
		case h == -1:
			roots++
		case h >= len(s.Heads) || h == i:
			return fmt.Errorf("word %d has head %d", i+1, h+1)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	// Every word must reach the root without a cycle.
	for i := range s.Heads {
		j := i
		for steps := 0; s.Heads[j] != -1; steps++ {
			if steps > len(s.Heads) {
				return fmt.Errorf("word %d is on a cycle", i+1)
			}
			j = s.Heads[j]
		}
	}
	return nil
}

// Projective reports whether the tree given by heads (-1 for the root) has
// no crossing arcs, the root's arc included.
func Projective(heads []int) bool {
	n := len(heads)
	for d, h := range heads {
		if h < 0 {
			h = n // the root sits after the last word
		}
		lo, hi := min(d, h), max(d, h)
		for k := lo + 1; k < hi; k++ {
			// Every word strictly inside the arc must have its head inside
			// [lo, hi].
			kh := heads[k]
			if kh < 0 {
				kh = n
			}
			if kh < lo || kh > hi {
				return false
			}
		}
	}
	return true
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
