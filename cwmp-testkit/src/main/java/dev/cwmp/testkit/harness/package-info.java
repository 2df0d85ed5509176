/**
 * Fixtures to test a {@link dev.cwmp.session.SessionDriver} without JUnit's extension model:
 * {@link dev.cwmp.testkit.harness.AcsHarness} runs our ACS behind its HTTP listener on loopback, on a
 * manual clock, with simulated CPEs, and returns the records of the sessions each step ran;
 * {@link dev.cwmp.testkit.harness.FixedSessionContext} is a session made up front, for code that
 * only reads one (preset evaluation, preconditions).
 */
package dev.cwmp.testkit.harness;
