"""Leaves of the pipeline: messages, Indonesian rules, the gazetteer, identifiers and text rules; they import nothing else of Warta."""
