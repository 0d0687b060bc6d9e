"""Where a written place name leads: the one resolution of kecamatan and kelurahan.

Records keep what the writer typed only until it is resolved here, to the
gazetteer's entry (code and display name). Everything after `records` reads
that entry, so "Oebobo", "OEBOBO" and a local spelling listed in
``site.yml`` ``aliases`` are one kecamatan in every count.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ..core import wilayah
from ..core.text import place_key

_Place = TypeVar("_Place", wilayah.Kecamatan, wilayah.Kelurahan)


@dataclass(frozen=True)
class Resolver:
    """Written names -> gazetteer entries, for one region and its aliases.

    `aliases` maps a local spelling to the official name of a kecamatan or
    a kelurahan, as ``site.yml`` gives them; `records.rules` checks that
    every alias leads somewhere before a resolver is trusted with it.
    """

    region: wilayah.Region
    aliases: Mapping[str, str] = field(default_factory=dict)

    def kecamatan(self, written: str) -> wilayah.Kecamatan | None:
        """The kecamatan `written` names, officially or by an alias."""
        return self.region.find_kecamatan(written) or self._via_alias(written, self.region.find_kecamatan)

    def kelurahan(self, kecamatan: wilayah.Kecamatan, written: str) -> wilayah.Kelurahan | None:
        """The kelurahan of `kecamatan` that `written` names, officially or by an alias."""
        return kecamatan.find_kelurahan(written) or self._via_alias(written, kecamatan.find_kelurahan)

    def _via_alias(self, written: str, find: Callable[[str], _Place | None]) -> _Place | None:
        target = self._aliases.get(place_key(written))
        return find(target) if target is not None else None

    @functools.cached_property
    def _aliases(self) -> dict[str, str]:
        return {place_key(local): official for local, official in self.aliases.items()}
