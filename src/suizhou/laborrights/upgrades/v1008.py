"""1007 → 1008: the holiday arrangement entered year by year and minimum wages by district
with effective dates (issue 12, items 3 and 4).

- Re-imports the registry records (new records get their defaults, existing ones keep the
  administrator's values) and the control panel entries;
- the old single ``statutory.monthly_minimum_wage`` becomes an older dated line of
  ``minimum_wage.standards`` (``2000-01-01|<value>``): cases received before the 2025-12-01
  tiers keep the limit they had;
- ``statutory.calendar_overrides`` lines for years the holiday package does not know move to
  the year's arrangement (days off / make-up working days): there, a year counts as entered
  only when both parts are there.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.handling import holidays
from suizhou.laborrights.handling import minimum_wage


PROFILE = "profile-suizhou.laborrights:default"
OLDER_THAN_ANY = "2000-01-01"


def migrate_minimum_wage():
    old = api.portal.get_registry_record(minimum_wage.OLD_RECORD, default=None)
    if old is None:
        return
    record = f"{minimum_wage.PREFIX}.standards"
    lines = tuple(api.portal.get_registry_record(record, default=()) or ())
    if any(line.startswith(OLDER_THAN_ANY) for line in lines):
        return
    api.portal.set_registry_record(record, (f"{OLDER_THAN_ANY}|{old}",) + lines)


def migrate_calendar_overrides():
    lines = api.portal.get_registry_record(holidays.OVERRIDES_RECORD, default=()) or ()
    kept, moved = [], {"days_off": [], "working_days": []}
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        day = next(iter(holidays.parse_overrides([line])), None)
        if day is None or day.year <= holidays.PACKAGE_LAST_YEAR:
            kept.append(line)
            continue
        target = "working_days" if parts[1] == "workday" else "days_off"
        moved[target].append("|".join([day.isoformat()] + parts[2:3]))
    if not (moved["days_off"] or moved["working_days"]):
        return
    for name, new in moved.items():
        record = f"{holidays.PREFIX}.{name}"
        old = tuple(api.portal.get_registry_record(record, default=()) or ())
        api.portal.set_registry_record(record, tuple(sorted(set(old) | set(new))))
    api.portal.set_registry_record(holidays.OVERRIDES_RECORD, tuple(kept))


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
    migrate_minimum_wage()
    migrate_calendar_overrides()
    logger.info("Upgraded to 1008: holiday arrangements by year, minimum wages by district.")
