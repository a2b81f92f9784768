"""Named registries: alternatives (summarizers, readers, stores, ...) are chosen by name.

A new alternative is one new module that decorates its factory::

    from storyline.registry import summarizers

    @summarizers.register("lead")
    def lead(...): ...

``summarizers.get("lead")`` then finds it, and ``summarizers.names()`` lists every choice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import UsageError

T = TypeVar("T", bound=Callable[..., Any])


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def decorate(item: T) -> T:
            if name in self._items and self._items[name] is not item:
                raise ValueError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = item
            return item

        return decorate

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            choices = ", ".join(sorted(self._items)) or "none"
            raise UsageError(f"unknown {self.kind} {name!r}; choose one of: {choices}") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items


summarizers: Registry[Callable[..., Any]] = Registry("summarization method")
stores: Registry[Callable[..., Any]] = Registry("store back end")
