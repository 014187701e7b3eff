"""Reading the site's settings: the registry records of the control panels (``controlpanels/``).

Every module reads a setting through ``setting(group, name)``, where ``group`` names a control
panel module and is the last part of its registry prefix — ``statutory``, ``vocabularies``,
``filing``, ``notifications``, ``public``, ``holidays``, ``minimum_wage`` — so
``setting("statutory", "mediation_days")`` is the record
``suizhou.laborrights.statutory.mediation_days``. A record that is missing (a site not yet
upgraded) or empty gives ``default``, or the control panel's default when none is given.

A new control panel (a module with ``PREFIX`` and its schema) adds its group to ``GROUPS``.
The modules are imported when first read, so that any module may import this one.
"""

from plone import api

import functools
import importlib


# group -> (module under controlpanels/, its schema)
GROUPS = {
    "statutory": ("statutory", "IStatutorySettings"),
    "vocabularies": ("vocabularies", "IVocabularySettings"),
    "filing": ("filing", "IFilingSettings"),
    "notifications": ("notifications", "INotificationSettings"),
    "public": ("public", "IPublicSettings"),
    "holidays": ("holidays", "IHolidaySettings"),
    "minimum_wage": ("minimum_wage", "IMinimumWageSettings"),
    "warnings": ("warnings", "IWarningSettings"),
}

_SCHEMA_DEFAULT = object()


@functools.cache
def panel(group):
    """(registry prefix, schema) of the control panel of ``group``."""
    module_name, schema_name = GROUPS[group]
    module = importlib.import_module(f"suizhou.laborrights.controlpanels.{module_name}")
    return module.PREFIX, getattr(module, schema_name)


def record_name(group, name):
    """The registry record of setting ``name`` of ``group``: ``suizhou.laborrights.<group>.<name>``."""
    return f"{panel(group)[0]}.{name}"


def setting(group, name, default=_SCHEMA_DEFAULT):
    """The value of record ``<prefix of group>.<name>``; when it is missing or empty (None),
    ``default``, or the schema's default when no ``default`` is given."""
    value = api.portal.get_registry_record(record_name(group, name), default=None)
    if value is not None:
        return value
    return panel(group)[1][name].default if default is _SCHEMA_DEFAULT else default


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


def site_name():
    """The platform's name as the administrator set it (Plone's site title), for e-mails and
    documents: the city's name never comes from code."""
    return api.portal.get_registry_record("plone.site_title", default="") or ""


def court_name(district):
    """The people's court that confirms mediation agreements (司法确认) for ``district``, as the
    administrator set it (``public.courts``), or "" when none is set: never from code."""
    return dict(lines("public", "courts", 2)).get(district or "", "")
