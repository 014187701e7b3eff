"""An Authorization header that claims HTTP basic but does not decode counts as no credentials.

Zope's PAS fails on it with a 500 on every page (``basic_auth_decode`` raises ValueError outside
the plugin calls PAS guards). Dropped at the start of the request, the visitor gets the page an
anonymous visitor gets, and an API client the usual 401 with a Chinese message.
"""

from ZPublisher.utils import basic_auth_decode


def drop_undecodable_basic_auth(event):
    request = event.request
    auth = request._auth
    if not auth or not auth[:6].lower() == "basic ":
        return
    try:
        basic_auth_decode(auth)
    except ValueError:
        request._auth = None
