"""Districts kept by the city administrator through the site (no Zope management interface).

Adding a district: its line in the registry list ``districts`` (code|title), then the site's own
set-up (``setuphandlers.create_structure``, which makes what is missing and nothing else): the
district's stations folder, its bin in the register, its administrators' and clerks' groups with
their local roles; then its center and units as service stations. Renaming changes the titles
only: the code is stored on every case and never changes.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.settings import record_name
from suizhou.laborrights.setuphandlers import create_structure
from suizhou.laborrights.setuphandlers import district_admins_group
from suizhou.laborrights.setuphandlers import district_clerks_group
from suizhou.laborrights.vocabularies import registry_terms

import re


CODE = re.compile(r"^[a-z][a-z0-9_]{1,29}$")
DISTRICTS = record_name("vocabularies", "districts")


class FieldRefused(Refused):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


def _title(title, field="title"):
    title = (title or "").strip()
    if not title or len(title) > 40:
        raise FieldRefused(field, _("district_title_required", default="请填写名称（不超过40字）。"))
    return title


def add_district(code, title, center_title, center_address, units=()):
    """A new district with its center (维权中心) and its units (one title per entry)."""
    code = (code or "").strip()
    if not CODE.match(code):
        raise FieldRefused(
            "code", _("district_code_invalid", default="代码须以小写字母开头，由2至30位小写字母、数字或下划线组成。")
        )
    if code in dict(registry_terms("districts")):
        raise FieldRefused("code", _("district_code_taken", default="该代码已有区县使用，请换一个。"))
    title = _title(title)
    center_title = _title(center_title, "center_title")
    center_address = _title(center_address, "center_address")
    units = [unit.strip() for unit in units if unit and unit.strip()]
    with api.env.adopt_roles(["Manager"]):
        lines = tuple(api.portal.get_registry_record(DISTRICTS) or ()) + (f"{code}|{title}",)
        api.portal.set_registry_record(DISTRICTS, lines)
        portal = api.portal.get()
        create_structure(portal)
        folder = portal[STATIONS_ID][code]
        folder.address = center_address
        stations = [("center", center_title, "center")] + [
            (f"unit-{number}", unit, "station") for number, unit in enumerate(units, 1)
        ]
        for station_id, station_title, level in stations:
            api.content.create(
                container=folder, type="ServiceStation", id=station_id, title=station_title,
                level=level, district=code, address=center_address,
            )
    return folder


def rename_district(code, title):
    if code not in dict(registry_terms("districts")):
        raise FieldRefused("code", _("district_unknown", default="没有这个区县。"))
    title = _title(title)
    with api.env.adopt_roles(["Manager"]):
        lines = [
            f"{code}|{title}" if line.partition("|")[0].strip() == code else line
            for line in api.portal.get_registry_record(DISTRICTS) or ()
        ]
        api.portal.set_registry_record(DISTRICTS, tuple(lines))
        portal = api.portal.get()
        for folder in (portal[STATIONS_ID].get(code), portal["cases"].get(code)):
            if folder is not None:
                folder.setTitle(title)
                folder.reindexObject()
        for group_id, suffix in ((district_admins_group(code), "站点管理员"), (district_clerks_group(code), "受理员")):
            group = api.group.get(groupname=group_id)
            if group is not None:
                group.setGroupProperties({"title": f"{title}{suffix}"})
