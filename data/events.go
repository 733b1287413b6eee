package data

import "embed"

// Events holds the event coder's lexicons read by package event:
// events/verbs.tsv, events/nouns.tsv, events/modes.tsv, events/words.tsv
// and events/irregular.tsv. See SOURCES.md, section "events".
//
//go:embed events
var Events embed.FS
