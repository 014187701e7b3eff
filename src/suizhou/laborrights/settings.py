"""Reading the site's settings: the registry records of the control panels (``controlpanels/``).

Every module reads a setting through ``setting(group, name)``, where ``group`` is the last part
of the control panel's registry prefix — ``statutory``, ``vocabularies``, ``filing``,
``notifications`` or ``public`` — so ``setting("statutory", "mediation_days")`` is the record
``suizhou.laborrights.statutory.mediation_days``. A record that is missing (a site not yet
upgraded) or empty gives ``default``, or the control panel's default when none is given.

A new control panel adds its group to ``GROUPS``.
"""

from plone import api
from suizhou.laborrights.controlpanels import filing
from suizhou.laborrights.controlpanels import notifications
from suizhou.laborrights.controlpanels import public
from suizhou.laborrights.controlpanels import statutory
from suizhou.laborrights.controlpanels import vocabularies


# group -> (registry prefix, schema of the control panel)
GROUPS = {
    "statutory": (statutory.PREFIX, statutory.IStatutorySettings),
    "vocabularies": (vocabularies.PREFIX, vocabularies.IVocabularySettings),
    "filing": (filing.PREFIX, filing.IFilingSettings),
    "notifications": (notifications.PREFIX, notifications.INotificationSettings),
    "public": (public.PREFIX, public.IPublicSettings),
}

_SCHEMA_DEFAULT = object()


def record_name(group, name):
    """The registry record of setting ``name`` of ``group``: ``suizhou.laborrights.<group>.<name>``."""
    return f"{GROUPS[group][0]}.{name}"


def setting(group, name, default=_SCHEMA_DEFAULT):
    """The value of record ``<prefix of group>.<name>``; when it is missing or empty (None),
    ``default``, or the schema's default when no ``default`` is given."""
    value = api.portal.get_registry_record(record_name(group, name), default=None)
    if value is not None:
        return value
    return GROUPS[group][1][name].default if default is _SCHEMA_DEFAULT else default


def lines(group, name, fields):
    """A lines setting (``字段|字段|…``) as tuples of ``fields`` stripped strings; missing fields
    are '' and blank lines are left out."""
    rows = []
    for line in setting(group, name) or ():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|", fields - 1)]
        rows.append(tuple(parts + [""] * (fields - len(parts))))
    return rows
