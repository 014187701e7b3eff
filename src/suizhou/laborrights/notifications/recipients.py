"""Who is told: the applicant (e-mail when given, SMS to a mobile number), the handling unit
(its work mailbox) and the handler (their account's e-mail address). Links in messages use the
public site address from the settings."""

from plone import api
from suizhou.laborrights.documents.receipt import filing_record
from suizhou.laborrights.forms.progress import progress_url as forms_progress_url
from suizhou.laborrights.settings import setting
from suizhou.laborrights.validators import is_mobile
from suizhou.laborrights.validators import normalize_phone
from urllib.parse import urlencode


def applicant_email(case):
    """The case's e-mail field, or the address given with a web filing."""
    email = getattr(case, "applicant_email", None) or filing_record(case).get("email")
    return (email or "").strip() or None


def applicant_mobile(case):
    phone = normalize_phone(getattr(case, "applicant_phone", None))
    return phone if is_mobile(phone) else None


def unit(uid):
    """The ServiceStation with this UID, whoever is asking (or None)."""
    if not uid:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=uid, portal_type="ServiceStation"
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def unit_title(uid):
    station = unit(uid)
    return station.Title() if station is not None else ""


def unit_email(uid):
    station = unit(uid)
    if station is None:
        return None
    return (getattr(station, "email", None) or "").strip() or None


def user_email(userid):
    if not userid:
        return None
    user = api.user.get(userid=userid)
    if user is None:
        return None
    return (user.getProperty("email") or "").strip() or None


def site_url():
    """The address the public uses, without a trailing slash."""
    configured = (setting("notifications", "site_url", "") or "").strip().rstrip("/")
    return configured or api.portal.get().absolute_url()


def staff_case_url(case):
    """The link to a case in staff notices (``@@open-case``: through the login form)."""
    return f"{site_url()}/@@open-case?{urlencode({'ref': case.getId()})}"


def progress_url(case):
    """The public progress page of the case (where the applicant enters the phone number, and
    rates the service once the case is closed), under the public site address."""
    url = forms_progress_url(case.getId())
    portal_url = api.portal.get().absolute_url()
    if url.startswith(portal_url):
        url = site_url() + url[len(portal_url) :]
    return url
