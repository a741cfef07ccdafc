"""briefer: a sourced one-page brief from a cluster of news articles."""
