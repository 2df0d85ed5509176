/**
 * The contract tests of this module's SPIs, as abstract JUnit 5 classes: an implementation's test
 * extends {@link dev.cwmp.provisioning.contract.ProvisioningStoreContract} or
 * {@link dev.cwmp.provisioning.contract.PresetStoreContract} and returns a fresh, empty store. They
 * need JUnit 5 and AssertJ on the test class path (optional dependencies of this module).
 */
package dev.cwmp.provisioning.contract;
