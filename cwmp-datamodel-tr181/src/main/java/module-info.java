/**
 * The TR-181 Issue 2 and TR-098 data models: definitions generated from the Broadband Forum's XML,
 * typed values and validation, parameter paths and the device parameter tree.
 */
module dev.cwmp.datamodel {
    exports dev.cwmp.datamodel;
    exports dev.cwmp.datamodel.dump;
}
