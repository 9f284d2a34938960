#!/usr/bin/env python3
"""Writes the document fixtures of tests/data/documents/ (committed; run again after a change):
DOCX and ODT through zipfile, RTF and PDF by hand. Every article is invented.

    make_documents.py [OUT_DIR] [--pdf-pages N --pdf-out FILE]

--pdf-pages writes only a two-column PDF article of N pages to FILE (the speed benchmark's input).
"""
import argparse
import os
import zipfile

TITLE = "Harbour cranes idle as dock strike enters second week"
DATE = "3 March 2026"
AUTHOR = "Ines Okafor"
PARAS = [
    "ROTTERDAM - Container ships queued outside the port on Monday as a strike by crane operators "
    "entered its second week, and shipping lines began diverting cargo to Antwerp and Hamburg.",
    "The union said its members would stay out until the port authority withdrew plans for remotely "
    "operated cranes. A spokeswoman for the authority, Marieke Dekker, said talks would resume on Thursday.",
    "Importers of perishable goods were the first to feel the stoppage. Fruit wholesalers reported "
    "refrigerated containers waiting on the quayside with no one to lift them.",
    "Economists at the Netherlands Bureau for Economic Policy Analysis estimated the cost of the "
    "disruption at forty million euros a day, most of it borne by manufacturers waiting for parts.",
]


# ---------------------------------------------------------------- DOCX

def w_par(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx(path, body_xml, title=TITLE, author=AUTHOR, footnotes=None, extra=None):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           f'<w:body>{body_xml}<w:sectPr/></w:body></w:document>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(author)}</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-04T08:15:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-05T10:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        z.writestr("docProps/core.xml", core)
        if footnotes:
            z.writestr("word/footnotes.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                       + "".join(f'<w:footnote w:id="{i}">{w_par(t)}</w:footnote>' for i, t in footnotes)
                       + '</w:footnotes>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def make_docx(out):
    body = w_par(TITLE, "Title") + w_par(DATE) + w_par("By " + AUTHOR)
    # The first paragraph in three runs, one of them bold, with a footnote reference.
    body += ('<w:p><w:r><w:t xml:space="preserve">ROTTERDAM - Container ships queued outside the port </w:t></w:r>'
             '<w:r><w:rPr><w:b/></w:rPr><w:t>on Monday</w:t></w:r>'
             '<w:r><w:t xml:space="preserve"> as a strike by crane operators entered its second week, and shipping '
             'lines began diverting cargo to Antwerp and Hamburg.</w:t></w:r>'
             '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    body += w_par(PARAS[1], "Normal")
    # Tracked changes: the deletion is not part of the text, the insertion is.
    body += ('<w:p><w:r><w:t xml:space="preserve">Importers of perishable goods were the first to feel the stoppage.</w:t></w:r>'
             '<w:del w:id="9" w:author="x"><w:r><w:delText> DELETED WORDS</w:delText></w:r></w:del>'
             '<w:ins w:id="10" w:author="x"><w:r><w:t xml:space="preserve"> Fruit wholesalers reported refrigerated '
             'containers waiting on the quayside with no one to lift them.</w:t></w:r></w:ins></w:p>')
    body += w_par("Cargo diverted", "Heading2")
    # A table: one line per row, cells separated by a tab.
    body += ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Port</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ships</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:tc><w:p><w:r><w:t>Antwerp</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>14</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:tc><w:p><w:r><w:t>Hamburg</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>9</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    body += ('<w:p><w:r><w:t>Economists put the cost at</w:t></w:r><w:r><w:tab/><w:t>forty million euros</w:t></w:r>'
             '<w:r><w:br/><w:t>a day.</w:t></w:r></w:p>')
    docx(os.path.join(out, "dock-strike.docx"), body,
         footnotes=[(1, "Figures from the port authority, 2 March 2026.")])


def make_docx_plain(out):
    """A DOCX whose paragraphs follow the news-text layout with no styles and no core properties title."""
    body = w_par("Wind farm approved off the Galician coast") + w_par("12 February 2026") + "".join(
        w_par(p) for p in ["A CORUÑA - Spain's government approved a floating wind farm of 28 turbines off the coast of Galicia on Thursday.",
                           "Fishing associations said they would appeal."])
    docx(os.path.join(out, "wind-farm.docx"), body, title="", author="")


# ---------------------------------------------------------------- ODT

def make_odt(out):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
               '<office:body><office:text><text:sequence-decls/>'
               f'<text:h text:outline-level="1">{esc(TITLE)}</text:h>'
               f'<text:p>{DATE}</text:p><text:p>By {AUTHOR}</text:p>'
               '<text:p>ROTTERDAM - Container ships queued outside the port on Monday as a strike by crane operators '
               'entered its second<text:s/>week, and shipping lines began diverting cargo to Antwerp and Hamburg.'
               '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
               '<text:note-body><text:p>Figures from the port authority, 2 March 2026.</text:p></text:note-body></text:note></text:p>'
               f'<text:p>{esc(PARAS[1])}<office:annotation><text:p>A COMMENT NOT IN THE TEXT</text:p></office:annotation></text:p>'
               '<text:list><text:list-item><text:p>Importers of <text:span>perishable goods</text:span> were the first to feel '
               'the stoppage.</text:p></text:list-item></text:list>'
               '<table:table><table:table-row><table:table-cell><text:p>Port</text:p></table:table-cell>'
               '<table:table-cell><text:p>Ships</text:p></table:table-cell></table:table-row>'
               '<table:table-row><table:table-cell><text:p>Antwerp</text:p></table:table-cell>'
               '<table:table-cell><text:p>14</text:p></table:table-cell></table:table-row></table:table>'
               '<text:p>Economists put the cost at<text:tab/>forty million euros<text:line-break/>a day.</text:p>'
               '</office:text></office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} office:version="1.3"><office:meta>'
            f'<dc:title>{esc(TITLE)}</dc:title><meta:initial-creator>{AUTHOR}</meta:initial-creator>'
            '<meta:creation-date>2026-03-04T08:15:00</meta:creation-date><dc:date>2026-03-05T10:00:00</dc:date>'
            '</office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(os.path.join(out, "dock-strike.odt"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)
        z.writestr("META-INF/manifest.xml", manifest)


# ---------------------------------------------------------------- RTF

def make_rtf(out):
    rtf = (r"{\rtf1\ansi\ansicpg1252\deff0\uc1"
           r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset0 Arial;}}"
           r"{\colortbl;\red0\green0\blue0;}"
           r"{\stylesheet{\s0 Normal;}{\s1 heading 1;}}"
           r"{\info{\title Harbour cranes idle as dock strike enters second week}{\author Ines Okafor}"
           r"{\creatim\yr2026\mo3\dy4\hr8\min15}{\revtim\yr2026\mo3\dy5\hr10\min0}}"
           r"{\*\generator Invented Writer 1.0;}"
           "\n"
           r"\pard\s1\b\fs32 Harbour cranes idle as dock strike enters second week\b0\fs24\par" "\n"
           r"\pard 3 March 2026\par" "\n"
           r"\pard By Ines Okafor\par" "\n"
           r"\pard ROTTERDAM - Container ships queued outside the port on Monday as a strike by crane operators "
           r"entered its second week, and shipping lines began diverting cargo to Antwerp and Hamburg.\par" "\n"
           r"\pard The union said its members would stay out until the port authority withdrew plans for "
           r"remotely operated cranes. A spokeswoman for the authority, Marieke Dekker, said talks would resume "
           r"on Thursday.{\*\bkmkstart x}" r'{\field{\*\fldinst HYPERLINK "http://example.org"}{\fldrslt  More}}\par' "\n"
           r"\pard Fruit wholesalers in Li\'e8ge and D\u252?sseldorf said the \u8216'stoppage\u8217' cost them "
           r"\{dearly\}.{\super\chftn}{\footnote \pard\plain {\super\chftn} A footnote of the RTF.}\line Caf\'e9 owners agreed.\par" "\n"
           "}")
    with open(os.path.join(out, "dock-strike.rtf"), "w", encoding="ascii") as f:
        f.write(rtf)


# ---------------------------------------------------------------- PDF

def pdf_string(s):
    b = s.encode("cp1252")
    return "(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").decode("latin-1") + ")"


def wrap(text, width):
    """Lines of at most `width` characters; a long word that does not fit is hyphenated."""
    lines, line = [], ""
    for word in text.split():
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            if len(word) >= 8 and room >= 5 and word.isalpha():
                cut = room - 1
                lines.append(f"{line} {word[:cut]}-" if line else word[:cut] + "-")
                word, line = word[cut:], ""
                continue
            lines.append(line)
            line = ""
    if line:
        lines.append(line)
    return lines


class Pdf:
    def __init__(self):
        self.objects = []

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def write(self, path, pages_content, info=None, encrypt=None, font=True):
        font_id = self.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>") if font else None
        pages_id = len(self.objects) + 1 + 2 * len(pages_content)
        page_ids = []
        for content in pages_content:
            data = content.encode("latin-1")
            cid = self.add(f"<< /Length {len(data)} >>\nstream\n{content}\nendstream")
            res = f"/Resources << /Font << /F1 {font_id} 0 R >> >>" if font else "/Resources << >>"
            page_ids.append(self.add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] {res} /Contents {cid} 0 R >>"))
        self.add(f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {len(page_ids)} >>")
        cat = self.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
        info_id = self.add(info) if info else None
        enc_id = self.add(encrypt) if encrypt else None
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        for o in offsets:
            out += f"{o:010d} 00000 n \n".encode()
        trailer = f"/Size {len(self.objects) + 1} /Root {cat} 0 R"
        if info_id:
            trailer += f" /Info {info_id} 0 R"
        if enc_id:
            trailer += f" /Encrypt {enc_id} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
        out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
        with open(path, "wb") as f:
            f.write(out)


def text_at(x, y, size, s):
    return f"BT /F1 {size} Tf {x} {y} Td {pdf_string(s)} Tj ET\n"


def article_pages(paragraphs, pages, title=TITLE):
    """Two columns of 9-point text per page, a running head and a page number on each page, the
    title, date and byline above the columns on the first page. Paragraphs are separated by a gap."""
    lines = []
    for p in paragraphs:
        lines += wrap(p, 44)
        lines.append(None)  # the gap between paragraphs
    contents = []
    per_column = 58
    li = 0
    for page in range(pages):
        c = text_at(50, 805, 8, "THE NORTH SEA GAZETTE  Tuesday, 3 March 2026")
        c += text_at(290, 30, 8, str(page + 1))
        top = 770
        if page == 0:
            c += text_at(50, 770, 16, title)
            c += text_at(50, 750, 9, DATE)
            c += text_at(50, 738, 9, "By " + AUTHOR)
            top = 715
        for column in range(2):
            x = 50 if column == 0 else 315
            y = top
            bottom = 60
            while y > bottom and li < len(lines):
                if lines[li] is not None:
                    c += text_at(x, y, 9, lines[li])
                y -= 11 if lines[li] is not None else 6
                li += 1
            if page == pages - 1 and li >= len(lines):
                break
        contents.append(c)
        if li >= len(lines):
            break
    return contents


INFO = ("<< /Title (Harbour cranes idle as dock strike enters second week) /Author (Ines Okafor) "
        "/CreationDate (D:20260304081500Z) /ModDate (D:20260305100000Z) >>")


def make_pdfs(out):
    paras = PARAS + [
        "Shipping lines said the backlog would take weeks to clear even after a settlement. One carrier "
        "announced surcharges on containers bound for the Netherlands, citing extraordinary congestion.",
        "The port authority's chairman, Willem de Groot, said automation was unavoidable and that no "
        "operator would lose a job before retirement. The union called the offer insufficient.",
    ]
    # Enough text for two pages of two columns.
    more = [f"Paragraph {i + 1} of the continued coverage: negotiators met again in the afternoon and "
            "adjourned without agreement, while representatives of the transport ministry observed "
            "the proceedings and declined to comment on the substance of the discussions." for i in range(24)]
    Pdf().write(os.path.join(out, "dock-strike.pdf"), article_pages(paras + more, 2), info=INFO)
    # No text layer: a page that only draws (as a scanned page only shows an image).
    Pdf().write(os.path.join(out, "scanned.pdf"), ["0.5 g 50 50 495 742 re f\n"], font=False)
    # Encrypted with a user password: without it nothing can be read.
    enc = ("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
           "/O <6d2a3e1f5b7c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80> "
           "/U <0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20> >>")
    Pdf().write(os.path.join(out, "encrypted.pdf"), article_pages(PARAS, 1), info=None, encrypt=enc)


def lie_about_size(path, part, size):
    """Rewrites the uncompressed size of `part` in the local and central headers: a ZIP that says it
    inflates to `size` bytes and inflates to more."""
    data = bytearray(open(path, "rb").read())
    name = part.encode()
    at = 0
    while True:
        at = data.find(b"PK\x03\x04", at)
        if at < 0:
            break
        n = int.from_bytes(data[at + 26:at + 28], "little")
        if data[at + 30:at + 30 + n] == name:
            data[at + 22:at + 26] = size.to_bytes(4, "little")
        at += 4
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        if at < 0:
            break
        n = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + n] == name:
            data[at + 24:at + 28] = size.to_bytes(4, "little")
        at += 4
    open(path, "wb").write(bytes(data))


def bomb_body(mib):
    return w_par(TITLE) + '<w:p><w:r><w:t>' + " " * (mib * 1024 * 1024) + 'The body.</w:t></w:r></w:p>'


def make_damaged(out, hostile):
    """Small damaged documents: the unit tests' (bombs that inflate past a 1 MiB bound) and the
    hostile corpus's (tests/data/hostile)."""
    docx(os.path.join(out, "bomb-2mib.docx"), bomb_body(2))
    docx(os.path.join(out, "liar-2mib.docx"), bomb_body(2))
    lie_about_size(os.path.join(out, "liar-2mib.docx"), "word/document.xml", 1000)
    whole = os.path.join(hostile, "damaged-xml.docx")
    docx(whole, w_par(TITLE) + w_par(PARAS[0]) + '<w:p><w:r><w:t>Unclosed')
    # A DOCX cut in the middle: its central directory is gone.
    docx(os.path.join(out, "whole.docx"), w_par(TITLE) + "".join(w_par(p) for p in PARAS))
    data = open(os.path.join(out, "whole.docx"), "rb").read()
    os.remove(os.path.join(out, "whole.docx"))
    open(os.path.join(hostile, "truncated.docx"), "wb").write(data[:len(data) * 2 // 3])
    # Two-column text after a few bytes that are not the PDF header, and a PDF cut in the middle.
    pdf = open(os.path.join(out, "dock-strike.pdf"), "rb").read()
    open(os.path.join(hostile, "truncated.pdf"), "wb").write(pdf[:len(pdf) // 2])
    rtf = open(os.path.join(out, "dock-strike.rtf"), "rb").read()
    open(os.path.join(hostile, "deep-small.rtf"), "wb").write(rtf[:-1] + b"{" * 20000 + b"deep" + b"}" * 20000 + b"}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--pdf-pages", type=int)
    ap.add_argument("--pdf-out")
    args = ap.parse_args()
    if args.pdf_pages:
        paras = [f"Paragraph {i + 1}: negotiators met again in the afternoon and adjourned without agreement, "
                 "while representatives of the transport ministry observed the proceedings and declined to "
                 "comment on the substance of the discussions, which several delegates described as "
                 "constructive but inconclusive." for i in range(40 * args.pdf_pages)]
        pages = article_pages(PARAS + paras, args.pdf_pages)
        Pdf().write(args.pdf_out, pages, info=INFO)
        return
    make_docx(args.out)
    make_docx_plain(args.out)
    make_odt(args.out)
    make_rtf(args.out)
    make_pdfs(args.out)
    make_damaged(args.out, os.path.join(args.out, "..", "hostile"))


if __name__ == "__main__":
    main()
