"""The add-on's upgrade steps, one module per profile version (registered in configure.zcml)."""

import transaction


def recatalog(catalog, brains, idxs, update_metadata):
    """Catalog the objects of ``brains`` again in the indexes ``idxs`` (and their metadata if
    ``update_metadata``), with a savepoint every 1000 so that a register of 100,000 cases is
    never all in memory at once."""
    for number, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(), brain.getPath(), idxs=idxs, update_metadata=update_metadata
        )
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
