package export

import (
	"strconv"
	"unicode/utf8"

	"github.com/minutebook/minutebook/minutes"
)

// AppendJSON appends r as json.Marshal writes it (compact, the same
// bytes), without reflection: a due list writes thousands of records,
// and encoding/json spent most of its time there looking up fields and
// calling the dates' and statuses' MarshalJSON. TestAppendJSONIsMarshal
// holds it to json.Marshal, field by field: a field added to RecordJSON
// and not here fails it.
func (r *RecordJSON) AppendJSON(b []byte) []byte { return r.appendJSON(b, false, "") }

// AppendIndentedJSON appends r as json.MarshalIndent(r, prefix, "  ")
// writes it (its first line not prefixed: the caller has placed it).
func (r *RecordJSON) AppendIndentedJSON(b []byte, prefix string) []byte {
	return r.appendJSON(b, true, prefix)
}

func (r *RecordJSON) appendJSON(b []byte, indented bool, prefix string) []byte {
	o := jsonObject{b: b, indented: indented, prefix: prefix}
	o.key("id")
	o.b = appendJSONString(o.b, r.ID)
	o.key("kind")
	o.b = appendJSONString(o.b, string(r.Kind))
	o.key("part")
	o.b = appendNullable(o.b, r.Part)
	o.key("council")
	o.b = appendNullable(o.b, r.Council)
	o.key("committee")
	o.b = appendJSONString(o.b, r.Committee)
	o.key("meeting_id")
	o.b = appendJSONString(o.b, r.MeetingID)
	o.key("meeting_date")
	o.b = appendDate(o.b, r.MeetingDate)
	o.key("minute")
	o.b = appendJSONString(o.b, r.Minute)
	o.key("item_title")
	o.b = appendJSONString(o.b, r.ItemTitle)
	o.key("text")
	o.b = appendJSONString(o.b, r.Text)
	o.key("owner")
	o.b = appendNullable(o.b, r.Owner)
	o.key("due")
	o.b = appendDate(o.b, r.Due)
	o.key("due_meeting")
	o.b = appendNullable(o.b, r.DueMeeting)
	o.key("provisional")
	o.b = strconv.AppendBool(o.b, r.Provisional)
	o.key("status")
	o.b = appendNullString(o.b, string(r.Status))
	o.key("flag")
	o.b = appendNullString(o.b, string(r.Flag))
	o.key("rag")
	o.b = appendNullString(o.b, string(r.RAG))
	o.key("latest_update")
	o.b = appendNullable(o.b, r.Update)
	o.key("latest_update_date")
	o.b = appendDate(o.b, r.UpdateDate)
	o.key("returned_to")
	if t := r.ReturnedTo; t == nil {
		o.b = append(o.b, "null"...)
	} else {
		in := jsonObject{b: o.b, indented: indented, prefix: prefix + "  "}
		in.key("item_id")
		in.b = appendJSONString(in.b, t.ItemID)
		in.key("meeting_id")
		in.b = appendJSONString(in.b, t.MeetingID)
		in.key("meeting_date")
		in.b = appendDate(in.b, t.MeetingDate)
		in.key("committee")
		in.b = appendJSONString(in.b, t.Committee)
		in.key("minute")
		in.b = appendJSONString(in.b, t.Minute)
		in.key("title")
		in.b = appendJSONString(in.b, t.Title)
		in.key("confirmed")
		in.b = strconv.AppendBool(in.b, t.Confirmed)
		in.key("matched_words")
		switch {
		case t.Matched == nil:
			in.b = append(in.b, "null"...)
		case len(t.Matched) == 0:
			in.b = append(in.b, "[]"...)
		default:
			in.b = append(in.b, '[')
			for i, w := range t.Matched {
				if i > 0 {
					in.b = append(in.b, ',')
				}
				in.b = in.newline(in.b, "    ")
				in.b = appendJSONString(in.b, w)
			}
			in.b = in.newline(in.b, "  ")
			in.b = append(in.b, ']')
		}
		o.b = in.end()
	}
	o.key("exempt")
	o.b = strconv.AppendBool(o.b, r.Exempt)
	o.key("source")
	o.b = appendNullable(o.b, r.Source)
	o.key("source_url")
	o.b = appendNullable(o.b, r.SourceURL)
	o.key("committee_key")
	o.b = appendJSONString(o.b, r.Key)
	o.key("item_id")
	o.b = appendJSONString(o.b, r.ItemID)
	o.key("flag_label")
	o.b = appendNullString(o.b, string(r.FlagLabel))
	o.key("parsed_owner")
	o.b = appendNullable(o.b, r.ParsedOwner)
	o.key("parsed_due")
	o.b = appendDate(o.b, r.ParsedDue)
	o.key("line")
	o.b = strconv.AppendInt(o.b, int64(r.Line), 10)
	o.key("orphaned")
	o.b = strconv.AppendBool(o.b, r.Orphaned)
	o.key("confidence")
	o.b = appendNullString(o.b, string(r.Confidence))
	o.key("why")
	o.b = appendNullString(o.b, string(r.Why))
	o.key("review")
	o.b = strconv.AppendBool(o.b, r.Review)
	o.key("rejected")
	o.b = strconv.AppendBool(o.b, r.Rejected)
	o.key("origin")
	o.b = appendJSONString(o.b, r.Origin)
	o.key("corrected")
	o.b = strconv.AppendBool(o.b, r.Corrected)
	o.key("version")
	o.b = strconv.AppendInt(o.b, r.Version, 10)
	return o.end()
}

// jsonObject writes an object's members, compact, or indented as
// json.MarshalIndent(v, prefix, "  ") does at the object's depth.
type jsonObject struct {
	b        []byte
	indented bool
	prefix   string // the indentation of the object's own line
	n        int    // members written
}

// key starts the member named k (plain ASCII: no escaping).
func (o *jsonObject) key(k string) {
	if o.n == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.n++
	o.b = o.newline(o.b, "  ")
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
	if o.indented {
		o.b = append(o.b, ' ')
	}
}

// newline starts a line indented past the object's own by more, when
// indented.
func (o *jsonObject) newline(b []byte, more string) []byte {
	if !o.indented {
		return b
	}
	b = append(b, '\n')
	b = append(b, o.prefix...)
	return append(b, more...)
}

// end closes the object.
func (o *jsonObject) end() []byte {
	if o.n == 0 {
		return append(o.b, '{', '}')
	}
	o.b = o.newline(o.b, "")
	return append(o.b, '}')
}

// appendDate appends d as minutes.Date marshals it: null, or its ISO
// form.
func appendDate(b []byte, d minutes.Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99 {
		return appendJSONString(b, d.String()) // what no real date is: as Date.String writes it
	}
	// "YYYY-MM-DD", as Date.String writes it, without fmt: a board's
	// JSON has three dates a record.
	y, m := d.Year, int(d.Month)
	return append(b, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10), '"')
}

// appendNullable appends *s, or null.
func appendNullable(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

// appendNullString appends s, or null when it is "" (NullString,
// minutes.Status, minutes.Flag).
func appendNullString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

// appendJSONString appends s quoted as encoding/json quotes it: HTML's
// <, > and & escaped, control characters as \n, \t … or \u00XX, invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
