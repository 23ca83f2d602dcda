"""Renderers: pure functions from models to HTML, through Jinja fragments in plansite/fragments/."""
