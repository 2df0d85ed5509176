package dev.cwmp.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwmp.provisioning.ConfigurationStatus;
import dev.cwmp.provisioning.DeviceProvisioning;
import dev.cwmp.provisioning.PendingTransfer;
import dev.cwmp.provisioning.ProvisioningFault;
import dev.cwmp.session.DeviceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our JSON of provisioning state: a device's status, faults and pending transfers (with the tag changes
 * of the session that sent each, {@code tagsAdded} and {@code tagsRemoved}, absent when none and in
 * rows written before).
 */
final class ProvisioningJson {

    private ProvisioningJson() {
    }

    static String state(DeviceProvisioning p) {
        ObjectNode o = JsonCodec.MAPPER.createObjectNode();
        ConfigurationStatus s = p.status();
        ObjectNode status = o.putObject("status");
        status.put("state", s.state().name());
        ArrayNode presets = status.putArray("pendingPresets");
        s.pendingPresets().forEach(presets::add);
        s.reason().ifPresent(r -> status.put("reason", r));
        status.put("updated", s.updated().toString());
        ArrayNode faults = o.putArray("faults");
        p.faults().forEach(f -> faults.add(fault(f)));
        ArrayNode transfers = o.putArray("transfers");
        for (PendingTransfer t : p.transfers()) {
            ObjectNode transfer = transfers.addObject().put("commandKey", t.commandKey()).put("channel", t.channel())
                    .put("fileType", t.fileType()).put("url", t.url()).put("sent", t.sent().toString())
                    .put("expires", t.expires().toString());
            tags(transfer, "tagsAdded", t.tagsAdded());
            tags(transfer, "tagsRemoved", t.tagsRemoved());
        }
        return JsonCodec.write(o);
    }

    static DeviceProvisioning state(DeviceId id, String json) {
        JsonNode o = JsonCodec.read(json);
        JsonNode s = o.get("status");
        List<String> presets = new ArrayList<>();
        s.path("pendingPresets").forEach(n -> presets.add(n.asText()));
        JsonNode reason = s.get("reason");
        ConfigurationStatus status = new ConfigurationStatus(ConfigurationStatus.State.valueOf(s.get("state").asText()),
                presets, reason == null ? Optional.empty() : Optional.of(reason.asText()),
                Instant.parse(s.get("updated").asText()));
        List<ProvisioningFault> faults = new ArrayList<>();
        o.path("faults").forEach(f -> faults.add(fault(id, f)));
        List<PendingTransfer> transfers = new ArrayList<>();
        for (JsonNode t : o.path("transfers")) {
            transfers.add(new PendingTransfer(id, t.get("commandKey").asText(), t.get("channel").asText(),
                    t.get("fileType").asText(), t.get("url").asText(), Instant.parse(t.get("sent").asText()),
                    Instant.parse(t.get("expires").asText()), tags(t, "tagsAdded"), tags(t, "tagsRemoved")));
        }
        return new DeviceProvisioning(id, status, faults, transfers);
    }

    /** Writes a transfer's tag changes, sorted, only when there are some (rows stay as they were without). */
    private static void tags(ObjectNode transfer, String field, Set<String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode array = transfer.putArray(field);
            new TreeSet<>(tags).forEach(array::add);
        }
    }

    /** A transfer's tag changes; none in rows written before transfers kept them. */
    private static Set<String> tags(JsonNode transfer, String field) {
        Set<String> tags = new HashSet<>();
        transfer.path(field).forEach(n -> tags.add(n.asText()));
        return tags;
    }

    static ObjectNode fault(ProvisioningFault f) {
        return JsonCodec.MAPPER.createObjectNode().put("channel", f.channel()).put("code", f.code())
                .put("message", f.message()).put("timestamp", f.timestamp().toString()).put("retries", f.retries())
                .put("retryAfter", f.retryAfter().toString());
    }

    static ProvisioningFault fault(DeviceId id, JsonNode f) {
        return new ProvisioningFault(id, f.get("channel").asText(), f.get("code").asText(), f.get("message").asText(),
                Instant.parse(f.get("timestamp").asText()), f.get("retries").asInt(),
                Instant.parse(f.get("retryAfter").asText()));
    }
}
