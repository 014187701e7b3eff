"""The public forms, created by the default profile from the field and action models in
``models/`` (``<id>.fields.xml``, ``<id>.actions.xml``); an administrator edits them
afterwards with easyform's field and action editors. Existing forms are left as they are.
"""

from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from suizhou.laborrights.cases import duplicates
from suizhou.laborrights.folders import REGISTER_ID


FOLDER_ID = "apply"
FOLDER_TITLE = "网上申请"
MODELS = Path(__file__).parent / "models"
# After a filing, the browser goes to the receipt the create-case action prepared.
RECEIPT_REDIRECT = "python:request.get('suizhou.laborrights.receipt_url') or object_url"

PRIVACY = (
    "<p>您填写的个人信息仅用于办理本事项，只有承办工作人员可以查看。"
    "提交后您将获得受理编号，凭受理编号和联系电话即可查询办理进度，无需注册。"
    "带 <strong>*</strong> 的为必填项。</p>"
)

FORMS = (
    (
        "complaint",
        "劳动保障投诉举报",
        "用人单位拖欠工资、不签劳动合同、不缴社会保险等违反劳动保障法律法规的行为，可在此投诉举报。",
    ),
    (
        "mediation",
        "劳动争议调解申请",
        "与用人单位发生劳动争议，希望通过调解解决的，可在此申请；调解不收费。",
    ),
    (
        "arbitration",
        "劳动人事争议仲裁申请",
        "按《劳动争议调解仲裁法》第二十八条的要求填写仲裁申请：当事人、仲裁请求、事实和理由、证据。",
    ),
    (
        "employer-service",
        "用人单位服务申请",
        "“仲裁员进企业”：企业出题、我们答题。用人单位可预约劳动用工合规咨询、规章制度审查和争议预防指导。",
    ),
)


def model(form_id, kind):
    return (MODELS / f"{form_id}.{kind}.xml").read_text(encoding="utf-8")


def create_form(folder, form_id, title, description):
    if form_id in folder:
        return folder[form_id]
    form = api.content.create(
        container=folder,
        type="EasyForm",
        id=form_id,
        title=title,
        description=description,
        safe_id=False,
    )
    form.fields_model = model(form_id, "fields")
    form.actions_model = model(form_id, "actions")
    form.formPrologue = RichTextValue(PRIVACY, "text/html", "text/x-html-safe")
    form.submitLabel = "提交申请"
    form.thanksPageOverrideAction = "redirect_to"
    form.thanksPageOverride = RECEIPT_REDIRECT
    form.CSRFProtection = True
    form.form_tabbing = False
    form.unload_protection = True
    form.useCancelButton = False
    form.reindexObject()
    if api.content.get_state(form, default=None) not in (None, "published"):
        api.content.transition(obj=form, to_state="published")
    return form


def create_forms(portal):
    """The forms folder and the four public forms (only what is missing)."""
    duplicates.prepare(portal[REGISTER_ID])
    with api.env.adopt_roles(["Manager"]):
        if FOLDER_ID not in portal:
            folder = api.content.create(
                container=portal, type="Folder", id=FOLDER_ID, title=FOLDER_TITLE, safe_id=False
            )
            if api.content.get_state(folder, default=None) not in (None, "published"):
                api.content.transition(obj=folder, to_state="published")
        folder = portal[FOLDER_ID]
        for form_id, title, description in FORMS:
            create_form(folder, form_id, title, description)


def upgrade(context):
    """Upgrade step 1002 → 1003 (upgrades/v1003.py) for an existing site:
    the filing settings and their control panel, the missing forms, and the fingerprints of
    the cases received within the duplicate window."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel"):
        setup.runImportStepFromProfile("profile-suizhou.laborrights:default", step, run_dependencies=False)
    create_forms(api.portal.get())
    return duplicates.remember_recent_cases()
