"""The interface's words, one file per language, and how they are looked up."""
