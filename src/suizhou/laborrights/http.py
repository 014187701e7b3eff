"""Answers nobody may keep: they carry personal data or depend on who asks."""


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
