"""Getting articles in: files, folders, JSON lines, feeds and saved pages; naming their outlets."""
