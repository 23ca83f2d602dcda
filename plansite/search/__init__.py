"""Search entries for the pages the plugin renders."""
