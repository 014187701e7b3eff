"""1009 → 1010: 不予受理 with a reason from a list (issue 12, item 5).

- The registry list ``vocabularies.refusal_reasons`` (不属于劳动争议, 超过仲裁时效 …):
  re-importing the registry step adds the record with its defaults; every existing record
  keeps the administrator's values;
- the state menu's 不予受理 opens the form that asks for the reason (``@@reject-case``): the
  stored case workflow's ``reject`` action gets the profile's URL (nothing else of the workflow
  is touched)."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"
WORKFLOW = "laborrights_case_workflow"
REJECT_URL = "%(content_url)s/@@reject-case"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    workflow = api.portal.get_tool("portal_workflow").get(WORKFLOW)
    if workflow is not None and "reject" in workflow.transitions:
        workflow.transitions["reject"].actbox_url = REJECT_URL
    logger.info("Upgraded to 1010: refusal reasons list added; 不予受理 opens its form.")
