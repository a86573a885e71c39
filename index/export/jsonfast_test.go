package export

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	gotime "time"

	"github.com/minutebook/minutebook/minutes"
)

var awkward = []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "line\nbreak\ttab\r\b\f\x00\x1f", "café — “curly” ‘single’",
	"\u2028\u2029", "bad \xff\xfe utf-8", "emoji 𝄞", "osc-2021-12-14-188-a1", "due at next meeting"}

// fill sets every field of v (a struct, through reflection) at random:
// strings awkward, pointers nil or set, dates zero or set, lists nil,
// empty or full. A field added to RecordJSON is filled too.
func fill(rnd *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(awkward[rnd.IntN(len(awkward))])
	case reflect.Bool:
		v.SetBool(rnd.IntN(2) == 0)
	case reflect.Int, reflect.Int64:
		v.SetInt(rnd.Int64N(1<<40) - 1<<39)
	case reflect.Pointer:
		if rnd.IntN(3) == 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(rnd, v.Elem())
	case reflect.Slice:
		switch rnd.IntN(3) {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), 3, 3))
			for i := range 3 {
				fill(rnd, v.Index(i))
			}
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[minutes.Date]() {
			if rnd.IntN(3) > 0 {
				v.Set(reflect.ValueOf(minutes.Date{Year: 2000 + rnd.IntN(30), Month: gotime.Month(1 + rnd.IntN(12)), Day: 1 + rnd.IntN(28)}))
			}
			return
		}
		for i := range v.NumField() {
			fill(rnd, v.Field(i))
		}
	default:
		panic("fill: a field of kind " + v.Kind().String() + ": teach fill and AppendJSON about it")
	}
}

func TestAppendJSONIsMarshal(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for i := range 3000 {
		var r RecordJSON
		if i > 0 {
			fill(rnd, reflect.ValueOf(&r).Elem())
		}
		want, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("AppendJSON:\n%s\njson.Marshal:\n%s", got, want)
		}
		for _, prefix := range []string{"", "  ", "\t"} {
			want, err := json.MarshalIndent(&r, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			if got := r.AppendIndentedJSON(nil, prefix); string(got) != string(want) {
				t.Fatalf("AppendIndentedJSON(%q):\n%s\njson.MarshalIndent:\n%s", prefix, got, want)
			}
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestAppendDateIsString: a date's JSON is Date.String's, quoted, for
// real dates and for those no minutes hold.
func TestAppendDateIsString(t *testing.T) {
	for _, d := range []minutes.Date{
		{Year: 2021, Month: 12, Day: 14}, {Year: 1, Month: 1, Day: 1}, {Year: 999, Month: 9, Day: 9},
		{Year: 9999, Month: 12, Day: 31}, {Year: 10000, Month: 1, Day: 1}, {Year: -5, Month: 3, Day: 2},
		{Year: 2020, Month: 0, Day: 5}, {Year: 2020, Month: 13, Day: 5}, {Year: 2020, Month: 2, Day: 0},
		{Year: 2020, Month: 2, Day: 99}, {Year: 2020, Month: 2, Day: 100}, {Year: 2020, Month: 2, Day: -1},
		{Year: 0, Month: 1, Day: 1},
	} {
		want, _ := json.Marshal(d.String())
		if got := appendDate(nil, d); string(got) != string(want) {
			t.Errorf("%#v: %s, want %s", d, got, want)
		}
	}
	if got := appendDate(nil, minutes.Date{}); string(got) != "null" {
		t.Errorf("the zero date: %s, want null", got)
	}
}
