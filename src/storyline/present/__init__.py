"""Presentation: renderers of the model for the terminal, Markdown, JSON and HTML (depend on the pipeline, never the reverse)."""
