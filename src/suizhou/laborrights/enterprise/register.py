"""The enterprise register (企业台账), by credit code: each employer's service orders and visits,
the disputes against it, and its risk level.

The level is set by staff with a reason (``risk_levels``). The early-warning package's risk list
(``warnings.risk_list.listed``) holds these employers and those of the warnings' own sources:
an employer on it is a risk source. Setting a level runs the warning rules on the employer's
open cases once the request has committed, as a case's change does (``warnings.after_commit``)."""

from plone import api
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise.risk_levels import levelled_codes
from suizhou.laborrights.enterprise.risk_levels import risk_history  # noqa: F401 - the register's API
from suizhou.laborrights.enterprise.risk_levels import risk_level
from suizhou.laborrights.enterprise.risk_levels import RISK_SOURCE_LEVELS
from suizhou.laborrights.enterprise.risk_levels import RiskRefused  # noqa: F401
from suizhou.laborrights.enterprise.risk_levels import set_risk_level as _set_risk_level
from suizhou.laborrights.handling.assignment import OPEN_STATES
from suizhou.laborrights.warnings.after_commit import note
from suizhou.laborrights.warnings.employers import employer_key
from suizhou.laborrights.warnings.employers import query_keys
from suizhou.laborrights.warnings.risk_list import listed


def set_risk_level(code, level, reason, userid):
    """Keep the level (``risk_levels.set_risk_level``), then run the warning rules on the
    employer's open cases after the commit: put on the risk list, they raise (or extend) its
    warning."""
    _set_risk_level(code, level, reason, userid)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Case", employer_keys=query_keys(code, None), review_state=list(OPEN_STATES)
    ):
        note(brain._unrestrictedGetObject(), "case")


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
    for code in levelled_codes():
        names.setdefault(code, "")
    return sorted(names.items(), key=lambda item: (item[1], item[0]))
