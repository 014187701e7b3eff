"""The risk levels staff set for employers (企业风险等级), by credit code, each with a reason, who
and when (the earlier ones too), in an annotation of the orders' folder: never catalogued.

An employer whose latest level is 较大风险 or 重大风险 is a risk source: the early warning's risk
list (``warnings.risk_list.listed``) asks here, so one list holds both sources — this one and the
warnings control panel's. Kept apart from ``register`` (which shows the list) so that the
warnings package can ask without importing the register."""

from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.enterprise import folders
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise.vocabularies import RISK_LEVELS
from suizhou.laborrights.i18n import zh
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


def levelled_codes():
    """The credit codes staff ever set a level for."""
    return list(_risk_store().keys())


def risk_source_codes():
    """The credit codes staff put on the risk list (latest level 较大风险 or 重大风险)."""
    return {code for code, entries in _risk_store().items() if entries and entries[-1]["level"] in RISK_SOURCE_LEVELS}


def risk_source_names():
    """The names the orders give those employers (a case may name its employer without a code)."""
    codes = risk_source_codes()
    if not codes:
        return set()
    return {order.employer_name for order in orders.all_orders() if order.employer_credit_code in codes} - {"", None}
