"""Short-lived signed values (receipt links, challenge questions), keyed by the site's keyring.

A value is signed with the current ``_system`` secret of plone.keyring; any secret still in
that ring verifies, so a rotation does not break links given out minutes before.
"""

from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

import hashlib
import hmac
import time


def _secrets():
    ring = getUtility(IKeyManager)["_system"]
    return [secret for secret in ring if secret]


def _mac(secret, purpose, value, expires):
    message = f"{purpose}\n{value}\n{expires}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def sign(purpose, value, lifetime):
    """A token ``<expires>.<mac>`` for ``value``, valid ``lifetime`` seconds."""
    expires = int(time.time()) + int(lifetime)
    return f"{expires}.{_mac(getUtility(IKeyManager).secret('_system'), purpose, value, expires)}"


def verify(purpose, value, token):
    """True if ``token`` was made by ``sign(purpose, value, …)`` and has not expired."""
    expires, _sep, mac = (token or "").partition(".")
    if not expires.isdigit() or int(expires) < time.time():
        return False
    return any(hmac.compare_digest(_mac(secret, purpose, value, int(expires)), mac) for secret in _secrets())


def digest(purpose, value):
    """A keyed hash of ``value`` (e.g. a phone number that is counted but never stored)."""
    secret = getUtility(IKeyManager).secret("_system")
    return hmac.new(secret.encode(), f"{purpose}\n{value}".encode(), hashlib.sha256).hexdigest()[:32]
