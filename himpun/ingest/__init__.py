"""Ingestion: readers -> text cleaning -> parsing -> records."""
from himpun.ingest.pipeline import extract_path

__all__ = ["extract_path"]
