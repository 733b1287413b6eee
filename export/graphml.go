package export

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/parley-events/parley"
)

// GraphML document structure (graphml.graphdrawing.org), enough for what
// GraphML writes and its test reads back.
type (
	graphML struct {
		XMLName        xml.Name   `xml:"graphml"`
		XMLNS          string     `xml:"xmlns,attr"`
		XSI            string     `xml:"xmlns:xsi,attr"`
		SchemaLocation string     `xml:"xsi:schemaLocation,attr"`
		Keys           []graphKey `xml:"key"`
		Graph          graphBody  `xml:"graph"`
	}
	graphKey struct {
		ID      string  `xml:"id,attr"`
		For     string  `xml:"for,attr"`
		Name    string  `xml:"attr.name,attr"`
		Type    string  `xml:"attr.type,attr"`
		Default *string `xml:"default,omitempty"`
	}
	graphBody struct {
		ID          string      `xml:"id,attr"`
		EdgeDefault string      `xml:"edgedefault,attr"`
		Nodes       []graphNode `xml:"node"`
		Edges       []graphEdge `xml:"edge"`
	}
	graphNode struct {
		ID   string      `xml:"id,attr"`
		Data []graphData `xml:"data"`
	}
	graphEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
		Data   []graphData `xml:"data"`
	}
	graphData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// Node and edge attribute keys GraphML declares. Per-category edge counts
// get one more key each, "n_" + category, for the categories present.
var (
	graphNodeKeys = []graphKey{
		{ID: "label", For: "node", Name: "label", Type: "string"},
		{ID: "code", For: "node", Name: "code", Type: "string"},
		{ID: "sector", For: "node", Name: "sector", Type: "string"},
		{ID: "events", For: "node", Name: "events", Type: "int"},
		{ID: "as_actor", For: "node", Name: "as_actor", Type: "int"},
		{ID: "as_recipient", For: "node", Name: "as_recipient", Type: "int"},
	}
	graphEdgeKeys = []graphKey{
		{ID: "weight", For: "edge", Name: "weight", Type: "double"},
		{ID: "mean_goldstein", For: "edge", Name: "mean_goldstein", Type: "double"},
		{ID: "mean_plover_score", For: "edge", Name: "mean_plover_score", Type: "double"},
		{ID: "first_date", For: "edge", Name: "first_date", Type: "string"},
		{ID: "last_date", For: "edge", Name: "last_date", Type: "string"},
	}
)

// NodeID is the GraphML node id of an actor: its code, and its sector after
// a hyphen ("SYR-GOV"). People and bodies fold into their code and sector.
func NodeID(a parley.Actor) string {
	if a.Sector == "" {
		return a.Code
	}
	return a.Code + "-" + a.Sector
}

type graphNodeStat struct {
	actor              parley.Actor
	events, sent, recv int
}

type graphEdgeStat struct {
	source, target   string
	events           int
	goldstein, score float64
	first, last      time.Time
	byType           map[string]int
}

// GraphML writes the actor network as a directed GraphML graph that Gephi,
// Cytoscape and networkx open. Nodes are actors keyed by NodeID, with
// attributes label ("SYR GOV"), code, sector, events (events the actor
// takes part in), as_actor and as_recipient. There is one edge per ordered
// pair (actor → recipient) that some event links, with weight (its number
// of events; Gephi's edge weight), one n_CATEGORY count per PLOVER category
// present (0 when absent, the key's default), mean_goldstein,
// mean_plover_score, and first_date/last_date (the first days of its
// earliest and latest dated events). An event with several actors or
// recipients counts once for each pair; an event without recipient adds
// only to its actors' nodes. Nodes and edges are sorted, so the output is
// deterministic.
func GraphML(w io.Writer, events []parley.Event) error {
	nodes := map[string]*graphNodeStat{}
	edges := map[[2]string]*graphEdgeStat{}
	types := map[string]bool{}
	node := func(a parley.Actor) *graphNodeStat {
		id := NodeID(a)
		n := nodes[id]
		if n == nil {
			n = &graphNodeStat{actor: parley.Actor{Code: a.Code, Sector: a.Sector}}
			nodes[id] = n
		}
		return n
	}
	seen := map[string]bool{}
	pairs := map[[2]string]bool{}
	for i := range events {
		e := &events[i]
		clear(seen)
		for _, a := range e.Actors {
			if a.IsZero() {
				continue
			}
			n := node(a)
			n.sent++
			if id := NodeID(a); !seen[id] {
				seen[id] = true
				n.events++
			}
		}
		for _, r := range e.Recipients {
			if r.IsZero() {
				continue
			}
			n := node(r)
			n.recv++
			if id := NodeID(r); !seen[id] {
				seen[id] = true
				n.events++
			}
		}
		clear(pairs)
		for _, a := range e.Actors {
			for _, r := range e.Recipients {
				if a.IsZero() || r.IsZero() {
					continue
				}
				k := [2]string{NodeID(a), NodeID(r)}
				if pairs[k] {
					continue
				}
				pairs[k] = true
				ed := edges[k]
				if ed == nil {
					ed = &graphEdgeStat{source: k[0], target: k[1], byType: map[string]int{}}
					edges[k] = ed
				}
				ed.events++
				ed.goldstein += e.Goldstein
				ed.score += e.PLOVERScore
				if e.Type != "" {
					ed.byType[e.Type]++
					types[e.Type] = true
				}
				if e.Date != nil {
					d := e.Date.Start
					if ed.first.IsZero() || d.Before(ed.first) {
						ed.first = d
					}
					if d.After(ed.last) {
						ed.last = d
					}
				}
			}
		}
	}

	doc := graphML{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:          graphBody{ID: "parley", EdgeDefault: "directed"},
	}
	doc.Keys = append(slices.Clone(graphNodeKeys), graphEdgeKeys...)
	typeList := make([]string, 0, len(types))
	for t := range types {
		typeList = append(typeList, t)
	}
	slices.Sort(typeList)
	zero := "0"
	for _, t := range typeList {
		doc.Keys = append(doc.Keys, graphKey{ID: "n_" + t, For: "edge", Name: "n_" + t, Type: "int", Default: &zero})
	}

	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		n := nodes[id]
		label := n.actor.Code
		if n.actor.Sector != "" {
			label += " " + n.actor.Sector
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphNode{ID: id, Data: []graphData{
			{"label", label}, {"code", n.actor.Code}, {"sector", n.actor.Sector},
			{"events", strconv.Itoa(n.events)}, {"as_actor", strconv.Itoa(n.sent)}, {"as_recipient", strconv.Itoa(n.recv)},
		}})
	}

	es := make([]*graphEdgeStat, 0, len(edges))
	for _, ed := range edges {
		es = append(es, ed)
	}
	slices.SortFunc(es, func(a, b *graphEdgeStat) int {
		return cmp.Or(cmp.Compare(a.source, b.source), cmp.Compare(a.target, b.target))
	})
	for i, ed := range es {
		n := float64(ed.events)
		data := []graphData{
			{"weight", strconv.Itoa(ed.events)},
			{"mean_goldstein", formatMean(ed.goldstein / n)},
			{"mean_plover_score", formatMean(ed.score / n)},
		}
		if !ed.first.IsZero() {
			data = append(data, graphData{"first_date", ed.first.Format(time.DateOnly)}, graphData{"last_date", ed.last.Format(time.DateOnly)})
		}
		for _, t := range typeList {
			if c := ed.byType[t]; c > 0 {
				data = append(data, graphData{"n_" + t, strconv.Itoa(c)})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, graphEdge{ID: "e" + strconv.Itoa(i), Source: ed.source, Target: ed.target, Data: data})
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// formatMean writes a mean rounded to 6 decimals, dropping the float noise
// of the division (-0.050000000000000044 becomes -0.05).
func formatMean(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}
