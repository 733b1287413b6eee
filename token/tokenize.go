package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Tokenize appends to dst the tokens of text[span.Start:span.End] and
// returns it. Offsets are byte offsets into text; a span that does not
// fit text is clipped to it. Each token's Norm is Fold of its text.
//
// The rules are those of news English:
//   - words keep inner hyphens ("post-Assad", "al-Sharaa", "F-16"), but a
//     dash splits ("Syria—one" is Syria, —, one);
//   - possessive "'s" and the contractions "n't", "'re", "'ve", "'ll",
//     "'d", "'m" are tokens of their own ("Russia’s" is Russia, ’s;
//     "didn't" is did, n't); the apostrophe of "ministers'" is a token;
//     other inner apostrophes stay ("O'Brien");
//   - abbreviations keep their period ("U.S.", "Gen.", "a.m.", "W."), also
//     after a hyphen ("anti-U.S.", "R-Fla."): see Abbreviation;
//   - numbers keep separators between digits ("1,000", "3.5", "10:30",
//     "2025-07-31"); "15–20" is 15, –, 20;
//   - lower-case text glued to a period stays one token ("example.com");
//   - runs of periods ("..."), of hyphens ("--"), of ? and !, and the
//     doubled quotes of old wire copy (two grave accents, two
//     apostrophes) are one token; every other punctuation mark
//     or symbol is a token of its own. Currency signs, %, #, & and @ are
//     Symbol; other marks are Punct.
//
// White space, control characters and format characters between tokens
// are skipped; U+200B and U+FEFF separate words, while other format
// characters inside a word (soft hyphen, ZWJ) stay in it.
func Tokenize(dst []parley.Token, text string, span parley.Span) []parley.Token {
	start, end := max(span.Start, 0), min(span.End, len(text))
	if start >= end {
		return dst
	}
	first := len(dst)
	t := tokenizer{text: text[:end], dst: dst}
	for i := start; i < end; {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c <= ' ' || c == 0x7f:
				i++
			case isASCIIAlnum(c):
				i = t.word(i)
			default:
				i = t.punct(i)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			i += size
		case isAlnum(r):
			i = t.word(i)
		default:
			i = t.punct(i)
		}
	}
	t.fold(first, end-start)
	return t.dst
}

// tokenizer holds the state of one Tokenize call. text ends where the
// span ends, so that no token runs past it.
type tokenizer struct {
	text string
	dst  []parley.Token
}

// at decodes the rune at byte i; past the end it returns -1.
func (t *tokenizer) at(i int) (rune, int) {
	if i >= len(t.text) {
		return -1, 0
	}
	if c := t.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[i:])
}

func (t *tokenizer) emit(start, end int, kind parley.TokenKind) {
	t.dst = append(t.dst, parley.Token{Span: parley.Span{Start: start, End: end}, Kind: kind})
}

// word reads a word or a number starting at start, appends its token (or
// two, for a split clitic) and returns where it ends.
func (t *tokenizer) word(start int) int {
	first, _ := t.at(start)
	numeric := unicode.IsNumber(first)
	plain := true         // letters only since seg: may be an abbreviation
	seg := start          // where the part after the last hyphen begins
	hyphenLetter := false // "19-year-old" is a word, "2025-07-31" a number
	prev := rune(-1)
	j := start
scan:
	for j < len(t.text) {
		if c := t.text[j]; isASCIIAlnum(c) {
			// the common case of the branch below
			if c <= '9' {
				plain = false
			}
			prev = rune(c)
			j++
			continue
		}
		r, size := t.at(j)
		if isAlnum(r) || (prev >= 0 && isJoiner(r)) {
			if plain && !unicode.IsLetter(r) && !unicode.IsMark(r) {
				plain = false
			}
			prev = r
			j += size
			continue
		}
		switch r {
		case '-', '\u2010', '\u2011':
			n, _ := t.at(j + size)
			if !isAlnum(prev) || !isAlnum(n) {
				break scan
			}
			hyphenLetter = hyphenLetter || unicode.IsLetter(n)
			prev = r
			j += size
			seg, plain = j, true // "anti-U.S.", "R-Fla."
			continue
		case ',', ':', '.':
			n, _ := t.at(j + 1)
			if unicode.IsDigit(prev) && unicode.IsDigit(n) {
				break
			}
			if r != '.' {
				break scan
			}
			if plain {
				if e := t.abbrev(seg, j); e > 0 {
					t.emit(start, e, parley.Word)
					return e
				}
			}
			// "example.com", "www.state.gov": a period glued to lower case.
			if !isAlnum(prev) || !unicode.IsLower(n) {
				break scan
			}
		case '\'', '’':
			if !isAlnum(prev) {
				break scan
			}
			k := j + size
			letters := 0
			for {
				r2, s2 := t.at(k)
				if !unicode.IsLetter(r2) {
					break
				}
				k += s2
				letters++
			}
			if letters == 0 {
				break scan // "ministers'": the apostrophe is a token
			}
			if after, _ := t.at(k); !isAlnum(after) {
				suffix := t.text[j+size : k]
				kind := kindOf(numeric, hyphenLetter)
				switch {
				case isClitic(suffix):
					t.emit(start, j, kind)
					t.emit(j, k, parley.Word)
					return k
				case (suffix == "t" || suffix == "T") && (prev == 'n' || prev == 'N') && j-1 > start:
					t.emit(start, j-1, kind)
					t.emit(j-1, k, parley.Word)
					return k
				}
			}
			// an inner apostrophe: "O'Brien", "Qur'an"
		default:
			break scan
		}
		plain = false
		prev = r
		j += size
	}
	t.emit(start, j, kindOf(numeric, hyphenLetter))
	return j
}

func kindOf(numeric, hyphenLetter bool) parley.TokenKind {
	if numeric && !hyphenLetter {
		return parley.Number
	}
	return parley.Word
}

// isClitic reports whether s, the letters after an apostrophe, is a
// possessive or a contraction split off as its own token.
func isClitic(s string) bool {
	switch strings.ToLower(s) {
	case "s", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// abbrev returns where the abbreviation starting at start ends, when the
// letters text[start:dot] followed by the period at dot begin one ("Gen.",
// "U.S.", "Ph.D."); it returns 0 otherwise. It tries the longest run of
// short letter segments each followed by a period first.
func (t *tokenizer) abbrev(start, dot int) int {
	var ends [8]int
	n := 0
	ends[n] = dot + 1
	n++
	for k := dot + 1; n < len(ends); {
		m, letters := k, 0
		for letters < 4 {
			r, size := t.at(m)
			if !unicode.IsLetter(r) {
				break
			}
			m += size
			letters++
		}
		if letters == 0 || m >= len(t.text) || t.text[m] != '.' {
			break
		}
		ends[n] = m + 1
		n++
		k = m + 1
	}
	for x := n - 1; x >= 0; x-- {
		if Abbreviation(t.text[start:ends[x]]) != NotAbbrev {
			return ends[x]
		}
	}
	return 0
}

// punct reads a punctuation mark or symbol at i and returns where it ends.
func (t *tokenizer) punct(i int) int {
	r, size := t.at(i)
	j := i + size
	run := func(set string) {
		for j < len(t.text) && strings.IndexByte(set, t.text[j]) >= 0 {
			j++
		}
	}
	switch r {
	case '.':
		run(".")
	case '-':
		run("-")
	case '?', '!':
		run("?!")
	case '`':
		if j < len(t.text) && t.text[j] == '`' {
			j++
		}
	case '\'':
		if j < len(t.text) && t.text[j] == '\'' {
			j++
		}
	}
	kind := parley.Punct
	if isSymbol(r) {
		kind = parley.Symbol
	}
	t.emit(i, j, kind)
	return j
}

// fold sets the Norm of the tokens from first on. Norms that differ from
// the token's text share one buffer: strings.Builder only appends, so a
// string taken from it stays valid as the buffer grows.
func (t *tokenizer) fold(first, size int) {
	var b strings.Builder
	for i := first; i < len(t.dst); i++ {
		tok := &t.dst[i]
		s := t.text[tok.Span.Start:tok.Span.End]
		if !needsFold(s) {
			tok.Norm = s
			continue
		}
		if b.Cap() == 0 {
			b.Grow(size/4 + 64)
		}
		off := b.Len()
		foldTo(&b, s)
		tok.Norm = b.String()[off:]
	}
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isAlnum reports whether r can be part of a word or number.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isJoiner reports whether r is a format character that stays inside a
// word (soft hyphen, zero-width joiner and non-joiner, word joiner); the
// zero-width space and the byte order mark separate words.
func isJoiner(r rune) bool {
	return r != '\u200b' && r != '\ufeff' && unicode.Is(unicode.Cf, r)
}

func isSymbol(r rune) bool {
	switch r {
	case '`', '´':
		return false
	case '%', '‰', '‱', '#', '&', '@':
		return true
	}
	return unicode.IsSymbol(r) || r == utf8.RuneError
}
