"""Whether an employer is on the risk list: the one place to ask. One list, its sources: the
staff's list in the warnings control panel (credit codes or names), the employers whose warnings
were handled and closed, and the enterprise register's risk sources (a level of 较大风险 or 重大风险
set by staff with a reason, ``enterprise.risk_levels``; by credit code, and by the name its
service orders give)."""

from suizhou.laborrights.enterprise import risk_levels
from suizhou.laborrights.settings import setting
from suizhou.laborrights.warnings.employers import employer_key
from suizhou.laborrights.warnings.employers import normalised_name
from suizhou.laborrights.warnings.store import get_store

import re


_CREDIT_CODE = re.compile(r"^[0-9A-Z]{18}$")


def _listed_keys():
    keys = {employer_key(code, None) for code in risk_levels.risk_source_codes()}
    keys |= {employer_key(None, name) for name in risk_levels.risk_source_names()}
    for line in setting("warnings", "risk_employers") or ():
        line = line.strip()
        if _CREDIT_CODE.match(line.upper()):
            keys.add(employer_key(line, None))
        elif line:
            keys.add(employer_key(None, line))
    return keys


def listed(key, name=None):
    """Whether the employer of ``key`` (``employers.employer_key``), also named ``name``, is on
    the risk list."""
    listed_keys = _listed_keys()
    if key in listed_keys or (name and f"name:{normalised_name(name)}" in listed_keys):
        return True
    store = get_store()
    return store is not None and store.warned_before(key)
