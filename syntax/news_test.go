package syntax

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestNewsSentences checks the arcs of testdata/news.tsv that matter for
// event attribution. Rows marked "assert" must be right; rows marked "log"
// are known errors and are only logged.
func TestNewsSentences(t *testing.T) {
	m := defaultModel(t)
	f, err := os.Open("testdata/news.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	right, total := 0, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 5 {
			t.Fatalf("news.tsv:%d: %d columns, want 5", line, len(cols))
		}
		words := strings.Fields(cols[0])
		dep, err := find(words, cols[1])
		if err != nil {
			t.Fatalf("news.tsv:%d: %v", line, err)
		}
		wantHead := -1
		if cols[2] != "ROOT" {
			if wantHead, err = find(words, cols[2]); err != nil {
				t.Fatalf("news.tsv:%d: %v", line, err)
			}
		}
		t.Run(fmt.Sprintf("%d_%s", line, cols[1]), func(t *testing.T) {
			got := m.Parse(words)
			w := got[dep]
			gotHead := "ROOT"
			if w.Head >= 0 {
				gotHead = words[w.Head]
			}
			total++
			if w.Head == wantHead && w.Rel == cols[3] {
				right++
				if cols[4] == "log" {
					t.Logf("news.tsv:%d: %s now right (%s %s): mark it assert", line, cols[1], gotHead, w.Rel)
				}
				return
			}
			msg := fmt.Sprintf("news.tsv:%d: %q: %s got head %s rel %s, want %s %s", line, cols[0], cols[1], gotHead, w.Rel, cols[2], cols[3])
			if cols[4] == "assert" {
				t.Error(msg)
			} else {
				t.Log("known error: " + msg)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d key arcs right", right, total)
}

// find returns the index of word in words; "word#2" names the second
// occurrence.
func find(words []string, word string) (int, error) {
	nth := 1
	if w, n, ok := strings.Cut(word, "#"); ok {
		word = w
		fmt.Sscan(n, &nth)
	}
	for i, w := range words {
		if w == word {
			if nth--; nth == 0 {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("no %q in %q", word, words)
}
