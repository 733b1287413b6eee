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

// get returns the reading of word in class c.
func (l lexicon) get(word string, c class) (entry, bool) {
	for _, e := range l[word] {
		if e.class == c {
			return e, true
		}
	}
	return entry{}, false
}

func (l lexicon) is(word string, c class) bool {
	_, ok := l.get(word, c)
	return ok
}
