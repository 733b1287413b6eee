package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
)

// Summary counts what an ingest did.
type Summary struct {
	New     int `json:"new"`     // articles stored for the first time
	Already int `json:"already"` // articles whose text was already stored
	Skipped int `json:"skipped"` // inputs reported as problems and not stored
	Events  int `json:"events"`  // events stored with the new articles
	Learned int `json:"learned"` // people the knowledge base did not know, learned from the new articles
	// Attested counts roles of known people that the new articles state.
	Attested int `json:"attested"`
}

func (s Summary) String() string {
	out := fmt.Sprintf("%d new, %d already stored, %d skipped; %d events", s.New, s.Already, s.Skipped, s.Events)
	switch {
	case s.Learned == 1:
		out += ", 1 person learned"
	case s.Learned > 1:
		out += fmt.Sprintf(", %d people learned", s.Learned)
	}
	if s.Attested > 0 {
		out += fmt.Sprintf(", %d known roles attested", s.Attested)
	}
	return out
}

// IngestOptions configure Ingest.
type IngestOptions struct {
	// Workers is how many articles are coded at once; 0 means GOMAXPROCS.
	Workers int
	// Report and Stored are never called concurrently.
	//
	// Report receives every problem (an *article.Error for bad input, or an
	// error naming the article that could not be stored). nil discards them.
	Report func(error)
	// Stored, when set, is called after each article is stored or found
	// already stored, in the order the store saw them.
	Stored func(r *Result, put parley.PutResult)
}

// ReadFunc produces articles: it calls yield for each and report for each
// problem, as (*article.Reader).Read does.
type ReadFunc func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error

// Files returns a ReadFunc over named files, directories and "-" (stdin).
func Files(r *article.Reader, paths []string, stdin io.Reader) ReadFunc {
	return func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
		return r.Read(ctx, paths, stdin, yield, report)
	}
}

// Ingest codes every article read and stores each with its events, actor
// mentions and learned people in its own transaction. Bad input is
// reported and skipped; the batch goes on. It returns early only when ctx
// is cancelled.
//
// Articles are coded in parallel by the same pipeline, so the people one
// article of a batch teaches are not used for the others: the result does
// not depend on the order articles are coded in. A caller that wants them
// resolved in later batches builds the pipeline WithLearned(store.Learned).
func (p *Pipeline) Ingest(ctx context.Context, store parley.Store, read ReadFunc, opt IngestOptions) (Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Report and Stored are called from the reading and the storing
	// goroutines; the mutex makes them one at a time, so that callers may
	// write to an unsynchronized stream.
	var mu sync.Mutex
	report := func(err error) {
		if opt.Report != nil {
			mu.Lock()
			defer mu.Unlock()
			opt.Report(err)
		}
	}
	stored := func(r *Result, put parley.PutResult) {
		if opt.Stored != nil {
			mu.Lock()
			defer mu.Unlock()
			opt.Stored(r, put)
		}
	}
	var sum Summary
	g, ctx := errgroup.WithContext(ctx)
	in := make(chan parley.Article, workers)
	out := make(chan *Result, workers)

	// Reading: one goroutine, in input order. Problems are counted here;
	// the counter is only touched by this goroutine until g.Wait.
	var readSkipped int
	g.Go(func() error {
		defer close(in)
		return read(ctx, func(a parley.Article) error {
			select {
			case in <- a:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(e *article.Error) {
			readSkipped++
			report(e)
		})
	})

	// Coding: pure computation, in parallel across articles.
	var coders errgroup.Group
	for range workers {
		coders.Go(func() error {
			for a := range in {
				Prepare(&a)
				select {
				case out <- p.Process(&a):
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		err := coders.Wait()
		close(out)
		return err
	})

	// Storing: one writer, one transaction per article.
	var storeSkipped int
	g.Go(func() error {
		for res := range out {
			if res.Article.Text == "" {
				storeSkipped++
				report(fmt.Errorf("%s: article has no text after normalization", origin(res.Article)))
				continue
			}
			put, err := store.Put(ctx, res.Document())
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				storeSkipped++
				report(fmt.Errorf("%s: not stored: %w", origin(res.Article), err))
				continue
			}
			if put.Created {
				sum.New++
				sum.Events += put.Events
				for _, l := range res.Learned {
					if l.Known {
						sum.Attested++
					} else {
						sum.Learned++
					}
				}
			} else {
				sum.Already++
			}
			stored(res, put)
		}
		return nil
	})
	err := g.Wait()
	sum.Skipped = readSkipped + storeSkipped
	if errors.Is(err, context.Canceled) {
		return sum, fmt.Errorf("ingest interrupted: %w", err)
	}
	return sum, err
}

func origin(a *parley.Article) string {
	if a.Origin != "" {
		return a.Origin
	}
	return a.Doc
}
