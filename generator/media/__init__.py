"""Contributors' photos and drawings: what an image entry holds, how a file is judged safe,
and how the build turns a checked file into the sizes a page serves."""
