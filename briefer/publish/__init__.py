"""Getting a brief out: rendering through templates, atomic files, email."""
