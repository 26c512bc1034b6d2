"""The benchmark harness of issue 8: stancedb against Datasette and the raw SQL floor."""
