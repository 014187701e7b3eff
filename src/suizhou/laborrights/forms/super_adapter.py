"""collective.easyform's ``superAdapter`` with one wrapper class per interface, not per call.

easyform (5.0.2, ``fields.py``) finds a field's next validator or default value by wrapping the
form view in a class it makes on the spot for the next less specific interface, on every call:
about 20 classes for each view of a public form, more for each submission. zope.interface's
adapter lookup cache keeps every class it has seen, so none was ever freed: each view of a form
left about 150 KB behind for the life of the process, and every full garbage collection walked
them all. Here the class for an interface is made once and reused; the lookup is the same.
Patched in by collective.monkeypatcher (``configure.zcml``); ``tests/test_forms_memory.py``.
"""

from zope.component import queryMultiAdapter
from zope.interface import implementer
from zope.interface import providedBy


_wrapper_classes = {}  # interface -> the wrapper class providing it


class _Wrapper:
    """The form view, seen as providing one interface less specific than its own."""

    def __init__(self, view):
        self.__view__ = view

    def __getattr__(self, item):
        return getattr(self.__view__, item)


def wrapper_class(interface):
    cls = _wrapper_classes.get(interface)
    if cls is None:
        cls = _wrapper_classes.setdefault(interface, implementer(interface)(type("Wrapper", (_Wrapper,), {})))
    return cls


def superAdapter(specific_interface, adapter, objects, name=""):
    """The adapter ``adapter`` would be if the object providing ``specific_interface`` provided
    the next interface of its own instead (None if no object provides it)."""
    wrapped, found = [], False
    for obj in objects:
        interfaces = list(providedBy(obj).interfaces())
        if specific_interface in interfaces:
            found = True
            obj = wrapper_class(interfaces[interfaces.index(specific_interface) + 1])(obj)
        wrapped.append(obj)
    if not found:
        return None
    adapter_interfaces = list(providedBy(adapter).interfaces())
    if not adapter_interfaces:
        return None
    return queryMultiAdapter(wrapped, adapter_interfaces[0], name=name)
