package place

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the transliteration key of a place name: lower case,
// diacritics removed, the particles "al-", "as-", "el-", "the" dropped,
// spelling variants folded (kh→h, q→k, ou→u, ei/ay→ai, uw→w, a final y→i,
// a final -ah/-eh→a), doubled letters made single and every space, hyphen,
// apostrophe and full stop removed. "Hmeimim" and "Khmeimim" give
// "hmaimim"; "Sweida", "Suwayda" and "As-Suwayda" give "swaida".
func Key(name string) string {
	var buf [64]byte
	return string(appendKey(buf[:0], name))
}

// appendKey appends the Key of name to dst. Locate calls it with a
// scratch buffer for every capitalized word, so it works on bytes in
// place and allocates only to decompose a name that is not ASCII.
//
// The words of the name, each trimmed of particles and with its final
// -ah/-eh/-y rewritten, are appended together; then doubled letters are
// made single, spelling variants folded (see fold) and doubled letters
// made single again ("Darayya" is "Daraya", "Hammam" is "Hamam").
func appendKey(dst []byte, name string) []byte {
	ascii := isASCII(name)
	if !ascii {
		name = norm.NFD.String(name)
	}
	start, word := len(dst), len(dst)
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				dst = append(dst, c)
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '.' || c == '\'' || c == '`':
				// "U.S." is "us"; "Ma'arat" is "maarat".
			default: // space, hyphen, comma: a word boundary
				dst = endWord(dst, word)
				word = len(dst)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u02bb' || r == '\u02bf' || r == '\u02be':
			// typographic apostrophes and ayn/hamza signs, dropped as ' is
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			dst = append(dst, 'i')
		case r == 'ł' || r == 'Ł':
			dst = append(dst, 'l')
		case r == 'ø' || r == 'Ø':
			dst = append(dst, 'o')
		case r == 'đ' || r == 'Đ':
			dst = append(dst, 'd')
		case r == 'ß':
			dst = append(dst, "ss"...)
		case r == 'æ' || r == 'Æ':
			dst = append(dst, "ae"...)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		default: // a dash, a quotation mark, an invalid byte: a word boundary
			dst = endWord(dst, word)
			word = len(dst)
		}
	}
	dst = endWord(dst, word)
	var k []byte
	if ascii {
		k = foldASCII(dst[start:])
	} else {
		k = single(fold(single(dst[start:])))
	}
	return dst[:start+len(k)]
}

// stemCut is how many bytes at the end of the key of a span of ASCII
// text the text after the span may still change: a final -y or -ah of its
// last word that goes on ("Shah.X"), a particle it completes ("th" to
// "the"), a letter the next one doubles, a pair the next letter folds.
// So the key of any text that begins with the span starts with the span's
// key without its last stemCut bytes (TestKeyStem). (Two bytes are
// enough in every case tried; the argument above gives three.)
const stemCut = 3

// stem returns the part of k, the key of an ASCII text s, that the key of
// every text beginning with s starts with; see stemCut.
func stem(k []byte) []byte { return k[:max(len(k)-stemCut, 0)] }

// endWord closes the word dst[word:]: a particle is dropped, a final
// -ah/-eh (of a word of four letters or more) becomes -a and a final -y
// (of three or more) -i.
func endWord(dst []byte, word int) []byte {
	w := dst[word:]
	switch {
	case len(w) == 0:
	case particle(w):
		return dst[:word]
	case len(w) > 3 && w[len(w)-1] == 'h' && (w[len(w)-2] == 'a' || w[len(w)-2] == 'e'):
		dst = dst[:len(dst)-1]
		dst[len(dst)-1] = 'a'
	case len(w) > 2 && w[len(w)-1] == 'y':
		dst[len(dst)-1] = 'i'
	}
	return dst
}

// particle reports whether w is one of the article and linking words that
// transliterations of Arabic (and a few other) names write or leave out at
// will: "As-Suwayda" is "Suwayda", "Deir ez-Zor" is "Deir al-Zor" is "Deir
// Zor".
func particle(w []byte) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	switch string(w) {
	case "the", "al", "el", "as", "ad", "ar", "at", "an", "ash", "az", "ez", "es", "ed", "ul", "adh", "ath":
		return true
	}
	return false
}

// fold rewrites, in place and from left to right without going back over
// what it wrote, the spelling variants that transliterations write
// differently: consonants (kh→h, gh→g, dh→d, ph→f, ck→k, q→k) and vowels
// (ou→u, oo→u, ee→i, ey/ei/ay→ai, uw→w, iy→i).
func fold(b []byte) []byte {
	w := 0
	for r := 0; r < len(b); w++ {
		c, d := b[r], byte(0)
		if r+1 < len(b) {
			d = b[r+1]
		}
		r++
		switch c {
		case 'q':
			c = 'k'
		case 'k':
			if d == 'h' {
				c, r = 'h', r+1
			}
		case 'g', 'd':
			if d == 'h' {
				r++
			}
		case 'p':
			if d == 'h' {
				c, r = 'f', r+1
			}
		case 'c':
			if d == 'k' {
				c, r = 'k', r+1
			}
		case 'o':
			if d == 'u' || d == 'o' {
				c, r = 'u', r+1
			}
		case 'e':
			switch d {
			case 'e':
				c, r = 'i', r+1
			case 'y', 'i':
				b[w] = 'a'
				c, r, w = 'i', r+1, w+1
			}
		case 'a':
			if d == 'y' {
				b[w] = 'a'
				c, r, w = 'i', r+1, w+1
			}
		case 'u':
			if d == 'w' {
				c, r = 'w', r+1
			}
		case 'i':
			if d == 'y' {
				r++
			}
		}
		b[w] = c
	}
	return b[:w]
}

// foldASCII returns single(fold(single(b))) for b of ASCII bytes, in
// place and in one pass: Locate keys every capitalized word. It reads b
// as single does, a run of one byte as that byte, and writes as single
// does, a byte only when the last one it wrote is another.
func foldASCII(b []byte) []byte {
	w := 0
	for r := 0; r < len(b); {
		c := b[r]
		r = runEnd(b, r)
		d := byte(0)
		if r < len(b) {
			d = b[r]
		}
		next := false // d is read
		switch c {
		case 'q':
			c = 'k'
		case 'k':
			if d == 'h' {
				c, next = 'h', true
			}
		case 'g', 'd':
			next = d == 'h'
		case 'p':
			if d == 'h' {
				c, next = 'f', true
			}
		case 'c':
			if d == 'k' {
				c, next = 'k', true
			}
		case 'o':
			if d == 'u' || d == 'o' {
				c, next = 'u', true
			}
		case 'e':
			switch d {
			case 'e':
				c, next = 'i', true
			case 'y', 'i':
				if w == 0 || b[w-1] != 'a' {
					b[w] = 'a'
					w++
				}
				c, next = 'i', true
			}
		case 'a':
			if d == 'y' {
				if w == 0 || b[w-1] != 'a' {
					b[w] = 'a'
					w++
				}
				c, next = 'i', true
			}
		case 'u':
			if d == 'w' {
				c, next = 'w', true
			}
		case 'i':
			next = d == 'y'
		}
		if next {
			r = runEnd(b, r)
		}
		if w == 0 || b[w-1] != c {
			b[w] = c
			w++
		}
	}
	return b[:w]
}

// runEnd returns the index after the run of b[r] that begins at r.
func runEnd(b []byte, r int) int {
	c := b[r]
	for r++; r < len(b) && b[r] == c; r++ {
	}
	return r
}

// single makes runs of one rune single, in place.
func single(b []byte) []byte {
	w := 0
	prev := rune(-1)
	for r := 0; r < len(b); {
		c := b[r]
		if c < utf8.RuneSelf {
			if rune(c) != prev {
				b[w] = c
				w++
			}
			prev = rune(c)
			r++
			continue
		}
		x, n := utf8.DecodeRune(b[r:])
		if x != prev {
			w += copy(b[w:], b[r:r+n])
		}
		prev = x
		r += n
	}
	return b[:w]
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
