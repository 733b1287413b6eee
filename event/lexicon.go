package event

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/parley-events/parley/plover"
)

// Lexicon files, relative to the fs.FS given to NewCoder.
const (
	verbsFile     = "events/verbs.tsv"
	petrarchFile  = "events/verbs_petrarch.tsv" // generated; verbs.tsv wins
	nounsFile     = "events/nouns.tsv"
	modesFile     = "events/modes.tsv"
	wordsFile     = "events/words.tsv"
	irregularFile = "events/irregular.tsv"
)

// maxGap is how many tokens a "*" in a pattern may skip.
const maxGap = 4

// flags are the attribution switches of a pattern (see verbs.tsv).
type flags uint16

const (
	flagHost flags = 1 << iota
	flagIntent
	flagScope
	flagObject
	flagMutual
	flagProtest
	flagAim
	flagAssure
	flagCivil
	flagInvite
	flagAnimate
	flagContest
	flagJoint
	flagLocative
)

var flagNames = map[string]flags{
	"host": flagHost, "intent": flagIntent, "scope": flagScope,
	"object": flagObject, "mutual": flagMutual, "protest": flagProtest,
	"aim": flagAim, "assure": flagAssure, "civil": flagCivil,
	"invite": flagInvite, "animate": flagAnimate, "contest": flagContest, "joint": flagJoint,
	"locative": flagLocative,
}

// rule is one row of verbs.tsv or nouns.tsv, compiled.
type rule struct {
	cat, mode string
	toks      []string // lemmas; "*" is a gap
	literals  int      // tokens that are not gaps
	flags     flags
	noun      bool
	order     int    // row order across both files: earlier wins ties
	pos       string // "file:line", for messages
	extra     bool   // from the generated lexicon (verbs_petrarch.tsv)
	// bit2 is the sentence-filter bit of the literal after the first
	// (lemmaBit), valid when has2: a rule whose second literal is in no
	// token of the sentence cannot match there.
	bit2 uint8
	has2 bool
}

// lemmaBit maps a lemma to one of 256 bits (FNV-1a): a sentence's lemmas
// set their bits, so most rules are ruled out by one test.
func lemmaBit(l string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(l); i++ {
		h ^= uint32(l[i])
		h *= 16777619
	}
	return uint8(h ^ h>>8 ^ h>>16 ^ h>>24)
}

// cue is one row of modes.tsv.
type cue struct {
	aux   string
	where string // before, after, clause
	toks  []string
}

// errorList collects every problem of the lexicons, one "file:line:
// problem" per entry.
type errorList []error

func (l *errorList) add(file string, line int, format string, args ...any) {
	*l = append(*l, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
}

func (l errorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return errors.Join(l...)
}

// readTSV calls row for every non-comment, non-blank line of name, with its
// fields; a line with the wrong number of fields is reported and skipped.
func readTSV(lex fs.FS, name string, ncol int, errs *errorList, row func(line int, f []string)) {
	b, err := fs.ReadFile(lex, name)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s: %w", name, err))
		return
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != ncol {
			errs.add(name, n, "%d fields, want %d (tab-separated)", len(f), ncol)
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		row(n, f)
	}
}

// loadRules reads a verb or noun lexicon. With extra set, a row whose
// pattern an earlier file already has is skipped: the earlier row wins.
func (c *Coder) loadRules(lex fs.FS, name string, noun, extra bool, cb *plover.Codebook, errs *errorList) {
	seen := map[string]int{}
	earlier := map[string]bool{}
	if extra {
		if _, err := fs.Stat(lex, name); errors.Is(err, fs.ErrNotExist) {
			return // the generated lexicon is optional
		}
		for _, r := range c.rulesOrder {
			if r.noun == noun {
				earlier[strings.Join(r.toks, " ")] = true
			}
		}
	}
	readTSV(lex, name, 5, errs, func(n int, f []string) {
		cat, mode, pat, fl := f[0], f[1], strings.ToLower(f[2]), f[3]
		if mode == "-" {
			mode = ""
		}
		ok := true
		if !cb.ValidMode(cat, "") {
			errs.add(name, n, "unknown PLOVER category %q", cat)
			ok = false
		} else if !cb.ValidMode(cat, mode) {
			errs.add(name, n, "category %s has no mode %q", cat, mode)
			ok = false
		}
		r := &rule{cat: cat, mode: mode, noun: noun, order: len(c.rulesOrder), pos: fmt.Sprintf("%s:%d", name, n)}
		r.toks = strings.Fields(pat)
		for _, t := range r.toks {
			if t != "*" {
				r.literals++
			}
		}
		switch {
		case len(r.toks) == 0:
			errs.add(name, n, "empty pattern")
			ok = false
		case r.toks[0] == "*" || r.toks[len(r.toks)-1] == "*":
			errs.add(name, n, "pattern %q starts or ends with *", pat)
			ok = false
		case strings.Contains(pat, "* *"):
			errs.add(name, n, "pattern %q has two gaps in a row", pat)
			ok = false
		}
		if fl != "-" {
			for _, name1 := range strings.Split(fl, ",") {
				v, known := flagNames[strings.TrimSpace(name1)]
				if !known {
					errs.add(name, n, "unknown flag %q", name1)
					ok = false
				}
				r.flags |= v
			}
		}
		key := cat + "\t" + mode + "\t" + strings.Join(r.toks, " ") + "\t" + fl
		if prev, dup := seen[key]; dup {
			errs.add(name, n, "duplicate of line %d", prev)
			ok = false
		}
		seen[key] = n
		if !ok || earlier[strings.Join(r.toks, " ")] {
			return
		}
		r.extra = extra
		if k := 1; len(r.toks) > 1 {
			if r.toks[1] == "*" {
				k = 2
			}
			if k < len(r.toks) {
				r.bit2, r.has2 = lemmaBit(r.toks[k]), true
			}
		}
		c.rulesOrder = append(c.rulesOrder, r)
		c.byHead[r.toks[0]] = append(c.byHead[r.toks[0]], r)
	})
}

var auxNames = map[string]bool{
	"future": true, "hypothetical": true, "negation": true, "historical": true, "none": true,
}

func (c *Coder) loadCues(lex fs.FS, errs *errorList) {
	readTSV(lex, modesFile, 3, errs, func(n int, f []string) {
		if !auxNames[f[0]] {
			errs.add(modesFile, n, "unknown auxiliary mode %q", f[0])
			return
		}
		switch f[1] {
		case "before", "after", "clause":
		default:
			errs.add(modesFile, n, "where is %q, want before, after or clause", f[1])
			return
		}
		toks := strings.Fields(strings.ToLower(f[2]))
		if len(toks) == 0 {
			errs.add(modesFile, n, "empty cue")
			return
		}
		c.cues = append(c.cues, cue{aux: f[0], where: f[1], toks: toks})
	})
}

// word kinds of words.tsv.
var wordKinds = []string{"light", "agent", "say", "determiner", "be", "pair", "person", "thing", "coord", "clause", "split", "prep", "place", "recipient", "dyadic", "keep", "modal", "owned", "backref", "civil", "oblige", "weapon", "animate", "opener", "contest", "plan", "subordinator", "statement", "boundary", "aim", "relational", "populace", "temporal", "when", "unilateral", "defy", "peacekeeping", "broker"}

func (c *Coder) loadWords(lex fs.FS, errs *errorList) {
	c.words = map[string][][]string{}
	known := map[string]bool{}
	for _, k := range wordKinds {
		known[k] = true
	}
	readTSV(lex, wordsFile, 2, errs, func(n int, f []string) {
		if !known[f[0]] {
			errs.add(wordsFile, n, "unknown kind %q", f[0])
			return
		}
		toks := strings.Fields(strings.ToLower(f[1]))
		if len(toks) == 0 {
			errs.add(wordsFile, n, "empty entry")
			return
		}
		c.words[f[0]] = append(c.words[f[0]], toks)
	})
	c.single = map[string]map[string]bool{}
	c.kindBit = map[string]uint64{}
	c.lemmaKinds = map[string]uint64{}
	if len(wordKinds) > 64 {
		*errs = append(*errs, fmt.Errorf("%s: %d kinds, at most 64 fit Coder.kindBit", wordsFile, len(wordKinds)))
	}
	for i, k := range wordKinds {
		c.kindBit[k] = 1 << i
	}
	for k, list := range c.words {
		for _, toks := range list {
			if len(toks) == 1 {
				if c.single[k] == nil {
					c.single[k] = map[string]bool{}
				}
				c.single[k][toks[0]] = true
				c.lemmaKinds[toks[0]] |= c.kindBit[k]
			}
		}
	}
	for _, k := range []string{"say", "determiner", "be", "coord"} {
		if len(c.words[k]) == 0 {
			*errs = append(*errs, fmt.Errorf("%s: no %q words", wordsFile, k))
		}
	}
}

func (c *Coder) loadIrregular(lex fs.FS, errs *errorList) {
	c.irregular = map[string]string{}
	readTSV(lex, irregularFile, 2, errs, func(n int, f []string) {
		form, lemma := strings.ToLower(f[0]), strings.ToLower(f[1])
		if form == "" || lemma == "" || strings.ContainsAny(form+lemma, " *") {
			errs.add(irregularFile, n, "bad entry %q -> %q", f[0], f[1])
			return
		}
		if prev, dup := c.irregular[form]; dup && prev != lemma {
			errs.add(irregularFile, n, "%q already maps to %q", form, prev)
			return
		}
		c.irregular[form] = lemma
	})
}
