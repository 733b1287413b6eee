// Package sqlite stores articles and their events in an SQLite database
// file: the embedded, default parley.Store.
//
// The file runs in WAL mode. Writes go through a pool of one connection, so
// Put calls from several goroutines are serialized inside the process
// (and, across processes, by SQLite's write lock with a busy timeout); reads
// go through a separate pool of read-only connections that see a consistent
// snapshot while a write is under way.
//
// The schema is created and upgraded by the numbered migrations embedded
// from migrations/; PRAGMA user_version holds the version a file is at and
// the schema_migrations table records when each migration was applied.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/parley-events/parley"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

var _ parley.Store = (*DB)(nil)

// DB is a parley store in one SQLite file. It is safe for use by several
// goroutines.
type DB struct {
	path  string
	write *sql.DB // one connection; transactions begin IMMEDIATE
	read  *sql.DB // query_only connections
	stmts *stmts  // prepared on write

	closeOnce sync.Once
	closeErr  error
}

// busyTimeout is how long, in milliseconds, a connection waits for a lock
// another process holds before it reports SQLITE_BUSY.
const busyTimeout = 5000

// Open opens the database file at path, creating it if needed, and brings
// its schema up to date. A file whose schema is newer than this program
// knows, or that is not an SQLite database, is refused and left as it is.
// Errors name the path.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty database path")
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		// Both pools must see the same file; a URI could name a memory
		// database or options that contradict ours.
		return nil, fmt.Errorf("sqlite: open %s: want the path of a database file", path)
	}
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db := &DB{path: path}

	db.write, err = sql.Open("sqlite", dsn(path,
		"_txlock=immediate",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		// Statement journals (multi-row upserts of tallies) and
		// temporary b-trees stay in memory instead of temporary files.
		"_pragma=temp_store(MEMORY)",
		// A checkpoint every 4000 pages (a WAL of about 16 MB) rather
		// than 1000: the hot pages of tallies are then copied back and
		// synced once for many commits.
		"_pragma=wal_autocheckpoint(4000)",
	))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	db.write.SetConnMaxIdleTime(0)
	if err := db.write.PingContext(ctx); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, db.write, migs); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if db.stmts, err = prepare(ctx, db.write); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := fill(ctx, db.write, db.stmts); err != nil {
		db.stmts.close()
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: merge stored events: %w", path, err)
	}

	db.read, err = sql.Open("sqlite", dsn(path, "_pragma=query_only(1)"))
	if err != nil {
		db.stmts.close()
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	db.read.SetMaxOpenConns(n)
	db.read.SetMaxIdleConns(n)
	if err := db.read.PingContext(ctx); err != nil {
		db.stmts.close()
		db.write.Close()
		db.read.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// Path returns the path the database was opened at.
func (db *DB) Path() string { return db.path }

// Close closes the database. Calling it more than once is harmless.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		// PRAGMA optimize refreshes the planner's statistics where they
		// are stale; SQLite recommends it before closing a connection.
		_, err := db.write.Exec("PRAGMA optimize")
		db.closeErr = errors.Join(err, db.stmts.close(), db.read.Close(), db.write.Close())
		if db.closeErr != nil {
			db.closeErr = fmt.Errorf("sqlite: close %s: %w", db.path, db.closeErr)
		}
	})
	return db.closeErr
}

// dsn returns a modernc.org/sqlite data source name for the file at p with
// the options every connection shares plus extra. The path goes into a
// file: URI, escaped so that '?', '#' and '%' in it are not read as URI
// syntax.
func dsn(p string, extra ...string) string {
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '?', '#', '%':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString("?_pragma=busy_timeout(" + strconv.Itoa(busyTimeout) + ")&_pragma=foreign_keys(1)")
	for _, e := range extra {
		b.WriteString("&" + e)
	}
	return b.String()
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// A migration is one numbered SQL script from migrations/.
type migration struct {
	version int
	name    string // file name
	sql     string
}

// loadMigrations reads the files NNNN_name.sql of fsys's migrations
// directory; their numbers must run 1, 2, 3... without a gap.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var migs []migration
	for i, name := range names { // fs.Glob sorts
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", base)
		}
		if v != i+1 {
			return nil, fmt.Errorf("migration %s: number %d, want %d", base, v, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", base, err)
		}
		migs = append(migs, migration{version: v, name: base, sql: string(b)})
	}
	if len(migs) == 0 {
		return nil, errors.New("no migrations embedded")
	}
	return migs, nil
}

// migrate applies the migrations the database has not had yet, each in its
// own IMMEDIATE transaction, so that two processes opening the same new
// file do not both apply one.
func migrate(ctx context.Context, db *sql.DB, migs []migration) error {
	for {
		done, err := migrateOne(ctx, db, migs)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration the database needs, reporting done
// when it needed none.
func migrateOne(ctx context.Context, db *sql.DB, migs []migration) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	latest := migs[len(migs)-1].version
	switch {
	case v > latest:
		return false, fmt.Errorf("schema version %d is newer than this program knows (%d): open it with a newer parley", v, latest)
	case v < 0:
		return false, fmt.Errorf("schema version %d is not a parley version", v)
	case v == latest:
		return true, nil
	}
	m := migs[v]
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	)`); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name) VALUES (?, ?)", m.version, m.name); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	// PRAGMA takes no parameters; m.version is an int from loadMigrations.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return false, nil
}
