package date

import (
	_ "embed"
	"errors"
	"fmt"
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

// word is what the tagger knows of a word: its readings, and whether a
// time expression may begin with it.
type word struct {
	ents  []entry
	opens bool
}

// openers are the words other than those of the classes opening (below)
// that a rule of rules.go reads first: determiners ("the", "last"),
// modifiers ("early", "mid-"), vague counts ("several"), "every",
// "noon"... A rule can begin only at such a word, a number, a word of an
// opening class or an apostrophe ('80s); Resolve tries none of them
// elsewhere.
var openers = []string{
	"the", "this", "that", "last", "next", "past", "coming", "current", "previous",
	"latest", "over", "first", "recent", "early", "mid", "late", "middle", "earlier",
	"later", "several", "many", "some", "few", "a", "an", "less", "fewer", "fiscal",
	"q", "year", "now", "noon", "midday", "midnight", "every", "each", "daily",
	"weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
}

// opening are the classes whose words may begin a time expression.
var opening = []class{clMonth, clWeekday, clNumber, clOrdinal, clSeason, clRef, clDeictic, clMod}

// vocab is the table of words the tagger knows, looked up for every
// token: a bitmap, indexed by a hash of a word's length and first and
// last bytes, tells most other words (nearly all of a text) at once.
type vocab struct {
	words map[string]word
	seen  [vocabBits / 64]uint64
}

const vocabBits = 1 << 12

func vocabBit(w string) uint32 {
	h := uint32(len(w)) | uint32(w[0])<<8 | uint32(w[len(w)-1])<<16
	return h * 0x9e3779b1 >> 20
}

func newVocab(words map[string]word) vocab {
	v := vocab{words: words}
	for w := range words {
		if w != "" {
			b := vocabBit(w)
			v.seen[b/64] |= 1 << (b % 64)
		}
	}
	return v
}

// get returns what the table says of w; the zero word when nothing.
func (v *vocab) get(w string) word {
	if w != "" {
		if b := vocabBit(w); v.seen[b/64]&(1<<(b%64)) == 0 {
			return word{}
		}
	}
	return v.words[w]
}

// vocabulary joins the lexicon and the openers into one table, looked up
// once for every token.
func vocabulary(lx lexicon) map[string]word {
	v := make(map[string]word, len(lx)+len(openers))
	for w, ents := range lx {
		x := word{ents: ents}
		for _, c := range opening {
			x.opens = x.opens || has(ents, c)
		}
		v[w] = x
	}
	for _, w := range openers {
		x := v[w]
		x.opens = true
		v[w] = x
	}
	return v
}
