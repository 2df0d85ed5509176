package dev.cwmp.session.internal.engine;

import dev.cwmp.datamodel.InvalidPathException;
import dev.cwmp.datamodel.ParameterPath;
import dev.cwmp.datamodel.ParameterTree;
import dev.cwmp.protocol.rpc.AcsRequest;
import dev.cwmp.protocol.rpc.AddObject;
import dev.cwmp.protocol.rpc.AddObjectResponse;
import dev.cwmp.protocol.rpc.CpeResponse;
import dev.cwmp.protocol.rpc.DeleteObject;
import dev.cwmp.protocol.rpc.GetParameterAttributesResponse;
import dev.cwmp.protocol.rpc.GetParameterNames;
import dev.cwmp.protocol.rpc.GetParameterNamesResponse;
import dev.cwmp.protocol.rpc.GetParameterValuesResponse;
import dev.cwmp.protocol.rpc.ParameterAttributeStruct;
import dev.cwmp.protocol.rpc.ParameterInfoStruct;
import dev.cwmp.protocol.rpc.ParameterValueStruct;
import dev.cwmp.protocol.rpc.SetParameterValues;
import dev.cwmp.protocol.rpc.XsdType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges what a CPE says into the device's parameter tree: the Inform's values, and the answers to
 * every request that reads or changes parameters. Only what the CPE confirmed is written; a name
 * the CPE wrote that is not a valid path is skipped with a warning (the rest is kept).
 */
final class TreeUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(TreeUpdates.class);

    private TreeUpdates() {
    }

    static void mergeValues(ParameterTree tree, List<ParameterValueStruct> values, Instant now) {
        List<ParameterTree.ValueInfo> infos = new ArrayList<>(values.size());
        for (ParameterValueStruct v : values) {
            path(v.name()).ifPresent(p -> infos.add(new ParameterTree.ValueInfo(p, v.value(), typeOf(v.type()))));
        }
        tree.mergeValues(infos, now);
    }

    /** Applies the CPE's answer to {@code request}. */
    static void apply(ParameterTree tree, AcsRequest<?> request, CpeResponse response, Instant now) {
        if (response instanceof GetParameterValuesResponse gpv) {
            mergeValues(tree, gpv.parameterList(), now);
        } else if (response instanceof GetParameterNamesResponse gpn && request instanceof GetParameterNames req) {
            List<ParameterTree.NameInfo> names = new ArrayList<>(gpn.parameterList().size());
            for (ParameterInfoStruct info : gpn.parameterList()) {
                path(info.name()).ifPresent(p -> names.add(new ParameterTree.NameInfo(p, info.writable())));
            }
            if (req.parameterPath().isEmpty()) {
                tree.mergeAllNames(req.nextLevel(), names, now);
            } else {
                path(req.parameterPath()).ifPresent(p -> tree.mergeNames(p, req.nextLevel(), names, now));
            }
        } else if (response instanceof GetParameterAttributesResponse gpa) {
            List<ParameterTree.AttributeInfo> attrs = new ArrayList<>(gpa.parameterList().size());
            for (ParameterAttributeStruct a : gpa.parameterList()) {
                path(a.name()).ifPresent(p -> attrs.add(new ParameterTree.AttributeInfo(p, a.notification(), a.accessList())));
            }
            tree.mergeAttributes(attrs, now);
        } else if (request instanceof SetParameterValues spv) {
            // The CPE accepted every value (status 0: applied, 1: applied once committed/rebooted).
            mergeValues(tree, spv.parameterList(), now);
        } else if (response instanceof AddObjectResponse added && request instanceof AddObject add) {
            path(add.objectName() + added.instanceNumber() + ".").ifPresent(p -> tree.addInstance(p, now));
        } else if (request instanceof DeleteObject delete) {
            path(delete.objectName()).ifPresent(tree::delete);
        }
    }

    private static Optional<String> typeOf(XsdType type) {
        return type == XsdType.UNSPECIFIED ? Optional.empty() : Optional.of(type.wireName());
    }

    private static Optional<ParameterPath> path(String name) {
        try {
            return Optional.of(ParameterPath.parse(name));
        } catch (InvalidPathException e) {
            LOG.warn("skipping a parameter name the CPE sent that is not a valid path: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
