package graph

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// NetworkOptions selects the events of a network and how actors become
// nodes. The zero value takes every event and keys nodes by country.
type NetworkOptions struct {
	// Since and Until keep the events whose dates meet [Since, Until],
	// whole days; when either is set, undated events are left out.
	Since, Until time.Time
	// Types keeps the events of these PLOVER categories (any case); empty
	// keeps all.
	Types []string
	// BySector keys state actors by code and sector ("RUS-GOV") instead of
	// by code alone.
	BySector bool
}

// Node is an actor of the network.
type Node struct {
	ID     string `json:"id"`    // "RUS", "RUS-GOV" or an org name
	Label  string `json:"label"` // "RUS", "RUS GOV" or the org name
	Events int    `json:"events"`
}

// Edge is what Source did to Target.
type Edge struct {
	Source    string         `json:"source"`
	Target    string         `json:"target"`
	Events    int            `json:"events"`
	Counts    map[string]int `json:"counts"` // events by PLOVER category
	MeanScore float64        `json:"mean_score"`
	// Reciprocal is set when Target also acted on Source: the network has
	// the edge the other way too.
	Reciprocal bool `json:"reciprocal"`
}

// Network is who acts on whom.
type Network struct {
	Nodes []Node `json:"nodes"` // by ID
	Edges []Edge `json:"edges"` // by Source, then Target
}

// BuildNetwork turns the events that pass opt into a network. Each node
// counts the events it takes part in, as actor or recipient, once per
// event. An event gives an edge from each of its actor nodes to each of its
// recipient nodes; a reciprocal event (CONSULT, or AGREE without
// recipients) also links its actors with each other, both ways. Recipients
// are never linked to each other: a mediator meeting two sides is not the
// two sides meeting. An edge
// counts an event once however many of its actors map to the same nodes,
// and an actor never gets an edge to itself.
func BuildNetwork(events []parley.Event, opt NetworkOptions) *Network {
	type pair struct{ s, t string }
	nodes := map[string]*Node{}
	edges := map[pair]*tally{}
	var srcs, dsts []string
	var ps []pair
	// Keys by code and sector are interned: one string per node, not one
	// per actor of every event.
	interned := map[[3]string]string{}
	key := func(a parley.Actor) string {
		if !opt.BySector || a.Sector == "" || a.Code == "" {
			return nodeKey(a, false)
		}
		ik := [3]string{a.Code, a.Sector, a.Org}
		k, ok := interned[ik]
		if !ok {
			k = nodeKey(a, true)
			interned[ik] = k
		}
		return k
	}
	for i := range events {
		e := &events[i]
		if !inWindow(e, opt.Since, opt.Until) || !typeIn(e.Type, opt.Types) {
			continue
		}
		srcs = srcs[:0]
		dsts = dsts[:0]
		for _, a := range e.Actors {
			if k := key(a); k != "" {
				srcs = append(srcs, k)
				addNode(nodes, k, a, opt.BySector)
			}
		}
		for _, a := range e.Recipients {
			if k := key(a); k != "" {
				dsts = append(dsts, k)
				addNode(nodes, k, a, opt.BySector)
			}
		}
		ps = ps[:0]
		for _, s := range srcs {
			for _, t := range dsts {
				ps = append(ps, pair{s, t})
			}
			if reciprocal(e) {
				for _, t := range srcs {
					ps = append(ps, pair{s, t})
				}
			}
		}
		slices.SortFunc(ps, func(x, y pair) int { return cmp.Or(strings.Compare(x.s, y.s), strings.Compare(x.t, y.t)) })
		ps = slices.Compact(ps)
		for _, p := range ps {
			if p.s == p.t {
				continue
			}
			t := edges[p]
			if t == nil {
				t = &tally{}
				edges[p] = t
			}
			t.add(e)
		}
		// Count the event once per node.
		all := append(srcs, dsts...)
		slices.Sort(all)
		for _, k := range slices.Compact(all) {
			nodes[k].Events++
		}
		srcs = all[:0]
	}
	n := &Network{Nodes: make([]Node, 0, len(nodes)), Edges: make([]Edge, 0, len(edges))}
	for _, v := range nodes {
		n.Nodes = append(n.Nodes, *v)
	}
	slices.SortFunc(n.Nodes, func(x, y Node) int { return strings.Compare(x.ID, y.ID) })
	for p, t := range edges {
		_, back := edges[pair{p.t, p.s}]
		n.Edges = append(n.Edges, Edge{Source: p.s, Target: p.t, Events: t.n, Counts: t.counts, MeanScore: t.mean(), Reciprocal: back})
	}
	slices.SortFunc(n.Edges, func(x, y Edge) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Target, y.Target))
	})
	return n
}

func addNode(nodes map[string]*Node, k string, a parley.Actor, bySector bool) {
	if _, ok := nodes[k]; !ok {
		nodes[k] = &Node{ID: k, Label: nodeLabel(a, bySector)}
	}
}

func typeIn(t string, types []string) bool {
	return len(types) == 0 || slices.ContainsFunc(types, func(s string) bool { return strings.EqualFold(s, t) })
}
