// Package minutes reads council committee minutes: text in, a Meeting
// out, with warnings. It knows nothing of storage, search or terminals.
//
// Vocabulary: a Meeting has Items (numbered or headed business); an item
// holds Records — resolutions (what was decided), actions (what someone
// undertook or was asked to do) and follow-ups (what is due back to the
// committee) — and declarations of interest.
//
// The domain's rules that are not parsing live here too, said once:
// target.go (how a due date was worked out, Target, and how it is worked
// out again against a committee's Calendar, calendar.go), flag.go (Status,
// Flag and FlagOf, the one rule for overdue, slipped, due at next meeting,
// due soon, upcoming, undated, returned and done), record.go (Kind and its
// label), sanitize.go (Sanitize, the one sanitiser of text that reaches a
// terminal or a file) and json.go (the JSON form: null for unknown, [] for
// none).
//
// Parse is a pipeline of stages, a file each: decode.go (bytes to UTF-8,
// mojibake), wrappers.go (web and export wrappers: front matter, HTML
// fragments, Markdown tables holding the minutes), normalise.go (page
// furniture, split words, bullets, sanitising), header.go (council,
// committee, date, times, next meeting), attendance.go (with attnames.go,
// atttables.go and attsentences.go: entries and names, lists laid out as
// tables, and what the narrative says of who attended), bounds.go (an
// agenda before the minutes, a contents list, a second meeting after
// them), segment.go, headings.go and items.go (finding items, including
// minute numbers that PDF extraction displaced or stacked, Roman and
// lettered sections, wrapped headings),
// resolutions.go, actions.go, followups.go, declarations.go, and
// classify.go (refusing what is not minutes). driver.go runs them.
// check.go is not a stage: Check reads a parsed Meeting and its text for
// what a clerk should put right before publishing the minutes (Problems).
package minutes
