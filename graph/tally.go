package graph

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/parley-events/parley"
)

// Tally kinds: what a Tally counts. A store keeps tallies of the merged
// events (one per Merge group, through its representative) so that Dyad,
// Timeline, BuildNetwork and Brokers can be answered without reading every
// event: see Tallies and the ...FromTallies functions.
const (
	// K1 → K2 network edge by node key (code, or org for IGO/NGO), and
	// by code and sector.
	TallyEdge       = "edge"
	TallyEdgeSector = "edges"
	// K1 is a network node, K2 its label.
	TallyNode       = "node"
	TallyNodeSector = "nodes"
	// An event from actor query value K1 to K2 in a month or ISO week.
	TallyDyadMonth = "dm"
	TallyDyadWeek  = "dw"
	// An event between K1 and K2 (K1 < K2) in a period, once however many
	// directions it counts in; TallyPairUndated counts the undated ones.
	TallyPairMonth   = "pm"
	TallyPairWeek    = "pw"
	TallyPairUndated = "pu"
	// An event of actor query value K1 in a period, or undated.
	TallyLineMonth   = "lm"
	TallyLineWeek    = "lw"
	TallyLineUndated = "lu"
	// A cooperative event between node keys K1 < K2; TallyCoopNode a node
	// of a cooperative event.
	TallyCoop     = "coop"
	TallyCoopNode = "coopn"
	// An actor answering query value K1 (a name, or a code or org that is
	// not its own node key) keys to node K2.
	TallyVote = "vote"
)

// Tally is one count a store adds up: N events of category Type (with
// Act of them where K1 acts and Rec where it is acted on, and the sum of
// their PLOVER scores in millionths) under a Kind, keys and a Bucket.
//
// Query values (K1, K2 of the dyad, pair, line and vote kinds) are
// lower-cased Codes, Names and Orgs: a store finds an actor query q under
// strings.ToLower(q). Buckets are "" (all time), "2025-07" (month),
// "2025-W31" (ISO week) and, for edges and nodes, "2025-07/2025-08": the
// months of the first and last day of a dated event.
type Tally struct {
	Kind   string
	K1, K2 string
	Bucket string
	Type   string
	N      int
	Act    int
	Rec    int
	Score  int64
}

// Micro is a PLOVER score in millionths, as Tally.Score sums it: integer
// sums add and subtract without drift.
func Micro(score float64) int64 { return int64(math.Round(score * 1e6)) }

// MonthSpan is the network bucket of a dated event: the months of its
// first and last day, "2025-07/2025-08".
func MonthSpan(d parley.DateRange) string {
	return d.Start.Format("2006-01") + "/" + d.End.Format("2006-01")
}

// MergeKey returns the part of an event's identity that Merge requires to
// be equal: category, actor and recipient node keys (one unordered set for
// reciprocal events), negation or hypothetical mode, and the article of an
// undated event. Events of different keys are never merged, and Merge of
// the events of one key is independent of every other key.
func MergeKey(e *parley.Event) string {
	var k keyer
	return string(k.key(e))
}

// Tallies returns what one event adds to the tallies of a store. Callers
// pass the representatives of merged events, as Merge returns them.
func Tallies(e *parley.Event) []Tally {
	var out []Tally
	score := Micro(e.PLOVERScore)
	buckets := []string{""}
	if e.Date != nil {
		buckets = append(buckets, MonthSpan(*e.Date))
	}
	recip := reciprocal(e)
	// Network edges and nodes, as BuildNetwork counts them.
	for _, bySector := range []bool{false, true} {
		kindE, kindN := TallyEdge, TallyNode
		if bySector {
			kindE, kindN = TallyEdgeSector, TallyNodeSector
		}
		var srcs, dsts []string
		labels := map[string]string{}
		for _, a := range e.Actors {
			if k := nodeKey(a, bySector); k != "" {
				srcs = append(srcs, k)
				if _, ok := labels[k]; !ok {
					labels[k] = nodeLabel(a, bySector)
				}
			}
		}
		for _, a := range e.Recipients {
			if k := nodeKey(a, bySector); k != "" {
				dsts = append(dsts, k)
				if _, ok := labels[k]; !ok {
					labels[k] = nodeLabel(a, bySector)
				}
			}
		}
		var ps [][2]string
		for _, s := range srcs {
			for _, t := range dsts {
				ps = append(ps, [2]string{s, t})
			}
			if recip {
				for _, t := range srcs {
					ps = append(ps, [2]string{s, t})
				}
			}
		}
		slices.SortFunc(ps, func(x, y [2]string) int { return cmp.Or(strings.Compare(x[0], y[0]), strings.Compare(x[1], y[1])) })
		ps = slices.Compact(ps)
		for _, b := range buckets {
			for _, p := range ps {
				if p[0] != p[1] {
					out = append(out, Tally{Kind: kindE, K1: p[0], K2: p[1], Bucket: b, Type: e.Type, N: 1, Score: score})
				}
			}
			for _, k := range sortedKeys(labels) {
				out = append(out, Tally{Kind: kindN, K1: k, K2: labels[k], Bucket: b, Type: e.Type, N: 1})
			}
		}
	}
	// Query values on each side, for dyads and timelines.
	act, rec := valuesOf(e.Actors), valuesOf(e.Recipients)
	all := slices.Compact(slices.Sorted(func(yield func(string) bool) {
		for _, v := range act {
			yield(v)
		}
		for _, v := range rec {
			yield(v)
		}
	}))
	var month, week string
	if e.Date != nil {
		month, _ = PeriodOf(e.Date.Start, ByMonth)
		week, _ = PeriodOf(e.Date.Start, ByWeek)
	}
	for i, x := range all {
		xa, xr := slices.Contains(act, x), slices.Contains(rec, x)
		t := Tally{K1: x, Type: e.Type, N: 1, Act: btoi(xa), Rec: btoi(xr), Score: score}
		if e.Date == nil {
			t.Kind, t.Score = TallyLineUndated, 0
			out = append(out, t)
		} else {
			t.Kind, t.Bucket = TallyLineMonth, month
			out = append(out, t)
			t.Kind, t.Bucket = TallyLineWeek, week
			out = append(out, t)
		}
		for _, y := range all[i+1:] { // x < y
			ya, yr := slices.Contains(act, y), slices.Contains(rec, y)
			fwd, back := xa && yr, ya && xr
			if !fwd && !back && recip && (xa && ya || xr && yr) {
				fwd, back = true, true
			}
			if !fwd && !back {
				continue
			}
			if e.Date == nil {
				out = append(out, Tally{Kind: TallyPairUndated, K1: x, K2: y, N: 1})
				continue
			}
			for _, p := range [2]struct{ dyad, pair, bucket string }{{TallyDyadMonth, TallyPairMonth, month}, {TallyDyadWeek, TallyPairWeek, week}} {
				d := Tally{Kind: p.dyad, Bucket: p.bucket, Type: e.Type, N: 1, Score: score}
				if fwd {
					d.K1, d.K2 = x, y
					out = append(out, d)
				}
				if back {
					d.K1, d.K2 = y, x
					out = append(out, d)
				}
				out = append(out, Tally{Kind: p.pair, K1: x, K2: y, Bucket: p.bucket, N: 1, Score: score})
			}
		}
	}
	// Votes: which node an actor named by a query value stands for.
	for _, as := range [2][]parley.Actor{e.Actors, e.Recipients} {
		for _, a := range as {
			k := nodeKey(a, false)
			if k == "" {
				continue
			}
			for _, v := range actorValues(nil, a) {
				if v != strings.ToLower(k) {
					out = append(out, Tally{Kind: TallyVote, K1: v, K2: k, N: 1})
				}
			}
		}
	}
	// The cooperation graph, as Brokers builds it.
	if isCooperative(e) {
		srcs, dsts := keysInto(nil, e.Actors), keysInto(nil, e.Recipients)
		for _, l := range coopLinks(e, srcs, dsts) {
			out = append(out, Tally{Kind: TallyCoop, K1: l[0], K2: l[1], N: 1})
		}
		nodes := slices.Compact(slices.Sorted(func(yield func(string) bool) {
			for _, k := range srcs {
				yield(k)
			}
			for _, k := range dsts {
				yield(k)
			}
		}))
		for _, k := range nodes {
			out = append(out, Tally{Kind: TallyCoopNode, K1: k, N: 1})
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// actorValues appends the distinct lower-cased Code, Name and Org of a.
func actorValues(dst []string, a parley.Actor) []string {
	for _, v := range [3]string{a.Code, a.Name, a.Org} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if !slices.Contains(dst, v) {
			dst = append(dst, v)
		}
	}
	return dst
}

func valuesOf(as []parley.Actor) []string {
	var out []string
	for _, a := range as {
		out = actorValues(out, a)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// isCooperative reports whether e is on the default cooperation graph.
func isCooperative(e *parley.Event) bool {
	if e.Aux == parley.AuxNegation || e.Aux == parley.AuxHypothetical {
		return false
	}
	return slices.Contains(defaultCooperative(), strings.ToUpper(e.Type))
}

// coopLinks returns the distinct unordered node pairs (low, high) that a
// cooperative event links.
func coopLinks(e *parley.Event, srcs, dsts []string) [][2]string {
	var out [][2]string
	add := func(s, t string) {
		if s != t {
			out = append(out, [2]string{min(s, t), max(s, t)})
		}
	}
	for _, s := range srcs {
		for _, t := range dsts {
			add(s, t)
		}
		if reciprocal(e) {
			for _, t := range srcs {
				add(s, t)
			}
		}
	}
	slices.SortFunc(out, func(x, y [2]string) int { return cmp.Or(strings.Compare(x[0], y[0]), strings.Compare(x[1], y[1])) })
	return slices.Compact(out)
}

// CoopLinks returns the unordered node pairs (low, high) a merged event
// links on the default cooperation graph of Brokers, none when it is not
// cooperative. A store keeps the event's ID under each pair.
func CoopLinks(e *parley.Event) [][2]string {
	if !isCooperative(e) {
		return nil
	}
	return coopLinks(e, keysInto(nil, e.Actors), keysInto(nil, e.Recipients))
}

// DyadFromTallies is Dyad over merged events given as the tallies of the
// pair: the TallyDyad rows between strings.ToLower(a) and
// strings.ToLower(b) in either order, and their TallyPair rows. Rows of
// other kinds or pairs are ignored.
func DyadFromTallies(a, b, by string, ts []Tally) (*DyadReport, error) {
	a, b, by, err := dyadArgs(a, b, by)
	if err != nil {
		return nil, err
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	dyad, pair := TallyDyadMonth, TallyPairMonth
	if by == ByWeek {
		dyad, pair = TallyDyadWeek, TallyPairWeek
	}
	lo, hi := min(la, lb), max(la, lb)
	type cell struct {
		period string
		back   bool
	}
	cells := map[cell]*microTally{}
	periods := map[string]*microTally{}
	r := &DyadReport{A: a, B: b, By: by}
	for _, t := range ts {
		switch {
		case t.Kind == dyad && (t.K1 == la && t.K2 == lb || t.K1 == lb && t.K2 == la):
			c := cell{t.Bucket, t.K1 == lb}
			if cells[c] == nil {
				cells[c] = &microTally{}
			}
			cells[c].add(t)
		case t.Kind == pair && t.K1 == lo && t.K2 == hi:
			if periods[t.Bucket] == nil {
				periods[t.Bucket] = &microTally{}
			}
			periods[t.Bucket].add(t)
			r.Events += t.N
		case t.Kind == TallyPairUndated && t.K1 == lo && t.K2 == hi:
			r.Undated += t.N
		}
	}
	for c, t := range cells {
		if t.n == 0 {
			continue
		}
		row := DyadRow{Period: c.period, From: a, To: b, Counts: t.counts, Events: t.n, MeanScore: t.mean()}
		if c.back {
			row.From, row.To = b, a
		}
		r.Rows = append(r.Rows, row)
	}
	slices.SortFunc(r.Rows, func(x, y DyadRow) int {
		return cmp.Or(strings.Compare(x.Period, y.Period), cmp.Compare(btoi(x.From != a), btoi(y.From != a)))
	})
	ps := map[string]*tally{}
	for p, t := range periods {
		if t.n > 0 {
			ps[p] = &tally{n: t.n, sum: t.sumFloat()}
		}
	}
	r.Trend = trend(a+"–"+b, by, ps)
	return r, nil
}

// microTally adds up Tally rows.
type microTally struct {
	counts   map[string]int
	n        int
	act, rec int
	sum      int64
}

func (m *microTally) add(t Tally) {
	if t.Type != "" {
		if m.counts == nil {
			m.counts = map[string]int{}
		}
		m.counts[t.Type] += t.N
		if m.counts[t.Type] == 0 {
			delete(m.counts, t.Type)
		}
	}
	m.n += t.N
	m.act += t.Act
	m.rec += t.Rec
	m.sum += t.Score
}

func (m *microTally) sumFloat() float64 { return float64(m.sum) / 1e6 }

func (m *microTally) mean() float64 {
	if m.n == 0 {
		return 0
	}
	return m.sumFloat() / float64(m.n)
}

// TimelineFromTallies is Timeline over merged events given as the
// TallyLine rows of strings.ToLower(actor), with events the part of the
// actor's merged events the caller wants listed (Timeline lists them all).
func TimelineFromTallies(actor, by string, ts []Tally, events []parley.Event) (*TimelineReport, error) {
	if by == "" {
		by = ByMonth
	}
	if by != ByMonth && by != ByWeek {
		return nil, &ByError{By: by}
	}
	actor = strings.TrimSpace(actor)
	if actor == "" {
		return nil, errors.New("graph: timeline needs an actor")
	}
	kind := TallyLineMonth
	if by == ByWeek {
		kind = TallyLineWeek
	}
	la := strings.ToLower(actor)
	r := &TimelineReport{Actor: actor, By: by, Events: events}
	rows := map[string]*microTally{}
	for _, t := range ts {
		if t.K1 != la {
			continue
		}
		switch t.Kind {
		case kind:
			if rows[t.Bucket] == nil {
				rows[t.Bucket] = &microTally{}
			}
			rows[t.Bucket].add(t)
		case TallyLineUndated:
			r.Undated += t.N
		}
	}
	for p, t := range rows {
		if t.n == 0 {
			continue
		}
		r.Periods = append(r.Periods, TimelineRow{Period: p, Events: t.n, AsActor: t.act, AsRecipient: t.rec, Counts: t.counts, MeanScore: t.mean()})
	}
	slices.SortFunc(r.Periods, func(x, y TimelineRow) int { return strings.Compare(x.Period, y.Period) })
	return r, nil
}

// NetworkFromTallies is BuildNetwork over merged events given as edge and
// node tallies (TallyEdge and TallyNode, or the Sector kinds when
// bySector), already restricted to the window: rows with the same keys and
// type are added up, so a store may pass rows to subtract with a negative
// N. types keeps the categories named (any case); empty keeps all.
func NetworkFromTallies(ts []Tally, types []string, bySector bool) *Network {
	kindE, kindN := TallyEdge, TallyNode
	if bySector {
		kindE, kindN = TallyEdgeSector, TallyNodeSector
	}
	type pair struct{ s, t string }
	edges := map[pair]*microTally{}
	nodes := map[string]*Node{}
	for _, t := range ts {
		if !typeIn(t.Type, types) {
			continue
		}
		switch t.Kind {
		case kindE:
			p := pair{t.K1, t.K2}
			if edges[p] == nil {
				edges[p] = &microTally{}
			}
			edges[p].add(t)
		case kindN:
			n := nodes[t.K1]
			if n == nil {
				n = &Node{ID: t.K1, Label: t.K2}
				nodes[t.K1] = n
			}
			n.Label = min(n.Label, t.K2)
			n.Events += t.N
		}
	}
	out := &Network{Nodes: make([]Node, 0, len(nodes)), Edges: make([]Edge, 0, len(edges))}
	for _, n := range nodes {
		if n.Events > 0 {
			out.Nodes = append(out.Nodes, *n)
		}
	}
	slices.SortFunc(out.Nodes, func(x, y Node) int { return strings.Compare(x.ID, y.ID) })
	for p, t := range edges {
		if t.n <= 0 {
			continue
		}
		back := edges[pair{p.t, p.s}]
		out.Edges = append(out.Edges, Edge{Source: p.s, Target: p.t, Events: t.n, Counts: t.counts,
			MeanScore: t.mean(), Reciprocal: back != nil && back.n > 0})
	}
	slices.SortFunc(out.Edges, func(x, y Edge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return out
}

// CoopGraph is the default cooperation graph of Brokers as a store keeps
// it: nodes and edges without their events.
type CoopGraph struct {
	Nodes []string    // node keys of cooperative events
	Edges [][2]string // node pairs (low, high) that share one
	// Votes holds, for the queries to resolve, how many actors answering
	// each (lower-cased) by name, or by a code or org that is not their
	// node key, key to each node: the TallyVote rows.
	Votes map[string]map[string]int
}

// BrokersFromGraph is Brokers over merged events given as their
// cooperation graph; ids returns the sorted IDs of the cooperative events
// on the edge between two nodes, and is asked only for the edges the
// report lists.
func BrokersFromGraph(cg *CoopGraph, a, b string, ids func(x, y string) ([]string, error)) (*BrokerReport, error) {
	r := &BrokerReport{A: a, B: b}
	g := &graph{index: make(map[string]int, len(cg.Nodes)), edges: map[[2]int][]string{}}
	g.names = slices.Clone(cg.Nodes)
	slices.Sort(g.names)
	g.names = slices.Compact(g.names)
	for i, k := range g.names {
		g.index[k] = i
	}
	g.adj = make([][]int, len(g.names))
	for _, e := range cg.Edges {
		u, okU := g.index[e[0]]
		v, okV := g.index[e[1]]
		if !okU || !okV || u == v {
			continue
		}
		p := [2]int{min(u, v), max(u, v)}
		if _, ok := g.edges[p]; ok {
			continue
		}
		g.edges[p] = nil
		g.adj[u] = append(g.adj[u], v)
		g.adj[v] = append(g.adj[v], u)
	}
	for _, ns := range g.adj {
		slices.Sort(ns)
	}
	resolve := func(q string) int {
		for i, k := range g.names {
			if strings.EqualFold(k, q) {
				return i
			}
		}
		best, bestN := -1, 0
		for k, n := range cg.Votes[strings.ToLower(q)] {
			v, ok := g.index[k]
			if !ok || n <= 0 {
				continue
			}
			if best < 0 || n > bestN || n == bestN && v < best {
				best, bestN = v, n
			}
		}
		return best
	}
	var err error
	load := func(u, v int) []string {
		if err != nil {
			return nil
		}
		var got []string
		got, err = ids(g.names[min(u, v)], g.names[max(u, v)])
		return got
	}
	g.brokers(r, resolve(a), resolve(b), load)
	if err != nil {
		return nil, err
	}
	return r, nil
}
