package minutes

import (
	"errors"
	"strings"
	"testing"
)

func TestParseUserDate(t *testing.T) {
	// Friday 20 May 2022; the base of steps is a due date of 1 June 2022.
	ctx := DateContext{Today: MakeDate(2022, 5, 20), Base: MakeDate(2022, 6, 1), NextMeeting: MakeDate(2022, 6, 14)}
	tests := []struct {
		name, in, want string
		err            string // a part of the error, when one is wanted
	}{
		{name: "ISO", in: "2027-01-31", want: "2027-01-31"},
		{name: "ISO with slashes", in: "2027/1/31", want: "2027-01-31"},
		{name: "UK", in: "31/01/2027", want: "2027-01-31"},
		{name: "UK short", in: "31/1/27", want: "2027-01-31"},
		{name: "UK with dots", in: "31.01.2027", want: "2027-01-31"},
		{name: "UK with dashes", in: "31-01-2027", want: "2027-01-31"},
		{name: "UK without a year, still to come", in: "31/5", want: "2022-05-31"},
		{name: "UK without a year, passed", in: "1/5", want: "2023-05-01"},
		{name: "day month year", in: "31 January 2027", want: "2027-01-31"},
		{name: "ordinal, of, capitals", in: "31st of JANUARY 2027", want: "2027-01-31"},
		{name: "abbreviated month with a dot", in: "1 Feb. 2027", want: "2027-02-01"},
		{name: "sept", in: "3 Sept 2026", want: "2026-09-03"},
		{name: "two-digit year", in: "1 March 27", want: "2027-03-01"},
		{name: "day month, to come", in: "31 Jan", want: "2023-01-31"},
		{name: "day month, today counts", in: "20 May", want: "2022-05-20"},
		{name: "29 February: the next leap year", in: "29 feb", want: "2024-02-29"},
		{name: "month day year", in: "January 31, 2027", want: "2027-01-31"},
		{name: "month day", in: "June 3rd", want: "2022-06-03"},
		{name: "with its weekday", in: "Sunday 31 January 2027", want: "2027-01-31"},
		{name: "today", in: "today", want: "2022-05-20"},
		{name: "Today, spaced", in: "  Today ", want: "2022-05-20"},
		{name: "tomorrow", in: "tomorrow", want: "2022-05-21"},
		{name: "yesterday", in: "yesterday", want: "2022-05-19"},
		{name: "friday on a friday is next week's", in: "friday", want: "2022-05-27"},
		{name: "monday", in: "Mon", want: "2022-05-23"},
		{name: "thurs", in: "thurs", want: "2022-05-26"},
		{name: "days from the base", in: "+7d", want: "2022-06-08"},
		{name: "bare number is days", in: "+7", want: "2022-06-08"},
		{name: "weeks back", in: "-2w", want: "2022-05-18"},
		{name: "months", in: "+3m", want: "2022-09-01"},
		{name: "years", in: "+1y", want: "2023-06-01"},
		{name: "words for the unit", in: "+2 weeks", want: "2022-06-15"},
		{name: "next", in: "next", want: "2022-06-14"},
		{name: "next meeting", in: "Next Meeting", want: "2022-06-14"},

		{name: "empty", in: "", err: "type a date"},
		{name: "no such day", in: "31/02/2027", err: "February has no day 31"},
		{name: "no such month", in: "2027-13-01", err: "no month 13"},
		{name: "wrong weekday", in: "Friday 31 January 2027", err: "is a Sunday, not a Friday"},
		{name: "gibberish lists the forms", in: "soonish", err: "31 January 2027"},
		{name: "a sign alone", in: "+", err: "a step is"},
		{name: "a bad unit", in: "+3q", err: "unit \"q\""},
		{name: "a huge step", in: "+100000d", err: "more than a hundred years"},
		{name: "a huge number", in: "+99999999999999999999d", err: "a step is"},
		{name: "three-digit year", in: "1/1/202", err: "year as 2027 or 27"},
		{name: "year out of range", in: "0001-01-01", err: "out of the years"},
		{name: "US order numbers are not taken as US", in: "01/31/2027", err: "no month 31"},
		{name: "a month alone", in: "June", err: "not a date"},
		{name: "may is a month, mayor is not", in: "3 mayor 2027", err: "not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseUserDate(tt.in, ctx)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseUserDate(%q) = %v, %v; want an error with %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseUserDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseUserDateNextMeeting(t *testing.T) {
	_, err := ParseUserDate("next", DateContext{Today: MakeDate(2022, 5, 20)})
	if !errors.Is(err, ErrNoNextMeeting) {
		t.Fatalf("next with no meeting known: %v, want ErrNoNextMeeting", err)
	}
	for _, s := range []string{"next", " Next meeting ", "next mtg"} {
		if !NeedsNextMeeting(s) {
			t.Errorf("NeedsNextMeeting(%q) = false", s)
		}
	}
	if NeedsNextMeeting("next friday") || NeedsNextMeeting("2022-06-14") {
		t.Error("NeedsNextMeeting is true for a date")
	}
	// Steps from no base count from today.
	if d, err := ParseUserDate("+1d", DateContext{Today: MakeDate(2022, 5, 20)}); err != nil || d != MakeDate(2022, 5, 21) {
		t.Errorf("+1d from today = %v, %v", d, err)
	}
}

func FuzzParseUserDate(f *testing.F) {
	for _, s := range []string{"2027-01-31", "31/1/27", "31 January 2027", "friday", "+7d", "next", "29 feb", "-0w", "1/1/1"} {
		f.Add(s)
	}
	ctx := DateContext{Today: MakeDate(2022, 5, 20), NextMeeting: MakeDate(2022, 6, 14)}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseUserDate(s, ctx)
		if err == nil && (d.IsZero() || d.Year < minYear || d.Year > maxYear) {
			t.Fatalf("ParseUserDate(%q) = %v with no error", s, d)
		}
		if err == nil {
			if _, perr := ParseISODate(d.String()); perr != nil {
				t.Fatalf("ParseUserDate(%q) = %v, not a real date", s, d)
			}
		}
	})
}
