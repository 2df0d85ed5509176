/**
 * The zero-touch story as presets and Java provisions anyone can run: a reset MikroTik router is
 * upgraded and configured again with nobody doing anything ({@link dev.cwmp.provisioning.zerotouch.ZeroTouch}).
 * The standalone server loads these presets at its first start; the story test and the
 * {@code story} benchmark run them against the simulated RB951Ui-2HnD.
 */
package dev.cwmp.provisioning.zerotouch;
