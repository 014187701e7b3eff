"""1004 → 1005: claims judged one by one for the final award (终局裁决) — the claim kinds
(``vocabularies.claim_kinds``) and which of them are amount-limited or labour-standards kinds
(``statutory.final_award_amount_kinds`` / ``final_award_standard_kinds``).

Re-imports the registry records of the two control panels: new records get their defaults,
existing ones keep the administrator's values."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1005: claim kinds for the final award.")
