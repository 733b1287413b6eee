package date

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

//go:embed words.tsv
var wordsTSV string

// class is the part a word plays in time expressions.
type class uint8

const (
	clMonth class = iota + 1
	clWeekday
	clNumber
	clOrdinal
	clUnit
	clSeason
	clPart
	clRef
	clDeictic
	clMod
	clPast
	clFuture
	clNoCue
)

var classNames = map[string]class{
	"month": clMonth, "weekday": clWeekday, "number": clNumber, "ordinal": clOrdinal,
	"unit": clUnit, "season": clSeason, "part": clPart, "ref": clRef,
	"deictic": clDeictic, "mod": clMod, "past": clPast, "future": clFuture, "nocue": clNoCue,
}

// entry is one reading of a word: its class with a number (months,
// weekdays, numbers, day offsets) or a code (units, seasons, refs, mods).
type entry struct {
	class class
	num   int
	code  string
}

// lexicon maps a lower-case word to its readings.
type lexicon map[string][]entry

// parseLexicon reads word<TAB>class<TAB>value lines, reporting every bad line
// with its file and line number.
func parseLexicon(name, data string) (lexicon, error) {
	lex := lexicon{}
	var errs []error
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			errs = append(errs, fmt.Errorf("%s:%d: %q: want word<TAB>class<TAB>value", name, n+1, line))
			continue
		}
		word, cl, val := strings.ToLower(f[0]), f[1], f[2]
		c, ok := classNames[cl]
		if !ok || word == "" {
			errs = append(errs, fmt.Errorf("%s:%d: unknown class %q for %q", name, n+1, cl, word))
			continue
		}
		e := entry{class: c, code: val}
		switch c {
		case clMonth, clWeekday, clNumber, clOrdinal, clDeictic:
			v, err := strconv.Atoi(val)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %s %q: value: %w", name, n+1, cl, word, err))
				continue
			}
			if (c == clMonth && (v < 1 || v > 12)) || (c == clWeekday && (v < 1 || v > 7)) {
				errs = append(errs, fmt.Errorf("%s:%d: %s %q: value %d out of range", name, n+1, cl, word, v))
				continue
			}
			e.num = v
		}
		lex[word] = append(lex[word], e)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lex, nil
}

// has reports whether ents hold a reading of class c.
func has(ents []entry, c class) bool {
	for _, e := range ents {
		if e.class == c {
			return true
		}
	}
	return false
}

// word is what the tagger knows of a word: its readings, the rules that
// may read a time expression beginning with it, and those that may read
// one beginning with "the" before it.
type word struct {
	ents     []entry
	rules    ruleSet
	afterThe ruleSet
}

// vocab is the table of words the tagger knows, looked up for every
// token: an open-addressed table of indexes into words, at a hash of a
// word's length and first and last bytes. The slot of nearly every word
// of a text that is not in the table is empty, which tells it at once.
type vocab struct {
	words []vocabWord
	slots [vocabSlots]uint16 // 1 + the index in words; 0 for none
	// used has bit h set when slots[h] is not empty: a table 16 times
	// smaller, which stays in the nearest cache.
	used [vocabSlots / 64]uint64
	// number and quote are what the table says of numbers and of
	// apostrophes.
	number, quote word
}

// vocabWord is a word of the table with what the table says of it.
type vocabWord struct {
	key string
	word
}

// vocabSlots is the size of the table: at most half full, so that every
// probe ends soon at an empty slot.
const vocabSlots = 1 << 12

func vocabSlot(w string) uint32 {
	h := uint32(len(w)) | uint32(w[0])<<8 | uint32(w[len(w)-1])<<16
	return h * 0x9e3779b1 >> 20
}

// newVocab builds the table of words; an error when they do not fit it.
func newVocab(words map[string]word) (vocab, error) {
	var v vocab
	if len(words) >= vocabSlots/2 {
		return v, fmt.Errorf("%d words, more than the table of %d slots holds with room to spare", len(words), vocabSlots)
	}
	for k, r := range rules {
		if r.first.number {
			v.number.rules |= 1 << k
		}
		if r.the.number {
			v.number.afterThe |= 1 << k
		}
		if r.first.quote {
			v.quote.rules |= 1 << k
		}
		if r.the.quote {
			v.quote.afterThe |= 1 << k
		}
	}
	keys := slices.Sorted(maps.Keys(words)) // the same table every time
	for _, w := range keys {
		if w == "" {
			continue
		}
		if w == "'" || strings.Trim(w, "0123456789") == "" {
			return v, fmt.Errorf("%q: the tagger reads numbers and apostrophes as such, never as words", w)
		}
		v.words = append(v.words, vocabWord{key: w, word: words[w]})
		h := vocabSlot(w)
		for v.slots[h] != 0 {
			h = (h + 1) % vocabSlots
		}
		v.slots[h] = uint16(len(v.words))
		v.used[h/64] |= 1 << (h % 64)
	}
	return v, nil
}

// get returns what the table says of w; the zero word when nothing.
func (v *vocab) get(w string) word {
	if w == "" {
		return word{}
	}
	h := vocabSlot(w)
	if v.used[h/64]&(1<<(h%64)) == 0 {
		return word{}
	}
	for ; v.slots[h] != 0; h = (h + 1) % vocabSlots {
		if x := &v.words[v.slots[h]-1]; x.key == w {
			return x.word
		}
	}
	return word{}
}

// vocabulary joins the lexicon and the words of the rules into one
// table, looked up once for every token.
func vocabulary(lx lexicon) map[string]word {
	v := make(map[string]word, len(lx))
	for w, ents := range lx {
		v[w] = word{ents: ents}
	}
	for _, r := range rules {
		for _, w := range join(r.first.words, r.the.words...) {
			v[w] = word{ents: lx[w]}
		}
	}
	for w, x := range v {
		for k, r := range rules {
			if r.first.holds(w, x.ents) {
				x.rules |= 1 << k
			}
			if r.the.holds(w, x.ents) {
				x.afterThe |= 1 << k
			}
		}
		v[w] = x
	}
	return v
}
