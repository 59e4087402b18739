/**
 * Release archives: {@link dev.ncsdk.appstore.archive.ArchiveInspector} checks a {@code .tar.gz} against the
 * store's rules without unpacking it, {@link dev.ncsdk.appstore.archive.ArchiveExtractor} unpacks it without ever
 * writing outside the target, and {@link dev.ncsdk.appstore.archive.AppPackager} builds reproducible archives.
 */
package dev.ncsdk.appstore.archive;
