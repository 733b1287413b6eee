package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/export"
	"github.com/parley-events/parley/sqlite"
)

// parseInterleaved parses flags that may come before, between or after
// the positional arguments ("actor Sergey Lavrov --json"), and returns the
// positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// actorRow is a line of `parley actors`: a stored actor and whether the
// knowledge base knows it or it was learned from the text.
type actorRow struct {
	parley.ActorSummary
	Kind   string `json:"kind"`   // person, org or code
	Source string `json:"source"` // kb, learned, or text (neither)
}

func (m *Main) actors(ctx context.Context, args []string) error {
	fs := m.flagSet("actors", "[flags]", "Lists the actors named in the stored articles (people, bodies, and states by\n"+
		"sector) with how often they are mentioned, and whether the knowledge base knows\n"+
		"them (kb) or parley learned them from the text (learned). With --learned, lists\n"+
		"the people learned from the text, each with the sentence and article it came from.")
	db := m.dbFlag(fs)
	var f parley.ActorFilter
	fs.StringVar(&f.Country, "country", "", "only mentions with this actor `code` (SYR, IGO...)")
	fs.StringVar(&f.Sector, "sector", "", "only mentions with this `sector` (GOV, MIL...)")
	fs.BoolVar(&f.Learned, "learned", false, "list the people whose role the text states, with their evidence: people learned from the text, and known people whose role it attests")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: actors: unexpected argument %q", errUsage, fs.Arg(0))
	}
	store, err := openStore(ctx, "actors", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	sums, err := store.Actors(ctx, f)
	if err != nil {
		return err
	}
	if f.Learned {
		return m.learned(ctx, store, f, sums, *asJSON)
	}
	kb, err := actor.Default()
	if err != nil {
		return err
	}
	rows := make([]actorRow, len(sums))
	for i, s := range sums {
		rows[i] = actorRow{ActorSummary: s, Kind: kindOf(s), Source: sourceOf(kb, s)}
	}
	if *asJSON {
		return writeJSON(m.Stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(m.Stdout, "no actors stored match")
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tKIND\tCODE\tSECTOR\tTITLE\tMENTIONS\tARTICLES\tFIRST\tLAST\tSOURCE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", label(r.ActorSummary), r.Kind, dash(r.Code), dash(r.Sector),
			dash(r.Title), r.Mentions, r.Articles, day(r.FirstSeen), day(r.LastSeen), r.Source)
	}
	return tw.Flush()
}

// learnedRow is a person learned from one article, with the mentions of
// the person in the store.
type learnedRow struct {
	parley.Learned
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
}

// learned prints the people learned from the text that pass f, with their
// evidence; sums are the learned actors that pass f.
func (m *Main) learned(ctx context.Context, store *sqlite.DB, f parley.ActorFilter, sums []parley.ActorSummary, asJSON bool) error {
	people, err := store.Learned(ctx)
	if err != nil {
		return err
	}
	rows := []learnedRow{}
	for _, l := range people {
		if f.Country != "" && !strings.EqualFold(l.Role.Code, f.Country) || f.Sector != "" && !strings.EqualFold(l.Role.Sector, f.Sector) {
			continue
		}
		r := learnedRow{Learned: l}
		if i := slices.IndexFunc(sums, func(s parley.ActorSummary) bool { return strings.EqualFold(s.Name, l.Name) }); i >= 0 {
			r.Mentions, r.Articles = sums[i].Mentions, sums[i].Articles
		}
		rows = append(rows, r)
	}
	if asJSON {
		return writeJSON(m.Stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(m.Stdout, "no people learned from the stored articles match")
		return nil
	}
	for i, r := range rows {
		if i > 0 {
			fmt.Fprintln(m.Stdout)
		}
		fmt.Fprintf(m.Stdout, "%s  %s  (%d mentions in %d articles)\n", r.Name, roleString(r.Role, r.Org), r.Mentions, r.Articles)
		if r.Known {
			fmt.Fprintf(m.Stdout, "  in the knowledge base; role attested %s in %s:\n", day(r.Role.ValidFrom), r.Doc)
		} else {
			fmt.Fprintf(m.Stdout, "  learned %s from %s:\n", day(r.Role.ValidFrom), r.Doc)
		}
		fmt.Fprintf(m.Stdout, "  %q\n", oneLine(r.EvidenceText, 1000))
	}
	return nil
}

// actorReport is what `parley actor` prints.
type actorReport struct {
	Query string `json:"query"`
	// Name is the canonical name: the knowledge base's for a person or
	// body it knows, the stored one for a learned person, the code for a
	// state.
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Known bool   `json:"known"` // whether the knowledge base knows it
	// KBAliases are the spellings the knowledge base knows.
	KBAliases []string             `json:"kb_aliases,omitempty"`
	Stored    *sqlite.ActorDetail  `json:"stored,omitempty"`
	Roles     []datedRole          `json:"roles,omitempty"`
	Events    []parley.Event       `json:"events"`
	summary   *parley.ActorSummary // Stored's summary, or nil
}

// datedRole is a role from the knowledge base or learned from an article.
type datedRole struct {
	parley.Role
	Org    string `json:"org,omitempty"`
	Source string `json:"source"` // kb or learned
	// For a learned role: the article and the sentence.
	Doc      string `json:"doc,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

func (m *Main) actor(ctx context.Context, args []string) error {
	fs := m.flagSet("actor", "[flags] NAME", "Describes one actor (a person, a body, or a state by code): its canonical name,\n"+
		"the spellings seen in the stored articles, its dated roles (from the knowledge base\n"+
		"and learned from the text, with the sentence as evidence), and its events.")
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 0, "print at most `n` events (0: all)")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: actor: want a name, an organization or a country code", errUsage)
	}
	query := strings.Join(words, " ")
	store, err := openStore(ctx, "actor", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	kb, err := actor.Default()
	if err != nil {
		return err
	}
	rep, err := describeActor(ctx, store, kb, query, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, rep)
	}
	return rep.write(m.Stdout)
}

// describeActor gathers what the knowledge base and the store say of the
// actor named query.
func describeActor(ctx context.Context, store *sqlite.DB, kb *actor.KB, query string, limit int) (*actorReport, error) {
	rep := &actorReport{Query: query, Name: query, Events: []parley.Event{}}
	if p, ok := kb.Person(query); ok {
		rep.Name, rep.Kind, rep.Known, rep.KBAliases = p.Name, "person", true, p.Aliases
		for _, r := range p.Roles {
			rep.Roles = append(rep.Roles, datedRole{Role: r.Role, Org: r.Org, Source: "kb"})
		}
	} else if o, ok := kb.Org(query); ok {
		rep.Name, rep.Kind, rep.Known, rep.KBAliases = o.Name, "org", true, o.Aliases
	} else if c, ok := kb.Country(query); ok {
		rep.Name, rep.Kind, rep.Known = c.Alpha3, "code", true
		rep.KBAliases = slices.Concat([]string{c.Name}, c.Aliases, c.Adjectives, c.Capitals)
	}
	// The stored mentions carry the canonical name; a spelling the
	// knowledge base does not know may still be stored as written, or be
	// another spelling or the surname of a learned person.
	names := slices.Compact([]string{rep.Name, query})
	if !rep.Known {
		name, err := learnedName(ctx, store, kb, query)
		if err != nil {
			return nil, err
		}
		if name != "" {
			names = append(names, name)
		}
	}
	for _, name := range names {
		d, err := store.ActorDetail(ctx, name)
		if errors.Is(err, parley.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		rep.Stored, rep.summary = d, &d.ActorSummary
		if !rep.Known {
			rep.Name, rep.Kind = label(d.ActorSummary), kindOf(d.ActorSummary)
		}
		break
	}
	if rep.Stored == nil && !rep.Known {
		return nil, fmt.Errorf("actor %q: neither the knowledge base nor the stored articles know it: %w", query, parley.ErrNotFound)
	}
	if rep.Stored != nil {
		for _, l := range rep.Stored.Learned {
			rep.Roles = append(rep.Roles, datedRole{Role: l.Role, Org: l.Org, Source: "learned", Doc: l.Doc, Evidence: l.EvidenceText})
		}
	}
	slices.SortStableFunc(rep.Roles, func(a, b datedRole) int { return a.ValidFrom.Compare(b.ValidFrom) })
	evs, err := store.Events(ctx, parley.EventFilter{Actor: rep.Name, Limit: limit})
	if err != nil {
		return nil, err
	}
	if evs != nil {
		rep.Events = evs
	}
	return rep, nil
}

// learnedName returns the name of the one learned person that query names:
// in full, in another spelling (kb.SamePerson), or by surname. It returns ""
// when none does, and an error when several do.
func learnedName(ctx context.Context, store *sqlite.DB, kb *actor.KB, query string) (string, error) {
	people, err := store.Learned(ctx)
	if err != nil {
		return "", err
	}
	var found []string
	for _, l := range people {
		ws := strings.Fields(l.Name)
		if strings.EqualFold(l.Name, query) || kb.SamePerson(l.Name, query) ||
			len(ws) > 1 && strings.EqualFold(ws[len(ws)-1], query) {
			if !slices.Contains(found, l.Name) {
				found = append(found, l.Name)
			}
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%w: actor %q: several people learned from the text go by it: %s", errUsage, query, strings.Join(found, "; "))
}

func (r *actorReport) write(w io.Writer) error {
	known := "not in the knowledge base"
	switch {
	case r.Known:
		known = "in the knowledge base"
	case r.summary != nil && r.summary.Learned:
		known = "learned from the text"
	}
	fmt.Fprintf(w, "%s (%s, %s)\n", r.Name, r.Kind, known)
	if len(r.KBAliases) > 0 {
		fmt.Fprintf(w, "Known spellings: %s\n", strings.Join(r.KBAliases, ", "))
	}
	if s := r.summary; s != nil {
		fmt.Fprintf(w, "Latest as: %s\n", roleString(parley.Role{Code: s.Code, Sector: s.Sector, Title: s.Title}, s.Org))
		fmt.Fprintf(w, "Mentions: %d in %d articles, %s to %s\n", s.Mentions, s.Articles, day(s.FirstSeen), day(s.LastSeen))
		var as []string
		for _, a := range r.Stored.Aliases {
			as = append(as, fmt.Sprintf("%s (%d)", oneLine(a.Text, 80), a.Mentions))
		}
		fmt.Fprintf(w, "Written as: %s\n", strings.Join(as, ", "))
	} else {
		fmt.Fprintln(w, "Mentions: none stored")
	}
	if len(r.Roles) > 0 {
		fmt.Fprintln(w, "\nRoles:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, ro := range r.Roles {
			src := "knowledge base"
			if ro.Source == "learned" {
				src = "learned from " + ro.Doc
			}
			fmt.Fprintf(tw, "  %s to %s\t%s\t%s\n", day(ro.ValidFrom), day(ro.ValidTo), roleString(ro.Role, ro.Org), src)
		}
		tw.Flush()
		for _, ro := range r.Roles {
			if ro.Source == "learned" {
				fmt.Fprintf(w, "  evidence (%s): %q\n", ro.Doc, oneLine(ro.Evidence, 1000))
			}
		}
	}
	fmt.Fprintf(w, "\nEvents (%d):\n", len(r.Events))
	if len(r.Events) == 0 {
		return nil
	}
	return export.Table(w, r.Events)
}

// kindOf reads the kind of actor from a summary's key.
func kindOf(s parley.ActorSummary) string {
	k, _, _ := strings.Cut(s.Key, ":")
	return k
}

// sourceOf says where parley knows an actor from.
func sourceOf(kb *actor.KB, s parley.ActorSummary) string {
	switch kindOf(s) {
	case "person":
		if s.Learned {
			return "learned"
		}
		if _, ok := kb.Person(s.Name); ok {
			return "kb"
		}
	case "org":
		if _, ok := kb.Org(s.Org); ok {
			return "kb"
		}
	default:
		if _, ok := kb.Country(s.Code); ok || s.Code == "IGO" || s.Code == "NGO" {
			return "kb"
		}
	}
	return "text"
}

// label is how an actor is named in a table.
func label(s parley.ActorSummary) string {
	switch {
	case s.Name != "":
		return s.Name
	case s.Org != "":
		return s.Org
	}
	return strings.TrimSpace(s.Code + " " + s.Sector)
}

// roleString writes a role as "SYR GOV, Foreign Minister (HTS)".
func roleString(r parley.Role, org string) string {
	s := strings.TrimSpace(r.Code + " " + r.Sector)
	if r.Title != "" {
		s += ", " + r.Title
	}
	if org != "" {
		s += " (" + org + ")"
	}
	return s
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
