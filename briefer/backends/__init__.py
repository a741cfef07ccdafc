"""Models behind the pipeline: sentence embedders and the support judge."""
