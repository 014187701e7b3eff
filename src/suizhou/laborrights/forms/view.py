"""The EasyForm view of this site: easyform's own, parsing the form's field model once per request.

easyform's form reads its ``schema`` property, which parses the XML field model again, once
per field while it processes a submission (``updateServerSideData``) and many times more while
rendering: with the 30-odd fields of a filing form that is most of a request's time. The
parsed model is kept on the form instance, which lives for one request only.
"""

from collective.easyform.api import get_schema
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper


class FilingForm(EasyFormForm):
    @property
    def schema(self):
        parsed = self.__dict__.get("_parsed_schema")
        if parsed is None:
            parsed = self.__dict__["_parsed_schema"] = super().schema
        return parsed


class FilingFormView(EasyFormFormWrapper):
    form = FilingForm


def form_schema(form, request):
    """The parsed field model of ``form``: the one its view parsed for this request, if any."""
    instance = getattr(request.get("PUBLISHED"), "form_instance", None)
    if isinstance(instance, FilingForm) and instance.context is form:
        return instance.schema
    return get_schema(form)
