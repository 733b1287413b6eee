package data

import "embed"

// Demo holds the bundled demo corpus: demo/articles.jsonl (parley's own
// illustrative articles about real 2025 events, one JSON object a line with
// id, url, title, source, published and text) and demo/README.md, which says
// what the texts are and under which licence. See demo/README.md.
//
//go:embed demo
var Demo embed.FS
