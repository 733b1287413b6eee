// Package sentence splits normalized news text into sentences, each with
// its tokens.
//
// A sentence ends:
//   - at a blank line, and at a line break unless the line is clearly
//     wrapped in mid-sentence: the next line begins in lower case and the
//     line does not end with . ! ? : or an ellipsis (a quote closed after
//     one of those counts as ending with it; a quote closed after a comma,
//     as in `"...we will go,"\nthe minister said`, does not), or the line
//     ends with a comma, semicolon or opening bracket, or with a word listed
//     in continuers.txt ("the", "of", "and"). So headings without a final
//     period ("Syria and Russia sign accord") are sentences;
//   - after . ? ! (and the closing quotes and brackets glued to them)
//     when the next token begins with a capital, a digit, an uncased
//     letter or an opening quote or bracket; not before a lower-case word
//     (`“Ready?” he asked`) nor before other punctuation. A period glued to
//     a capital ("Damascus.On Thursday") ends a sentence;
//   - after an ellipsis followed by a capital or an opening quote;
//   - after an abbreviation that may end a sentence ("U.S.", "Inc.",
//     "a.m.", "Jan.", an initial: see token.Abbreviation) only when the next
//     word is a sentence starter (starters.txt: The, He, But, In...) or an
//     opening quote (not a bracket: "NEWARK, N.J. (AP)"). "in the U.S. The
//     president said" splits; "the U.S. Embassy", "Jan. 5", "George W.
//     Bush" do not. A sentence that ends in
//     such an abbreviation before a name or a noun ("in the U.S. Officials
//     said" is caught only because Officials is listed) stays joined to the
//     next: news text has far more of the first kind than of the second.
//   - Titles and other inner abbreviations ("Dr.", "Lt. Col.", "e.g.",
//     "vs.") never end a sentence; em-dashes and colons never do.
package sentence

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/token"
)

//go:embed starters.txt
var startersData string

//go:embed continuers.txt
var continuersData string

// Splitter splits normalized text into sentences. It is built once by
// NewSplitter, never changes after and is safe for concurrent use.
type Splitter struct {
	starters   map[string]bool // capitalized words that begin sentences
	continuers map[string]bool // folded words no line ends with unless wrapped
}

// NewSplitter returns a Splitter with the embedded word lists
// (starters.txt, continuers.txt). The abbreviations it knows are those of
// the token package (token/abbreviations.txt), which keeps their periods
// inside tokens.
func NewSplitter() *Splitter {
	starters, err := parseWords("starters.txt", startersData, true)
	if err != nil {
		panic(err) // embedded data; TestWordLists keeps it valid
	}
	continuers, err := parseWords("continuers.txt", continuersData, false)
	if err != nil {
		panic(err) // embedded data; TestWordLists keeps it valid
	}
	return &Splitter{starters: starters, continuers: continuers}
}

// parseWords reads one word a line, # comments and blank lines skipped,
// and reports every bad line at once. Words must begin with a capital
// when capital is set, and be lower case otherwise.
func parseWords(name, data string, capital bool) (map[string]bool, error) {
	m := make(map[string]bool)
	var errs []error
	for n, line := range strings.Split(data, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }):
			errs = append(errs, fmt.Errorf("%s:%d: %q is not one word", name, n+1, w))
		case capital && !unicode.IsUpper(r):
			errs = append(errs, fmt.Errorf("%s:%d: %q does not begin with a capital", name, n+1, w))
		case !capital && w != strings.ToLower(w):
			errs = append(errs, fmt.Errorf("%s:%d: %q is not lower case", name, n+1, w))
		case m[w]:
			errs = append(errs, fmt.Errorf("%s:%d: %q is listed twice", name, n+1, w))
		default:
			m[w] = true
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// Split returns the sentences of text in order, each with its tokens
// (token.Tokenize). Sentence spans begin at their first token and end at
// their last, so they carry no surrounding white space; no sentence is
// empty; spans do not overlap. The tokens of all sentences share one
// backing array, each sentence's slice capped at its own end.
func (s *Splitter) Split(text string) []parley.Sentence {
	toks := token.Tokenize(make([]parley.Token, 0, len(text)/4+8), text, parley.Span{End: len(text)})
	if len(toks) == 0 {
		return nil
	}
	sents := make([]parley.Sentence, 0, len(toks)/20+1)
	begin := 0
	for i := 0; i < len(toks); i++ {
		last, ok := s.endAfter(text, toks, i)
		if !ok {
			continue
		}
		sents = append(sents, sentenceOf(toks[begin:last+1:last+1]))
		begin = last + 1
		i = last
	}
	if begin < len(toks) {
		sents = append(sents, sentenceOf(toks[begin:len(toks):len(toks)]))
	}
	return sents
}

func sentenceOf(toks []parley.Token) parley.Sentence {
	return parley.Sentence{
		Span:   parley.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End},
		Tokens: toks,
	}
}

// ending says how a token may end a sentence.
type ending uint8

const (
	noEnd    ending = iota
	stop            // . ? ! ?!
	ellipsis        // ... …
	abbrev          // an abbreviation that may end a sentence
)

func endingOf(kind parley.TokenKind, w string) ending {
	switch kind {
	case parley.Punct:
		switch {
		case w == "." || only(w, '?', '!'):
			return stop
		case w == "…" || only(w, '.', '.'):
			return ellipsis
		}
	case parley.Word:
		if len(w) > 1 && w[len(w)-1] == '.' && token.Abbreviation(w) == token.FinalAbbrev {
			return abbrev
		}
	}
	return noEnd
}

// newline returns the index of the first line feed in gap, -1 when there
// is none: strings.IndexByte, without its call for the one space between
// most tokens.
func newline(gap string) int {
	if len(gap) > 8 {
		return strings.IndexByte(gap, '\n')
	}
	for i := range len(gap) {
		if gap[i] == '\n' {
			return i
		}
	}
	return -1
}

// only reports whether every byte of w is a or b (strings.Trim(w, ab) ==
// "", without building the cutset for every punctuation mark).
func only(w string, a, b byte) bool {
	for i := range len(w) {
		if w[i] != a && w[i] != b {
			return false
		}
	}
	return true
}

// endAfter reports whether a sentence ends with toks[i] or with the
// closing quotes and brackets glued to it, and returns the index of the
// sentence's last token.
func (s *Splitter) endAfter(text string, toks []parley.Token, i int) (int, bool) {
	end := endingOf(toks[i].Kind, toks[i].Span.In(text))
	last := i
	if end != noEnd {
		for last+1 < len(toks) && toks[last+1].Span.Start == toks[last].Span.End && isCloser(toks[last+1].Span.In(text)) {
			last++
		}
	}
	if last+1 == len(toks) {
		return last, true
	}
	next := &toks[last+1]
	gap := text[toks[last].Span.End:next.Span.Start]
	nw := next.Span.In(text)
	if k := newline(gap); k >= 0 {
		if end != noEnd || strings.IndexByte(gap[k+1:], '\n') >= 0 {
			return last, true // end of line after a full stop, or a blank line
		}
		return last, !s.wrapped(toks[last], nw)
	}
	switch end {
	case stop:
		if gap == "" {
			return last, startsUpper(nw) // "Damascus.On Thursday"
		}
		r, _ := utf8.DecodeRuneInString(nw)
		switch {
		case unicode.IsLower(r):
			return 0, false
		case unicode.IsLetter(r) || unicode.IsNumber(r) || isOpener(nw):
			return last, true
		}
	case ellipsis:
		return last, startsUpper(nw) || isOpener(nw)
	case abbrev:
		// Not before a bracket: "NEWARK, N.J. (AP) —".
		return last, s.starters[nw] || (isOpener(nw) && !strings.ContainsAny(nw, "([{"))
	}
	return 0, false
}

// wrapped reports whether a line ending in the token last continues on
// the next line, which begins with the token nextWord.
func (s *Splitter) wrapped(last parley.Token, nextWord string) bool {
	if s.continuers[last.Norm] {
		return true
	}
	switch last.Norm {
	case ",", ";", "(", "[", "{":
		return true
	case ".", "!", "?", ":", "...":
		return false
	}
	r, _ := utf8.DecodeRuneInString(nextWord)
	return unicode.IsLower(r)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isCloser reports whether a token glued to a full stop closes a quote or
// a bracket.
func isCloser(w string) bool {
	switch w {
	case "”", "’", "»", "›", ")", "]", "}", "\"", "'", "''", "」", "』":
		return true
	}
	return false
}

// isOpener reports whether a token opens a quote or a bracket.
func isOpener(w string) bool {
	switch w {
	case "“", "‘", "«", "‹", "„", "‚", "(", "[", "{", "\"", "'", "``", "「", "『":
		return true
	}
	return false
}
