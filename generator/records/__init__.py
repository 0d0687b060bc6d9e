"""Content folder -> typed, frozen, resolved records, with every problem found at once.

`model` holds the records, `reading` the YAML pass that keeps lines,
`validation` the conversion into records, `places` the resolution of place
names to the gazetteer, `rules` the checks across files, `kept` a parsed
file as a build-cache entry, and `load` runs them in that order over one
folder.
"""

from .load import EventCache, Loading, ReadCache, load, load_content, site_places
from .model import (
    Content,
    Correction,
    Event,
    Footer,
    Organization,
    Payment,
    Person,
    Place,
    PlacedRecipient,
    Program,
    Quote,
    Recipient,
    Recipients,
    Record,
    Site,
    Speaker,
    validation_context,
)
from .places import Resolver

__all__ = [
    "Content", "Correction", "EventCache", "Loading", "Event", "Footer", "Organization", "Payment", "Person", "Place", "PlacedRecipient",
    "Program", "Quote", "ReadCache", "Recipient", "Recipients", "Record", "Resolver", "Site", "Speaker",
    "load", "load_content", "site_places", "validation_context",
]
