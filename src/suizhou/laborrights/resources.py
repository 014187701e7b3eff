"""Versioned URLs for the theme's own static files.

``@@laborrights-theme-resources`` (a Diazo parameter of the theme, see theme/manifest.cfg) is
the base URL of the theme's files with a version that changes with their content:
``<portal>/++webresource++<hash>/++theme++suizhou.laborrights``. Plone's ``++webresource++``
traverser ignores the hash, and the instance's WSGI filter (``wsgi.py``) lets browsers keep
what is under such a URL for a year; a changed file gets a new URL.
"""

from pathlib import Path
from plone import api
from Products.Five import BrowserView

import hashlib


THEME = Path(__file__).parent / "theme"
PATTERNS = ("css/*.css", "js/*.js", "vendor/**/*")
_cache = {}


def theme_files():
    return sorted(path for pattern in PATTERNS for path in THEME.glob(pattern) if path.is_file())


def theme_version():
    """A short hash of the theme's static files (recomputed when one of them changes)."""
    files = theme_files()
    stamp = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    if _cache.get("stamp") != stamp:
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.relative_to(THEME).as_posix().encode() + b"\0" + path.read_bytes())
        _cache.update(stamp=stamp, version=digest.hexdigest()[:16])
    return _cache["version"]


def theme_url():
    """The versioned base URL of the theme's files (for pages that link one themselves)."""
    return f"{api.portal.get().absolute_url()}/++webresource++{theme_version()}/++theme++suizhou.laborrights"


class ThemeResources(BrowserView):
    def __call__(self):
        return theme_url()
