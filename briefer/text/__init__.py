"""Text before meaning: cleaning, sentence splitting, and the language rules every stage shares."""
