"""Importers: bring open exercise datasets into the guide as drafts, through a crosswalk.

Each importer reads one dataset's format and writes drafts that keep their origin, so a
reviewer can trace, credit and rewrite every entry before it counts as the guide's advice.
"""
