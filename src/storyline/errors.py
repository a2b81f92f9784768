"""Errors a user can act on: each names the input and says what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass


class StorylineError(Exception):
    """Base class of storyline's own errors."""


class UsageError(StorylineError):
    """The command line or a setting is wrong (exit status 2)."""


@dataclass
class InputProblem:
    """One input that could not be used; the batch goes on without it.

    ``code`` is a stable short name (``empty``, ``binary``, ``too-large``, ``encoding``,
    ``not-english``, ``no-text``, ``bad-json``, ``bad-field``, ``unreadable``, ``truncated``,
    ``not-a-file``, ``outside``, ``unsupported``, ``failed``).
    """

    source: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


class InputError(StorylineError):
    """Raised inside a stage for one input; the pipeline turns it into an ``InputProblem``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
