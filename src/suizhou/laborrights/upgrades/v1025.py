"""1024 → 1025: arbitrators serving enterprises (issue 15 item 2).

The types ServiceOrder (企业服务预约) and ServiceVisit (走访记录) with ``enterprise_service_workflow``
(staff-only) come from the typeinfo and workflow steps; the orders' folder ``enterprise-services``
is made (the arbitrators' group works in it) and the public employer-service form files orders
instead of cases. Cases filed by that form before stay in the register as they are."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.enterprise.install import route_employer_form_to_orders


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    route_employer_form_to_orders()
    logger.info("Upgraded to 1025: enterprise service orders and visits.")
