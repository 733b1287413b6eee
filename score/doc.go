// Package score measures parley's events against gold files: precision,
// recall and F1 of the coded dyads, overall and per PLOVER category, and the
// accuracy of their names, dates, places and auxiliary modes.
//
// [Load] reads either gold format described in the gold README: JSON Lines
// of documents with their events (seeds.jsonl), or the Open Event Data
// Alliance's PLOVER GSR, a JSON array of one-sentence records. [Score] does
// not run the pipeline; it is handed the predicted events of each gold
// document.
//
// # Scoring
//
//  1. Each event, gold and predicted, is expanded into dyads: every actor
//     with every recipient. An event with no recipient and two or more
//     actors (a reciprocal meeting or agreement) yields every pair of its
//     actors. An event with one actor and no recipient yields one one-sided
//     dyad (actor, none), so that a gold RETREAT of SYR MIL can be matched
//     by a prediction with the same single actor; an event with recipients
//     and no actor likewise yields (none, recipient).
//  2. CONSULT dyads and reciprocal dyads are unordered; all others are
//     ordered, actor to recipient. A predicted dyad matches the other way
//     round when either it or the gold dyad is unordered: a predicted AGREE
//     X→Y matches a gold reciprocal AGREE {X, Y}. The README names only
//     reciprocal AGREE among the reciprocal dyads; the others (the GSR's
//     "X and Y failed to reach agreement", REJECT) have no actor→recipient
//     order to keep either, so all reciprocal pairs are unordered.
//  3. Within a document a predicted dyad matches a gold dyad when its
//     category is the gold type or one of the gold alt_types and both
//     participants agree: the same country code and, where the gold
//     participant is an IGO or NGO that names its body (org), the same body
//     by Options.SameOrg. The sides of a one-sided dyad agree only with
//     another one-sided dyad, except that an unidentified attacker
//     (sector UAF: "killed in a car bombing", which the pipeline gives the
//     country of the attack's place) agrees with a gold side that names no
//     one. Sectors are not compared otherwise.
//  4. Predictions are matched one-to-one to the required gold dyads by an
//     assignment (the Hungarian method, per connected group of compatible
//     dyads) that maximizes, in this order: the number of matched pairs;
//     the number of unmatched predictions that match some optional gold
//     dyad (which are then not counted, see 5); the number of attributes
//     the matched pairs get right. A greedy choice can do worse on each.
//  5. Optional gold events are not counted, and neither is a prediction left
//     unmatched by 4 that matches some optional gold dyad (any number of
//     predictions may match the same optional dyad: finding a debatable
//     event is not rewarded and not punished). The rest are counted: a
//     matched pair is a true positive, an unmatched required gold dyad a
//     miss, an unmatched prediction a false positive. Per category, true
//     positives and misses go to the gold type, false positives to the
//     predicted type.
//  6. Over the matched pairs, with each predicted participant set against
//     the gold participant it stands for:
//     name — one trial for each gold participant with a name: right when
//     the predicted one has a name that Options.SamePerson takes for the
//     same person;
//     date — where the gold date is not null: right when the predicted day
//     or interval lies inside the gold interval (no predicted date is
//     wrong);
//     place country — where the gold place gives a country: right when the
//     predicted place has the same country;
//     place name — where the gold place gives a name: right when the names
//     are equal but for case, diacritics and punctuation;
//     aux — every pair: right when the auxiliary modes are equal (empty
//     standing for "happened as reported").
//
// Predictions for documents the gold does not hold are not scored.
//
// # The PLOVER GSR
//
// The DOCUMENT record is skipped; each other record is a document (ID its
// id, with "#2", "#3"... added to an id already given, as the file gives
// PLOVER-GSR01-COERCE-0004 to two records; Text its text, Published its date, a placeholder 2000-01-01 in the
// file, kept as the reference date) holding one event. Its categories are
// those of an older PLOVER draft and are mapped: DEMAND→REQUEST,
// DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT. Source stands for
// actor, target for recipient; a target that is not a list ("", a stray
// word, null) stands for none. Sectors with a suffix compare on their first
// three letters (CVLalb is CVL; GOVMOS is GOV) and "***" stands for none.
// The record's mode is kept; its eventLoc name becomes the gold place's
// name (its country is a two-letter code on a few records only, so the
// place country is not scored on the GSR). Evidence is empty: each
// document is one sentence. The GSR's IGO actors name no body, so they
// match any IGO; and as its coders wrote IGO for non-governmental bodies
// too (Amnesty International, the Red Cross), NGO for a ceasefire
// committee and IMG (CAMEO's international militarized group) for
// al-Qaeda, which parley codes NGO with sector REB, a gold IGO, NGO or
// IMG naming no body matches a predicted actor of any of the three.
//
// Country codes in the GSR were checked against ISO 3166-1 alpha-3. Old
// CAMEO codes with an ISO equivalent are mapped: JAP→JPN, ITL→ITA,
// VTN→VNM (and, not in the file but in older CAMEO data, ROM→ROU,
// ZAR→COD, TMP→TLS). IGO, NGO and the CAMEO codes with no ISO equivalent,
// IMG (international militarized group) and ISM, are kept as they are.
package score
