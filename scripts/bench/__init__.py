"""Helpers for scripts/bench.py: the synthetic board, the static baseline and the measurements."""
