// Command genleaders writes data/actors/leaders_past.tsv, the presidents,
// prime ministers and kings of every state with their terms, from the
// <Leaders> blocks of CountryInfo.txt (Philip Schrodt, 2012, CC BY-SA 3.0;
// the blocks were taken from rulers.org). The terms are facts; the names
// are re-spelt in title case.
//
//	go run ./actor/internal/genleaders \
//	    -countryinfo ../shared/reference/dictionaries/CountryInfo.120116.txt \
//	    -people data/actors/people.tsv -o data/actors/leaders_past.tsv
//
// people.tsv wins: a leader it names (by name or alias) is left out, and so
// is a term that overlaps one of its holders of the same office. A term
// still open in 2012 ends on the day before the next holder people.tsv or
// CountryInfo knows, else on the file's date (2012-01-16): the file cannot
// say more.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genleaders:", err)
		os.Exit(1)
	}
}

// sourceDate is the date of CountryInfo.120116.txt: open terms end there.
var sourceDate = time.Date(2012, 1, 16, 0, 0, 0, 0, time.UTC)

// offices maps the <Leaders> sub-blocks kept to a title.
var offices = map[string]string{
	"presidents": "president", "president": "president",
	"prime ministers": "prime minister", "prime minister": "prime minister", "premiers": "prime minister",
	"kings": "king",
}

type term struct {
	name    string
	aliases []string
	code    string // ISO3166-alpha3 of the block
	alt     string // CountryCode of the block: right where the ISO field is wrong (Guatemala "GLP")
	title   string
	from    time.Time
	to      time.Time // zero: open in the source
	line    int
}

var (
	namesRE = regexp.MustCompile(`\{([^}]*)\}`)
	codeRE  = regexp.MustCompile(`[A-Z]{3}`)
	termRE  = regexp.MustCompile(`\[\s*(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))\s*\]`)
)

func run(args []string) error {
	fl := flag.NewFlagSet("genleaders", flag.ContinueOnError)
	in := fl.String("countryinfo", "", "CountryInfo.txt")
	people := fl.String("people", "", "people.tsv, whose names and terms win")
	countries := fl.String("countries", "", "countries.tsv: leaders of other codes are left out")
	out := fl.String("o", "", "output file (default stdout)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	terms, err := parse(src)
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	known, held, err := readPeople(*people)
	if err != nil {
		return err
	}
	if *countries != "" {
		codes, err := readCodes(*countries)
		if err != nil {
			return err
		}
		for i := range terms {
			// The block's CountryCode wins where it is a known code: the
			// source's ISO field is wrong for a few countries (Guatemala
			// GLP, Japan JON, Myanmar MOZ).
			if t := &terms[i]; t.alt != "" && codes[t.alt] {
				t.code = t.alt
			}
		}
		terms = slices.DeleteFunc(terms, func(t term) bool { return !codes[t.code] })
	}
	terms = keep(terms, known, held)
	if *countries != "" {
		words, err := readCountryWords(*countries)
		if err != nil {
			return err
		}
		for w := range words {
			known[w] = true // "Montenegro" is a country before it is a surname
		}
	}
	var b bytes.Buffer
	write(&b, terms, known)
	if *out == "" {
		_, err = os.Stdout.Write(b.Bytes())
		return err
	}
	return os.WriteFile(*out, b.Bytes(), 0o644)
}

// parse reads the kept <Leaders> sub-blocks of every <Country>.
func parse(src []byte) ([]term, error) {
	var terms []term
	code, alt, block, inLeaders := "", "", "", false
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "<Country>":
			code, alt = "", ""
		case strings.HasPrefix(line, "<CountryCode>"):
			if c := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "<CountryCode>"), "</CountryCode>")); len(c) == 3 {
				alt = codeRE.FindString(c)
			}
		case strings.HasPrefix(line, "<ISO3166-alpha3>"):
			code = codeRE.FindString(strings.TrimPrefix(line, "<ISO3166-alpha3>"))
		case line == "<Leaders>":
			inLeaders = true
		case line == "</Leaders>":
			inLeaders, block = false, ""
		case !inLeaders:
		case strings.HasPrefix(line, "</"):
			block = ""
		case strings.HasPrefix(line, "<"):
			block = offices[strings.ToLower(strings.Trim(line, "<>"))]
		case block != "" && line != "" && code != "":
			t, ok, err := parseTerm(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if ok && collective(t.name) {
				ok = false // "Islamic Revolutionary Council": a body, not a person
			}
			if ok {
				t.code, t.alt, t.title, t.line = code, alt, block, n
				terms = append(terms, t)
			}
		}
	}
	return terms, sc.Err()
}

// parseTerm reads "{A_B_}{A_C_B_} [19800418 - 19871231] [B:...]" or
// "A_B_ [>19871231]".
func parseTerm(line string) (term, bool, error) {
	head, _, _ := strings.Cut(line, "[")
	var spellings []string
	if ms := namesRE.FindAllStringSubmatch(head, -1); ms != nil {
		for _, m := range ms {
			spellings = append(spellings, m[1])
		}
	} else {
		spellings = strings.Fields(head)
	}
	var t term
	for _, s := range spellings {
		if n := spell(s); n != "" && n != t.name && !slices.Contains(t.aliases, n) {
			if t.name == "" {
				t.name = n
			} else {
				t.aliases = append(t.aliases, n)
			}
		}
	}
	m := termRE.FindStringSubmatch(line)
	if t.name == "" || m == nil {
		return term{}, false, nil
	}
	var err error
	switch {
	case m[1] != "":
		if t.from, err = day(m[1]); err == nil {
			t.to, err = day(m[2])
		}
	case m[3] != "":
		t.from, err = day(m[3])
	default:
		return term{}, false, nil // "<date": no start, too vague to date a role
	}
	return t, err == nil, err
}

// day reads YYYYMMDD, clamping the day into its month ("20040231", "19800100").
func day(s string) (time.Time, error) {
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%4d%2d%2d", &y, &m, &d); err != nil || m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("date %q is not YYYYMMDD", s)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	d = max(1, min(d, last))
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

// spell turns "ROBERT_GABRIEL_MUGABE_" into "Robert Gabriel Mugabe".
func spell(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || unicode.IsSpace(r) }) {
		lw := strings.ToLower(w)
		switch {
		case lw == "al" || lw == "el" || lw == "bin" || lw == "ibn" || lw == "de" || lw == "van" || lw == "von" || lw == "da":
			words = append(words, lw)
		default:
			parts := strings.Split(lw, "-")
			for i, p := range parts {
				r := []rune(p)
				if len(r) > 0 {
					r[0] = unicode.ToUpper(r[0])
				}
				parts[i] = string(r)
			}
			words = append(words, strings.Join(parts, "-"))
		}
	}
	return strings.Join(words, " ")
}

type heldRole struct {
	from, to time.Time
}

// readPeople returns the folded names and aliases of people.tsv and the
// terms of its single-holder offices by "CODE|title".
func readPeople(path string) (map[string]bool, map[string][]heldRole, error) {
	known, held := map[string]bool{}, map[string][]heldRole{}
	if path == "" {
		return known, held, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, nil, err
	}
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "name\t") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 8 {
			return nil, nil, fmt.Errorf("%s:%d: %d columns, want 8", path, n+1, len(c))
		}
		known[strings.ToLower(c[0])] = true
		for _, a := range strings.Split(c[1], ";") {
			known[strings.ToLower(strings.TrimSpace(a))] = true
		}
		var h heldRole
		h.from, _ = time.Parse(time.DateOnly, c[6])
		h.to, _ = time.Parse(time.DateOnly, strings.TrimSpace(strings.SplitN(c[7], "#", 2)[0]))
		held[c[2]+"|"+c[4]] = append(held[c[2]+"|"+c[4]], h)
	}
	return known, held, nil
}

// keep drops the people people.tsv knows and the terms overlapping its
// holders, and closes open terms.
func keep(terms []term, known map[string]bool, held map[string][]heldRole) []term {
	// the starts of later holders of each office, to close open terms
	starts := map[string][]time.Time{}
	for _, t := range terms {
		starts[t.code+"|"+t.title] = append(starts[t.code+"|"+t.title], t.from)
	}
	for k, hs := range held {
		for _, h := range hs {
			starts[k] = append(starts[k], h.from)
		}
	}
	var out []term
	for _, t := range terms {
		if known[strings.ToLower(t.name)] || slices.ContainsFunc(t.aliases, func(a string) bool { return known[strings.ToLower(a)] }) {
			continue
		}
		k := t.code + "|" + t.title
		if t.to.IsZero() {
			t.to = sourceDate
			for _, s := range starts[k] {
				if s.After(t.from) && s.AddDate(0, 0, -1).Before(t.to) {
					t.to = s.AddDate(0, 0, -1)
				}
			}
		}
		if t.to.Before(t.from) {
			continue
		}
		if slices.ContainsFunc(held[k], func(h heldRole) bool {
			return !h.from.IsZero() && t.from.Before(orFar(h.to)) && h.from.Before(t.to)
		}) {
			continue
		}
		out = append(out, t)
	}
	// a term overlapping another kept one of the same office (co-rulers,
	// acting terms, errors in the source) is dropped, the later one
	var kept []term
	for _, t := range out {
		if !slices.ContainsFunc(kept, func(u term) bool {
			return u.code == t.code && u.title == t.title && t.from.Before(u.to) && u.from.Before(t.to) &&
				(u.name != t.name || u.from.Equal(t.from) && u.to.Equal(t.to))
		}) {
			kept = append(kept, t)
		}
	}
	return kept
}

func orFar(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// write prints the table, with the source's aliases of two words or more
// that no other leader shares and that name no country.
func write(w io.Writer, terms []term, known map[string]bool) {
	// A surname several leaders share ("Khan") names none of them alone.
	holders := map[string]map[string]bool{}
	for _, t := range terms {
		if f := strings.Fields(t.name); len(f) > 1 {
			s := strings.ToLower(f[len(f)-1])
			if holders[s] == nil {
				holders[s] = map[string]bool{}
			}
			holders[s][t.name] = true
		}
	}
	given := map[string]bool{}
	for s, h := range holders {
		if len(h) > 1 {
			given[s] = true
		}
	}
	for _, t := range terms {
		for _, n := range slices.Concat([]string{t.name}, t.aliases) {
			if f := strings.Fields(n); len(f) > 1 {
				given[strings.ToLower(f[0])] = true
			}
		}
	}
	for n := range known {
		if f := strings.Fields(n); len(f) > 1 {
			given[f[0]] = true
		}
	}
	fmt.Fprintln(w, "# Past presidents, prime ministers and kings with their terms, generated by actor/internal/genleaders")
	fmt.Fprintln(w, "# from the <Leaders> blocks of CountryInfo.120116.txt (Philip Schrodt, 2012; rulers.org), CC BY-SA 3.0.")
	fmt.Fprintln(w, "# Do not edit: people.tsv wins over this file. Terms open in 2012 end on the next known holder's start or 2012-01-16.")
	fmt.Fprintln(w, "name\taliases\tcode\tsector\ttitle\torg\tvalid_from\tvalid_to")
	for _, t := range terms {
		// No surname aliases: a past leader's surname alone ("Austin",
		// "Campbell", "Kennedy") names too many other people in today's
		// news. Within an article the recognizer resolves a surname once
		// the full name has been given.
		aliases := slices.DeleteFunc(slices.Clone(t.aliases), func(a string) bool {
			return len(strings.Fields(a)) < 2 || given[strings.ToLower(a)] || known[strings.ToLower(a)]
		})
		fmt.Fprintf(w, "%s\t%s\t%s\tGOV\t%s\t\t%s\t%s\n", t.name, strings.Join(aliases, "; "), t.code, t.title,
			t.from.Format(time.DateOnly), t.to.Format(time.DateOnly))
	}
}

// readCodes returns the alpha-3 codes of countries.tsv (its first column)
// and of countries_extra.tsv beside it, when present.
func readCodes(path string) (map[string]bool, error) {
	codes := map[string]bool{}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if c, _, _ := strings.Cut(line, "\t"); codeRE.MatchString(c) && len(c) == 3 {
			codes[c] = true
		}
	}
	return codes, nil
}

// readCountryWords returns the folded names, aliases, adjectives and
// capitals of countries.tsv and of countries_extra.tsv beside it.
func readCountryWords(path string) (map[string]bool, error) {
	words := map[string]bool{}
	for _, p := range []string{path, filepath.Join(filepath.Dir(path), "countries_extra.tsv")} {
		b, err := os.ReadFile(p)
		if err != nil {
			if p != path && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			for _, col := range f[min(2, len(f)):] {
				for _, w := range strings.Split(col, ";") {
					if w = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(w), "-"))); w != "" {
						words[w] = true
					}
				}
			}
		}
	}
	return words, nil
}

// collective reports a "leader" that is a body: a council, junta or
// committee that held an office.
func collective(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "council", "committee", "junta", "commission", "presidency", "board", "directorate", "command", "front", "government":
			return true
		}
	}
	return false
}
