package index

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/minutebook/minutebook/minutes"
)

const timeFormat = time.RFC3339Nano

const recordCols = `r.id, r.kind, r.part, r.text, r.meeting_id, m.council, m.committee, m.date, i.id, i.number, i.title, i.exempt,
	m.source_name, m.source_hash, r.line, r.owner, r.due, r.due_meeting, r.provisional, r.target,
	t.status, t.owner, t.due, t.updated_at, t.last_note, i.ord, r.ord`

const recordFrom = ` FROM records r JOIN meetings m ON m.id = r.meeting_id JOIN items i ON i.id = r.item_id LEFT JOIN tracking t ON t.record_id = r.id `

// row is a record as read from the store, with what flagging needs to
// know besides.
type row struct {
	Record
	dueOverride bool   // the clerk set the due date
	ckey        string // committeeKey(Committee), once worked out
	itemOrd     int    // the item's place in its meeting
	recOrd      int    // the record's place in its item
}

func (r *row) key() string {
	if r.ckey == "" {
		r.ckey = committeeKey(r.Committee)
	}
	return r.ckey
}

type scanner interface{ Scan(dest ...any) error }

func scanRecord(s scanner) (row, error) {
	var r row
	var date, due, kind string
	var tStatus, tOwner, tDue, tUpdated, tNote sql.NullString
	err := s.Scan(&r.ID, &kind, &r.Part, &r.Text, &r.MeetingID, &r.Council, &r.Committee, &date, &r.ItemID, &r.Minute, &r.ItemTitle, &r.Exempt,
		&r.SourceName, &r.SourceHash, &r.Line, &r.ParsedOwner, &due, &r.DueMeeting, &r.Provisional, &r.Target,
		&tStatus, &tOwner, &tDue, &tUpdated, &tNote, &r.itemOrd, &r.recOrd)
	if err != nil {
		return r, err
	}
	r.Kind = minutes.Kind(kind)
	r.ckey = committeeKey(r.Committee)
	r.MeetingDate = parseDate(date)
	r.ParsedDue = parseDate(due)
	r.Owner, r.Due = r.ParsedOwner, r.ParsedDue
	if r.Kind != minutes.KindResolution {
		r.Status = StatusOpen
	}
	if tStatus.Valid {
		if r.Kind != minutes.KindResolution {
			r.Status = Status(tStatus.String)
		}
		if tOwner.Valid {
			r.Owner = tOwner.String
		}
		if tDue.Valid {
			r.Due, r.dueOverride = parseDate(tDue.String), true
			r.Provisional = false
		}
		r.UpdatedAt, _ = time.Parse(timeFormat, tUpdated.String)
		r.LastNote = tNote.String
	}
	return r, nil
}

func parseDate(s string) minutes.Date {
	if s == "" {
		return minutes.Date{}
	}
	d, err := minutes.ParseISODate(s)
	if err != nil {
		return minutes.Date{}
	}
	return d
}

// loadRecord reads one record, or the tracking of an orphaned one.
func loadRecord(ctx context.Context, q queryer, id string) (row, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, "SELECT "+recordCols+recordFrom+"WHERE r.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return loadOrphan(ctx, q, id)
	}
	return r, err
}

const orphanCols = `t.record_id, t.kind, t.meeting_id, t.committee, t.minute, t.text, t.status, t.owner, t.due, t.updated_at, t.last_note`

func scanOrphan(s scanner) (row, error) {
	var r row
	var kind string
	var owner, due sql.NullString
	var updated string
	if err := s.Scan(&r.ID, &kind, &r.MeetingID, &r.Committee, &r.Minute, &r.Text, &r.Status, &owner, &due, &updated, &r.LastNote); err != nil {
		return r, err
	}
	r.Kind = minutes.Kind(kind)
	r.Owner = owner.String
	if due.Valid {
		r.Due, r.dueOverride = parseDate(due.String), true
	}
	r.UpdatedAt, _ = time.Parse(timeFormat, updated)
	r.Orphaned = true
	return r, nil
}

func loadOrphan(ctx context.Context, q queryer, id string) (row, error) {
	r, err := scanOrphan(q.QueryRowContext(ctx, "SELECT "+orphanCols+" FROM tracking t WHERE t.record_id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("no record has the ID %q: %w; find IDs with `minutebook search` or `minutebook due`", id, ErrNotFound)
	}
	return r, err
}

// Orphans lists tracking whose record no longer exists (a re-parse no
// longer finds it). Such tracking is kept, never dropped.
func (l *Library) Orphans(ctx context.Context) ([]Record, error) {
	rows, err := l.store.reader.QueryContext(ctx, "SELECT "+orphanCols+
		" FROM tracking t WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = t.record_id) ORDER BY t.record_id")
	if err != nil {
		return nil, l.store.wrap("list orphans", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r, err := scanOrphan(rows)
		if err != nil {
			return nil, l.store.wrap("list orphans", err)
		}
		out = append(out, r.Record)
	}
	return out, l.store.wrap("list orphans", rows.Err())
}

// Record returns one record with its tracking history, oldest first, and
// its flag as of today.
func (l *Library) Record(ctx context.Context, id string) (Record, []HistoryEntry, error) {
	id = strings.TrimSpace(id)
	var r row
	var hist []HistoryEntry
	err := l.store.read(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = loadRecord(ctx, tx, id); err != nil {
			return err
		}
		hist, err = history(ctx, tx, r.ID)
		return err
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Record{}, nil, err
		}
		return Record{}, nil, l.store.wrap("read record "+id, err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return Record{}, nil, err
	}
	model.flag(ctx, l, &r, l.today())
	one := []Record{r.Record}
	if err := l.fillSourceURLs(ctx, one); err != nil {
		return Record{}, nil, err
	}
	return one[0], hist, nil
}

func history(ctx context.Context, q queryer, id string) ([]HistoryEntry, error) {
	rows, err := q.QueryContext(ctx, "SELECT at, who, field, old, new FROM history WHERE record_id = ? ORDER BY seq", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var h HistoryEntry
		var at string
		if err := rows.Scan(&at, &h.Who, &h.Field, &h.Old, &h.New); err != nil {
			return nil, err
		}
		h.At, _ = time.Parse(timeFormat, at)
		out = append(out, h)
	}
	return out, rows.Err()
}

// Update changes a record's tracking and returns the record as saved. It
// returns only after the transaction has committed (and, with
// synchronous=FULL, reached the disk). A change that changes nothing
// writes nothing.
func (l *Library) Update(ctx context.Context, id string, c Change) (Record, error) {
	id = strings.TrimSpace(id)
	if c.Status != nil {
		if _, ok := ParseStatus(string(*c.Status)); !ok || *c.Status == "" {
			return Record{}, userErrorf("status %q: want open, in progress, done or dropped", *c.Status)
		}
		s, _ := ParseStatus(string(*c.Status))
		c.Status = &s
	}
	who := c.Who
	if who == "" {
		who = currentUser()
	}
	who = cleanLine(who)
	at := l.now().UTC().Format(timeFormat)
	err := l.store.write(ctx, func(tx *sql.Tx) error {
		r, err := loadRecord(ctx, tx, id)
		if err != nil {
			return err
		}
		if r.Kind == minutes.KindResolution && (c.Status != nil || c.Owner != nil || c.Due != nil) {
			return userErrorf("%s is a resolution: it has no status, owner or due date to change; add a note with --note instead", id)
		}
		var exists bool
		var oldOwner, oldDue sql.NullString
		var status string
		err = tx.QueryRowContext(ctx, "SELECT status, owner, due FROM tracking WHERE record_id = ?", r.ID).Scan(&status, &oldOwner, &oldDue)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			status = string(StatusOpen)
		case err != nil:
			return err
		default:
			exists = true
		}
		type entry struct{ field, old, new string }
		var entries []entry
		newStatus, newOwner, newDue := status, oldOwner, oldDue
		if c.Status != nil && string(*c.Status) != status {
			entries = append(entries, entry{"status", status, string(*c.Status)})
			newStatus = string(*c.Status)
		}
		if c.Owner != nil {
			o := cleanLine(*c.Owner)
			newOwner = sql.NullString{String: o, Valid: o != ""}
			if newOwner != oldOwner {
				eff := func(n sql.NullString) string {
					if n.Valid {
						return n.String
					}
					return r.ParsedOwner
				}
				entries = append(entries, entry{"owner", eff(oldOwner), eff(newOwner)})
			}
		}
		if c.Due != nil {
			newDue = sql.NullString{String: c.Due.String(), Valid: !c.Due.IsZero()}
			if newDue != oldDue {
				eff := func(n sql.NullString) string {
					if n.Valid {
						return n.String
					}
					return r.ParsedDue.String()
				}
				entries = append(entries, entry{"due", eff(oldDue), eff(newDue)})
			}
		}
		note := cleanText(c.Note)
		if note != "" {
			entries = append(entries, entry{"note", "", note})
		}
		if len(entries) == 0 {
			return nil
		}
		if exists {
			q := "UPDATE tracking SET status = ?, owner = ?, due = ?, updated_at = ?"
			args := []any{newStatus, newOwner, newDue, at}
			if note != "" {
				q += ", last_note = ?"
				args = append(args, note)
			}
			if _, err := tx.ExecContext(ctx, q+" WHERE record_id = ?", append(args, r.ID)...); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `INSERT INTO tracking (record_id, status, owner, due, updated_at, last_note,
			kind, meeting_id, committee, minute, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, newStatus, newOwner, newDue, at, note, string(r.Kind), r.MeetingID, r.Committee, r.Minute, r.Text); err != nil {
			return err
		}
		for _, e := range entries {
			if _, err := tx.ExecContext(ctx, "INSERT INTO history (record_id, at, who, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
				r.ID, at, who, e.field, e.old, e.new); err != nil {
				return err
			}
		}
		var touched []string
		if !r.Orphaned {
			touched = append(touched, r.MeetingID)
		}
		_, err = bump(ctx, tx, touched...)
		return err
	})
	if err != nil {
		return Record{}, l.store.wrapUser("save the change to "+id, err)
	}
	r, _, err := l.Record(ctx, id)
	return r, err
}

// LinkReturn confirms (itemID != "") or removes (itemID == "") the link
// from a follow-up to the later item that answers it. Removing a link says
// the follow-up was not returned: neither that item nor any other the
// library now holds is matched to it again, so it stays unreturned until a
// later meeting brings a new candidate (see returns.go). Both are kept as
// tracking: they survive re-imports and re-parses.
func (l *Library) LinkReturn(ctx context.Context, followUpID string, itemID string) error {
	followUpID, itemID = strings.TrimSpace(followUpID), strings.TrimSpace(itemID)
	// What the board shows now, so that removing a link removes that one.
	current, err := l.currentLink(ctx, followUpID)
	if err != nil {
		return err
	}
	// "Not returned" says no item the library holds answers the
	// follow-up: the linked one, and every other the matcher would take in
	// its place (see returns.go).
	var others []string
	if itemID == "" && current != nil {
		if others, err = l.notReturnedItems(ctx, followUpID, current.ItemID); err != nil {
			return err
		}
	}
	at := l.now().UTC().Format(timeFormat)
	who := cleanLine(currentUser())
	err = l.store.write(ctx, func(tx *sql.Tx) error {
		f, err := loadRecord(ctx, tx, followUpID)
		if err != nil {
			return err
		}
		if f.Kind != minutes.KindFollowUp {
			return userErrorf("%s is not a follow-up: only follow-ups come back to committee", followUpID)
		}
		old := ""
		if current != nil {
			old = current.ItemID
		}
		if itemID != "" {
			var date string
			err := tx.QueryRowContext(ctx, "SELECT m.date FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?", itemID).Scan(&date)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("no item has the ID %q: %w; item IDs are a meeting ID and minute, as `minutebook show MEETING` lists them", itemID, ErrNotFound)
			} else if err != nil {
				return err
			}
			if !f.Orphaned && !parseDate(date).After(f.MeetingDate) {
				return userErrorf("item %s is from a meeting on %s, not after the follow-up's meeting on %s", itemID, date, f.MeetingDate)
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM links WHERE followup_id = ? AND confirmed = 1", followUpID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO links (followup_id, item_id, confirmed, at) VALUES (?, ?, 1, ?)", followUpID, itemID, at); err != nil {
				return err
			}
		} else {
			if current == nil {
				return nil
			}
			for _, item := range append([]string{current.ItemID}, others...) {
				if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO links (followup_id, item_id, confirmed, at) VALUES (?, ?, 0, ?)", followUpID, item, at); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO history (record_id, at, who, field, old, new) VALUES (?, ?, ?, 'link', ?, ?)",
			followUpID, at, who, old, itemID); err != nil {
			return err
		}
		var touched []string
		if !f.Orphaned {
			touched = append(touched, f.MeetingID)
		}
		_, err = bump(ctx, tx, touched...)
		return err
	})
	return l.store.wrapUser("save the link of "+followUpID, err)
}

// currentLink is the item a follow-up is linked to now (confirmed or
// matched), ignoring the as-of date; nil when none.
func (l *Library) currentLink(ctx context.Context, id string) (*ItemRef, error) {
	r, err := loadRecord(ctx, l.store.reader, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, err
		}
		return nil, l.store.wrap("read record "+id, err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	return model.returnedTo(ctx, l, &r), nil
}

// Committees lists the committees the library holds meetings of, by name.
func (l *Library) Committees(ctx context.Context) ([]Committee, error) {
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	return append([]Committee{}, model.committees...), nil
}

const meetingSummaryCols = `m.id, m.council, m.committee, m.date, m.source_name, m.sample,
	(SELECT count(*) FROM items i WHERE i.meeting_id = m.id), (SELECT count(*) FROM records r WHERE r.meeting_id = m.id)`

func scanSummary(s scanner) (MeetingSummary, error) {
	var ms MeetingSummary
	var date string
	err := s.Scan(&ms.ID, &ms.Council, &ms.Committee, &date, &ms.SourceName, &ms.Sample, &ms.Items, &ms.Records)
	ms.Date = parseDate(date)
	return ms, err
}

// Meetings lists a committee's meetings ("" for all), newest first.
func (l *Library) Meetings(ctx context.Context, committee string) ([]MeetingSummary, error) {
	q := "SELECT " + meetingSummaryCols + " FROM meetings m"
	var args []any
	if committee != "" {
		names, err := l.committeeNames(ctx, committee)
		if err != nil {
			return nil, err
		}
		q += " WHERE m.committee IN (SELECT value FROM json_each(?))"
		b, _ := json.Marshal(names)
		args = append(args, string(b))
	}
	rows, err := l.store.reader.QueryContext(ctx, q+" ORDER BY m.date DESC, m.committee", args...)
	if err != nil {
		return nil, l.store.wrap("list meetings", err)
	}
	defer rows.Close()
	out := []MeetingSummary{}
	for rows.Next() {
		ms, err := scanSummary(rows)
		if err != nil {
			return nil, l.store.wrap("list meetings", err)
		}
		out = append(out, ms)
	}
	return out, l.store.wrap("list meetings", rows.Err())
}

// Meeting returns one meeting with its items and their records, flagged
// as of today.
func (l *Library) Meeting(ctx context.Context, id string) (*MeetingDetail, error) {
	id = strings.TrimSpace(id)
	d := &MeetingDetail{}
	var recs []row
	err := l.store.read(ctx, func(tx *sql.Tx) error {
		var att, warn, next string
		var err error
		d.MeetingSummary, err = scanSummary(tx.QueryRowContext(ctx, "SELECT "+meetingSummaryCols+" FROM meetings m WHERE m.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no meeting has the ID %q: %w; list meetings with `minutebook search` or in the TUI", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT start_time, end_time, attendance, warnings, next_meeting FROM meetings WHERE id = ?", id).
			Scan(&d.Start, &d.End, &att, &warn, &next); err != nil {
			return err
		}
		_ = json.Unmarshal([]byte(att), &d.Attendance)
		_ = json.Unmarshal([]byte(warn), &d.Warnings)
		d.NextMeeting = parseDate(next)
		rows, err := tx.QueryContext(ctx, "SELECT id, number, title, body, exempt FROM items WHERE meeting_id = ? ORDER BY ord", id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var it ItemDetail
			if err := rows.Scan(&it.ID, &it.Number, &it.Title, &it.Body, &it.Exempt); err != nil {
				rows.Close()
				return err
			}
			d.Items = append(d.Items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, "SELECT "+recordCols+recordFrom+"WHERE r.meeting_id = ? ORDER BY i.ord, r.ord", id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRecord(rows)
			if err != nil {
				return err
			}
			recs = append(recs, r)
		}
		return rows.Err()
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, err
		}
		return nil, l.store.wrap("read meeting "+id, err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	byItem := map[string]int{}
	for i, it := range d.Items {
		byItem[it.ID] = i
	}
	asOf := l.today()
	for i := range recs {
		model.flag(ctx, l, &recs[i], asOf)
		if j, ok := byItem[recs[i].ItemID]; ok {
			d.Items[j].Records = append(d.Items[j].Records, recs[i].Record)
		}
	}
	if d.Warnings == nil {
		d.Warnings = []minutes.Warning{}
	}
	if err := l.fillMeetingURLs(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// NextMeeting returns the committee's first known meeting after the date.
func (l *Library) NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error) {
	model, err := l.model(ctx)
	if err != nil {
		return minutes.Date{}, false, err
	}
	d, ok := model.nextAfter(committeeKey(committee), after)
	return d, ok, nil
}

// committeeNames resolves what a person typed for a committee to the
// stored committee names it means: the exact name (any case), the ID slug
// ("osc"), or a word or phrase in only one committee's name.
func (l *Library) committeeNames(ctx context.Context, typed string) ([]string, error) {
	cs, err := l.Committees(ctx)
	if err != nil {
		return nil, err
	}
	key := committeeKey(typed)
	var exact, slug, part []string
	for _, c := range cs {
		k := committeeKey(c.Name)
		switch {
		case k == key:
			exact = append(exact, c.Name)
		case minutes.CommitteeSlug(c.Name) == strings.ToLower(strings.TrimSpace(typed)):
			slug = append(slug, c.Name)
		case strings.Contains(k, key):
			part = append(part, c.Name)
		}
	}
	for _, names := range [][]string{exact, slug} {
		if len(names) > 0 {
			return names, nil
		}
	}
	if len(part) > 0 {
		keys := map[string]bool{}
		for _, n := range part {
			keys[committeeKey(n)] = true
		}
		if len(keys) == 1 {
			return part, nil
		}
		sort.Strings(part)
		return nil, fmt.Errorf("committee %q matches %d committees (%s): %w; give more of the name", typed, len(keys), strings.Join(part, "; "), ErrNotFound)
	}
	return nil, fmt.Errorf("no committee matches %q: %w; list them with `minutebook search --facets`", typed, ErrNotFound)
}

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}

// cleanLine removes control characters (and so escape sequences) and
// collapses whitespace: for values shown on one line.
func cleanLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// cleanText removes control characters but keeps line breaks: for notes.
func cleanText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, ln := range lines {
		lines[i] = cleanLine(ln)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
