package data

import "embed"

// Plover holds the PLOVER codebook tables read by package plover:
// categories.tsv, contexts.tsv, cameo2plover.tsv, plover2cameo.tsv,
// goldstein.tsv and scores.tsv. See SOURCES.md, section "plover".
//
//go:embed plover
var Plover embed.FS
