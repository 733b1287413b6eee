// Package article reads news articles from files, directories and standard
// input into parley.Article values.
//
// A Reader built with NewReader reads, in the order given, plain files,
// directories (walked recursively in lexical order; names starting with "."
// are skipped) and "-" for standard input. Every article read is passed to a
// yield function; every problem with the input is passed to a report function
// as an *Error ("path:line: problem") and reading goes on with the next
// article, line or file. Only a cancelled context or an error returned by
// yield stops a batch.
//
// # Formats
//
// The format comes from the file extension and, when the extension says
// nothing, from the first 512 bytes of content:
//
//   - Plain text (.txt, .text, .md, or content that is text): the whole file is
//     one article. Doc is Options.ID, or the file name without directory and
//     extension ("stdin" for standard input). A first line that looks like a
//     heading (short, no closing punctuation, or a Markdown "# " heading)
//     becomes the Title and stays in the Text.
//   - JSON Lines (.jsonl, .ndjson, .json, or content starting with "{"): one
//     object a line with the fields id, url, title, source, published and
//     text. "published_at" and then "date" are read when "published" is
//     absent. A number id is taken as written. Every other field goes to Meta:
//     strings as they are, other values JSON-encoded, nulls dropped. A record without id gets
//     the Doc "NAME:LINE", NAME being the file name without directory. Blank
//     lines are ignored. A .json file (or content) holding a JSON array of
//     such objects is read too.
//   - HTML (.html, .htm, .xhtml, or content starting like an HTML page): the
//     text of the largest <article>, else of <main>, else of <body>, without
//     scripts, styles, navigation, headers, footers, asides, forms and hidden
//     elements. Block elements become paragraphs separated by "\n\n", <br> a
//     line break; white space is collapsed. Title is og:title, else <title>,
//     else the first <h1>; URL is the canonical link, else og:url; Source is
//     og:site_name; Published is the first of article:published_time,
//     itemprop="datePublished", <meta name="date"> and its kin, JSON-LD
//     datePublished, and the first <time datetime>. A page declaring a
//     non-UTF-8 charset is decoded. A page with elements nested more than
//     512 deep (the limit of golang.org/x/net/html) is reported.
//   - RSS 2.0, RSS 1.0 and Atom (.xml, .rss, .atom, or content with <rss, <feed
//     or <rdf:RDF): one article per item or entry. Doc is the guid or id, else
//     the link, else "NAME:LINE"; Text is content:encoded, Atom content,
//     description or summary, in that order, run through the HTML reader when
//     it holds markup; Published is pubDate, dc:date, published or updated.
//     Source is Options.Source, else the feed title.
//
// Options.Published and Options.Source fill the gaps of every format: an
// article without a date of its own gets Options.Published.
//
// # Dates
//
// Dates are read in RFC 3339 (with or without fraction or zone), YYYY-MM-DD,
// YYYY-MM-DD HH:MM[:SS], RFC 1123, RFC 822, RFC 850, ANSIC and their common
// feed variants (one-digit day, no weekday, no seconds, two-digit year, the
// RFC 822 zone names GMT, UT, Z, EST...PDT and numeric zones). A date with a
// zone keeps its offset; a date without one is UTC. An article whose date is
// present but unreadable is reported and skipped: the rule is "every bad
// input is skipped and counted". The one exception is an HTML <time> element,
// which is only a guess at the publication date: a bad one is ignored.
//
// # Limits and bad input
//
// Options.MaxBytes (DefaultMaxBytes when <= 0) bounds one article's input:
// a text, HTML or feed file larger than it is reported without being read
// (files are checked with Stat, streams are cut with a LimitReader); a JSON
// Lines file may be of any length, but a line longer than the limit is
// reported and skipped.
//
// Input must be UTF-8 (a byte-order mark is dropped): the first invalid byte
// is reported with its line and its 0-based byte offset in the file, and the
// file (or JSON line) is skipped. Feeds and HTML pages that declare another
// encoding are decoded from it.
//
// Files named on the command line are always read; a binary one is reported.
// Inside a directory, files with a known extension are read, files without
// extension are read when their content looks like text, JSON, HTML or a
// feed, and other files (binary, or with an extension of another kind such as
// .go or .csv unless their content is JSON, HTML or a feed) are skipped
// silently.
//
// Text is returned as read: it is not NFC-normalized and Key is left empty;
// the pipeline does both.
package article
