"""The web app and HTTP API (FastAPI), a thin wrapper over the service."""
