package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestShowAndSet(t *testing.T) {
	useFakeParser(t)
	lib := importHarrowLike(t)
	id := "osc-2021-12-14-188-a1"
	out, errOut, code := runLib(t, lib, "set", id, "--status", "done", "--note", "figures sent \x1b]0;pwned\x07 to Members", "--owner", "Chief Inspector")
	if code != 0 {
		t.Fatalf("set: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "Saved "+id) || !strings.Contains(out, "Chief Inspector (the minutes say Borough Commander)") {
		t.Errorf("set output:\n%s", out)
	}
	noControl(t, "set output", out)
	out, _, code = runLib(t, lib, "show", id)
	for _, s := range []string{"Status     done", "History:", "status: open → done", "note: figures sent"} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("show lacks %q:\n%s", s, out)
		}
	}
	noControl(t, "show output", out)

	out, _, _ = runLib(t, lib, "show", id, "--json")
	var rec shownRecord
	if err := json.Unmarshal([]byte(out), &rec); err != nil || rec.Status != "done" || len(rec.History) != 3 || *rec.ParsedOwner != "Borough Commander" {
		t.Errorf("show --json: %v\n%s", err, out)
	}

	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"set", id}, 1, "nothing to change"},
		{[]string{"set", id, "--status", "finished"}, 1, "--status"},
		{[]string{"set", id, "--due", "next tuesday"}, 1, "YYYY-MM-DD"},
		{[]string{"set", "osc-2021-12-14-188-r1", "--status", "done"}, 1, "is a resolution"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--due", "2022-07-12"}, 0, "Due        2022-07-12"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--due", "31/07/2022"}, 0, "Due        2022-07-31"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--due", "12 August 2022"}, 0, "Due        2022-08-12"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--due", "next"}, 1, "knows no next meeting"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--due", "none"}, 0, "2022-06-30*"},
		{[]string{"set", "osc-2021-12-14-188-f1", "--returned-to", "osc-1999-01-01-1"}, 1, "no item"},
		{[]string{"set", "nonsense", "--note", "x"}, 1, "no record"},
		{[]string{"show", "osc-2021-12-14"}, 0, "188  Licensing and Enforcement Update"},
		{[]string{"show", "osc-2021-12-14-188"}, 0, "ACTION"},
		{[]string{"show", "osc-2021-12-14-999"}, 1, "nothing in the library has the ID"},
	} {
		out, errOut, code := runLib(t, lib, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.says) {
			t.Errorf("%v: exit %d, want %d saying %q\n%s%s", tc.args, code, tc.code, tc.says, out, errOut)
		}
	}
}

// show ITEM --json and show MEETING --json print the JSON every other
// command does: lower-case keys, [] for an empty list, never null, and the
// records in the one record shape.
func TestShowJSONShapes(t *testing.T) {
	useFakeParser(t)
	lib := importHarrowLike(t)
	var rec map[string]any
	out, _, _ := runLib(t, lib, "show", "osc-2021-12-14-188-a1", "--json")
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		keys []string // each must be a key of the object (or of its first item / record)
	}{
		{[]string{"show", "osc-2021-12-14-188", "--json"}, []string{"id", "number", "title", "exempt", "body", "records"}},
		{[]string{"show", "osc-2021-12-14", "--json"}, []string{"id", "committee", "committee_key", "date", "attendance", "items", "warnings"}},
	} {
		out, errOut, code := runLib(t, lib, tc.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v\n%s", tc.args, err, out)
		}
		for _, k := range tc.keys {
			if _, ok := v[k]; !ok {
				t.Errorf("%v: no %q key in\n%s", tc.args, k, out)
			}
		}
		if strings.Contains(out, `"ID"`) || strings.Contains(out, "null,\n") && strings.Contains(out, `"Records"`) {
			t.Errorf("%v: Go field names in\n%s", tc.args, out)
		}
		// Every record is in the shape show prints for one record.
		var records []any
		if rs, ok := v["records"].([]any); ok {
			records = rs
		} else if items, ok := v["items"].([]any); ok {
			for _, it := range items {
				if rs, ok := it.(map[string]any)["records"].([]any); ok {
					records = append(records, rs...)
				} else {
					t.Errorf("%v: an item's records are not a list: %v", tc.args, it)
				}
			}
		}
		if len(records) == 0 {
			t.Fatalf("%v: no records in\n%s", tc.args, out)
		}
		for _, r := range records {
			for k := range rec {
				if _, ok := r.(map[string]any)[k]; !ok && k != "history" {
					t.Errorf("%v: a record lacks %q, which show RECORD --json has", tc.args, k)
				}
			}
		}
	}
}
