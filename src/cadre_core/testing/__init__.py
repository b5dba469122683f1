"""Testing kit for plugin authors: temporary plugins and hypothesis strategies."""
