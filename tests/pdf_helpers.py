"""Reading the PDFs the site makes in tests: the text of a PDF from LibreOffice (the documents
issued from the Word templates: ``pdftotext``, poppler-utils); the text, fonts and pages of a
reportlab PDF (the registration form, the 口头申请笔录).

The site's fonts are embedded TrueType subsets: a text string holds one-byte codes of a subset,
which the font's ToUnicode map turns back into characters. A font without such a map (the CID
font STSong-Light of older PDFs) holds UCS-2 strings.
"""

import base64
import re
import subprocess
import tempfile
import zlib


def pdftotext(data):
    """The text of any PDF, as poppler's pdftotext reads it."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        return subprocess.run(("pdftotext", pdf.name, "-"), capture_output=True, check=True).stdout.decode()


def pdf_png(data, path):
    """The first page of a PDF as ``path`` (.png, 80 dpi), to look at and for the guides."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        stem = str(path)[: -len(".png")]
        subprocess.run(("pdftoppm", "-png", "-r", "80", "-singlefile", pdf.name, stem), check=True)


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
# A font selection (/F2+0 10 Tf) or a string shown (( … ) Tj) in a content stream.
TEXT_OPERATION = re.compile(rb"/([^\s/\[\]()<>]+)\s+[\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)\s*Tj", re.S)


def _unescape(literal):
    """The bytes of a PDF literal string (backslash escapes, octal codes)."""
    out, i = bytearray(), 0
    while i < len(literal):
        if literal[i : i + 1] == b"\\":
            octal = re.match(rb"[0-7]{1,3}", literal[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
                continue
            following = literal[i + 1 : i + 2]
            out += ESCAPES.get(following, following)
            i += 2
            continue
        out += literal[i : i + 1]
        i += 1
    return bytes(out)


def _decoded(body):
    """The data of an object's stream (ASCII85 and Flate as reportlab writes them), or None."""
    found = STREAM.search(body)
    if not found:
        return None
    data = found.group(1).strip()
    if b"/ASCII85Decode" in body:
        data = base64.a85decode(data[:-2] if data.endswith(b"~>") else data)
    if b"/FlateDecode" in body:
        try:
            data = zlib.decompress(data)
        except zlib.error:
            return None
    return data


def _objects(pdf):
    return {int(number): body for number, body in OBJECT.findall(pdf)}


def _ref(body, key):
    found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
    return int(found.group(1)) if found else None


def _to_unicode(cmap):
    """A ToUnicode CMap as {code: text} (bfchar and bfrange entries)."""
    codes = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            codes[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            for offset in range(int(last, 16) - int(first, 16) + 1):
                codes[int(first, 16) + offset] = chr(int(start, 16) + offset)
    return codes


def _font_maps(objects):
    """{resource name: {code: text}, or None for UCS-2 strings} of every font (reportlab names
    each font object with the name its pages use)."""
    maps = {}
    for body in objects.values():
        name = re.search(rb"/Name\s*/([^\s/>]+)", body)
        if name and re.search(rb"/Type\s*/Font\b", body):
            cmap = objects.get(_ref(body, b"ToUnicode"))
            maps[name.group(1)] = _to_unicode(_decoded(cmap) or b"") if cmap else None
    return maps


def _pages(objects):
    """The page objects in reading order (reportlab's page tree is one /Kids list)."""
    for body in objects.values():
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body).group(1)
            return [objects[int(number)] for number in re.findall(rb"(\d+) 0 R", kids)]
    return []


def pdf_text(pdf):
    """The text a reportlab PDF draws, string after string without separators."""
    objects = _objects(pdf)
    maps = _font_maps(objects)
    text, codes = [], None
    for page in _pages(objects):
        content = _decoded(objects.get(_ref(page, b"Contents"), b""))
        for font, literal in TEXT_OPERATION.findall(content or b""):
            if font:
                codes = maps.get(font)
                continue
            data = _unescape(literal)
            if codes is None:
                text.append(data.decode("utf-16-be", errors="ignore"))
            else:
                text.append("".join(codes.get(byte, "") for byte in data))
    return "".join(text)


def pdf_fonts(pdf):
    """{font name: embedded?} of every font a PDF uses (as pdffonts lists them)."""
    objects = _objects(pdf)
    fonts = {}
    for body in objects.values():
        if not re.search(rb"/Type\s*/Font\b", body):
            continue
        name = re.search(rb"/BaseFont\s*/([^\s/>]+)", body)
        if not name or b"/Subtype /Type0" in body:
            continue  # a composite font: its descendant is listed with the descriptor
        descriptor = objects.get(_ref(body, b"FontDescriptor"), b"")
        fonts[name.group(1).decode()] = bool(re.search(rb"/FontFile[23]?\s+\d+ 0 R", descriptor))
    return fonts


def pdf_pages(pdf):
    """The number of pages of a complete PDF (None if it is not one)."""
    if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
        return None
    counts = re.findall(rb"/Type /Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type /Pages\b", pdf)
    return max(int(a or b) for a, b in counts) if counts else None
