"""Loaders for the bundled research datasets, one module each, with their citations."""

from __future__ import annotations

from foedus.datasets.catalog import DATASETS, DatasetMeta, bundled_file, dataset, manifest

__all__ = ["DATASETS", "DatasetMeta", "bundled_file", "dataset", "manifest"]
