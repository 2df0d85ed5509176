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
 *   <li>{@link dev.cwmp.provisioning.ProvisioningDriver}: the provision engine, a session driver running the
 *       applicable presets' configurations and {@link dev.cwmp.provisioning.Provision provisions} (Java, registered
 *       by name, and GenieACS's built-ins) with desired-state semantics
 *       ({@link dev.cwmp.provisioning.ProvisionContext#declare}), bounded by
 *       {@link dev.cwmp.provisioning.ProvisioningOptions}.
 *   <li>{@link dev.cwmp.provisioning.VirtualParameterSource}: GenieACS's virtual parameters,
 *       {@code VirtualParameters.<name>} computed when declared (e.g. by scripts), kept in the device's tree
 *       for preconditions and queries and never asked of the CPE.
 *   <li>{@link dev.cwmp.provisioning.PresetStore}: the presets, changeable while the ACS runs (the driver re-reads
 *       them when the store's version moves).
 *   <li>{@link dev.cwmp.provisioning.ProvisioningStore}: per device ({@link dev.cwmp.provisioning.DeviceProvisioning})
 *       the {@link dev.cwmp.provisioning.ConfigurationStatus configuration status}, the
 *       {@link dev.cwmp.provisioning.ProvisioningFault faults} of its channels (GenieACS-style, with exponential
 *       back-off) and its {@link dev.cwmp.provisioning.PendingTransfer pending transfers}; a
 *       {@link dev.cwmp.provisioning.StatusSummary summary} over all devices. Both SPIs have in-memory defaults and
 *       contract tests in {@link dev.cwmp.provisioning.contract}.
 * </ul>
 *
 * <pre>{@code
 * PresetEvaluator presets = PresetEvaluator.of(PresetJson.readList(json));   // once, shared
 * PresetEvaluation applicable = presets.evaluate(session);                   // at every session
 * session.updateDevice(applicable::applyTags);
 *
 * // Or let the provision engine do all of it:
 * ProvisioningDriver driver = ProvisioningDriver.builder(PresetJson.readList(json))
 *         .provision("wifi", (ctx, args) -> {
 *             var mac = ctx.declare("Device.Ethernet.Interface.1.MACAddress", Timestamps.value(ctx.now()), Values.none());
 *             ctx.commit();   // read it before going on
 *             String hex = mac.get(0).value().orElseThrow().replace(":", "");
 *             ctx.declare("Device.WiFi.SSID.1.SSID", Timestamps.none(), Values.value(args.get(0) + hex.substring(hex.length() - 5)));
 *         })
 *         .build();
 * Acs acs = Acs.builder().sessionDriver(driver).build();
 * }</pre>
 */
package dev.cwmp.provisioning;
