package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns the matching key of a name: lower case, diacritics removed
// ("Erdoğan" → "erdogan"), typographic apostrophes and dashes made ASCII,
// full stops dropped ("U.S." → "us") and runs of white space made one space.
// Text units are folded the same way, so a name matches however the
// tokenizer cut it.
func fold(s string) string {
	if plain(s) {
		return s // the common case: an ASCII lower-case word
	}
	if ascii(s) {
		return foldASCII(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '\u2018', '\u2019', '\u02bc', '\u02bb', '`', '\u00b4':
			b.WriteByte('\'')
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			b.WriteByte('-')
		case 'ı':
			b.WriteByte('i')
		case 'ł', 'Ł':
			b.WriteByte('l')
		case 'ø', 'Ø':
			b.WriteByte('o')
		case 'đ', 'Đ':
			b.WriteByte('d')
		case 'ß':
			b.WriteString("ss")
		case 'æ', 'Æ':
			b.WriteString("ae")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// plain reports whether s is ASCII lower case letters, digits, hyphens and
// apostrophes only, which fold leaves as they are.
func plain(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'') {
			return false
		}
	}
	return s != ""
}

func ascii(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII is fold for ASCII text, without Unicode normalization.
func foldASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	writeFoldASCII(&b, s)
	return b.String()
}

// writeFoldASCII writes the fold of ASCII text s to b: lower case, dots
// dropped, runs of white space as one space, none at the ends.
func writeFoldASCII(b *strings.Builder, s string) {
	off := b.Len()
	space := false
	for i := range len(s) {
		c := s[i]
		switch {
		case c == '.':
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = b.Len() > off
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		b.WriteByte(c)
	}
}

// looseNames maps transliteration variants of common given names to one
// form, for comparing names the knowledge base does not know.
var looseNames = map[string]string{
	"ahmad": "ahmed", "ahmet": "ahmed",
	"mohammad": "mohammed", "muhammad": "mohammed", "mohamed": "mohammed", "muhammed": "mohammed", "mohamad": "mohammed", "mehmet": "mohammed",
	"sergei": "sergey", "sergej": "sergey", "andrey": "andrei", "aleksandr": "alexander", "dmitri": "dmitry", "yury": "yuri", "yuriy": "yuri",
	"hussein": "husain", "husayn": "husain", "hussain": "husain",
	"abdel": "abd", "abdul": "abd", "abdal": "abd",
	"yousef": "yusuf", "youssef": "yusuf", "yusef": "yusuf",
}

// looseKey folds a person's name further for comparing unknown spellings:
// hyphens and apostrophes become spaces, the article prefixes al-/el-/ad-
// go, and common given names take one transliteration ("Ahmad Al-Sharaa"
// and "Ahmed al-Sharaa" give "ahmed sharaa").
func looseKey(name string) string {
	f := strings.NewReplacer("-", " ", "'", "").Replace(fold(name))
	words := strings.Fields(f)
	out := words[:0]
	for _, w := range words {
		switch w {
		case "al", "el", "ad", "as", "an", "ar", "at", "az", "sir", "sheikh", "king", "prince", "president":
			continue
		}
		if v, ok := looseNames[w]; ok {
			w = v
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// capitalized reports whether s starts with an upper-case letter or a digit.
func capitalized(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		c := s[0]
		return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// allUpper reports whether every letter of s is upper case.
func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
