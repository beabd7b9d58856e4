"""The app's widgets, one per module; ``navigation`` holds the list and scroll keys they share."""
