// Package minutes reads council committee minutes: text in, a Meeting
// out, with warnings. It knows nothing of storage, search or terminals.
//
// Vocabulary: a Meeting has Items (numbered or headed business); an item
// holds Records — resolutions (what was decided), actions (what someone
// undertook or was asked to do) and follow-ups (what is due back to the
// committee) — and declarations of interest.
//
// Parse is a pipeline of stages, a file each: decode.go (bytes to UTF-8,
// mojibake), normalise.go (page furniture, split words, bullets,
// sanitising), header.go, attendance.go, segment.go and items.go (finding
// items, including minute numbers that PDF extraction displaced),
// resolutions.go, actions.go, followups.go, declarations.go, and
// classify.go (refusing what is not minutes). driver.go runs them.
// check.go is not a stage: Check reads a parsed Meeting and its text for
// what a clerk should put right before publishing the minutes (Problems).
package minutes
