"""The one way through: a corpus built once and the brief computed from it (CLI, web app and API share it)."""
