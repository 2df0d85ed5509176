/**
 * Files served to CPEs (firmware images, configuration files): a {@link dev.cwmp.provisioning.files.FileStore}
 * (a directory by default) with {@link dev.cwmp.provisioning.files.FileMetadata}, and a
 * {@link dev.cwmp.provisioning.files.FileServer} CPEs download them from (GET, HEAD, ranges, ETags).
 *
 * <pre>{@code
 * FileStore store = FileStore.directory(Path.of("/var/lib/acs/files"));
 * try (InputStream in = Files.newInputStream(Path.of("upgrade-6.49.7.xml"))) {
 *     store.put("upgrade-6.49.7.xml", FileInfo.ofType("1 Firmware Upgrade Image"), in, 64 << 20);
 * }
 * FileServer server = FileServer.start(store, new InetSocketAddress("192.0.2.10", 7567));
 * URI url = server.urlOf("upgrade-6.49.7.xml"); // for a Download
 * }</pre>
 */
package dev.cwmp.provisioning.files;
