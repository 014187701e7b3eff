"""Matching seekers with postings (trade, place, availability) and the referrals made.

A referral is kept on the seeker's record (private like the seeker): which posting, the
outcome, when and by whom; a withdrawal of consent deletes it with the record."""

from persistent.list import PersistentList
from plone import api
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.gig.listing import public_postings
from suizhou.laborrights.gig.vocabularies import OUTCOMES


def score(seeker, posting):
    """How well a posting fits: 0 (another trade: no match), else 1 + same district + shared
    shifts; a seeker who gave no availability fits any shift."""
    if posting.trade not in (seeker.wanted_trades or ()):
        return 0
    points = 1
    if posting.district == seeker.wanted_district:
        points += 1
    if not seeker.availability or not posting.shifts or set(seeker.availability) & set(posting.shifts):
        points += 1
    return points


def matches(seeker, postings=None):
    """(score, posting) of the current public postings that fit the seeker, best first."""
    postings = public_postings() if postings is None else postings
    found = [(score(seeker, posting), posting) for posting in postings]
    found = [item for item in found if item[0]]
    found.sort(key=lambda item: -item[0])
    return found


def record_referral(seeker, posting_uid, outcome):
    """Add or update the referral of ``seeker`` to a posting with ``outcome``."""
    if outcome not in {code for code, _title in OUTCOMES}:
        raise ValueError(outcome)
    referrals = seeker.__dict__.get("referrals")
    if referrals is None:
        referrals = seeker.referrals = PersistentList()
    entry = {"posting": posting_uid, "outcome": outcome, "when": now(), "by": api.user.get_current().getId()}
    for index, old in enumerate(referrals):
        if old["posting"] == posting_uid:
            referrals[index] = entry
            break
    else:
        referrals.append(entry)
    seeker._p_changed = True
    return entry
