package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// Import adds one document to the library. It is idempotent: bytes the
// library already holds add nothing (Duplicate). A document whose meeting
// the library already holds (the same meeting ID, from other bytes: a
// corrected version) replaces that meeting's parsed items and records;
// the clerks' tracking, kept by record ID, is never touched. Everything a
// file adds is written in one transaction: after a crash the file is either
// wholly in the library or not at all. A document the parser rejects
// changes nothing, and its error is the parser's, unwrapped, so callers
// print the same message `minutebook parse` would.
func (l *Library) Import(ctx context.Context, name string, data []byte) (ImportResult, error) {
	return l.importDoc(ctx, name, data, ImportOptions{}, false)
}

// ImportWith is Import with the council the minutes are of, when they do
// not name it (see ImportOptions). Bytes the library already holds are
// filed under a council given anew (ImportResult.Refiled), their meeting
// parsed again.
func (l *Library) ImportWith(ctx context.Context, name string, data []byte, opt ImportOptions) (ImportResult, error) {
	return l.importDoc(ctx, name, data, opt, false)
}

// ImportSample is Import for the bundled sample minutes: their meetings are
// marked Sample so the TUI can say so.
func (l *Library) ImportSample(ctx context.Context, name string, data []byte, opt ImportOptions) (ImportResult, error) {
	return l.importDoc(ctx, name, data, opt, true)
}

func (l *Library) importDoc(ctx context.Context, name string, data []byte, opt ImportOptions, sample bool) (ImportResult, error) {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	res := ImportResult{Name: name, Hash: hash}
	given, err := opt.council()
	if err != nil {
		return res, err
	}
	if id, ok, err := l.store.Q().SourceMeeting(ctx, hash); err != nil {
		return res, l.store.Wrap("import", err)
	} else if ok {
		res.Duplicate, res.MeetingID = true, id
		if given.Name != "" && id != "" {
			return l.refile(ctx, res, given)
		}
		return res, nil
	}
	m, err := l.parse(ctx, name, data)
	if err != nil {
		return res, err
	}
	m.Source.Name, m.Source.Hash = name, hash // the reader may have given its URL
	res.CouncilNamed = applyCouncil(m, given)
	res.Council = m.Council
	p, err := prepare(m)
	if err != nil {
		return res, err
	}
	err = l.store.Write(ctx, func(q store.Q) error {
		if id, ok, err := q.SourceMeeting(ctx, hash); err != nil {
			return err
		} else if ok { // another process imported it meanwhile
			res.Duplicate, res.MeetingID = true, id
			return nil
		}
		if err := q.PutSource(ctx, hash, name, data, l.now().UTC().Format(store.TimeFormat), sample, given); err != nil {
			return err
		}
		replaced, touched, err := putMeeting(ctx, q, p, sample)
		if err != nil {
			return err
		}
		res.Replaced, res.MeetingID = replaced, p.id
		_, err = q.Bump(ctx, touched...)
		return err
	})
	if err != nil {
		var ce *store.CollisionError
		if errors.As(err, &ce) {
			return ImportResult{Name: name, Hash: hash}, ce
		}
		return ImportResult{Name: name, Hash: hash}, l.store.Wrap("import", err)
	}
	if !res.Duplicate {
		res.Meetings, res.Items, res.Records = 1, len(m.Items), p.records
		res.Warnings = m.Warnings
	}
	return res, nil
}

// parse runs the parser, turning a panic (a parser bug) into an error.
func (l *Library) parse(ctx context.Context, name string, data []byte) (m *minutes.Meeting, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("the parser failed on this document (%v); this is a bug in minutebook: please report it with the file", r)
		}
	}()
	m, err = l.opt.Parse(ctx, name, data)
	if err == nil && m == nil {
		err = errors.New("the parser returned no meeting; this is a bug in minutebook: please report it with the file")
	}
	return m, err
}

// prepared is a parsed meeting checked and ready to store.
type prepared struct {
	m       *minutes.Meeting
	id      string
	key     string // the committee's key, the prefix of the IDs (see committee.go)
	itemIDs []string
	records int
	hash    string // fingerprint of the parse, to skip unchanged re-parses
	// adopted are the meetings of a committee whose council was not
	// known until this meeting named it (their search documents change).
	adopted []string
}

// prepare checks what the parser gave: every record has an ID, no ID is
// used twice.
func prepare(m *minutes.Meeting) (*prepared, error) {
	p := &prepared{m: m, id: m.ID(), key: minutes.CommitteeSlug(m.Committee), itemIDs: itemIDs(m)}
	seen := map[string]bool{}
	for i := range m.Items {
		if seen[p.itemIDs[i]] {
			return nil, fmt.Errorf("the parser gave two items the ID %s; this is a bug in minutebook: please report it with the file", p.itemIDs[i])
		}
		seen[p.itemIDs[i]] = true
		for _, r := range m.Items[i].Records() {
			if r.ID == "" || seen[r.ID] {
				return nil, fmt.Errorf("the parser gave a record of item %q the ID %q twice or not at all; this is a bug in minutebook: please report it with the file", m.Items[i].Number, r.ID)
			}
			seen[r.ID] = true
			p.records++
		}
	}
	b, err := json.Marshal((*plainMeeting)(m))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	p.hash = hex.EncodeToString(sum[:])
	return p, nil
}

// plainMeeting is a Meeting without its MarshalJSON: every field, for
// fingerprints.
type plainMeeting minutes.Meeting

// itemIDs gives each item its ID, suffixed the way the parser suffixes
// record IDs when a minute number is printed twice.
func itemIDs(m *minutes.Meeting) []string {
	ids := make([]string, len(m.Items))
	seen := map[string]int{}
	for i := range m.Items {
		base := m.ItemID(i)
		ids[i] = base
		if n := seen[base]; n > 0 {
			ids[i] = base + "-" + strconv.Itoa(n+1)
		}
		seen[base]++
	}
	return ids
}

// putMeeting keys p (keyMeeting, registering a new committee), matches it
// against what the store holds of the meeting (reconcile: records keep
// their IDs by meaning, the clerks' corrections apply again) and stores
// it, in the write transaction q.
func putMeeting(ctx context.Context, q store.Q, p *prepared, sample bool) (bool, []string, error) {
	if err := keyMeeting(ctx, q, p, true); err != nil {
		return false, nil, err
	}
	rec, err := reconcile(ctx, q, p)
	if err != nil {
		return false, nil, err
	}
	replaced, touched, err := q.PutMeeting(ctx, store.NewMeeting{M: p.m, ID: p.id, Key: p.key, ItemIDs: p.itemIDs, ParsedHash: p.hash,
		Sample: sample, Marks: rec.marks})
	if err != nil {
		return false, nil, err
	}
	return replaced, append(touched, p.adopted...), q.MoveCorrections(ctx, rec.place)
}

// keyMeeting gives p its committee's key: the key the meeting already has
// when the library holds it, otherwise the one placeCommittee gives (and,
// with register set, records, the committee adopting the council the
// meeting names when its council was not known).
func keyMeeting(ctx context.Context, q store.Q, p *prepared, register bool) error {
	key, same, err := q.KeyOfMeeting(ctx, p.m.ID(), p.m.Council)
	if err != nil {
		return err
	}
	if !same {
		if key, err = q.PlaceCommittee(ctx, p.m.Council, p.m.Committee, register); err != nil {
			return err
		}
	}
	if register {
		if p.adopted, err = q.AdoptCommittee(ctx, key, p.m.Council); err != nil {
			return err
		}
	}
	p.rekey(key)
	return nil
}

// ReparseResult says what Reparse did.
type ReparseResult struct {
	Sources   int              // documents parsed again
	Changed   int              // meetings whose parse changed
	Unchanged int              // meetings whose parse did not
	Failed    []ReparseFailure // documents the parser now rejects (their meetings are kept as they were)
	Orphans   []Record         // tracking whose record no parse gives any more (kept, never dropped)
	// Kept are the records clerks corrected that the parse no longer
	// gives: kept as the clerks left them (origin OriginKept).
	Kept []Record
}

// ReparseFailure is a stored document the current parser rejects.
type ReparseFailure struct {
	Name, Hash, MeetingID string
	Err                   error
}

// Reparse parses every stored document that backs a meeting again with
// the current parser and stores what changed, one document per
// transaction. Each new parse is matched to the stored one by meaning
// (reconcile.go): records keep their IDs, and with them their tracking,
// and the clerks' corrections apply again. Tracking whose record no
// longer exists is kept and listed in Orphans; records clerks corrected
// that the parse no longer gives are kept as they left them, in Kept.
func (l *Library) Reparse(ctx context.Context) (ReparseResult, error) {
	var res ReparseResult
	srcs, err := l.store.Q().MeetingSources(ctx)
	if err != nil {
		return res, l.store.Wrap("reparse", err)
	}
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		res.Sources++
		out, err := l.reparseSource(ctx, s, false)
		switch {
		case err != nil:
			return res, err
		case out.failed != nil:
			res.Failed = append(res.Failed, ReparseFailure{s.Name, s.Hash, s.MeetingID, out.failed})
		case out.changed:
			res.Changed++
		default:
			res.Unchanged++
		}
	}
	if res.Orphans, err = l.Orphans(ctx); err != nil {
		return res, err
	}
	res.Kept, err = l.Kept(ctx)
	return res, err
}

// reparsed is what reparseSource did with one document: changed its
// meeting, or failed (the parser now rejects it; its meeting is kept).
type reparsed struct {
	changed bool
	id      string // the meeting's ID after
	failed  error
	// council is the council the meeting is filed under; named the one
	// its minutes name when that is another (applyCouncil).
	council, named string
}

// reparseSource parses one stored document again, under the council it
// was imported with, and stores its meeting when the parse changed, in
// one transaction. The error is the library's; the document's is failed.
// With refile set, s.Council is new: it is kept with the document in the
// same transaction, and a parse that would give the meeting another ID
// while clerks have tracked or corrected its records fails instead.
func (l *Library) reparseSource(ctx context.Context, s store.StoredSource, refile bool) (reparsed, error) {
	data, sample, err := l.store.Q().SourceData(ctx, s.Hash)
	if err != nil {
		return reparsed{}, l.store.Wrap("reparse", err)
	}
	m, err := l.parse(ctx, s.Name, data)
	if err != nil {
		return reparsed{failed: err}, nil
	}
	m.Source.Name, m.Source.Hash = s.Name, s.Hash
	out := reparsed{named: applyCouncil(m, s.Council), council: m.Council}
	p, err := prepare(m)
	if err != nil {
		return reparsed{failed: err}, nil
	}
	if err := keyMeeting(ctx, l.store.Q(), p, false); err != nil {
		return reparsed{}, l.store.Wrap("reparse "+s.Name, err)
	}
	out.id = p.id
	if p.id == s.MeetingID && p.hash == s.ParsedHash && !refile {
		return out, nil
	}
	if refile && p.id != s.MeetingID {
		if work, err := l.store.Q().ClerksWork(ctx, s.MeetingID); err != nil {
			return reparsed{}, l.store.Wrap("reparse "+s.Name, err)
		} else if work {
			return reparsed{failed: fmt.Errorf("under %s the meeting %s would become %s, and clerks have tracked or corrected its records, which keep their IDs: it stays as it was",
				p.m.Council, s.MeetingID, p.id)}, nil
		}
	}
	err = l.store.Write(ctx, func(q store.Q) error {
		// Another process may have replaced the meeting meanwhile.
		cur, err := q.MeetingSourceHash(ctx, s.MeetingID)
		if errors.Is(err, ErrNotFound) || err == nil && cur != s.Hash {
			return nil
		} else if err != nil {
			return err
		}
		if refile {
			if err := q.SetSourceCouncil(ctx, s.Hash, s.Council); err != nil {
				return err
			}
			if p.id == s.MeetingID && p.hash == s.ParsedHash {
				return nil // the same parse: the minutes name the council given
			}
		}
		_, touched, err := putMeeting(ctx, q, p, sample)
		if err != nil {
			return err
		}
		out.changed = true
		_, err = q.Bump(ctx, touched...)
		return err
	})
	var ce *store.CollisionError
	switch {
	case errors.As(err, &ce):
		return reparsed{failed: ce}, nil
	case err != nil:
		return reparsed{}, l.store.Wrap("reparse "+s.Name, err)
	}
	return out, nil
}

// rekey gives a prepared meeting the committee key key in place of the one
// its IDs have (at first the parser's: its committee's initials), so that
// the meeting's, items' and records' IDs start with the key.
func (p *prepared) rekey(key string) {
	old := p.key
	p.key = key
	if key == old {
		return
	}
	swap := func(id string) string {
		if rest, ok := strings.CutPrefix(id, old+"-"); ok {
			return key + "-" + rest
		}
		return id
	}
	p.id = swap(p.id)
	for i := range p.itemIDs {
		p.itemIDs[i] = swap(p.itemIDs[i])
	}
	for i := range p.m.Items {
		it := &p.m.Items[i]
		for _, list := range [][]minutes.Record{it.Resolutions, it.Actions, it.FollowUps} {
			for j := range list {
				list[j].ID = swap(list[j].ID)
			}
		}
	}
}
