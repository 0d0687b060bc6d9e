"""The edges: the MkDocs plugin, the command line and the preview, which call records and compose and show their problems."""
