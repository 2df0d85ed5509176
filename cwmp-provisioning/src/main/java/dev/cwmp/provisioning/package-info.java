/**
 * Provisioning: presets and what decides when they apply.
 *
 * <ul>
 *   <li>{@link dev.cwmp.provisioning.Preset}: name, weight, channel, {@link dev.cwmp.provisioning.EventFilter events},
 *       {@link dev.cwmp.provisioning.PresetSchedule schedule}, {@link dev.cwmp.provisioning.Precondition precondition}
 *       and {@link dev.cwmp.provisioning.Configuration configurations}; built in Java or read from and written to
 *       GenieACS 1.2's preset JSON with {@link dev.cwmp.provisioning.PresetJson}.
 *   <li>{@link dev.cwmp.provisioning.Precondition}: GenieACS's expression language (and its legacy MongoDB-style
 *       JSON), evaluated with GenieACS's three-valued semantics against a {@link dev.cwmp.provisioning.DeviceView}.
 *   <li>{@link dev.cwmp.provisioning.PresetEvaluator}: the presets applying to a session, in weight order, and
 *       their merged configurations ({@link dev.cwmp.provisioning.PresetEvaluation}).
 * </ul>
 *
 * <pre>{@code
 * PresetEvaluator presets = PresetEvaluator.of(PresetJson.readList(json));   // once, shared
 * PresetEvaluation applicable = presets.evaluate(session);                   // at every session
 * session.updateDevice(applicable::applyTags);
 * }</pre>
 */
package dev.cwmp.provisioning;
