"""Annotate: sentences and entities (spaCy) and time expressions (``annotate.timex``)."""
