"""Tools for contributors and reviewers — `guide new`, `guide diff`, `guide import` and the
field reference — which the site build never imports."""
