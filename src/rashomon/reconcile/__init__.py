"""Work across articles: duplicates now; stories, merged events and disputes later."""
