"""1017 → 1018: the public forms easy to finish on a phone (issue 16 item 5).

Each stored form's field model is regrouped (``regroup``), keeping whatever an administrator
added or changed:

- the section labels (``section_*`` label fields, "一、投诉人信息" …) become fieldsets with
  that heading and description, holding the fields that followed them; the honeypot, the
  challenge and the declaration at the end get a fieldset of their own, "确认并提交";
- the five single file inputs ``attachment_1`` … ``attachment_5`` become one multiple file
  input ``attachments`` (``forms.files.Attachments``) where the first of them was;
- an applicant's field titled only "姓名" says whose name it is ("投诉人姓名", "申请人姓名"):
  the form's messages name the field ("请填写投诉人姓名。").

A model that has fieldsets already is left as it is. The shipped models in ``forms/models/``
are the regrouped ones.
"""

from lxml import etree
from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.forms.install import FOLDER_ID
from suizhou.laborrights.forms.install import FORMS

import re


NS = "http://namespaces.plone.org/supermodel/schema"
EASYFORM = "http://namespaces.plone.org/supermodel/easyform"
LABEL_TYPE = "collective.easyform.fields.Label"
FILE_TYPES = ("plone.namedfile.field.NamedBlobFile", "plone.namedfile.field.NamedFile")
ATTACHMENTS_TYPE = "suizhou.laborrights.forms.files.Attachments"
SINGLE_FILE = re.compile(r"^attachment_\d+$")
CLOSING_FIELDS = ("website", "challenge", "confirm")
CLOSING_LABEL = "确认并提交"


def _q(tag):
    return f"{{{NS}}}{tag}"


def _text(field, tag):
    node = field.find(_q(tag))
    return (node.text or "").strip() if node is not None else ""


def _attachments_field(first):
    title = re.sub(r"\s*\d+$", "", _text(first, "title")) or "证据材料"
    field = etree.Element(_q("field"), name="attachments", type=ATTACHMENTS_TYPE)
    validators = first.get(f"{{{EASYFORM}}}validators")
    if validators:
        field.set(f"{{{EASYFORM}}}validators", validators)
    etree.SubElement(field, _q("title")).text = title
    etree.SubElement(field, _q("required")).text = "False"
    return field


def regroup(model):
    """The regrouped field model (text), or ``model`` itself when there is nothing to do."""
    root = etree.fromstring(model.encode("utf-8"))
    schema = root.find(_q("schema"))
    if schema is None or schema.find(_q("fieldset")) is not None:
        return model
    fields = [child for child in schema if child.tag == _q("field")]
    singles = [f for f in fields if SINGLE_FILE.match(f.get("name", "")) and f.get("type") in FILE_TYPES]
    if singles:
        singles[0].addprevious(_attachments_field(singles[0]))
        for field in singles:
            schema.remove(field)

    current, section_title = None, ""
    for child in list(schema):
        if child.tag != _q("field"):
            if current is not None and child.tag is etree.Comment:
                current.append(child)
            continue
        name = child.get("name", "")
        if child.get("type") == LABEL_TYPE and name.startswith("section_"):
            section_title = _text(child, "title")
            current = etree.Element(_q("fieldset"), name=name[len("section_") :], label=section_title)
            description = _text(child, "description")
            if description:
                current.set("description", description)
            child.addprevious(current)
            schema.remove(child)
            continue
        if name in CLOSING_FIELDS and (current is None or current.get("name") != "submit"):
            current = etree.Element(_q("fieldset"), name="submit", label=CLOSING_LABEL)
            child.addprevious(current)
        if name == "applicant_name" and _text(child, "title") == "姓名":
            whose = "投诉人" if "投诉人" in section_title else "申请人"
            child.find(_q("title")).text = f"{whose}姓名"
        if current is not None:
            current.append(child)
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(root.getroottree(), encoding="unicode") + "\n"


def upgrade(context):
    portal = api.portal.get()
    folder = portal.get(FOLDER_ID)
    changed = []
    for form_id, _title, _description in FORMS:
        form = folder.get(form_id) if folder is not None else None
        if form is None or not getattr(form, "fields_model", None):
            continue
        regrouped = regroup(form.fields_model)
        if regrouped != form.fields_model:
            form.fields_model = regrouped
            changed.append(form_id)
    logger.info("Upgraded to 1018: forms regrouped into sections with one file input: %s", changed)
