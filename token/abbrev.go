package token

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// AbbrevClass says whether a word ending in a period is an abbreviation,
// and whether it may end a sentence.
type AbbrevClass uint8

// Abbreviation classes.
const (
	// NotAbbrev: the period is a full stop.
	NotAbbrev AbbrevClass = iota
	// InnerAbbrev never ends a sentence: "Dr.", "Gen.", "e.g.", "vs.".
	InnerAbbrev
	// FinalAbbrev may end a sentence: "U.S.", "Inc.", "Jan.", "a.m.",
	// initials like the "W." of "George W. Bush".
	FinalAbbrev
)

//go:embed abbreviations.txt
var abbreviationData string

// abbreviations is the table compiled once from abbreviations.txt; it is
// never written after it is built.
var abbreviations = sync.OnceValue(func() map[string]AbbrevClass {
	m, err := parseAbbreviations("abbreviations.txt", abbreviationData)
	if err != nil {
		panic(err) // embedded data; TestAbbreviationData keeps it valid
	}
	return m
})

// parseAbbreviations reads the abbreviation table format (see
// abbreviations.txt) and reports every bad line at once.
func parseAbbreviations(name, data string) (map[string]AbbrevClass, error) {
	m := make(map[string]AbbrevClass)
	var errs []error
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		form, class, ok := strings.Cut(line, "\t")
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: %q: want abbreviation<TAB>class", name, n+1, line))
			continue
		}
		var c AbbrevClass
		switch strings.TrimSpace(class) {
		case "inner":
			c = InnerAbbrev
		case "final":
			c = FinalAbbrev
		default:
			errs = append(errs, fmt.Errorf("%s:%d: class %q of %q is not inner or final", name, n+1, class, form))
			continue
		}
		if !validAbbrev(form) {
			errs = append(errs, fmt.Errorf("%s:%d: %q is not letters and periods ending in a period", name, n+1, form))
			continue
		}
		if _, dup := m[form]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: %q is listed twice", name, n+1, form))
			continue
		}
		m[form] = c
		if r, size := utf8.DecodeRuneInString(form); unicode.IsLower(r) {
			upper := string(unicode.ToUpper(r)) + form[size:]
			if _, ok := m[upper]; !ok {
				m[upper] = c
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// validAbbrev reports whether s is letters and periods, ending in a
// period, with no empty segment: the shapes the tokenizer can produce.
func validAbbrev(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '.' {
		return false
	}
	prevDot := true
	for _, r := range s {
		switch {
		case r == '.':
			if prevDot {
				return false
			}
			prevDot = true
		case unicode.IsLetter(r):
			prevDot = false
		default:
			return false
		}
	}
	return true
}

// Abbreviation returns the class of a word written with its final period:
// the class listed in abbreviations.txt, FinalAbbrev for an initialism
// of single letters ("U.S.", "a.m.", "J.R.R.") or a single capital
// initial ("W."), and NotAbbrev otherwise.
func Abbreviation(word string) AbbrevClass {
	if c, ok := abbreviations()[word]; ok {
		return c
	}
	if isInitialism(word) {
		return FinalAbbrev
	}
	return NotAbbrev
}

// isInitialism reports whether s is single letters each followed by a
// period ("U.S.", "a.m."), or one capital letter and a period ("W.").
func isInitialism(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '.' {
		return false
	}
	segments := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) || i+size >= len(s) || s[i+size] != '.' {
			return false
		}
		if segments == 0 && i+size+1 == len(s) && !unicode.IsUpper(r) {
			return false // "a." alone is a letter and a full stop
		}
		segments++
		i += size + 1
	}
	return segments > 0
}
