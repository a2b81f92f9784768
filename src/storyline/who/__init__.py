"""Who said what and who is who: attributions (quotes and their speakers), the cue model, the entity roster."""
