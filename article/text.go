package article

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// readText reads a whole plain-text input as one article.
func (s *sink) readText(data []byte) error {
	var skipped int64
	if bytes.HasPrefix(data, utf8BOM) {
		data, skipped = data[len(utf8BOM):], int64(len(utf8BOM))
	}
	if !s.checkUTF8(data, skipped, 1) {
		return nil
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		s.fail(0, errors.New("file has no text"))
		return nil
	}
	return s.emit(parley.Article{
		Doc:    s.docName(),
		Title:  heading(text),
		Text:   text,
		Origin: s.origin(0),
	})
}

// heading returns the first line of text when it looks like a heading: a
// Markdown "# " heading, or a short line without closing punctuation
// followed by more text. It returns "" otherwise.
func heading(text string) string {
	text = strings.TrimLeft(text, " \t\r\n")
	line, rest, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if strings.TrimSpace(rest) == "" || line == "" {
		return ""
	}
	if h, ok := strings.CutPrefix(line, "#"); ok {
		h = strings.TrimLeft(h, "#")
		if h != "" && (h[0] == ' ' || h[0] == '\t') {
			return collapseSpace(h)
		}
		return ""
	}
	if len(line) > 200 || len(strings.Fields(line)) > 25 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘«", first) {
		return ""
	}
	if strings.ContainsRune(".,;:!?…-–—", last) {
		return ""
	}
	// A long line that runs straight into the next one is more likely a
	// paragraph cut by a hard wrap than a heading.
	if next, _, _ := strings.Cut(rest, "\n"); strings.TrimSpace(next) != "" && len(line) > 100 {
		return ""
	}
	return collapseSpace(line)
}

// collapseSpace trims s and folds its runs of white space to one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
