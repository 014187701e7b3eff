"""Where a conflicting object is: its class and the way to it from the database root (attributes,
keys, ``(bucket)``), for the conflict tables of register_concurrency.py and filing_http.sh."""

from ZODB.serialize import referencesf

import collections


def parents(storage):
    """child oid -> the oids of the objects whose last stored state refers to it."""
    refs = {}
    for txn in storage.iterator():
        for record in txn:
            refs[record.oid] = referencesf(record.data) if record.data else ()
    parents = collections.defaultdict(list)
    for parent, children in refs.items():
        for child in children:
            parents[child].append(parent)
    return parents


def name_in(parent, child_oid):
    """How ``parent`` refers to the object ``child_oid``: an attribute, a key, or a bucket."""
    if type(parent).__name__.endswith(("BTree", "TreeSet")):
        return "(bucket)"
    candidates = []
    if hasattr(parent, "items") and not hasattr(parent, "getPhysicalPath"):
        try:
            candidates.extend((f"[{key!r}]", value) for key, value in parent.items())
        except Exception:
            pass
    candidates.extend((f".{name}", value) for name, value in getattr(parent, "__dict__", {}).items())
    for name, value in candidates:
        if getattr(value, "_p_oid", None) == child_oid:
            return name
    return "(?)"


def describe(db, oid, parents):
    """The class of the conflicting object and the way to it from the root."""
    connection = db.open()
    try:
        names, current, seen = [], oid, set()
        while current in parents and current not in seen:
            seen.add(current)
            candidates = parents[current]
            # a bucket is referred to by its tree and by the bucket before it: take the tree
            parent_oid = next(
                (c for c in candidates if not type(connection.get(c)).__name__.endswith("Bucket")),
                candidates[0],
            )
            parent = connection.get(parent_oid)
            parent._p_activate()
            name = name_in(parent, current)
            if hasattr(parent, "getId") and hasattr(parent, "getPhysicalPath"):
                name = f"/{parent.getId()}{name}"
            names.append(name)
            current = parent_oid
        return type(connection.get(oid)).__name__, "".join(reversed(names))
    finally:
        connection.close()
