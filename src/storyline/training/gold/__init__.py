"""Readers of the annotated corpora artefacts are fitted on, and those corpora's own metrics.

``storyline.training`` cross-validates against them and ``storyline.evaluate`` scores storyline on them, so
they live here, below both (evaluation may import training, never the reverse).
"""
