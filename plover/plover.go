package plover

import (
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley/data"
)

// Quad is PLOVER's four-way grouping of categories (manual table 7.2).
type Quad int

// The quad classes, numbered as in the manual.
const (
	VerbalCoop Quad = iota + 1
	MaterialCoop
	VerbalConflict
	MaterialConflict
)

var quadNames = [...]string{
	VerbalCoop:       "verbal-cooperation",
	MaterialCoop:     "material-cooperation",
	VerbalConflict:   "verbal-conflict",
	MaterialConflict: "material-conflict",
}

// String returns the name categories.tsv uses: "verbal-cooperation",
// "material-cooperation", "verbal-conflict" or "material-conflict".
func (q Quad) String() string {
	if q >= VerbalCoop && q <= MaterialConflict {
		return quadNames[q]
	}
	return "Quad(" + strconv.Itoa(int(q)) + ")"
}

// ParseQuad reads a quad name as String writes it.
func ParseQuad(s string) (Quad, error) {
	for q := VerbalCoop; q <= MaterialConflict; q++ {
		if strings.EqualFold(s, quadNames[q]) {
			return q, nil
		}
	}
	return 0, fmt.Errorf("quad %q is not one of %s", s, strings.Join(quadNames[1:], ", "))
}

// Category is a PLOVER event category.
type Category struct {
	Name       string // upper case: AGREE, CONSULT...
	Quad       Quad
	Modes      []string // in the manual's order; nil for a category without modes
	Definition string
}

// crossing is one row of cameo2plover.tsv.
type crossing struct {
	category, mode string
	contexts       []string
}

// keyword is one entry of a context's lexicon: consecutive words, the last
// one a prefix when prefix is set.
type keyword struct {
	words  []string
	prefix bool
}

type context struct {
	name     string
	keywords []keyword
}

// Codebook is the PLOVER codebook. It is immutable once loaded and safe for
// concurrent use.
type Codebook struct {
	categories []Category
	index      map[string]int    // upper-case category name -> categories index
	modes      map[string]string // key(category, mode) -> mode as spelled in categories.tsv
	modeDefs   map[string]string // key(category, mode) -> definition
	cameo      map[string]crossing
	toCAMEO    map[string]string // key(category, mode) -> CAMEO code
	goldstein  map[string]float64
	scores     map[string]float64 // key(category, mode); mode "" for the category
	contexts   []context          // sorted by name
	// exact and prefix index the first word of every keyword to the
	// contexts it may start: exact by whole word, prefix (one-word keywords
	// ending in '*') by the word's first byte.
	exact  map[string][]kwRef
	prefix map[byte][]prefixRef
}

type kwRef struct {
	ctx int
	kw  *keyword
}

type prefixRef struct {
	first string
	kwRef
}

// key is the map key of a (category, mode) pair, case-insensitive.
func key(category, mode string) string {
	return strings.ToUpper(category) + "/" + strings.ToLower(mode)
}

// Files of the codebook, as Load reads them from its fs.FS.
const (
	CategoriesFile   = "categories.tsv"
	ContextsFile     = "contexts.tsv"
	GoldsteinFile    = "goldstein.tsv"
	CAMEO2PLOVERFile = "cameo2plover.tsv"
	PLOVER2CAMEOFile = "plover2cameo.tsv"
	ScoresFile       = "scores.tsv"
)

// Default loads the codebook embedded in the binary (data.Plover). It parses
// the tables on every call: call it once and share the result.
func Default() (*Codebook, error) {
	sub, err := fs.Sub(data.Plover, "plover")
	if err != nil {
		return nil, fmt.Errorf("plover: embedded data: %w", err)
	}
	return Load(sub)
}

// Load reads the codebook's six tables from the root of fsys. It checks them
// against each other and reports every problem at once, one "file:line:
// problem" a line (the error unwraps to the list).
func Load(fsys fs.FS) (*Codebook, error) {
	c := &Codebook{
		index:     map[string]int{},
		modes:     map[string]string{},
		modeDefs:  map[string]string{},
		cameo:     map[string]crossing{},
		toCAMEO:   map[string]string{},
		goldstein: map[string]float64{},
		scores:    map[string]float64{},
		exact:     map[string][]kwRef{},
		prefix:    map[byte][]prefixRef{},
	}
	var errs errorList
	c.loadCategories(fsys, &errs)
	c.loadContexts(fsys, &errs)
	c.loadGoldstein(fsys, &errs)
	c.loadCrosswalk(fsys, &errs)
	c.loadPLOVER2CAMEO(fsys, &errs)
	c.loadScores(fsys, &errs)
	if len(errs) > 0 {
		return nil, fmt.Errorf("plover: %d data errors:\n%w", len(errs), errs)
	}
	return c, nil
}

func (c *Codebook) loadCategories(fsys fs.FS, errs *errorList) {
	defined := map[string]bool{} // categories with a definition row
	firstLine := map[string]int{}
	readTSV(fsys, CategoriesFile, []string{"category", "quad", "mode", "definition"}, errs, func(n int, f []string) {
		name, quadName, mode, def := f[0], f[1], f[2], f[3]
		if !isUpperWord(name) {
			errs.add(CategoriesFile, n, "category %q is not an upper-case word", name)
			return
		}
		q, err := ParseQuad(quadName)
		if err != nil {
			errs.add(CategoriesFile, n, "%v", err)
			return
		}
		if !isModeName(mode) {
			errs.add(CategoriesFile, n, "mode %q: want letters, digits and '-' only", mode)
			return
		}
		if def == "" {
			errs.add(CategoriesFile, n, "%s %s has no definition", name, mode)
		}
		i, ok := c.index[name]
		if !ok {
			i = len(c.categories)
			c.index[name] = i
			firstLine[name] = n
			c.categories = append(c.categories, Category{Name: name, Quad: q})
		}
		cat := &c.categories[i]
		if cat.Quad != q {
			errs.add(CategoriesFile, n, "%s is %s here but %s at line %d", name, q, cat.Quad, firstLine[name])
		}
		k := key(name, mode)
		if _, dup := c.modeDefs[k]; dup {
			errs.add(CategoriesFile, n, "%s mode %q listed twice", name, mode)
			return
		}
		c.modeDefs[k] = def
		if mode == "" {
			defined[name] = true
			cat.Definition = def
			return
		}
		c.modes[k] = mode
		cat.Modes = append(cat.Modes, mode)
	})
	for _, cat := range c.categories {
		if !defined[cat.Name] {
			errs.add(CategoriesFile, firstLine[cat.Name], "%s has no row with an empty mode (its definition)", cat.Name)
		}
	}
}

func (c *Codebook) loadContexts(fsys fs.FS, errs *errorList) {
	seen := map[string]int{}
	readTSV(fsys, ContextsFile, []string{"context", "source", "keywords"}, errs, func(n int, f []string) {
		name, kws := f[0], f[2]
		if name == "" || name != strings.ToLower(name) || strings.ContainsAny(name, " -") {
			errs.add(ContextsFile, n, "context %q: want lower case with '_' between words", name)
			return
		}
		if prev, dup := seen[name]; dup {
			errs.add(ContextsFile, n, "context %q already at line %d", name, prev)
			return
		}
		seen[name] = n
		ctx := context{name: name}
		for raw := range strings.SplitSeq(kws, ",") {
			kw, err := parseKeyword(raw)
			if err != nil {
				errs.add(ContextsFile, n, "%s: %v", name, err)
				continue
			}
			ctx.keywords = append(ctx.keywords, kw)
		}
		c.contexts = append(c.contexts, ctx)
	})
	slices.SortFunc(c.contexts, func(a, b context) int { return strings.Compare(a.name, b.name) })
	for i := range c.contexts {
		for j := range c.contexts[i].keywords {
			kw := &c.contexts[i].keywords[j]
			ref := kwRef{ctx: i, kw: kw}
			if kw.prefix && len(kw.words) == 1 {
				b := kw.words[0][0]
				c.prefix[b] = append(c.prefix[b], prefixRef{first: kw.words[0], kwRef: ref})
				continue
			}
			c.exact[kw.words[0]] = append(c.exact[kw.words[0]], ref)
		}
	}
}

// parseKeyword reads "word word*": words split at spaces and hyphens (as
// tokens are, see Contexts), lower case, an optional final '*'.
func parseKeyword(raw string) (keyword, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return keyword{}, fmt.Errorf("empty keyword in %q", raw)
	}
	var kw keyword
	if t, ok := strings.CutSuffix(s, "*"); ok {
		kw.prefix = true
		s = t
	}
	if s != strings.ToLower(s) {
		return keyword{}, fmt.Errorf("keyword %q is not lower case", raw)
	}
	if strings.ContainsAny(s, "*\t") {
		return keyword{}, fmt.Errorf("keyword %q: '*' only at the end", raw)
	}
	kw.words = splitWords(s, nil)
	if len(kw.words) == 0 {
		return keyword{}, fmt.Errorf("keyword %q has no word", raw)
	}
	return kw, nil
}

// splitWords appends the words of s, split at spaces and hyphens, to dst.
func splitWords(s string, dst []string) []string {
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		dst = append(dst, w)
	}
	return dst
}

func (c *Codebook) loadGoldstein(fsys fs.FS, errs *errorList) {
	line := map[string]int{}
	readTSV(fsys, GoldsteinFile, []string{"cameo", "goldstein", "note"}, errs, func(n int, f []string) {
		code := f[0]
		if !isCAMEO(code) {
			errs.add(GoldsteinFile, n, "CAMEO code %q is not 2 to 4 digits", code)
			return
		}
		v, err := parseScore(f[1])
		if err != nil {
			errs.add(GoldsteinFile, n, "%s: %v", code, err)
			return
		}
		if prev, dup := line[code]; dup {
			errs.add(GoldsteinFile, n, "CAMEO code %s already at line %d", code, prev)
			return
		}
		line[code] = n
		c.goldstein[code] = v
	})
}

func (c *Codebook) loadCrosswalk(fsys fs.FS, errs *errorList) {
	line := map[string]int{}
	readTSV(fsys, CAMEO2PLOVERFile, []string{"cameo", "category", "mode", "contexts", "note"}, errs, func(n int, f []string) {
		code, cat, mode, ctxs := f[0], f[1], f[2], f[3]
		if !isCAMEO(code) {
			errs.add(CAMEO2PLOVERFile, n, "CAMEO code %q is not 2 to 4 digits", code)
			return
		}
		if prev, dup := line[code]; dup {
			errs.add(CAMEO2PLOVERFile, n, "CAMEO code %s already at line %d", code, prev)
			return
		}
		line[code] = n
		cat, mode, ok := c.checkPair(CAMEO2PLOVERFile, n, cat, mode, errs)
		if !ok {
			return
		}
		if _, ok := c.goldstein[code]; !ok {
			errs.add(CAMEO2PLOVERFile, n, "CAMEO code %s has no Goldstein value in %s", code, GoldsteinFile)
		}
		x := crossing{category: cat, mode: mode}
		for ctx := range strings.SplitSeq(ctxs, ",") {
			if ctx = strings.TrimSpace(ctx); ctx == "" {
				continue
			}
			if !c.hasContext(ctx) {
				errs.add(CAMEO2PLOVERFile, n, "context %q is not in %s", ctx, ContextsFile)
				continue
			}
			x.contexts = append(x.contexts, ctx)
		}
		c.cameo[code] = x
	})
}

func (c *Codebook) loadPLOVER2CAMEO(fsys fs.FS, errs *errorList) {
	line := map[string]int{}
	readTSV(fsys, PLOVER2CAMEOFile, []string{"category", "mode", "cameo", "exception", "comment"}, errs, func(n int, f []string) {
		cat, mode, code, exception := f[0], f[1], f[2], f[3]
		cat, mode, ok := c.checkPair(PLOVER2CAMEOFile, n, cat, mode, errs)
		if !ok {
			return
		}
		k := key(cat, mode)
		if prev, dup := line[k]; dup {
			errs.add(PLOVER2CAMEOFile, n, "%s %q already at line %d", cat, mode, prev)
			return
		}
		line[k] = n
		if !isCAMEO(code) {
			errs.add(PLOVER2CAMEOFile, n, "CAMEO code %q is not 2 to 4 digits", code)
			return
		}
		if _, ok := c.lookupGoldstein(code); !ok {
			errs.add(PLOVER2CAMEOFile, n, "CAMEO code %s has no Goldstein value in %s", code, GoldsteinFile)
		}
		back, _, _, ok := c.FromCAMEO(code)
		switch {
		case !ok && exception == "":
			errs.add(PLOVER2CAMEOFile, n, "CAMEO code %s is not in %s and no exception is given", code, CAMEO2PLOVERFile)
		case ok && back != cat && exception == "":
			errs.add(PLOVER2CAMEOFile, n, "CAMEO code %s maps back to %s, not %s, and no exception is given", code, back, cat)
		case ok && back == cat && exception != "":
			errs.add(PLOVER2CAMEOFile, n, "CAMEO code %s maps back to %s: the exception %q is stale", code, cat, exception)
		}
		c.toCAMEO[k] = code
	})
	c.eachPair(func(cat, mode string) {
		if _, ok := c.toCAMEO[key(cat, mode)]; !ok {
			errs.add(PLOVER2CAMEOFile, 0, "no row for %s %q", cat, mode)
		}
	})
}

func (c *Codebook) loadScores(fsys fs.FS, errs *errorList) {
	line := map[string]int{}
	readTSV(fsys, ScoresFile, []string{"category", "mode", "score", "note"}, errs, func(n int, f []string) {
		cat, mode, ok := c.checkPair(ScoresFile, n, f[0], f[1], errs)
		if !ok {
			return
		}
		v, err := parseScore(f[2])
		if err != nil {
			errs.add(ScoresFile, n, "%s %q: %v", cat, mode, err)
			return
		}
		k := key(cat, mode)
		if prev, dup := line[k]; dup {
			errs.add(ScoresFile, n, "%s %q already at line %d", cat, mode, prev)
			return
		}
		line[k] = n
		c.scores[k] = v
	})
	for _, cat := range c.categories {
		if _, ok := c.scores[key(cat.Name, "")]; !ok {
			errs.add(ScoresFile, 0, "no score for category %s", cat.Name)
		}
	}
}

// checkPair reports a category or mode that categories.tsv does not define
// and returns both as categories.tsv spells them.
func (c *Codebook) checkPair(file string, n int, cat, mode string, errs *errorList) (string, string, bool) {
	i, ok := c.index[strings.ToUpper(cat)]
	if !ok {
		errs.add(file, n, "category %q is not in %s", cat, CategoriesFile)
		return "", "", false
	}
	cat = c.categories[i].Name
	if mode == "" {
		return cat, "", true
	}
	m, ok := c.modes[key(cat, mode)]
	if !ok {
		errs.add(file, n, "%s has no mode %q in %s", cat, mode, CategoriesFile)
		return "", "", false
	}
	return cat, m, true
}

// eachPair calls fn with every category (mode "") and every (category, mode).
func (c *Codebook) eachPair(fn func(cat, mode string)) {
	for _, cat := range c.categories {
		fn(cat.Name, "")
		for _, m := range cat.Modes {
			fn(cat.Name, m)
		}
	}
}

func (c *Codebook) hasContext(name string) bool {
	_, ok := slices.BinarySearchFunc(c.contexts, name, func(x context, s string) int { return strings.Compare(x.name, s) })
	return ok
}

func isUpperWord(s string) bool {
	return s != "" && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func isModeName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func isCAMEO(s string) bool {
	return len(s) >= 2 && len(s) <= 4 && strings.Trim(s, "0123456789") == ""
}

func parseScore(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("score %q is not a number", s)
	}
	if math.IsNaN(v) || v < -10 || v > 10 {
		return 0, fmt.Errorf("score %q is outside -10..10", s)
	}
	return v, nil
}
