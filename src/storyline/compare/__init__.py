"""Where outlets agree, disagree or change position: claims, contradictions, positions and reversals."""
