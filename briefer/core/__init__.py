"""The extractive brief: which sentences may be shown, claims, support, ranking, citations, headline."""
