"""Build-cost benchmarks for the guide; see BENCHMARKS.md."""
