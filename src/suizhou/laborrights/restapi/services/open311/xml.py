"""GeoReport v2 answers as XML: the same data as the JSON, with the standard element names."""

from xml.etree import ElementTree


# List element -> the name of each item in it.
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(tag, value):
    element = ElementTree.Element(tag)
    if isinstance(value, dict):
        for key, item in value.items():
            element.append(_element(key, item))
    elif isinstance(value, list):
        for item in value:
            element.append(_element(ITEMS.get(tag, "item"), item))
    else:
        element.text = _text(value)
    return element


def render(root, data):
    """``data`` (a dict or a list) as an XML document with root element ``root``."""
    tree = _element(root, data)
    ElementTree.indent(tree)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(tree, encoding="unicode")
