"""What the staff search (``handling/case_search.py``) finds a case by, as keys of the staff-only
``case_search_keys`` index — never in SearchableText, so public search never sees them.

- applicant and employer names as their two-character pieces (``name:王小``, ``name:小明``;
  ``employer:恒驰`` …): a search for any two or more consecutive characters of a name finds it;
- the applicant's phone and ID number only as keyed hashes of their normalised form
  (``phone:<hash>``, ``id:<hash>``): the catalog holds no number, and a number is found only
  when typed in full;
- the employer's credit code as it is (a public company identifier), upper case.

The hashes are keyed with a secret of their own (``ensure_secret``: made once, at install or by
an upgrade step), kept in an annotation of the site root: in no control panel, no profile
export, and untouched when Plone's keyring (``_system``) is rotated — a rotated key would leave
every stored case unfindable by phone and ID until all were reindexed. Changing the secret
means reindexing ``case_search_keys``.
"""

from plone import api
from plone.keyring.interfaces import IKeyManager
from Products.CMFCore.utils import getToolByName
from suizhou.laborrights.validators import normalize_phone
from suizhou.laborrights.warnings.employers import normalised_name
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility

import hashlib
import hmac
import re
import secrets


SECRET = "suizhou.laborrights.search_keys.secret"
_SPACES = re.compile(r"[\s\u3000·•.]+")


def compact(text):
    return _SPACES.sub("", text or "").upper()


def pieces(text):
    """The two-character pieces of ``text`` (a one-character text is its own piece)."""
    text = compact(text)
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _site(context):
    # a case is indexed at commit time, when no site may be set: found from the case then
    return getToolByName(context, "portal_url").getPortalObject() if context is not None else api.portal.get()


def ensure_secret(site):
    """Make the search keys' secret if the site has none; True when it was made."""
    annotations = IAnnotations(site)
    if annotations.get(SECRET):
        return False
    annotations[SECRET] = secrets.token_hex(32)
    return True


def _secret(context):
    secret = IAnnotations(_site(context)).get(SECRET)
    if secret:
        return secret
    # a site not upgraded yet keeps finding its cases as before, until the upgrade reindexes them
    return getUtility(IKeyManager, context=context).secret("_system")


def _digest(purpose, value, context):
    secret = _secret(context)
    return hmac.new(secret.encode(), f"{purpose}\n{value}".encode(), hashlib.sha256).hexdigest()[:32]


def phone_key(phone, context=None):
    number = normalize_phone(phone).replace("-", "")
    return f"phone:{_digest('case-search-phone', number, context)}" if number else None


def id_key(id_number, context=None):
    number = compact(id_number)
    return f"id:{_digest('case-search-id', number, context)}" if number else None


def code_key(credit_code):
    code = compact(credit_code)
    return f"code:{code}" if code else None


def name_keys(name, prefix="name"):
    return {f"{prefix}:{piece}" for piece in pieces(name)}


def employer_keys(name):
    # without the company form (有限公司 …): its pieces are in every other company's name
    return name_keys(normalised_name(name) or name, "employer")


def case_keys(case):
    keys = name_keys(case.applicant_name) | employer_keys(case.employer_name)
    keys.update(
        key
        for key in (
            phone_key(case.applicant_phone, case),
            id_key(case.applicant_id_number, case),
            code_key(case.employer_credit_code),
        )
        if key
    )
    return sorted(keys)
