"""What a preview rebuild takes from the one before: each composing step's result, by the inputs it read.

`mkdocs serve` composes the whole site again on every save, and a save
changes one event. This is the dependency map from records to pages, kept
by the steps themselves: a step (an event's facts, a page's text, an
open-data file) says what it reads, and its result is made again only when
any of that differs from last time. So one saved event recomposes its
article and the pages whose figures or lists it is in, and every other
page is the one made before.

"What it reads" is compared with ``==``. Records, facts and contexts are
frozen dataclasses, tuples and strings, so equal inputs fill a template
with equal values, and an unchanged event's objects are the very objects of
the last rebuild, which ``==`` passes over without looking inside. A
step must therefore name every input that can change its result; the test
of the preview composes after each kind of edit with and without a
`Recall` and compares every page.

A build never has one: it starts from nothing, and keeps its results on
disk (`core.cache`) under digests instead.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Recall:
    """Results of one rebuild, offered to the next; what a rebuild does not ask for is forgotten."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[Any, Any]] = {}
        self._now: dict[Hashable, tuple[Any, Any]] = {}
        self._scopes: dict[Hashable, tuple[Any, Recall]] = {}
        self.made = 0  # results made afresh since `begin`, for the tests and the bench

    def __call__(self, key: Hashable, reads: Any, make: Callable[[], T]) -> T:
        """What `make` returns, taken from the last rebuild when `key`'s step read the same `reads` then."""
        kept = self._now.get(key) or self._last.get(key)
        if kept is not None and kept[0] == reads:
            value = kept[1]
        else:
            value = make()
            self.made += 1
        self._now[key] = (reads, value)
        return value

    def costly(self, reads: Callable[[], T]) -> T | None:
        """`reads()`, for inputs that cost work to find out; `Afresh`, which compares nothing, skips it."""
        return reads()

    def within(self, key: Hashable, reads: Any) -> Recall:
        """A `Recall` for steps that all read `reads` besides their own inputs: emptied when `reads` differ.

        Why: a site's settings, its policy and its templates are read by
        every article; compared once here, not once an article.
        """
        kept = self._scopes.get(key)
        if kept is None or kept[0] != reads:
            kept = self._scopes[key] = (reads, Recall())
        return kept[1]

    def begin(self) -> None:
        """Start a rebuild: what the last one made is on offer."""
        # A rebuild that failed half way offers what it made and what it did not reach.
        self._last = {**self._last, **self._now}
        self._now = {}
        self.made = 0
        for _, scope in self._scopes.values():
            scope.begin()

    def end(self) -> None:
        """A rebuild finished: keep only what it asked for (a deleted event's pages go)."""
        self._last, self._now = self._now, {}
        for _, scope in self._scopes.values():
            scope.end()

    def total_made(self) -> int:
        """Results made afresh since `begin`, in this recall and every scope."""
        return self.made + sum(scope.total_made() for _, scope in self._scopes.values())


class Afresh(Recall):
    """A `Recall` that remembers nothing: a build's, which must not hold every page it made."""

    def __call__(self, key: Hashable, reads: Any, make: Callable[[], T]) -> T:
        self.made += 1
        return make()

    def costly(self, reads: Callable[[], T]) -> T | None:
        return None

    def within(self, key: Hashable, reads: Any) -> Recall:
        return self
