/**
 * The standalone ACS: {@link dev.cwmp.server.AcsServer} (its {@code main} is what {@code bin/acs}
 * runs) configured by a {@link dev.cwmp.server.ServerConfig}.
 */
package dev.cwmp.server;
