// Command gencountries writes data/actors/countries.tsv from the npm
// packages i18n-iso-countries (ISO codes and English names, MIT) and
// i18n-nationality (English demonyms, MIT), with capitals taken from
// CountryInfo.txt (Philip Schrodt, CC BY-SA 3.0) when it is given.
//
//	npm install --no-save i18n-iso-countries i18n-nationality   # in a temp dir
//	go run ./actor/internal/gencountries -npm DIR/node_modules \
//	    -countryinfo ../shared/reference/dictionaries/CountryInfo.120116.txt \
//	    -o data/actors/countries.tsv
//
// Names or adjectives that two countries share ("Congo", "Dominican") are
// left out of both and listed in a comment at the top of the output; hand
// corrections belong in countries_extra.tsv, which actor.Load merges in, so
// this command can be rerun at any time.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

type country struct {
	alpha2, alpha3 string
	name           string
	aliases        []string
	adjectives     []string
	capitals       []string
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gencountries", flag.ContinueOnError)
	npm := fs.String("npm", "", "directory holding the i18n-iso-countries and i18n-nationality packages (node_modules)")
	info := fs.String("countryinfo", "", "CountryInfo.txt to take capitals from (optional)")
	out := fs.String("o", "", "output file (default standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *npm == "" {
		return fmt.Errorf("-npm is required")
	}
	countries, err := readISO(filepath.Join(*npm, "i18n-iso-countries"))
	if err != nil {
		return err
	}
	if err := readNationality(filepath.Join(*npm, "i18n-nationality"), countries); err != nil {
		return err
	}
	if *info != "" {
		if err := readCapitals(*info, countries); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	write(&buf, countries)
	if *out == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

func readISO(dir string) ([]*country, error) {
	var codes [][]string
	if err := readJSON(filepath.Join(dir, "codes.json"), &codes); err != nil {
		return nil, err
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(dir, "langs", "en.json"), &en); err != nil {
		return nil, err
	}
	var cs []*country
	for _, row := range codes {
		if len(row) < 2 {
			return nil, fmt.Errorf("%s: bad code row %q", dir, row)
		}
		raw, ok := en.Countries[row[0]]
		if !ok {
			return nil, fmt.Errorf("%s: no English name for %s", dir, row[0])
		}
		var names []string
		if err := json.Unmarshal(raw, &names); err != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, fmt.Errorf("%s: name of %s: %w", dir, row[0], err)
			}
			names = []string{one}
		}
		c := &country{alpha2: row[0], alpha3: row[1]}
		for _, n := range names {
			c.aliases = appendName(c.aliases, n)
		}
		if len(c.aliases) == 0 && len(names) > 0 {
			// only an inverted form: "Virgin Islands, British" → "British Virgin Islands"
			a, b, _ := strings.Cut(names[0], ", ")
			c.aliases = []string{strings.TrimSpace(b + " " + a)}
		}
		c.name = pickName(names)
		cs = append(cs, c)
	}
	return cs, nil
}

// appendName adds a name, splitting "Holy See (Vatican City State)" into
// its two names and dropping inverted forms ("Korea, Republic of") and a
// leading "The".
func appendName(list []string, n string) []string {
	n = strings.TrimSpace(n)
	if before, inner, ok := strings.Cut(n, " ("); ok {
		inner, after, _ := strings.Cut(inner, ")")
		list = appendName(list, before+after) // "Cocos (Keeling) Islands" → "Cocos Islands"
		if after != "" {
			return list
		}
		if !strings.Contains(inner, " part") && !strings.Contains(inner, "Kingdom of") {
			list = appendName(list, inner)
		}
		return list
	}
	if strings.Contains(n, ",") {
		return list
	}
	n = strings.TrimPrefix(n, "The ")
	if n == "" || slices.Contains(list, n) {
		return list
	}
	return append(list, n)
}

// pickName picks the short common name: the last name that is not an
// abbreviation ("Russian Federation", "Russia" → "Russia").
func pickName(raw []string) string {
	for i := len(raw) - 1; i >= 0; i-- {
		if parts := appendName(nil, raw[i]); len(parts) > 0 && strings.ToUpper(parts[0]) != parts[0] {
			return parts[0]
		}
	}
	parts := appendName(nil, raw[0])
	if len(parts) == 0 {
		a, b, _ := strings.Cut(raw[0], ", ")
		return strings.TrimSpace(b + " " + a)
	}
	return parts[0]
}

func readNationality(dir string, cs []*country) error {
	var en struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if err := readJSON(filepath.Join(dir, "langs", "en.json"), &en); err != nil {
		return err
	}
	for _, c := range cs {
		adj, ok := en.Nationalities[c.alpha2]
		if !ok {
			continue
		}
		for _, a := range strings.Split(adj, " - ") {
			a, qualified, _ := strings.Cut(a, " (")
			a = strings.TrimSpace(a)
			if a == "" || strings.Contains(a, ",") || slices.Contains(c.aliases, a) || a == c.name {
				continue // the package repeats the country name when it knows no demonym
			}
			if qualified != "" {
				a = "?" + a // a qualified form ("French (French Guiana)") yields to an unqualified one
			}
			c.adjectives = append(c.adjectives, a)
		}
	}
	return nil
}

// readCapitals reads the <Capital> entries of CountryInfo.txt.
func readCapitals(path string, cs []*country) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	by3 := map[string]*country{}
	by2 := map[string]*country{}
	for _, c := range cs {
		by3[c.alpha3] = c
		by2[c.alpha2] = c
	}
	var cur *country
	inCapital := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(s, "<Country>"):
			cur, inCapital = nil, false
		case strings.HasPrefix(s, "<CountryCode>"):
			// the CountryCode tag is more reliable than ISO3166-alpha3 (JPN is "JON" there)
			cur = by3[tagValue(s, "CountryCode")]
		case strings.HasPrefix(s, "<ISO3166-alpha2>") && cur == nil:
			cur = by2[tagValue(s, "ISO3166-alpha2")]
		case strings.HasPrefix(s, "<Capital>"):
			inCapital = true
		case strings.HasPrefix(s, "</Capital>"):
			inCapital = false
		case inCapital && cur != nil && s != "":
			name := titleCase(strings.ReplaceAll(strings.Trim(s, "_"), "_", " "))
			if !slices.Contains(cur.capitals, name) {
				cur.capitals = append(cur.capitals, name)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return nil
}

func tagValue(s, tag string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "<"+tag+">"), "</"+tag+">"))
}

func titleCase(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == ' ' || c == '-' || c == '.'
	}
	return string(b)
}

func write(w io.Writer, cs []*country) {
	// Names and adjectives claimed by two countries are left out of both;
	// a qualified adjective ("?French") yields to an unqualified one.
	owners := map[string][]string{}
	plain := map[string]bool{}
	for _, c := range cs {
		for _, n := range slices.Concat(c.aliases, c.adjectives, c.capitals) {
			k := strings.ToLower(strings.TrimPrefix(n, "?"))
			if !strings.HasPrefix(n, "?") {
				plain[k] = true
			}
			if !slices.Contains(owners[k], c.alpha3) {
				owners[k] = append(owners[k], c.alpha3)
			}
		}
	}
	var ambiguous []string
	for k, o := range owners {
		if len(o) > 1 && !plain[k] || len(o) > 1 && countPlain(cs, k) > 1 {
			ambiguous = append(ambiguous, fmt.Sprintf("%s (%s)", k, strings.Join(o, " ")))
		}
	}
	slices.Sort(ambiguous)
	keep := func(list []string) []string {
		var out []string
		for _, n := range list {
			k := strings.ToLower(strings.TrimPrefix(n, "?"))
			if strings.HasPrefix(n, "?") && plain[k] || len(owners[k]) > 1 && (!plain[k] || countPlain(cs, k) > 1) {
				continue
			}
			out = append(out, strings.TrimPrefix(n, "?"))
		}
		return out
	}
	fmt.Fprintln(w, "# Generated by actor/internal/gencountries from i18n-iso-countries and i18n-nationality (MIT)")
	fmt.Fprintln(w, "# and the capitals of CountryInfo.120116.txt (CC BY-SA 3.0). DO NOT EDIT: corrections go in countries_extra.tsv.")
	fmt.Fprintln(w, "# Left out as ambiguous: "+strings.Join(ambiguous, "; "))
	fmt.Fprintln(w, "alpha3\talpha2\tname\taliases\tadjectives\tcapitals")
	for _, c := range cs {
		kept := keep(c.aliases)
		if !slices.Contains(kept, c.name) && len(kept) > 0 {
			c.name = kept[0] // the short name is ambiguous ("Congo")
		}
		var aliases []string
		for _, a := range kept {
			if a != c.name {
				aliases = append(aliases, a)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", c.alpha3, c.alpha2, c.name,
			strings.Join(aliases, "; "), strings.Join(keep(c.adjectives), "; "), strings.Join(keep(c.capitals), "; "))
	}
}

func countPlain(cs []*country, k string) int {
	n := 0
	for _, c := range cs {
		for _, x := range slices.Concat(c.aliases, c.adjectives, c.capitals) {
			if strings.ToLower(x) == k {
				n++
				break
			}
		}
	}
	return n
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
