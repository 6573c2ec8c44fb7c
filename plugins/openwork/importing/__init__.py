"""`openwork import`: reading another generator's posts and planning their entries."""
