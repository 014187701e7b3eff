"""Reading the PDFs the site makes (reportlab, CID font STSong-Light) in tests."""

import base64
import re
import zlib


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


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


def pdf_text(pdf):
    """The text a reportlab PDF draws in its CID font (UCS-2 strings in ASCII85+Flate streams),
    line after line without separators."""
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        data = stream.strip()
        if data.endswith(b"~>"):
            data = data[:-2]
        try:
            content = zlib.decompress(base64.a85decode(data))
        except (ValueError, zlib.error):
            continue  # an image
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content, re.S):
            text.append(_unescape(literal).decode("utf-16-be", errors="ignore"))
    return "".join(text)


def pdf_pages(pdf):
    """The number of pages of a complete PDF (None if it is not one)."""
    if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
        return None
    counts = re.findall(rb"/Type /Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type /Pages\b", pdf)
    return max(int(a or b) for a, b in counts) if counts else None
