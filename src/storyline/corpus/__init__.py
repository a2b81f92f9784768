"""The corpus across articles: copies (near-duplicates), stories, the store, distributed batch work."""
