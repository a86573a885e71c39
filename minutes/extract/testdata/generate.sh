#!/bin/sh
# Regenerates the DOCX, HTML and PDF fixtures from the sources in src/.
# Needs Debian's pandoc, python3 and libreoffice-writer-nogui (not needed
# to run the tests: the outputs are committed). Run from this directory.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Markdown (pandoc's fancy lists keep "(1)" and "a)") → DOCX → PDF.
for md in src/*.md; do
	base=$(basename "$md" .md)
	pandoc -f markdown+fancy_lists -t docx -o "$base.docx" "$md"
	soffice --headless --convert-to pdf --outdir "$tmp" "$base.docx" >/dev/null
	cp "$tmp/$base.pdf" "$base.pdf"
done

# HTML (a minute-number layout table, Word-style lists) → DOCX → PDF.
for h in src/*.html; do
	base=$(basename "$h" .html)
	cp "$h" "$tmp/$base.html"
	(cd "$tmp" && soffice --headless --convert-to 'docx:MS Word 2007 XML' "$base.html" >/dev/null)
	cp "$tmp/$base.docx" "$base.docx"
	soffice --headless --convert-to pdf --outdir "$tmp" "$base.docx" >/dev/null
	cp "$tmp/$base.pdf" "$base.pdf"
done

# The layout twins: twins.py writes each as Word and as Word's web page;
# LibreOffice prints the Word file to PDF. Their text twins (*.txt) are
# written by hand: what each rendering must read as.
python3 src/twins.py "$tmp"
for d in "$tmp"/*.docx; do
	base=$(basename "$d" .docx)
	case "$base" in
	wexcombe-* | marlbridge-*) continue ;;
	esac
	cp "$d" "$base.docx"
	cp "$tmp/$base.htm" "$base.htm"
	soffice --headless --convert-to pdf --outdir "$tmp" "$d" >/dev/null
	cp "$tmp/$base.pdf" "$base.pdf"
done
