"""Two form libraries' helpers that made a new class on every call, with one class per interface.

zope.interface's adapter lookup cache is keyed by the interface specifications of the objects
looked up, and keeps them, with their classes, for good: a class made for one lookup is never
freed. Two helpers did that on every call:

- collective.easyform 5.0.2 (``fields.superAdapter``) finds a field's next validator or default
  value by wrapping the form view in a class providing the next less specific interface: about
  20 classes for each view of a public form, more for each submission (about 260 KB per web
  filing, docs/performance.md 表单的内存泄漏);
- z3c.form 6.1 (``object.makeDummyObject``) looks an object widget's template up with a dummy
  object of a class made for the field's schema: two for each view of a case's edit form (the
  claims grid).

Each kept every class in the process's memory until a restart, and in every full garbage
collection. Here the class for an interface is made once and reused; what is looked up is the
same. Patched in by collective.monkeypatcher (``configure.zcml``); ``tests/test_forms_memory.py``.
"""

from zope.component import queryMultiAdapter
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import providedBy

import functools


class Wrapper:
    """A form view, seen as providing one interface less specific than its own."""

    def __init__(self, view):
        self.__view__ = view

    def __getattr__(self, item):
        return getattr(self.__view__, item)


class DummyObject:
    """An object providing a field's schema, for a template lookup."""


@functools.cache
def class_providing(base, interface):
    """The subclass of ``base`` providing ``interface``, made once."""
    return implementer(interface)(type(base.__name__, (base,), {}))


def superAdapter(specific_interface, adapter, objects, name=""):
    """The adapter ``adapter`` would be if the object providing ``specific_interface`` provided
    the next interface of its own instead (None if no object provides it)."""
    wrapped, found = [], False
    for obj in objects:
        interfaces = list(providedBy(obj).interfaces())
        if specific_interface in interfaces:
            found = True
            obj = class_providing(Wrapper, interfaces[interfaces.index(specific_interface) + 1])(obj)
        wrapped.append(obj)
    if not found:
        return None
    adapter_interfaces = list(providedBy(adapter).interfaces())
    if not adapter_interfaces:
        return None
    return queryMultiAdapter(wrapped, adapter_interfaces[0], name=name)


def makeDummyObject(iface):
    return class_providing(DummyObject, Interface if iface is None else iface)()
