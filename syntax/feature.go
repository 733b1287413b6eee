package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Feature hashing. A feature is a template number combined with one or more
// 64-bit hashes of token properties (the normalized word, its shape, prefix
// and suffixes) or small integers (tag and label classes, distances). The
// combined 64-bit value is reduced to a bucket of a weight table by masking,
// so no feature strings exist at run time and no map is consulted.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the splitmix64 finalizer: a cheap bijection that spreads every bit
// of x over the whole word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// f1, f2, f3 and f4 combine a template number with one to four values:
// their sum, each times its own odd constant, through one mix. (Tuples of
// small values or of word hashes meet on the sum only by chance, as in a
// 64-bit hash; a mix for each value took a tenth more instructions.)
func f1(t, a uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 + a) }

func f2(t, a, b uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 + a + b*0xc2b2ae3d27d4eb4f) }

func f3(t, a, b, c uint64) uint64 {
	return mix(t*0x9e3779b97f4a7c15 + a + b*0xc2b2ae3d27d4eb4f + c*0x165667b19e3779f9)
}

func f4(t, a, b, c, d uint64) uint64 {
	return mix(t*0x9e3779b97f4a7c15 + a + b*0xc2b2ae3d27d4eb4f + c*0x165667b19e3779f9 + d*0x27d4eb2f165667c5)
}

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Reserved hashes for positions outside the sentence.
const (
	hashNone  = 0x6e6f6e65 // no token at this position (empty stack, no child)
	hashStart = 0x7374617274
	hashEnd   = 0x656e64
	hashRoot  = 0x726f6f74
)

// lex holds the hashes of one token's lexical properties, computed once per
// token and shared by the tagger and the parser.
type lex struct {
	word  uint64 // normalized form
	tail  uint64 // normalized form after the last inner hyphen
	shape uint64
	pre1  uint64
	pre3  uint64
	suf1  uint64
	suf2  uint64
	suf3  uint64
	suf4  uint64
}

// padLex is the lex of a position outside the sentence.
func padLex(h uint64) lex {
	return lex{h, h, h, h, h, h, h, h, h}
}

// appendNorm appends the feature form of w to buf: lower case; typographic
// quotes and apostrophes folded to ' and " (and the doubled quotes of old
// wire copy to "); dashes to "-"; the ellipsis character to "..."; every
// digit to 0. It folds the same characters as package token's Fold, so the
// forms of treebank words and of parley's tokens meet.
func appendNorm(buf []byte, w string) []byte {
	if w == "``" || w == "''" {
		return append(buf, '"')
	}
	for _, r := range w {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			case c == '`':
				c = '\''
			}
			buf = append(buf, c)
			continue
		}
		switch r {
		case '‘', '’', '‚', '‛', '′', '‹', '›', '´', 'ʹ', '＇':
			buf = append(buf, '\'')
		case '“', '”', '„', '‟', '″', '«', '»', '〝', '〞', '＂':
			buf = append(buf, '"')
		case '‐', '‑', '‒', '–', '—', '―', '−', '⁃', '﹘', '﹣', '－':
			buf = append(buf, '-')
		case '…':
			buf = append(buf, "..."...)
		default:
			if unicode.IsDigit(r) {
				buf = append(buf, '0')
				continue
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// appendShape appends the shape of w: X for an upper-case letter, x for a
// lower-case one, d for a digit, other characters as they are (folded as in
// appendNorm), with runs of one class cut after three.
func appendShape(buf []byte, w string) []byte {
	var last byte
	run := 0
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf:
			// The classes below, for ASCII.
			switch c = byte(r); {
			case 'A' <= c && c <= 'Z':
				c = 'X'
			case 'a' <= c && c <= 'z':
				c = 'x'
			case '0' <= c && c <= '9':
				c = 'd'
			}
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case r == '’' || r == '‘':
			c = '\''
		case r == '“' || r == '”':
			c = '"'
		case r >= '‐' && r <= '―':
			c = '-'
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 3 {
				continue
			}
		} else {
			last, run = c, 1
		}
		buf = append(buf, c)
		if n++; n >= 16 {
			break
		}
	}
	return buf
}

// lexOf computes the lexical hashes of w, using buf as scratch space; it
// returns buf for reuse.
func lexOf(w string, buf []byte) (lex, []byte) {
	var l lex
	buf = appendNorm(buf[:0], w)
	l.word = hashBytes(buf)
	buf = l.fill(buf, w, true)
	return l, buf
}

// fill sets the hashes of l but the word's, given norm, the feature form
// of w, to which it appends (the grown slice is returned). With all false
// it sets only those the features of the word's neighbours read, the
// shape and the suffix of three: the tagger reads no more of a word the
// dictionary tags alone.
func (l *lex) fill(norm []byte, w string, all bool) []byte {
	l.suf3 = hashBytes(suffix(norm, 3))
	if all {
		l.tail = l.word
		if i := lastInnerHyphen(norm); i > 0 {
			l.tail = hashBytes(norm[i+1:])
		}
		l.pre1 = hashBytes(prefix(norm, 1))
		l.pre3 = hashBytes(prefix(norm, 3))
		l.suf1 = hashBytes(suffix(norm, 1))
		l.suf2 = hashBytes(suffix(norm, 2))
		l.suf4 = hashBytes(suffix(norm, 4))
	}
	start := len(norm)
	norm = appendShape(norm, w)
	l.shape = hashBytes(norm[start:])
	return norm
}

// lastInnerHyphen returns the index of the last hyphen of b that has a
// letter or digit on both sides, or -1.
func lastInnerHyphen(b []byte) int {
	for i := len(b) - 2; i > 0; i-- {
		if b[i] == '-' && isAlnum(b[i-1]) && isAlnum(b[i+1]) {
			return i
		}
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= utf8.RuneSelf || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// prefix returns the first n runes of b (all of b when shorter).
func prefix(b []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(b); n-- {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return b[:i]
}

// suffix returns the last n runes of b (all of b when shorter).
func suffix(b []byte, n int) []byte {
	i := len(b)
	for ; n > 0 && i > 0; n-- {
		if b[i-1] < utf8.RuneSelf {
			i--
			continue
		}
		_, size := utf8.DecodeLastRune(b[:i])
		i -= size
	}
	return b[i:]
}
