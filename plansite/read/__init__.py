"""Readers: turn the files in data/ into plain Python values that remember their line numbers."""
