// Package index is minutebook's library: the imported source documents,
// the SQLite store that is the source of truth (meetings, records and the
// clerks' tracking edits), and the bleve full-text index derived from it.
//
// Vocabulary: a *record* is a resolution, action or follow-up; *tracking* is
// a clerk's status, owner and due-date overrides and notes on a record; a
// record's *flag* is where it stands against an as-of date (see Flag).
package index
