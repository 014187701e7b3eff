"""API keys of known machine clients (the mini-program's server, the 12345 system, an Open311
client): issued and revoked by an administrator in ``@@laborrights-api-keys``.

A key is shown once, when it is issued; the site keeps only its SHA-256 digest (a key is 32
random bytes, so a fast digest is enough: nothing to guess from it), with the client's name, its
own filing budget per hour, a short hint (the key's first characters, to tell keys apart) and
when it was issued and revoked. The keys live in an annotation of the site root: configuration,
not case data, and no registry record that the settings export would copy.

``client(key)`` is what the filing endpoints ask (``filing_limits``): the key's entry, or an
ApiError (401 for a key the site never issued, 403 for a revoked one) — a key that does not
work is never taken as "no key".
"""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.restapi.errors import ApiError
from zope.annotation.interfaces import IAnnotations

import hashlib
import secrets
import time


ANNOTATION = "suizhou.laborrights.api_keys"
KEY_PREFIX = "szlr_"
HINT_LENGTH = len(KEY_PREFIX) + 4
HEADER = "X-Api-Key"
DEFAULT_BUDGET = 500  # filings per hour of a known client, unless the administrator says otherwise

MSG_UNKNOWN = _(
    "api_error_key_unknown",
    default="接口密钥无效。请核对密钥，或向平台管理员申请；不带密钥的提交按匿名提交的限额受理。",
)
MSG_REVOKED = _("api_error_key_revoked", default="该接口密钥已被停用，请向平台管理员申请新的密钥。")


def digest(key):
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION)
    if store is None and create:
        store = annotations[ANNOTATION] = OOBTree()
    return store


def issue(client_name, budget=DEFAULT_BUDGET):
    """A new key for ``client_name``: returns the key itself (shown once, never stored)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    _store(create=True)[digest(key)] = PersistentMapping(
        client=client_name,
        budget=int(budget),
        hint=key[:HINT_LENGTH],
        issued=time.time(),
        revoked=None,
    )
    return key


def revoke(key_id):
    """Revoke the key whose id (``entries``) is ``key_id``; True if there was one to revoke."""
    entry = (_store() or {}).get(key_id)
    if entry is None or entry["revoked"]:
        return False
    entry["revoked"] = time.time()
    return True


def entries():
    """[(key id, entry)] of every key issued, newest first (revoked ones kept, for the record)."""
    return sorted((_store() or {}).items(), key=lambda item: -item[1]["issued"])


def client(key):
    """(key id, entry) of a working ``key``; ApiError 401 (unknown) or 403 (revoked) else."""
    key_id = digest(key) if isinstance(key, str) else None
    entry = (_store() or {}).get(key_id) if key_id else None
    if entry is None:
        raise ApiError(401, "InvalidApiKey", MSG_UNKNOWN)
    if entry["revoked"]:
        raise ApiError(403, "ApiKeyRevoked", MSG_REVOKED)
    return key_id, entry


def presented(request, parameter=None):
    """The key a request presents: Open311's ``api_key`` parameter, else the X-Api-Key header
    ("" when none)."""
    return (parameter or request.getHeader(HEADER) or "").strip()
