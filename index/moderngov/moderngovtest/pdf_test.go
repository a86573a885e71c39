package moderngovtest

import (
	"context"
	"testing"

	"github.com/minutebook/minutebook/minutes/extract"
)

func TestPDFReads(t *testing.T) {
	data := PDF([]string{"Audit Committee", "Minutes of the meeting held on 10 February 2026", "", "1. Apologies (for absence)", "Apologies were received from Councillor Smith’s office – yes."})
	res, err := extract.Text(context.Background(), "x.pdf", data, extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%q %v", res.Text, res.Warnings)
}
