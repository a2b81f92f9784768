"""The shared text toolkit: words, TF-IDF, near-duplicate groups."""
