"""The board's data as validated models. Models know nothing of HTML or MkDocs."""
