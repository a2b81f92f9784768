"""``storyline evaluate``: measure storyline beside the anchors on the shared data sets.

Each evaluation is a module here with ``register(subcommands)``; ``cli/evaluate.py`` lists them.
"""
