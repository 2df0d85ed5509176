/**
 * Scripted provisions ({@link dev.cwmp.scripting.ProvisionScripts}) and virtual parameters
 * ({@link dev.cwmp.scripting.VirtualParameterScripts}): GenieACS scripts stored by name, compiled
 * when stored and run in a sandbox bounded by {@link dev.cwmp.scripting.ScriptLimits}.
 */
package dev.cwmp.scripting;
