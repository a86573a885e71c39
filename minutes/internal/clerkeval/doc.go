// Package clerkeval scores the parser against what a careful committee
// clerk would list for a set of minutes.
//
// A clerk file (NAME.clerk.json, described in minutes/testdata/clerk/README.md)
// lists everything a clerk would put in their trackers for one document:
// the meeting facts, the attendance, every item, and every resolution,
// action and follow-up. Load reads one strictly (unknown keys, missing
// keys, null lists and malformed dates are errors); Score compares it with
// what minutes.Parse returned and gives a Report; Totals adds Reports up
// for a set of documents.
//
// The matching rules are deliberately simple, so that they behave like an
// independent scorer rather than like the parser:
//
//   - Text is normalised by folding to lower case, dropping accents,
//     turning every run of characters that are not letters or digits into
//     one space, and splitting into tokens.
//   - A parsed record matches an expected record of the same kind when the
//     Dice coefficient of their token multisets, 2|A∩B|/(|A|+|B|), is at
//     least 0.5. Matching is one-to-one and greedy, best pair first, over
//     all pairs in the document (a tie goes to the pair in the same item);
//     the Report also says how many matched records sit in the right item
//     (the parsed record's item is the one matched to the expected
//     record's item).
//   - Items match by normalised number when both have one (lower case,
//     punctuation to dots, leading zeros off: "12(b)" is "12.b", "04." is
//     "4"), else by a title Dice of at least 0.5. Duplicate numbers are
//     paired by title. The Report gives the share of matched items whose
//     titles are equal after normalising.
//   - Attendance names are normalised (lower case, accents, punctuation,
//     honorifics such as Councillor, Cllr, Cr, Mr, Dr, Mayor and
//     post-nominals such as MBE or JP removed; a bracketed initial as in
//     "Flynn (A)" moves to the front, any other bracketed note is dropped).
//     Two names match when they are equal, or have the same surname (last
//     word) and compatible given names: one has none, or the first given
//     names are equal, or one is the initial of the other. Each list —
//     present (the chair included, on both sides), in attendance,
//     apologies, absent — is matched one-to-one and scored by precision and
//     recall; the chair is scored as a list of one. Attendance as a
//     category adds the five lists up. Substitutes are not scored.
//   - Meeting facts — council, committee, date, start, end, next meeting —
//     are each right or wrong: council and committee when their Dice is at
//     least 0.6, the others when equal. An expected null is right only when
//     the parser has none either. The facts' score is the share right.
//   - For matched actions the owner is right when the normalised names are
//     equal or one contains the other (both unknown is right), and the due
//     date when it is equal (both unknown is right); likewise the due date
//     of matched follow-ups.
//   - An expected reject is right when Parse returned minutes.ErrNotMinutes;
//     such a document's overall is 1 or 0. A minutes document that Parse
//     refused (any error) has nothing parsed: recall 0 everywhere and every
//     meeting fact wrong.
//
// A document's overall is the mean of the F1 scores of items, resolutions,
// actions, follow-ups, attendance and meeting facts, leaving out a
// category whose expected and parsed lists are both empty. Precision with
// nothing parsed, and recall with nothing expected, count as 1. For a set,
// Totals adds the counts up (micro-averages per category) and keeps the
// mean of the documents' overalls.
package clerkeval
