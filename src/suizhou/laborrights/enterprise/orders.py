"""Service orders (企业服务预约) and their visits: the checks, filing, assignment, visits."""

from plone import api
from suizhou.laborrights.cases.filing import field_error
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.content.service_order import IServiceOrder
from suizhou.laborrights.content.service_visit import IServiceVisit
from suizhou.laborrights.enterprise import folders
from zope.schema import getFieldsInOrder

import secrets


REFERENCE_PREFIX = "QY"
# Filled in later by staff, not by the employer's order.
STAFF_FIELDS = ("arbitrator", "appointment", "satisfaction", "satisfaction_note")
ARBITRATOR_ROLES = ("Editor", "Contributor")


def _errors(schema, data, skip=()):
    portal = api.portal.get()
    errors = {}
    for name, field in getFieldsInOrder(schema):
        if name in skip or (not field.required and data.get(name) in (None, "", [])):
            continue
        errors.update(field_error(name, field.bind(portal), data.get(name)))
    return errors


def order_errors(data):
    """Chinese messages by field name of an employer's order."""
    return _errors(IServiceOrder, data, skip=STAFF_FIELDS)


def visit_errors(data):
    return _errors(IServiceVisit, data)


def normalized_code(code):
    return "".join((code or "").split()).upper()


def new_token():
    return secrets.token_hex(4).upper()


def new_reference(folder):
    """``QY`` + date + 32 random bits, never one the folder holds (Plone would add "-1")."""
    while True:
        reference = REFERENCE_PREFIX + now().strftime("%Y%m%d") + new_token()
        if reference.lower() not in folder:
            return reference


def create_order(data):
    """The order (its id is the reference); the caller has checked ``data``."""
    folder = folders.services_folder()
    reference = new_reference(folder)
    fields = {name: data.get(name) for name, _field in getFieldsInOrder(IServiceOrder) if name not in STAFF_FIELDS}
    fields["employer_credit_code"] = normalized_code(fields["employer_credit_code"])
    return folders.create_in(
        folder, "ServiceOrder", id=reference.lower(), title=f"企业服务预约 {reference}", **fields
    )


def reference(order):
    return order.getId().upper()


def assign(order, userid, appointment=None):
    """Assign the order to an arbitrator (who may then edit it and add visits)."""
    order.arbitrator = userid
    if appointment is not None:
        order.appointment = appointment
    grant(order)
    order.reindexObject()


def grant(order):
    """The assigned arbitrator, and only they, keeps the arbitrator's local role."""
    for userid, roles in order.get_local_roles():
        if userid != order.arbitrator and set(roles) & set(ARBITRATOR_ROLES) and "Owner" not in roles:
            order.manage_delLocalRoles([userid])
    if order.arbitrator:
        order.manage_setLocalRoles(order.arbitrator, list(ARBITRATOR_ROLES))
    order.reindexObjectSecurity()


def modified(order, event):
    grant(order)


def add_visit(order, data):
    """A visit record in the order; the caller has checked ``data``."""
    fields = {name: data.get(name) for name, _field in getFieldsInOrder(IServiceVisit)}
    title = f"走访记录 {fields['visit_date'].isoformat()}"
    return folders.create_in(order, "ServiceVisit", title=title, **fields)


def visits(order):
    found = [item for item in order.objectValues() if item.portal_type == "ServiceVisit"]
    return sorted(found, key=lambda visit: visit.visit_date)


def all_orders():
    """Every order, whoever asks (callers are staff views)."""
    folder = api.portal.get().get(folders.FOLDER_ID)
    if folder is None:
        return []
    return [item for item in folder.objectValues() if item.portal_type == "ServiceOrder"]
