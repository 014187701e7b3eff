"""The monthly minimum wage (月最低工资标准) in force in a district on a day.

The province sets the standard in tiers (档) by notice, each with its effective date, and
says which tier each county or district is in. Registry records
(``suizhou.laborrights.minimum_wage.*``, control panel ``@@laborrights-minimum-wage``):

- ``standards``: one line per notice, ``生效日期|一档|二档|三档`` in yuan a month, e.g.
  ``2025-12-01|2400|2130|1970`` (Hubei's standard since 1 December 2025). A line with one
  amount applies to every tier (the old single setting, migrated by upgrade 1008);
- ``district_tiers``: ``区县代码|档次`` lines, optionally ``|起始日期`` when a district moves to
  another tier from a date.

On a day, the standard in force is the latest line effective on or before it (the earliest
line for an earlier day); the district's tier is its latest line from on or before the day.
A district without a tier gets the lowest amount of the standard (the most cautious limit).
A site whose ``standards`` record is not there yet (upgrade 1008 not run) uses the old single
``statutory.monthly_minimum_wage``.
"""

from collections import namedtuple
from suizhou.laborrights.settings import setting

import datetime
import decimal


PREFIX = "suizhou.laborrights.minimum_wage"
OLD_RECORD = "suizhou.laborrights.statutory.monthly_minimum_wage"

MinimumWage = namedtuple("MinimumWage", ("amount", "tier", "effective"))


def parse_standard(line):
    """``2025-12-01|2400|2130|1970`` -> (date, (Decimal, …)); ValueError when malformed."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2:
        raise ValueError(line)
    effective = datetime.date.fromisoformat(parts[0])
    try:
        amounts = tuple(decimal.Decimal(part) for part in parts[1:] if part)
    except decimal.InvalidOperation:
        raise ValueError(line) from None
    if not amounts or any(amount <= 0 for amount in amounts):
        raise ValueError(line)
    return effective, amounts


def parse_district_tier(line):
    """``zengdu|2`` or ``zengdu|2|2026-07-01`` -> (code, tier, date or None)."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2 or not parts[0]:
        raise ValueError(line)
    tier = int(parts[1])
    if tier < 1:
        raise ValueError(line)
    since = datetime.date.fromisoformat(parts[2]) if len(parts) > 2 and parts[2] else None
    return parts[0], tier, since


def _parsed(lines, parse):
    found = []
    for line in lines or ():
        try:
            found.append(parse(line))
        except ValueError:
            continue
    return found


def district_tier(district, on):
    """The tier of ``district`` on day ``on``, or None when none is set."""
    lines = setting("minimum_wage", "district_tiers", ()) or ()
    tier, tier_since = None, None
    for code, number, since in _parsed(lines, parse_district_tier):
        if code != district or (since is not None and since > on):
            continue
        if tier is None or (since or datetime.date.min) >= (tier_since or datetime.date.min):
            tier, tier_since = number, since
    return tier


def minimum_wage(district, on):
    """The ``MinimumWage`` in force in ``district`` on day ``on``."""
    lines = setting("minimum_wage", "standards", None)
    standards = sorted(_parsed(lines, parse_standard)) if lines is not None else []
    if not standards:
        old = setting("statutory", "monthly_minimum_wage", None)
        return MinimumWage(decimal.Decimal(old or 0), None, None)
    in_force = [standard for standard in standards if standard[0] <= on] or standards[:1]
    effective, amounts = in_force[-1]
    tier = district_tier(district, on)
    if len(amounts) == 1:
        return MinimumWage(amounts[0], tier, effective)
    if tier is None or tier > len(amounts):
        return MinimumWage(min(amounts), tier, effective)
    return MinimumWage(amounts[tier - 1], tier, effective)
