"""Use cases over the registry, analytics and extraction: what the interfaces call."""
