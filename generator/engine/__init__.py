"""The site engines' side: `guide build`, `guide export` for other engines, the live
preview and the navigation, through MkDocs' public hooks and the plugin's own interface."""
