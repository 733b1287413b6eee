package place

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// particles are the article and linking words that transliterations of
// Arabic (and a few other) names write or leave out at will: "As-Suwayda"
// is "Suwayda", "Deir ez-Zor" is "Deir al-Zor" is "Deir Zor".
var particles = map[string]bool{
	"the": true, "al": true, "el": true, "as": true, "ad": true, "ar": true,
	"at": true, "an": true, "ash": true, "az": true, "ez": true, "es": true,
	"ed": true, "ul": true, "adh": true, "ath": true,
}

// folds are the spelling variants a key makes one, applied in order to the
// joined words: consonants (kh→h, q→k) and vowels (ou→u, ei/ey/ay→ai, uw→w)
// that transliterations write differently.
var folds = strings.NewReplacer(
	"kh", "h", "gh", "g", "dh", "d", "ph", "f", "ck", "k", "q", "k",
	"ou", "u", "oo", "u", "ee", "i", "ey", "ai", "ei", "ai", "ay", "ai",
	"uw", "w", "iy", "i",
)

// Key returns the transliteration key of a place name: lower case,
// diacritics removed, the particles "al-", "as-", "el-", "the" dropped,
// spelling variants folded (kh→h, q→k, ou→u, ei/ay→ai, uw→w, a final y→i,
// a final -ah/-eh→a), doubled letters made single and every space, hyphen,
// apostrophe and full stop removed. "Hmeimim" and "Khmeimim" give
// "hmaimim"; "Sweida", "Suwayda" and "As-Suwayda" give "swaida".
func Key(name string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() == 0 {
			return
		}
		s := w.String()
		w.Reset()
		if particles[s] {
			return
		}
		switch {
		case len(s) > 3 && (strings.HasSuffix(s, "ah") || strings.HasSuffix(s, "eh")):
			s = s[:len(s)-2] + "a"
		case len(s) > 2 && s[len(s)-1] == 'y':
			s = s[:len(s)-1] + "i"
		}
		words = append(words, s)
	}
	if !isASCII(name) {
		name = norm.NFD.String(name)
	}
	for _, r := range name {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			w.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			w.WriteRune(r + 'a' - 'A')
		case r == '.' || r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u02bb' || r == '\u02bf' || r == '\u02be' || r == '`':
			// "U.S." is "us"; "Ma'arat" is "maarat".
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			w.WriteByte('i')
		case r == 'ł' || r == 'Ł':
			w.WriteByte('l')
		case r == 'ø' || r == 'Ø':
			w.WriteByte('o')
		case r == 'đ' || r == 'Đ':
			w.WriteByte('d')
		case r == 'ß':
			w.WriteString("ss")
		case r == 'æ' || r == 'Æ':
			w.WriteString("ae")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(unicode.ToLower(r))
		default: // space, hyphen, dash, comma: a word boundary
			flush()
		}
	}
	flush()
	// Doubled letters single, before and after folding: "Darayya" is
	// "Daraya", "Hammam" is "Hamam".
	return single(folds.Replace(single(strings.Join(words, ""))))
}

func single(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
