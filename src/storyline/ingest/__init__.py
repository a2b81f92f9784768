"""Ingest: read files, HTML, JSONL and feeds; clean boilerplate; describe (title, outlet, byline, date)."""
