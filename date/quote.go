package date

import (
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// quoteAt returns the byte offset of the opening quotation mark of the
// quotation that holds byte offset pos in the sentence sent of text, or
// -1 when pos is not quoted. Typographic quotes (“ ” and « ») open and
// close; a straight double quote toggles.
func quoteAt(text string, sent parley.Span, pos int) int {
	if sent.Start < 0 || sent.End > len(text) || pos < sent.Start || pos > sent.End {
		return -1
	}
	open := -1
	for i := sent.Start; i < pos; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '«':
			open = i
		case '”', '»':
			open = -1
		case '"':
			if open >= 0 {
				open = -1
			} else {
				open = i
			}
		}
		i += n
	}
	return open
}
