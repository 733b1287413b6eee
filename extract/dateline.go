package extract

import (
	"regexp"
	"strings"

	"github.com/parley-events/parley"
)

// datelineRE matches a dateline at the start of a line: a place in
// capitals, perhaps a state or country after a comma, perhaps an agency
// in brackets, then a dash ("LONDON (Reuters) -", "NEWARK, N.J. (AP) -",
// "BEIRUT —", "LONDON, Ky. (WKYT) -"). Without the dash, a line opening
// in capitals is too often an actor ("NATO Secretary General ...").
var datelineRE = regexp.MustCompile(`^[ \t]*(?:[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?: ?\([^()\n]{1,40}\))?(?: *[-—–]+ +)`)

// dropDatelines removes the actor mentions that stand in a dateline: the
// place a story was filed from is not a party to it ("LONDON (Reuters) -
// An explosion in Shiraz ..." is not about Britain or Reuters).
func dropDatelines(text string, ms []parley.Mention) []parley.Mention {
	var locs [][2]int
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		// A dateline is short and ends in a dash: only such line
		// openings are matched against the pattern.
		head := text[start:min(end, start+80)]
		if strings.ContainsAny(head, "-—–") {
			if l := datelineRE.FindStringIndex(head); l != nil {
				locs = append(locs, [2]int{start + l[0], start + l[1]})
			}
		}
		start = end + 1
	}
	out := ms[:0]
	for _, m := range ms {
		if bareDateline(text, m) {
			continue
		}
		in := false
		for _, l := range locs {
			if m.Span.Start >= l[0] && m.Span.End <= l[1] {
				in = true
				break
			}
		}
		if !in {
			out = append(out, m)
		}
	}
	return out
}

// bareDateline reports a capital in capitals opening a line and followed
// by a capitalized word, a dateline without its dash ("WASHINGTON Barack
// Obama said ..."): the city the story was filed from.
func bareDateline(text string, m parley.Mention) bool {
	if m.Kind != parley.MentionCapital || m.Span.End-m.Span.Start < 3 || m.Span.End+3 > len(text) {
		return false
	}
	line := m.Span.Start
	for line > 0 && (text[line-1] == ' ' || text[line-1] == '\t') {
		line--
	}
	if line > 0 && text[line-1] != '\n' {
		return false
	}
	name := text[m.Span.Start:m.Span.End]
	if strings.ToUpper(name) != name {
		return false
	}
	rest := text[m.Span.End:]
	return rest[0] == ' ' && 'A' <= rest[1] && rest[1] <= 'Z' && 'a' <= rest[2] && rest[2] <= 'z'
}
