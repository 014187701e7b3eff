"""Job-seeker registration (求职登记), its consent and the withdrawal of consent.

A withdrawal (reference + the phone given at registration) deletes the record: a station
keeps no register of people who no longer want to be found, and referrals made for them go
with it. The registration page says so before the seeker agrees."""

from plone import api
from suizhou.laborrights.cases.filing import field_error
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.content.job_seeker import IJobSeeker
from suizhou.laborrights.gig import folders
from suizhou.laborrights.gig.vocabularies import gig_stations
from suizhou.laborrights.handling.assignment import ensure_unit_group
from suizhou.laborrights.validators import normalize_phone
from zope.schema import getFieldsInOrder

import secrets


STAFF_ROLES = ("Editor",)
REFERENCE_PREFIX = "QZ"


def seeker_errors(data):
    """Chinese messages by field name (consent is checked by the form that asks for it)."""
    errors = {}
    portal = api.portal.get()
    for name, field in getFieldsInOrder(IJobSeeker):
        if name == "consent_date" or (data.get(name) in (None, "", []) and not field.required):
            continue
        errors.update(field_error(name, field.bind(portal), data.get(name)))
    return errors


def new_reference():
    """``QZ`` and eight characters nobody guesses (the withdrawal also needs the phone)."""
    return REFERENCE_PREFIX + secrets.token_hex(4).upper()


def register_seeker(data):
    """The seeker's private record, consent dated now; returns it (its id is the reference)."""
    reference = new_reference()
    fields = {name: data.get(name) for name, _field in getFieldsInOrder(IJobSeeker)}
    fields["consent_date"] = now()
    seeker = folders.create_in(
        folders.seekers_folder(), "JobSeeker", id=reference.lower(), title=f"求职登记 {reference}", **fields
    )
    grant(seeker)
    return seeker


def grant(seeker):
    group = ensure_unit_group(seeker.station)
    seeker.manage_setLocalRoles(group, list(STAFF_ROLES))
    seeker.reindexObjectSecurity()


def find_seeker(reference, phone):
    """The record with this reference whose phone matches, or None."""
    folder = api.portal.get().get(folders.SEEKERS_ID)
    reference = (reference or "").strip().lower()
    seeker = folder.get(reference) if folder is not None and reference else None
    if seeker is None or normalize_phone(seeker.phone) != normalize_phone(phone):
        return None
    return seeker


def withdraw_consent(reference, phone):
    """Delete the record when reference and phone match; True when one was deleted."""
    seeker = find_seeker(reference, phone)
    if seeker is None:
        return False
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(seeker, check_linkintegrity=False)
    return True


def seekers_of(stations):
    """The seekers registered at the stations with these UIDs (for their staff's matching)."""
    folder = api.portal.get().get(folders.SEEKERS_ID)
    if folder is None:
        return []
    return [seeker for seeker in folder.objectValues() if seeker.station in stations]


def known_station(uid):
    return uid in {station.UID() for station in gig_stations()}
