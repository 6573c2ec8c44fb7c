"""What rendering one entry's page read from the Site, recorded so that a server can tell,
next build, whether rendering it again could give anything different.

`SiteView` stands in for the Site while an entry's page is rendered and notes every value
read from it: an attribute, a method's answer for its arguments, or one key of one of its
dicts. `Reads.still_hold(site)` asks the new Site the same questions and compares the answers
strictly (an entry by identity: the read stage hands back the very same object for a file
that did not change; other values field by field, whatever their own `==` ignores)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from openwork.content.model import Entry

_PLAIN = (str, int, float, bool, bytes, type(None), enum.Enum, dt.timedelta)
_DICT_READS = ("get", "__getitem__", "__contains__")


class Reads:
    """The questions one render asked of the Site, with their answers."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, tuple[Any, ...], Any]] = []  # name, how, args, answer
        self.usable = True  # False once anything was read in a way not recorded

    def still_hold(self, site: object, same: Same) -> bool:
        if not self.usable:
            return False
        for name, how, args, answer in self.asked:
            try:
                value = getattr(site, name)
                if how == "call":
                    value = value(*args)
                elif how == "get":
                    value = value.get(*args)
                elif how == "__getitem__":
                    value = value[args[0]]
                elif how == "__contains__":
                    value = args[0] in value
            except Exception:
                return False
            if not same(answer, value):
                return False
        return True


class _DictView(Mapping[Any, Any]):
    """One of the Site's dicts: a key read is recorded as that key alone."""

    def __init__(self, name: str, value: dict[Any, Any], reads: Reads) -> None:
        self._name, self._value, self._reads = name, value, reads

    def get(self, *args: Any) -> Any:
        answer = self._value.get(*args)
        self._reads.asked.append((self._name, "get", args, answer))
        return answer

    def __getitem__(self, key: Any) -> Any:
        answer = self._value[key]
        self._reads.asked.append((self._name, "__getitem__", (key,), answer))
        return answer

    def __contains__(self, key: Any) -> bool:
        answer = key in self._value
        self._reads.asked.append((self._name, "__contains__", (key,), answer))
        return answer

    def __getattr__(self, name: str) -> Any:
        # Anything else (items(), keys(), iterating): the whole dict is what was read.
        self._reads.asked.append((self._name, "attr", (), self._value))
        return getattr(self._value, name)

    def __iter__(self) -> Iterator[Any]:
        self._reads.asked.append((self._name, "attr", (), self._value))
        return iter(self._value)

    def __len__(self) -> int:
        self._reads.asked.append((self._name, "attr", (), self._value))
        return len(self._value)


class SiteView:
    """The Site as a template sees it, recording into `reads`."""

    def __init__(self, site: object, reads: Reads) -> None:
        self._site, self._reads = site, reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if isinstance(value, dict):
            return _DictView(name, value, self._reads)
        if callable(value) and getattr(value, "__self__", None) is self._site:

            def call(*args: Any, **kwargs: Any) -> Any:
                if kwargs:
                    self._reads.usable = False
                answer = value(*args, **kwargs)
                self._reads.asked.append((name, "call", args, answer))
                return answer

            return call
        self._reads.asked.append((name, "attr", (), value))
        return value


class Same:
    """Strict sameness of an old answer and a new one, remembered for the build (the same
    old and new objects are asked about from many entries' reads)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], bool] = {}
        self._keep: list[object] = []  # holds compared objects, so their ids stay theirs

    def __call__(self, old: object, new: object) -> bool:
        if old is new:
            return True
        if isinstance(old, Entry) or type(old) is not type(new):
            return False  # an entry is the same only as the very same object
        if isinstance(old, _PLAIN):
            return old == new
        if isinstance(old, dt.date | dt.time):  # also the zone, which `==` passes over
            return old == new and repr(old) == repr(new)
        key = (id(old), id(new))
        if (known := self._known.get(key)) is None:
            self._keep.append((old, new))
            known = self._known[key] = self._compare(old, new)
        return known

    def _compare(self, old: Any, new: Any) -> bool:
        if isinstance(old, list | tuple):
            return len(old) == len(new) and all(map(self, old, new))
        if isinstance(old, set | frozenset):
            return bool(old == new)
        if isinstance(old, dict):
            return old.keys() == new.keys() and all(self(old[k], new[k]) for k in old)
        if dataclasses.is_dataclass(old):
            return all(
                self(getattr(old, f.name), getattr(new, f.name)) for f in dataclasses.fields(old)
            )
        if isinstance(old, BaseModel):
            return bool(old == new) and repr(old) == repr(new)
        return False  # a kind of value not known here: rendered again


T = TypeVar("T")


class RenderMemo(Generic[T]):
    """Each entry's rendered page kept by a server between rebuilds, with what rendering it
    read from the Site: reused while the entry is the very same object (its file unchanged),
    the renderer is the same (templates unchanged) and every read still gives the same."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Entry, object, Reads, T]] = {}
        self._same = Same()
        self.made = self.reused = 0  # in the current build, for tests

    def new_build(self) -> None:
        self._same = Same()
        self.made = self.reused = 0

    def render(self, entry: Entry, site: object, renderer: object, make: Callable[[Any], T]) -> T:
        """`make(site)`, or what it gave last time. `make` is called with a recording view
        of `site`; if that raises, with `site` itself (the error is the same, or none)."""
        kept = self._kept.get(entry.id)
        if (
            kept is not None
            and kept[0] is entry
            and kept[1] is renderer
            and kept[2].still_hold(site, self._same)
        ):
            self.reused += 1
            return kept[3]
        self.made += 1
        reads = Reads()
        try:
            value = make(SiteView(site, reads))
        except Exception:
            self._kept.pop(entry.id, None)
            return make(site)
        self._kept[entry.id] = (entry, renderer, reads, value)
        return value
