// Package token normalizes news text and cuts it into tokens that keep
// their byte offsets: words, numbers, punctuation and symbols, each with
// the folded form used for matching.
package token

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the text parley stores: valid UTF-8 (invalid bytes
// become U+FFFD), Unicode NFC, CRLF and CR turned into LF, vertical tab
// and form feed turned into LF (they are line and page breaks), NUL and
// the other C0 control characters except \n and \t removed, and DEL
// removed. Spaces inside lines, U+00A0 included, are left as they are.
// Every parley.Span refers to the returned string.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\v' || c == '\f':
			b.WriteByte('\n')
		case c == '\n' || c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			b.WriteByte(c)
		}
	}
	return norm.NFC.String(b.String())
}

// isPlain reports whether s is ASCII without control characters other
// than \n and \t, so that Normalize would return it unchanged.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t') {
			return false
		}
	}
	return true
}
