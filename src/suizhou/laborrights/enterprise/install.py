"""The employer-service form files a ServiceOrder instead of a case (an existing site's form keeps
its fields; only its action is changed, and only while it still is the default create-case one)."""

from plone import api
from suizhou.laborrights.enterprise import folders
from suizhou.laborrights.forms.install import FOLDER_ID
from suizhou.laborrights.forms.install import model


FORM_ID = "employer-service"
OLD_ACTION = "suizhou.laborrights.forms.action.CreateCase"


def route_employer_form_to_orders():
    form = (api.portal.get().get(FOLDER_ID) or {}).get(FORM_ID)
    if form is not None and OLD_ACTION in (form.actions_model or ""):
        form.actions_model = model(FORM_ID, "actions")
    folders.services_folder()
