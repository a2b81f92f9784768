"""``python -m storyline.present.schemas``: rewrite the schema files from their definitions."""

from . import write

write()
