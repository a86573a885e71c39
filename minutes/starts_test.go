package minutes

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestStartAt: each date pattern run only where a match can open finds
// what the pattern finds over the whole text: on every line, on whole
// documents and on edge cases.
func TestStartAt(t *testing.T) {
	texts := append(corpusLines(t), "", "14 December 2021", "x14 December 2021", "_14 Dec 2021", "14 Dec 2021_", "14th day of May 2022",
		"December 14, 2021", "DEC. 14 2021", "ſept 14, 2021", "Xſept 14, 2021", "aDecember 14, 2021", "1/2/2021/3/4/2022", "14.12.21",
		"2021-12-14-2021-12-15", "12™ MAY 2015", "3* February 2020", "on 5 May 2023, 6 June 2023 and 7 July 2023", "May 5 2023May 6 2023",
		"\xff14 May 2023", "14\u00a0May 2023", "K14 May 2023", "may may 5, 2023")
	docs, _ := filepath.Glob("../sample-data/*.txt")
	for _, d := range docs {
		if data, err := os.ReadFile(d); err == nil {
			texts = append(texts, string(data), strings.Join(strings.Fields(string(data)), " "))
		}
	}
	for _, a := range []*startAt{reDayMonthYear, reMonthDayYear, reNumericDate, reISODate} {
		for _, s := range texts {
			got, want := a.FindAllStringSubmatchIndex(s), a.re.FindAllStringSubmatchIndex(s, -1)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: %v, want %v", a.re, firstN(s, 80), got, want)
			}
		}
	}
}
