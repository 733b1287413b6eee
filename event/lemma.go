package event

import "strings"

// lemmas appends to dst the forms a token may be an inflection of: the
// token itself, its irregular lemma, and what undoing a regular -s, -es,
// -ies, -ed, -ied, -ing (with a doubled consonant or a dropped e) gives.
// It over-generates on purpose ("meeting" gives "meet" and "meete"): the
// candidates are only compared with the lexicon's lemmas.
func (c *Coder) lemmas(dst []string, w string) []string {
	dst = append(dst, w)
	if l, ok := c.irregular[w]; ok {
		dst = append(dst, l)
	}
	n := len(w)
	if n < 4 {
		return dst
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		dst = append(dst, w[:n-3]+"y")
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		dst = append(dst, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s"):
		dst = append(dst, w[:n-1])
	case strings.HasSuffix(w, "ied"):
		dst = append(dst, w[:n-3]+"y")
	case strings.HasSuffix(w, "ed"):
		stem := w[:n-2]
		dst = append(dst, stem, w[:n-1])
		if undoubled, ok := undouble(stem); ok {
			dst = append(dst, undoubled)
		}
	case strings.HasSuffix(w, "ing") && n >= 5:
		stem := w[:n-3]
		dst = append(dst, stem, stem+"e")
		if undoubled, ok := undouble(stem); ok {
			dst = append(dst, undoubled)
		}
	}
	return dst
}

// undouble turns "stopp" into "stop" (stopped, stopping).
func undouble(stem string) (string, bool) {
	n := len(stem)
	if n < 3 || stem[n-1] != stem[n-2] {
		return "", false
	}
	switch stem[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'l', 's', 'y', 'w':
		// "called", "passed": the double letter belongs to the lemma.
		// (-ll- is also British doubling, "travelled"; keep both.)
		if stem[n-1] == 'l' {
			return stem[:n-1], true
		}
		return "", false
	}
	return stem[:n-1], true
}

// irregularPast reports whether w is an irregular inflected verb form that
// is neither a gerund nor a third-person present ("met", "sent", "held").
func (c *Coder) irregularPast(w string) bool {
	l, ok := c.irregular[w]
	return ok && l != w && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s")
}
