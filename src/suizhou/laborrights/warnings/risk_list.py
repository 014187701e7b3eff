"""Whether an employer is on the risk list: the one place to ask (issue 15's enterprise
register will answer here too). Today: the staff's list in the warnings control panel (credit
codes or names) and the employers whose warnings were handled and closed."""

from suizhou.laborrights.settings import setting
from suizhou.laborrights.warnings.employers import employer_key
from suizhou.laborrights.warnings.employers import normalised_name
from suizhou.laborrights.warnings.store import get_store

import re


_CREDIT_CODE = re.compile(r"^[0-9A-Z]{18}$")


def _listed_keys():
    keys = set()
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
