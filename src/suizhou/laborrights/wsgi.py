"""The instance's WSGI filter for a visitor on a weak network: compressed text, long-cached
versioned resources.

In the instance's pipeline (profiles/base.cfg, ``call:suizhou.laborrights.wsgi:filter_factory``)
so that ``make start`` serves pages as deployed:

- text responses (HTML, CSS, JavaScript, JSON, XML, SVG) are gzip-compressed when the client
  accepts gzip, with ``Vary: Accept-Encoding`` for the caches in between; anything else (images,
  PDFs, attachments, file streams) passes through untouched and unbuffered;
- a resource under a versioned URL (``/++webresource++<hash>/…``: Plone's bundles and the
  theme's own files, see ``resources.py``) may be kept a year: its URL changes with its content.

Paste's gzipper (installed) buffers and compresses every ``application/*`` response, PDFs and
attachment streams included, and sends no ``Vary``; hence this small filter of our own.
"""

import gzip


COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
)
MIN_SIZE = 512
VERSIONED = "/++webresource++"
YEAR = "public, max-age=31536000, immutable"


def _header(headers, name):
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _without(headers, *names):
    names = {name.lower() for name in names}
    return [(key, value) for key, value in headers if key.lower() not in names]


class StaticFilter:
    def __init__(self, app, compress_level=6):
        self.app = app
        self.compress_level = int(compress_level)

    def __call__(self, environ, start_response):
        versioned = VERSIONED in environ.get("PATH_INFO", "")
        accepts_gzip = "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") and environ["REQUEST_METHOD"] != "HEAD"
        held = {}

        def hold_start_response(status, headers, exc_info=None):
            if versioned and status.startswith("200"):
                headers = _without(headers, "Cache-Control", "Expires", "Pragma") + [("Cache-Control", YEAR)]
            content_type = (_header(headers, "Content-Type") or "").split(";")[0].strip().lower()
            if accepts_gzip and not _header(headers, "Content-Encoding") and content_type.startswith(COMPRESSIBLE):
                held.update(status=status, headers=headers, exc_info=exc_info)
                return self._buffer(held)
            return start_response(status, headers, exc_info)

        app_iter = self.app(environ, hold_start_response)
        if not held:
            return app_iter
        try:
            body = b"".join([held.pop("written")] + list(app_iter))
        finally:
            if hasattr(app_iter, "close"):
                app_iter.close()
        headers = _without(held["headers"], "Content-Length")
        if len(body) >= MIN_SIZE:
            body = gzip.compress(body, self.compress_level, mtime=0)
            headers = _without(headers, "Vary") + [
                ("Content-Encoding", "gzip"),
                ("Vary", ", ".join(filter(None, [_header(held["headers"], "Vary"), "Accept-Encoding"]))),
            ]
        start_response(held["status"], headers + [("Content-Length", str(len(body)))], held["exc_info"])
        return [body]

    @staticmethod
    def _buffer(held):
        written = held["written"] = bytearray()

        def write(data):
            written.extend(data)

        return write


def filter_factory(global_conf, compress_level=6):
    """PasteDeploy filter factory."""

    def make_filter(app):
        return StaticFilter(app, compress_level)

    return make_filter
