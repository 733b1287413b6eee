// Command genverbs converts the verb dictionary of the PETRARCH-2 event
// coder (CAMEO.2.0.txt, Open Event Data Alliance, MIT licence) into
// parley's verb lexicon syntax, data/events/verbs_petrarch.tsv.
//
// Each verb block of the dictionary ("--- ATTACK [190] ---") lists verbs,
// each coded with the block's CAMEO code or its own, and patterns
// ("- * {ARMS SHIPMENT} [072]") that refine the code by the words after
// the verb. The converter keeps what parley's matcher can express:
//
//   - a pattern with no words before the verb, whose words after it are
//     plain words, noun phrases {...} or prepositional phrases (...), with
//     at most a final target marker "+" or "$" (dropped): every verb of
//     the block followed by the words, a "*" gap before each phrase
//     ("dispatch * &WEAPON" gives "dispatch * rifle", ...);
//   - synonym sets (&WEAPON) expanded into their members, when a pattern
//     yields at most maxExpand rows.
//
// Bare verbs of one word ("ATTACK [190]") are left out (phrasal verbs,
// "CRACK_DOWN [170]", are kept): measured, they lowered
// precision on the seeds (F1 0.865 to 0.773) and the PLOVER GSR (0.419 to
// 0.396) more than they added recall; verbs.tsv holds the bare verbs.
// Patterns with a subject (words before the verb), a compound marker "%",
// an inner target marker, or a CAMEO code that has no PLOVER category
// are left out. The CAMEO code is turned into a PLOVER category and mode
// by the codebook's crosswalk (plover.Codebook.FromCAMEO). Rows listed in
// drop.tsv (next to this file) are left out: they coded false events on
// parley's development set (event.TestPetrarchPrecision says which).
//
// Usage:
//
//	go run ./event/internal/genverbs -in ../shared/reference/dictionaries/CAMEO.2.0.txt -out data/events/verbs_petrarch.tsv
package main

import (
	"bufio"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/parley-events/parley/plover"
)

// maxExpand bounds the rows one pattern may yield through synonym sets.
const maxExpand = 40

//go:embed drop.tsv
var dropTSV string

func main() {
	in := flag.String("in", "../shared/reference/dictionaries/CAMEO.2.0.txt", "PETRARCH-2 verb dictionary")
	out := flag.String("out", "data/events/verbs_petrarch.tsv", "lexicon to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genverbs:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	cb, err := plover.Default()
	if err != nil {
		return err
	}
	b, err := convert(string(src), cb, parseDrop(dropTSV))
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, b, 0o644)
}

// parseDrop reads drop.tsv: a pattern per line (tab, then a reason).
func parseDrop(s string) map[string]bool {
	drop := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pat, _, _ := strings.Cut(line, "\t")
		drop[strings.TrimSpace(pat)] = true
	}
	return drop
}

// block is one verb block of the dictionary.
type block struct {
	name  string
	line  int
	verbs []verb
	pats  []pattern
}

type verb struct {
	lemma string   // lowercase, words separated by spaces
	code  string   // its own code, or the block's; "" for none
	forms []string // lowercase irregular forms given in {...}
}

type pattern struct {
	line int
	verb string   // the verb (or a form of it) the pattern was written for, lowercase
	toks []string // after the verb: words, "{", "}", "(", ")", "&SET", "+", "$"
	code string
}

// is reports whether w, from a pattern's comment, names v: its lemma or
// one of its forms.
func (v verb) is(w string) bool {
	if w == v.lemma {
		return true
	}
	for _, f := range v.forms {
		if f == w {
			return true
		}
	}
	return false
}

// row is one line of the output.
type row struct {
	cat, mode, pat, example string
}

// convert turns the dictionary text into the lexicon file.
func convert(src string, cb *plover.Codebook, drop map[string]bool) ([]byte, error) {
	sets, blocks, err := parse(src)
	if err != nil {
		return nil, err
	}
	var rows []row
	seen := map[string]bool{}
	add := func(code, pat, example string) {
		cat, mode, _, ok := cb.FromCAMEO(code)
		if !ok || cat == "" || drop[pat] || seen[pat] {
			return
		}
		if !cb.ValidMode(cat, mode) {
			mode = ""
		}
		seen[pat] = true
		rows = append(rows, row{cat: cat, mode: mode, pat: pat, example: example})
	}
	for _, bl := range blocks {
		for _, v := range bl.verbs {
			if v.code != "" && phrasal(v.lemma) {
				add(v.code, v.lemma, fmt.Sprintf("CAMEO %s, verb %s", v.code, strings.ToUpper(bl.name)))
			}
		}
		for _, p := range bl.pats {
			tails := expand(p.toks, sets)
			if tails == nil {
				continue
			}
			for _, v := range bl.verbs {
				if !v.is(p.verb) {
					continue
				}
				for _, tail := range tails {
					add(p.code, v.lemma+" "+tail, fmt.Sprintf("CAMEO %s, verb %s, line %d", p.code, strings.ToUpper(bl.name), p.line))
				}
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].cat < rows[j].cat })
	var b strings.Builder
	b.WriteString("# Generated by event/internal/genverbs from PETRARCH-2's CAMEO.2.0.txt\n")
	b.WriteString("# (Open Event Data Alliance, MIT licence; see data/SOURCES.md). DO NOT EDIT:\n")
	b.WriteString("# change the converter or its drop.tsv and run it again. Loaded after\n")
	b.WriteString("# verbs.tsv, whose rows win on the same pattern. Columns as in verbs.tsv;\n")
	b.WriteString("# the example column names the CAMEO code and the dictionary's verb block.\n")
	b.WriteString("# category\tmode\tpattern\tflags\texample\n")
	for _, r := range rows {
		mode := r.mode
		if mode == "" {
			mode = "-"
		}
		fl := "-"
		if r.cat == "PROTEST" {
			fl = "civil" // protests are ordinary people's, as in verbs.tsv
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", r.cat, mode, r.pat, fl, r.example)
	}
	return []byte(b.String()), nil
}

// phrasal reports whether a verb of the dictionary is a phrase specific
// enough to code alone: two words or more, not a coordination the
// dictionary spells as a verb ("KILLED_AND").
func phrasal(lemma string) bool {
	f := strings.Fields(lemma)
	if len(f) < 2 {
		return false
	}
	switch f[len(f)-1] {
	case "and", "or", "but":
		return false
	}
	return true
}

// expand turns the words after the verb into parley pattern tails, or nil
// when the matcher cannot express them.
func expand(toks []string, sets map[string][]string) []string {
	// Drop a final target or source marker.
	for len(toks) > 0 && (toks[len(toks)-1] == "+" || toks[len(toks)-1] == "$") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return nil // "- * (TO)" empty after the verb: the bare verb says it
	}
	tails := []string{""}
	depth := 0
	for _, t := range toks {
		switch t {
		case "{", "(":
			depth++
			if depth == 1 {
				tails = appendAll(tails, "*")
			}
			continue
		case "}", ")":
			depth--
			continue
		case "+", "$", "%", "*", "-":
			return nil
		}
		if depth == 0 {
			tails = appendAll(tails, "*")
		}
		var alts []string
		if strings.HasPrefix(t, "&") {
			alts = sets[t]
			if len(alts) == 0 {
				return nil
			}
		} else {
			w, ok := word(t)
			if !ok {
				return nil
			}
			alts = []string{w}
		}
		var next []string
		for _, tl := range tails {
			for _, a := range alts {
				next = append(next, strings.TrimSpace(tl+" "+a))
			}
		}
		if len(next) > maxExpand {
			return nil
		}
		tails = next
	}
	if depth != 0 {
		return nil
	}
	for i, tl := range tails {
		tails[i] = strings.TrimSpace(tl)
		if strings.HasSuffix(tails[i], "*") || strings.Contains(tails[i], "* *") {
			return nil
		}
	}
	return tails
}

func appendAll(tails []string, s string) []string {
	for i := range tails {
		tails[i] = strings.TrimSpace(tails[i] + " " + s)
	}
	return tails
}

// word turns a dictionary word into pattern words: lower case, "_" between
// words of a compound, a trailing "_" (exact form) dropped.
func word(t string) (string, bool) {
	t = strings.TrimSuffix(t, "_")
	if t == "" {
		return "", false
	}
	for _, r := range t {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '_' || r == '-' || r == '\'') {
			return "", false
		}
	}
	t = strings.ToLower(strings.ReplaceAll(t, "_", " "))
	return strings.Join(strings.Fields(t), " "), true
}

// parse reads the synonym sets and verb blocks.
func parse(src string) (map[string][]string, []block, error) {
	sets := map[string][]string{}
	var blocks []block
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	section := ""
	curSet := ""
	var cur *block
	var errs []string
	for sc.Scan() {
		n++
		line := sc.Text()
		comment := ""
		if i := strings.Index(line, "#"); i >= 0 {
			comment = line[i+1:]
			if strings.HasPrefix(line, "####") {
				switch {
				case strings.Contains(line, "SYNONYM"):
					section = "sets"
				case strings.Contains(line, "VERB PATTERNS"):
					section = "verbs"
				default:
					section = ""
				}
				continue
			}
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		switch section {
		case "sets":
			switch {
			case strings.HasPrefix(line, "&"):
				curSet = strings.Fields(line)[0]
			case strings.HasPrefix(line, "+") && curSet != "":
				f := strings.Fields(strings.TrimPrefix(line, "+"))
				if len(f) == 0 {
					continue
				}
				if w, ok := word(f[0]); ok {
					sets[curSet] = append(sets[curSet], w)
				}
			}
		case "verbs":
			switch {
			case strings.HasPrefix(line, "---"):
				f := strings.Fields(strings.Trim(line, "- "))
				if len(f) < 2 {
					errs = append(errs, fmt.Sprintf("line %d: bad block header %q", n, line))
					cur = nil
					continue
				}
				blocks = append(blocks, block{name: strings.ToLower(f[0]), line: n})
				cur = &blocks[len(blocks)-1]
				if c := code(f[1]); c != "" {
					cur.verbs = append(cur.verbs, verb{lemma: "", code: c}) // the block's code, given to its verbs below
				}
			case cur == nil:
				errs = append(errs, fmt.Sprintf("line %d: %q outside a verb block", n, line))
			case strings.HasPrefix(line, "-"):
				p, ok := parsePattern(strings.TrimPrefix(line, "-"), n)
				if f := strings.Fields(comment); len(f) > 0 {
					p.verb, _ = word(f[0])
				}
				if ok {
					cur.pats = append(cur.pats, p)
				}
			default:
				// A verb: WORD or +WORD_WORD, then {forms} and [code].
				l := strings.TrimPrefix(line, "+")
				var forms []string
				if i := strings.Index(l, "{"); i >= 0 {
					if j := strings.Index(l, "}"); j > i {
						for _, x := range strings.Fields(l[i+1 : j]) {
							if w, ok := word(strings.TrimPrefix(x, "+")); ok {
								forms = append(forms, w)
							}
						}
						l = l[:i] + l[j+1:]
					}
				}
				f := strings.Fields(l)
				w, ok := word(f[0])
				if !ok {
					continue
				}
				c := ""
				for _, x := range f[1:] {
					if strings.HasPrefix(x, "[") {
						c = code(x)
					}
				}
				cur.verbs = append(cur.verbs, verb{lemma: w, code: c, forms: forms})
			}
		}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	// A block's own code goes to its verbs without one.
	for i := range blocks {
		bl := &blocks[i]
		def := ""
		var vs []verb
		for _, v := range bl.verbs {
			if v.lemma == "" {
				def = v.code
				continue
			}
			vs = append(vs, v)
		}
		for j := range vs {
			if vs[j].code == "" {
				vs[j].code = def
			}
		}
		bl.verbs = vs
	}
	return sets, blocks, nil
}

// code reads "[190]" or "[042:043]" (source:target codes; the first is
// kept); "[---]" and malformed codes give "".
func code(s string) string {
	s = strings.Trim(s, "[]")
	s, _, _ = strings.Cut(s, ":")
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return ""
	}
	return s
}

// parsePattern reads " * WORDS [code]"; only patterns that start with the
// verb are kept.
func parsePattern(s string, line int) (pattern, bool) {
	i := strings.Index(s, "[")
	j := strings.Index(s, "]")
	if i < 0 || j < i {
		return pattern{}, false
	}
	c := code(s[i : j+1])
	if c == "" {
		return pattern{}, false
	}
	body := s[:i]
	for _, br := range []string{"{", "}", "(", ")"} {
		body = strings.ReplaceAll(body, br, " "+br+" ")
	}
	f := strings.Fields(body)
	if len(f) < 2 || f[0] != "*" {
		return pattern{}, false
	}
	return pattern{line: line, toks: f[1:], code: c}, true
}
