package date

import (
	"encoding/binary"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// tok is a word, number or punctuation mark of the text the tagger reads.
type tok struct {
	start, end int
	norm       string // lower case; dashes folded to "-", quotes to "'"
	kind       byte   // 'w' word, 'n' number, 'p' punctuation
	cap        bool   // the word begins with a capital
	// rules are the rules that may read a time expression from the
	// token on (see rule); Resolve tries no other.
	rules  ruleSet
	num    int     // the value of a number (-1 when too long)
	digits int     // how many digits a number has
	suffix string  // letters glued to a number: "s" (1960s), "st", "th"
	ents   []entry // the readings of norm in the lexicon
}

// tokens appends the tokens of text to toks. Numbers keep the letters
// glued to them as a suffix; "a.m." and "p.m." are one word ("am", "pm").
func (r *Resolver) tokens(toks []tok, text string) []tok {
	start := len(toks)
	low := lowerASCII(text)
	for i := 0; i < len(text); {
		c, n := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case c < utf8.RuneSelf && asciiSpace[c]:
			i++
		case c >= utf8.RuneSelf && unicode.IsSpace(c):
			i += n
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			t := tok{start: i, kind: 'n', norm: text[i:j], digits: j - i, num: -1}
			if j-i <= 9 {
				t.num, _ = strconv.Atoi(text[i:j])
			}
			k := j
			for k < len(text) && k-j < 3 && isASCIILetter(text[k]) {
				k++
			}
			if k > j && (k == len(text) || !isASCIILetter(text[k])) {
				t.suffix = low[j:k]
				j = k
			}
			t.end = j
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf && isASCIILetter(byte(c)) || c >= utf8.RuneSelf && unicode.IsLetter(c):
			if (c == 'a' || c == 'p' || c == 'A' || c == 'P') && len(text) >= i+4 &&
				strings.EqualFold(text[i+1:i+4], ".m.") {
				norm := "am"
				if c == 'p' || c == 'P' {
					norm = "pm"
				}
				toks = append(toks, tok{start: i, end: i + 4, kind: 'w', norm: norm})
				i += 4
				continue
			}
			j, ascii := i, true
			for j < len(text) {
				if b := text[j]; b < utf8.RuneSelf {
					if !isASCIILetter(b) {
						break
					}
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j, ascii = j+n2, false
			}
			norm := low[i:j]
			if !ascii {
				norm = strings.ToLower(text[i:j])
			}
			toks = append(toks, tok{start: i, end: j, kind: 'w', norm: norm, cap: unicode.IsUpper(c)})
			i = j
		default:
			norm := text[i : i+n]
			switch c {
			case '–', '—', '‐', '‑', '‒', '−':
				norm = "-"
			case '’', '‘', '`':
				norm = "'"
			case utf8.RuneError:
				norm = "?"
			}
			toks = append(toks, tok{start: i, end: i + n, kind: 'p', norm: norm})
			i += n
		}
	}
	r.tag(toks[start:])
	return toks
}

// tag sets what the vocabulary says of each token, and keeps at a "the"
// only the rules that may read on to the token after it.
func (r *Resolver) tag(toks []tok) {
	var next ruleSet // the rules that may read a "the" before toks[k+1]
	for k := len(toks) - 1; k >= 0; k-- {
		t := &toks[k]
		var w word
		switch {
		case t.kind == 'n':
			w = r.vocab.number // no word of the table is a number
		case t.norm == "'":
			w = r.vocab.quote
		default:
			w = r.vocab.get(t.norm)
		}
		t.ents, t.rules = w.ents, w.rules
		if t.rules != 0 && t.norm == "the" {
			t.rules &= next
		}
		next = w.afterThe
	}
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// lowerASCII returns text with its ASCII capitals in lower case: the
// lower case of a word of ASCII letters is its span in it, with no string
// built for each word.
func lowerASCII(text string) string {
	k := 0
	for k < len(text) && (text[k] < 'A' || text[k] > 'Z') {
		k++
	}
	if k == len(text) {
		return text
	}
	var low strings.Builder // one allocation, where []byte(text) then string(b) make two
	low.Grow(len(text))
	low.WriteString(text[:k])
	var buf [512]byte
	for k < len(text) {
		b := buf[:copy(buf[:], text[k:])]
		k += len(b)
		i := 0
		for ; i+8 <= len(b); i += 8 {
			binary.LittleEndian.PutUint64(b[i:], lower8(binary.LittleEndian.Uint64(b[i:])))
		}
		for ; i < len(b); i++ {
			if c := b[i]; c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		low.Write(b)
	}
	return low.String()
}

// lower8 returns x with each of its eight bytes that is an ASCII capital
// in lower case: a byte is one when its seven low bits are 'A' or more
// and not more than 'Z' (sums that carry into its high bit, never into the
// next byte) and its high bit is clear; 0x20 (its high bit >> 2) makes it
// lower case.
func lower8(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	low7 := x &^ high
	atLeastA := low7 + ones*(0x80-'A')
	pastZ := low7 + ones*(0x80-'Z'-1)
	capital := atLeastA &^ pastZ &^ x & high
	return x | capital>>2
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// cue is a tense cue: a past (-1) or future (+1) verb or marker at a byte
// offset.
type cue struct {
	pos   int
	tense int
}

// tenses holds the tense cues of a text, sentence by sentence.
type tenses struct {
	sents []parley.Span
	cues  []cue // sorted by pos
}

// findTenses collects into tn (empty, its buffers reused) the tense cues
// of every sentence: the words the lexicon lists as past or future, and
// words in -ed (unless listed as no cue). A past form shortly after a
// future marker ("will be held") is future. Tokens come from sents when
// given, else from the tagger's own tokens, with sentences ended at . ! ?
// before a capital.
func (r *Resolver) findTenses(tn tenses, text string, toks []tok, sents []parley.Sentence) tenses {
	k, lastFuture := 0, -10
	// add adds the cue of the k-th word, at pos, with readings ents.
	add := func(pos int, norm string, ents []entry) {
		t := 0
		switch {
		case has(ents, clFuture):
			t = 1
			lastFuture = k
		case has(ents, clPast):
			t = -1
		case has(ents, clNoCue):
		case len(norm) >= 5 && strings.HasSuffix(norm, "ed"):
			t = -1
		}
		if t == -1 && k-lastFuture <= 3 {
			t = 1
		}
		if t != 0 {
			tn.cues = append(tn.cues, cue{pos, t})
		}
		k++
	}
	if len(sents) > 0 {
		for _, s := range sents {
			tn.sents = append(tn.sents, s.Span)
			for _, t := range s.Tokens {
				add(t.Span.Start, t.Norm, r.vocab.get(t.Norm).ents)
			}
		}
	} else {
		start := 0
		for i, t := range toks {
			add(t.start, t.norm, t.ents)
			if t.kind == 'p' && (t.norm == "." || t.norm == "!" || t.norm == "?") &&
				i+1 < len(toks) && toks[i+1].cap {
				tn.sents = append(tn.sents, parley.Span{Start: start, End: t.end})
				start = t.end
			}
		}
		tn.sents = append(tn.sents, parley.Span{Start: start, End: len(text)})
	}
	// Tokens come in order: the cues are sorted but for overlapping
	// sentences.
	if !slices.IsSortedFunc(tn.cues, func(a, b cue) int { return a.pos - b.pos }) {
		sort.Slice(tn.cues, func(i, j int) bool { return tn.cues[i].pos < tn.cues[j].pos })
	}
	return tn
}

// sentence returns the span of the sentence holding byte offset at.
func (tn *tenses) sentence(at int) parley.Span {
	k := sort.Search(len(tn.sents), func(i int) bool { return tn.sents[i].End > at })
	if k < len(tn.sents) && tn.sents[k].Start <= at {
		return tn.sents[k]
	}
	return parley.Span{Start: at, End: at}
}

// sentenceIndex returns the index of the sentence holding at, or -1.
func (tn *tenses) sentenceIndex(at int) int {
	k := sort.Search(len(tn.sents), func(i int) bool { return tn.sents[i].End > at })
	if k < len(tn.sents) && tn.sents[k].Start <= at {
		return k
	}
	return -1
}

// at returns the tense of the expression spanning sp: that of the nearest
// cue in its sentence, 0 when there is none.
func (tn *tenses) at(sp parley.Span) int {
	s := tn.sentence(sp.Start)
	best, dist := 0, -1
	k := sort.Search(len(tn.cues), func(i int) bool { return tn.cues[i].pos >= s.Start })
	for ; k < len(tn.cues) && tn.cues[k].pos < s.End; k++ {
		c := tn.cues[k]
		if c.pos >= sp.Start && c.pos < sp.End {
			continue
		}
		d := sp.Start - c.pos
		if c.pos >= sp.End {
			d = c.pos - sp.End
		}
		if dist < 0 || d < dist {
			best, dist = c.tense, d
		}
	}
	return best
}
