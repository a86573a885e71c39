// Package index is minutebook's library: the imported source documents,
// the SQLite store that is the source of truth (meetings, records and the
// clerks' tracking edits), and the bleve full-text index derived from it.
//
// # Layers
//
//	internal/store   all SQL: the schema and its migrations, and every query
//	internal/search  the bleve mapping, the one function that makes a
//	                 document (of a record, an item or a meeting's
//	                 attendance), the search box's grammar and every query
//	index            the façade: Library's methods read and write through the
//	                 store, search through search, and work out flags with
//	                 the one rule, minutes.FlagOf (due.go: each committee's
//	                 calendar, and which later item answers a follow-up)
//
// indextest holds the conformance suite that the library and every fake of
// API run, so that they agree on flags, due dates and the due board.
//
// # Vocabulary
//
// A *record* is a resolution, action or follow-up; *tracking* is a clerk's
// status, owner and due-date overrides and notes on a record, with an
// append-only *history*; a record's *flag* is where it stands against an
// as-of date (minutes.FlagOf). A *committee* belongs to a council and has a
// *key*, the prefix of its meetings' IDs (committee.go says how keys are
// given). The *generation* is a counter in the store that every write
// moves on; the *changes log* notes which meetings each generation
// touched.
//
// A *correction* is a clerk's word about a record itself, kept like
// tracking by record ID, with its history, never deleted
// (corrections.go): a record added (one the parser missed, with an ID of
// its own, "…-ca1"), rejected (not a record: left out of everything
// unless asked for), given another kind or another span of its item's
// text, or accepted. A correction changes the stored record at once and
// is applied again to every new parse of its meeting, found there by
// meaning: each new parse is matched to the stored one by item and by
// the words of each record's text (reconcile.go), so records keep their
// IDs (and their tracking) when ordinals move, and a corrected record
// the parse no longer gives is *kept* as the clerk left it. Records the
// parser marks as unsure (minutes.ConfidenceLow) are the *review queue*
// until a clerk corrects or closes them.
//
// A record's *version* is the number of the latest line of its history
// that is not a note. Every tracking edit and correction can be made
// conditional on the version it was made from (Change.Version): the
// store checks and writes in one transaction, and refuses a change to a
// record another session changed since with a *ConflictError that says
// what changed (conflict.go). Notes never conflict.
//
// # On disk
//
//	DIR/minutebook.db     the store (SQLite, WAL, synchronous=FULL); its
//	                      application_id marks DIR as a library, and
//	                      user_version is the schema version (migrations
//	                      in internal/store/schema.go). It holds the source
//	                      documents' bytes too, so it alone can rebuild
//	                      everything.
//	DIR/index/            the bleve (scorch) index: derived, deletable
//	DIR/due.snapshot      the due board's model at one generation, for a
//	                      process's first board (snapshot.go): derived,
//	                      deletable, ignored unless made by this build
//	DIR/index.lock        who holds the index (pid, command), locked
//	DIR/index.want        a request from another process for the index
//
// A *source* is a council's Modern.gov site the library syncs from
// (sync.go): its settings, where each of its meetings stands
// (sync_meetings), its list answers kept for conditional requests
// (sync_http). A synced meeting is imported like a file, its "document"
// being a moderngov.Bundle; source_urls holds the addresses of synced
// meetings and items, written and replaced with their parse.
//
// The store has no foreign keys and nothing cascades: importing or
// re-parsing replaces a meeting's items and records, never its tracking,
// links, corrections or history (triggers refuse deletes there). Tracking whose record
// has gone is an *orphan*: kept, shown, and reported by Reparse.
//
// # Two processes
//
// A clerk may have the TUI open while running `minutebook import` in
// another terminal. SQLite in WAL mode lets both read at once and queues
// writes (busy_timeout 5 s; every write is one short transaction), so
// imports and edits always go through, from either process.
//
// The bleve index can be open in one process only. The rule is: the store
// is shared, the index is held by whichever process last needed it, and it
// catches up from the store.
//
//   - A Library opens the index only when it needs it (a search, Sync or
//     Reindex), never at Open, so `import`, `set`, `show` and `due` never
//     touch it.
//   - To hold the index a process takes an exclusive lock on index.lock
//     (flock; LockFileEx on Windows) and writes its pid and command there.
//     bleve itself is opened with bolt_timeout 1 s as a second guard.
//   - A process that wants the index and finds it held writes index.want
//     and retries for up to Options.IndexWait (3 s). The holder checks for
//     that file every 200 ms and, once its own search or catch-up is done,
//     closes the index and lets go; it opens it again (asking in turn) the
//     next time it searches. So the TUI and a one-off `minutebook search`
//     take turns, each waiting a fraction of a second.
//   - A holder that does not let go in time (an older minutebook, a long
//     reindex) makes the search fail with a *BusyError that names it:
//     "the search index is in use by "minutebook reindex" (process 4242,
//     since 10:02:03) …". Nothing ever waits more than IndexWait.
//   - Whoever holds the index keeps it current: before each search it
//     compares the store's generation with the one recorded in bleve's
//     internal storage and re-indexes the meetings the changes log names
//     (or everything, for a new index), reading the store in one
//     transaction and writing the new generation in the same bleve batch
//     as the documents. `minutebook import` brings the index up to date at
//     the end only when no one else holds it (Sync without asking).
//
// The index is rebuilt from the store, with a notice through
// Options.Logf, when it is missing, cannot be opened (damaged files), was
// built for another MappingVersion or another library, or is further
// behind than the changes log reaches.
//
// # Crashes
//
// Every import is one transaction: a document is wholly in the library or
// not at all, and it is reported imported only after the commit. An edit
// is reported saved only after its commit, which synchronous=FULL makes
// durable. The index can be lost at any moment; it is rebuilt or caught
// up.
package index
