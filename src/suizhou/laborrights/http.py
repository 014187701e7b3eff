"""Response headers: answers nobody may keep (they carry personal data or depend on who asks),
and the security headers of every answer."""

from zope.globalrequest import getRequest


def no_store(response, page=True, hide_referrer=False):
    """Forbid every cache (the browser's, a proxy's) to keep the answer.

    A page (``page``) says ``private, no-store`` and is kept out of search engines; an API
    answer says ``no-store``. ``hide_referrer``: the page's address, a key such as a signed
    receipt link, is not passed on to the sites it links to.
    """
    if page:
        response.setHeader("Cache-Control", "private, no-store")
        response.setHeader("X-Robots-Tag", "noindex")
    else:
        response.setHeader("Cache-Control", "no-store")
    if hide_referrer:
        response.setHeader("Referrer-Policy", "no-referrer")


# Security headers on every answer (issue 18 item 7): ``security_headers`` on IPubBeforeCommit
# and IPubBeforeStreaming. The site's scripts are its own files (no inline script, no eval) for
# the public; styles may be inline (the pages' own <style> blocks); the station map's images are
# its own, data:/blob: and the tile server set in the public settings (map_tile_url).
CSP = (
    "default-src 'self'",
    "script-src 'self'{scripts}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:{tiles}",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
# Plone's editing UI (TinyMCE, the mockup patterns) runs inline and eval'd code: for logged-in
# users only.
EDITOR_SCRIPTS = " 'unsafe-inline' 'unsafe-eval'"
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def tile_origin(url):
    """The origin of a Leaflet tile URL template for img-src: a first label with '{s}' in it
    (a.tiles…, t{s}.tianditu.gov.cn) becomes the wildcard CSP allows, '*.'."""
    scheme, _sep, rest = (url or "").strip().partition("://")
    labels = rest.split("/", 1)[0].split(".")
    if labels and "{s}" in labels[0]:
        labels[0] = "*"
    host = ".".join(labels)
    if scheme not in ("http", "https") or not host or any(ch in host for ch in "{}; ,'\""):
        return ""
    return f" {scheme}://{host}"


def content_security_policy(logged_in, tile_url="", *more_tile_urls):
    """The policy; images may come from the tile servers (base map, place names) when set."""
    scripts = EDITOR_SCRIPTS if logged_in else ""
    origins = dict.fromkeys(tile_origin(url) for url in (tile_url, *more_tile_urls))
    return "; ".join(CSP).format(scripts=scripts, tiles="".join(origin for origin in origins if origin))


def _logged_in(request):
    user = request.get("AUTHENTICATED_USER")
    return user is not None and "Authenticated" in (user.getRoles() or ())


def _tile_urls():
    """The tile servers of the station map (none unless a base map is set)."""
    from suizhou.laborrights.settings import setting  # the registry: not before the site is set

    try:
        base = setting("public", "map_tile_url") or ""
        return (base, setting("public", "map_label_tile_url") or "") if base else ()
    except Exception:  # no site (the Zope root, a broken registry): no tile server
        return ()


def security_headers(event):
    """Set the security headers, unless the answer already set its own (a page that hides the
    referrer, a download's own nosniff). On every answer: before the commit, before the abort of
    an error answer, before a file is streamed (that event has the response, not the request)."""
    request = getattr(event, "request", None) or getRequest()
    response = request.response if request is not None else event.response
    for name, value in HEADERS.items():
        if not response.getHeader(name):
            response.setHeader(name, value)
    if not response.getHeader("Content-Security-Policy"):
        policy = content_security_policy(request is not None and _logged_in(request), *_tile_urls())
        response.setHeader("Content-Security-Policy", policy)


def _list_headers_without_powered_by(list_headers):
    def listHeaders(self):
        return [(name, value) for name, value in list_headers(self) if name != "X-Powered-By"]

    listHeaders.__wrapped__ = list_headers
    return listHeaders


def drop_powered_by():
    """Zope names itself and Python in an X-Powered-By header of every answer, with no setting
    to turn it off: leave the header out (called once, when the package is configured)."""
    from ZPublisher.HTTPResponse import HTTPBaseResponse

    if not hasattr(HTTPBaseResponse.listHeaders, "__wrapped__"):
        HTTPBaseResponse.listHeaders = _list_headers_without_powered_by(HTTPBaseResponse.listHeaders)


drop_powered_by()
