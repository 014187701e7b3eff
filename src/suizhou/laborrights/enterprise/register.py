"""The enterprise register (企业台账), by credit code: each employer's service orders and visits,
the disputes against it, and its risk level.

The level is set by staff with a reason (kept with who and when, the earlier ones too, in an
annotation of the orders' folder: never catalogued). The early-warning package's risk list
(``warnings.risk_list.listed``) is shown beside it: an employer on that list is a risk source
even before staff set a level."""

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.enterprise import folders
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise.vocabularies import RISK_LEVELS
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.warnings.employers import employer_key
from suizhou.laborrights.warnings.employers import query_keys
from suizhou.laborrights.warnings.risk_list import listed
from zope.annotation.interfaces import IAnnotations


RISK_KEY = "suizhou.laborrights.enterprise.risk_levels"
RISK_SOURCE_LEVELS = ("medium", "high")


class RiskRefused(ValueError):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _risk_store(create=False):
    folder = folders.services_folder() if create else api.portal.get().get(folders.FOLDER_ID)
    if folder is None:
        return {}
    annotations = IAnnotations(folder)
    if RISK_KEY not in annotations and create:
        annotations[RISK_KEY] = OOBTree()
    return annotations.get(RISK_KEY, {})


def risk_history(code):
    """The levels set for the employer, newest last: dicts (level, reason, by, at)."""
    return list(_risk_store().get(orders.normalized_code(code), ()))


def risk_level(code):
    history = risk_history(code)
    return history[-1]["level"] if history else None


def set_risk_level(code, level, reason, userid):
    errors = {}
    if level not in dict(RISK_LEVELS):
        errors["level"] = zh(_("error_risk_level", default="请选择风险等级。"))
    if not (reason or "").strip():
        errors["reason"] = zh(_("error_risk_reason", default="请填写设定风险等级的理由。"))
    if errors:
        raise RiskRefused(errors)
    store = _risk_store(create=True)
    code = orders.normalized_code(code)
    entries = store.get(code)
    if entries is None:
        entries = store[code] = PersistentList()
    entries.append({"level": level, "reason": reason.strip(), "by": userid, "at": now()})


def orders_of(code):
    code = orders.normalized_code(code)
    found = [order for order in orders.all_orders() if order.employer_credit_code == code]
    return sorted(found, key=lambda order: order.created(), reverse=True)


def disputes_against(code, name=None):
    """The cases against the employer the current user may see, and how many there are in all."""
    keys = query_keys(code, name)
    if not keys:
        return [], 0
    visible = api.content.find(portal_type="Case", employer_keys=keys, sort_on="created", sort_order="reverse")
    catalog = api.portal.get_tool("portal_catalog")
    total = len(catalog.unrestrictedSearchResults(portal_type="Case", employer_keys=keys))
    return visible, total


def on_warning_list(code, name=None):
    return listed(employer_key(code, None), name)


def is_risk_source(code, name=None):
    return risk_level(code) in RISK_SOURCE_LEVELS or on_warning_list(code, name)


def enterprises():
    """[(credit code, name)] of every employer with an order or a risk level, by name."""
    names = {}
    for order in orders.all_orders():
        names.setdefault(order.employer_credit_code, order.employer_name)
    for code in _risk_store().keys():
        names.setdefault(code, "")
    return sorted(names.items(), key=lambda item: (item[1], item[0]))
