package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns the matching form of a piece of text: lower case;
// typographic quotes, apostrophes and primes folded to ' or "; the
// doubled quotes of old wire copy (two grave accents, two apostrophes)
// to "; dashes and the minus
// sign to "-"; the ellipsis character to "..."; diacritics kept.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	foldTo(&b, s)
	return b.String()
}

// needsFold reports whether Fold would change s.
func needsFold(s string) bool {
	if s == "''" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' {
			return true
		}
	}
	return false
}

// foldTo writes the folded form of s to b.
func foldTo(b *strings.Builder, s string) {
	if s == "``" || s == "''" {
		b.WriteByte('"')
		return
	}
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '‛', '′', '‹', '›', '`', '´', 'ʹ', '＇':
			b.WriteByte('\'')
		case '“', '”', '„', '‟', '″', '«', '»', '〝', '〞', '＂':
			b.WriteByte('"')
		case '‐', '‑', '‒', '–', '—', '―', '−', '⁃', '﹘', '﹣', '－':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		default:
			if r < utf8.RuneSelf {
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
}
