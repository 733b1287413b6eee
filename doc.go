// Package parley holds the domain types of parley, a coder of political
// event data: articles, the spans, sentences and actor mentions found in
// them, and the PLOVER events coded from them, with the Store that keeps
// them. It does no I/O and imports no other parley package; the stages
// (sentence, actor, event, ...) import it, and extract composes them.
package parley
