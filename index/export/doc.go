// Package export turns the library's records into the documents clerks hand
// on: the committee's action log (XLSX, CSV, JSON, Markdown), the tracker
// for the next agenda pack (Markdown, printable HTML) and a calendar of what
// is due back to committee (iCalendar).
//
// Everything here is a pure function of index types: the Load functions
// read what they need through index.API, and the writers only format. No
// terminal, no bleve, no clock: callers pass the as-of date and, for the
// calendar, the time stamp.
//
// Vocabulary:
//
//   - an *action log* is one row per action or follow-up, in the columns UK
//     councils' trackers use (reference, meeting, minute, action, officer,
//     due date, RAG, latest update, returned item);
//   - *RAG* is the red/amber/green status a clerk colours a row with; the
//     rule is defined once, in RAG;
//   - an *agenda tracker* is the "Action and recommendation tracker" or
//     "Matters arising" item of a committee's agenda pack: what is due at a
//     meeting, what slipped, what is overdue, what came back or was done
//     since the committee last met;
//   - an *exempt* record comes from an item taken with the press and public
//     excluded (Local Government Act 1972, Schedule 12A). Exports leave
//     exempt records out unless asked to include them, and then mark each
//     one "EXEMPT".
package export
