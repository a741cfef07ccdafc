"""The optional local model that rewrites points, the guard that checks each sentence, its model store."""
