/**
 * The contracts of the session engine's SPIs as abstract JUnit 5 test classes: a store of your own is
 * checked against the same tests as ours by extending {@link dev.cwmp.testkit.contract.DeviceStoreContract},
 * {@link dev.cwmp.testkit.contract.TaskQueueContract} or
 * {@link dev.cwmp.testkit.contract.CpeCredentialsContract} in your tests and returning a fresh instance.
 *
 * <pre>{@code
 * class RedisDeviceStoreTest extends DeviceStoreContract {
 *     @Override
 *     protected DeviceStore newStore() {
 *         return new RedisDeviceStore(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>Every test and lifecycle method is public, so subclasses in any package (and on the module path)
 * inherit and run them.
 */
package dev.cwmp.testkit.contract;
