"""The site engine adapter: the MkDocs/ProperDocs plugin, its build, menu and preview."""
