package data

import "embed"

// Syntax holds the weights of the part-of-speech tagger and dependency
// parser read by syntax.Default: syntax/model.gz, trained on UD English EWT
// by `go run ./syntax/internal/train` and licensed CC BY-SA 4.0 (see NOTICE
// and SOURCES.md).
//
//go:embed syntax
var Syntax embed.FS
