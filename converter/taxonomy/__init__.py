"""The project's own taxonomy knowledge: the US-GAAP 2024 concept catalog and taxonomy package."""
