package graph

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/plover"
)

// Broker is an actor on the shortest cooperation paths between A and B.
type Broker struct {
	Actor string `json:"actor"` // node key: country code or org
	// Score is the fraction of the shortest A–B paths of the cooperation
	// graph that pass through the broker (pair-restricted betweenness), in
	// (0, 1].
	Score float64 `json:"score"`
	// Betweenness is the broker's betweenness centrality over the whole
	// cooperation graph without the direct A–B edge (Brandes; unordered
	// pairs, not normalized); it breaks ties of Score.
	Betweenness float64 `json:"betweenness"`
	// ToA and ToB are the IDs of the cooperative events on the broker's
	// edges toward A and toward B along shortest A–B paths: the events with
	// A and B themselves when the broker is next to them, the events with
	// the next broker on a longer chain. Sorted.
	ToA []string `json:"to_a"`
	ToB []string `json:"to_b"`
}

// BrokerReport says who links A and B through cooperation.
type BrokerReport struct {
	A string `json:"a"`
	B string `json:"b"`
	// Direct are the IDs of the cooperative events between A and B, sorted;
	// empty when they do not cooperate directly.
	Direct []string `json:"direct"`
	// Distance is the number of edges on a shortest A–B path once the
	// direct A–B edge is set aside; 0 when there is none.
	Distance int      `json:"distance"`
	Brokers  []Broker `json:"brokers"` // by Score, Betweenness (both falling), then Actor
}

// Brokers finds who links a and b on the cooperation graph of the events,
// taking as cooperative the categories of PLOVER's verbal and material
// cooperation quads in the embedded codebook (AGREE, CONSULT, SUPPORT,
// CONCEDE, COOPERATE, AID, RETREAT). See BrokersAmong.
func Brokers(events []parley.Event, a, b string) *BrokerReport {
	return BrokersAmong(events, a, b, defaultCooperative())
}

// defaultCooperative reads the cooperative categories of the embedded
// codebook once. The codebook is embedded data checked by plover's tests,
// so failing to load it is a build defect, not an input error.
var defaultCooperative = sync.OnceValue(func() []string {
	cb, err := plover.Default()
	if err != nil {
		panic("graph: embedded PLOVER codebook: " + err.Error())
	}
	return CooperativeCategories(cb)
})

// CooperativeCategories returns the names of the codebook's categories in
// the verbal and material cooperation quads, sorted.
func CooperativeCategories(cb *plover.Codebook) []string {
	var out []string
	for _, c := range cb.Categories() {
		if c.Quad == plover.VerbalCoop || c.Quad == plover.MaterialCoop {
			out = append(out, c.Name)
		}
	}
	slices.Sort(out)
	return out
}

// BrokersAmong finds who links a and b on the cooperation graph: an
// undirected, unweighted graph whose nodes are actors (keyed by country
// code, or org for IGO and NGO) and whose edges join two actors that share
// a cooperative event (of the given categories; negated and hypothetical
// events are left out), actor to recipient, or actor to actor for a
// reciprocal event; never recipient to recipient, so "Russia mediated
// between Syria and Iran" links Russia to each, not Syria to Iran. Paths are counted by hops: event counts say how strong
// a tie is, not how short.
//
// a and b are queries as in parley.EventFilter.Actor: a node key (code or
// org), or a person's name, which stands for the node its events most often
// key to. The direct a–b edge, when there is one, is reported in Direct and
// then set aside, so the brokers are the other channels between the two.
// A broker's Score is the fraction of shortest a–b paths through it; only
// actors with a positive Score are listed.
func BrokersAmong(events []parley.Event, a, b string, cooperative []string) *BrokerReport {
	r := &BrokerReport{A: a, B: b}
	g := coopGraph(events, cooperative)
	g.brokers(r, g.resolve(events, a), g.resolve(events, b), func(u, v int) []string {
		return g.edges[[2]int{min(u, v), max(u, v)}]
	})
	return r
}

// brokers fills r for the nodes na and nb (-1 when unknown); ids returns
// the event IDs of an edge.
func (g *graph) brokers(r *BrokerReport, na, nb int, ids func(u, v int) []string) {
	if na < 0 || nb < 0 || na == nb {
		return
	}
	if _, ok := g.edges[[2]int{min(na, nb), max(na, nb)}]; ok {
		r.Direct = append([]string{}, ids(na, nb)...)
		g.drop(na, nb)
	}
	da, sa := g.bfs(na)
	db, sb := g.bfs(nb)
	if da[nb] < 0 {
		return
	}
	r.Distance = da[nb]
	bc := g.betweenness()
	for v := range g.names {
		if v == na || v == nb || da[v] < 0 || db[v] < 0 || da[v]+db[v] != da[nb] {
			continue
		}
		br := Broker{Actor: g.names[v], Score: sa[v] * sb[v] / sa[nb], Betweenness: bc[v]}
		for _, u := range g.adj[v] {
			if da[u] == da[v]-1 {
				br.ToA = append(br.ToA, ids(u, v)...)
			}
			if db[u] == db[v]-1 {
				br.ToB = append(br.ToB, ids(u, v)...)
			}
		}
		slices.Sort(br.ToA)
		slices.Sort(br.ToB)
		br.ToA, br.ToB = slices.Compact(br.ToA), slices.Compact(br.ToB)
		r.Brokers = append(r.Brokers, br)
	}
	slices.SortFunc(r.Brokers, func(x, y Broker) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(y.Betweenness, x.Betweenness), strings.Compare(x.Actor, y.Actor))
	})
}

// graph is an undirected graph over node keys, with the events of each
// edge.
type graph struct {
	names []string // node index → key, sorted
	index map[string]int
	adj   [][]int             // sorted neighbours
	edges map[[2]int][]string // (low, high) → event IDs, sorted
}

func coopGraph(events []parley.Event, cooperative []string) *graph {
	coop := make(map[string]bool, len(cooperative))
	for _, c := range cooperative {
		coop[strings.ToUpper(c)] = true
	}
	type link struct{ s, t, id string }
	var links []link
	seen := map[string]bool{}
	var srcs, dsts []string
	for i := range events {
		e := &events[i]
		if !coop[strings.ToUpper(e.Type)] || e.Aux == parley.AuxNegation || e.Aux == parley.AuxHypothetical {
			continue
		}
		srcs, dsts = keysInto(srcs[:0], e.Actors), keysInto(dsts[:0], e.Recipients)
		for _, s := range srcs {
			for _, t := range dsts {
				links = append(links, link{s, t, e.ID})
			}
			if reciprocal(e) {
				for _, t := range srcs {
					links = append(links, link{s, t, e.ID})
				}
			}
		}
		for _, k := range srcs {
			seen[k] = true
		}
		for _, k := range dsts {
			seen[k] = true
		}
	}
	g := &graph{index: make(map[string]int, len(seen)), edges: map[[2]int][]string{}}
	for k := range seen {
		g.names = append(g.names, k)
	}
	slices.Sort(g.names)
	for i, k := range g.names {
		g.index[k] = i
	}
	g.adj = make([][]int, len(g.names))
	for _, l := range links {
		u, v := g.index[l.s], g.index[l.t]
		if u == v {
			continue
		}
		p := [2]int{min(u, v), max(u, v)}
		ids, ok := g.edges[p]
		if !ok {
			g.adj[u] = append(g.adj[u], v)
			g.adj[v] = append(g.adj[v], u)
		}
		if l.id != "" {
			ids = append(ids, l.id)
		}
		g.edges[p] = ids
	}
	for p, ids := range g.edges {
		slices.Sort(ids)
		g.edges[p] = slices.Compact(ids)
	}
	for _, ns := range g.adj {
		slices.Sort(ns)
	}
	return g
}

// keysInto appends the distinct node keys of as (by country or org) to dst.
func keysInto(dst []string, as []parley.Actor) []string {
	for _, a := range as {
		if k := nodeKey(a, false); k != "" && !slices.Contains(dst, k) {
			dst = append(dst, k)
		}
	}
	return dst
}

// resolve returns the node a query stands for, or -1: the node whose key
// equals q (ignoring case), else the node that actors answering q by name
// or org most often key to (ties to the smaller key).
func (g *graph) resolve(events []parley.Event, q string) int {
	for i, k := range g.names {
		if strings.EqualFold(k, q) {
			return i
		}
	}
	votes := map[int]int{}
	for i := range events {
		for _, as := range [2][]parley.Actor{events[i].Actors, events[i].Recipients} {
			for _, a := range as {
				if !matches(a, q) {
					continue
				}
				if v, ok := g.index[nodeKey(a, false)]; ok {
					votes[v]++
				}
			}
		}
	}
	best := -1
	for v, n := range votes {
		if best < 0 || n > votes[best] || n == votes[best] && v < best {
			best = v
		}
	}
	return best
}

// drop removes the edge u–v.
func (g *graph) drop(u, v int) {
	delete(g.edges, [2]int{min(u, v), max(u, v)})
	g.adj[u] = slices.DeleteFunc(g.adj[u], func(x int) bool { return x == v })
	g.adj[v] = slices.DeleteFunc(g.adj[v], func(x int) bool { return x == u })
}

// bfs returns the hop distance (-1 when unreachable) and the number of
// shortest paths from s to every node.
func (g *graph) bfs(s int) ([]int, []float64) {
	dist := make([]int, len(g.names))
	sigma := make([]float64, len(g.names))
	for i := range dist {
		dist[i] = -1
	}
	dist[s], sigma[s] = 0, 1
	queue := []int{s}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range g.adj[v] {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
			if dist[w] == dist[v]+1 {
				sigma[w] += sigma[v]
			}
		}
	}
	return dist, sigma
}

// betweenness is Brandes' algorithm for an unweighted, undirected graph:
// for each node, the sum over unordered pairs of other nodes of the
// fraction of their shortest paths that pass through it.
func (g *graph) betweenness() []float64 {
	n := len(g.names)
	bc := make([]float64, n)
	dist := make([]int, n)
	sigma := make([]float64, n)
	delta := make([]float64, n)
	stack := make([]int, 0, n)
	queue := make([]int, 0, n)
	for s := range n {
		for i := range n {
			dist[i], sigma[i], delta[i] = -1, 0, 0
		}
		dist[s], sigma[s] = 0, 1
		stack, queue = stack[:0], append(queue[:0], s)
		for head := 0; head < len(queue); head++ {
			v := queue[head]
			stack = append(stack, v)
			for _, w := range g.adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for i := len(stack) - 1; i >= 0; i-- {
			w := stack[i]
			for _, v := range g.adj[w] {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			if w != s {
				bc[w] += delta[w]
			}
		}
	}
	for i := range bc {
		bc[i] /= 2 // each unordered pair was counted from both ends
	}
	return bc
}
