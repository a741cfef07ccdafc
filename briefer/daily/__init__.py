"""A day of news on one page: story clustering and the page composed from each story's brief."""
