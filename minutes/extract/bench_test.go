package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
)

func benchFile(b *testing.B, path string, perPage bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	res, err := Text(ctx, path, data, Limits{}) // also starts the PDF engine
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Text(ctx, path, data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	if perPage && res.Pages > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(res.Pages)/1e6, "ms/page")
	}
}

func BenchmarkPDF(b *testing.B)  { benchFile(b, "testdata/wexcombe-osc-2024-03-12.pdf", true) }
func BenchmarkDOCX(b *testing.B) { benchFile(b, "testdata/wexcombe-osc-2024-03-12.docx", false) }
func BenchmarkHTML(b *testing.B) { benchFile(b, "testdata/ashvale-cabinet-2024-06-18.htm", false) }
func BenchmarkText(b *testing.B) { benchFile(b, "testdata/wexcombe-osc-2024-03-12.txt", false) }

// BenchmarkHTMLLarge measures HTML throughput on a 2 MB page.
func BenchmarkHTMLLarge(b *testing.B) {
	page, err := os.ReadFile("testdata/ashvale-cabinet-2024-06-18.htm")
	if err != nil {
		b.Fatal(err)
	}
	i := bytes.Index(page, []byte(`<table class="mgItemTable"`))
	j := bytes.Index(page, []byte(`</table>
<p class="mgContactInfo">`))
	var big bytes.Buffer
	big.Write(page[:i])
	for k := 0; big.Len() < 2<<20; k++ {
		fmt.Fprintf(&big, "%s</table>", page[i:j])
	}
	big.Write(page[j+len("</table>"):])
	data := big.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Text(context.Background(), "big.htm", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
