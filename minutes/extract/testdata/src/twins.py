#!/usr/bin/env python3
"""Writes the Word and HTML renderings of the layout twins.

Each twin is one invented meeting (fictional councils and people) laid out
the way council templates lay minutes out when they break text extraction:
action logs whose cells wrap and are centred vertically, label cells
("Present:") centred beside several lines of names, two-column name grids,
justified paragraphs, several paragraphs in one table cell, Symbol-font
bullets in Word and "·" bullets in HTML saved from Word. The text twin
(../<name>.txt) says what each rendering must read as.

Usage: twins.py OUTDIR   (writes OUTDIR/<name>.docx and OUTDIR/<name>.htm)
Standard library only; generate.sh turns the .docx files into PDFs.
"""

import html
import os
import sys
import zipfile

# A document is a list of blocks:
#   P(text, bold=False, jc=None, size=None)   a paragraph
#   Bullets(items, kind)                      a list; kind "symbol" (Word's
#                                             Symbol-font bullet, U+F0B7) or
#                                             "pasted" (a literal "·" and a
#                                             tab, as text pasted from a page)
#   Table(rows, widths, valign, borders, header)
# A table cell is a block, a string (one paragraph) or a list of either.


class P:
    def __init__(self, text, bold=False, jc=None, size=None):
        self.text, self.bold, self.jc, self.size = text, bold, jc, size


class Bullets:
    def __init__(self, items, kind="symbol", jc=None):
        self.items, self.kind, self.jc = items, kind, jc


class Table:
    def __init__(self, rows, widths, valign="center", borders=True, header=False):
        self.rows, self.widths, self.valign = rows, widths, valign
        self.borders, self.header = borders, header


def cell_blocks(c):
    """A cell as a list of blocks: a string is one paragraph (none if
    empty), a list may hold strings for paragraphs."""
    if isinstance(c, str):
        return [P(c)] if c else []
    if isinstance(c, (P, Bullets, Table)):
        return [c]
    return [P(b) if isinstance(b, str) else b for b in c]


J = "both"  # justified

# ---------------------------------------------------------------------------
# Twin 1: a town council committee. Label cells centred beside several
# names (B27), justified paragraphs (B28), an action log whose cells wrap
# and are centred vertically (B26).

BRACKENMOOR = [
    P("BRACKENMOOR TOWN COUNCIL", bold=True, size=28),
    P("AMENITIES AND ENVIRONMENT COMMITTEE", bold=True, size=24),
    P("Minutes of the meeting of the Amenities and Environment Committee held in the "
      "Assembly Room, Brackenmoor Town Hall on Tuesday 9 April 2024 at 7.00 pm."),
    Table([
        [P("Present:", bold=True), ["Councillor Wilfred Ashdown (Chair)", "Councillor Perpetua Lyle",
                                    "Councillor Osman Reddy", "Councillor Gwyneth Tarrant"]],
        [P("In attendance:", bold=True), ["Mrs Keziah Orme (Town Clerk)", "Mr Dario Fenn (Amenities Officer)"]],
        [P("Apologies:", bold=True), ["Councillor Hamish Quarry"]],
    ], widths=[2600, 6400], borders=False),
    P("AE/24/31  Apologies for absence", bold=True),
    P("Apologies were received from Councillor Hamish Quarry, who was on holiday.", jc=J),
    P("AE/24/32  Declarations of interest", bold=True),
    P("There were no declarations of interest.", jc=J),
    P("AE/24/33  Minutes of the previous meeting", bold=True),
    P("RESOLVED: That the minutes of the meeting held on 12 March 2024 be approved as a correct "
      "record and signed by the Chair.", jc=J),
    P("AE/24/34  Allotments", bold=True),
    P("The Amenities Officer reported that all forty-two plots at Furze Lane were let and that the "
      "waiting list stood at nineteen households. Members discussed the condition of the water "
      "troughs, two of which leaked badly during the winter, and the cost of replacing them before "
      "the growing season.", jc=J),
    P("RESOLVED: That the replacement of the two water troughs at Furze Lane be approved at a cost "
      "not exceeding £850, to be met from the allotments reserve.", jc=J),
    P("AE/24/35  Telecommunications mast, Quarry Road", bold=True),
    P("RESOLVED: That notwithstanding representations, telecommunications infrastructure "
      "improvements remain desirable, and the Town Clerk respond accordingly.", jc=J),
    P("AE/24/36  Action log", bold=True),
    P("The Committee reviewed the action log.", jc=J),
    Table([
        ["Ref", "Minute", "Action", "Owner", "Due", "Status"],
        ["A1", "AE/24/12", "Obtain three quotations for repairing the roof and the side panels of the Mill Lane bus shelter",
         "Town Clerk", "30 April 2024", "Open"],
        ["A2", "AE/24/12", "Write to the highways authority about the damaged bollards outside the library",
         "Town Clerk", "19 April 2024", "Two replies received"],
        ["A3", "AE/24/19", "Arrange a site meeting with the tree warden to inspect the lime avenue in Church Walk",
         "Amenities Officer", "31 May 2024", "Open"],
        ["A4", "AE/24/19", "Report on the cost of extending the cemetery, with options for the eastern field",
         "Amenities Officer", "11 June 2024", "Not started"],
        ["A5", "AE/24/27", "Publish the revised allotment rules on the noticeboards and the website",
         "Cllr Lyle", "30 April 2024", "Open"],
    ], widths=[650, 1050, 3250, 1550, 1300, 1300], header=True),
    P("RESOLVED: That the action log be noted and action A5 be carried forward.", jc=J),
    P("AE/24/37  Date of next meeting", bold=True),
    P("The next meeting will be held on Tuesday 11 June 2024 at 7.00 pm.", jc=J),
    P("The meeting closed at 8.40 pm."),
    P("Chair"),
]

# ---------------------------------------------------------------------------
# Twin 2: a health and wellbeing board. An attendance table of label, name
# and role with continuation rows (B3), several paragraphs in one cell
# (B29), Symbol-font bullets in Word and "·" bullets in HTML (B29), minutes
# in a number | text table with the number centred (B26).

KELDERBY = [
    P("KELDERBY DISTRICT COUNCIL", bold=True, size=28),
    P("HEALTH AND WELLBEING BOARD", bold=True, size=24),
    P("Minutes of the meeting held at Kelderby Civic Centre on Thursday 14 March 2024 at 2.00 pm."),
    Table([
        [P("Chair:", bold=True), "Councillor Ivo Penn", "Cabinet Member for Adult Care"],
        [P("Board members:", bold=True), "Councillor Mara Lusk", "Cabinet Member for Children"],
        ["", "Councillor Tobias Reade", "Opposition Group"],
        ["", "Bronwen Astley", "Healthwatch Kelderby"],
        [P("In attendance:", bold=True), "Dr Lea Munro", "Director of Public Health"],
        ["", "Anselm Greaves", "Democratic Services Officer"],
        [P("Apologies:", bold=True), "Councillor Ann Vell", ""],
    ], widths=[2300, 3300, 3400], borders=False),
    Table([
        [P("HWB/24/12", bold=True), [
            P("Declarations of Interest", bold=True),
            P("Bronwen Astley declared an interest in item HWB/24/14 as a trustee of the Kelderby Carers Centre."),
        ]],
        [P("HWB/24/13", bold=True), [
            P("Minutes", bold=True),
            P("RESOLVED: That the minutes of the meeting held on 18 January 2024 be approved."),
        ]],
        [P("HWB/24/14", bold=True), [
            P("Carers Strategy 2024-2027", bold=True),
            P("The Director of Public Health presented the draft strategy. The Board noted that:"),
            Bullets(["around 11,000 residents provide unpaid care;",
                     "one carer in three had not had a break in the past year;",
                     "young carers are identified late, often through their schools."]),
            P("RESOLVED:"),
            P("(1) That the Carers Strategy 2024-2027 be endorsed."),
            P("(2) That the Director of Public Health report progress to the Board in September 2024."),
            P("ACTION: Democratic Services Officer to add the strategy to the Board’s work programme."),
        ]],
        [P("HWB/24/15", bold=True), [
            P("Winter Pressures Review", bold=True),
            P("Members heard that the following had eased pressure on the hospital over the winter:"),
            Bullets(["the discharge to assess beds at Orchard House;",
                     "the extended hours of the community response team;",
                     "the falls pick-up service run with the ambulance trust."], kind="pasted"),
            P("RESOLVED: That the review be noted and a joint letter of thanks be sent to the partners."),
        ]],
    ], widths=[1500, 7500], borders=False),
    P("The meeting ended at 3.35 pm."),
]

# ---------------------------------------------------------------------------
# Twin 3: a parish council. A two-column grid of names under a label
# (B27), minutes in a number | minute | action-by table whose number and
# action cells are centred beside several lines (B26, owner column),
# justified text (B28).

ASHBY = [
    P("ASHBY THORNE PARISH COUNCIL", bold=True, size=28),
    P("Minutes of the Parish Council meeting held in the Village Hall on Tuesday 7 May 2024 at 7.30 pm."),
    P("Councillors present:", bold=True),
    Table([
        ["Cllr Jocelyn Amis (Chair)", "Cllr Sunniva Lark"],
        ["Cllr Benedict Ode", "Cllr Tamsin Rowe"],
        ["Cllr Ferdinand Yates", "Cllr Lorna Quigley"],
    ], widths=[4500, 4500], borders=False),
    P("Also present: Mrs Harriet Vane (Clerk and RFO) and three members of the public."),
    Table([
        [P("No.", bold=True), P("Minute", bold=True), P("Action by", bold=True)],
        ["24/41", [P("Apologies", bold=True), P("Apologies were received from Cllr Digby Marsh.", jc=J)], ""],
        ["24/42", [P("Declarations of interest", bold=True),
                   P("Cllr Ode declared an interest in item 24/45 as a neighbour of the applicant.", jc=J)], ""],
        ["24/43", [P("Playing field", bold=True),
                   P("The Chair reported that the safety inspection of the play equipment had found the "
                     "zip wire seat worn and the fence by the pond in need of repair. It was proposed by "
                     "Cllr Lark, seconded by Cllr Yates and agreed that the zip wire seat be replaced.", jc=J),
                   P("Clerk to order a replacement seat and to obtain a quotation for the fence.", jc=J)],
         ["Clerk", "31 May 2024"]],
        ["24/44", [P("Highways", bold=True),
                   P("Members reported potholes in Back Lane and a blocked gully opposite the church. "
                     "Cllr Rowe will report both to the highways authority and ask for a date for the "
                     "repair.", jc=J)],
         ["TR"]],
        ["24/45", [P("Planning", bold=True),
                   P("24/00318/FUL, Rose Cottage, Main Street: single-storey rear extension. The Council "
                     "resolved to make no objection.", jc=J)], ""],
        ["24/46", [P("Finance", bold=True),
                   P("The payments listed in the schedule, totalling £1,482.60, were approved.", jc=J)], ""],
    ], widths=[900, 6600, 1500], header=True),
    P("The next meeting will be held on Tuesday 4 June 2024 at 7.30 pm. The meeting closed at 9.05 pm.", jc=J),
]

TWINS = {
    "brackenmoor-amenities-2024-04-09": BRACKENMOOR,
    "kelderby-hwb-2024-03-14": KELDERBY,
    "ashby-thorne-pc-2024-05-07": ASHBY,
}

# ---------------------------------------------------------------------------
# Word

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def x(s):
    return html.escape(s, quote=True)


def w_run(text, bold=False, size=None, font=None):
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if bold:
        rpr += "<w:b/>"
    if size:
        rpr += f'<w:sz w:val="{size}"/>'
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    parts = text.split("\t")
    out = []
    for i, part in enumerate(parts):
        if i:
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        if part:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{x(part)}</w:t></w:r>')
    return "".join(out)


def w_para(p, extra_ppr=""):
    ppr = extra_ppr
    if p.jc:
        ppr += f'<w:jc w:val="{p.jc}"/>'
    ppr += '<w:spacing w:after="120"/>'
    # "AE/24/31  Heading": a minute number, a tab, the heading.
    text = p.text.replace("  ", "\t", 1) if p.bold and "  " in p.text else p.text
    return f"<w:p><w:pPr>{ppr}</w:pPr>{w_run(text, p.bold, p.size)}</w:p>"


def w_blocks(blocks):
    out = []
    for b in blocks:
        if isinstance(b, P):
            out.append(w_para(b))
        elif isinstance(b, Bullets):
            for item in b.items:
                jc = f'<w:jc w:val="{b.jc}"/>' if b.jc else ""
                if b.kind == "symbol":
                    out.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                               f'<w:ind w:left="720" w:hanging="360"/>{jc}</w:pPr>{w_run(item)}</w:p>')
                else:
                    out.append(f'<w:p><w:pPr><w:ind w:left="720" w:hanging="360"/>{jc}</w:pPr>'
                               f'{w_run("·", font="Symbol")}{w_run(chr(9) + item)}</w:p>')
        elif isinstance(b, Table):
            out.append(w_table(b))
    return "".join(out)


def w_table(t):
    border = "single" if t.borders else "nil"
    borders = "".join(f'<w:{e} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>'
                      for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in t.widths)
    rows = []
    for i, row in enumerate(t.rows):
        cells = []
        for k, c in enumerate(row):
            blocks = cell_blocks(c)
            if t.header and i == 0:
                blocks = [P(b.text, bold=True) if isinstance(b, P) else b for b in blocks]
            body = w_blocks(blocks) or "<w:p/>"
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{t.widths[k]}" w:type="dxa"/>'
                         f'<w:vAlign w:val="{t.valign}"/></w:tcPr>{body}</w:tc>')
        hdr = "<w:trPr><w:tblHeader/></w:trPr>" if t.header and i == 0 else ""
        rows.append(f"<w:tr>{hdr}{''.join(cells)}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(t.widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
            '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>')


NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'''

STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>
<w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>'''

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>'''

SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')


def write_docx(path, blocks):
    body = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{w_blocks(blocks)}{SECT}</w:body></w:document>'
    # Fixed timestamps so that regenerating gives the same bytes.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", body),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


# ---------------------------------------------------------------------------
# HTML, as Word's "Save as Web Page" writes it: MsoNormal paragraphs, lists
# as paragraphs whose bullet is a "·" in the Symbol font inside an
# mso-list:Ignore span, tables with a paragraph per line of a cell.

def h_para(p, cls="MsoNormal"):
    style = ' style="text-align:justify"' if p.jc == J else ""
    text = x(p.text).replace("  ", "&nbsp;&nbsp; ", 1)
    if p.bold:
        text = f"<b>{text}</b>"
    return f'<p class="{cls}"{style}>{text}</p>'


def h_blocks(blocks):
    out = []
    for b in blocks:
        if isinstance(b, P):
            out.append(h_para(b))
        elif isinstance(b, Bullets):
            n = len(b.items)
            for i, item in enumerate(b.items):
                cls = "MsoListParagraphCxSpFirst" if i == 0 else "MsoListParagraphCxSpLast" if i == n - 1 else "MsoListParagraphCxSpMiddle"
                out.append(f"<p class=\"{cls}\" style=\"margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1\">"
                           "<![if !supportLists]><span style=\"font-family:Symbol;mso-fareast-font-family:Symbol;"
                           "mso-bidi-font-family:Symbol\"><span style=\"mso-list:Ignore\">·<span style=\"font:7.0pt "
                           "'Times New Roman'\">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
                           f"<![endif]>{x(item)}</p>")
        elif isinstance(b, Table):
            out.append(h_table(b))
    return "\n".join(out)


def h_table(t):
    attrs = ' class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0"' if t.borders else \
        ' class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0"'
    rows = []
    for i, row in enumerate(t.rows):
        cells = []
        for k, c in enumerate(row):
            blocks = cell_blocks(c)
            if t.header and i == 0:
                blocks = [P(b.text, bold=True) if isinstance(b, P) else b for b in blocks]
            body = h_blocks(blocks) or '<p class="MsoNormal">&nbsp;</p>'
            w = round(t.widths[k] / 20)
            cells.append(f'<td width="{w}" valign="{"middle" if t.valign == "center" else "top"}" '
                         f'style="width:{w}pt;padding:0cm 5.4pt 0cm 5.4pt">\n{body}\n</td>')
        rows.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    return f"<table{attrs}>\n" + "\n".join(rows) + "\n</table>"


def write_html(path, title, blocks):
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n'
            '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered)">\n'
            f'<title>{x(title)}</title>\n<style>p.MsoNormal {{margin:0cm 0cm 6.0pt 0cm; font-family:"Arial"}}</style>\n'
            '</head>\n<body lang="EN-GB">\n<div class="WordSection1">\n'
            f'{h_blocks(blocks)}\n</div>\n</body>\n</html>\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    for name, blocks in TWINS.items():
        write_docx(os.path.join(out, name + ".docx"), blocks)
        write_html(os.path.join(out, name + ".htm"), name, blocks)


if __name__ == "__main__":
    main()
