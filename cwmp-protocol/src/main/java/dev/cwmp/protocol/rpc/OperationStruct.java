package dev.cwmp.protocol.rpc;

/**
 * One operation of a {@link ChangeDUState}: {@link InstallOpStruct}, {@link UpdateOpStruct} or
 * {@link UninstallOpStruct}. On the wire an {@code Operations} element with
 * {@code xsi:type="cwmp:InstallOpStruct"} etc.
 */
public sealed interface OperationStruct permits InstallOpStruct, UpdateOpStruct, UninstallOpStruct {

    /** The schema type name, e.g. "InstallOpStruct". */
    String typeName();
}
