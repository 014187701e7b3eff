"""The registry codes the demo uses, taken from the registry defaults instead of retyped.

The demo names a code (``"wage_arrears"``, ``"hitech"``) where it means that one; whole lists
(every district, every channel …) come from here. ``unknown_codes()`` checks everything the demo
would create against the registry lists.
"""

from suizhou.laborrights.controlpanels.statutory import IStatutorySettings
from suizhou.laborrights.controlpanels.vocabularies import IVocabularySettings
from suizhou.laborrights.vocabularies import parse_line


def default_codes(name):
    """The codes of registry list ``name`` as the profile installs it, in its order."""
    return [parse_line(line)[0] for line in IVocabularySettings[name].default if line.strip()]


def default_route_suggestions():
    """{dispute type: route} as the profile installs ``route_suggestions``."""
    return dict(parse_line(line) for line in IStatutorySettings["route_suggestions"].default)


DISTRICTS = default_codes("districts")
CHANNELS = default_codes("channels")
DISPUTE_TYPES = default_codes("dispute_types")
MEDIATION_KINDS = default_codes("mediation_kinds")
PARTNER_AGENCIES = default_codes("partner_agencies")


def _station_codes(station):
    yield "districts", station["district"]
    yield "station_levels", station["level"]
    yield "host_types", station["host_type"]
    yield from (("dispute_types", code) for code in station["dispute_types"])
    yield from (("mediation_kinds", code) for code in station["mediation_kinds"])
    yield from (("partner_agencies", code) for code in station["partner_agencies"])


def _mediator_codes(mediator):
    yield "districts", mediator["district"]
    yield "mediation_kinds", mediator["mediation_kind"]
    yield "mediator_titles", mediator["mediator_title"]
    if mediator["studio"] is not None:
        yield "studios", mediator["studio"]
    yield from (("dispute_types", code) for code in mediator["specialties"])


def _case_codes(spec):
    fields, flow = spec["fields"], spec["flow"]
    yield "districts", fields["district"]
    yield "channels", fields["channel"]
    yield from (("dispute_types", code) for code in fields["dispute_types"])
    yield from (("claim_kinds", claim["kind"]) for claim in fields.get("claims") or ())
    if flow.get("route") is not None:
        yield "routes", flow["route"]
    if flow.get("outcome") is not None:
        yield "outcomes", flow["outcome"]


def used_codes(stations, mediators, guides, typical_cases, case_specs):
    """(registry list, code) of every code the demo content and cases carry."""
    for station in stations:
        yield from _station_codes(station)
    for mediator in mediators:
        yield from _mediator_codes(mediator)
    for item in [*guides, *typical_cases]:
        yield from (("dispute_types", code) for code in item["dispute_types"])
    for item in typical_cases:
        yield "districts", item["district"]
    for spec in case_specs:
        yield from _case_codes(spec)


def unknown_codes(stations, mediators, guides, typical_cases, case_specs, registry=default_codes):
    """{(registry list, code)} the demo uses but ``registry(list name)`` does not have."""
    lists = {}
    unknown = set()
    for name, code in used_codes(stations, mediators, guides, typical_cases, case_specs):
        if name not in lists:
            lists[name] = set(registry(name))
        if code not in lists[name]:
            unknown.add((name, code))
    return unknown
