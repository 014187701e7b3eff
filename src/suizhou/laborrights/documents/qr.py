"""QR codes (PNG) to the progress page, and the public view that serves them.

The code holds only the progress page's address with the reference number filled in; the
phone number is still asked there, so the code reveals nothing about the case.

The mask pattern is fixed: every pattern makes a valid code, and letting the library score all
eight to pick one took a fifth of the time of the receipt PDF mailed after every web filing
(benchmarks/receipt_pdf.sh).
"""

from io import BytesIO
from Products.Five import BrowserView
from suizhou.laborrights.forms.progress import progress_url

import qrcode
import re


REFERENCE = re.compile(r"^[A-Za-z0-9-]{1,40}$")
MASK_PATTERN = 0


def qr_png(text, box_size=6, mask_pattern=MASK_PATTERN):
    code = qrcode.QRCode(box_size=box_size, border=2, mask_pattern=mask_pattern)
    code.add_data(text)
    image = code.make_image()
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


class ProgressQRView(BrowserView):
    """``@@case-progress-qr.png?ref=…``: the progress page of a reference as a QR code."""

    def __call__(self):
        reference = (self.request.form.get("ref") or "").strip()
        if not REFERENCE.match(reference):
            self.request.response.setStatus(400)
            return ""
        response = self.request.response
        response.setHeader("Content-Type", "image/png")
        response.setHeader("Cache-Control", "public, max-age=86400")
        return qr_png(progress_url(reference))
