"""1022 → 1023: 零工驿站 four in one (issue 15 item 1).

The types JobPosting (招聘岗位) and JobSeeker (求职登记) with their workflows
(``gig_posting_workflow``: pending → published by the station's staff; ``gig_seeker_workflow``:
private to the station's staff) come from the typeinfo and workflow steps; the two site folders
(``jobs``, ``job-seekers``) are made. Nothing stored changes."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.gig import folders


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    folders.postings_folder()
    folders.seekers_folder()
    logger.info("Upgraded to 1023: job postings and job-seeker registration of the gig-worker stations.")
