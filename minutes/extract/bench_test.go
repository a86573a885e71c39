package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"
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

// BenchmarkLayout measures laying out a PDF's pages (lines, tables) from
// their characters, without PDFium: the characters are read once.
func BenchmarkLayout(b *testing.B) {
	var pages [][]glyph
	for _, path := range []string{"testdata/wexcombe-osc-2024-03-12.pdf", "testdata/brackenmoor-amenities-2024-04-09.pdf"} {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, readGlyphs(b, data)...)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, gs := range pages {
			layoutPage(gs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages))/1e6, "ms/page")
}

// readGlyphs returns each page's characters, read with the builtin engine.
func readGlyphs(tb testing.TB, data []byte) [][]glyph {
	ctx := context.Background()
	e, err := getEngine(ctx, DefaultLimits())
	if err != nil {
		tb.Fatal(err)
	}
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		tb.Fatal(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		tb.Fatal(err)
	}
	var pages [][]glyph
	for i := 0; i < pc.PageCount; i++ {
		gs, err := pageGlyphs(ctx, inst, doc.Document, i)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, gs)
	}
	return pages
}
