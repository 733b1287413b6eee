package plover

import (
	"slices"
	"strings"
)

// Categories returns the categories in the order of categories.tsv, which is
// the manual's (AGREE, CONSULT, ... ASSAULT). The slice is the caller's.
func (c *Codebook) Categories() []Category {
	out := make([]Category, len(c.categories))
	for i, cat := range c.categories {
		cat.Modes = slices.Clone(cat.Modes)
		out[i] = cat
	}
	return out
}

// Category returns the category with this name, in any case.
func (c *Codebook) Category(name string) (Category, bool) {
	i, ok := c.index[strings.ToUpper(name)]
	if !ok {
		return Category{}, false
	}
	cat := c.categories[i]
	cat.Modes = slices.Clone(cat.Modes)
	return cat, true
}

// ValidMode reports whether the category has this mode (both in any case).
// The empty mode is valid for every known category.
func (c *Codebook) ValidMode(category, mode string) bool {
	if _, ok := c.index[strings.ToUpper(category)]; !ok {
		return false
	}
	if mode == "" {
		return true
	}
	_, ok := c.modes[key(category, mode)]
	return ok
}

// ModeDefinition returns the one-line definition of a category's mode, or of
// the category itself for mode "".
func (c *Codebook) ModeDefinition(category, mode string) (string, bool) {
	d, ok := c.modeDefs[key(category, mode)]
	return d, ok
}

// CAMEO returns the closest CAMEO code for a category and mode ("" mode =
// the category's generic code, see plover2cameo.tsv) and that code's
// Goldstein score. ok is false for an unknown category or a mode the
// category does not have.
func (c *Codebook) CAMEO(category, mode string) (code string, goldstein float64, ok bool) {
	code, ok = c.toCAMEO[key(category, mode)]
	if !ok {
		return "", 0, false
	}
	g, _ := c.lookupGoldstein(code) // Load checked it exists
	return code, g, true
}

// FromCAMEO maps a CAMEO code to PLOVER (category, mode, contexts) through
// cameo2plover.tsv. A code the table does not list takes the entry of its
// longest listed prefix (0315 → 031); CAMEO 01 and 02, which PLOVER dropped,
// map to nothing. The contexts slice is the caller's.
func (c *Codebook) FromCAMEO(code string) (category, mode string, contexts []string, ok bool) {
	code = strings.TrimSpace(code)
	for n := len(code); n >= 2; n-- {
		if x, found := c.cameo[code[:n]]; found {
			return x.category, x.mode, slices.Clone(x.contexts), true
		}
	}
	return "", "", nil, false
}

// Goldstein returns the Goldstein score of a CAMEO code, or of its longest
// listed prefix for a code goldstein.tsv does not list.
func (c *Codebook) Goldstein(cameo string) (float64, bool) {
	return c.lookupGoldstein(strings.TrimSpace(cameo))
}

func (c *Codebook) lookupGoldstein(code string) (float64, bool) {
	for n := len(code); n >= 2; n-- {
		if v, ok := c.goldstein[code[:n]]; ok {
			return v, true
		}
	}
	return 0, false
}

// Score is the PLOVER score of a category/mode (scores.tsv, from the
// manual's table 2.2): the mode's score where the table gives one, else the
// category's; 0 for an unknown category.
func (c *Codebook) Score(category, mode string) float64 {
	if mode != "" {
		if v, ok := c.scores[key(category, mode)]; ok {
			return v
		}
	}
	return c.scores[key(category, "")]
}

// ContextNames returns every context, sorted.
func (c *Codebook) ContextNames() []string {
	out := make([]string, len(c.contexts))
	for i, ctx := range c.contexts {
		out[i] = ctx.name
	}
	return out
}

// ValidContext reports whether name is a context of the codebook.
func (c *Codebook) ValidContext(name string) bool { return c.hasContext(name) }

// Contexts returns the contexts whose keywords occur in the given folded
// (lower-case) tokens, sorted, or nil. Tokens are split at hyphens first, so
// "pro-democracy" matches whether the tokenizer kept it whole or not, and
// punctuation tokens that are only hyphens vanish.
func (c *Codebook) Contexts(norms []string) []string {
	words := make([]string, 0, len(norms))
	for _, t := range norms {
		if strings.IndexByte(t, '-') < 0 {
			if t != "" {
				words = append(words, t)
			}
			continue
		}
		words = splitWords(t, words)
	}
	found := make([]bool, len(c.contexts))
	n := 0
	mark := func(r kwRef, i int) {
		if !found[r.ctx] && matchAt(words, i, r.kw) {
			found[r.ctx] = true
			n++
		}
	}
	for i, w := range words {
		for _, r := range c.exact[w] {
			mark(r, i)
		}
		for _, p := range c.prefix[w[0]] {
			if strings.HasPrefix(w, p.first) {
				mark(p.kwRef, i)
			}
		}
		if n == len(c.contexts) {
			break
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i, ok := range found {
		if ok {
			out = append(out, c.contexts[i].name)
		}
	}
	return out
}

// matchAt reports whether the keyword's words start at words[i].
func matchAt(words []string, i int, kw *keyword) bool {
	if i+len(kw.words) > len(words) {
		return false
	}
	last := len(kw.words) - 1
	for j, w := range kw.words {
		t := words[i+j]
		if j == last && kw.prefix {
			if !strings.HasPrefix(t, w) {
				return false
			}
			continue
		}
		if t != w {
			return false
		}
	}
	return true
}
