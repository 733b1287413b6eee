package date

import (
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
	num        int    // the value of a number (-1 when too long)
	digits     int    // how many digits a number has
	suffix     string // letters glued to a number: "s" (1960s), "st", "th"
}

// lex cuts text into tokens. Numbers keep the letters glued to them as a
// suffix; "a.m." and "p.m." are one word ("am", "pm").
func lex(text string) []tok {
	var toks []tok
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
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
				t.suffix = strings.ToLower(text[j:k])
				j = k
			}
			t.end = j
			toks = append(toks, t)
			i = j
		case unicode.IsLetter(r):
			if (r == 'a' || r == 'p' || r == 'A' || r == 'P') && len(text) >= i+4 &&
				strings.EqualFold(text[i+1:i+4], ".m.") {
				toks = append(toks, tok{start: i, end: i + 4, kind: 'w', norm: strings.ToLower(text[i:i+1]) + "m"})
				i += 4
				continue
			}
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, tok{start: i, end: j, kind: 'w', norm: strings.ToLower(text[i:j]), cap: unicode.IsUpper(r)})
			i = j
		default:
			norm := string(r)
			switch r {
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
	return toks
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

// findTenses collects the tense cues of every sentence: the words the
// lexicon lists as past or future, and words in -ed (unless listed as no
// cue). A past form shortly after a future marker ("will be held") is
// future. Tokens come from sents when given, else from the tagger's own
// tokens, with sentences ended at . ! ? before a capital.
func (r *Resolver) findTenses(text string, toks []tok, sents []parley.Sentence) tenses {
	type w struct {
		pos  int
		norm string
	}
	var words []w
	var tn tenses
	if len(sents) > 0 {
		for _, s := range sents {
			tn.sents = append(tn.sents, s.Span)
			for _, t := range s.Tokens {
				words = append(words, w{t.Span.Start, t.Norm})
			}
		}
	} else {
		start := 0
		for i, t := range toks {
			words = append(words, w{t.start, t.norm})
			if t.kind == 'p' && (t.norm == "." || t.norm == "!" || t.norm == "?") &&
				i+1 < len(toks) && toks[i+1].cap {
				tn.sents = append(tn.sents, parley.Span{Start: start, End: t.end})
				start = t.end
			}
		}
		tn.sents = append(tn.sents, parley.Span{Start: start, End: len(text)})
	}
	lastFuture := -10
	for k, x := range words {
		t := 0
		switch {
		case r.lex.is(x.norm, clFuture):
			t = 1
			lastFuture = k
		case r.lex.is(x.norm, clPast):
			t = -1
		case r.lex.is(x.norm, clNoCue):
		case len(x.norm) >= 5 && strings.HasSuffix(x.norm, "ed"):
			t = -1
		}
		if t == -1 && k-lastFuture <= 3 {
			t = 1
		}
		if t != 0 {
			tn.cues = append(tn.cues, cue{x.pos, t})
		}
	}
	sort.Slice(tn.cues, func(i, j int) bool { return tn.cues[i].pos < tn.cues[j].pos })
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
