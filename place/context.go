package place

import "github.com/parley-events/parley"

// resolve ranks the candidates of every name in two rounds, as Mordecai3
// does with its country model: by the countries the article names first,
// then also by the countries of the places the first round resolved with
// a clear margin. Each round weighs the evidence of the same sentence
// above the article's.
func (g *Gazetteer) resolve(cs []cand, sents []parley.Sentence) {
	// Mentions of one name make a group, whose evidence is no evidence
	// for the name itself.
	groups := make(map[string]int32, min(len(cs), 64))
	for i := range cs {
		k, ok := groups[cs[i].key]
		if !ok {
			k = int32(len(groups))
			groups[cs[i].key] = k
		}
		cs[i].group = k
	}
	ctx := articleContext{article: make(map[string]float64, 16), own: make([]evidence, len(groups)), ownTotal: make([]float64, len(groups))}
	for i := range cs {
		cs[i].ev = g.firstEvidence(&cs[i])
	}
	ctx.reset(cs)
	g.rank(cs, sents, &ctx)
	for i := range cs {
		cs[i].ev = g.resolvedEvidence(&cs[i])
	}
	ctx.reset(cs)
	g.rank(cs, sents, &ctx)
}

// evidence is what one name tells of the countries its article is about:
// the country it names or lies in, and how much that counts (w 0: it
// tells nothing).
type evidence struct {
	country string
	w       float64
}

// firstEvidence is what a name tells before any resolution: a country
// name or demonym ("Iraq", "Lebanese") counts 1 for its country, a name
// of one candidate only 0.5 for that candidate's.
func (g *Gazetteer) firstEvidence(c *cand) evidence {
	e := &g.feats[c.ids[0]]
	switch {
	case c.isCountry:
		return evidence{e.Country, 1}
	case len(c.ids) == 1 && e.Country != "":
		return evidence{e.Country, 0.5}
	}
	return evidence{}
}

// resolvedEvidence is what a name tells once ranked: a country counts 1,
// another place resolved with a clear margin 0.5 for its country ("London"
// after "Toronto" and "Ontario" is London, Ontario).
func (g *Gazetteer) resolvedEvidence(c *cand) evidence {
	b, margin := g.best(c)
	e := &g.feats[c.ids[b]]
	switch {
	case e.Country == "":
		return evidence{}
	case e.Class == ClassCountry:
		return evidence{e.Country, 1}
	case margin < 1:
		return evidence{}
	}
	return evidence{e.Country, 0.5}
}

// articleContext is what the names of an article tell of the countries
// it is about, summed from cs[i].ev: the whole article's evidence by
// country, and each group's own (the mentions of one name), which does
// not count for the name itself: a name is no evidence of where it lies.
type articleContext struct {
	article map[string]float64
	total   float64
	// own holds, by group, the evidence of its mentions for the country
	// of the first of them that has any, and ownTotal all of it (the
	// mentions of one name point to one country but where an "X, Y"
	// pattern resolves one of them apart).
	own      []evidence
	ownTotal []float64
}

// reset sums the evidence in cs, reusing the memory of x.
func (x *articleContext) reset(cs []cand) {
	clear(x.article)
	clear(x.own)
	clear(x.ownTotal)
	x.total = 0
	for i := range cs {
		ev := cs[i].ev
		if ev.w == 0 {
			continue
		}
		x.article[ev.country] += ev.w
		x.total += ev.w
		o := &x.own[cs[i].group]
		if o.country == "" {
			o.country = ev.country
		}
		if o.country == ev.country {
			o.w += ev.w
		}
		x.ownTotal[cs[i].group] += ev.w
	}
}

// share returns the part of the article's evidence, less that of group,
// that points to country; v is the article's evidence for country.
func (x *articleContext) share(group int32, country string, v float64) float64 {
	if o := &x.own[group]; o.country == country {
		v -= o.w
	}
	if v <= 1e-9 {
		return 0
	}
	return v / max(x.total-x.ownTotal[group], 1)
}

// How much context adds to the score of a candidate that is not a
// country: countryBonus when other names of the article point to its
// country, plus shareBonus times their share of the article's evidence,
// plus up to sentenceBonus for the names of its own sentence ("a bomb
// went off near Samarra, Iraqi officials said"; "Tripoli, a Lebanese
// city"). Measured on TR-News and the cases of TestLocateContext: with
// countryBonus 2 (the bonus before the sentence counted) an article
// about Russia and the United States made "Paris" Paris, Texas, and
// TR-News placed three countries fewer; with sentenceBonus 3, or with
// the sentences either side counted at half weight, "Tripoli" after
// "Lebanese" stayed Libya's capital in an article about Libya.
const (
	countryBonus  = 1.0
	shareBonus    = 4.0
	sentenceBonus = 4.0
)

// sentenceEvidence sums into buf, by country, the evidence of the names
// of one sentence, cs.
func sentenceEvidence(cs []cand, buf []evidence) []evidence {
	for i := range cs {
		ev := cs[i].ev
		if ev.w == 0 {
			continue
		}
		k := 0
		for k < len(buf) && buf[k].country != ev.country {
			k++
		}
		if k == len(buf) {
			buf = append(buf, evidence{country: ev.country})
		}
		buf[k].w += ev.w
	}
	return buf
}

// near returns how much the names of the sentence sent, but those of
// group, point to country: sum is their sentenceEvidence.
func near(sent []cand, sum []evidence, group int32, country string) float64 {
	w := 0.0
	for _, ev := range sum {
		if ev.country == country {
			w = ev.w
			break
		}
	}
	if w == 0 {
		return 0
	}
	for i := range sent {
		if o := &sent[i]; o.group == group && o.ev.country == country {
			w -= o.ev.w
		}
	}
	return w
}
