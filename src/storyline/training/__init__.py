"""Training: the code that fits storyline's learned artefacts (a build step, never run by the pipeline).

One module per artefact, each run by ``storyline train NAME`` and writing one versioned JSON file into
``storyline/data/`` (``storyline.artefacts`` describes the format and is the only way runtime code reads it):

- ``line_model``: the boilerplate line model of whole web pages (``ingest.boilerplate``), on the Article
  Extraction Benchmark;
- ``cue_model``: the attribution cue model (``who.cues``), on PolNeAR's training split;
- ``summary_scorer``: the learned sentence scorer (``summarize.scorer``), on Multi-News dev clusters;
- ``timeline_weights``: the date-ranking and sentence weights of the timeline (``timeline.build``), on
  Timeline17.

``gold/`` reads the annotated corpora they are fitted on, with those corpora's own metrics (the fits
cross-validate against them); ``storyline.evaluate`` scores storyline on the same readers. Training may
import runtime code; runtime code never imports training or evaluation (import-linter checks it).
"""

# Artefact name -> training module, in the order ``storyline train --help`` lists them.
TRAINERS = {
    "line-model": "line_model",
    "cue-model": "cue_model",
    "summary-scorer": "summary_scorer",
    "timeline-weights": "timeline_weights",
}
