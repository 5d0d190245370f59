"""Human-readable outputs: terminal tables and reports (dossiers come later)."""
