"""A .docx made into a PDF by LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice runs as a subprocess with a time limit and a profile directory of its own for each
conversion (two conversions at once with one shared profile fail on its lock). One conversion
runs at a time in an instance (``_LOCK``): a LibreOffice takes a CPU core and some 200 MB, and a
Zope instance has few threads. The last few results are kept in memory by the .docx's hash, so
a request that waited for the same document's conversion gets it without a second run (the
PDF is stored with the issued document: ``issuing.pdf_of``). Where LibreOffice is not
installed (Debian: ``libreoffice-writer-nogui``), busy for longer than ``WAIT`` or fails, ``PdfUnavailable`` says
so in Chinese; the .docx stays available. ``$SUIZHOU_SOFFICE`` names another executable.
"""

from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.i18n import zh as t

import collections
import hashlib
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading


ENVIRONMENT = "SUIZHOU_SOFFICE"
TIMEOUT = 90  # seconds; a first start of LibreOffice takes a few
WAIT = 15  # seconds a request waits for another conversion: it holds one of the instance's few threads
RECENT = 4  # conversions kept in memory for the requests that waited for them

_LOCK = threading.Lock()
_recent = collections.OrderedDict()  # sha256 of the .docx -> PDF bytes


class PdfUnavailable(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def soffice():
    """The LibreOffice executable, or None."""
    configured = os.environ.get(ENVIRONMENT)
    if configured is not None:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def available():
    return soffice() is not None


def to_pdf(data, timeout=TIMEOUT):
    """The PDF (bytes) of the .docx ``data``; one conversion at a time, waited for ``WAIT``
    seconds at most (the conversion itself may take ``timeout``)."""
    executable = soffice()
    if executable is None:
        raise PdfUnavailable(
            t(
                _(
                    "pdf_no_libreoffice",
                    default="服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 文档（.docx）打印。",
                )
            )
        )
    key = hashlib.sha256(data).hexdigest()
    if not _LOCK.acquire(timeout=WAIT):
        raise PdfUnavailable(
            t(_("pdf_busy", default="服务器正在生成其他 PDF，请稍后重试，或下载 Word 文档（.docx）打印。"))
        )
    try:
        if key not in _recent:
            _recent[key] = _convert(executable, data, timeout)
            while len(_recent) > RECENT:
                _recent.popitem(last=False)
        return _recent[key]
    finally:
        _LOCK.release()


def _convert(executable, data, timeout):
    with tempfile.TemporaryDirectory(prefix="laborrights-pdf-") as work:
        work = pathlib.Path(work)
        source = work / "document.docx"
        source.write_bytes(data)
        command = (
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        )
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True, cwd=work)
        except (subprocess.SubprocessError, OSError):
            logger.exception("LibreOffice could not convert a document to PDF")
        target = work / "document.pdf"
        if target.exists() and target.stat().st_size:
            return target.read_bytes()
    raise PdfUnavailable(
        t(_("pdf_conversion_failed", default="PDF 生成失败，请稍后重试，或下载 Word 文档（.docx）打印。"))
    )
