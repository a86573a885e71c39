// Package moderngov talks to a council's Modern.gov site: its web service
// (mgWebService.asmx: GetCommittees, GetMeetings, GetMeeting) and the
// documents it links (printed minutes). It knows HTTP and XML and nothing
// of the library: index's sync (index/sync.go) walks a site with a Client
// and imports what it finds.
//
// Vocabulary:
//
//   - site: the address a Modern.gov install lives under (Site); its
//     pages, web service and documents are found from it, and nothing is
//     ever fetched from another host.
//   - answer: one web-service response, decoded into Committee,
//     MeetingRef or Meeting in the shapes a real install gives.
//   - bundle: what the library keeps of one meeting (Bundle): its
//     committee, date, items with their minutes, attendees and, when it
//     has no per-item minutes, its printed-minutes PDF. ParseBundle reads
//     it through the whole minutes parser.
//
// Every answer is untrusted. A Client makes one request at a time, at
// most one per Options.Interval, each bounded in time (Timeout) and size
// (MaxXMLBytes, MaxDocumentBytes: io.LimitReader, and Content-Length
// checked first); retries what may pass (5xx, 429, timeouts, dropped
// connections, answers cut off) a bounded number of times with backoff,
// honouring Retry-After; and refuses redirects to another host. The XML
// decoder refuses any DTD or entity declaration (encoding/xml never
// expands custom entities, but an answer that declares them is an attack
// or an error page, never the web service), undeclared entities, and
// answers that are not the element the request returns. Text from
// answers reaches people only through minutes.Sanitize and the HTML
// reader.
package moderngov
