// Package graph answers analysts' questions over coded events: it merges the
// same event told by several reports (Merge), follows a relationship through
// time (Dyad, Timeline), draws who acts on whom (BuildNetwork) and finds who
// bridges two actors that do not cooperate directly (Brokers).
//
// Every function is pure: it takes a slice of parley.Event, does no I/O,
// reads no clock and keeps no state, and its output is sorted so the same
// input always gives the same answer. Input events are never modified;
// returned values may share the events' slices (Actors, Recipients...).
//
// Actors are matched as parley.EventFilter.Actor matches them: a query
// equals, ignoring case, an actor's or recipient's Code, Name or Org
// (claimants do not count). In networks and the cooperation graph an actor
// is a node keyed by its Code, by its Org when the Code is IGO or NGO, and
// optionally by Code and Sector (NetworkOptions.BySector).
//
// Reciprocal events are CONSULT always and AGREE when it has no recipients:
// "Russia and Syria held talks" is the same event as "Russia met Syria". An
// event whose actors include both sides of a pair and has no recipient is
// joint: it counts in both directions of a dyad and gives edges both ways.
package graph
