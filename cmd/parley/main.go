// Command parley turns news articles into PLOVER political event data:
// who did what to whom, when and where, with the sentence that says so.
//
// Run "parley help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(err, m.Stderr))
}

// Main holds what a run of parley talks to, so that tests can run the
// whole program in-process with their own streams and environment.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Now is the clock, read only to give a year to datelines that name
	// none; nil means no clock (such dates stay unknown).
	Now func() time.Time
}

// errUsage marks a command line that parley cannot make sense of (exit 2).
var errUsage = errors.New("usage")

// errSkipped marks a run that completed but skipped some input (exit 1,
// without a further message: the problems were already reported).
var errSkipped = errors.New("some input was skipped")

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errSkipped):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "parley:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "parley:", err)
		return 1
	}
}

type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func (m *Main) commands() []command {
	return []command{
		{"demo", "ingest the bundled sample articles and print what was found", (*Main).demo},
		{"ingest", "read articles from files, directories or stdin, code and store them", (*Main).ingest},
		{"events", "list stored events (table, jsonl or csv)", (*Main).events},
		{"eval", "score the pipeline against a gold file", (*Main).eval},
		{"dyad", "how the relationship between two actors moved, per period", (*Main).dyad},
		{"timeline", "an actor's events through time", (*Main).timeline},
		{"actors", "the actors named in the stored articles, with mention counts; --learned: people learned from the text", (*Main).actors},
		{"actor", "one actor: canonical name, spellings seen, dated roles with evidence, events", (*Main).actor},
		{"network", "the actor network: who acts on whom, how often, how cooperatively", (*Main).network},
		{"brokers", "who links two actors that do not cooperate directly", (*Main).brokers},
		{"search", "full-text search over event sentences", (*Main).search},
		{"dates", "print the time expressions of a text, normalized (JSON Lines)", (*Main).dates},
		{"places", "print the place names of a text, resolved (JSON Lines)", (*Main).places},
		{"serve", "serve the JSON API and the web UI", (*Main).serve},
		{"export", "write events as GDELT, PLOVER, CSV, JSON Lines, Parquet, GraphML or GeoJSON", (*Main).export},
		{"help", "explain a command", (*Main).help},
	}
}

// Run runs parley with the arguments after the program name.
func (m *Main) Run(ctx context.Context, args []string) error {
	if m.Getenv == nil {
		m.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 {
		m.usage(m.Stderr)
		return fmt.Errorf("%w: no command given", errUsage)
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		m.usage(m.Stdout)
		return nil
	}
	for _, c := range m.commands() {
		if c.name == name {
			return c.run(m, ctx, args[1:])
		}
	}
	m.usage(m.Stderr)
	return fmt.Errorf("%w: unknown command %q", errUsage, name)
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprint(w, `parley turns news articles into PLOVER political event data.

Usage:
  parley COMMAND [flags] [arguments]

Commands:
`)
	cmds := m.commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
The database is parley.db in the working directory, or PARLEY_DB, or --db.
Run "parley help COMMAND" or "parley COMMAND -h" for a command's flags.
`)
}

func (m *Main) help(_ context.Context, args []string) error {
	if len(args) == 0 {
		m.usage(m.Stdout)
		return nil
	}
	for _, c := range m.commands() {
		if c.name == args[0] && c.name != "help" {
			m.Stderr, m.Stdout = m.Stdout, m.Stderr // flag usage goes to stdout when asked for
			defer func() { m.Stderr, m.Stdout = m.Stdout, m.Stderr }()
			err := c.run(m, context.Background(), []string{"-h"})
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	return fmt.Errorf("%w: no command %q (commands: %s)", errUsage, args[0], m.commandNames())
}

func (m *Main) commandNames() string {
	var s []string
	for _, c := range m.commands() {
		s = append(s, c.name)
	}
	return strings.Join(s, ", ")
}

// flagSet makes a command's flag set, with its usage text going to stderr.
func (m *Main) flagSet(name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: parley %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning a bad command line into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	return nil
}

// dbFlag adds --db to a flag set, defaulting to PARLEY_DB or parley.db.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("PARLEY_DB")
	if def == "" {
		def = "parley.db"
	}
	return fs.String("db", def, "SQLite database `file` (default from PARLEY_DB, else parley.db)")
}
