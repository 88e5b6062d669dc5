"""Good practices (toimintamallit), their adoptions and follow-up rounds."""
