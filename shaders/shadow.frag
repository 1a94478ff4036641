#version 460
// Depth only: nothing to shade.
void main() {}
