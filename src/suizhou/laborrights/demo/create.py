"""The demo profile's post handler: creates the demo content.

Stations, mediators, guides, typical cases, news, FAQ and policy pages are created and
published; cases are filed through ``cases.filing.file_case`` like any filing, then moved along
their workflow. Running the
profile again adds only what is missing: items are skipped by id, cases altogether once they have
been created.
"""

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.demo import cases
from suizhou.laborrights.demo import gig
from suizhou.laborrights.demo import guides
from suizhou.laborrights.demo import mediators
from suizhou.laborrights.demo import news
from suizhou.laborrights.demo import sections
from suizhou.laborrights.demo import stations
from suizhou.laborrights.demo import typical_cases
from suizhou.laborrights.demo.enterprise import create_enterprise_demo
from suizhou.laborrights.demo.partners import create_partner_demo
from suizhou.laborrights.demo.warnings import raise_demo_warnings
from suizhou.laborrights.folders import FAQ_ID
from suizhou.laborrights.folders import GUIDES_ID
from suizhou.laborrights.folders import NEWS_ID
from suizhou.laborrights.folders import POLICIES_ID
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.folders import TYPICAL_CASES_ID
from zope.annotation.interfaces import IAnnotations

import logging


logger = logging.getLogger("suizhou.laborrights.demo")
MARKER = "suizhou.laborrights.demo"
CASE_WORKFLOW = "laborrights_case_workflow"


def post_install(context):
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        station_uids = create_stations(portal)
        create_mediators(portal, station_uids)
        create_guides(portal)
        create_typical_cases(portal)
        create_news(portal)
        create_sections(portal)
        create_cases(portal, station_uids)
        gig.create_gig_demo()
        raise_demo_warnings()
        create_enterprise_demo()
        create_partner_demo()


def _html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def _publish(obj):
    if api.content.get_state(obj, default=None) not in (None, "published"):
        api.content.transition(obj=obj, to_state="published")


def _create(container, type_, data):
    """Create and publish one item unless its id exists; returns the item either way."""
    if data["id"] not in container:
        obj = api.content.create(container=container, type=type_, safe_id=False, **data)
        _publish(obj)
    return container[data["id"]]


def create_stations(portal):
    """Service stations in their districts' folders; returns {station id: UID}."""
    districts = portal[STATIONS_ID]
    uids = {}
    for code, address in stations.CENTER_ADDRESSES.items():
        if not districts[code].address:
            districts[code].address = address
            districts[code].reindexObject()
    for data in stations.STATIONS:
        station = _create(districts[data["district"]], "ServiceStation", dict(data))
        uids[data["id"]] = station.UID()
    return uids


def create_mediators(portal, station_uids):
    districts = portal[STATIONS_ID]
    for data in mediators.MEDIATORS:
        data = dict(data, stations=[station_uids[id_] for id_ in data["stations"]])
        data["description"] = f"{data['organisation']}（演示人物，纯属虚构）"
        _create(districts[data["district"]], "Mediator", data)


def create_guides(portal):
    for data in guides.GUIDES:
        _create(portal[GUIDES_ID], "Guide", dict(data, steps=_html(data["steps"])))


def create_typical_cases(portal):
    for data in typical_cases.TYPICAL_CASES:
        data = dict(data, facts=_html(data["facts"]), handling=_html(data["handling"]))
        data.setdefault("description", data["summary"])
        # Published when closed, so that the newest case comes first on the home page.
        data.setdefault("effective_date", DateTime(data["case_date"].isoformat() + " 09:00 GMT+8"))
        _create(portal[TYPICAL_CASES_ID], "TypicalCase", data)


def create_news(portal):
    for data in news.NEWS:
        data = dict(data, text=_html(data["text"]), effective_date=DateTime(data["effective_date"]))
        _create(portal[NEWS_ID], "News Item", data)


def create_sections(portal):
    """常见问题 and 政策法规: plain Documents in the sections' folders."""
    for folder_id, items in ((FAQ_ID, sections.FAQ), (POLICIES_ID, sections.POLICIES)):
        if folder_id not in portal:
            continue
        for data in items:
            _create(portal[folder_id], "Document", dict(data, text=_html(data["text"] + sections.NOTE)))


def create_cases(portal, station_uids):
    annotations = IAnnotations(portal)
    if annotations.get(MARKER, {}).get("cases"):
        return
    specs = cases.case_specs()
    for spec in specs:
        fields = dict(spec["fields"])
        if fields.get("station"):
            fields["station"] = station_uids[fields["station"]]
        case = file_case(fields, received=spec["received"])
        _follow(case, spec["received"], spec["flow"], station_uids)
    annotations[MARKER] = dict(annotations.get(MARKER, {}), cases=True)
    logger.info("Registered %d demo cases.", len(specs))


def _follow(case, received, flow, station_uids):
    """Set the handling fields of a case and take it through its transitions."""
    if flow.get("assigned_unit"):
        case.assigned_unit = station_uids[flow["assigned_unit"]]
    for name in ("route", "handler", "routed", "outcome", "closed"):
        if flow.get(name) is not None:
            setattr(case, name, flow[name])
    for transition, _when, comment in flow["transitions"]:
        api.content.transition(obj=case, transition=transition, comment=comment)
    _backdate(case, received, [when for _transition, when, _comment in flow["transitions"]])
    case.reindexObject()
    # reindexObject() touched the modification date: set it to the last step, and index that.
    case.modification_date = case.workflow_history[CASE_WORKFLOW][-1]["time"]
    case.reindexObject(idxs=["modified"])


def _backdate(case, received, times):
    """Dates of creation and of each workflow step as they would have been, not today's."""
    case.creation_date = DateTime(received)
    history = [dict(entry) for entry in case.workflow_history[CASE_WORKFLOW]]
    for entry, when in zip(history, [received, *times]):
        entry["time"] = DateTime(when)
    case.workflow_history[CASE_WORKFLOW] = tuple(history)
