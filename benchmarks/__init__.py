"""vnclean's benchmarks: quality and speed against peers on the shared corpus."""
