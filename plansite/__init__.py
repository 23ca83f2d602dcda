"""Plansite: a safeguarding children partnership's plans, indicators and yearly report as an
accessible public website.

The folders are the pipeline, each importing only from those before it (tests/test_layers.py):
read (files) → model → office (Word and Excel plans read into data files) → check (load and
check) → words → render (HTML fragments) → search → documents (PDFs and kept files) → pages →
publish (downloads, feeds, open data) → engine (the MkDocs/ProperDocs plugin) → the commands.
Importing this package loads no site engine: `plansite check` and `plansite import` never do.
"""
