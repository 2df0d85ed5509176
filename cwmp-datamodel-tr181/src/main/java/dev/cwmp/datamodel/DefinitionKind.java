package dev.cwmp.datamodel;

/** How a path relates to a data model's definitions (see {@link DataModel#kindOf(String)}). */
public enum DefinitionKind {
    /** The model defines it. */
    STANDARD,
    /** Not in the model, and a vendor extension ({@code X_<vendor>_...} in some segment): accepted. */
    VENDOR,
    /** Not in the model and not a vendor extension: a name the standard does not have. */
    UNKNOWN
}
