"""Analysis: detectors, the pipeline that runs them, and the scorecard scored from their findings."""
