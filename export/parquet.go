package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/parley-events/parley"
)

// ParquetRow is one row of the Parquet file: the CSV columns (CSVHeader)
// with Parquet types. Lists are ";"-joined strings in parallel columns, as
// in CSV, which every reader handles; date keeps the JSONL form and
// date_start/date_end are DATE columns, null for an undated event; the
// place columns are null for an unlocated event.
type ParquetRow struct {
	ID              string   `parquet:"id,dict"`
	Doc             string   `parquet:"doc,dict"`
	Article         string   `parquet:"article,dict"`
	Type            string   `parquet:"type,dict"`
	Mode            string   `parquet:"mode,dict"`
	Aux             string   `parquet:"aux,dict"`
	Context         string   `parquet:"context,dict"`
	ActorCode       string   `parquet:"actor_code,dict"`
	ActorSector     string   `parquet:"actor_sector,dict"`
	ActorName       string   `parquet:"actor_name,dict"`
	ActorOrg        string   `parquet:"actor_org,dict"`
	RecipientCode   string   `parquet:"recipient_code,dict"`
	RecipientSector string   `parquet:"recipient_sector,dict"`
	RecipientName   string   `parquet:"recipient_name,dict"`
	RecipientOrg    string   `parquet:"recipient_org,dict"`
	ClaimedByCode   string   `parquet:"claimed_by_code,dict"`
	Date            string   `parquet:"date,dict"`
	DateStart       *int32   `parquet:"date_start,optional,date"` // days since 1970-01-01
	DateEnd         *int32   `parquet:"date_end,optional,date"`
	DateSource      string   `parquet:"date_source,dict"`
	PlaceName       *string  `parquet:"place_name,optional,dict"`
	PlaceCountry    *string  `parquet:"place_country,optional,dict"`
	PlaceLat        *float64 `parquet:"place_lat,optional"`
	PlaceLon        *float64 `parquet:"place_lon,optional"`
	CAMEO           string   `parquet:"cameo,dict"`
	Goldstein       float64  `parquet:"goldstein"`
	PLOVERScore     float64  `parquet:"plover_score"`
	Sentence        string   `parquet:"sentence"`
	SpanStart       int64    `parquet:"span_start"`
	SpanEnd         int64    `parquet:"span_end"`
	Mentions        int64    `parquet:"mentions"`
}

// parquetRowGroup is how many events go in one row group: small enough to
// bound the writer's memory, large enough for good compression.
const parquetRowGroup = 64 << 10

// Parquet writes the events as a Parquet file (snappy-compressed, one row
// group per 65536 events) with one row per event and the columns of
// ParquetRow: strings as UTF-8 STRING, goldstein, plover_score and the place
// coordinates as DOUBLE, spans and mentions as INT64, date_start/date_end
// as DATE. pandas (pyarrow), R (arrow), DuckDB and Spark read it.
func Parquet(w io.Writer, events []parley.Event) error {
	pw := parquet.NewGenericWriter[ParquetRow](w,
		parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("parley", "", ""),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
	)
	batch := make([]ParquetRow, 0, min(len(events), 1024))
	flush := func() error {
		if _, err := pw.Write(batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	for i := range events {
		batch = append(batch, parquetRowOf(&events[i]))
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return fmt.Errorf("parquet: event %s: %w", events[i].ID, err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

func parquetRowOf(e *parley.Event) ParquetRow {
	col := func(as []parley.Actor, f func(parley.Actor) string) string {
		if len(as) == 0 {
			return ""
		}
		var b strings.Builder
		for i, a := range as {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(f(a))
		}
		return b.String()
	}
	code := func(a parley.Actor) string { return a.Code }
	sector := func(a parley.Actor) string { return a.Sector }
	name := func(a parley.Actor) string { return a.Name }
	org := func(a parley.Actor) string { return a.Org }
	r := ParquetRow{
		ID: e.ID, Doc: e.Doc, Article: e.Article, Type: e.Type, Mode: e.Mode, Aux: e.Aux,
		Context:   strings.Join(e.Context, ";"),
		ActorCode: col(e.Actors, code), ActorSector: col(e.Actors, sector), ActorName: col(e.Actors, name), ActorOrg: col(e.Actors, org),
		RecipientCode: col(e.Recipients, code), RecipientSector: col(e.Recipients, sector),
		RecipientName: col(e.Recipients, name), RecipientOrg: col(e.Recipients, org),
		ClaimedByCode: col(e.ClaimedBy, code),
		DateSource:    e.DateSource,
		CAMEO:         e.CAMEO, Goldstein: e.Goldstein, PLOVERScore: e.PLOVERScore,
		Sentence:  e.SentenceText,
		SpanStart: int64(e.Sentence.Start), SpanEnd: int64(e.Sentence.End), Mentions: int64(e.Mentions),
	}
	if d := e.Date; d != nil {
		r.Date = d.String()
		start, end := epochDay(d.Start), epochDay(d.End)
		r.DateStart, r.DateEnd = &start, &end
	}
	if p := e.Place; p != nil {
		r.PlaceName, r.PlaceCountry = &p.Name, &p.Country
		r.PlaceLat, r.PlaceLon = &p.Lat, &p.Lon
	}
	return r
}

// epochDay is the Parquet DATE value of a day: days since 1970-01-01.
func epochDay(t time.Time) int32 {
	return int32(math.Floor(float64(t.Unix()) / 86400))
}
