"""The warnings of the site as a test reads them, and settings of the rules."""

from plone import api
from suizhou.laborrights import background
from suizhou.laborrights.warnings.store import get_store

import transaction


def commit():
    """Commit as the request that filed or changed a case does, and wait for the warning worker:
    the rules run after the commit, in a transaction of their own; a new transaction here reads
    what they recorded."""
    transaction.commit()
    background.drain()
    transaction.begin()


def set_rule(**values):
    """Registry records of the warnings control panel, e.g. ``employer_cases=3``."""
    for name, value in values.items():
        api.portal.set_registry_record(f"suizhou.laborrights.warnings.{name}", value)


def warnings_of(rule=None):
    """All warnings (of ``rule``), oldest first."""
    store = get_store()
    found = list(store.warnings.values()) if store is not None else []
    return [warning for warning in found if rule is None or warning.rule == rule]


def references(warning):
    return sorted(reference for reference, _district, _workers in warning.cases.values())
