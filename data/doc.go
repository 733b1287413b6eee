// Package data embeds parley's dictionaries, lexicons, gazetteers and the
// bundled demo articles. Each subdirectory is its own embed.FS (see the
// other files of this package); SOURCES.md records where every table comes
// from and under which licence.
package data
